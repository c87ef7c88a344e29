//! Reading the pipeline file's TOML into [`PipelineFile`], reporting every problem at once in
//! Japanese.
//!
//! Two passes. Syntax: the file is parsed; at an error its line is recorded and blanked and
//! the parse is tried again, so every broken line is listed (with its line and column). Types
//! and keys, once the syntax is sound: the file is deserialised; at an error the offending key
//! is named by its path, the value is patched in a copy of the document (an unknown key
//! removed, a wrong value replaced by a placeholder of the expected type, a missing key
//! added) and the file deserialised again. The patched paths are returned so that validation
//! does not report the placeholders again (no cascades).

use super::file::PipelineFile;
use super::keypath::{line_col, KeyPath, Seg};
use toml_edit::{DocumentMut, Item, Value};

/// At most this many problems of one pass are collected.
const MAX_PROBLEMS: usize = 50;

/// A problem at a key path (empty for the whole file).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: KeyPath,
    pub message: String,
}

/// Syntax errors: `(line, column, message)`, in file order.
pub fn syntax_errors(text: &str) -> Vec<(usize, usize, String)> {
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    while out.len() < MAX_PROBLEMS {
        let current = lines.join("\n");
        let Err(e) = current.parse::<DocumentMut>() else {
            break;
        };
        let offset = e.span().map_or(0, |s| s.start);
        let (line, col) = line_col(&current, offset);
        if out.iter().any(|(l, _, _)| *l == line) || line > lines.len() {
            // Blanking did not help (e.g. an unclosed string running on); stop here.
            break;
        }
        out.push((line, col, syntax_message(e.message())));
        lines[line - 1] = String::new();
    }
    out.sort_by_key(|(l, c, _)| (*l, *c));
    out
}

/// Japanese for the parser's messages.
fn syntax_message(msg: &str) -> String {
    let first = msg.lines().next().unwrap_or(msg);
    if let Some(key) = between(msg, "duplicate key `", "`") {
        return format!("「{key}」が二度書かれています。一つにまとめてください");
    }
    let text = if msg.contains("expected `.`, `=`") || msg.contains("expected `=`") {
        "キーの後に = と値が必要です（例: title = \"職員アンケート\"）"
    } else if first.contains("invalid key") {
        "キーに使えない文字があります（英数字と _ - 以外を含むキーは \"…\" で囲みます）"
    } else if first.contains("string") {
        "文字列の書き方に誤りがあります（\"…\" で囲み、中の \" は \\\" と書きます。閉じる \" を確かめてください）"
    } else if first.contains("inline table") || msg.contains("expected `}`") {
        "{ … } の書き方に誤りがあります（項目は , で区切り、一行に書き、} で閉じます）"
    } else if first.contains("array") || msg.contains("expected `]`") {
        "[ … ] の書き方に誤りがあります（要素は , で区切り、] で閉じます）"
    } else if first.contains("table header") {
        "表の見出し [名前] / [[名前]] の書き方に誤りがあります"
    } else if first.contains("number")
        || first.contains("integer")
        || first.contains("float")
        || first.contains("date")
    {
        "数値の書き方に誤りがあります（文字列なら \"…\" で囲みます）"
    } else if first.contains("unexpected content") || msg.contains("expected newline") {
        "行の終わりに余分な文字があります（一行に書ける項目は一つです。文字列は \"…\" で囲みます）"
    } else {
        return format!("TOML として読めません（{}）", first.trim());
    };
    text.to_string()
}

/// The text between `start` and `end` in `s`.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

