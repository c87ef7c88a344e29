#!/usr/bin/env bash
# Writes screenshots of a report for a person to look at (the chart PNGs are written by
# `staff-survey run` itself, under charts/).
#   bash tests/browser/screenshots.sh [report dir]   (default reports/sample/R6)
# Output, beside the report (so the report directory stays as the run wrote it):
#   <report dir>-screenshots/report-laptop.png (1366 wide) and report-a4.pdf (print layout).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="${1:-reports/sample/R6}"
bash tests/browser/setup.sh
out="${dir%/}-screenshots"
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --hide-scrollbars --user-data-dir="$profile")
url="file://$(realpath "$dir/report.html")"
chromium "${flags[@]}" --window-size=1366,6000 --screenshot="$out/report-laptop.png" "$url" 2>/dev/null
chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report-a4.pdf" "$url" 2>/dev/null
echo "wrote $out/report-laptop.png and $out/report-a4.pdf"
