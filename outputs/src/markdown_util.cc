#include "markdown_util.h"

#include <cstddef>

namespace eds::markdown {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAsciiAlnum(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True when `rest`, the text after an '&', would make it an entity or
// character reference ("amp;", "#38;", "#x26;"), in CommonMark's reading
// or any looser one: letters or digits, or '#' and then some, up to ';'.
bool StartsEntity(std::string_view rest) {
  std::size_t i = 0;
  if (i < rest.size() && rest[i] == '#') ++i;
  const std::size_t first = i;
  while (i < rest.size() && IsAsciiAlnum(rest[i])) ++i;
  return i > first && i < rest.size() && rest[i] == ';';
}

}  // namespace

std::string_view Trim(std::string_view text) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string Escape(std::string_view raw) {
  const std::string_view text = Trim(raw);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if ((static_cast<unsigned char>(c) < 0x20) || c == 0x7F) {
      out.push_back(' ');
      continue;
    }
    switch (c) {
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '&':
        if (StartsEntity(text.substr(i + 1))) {
          out += "&amp;";
          continue;
        }
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '~':
      case '$':
      case '{':
      case '}':
        out.push_back('\\');
        break;
      case '#':
        // A heading's start, or a closing sequence that would be dropped.
        if (i == 0 || (text[i - 1] == ' ' && text.find_first_not_of('#', i) ==
                                                 std::string_view::npos)) {
          out.push_back('\\');
        }
        break;
      case '-':
      case '+':
      case '=':
        if (i == 0) out.push_back('\\');
        break;
      case '.':
      case ')': {
        // Digits, then "." or ")", then a space (or nothing) would begin an
        // ordered list; control characters become spaces.
        const bool at_end = i + 1 == text.size() ||
                            static_cast<unsigned char>(text[i + 1]) <= 0x20;
        std::size_t digits = 0;
        while (digits < i && IsAsciiDigit(text[digits])) ++digits;
        if (at_end && digits == i && i > 0) out.push_back('\\');
        break;
      }
      default:
        break;
    }
    out.push_back(c);
  }
  return out;
}

std::string Cell(std::string_view text) {
  const std::string escaped = Escape(text);
  return escaped.empty() ? kNothing : escaped;
}

std::string Row(const std::vector<std::string>& cells) {
  std::string row = "|";
  for (const std::string& cell : cells) row += " " + cell + " |";
  return row + "\n";
}

std::string TableHead(const std::vector<std::string>& headers) {
  std::string rule = "|";
  for (std::size_t i = 0; i < headers.size(); ++i) rule += "---|";
  return Row(headers) + rule + "\n";
}

}  // namespace eds::markdown
