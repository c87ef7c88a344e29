#!/usr/bin/env python3
"""Checks how an HTML page prints on A4 from headless Chromium; lists every violation.

    python3 tests/print/layout.py reports/sample/R6/report.html --max-pages 20
    python3 tests/print/layout.py page.html --map --keep /tmp/print   # element map, PDFs kept

Exit status: 0 when the page follows every rule, 1 when it breaks one (each violation is
printed, naming the element, the page and what is wrong), 2 when the check itself could not
be made (no Chromium, an instrumented print that differs from the plain one, ...).

How an element is mapped to its pages and its box (see tests/print.rs for the rules):

1. The page is printed twice with the same Chromium flags: as it is, and as an instrumented
   copy in a temporary directory. The copy differs only by a `data-pl="K"` attribute on every
   block element (h1-h6, p, ul, ol, dl, pre, blockquote, table, figure) and on <html>, and a
   <style> that gives element K a 1 px solid outline in a colour that encodes K
   (outline-offset -1px, so the outline's outer edge is the border box). Outlines never take
   part in layout, so the two prints must have the same characters at the same places: that
   is checked (every character's page, text, position and size), and the check stops with
   status 2 if they differ.
2. In the copy's PDF, each outline is a stroked rectangle of its element's colour: on every
   page where the element has a fragment, its rectangles, clipped to the page's content box
   (the outline of <html>), give the element's box on that page. An element that is cut
   across pages has a fragment on each page; an element that is not printed has none.
3. Chromium writes a tagged PDF: its structure tree has Table / TR / TH / TD, Figure,
   Caption and H1-H6 elements whose marked-content ids (MCID) point at the text they
   painted. The content streams are read with pdfminer.six, tracking nested marked content
   and /ActualText, so every painted character is known with its structure element, page,
   position and font size (the size in the PDF, after any shrinking Chromium did to fit the
   page). The n-th Table of the structure tree is the n-th <table> of the HTML and its cells
   come in the same order (Chromium leaves out cells it paints nothing for: empty ones and
   ones beyond the page edge), so each cell's printed lines are compared with its text.

Notes (not rules) say how the page area is spent ("content, in pages": the boxes of each
kind added up, so the gaps are the rest) and the smallest chart text, so that nobody saves
pages by shrinking charts unseen.

Rules (each violation names the element by its heading or caption):

- a table or figure lies on one page, unless it is taller than the page's content box
  (then a table may continue on the next page between rows; a figure may not: scale it);
- no element's box reaches outside the content box left or right; every cell's text is
  printed in full and inside the content box;
- a heading is never the last thing on its page: the next block that is not a heading
  starts on the heading's page;
- no word or number inside a table cell is broken over two lines. The cell's text is cut
  into segments at white space, before a Japanese opening bracket and after a closing one
  or 、。・; a line may end between segments. A segment of at most 8 characters (a label:
  教育委員会, 会計年度任用職員, 遅れ) or one that is a value (58.1–66.0, n=1185, 12.7時間) is
  never broken; a longer one (prose such as a question's text) only at a phrase boundary of
  BudouX, the Japanese phrase segmenter behind Chromium's `word-break: auto-phrase`;
- table text is at least 9 pt as printed;
- at most --max-pages pages.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import logging

logging.getLogger("pdfminer").setLevel(logging.ERROR)

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]

MIN_TABLE_PT = 9.0
# A segment of a cell's text (see segments()) of at most this many characters is a label
# (教育委員会, 会計年度任用職員, 遅れ) and must not be broken at all.
LABEL_CHARS = 8
BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "dl", "pre",
              "blockquote", "table", "figure"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "source", "track", "wbr"}
TOL = 0.75  # points: rounding of boxes in the PDF


class HarnessError(Exception):
    pass


# ---------------------------------------------------------------------------------------
# HTML: a small DOM with each start tag's offset in the source

@dataclass
class Node:
    tag: str
    attrs: dict
    start: int  # offset of '<' of the start tag in the source
    name_end: int  # offset just after the tag name
    parent: "Node | None" = None
    children: list = field(default_factory=list)  # Node or str

    def text(self) -> str:
        out = []
        for c in self.children:
            out.append(c if isinstance(c, str) else c.text())
        return "".join(out)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class DomBuilder(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0]
        for m in re.finditer("\n", source):
            self.line_starts.append(m.end())
        self.root = Node("#document", {}, 0, 0)
        self.stack = [self.root]

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _open(self, tag, attrs, closed):
        start = self._offset()
        node = Node(tag, dict(attrs), start, start + 1 + len(tag), parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if not closed and tag not in VOID_TAGS:
            self.stack.append(node)

    def handle_starttag(self, tag, attrs):
        self._open(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._open(tag, attrs, True)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(source: str) -> Node:
    b = DomBuilder(source)
    b.feed(source)
    b.close()
    return b.root


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Block:
    k: int  # outline id
    node: Node
    name: str  # how messages call it
    kind: str  # heading / table / figure / block
    fragments: dict = field(default_factory=dict)  # page -> (x0, top, x1, bottom)

    @property
    def pages(self):
        return sorted(self.fragments)


def blocks_of(dom: Node) -> list:
    """Every block element of the body outside <svg>, <style>, <script>, in document order,
    not nested in another block (a <p> inside a <figure> belongs to the figure)."""
    out = []
    last_heading = ""
    for n in dom.iter():
        if n.tag not in BLOCK_TAGS:
            continue
        anc = list(n.ancestors())
        if any(a.tag in ("svg", "style", "script", "head") for a in anc):
            continue
        if any(a.tag in BLOCK_TAGS for a in anc):
            continue
        if n.tag in HEADINGS:
            last_heading = squash(n.text())
            out.append(Block(0, n, f"{n.tag}「{last_heading}」", "heading"))
        elif n.tag == "table":
            out.append(Block(0, n, f"表「{last_heading}」", "table"))
        elif n.tag == "figure":
            cap = next((c for c in n.iter() if c.tag == "figcaption"), None)
            label = squash(cap.text()) if cap else n.attrs.get("aria-label", "")
            out.append(Block(0, n, f"図「{label}」", "figure"))
        else:
            text = squash(n.text())
            out.append(Block(0, n, f"{n.tag}「{text[:24]}{'…' if len(text) > 24 else ''}」",
                             "block"))
    for i, b in enumerate(out):
        b.k = i + 1
    return out


def outline_colour(k: int) -> tuple:
    """Element k's outline colour as 0-255 RGB; 0 is <html>."""
    return (1 + k % 240, 1 + k // 240, 251)


def instrument(source: str, dom: Node, blocks: list) -> str:
    html_node = next((n for n in dom.iter() if n.tag == "html"), None)
    if html_node is None:
        raise HarnessError("no <html> element")
    inserts = [(html_node.name_end, ' data-pl="0"')]
    inserts += [(b.node.name_end, f' data-pl="{b.k}"') for b in blocks]
    rules = ["[data-pl]{outline-style:solid !important;outline-width:1px !important;"
             "outline-offset:-1px !important}"]
    for k in [0] + [b.k for b in blocks]:
        r, g, bl = outline_colour(k)
        rules.append(f'[data-pl="{k}"]{{outline-color:rgb({r},{g},{bl}) !important}}')
    style = "<style>" + "\n".join(rules) + "</style>"
    head_end = source.find("</head>")
    if head_end < 0:
        raise HarnessError("no </head> to put the outline style in")
    inserts.append((head_end, style))
    out = source
    for pos, text in sorted(inserts, key=lambda x: x[0], reverse=True):
        out = out[:pos] + text + out[pos:]
    return out


# ---------------------------------------------------------------------------------------
# Printing

def chromium_binary() -> str:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    raise HarnessError("chromium is not installed: run `bash tests/browser/setup.sh`")


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    profile = tempfile.mkdtemp(prefix="print-profile-")
    try:
        cmd = [chromium_binary(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        if r.returncode != 0 or not pdf_path.exists():
            raise HarnessError(f"chromium failed to print {html_path}:\n{r.stderr[-3000:]}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


# ---------------------------------------------------------------------------------------
# PDF: characters with their marked-content id, outline rectangles, the structure tree

@dataclass
class Char:
    page: int
    seq: int  # paint order on the page
    mcid: "int | None"
    text: str
    x0: float
    top: float  # from the top of the page
    x1: float
    bottom: float
    size: float


def read_pdf(path: Path):
    """Pages' sizes, characters and stroked paths, and the structure tree's elements."""
    try:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.layout import LTChar, LTCurve
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import PDFObjRef, resolve1
        from pdfminer.psparser import PSLiteral
    except ImportError:
        raise HarnessError("pdfminer.six is not installed: run `bash tests/browser/setup.sh`")

    class Device(PDFPageAggregator):
        """Keeps a stack of marked-content sequences: a character belongs to the innermost
        MCID around it, and one inside a /Span with /ActualText stands for that text."""

        def __init__(self, rsrcmgr):
            super().__init__(rsrcmgr, laparams=None)
            self.tags = []  # (mcid or None, actual text or None, [chars in this span])

        def begin_tag(self, tag, props=None):
            mcid = None
            actual = None
            if isinstance(props, dict):
                v = resolve1(props.get("MCID"))
                mcid = v if isinstance(v, int) else None
                a = resolve1(props.get("ActualText"))
                if isinstance(a, bytes):
                    actual = (a[2:].decode("utf-16-be") if a.startswith(b"\xfe\xff")
                              else a.decode("latin-1"))
                elif isinstance(a, str):
                    actual = a
            self.tags.append((mcid, actual, []))

        def end_tag(self):
            if not self.tags:
                return
            _, actual, chars = self.tags.pop()
            if actual is not None and chars:
                chars[0].pl_text = actual
                for c in chars[1:]:
                    c.pl_text = ""

        def current_mcid(self):
            for mcid, _, _ in reversed(self.tags):
                if mcid is not None:
                    return mcid
            return None

        def render_char(self, *args, **kwargs):
            adv = super().render_char(*args, **kwargs)
            item = self.cur_item._objs[-1]
            item.pl_mcid = self.current_mcid()
            item.pl_text = item.get_text()
            for _, actual, chars in self.tags:
                if actual is not None:
                    chars.append(item)
            return adv

        def begin_page(self, page, ctm):
            super().begin_page(page, ctm)
            self.tags = []

    f = open(path, "rb")
    doc = PDFDocument(PDFParser(f))
    rsrc = PDFResourceManager()
    dev = Device(rsrc)
    interp = PDFPageInterpreter(rsrc, dev)
    pages = []
    page_no = {}
    for i, page in enumerate(PDFPage.create_pages(doc)):
        page_no[page.pageid] = i + 1
        interp.process_page(page)
        layout = dev.get_result()
        width, height = layout.width, layout.height
        chars, paths = [], []

        def walk(items):
            for o in items:
                if isinstance(o, LTChar):
                    chars.append(Char(i + 1, len(chars), o.pl_mcid, o.pl_text,
                                      o.x0, height - o.y1, o.x1, height - o.y0, o.size))
                elif isinstance(o, LTCurve):
                    paths.append((o.stroke, o.fill, o.stroking_color,
                                  o.x0, height - o.y1, o.x1, height - o.y0))
                elif hasattr(o, "_objs"):
                    walk(o._objs)

        walk(layout._objs)
        pages.append({"width": width, "height": height, "chars": chars, "paths": paths})

    # The structure tree: elements with their type and the (page, mcid) of their own content.
    elements = []

    def walk_struct(obj, parent_page, parent_el, depth=0):
        obj = resolve1(obj)
        if depth > 200:
            return
        if isinstance(obj, list):
            for o in obj:
                walk_struct(o, parent_page, parent_el, depth + 1)
            return
        if isinstance(obj, int):
            if parent_el is not None and parent_page is not None:
                parent_el["mcids"].append((parent_page, obj))
            return
        if not isinstance(obj, dict):
            return
        typ = resolve1(obj.get("Type"))
        typ = typ.name if isinstance(typ, PSLiteral) else None
        pg = obj.get("Pg")
        pgno = page_no.get(pg.objid) if isinstance(pg, PDFObjRef) else None
        if typ == "MCR" or ("MCID" in obj and "S" not in obj):
            mcid = resolve1(obj.get("MCID"))
            if parent_el is not None and isinstance(mcid, int):
                parent_el["mcids"].append((pgno or parent_page, mcid))
            return
        if typ == "OBJR":
            return
        s = resolve1(obj.get("S"))
        el = {"type": s.name if isinstance(s, PSLiteral) else str(s), "mcids": [],
              "children": []}
        if parent_el is not None:
            parent_el["children"].append(el)
        else:
            elements.append(el)
        if "K" in obj:
            walk_struct(obj["K"], pgno or parent_page, el, depth + 1)

    root = resolve1(doc.catalog.get("StructTreeRoot"))
    if not isinstance(root, dict) or "K" not in root:
        raise HarnessError(f"{path} has no structure tree: Chromium did not write a tagged PDF")
    walk_struct(root["K"], None, None)
    f.close()
    return pages, elements


def struct_iter(el):
    yield el
    for c in el["children"]:
        yield from struct_iter(c)


def struct_mcids(el):
    out = []
    for e in struct_iter(el):
        out.extend(e["mcids"])
    return out


# ---------------------------------------------------------------------------------------
# The checks

@dataclass
class Report:
    violations: list = field(default_factory=list)  # (page or 0, text)
    notes: list = field(default_factory=list)

    def add(self, page, text):
        self.violations.append((page, text))


def page_range(pages):
    if not pages:
        return "not printed"
    return f"p.{pages[0]}" if len(pages) == 1 else f"pp.{pages[0]}–{pages[-1]}"


def frag_union(rects):
    return (min(r[0] for r in rects), min(r[1] for r in rects),
            max(r[2] for r in rects), max(r[3] for r in rects))


def find_outlines(pages, blocks):
    """Each element's box on each page from its outline colour; the content box per page."""
    by_colour = {outline_colour(b.k): b for b in blocks}
    root_colour = outline_colour(0)
    content = {}
    for pno, p in enumerate(pages, 1):
        found = {}
        for stroke, fill, colour, x0, top, x1, bottom in p["paths"]:
            if not stroke or not isinstance(colour, (tuple, list)) or len(colour) != 3:
                continue
            try:
                rgb = tuple(round(float(c) * 255) for c in colour)
            except (TypeError, ValueError):
                continue
            if rgb == root_colour or rgb in by_colour:
                found.setdefault(rgb, []).append((x0, top, x1, bottom))
        if root_colour in found:
            content[pno] = frag_union(found[root_colour])
        for rgb, rects in found.items():
            if rgb != root_colour:
                by_colour[rgb].fragments[pno] = frag_union(rects)
    return content


def content_boxes(content, pages):
    """Each page's content box. The outline of <html> on a page is that page's area, except
    where an unbreakable box (an SVG) overflows the page, or on the last page, which ends
    early; so each edge is the most common one over the pages of the same size."""
    if not content:
        raise HarnessError("the outline of <html> was not found in the instrumented print")

    def mode(values):
        rounded = [round(v, 1) for v in values]
        return max(set(rounded), key=lambda v: (rounded.count(v), v))

    sizes = {}
    for pno, p in enumerate(pages, 1):
        sizes.setdefault((round(p["width"]), round(p["height"])), []).append(pno)
    out = {}
    for size, pnos in sizes.items():
        boxes = [content[p] for p in pnos if p in content]
        if not boxes:
            raise HarnessError(f"no outline of <html> on the pages {pnos}")
        x0, top, x1 = (mode(c[i] for c in boxes) for i in (0, 1, 2))
        full = [content[p] for p in pnos if p in content and p != len(pages)]
        # Only the last page has this size: take its bottom margin to equal its top one.
        bottom = mode(c[3] for c in full) if full else pages[pnos[0] - 1]["height"] - top
        box = (x0, top, x1, bottom)
        for p in pnos:
            out[p] = box
    return out


def clip_fragments(blocks, boxes):
    for b in blocks:
        clipped = {}
        for pno, (fx0, ft, fx1, fb) in b.fragments.items():
            x0, top, x1, bottom = boxes[pno]
            t, bt = max(ft, top), min(fb, bottom)
            if bt - t > TOL:
                clipped[pno] = (fx0, t, fx1, bt)
        b.raw = dict(b.fragments)
        b.fragments = clipped


def same_layout(plain, inst):
    """Every character at the same page, place and size in both prints."""
    if len(plain) != len(inst):
        return f"{len(plain)} pages printed as they are, {len(inst)} instrumented"
    for pno, (a, b) in enumerate(zip(plain, inst), 1):
        ka = [(c.text, round(c.x0, 1), round(c.top, 1), round(c.size, 1)) for c in a["chars"]]
        kb = [(c.text, round(c.x0, 1), round(c.top, 1), round(c.size, 1)) for c in b["chars"]]
        if ka != kb:
            for x, y in zip(ka, kb):
                if x != y:
                    return f"page {pno}: {x} printed as it is, {y} instrumented"
            return f"page {pno}: {len(ka)} characters as it is, {len(kb)} instrumented"
    return None


def norm(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", t.replace("〜", "~").replace("～", "~"))


_budoux = None


def phrase_boundaries(text: str) -> set:
    """Offsets in `text` where BudouX puts a phrase boundary."""
    global _budoux
    if _budoux is None:
        try:
            import budoux
        except ImportError:
            raise HarnessError("budoux is not installed: run `bash tests/browser/setup.sh`")
        _budoux = budoux.load_default_japanese_parser()
    out, pos = set(), 0
    for chunk in _budoux.parse(text):
        pos += len(chunk)
        out.add(pos)
    return out


# Japanese brackets and punctuation: a line may break before an opening one and after a
# closing one (70.4% / （R6）, （2位） / やりがいを…).
OPENING = "（［「『【〔｛〈《"
CLOSING = "）］」』】〕｝〉》、。・，．：；！？"
# A segment with a digit made only of these characters is a value (58.1–66.0, n=1185, 68.8%,
# 12.7時間, 10～20歳代) and is never broken.
NUMBER = re.compile(r"^[\x21-\x7e（）［］％＋－–—−～〜※*]*\d"
                    r"[\x21-\x7e（）［］％＋－–—−～〜※*点人日件歳代時間位年度月]*$")


def segments(text: str) -> list:
    """(start, end) of the pieces of `text` between which a line may always break: white
    space separates them, and so do the edges of Japanese brackets and punctuation."""
    out, start = [], None
    for i, ch in enumerate(text):
        if ch.isspace():
            if start is not None:
                out.append((start, i))
                start = None
            continue
        if start is None:
            start = i
        elif ch in OPENING or text[i - 1] in CLOSING:
            out.append((start, i))
            start = i
    if start is not None:
        out.append((start, len(text)))
    return out


def unbreakable(segment: str) -> bool:
    """A label (at most LABEL_CHARS characters: 教育委員会, 会計年度任用職員, 遅れ) or a value."""
    return len(segment) <= LABEL_CHARS or bool(NUMBER.match(segment))


def allowed_break(text: str, at: int) -> bool:
    """May a line end before text[at]? (text is the cell's text from the HTML). Between
    segments, yes; inside a label or a value, no; inside prose, at a BudouX phrase boundary
    that is not between two characters of a number."""
    for s, e in segments(text):
        if s < at < e:
            seg = text[s:e]
            if unbreakable(seg) or (at - s) not in phrase_boundaries(seg):
                return False
            digit = re.compile(r"[0-9.,%+\-–−~～\[\]()]")
            return not (digit.match(text[at - 1]) and digit.match(text[at]))
    return True


def cell_lines(chars):
    """A cell's printed characters as lines (by baseline), on its first page only."""
    if not chars:
        return []
    first = chars[0].page
    chars = [c for c in chars if c.page == first]
    lines, cur = [], [chars[0]]
    for c in chars[1:]:
        prev = cur[-1]
        if abs(c.bottom - prev.bottom) > 0.5 * max(c.size, prev.size) and c.x0 < prev.x1:
            lines.append(cur)
            cur = [c]
        else:
            cur.append(c)
    lines.append(cur)
    return lines


def html_cells(table: Node):
    """Rows of (tag, text) in document order."""
    rows = []
    for n in table.iter():
        if n.tag == "tr":
            rows.append([(c.tag, c.text()) for c in n.children
                         if isinstance(c, Node) and c.tag in ("td", "th")])
    return rows


def first_page_text(chars) -> str:
    """A cell's printed text on the first page it is printed on (a header row repeated on the
    next page is printed again)."""
    return "".join(c.text for c in chars if c.page == chars[0].page) if chars else ""


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def align_cells(name, ri, row, printed):
    """Pairs the HTML cells of a row with the PDF's structure cells, given the text each
    structure cell printed. Chromium leaves out of the structure tree the cells that print
    nothing: empty ones, and ones beyond the page's edge. Returns the pairs
    [(column, tag, text)] in the structure's order and the HTML cells with text that
    printed nothing."""
    pairs, j = [], 0
    for got in printed:
        while j < len(row):
            want = norm(row[j][1])
            if want and (not got or want == got or want.startswith(got)
                         or is_subsequence(got, want)):
                break
            j += 1
        if j == len(row):
            raise HarnessError(f"{name}: row {ri}: a cell printed {got!r}, which no cell of the "
                               "HTML row holds")
        pairs.append((j, row[j][0], row[j][1]))
        j += 1
    used = {p[0] for p in pairs}
    missing = [(ci, tag, text) for ci, (tag, text) in enumerate(row)
               if ci not in used and text.strip()]
    return pairs, missing


def check(html_path: Path, max_pages, keep: "Path | None", show_map: bool) -> Report:
    source = html_path.read_text(encoding="utf-8")
    dom = parse_html(source)
    blocks = blocks_of(dom)
    work = Path(tempfile.mkdtemp(prefix="print-layout-"))
    try:
        # The report is self-contained, so the copy can print from a temporary directory.
        inst_html = work / html_path.name
        inst_html.write_text(instrument(source, dom, blocks), encoding="utf-8")
        plain_pdf, inst_pdf = work / "plain.pdf", work / "instrumented.pdf"
        print_pdf(html_path, plain_pdf)
        print_pdf(inst_html, inst_pdf)
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(plain_pdf, keep / "plain.pdf")
            shutil.copy(inst_pdf, keep / "instrumented.pdf")
        plain, _ = read_pdf(plain_pdf)
        pages, struct = read_pdf(inst_pdf)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    diff = same_layout(plain, pages)
    if diff:
        raise HarnessError("the instrumented copy printed differently from the page, so its "
                           f"outlines cannot be trusted: {diff}")
    content = find_outlines(pages, blocks)
    boxes = content_boxes(content, pages)
    clip_fragments(blocks, boxes)
    rep = Report()
    sizes = {}
    for pno, p in enumerate(pages, 1):
        key = (round(p["width"], 1), round(p["height"], 1)) + tuple(round(v, 1) for v in boxes[pno])
        sizes.setdefault(key, []).append(pno)
    for (w, h, x0, t, x1, bt), pnos in sizes.items():
        rep.notes.append(f"{len(pnos)} of {len(pages)} pages are {w:g} × {h:g} pt with the content "
                         f"box x {x0:g}–{x1:g}, y {t:g}–{bt:g} pt")

    if show_map:
        for b in blocks:
            if b.kind == "block":
                continue
            frags = "; ".join(f"p.{p} [{x0:.1f}, {t:.1f}, {x1:.1f}, {bt:.1f}]"
                              for p, (x0, t, x1, bt) in sorted(b.fragments.items()))
            rep.notes.append(f"{b.name}: {frags or 'not printed'}")

    # Characters by (page, mcid).
    by_mcid = {}
    for p in pages:
        for c in p["chars"]:
            if c.mcid is not None:
                by_mcid.setdefault((c.page, c.mcid), []).append(c)

    def chars_of(el):
        out = []
        for key in struct_mcids(el):
            out.extend(by_mcid.get(key, []))
        return sorted(out, key=lambda c: (c.page, c.seq))

    # Where the pages go: each kind's boxes in page heights (a half-width figure counts half),
    # and the smallest chart text (no rule; shrinking charts is not a way to save pages).
    budget = {}
    for b in blocks:
        kind = {"heading": "headings", "table": "tables", "figure": "figures"}.get(
            b.kind, "notes" if "note" in b.node.attrs.get("class", "") else "other blocks")
        for pno, (x0, t, x1, bt) in b.fragments.items():
            bx0, btop, bx1, bbottom = boxes[pno]
            share = min(1.0, (x1 - x0) / (bx1 - bx0) * 1.05) if b.kind == "figure" else 1.0
            budget[kind] = budget.get(kind, 0.0) + (bt - t) / (bbottom - btop) * share
    rep.notes.append("content, in pages: " + ", ".join(
        f"{k} {v:.1f}" for k, v in sorted(budget.items(), key=lambda kv: -kv[1]))
        + f"; {sum(budget.values()):.1f} in all on {len(pages)} pages")
    figs = [(e, b) for e, b in zip(
        [e for top in struct for e in struct_iter(top) if e["type"] == "Figure"],
        [b for b in blocks if b.kind == "figure"])]
    smallest = []
    for e, b in figs:
        sizes = [c.size for c in chars_of(e) if c.text.strip()]
        if sizes:
            smallest.append((min(sizes), b))
    if smallest:
        size, b = min(smallest, key=lambda x: x[0])
        rep.notes.append(f"smallest chart text: {size:.1f} pt, in {b.name} ({page_range(b.pages)})")

    # (f) pages
    if max_pages is not None and len(pages) > max_pages:
        rep.add(0, f"the page has {len(pages)} pages; at most {max_pages} are allowed")

    # (a), (b) boxes of tables and figures; every element printed
    for b in blocks:
        if b.kind == "block":
            continue
        if not b.fragments:
            # A figure the renderer marks as screen-only (class "screen-only", hidden by its
            # print CSS because a printed table and chart already show its numbers) is left
            # out on purpose; anything else without a box was lost.
            if "screen-only" in b.node.attrs.get("class", "").split():
                rep.notes.append(f"{b.name} is screen-only (not printed, on purpose)")
            else:
                rep.add(0, f"{b.name} is not printed (no box on any page)")
            continue
        ps = b.pages
        # (b) left/right
        for pno, (x0, t, x1, bt) in sorted(b.fragments.items()):
            cx0, _, cx1, _ = boxes[pno]
            if x1 > cx1 + TOL:
                rep.add(pno, f"{b.name} on p.{pno} is {x1 - cx1:.1f} pt wider than the printable "
                        f"area: its right edge is at {x1:.1f} pt, the content box ends at "
                        f"{cx1:.1f} pt")
            if x0 < cx0 - TOL:
                rep.add(pno, f"{b.name} on p.{pno} starts {cx0 - x0:.1f} pt left of the "
                        f"printable area")
        if b.kind == "heading" or len(ps) == 1:
            continue
        # (a) cut across pages
        height = sum(bt - t for (_, t, _, bt) in b.fragments.values())
        page_h = boxes[ps[0]][3] - boxes[ps[0]][1]
        consecutive = ps == list(range(ps[0], ps[-1] + 1))
        if height > page_h + TOL and consecutive:
            if b.kind == "table":
                rep.notes.append(f"{b.name} is taller than a page ({height:.0f} pt > "
                                 f"{page_h:.0f} pt) and continues over {page_range(ps)}")
            else:
                rep.add(ps[0], f"{b.name} is cut across {page_range(ps)}: it is taller than "
                        f"the printable area ({height:.0f} pt > {page_h:.0f} pt); scale it "
                        f"to fit one page")
        else:
            rep.add(ps[0], f"{b.name} is cut across {page_range(ps)} although it fits on one "
                    f"page ({height:.0f} pt of {page_h:.0f} pt)")

    # (c) a heading is not the last thing on its page
    for i, b in enumerate(blocks):
        if b.kind != "heading" or not b.fragments:
            continue
        nxt = next((n for n in blocks[i + 1:] if n.kind != "heading" and n.fragments), None)
        if nxt is None:
            continue
        hp, np_ = b.pages[-1], nxt.pages[0]
        if np_ > hp:
            rep.add(hp, f"{b.name} is the last thing on p.{hp}: what follows it "
                    f"({nxt.name}) starts on p.{np_}")

    # (b), (d), (e) table cells
    tables = [b for b in blocks if b.kind == "table"]
    s_tables = [e for top in struct for e in struct_iter(top) if e["type"] == "Table"]
    if len(tables) != len(s_tables):
        raise HarnessError(f"{len(tables)} tables in the HTML but {len(s_tables)} in the PDF's "
                           "structure tree")
    for b, st in zip(tables, s_tables):
        rows = html_cells(b.node)
        s_rows = [e for e in struct_iter(st) if e["type"] == "TR"]
        if len(rows) != len(s_rows):
            raise HarnessError(f"{b.name}: {len(rows)} rows in the HTML, {len(s_rows)} in the "
                               "PDF's structure tree")
        header = [squash(t) for tag, t in rows[0]] if rows else []
        small = {}
        broken, unprinted, outside = [], [], {}
        for ri, (row, srow) in enumerate(zip(rows, s_rows)):
            scells = [c for c in srow["children"] if c["type"] in ("TH", "TD")]
            cells, missing = align_cells(b.name, ri, row,
                                         [norm(first_page_text(chars_of(sc))) for sc in scells])
            for ci, tag, text in missing:
                col = header[ci] if ci < len(header) else f"column {ci + 1}"
                where = f"header {squash(text)}" if tag == "th" else f"row {ri}, {col}"
                unprinted.append(f"{where}: not printed ({squash(text)!r})")
            row_pages = set()
            for (ci, tag, text), sc in zip(cells, scells):
                col = header[ci] if ci < len(header) else f"column {ci + 1}"
                where = f"header {squash(text)}" if tag == "th" else f"row {ri}, {col}"
                chars = chars_of(sc)
                want = norm(text)
                first_page = [c for c in chars if c.page == chars[0].page] if chars else []
                got = norm(first_page_text(chars))
                # A header row repeats on each page a table continues on; a row cut across
                # pages (reported below) prints the rest of its text on the next page.
                if want and got != want and norm("".join(c.text for c in chars)) != want:
                    printed = "".join(c.text for c in chars)
                    unprinted.append(f"{where}: printed {printed or 'nothing'!r} of "
                                     f"{squash(text)!r}")
                for c in chars:
                    if c.text.strip() and c.size < MIN_TABLE_PT - 0.05:
                        small.setdefault(c.page, []).append(c.size)
                    if c.x1 > boxes[c.page][2] + TOL or c.x0 < boxes[c.page][0] - TOL:
                        outside.setdefault(col, set()).add(c.page)
                if tag == "td" and chars:
                    row_pages.add(chars[0].page)
                    row_pages.add(chars[-1].page)
                # (d) breaks inside a word: map each line start to the HTML text.
                lines = cell_lines(chars)
                if len(lines) < 2 or got != want:
                    continue
                # Offsets in `text` of each non-space character, in order, as norm() keeps them.
                idx = [i for i, ch in enumerate(text) if norm(ch)]
                pos = 0
                shown = []
                for li, line in enumerate(lines):
                    n = len(norm("".join(c.text for c in line)))
                    if li > 0 and pos < len(idx):
                        at = idx[pos]
                        if not allowed_break(text, at):
                            shown.append(at)
                    pos += n
                if shown:
                    t = text
                    for at in sorted(shown, reverse=True):
                        t = t[:at] + "|" + t[at:]
                    broken.append((first_page[0].page, f"{where}: {squash(t)}"))
            if len(row_pages) > 1:
                rep.add(min(row_pages), f"{b.name}: row {ri} is cut across "
                        f"{page_range(sorted(row_pages))}")
        ps = page_range(b.pages)
        if small:
            sizes = sorted({round(s, 1) for v in small.values() for s in v})
            rep.add(min(small), f"{b.name} ({ps}): table text printed at "
                    f"{', '.join(f'{s:g}' for s in sizes)} pt; at least {MIN_TABLE_PT:g} pt "
                    "is required")
        for col, cps in outside.items():
            rep.add(min(cps), f"{b.name} ({ps}): column {col} is printed (partly) outside the "
                    f"printable area")
        if unprinted:
            rep.add(b.pages[0] if b.pages else 0,
                    f"{b.name} ({ps}): {len(unprinted)} cells not printed in full (cut off at "
                    "the edge of the page): " + "; ".join(unprinted[:6])
                    + (f"; … and {len(unprinted) - 6} more" if len(unprinted) > 6 else ""))
        if broken:
            rep.add(broken[0][0], f"{b.name} ({ps}): {len(broken)} cells break a word or number "
                    "over two lines (| marks the break):\n      "
                    + "\n      ".join(f"p.{p} {w}" for p, w in broken))
    rep.violations.sort(key=lambda v: v[0])
    return rep


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("html", type=Path)
    ap.add_argument("--max-pages", type=int, default=None)
    ap.add_argument("--keep", type=Path, help="copy both PDFs (plain, instrumented) here")
    ap.add_argument("--map", action="store_true",
                    help="also list every table, figure and heading with its pages and boxes")
    args = ap.parse_args(argv)
    try:
        rep = check(args.html, args.max_pages, args.keep, args.map)
    except HarnessError as e:
        print(f"print-layout check could not run: {e}")
        return 2
    for n in rep.notes:
        print(f"note: {n}")
    if not rep.violations:
        print(f"print layout: {args.html} follows every rule")
        return 0
    print(f"print layout: {len(rep.violations)} violations in {args.html}")
    for page, text in rep.violations:
        print(f"  - {text}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
