#!/usr/bin/env bash
# Builds the libraries eds3 links, for WebAssembly, from Debian's own source
# packages: the versions of the native -dev packages installed here, so that
# the page writes the same bytes as the native eds3.
#   bash web/deps.sh BUILD_DIR
# Installs into BUILD_DIR/deps/prefix (static libraries, headers, CMake and
# pkg-config files). The sources come from a deb-src entry in a private apt
# folder (BUILD_DIR/deps/apt): the machine's own apt configuration is not
# touched. Quick when everything is already built.
set -euo pipefail
# emcc's link step runs Node tools that need Debian's JavaScript modules
# (acorn). Without them every link in a library's configure checks fails
# quietly, the library is configured without headers it has, and the page
# comes out different: so they are found here too, not only by build.sh.
case ":${NODE_PATH:-}:" in
  *:/usr/share/nodejs:*) ;;
  *) export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs" ;;
esac

build="$(realpath -m "$1")"
deps="$build/deps"
prefix="$deps/prefix"
mkdir -p "$deps/apt/lists/partial" "$deps/apt/cache/archives/partial" \
         "$deps/apt/parts" "$deps/src" "$prefix/include" "$prefix/lib"

# One library a line: the native development package (whose source package
# and version are fetched), how its source is built, and its options.
#   cmake      emcmake cmake, static, installed into the prefix
#   configure  emconfigure ./configure, then make install
#   boost-po   Boost.Program_options' sources compiled alone (the rest of
#              Boost is header-only for eds3 and comes from the native headers)
#   unistring  only the parts of libunistring that eds3 calls, compiled alone
#              (web/unistring.sh: its configure takes most of an hour under
#              emscripten)
# SOURCE_SUBDIR=DIR among the options: the CMake project is in that folder.
# libzip's sizes of off_t and size_t are given (emscripten's): CMake's
# check_type_size reads them out of the compiled program, and misreads
# emscripten's output as 9.
libraries=(
  "zlib1g-dev configure --static"
  "libfmt-dev cmake -DFMT_DOC=OFF -DFMT_TEST=OFF"
  "libyaml-cpp-dev cmake -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF -DYAML_CPP_BUILD_CONTRIB=OFF"
  "libxlsxwriter-dev cmake -DUSE_SYSTEM_MINIZIP=OFF -DUSE_NO_MD5=ON -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF"
  "libboost-program-options1.74-dev boost-po"
  "libunistring-dev unistring"
  "libexpat1-dev cmake SOURCE_SUBDIR=expat -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_SHARED_LIBS=OFF"
  "libzip-dev cmake -DHAVE_SIZEOF_OFF_T=TRUE -DSIZEOF_OFF_T=8 -DHAVE_SIZEOF_SIZE_T=TRUE -DSIZEOF_SIZE_T=4 -DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF -DENABLE_OPENSSL=OFF -DENABLE_WINDOWS_CRYPTO=OFF -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF"
)

apt_options=(
  -o "Dir::Etc::SourceList=$deps/apt/sources.list"
  -o "Dir::Etc::SourceParts=$deps/apt/parts"
  -o "Dir::State=$deps/apt"
  -o "Dir::State::status=/var/lib/dpkg/status"
  -o "Dir::Cache=$deps/apt/cache"
  -o "APT::Sandbox::User=root"
)
# Only the main archive: Debian's security archive publishes no sources on
# the mirrors we reach, and its fixes do not change what these libraries
# write (see docs/design.md).
cat > "$deps/apt/sources.list" <<'EOF'
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm-updates main
EOF
if [ ! -s "$deps/apt/updated" ]; then
  apt-get "${apt_options[@]}" update -qq
  date -u > "$deps/apt/updated"
fi

