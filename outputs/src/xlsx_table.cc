#include "xlsx_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace eds {
namespace xlsx {

Table::Table(Sheet* sheet, Row header_row, std::vector<Column> columns,
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
    sheet_->Text(header_row_, static_cast<Col>(c), columns_[c].heading, header);
    Measure(c, columns_[c].heading, /*bold=*/true);
  }
}

void Table::NewRow() { ++row_; }

void Table::Measure(std::size_t column, std::string_view text, bool bold) {
  const double width = TextWidth(text);
  widths_[column] = std::max(widths_[column], width);
  if (width + 2 > columns_[column].min_width ||
      text.find('\n') != std::string_view::npos) {
    tall_cells_.push_back({row_, column, tall_text_.size(), text.size(), bold});
    tall_text_.append(text);
  }
}

void Table::Text(std::size_t column, std::string_view text, Style style) {
  style.wrap = true;
  sheet_->Text(row_, static_cast<Col>(column), text, style);
  if (!text.empty()) has_text_[column] = true;
  Measure(column, text, style.bold);
}

void Table::Number(std::size_t column, double value, Style style) {
  style.wrap = true;
  if (!style.align_left) style.align_center = true;
  sheet_->Number(row_, static_cast<Col>(column), value, style);
  has_number_[column] = true;
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  Measure(column, text, style.bold);
}

void Table::Link(std::size_t column, std::string_view url, Style style) {
  style.wrap = true;
  sheet_->Link(row_, static_cast<Col>(column), url, style);
  if (!url.empty()) has_text_[column] = true;
  Measure(column, url, style.bold);
}

void Table::Date(std::size_t column, const eds::Date& date, Style style) {
  style.wrap = true;
  sheet_->Date(row_, static_cast<Col>(column), date, style);
  has_text_[column] = true;
  Measure(column, "30 Sep 2025", style.bold);
}

void Table::Score(std::size_t column, const std::optional<Rational>& score,
                  Style style, std::string_view unrated) {
  style.wrap = true;
  if (!style.align_left) style.align_center = true;
  sheet_->Score(row_, static_cast<Col>(column), score, style, unrated);
  has_number_[column] = true;  // "not rated" in a score column is no text
  Measure(column, score ? score->ToString() : unrated, style.bold);
}

void Table::Finish() {
  if (columns_.empty()) return;
  const auto last_col = static_cast<Col>(columns_.size() - 1);
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
      sheet_->Text(header_row_, static_cast<Col>(c), columns_[c].heading,
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
      sheet_->SetColumnWidth(static_cast<Col>(c), static_cast<Col>(c),
                             widths[c]);
    }
  }
  // The same text recurs down a column (an organisation's name on each of
  // its rows), so each column's texts are wrapped once.
  std::vector<std::unordered_map<std::string_view, std::size_t>> wrapped(
      2 * columns_.size());
  const auto line_count = [&](const TallCell& cell) {
    const std::string_view text(tall_text_.data() + cell.offset, cell.size);
    auto& known = wrapped[2 * cell.column + (cell.bold ? 1 : 0)];
    const auto found = known.find(text);
    if (found != known.end()) return found->second;
    const std::size_t lines =
        WrappedLineCount(text, widths[cell.column], cell.bold);
    known.emplace(text, lines);
    return lines;
  };
  // Cells were kept in row order, so each row's tallest cell is found in one
  // pass.
  std::size_t i = 0;
  while (i < tall_cells_.size()) {
    const Row row = tall_cells_[i].row;
    std::size_t lines = 1;
    for (; i < tall_cells_.size() && tall_cells_[i].row == row; ++i) {
      lines = std::max(lines, line_count(tall_cells_[i]));
    }
    sheet_->SetRowLines(row, lines);
  }
}

}  // namespace xlsx
}  // namespace eds
