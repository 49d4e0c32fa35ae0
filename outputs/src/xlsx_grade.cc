#include "eds/xlsx_grade.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eds/agreement.h"
#include "report_text.h"
#include "xlsx_util.h"

namespace eds {
namespace {

using xlsx::Bold;
using xlsx::Book;
using xlsx::Filled;
using xlsx::Sheet;
using xlsx::Style;
using xlsx::Table;

// Summary sheet layout: a label column, a wide value column, then the
// narrower columns of the domain and flag tables; the chart sits to their
// right. The tables use the same widths, so the sheet reads as one.
constexpr double kLabelWidth = 24;
constexpr double kValueWidth = 52;
constexpr double kNumberWidth = 12;
constexpr double kLevelWidth = 16;
constexpr lxw_col_t kChartColumn = 6;

// A label beside a value that may wrap: top-aligned like the value.
Style Label() {
  Style style;
  style.bold = true;
  style.wrap = true;
  return style;
}

Style Wrapped() {
  Style style;
  style.wrap = true;
  return style;
}

std::string LevelColour(const Rubric& rubric, const std::string& name) {
  const Level* level = rubric.FindLevel(name);
  return level == nullptr ? "" : level->colour;
}

std::string BandColour(const Rubric& rubric, const std::string& name) {
  const Band* band = rubric.FindBand(name);
  return band == nullptr ? "" : band->colour;
}

const Domain* FindDomain(const Rubric& rubric, const std::string& id) {
  for (const Domain& domain : rubric.domains) {
    if (domain.id == id) return &domain;
  }
  return nullptr;
}

const OutcomeEntry* FindEntry(
    const std::map<std::string, OutcomeEntry>& entries,
    const std::string& outcome_id) {
  const auto found = entries.find(outcome_id);
  return found == entries.end() ? nullptr : &found->second;
}

std::vector<std::string> OutcomeIds(const DomainResult& domain) {
  std::vector<std::string> ids;
  for (const OutcomeResult& outcome : domain.outcomes) {
    ids.push_back(outcome.id);
  }
  return ids;
}

std::string GroupOf(const Assessment& assessment, const std::string& id) {
  const Stakeholder* stakeholder = assessment.FindStakeholder(id);
  return stakeholder == nullptr ? std::string() : stakeholder->group;
}

std::string StakeholderName(const Assessment& assessment,
                            const std::string& id) {
  const Stakeholder* stakeholder = assessment.FindStakeholder(id);
  return stakeholder == nullptr ? std::string() : stakeholder->name;
}

// "patients-forum 2, staff-networks 1", in file order.
std::string RatingsText(const OutcomeEntry& entry) {
  std::vector<std::string> parts;
  for (const Rating& rating : entry.ratings) {
    parts.push_back(rating.stakeholder + " " + std::to_string(rating.points));
  }
  return Join(parts, ", ");
}

// One service's part of a per-service outcome's Ratings cell:
// "nhs-111: agreed 2 (patients-forum 2, staff-networks 1)".
std::string ServiceRatingsText(const Service& service,
                               const std::string& outcome_id) {
  const OutcomeEntry* entry = FindEntry(service.outcomes, outcome_id);
  std::string text = service.id + ": ";
  if (entry == nullptr || (entry->ratings.empty() && !entry->agreed)) {
    return text + kNotRated;
  }
  const std::string ratings = RatingsText(*entry);
  if (!entry->agreed) return text + ratings;
  text += "agreed " + std::to_string(*entry->agreed);
  if (!ratings.empty()) text += " (" + ratings + ")";
  return text;
}

std::string RatersWords(RatersPolicy policy) {
  switch (policy) {
    case RatersPolicy::kMedian:
      return "the median of the stakeholders' ratings (with an even number "
             "of ratings, the mean of the two middle ones)";
    case RatersPolicy::kMean:
      return "the mean of the stakeholders' ratings";
    case RatersPolicy::kMin:
      return "the lowest of the stakeholders' ratings";
  }
  return "";
}

std::string ServicesWords(ServicesPolicy policy) {
  switch (policy) {
    case ServicesPolicy::kMedian:
      return "the median of the service totals (with an even number of "
             "services, the mean of the two middle ones)";
    case ServicesPolicy::kMean:
      return "the mean of the service totals";
  }
  return "";
}

std::string RoundingWords(RoundingPolicy policy) {
  switch (policy) {
    case RoundingPolicy::kHalf:
      return "then rounded down to a multiple of 0.5";
    case RoundingPolicy::kDown:
      return "then rounded down to a whole number";
    case RoundingPolicy::kNone:
      return "kept exact, without rounding";
  }
  return "";
}

std::string RubricText(const Rubric& rubric) {
  return rubric.id + " version " + rubric.version;
}

// ---- Summary ----

class SummaryWriter {
 public:
  SummaryWriter(Book* book, Sheet* sheet, const GradeReport& report)
      : book_(book), sheet_(sheet), report_(report) {}