# The source version to build for the native package $1: the installed one
# when the archive has it, otherwise the archive's newest of the same upstream
# version (a security update's Debian revision).
source_version() {
  local package="$1" source version upstream versions
  read -r source version < <(dpkg-query -W -f='${source:Package} ${source:Version}\n' "$package")
  versions="$(apt-cache "${apt_options[@]}" showsrc "$source" | sed -n 's/^Version: //p')"
  if grep -qxF "$version" <<< "$versions"; then
    echo "$source $version"
    return
  fi
  upstream="${version%-*}"
  version="$(grep -F "$upstream-" <<< "$versions" | sort -V | tail -n1 || true)"
  if [ -z "$version" ]; then
    echo "eds3 web: no source of $source $upstream in the archive" >&2
    exit 1
  fi
  echo "eds3 web: $package: building the archive's $source $version" >&2
  echo "$source $version"
}

jobs="$(nproc)"
# __FILE__ (libxlsxwriter's error messages, libunistring's asserts) names
# the source as it is under the deps folder, wherever that folder is, so a
# build in another clone gives the same page.
flags="-O2 -fwasm-exceptions -fmacro-prefix-map=$deps/=deps/"
for line in "${libraries[@]}"; do
  read -r package kind options <<< "$line"
  read -r source version < <(source_version "$package")
  # The flags are part of the stamp: a change to them builds again.
  stamp="$prefix/.built-$source-$version-$(printf '%s' "$flags" | md5sum | cut -c1-8)"
  [ -e "$stamp" ] && continue
  echo "eds3 web: building $source $version for WebAssembly"
  work="$deps/src/$source"
  rm -rf "$work" && mkdir -p "$work"
  if [ "$kind" = boost-po ]; then
    # All of Boost is a 60 MB download; only program_options is compiled.
    (cd "$work" && apt-get "${apt_options[@]}" source -qq --download-only "$source=$version")
    tar -xf "$work"/*.orig.tar.* -C "$work" --wildcards '*/libs/program_options/src/*'
    ln -sfn /usr/include/boost "$prefix/include/boost"
    mkdir -p "$work/obj"
    for unit in "$work"/*/libs/program_options/src/*.cpp; do
      em++ $flags -std=c++17 -DBOOST_ALL_NO_LIB -DBOOST_BIND_GLOBAL_PLACEHOLDERS -I"$prefix/include" -c "$unit" \
           -o "$work/obj/$(basename "$unit" .cpp).o"
    done
    emar rcs "$prefix/lib/libboost_program_options.a" "$work"/obj/*.o
  else
    (cd "$work" && apt-get "${apt_options[@]}" source -qq "$source=$version" 2>&1 |
       grep -v '^dpkg-source: info' || true)
    tree="$(find "$work" -mindepth 1 -maxdepth 1 -type d)"
    if [ "$kind" = unistring ]; then
      bash "$(dirname "$0")/unistring.sh" "$tree" "$prefix" "$flags" "$jobs"
    elif [ "$kind" = configure ]; then
      (cd "$tree" && CFLAGS="$flags" emconfigure ./configure --prefix="$prefix" $options >/dev/null &&
         emmake make -j"$jobs" install >/dev/null)
    else
      if [[ "$options" == SOURCE_SUBDIR=* ]]; then
        read -r subdir options <<< "$options"
        tree="$tree/${subdir#SOURCE_SUBDIR=}"
      fi
      CFLAGS="$flags" CXXFLAGS="$flags" emcmake cmake -S "$tree" -B "$work/build" \
        -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
        -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_FIND_ROOT_PATH="$prefix" \
        -DCMAKE_PREFIX_PATH="$prefix" $options >/dev/null
      if [ "$source" = expat ]; then
        # Debian's security patches test "#if XML_DTD == 1", as autotools
        # defines it; expat's CMake defines XML_DTD and XML_NS empty.
        sed -i 's/^#define \(XML_DTD\|XML_NS\)$/#define \1 1/' "$work/build/expat_config.h"
      fi
      cmake --build "$work/build" -j"$jobs" --target install >/dev/null
    fi
  fi
  touch "$stamp"
done
echo "eds3 web: libraries in $prefix"
