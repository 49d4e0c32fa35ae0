#ifndef EDS_OUTPUTS_SRC_XLSX_TABLE_H_
#define EDS_OUTPUTS_SRC_XLSX_TABLE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eds/rational.h"
#include "xlsx_book.h"

namespace eds {
namespace xlsx {

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
    bool filter = true;  // one filter per sheet (an Excel rule)
    // Off: the sheet sets the column widths itself, and rows are sized as if
    // each column were at its min_width.
    bool fit_widths = true;
    // With fit_widths, the widest the table may be, in characters: wider
    // text columns are narrowed (to no less than their min_width) and wrap,
    // so that the table prints one page wide (see kPrintWidthChars).
    double print_width = kPrintWidthChars;
  };

  // Writes the header row at `header_row`, starting in column A.
  Table(Sheet* sheet, Row header_row, std::vector<Column> columns,
        Options options);
  Table(Sheet* sheet, Row header_row, std::vector<Column> columns)
      : Table(sheet, header_row, std::move(columns), Options()) {}

  // Starts a new row below the last; cells then go to it.
  void NewRow();
  void Text(std::size_t column, std::string_view text, Style style = Style());
  void Number(std::size_t column, double value, Style style = Style());
  // As Sheet::Link and Sheet::Date, in this row.
  void Link(std::size_t column, std::string_view url, Style style = Style());
  void Date(std::size_t column, const eds::Date& date, Style style = Style());
  // A score, or `unrated` as text when there is none.
  void Score(std::size_t column, const std::optional<Rational>& score,
             Style style = Style(), std::string_view unrated = "not rated");

  // Applies the filter, frozen header and widths. Call once, after the rows.
  void Finish();

  // The row of the last data row written (the header row when none).
  Row last_row() const { return row_; }
  Row header_row() const { return header_row_; }

 private:
  void Measure(std::size_t column, std::string_view text, bool bold);

  // A cell whose text may wrap, kept until the widths are known; its text
  // is tall_text_'s bytes [offset, offset + size), one buffer for them all
  // rather than a string a cell.
  struct TallCell {
    Row row;
    std::size_t column;
    std::size_t offset;
    std::size_t size;
    bool bold;
  };

  Sheet* sheet_;
  Row header_row_;
  Row row_;
  std::vector<Column> columns_;
  Options options_;
  std::vector<double> widths_;    // widest content seen per column
  std::vector<bool> has_text_;    // per column: any non-empty Text()
  std::vector<bool> has_number_;  // per column: any Number() or Score()
  std::vector<TallCell> tall_cells_;
  std::string tall_text_;
};

}  // namespace xlsx
}  // namespace eds

#endif  // EDS_OUTPUTS_SRC_XLSX_TABLE_H_
