#!/usr/bin/env bash
# Builds the part of libunistring that eds3 calls (engine/src/unicode.cc:
# NFKC normalisation and case folding, four general categories, character
# names, UTF-8 checks) for WebAssembly, from Debian's unpacked source:
#   bash web/unistring.sh SOURCE_TREE PREFIX CFLAGS JOBS
# Installs PREFIX/lib/libunistring.a and the public headers.
#
# Why not its configure: under emscripten every one of its ~700 checks runs
# emcc, and configure plus the whole library took most of an hour on two
# busy cores. The 33 files below are what a static link of those calls takes
# from Debian's native libunistring.a (ld -Map); they are plain table code
# that needs from config.h only gnulib's attribute macros, so config.h is
# config.h.in with nothing detected. web/test/unistring-check.c checks the
# result against the native library on every code point.
set -euo pipefail
tree="$1"
prefix="$2"
flags="$3"
jobs="$4"
lib="$tree/lib"
work="$tree/eds3-wasm"
rm -rf "$work" && mkdir -p "$work/include/unistring" "$work/include/unicase" "$work/obj"

sources=(
  unicase/cased.c unicase/empty-prefix-context.c unicase/empty-suffix-context.c
  unicase/ignorable.c unicase/special-casing.c unicase/tocasefold.c
  unicase/u8-casefold.c unicase/u8-casemap.c unicase/u8-ct-casefold.c
  unictype/categ_Cc.c unictype/categ_Cf.c unictype/categ_Zl.c
  unictype/categ_Zp.c unictype/categ_test.c unictype/combiningclass.c
  unictype/pr_soft_dotted.c
  uniname/uniname.c
  uninorm/canonical-decomposition.c uninorm/compat-decomposition.c
  uninorm/composition.c uninorm/decompose-internal.c
  uninorm/decomposing-form.c uninorm/decomposition-table.c
  uninorm/decomposition.c uninorm/nfd.c uninorm/nfkc.c uninorm/nfkd.c
  uninorm/u8-normalize.c
  unistr/u8-check.c unistr/u8-cpy.c unistr/u8-mbtouc-unsafe-aux.c
  unistr/u8-mbtoucr.c unistr/u8-uctomb-aux.c
)

# The headers the Makefile would generate: the public ones are copies, and
# <stdint.h> and <stdbool.h> are the compiler's own (as on glibc).
sed 's|^#undef \(.*\)$|/* #undef \1 */|' "$tree/config.h.in" > "$work/include/config.h"
for header in unistr unitypes unicase unictype uninorm uniname uniwbrk; do
  cp "$lib/$header.in.h" "$work/include/$header.h"
done
cp "$lib/unistring/cdefs.h" "$lib/unistring/inline.h" "$work/include/unistring/"
sed 's/@DLL_VARIABLE@//' "$lib/unistring/woe32dll.in.h" > "$work/include/unistring/woe32dll.h"
printf '#include <stddef.h>\n#include <stdint.h>\n' > "$work/include/unistring/stdint.h"
printf '#include <stdbool.h>\n' > "$work/include/unistring/stdbool.h"
declaration="$(grep '^gl_unicase_special_lookup' "$lib/unicase/special-casing-table.h" | sed -e 's/register //g')"
sed -e "/gl_unicase_special_lookup/s/gl_unicase_special_lookup.*/$declaration;/" \
  "$lib/unicase/special-casing.in.h" > "$work/include/unicase/special-casing.h"

# uc_is_general_category calls a category's lookup function with two
# arguments, but Zl's and Zp's take one: harmless on native ABIs, a trap in
# WebAssembly, which checks the signature of every indirect call.
for category in Zl Zp; do
  sed -i "s/^uc_is_category_$category (ucs4_t uc)\$/uc_is_category_$category (ucs4_t uc, uint32_t bitmask _GL_UNUSED)/" \
    "$lib/unictype/categ_$category.c"
  grep -q "^uc_is_category_$category (ucs4_t uc, uint32_t bitmask" "$lib/unictype/categ_$category.c"
done

printf '%s\n' "${sources[@]}" |
  xargs -P "$jobs" -I{} sh -c 'emcc '"$flags"' -c -DIN_LIBUNISTRING -DNO_XMALLOC \
    -I"$1/include" -I"$2" "$2/$3" -o "$1/obj/$(echo "$3" | tr / _).o"' _ "$work" "$lib" {}
rm -f "$prefix/lib/libunistring.a"
emar rcs "$prefix/lib/libunistring.a" "$work"/obj/*.o
cp "$work"/include/uni*.h "$prefix/include/"
mkdir -p "$prefix/include/unistring"
cp "$work"/include/unistring/*.h "$prefix/include/unistring/"
