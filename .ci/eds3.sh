#!/usr/bin/env bash
# Sets up a Debian bookworm machine for eds3, builds it, and then either
#   example  grades the bundled example assessment and writes its workbook,
#   test     runs the whole test suite: the unit, golden-file and end-to-end
#            tests, then the same suite under ASan+UBSan and bounded fuzzing
#            of every loader (.ci/sanitize-and-fuzz.sh), or
#   bench    runs the national benchmark (bench/run.sh, docs/performance.md), or
#   web      builds the page eds3.html and eds3 for Node with WebAssembly
#            (web/build.sh, docs/web.md): from Debian's emscripten and the
#            Debian source packages of the libraries.
# The test mode builds the web page too: it must equal dist/eds3.html, the
# WebAssembly eds3 must match the native one byte for byte, and the page is
# tested in headless Chromium (web/test/).
# Run as root (apt installs what is missing; nothing is downloaded otherwise).
# Quick when everything is already installed and built.
set -euo pipefail

mode="${1:-}"
case "$mode" in
  example|test|bench|web) ;;
  *) echo "usage: bash .ci/eds3.sh example|test|bench|web" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."

# zlib1g-dev: libxlsxwriter's pkg-config file links -lz, but Debian's
# libxlsxwriter-dev does not pull in zlib's development package.
# libunistring-dev: Unicode NFKC normalisation and character classes for
# organisation names and codes (engine/src/unicode.cc).
# libzip-dev and libexpat1-dev: reading score sheets from .xlsx workbooks.
packages=(g++ cmake make pkg-config libyaml-cpp-dev libboost-dev libboost-program-options-dev
          libxlsxwriter-dev zlib1g-dev libzip-dev libexpat1-dev libfmt-dev libgtest-dev
          libunistring-dev)
if [ "$mode" = test ]; then
  # The tests look inside workbooks (unzip), open them in LibreOffice,
  # measure the text of their printed pages (pdftotext from poppler-utils),
  # check every JSON they write against docs/schema (python3-jsonschema),
  # and render the Markdown outputs (cmark-gfm) to check no markup gets
  # through.
  # clang-format checks the layout of every C++ file (tests/CMakeLists.txt).
  packages+=(unzip libreoffice-calc-nogui poppler-utils python3 python3-jsonschema cmark-gfm
             clang-format)
fi
if [ "$mode" = test ] || [ "$mode" = web ]; then
  # emscripten compiles for WebAssembly; dpkg-dev unpacks the Debian source
  # packages that apt-get source fetches (web/deps.sh).
  packages+=(emscripten dpkg-dev xz-utils)
fi
if [ "$mode" = test ]; then
  # The browser tests drive Debian's Chromium from Node (web/test/).
  packages+=(chromium)
fi
if [ "$mode" = bench ]; then
  # GNU time reports each run's wall time and peak resident memory.
  packages+=(time)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "eds3 setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Node and npm: Debian's unless a node is installed already (NodeSource's
# nodejs brings its own npm and conflicts with Debian's npm package).
if [ "$mode" = test ] || [ "$mode" = web ]; then
  need=()
  command -v node >/dev/null || need+=(nodejs)
  [ "$mode" = test ] && ! command -v npm >/dev/null && need+=(npm)
  if [ "${#need[@]}" -gt 0 ]; then
    echo "eds3 setup: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

jobs="$(nproc)"
if [ "$mode" = web ]; then
  bash web/build.sh build-wasm
  exit 0
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
if [ "$mode" = example ]; then
  # Only the tool: the tests are built by the test command.
  cmake --build build -j"$jobs" --target eds3
elif [ "$mode" = bench ]; then
  cmake --build build -j"$jobs" --target eds3 eds3-bench-generate
else
  cmake --build build -j"$jobs"
fi

if [ "$mode" = example ]; then
  ./build/cli/eds3 grade examples/northmoor-ambulance-2024-25.yaml \
      -o northmoor-ambulance-2024-25.xlsx \
      --json northmoor-ambulance-2024-25.json \
      --markdown northmoor-ambulance-2024-25.md
  exit 0
fi
if [ "$mode" = bench ]; then
  bash bench/run.sh build
  exit 0
fi

ctest --test-dir build --output-on-failure -j"$jobs"
bash web/test/run.sh build build-wasm
bash .ci/sanitize-and-fuzz.sh
