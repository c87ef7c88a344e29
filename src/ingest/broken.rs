//! A reader that panics on a damaged file becomes an error naming the file. calamine indexes
//! some of a workbook's tables without checking them (a cell pointing past the end of the
//! shared strings panics), so a damaged export would otherwise end the run with a Rust panic
//! and no word of which file. Every table is read under [`guarded`]: a panic there is caught
//! and reported in Japanese, and the panic hook ([`install_hook`]) stays quiet on threads that
//! are reading, so the user sees that one message.

use anyhow::{anyhow, Result};
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

thread_local! {
    static READING: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook: the one there was, except on threads that are reading.
pub fn install_hook() {
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !READING.with(Cell::get) {
            before(info)
        }
    }));
}

/// Marks this thread as reading: a worker whose panic is passed on to a guarded reader.
pub(super) fn reading() {
    READING.with(|r| r.set(true));
}

/// Runs `read`, the reading of `path`; a panic in it becomes an error naming the file.
pub(super) fn guarded(path: &Path, read: impl FnOnce() -> Result<()>) -> Result<()> {
    let before = READING.with(|r| r.replace(true));
    let result = catch_unwind(AssertUnwindSafe(read));
    READING.with(|r| r.set(before));
    result.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(anyhow!(
            "{} を読めません。ファイルの中身が壊れています（読み取りの内部エラー: {what}）。Excel で開いて別名で保存し直すか、CSV に書き出して指定し直してください",
            path.display()
        ))
    })
}
