#!/usr/bin/env bash
# Builds eds3 for WebAssembly with Debian's emscripten:
#   BUILD_DIR/eds3/cli/eds3.js    the command line, run with node
#   BUILD_DIR/eds3/web/eds3.html  the page, one self-contained file
#   bash web/build.sh [BUILD_DIR]   (default build-wasm)
# The libraries come from Debian's source packages (web/deps.sh). Needs
# emscripten, nodejs, cmake, dpkg-dev (`bash .ci/eds3.sh web` installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
build="$(realpath -m "${1:-build-wasm}")"
prefix="$build/deps/prefix"
# emcc's own tools need Debian's JavaScript modules (acorn) when the node
# found first is not Debian's.
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"

bash web/deps.sh "$build"
export EM_PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
# File names that reach the binary (Boost's exceptions carry __FILE__) are
# written relative to the sources and the build folder, so that a build in
# another folder gives the same bytes.
emcmake cmake -S . -B "$build/eds3" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG -fmacro-prefix-map=$PWD/= -fmacro-prefix-map=$build/=build/" \
  -DCMAKE_FIND_ROOT_PATH="$prefix" -DCMAKE_PREFIX_PATH="$prefix" \
  -DBoost_USE_STATIC_LIBS=ON -DBoost_NO_BOOST_CMAKE=ON >/dev/null
cmake --build "$build/eds3" -j"$(nproc)" --target eds3 eds3-html
echo "eds3 web: the page is $build/eds3/web/eds3.html"
echo "eds3 web: the command line is node $build/eds3/cli/eds3.js"
