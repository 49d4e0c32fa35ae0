#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eds/agreement.h"
#include "eds/method_text.h"
#include "report_text.h"
#include "xlsx_grade_sheets.h"

namespace eds {
namespace grade_xlsx {
namespace {

using xlsx::Book;

// Summary sheet layout: a label column, a value column, then the narrower
// columns of the tables, all within an A4 portrait page at 80% (the sheet
// prints on one page); the chart sits beside the details, over the three
// narrow columns. The tables use the same widths, so the sheet reads as one.
constexpr double kLabelWidth = 20;
constexpr double kValueWidth = 41;
constexpr double kNumberWidth = 9;
constexpr double kLevelWidth = 12;
constexpr xlsx::Col kChartColumn = 2;
constexpr xlsx::Col kLastColumn = 4;
// The chart's size: as wide as the three narrow columns in Excel's pixels
// (7 a character and 5 a column), and about fourteen rows high.
constexpr double kChartWidthPixels = (2 * kNumberWidth + kLevelWidth) * 7 + 15;
constexpr double kChartScaleX = kChartWidthPixels / 480;
constexpr double kChartScaleY = 0.95;

// A label beside a value that may wrap: top-aligned like the value.
Style Label() {
  Style style;
  style.bold = true;
  style.wrap = true;
  return style;
}

// ---- Summary ----

class SummaryWriter {
 public:
  SummaryWriter(Book* book, Sheet* sheet, const GradeReport& report)
      : book_(book), sheet_(sheet), report_(report) {}

  void Write() {
    const Assessment& a = report_.assessment;
    const Rubric& rubric = report_.rubric;
    sheet_->PrintOnOnePage();
    sheet_->Paragraph(row_++, 0, kLastColumn,
                      a.organisation.name + ", " + a.year, xlsx::Title());
    sheet_->Text(row_++, 0,
                 rubric.title + " (" + RubricVersionText(rubric) + ")");
    Gap();
    details_row_ = row_;

    Field("Organisation", a.organisation.name);
    Field("ODS code", a.organisation.code);
    Field("Integrated care system", a.organisation.system);
    Field("Year", a.year);
    Field("Completed", IsoOrEmpty(a.completed));
    Field("EDS lead", a.lead);
    Field("Board sponsor", a.sponsor);
    Field("Partners", Join(a.partners, "; "));
    Field("Engagement dates", Join(IsoDates(a.engagement), ", "));
    Field("Published", a.published);
    Field("Authorised", IsoOrEmpty(a.authorised));
    Field("Review due", IsoOrEmpty(a.review_due));
    std::vector<std::string> reviewers;
    for (const Reviewer& reviewer : a.reviewers) {
      reviewers.push_back(reviewer.name + " (" + RoleWords(reviewer.role) +
                          ")");
    }
    Field("Reviewers", Join(reviewers, "; "));
    Gap();
    WriteResult();
    Gap();
    WriteDomains();
    Gap();
    WriteOutcomes();
    WriteServices();
    Gap();
    WriteFlags();
    Gap();
    WriteAgreement();
    Gap();
    WriteStamp();

    // Set once here, for all the tables: overlapping column ranges make an
    // invalid file.
    sheet_->SetColumnWidth(0, 0, kLabelWidth);
    sheet_->SetColumnWidth(1, 1, kValueWidth);
    sheet_->SetColumnWidth(2, 3, kNumberWidth);
    sheet_->SetColumnWidth(4, 4, kLevelWidth);
  }

 private:
  // A label and its value; an optional field that was not given is left out.
  void Field(const char* label, const std::string& value) {
    if (value.empty()) return;
    sheet_->WrapText(row_, 0, label, Label());
    Value(value);
  }

  // A wrapped value in the value column, on its own row, beside its
  // wrapped label.
  void Value(const std::string& value) {
    sheet_->WrapText(row_, 1, value);
    ++row_;
  }

  // A table at row_, its columns as wide as the sheet's (label, value,
  // number, number, level), so that all the tables line up.
  Table SheetTable(std::vector<std::string> headings, bool filter = false) {
    constexpr double kWidths[] = {kLabelWidth, kValueWidth, kNumberWidth,
                                  kNumberWidth, kLevelWidth};
    std::vector<Table::Column> columns;
    for (std::size_t i = 0; i < headings.size(); ++i) {
      columns.push_back({std::move(headings[i]), kWidths[i], kWidths[i]});
    }
    return Table(sheet_, row_, std::move(columns),
                 {/*freeze_header=*/false, filter, /*fit_widths=*/false});
  }

  // An empty row, lower than a line of text, between two blocks.
  void Gap() { sheet_->SetRowGap(row_++); }

