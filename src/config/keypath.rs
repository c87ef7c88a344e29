//! Key paths in the pipeline file and how a person reads them.
//!
//! A problem is attached to a path such as `questions[2].polarity`. Shown to the user it
//! becomes the line where that key is written and a Japanese name counted from 1 and by id:
//! `12行目 3番目の設問（q03）の polarity`. Lines are looked up in the file as written, so
//! they stay right even after the parser has patched a bad value to go on checking.

use toml_edit::{ImDocument, Item, Table, TableLike, Value};

/// One step of a key path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

pub type KeyPath = Vec<Seg>;

/// Parses `questions[3].asked_if.answers` (as the validation step writes keys).
pub fn parse_path(key: &str) -> KeyPath {
    let mut out = Vec::new();
    for part in key.split('.') {
        let mut rest = part;
        let name_end = rest.find('[').unwrap_or(rest.len());
        if name_end > 0 {
            out.push(Seg::Key(rest[..name_end].to_string()));
        }
        rest = &rest[name_end..];
        while let Some(inner) = rest.strip_prefix('[') {
            let Some(end) = inner.find(']') else { break };
            match inner[..end].parse() {
                Ok(i) => out.push(Seg::Index(i)),
                Err(_) => out.push(Seg::Key(inner[..end].to_string())),
            }
            rest = &inner[end + 1..];
        }
    }
    out
}

/// `true` when `prefix` is `path` or one of its ancestors.
pub fn starts_with(path: &[Seg], prefix: &[Seg]) -> bool {
    path.len() >= prefix.len() && path[..prefix.len()] == *prefix
}

/// Names of the arrays of tables, with the key that identifies an entry.
fn entry_name(array: &str, parent: Option<&str>) -> Option<(&'static str, &'static str)> {
    match (parent, array) {
        (None, "waves") => Some(("調査回", "year")),
        (None, "questions") => Some(("設問", "id")),
        (None, "segments") => Some(("区分", "id")),
        (None, "indicators") => Some(("指標", "id")),
        (Some("respondents"), "attributes") => Some(("属性", "id")),
        _ => None,
    }
}

