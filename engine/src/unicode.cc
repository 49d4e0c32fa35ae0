#include "eds/unicode.h"

#include <fmt/format.h>
#include <unicase.h>
#include <unictype.h>
#include <uniname.h>
#include <uninorm.h>
#include <unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "eds/text.h"

namespace eds {
namespace {

bool IsAscii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0x80) == 0;
  });
}

bool IsHidden(ucs4_t c) {
  if (c == '\t') return false;
  return uc_is_general_category(c, UC_CATEGORY_Cf) ||
         uc_is_general_category(c, UC_CATEGORY_Cc) ||
         uc_is_general_category(c, UC_CATEGORY_Zl) ||
         uc_is_general_category(c, UC_CATEGORY_Zp);
}

const uint8_t* Bytes(const std::string& text) {
  return reinterpret_cast<const uint8_t*>(text.data());
}

// Calls libunistring's `convert` (u8_normalize or u8_casefold in NFKC) and
// returns its result, or `text` when it fails (text that is not UTF-8).
template <typename Convert>
std::string Converted(const std::string& text, Convert convert) {
  if (u8_check(Bytes(text), text.size()) != nullptr) return text;
  std::size_t length = 0;
  uint8_t* result = convert(Bytes(text), text.size(), &length);
  if (result == nullptr) return text;
  const std::unique_ptr<uint8_t, decltype(&std::free)> owned(result,
                                                             &std::free);
  return std::string(reinterpret_cast<const char*>(result), length);
}

}  // namespace

bool StartsWithHiddenCharacter(const char* text, std::size_t size,
                               std::size_t* length, char32_t* code_point) {
  const auto byte = static_cast<unsigned char>(text[0]);
  if (byte < 0x80) {
    *length = 1;
    *code_point = byte;
    return byte != '\t' && (byte < 0x20 || byte == 0x7F);
  }
  char32_t c = 0;
  const std::size_t count = DecodeUtf8(std::string_view(text, size), 0, &c);
  if (count == 0) {
    *length = 1;
    *code_point = byte;
    return false;
  }
  *length = count;
  *code_point = c;
  return IsHidden(c);
}

std::optional<HiddenCharacter> FindHiddenCharacter(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 1;
    char32_t c = 0;
    if (StartsWithHiddenCharacter(text.data() + i, text.size() - i, &length,
                                  &c)) {
      char name[UNINAME_MAX];
      const char* found = unicode_character_name(c, name);
      HiddenCharacter hidden;
      hidden.code_point = c;
      hidden.name = fmt::format("U+{:04X}", static_cast<std::uint32_t>(c));
      if (found != nullptr) hidden.name += std::string(" ") + found;
      return hidden;
    }
    i += length;
  }
  return std::nullopt;
}

std::string EscapedCodePoint(char32_t code_point) {
  return fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(code_point));
}

std::string EscapeHiddenCharacters(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 1;
    char32_t c = 0;
    if (StartsWithHiddenCharacter(text.data() + i, text.size() - i, &length,
                                  &c)) {
      out += EscapedCodePoint(c);
    } else {
      out.append(text, i, length);
    }
    i += length;
  }
  return out;
}

std::string NormaliseNfkc(const std::string& text) {
  if (IsAscii(text)) return text;
  return Converted(text,
                   [](const uint8_t* s, std::size_t n, std::size_t* length) {
                     return u8_normalize(UNINORM_NFKC, s, n, nullptr, length);
                   });
}

std::string FoldNfkc(const std::string& text) {
  return Converted(
      text, [](const uint8_t* s, std::size_t n, std::size_t* length) {
        return u8_casefold(s, n, nullptr, UNINORM_NFKC, nullptr, length);
      });
}

}  // namespace eds