  void Write() {
    const Assessment& a = report_.assessment;
    const Rubric& rubric = report_.rubric;
    sheet_->Text(row_++, 0, a.organisation.name + ", " + a.year,
                 xlsx::Title());
    sheet_->Text(row_++, 0, rubric.title);
    ++row_;

    Field("Organisation", a.organisation.name);
    Field("ODS code", a.organisation.code);
    Field("Integrated care system", a.organisation.system);
    Field("Year", a.year);
    Field("Rubric", rubric.title + " (" + RubricText(rubric) + ")");
    Field("Completed", a.completed);
    Field("EDS lead", a.lead);
    Field("Board sponsor", a.sponsor);
    Field("Partners", Join(a.partners, "; "));
    Field("Engagement dates", Join(a.engagement, ", "));
    Field("Published", a.published);
    Field("Authorised", a.authorised);
    Field("Review due", a.review_due);
    std::vector<std::string> reviewers;
    for (const Reviewer& reviewer : a.reviewers) {
      reviewers.push_back(reviewer.name + " (" + RoleWords(reviewer.role) +
                          ")");
    }
    Field("Reviewers", Join(reviewers, "; "));
    ++row_;
    WriteResult();
    ++row_;
    WriteDomains();
    ++row_;
    WriteFlags();
    ++row_;
    WriteAgreement();
    ++row_;
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
    sheet_->Text(row_, 0, label, Label());
    Value(value);
  }

  // A wrapped value in the value column, on its own row.
  void Value(const std::string& value) {
    sheet_->Text(row_, 1, value, Wrapped());
    sheet_->SetRowLines(row_, xlsx::WrappedLineCount(value, kValueWidth));
    ++row_;
  }

  void Heading(const char* text) {
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
      sheet_->Text(row_, 1, "Incomplete", Bold());
    }
    ++row_;
    sheet_->Text(row_, 0, "Rating", Label());
    if (result.complete && !result.rating.empty()) {
      Style rating = Filled(BandColour(report_.rubric, result.rating));
      rating.bold = true;
      sheet_->Text(row_, 1, result.rating, rating);
    } else {
      sheet_->Text(row_, 1, "Incomplete", Bold());
    }
    ++row_;
    if (!result.missing.empty()) {
      sheet_->Text(row_, 0, "Missing", Label());
      for (const std::string& missing : result.missing) Value(missing);
    }
  }

