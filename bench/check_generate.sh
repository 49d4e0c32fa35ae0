#!/bin/sh
# A ctest case: the benchmark generator writes a set that eds3 validates, and
# the same set twice over; the same data written in the plain style alone
# (--plain) rolls up to the very same JSON and workbook, so every style the
# generator mixes is read as meant. Times nothing.
#   sh bench/check_generate.sh GENERATOR EDS3 WORK_DIR
set -eu
generator=$1 eds3=$2 work=$3
rm -rf "$work"
"$generator" "$work/a/set" --organisations 8 --years 5
"$generator" "$work/b/set" --organisations 8 --years 5
"$generator" "$work/plain/set" --organisations 8 --years 5 --plain
diff -r "$work/a" "$work/b"
files=$(find "$work/a" -name '*.yaml' | wc -l)
if [ "$files" -ne 40 ]; then
  echo "expected 40 files, found $files" >&2
  exit 1
fi
if diff -r "$work/a" "$work/plain" >/dev/null; then
  echo "the mixed styles and --plain wrote the same files" >&2
  exit 1
fi
"$eds3" validate "$work/a/set" >/dev/null
(cd "$work/a" && "$eds3" rollup set -o r.xlsx --json r.json >/dev/null)
(cd "$work/plain" && "$eds3" rollup set -o r.xlsx --json r.json >/dev/null)
cmp "$work/a/r.json" "$work/plain/r.json"
cmp "$work/a/r.xlsx" "$work/plain/r.xlsx"
rm -rf "$work"
