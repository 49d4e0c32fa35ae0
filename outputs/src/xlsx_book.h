#ifndef EDS_OUTPUTS_SRC_XLSX_BOOK_H_
#define EDS_OUTPUTS_SRC_XLSX_BOOK_H_

// The one door to libxlsxwriter: workbooks, sheets, cell styles and charts.
// Only xlsx_book.cc includes xlsxwriter.h; every workbook writer (grade,
// compare, rollup, score sheet) builds on these pieces, so that all
// workbooks share the same guarantees (SPEC §6):
//   - text from input files is only ever written as a string cell, made safe
//     for Excel (valid UTF-8, within the cell limit, "_xHHHH_" kept literal);
//   - numbers are written as numbers, never as formulas;
//   - the same calls give a byte-identical file (no clock, no randomness);
//   - every libxlsxwriter failure becomes a Status, and nothing is printed.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eds/rational.h"
#include "eds/status.h"
#include "xlsx_text.h"

// libxlsxwriter's objects, only ever held by pointer here.
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;
struct lxw_chart;
struct lxw_chart_series;

namespace eds {
namespace xlsx {

// A cell's row and column, counted from 0 (libxlsxwriter's Row and
// Col).
using Row = std::uint32_t;
using Col = std::uint16_t;

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

  // True for the default look (no format at all).
  bool IsDefault() const;
  bool operator==(const Style& other) const;
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

class Book;

// One series of a chart: the values of one column of a sheet against the
// categories of another, over the same rows.
class ChartSeries {
 public:
  ChartSeries(Book* book, lxw_chart_series* series)
      : book_(book), series_(series) {}

  // Named from a sheet's cell, so that no text is read as a formula.
  void NameFromCell(const std::string& sheet, Row row, Col col);
  // Named with fixed words (libxlsxwriter reads a name starting "=" as a
  // formula, so no input text goes here).
  void Name(const char* name);
  void Fill(Colour colour);
  // A line (or a bar's outline) of `width` points; 0 is the default width.
  void Line(Colour colour, double width = 0, bool dashed = false);
  enum class Marker { kNone, kCircle };
  void SetMarker(Marker marker);
  // One fill per point, in order: bars that each take their own colour.
  void PointFills(const std::vector<Colour>& colours);

 private:
  Book* book_;
  lxw_chart_series* series_;
};

// A chart owned by the workbook. Its title, legend and axes are set in type
// that prints legibly on a page scaled to kMinPrintScale, and the value
// axis's name reads across.
class Chart {
 public:
  enum class Type { kColumn, kStackedColumn, kLine };

  Chart(Book* book, lxw_chart* chart) : book_(book), chart_(chart) {}

  // Fixed words: libxlsxwriter reads a title starting "=" as a formula.
  void SetTitle(const char* title);
  void LegendAtBottom();
  // A series of the values in column `values` against the categories in
  // column `categories`, rows first..last of the sheet named `sheet`; nullptr
  // (the failure recorded) when it cannot be added.
  ChartSeries* AddSeries(const std::string& sheet, Row first, Row last,
                         Col categories, Col values);
  // The value axis: from `min` to `max` (when given), named `name`.
  void ValueAxis(double min, std::optional<double> max, const char* name);
  void CategoryAxisName(const char* name);
  // How far bars of different series overlap, in percent (100: drawn over
  // each other).
  void SeriesOverlap(int percent);