  void WriteDomains() {
    const GradeResult& result = report_.result;
    Heading("Domains");
    Table table(sheet_, row_,
                {{"Domain", kLabelWidth, kLabelWidth},
                 {"Name", kValueWidth, kValueWidth},
                 {"Score", kNumberWidth, kNumberWidth},
                 {"Max", kNumberWidth, kNumberWidth},
                 {"Level", kLevelWidth, kLevelWidth}},
                {/*freeze_header=*/false, /*filter=*/false,
                 /*fit_widths=*/false});
    const lxw_row_t first = row_ + 1;
    double highest_max = 0;
    for (const DomainResult& domain : result.domains) {
      table.NewRow();
      table.Text(0, domain.id);
      table.Text(1, domain.name);
      table.Score(2, domain.score, Style(), kIncomplete);
      table.Score(3, domain.max);
      table.Text(4, domain.level,
                 Filled(LevelColour(report_.rubric, domain.level)));
      highest_max = std::max(highest_max, domain.max.ToDouble());
    }
    const lxw_row_t last = table.last_row();
    table.NewRow();
    table.Text(0, "Total", Bold());
    if (result.complete && result.total) {
      table.Score(2, result.total, Bold());
    } else {
      table.Text(2, "Incomplete", Bold());
    }
    table.Score(3, result.max, Bold());
    if (result.complete) {
      Style rating = Filled(BandColour(report_.rubric, result.rating));
      rating.bold = true;
      table.Text(4, result.rating, rating);
    }
    table.Finish();
    if (!result.domains.empty()) {
      AddChart(table.header_row(), first, last, highest_max);
    }
    row_ = table.last_row() + 1;
  }

  // A column chart of the domain scores, each bar in its level's colour, in
  // front of a pale bar of the domain's maximum: domains have different
  // maxima, so a bare score would make the smaller domain look weaker.
  // Titles are fixed words: libxlsxwriter reads a name starting with "=" as
  // a formula, so no input text goes there.
  void AddChart(lxw_row_t anchor, lxw_row_t first, lxw_row_t last,
                double highest_max) {
    lxw_chart* chart = book_->AddChart(LXW_CHART_COLUMN);
    if (chart == nullptr) return;
    chart_title_set_name(chart, "Domain scores");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    // Drawn first, so behind the scores.
    lxw_chart_series* maximum = AddSeries(chart, "Maximum", first, last, 3);
    lxw_chart_series* score = AddSeries(chart, "Score", first, last, 2);
    if (maximum == nullptr || score == nullptr) return;
    lxw_chart_fill pale = {};
    pale.color = 0xEDEDED;
    chart_series_set_fill(maximum, &pale);
    lxw_chart_line outline = {};
    outline.color = 0xBFBFBF;
    chart_series_set_line(maximum, &outline);
    chart_set_series_overlap(chart, 100);

    const std::vector<DomainResult>& domains = report_.result.domains;
    std::vector<lxw_chart_fill> fills(domains.size());
    std::vector<lxw_chart_point> points(domains.size());
    std::vector<lxw_chart_point*> list(domains.size() + 1, nullptr);
    for (std::size_t d = 0; d < domains.size(); ++d) {
      const std::optional<lxw_color_t> colour =
          xlsx::ParseColour(LevelColour(report_.rubric, domains[d].level));
      fills[d] = {};
      fills[d].color = colour.value_or(0xBFBFBF);
      points[d] = {};
      points[d].fill = &fills[d];
      list[d] = &points[d];
    }
    const lxw_error error = chart_series_set_points(score, list.data());
    if (error != LXW_NO_ERROR) book_->Fail(error, "chart colours");
    // The legend shows the series' own fill; the bars show their levels'.
    lxw_chart_fill legend = {};
    legend.color = fills.empty() ? 0xBFBFBF : fills.front().color;
    chart_series_set_fill(score, &legend);

    lxw_chart_axis* y_axis = chart_axis_get(chart, LXW_CHART_AXIS_TYPE_Y);
    chart_axis_set_min(y_axis, 0);
    if (highest_max > 0) chart_axis_set_max(y_axis, highest_max);
    chart_axis_set_name(y_axis, "Points");
    sheet_->InsertChart(anchor, kChartColumn, chart);
  }

