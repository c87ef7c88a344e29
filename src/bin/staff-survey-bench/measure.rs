//! Runs a command under `/usr/bin/time -v` (GNU time: the operating system's own accounting
//! of wall-clock time and peak resident memory) and reads both back.

use std::path::Path;
use std::process::Command;

const TIME: &str = "/usr/bin/time";

/// Wall-clock seconds and peak resident memory of one run.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub seconds: f64,
    pub peak_mb: f64,
}

/// Runs `program args…` under GNU time; fails with the command's own message if it fails.
pub fn measure(program: &Path, args: &[String]) -> Result<Measured, String> {
    if !Path::new(TIME).exists() {
        return Err(format!(
            "{TIME} がありません。GNU time を入れてください（Debian: apt-get install time）"
        ));
    }
    let out = Command::new(TIME)
        .arg("-v")
        .arg(program)
        .args(args)
        .output()
        .map_err(|e| format!("{} を実行できません: {e}", program.display()))?;
    let err = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("{} が失敗しました:\n{err}", program.display()));
    }
    let field = |name: &str| {
        err.lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .map(|v| v.trim().to_string())
            .ok_or_else(|| format!("GNU time の出力に「{name}」がありません:\n{err}"))
    };
    let seconds = wall_clock(&field("Elapsed (wall clock) time (h:mm:ss or m:ss):")?)?;
    let kb: f64 = field("Maximum resident set size (kbytes):")?
        .parse()
        .map_err(|_| "GNU time の最大メモリを読めません".to_string())?;
    Ok(Measured {
        seconds,
        peak_mb: kb / 1024.0,
    })
}

/// `1:02:03.45`, `2:03.45` → seconds.
fn wall_clock(text: &str) -> Result<f64, String> {
    text.split(':')
        .try_fold(0.0, |acc, part| part.parse::<f64>().map(|v| acc * 60.0 + v))
        .map_err(|_| format!("GNU time の経過時間「{text}」を読めません"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn wall_clock_forms() {
        assert_eq!(super::wall_clock("0:01.50").unwrap(), 1.5);
        assert_eq!(super::wall_clock("1:02:03.5").unwrap(), 3723.5);
    }
}
