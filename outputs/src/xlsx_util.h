#ifndef EDS_OUTPUTS_SRC_XLSX_UTIL_H_
#define EDS_OUTPUTS_SRC_XLSX_UTIL_H_

// The one place eds3 talks to libxlsxwriter. Every workbook writer (grade,
// compare, rollup) builds on these pieces so that all workbooks share the same
// guarantees (SPEC §6):
//   - text from input files is only ever written as a string cell, made safe
//     for Excel (valid UTF-8, within the cell limit, "_xHHHH_" kept literal);
//   - numbers are written as numbers, never as formulas;
//   - the same calls give a byte-identical file (no clock, no randomness);
//   - every libxlsxwriter failure becomes a Status, and nothing is printed.

#include <xlsxwriter.h>

#include <algorithm>
#include <cstddef>
#include <ctime>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eds/rational.h"
#include "eds/status.h"

namespace eds {
namespace xlsx {

// Excel's limit on the text in one cell, in UTF-16 code units.
inline constexpr std::size_t kMaxCellUnits = 32767;
// Excel's limit on the length of a hyperlink.
inline constexpr std::size_t kMaxUrlBytes = 2079;

// `text` made safe to store in a cell: invalid UTF-8 and characters XML
// cannot hold become U+FFFD; an "_xHHHH_" sequence (which Excel would decode
// as an escaped character) is escaped so it reads back literally; and text
// longer than `max_units` UTF-16 units is cut at a character boundary and
// ends in "…". libxlsxwriter escapes control characters itself.
std::string CellText(std::string_view text,
                     std::size_t max_units = kMaxCellUnits);

// `text` made safe for a document property (title, comments): valid UTF-8 and
// control characters replaced by spaces, since libxlsxwriter does not escape
// them there.
std::string PropertyText(std::string_view text);

// `text` made safe for a printed page's header or footer: as PropertyText(),
// cut to `max_chars` characters (ending in "…"), and every "&" doubled, so
// that Excel and LibreOffice print it instead of reading a control code
// ("&P" is the page number).
std::string HeaderFooterText(std::string_view text, std::size_t max_chars);

// A "#RRGGBB" colour as libxlsxwriter wants it, or nullopt when malformed.
std::optional<lxw_color_t> ParseColour(std::string_view hex);

// The document's creation time, derived from the assessment so the file is
// reproducible: midnight UTC of `iso_date` (YYYY-MM-DD) when it is a valid
// date, else 1 January of the first year of `year` (YYYY/YY), else 1 January
// 2000. Never zero (libxlsxwriter reads zero as "now").
std::time_t DocumentTime(std::string_view iso_date, std::string_view year);

// A number format that shows `value` exactly when it is a whole or half
// number, and to two decimals otherwise (5/3 shows 1.67). Empty means
// Excel's General format.
std::string ScoreNumberFormat(const Rational& value);

// The way a cell looks. Formats are cached per distinct Style, so writers
// describe cells by value and never manage lxw_format objects.
struct Style {
  bool bold = false;
  bool italic = false;
  bool wrap = false;          // wrap long text, aligned to the top
  bool header = false;        // a table heading: bold, shaded, bottom border
  bool align_left = false;    // numbers too (a value beside its label)
  bool align_center = false;  // a table's numbers and their heading
  bool link = false;          // blue and underlined, as a hyperlink shows
  double font_size = 0;       // 0: the default size
  std::string fill;           // "#RRGGBB" background, or empty
  std::string number_format;  // empty: General

  std::string Key() const;
};

// The looks every writer uses.
Style Filled(const std::string& colour);  // a background fill, "#RRGGBB"
Style Bold();
Style Title();  // a sheet's title: bold, 14 points

// Document properties written into docProps/core.xml.
struct DocumentInfo {
  std::string title;
  std::string subject;
  std::string comments;
  std::time_t created = 0;  // see DocumentTime()
  // Printed at the top of every page: the organisation and year, or what the
  // workbook covers.
  std::string page_header;
};

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

class Book;

// One worksheet. Writes that fail are recorded in the Book (the first failure
// wins) and reported by Book::Close(), so writer code stays a plain walk over
// the report instead of checking hundreds of cell writes one by one.
class Sheet {
 public:
  Sheet(Book* book, lxw_worksheet* worksheet, std::string name)
      : book_(book), worksheet_(worksheet), name_(std::move(name)) {}

