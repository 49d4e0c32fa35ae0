#ifndef EDS_UNICODE_H_
#define EDS_UNICODE_H_

// The Unicode rules eds3 applies to the text that identifies an organisation
// and to every message that quotes input. This is the one module that uses
// libunistring (see docs/design.md), so that the WebAssembly build links it
// in one place.

#include <cstddef>
#include <optional>
#include <string>

namespace eds {

// A character that a reader cannot see or that reorders what is shown: a
// format character (Unicode Cf: U+200B, U+202E, U+2066...), a control
// character other than tab (Cc), or a line or paragraph separator.
struct HiddenCharacter {
  char32_t code_point = 0;
  std::string name;  // "U+202E RIGHT-TO-LEFT OVERRIDE"
};

// The first hidden character of UTF-8 `text`, or nullopt when there is none.
std::optional<HiddenCharacter> FindHiddenCharacter(const std::string& text);

// `text` with every hidden character (tab kept) written as `<U+202E>`, so
// that a message quoting it shows what is there and cannot reorder the line
// it is printed on. Bytes that are not UTF-8 are left as they are.
std::string EscapeHiddenCharacters(const std::string& text);

// The escaped form of one character, `<U+XXXX>`.
std::string EscapedCodePoint(char32_t code_point);

// True when the UTF-8 character at the start of `text` (of `length` bytes) is
// hidden. `length` is set to the character's length in bytes (1 for a byte
// that does not start a UTF-8 character).
bool StartsWithHiddenCharacter(const char* text, std::size_t size,
                               std::size_t* length, char32_t* code_point);

// The Unicode NFKC form of UTF-8 `text` (full-width `ＲAA` becomes `RAA`);
// `text` itself when it is not valid UTF-8.
std::string NormaliseNfkc(const std::string& text);

// The NFKC case fold of `text`, for comparing names without regard to case;
// `text` itself when it is not valid UTF-8.
std::string FoldNfkc(const std::string& text);

}  // namespace eds

#endif  // EDS_UNICODE_H_
