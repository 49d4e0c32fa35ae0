#include <fmt/format.h>

#include <cstddef>
#include <map>
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
using xlsx::Filled;
using xlsx::Sheet;
using xlsx::Style;
using xlsx::Table;
using xlsx::Title;

constexpr char kRatingsSheet[] = "Ratings by year";

// The rollup workbook: one writer per sheet, each a walk over the model.
class RollupWorkbook {
 public:
  RollupWorkbook(const RollupResult& result, Book* book)
      : result_(result), rubric_(*result.rubric), book_(book) {
    for (const OutcomeInfo& info : result.outcomes) outcomes_[info.id] = &info;
  }

  void Write() {
    Attention();
    Organisations();
    Outcomes();
    History();
    RatingsByYear();
    if (result_.expect) Expected();
    if (result_.options.skip_invalid) Excluded();
    if (!result_.checks.empty()) Checks();
  }

 private:
  // The header row of a table under the Heading.
  static constexpr xlsx::Row kHeaderRow = 4;

  // What the rollup holds, above a table of `columns` columns whose widths
  // are set: a title, the stamp, the filters, each wrapped within the part
  // of the table on the first printed page.
  void Heading(Sheet* sheet, std::size_t columns) {
    const xlsx::Col last =
        sheet->LastColumnOnFirstPage(static_cast<xlsx::Col>(columns - 1));
    const std::string& title =
        rubric_.title.empty() ? rubric_.id : rubric_.title;
    sheet->Text(0, 0,
                fmt::format("{}: rollup of {} organisation{}", title,
                            result_.organisations.size(),
                            result_.organisations.size() == 1 ? "" : "s"),
                Title());
    sheet->Paragraph(
        1, 0, last,
        HistoryStamp(result_.tool_version, result_.rubrics, result_.policies));
    std::vector<std::string> scope;
    scope.push_back("Years: " + DescribeYears(result_.years));
    if (!result_.options.system.empty()) {
      scope.push_back("Integrated care system: " + result_.options.system);
    }
    if (!result_.options.year.empty()) {
      scope.push_back("Year shown: " + result_.options.year);
    }
    scope.push_back(fmt::format(
        "Organisations: {} included, {} excluded{}", result_.counts.included,
        result_.counts.excluded,
        result_.counts.missing ? fmt::format(", {} missing (see Expected)",
                                             *result_.counts.missing)
                               : ""));
    if (result_.options.skip_invalid) {
      scope.push_back(
          fmt::format("Files excluded as invalid: {} (see Excluded)",
                      result_.excluded.size()));
    }
    if (!result_.checks.empty()) {
      scope.push_back(fmt::format("Warnings to check: {} (see Checks)",
                                  result_.checks.size()));
    }
    std::string text;
    for (const std::string& part : scope) {
      text += (text.empty() ? "" : ". ") + part;
    }
    sheet->Paragraph(2, 0, last, text + ".");
  }

  // What needs attention, one row per organisation and reason, then the
  // outcomes, then the rules in words.
  void Attention() {
    Sheet* sheet = book_->AddSheet("Attention");
    if (sheet == nullptr) return;
    const eds::Attention& attention = result_.attention;
    const std::vector<Table::Column> columns = {
        {"Why", 14, 20}, {"Organisation", 24, 50}, {"Code", 8, 10},
        {"Year", 9, 10}, {"Rating", 12, 16},       {"Details", 40, 90},
        {"File", 12, 60}};
    Table table(sheet, kHeaderRow, columns);
    for (const AttentionItem& item : attention.items) {
      table.NewRow();
      table.Text(0, history::AttentionLabel(item.reason));
      table.Text(1, item.organisation.name);
      table.Text(2, item.organisation.code);
      table.Text(3, item.year);
      table.Text(4, item.rating.Name(),
                 Filled(history::RatingColour(item.rating)));
      table.Text(5, item.message);
      table.Text(6, item.file);
    }
    for (const OutcomeAttention& outcome : attention.outcomes) {
      table.NewRow();
      table.Text(0, "Outcome");
      table.Text(1, outcome.outcome.id + " " + outcome.outcome.name);
      table.Text(5, outcome.message);
    }
    table.Finish();
    xlsx::Row row = table.last_row() + 2;
    if (attention.items.empty() && attention.outcomes.empty()) {
      sheet->Text(row++, 0, "Nothing needs attention by these rules.");
      ++row;
    }
    sheet->Text(row++, 0, "How this list is made", Bold());
    for (const std::string& rule : attention.rules) {
      sheet->Text(row++, 0, rule);
    }
    Heading(sheet, columns.size());
  }