  // Writes `text` as a string cell (passed through CellText()), whatever it
  // looks like: "=SUM(1)" stays text. Empty text leaves the cell blank unless
  // the style paints it.
  void Text(lxw_row_t row, lxw_col_t col, std::string_view text,
            const Style& style = Style());
  void Number(lxw_row_t row, lxw_col_t col, double value,
              const Style& style = Style());
  // Writes `url` as a live hyperlink showing its own text when it is a
  // plain http, https or mailto link (printable ASCII that Excel takes as it
  // is, at most kMaxUrlBytes, and within the sheet's link limit); otherwise
  // as text, like Text(). Returns true when it made a link.
  bool Link(lxw_row_t row, lxw_col_t col, std::string_view url,
            const Style& style = Style());
  // Writes an ISO date (YYYY-MM-DD, already checked) as a date cell shown
  // "14 Feb 2025", so a sheet sorts and filters by it; a year Excel cannot
  // hold (before 1900) is written as text.
  void Date(lxw_row_t row, lxw_col_t col, std::string_view iso_date,
            const Style& style = Style());
  // A score as a number (formatted by ScoreNumberFormat() unless the style
  // gives a format), or `unrated` as text when there is none.
  void Score(lxw_row_t row, lxw_col_t col, const std::optional<Rational>& score,
             const Style& style = Style(),
             std::string_view unrated = "not rated");
  void Blank(lxw_row_t row, lxw_col_t col, const Style& style);
  void SetColumnWidth(lxw_col_t first, lxw_col_t last, double width);
  // Writes `text` wrapped within its column and makes the row tall enough
  // for it once the column's width is known (at Book::Close()).
  void WrapText(lxw_row_t row, lxw_col_t col, std::string_view text,
                Style style = Style());
  // Writes `text` wrapped across the merged cells first_col..last_col of
  // `row`, with the row made tall enough for it: for a line of prose above
  // or below a table, which would otherwise run past the printed page.
  void Paragraph(lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col,
                 std::string_view text, Style style = Style());
  // Makes the row at least tall enough for `lines` lines of text. Set
  // explicitly because neither LibreOffice nor Excel grows rows written by
  // libxlsxwriter for wrapped text.
  void SetRowLines(lxw_row_t row, std::size_t lines);
  // Makes an empty row a quarter of a line high: a gap between two blocks.
  void SetRowGap(lxw_row_t row) { lines_[row] = 0; }
  void FreezeRows(lxw_row_t rows);
  // Prints rows first..last at the top of every printed page.
  void RepeatRows(lxw_row_t first, lxw_row_t last);
  // Starts a new printed page at `row`.
  void PageBreakBefore(lxw_row_t row) { breaks_.push_back(row); }
  // Prints the sheet on one portrait page, scaled down as far as needed,
  // instead of choosing by its width (see kMinPrintScale).
  void PrintOnOnePage() { one_page_ = true; }
  void AutoFilter(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                  lxw_col_t last_col);
  // Places `chart` with its top left corner at the cell.
  void InsertChart(lxw_row_t row, lxw_col_t col, lxw_chart* chart,
                   double x_scale = 1.0, double y_scale = 1.0);

  const std::string& name() const { return name_; }
  lxw_worksheet* raw() { return worksheet_; }

  // The width of the columns first..last as set (Excel's default where not
  // set), in characters.
  double ColumnsWidth(lxw_col_t first, lxw_col_t last) const;
  // The last of the columns 0..last that prints on the first page across
  // (see kMinPrintScale), given the widths set so far.
  lxw_col_t LastColumnOnFirstPage(lxw_col_t last) const;

  // Sets the row heights and the page: paper, orientation, scale, margins,
  // and the header and footer with `header` and the page number. Called
  // once by Book::Close().
  void FinishPrint(const std::string& header);

 private:
  void Check(lxw_error error, lxw_row_t row, lxw_col_t col);
  void Used(lxw_col_t col) { last_col_ = std::max(last_col_, col); }

  // Text wrapped across columns first..last, measured at FinishPrint().
  struct WrappedCell {
    lxw_row_t row;
    lxw_col_t first;
    lxw_col_t last;
    std::string text;
    bool bold;
    double size;  // font size in points
  };