 private:
  friend class Sheet;
  Book* book_;
  lxw_chart* chart_;
  std::deque<ChartSeries> series_;  // a deque keeps pointers stable
};

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
  void Text(Row row, Col col, std::string_view text,
            const Style& style = Style());
  void Number(Row row, Col col, double value, const Style& style = Style());
  // Writes `url` as a live hyperlink showing its own text when it is a
  // plain http, https or mailto link (printable ASCII that Excel takes as it
  // is, at most kMaxUrlBytes, and within the sheet's link limit); otherwise
  // as text, like Text(). Returns true when it made a link.
  bool Link(Row row, Col col, std::string_view url,
            const Style& style = Style());
  // Writes `date` as a date cell shown "14 Feb 2025", so a sheet sorts and
  // filters by it; a year Excel cannot hold (before 1900) is written as its
  // text, YYYY-MM-DD.
  void Date(Row row, Col col, const eds::Date& date,
            const Style& style = Style());
  // A score as a number (formatted by ScoreNumberFormat() unless the style
  // gives a format), or `unrated` as text when there is none.
  void Score(Row row, Col col, const std::optional<Rational>& score,
             const Style& style = Style(),
             std::string_view unrated = "not rated");
  void Blank(Row row, Col col, const Style& style);
  void SetColumnWidth(Col first, Col last, double width);
  // Writes `text` wrapped within its column and makes the row tall enough
  // for it once the column's width is known (at Book::Close()).
  void WrapText(Row row, Col col, std::string_view text, Style style = Style());
  // Writes `text` wrapped across the merged cells first_col..last_col of
  // `row`, with the row made tall enough for it: for a line of prose above
  // or below a table, which would otherwise run past the printed page.
  void Paragraph(Row row, Col first_col, Col last_col, std::string_view text,
                 Style style = Style());
  // Makes the row at least tall enough for `lines` lines of text. Set
  // explicitly because neither LibreOffice nor Excel grows rows written by
  // libxlsxwriter for wrapped text.
  void SetRowLines(Row row, std::size_t lines);
  // Makes an empty row a quarter of a line high: a gap between two blocks.
  void SetRowGap(Row row) { lines_[row] = 0; }
  void FreezeRows(Row rows);
  // Prints rows first..last at the top of every printed page.
  void RepeatRows(Row first, Row last);
  // Starts a new printed page at `row`.
  void PageBreakBefore(Row row) { breaks_.push_back(row); }
  // Prints the sheet on one portrait page, scaled down as far as needed,
  // instead of choosing by its width (see kMinPrintScale).
  void PrintOnOnePage() { one_page_ = true; }
  void AutoFilter(Row first_row, Col first_col, Row last_row, Col last_col);
  // Places `chart` with its top left corner at the cell; nothing for a
  // null chart (Book::AddChart recorded why).
  void InsertChart(Row row, Col col, Chart* chart, double x_scale = 1.0,
                   double y_scale = 1.0);

  const std::string& name() const { return name_; }

  // Makes cells first_row..last_row of column `col` a drop-down of
  // `choices` that refuses anything else, saying `error_title` and
  // `error_message`; `what` names it if that fails.
  void DropDownList(Row first_row, Row last_row, Col col,
                    const std::vector<std::string>& choices,
                    const char* error_title, const char* error_message,
                    const std::string& what);

  // The width of the columns first..last as set (Excel's default where not
  // set), in characters.
  double ColumnsWidth(Col first, Col last) const;
  // The last of the columns 0..last that prints on the first page across
  // (see kMinPrintScale), given the widths set so far.
  Col LastColumnOnFirstPage(Col last) const;

  // Sets the row heights and the page: paper, orientation, scale, margins,
  // and the header and footer with `header` and the page number. Called
  // once by Book::Close().
  void FinishPrint(const std::string& header);

 private:
  void Check(int error, Row row, Col col);  // an lxw_error
  void Used(Col col) { last_col_ = std::max(last_col_, col); }

  // Text wrapped across columns first..last, measured at FinishPrint().
  struct WrappedCell {
    Row row;
    Col first;
    Col last;
    std::string text;
    bool bold;
    double size;  // font size in points
  };

  Book* book_;
  lxw_worksheet* worksheet_;
  std::string name_;
  std::size_t links_ = 0;  // hyperlinks written: Excel holds 65,530 a sheet
  Col last_col_ = 0;
  double chart_right_ = 0;  // right edge of the charts, in characters
  bool one_page_ = false;
  std::map<Col, double> widths_;      // as set, by column
  std::map<Row, std::size_t> lines_;  // text lines, by row
  std::vector<WrappedCell> wrapped_;
  std::vector<Row> breaks_;  // rows that start a printed page
  std::string cell_text_;    // the last cell's text, its buffer reused
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
  // A chart owned by the workbook (see Chart), or nullptr (failure
  // recorded).
  Chart* AddChart(Chart::Type type);

  bool ok() const { return status_.ok(); }

  // Writes the file and frees the workbook. Returns the first failure
  // recorded, or the failure to write: IoError when the file or a temporary
  // file cannot be written, Internal for anything else. Like a staged file's
  // failures, the reason names no file: the caller that knows which file the
  // user asked for reports it with WriteProblem. After a recorded failure
  // nothing is written.
  Status Close();

 private:
  friend class Sheet;
  friend class Chart;
  friend class ChartSeries;

  // The cached format for `style` (nullptr for the default look).
  lxw_format* Format(const Style& style);
  // Records a failure (an lxw_error) of `what` unless an earlier one is
  // recorded.
  void Fail(int error, const std::string& what);

  std::string path_;
  std::string page_header_;
  lxw_workbook* workbook_ = nullptr;
  // A workbook has a few dozen looks: a list compared field by field is
  // faster than building a key for every cell written.
  std::vector<std::pair<Style, lxw_format*>> formats_;
  std::deque<Sheet> sheets_;  // a deque keeps Sheet pointers stable
  std::deque<Chart> charts_;
  Status status_;
};

}  // namespace xlsx
}  // namespace eds

#endif  // EDS_OUTPUTS_SRC_XLSX_BOOK_H_