  void Organisations() {
    Sheet* sheet = book_->AddSheet("Organisations");
    if (sheet == nullptr) return;
    std::vector<Table::Column> columns = {
        {"Organisation", 24, 50}, {"Code", 8, 10},  {"System", 12, 40},
        {"Latest year", 11, 12},  {"Total", 8, 10}, {"Out of", 8, 10},
        {"Rating", 12, 16}};
    history::AddDomainColumns(rubric_, 10, 12, &columns);
    columns.push_back({"Previous year", 11, 12});
    columns.push_back({"Previous total", 10, 12});
    columns.push_back({"Change since previous year", 12, 16});
    columns.push_back({"Agreement (alpha)", 12, 12});
    columns.push_back({"Agreement reading", 11, 14});
    // Wide enough for "raters median, services median, rounding half".
    columns.push_back({"Policy", 16, 48});
    columns.push_back({"Years assessed", 12, 30});
    columns.push_back({"Source", 12, 60});
    columns.push_back({"Graded with rubric", 16, 60});
    columns.push_back(
        {"Not up to date (" + result_.years.back() + ")", 16, 60});
    // Below the heading lines, which are written once the widths are known.
    Table table(sheet, kHeaderRow, columns);
    for (const RollupOrganisation& organisation : result_.organisations) {
      const OrganisationYear& latest = organisation.latest();
      const OrganisationYear* previous = organisation.previous();
      table.NewRow();
      std::size_t c = 0;
      table.Text(c++, organisation.organisation.name);
      table.Text(c++, organisation.organisation.code);
      table.Text(c++, organisation.organisation.system);
      table.Text(c++, latest.year);
      c = history::WriteYearResult(table, c, latest, rubric_);
      table.Text(c++, previous == nullptr ? "" : previous->year);
      if (previous == nullptr) {
        table.Text(c++, "");
      } else {
        table.Score(c++, previous->total, Style(), kIncompleteSum);
      }
      history::WriteChange(table, c++, organisation.change,
                           organisation.same_scale ? "" : kNotComparable);
      history::WriteAgreement(table, c, latest.agreement);
      c += 2;
      table.Text(c++, PolicySummary(latest.policy));
      std::string years;
      for (const OrganisationYear& year : organisation.years) {
        years += (years.empty() ? "" : ", ") + year.year;
      }
      table.Text(c++, years);
      table.Text(c++, latest.source);
      table.Text(c++, latest.rubric->Provenance());
      if (organisation.out_of_date) {
        table.Text(c++, organisation.out_of_date->message);
      }
    }
    ExcludedOrganisationRows(table, columns.size() - 1);
    table.Finish();
    Heading(sheet, columns.size());
  }

  // A row for each organisation whose every file was excluded, with only
  // who it claims to be and why in `why_column`.
  void ExcludedOrganisationRows(Table& table, std::size_t why_column) {
    for (const ExcludedOrganisation& organisation :
         result_.excluded_organisations) {
      table.NewRow();
      table.Text(0, organisation.organisation.name);
      table.Text(1, organisation.organisation.code);
      table.Text(2, organisation.organisation.system);
      table.Text(6, "Excluded");
      table.Text(why_column,
                 "every file excluded: " + ListInWords(organisation.files));
    }
  }

  // The register (--expect): who has no valid file, and files of
  // organisations not on it.
  void Expected() {
    const ExpectResult& expect = *result_.expect;
    Sheet* sheet = book_->AddSheet("Expected");
    if (sheet == nullptr) return;
    Table table(sheet, 0,
                {{"Year", 9, 10},
                 {"Organisation", 24, 50},
                 {"Code", 8, 10},
                 {"Register line", 8, 10},
                 {"Why", 40, 90}});
    for (const ExpectedYear& year : expect.years) {
      for (const ExpectedMissing& missing : year.missing) {
        table.NewRow();
        table.Text(0, year.year);
        table.Text(1, missing.name);
        table.Text(2, missing.code);
        table.Number(3, missing.line);
        table.Text(4, missing.reason);
      }
    }
    table.Finish();
    xlsx::Row row = table.last_row() + 2;
    sheet->Text(
        row++, 0,
        fmt::format("{} organisation{} on the register {}.", expect.expected,
                    expect.expected == 1 ? "" : "s", expect.file));
    ++row;
    sheet->Text(row++, 0, "Files of organisations not on the register", Bold());
    if (expect.unexpected.empty()) sheet->Text(row++, 0, "None.");
    for (const UnexpectedFile& file : expect.unexpected) {
      sheet->Text(row, 0, file.year);
      sheet->Text(row, 1, file.organisation.name);
      sheet->Text(row, 2, file.organisation.code);
      sheet->Text(row, 4, file.file);
      ++row;
    }
  }

