#!/usr/bin/env bash
# Opens Parcours from a fresh machine: system libraries the window needs, then the release build.
# Extra arguments go to parcours, e.g.: bash scripts/run.sh --data-dir /tmp/x
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh run
cargo run --release --locked -- "$@"
