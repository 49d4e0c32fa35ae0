#!/usr/bin/env bash
# The web part of the tests: builds the page and eds3.js, checks that the
# page equals the committed dist/eds3.html, that the WebAssembly eds3 writes
# what the native one writes, and runs the browser tests.
#   bash web/test/run.sh NATIVE_BUILD_DIR WASM_BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
native="$(realpath "$1")"
wasm="$(realpath -m "$2")"
started=$SECONDS

bash web/build.sh "$wasm"
if ! cmp -s "$wasm/eds3/web/eds3.html" dist/eds3.html; then
  echo "web: dist/eds3.html differs from a fresh build of these sources:" >&2
  echo "  run 'bash .ci/eds3.sh web' and commit $wasm/eds3/web/eds3.html as dist/eds3.html" >&2
  exit 1
fi
echo "web: dist/eds3.html is the page these sources build"
bash web/test/cli-parity.sh "$native/cli/eds3" "$wasm/eds3/cli/eds3.js"
(cd web && npm ci --no-audit --no-fund --loglevel=error)
EDS3_NATIVE="$native/cli/eds3" EDS3_PAGE="$PWD/dist/eds3.html" \
  node --test web/test/page.test.mjs
echo "web: the web tests took $((SECONDS - started)) s"