  // Organisation x outcome for each organisation's latest year, each score
  // in its level's colour, with a key to the right.
  void Outcomes() {
    Sheet* sheet = book_->AddSheet("Outcomes");
    if (sheet == nullptr) return;
    std::vector<Table::Column> columns = {
        {"Organisation", 24, 50}, {"Code", 8, 10}, {"Year", 9, 10}};
    for (const OutcomeInfo& info : result_.outcomes) {
      columns.push_back({info.id, 6, 8});
    }
    columns.push_back({"Total", 8, 10});
    columns.push_back({"Rating", 12, 16});
    Table table(sheet, 0, columns);
    for (const RollupOrganisation& organisation : result_.organisations) {
      const OrganisationYear& latest = organisation.latest();
      table.NewRow();
      std::size_t c = 0;
      table.Text(c++, organisation.organisation.name);
      table.Text(c++, organisation.organisation.code);
      table.Text(c++, latest.year);
      for (const OutcomeInfo& info : result_.outcomes) {
        const IdScore* score = latest.FindOutcome(info.id);
        if (score == nullptr) {
          table.Text(c++, "n/a");
        } else {
          history::WriteLevelScore(table, c++, *latest.rubric, *score);
        }
      }
      table.Score(c++, latest.total, Style(), kIncompleteSum);
      history::WriteRating(table, c++, latest);
    }
    table.Finish();
    SystemRows(sheet, table.last_row() + 2);
    Key(sheet, static_cast<xlsx::Col>(columns.size() + 1));
  }

  // Below the heat map, the system row per outcome: how many organisations
  // are at each level, and the median score in its level's colour.
  void SystemRows(Sheet* sheet, xlsx::Row row) {
    const auto outcome_col = [](std::size_t i) {
      return static_cast<xlsx::Col>(3 + i);
    };
    sheet->Text(row++, 0, "System (latest years)", Bold());
    for (std::size_t level = 0; level < result_.levels.size(); ++level) {
      sheet->Text(row, 0, "Organisations at " + result_.levels[level]);
      for (std::size_t i = 0; i < result_.spreads.size(); ++i) {
        sheet->Number(row, outcome_col(i), result_.spreads[i].levels[level]);
      }
      ++row;
    }
    sheet->Text(row, 0, "Not scored");
    for (std::size_t i = 0; i < result_.spreads.size(); ++i) {
      sheet->Number(row, outcome_col(i), result_.spreads[i].unscored);
    }
    ++row;
    sheet->Text(row, 0, "Median score");
    for (std::size_t i = 0; i < result_.spreads.size(); ++i) {
      const OutcomeSpread& spread = result_.spreads[i];
      sheet->Score(row, outcome_col(i), spread.median,
                   Filled(spread.median_level.Colour(rubric_)));
    }
  }

  void Key(Sheet* sheet, xlsx::Col col) {
    xlsx::Row row = 0;
    sheet->Text(row++, col, "Key", Bold());
    for (const Level& level : rubric_.levels) {
      sheet->Text(row++, col, fmt::format("{} ({})", level.name, level.points),
                  Filled(level.colour));
    }
    sheet->Text(row++, col, "n/a: not in that year's rubric");
    ++row;
    for (const OutcomeInfo& info : result_.outcomes) {
      sheet->Text(row++, col, info.id + " " + info.name);
    }
    sheet->SetColumnWidth(col, col, 40);
  }

  void History() {
    Sheet* sheet = book_->AddSheet("History");
    if (sheet == nullptr) return;
    // Narrow enough to print one page wide, the long texts wrapping.
    Table table(sheet, 0,
                {{"Organisation", 18, 50},
                 {"Code", 7, 10},
                 {"System", 12, 40},
                 {"Year", 8, 10},
                 {"Domain", 8, 8},
                 {"Outcome", 9, 10},
                 {"Name", 14, 40},
                 {"Score", 7, 10},
                 {"Level", 12, 16},
                 {"Total that year", 8, 12},
                 {"Rating that year", 12, 16},
                 {"Source", 12, 60},
                 {"Graded with rubric", 16, 60}});
    for (const RollupOrganisation& organisation : result_.organisations) {
      for (const OrganisationYear& year : organisation.years) {
        for (const IdScore& outcome : year.outcomes) {
          const OutcomeInfo& info = *outcomes_.at(outcome.id);
          table.NewRow();
          table.Text(0, organisation.organisation.name);
          table.Text(1, organisation.organisation.code);
          table.Text(2, organisation.organisation.system);
          table.Text(3, year.year);
          table.Text(4, info.domain_id);
          table.Text(5, info.id);
          table.Text(6, info.name);
          history::WriteLevelScore(table, 7, *year.rubric, outcome);
          table.Text(8, outcome.level.Name(*year.rubric));
          table.Score(9, year.total, Style(), kIncompleteSum);
          history::WriteRating(table, 10, year);
          table.Text(11, year.source);
          table.Text(12, year.rubric->Provenance());
        }
      }
    }
    table.Finish();
  }