/// Deserialises a syntactically sound file, collecting every type and key problem. Returns
/// the file (with placeholders where problems were) and the patched paths.
pub fn deserialize(text: &str) -> (Option<PipelineFile>, Vec<Problem>, Vec<KeyPath>) {
    let Ok(mut doc) = text.parse::<DocumentMut>() else {
        return (None, vec![], vec![]);
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut patched: Vec<KeyPath> = Vec::new();
    for _ in 0..MAX_PROBLEMS * 3 {
        let current = doc.to_string();
        let de = toml::Deserializer::new(&current);
        let err = match serde_path_to_error::deserialize::<_, PipelineFile>(de) {
            Ok(file) => return (Some(file), problems, patched),
            Err(e) => e,
        };
        let mut path: KeyPath = err
            .path()
            .iter()
            .filter_map(|s| match s {
                serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
                serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
                _ => None,
            })
            .collect();
        let msg = err.inner().message().to_string();
        let fixed = if let Some(field) = between(&msg, "unknown field `", "`") {
            if path.last() != Some(&Seg::Key(field.to_string())) {
                path.push(Seg::Key(field.to_string()));
            }
            let allowed = allowed_fields(&msg);
            problems.push(Problem {
                path: path.clone(),
                message: unknown_key_message(field, &allowed),
            });
            remove(&mut doc, &path)
        } else if let Some(field) = between(&msg, "missing field `", "`") {
            if path.last() != Some(&Seg::Key(field.to_string())) {
                path.push(Seg::Key(field.to_string()));
            }
            if !patched.contains(&path) {
                problems.push(Problem {
                    path: path.clone(),
                    message: format!("必要な項目 {field} がありません。書き足してください"),
                });
            }
            set(&mut doc, &path, Value::from(""))
        } else {
            if !patched.iter().any(|p| *p == path) {
                problems.push(Problem {
                    path: path.clone(),
                    message: type_message(&msg),
                });
            }
            set(&mut doc, &path, placeholder(&msg))
        };
        if !fixed || problems.len() >= MAX_PROBLEMS {
            return (None, problems, patched);
        }
        if !patched.contains(&path) {
            patched.push(path);
        }
    }
    (None, problems, patched)
}

/// `expected one of `a`, `b`` / `expected `a``: the keys allowed there.
fn allowed_fields(msg: &str) -> Vec<String> {
    let Some(at) = msg.find("expected") else {
        return vec![];
    };
    msg[at..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

/// "この項目はありません。もしかして polarity ですか" with the keys that may be written.
fn unknown_key_message(field: &str, allowed: &[String]) -> String {
    let closest = allowed
        .iter()
        .map(|a| (strsim::damerau_levenshtein(field, a), a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a);
    let mut out = format!("「{field}」という項目はありません。");
    if let Some(c) = closest {
        out.push_str(&format!("もしかして {c} ですか。"));
    }
    if allowed.is_empty() {
        out.push_str("ここには項目を書けません");
    } else {
        out.push_str(&format!("ここに書ける項目: {}", allowed.join(", ")));
    }
    out
}

/// Japanese for a type error: what is expected and what was found.
fn type_message(msg: &str) -> String {
    if msg.contains("YearValue") {
        return "年度は \"R5\"、\"令和5年度\" または 2023 のように書いてください".into();
    }
    let expected = msg
        .split("expected ")
        .nth(1)
        .map(|e| expected_name(e.trim()))
        .unwrap_or_else(|| "別の値".into());
    let found = between(msg, "invalid type: ", ", expected")
        .or_else(|| between(msg, "invalid value: ", ", expected"))
        .map(found_name);
    match found {
        Some(f) => format!("{expected}を書いてください（書かれているのは{f}）"),
        None if msg.contains("invalid length") => {
            format!("{expected}を書いてください（要素の数が違います）")
        }
        None => format!("{expected}を書いてください（{}）", msg.trim()),
    }
}

fn expected_name(e: &str) -> String {
    let name = if e.contains("f64") || e.contains("f32") || e.contains("float") {
        "数値（例: 80 や 4.5）"
    } else if ["u8", "u16", "u32", "u64", "usize", "i32", "i64", "integer"]
        .iter()
        .any(|t| e.contains(t))
    {
        "0 以上の整数（例: 3）"
    } else if e.contains("string") {
        "文字列（\"…\" で囲む）"
    } else if e.contains("sequence") {
        "配列（[\"…\", \"…\"]）"
    } else if e.contains("bool") {
        "true か false"
    } else if e.contains("map") || e.contains("struct") {
        "表（[名前] の下に項目を書くか { 項目 = 値 }）"
    } else {
        return format!("{e} の形の値");
    };
    name.to_string()
}

fn found_name(f: &str) -> String {
    if let Some(s) = f.strip_prefix("string ") {
        format!("文字列 {s}")
    } else if let Some(n) = f.strip_prefix("integer ") {
        format!("整数 {}", n.trim_matches('`'))
    } else if let Some(n) = f.strip_prefix("floating point ") {
        format!("小数 {}", n.trim_matches('`'))
    } else if f.starts_with("sequence") {
        "配列".into()
    } else if f.starts_with("map") {
        "表".into()
    } else if let Some(b) = f.strip_prefix("boolean ") {
        format!("真偽値 {}", b.trim_matches('`'))
    } else {
        f.to_string()
    }
}

/// A value of the type a type error asks for, to go on checking.
fn placeholder(msg: &str) -> Value {
    let expected = msg.split("expected ").nth(1).unwrap_or("");
    if msg.contains("YearValue") {
        Value::from(2000)
    } else if expected.contains("f64") || expected.contains("float") {
        Value::from(0.0)
    } else if ["u8", "u16", "u32", "u64", "usize", "i32", "i64", "integer"]
        .iter()
        .any(|t| expected.contains(t))
    {
        Value::from(0)
    } else if expected.contains("sequence") {
        Value::Array(Default::default())
    } else if expected.contains("bool") {
        Value::from(false)
    } else if expected.contains("map") || expected.contains("struct") {
        Value::InlineTable(Default::default())
    } else {
        Value::from("")
    }
}

/// The item at all but the last step of `path`.
fn parent_mut<'a>(doc: &'a mut DocumentMut, path: &[Seg]) -> Option<&'a mut Item> {
    let mut item = doc.as_item_mut();
    for seg in &path[..path.len().saturating_sub(1)] {
        item = match seg {
            Seg::Key(k) => item.get_mut(k.as_str())?,
            Seg::Index(i) => item.get_mut(*i)?,
        };
    }
    Some(item)
}

/// Removes the key at `path`; `false` when it cannot be found.
fn remove(doc: &mut DocumentMut, path: &[Seg]) -> bool {
    let Some(Seg::Key(k)) = path.last() else {
        return false;
    };
    parent_mut(doc, path)
        .and_then(|p| p.as_table_like_mut())
        .and_then(|t| t.remove(k))
        .is_some()
}

/// Sets the value at `path` (a key of a table, or an element of an inline array).
fn set(doc: &mut DocumentMut, path: &[Seg], value: Value) -> bool {
    let Some(parent) = parent_mut(doc, path) else {
        return false;
    };
    match path.last() {
        Some(Seg::Key(k)) => match parent.as_table_like_mut() {
            Some(t) => {
                t.insert(k, Item::Value(value));
                true
            }
            None => false,
        },
        Some(Seg::Index(i)) => match parent.as_array_mut() {
            Some(a) if *i < a.len() => {
                a.replace(*i, value);
                true
            }
            _ => false,
        },
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_broken_line_is_listed_with_line_and_column() {
        let text = "organisation = \"市\"\ntitle \"調査\"\n[report]\ntop_n = 3 4\n";
        let e = syntax_errors(text);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(
            (e[0].0, e[0].2.as_str()),
            (
                2,
                "キーの後に = と値が必要です（例: title = \"職員アンケート\"）"
            )
        );
        assert_eq!(e[1].0, 4);
        assert!(e[1].2.contains("余分な文字"), "{e:?}");
        assert!(syntax_errors("a = 1\n").is_empty());
    }

    #[test]
    fn duplicate_keys_are_named() {
        let e = syntax_errors("title = \"a\"\ntitle = \"b\"\n");
        assert_eq!(e.len(), 1);
        assert!(e[0].2.contains("「title」が二度書かれています"), "{e:?}");
    }

    #[test]
    fn unknown_keys_suggest_the_closest_allowed_key() {
        let m = unknown_key_message("polarty", &["id".into(), "polarity".into(), "label".into()]);
        assert!(
            m.starts_with("「polarty」という項目はありません。もしかして polarity ですか。"),
            "{m}"
        );
        let m = unknown_key_message("zzz", &["id".into()]);
        assert!(!m.contains("もしかして"), "{m}");
    }

    #[test]
    fn type_errors_say_what_is_expected_and_what_was_written() {
        assert_eq!(
            type_message("invalid type: string \"80%\", expected f64"),
            "数値（例: 80 や 4.5）を書いてください（書かれているのは文字列 \"80%\"）"
        );
        assert_eq!(
            type_message("invalid type: integer `3`, expected a string"),
            "文字列（\"…\" で囲む）を書いてください（書かれているのは整数 3）"
        );
    }
}