  void Heading(const std::string& text) {
    Style style = Bold();
    style.font_size = 12;
    sheet_->Text(row_++, 0, text, style);
  }

  void WriteResult() {
    const GradeResult& result = report_.result;
    sheet_->Text(row_, 0, "Total", Label());
    if (result.complete && result.total) {
      // The cell holds the number; the format adds "of 33" for the reader.
      Style total = Bold();
      total.align_left = true;
      total.number_format = (xlsx::ScoreNumberFormat(*result.total).empty()
                                 ? std::string("General")
                                 : std::string("0.00")) +
                            "\" of " + result.max.ToString() + "\"";
      sheet_->Number(row_, 1, result.total->ToDouble(), total);
    } else {
      sheet_->Text(row_, 1, kIncompleteRating, Bold());
    }
    ++row_;
    sheet_->Text(row_, 0, "Rating", Label());
    if (result.complete) {
      Style rating = Filled(result.rating.Colour(report_.rubric));
      rating.bold = true;
      sheet_->Text(row_, 1, result.rating.Name(report_.rubric), rating);
    } else {
      sheet_->Text(row_, 1, kIncompleteRating, Bold());
    }
    ++row_;
    if (!result.missing.empty()) {
      // One paragraph, so that the page holds a long list.
      sheet_->WrapText(row_, 0, "Missing", Label());
      Value(Join(result.missing, "; "));
    }
  }

  void WriteDomains() {
    const GradeResult& result = report_.result;
    Heading("Domains");
    Table table = SheetTable({"Domain", "Name", "Score", "Max", "Level"});
    const xlsx::Row first = row_ + 1;
    double highest_max = 0;
    for (const DomainResult& domain : result.domains) {
      table.NewRow();
      table.Text(0, domain.id);
      table.Text(1, domain.name);
      table.Score(2, domain.score, Style(), kIncompleteSum);
      table.Score(3, domain.max);
      table.Text(4, domain.level.Name(report_.rubric),
                 Filled(domain.level.Colour(report_.rubric)));
      highest_max = std::max(highest_max, domain.max.ToDouble());
    }
    const xlsx::Row last = table.last_row();
    table.NewRow();
    table.Text(0, "Total", Bold());
    if (result.complete && result.total) {
      table.Score(2, result.total, Bold());
    } else {
      table.Text(2, kIncompleteRating, Bold());
    }
    table.Score(3, result.max, Bold());
    if (result.complete) {
      Style rating = Filled(result.rating.Colour(report_.rubric));
      rating.bold = true;
      table.Text(4, result.rating.Name(report_.rubric), rating);
    }
    table.Finish();
    if (!result.domains.empty()) AddChart(first, last, highest_max);
    row_ = table.last_row() + 1;
  }

  // Every outcome's score and level, in rubric order.
  void WriteOutcomes() {
    Heading("Outcomes");
    Table table = SheetTable({"Outcome", "Name", "Score", "Max", "Level"});
    const Rational max(report_.rubric.MaxPoints());
    for (const DomainResult& domain : report_.result.domains) {
      for (const OutcomeResult& outcome : domain.outcomes) {
        const Outcome* info = report_.rubric.FindOutcome(outcome.id);
        table.NewRow();
        table.Text(0, outcome.id);
        table.Text(1, info == nullptr ? outcome.title : info->name);
        table.Score(2, outcome.score);
        table.Score(3, max);
        table.Text(4, outcome.level.Name(report_.rubric),
                   Filled(outcome.level.Colour(report_.rubric)));
      }
    }
    table.Finish();
    row_ = table.last_row() + 1;
  }

  // Each service's total of a per-service domain (its outcomes are on the
  // Services sheet).
  void WriteServices() {
    for (const DomainResult& domain : report_.result.domains) {
      if (domain.services.empty()) continue;
      Gap();
      Heading("Domain " + domain.id + " by service");
      Table table = SheetTable({"Service", "Name", "Total", "Max"});
      for (const ServiceResult& service : domain.services) {
        table.NewRow();
        table.Text(0, service.id);
        table.Text(1, service.name);
        table.Score(2, service.total, Style(), kIncompleteSum);
        table.Score(3, domain.max);
      }
      table.Finish();
      row_ = table.last_row() + 1;
    }
  }