  void RatingsByYear() {
    Sheet* sheet = book_->AddSheet(kRatingsSheet);
    if (sheet == nullptr) return;
    std::vector<Table::Column> columns = {{"Year", 9, 10}};
    for (const std::string& rating : result_.ratings) {
      columns.push_back({rating, 10, 16});
    }
    columns.push_back({"Organisations", 12, 14});
    Table table(sheet, 0, columns);
    for (const RatingCounts& counts : result_.ratings_by_year) {
      table.NewRow();
      table.Text(0, counts.year);
      for (std::size_t i = 0; i < counts.counts.size(); ++i) {
        table.Number(1 + i, counts.counts[i]);
      }
      table.Number(1 + counts.counts.size(), counts.organisations);
    }
    table.Finish();
    Chart(sheet, table.last_row());
  }

  // One stacked column per year, one segment per rating in its band colour,
  // below the table, so that both print on one page.
  void Chart(Sheet* sheet, xlsx::Row last_row) {
    xlsx::Chart* chart = book_->AddChart(xlsx::Chart::Type::kStackedColumn);
    if (chart == nullptr) return;
    chart->SetTitle("Organisations by rating and year");
    for (std::size_t i = 0; i < result_.ratings.size(); ++i) {
      const auto col = static_cast<xlsx::Col>(1 + i);
      xlsx::ChartSeries* series =
          chart->AddSeries(kRatingsSheet, 1, last_row, 0, col);
      if (series == nullptr) return;
      series->NameFromCell(kRatingsSheet, 0, col);
      const std::optional<OrganisationRating>& rating =
          result_.reference_ratings[i];
      series->Fill(
          xlsx::ParseColour(
              rating ? history::RatingColour({*rating, result_.rubric}) : "")
              .value_or(0xBFBFBF));
    }
    chart->ValueAxis(0, std::nullopt, "Organisations");
    chart->LegendAtBottom();
    sheet->InsertChart(last_row + 2, 0, chart, 1.2, 1.2);
  }

  void Excluded() {
    Sheet* sheet = book_->AddSheet("Excluded");
    if (sheet == nullptr) return;
    Table table(sheet, 0, {{"File", 24, 60}, {"Problem", 40, 120}});
    // However many files were excluded, the sheet stays far below a
    // worksheet's 1,048,576 rows; the rest are counted in its last row.
    constexpr std::size_t kMaxRows = 20000;
    std::size_t rows = 0;
    std::size_t not_shown = 0;
    for (const ExcludedFile& file : result_.excluded) {
      for (const std::string& error : file.errors) {
        if (rows == kMaxRows) {
          ++not_shown;
          continue;
        }
        ++rows;
        table.NewRow();
        table.Text(0, file.file);
        table.Text(1, error);
      }
    }
    if (not_shown > 0) {
      table.NewRow();
      table.Text(0,
                 fmt::format("{} more row{} not shown: the sheet lists at "
                             "most {} (--json and --markdown list them all)",
                             not_shown, not_shown == 1 ? "" : "s", kMaxRows));
    }
    table.Finish();
    if (result_.excluded.empty()) {
      sheet->Text(table.last_row() + 2, 0, "No file was excluded.");
    }
  }

  // The warnings about files and identities, one a row.
  void Checks() {
    Sheet* sheet = book_->AddSheet("Checks");
    if (sheet == nullptr) return;
    Table table(sheet, 0,
                {{"File", 24, 60},
                 {"Line", 6, 8},
                 {"Compared with", 24, 60},
                 {"Warning", 40, 120}});
    for (const RollupCheck& check : result_.checks) {
      table.NewRow();
      table.Text(0, check.file);
      if (check.line > 0) table.Number(1, check.line);
      table.Text(2, check.other_file);
      table.Text(3, check.message);
    }
    table.Finish();
  }

  const RollupResult& result_;
  const Rubric& rubric_;
  Book* book_;
  std::map<std::string, const OutcomeInfo*> outcomes_;  // by id
};

}  // namespace

Status WriteRollupWorkbook(const RollupResult& result,
                           const std::string& path) {
  std::vector<const OrganisationYear*> years;
  for (const RollupOrganisation& organisation : result.organisations) {
    for (const OrganisationYear& year : organisation.years)
      years.push_back(&year);
  }
  xlsx::DocumentInfo info;
  info.title = "EDS rollup";
  info.subject = result.rubric->title;
  info.comments =
      HistoryStamp(result.tool_version, result.rubrics, result.policies);
  info.created = history::DocumentTimeOf(years);
  info.page_header =
      "EDS rollup" +
      (result.options.system.empty() ? std::string()
                                     : ", " + result.options.system) +
      ", " + DescribeYears(result.years);
  Book book(path, info);
  RollupWorkbook(result, &book).Write();
  return book.Close();
}

}  // namespace eds