  // A series over rows first..last of the domain table: the domain names as
  // categories, `column` as values.
  lxw_chart_series* AddSeries(lxw_chart* chart, const char* name,
                              lxw_row_t first, lxw_row_t last,
                              lxw_col_t column) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    if (series == nullptr) {
      book_->Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "chart series");
      return nullptr;
    }
    const char* sheet = sheet_->name().c_str();
    chart_series_set_categories(series, sheet, first, 1, last, 1);
    chart_series_set_values(series, sheet, first, column, last, column);
    chart_series_set_name(series, name);
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
    Table table(sheet_, row_,
                {{"Flag", kLabelWidth, kLabelWidth},
                 {"Message", kValueWidth, kValueWidth},
                 {"Outcome", kNumberWidth, kNumberWidth},
                 {"Service", kNumberWidth, kNumberWidth}},
                {/*freeze_header=*/false, /*filter=*/true,
                 /*fit_widths=*/false});
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
    Style value;
    value.align_left = true;
    sheet_->Text(row_, 0, "Measure", Label());
    sheet_->Text(row_++, 1, MetricWords(agreement.metric));
    Figure("Alpha", agreement.alpha, "0.000");
    Figure("Percent agreement", agreement.percent_agreement, "0.0%");
    Figure("Within one level", agreement.within_one_level, "0.0%");
    Figure("Gwet's AC1", agreement.gwet_ac1, "0.000");
    Figure("Gwet's AC2 (quadratic)", agreement.gwet_ac2, "0.000");
    sheet_->Text(row_, 0, "Pairable ratings", Label());
    sheet_->Number(row_++, 1, agreement.pairable, value);
    sheet_->Text(row_, 0, "Reading", Label());
    Value(AgreementSentence(ReadAgreement(agreement)));
  }

  // One agreement figure as shown (ShownAlpha), or "not defined".
  void Figure(const char* label, const std::optional<double>& figure,
              const char* number_format) {
    sheet_->Text(row_, 0, label, Label());
    if (const std::optional<double> shown = ShownAlpha(figure)) {
      Style number;
      number.align_left = true;
      number.number_format = number_format;
      sheet_->Number(row_++, 1, *shown, number);
    } else {
      sheet_->Text(row_++, 1, "not defined");
    }
  }

  void WriteStamp() {
    Heading("About this workbook");
    sheet_->Text(row_, 0, "Made by", Label());
    sheet_->Text(row_++, 1, "eds3 " + report_.tool_version);
    sheet_->Text(row_, 0, "Rubric", Label());
    sheet_->Text(row_++, 1, RubricText(report_.rubric));
    sheet_->Text(row_, 0, "Policy", Label());
    sheet_->Text(row_++, 1, PolicySummary(report_.assessment.policy));
    sheet_->Text(row_, 0, "Method", Label());
    sheet_->Text(row_++, 1, "See the Method sheet.");
  }

  Book* book_;
  Sheet* sheet_;
  const GradeReport& report_;
  lxw_row_t row_ = 0;
};

// ---- Outcomes ----

