//! The progress bar a terminal shows while the exports are read: how much of the files is
//! read, the rate and the time left. Nothing is drawn when asked not to (the output is not a
//! terminal: logs and CI stay clean).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar over `total` bytes of input, drawn on standard error when `shown`, hidden otherwise.
pub fn reading_bar(total: u64, shown: bool) -> ProgressBar {
    if !shown {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "    {bar:24} {percent:>3}% {bytes}/{total_bytes} {bytes_per_sec} 残り {eta}",
    )
    .expect("the template is valid")
    .progress_chars("█▉▊▋▌▍▎▏ ");
    bar.set_style(style);
    bar
}
