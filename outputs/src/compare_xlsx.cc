#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eds/history.h"
#include "eds/history_outputs.h"
#include "eds/method_text.h"
#include "history_common.h"
#include "report_text.h"
#include "xlsx_table.h"

namespace eds {
namespace {

using xlsx::Bold;
using xlsx::Book;
using xlsx::Sheet;
using xlsx::Table;
using xlsx::Title;

constexpr char kSummarySheet[] = "Summary";

// Band colours are cell fills, too pale for a line on white, so band lines
// are drawn in a darker shade of them.
xlsx::Colour Darker(xlsx::Colour colour) {
  const auto shade = [&](int shift) {
    return ((((colour >> shift) & 0xFFu) * 3u) / 5u) << shift;
  };
  return shade(16) | shade(8) | shade(0);
}

// The compare workbook: one writer per sheet, each a walk over the model.
class CompareWorkbook {
 public:
  CompareWorkbook(const CompareResult& result, Book* book)
      : result_(result), rubric_(*result.rubric), book_(book) {}

  void Write() {
    Summary();
    Trend();
    Changes();
  }

 private:
  void Summary() {
    Sheet* sheet = book_->AddSheet(kSummarySheet);
    if (sheet == nullptr) return;
    const std::string& title =
        rubric_.title.empty() ? rubric_.id : rubric_.title;
    sheet->Text(0, 0, title + ": year on year", Title());
    xlsx::Row row = 2;
    // Labels and values wrap, the values across the columns of the year
    // table below, so that none is cut off by a cell or the page's edge.
    constexpr xlsx::Col kLastColumn = 5;
    const auto item = [&](const char* label, const std::string& value) {
      if (value.empty()) return;
      sheet->WrapText(row, 0, label, Bold());
      sheet->Paragraph(row, 1, kLastColumn, value);
      ++row;
    };
    item("Organisation", result_.organisation.name);
    item("Code", result_.organisation.code);
    item("Integrated care system", result_.organisation.system);
    item("Years compared", DescribeYears({result_.years.front().year,
                                          result_.years.back().year}));
    item("Tool and method",
         HistoryStamp(result_.tool_version, result_.rubrics, result_.policies));
    ++row;
    sheet->Text(row++, 0, "Rating movement", Bold());
    for (const RatingChange& change : result_.rating_changes) {
      sheet->Paragraph(row++, 0, kLastColumn, DescribeRatingChange(change));
    }
    ++row;
    YearTable(sheet, row);
  }

  // Total, rating and domain scores per year, then the chart's data and the
  // chart itself below.
  void YearTable(Sheet* sheet, xlsx::Row header_row) {
    // Narrow enough to print one page wide, the long texts wrapping.
    std::vector<Table::Column> columns = {{"Year", 18, 22},
                                          // Wide enough for the chart
                                          // data's band headings below.
                                          {"Total", 12, 12},
                                          {"Out of", 12, 12},
                                          {"Rating", 12, 16}};
    history::AddDomainColumns(rubric_, 8, 12, &columns);
    columns.push_back({"Agreement (alpha)", 10, 12});
    columns.push_back({"Agreement reading", 10, 14});
    // Wide enough for "raters median, services median, rounding half".
    columns.push_back({"Policy", 12, 48});
    columns.push_back({"Rubric", 10, 60});
    columns.push_back({"Source", 10, 60});
    // A short table under the sheet's heading lines, as grade's Summary has:
    // neither frozen nor filtered.
    Table::Options options;
    options.freeze_header = false;
    options.filter = false;
    Table table(sheet, header_row, columns, options);
    for (const OrganisationYear& year : result_.years) {
      table.NewRow();
      table.Text(0, year.year);
      std::size_t c = history::WriteYearResult(table, 1, year, rubric_);
      history::WriteAgreement(table, c, year.agreement);
      c += 2;
      table.Text(c++, PolicySummary(year.policy));
      table.Text(c++, year.rubric->Provenance());
      table.Text(c++, year.source);
    }
    table.Finish();
    // The chart and its data print together, on a page of their own.
    sheet->PageBreakBefore(table.last_row() + 2);
    ChartData(sheet, table.last_row() + 2);
  }

  // The totals against the band lines: the lower bound of every band above
  // the first, named by the latest year's rubric and placed, year by year,
  // where that year's rubric puts it.
  void ChartData(Sheet* sheet, xlsx::Row label_row) {
    sheet->Text(label_row, 0,
                "Chart data: the total, and the lowest total of each rating",
                Bold());
    std::vector<const Band*> lines;
    for (const Band& band : rubric_.bands) {
      if (band.lower > Rational(0)) lines.push_back(&band);
    }
    std::vector<Table::Column> columns = {{"Year", 22, 22}, {"Total", 8, 10}};
    for (const Band* band : lines) {
      columns.push_back({band->name, 10, 20});
    }
    Table::Options options;
    options.freeze_header = false;
    options.filter = false;
    options.fit_widths = false;
    const xlsx::Row header_row = label_row + 1;
    Table table(sheet, header_row, columns, options);
    for (const OrganisationYear& year : result_.years) {
      table.NewRow();
      table.Text(0, year.year);
      // An incomplete year is a gap in the line, not a zero.
      if (year.total) table.Score(1, year.total);
      // Each year's own band, matched by name: a rubric revision may move
      // the bounds. A band that year's rubric lacks is a gap in its line.
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (const Band* band = year.rubric->FindBand(lines[i]->name)) {
          table.Score(2 + i, band->lower);
        }
      }
    }
    table.Finish();
    Chart(sheet, header_row, lines, table.last_row());
  }

