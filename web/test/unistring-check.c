/* libunistring as eds3 uses it (engine/src/unicode.cc), over every code
   point: NFKC, NFKC case folding, the four general categories, the name and
   the UTF-8 checks. Prints one checksum; the WebAssembly build of the
   library (web/unistring.sh) must print what the native one prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uniname.h>
#include <uninorm.h>
#include <unistr.h>

static unsigned long Mix(unsigned long hash, const uint8_t* bytes, size_t size) {
  for (size_t i = 0; i < size; i++) hash = (hash * 33 + bytes[i]) & 0xffffffffUL;
  return hash;
}

int main(void) {
  unsigned long hash = 5381;
  char name[UNINAME_MAX];
  for (ucs4_t c = 0; c < 0x110000; c++) {
    if (c >= 0xD800 && c < 0xE000) continue;
    /* The character between a letter and a combining acute accent, so that
       composition across it is exercised too. */
    uint8_t text[16];
    text[0] = 'A';
    int size = u8_uctomb(text + 1, c, 8);
    text[size + 1] = 0xCC;
    text[size + 2] = 0x81;
    size_t length = 0;
    uint8_t* result = u8_normalize(UNINORM_NFKC, text, size + 3, NULL, &length);
    hash = Mix(hash, result, result ? length : 0);
    free(result);
    result = u8_casefold(text, size + 3, NULL, UNINORM_NFKC, NULL, &length);
    hash = Mix(hash, result, result ? length : 0);
    free(result);
    uint8_t flags[6] = {uc_is_general_category(c, UC_CATEGORY_Cf),
                        uc_is_general_category(c, UC_CATEGORY_Cc),
                        uc_is_general_category(c, UC_CATEGORY_Zl),
                        uc_is_general_category(c, UC_CATEGORY_Zp),
                        u8_check(text, size + 3) == NULL, 0};
    ucs4_t decoded;
    flags[5] = (uint8_t)u8_mbtoucr(&decoded, text + 1, size);
    hash = Mix(hash, flags, sizeof flags);
    if (unicode_character_name(c, name)) {
      hash = Mix(hash, (const uint8_t*)name, strlen(name));
    }
  }
  printf("%lu\n", hash);
  return 0;
}
