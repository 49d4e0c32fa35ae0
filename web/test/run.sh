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
python3 web/test/no-build-paths.py "$wasm/eds3/web/eds3.html" "$PWD" "$wasm"
echo "web: the page names no folder of this machine, so another clone builds the same"
# The part of libunistring built for WebAssembly (web/unistring.sh) against
# Debian's native library, on every code point. (emcc's own tools need
# Debian's JavaScript modules when the node found first is not Debian's.)
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
cc -O2 web/test/unistring-check.c -o "$wasm/unistring-check" -lunistring
emcc -Oz -sSINGLE_FILE=1 -I"$wasm/deps/prefix/include" web/test/unistring-check.c \
  "$wasm/deps/prefix/lib/libunistring.a" -o "$wasm/unistring-check.js"
expected="$("$wasm/unistring-check")"
actual="$(node "$wasm/unistring-check.js")"
if [ "$expected" != "$actual" ]; then
  echo "web: libunistring for WebAssembly differs from the native one ($actual, not $expected)" >&2
  exit 1
fi
echo "web: libunistring for WebAssembly agrees with the native one on every code point"
bash web/test/cli-parity.sh "$native/cli/eds3" "$wasm/eds3/cli/eds3.js"
(cd web && npm ci --no-audit --no-fund --loglevel=error)
EDS3_NATIVE="$native/cli/eds3" EDS3_PAGE="$PWD/dist/eds3.html" \
  node --test web/test/page.test.mjs
echo "web: the web tests took $((SECONDS - started)) s"
