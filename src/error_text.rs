//! The one error printer: an error chain as one Japanese line, with operating-system errors
//! (file not found, no permission, disk full …) said in Japanese with what to check, instead of
//! the OS's English text.

use std::io::ErrorKind;

/// `context: cause: cause`, every `std::io::Error` in the chain put in Japanese.
pub fn chain(e: &anyhow::Error) -> String {
    e.chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(io) => io_error(io),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// Japanese for an operating-system error, saying what to check.
pub fn io_error(e: &std::io::Error) -> String {
    let text = match e.kind() {
        ErrorKind::NotFound => "ファイルまたはフォルダがありません。名前と場所を確かめてください",
        ErrorKind::PermissionDenied => {
            "権限がありません。ファイルやフォルダの権限と、ほかのプログラム（Excel など）が開いていないかを確かめてください"
        }
        ErrorKind::AlreadyExists => "同じ名前のものがすでにあります。別の名前にするか、消してください",
        ErrorKind::StorageFull => "ディスクがいっぱいです。空きを作ってください",
        ErrorKind::ReadOnlyFilesystem => "読み取り専用の場所です。書き込める場所を指定してください",
        ErrorKind::IsADirectory => "ファイルではなくフォルダです",
        ErrorKind::NotADirectory => "フォルダではありません",
        ErrorKind::DirectoryNotEmpty => "フォルダが空ではありません",
        ErrorKind::InvalidData => "ファイルの中身を読めません（壊れているか、形式が違います）",
        ErrorKind::UnexpectedEof => "ファイルが途中で終わっています（壊れているか、書き込み中です）",
        _ => return format!("OS のエラー（{e}）"),
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn os_errors_in_the_chain_are_japanese() {
        let err = std::fs::read("/no/such/file")
            .context("manifest.json を読めません")
            .unwrap_err();
        let text = chain(&err);
        assert_eq!(
            text,
            "manifest.json を読めません: ファイルまたはフォルダがありません。名前と場所を確かめてください"
        );
        assert!(!text.contains("os error"));
    }
}
