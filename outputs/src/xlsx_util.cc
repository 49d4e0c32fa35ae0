#include "xlsx_util.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <utility>

#include "eds/output_file.h"
#include "link_rules.h"

namespace eds {
namespace xlsx {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char kEllipsis[] = "\xE2\x80\xA6";  // "…", one UTF-16 unit

// Decodes one UTF-8 character at `text[i]`. Returns its length in bytes and
// sets `cp`; returns 0 for a byte that does not start a well-formed character
// (overlong forms, surrogates and values above U+10FFFF are not well-formed).
std::size_t DecodeUtf8(std::string_view text, std::size_t i, char32_t* cp) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    *cp = lead;
    return 1;
  }
  std::size_t length;
  char32_t value;
  char32_t min;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1Fu, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0Fu, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3Fu);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;
  }
  *cp = value;
  return length;
}

void AppendUtf8(char32_t cp, std::string* out) {
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

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to the given civil date (proleptic Gregorian), without
// the time zone that mktime() would apply.
std::int64_t DaysFromCivil(int year, int month, int day) {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::time_t MidnightUtc(int year, int month, int day) {
  return static_cast<std::time_t>(DaysFromCivil(year, month, day) * 86400);
}

bool IsFileError(lxw_error error) {
  switch (error) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return true;
    default:
      return false;
  }
}

// Sends stderr to /dev/null while it lives. libxlsxwriter prints lines of
// its own ("[ERROR][./src/packager.c:1541]: ...") when writing fails; the
// failure also comes back as a code and errno, which Close() turns into the
// one message the user sees.
class QuietStderr {
 public:
  QuietStderr() {
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
      ::dup2(null, STDERR_FILENO);
      ::close(null);
    }
  }
  ~QuietStderr() {
    std::fflush(stderr);
    if (saved_ >= 0) {
      ::dup2(saved_, STDERR_FILENO);
      ::close(saved_);
    }
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

 private:
  int saved_ = -1;
};

// Names the file the user asked for even when writing its staged copy.
std::string WorkbookError(const std::string& path, const std::string& what) {
  return "cannot write workbook '" + DestinationOf(path) + "': " + what;
}

// The folder of `path` ("." for a bare file name), for libxlsxwriter's
// temporary files: the caller stages the workbook in a folder it can write,
// while the system temporary folder may not be writable.
std::string FolderOf(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
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

std::optional<lxw_color_t> ParseColour(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  lxw_color_t value = 0;
  for (std::size_t k = 1; k < hex.size(); ++k) {
    const char c = hex[k];
    lxw_color_t digit;
    if (c >= '0' && c <= '9') {
      digit = static_cast<lxw_color_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<lxw_color_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<lxw_color_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    value = value * 16 + digit;
  }
  return value;
}

std::time_t DocumentTime(std::string_view iso_date, std::string_view year) {
  if (iso_date.size() == 10 && iso_date[4] == '-' && iso_date[7] == '-' &&
      IsDigits(iso_date.substr(0, 4)) && IsDigits(iso_date.substr(5, 2)) &&
      IsDigits(iso_date.substr(8, 2))) {
    const int y = ToInt(iso_date.substr(0, 4));
    const int m = ToInt(iso_date.substr(5, 2));
    const int d = ToInt(iso_date.substr(8, 2));
    if (m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
      const std::time_t t = MidnightUtc(y, m, d);
      if (t != 0) return t;
    }
  }
  if (year.size() >= 4 && IsDigits(year.substr(0, 4))) {
    const std::time_t t = MidnightUtc(ToInt(year.substr(0, 4)), 1, 1);
    if (t != 0) return t;
  }
  return MidnightUtc(2000, 1, 1);
}

std::string ScoreNumberFormat(const Rational& value) {
  return (value * 2).IsInteger() ? std::string() : std::string("0.00");
}

double TextWidth(std::string_view text) {
  std::size_t widest = 0;
  std::size_t line = 0;
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

constexpr double kDefaultFontSize = 11;

// The width a column set `width` characters wide takes: Excel stores it with
// room for the cell's margins.
double PrintedWidth(double width) { return width + 0.71; }

double FontSize(const Style& style) {
  return style.font_size > 0 ? style.font_size : kDefaultFontSize;
}

// Bold DejaVu Sans against the regular digits the column is measured in.
constexpr double kBoldFactor = 1.12;
// The room a cell leaves between its border and its text.
constexpr double kCellPadding = 0.6;

}  // namespace

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

std::string Style::Key() const {
  std::string key;
  key += bold ? 'B' : '-';
  key += italic ? 'I' : '-';
  key += wrap ? 'W' : '-';
  key += header ? 'H' : '-';
  key += align_left ? 'L' : '-';
  key += align_center ? 'C' : '-';
  key += link ? 'U' : '-';
  // The size's bytes rather than its decimal text: a key is only compared,
  // and printing a double for every cell was a tenth of a national rollup.
  char size[sizeof font_size];
  std::memcpy(size, &font_size, sizeof size);
  key.append(size, sizeof size);
  key += '|';
  key += fill;
  key += '|';
  key += number_format;
  return key;
}

Style Filled(const std::string& colour) {
  Style style;
  style.fill = colour;
  return style;
}

Style Bold() {
  Style style;
  style.bold = true;
  return style;
}

Style Title() {
  Style style;
  style.bold = true;
  style.font_size = 14;
  return style;
}

// ---- Sheet ----

void Sheet::Check(lxw_error error, lxw_row_t row, lxw_col_t col) {
  if (error == LXW_NO_ERROR) {
    Used(col);
    return;
  }
  char cell[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(cell, row, col);
  book_->Fail(error, name_ + "!" + cell);
}

void Sheet::Text(lxw_row_t row, lxw_col_t col, std::string_view text,
                 const Style& style) {
  const std::string safe = CellText(text);
  Check(worksheet_write_string(worksheet_, row, col, safe.c_str(),
                               book_->Format(style)),
        row, col);
}

void Sheet::Number(lxw_row_t row, lxw_col_t col, double value,
                   const Style& style) {
  Check(
      worksheet_write_number(worksheet_, row, col, value, book_->Format(style)),
      row, col);
}

namespace {

// A link Excel opens as it is: a web or mail address IsLiveLink allows, in
// printable ASCII, without the characters libxlsxwriter would have to escape
// (which would change its length) and without spaces.
bool IsPlainLink(std::string_view url) {
  if (!IsLiveLink(url)) return false;
  if (url.size() > kMaxUrlBytes) return false;
  for (char c : url) {
    if (c <= ' ' || c > '~') return false;
    if (std::string_view("\"<>\\[]^{}`|").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool Sheet::Link(lxw_row_t row, lxw_col_t col, std::string_view url,
                 const Style& style) {
  if (!IsPlainLink(url) || links_ >= LXW_MAX_NUMBER_URLS) {
    Text(row, col, url, style);
    return false;
  }
  ++links_;
  Style look = style;
  look.link = true;
  const std::string text(url);
  Check(worksheet_write_url_opt(worksheet_, row, col, text.c_str(),
                                book_->Format(look), text.c_str(), nullptr),
        row, col);
  return true;
}

void Sheet::Date(lxw_row_t row, lxw_col_t col, std::string_view iso_date,
                 const Style& style) {
  const auto number = [&](std::size_t at, std::size_t digits) {
    int value = 0;
    for (std::size_t i = at; i < at + digits; ++i) {
      value = value * 10 + (iso_date[i] - '0');
    }
    return value;
  };
  if (iso_date.size() != 10 || number(0, 4) < 1900) {
    Text(row, col, iso_date, style);
    return;
  }
  lxw_datetime date = {};
  date.year = number(0, 4);
  date.month = number(5, 2);
  date.day = number(8, 2);
  Style look = style;
  look.number_format = "d mmm yyyy";
  Check(worksheet_write_datetime(worksheet_, row, col, &date,
                                 book_->Format(look)),
        row, col);
}

void Sheet::Score(lxw_row_t row, lxw_col_t col,
                  const std::optional<Rational>& score, const Style& style,
                  std::string_view unrated) {
  if (!score) {
    Text(row, col, unrated, style);
    return;
  }
  Style number_style = style;
  if (number_style.number_format.empty()) {
    number_style.number_format = ScoreNumberFormat(*score);
  }
  Number(row, col, score->ToDouble(), number_style);
}

void Sheet::Blank(lxw_row_t row, lxw_col_t col, const Style& style) {
  Check(worksheet_write_blank(worksheet_, row, col, book_->Format(style)), row,
        col);
}

void Sheet::SetColumnWidth(lxw_col_t first, lxw_col_t last, double width) {
  Check(worksheet_set_column(worksheet_, first, last, width, nullptr), 0,
        first);
  for (lxw_col_t col = first; col <= last; ++col) widths_[col] = width;
}

lxw_col_t Sheet::LastColumnOnFirstPage(lxw_col_t last) const {
  lxw_col_t col = 0;
  while (col < last && ColumnsWidth(0, col + 1) <= kPrintWidthChars) ++col;
  return col;
}

double Sheet::ColumnsWidth(lxw_col_t first, lxw_col_t last) const {
  // Excel's default column width, in characters.
  constexpr double kDefaultWidth = 8.43;
  double width = 0;
  for (lxw_col_t col = first; col <= last; ++col) {
    const auto found = widths_.find(col);
    width += PrintedWidth(found == widths_.end() ? kDefaultWidth
                                                 : found->second);
  }
  return width;
}

void Sheet::WrapText(lxw_row_t row, lxw_col_t col, std::string_view text,
                     Style style) {
  style.wrap = true;
  Text(row, col, text, style);
  wrapped_.push_back({row, col, col, std::string(text),
                      style.bold || style.header, FontSize(style)});
}

void Sheet::Paragraph(lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col,
                      std::string_view text, Style style) {
  style.wrap = true;
  if (first_col == last_col) {
    WrapText(row, first_col, text, style);
    return;
  }
  const std::string safe = CellText(text);
  Check(worksheet_merge_range(worksheet_, row, first_col, row, last_col,
                              safe.c_str(), book_->Format(style)),
        row, first_col);
  Used(last_col);
  wrapped_.push_back({row, first_col, last_col, std::string(text),
                      style.bold, FontSize(style)});
}

void Sheet::SetRowLines(lxw_row_t row, std::size_t lines) {
  if (lines == 0) return;
  std::size_t& most = lines_[row];  // 0, a gap, for a new row
  most = std::max(most, lines);
}

void Sheet::FinishPrint(const std::string& header) {
  for (const WrappedCell& cell : wrapped_) {
    // Larger type: fewer characters a line, taller lines.
    const double scale = cell.size / kDefaultFontSize;
    const std::size_t lines = WrappedLineCount(
        cell.text, ColumnsWidth(cell.first, cell.last) / scale, cell.bold);
    SetRowLines(cell.row, static_cast<std::size_t>(
                              std::ceil(static_cast<double>(lines) * scale)));
  }
  // 15 points a line in the default font; Excel's tallest row is 409 points.
  constexpr double kLineHeight = 15;
  constexpr double kMaxHeight = 409;
  for (const auto& [row, lines] : lines_) {
    if (lines == 1) continue;
    const double height =
        lines == 0 ? kLineHeight / 4
                   : std::min(kMaxHeight,
                              kLineHeight * static_cast<double>(lines));
    Check(worksheet_set_row(worksheet_, row, height, nullptr), row, 0);
  }

  if (!breaks_.empty()) {
    // libxlsxwriter reads the list up to a 0 and copies it.
    std::vector<lxw_row_t> breaks = breaks_;
    breaks.push_back(0);
    Check(worksheet_set_h_pagebreaks(worksheet_, breaks.data()), breaks_[0],
          0);
  }
  constexpr std::uint8_t kA4 = 9;
  worksheet_set_paper(worksheet_, kA4);
  // Inches: narrow sides, room above and below for the header and footer
  // (less on a sheet that must fit one page).
  const double edge = one_page_ ? 0.5 : 0.7;
  worksheet_set_margins(worksheet_, 0.4, 0.4, edge, edge);
  const double width = std::max(ColumnsWidth(0, last_col_), chart_right_);
  if (one_page_) {
    worksheet_set_portrait(worksheet_);
    worksheet_fit_to_pages(worksheet_, 1, 1);
  } else if (width <= kPortraitChars) {
    worksheet_set_portrait(worksheet_);
  } else if (width <= kPrintWidthChars) {
    worksheet_set_landscape(worksheet_);
    worksheet_fit_to_pages(worksheet_, 1, 0);
  } else {
    // Too wide to shrink onto one page legibly: the columns run on to the
    // pages to the right, each starting with the first column again.
    worksheet_set_landscape(worksheet_);
    worksheet_set_print_scale(
        worksheet_, static_cast<std::uint16_t>(kMinPrintScale * 100));
    worksheet_print_across(worksheet_);
    Check(worksheet_repeat_columns(worksheet_, 0, 0), 0, 0);
  }
  // Excel allows 255 characters in each; the organisation's name is cut
  // well before that.
  constexpr std::size_t kHeaderChars = 120;
  const std::string top = "&C" + HeaderFooterText(header, kHeaderChars);
  Check(worksheet_set_header(worksheet_, top.c_str()), 0, 0);
  Check(worksheet_set_footer(worksheet_, "&L&A&RPage &P of &N"), 0, 0);
}

void Sheet::FreezeRows(lxw_row_t rows) {
  worksheet_freeze_panes(worksheet_, rows, 0);
}

void Sheet::RepeatRows(lxw_row_t first, lxw_row_t last) {
  Check(worksheet_repeat_rows(worksheet_, first, last), first, 0);
}

void Sheet::AutoFilter(lxw_row_t first_row, lxw_col_t first_col,
                       lxw_row_t last_row, lxw_col_t last_col) {
  Check(worksheet_autofilter(worksheet_, first_row, first_col, last_row,
                             last_col),
        first_row, first_col);
}

void Sheet::InsertChart(lxw_row_t row, lxw_col_t col, lxw_chart* chart,
                        double x_scale, double y_scale) {
  if (chart == nullptr) return;  // AddChart() recorded the failure
  lxw_chart_options options = {};
  options.x_scale = x_scale;
  options.y_scale = y_scale;
  Check(worksheet_insert_chart_opt(worksheet_, row, col, chart, &options), row,
        col);
  // A chart is 480 pixels wide; a character of a column about 7.
  constexpr double kChartPixels = 480;
  constexpr double kPixelsPerChar = 7;
  chart_right_ = std::max(chart_right_, ColumnsWidth(0, col) -
                                            ColumnsWidth(col, col) +
                                            kChartPixels * x_scale /
                                                kPixelsPerChar);
}

// ---- Book ----

Book::Book(std::string path, const DocumentInfo& info)
    : path_(std::move(path)), page_header_(info.page_header) {
  std::string tmpdir = FolderOf(path_);
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;  // constant memory breaks tables
  options.tmpdir = tmpdir.data();
  workbook_ = workbook_new_opt(path_.c_str(), &options);
  if (workbook_ == nullptr) {
    status_ = Status::Internal(WorkbookError(path_, "out of memory"));
    return;
  }
  // libxlsxwriter copies every property string.
  std::string title = PropertyText(info.title);
  std::string subject = PropertyText(info.subject);
  std::string comments = PropertyText(info.comments);
  lxw_doc_properties properties = {};
  properties.title = title.data();
  properties.subject = subject.data();
  properties.comments = comments.data();
  properties.created = info.created;
  const lxw_error error = workbook_set_properties(workbook_, &properties);
  if (error != LXW_NO_ERROR) Fail(error, "document properties");
}

Book::~Book() {
  if (workbook_ != nullptr) lxw_workbook_free(workbook_);
}

Sheet* Book::AddSheet(const std::string& name) {
  if (workbook_ == nullptr) return nullptr;
  // Validating first keeps libxlsxwriter from printing its own warning.
  const lxw_error invalid =
      workbook_validate_sheet_name(workbook_, name.c_str());
  if (invalid != LXW_NO_ERROR) {
    Fail(invalid, "sheet '" + name + "'");
    return nullptr;
  }
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook_, name.c_str());
  if (worksheet == nullptr) {
    Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet '" + name + "'");
    return nullptr;
  }
  // Codes, ids and years are text on purpose; Excel's "number stored as
  // text" warning would only be noise.
  const lxw_error error = worksheet_ignore_errors(
      worksheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:XFD1048576");
  if (error != LXW_NO_ERROR) Fail(error, "sheet '" + name + "'");
  sheets_.emplace_back(this, worksheet, name);
  return &sheets_.back();
}

lxw_chart* Book::AddChart(std::uint8_t type) {
  if (workbook_ == nullptr) return nullptr;
  lxw_chart* chart = workbook_add_chart(workbook_, type);
  if (chart == nullptr) {
    Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
    return nullptr;
  }
  // libxlsxwriter copies the fonts. 360 is its code for "not rotated".
  lxw_chart_font title = {};
  title.size = 12;
  lxw_chart_font text = {};
  text.size = kDefaultFontSize;
  lxw_chart_font across = text;
  across.rotation = 360;
  chart_title_set_name_font(chart, &title);
  chart_legend_set_font(chart, &text);
  for (const lxw_chart_axis_type type_of_axis :
       {LXW_CHART_AXIS_TYPE_X, LXW_CHART_AXIS_TYPE_Y}) {
    lxw_chart_axis* axis = chart_axis_get(chart, type_of_axis);
    chart_axis_set_num_font(axis, &text);
    chart_axis_set_name_font(
        axis, type_of_axis == LXW_CHART_AXIS_TYPE_Y ? &across : &text);
  }
  return chart;
}

lxw_format* Book::Format(const Style& style) {
  if (workbook_ == nullptr) return nullptr;
  static const std::string kDefaultKey = Style().Key();
  const std::string key = style.Key();
  if (key == kDefaultKey) return nullptr;
  const auto found = formats_.find(key);
  if (found != formats_.end()) return found->second;
  lxw_format* format = workbook_add_format(workbook_);
  if (format == nullptr) {
    Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "cell format");
    return nullptr;
  }
  if (style.bold || style.header) format_set_bold(format);
  if (style.italic) format_set_italic(format);
  if (style.wrap || style.header) {
    format_set_text_wrap(format);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
  }
  if (style.header) format_set_bottom(format, LXW_BORDER_THIN);
  if (style.align_left) format_set_align(format, LXW_ALIGN_LEFT);
  if (style.align_center) format_set_align(format, LXW_ALIGN_CENTER);
  if (style.font_size > 0) format_set_font_size(format, style.font_size);
  if (style.link) {
    format_set_font_color(format, LXW_COLOR_BLUE);
    format_set_underline(format, LXW_UNDERLINE_SINGLE);
  }
  std::string fill = style.fill;
  if (fill.empty() && style.header) fill = "#D9D9D9";
  if (const std::optional<lxw_color_t> colour = ParseColour(fill)) {
    format_set_bg_color(format, *colour);
  }
  if (!style.number_format.empty()) {
    format_set_num_format(format, style.number_format.c_str());
  }
  formats_.emplace(key, format);
  return format;
}

void Book::Fail(lxw_error error, const std::string& what) {
  if (!status_.ok()) return;
  const std::string message =
      WorkbookError(path_, what + ": " + lxw_strerror(error));
  status_ =
      IsFileError(error) ? Status::IoError(message) : Status::Internal(message);
}

Status Book::Close() {
  if (workbook_ == nullptr) return status_;
  for (Sheet& sheet : sheets_) sheet.FinishPrint(page_header_);
  lxw_workbook* workbook = std::exchange(workbook_, nullptr);
  if (!status_.ok()) {
    lxw_workbook_free(workbook);
    return status_;
  }
  // libxlsxwriter prints to stderr when it cannot create the file; checking
  // first keeps the message ours and the stderr clean.
  std::FILE* probe = std::fopen(path_.c_str(), "ab");
  if (probe == nullptr) {
    const int error = errno;
    lxw_workbook_free(workbook);
    return Status::IoError(WorkbookError(path_, std::strerror(error)));
  }
  std::fclose(probe);
  // libxlsxwriter's file errors are generic ("ZIP_ERRNO"); errno holds the
  // cause a reader can act on, such as a full disk.
  errno = 0;
  lxw_error error;
  int cause;
  {
    const QuietStderr quiet;
    error = workbook_close(workbook);
    cause = errno;
  }
  if (error != LXW_NO_ERROR) {
    if (cause != 0 && IsFileError(error)) {
      // The cause ("No space left on device") is what a user can act on;
      // libxlsxwriter's own words for it add nothing.
      status_ = Status::IoError(WorkbookError(path_, std::strerror(cause)));
    } else {
      Fail(error, "closing");
    }
  }
  return status_;
}

// ---- Table ----

Table::Table(Sheet* sheet, lxw_row_t header_row, std::vector<Column> columns,
             Options options)
    : sheet_(sheet),
      header_row_(header_row),
      row_(header_row),
      columns_(std::move(columns)),
      options_(options),
      widths_(columns_.size(), 0.0),
      has_text_(columns_.size(), false),
      has_number_(columns_.size(), false) {
  Style header;
  header.header = true;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    sheet_->Text(header_row_, static_cast<lxw_col_t>(c), columns_[c].heading,
                 header);
    Measure(c, columns_[c].heading, /*bold=*/true);
  }
}

void Table::NewRow() { ++row_; }

void Table::Measure(std::size_t column, std::string_view text, bool bold) {
  const double width = TextWidth(text);
  widths_[column] = std::max(widths_[column], width);
  if (width + 2 > columns_[column].min_width ||
      text.find('\n') != std::string_view::npos) {
    tall_cells_.push_back({row_, column, std::string(text), bold});
  }
}

void Table::Text(std::size_t column, std::string_view text, Style style) {
  style.wrap = true;
  sheet_->Text(row_, static_cast<lxw_col_t>(column), text, style);
  if (!text.empty()) has_text_[column] = true;
  Measure(column, text, style.bold);
}

void Table::Number(std::size_t column, double value, Style style) {
  style.wrap = true;
  if (!style.align_left) style.align_center = true;
  sheet_->Number(row_, static_cast<lxw_col_t>(column), value, style);
  has_number_[column] = true;
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  Measure(column, text, style.bold);
}

void Table::Link(std::size_t column, std::string_view url, Style style) {
  style.wrap = true;
  sheet_->Link(row_, static_cast<lxw_col_t>(column), url, style);
  if (!url.empty()) has_text_[column] = true;
  Measure(column, url, style.bold);
}

void Table::Date(std::size_t column, std::string_view iso_date, Style style) {
  style.wrap = true;
  sheet_->Date(row_, static_cast<lxw_col_t>(column), iso_date, style);
  if (!iso_date.empty()) has_text_[column] = true;
  Measure(column, "30 Sep 2025", style.bold);
}

void Table::Score(std::size_t column, const std::optional<Rational>& score,
                  Style style, std::string_view unrated) {
  style.wrap = true;
  if (!style.align_left) style.align_center = true;
  sheet_->Score(row_, static_cast<lxw_col_t>(column), score, style, unrated);
  has_number_[column] = true;  // "not rated" in a score column is no text
  Measure(column, score ? score->ToString() : unrated, style.bold);
}

void Table::Finish() {
  if (columns_.empty()) return;
  const auto last_col = static_cast<lxw_col_t>(columns_.size() - 1);
  if (options_.filter) sheet_->AutoFilter(header_row_, 0, row_, last_col);
  if (options_.freeze_header) {
    sheet_->FreezeRows(header_row_ + 1);
    sheet_->RepeatRows(header_row_, header_row_);
  }
  // A column of numbers gets its heading centred over the numbers, which are
  // centred so that they do not run into the next column's text.
  Style number_header;
  number_header.header = true;
  number_header.align_center = true;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (has_number_[c] && !has_text_[c]) {
      sheet_->Text(header_row_, static_cast<lxw_col_t>(c), columns_[c].heading,
                   number_header);
    }
  }
  std::vector<double> widths(columns_.size());
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (!options_.fit_widths) {
      widths[c] = columns_[c].min_width;
      continue;
    }
    // Two characters of padding leave room for the filter button.
    widths[c] = std::clamp(widths_[c] + 2, columns_[c].min_width,
                           columns_[c].max_width);
  }
  if (options_.fit_widths) {
    // Narrows the widest column a character at a time until the table
    // fits its print width (or, when even its narrowest columns are wider,
    // a whole number of page widths) or no column can give more. Text
    // wraps, and so does a heading over numbers.
    double total = 0;
    double narrowest = 0;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      total += PrintedWidth(widths[c]);
      narrowest += PrintedWidth(columns_[c].min_width);
    }
    const double target =
        options_.print_width *
        std::max(1.0, std::ceil(narrowest / options_.print_width));
    while (total > target) {
      std::size_t widest = columns_.size();
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (widths[c] - 1 >= columns_[c].min_width &&
            (widest == columns_.size() || widths[c] > widths[widest])) {
          widest = c;
        }
      }
      if (widest == columns_.size()) break;
      widths[widest] -= 1;
      total -= 1;
    }
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      sheet_->SetColumnWidth(static_cast<lxw_col_t>(c),
                             static_cast<lxw_col_t>(c), widths[c]);
    }
  }
  // Cells were kept in row order, so each row's tallest cell is found in one
  // pass.
  std::size_t i = 0;
  while (i < tall_cells_.size()) {
    const lxw_row_t row = tall_cells_[i].row;
    std::size_t lines = 1;
    for (; i < tall_cells_.size() && tall_cells_[i].row == row; ++i) {
      lines = std::max(lines, WrappedLineCount(tall_cells_[i].text,
                                               widths[tall_cells_[i].column],
                                               tall_cells_[i].bold));
    }
    sheet_->SetRowLines(row, lines);
  }
}

}  // namespace xlsx
}  // namespace eds
