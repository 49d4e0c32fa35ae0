#ifndef EDS_TEXT_H_
#define EDS_TEXT_H_

// The byte-level text rules every module shares: what well-formed UTF-8 is,
// ASCII letter case, and which links may become live. Unicode character
// classes and normalisation are in eds/unicode.h (libunistring).

#include <cstddef>
#include <string>
#include <string_view>

namespace eds {

// Decodes the UTF-8 character starting at text[i] (i < text.size()).
// Returns its length in bytes and sets `*code_point`; returns 0, leaving
// `*code_point` unchanged, when the bytes there are not a well-formed
// character (Unicode table 3-7: no overlong form, no surrogate, nothing
// above U+10FFFF, no sequence cut short by the end of `text`). NUL is a
// character like any other. Inline: the loaders call it on every byte.
inline std::size_t DecodeUtf8(std::string_view text, std::size_t i,
                              char32_t* code_point) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  }
  std::size_t length;
  char32_t value;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the 2nd byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, value = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, value = lead & 0x0Fu;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, value = lead & 0x07u;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (length > text.size() - i) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  value = (value << 6) | (byte(i + 1) & 0x3Fu);
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3Fu);
  }
  *code_point = value;
  return length;
}

// The length of the well-formed UTF-8 character at text[i], or 0 (as
// DecodeUtf8).
inline std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  char32_t ignored = 0;
  return DecodeUtf8(text, i, &ignored);
}

// True for a byte that continues a UTF-8 sequence (10xxxxxx): counting the
// other bytes of valid UTF-8 counts its characters.
inline bool IsUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The offset of the first byte of `text` that does not start a well-formed
// UTF-8 character, or npos when all of `text` is well-formed.
std::size_t FindInvalidUtf8(std::string_view text);

// True when all of `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// Appends `code_point` (at most U+10FFFF, not a surrogate) as UTF-8.
void AppendUtf8(char32_t code_point, std::string* out);

// `c` with A-Z made a-z; every other byte (UTF-8 included) unchanged.
inline char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `text` with A-Z made a-z, as LowerAscii(char).
std::string LowerAscii(std::string_view text);

// True when `text` begins (ends) with `lower`, which is written in lower
// case, ignoring the case of ASCII letters in `text`.
bool StartsWithNoCase(std::string_view text, std::string_view lower);
bool EndsWithNoCase(std::string_view text, std::string_view lower);

// True when an evidence link from an input file may become a live link in
// an output: an http or https address with no user info before its host
// ("http://user:pass@host/" could pass for another site, or carry a
// password), or a mailto: with one bare address and nothing after it (no
// "?attach=", "?body=", no second address). Anything else is shown as text.
// The scheme is matched in any letter case.
bool IsLiveLink(std::string_view url);

}  // namespace eds

#endif  // EDS_TEXT_H_
