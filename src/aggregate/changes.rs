//! Changes of every item's positive share against every earlier wave, per segment and group:
//! the numbers behind the trend table's "…からの変化" columns. Only the change from the
//! previous wave has an interval and a test (in the items table); these are the plain
//! differences a reader compares across years.
//!
//! Suppressed cells carry no share, so a change involving one is absent rather than computed.

use polars::prelude::*;

/// wave, segment, group, item, since (the earlier wave), diff (points: share in `wave` minus
/// share in `since`). One row per pair of waves in which both cells are shown.
pub fn changes(items: &DataFrame) -> PolarsResult<DataFrame> {
    let keys = ["segment", "group", "item"];
    if items.height() == 0 {
        return Ok(DataFrame::empty());
    }
    let shares = items
        .clone()
        .lazy()
        .filter(col("suppressed").not().and(col("share").is_not_null()))
        .select([
            col("wave"),
            col("segment"),
            col("group"),
            col("item"),
            col("share"),
        ]);
    let earlier = shares.clone().select([
        col("wave").alias("since"),
        col("segment"),
        col("group"),
        col("item"),
        col("share").alias("share_since"),
    ]);
    shares
        .join(
            earlier,
            keys.map(col),
            keys.map(col),
            JoinArgs::new(JoinType::Inner),
        )
        .filter(col("since").lt(col("wave")))
        .select([
            col("wave"),
            col("segment"),
            col("group"),
            col("item"),
            col("since"),
            (col("share") - col("share_since")).alias("diff"),
        ])
        .sort(
            ["wave", "segment", "group", "item", "since"],
            SortMultipleOptions::default(),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_earlier_shown_wave_gives_a_change() {
        // By hand: 2024 vs 2022 = 70 − 60 = 10, 2024 vs 2023 = 70 − 65 = 5, 2023 vs 2022 = 5;
        // the group hidden in 2023 has only its 2024 vs 2022 change. Rows sort by wave, then
        // segment (`all` before `s`).
        let df = df!(
            "wave" => [2022, 2023, 2024, 2022, 2023, 2024],
            "segment" => ["all", "all", "all", "s", "s", "s"],
            "group" => ["全体", "全体", "全体", "a", "a", "a"],
            "item" => ["q1"; 6],
            "share" => [Some(60.0), Some(65.0), Some(70.0), Some(50.0), None, Some(40.0)],
            "suppressed" => [false, false, false, false, true, false],
        )
        .unwrap();
        let c = changes(&df).unwrap();
        let rows: Vec<(i32, String, i32, f64)> = (0..c.height())
            .map(|r| {
                (
                    c.column("wave").unwrap().i32().unwrap().get(r).unwrap(),
                    c.column("group")
                        .unwrap()
                        .str()
                        .unwrap()
                        .get(r)
                        .unwrap()
                        .to_string(),
                    c.column("since").unwrap().i32().unwrap().get(r).unwrap(),
                    c.column("diff").unwrap().f64().unwrap().get(r).unwrap(),
                )
            })
            .collect();
        let expected = [
            (2023, "全体", 2022, 5.0),
            (2024, "全体", 2022, 10.0),
            (2024, "全体", 2023, 5.0),
            (2024, "a", 2022, -10.0),
        ];
        assert_eq!(rows.len(), expected.len(), "{rows:?}");
        for (got, want) in rows.iter().zip(expected) {
            assert_eq!((got.0, got.1.as_str(), got.2), (want.0, want.1, want.2));
            assert!((got.3 - want.3).abs() < 1e-9);
        }
    }
}
