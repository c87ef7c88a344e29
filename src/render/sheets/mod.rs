//! The department sheets (所属別カルテ): for every segment marked `sheets` (a breakdown by
//! department by default), one printable A4 page per group, written as
//! `sheets/<segment>/NN_<group>.html` (one file to send to each department), one combined
//! `sheets/<segment>.html` to print them all, and `sheets/<segment>.xlsx` with a sheet per
//! group. What a sheet holds is read from the aggregate lookup in [`model`]; [`html`] and
//! `xlsx::karte` only lay it out.

mod html;
pub(in crate::render) mod model;

use super::Report;
use anyhow::Result;

/// A file of the sheets: its path under the report directory and its bytes.
pub struct File {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Every file of the department sheets of the report, in a fixed order.
pub fn files(report: &Report) -> Result<Vec<File>> {
    let mut out = Vec::new();
    for segment in report.pipeline.segments.iter().filter(|s| s.sheets) {
        let sheets = model::sheets(report, segment);
        let dir = format!("sheets/{}", segment.id);
        for (i, sheet) in sheets.iter().enumerate() {
            out.push(File {
                path: format!("{dir}/{}", file_name(i, &sheet.group)),
                bytes: html::page(report, segment, std::slice::from_ref(sheet), false)?
                    .into_bytes(),
            });
        }
        out.push(File {
            path: format!("{dir}.html"),
            bytes: html::page(report, segment, &sheets, true)?.into_bytes(),
        });
        out.push(File {
            path: format!("{dir}.xlsx"),
            bytes: super::xlsx::karte::workbook(report, segment, &sheets)?,
        });
    }
    Ok(out)
}

/// `01_総務部.html`: numbered in report order (so names stay unique and sort as the report
/// does), with the characters no file system accepts replaced by `_`.
pub fn file_name(index: usize, group: &str) -> String {
    let safe: String = group
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{:02}_{safe}.html", index + 1)
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_numbered_and_safe() {
        assert_eq!(file_name(0, "総務部"), "01_総務部.html");
        assert_eq!(file_name(11, " 市民部/窓口 "), "12_市民部_窓口.html");
        assert_eq!(file_name(2, "a:b*c?"), "03_a_b_c_.html");
    }
}