void WriteOutcomes(Sheet* sheet, const GradeReport& report) {
  const Assessment& a = report.assessment;
  Table table(sheet, 0,
              {{"Domain", 8, 8},
               {"Outcome", 9, 9},
               {"Title", 20, 60},
               {"Score", 7, 10},
               {"Level", 8, 14},
               {"Ratings", 12, 50},
               {"Flags", 8, 30},
               {"Notes", 12, 60},
               {"Agreed", 8, 10},
               {"Combined ratings", 10, 12},
               {"Evidence items", 10, 10},
               {"Actions", 8, 10}});
  for (const DomainResult& domain : report.result.domains) {
    const bool by_service = !domain.services.empty();
    for (const OutcomeResult& outcome : domain.outcomes) {
      table.NewRow();
      table.Text(0, domain.id);
      table.Text(1, outcome.id);
      table.Text(2, outcome.title);
      table.Score(3, outcome.score);
      table.Text(4, outcome.level,
                 Filled(LevelColour(report.rubric, outcome.level)));
      table.Text(6, Join(outcome.flags, ", "));
      std::size_t evidence = 0;
      std::size_t actions = 0;
      if (by_service) {
        std::vector<std::string> ratings;
        std::vector<std::string> notes;
        for (const Service& service : a.services) {
          ratings.push_back(ServiceRatingsText(service, outcome.id));
          const OutcomeEntry* entry = FindEntry(service.outcomes, outcome.id);
          if (entry == nullptr) continue;
          if (!entry->notes.empty()) {
            notes.push_back(service.id + ": " + entry->notes);
          }
          evidence += entry->evidence.size();
          actions += entry->actions.size();
        }
        table.Text(5, Join(ratings, "; "));
        table.Text(7, Join(notes, "\n"));
      } else {
        const OutcomeEntry* entry = FindEntry(a.outcomes, outcome.id);
        if (entry != nullptr) {
          table.Text(5, RatingsText(*entry));
          table.Text(7, entry->notes);
          if (entry->agreed) table.Number(8, *entry->agreed);
          evidence = entry->evidence.size();
          actions = entry->actions.size();
        }
        if (outcome.combined) table.Score(9, outcome.combined);
      }
      table.Number(10, static_cast<double>(evidence));
      table.Number(11, static_cast<double>(actions));
    }
  }
  table.Finish();
}

// ---- Services ----

// Per-service domains (Domain 1 in EDS 2022) as the result holds them.
std::vector<const DomainResult*> ServiceDomains(const GradeResult& result) {
  std::vector<const DomainResult*> domains;
  for (const DomainResult& domain : result.domains) {
    if (!domain.services.empty()) domains.push_back(&domain);
  }
  return domains;
}

const ServiceResult* FindService(const DomainResult& domain,
                                 const std::string& id) {
  for (const ServiceResult& service : domain.services) {
    if (service.id == id) return &service;
  }
  return nullptr;
}

void WriteServices(Sheet* sheet, const GradeReport& report) {
  const std::vector<const DomainResult*> domains =
      ServiceDomains(report.result);
  // Columns: Service, Name, then each per-service domain's outcomes and
  // total, then Flags. Outcome columns come from the rubric, not code.
  std::vector<Table::Column> columns = {{"Service", 10, 24}, {"Name", 12, 40}};
  for (const DomainResult* domain : domains) {
    for (const OutcomeResult& outcome : domain->outcomes) {
      columns.push_back({outcome.id, 7, 10});
    }
    columns.push_back(
        {domains.size() == 1 ? "Total" : "Domain " + domain->id + " total", 8,
         16});
  }
  const std::size_t flags_column = columns.size();
  columns.push_back({"Flags", 8, 40});
  Table table(sheet, 0, std::move(columns));

  for (const Service& service : report.assessment.services) {
    table.NewRow();
    table.Text(0, service.id);
    table.Text(1, service.name);
    std::size_t column = 2;
    std::vector<std::string> flags;
    for (const DomainResult* domain : domains) {
      const ServiceResult* result = FindService(*domain, service.id);
      for (const OutcomeResult& outcome : domain->outcomes) {
        const ServiceOutcomeResult* scored = nullptr;
        if (result != nullptr) {
          const auto found = result->outcomes.find(outcome.id);
          if (found != result->outcomes.end()) scored = &found->second;
        }
        table.Score(column++, scored ? scored->score : std::nullopt);
        if (scored != nullptr && !scored->flags.empty()) {
          flags.push_back(outcome.id + ": " + Join(scored->flags, ", "));
        }
      }
      table.Score(column++, result ? result->total : std::nullopt, Style(),
                  kIncomplete);
    }
    table.Text(flags_column, Join(flags, "; "));
  }
  table.Finish();

  // How each domain score follows from the service totals, below the table
  // (outside the filter range).
  const Policy& policy = report.assessment.policy;
  lxw_row_t row = table.last_row() + 2;
  Style left;
  left.align_left = true;
  Style note;
  note.italic = true;
  for (const DomainResult* domain : domains) {
    sheet->Text(row, 0, "Domain " + domain->id + " score", Bold());
    sheet->Score(row++, 1, domain->score, left, kIncomplete);
    std::string how = ServicesWords(policy.services) + ", " +
                      RoundingWords(policy.rounding) + ".";
    how[0] = 'T';  // "the median ..." starts the sentence
    sheet->Text(row++, 0, how, note);
  }
}

