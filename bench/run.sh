#!/usr/bin/env bash
# errdoc benchmark: synthetic catalogs of 1k, 10k and 100k codes on tmpfs.
# Prints a Markdown table (and writes it to bench/results.md); BENCHMARKS.md
# keeps the figures of a run with the machine's description.
#   bash bench/run.sh            # all sizes, 5 runs each (3 at 100k)
#   SIZES="1000 10000" bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-5}
WORK=${WORK:-/dev/shm/errdoc-bench}
HUGO_MAX=${HUGO_MAX:-10000}

cargo build --release --quiet --example synth
cargo build --release --quiet
ERRDOC=$PWD/target/release/errdoc
SYNTH=$PWD/target/release/examples/synth
mkdir -p "$WORK"

# median min max of numbers on stdin
stats() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f (%.3f–%.3f)", m, a[1], a[NR]}'; }
# wall seconds and max RSS (MB) of a command, via /usr/bin/time
timed() { /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$WORK/out.txt" 2>/dev/null; cat "$WORK/time.txt"; }
written() { grep -o '[0-9]* files\? written' "$WORK/out.txt" | grep -o '^[0-9]*'; }

hugo_site() { # $1 project, $2 hugo dir: one page per code per locale
  python3 bench/hugo_site.py "$1" "$2"
}

{
echo "| codes | files | cold build s | peak RSS MB | rebuild, no change s (files written) | rebuild, one edit s (files written) | index KB raw / gzip (en, zh-CN) | search p50 / p95 ms (en, zh-CN) | Hugo s (pages) | errdoc vs Hugo per page |"
echo "|---|---|---|---|---|---|---|---|---|---|"
} > bench/results.md
cat bench/results.md

for n in $SIZES; do
  dir=$WORK/synth-$n
  rm -rf "$dir"
  "$SYNTH" --codes "$n" --out "$dir" > /dev/null
  runs=$RUNS
  [ "$n" -ge 100000 ] && runs=$(( RUNS < 3 ? RUNS : 3 ))
  : > "$WORK/cold"; : > "$WORK/rss"; : > "$WORK/same"; : > "$WORK/edit"
  for _ in $(seq "$runs"); do
    rm -rf "$dir/site" "$dir/.errdoc-cache"
    read -r wall rss < <(timed "$ERRDOC" --root "$dir" build)
    echo "$wall" >> "$WORK/cold"; echo "$((rss / 1024))" >> "$WORK/rss"
  done
  files=$(find "$dir/site" -type f | wc -l)
  same_written=0
  for _ in $(seq "$runs"); do
    read -r wall rss < <(timed "$ERRDOC" --root "$dir" build)
    echo "$wall" >> "$WORK/same"; same_written=$(written)
  done
  edit_written=0
  ftl=$(ls "$dir"/locales/en/synth-0000.ftl)
  for i in $(seq "$runs"); do
    sed -i "0,/^code-3000001 = .*/s//code-3000001 = Edited Title $i/" "$ftl"
    read -r wall rss < <(timed "$ERRDOC" --root "$dir" build)
    echo "$wall" >> "$WORK/edit"; edit_written=$(written)
  done
  idx=""
  for l in en zh-CN; do
    raw=$(stat -c %s "$dir/site/$l/search-index.js"); gz=$(gzip -9c "$dir/site/$l/search-index.js" | wc -c)
    idx="$idx$((raw / 1024))/$((gz / 1024)) "
  done
  lat=""
  for l in en zh-CN; do
    out=$(chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --user-data-dir="$WORK/chromium" --allow-file-access-from-files --virtual-time-budget=60000 --dump-dom "file://$PWD/bench/search-latency.html?site=file://$dir/site/&locale=$l" 2>/dev/null | grep -o 'p50=[0-9.]* p95=[0-9.]*' || echo "p50=? p95=?")
    lat="$lat$(echo "$out" | sed 's/p50=//; s/ p95=/\//') "
  done
  hugo_col="—"; ratio="—"
  if command -v hugo > /dev/null && [ "$n" -le "$HUGO_MAX" ]; then
    rm -rf "$WORK/hugo-$n"; hugo_site "$dir" "$WORK/hugo-$n"
    : > "$WORK/hugo"
    for _ in $(seq "$runs"); do
      rm -rf "$WORK/hugo-$n/public"
      /usr/bin/time -f "%e" -o "$WORK/time.txt" hugo --quiet -s "$WORK/hugo-$n" > /dev/null 2>&1
      cat "$WORK/time.txt" >> "$WORK/hugo"
    done
    pages=$((2 * n))
    hugo_med=$(sort -g "$WORK/hugo" | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}')
    errdoc_med=$(sort -g "$WORK/cold" | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}')
    hugo_col="$(stats < "$WORK/hugo") ($pages)"
    # errdoc writes $files files for the same content; compare time per page.
    ratio=$(awk -v h="$hugo_med" -v e="$errdoc_med" -v hp="$pages" -v ep="$files" 'BEGIN {printf "%.1f×", (h / hp) / (e / ep)}')
  fi
  row="| $n | $files | $(stats < "$WORK/cold") | $(stats < "$WORK/rss") | $(stats < "$WORK/same") ($same_written) | $(stats < "$WORK/edit") ($edit_written) | $idx| $lat| $hugo_col | $ratio |"
  echo "$row" | tee -a bench/results.md
done
