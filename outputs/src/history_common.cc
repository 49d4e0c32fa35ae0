#include "history_common.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "agreement_json.h"
#include "eds/agreement.h"
#include "report_text.h"

namespace eds::history {
namespace {

// [{"id", "score", "level"}] in rubric order: a domain's or an outcome's
// result as every format writes it (grade adds more to each).
void WriteScoresJson(const char* key, const std::vector<IdScore>& scores,
                     const Rubric& rubric, JsonWriter& json) {
  json.Key(key).BeginArray();
  for (const IdScore& entry : scores) {
    json.BeginObject();
    json.Key("id").String(entry.id);
    json.Key("score").NumberOrNull(entry.score);
    json.Key("level").StringOrNull(entry.level.Name(rubric));
    json.EndObject();
  }
  json.EndArray();
}

}  // namespace

std::string SignedText(const Rational& change) {
  const std::string text = change.ToString();
  return change > Rational(0) && text != "0" ? "+" + text : text;
}

std::string TotalText(const OrganisationYear& year) {
  if (!year.total) return kIncompleteSum;
  return fmt::format("{} of {}", year.total->ToString(),
                     year.rubric->MaxTotal().ToString());
}

void WriteToolJson(const std::string& tool_version, JsonWriter& json) {
  json.Key("tool").BeginObject();
  json.Key("name").String("eds3");
  json.Key("version").String(tool_version);
  json.EndObject();
}

void WriteRubricJson(const char* key, const Rubric& rubric, JsonWriter& json) {
  json.Key(key).BeginObject();
  json.Key("id").String(rubric.id);
  json.Key("version").String(rubric.version);
  // Which file graded it: a reader can tell a home-made rubric apart.
  json.Key("source").String(rubric.sha256.empty() ? rubric.source : "file");
  json.Key("file").StringOrNull(rubric.sha256.empty() ? "" : rubric.source);
  json.Key("sha256").StringOrNull(rubric.sha256);
  json.EndObject();
}

void WriteChangeJson(const std::optional<Rational>& change, NoChange why,
                     JsonWriter& json) {
  json.Key("change").NumberOrNull(change);
  json.Key("change_reason");
  switch (change ? NoChange::kNone : why) {
    case NoChange::kNone:
      json.Null();
      break;
    case NoChange::kNoEarlierYear:
      json.String("no earlier year");
      break;
    case NoChange::kIncomplete:
      json.String("incomplete");
      break;
    case NoChange::kDifferentMaxima:
      json.String("different rubric maxima");
      break;
  }
}

void WriteYearJson(const OrganisationYear& year, JsonWriter& json) {
  json.BeginObject();
  json.Key("year").String(year.year);
  json.Key("complete").Bool(year.complete);
  json.Key("total").NumberOrNull(year.total);
  // The total's scale: years graded with rubrics of different maxima are not
  // on one scale.
  json.Key("max").Number(year.rubric->MaxTotal());
  json.Key("rating").StringOrNull(year.complete ? year.rating.Name(*year.rubric)
                                                : "");
  WriteScoresJson("domains", year.domains, *year.rubric, json);
  WriteScoresJson("outcomes", year.outcomes, *year.rubric, json);
  json.Key("source").String(year.source);
  WriteRubricJson("rubric", *year.rubric, json);
  json.Key("agreement");
  WriteAgreementJson(year.agreement, json);
  json.EndObject();
}

std::string AttentionLabel(AttentionReason reason) {
  switch (reason) {
    case AttentionReason::kLowestBand:
      return "Lowest band";
    case AttentionReason::kBandDown:
      return "Fell a band";
    case AttentionReason::kBandUp:
      return "Rose a band";
    case AttentionReason::kBigFall:
      return "Big fall in total";
    case AttentionReason::kBigRise:
      return "Big rise in total";
    case AttentionReason::kOutOfDate:
      return "Out of date";
    case AttentionReason::kIncomplete:
      return kIncompleteRating;
    case AttentionReason::kExcluded:
      return "Excluded file";
    case AttentionReason::kMissing:
      return "Missing";
  }
  return "";
}

std::string RatingColour(const RubricRating& rating) {
  if (!rating.rubric) return "";
  return rating.rating.complete() ? rating.Colour() : kIncompleteColour;
}

std::string ChangeColour(const std::optional<Rational>& change) {
  if (!change || *change == Rational(0)) return "";
  return *change > Rational(0) ? kUpColour : kDownColour;
}

std::string SignedNumberFormat(const Rational& change) {
  if (change.IsInteger()) return "+0;-0;0";
  if ((change * 2).IsInteger()) return "+0.0;-0.0;0";
  return "+0.00;-0.00;0";
}

std::time_t DocumentTimeOf(const std::vector<const OrganisationYear*>& years) {
  // The fallback date, for a model with no year.
  std::time_t latest = xlsx::DocumentTime(std::nullopt, "");
  for (const OrganisationYear* year : years) {
    latest = std::max(latest, xlsx::DocumentTime(year->completed, year->year));
  }
  return latest;
}

void WriteAgreement(xlsx::Table& table, std::size_t column,
                    const Agreement& agreement) {
  if (const std::optional<double> shown = ShownAlpha(agreement.alpha)) {
    xlsx::Style style;
    style.number_format = "0.000";
    table.Number(column, *shown, style);
  } else {
    table.Text(column, "not defined");
  }
  table.Text(column + 1, AgreementWord(ReadAgreement(agreement)));
}

void WriteChange(xlsx::Table& table, std::size_t column,
                 const std::optional<Rational>& change, const char* none) {
  if (!change) {
    table.Text(column, none);
    return;
  }
  xlsx::Style style;
  style.fill = ChangeColour(change);
  style.number_format = SignedNumberFormat(*change);
  table.Number(column, change->ToDouble(), style);
}

void AddDomainColumns(const Rubric& rubric, double min_width, double max_width,
                      std::vector<xlsx::Table::Column>* columns) {
  for (const Domain& domain : rubric.domains) {
    columns->push_back({"Domain " + domain.id, min_width, max_width});
  }
}

std::size_t WriteYearResult(xlsx::Table& table, std::size_t column,
                            const OrganisationYear& year,
                            const Rubric& reference) {
  table.Score(column++, year.total, xlsx::Style(), kIncompleteSum);
  table.Score(column++, year.rubric->MaxTotal());
  WriteRating(table, column++, year);
  for (const Domain& domain : reference.domains) {
    const IdScore* score = year.FindDomain(domain.id);
    if (score == nullptr) {
      table.Text(column++, "not in rubric");
    } else {
      table.Score(column++, score->score, xlsx::Style(), kIncompleteSum);
    }
  }
  return column;
}

void WriteRating(xlsx::Table& table, std::size_t column,
                 const OrganisationYear& year) {
  table.Text(column, year.rating.Name(*year.rubric),
             xlsx::Filled(history::RatingColour(year.Rating())));
}

void WriteLevelScore(xlsx::Table& table, std::size_t column,
                     const Rubric& rubric, const IdScore& score) {
  table.Score(column, score.score, xlsx::Filled(score.level.Colour(rubric)));
}

}  // namespace eds::history