// ---- Ratings, Evidence, Action plan ----

// Calls `visit(service_id, outcome_id, entry)` for every outcome entry in
// report order: domains and outcomes in rubric order; for a per-service
// domain, service by service in file order.
template <typename Visit>
void ForEachEntry(const GradeReport& report, Visit visit) {
  const Assessment& a = report.assessment;
  for (const DomainResult& domain : report.result.domains) {
    if (!domain.services.empty()) {
      for (const Service& service : a.services) {
        for (const OutcomeResult& outcome : domain.outcomes) {
          const OutcomeEntry* entry = FindEntry(service.outcomes, outcome.id);
          if (entry != nullptr) visit(service.id, outcome.id, *entry);
        }
      }
    } else {
      for (const OutcomeResult& outcome : domain.outcomes) {
        const OutcomeEntry* entry = FindEntry(a.outcomes, outcome.id);
        if (entry != nullptr) visit(std::string(), outcome.id, *entry);
      }
    }
  }
}

void WriteRatings(Sheet* sheet, const GradeReport& report) {
  Table table(sheet, 0,
              {{"Service", 9, 24},
               {"Outcome", 9, 9},
               {"Stakeholder", 12, 30},
               {"Group", 8, 14},
               {"Score", 7, 8},
               {"Comment", 12, 60},
               {"Level", 8, 14},
               {"Stakeholder name", 12, 48}});
  ForEachEntry(report, [&](const std::string& service,
                           const std::string& outcome,
                           const OutcomeEntry& entry) {
    for (const Rating& rating : entry.ratings) {
      table.NewRow();
      table.Text(0, service);
      table.Text(1, outcome);
      table.Text(2, rating.stakeholder);
      table.Text(3, GroupOf(report.assessment, rating.stakeholder));
      table.Number(4, rating.points);
      table.Text(5, rating.comment);
      if (const Level* level = report.rubric.LevelForPoints(rating.points)) {
        table.Text(6, level->name, Filled(level->colour));
      }
      table.Text(7, StakeholderName(report.assessment, rating.stakeholder));
    }
  });
  table.Finish();
}

void WriteEvidence(Sheet* sheet, const GradeReport& report) {
  Table table(sheet, 0,
              {{"Service", 9, 24},
               {"Outcome", 9, 9},
               {"Title", 20, 60},
               {"Link", 12, 60}});
  ForEachEntry(report,
               [&](const std::string& service, const std::string& outcome,
                   const OutcomeEntry& entry) {
                 for (const Evidence& evidence : entry.evidence) {
                   table.NewRow();
                   table.Text(0, service);
                   table.Text(1, outcome);
                   table.Text(2, evidence.title);
                   // Live only for a plain web or mail address: a
                   // "javascript:" or "file:" link from the input stays text.
                   table.Link(3, evidence.link);
                 }
               });
  table.Finish();
}

void WriteActions(Sheet* sheet, const GradeReport& report) {
  Table table(sheet, 0,
              {{"Service", 9, 24},
               {"Outcome", 9, 9},
               {"Action", 20, 60},
               {"Owner", 10, 30},
               {"Due", 10, 12}});
  ForEachEntry(report,
               [&](const std::string& service, const std::string& outcome,
                   const OutcomeEntry& entry) {
                 for (const Action& action : entry.actions) {
                   table.NewRow();
                   table.Text(0, service);
                   table.Text(1, outcome);
                   table.Text(2, action.action);
                   table.Text(3, action.owner);
                   if (!action.due.empty()) table.Date(4, action.due);
                 }
               });
  table.Finish();
}

// ---- Method ----

