//! Reading a table on a thread of its own while the caller consumes its rows: parsing the
//! file (CSV fields, the xlsx XML) and cleaning the rows then run side by side on two cores.
//! Rows cross in batches through a bounded channel, so no more than a few batches are ever
//! held, however large the export. The reader also moves the run's progress bar by its
//! file's share.

use super::{read_on, RawRow, RawTable, RowSink};
use crate::pipeline::SourceFile;
use anyhow::{bail, Result};
use indicatif::ProgressBar;
use std::sync::mpsc::{sync_channel, SyncSender};

/// Rows per batch sent across.
const BATCH: usize = 1024;
/// Batches that may wait in the channel.
const IN_FLIGHT: usize = 4;

enum Message {
    Begin(RawTable),
    Rows(Vec<RawRow>),
}

/// The reader's end: a sink that batches rows into the channel.
struct Sender {
    tx: SyncSender<Message>,
    batch: Vec<RawRow>,
    bar: ProgressBar,
    /// The file's share of the bar (its size in bytes), and how much of it is shown.
    share: u64,
    shown: u64,
}

impl Sender {
    fn send(&mut self, message: Message) -> Result<()> {
        if self.tx.send(message).is_err() {
            // The consumer stopped with an error of its own, which is the one reported.
            bail!("読み込みを中止しました");
        }
        Ok(())
    }

    /// Moves the bar to `fraction` of the file's share.
    fn show(&mut self, fraction: f64) {
        let now = (self.share as f64 * fraction.clamp(0.0, 1.0)) as u64;
        if now > self.shown {
            self.bar.inc(now - self.shown);
            self.shown = now;
        }
    }

    fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let rows = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        self.send(Message::Rows(rows))
    }
}

impl RowSink for Sender {
    fn begin(&mut self, head: &RawTable) -> Result<()> {
        // Rows not sent yet belong to the reading that is being started over.
        self.batch.clear();
        self.send(Message::Begin(head.clone()))
    }

    fn row(&mut self, row: &RawRow) -> Result<()> {
        self.batch.push(row.clone());
        if self.batch.len() == BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn read_so_far(&mut self, done: u64, total: u64) {
        self.show(done as f64 / total.max(1) as f64);
    }
}

/// Reads `source` on another thread and hands its head and rows to `sink` on this one,
/// moving `bar` by `share` as the file is read. `cores` is what the reading may use (a large
/// xlsx sheet is parsed on that many). The first error wins: the sink's stops the reader,
/// the reader's ends the rows.
pub fn read_in_background(
    source: &SourceFile,
    sink: &mut dyn RowSink,
    (bar, share): (&ProgressBar, u64),
    cores: usize,
) -> Result<()> {
    let (tx, rx) = sync_channel(IN_FLIGHT);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut sender = Sender {
                tx,
                batch: Vec::with_capacity(BATCH),
                bar: bar.clone(),
                share,
                shown: 0,
            };
            read_on(source, &mut sender, cores)?;
            sender.show(1.0);
            sender.flush()
        });
        let mut consumed = Ok(());
        while let Ok(message) = rx.recv() {
            consumed = match message {
                Message::Begin(head) => sink.begin(&head),
                Message::Rows(rows) => rows.iter().try_for_each(|r| sink.row(r)),
            };
            if consumed.is_err() {
                break;
            }
        }
        drop(rx);
        let read = reader
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        consumed.and(read)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Limits, SourceFormat, TextEncoding};

    /// Counts rows and stops with an error at the given row.
    struct Counter {
        heads: usize,
        rows: usize,
        fail_at: Option<usize>,
    }

    impl RowSink for Counter {
        fn begin(&mut self, _head: &RawTable) -> Result<()> {
            self.heads += 1;
            self.rows = 0;
            Ok(())
        }
        fn row(&mut self, row: &RawRow) -> Result<()> {
            self.rows += 1;
            if Some(self.rows) == self.fail_at {
                bail!("止めます {}", row.number);
            }
            Ok(())
        }
    }

    fn csv_source(rows: usize) -> SourceFile {
        let dir = std::env::temp_dir().join(format!("staff-survey-stream-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{rows}.csv"));
        let mut text = String::from("回答ID,年代\n");
        for i in 0..rows {
            text.push_str(&format!("{i},30歳代\n"));
        }
        std::fs::write(&path, text).unwrap();
        SourceFile {
            path,
            format: SourceFormat::Csv {
                encoding: TextEncoding::Utf8,
            },
            header_row: 1,
            limits: Limits::default(),
        }
    }

    #[test]
    fn every_row_arrives_in_order_across_batches() {
        // 2.5 batches: the last, partial batch is flushed too.
        let rows = BATCH * 2 + BATCH / 2;
        let mut sink = Counter {
            heads: 0,
            rows: 0,
            fail_at: None,
        };
        let bar = ProgressBar::hidden();
        bar.set_length(100);
        read_in_background(&csv_source(rows), &mut sink, (&bar, 100), 1).unwrap();
        assert_eq!(
            bar.position(),
            100,
            "the file's whole share is shown at the end"
        );
        assert_eq!((sink.heads, sink.rows), (1, rows));
    }

    #[test]
    fn the_sinks_error_stops_the_reader_and_is_the_one_reported() {
        let mut sink = Counter {
            heads: 0,
            rows: 0,
            fail_at: Some(5),
        };
        let bar = ProgressBar::hidden();
        let err = read_in_background(&csv_source(BATCH * 20), &mut sink, (&bar, 0), 1).unwrap_err();
        // Row 5 of the data is line 6 of the file.
        assert_eq!(err.to_string(), "止めます 6");
    }
}
