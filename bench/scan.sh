#!/usr/bin/env bash
# `errdoc scan` on a synthetic tree of 100,000 source files (bench/scan_tree.py),
# side by side with ripgrep counting the same literals: median of 5 warm runs.
# Prints a Markdown table row for BENCHMARKS.md. No test asserts a time.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES="${FILES:-100000}"
RUNS="${RUNS:-5}"
if ! command -v rg >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -q ripgrep >/dev/null || { echo "error: apt-get could not install ripgrep" >&2; exit 1; }
  else
    echo "error: ripgrep (rg) is missing: install it (Debian: apt-get install ripgrep)" >&2; exit 1
  fi
fi
cargo build --release -q
ERRDOC="$PWD/target/release/errdoc"
WORK="$(mktemp -d /dev/shm/errdoc-scan.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
cp -r tests/fixtures/scan/catalog tests/fixtures/scan/locales "$WORK/"
python3 bench/scan_tree.py "$WORK/tree" "$FILES"
BYTES=$(du -sb "$WORK/tree" | cut -f1)

# Median of RUNS wall-clock seconds of a command (its output discarded).
median() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

cd "$WORK"
"$ERRDOC" scan tree >/dev/null 2>&1 || true   # warm the page cache
found=$("$ERRDOC" scan tree 2>&1 | tail -1 || true)
errdoc_s=$(median "$ERRDOC" scan tree)
rg_s=$(median rg -c --no-messages '\b2300[0-9]{3}\b|\bNET_[A-Z_]+\b' tree)
/usr/bin/time -f '%M' -o "$WORK/rss" "$ERRDOC" scan tree >/dev/null 2>&1 || true
rss=$(tail -1 "$WORK/rss")
echo "$found"
printf '| %s | %s | %.3f | %.0f | %s | %.3f | %.2f× |\n' \
  "$FILES" "$((BYTES / 1048576))" "$errdoc_s" "$(echo "$FILES / $errdoc_s" | bc -l)" \
  "$((rss / 1024))" "$rg_s" "$(echo "$rg_s / $errdoc_s" | bc -l)"