  void Chart(Sheet* sheet, xlsx::Row header_row,
             const std::vector<const Band*>& lines, xlsx::Row last_row) {
    xlsx::Chart* chart = book_->AddChart(xlsx::Chart::Type::kLine);
    if (chart == nullptr) return;
    chart->SetTitle("Total score by year against the rating bands");
    const xlsx::Row first = header_row + 1;
    const auto add_series = [&](xlsx::Col col) -> xlsx::ChartSeries* {
      xlsx::ChartSeries* series =
          chart->AddSeries(kSummarySheet, first, last_row, 0, col);
      if (series != nullptr) {
        series->NameFromCell(kSummarySheet, header_row, col);
      }
      return series;
    };
    if (xlsx::ChartSeries* total = add_series(1)) {
      total->Line(0x1F4E79, 2.5);
      total->SetMarker(xlsx::ChartSeries::Marker::kCircle);
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      xlsx::ChartSeries* series = add_series(static_cast<xlsx::Col>(2 + i));
      if (series == nullptr) continue;
      series->Line(
          Darker(xlsx::ParseColour(lines[i]->colour).value_or(0xBFBFBF)), 2,
          /*dashed=*/true);
      series->SetMarker(xlsx::ChartSeries::Marker::kNone);
    }
    Rational highest = rubric_.MaxTotal();
    for (const OrganisationYear& year : result_.years) {
      highest = std::max(highest, year.rubric->MaxTotal());
    }
    chart->ValueAxis(0, highest.ToDouble(), "Total");
    chart->LegendAtBottom();
    sheet->InsertChart(last_row + 2, 0, chart, 1.4, 1.2);
  }

  void Trend() {
    Sheet* sheet = book_->AddSheet("Trend");
    if (sheet == nullptr) return;
    const std::vector<OrganisationYear>& years = result_.years;
    const std::size_t count = years.size();
    std::vector<Table::Column> columns = {
        {"Domain", 8, 10}, {"Outcome", 9, 10}, {"Name", 16, 40}};
    for (const OrganisationYear& year : years) {
      columns.push_back({year.year, 10, 14});
    }
    columns.push_back({"Change since " + years[count - 2].year, 12, 22});
    if (count > 2) {
      columns.push_back({"Change since " + years[0].year, 12, 22});
    }
    columns.push_back({"Compared", 10, 40});
    columns.push_back({"Title", 30, 70});
    Table table(sheet, 0, columns);
    for (const TrendRow& row : result_.outcomes) {
      table.NewRow();
      std::size_t c = 0;
      table.Text(c++, row.outcome.domain_id);
      table.Text(c++, row.outcome.id);
      table.Text(c++, row.outcome.name);
      for (std::size_t i = 0; i < count; ++i) {
        if (!row.assessed[i]) {
          table.Text(c++, "not in rubric");
        } else {
          // Assessed: the year has this outcome.
          history::WriteLevelScore(table, c++, *years[i].rubric,
                                   *years[i].FindOutcome(row.outcome.id));
        }
      }
      history::WriteChange(table, c++, row.change, "");
      if (count > 2)
        history::WriteChange(table, c++, row.change_since_first, "");
      table.Text(c++,
                 row.comparable ? "yes" : "no: not in every year's rubric");
      table.Text(c++, row.outcome.title);
    }
    table.Finish();
  }

  void Changes() {
    Sheet* sheet = book_->AddSheet("Changes");
    if (sheet == nullptr) return;
    Table table(sheet, 0,
                {{"From year", 10, 10},
                 {"To year", 10, 10},
                 {"Domain", 8, 10},
                 {"Outcome", 9, 10},
                 {"Name", 16, 40},
                 {"From", 10, 12},
                 {"To", 10, 12},
                 {"Change", 10, 18},
                 {"In words", 40, 90}});
    for (const OutcomeChange& change : result_.changes) {
      table.NewRow();
      table.Text(0, change.from_year);
      table.Text(1, change.to_year);
      table.Text(2, change.outcome.domain_id);
      table.Text(3, change.outcome.id);
      table.Text(4, change.outcome.name);
      table.Score(5, change.from);
      table.Score(6, change.to);
      const char* none = change.movement == Movement::kNewlyScored
                             ? "newly scored"
                             : "no longer scored";
      history::WriteChange(table, 7, change.difference, none);
      table.Text(8, DescribeChange(change));
    }
    table.Finish();
    if (result_.changes.empty()) {
      sheet->Text(table.last_row() + 2, 0,
                  "No outcome score changed between the years compared.");
    }
  }

  const CompareResult& result_;
  const Rubric& rubric_;
  Book* book_;
};

}  // namespace

Status WriteCompareWorkbook(const CompareResult& result,
                            const std::string& path) {
  std::vector<const OrganisationYear*> years;
  for (const OrganisationYear& year : result.years) years.push_back(&year);
  xlsx::DocumentInfo info;
  info.title = "EDS comparison: " + result.organisation.name;
  info.subject = result.rubric->title;
  info.comments =
      HistoryStamp(result.tool_version, result.rubrics, result.policies);
  info.created = history::DocumentTimeOf(years);
  info.page_header =
      result.organisation.name + ", " +
      DescribeYears({result.years.front().year, result.years.back().year}) +
      ": year on year";
  Book book(path, info);
  CompareWorkbook(result, &book).Write();
  return book.Close();
}

}  // namespace eds
