//! CSV output: RFC 4180 quoting with CRLF line ends, UTF-8 with BOM, and the Shift_JIS (CP932)
//! encoding (R5 export, rosters R3 and R5), which rejects any character outside CP932.

use encoding_rs::SHIFT_JIS;

use crate::Res;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The header and rows as CSV text: fields quoted only when needed, CRLF after every record.
pub fn csv_text(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for r in std::iter::once(header).chain(rows.iter().map(|r| r.as_slice())) {
        let line: Vec<String> = r.iter().map(|c| csv_field(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// UTF-8 with a byte-order mark, as Excel writes "CSV UTF-8".
pub fn utf8_with_bom(text: &str) -> Vec<u8> {
    format!("\u{FEFF}{text}").into_bytes()
}

/// Encodes to Shift_JIS (CP932, the WHATWG Shift_JIS of encoding_rs); any
/// character outside CP932 is an error naming the character.
pub fn encode_cp932(text: &str) -> Res<Vec<u8>> {
    let (bytes, _, had_errors) = SHIFT_JIS.encode(text);
    if had_errors {
        let bad: String = text
            .chars()
            .filter(|c| SHIFT_JIS.encode(&c.to_string()).2)
            .collect();
        return Err(format!("characters not encodable in Shift_JIS (CP932): {bad:?}").into());
    }
    Ok(bytes.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::*;
    use crate::waves::{headers, WAVES};

    #[test]
    fn every_label_round_trips_through_shift_jis() {
        let mut labels: Vec<String> = Vec::new();
        for wave in &WAVES {
            labels.extend(headers(wave));
        }
        let groups: [&[&str]; 11] = [
            &SCALE,
            &AGE_LABELS,
            &EMP_LABELS,
            &DEPTS,
            &UNSAT_OPTS,
            &NEEDS_OPTS,
            &STRESS_OPTS,
            &QUIT_OPTS,
            &COMMENTS,
            &UNMATCHED,
            &[
                "職場のｺﾐｭﾆｹｰｼｮﾝの円滑化",
                "６０歳以上",
                "どちらかと言えば\u{3000}そう思う",
                "そう思う\u{3000}",
                MULTILINE_COMMENT,
            ],
        ];
        labels.extend(groups.iter().flat_map(|g| g.iter().map(|s| s.to_string())));
        for l in &labels {
            let bytes = encode_cp932(l).unwrap_or_else(|e| panic!("{l}: {e}"));
            let (back, had_errors) = SHIFT_JIS.decode_without_bom_handling(&bytes);
            assert!(!had_errors, "{l}");
            assert_eq!(&back, l);
        }
        assert!(encode_cp932("〜").is_err(), "U+301C must be rejected");
        assert!(encode_cp932("～").is_ok());
    }
}
