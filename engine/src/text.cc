#include "eds/text.h"

namespace eds {

std::size_t FindInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // ASCII, most of any input, needs no decoding.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

void AppendUtf8(char32_t code_point, std::string* out) {
  const char32_t cp = code_point;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool StartsWithNoCase(std::string_view text, std::string_view lower) {
  if (text.size() < lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (LowerAscii(text[i]) != lower[i]) return false;
  }
  return true;
}

bool EndsWithNoCase(std::string_view text, std::string_view lower) {
  return text.size() >= lower.size() &&
         StartsWithNoCase(text.substr(text.size() - lower.size()), lower);
}

bool IsLiveLink(std::string_view url) {
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (!StartsWithNoCase(url, scheme)) continue;
    const std::string_view rest = url.substr(scheme.size());
    const std::string_view authority =
        rest.substr(0, rest.find_first_of("/?#\\"));
    return !authority.empty() && authority.find('@') == std::string_view::npos;
  }
  if (!StartsWithNoCase(url, "mailto:")) return false;
  const std::string_view address = url.substr(7);
  const std::size_t at = address.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == address.size()) {
    return false;
  }
  for (const char c : address) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || byte >= 0x7F) return false;
    if (std::string_view("?&,;:<>()[]\\\"%").find(c) !=
        std::string_view::npos) {
      return false;
    }
  }
  return address.find('@', at + 1) == std::string_view::npos;
}

}  // namespace eds
