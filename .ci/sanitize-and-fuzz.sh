#!/usr/bin/env bash
# Hostile-input checks (issue 5), run by `bash .ci/eds3.sh test` after the
# normal test suite:
#   1. build-asan: the whole project with AddressSanitizer + UndefinedBehavior-
#      Sanitizer (gcc) and the whole ctest suite; any report fails the run.
#   2. build-fuzz: the libFuzzer targets (clang) for the assessment, CSV and
#      rubric loaders, the fast YAML scan checked against yaml-cpp, and the
#      roll-up's folder walk and identity checks on generated trees, each
#      run for a bounded time from its seeds; any crash, difference, hang
#      (-timeout), leak or memory blow-up (-rss_limit_mb) fails the run.
#
# Usage: bash .ci/sanitize-and-fuzz.sh [asan|fuzz]   (default: both)
# EDS_FUZZ_SECONDS sets each fuzzer's time (default 60). The four fuzzers run
# at the same time, so fuzzing takes about that long in all.
# Run as root when clang or its libFuzzer runtime is missing (apt installs
# them). A crash input is left in build-fuzz/artifacts/; keep it as a
# regression under tests/testdata/fuzz_regressions/TARGET/ once fixed.
set -euo pipefail

what="${1:-all}"
case "$what" in
  all|asan|fuzz) ;;
  *) echo "usage: bash .ci/sanitize-and-fuzz.sh [asan|fuzz]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
jobs="$(nproc)"
fuzz_seconds="${EDS_FUZZ_SECONDS:-60}"

# Halt on the first report of any sanitizer; -fno-sanitize-recover=all makes
# UBSan fatal already, these make sure ASan and LeakSanitizer are too.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

stamp() { echo "sanitize-and-fuzz: $* ($(date +%T))"; }

if [ "$what" != asan ]; then
  missing=()
  # llvm-14 brings llvm-symbolizer, so that a crash report names functions.
  for package in clang libclang-rt-14-dev llvm-14; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    stamp "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

if [ "$what" != fuzz ]; then
  stamp "building build-asan (gcc, -DEDS_SANITIZE=ON)"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEDS_SANITIZE=ON >/dev/null
  cmake --build build-asan -j"$jobs"
  stamp "running the test suite under ASan+UBSan"
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi

if [ "$what" != asan ]; then
  stamp "building build-fuzz (clang, -DEDS_FUZZ=ON -DEDS_SANITIZE=ON)"
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DEDS_FUZZ=ON -DEDS_SANITIZE=ON -DEDS_BUILD_TESTS=OFF >/dev/null
  cmake --build build-fuzz -j"$jobs" --target fuzz_assessment fuzz_csv fuzz_rubric \
      fuzz_yaml_scan fuzz_xlsx fuzz_folder_walk

  # Seeds: the hand-made ones, every input the repository's tests and
  # examples use (sorted by kind), and every earlier crash input. The corpus
  # a run grows stays in build-fuzz/corpus, away from the source tree.
  seeds=build-fuzz/seeds
  rm -rf "$seeds" build-fuzz/artifacts
  mkdir -p "$seeds"/{assessment,csv,rubric,yaml_scan,xlsx,folder_walk} build-fuzz/artifacts \
           build-fuzz/corpus/{assessment,csv,rubric,yaml_scan,xlsx,folder_walk}
  for kind in assessment csv rubric yaml_scan xlsx folder_walk; do
    if [ -d tests/fuzz/seeds/"$kind" ]; then
      cp -r tests/fuzz/seeds/"$kind"/. "$seeds/$kind/"
    fi
    if [ -d tests/testdata/fuzz_regressions/"$kind" ]; then
      cp -r tests/testdata/fuzz_regressions/"$kind"/. "$seeds/$kind/"
    fi
  done
  cp rubrics/*.yaml "$seeds/rubric/"
  n=0
  while IFS= read -r -d '' file; do
    n=$((n + 1))
    # Keep files under 1 MiB: big inputs belong to the limits tests, and
    # libFuzzer's input length follows its largest seed.
    [ "$(stat -c %s "$file")" -le 1048576 ] || continue
    case "$file" in
      *fuzz_regressions*) continue ;;
      *.csv|*.CSV) kind=csv ;;
      *)
        if grep -q '^eds3:' "$file"; then kind=assessment
        elif grep -q '^levels:' "$file"; then kind=rubric
        else kind=assessment
        fi ;;
    esac
    cp "$file" "$seeds/$kind/seed-$n-$(basename "$file")"
  done < <(find examples tests/testdata -type f \
             \( -iname '*.yaml' -o -iname '*.yml' -o -iname '*.csv' \) -print0 2>/dev/null)
  # The fast YAML scan is checked against yaml-cpp on every YAML seed.
  cp -r "$seeds"/assessment/. "$seeds"/rubric/. "$seeds/yaml_scan/"

  stamp "fuzzing each loader for ${fuzz_seconds}s"
  declare -A pids
  for kind in assessment csv rubric yaml_scan xlsx folder_walk; do
    dict=tests/fuzz/yaml.dict
    [ "$kind" = csv ] && dict=tests/fuzz/csv.dict
    [ "$kind" = xlsx ] && dict=tests/fuzz/xlsx.dict
    # The folder walk's input is a list of operations, not text: no
    # dictionary, and short (48 operations at most are read).
    dict_option=-dict="$dict"
    max_len=16384
    if [ "$kind" = folder_walk ]; then dict_option=; max_len=512; fi
    build-fuzz/tests/fuzz/fuzz_"$kind" \
        -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$max_len" $dict_option -print_final_stats=1 \
        -artifact_prefix=build-fuzz/artifacts/"$kind"- \
        build-fuzz/corpus/"$kind" "$seeds/$kind" \
        >build-fuzz/fuzz-"$kind".log 2>&1 &
    pids[$kind]=$!
  done
  failed=()
  for kind in assessment csv rubric yaml_scan xlsx folder_walk; do
    if wait "${pids[$kind]}"; then
      echo "fuzz_$kind: $(grep -E '^stat::number_of_executed_units' build-fuzz/fuzz-"$kind".log | awk '{print $2}') inputs, no crash"
    else
      failed+=("$kind")
    fi
  done
  if [ "${#failed[@]}" -gt 0 ]; then
    for kind in "${failed[@]}"; do
      echo "==== fuzz_$kind FAILED; the end of build-fuzz/fuzz-$kind.log:" >&2
      tail -n 60 build-fuzz/fuzz-"$kind".log >&2
    done
    echo "Crash inputs: $(ls build-fuzz/artifacts)" >&2
    echo "Reproduce with build-fuzz/tests/fuzz/fuzz_KIND FILE; once fixed, keep the" \
         "input under tests/testdata/fuzz_regressions/KIND/." >&2
    exit 1
  fi
fi
stamp "done"
