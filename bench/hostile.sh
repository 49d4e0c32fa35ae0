#!/usr/bin/env bash
# The hostile roll-ups of the roll-up trust issue (docs/commissioners.md,
# "What a roll-up trusts and what it refuses"), timed as whole processes:
#
#   bash bench/hostile.sh [BUILD_DIR]     # default BUILD_DIR: build
#
#   stubs:  200 one-kilobyte assessments sharing one 10 MiB ratings CSV of
#           65,000-character bad values, and one honest file
#   many:   5,300 tiny invalid assessments and one honest file
#   links:  one assessment listing 100 hard links to one 7 MB CSV
#
# Each is rolled up with --skip-invalid --json --markdown; the script prints
# the exit status, wall time, peak resident memory and output sizes, and
# fails when a run does not finish with the honest file rolled up. The data
# goes to BUILD_DIR/hostile-data.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
build="${1:-build}"
case "$build" in
  /*) ;;
  *) build="$(pwd)/$build" ;;
esac
eds3="$build/cli/eds3"
data="$build/hostile-data"
rm -rf "$data"
mkdir -p "$data"
cd "$data"

assessment() {  # name code extra
  printf 'eds3: 1\nrubric: eds2022\norganisation:\n  name: %s\n  code: %s\nyear: 2024/25\nstakeholders:\n  - id: panel\n    name: Panel\n    group: public\n%s' "$1" "$2" "$3"
}
honest() {
  assessment "Honest Trust" RH1 "outcomes:
  1A: {ratings: {panel: 2}}
"
}

mkdir -p stubs/orgs many links
honest > stubs/honest.yaml
honest > many/honest.yaml
honest > links/honest.yaml
# 161 rows of a 65,000-character bad score (10 MiB), and 7 MB of long rows.
value=$(head -c 65000 /dev/zero | tr '\0' x)
{
  echo "service,outcome,stakeholder,score"
  for i in $(seq 1 161); do echo ",2A,panel,$value"; done
} > stubs/shared.csv
row=",2A,panel,$(head -c 1000 /dev/zero | tr '\0' y)"
{
  echo "service,outcome,stakeholder,score"
  for i in $(seq 1 6980); do echo "$row"; done
} > links/big.csv
for i in $(seq 1 200); do
  assessment "Stub $i" "S$i" "ratings_csv: ../shared.csv
" > "stubs/orgs/stub-$i.yaml"
done
for i in $(seq 1 5300); do
  printf 'eds3: 1\nrubric: nothing\n' > "many/bad-$i.yaml"
done
list="ratings_csv:"
for i in $(seq 1 100); do
  ln links/big.csv "links/big-$i.csv"
  list="$list
  - big-$i.csv"
done
assessment "Linked Trust" RL1 "$list
" > links/linked.yaml

status=0
for set in stubs many links; do
  start=$(date +%s%N)
  set +e
  /usr/bin/time -f '%M' -o "$set.mem" "$eds3" rollup "$set" --skip-invalid \
    -o "$set.xlsx" --json "$set.json" --markdown "$set.md" >"$set.out" 2>"$set.err"
  code=$?
  set -e
  end=$(date +%s%N)
  printf '%-6s exit %d  %d ms  %d MiB peak  json %d KiB  md %d KiB  stderr %d KiB\n' \
    "$set" "$code" "$(( (end - start) / 1000000 ))" "$(( $(tail -1 "$set.mem") / 1024 ))" \
    "$(( $(stat -c %s "$set.json" 2>/dev/null || echo 0) / 1024 ))" \
    "$(( $(stat -c %s "$set.md" 2>/dev/null || echo 0) / 1024 ))" \
    "$(( $(stat -c %s "$set.err") / 1024 ))"
  if [ "$code" != 0 ] || ! grep -q '"name": "Honest Trust"' "$set.json"; then
    echo "hostile: $set did not roll up the honest file" >&2
    status=1
  fi
done
exit "$status"