std::string BandsText(const Rubric& rubric, const Rational& max) {
  std::vector<std::string> parts;
  for (std::size_t b = 0; b < rubric.bands.size(); ++b) {
    const Band& band = rubric.bands[b];
    if (b + 1 < rubric.bands.size()) {
      parts.push_back(band.name + " from " + band.lower.ToString() +
                      " to under " + rubric.bands[b + 1].lower.ToString());
    } else if (band.lower == max) {
      parts.push_back(band.name + " at " + max.ToString());
    } else {
      parts.push_back(band.name + " from " + band.lower.ToString() + " to " +
                      max.ToString());
    }
  }
  return Join(parts, "; ");
}

void WriteMethod(Sheet* sheet, const GradeReport& report) {
  const Assessment& a = report.assessment;
  const Rubric& rubric = report.rubric;
  const Policy& policy = a.policy;
  Table table(sheet, 0, {{"Topic", 24, 24}, {"Explanation", 100, 100}},
              {/*freeze_header=*/true, /*filter=*/false});
  const auto add = [&](const std::string& topic, const std::string& text,
                       const Style& style = Style()) {
    table.NewRow();
    table.Text(0, topic, Bold());
    table.Text(1, text, style);
  };

  add("Outcome score",
      "If the panel recorded an agreed score for an outcome, that is its "
      "score. Otherwise its score is " +
          RatersWords(policy.raters) + ", " + RoundingWords(policy.rounding) +
          ". An outcome with neither an agreed score nor ratings is not "
          "rated.");

  bool any_per_service = false;
  for (const DomainResult& domain : report.result.domains) {
    const Domain* rubric_domain = FindDomain(rubric, domain.id);
    if (rubric_domain == nullptr || !rubric_domain->per_service) continue;
    any_per_service = true;
    const std::string ids = JoinAnd(OutcomeIds(domain));
    const std::string topic = "Domain " + domain.id + " per service";
    if (domain.services.empty()) {
      add(topic, "Domain " + domain.id + " (" + domain.name +
                     ") was rated once for the organisation, not per "
                     "service, so its score is the sum of " +
                     ids + ".");
    } else {
      add(topic,
          "Domain " + domain.id + " (" + domain.name + ") was rated for " +
              std::to_string(domain.services.size()) +
              (domain.services.size() == 1 ? " service" : " services") +
              ". Each service's outcomes " + ids +
              " are scored as above and added up to the service total. The "
              "domain score is " +
              ServicesWords(policy.services) + ", " +
              RoundingWords(policy.rounding) + ". The scores shown for " + ids +
              " combine the services' scores for each outcome the same way; "
              "they are for information, and their sum need not equal the "
              "domain score.");
    }
  }
  add("Domain score",
      std::string(any_per_service ? "Every other domain's" : "A domain's") +
          " score is the sum of its outcome scores.");
  add("Total", "The total is the sum of the domain scores, out of " +
                   report.result.max.ToString() + ".");
  add("Rating", "The organisation rating is the band the total falls in: " +
                    BandsText(rubric, report.result.max) + ".");
  for (const Level& level : rubric.levels) {
    std::string text = level.name + ": " + std::to_string(level.points) +
                       (level.points == 1 ? " point" : " points");
    if (!level.aliases.empty()) {
      text += " (also written " + JoinAnd(level.aliases) + ")";
    }
    add("Level", text, Filled(level.colour));
  }
  add("Levels shown",
      "An outcome's level is the level of its score rounded down to whole "
      "points; a domain's level is the level of its score divided by its "
      "number of outcomes, rounded down. Levels are for information: the "
      "rating comes from the total.");
  add("Complete",
      "The assessment is complete when every outcome is scored (with "
      "services, every service has every outcome of its domain). An "
      "incomplete assessment has no total and no rating; the Summary lists "
      "what is missing.");
  add("Flag: disagreement",
      "An outcome's ratings (or one service's ratings of an outcome) span 2 "
      "or more points: the panel did not agree.");
  add("Flag: single-rater",
      "An outcome was scored from exactly one rating and no agreed score.");
  add("Flag: agreed-differs",
      "The panel's agreed score differs from the combined ratings (before "
      "rounding) by 1 point or more.");
  add("Flag: near-boundary",
      "The total is 1 point or less below the lower bound of a band: a small "
      "change would move the rating.");
  add("Flag: few-services", "Fewer than 3 services were assessed.");
  add("Panel agreement",
      "Krippendorff's alpha (ordinal) over the stakeholders' ratings. Each "
      "outcome (with services, each service's outcome) is a unit and each "
      "stakeholder a coder; outcomes with fewer than two ratings are left "
      "out, and agreed scores are not ratings. Alpha is not defined when "
      "fewer than two ratings can be compared or every rating is the same.");
  add("Percent agreement",
      "Of the pairs of ratings given to one outcome, the share at the same "
      "level, averaged over the outcomes with two or more ratings (Gwet). "
      "Within one level counts pairs at most one level apart as agreeing.");
  add("Gwet's AC1 and AC2",
      "Percent agreement corrected for chance agreement as Gwet (2008) "
      "defines it, over all the rubric's levels: AC1 counts only the same "
      "level as agreement, AC2 gives pairs partial credit by quadratic "
      "weights. Unlike alpha they stay meaningful when nearly every rating "
      "is the same level.");
  add("Reading the agreement",
      AgreementSentence(AgreementReading::kConsistent) + " " +
          AgreementSentence(AgreementReading::kAgreed) + " " +
          AgreementSentence(AgreementReading::kTentative) + " " +
          AgreementSentence(AgreementReading::kDisagrees));
  add("Numbers",
      "Scores are exact fractions (a mean of 1, 2 and 2 is 5/3); rounding "
      "and bands apply to the exact value. Cells hold the score as a number "
      "and show at most two decimals.");
  std::string policy_text = PolicySummary(policy);
  const Policy& defaults = rubric.default_policy;
  if (policy.raters == defaults.raters &&
      policy.services == defaults.services &&
      policy.rounding == defaults.rounding) {
    policy_text += " (the rubric's default)";
  } else {
    policy_text += " (set by the assessment; the rubric's default is " +
                   PolicySummary(defaults) + ")";
  }
  add("Policy", policy_text);
  add("Rubric", rubric.title + ": " + RubricText(rubric));
  add("Tool", "Made by eds3 " + report.tool_version);
  table.Finish();
}

