#ifndef EDS_OUTPUTS_SRC_XLSX_TEXT_H_
#define EDS_OUTPUTS_SRC_XLSX_TEXT_H_

// Pure text helpers for workbooks: what a cell, a property or a printed
// header may hold, colours and dates as a workbook stores them, and how wide
// text prints. Nothing here talks to libxlsxwriter (see xlsx_book.h).

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "eds/date.h"
#include "eds/rational.h"

namespace eds {
namespace xlsx {

// A colour as 0xRRGGBB (libxlsxwriter's lxw_color_t).
using Colour = std::uint32_t;

// Excel's limit on the text in one cell, in UTF-16 code units.
inline constexpr std::size_t kMaxCellUnits = 32767;
// Excel's limit on the length of a hyperlink.
inline constexpr std::size_t kMaxUrlBytes = 2079;
// The font size of a cell, in points, unless a style sets one.
inline constexpr double kDefaultFontSize = 11;

// `text` made safe to store in a cell: invalid UTF-8 and characters XML
// cannot hold become U+FFFD; an "_xHHHH_" sequence (which Excel would decode
// as an escaped character) is escaped so it reads back literally; and text
// longer than `max_units` UTF-16 units is cut at a character boundary and
// ends in "…". libxlsxwriter escapes control characters itself.
std::string CellText(std::string_view text,
                     std::size_t max_units = kMaxCellUnits);

// True when CellText(text) would be `text` itself: ASCII, no "_xHHHH_",
// within the cell limit. A quick test for the common cell.
bool IsSafeCellText(std::string_view text);

// `text` made safe for a document property (title, comments): valid UTF-8 and
// control characters replaced by spaces, since libxlsxwriter does not escape
// them there.
std::string PropertyText(std::string_view text);

// `text` made safe for a printed page's header or footer: as PropertyText(),
// cut to `max_chars` characters (ending in "…"), and every "&" doubled, so
// that Excel and LibreOffice print it instead of reading a control code
// ("&P" is the page number).
std::string HeaderFooterText(std::string_view text, std::size_t max_chars);

// A "#RRGGBB" colour as a workbook stores it, or nullopt when malformed.
std::optional<Colour> ParseColour(std::string_view hex);

// The document's creation time, derived from the assessment so the file is
// reproducible: midnight UTC of `completed` when there is one, else 1
// January of the first year of `year` (YYYY/YY), else 1 January 2000. Never
// zero (libxlsxwriter reads zero as "now").
std::time_t DocumentTime(const std::optional<Date>& completed,
                         std::string_view year);

// A number format that shows `value` exactly when it is a whole or half
// number, and to two decimals otherwise (5/3 shows 1.67). Empty means
// Excel's General format.
std::string ScoreNumberFormat(const Rational& value);

// Printing. Column widths count characters of the default font's digits;
// the widest font a reader may print with in place of Calibri (DejaVu Sans,
// LibreOffice's usual fallback) has 7.05-point digits at 11 points, so a
// sheet is planned with that width. A sheet narrower than an A4 portrait
// page prints portrait at full size; one that fits an A4 landscape page at
// kMinPrintScale or more is scaled to the page width; a wider one prints at
// kMinPrintScale, its columns running on to further pages with the first
// column repeated. Text is 11 points, so it never prints under 8.8 points.
inline constexpr double kMinPrintScale = 0.8;
// Characters across the printable width of an A4 page at full size.
inline constexpr double kPortraitChars = 76;
inline constexpr double kLandscapeChars = 111;
// The widest table that still prints one page wide at kMinPrintScale.
inline constexpr double kPrintWidthChars = kLandscapeChars / kMinPrintScale;

// The display width of `text` in characters: the longest of its lines.
double TextWidth(std::string_view text);

// How many lines `text` takes when wrapped at spaces (and after hyphens and
// slashes) in a column `width`
// characters wide, a word longer than a line being broken: an estimate on
// the safe side (a row may get a little spare room), from the widths of
// DejaVu Sans's letters against its digits (see kMinPrintScale). Bold text
// is wider.
std::size_t WrappedLineCount(std::string_view text, double width,
                             bool bold = false);

// The width a column set `width` characters wide takes: Excel stores it with
// room for the cell's margins.
double PrintedWidth(double width);

}  // namespace xlsx
}  // namespace eds

#endif  // EDS_OUTPUTS_SRC_XLSX_TEXT_H_