  // A column chart of the domain scores, each bar in its level's colour, in
  // front of a pale bar of the domain's maximum: domains have different
  // maxima, so a bare score would make the smaller domain look weaker.
  // Titles are fixed words: libxlsxwriter reads a name starting with "=" as
  // a formula, so no input text goes there.
  void AddChart(xlsx::Row first, xlsx::Row last, double highest_max) {
    xlsx::Chart* chart = book_->AddChart(xlsx::Chart::Type::kColumn);
    if (chart == nullptr) return;
    chart->SetTitle("Domain scores");
    chart->LegendAtBottom();
    // Drawn first, so behind the scores.
    xlsx::ChartSeries* maximum = AddSeries(chart, "Maximum", first, last, 3);
    xlsx::ChartSeries* score = AddSeries(chart, "Score", first, last, 2);
    if (maximum == nullptr || score == nullptr) return;
    maximum->Fill(0xEDEDED);
    maximum->Line(0xBFBFBF);
    chart->SeriesOverlap(100);

    std::vector<xlsx::Colour> colours;
    for (const DomainResult& domain : report_.result.domains) {
      colours.push_back(xlsx::ParseColour(domain.level.Colour(report_.rubric))
                            .value_or(0xBFBFBF));
    }
    score->PointFills(colours);
    // The legend shows the series' own fill; the bars show their levels'.
    score->Fill(colours.empty() ? 0xBFBFBF : colours.front());

    chart->ValueAxis(
        0, highest_max > 0 ? std::optional<double>(highest_max) : std::nullopt,
        "Points");
    chart->CategoryAxisName("Domain");
    sheet_->InsertChart(details_row_, kChartColumn, chart, kChartScaleX,
                        kChartScaleY);
  }

  // A series over rows first..last of the domain table: the domain names as
  // categories, `column` as values.
  xlsx::ChartSeries* AddSeries(xlsx::Chart* chart, const char* name,
                               xlsx::Row first, xlsx::Row last,
                               xlsx::Col column) {
    xlsx::ChartSeries* series =
        chart->AddSeries(sheet_->name(), first, last, 0, column);
    if (series != nullptr) series->Name(name);
    return series;
  }

  void WriteFlags() {
    const std::vector<Flag>& flags = report_.result.flags;
    Heading("Flags");
    if (flags.empty()) {
      sheet_->Text(row_++, 0, "No flags raised.");
      return;
    }
    // The only filter on this sheet: the flag list is the table that grows.
    Table table =
        SheetTable({"Flag", "Message", "Outcome", "Service"}, /*filter=*/true);
    for (const Flag& flag : flags) {
      table.NewRow();
      table.Text(0, flag.code);
      table.Text(1, flag.message);
      table.Text(2, flag.outcome);
      table.Text(3, flag.service);
    }
    table.Finish();
    row_ = table.last_row() + 1;
  }

  void WriteAgreement() {
    const Agreement& agreement = report_.result.agreement;
    Heading("Panel agreement");
    sheet_->WrapText(row_, 0, "Measure", Label());
    Value(MetricWords(agreement.metric));
    Figure("Alpha", agreement.alpha, "0.000");
    Figure("Percent agreement", agreement.percent_agreement, "0.0%");
    Figure("Within one level", agreement.within_one_level, "0.0%");
    Figure("Gwet's AC1", agreement.gwet_ac1, "0.000");
    Figure("Gwet's AC2 (quadratic)", agreement.gwet_ac2, "0.000");
    sheet_->WrapText(row_, 0, "Pairable ratings", Label());
    sheet_->Number(row_++, 1, agreement.pairable, FigureStyle(""));
    sheet_->WrapText(row_, 0, "Reading", Label());
    Value(AgreementSentence(ReadAgreement(agreement)));
  }

  // One agreement figure as shown (ShownAlpha), or "not defined".
  void Figure(const char* label, const std::optional<double>& figure,
              const char* number_format) {
    sheet_->WrapText(row_, 0, label, Label());
    if (const std::optional<double> shown = ShownAlpha(figure)) {
      sheet_->Number(row_++, 1, *shown, FigureStyle(number_format));
    } else {
      Value("not defined");
    }
  }

  // A number beside its label (number_format "" for General), aligned to
  // the top as the label is: a label that wraps makes the row taller, and
  // the number must stay beside its first line.
  static Style FigureStyle(const char* number_format) {
    Style number;
    number.align_left = true;
    number.wrap = true;
    number.number_format = number_format;
    return number;
  }

  // One line, so that the page has room for the results.
  void WriteStamp() { Field("Made by", GradeWorkbookStamp(report_)); }

  Book* book_;
  Sheet* sheet_;
  const GradeReport& report_;
  xlsx::Row row_ = 0;
  xlsx::Row details_row_ = 0;  // the first detail's row, where the chart is
};
}  // namespace

void WriteSummary(Book* book, Sheet* sheet, const GradeReport& report) {
  SummaryWriter(book, sheet, report).Write();
}

}  // namespace grade_xlsx
}  // namespace eds
