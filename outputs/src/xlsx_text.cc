#include "xlsx_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "eds/text.h"

namespace eds {
namespace xlsx {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char kEllipsis[] = "\xE2\x80\xA6";  // "…", one UTF-16 unit

// Reads the next character of `text` at `*i`, advancing `*i`; malformed
// bytes and the XML non-characters U+FFFE/U+FFFF read as U+FFFD.
char32_t NextChar(std::string_view text, std::size_t* i) {
  char32_t cp = 0;
  const std::size_t length = DecodeUtf8(text, *i, &cp);
  if (length == 0) {
    ++*i;
    return kReplacement;
  }
  *i += length;
  return (cp == 0xFFFE || cp == 0xFFFF) ? kReplacement : cp;
}

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

// True when `text` at `i` holds "_xHHHH_", which Excel decodes as the
// character U+HHHH.
bool IsEscapeLookalike(std::string_view text, std::size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' ||
      text[i + 6] != '_') {
    return false;
  }
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    if (!IsHexDigit(text[k])) return false;
  }
  return true;
}

bool IsDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::time_t MidnightUtc(const Date& date) {
  return static_cast<std::time_t>(date.DaysSinceEpoch() * 86400);
}
}  // namespace

std::string CellText(std::string_view text, std::size_t max_units) {
  std::string out;
  out.reserve(text.size());
  std::size_t units = 0;
  // The length of `out` at the last point where "…" still fits.
  std::size_t cut = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t piece_units;
    if (IsEscapeLookalike(text, i)) {
      out += "_x005F_";  // Excel reads this back as a literal "_"
      piece_units = 1;
      ++i;
    } else {
      const char32_t cp = NextChar(text, &i);
      AppendUtf8(cp, &out);
      piece_units = cp >= 0x10000 ? 2 : 1;
    }
    units += piece_units;
    if (units + 1 <= max_units) cut = out.size();
    if (units > max_units) {
      out.resize(cut);
      out += kEllipsis;
      return out;
    }
  }
  return out;
}

bool IsSafeCellText(std::string_view text) {
  if (text.size() > kMaxCellUnits) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) return false;
    if (byte == '_' && IsEscapeLookalike(text, i)) return false;
  }
  return true;
}

std::string PropertyText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = NextChar(text, &i);
    AppendUtf8(cp < 0x20 || cp == 0x7F ? U' ' : cp, &out);
  }
  return out;
}

std::string HeaderFooterText(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (chars + 1 == max_chars && i < text.size()) {
      std::size_t next = i;
      NextChar(text, &next);
      if (next < text.size()) {
        out += kEllipsis;
        break;
      }
    }
    const char32_t cp = NextChar(text, &i);
    if (cp == U'&') {
      out += "&&";
    } else {
      AppendUtf8(cp < 0x20 || cp == 0x7F ? U' ' : cp, &out);
    }
    ++chars;
  }
  return out;
}

std::optional<Colour> ParseColour(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  Colour value = 0;
  for (std::size_t k = 1; k < hex.size(); ++k) {
    const char c = hex[k];
    Colour digit;
    if (c >= '0' && c <= '9') {
      digit = static_cast<Colour>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<Colour>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<Colour>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    value = value * 16 + digit;
  }
  return value;
}

std::time_t DocumentTime(const std::optional<Date>& completed,
                         std::string_view year) {
  if (completed) {
    const std::time_t t = MidnightUtc(*completed);
    if (t != 0) return t;
  }
  if (year.size() >= 4 && IsDigits(year.substr(0, 4))) {
    const std::time_t t = MidnightUtc(Date{ToInt(year.substr(0, 4)), 1, 1});
    if (t != 0) return t;
  }
  return MidnightUtc(Date{2000, 1, 1});
}

std::string ScoreNumberFormat(const Rational& value) {
  return (value * 2).IsInteger() ? std::string() : std::string("0.00");
}

double TextWidth(std::string_view text) {
  std::size_t widest = 0;
  std::size_t line = 0;
  // ASCII, the common case, a byte a character; anything else is decoded.
  bool ascii = true;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
    if (c == '\n') {
      line = 0;
    } else {
      widest = std::max(widest, ++line);
    }
  }
  if (ascii) return static_cast<double>(widest);
  widest = 0;
  line = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (NextChar(text, &i) == U'\n') {
      line = 0;
    } else {
      widest = std::max(widest, ++line);
    }
  }
  return static_cast<double>(widest);
}
namespace {

// A character's printed width in digits of DejaVu Sans (digits are 0.636 em
// wide): the widths of its common letters, rounded up.
double CharWidth(char32_t c) {
  if (c == ' ') return 0.5;
  if (c >= '0' && c <= '9') return 1.0;
  if (c >= 0x80) return 1.25;  // accented letters, dashes, quotes, "…"
  switch (c) {
    case 'm':
      return 1.55;
    case 'w':
      return 1.3;
    case 'i':
    case 'j':
    case 'l':
    case '.':
    case ',':
    case ':':
    case ';':
    case '\'':
    case '!':
    case '|':
      return 0.5;
    case 'f':
    case 't':
    case 'r':
    case 'I':
    case '(':
    case ')':
    case '[':
    case ']':
    case '-':
    case '/':
      return 0.66;
    case 's':
    case 'c':
    case 'z':
      return 0.86;
    case 'M':
    case 'W':
    case '@':
    case '%':
      return 1.6;
    default:
      break;
  }
  if (c >= 'A' && c <= 'Z') return 1.2;
  return 0.97;
}
// Bold DejaVu Sans against the regular digits the column is measured in.
constexpr double kBoldFactor = 1.12;
// The room a cell leaves between its border and its text.
constexpr double kCellPadding = 0.6;

}  // namespace

double PrintedWidth(double width) { return width + 0.71; }

std::size_t WrappedLineCount(std::string_view text, double width, bool bold) {
  const double factor = bold ? kBoldFactor : 1.0;
  const double room = std::max(1.0, width - kCellPadding);
  std::size_t lines = 1;
  double line = 0;   // width of the current line
  double word = 0;   // width of the word being read
  double space = 0;  // the space before it, when it follows a word
  // Places the word just read: on this line if it fits, else on a new line;
  // a word wider than a line is broken across lines.
  const auto place = [&] {
    if (word == 0) return;
    if (line + space + word <= room) {
      line += space + word;
    } else {
      if (line > 0) ++lines;
      line = word;
      while (line > room) {
        ++lines;
        line -= room;
      }
    }
    word = 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t c = NextChar(text, &i);
    if (c == U'\n') {
      place();
      ++lines;
      line = 0;
      space = 0;
    } else if (c == U' ') {
      place();
      space = line > 0 ? CharWidth(' ') * factor : 0;
    } else if (c == U'-' || c == U'/') {
      // A line may break after a hyphen or a slash, as in "patients-forum"
      // or a path.
      word += CharWidth(c) * factor;
      place();
      space = 0;
    } else {
      word += CharWidth(c) * factor;
    }
  }
  place();
  return lines;
}
}  // namespace xlsx
}  // namespace eds