  Book* book_;
  lxw_worksheet* worksheet_;
  std::string name_;
  std::size_t links_ = 0;  // hyperlinks written: Excel holds 65,530 a sheet
  lxw_col_t last_col_ = 0;
  double chart_right_ = 0;  // right edge of the charts, in characters
  bool one_page_ = false;
  std::map<lxw_col_t, double> widths_;        // as set, by column
  std::map<lxw_row_t, std::size_t> lines_;    // text lines, by row
  std::vector<WrappedCell> wrapped_;
  std::vector<lxw_row_t> breaks_;  // rows that start a printed page
};

// A workbook being built for `path`. Construct, add sheets and cells, then
// Close() exactly once to write the file. Not copyable.
class Book {
 public:
  Book(std::string path, const DocumentInfo& info);
  ~Book();
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  // Adds a worksheet named `name` (a fixed name chosen by the writer, at most
  // 31 characters). Returns nullptr (and records the failure) on error.
  Sheet* AddSheet(const std::string& name);
  // A chart owned by the workbook, or nullptr (failure recorded). Its
  // title, legend and axes are set in type that prints legibly on a page
  // scaled to kMinPrintScale, and the value axis's name reads across.
  lxw_chart* AddChart(std::uint8_t type);
  // The cached format for `style` (nullptr for the default look).
  lxw_format* Format(const Style& style);

  // Records a failure of `what` unless an earlier one is recorded.
  void Fail(lxw_error error, const std::string& what);
  bool ok() const { return status_.ok(); }

  // Writes the file and frees the workbook. Returns the first failure
  // recorded, or the failure to write: IoError when the file or a temporary
  // file cannot be written, Internal for anything else. Messages name the
  // path. After a recorded failure nothing is written.
  Status Close();

 private:
  std::string path_;
  std::string page_header_;
  lxw_workbook* workbook_ = nullptr;
  std::map<std::string, lxw_format*> formats_;
  std::deque<Sheet> sheets_;  // a deque keeps Sheet pointers stable
  Status status_;
};

// A table of rows under a header row: the filter, frozen header and column
// widths fitted to the content (between each column's bounds) that SPEC §6
// asks of every sheet table. Its cells wrap and align to the top, and each
// row is made tall enough for its longest wrapped cell, so a long note is
// shown in full rather than hidden behind the next cell. Tables sharing
// columns on one sheet give those columns equal fixed bounds (min_width ==
// max_width) or turn fit_widths off.
class Table {
 public:
  struct Column {
    std::string heading;
    double min_width = 8;
    double max_width = 40;  // longer text wraps within this width
  };
  struct Options {
    // Freeze the header row and print it atop every page; only for a table
    // at the top of its sheet.
    bool freeze_header = true;
    bool filter = true;         // one filter per sheet (an Excel rule)
    // Off: the sheet sets the column widths itself, and rows are sized as if
    // each column were at its min_width.
    bool fit_widths = true;
    // With fit_widths, the widest the table may be, in characters: wider
    // text columns are narrowed (to no less than their min_width) and wrap,
    // so that the table prints one page wide (see kPrintWidthChars).
    double print_width = kPrintWidthChars;
  };

  // Writes the header row at `header_row`, starting in column A.
  Table(Sheet* sheet, lxw_row_t header_row, std::vector<Column> columns,
        Options options);
  Table(Sheet* sheet, lxw_row_t header_row, std::vector<Column> columns)
      : Table(sheet, header_row, std::move(columns), Options()) {}

  // Starts a new row below the last; cells then go to it.
  void NewRow();
  void Text(std::size_t column, std::string_view text, Style style = Style());
  void Number(std::size_t column, double value, Style style = Style());
  // As Sheet::Link and Sheet::Date, in this row.
  void Link(std::size_t column, std::string_view url, Style style = Style());
  void Date(std::size_t column, std::string_view iso_date,
            Style style = Style());
  // A score, or `unrated` as text when there is none.
  void Score(std::size_t column, const std::optional<Rational>& score,
             Style style = Style(), std::string_view unrated = "not rated");

  // Applies the filter, frozen header and widths. Call once, after the rows.
  void Finish();

  // The row of the last data row written (the header row when none).
  lxw_row_t last_row() const { return row_; }
  lxw_row_t header_row() const { return header_row_; }

 private:
  void Measure(std::size_t column, std::string_view text, bool bold);

  // A cell whose text may wrap, kept until the widths are known.
  struct TallCell {
    lxw_row_t row;
    std::size_t column;
    std::string text;
    bool bold;
  };

  Sheet* sheet_;
  lxw_row_t header_row_;
  lxw_row_t row_;
  std::vector<Column> columns_;
  Options options_;
  std::vector<double> widths_;    // widest content seen per column
  std::vector<bool> has_text_;    // per column: any non-empty Text()
  std::vector<bool> has_number_;  // per column: any Number() or Score()
  std::vector<TallCell> tall_cells_;
};

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

}  // namespace xlsx
}  // namespace eds

#endif  // EDS_OUTPUTS_SRC_XLSX_UTIL_H_
