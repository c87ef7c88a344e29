//! Usage errors in Japanese: clap's error kinds and context turned into a sentence that says
//! what was wrong and what to type instead, followed by the usage line.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

/// Exit code of a usage error.
pub const USAGE_EXIT: u8 = 2;

/// The Japanese message for a clap error; `None` for help and version output, which clap
/// prints as it is.
pub fn message(e: &Error) -> Option<String> {
    let text = |k: ContextKind| -> Option<String> {
        match e.get(k)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join("、")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(v) => Some(
                v.iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join("、"),
            ),
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let mut msg = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return None,
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            "コマンドを指定してください（init、check、run、verify、archive）".to_string()
        }
        ErrorKind::InvalidSubcommand => format!(
            "「{}」というコマンドはありません（使えるコマンド: init、check、run、verify、archive）",
            text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => format!("「{arg}」というオプションはありません"),
        ErrorKind::MissingRequiredArgument => format!("{arg} を指定してください"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            match text(ContextKind::ValidValue) {
                Some(valid) => {
                    format!("{arg} に「{value}」は使えません（使える値: {valid}）")
                }
                None if value.is_empty() => format!("{arg} に値を指定してください"),
                None => format!("{arg} に「{value}」は使えません"),
            }
        }
        ErrorKind::TooManyValues => format!(
            "余分な引数「{}」があります",
            text(ContextKind::InvalidValue).unwrap_or(arg)
        ),
        ErrorKind::ArgumentConflict => format!(
            "{arg} と {} は一緒に使えません",
            text(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::NoEquals => format!("{arg} には = で値をつなげてください"),
        ErrorKind::InvalidUtf8 => "引数に UTF-8 でない文字があります".to_string(),
        _ => format!("コマンドの使い方に誤りがあります（{}）", e.kind()),
    };
    if let Some(s) = text(ContextKind::SuggestedSubcommand) {
        msg.push_str(&format!("。もしかして: {s}"));
    } else if let Some(s) = text(ContextKind::SuggestedArg) {
        msg.push_str(&format!("。もしかして: {s}"));
    }
    let rendered = e.render().to_string();
    let usage = rendered
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("Usage: "))
        .map(|u| format!("\n使い方: {u}"))
        .unwrap_or_default();
    Some(format!(
        "エラー: {msg}{usage}\n詳しくは staff-survey --help または staff-survey <コマンド> --help を見てください。"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn error(args: &[&str]) -> String {
        let e = Cli::try_parse_from(args).expect_err("a usage error");
        message(&e).expect("not help output")
    }

    #[test]
    fn usage_errors_are_japanese_with_a_usage_line() {
        let m = error(&["staff-survey", "chek", "p.toml"]);
        assert!(m.contains("「chek」というコマンドはありません"), "{m}");
        assert!(m.contains("もしかして: check"), "{m}");
        let m = error(&["staff-survey", "run"]);
        assert!(
            m.contains("<パイプラインファイル> を指定してください"),
            "{m}"
        );
        assert!(m.contains("使い方: staff-survey run"), "{m}");
        let m = error(&["staff-survey", "run", "p.toml", "--wav", "R5"]);
        assert!(m.contains("「--wav」というオプションはありません"), "{m}");
        assert!(m.contains("もしかして: --wave"), "{m}");
        assert!(!m.contains("Usage"), "{m}");
    }

    #[test]
    fn help_is_japanese() {
        let e = Cli::try_parse_from(["staff-survey", "run", "--help"]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::DisplayHelp);
        let help = e.render().to_string();
        for want in [
            "使い方:",
            "引数",
            "オプション",
            "ヘルプを表示します",
            "報告する年度",
        ] {
            assert!(help.contains(want), "{want} missing from:\n{help}");
        }
        for english in ["Usage", "Options", "Arguments", "Print help", "[default"] {
            assert!(!help.contains(english), "{english} in:\n{help}");
        }
        let e = Cli::try_parse_from(["staff-survey", "--help"]).unwrap_err();
        let help = e.render().to_string();
        assert!(help.contains("コマンド"), "{help}");
        assert!(!help.contains("Commands"), "{help}");
    }
}
