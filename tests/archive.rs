//! `archive` and `verify` together: an archive moved to another directory verifies; one
//! changed byte of any archived input or output fails, naming the file; an archive whose
//! paths point outside it is refused before anything is read.

mod common;

use common::*;
use std::path::{Path, PathBuf};

/// Runs the small fixture from a copy, archives the report, and moves the archive elsewhere.
fn moved_archive(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    run_fixture_copy(&dir, "work/fixture");
    let archive = dir.join("archive");
    let out = staff_survey(&[
        "archive",
        dir.join("work/reports/pipeline/R5").to_str().unwrap(),
        archive.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Away from the originals, which are removed: only the archive is left.
    let moved = dir.join("elsewhere/deeper/archive");
    std::fs::create_dir_all(moved.parent().unwrap()).unwrap();
    std::fs::rename(&archive, &moved).unwrap();
    std::fs::remove_dir_all(dir.join("work")).unwrap();
    moved
}

#[test]
fn a_moved_archive_verifies() {
    let archive = moved_archive("archive-ok");
    let out = verify(&archive);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn one_changed_byte_anywhere_fails_naming_the_file() {
    let archive = moved_archive("archive-bytes");
    let report = archive.join("reports/pipeline/R5");
    let files = files(&report);
    for f in [
        "tables/indicators.csv",
        "report.xlsx",
        "charts/items_by_age.png",
    ] {
        assert!(files.contains(f), "{f} is archived");
        flip_last_byte(&report.join(f));
        let out = verify(&archive);
        assert_eq!(out.status.code(), Some(1), "{f}");
        assert!(
            stderr(&out).contains(&format!("{f} の内容が記録と異なります")),
            "{f}: {}",
            stderr(&out)
        );
        flip_last_byte(&report.join(f));
    }
    for f in [
        "fixture/small_R4.csv",
        "fixture/small_R5.xlsx",
        "fixture/pipeline.toml",
    ] {
        flip_last_byte(&archive.join(f));
        let out = verify(&archive);
        assert_eq!(out.status.code(), Some(1), "{f}");
        let name = Path::new(f).file_name().unwrap().to_str().unwrap();
        assert!(stderr(&out).contains(name), "{f}: {}", stderr(&out));
        flip_last_byte(&archive.join(f));
    }
    assert_eq!(verify(&archive).status.code(), Some(0), "restored");
}

#[test]
fn paths_that_leave_the_archive_are_refused() {
    let archive = moved_archive("archive-escape");
    let outside = archive.parent().unwrap().to_path_buf();
    let before = files(&outside);
    // The report itself named outside the archive.
    std::fs::write(
        archive.join("archive.json"),
        "{\"report\": \"../../outside\"}",
    )
    .unwrap();
    let out = verify(&archive);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("アーカイブの外を指すパスは使えません"),
        "{}",
        stderr(&out)
    );
    std::fs::write(
        archive.join("archive.json"),
        "{\"report\": \"reports/pipeline/R5\"}",
    )
    .unwrap();
    // A manifest entry climbing out, and one absolute.
    let manifest_path = archive.join("reports/pipeline/R5/manifest.json");
    let manifest = std::fs::read_to_string(&manifest_path).unwrap();
    for bad in ["../../../../../../etc/passwd", "/etc/passwd"] {
        let tampered = manifest.replacen("../../../fixture/admin.csv", bad, 1);
        assert_ne!(tampered, manifest);
        std::fs::write(&manifest_path, tampered).unwrap();
        let out = verify(&archive);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert!(
            stderr(&out).contains("アーカイブの外を指すパスは使えません"),
            "{bad}: {}",
            stderr(&out)
        );
    }
    // Nothing was written beside the archive.
    assert_eq!(files(&outside), before);
}
