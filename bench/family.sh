#!/usr/bin/env bash
# errdoc benchmark: one module whose family has 10k, 50k and 100k members
# (bench/family.py), on tmpfs, in four shapes: the page style's
# `family: table` (a table of every member), `family: rule` (the default),
# `sections` (an explicit code section for every member, table style) and
# `untranslated` (table style; the Chinese texts lack the table's entries,
# so each is reported).
# Cold builds (no site/), and Hugo building the same codes (bench/hugo_site.py:
# one page per code per locale; HUGO=0 leaves it out); prints a Markdown
# table and writes it to
# target/family-results.md. BENCHMARKS.md keeps the figures of a run.
#   bash bench/family.sh                        # all sizes and shapes, 3 runs each (1 at 100k)
#   SIZES="10000" SHAPES="table" bash bench/family.sh
#   ERRDOC=/path/to/other/errdoc bash bench/family.sh   # another build, for before/after
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 50000 100000"}
SHAPES=${SHAPES:-"table rule sections untranslated"}
RUNS=${RUNS:-3}
WORK=${WORK:-/dev/shm/errdoc-family-bench}
OUT=${OUT:-target/family-results.md}

if [ -z "${ERRDOC:-}" ]; then
  cargo build --release --quiet
  ERRDOC=$PWD/target/release/errdoc
fi
mkdir -p "$WORK"

# median min max of numbers on stdin (FMT: their printf format)
stats() { sort -g | awk -v f="${FMT:-%.2f}" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf f " (" f "–" f ")", m, a[1], a[NR]}'; }

{
  echo "| members | shape | files | output MB | cold build s | CPU s (user+sys) | peak RSS MB | RSS / output | Hugo s (pages) | errdoc vs Hugo per page |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$OUT"
cat "$OUT"

for n in $SIZES; do
  for shape in $SHAPES; do
    dir=$WORK/family-$n-$shape
    rm -rf "$dir"
    case $shape in
      sections) python3 bench/family.py --members "$n" --out "$dir" --style table --sections ;;
      untranslated) python3 bench/family.py --members "$n" --out "$dir" --style table --untranslated ;;
      *) python3 bench/family.py --members "$n" --out "$dir" --style "$shape" ;;
    esac
    runs=$RUNS
    [ "$n" -ge 100000 ] && runs=1
    : > "$WORK/wall"; : > "$WORK/cpu"; : > "$WORK/rss"
    for _ in $(seq "$runs"); do
      rm -rf "$dir/site"
      /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$ERRDOC" --root "$dir" build > "$WORK/out.txt" 2>&1 \
        || { cat "$WORK/out.txt"; exit 1; }
      read -r wall user sys rss < "$WORK/time.txt"
      echo "$wall" >> "$WORK/wall"
      awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}' >> "$WORK/cpu"
      echo "$((rss / 1024))" >> "$WORK/rss"
    done
    files=$(find "$dir/site" -type f | wc -l)
    bytes=$(find "$dir/site" -type f -printf "%s\n" | awk '{s += $1} END {print s}')
    mb=$((bytes / 1000000))
    rss_med=$(sort -g "$WORK/rss" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    ratio=$(awk -v r="$rss_med" -v o="$mb" 'BEGIN {printf "%.1f", r / o}')
    hugo_col="—"; per_page="—"
    if [ "${HUGO:-1}" != 0 ] && command -v hugo > /dev/null; then
      rm -rf "$WORK/hugo"; python3 bench/hugo_site.py "$dir" "$WORK/hugo"
      : > "$WORK/hugo-wall"
      for _ in $(seq "$runs"); do
        rm -rf "$WORK/hugo/public"
        /usr/bin/time -f "%e" -o "$WORK/time.txt" hugo --quiet -s "$WORK/hugo" > /dev/null 2>&1
        cat "$WORK/time.txt" >> "$WORK/hugo-wall"
      done
      pages=$(find "$WORK/hugo/content" -name '*.md' | wc -l)
      median() { sort -g | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
      hugo_med=$(median < "$WORK/hugo-wall"); errdoc_med=$(median < "$WORK/wall")
      hugo_col="$(stats < "$WORK/hugo-wall") ($pages)"
      # errdoc writes $files files for the same codes: time per page.
      per_page=$(awk -v h="$hugo_med" -v e="$errdoc_med" -v hp="$pages" -v ep="$files" 'BEGIN {printf "%.1f×", (h / hp) / (e / ep)}')
      rm -rf "$WORK/hugo"
    fi
    row="| $n | $shape | $files | $mb | $(stats < "$WORK/wall") | $(stats < "$WORK/cpu") | $(FMT=%d stats < "$WORK/rss") | $ratio | $hugo_col | $per_page |"
    echo "$row" | tee -a "$OUT"
    rm -rf "$dir"
  done
done
