#!/usr/bin/env bash
# The benchmark of the data path (issue 11), in one command: installs GNU time if missing
# (the operating system's accounting of time and peak memory), builds the release binaries
# and runs staff-survey-bench with the arguments given, e.g.
#   bash tests/bench/run.sh --rows 100000 --formats xlsx,csv
#   bash tests/bench/run.sh --rows 1000000 --formats csv
#   bash tests/bench/run.sh --rows 100000 --waves 5 --formats csv
# It prints a Markdown table: staff-survey run end to end beside the floors measured in the
# same run on the same files, with the machine. Generated files stay in the temporary folder
# (or --dir) and are reused by the next run with the same size and seed.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/bin/time ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
  fi
  echo "installing: time"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/staff-survey/target}"
cargo build --release --locked --bin staff-survey --bin staff-survey-bench
"$CARGO_TARGET_DIR/release/staff-survey-bench" "$@"
