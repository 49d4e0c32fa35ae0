#!/usr/bin/env bash
# The WebAssembly command line (node eds3.js) against the native eds3: the
# same exit status, the same printed text and the same output bytes, for the
# bundled example (grade), a comparison, the 40-organisation roll-up and
# every bad input of the end-to-end tests (validate) and the end-to-end
# tests' own assessments (grade).
#   bash web/test/cli-parity.sh NATIVE_EDS3 WASM_EDS3_JS
# Nothing here needs threads, mount or popen, so no case is skipped.
set -euo pipefail
native="$(realpath "$1")"
wasm="$(realpath "$2")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/inputs/tests"
cp -R "$root/examples" "$work/inputs/"
cp -R "$root/tests/testdata" "$work/inputs/tests/"
passed=0
failed=0

# Runs "eds3 ARGS..." with both builds in copies of the same folder and
# compares everything they printed and wrote.
check() {
  local name="$1"; shift
  local side
  for side in native wasm; do
    rm -rf "$work/$side" && mkdir -p "$work/$side"
    cp -al "$work/inputs/." "$work/$side/"
    local status=0
    if [ "$side" = native ]; then
      (cd "$work/$side" && "$native" "$@" >../$side.out 2>../$side.err) || status=$?
    else
      (cd "$work/$side" && node "$wasm" "$@" >../$side.out 2>../$side.err) || status=$?
    fi
    echo "$status" > "$work/$side.status"
  done
  if grep -q "cannot read: No such file" "$work/native.err"; then
    failed=$((failed + 1))
    echo "FAILED: $name: the native eds3 could not read its input (a missing test file)"
  elif diff -r "$work/native" "$work/wasm" >/dev/null &&
     cmp -s "$work/native.out" "$work/wasm.out" &&
     cmp -s "$work/native.err" "$work/wasm.err" &&
     cmp -s "$work/native.status" "$work/wasm.status"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $name (eds3 $*)"
    diff -r "$work/native" "$work/wasm" | head -5 || true
    diff "$work/native.out" "$work/wasm.out" | head -5 || true
    diff "$work/native.err" "$work/wasm.err" | head -5 || true
    diff "$work/native.status" "$work/wasm.status" || true
  fi
}

# The example's score sheet as an .xlsx workbook (inline strings, numbers as
# numbers), so that the reading of workbooks (libzip, expat) is compared too.
python3 - "$work/inputs/examples" <<'PYTHON'
import csv, sys, zipfile
from xml.sax.saxutils import escape
folder = sys.argv[1]
with open(f"{folder}/northmoor-ambulance-2024-25-panel.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
def cell(value):
    if value.replace(".", "", 1).isdigit():
        return f"<c><v>{value}</v></c>"
    return f'<c t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'
sheet = "".join(f"<row>{''.join(cell(v) for v in row)}</row>" for row in rows)
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(f"{folder}/northmoor-ambulance-2024-25-panel.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{relationships}"><sheets>'
               '<sheet name="Scores" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels",
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{relationships}/worksheet" Target="worksheets/sheet1.xml"/>'
               "</Relationships>")
    z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData>{sheet}</sheetData></worksheet>')
PYTHON
sed 's/^ratings_csv: northmoor-ambulance-2024-25-panel.csv$/score_sheets: [northmoor-ambulance-2024-25-panel.xlsx]/' \
  "$work/inputs/examples/northmoor-ambulance-2024-25.yaml" > "$work/inputs/examples/from-workbook.yaml"
grep -q '^score_sheets: \[northmoor-ambulance-2024-25-panel.xlsx\]$' "$work/inputs/examples/from-workbook.yaml"

example=examples/northmoor-ambulance-2024-25.yaml
check grade grade "$example" -o out.xlsx --json out.json --markdown out.md
check "grade with an .xlsx score sheet" grade examples/from-workbook.yaml -o out.xlsx --json out.json
check compare compare examples/rollup/severnvale/rha-carrow/*.yaml -o out.xlsx --json out.json --markdown out.md
check rollup rollup examples/rollup -o out.xlsx --json out.json --markdown out.md
check init init --org "Northmoor Ambulance" --year 2025/26 -o new.yaml
check usage grade --no-such-option
for file in "$root"/tests/testdata/bad/*.yaml; do
  relative="${file#"$root"/}"
  check "validate $relative" validate "$relative"
done
for file in "$root"/tests/testdata/cli/*.yaml; do
  relative="${file#"$root"/}"
  check "grade $relative" grade "$relative" -o out.xlsx --json out.json
done
echo "cli-parity: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
