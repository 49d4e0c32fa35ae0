#!/usr/bin/env bash
# The national benchmark (docs/performance.md). Run it through the README's
# command, `bash .ci/eds3.sh bench`, which installs what it needs and builds
# first; or directly once built:
#
#   bash bench/run.sh [BUILD_DIR]        # default BUILD_DIR: build
#
# It generates two fictional national sets with the build's
# eds3-bench-generate (fixed seed, so the same files every time; in the mixed
# YAML styles of files written by people and other tools):
#   1,500 files: 250 organisations (42 integrated care boards) x 6 years
#   3,000 files: 500 organisations x 6 years
# then times, as whole processes started from this shell (wall time from
# bash's clock, peak resident memory from GNU time), one warm-up run and
# EDS_BENCH_RUNS counted runs (default 5) of
#   eds3 rollup SET -o rollup.xlsx --json rollup.json   for each set
#   eds3 grade examples/northmoor-ambulance-2024-25.yaml (workbook, JSON, Markdown)
# and prints the median, minimum and maximum wall time and peak resident
# memory of each. The data and outputs go to BUILD_DIR/bench-data.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
build="${1:-build}"
runs="${EDS_BENCH_RUNS:-5}"
eds3="$build/cli/eds3"
generator="$build/bench/eds3-bench-generate"
data="$build/bench-data"

for tool in "$eds3" "$generator"; do
  if [ ! -x "$tool" ]; then
    echo "bench: $tool is not built; run 'bash .ci/eds3.sh bench'" >&2
    exit 2
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi
case "$runs" in
  ''|*[!0-9]*|0) echo "bench: EDS_BENCH_RUNS must be a whole number above 0" >&2; exit 2 ;;
esac

rm -rf "$data"
mkdir -p "$data/out"
"$generator" "$data/national-1500" --organisations 250 --years 6
"$generator" "$data/national-3000" --organisations 500 --years 6
# Write the 40 MB just generated to disk now, so that eds3's own fsync of
# its outputs does not wait for it.
sync

# The value at 1-based position $1 of the numbers on standard input, sorted.
nth() { sort -g | sed -n "${1}p"; }

# measure LABEL OUTPUTS COMMAND...: one warm-up run, then $runs counted runs;
# prints one row. OUTPUTS is the command's output files, space-separated.
# A run that fails stops the benchmark with its messages.
measure() {
  local label="$1"
  local -a outputs
  read -r -a outputs <<<"$2"
  shift 2
  local walls="" peaks="" run
  local start end peak
  for run in $(seq 0 "$runs"); do
    start=$EPOCHREALTIME
    if ! /usr/bin/time -f '%M' -o "$data/time.txt" "$@" \
        >"$data/stdout.txt" 2>"$data/stderr.txt"; then
      echo "bench: '$*' failed:" >&2
      cat "$data/stderr.txt" >&2
      exit 1
    fi
    end=$EPOCHREALTIME
    [ "$run" -eq 0 ] && continue
    read -r peak <"$data/time.txt"
    walls+="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')"$'\n'
    peaks+="$peak"$'\n'
  done
  local middle=$(( (runs + 1) / 2 ))
  local wall_median wall_min wall_max peak_median peak_max
  wall_median=$(printf '%s' "$walls" | nth "$middle")
  wall_min=$(printf '%s' "$walls" | nth 1)
  wall_max=$(printf '%s' "$walls" | nth "$runs")
  peak_median=$(printf '%s' "$peaks" | nth "$middle")
  peak_max=$(printf '%s' "$peaks" | nth "$runs")
  printf '%-22s %7s %13s %9s %9s %11s\n' "$label" "$wall_median" \
    "$wall_min-$wall_max" "$(mib "$peak_median")" "$(mib "$peak_max")" \
    "$(cat "${outputs[@]}" | wc -c | awk '{ printf "%.2f", $1 / 1048576 }')"
}

# Kibibytes as mebibytes with one decimal.
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

out="$data/out"
echo "eds3 $("$eds3" --version | sed -n '1s/^eds3 //p'), $(nproc) cores, $runs runs after one warm-up"
printf '%-22s %7s %13s %9s %9s %11s\n' "" "wall s" "wall min-max" "peak MiB" "peak max" "output MiB"
measure "rollup, 1,500 files" "$out/rollup-1500.xlsx $out/rollup-1500.json" \
  "$eds3" rollup "$data/national-1500" \
  -o "$out/rollup-1500.xlsx" --json "$out/rollup-1500.json"
measure "rollup, 3,000 files" "$out/rollup-3000.xlsx $out/rollup-3000.json" \
  "$eds3" rollup "$data/national-3000" \
  -o "$out/rollup-3000.xlsx" --json "$out/rollup-3000.json"
measure "grade, one file" "$out/grade.xlsx $out/grade.json $out/grade.md" \
  "$eds3" grade examples/northmoor-ambulance-2024-25.yaml \
  -o "$out/grade.xlsx" --json "$out/grade.json" --markdown "$out/grade.md"