/// A node of the document as written.
enum Node<'a> {
    Item(&'a Item),
    Table(&'a Table),
    Value(&'a Value),
}

impl<'a> Node<'a> {
    fn table_like(&self) -> Option<&'a dyn TableLike> {
        match self {
            Node::Item(i) => i.as_table_like(),
            Node::Table(t) => Some(*t as &dyn TableLike),
            Node::Value(v) => v.as_inline_table().map(|t| t as &dyn TableLike),
        }
    }

    fn child(&self, seg: &Seg) -> Option<(Node<'a>, Option<std::ops::Range<usize>>)> {
        match seg {
            Seg::Key(k) => {
                let (key, item) = self.table_like()?.get_key_value(k)?;
                Some((Node::Item(item), key.span()))
            }
            Seg::Index(i) => match self {
                Node::Item(Item::ArrayOfTables(a)) => {
                    let t = a.get(*i)?;
                    Some((Node::Table(t), t.span()))
                }
                Node::Item(Item::Value(Value::Array(a))) | Node::Value(Value::Array(a)) => {
                    let v = a.get(*i)?;
                    Some((Node::Value(v), v.span()))
                }
                _ => None,
            },
        }
    }

    fn text(&self) -> Option<String> {
        let v = match self {
            Node::Item(i) => i.as_value()?,
            Node::Value(v) => v,
            Node::Table(_) => return None,
        };
        match v {
            Value::String(s) => Some(s.value().clone()),
            Value::Integer(i) => Some(i.value().to_string()),
            _ => None,
        }
    }
}

/// The pipeline file as written, for locating and naming keys.
pub struct Source<'a> {
    text: &'a str,
    doc: Option<ImDocument<&'a str>>,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Self {
        Source {
            text,
            doc: ImDocument::parse(text).ok(),
        }
    }

    /// The 1-based line of the deepest key of `path` that is written in the file.
    pub fn line(&self, path: &[Seg]) -> Option<usize> {
        let doc = self.doc.as_ref()?;
        let mut node = Node::Table(doc.as_table());
        let mut span = None;
        for seg in path {
            let Some((child, s)) = node.child(seg) else {
                break;
            };
            span = s.or(span);
            node = child;
        }
        span.map(|s| line_of(self.text, s.start))
    }

    /// `3番目の設問（q03）の asked_if.answers`; plain dotted keys elsewhere.
    pub fn name(&self, path: &[Seg]) -> String {
        let doc = self.doc.as_ref();
        let mut node = doc.map(|d| Node::Table(d.as_table()));
        let mut out = String::new();
        let mut dotted: Vec<String> = Vec::new();
        let mut parent: Option<&str> = None;
        let mut i = 0;
        while i < path.len() {
            match (&path[i], path.get(i + 1)) {
                (Seg::Key(array), Some(Seg::Index(n))) if entry_name(array, parent).is_some() => {
                    let (what, id_key) = entry_name(array, parent).expect("checked");
                    let entry = node
                        .as_ref()
                        .and_then(|nd| nd.child(&path[i]))
                        .and_then(|(a, _)| a.child(&path[i + 1]))
                        .map(|(e, _)| e);
                    let id = entry
                        .as_ref()
                        .and_then(|e| e.child(&Seg::Key(id_key.into())))
                        .and_then(|(v, _)| v.text())
                        .filter(|s| !s.is_empty());
                    out = match id {
                        Some(id) => format!("{}番目の{what}（{id}）", n + 1),
                        None => format!("{}番目の{what}", n + 1),
                    };
                    dotted.clear();
                    node = entry;
                    i += 2;
                    continue;
                }
                (Seg::Key(k), _) => {
                    dotted.push(k.clone());
                    parent = Some(k.as_str());
                }
                (Seg::Index(n), _) => {
                    let last = dotted.pop().unwrap_or_default();
                    dotted.push(format!("{last}[{}番目]", n + 1));
                }
            }
            node = node.and_then(|nd| nd.child(&path[i]).map(|(c, _)| c));
            i += 1;
        }
        match (out.is_empty(), dotted.is_empty()) {
            (true, _) => dotted.join("."),
            (false, true) => out,
            (false, false) => format!("{out}の {}", dotted.join(".")),
        }
    }

    /// `12行目 3番目の設問（q03）の polarity` (no line when the key is not written).
    pub fn place(&self, path: &[Seg]) -> String {
        let name = self.name(path);
        match (self.line(path), name.is_empty()) {
            (Some(l), false) => format!("{l}行目 {name}"),
            (Some(l), true) => format!("{l}行目"),
            (None, _) => name,
        }
    }
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (
        line_of(text, offset),
        text[line_start..offset].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "organisation = \"市\"\n\n[[questions]]\nid = \"q01\"\nlabel = \"A\"\n\n[[questions]]\nid = \"q02\"\npolarty = \"negative\"\nasked_if = { question = \"q01\", answers = [\"はい\"] }\n";

    #[test]
    fn paths_parse_from_validation_keys() {
        assert_eq!(
            parse_path("questions[3].asked_if.answers"),
            vec![
                Seg::Key("questions".into()),
                Seg::Index(3),
                Seg::Key("asked_if".into()),
                Seg::Key("answers".into())
            ]
        );
        assert_eq!(
            parse_path("scales.agree4.positive"),
            vec![
                Seg::Key("scales".into()),
                Seg::Key("agree4".into()),
                Seg::Key("positive".into())
            ]
        );
    }

    #[test]
    fn entries_are_counted_from_one_and_named_by_id_with_their_line() {
        let s = Source::new(TEXT);
        let p = parse_path("questions[1].polarty");
        assert_eq!(s.place(&p), "9行目 2番目の設問（q02）の polarty");
        let p = parse_path("questions[1].asked_if.answers");
        assert_eq!(s.place(&p), "10行目 2番目の設問（q02）の asked_if.answers");
        // A key that is not written points at its table.
        let p = parse_path("questions[0].kind");
        assert_eq!(s.place(&p), "3行目 1番目の設問（q01）の kind");
        assert_eq!(s.place(&parse_path("organisation")), "1行目 organisation");
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_col("ab\nあいx", 9), (2, 3));
    }
}
