#!/bin/sh
# A ctest case: the benchmark generator writes a set that eds3 validates, and
# the same set twice over. Times nothing.
#   sh bench/check_generate.sh GENERATOR EDS3 WORK_DIR
set -eu
generator=$1 eds3=$2 work=$3
rm -rf "$work"
"$generator" "$work/a" --organisations 4 --years 5
"$generator" "$work/b" --organisations 4 --years 5
diff -r "$work/a" "$work/b"
files=$(find "$work/a" -name '*.yaml' | wc -l)
if [ "$files" -ne 20 ]; then
  echo "expected 20 files, found $files" >&2
  exit 1
fi
"$eds3" validate "$work/a" >/dev/null
rm -rf "$work"
