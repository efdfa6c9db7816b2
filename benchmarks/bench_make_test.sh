#!/usr/bin/env bash
# How long `make test` takes in total (library, notebooks, browser). Prints numbers; asserts nothing.
# Target: well under 15 minutes on a 2-core machine.
# Usage: bash benchmarks/bench_make_test.sh   (from the project folder)
set -uo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
start=$(date +%s.%N)
PYTEST_ADDOPTS="${PYTEST_ADDOPTS:-} --durations=8" make test >"$log" 2>&1
status=$?
end=$(date +%s.%N)
seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
echo "make test: ${seconds} s (exit $status, $(nproc) cores)"
grep -E "[0-9]+ (passed|failed)" "$log" | tail -n 1
echo "slowest steps:"
grep -E "^[0-9.]+s (call|setup|teardown)" "$log" | sort -rn | head -n 8
rm -f "$log"