xlsx::DocumentInfo DocumentInfoFor(const GradeReport& report) {
  const Assessment& a = report.assessment;
  xlsx::DocumentInfo info;
  info.title = a.organisation.name + ", " + a.year + ": grade";
  info.subject = report.rubric.title;
  info.comments = "Made by eds3 " + report.tool_version + "; rubric " +
                  RubricText(report.rubric) + "; " + PolicySummary(a.policy);
  info.created = xlsx::DocumentTime(a.completed, a.year);
  return info;
}

}  // namespace

Status WriteGradeWorkbook(const GradeReport& report, const std::string& path) {
  Book book(path, DocumentInfoFor(report));
  if (Sheet* sheet = book.AddSheet("Summary")) {
    SummaryWriter(&book, sheet, report).Write();
  }
  if (Sheet* sheet = book.AddSheet("Outcomes")) WriteOutcomes(sheet, report);
  if (!report.assessment.services.empty()) {
    if (Sheet* sheet = book.AddSheet("Services")) WriteServices(sheet, report);
  }
  if (Sheet* sheet = book.AddSheet("Ratings")) WriteRatings(sheet, report);
  if (Sheet* sheet = book.AddSheet("Evidence")) WriteEvidence(sheet, report);
  if (Sheet* sheet = book.AddSheet("Action plan")) WriteActions(sheet, report);
  if (Sheet* sheet = book.AddSheet("Method")) WriteMethod(sheet, report);
  return book.Close();
}

}  // namespace eds
