#!/usr/bin/env bash
# Every test, from a fresh machine: system packages the snapshot tests need, then cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh test
cargo test --locked "$@"
