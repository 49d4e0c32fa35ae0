#include <cstddef>
#include <string>
#include <vector>

#include "eds/agreement.h"
#include "eds/method_text.h"
#include "report_text.h"
#include "xlsx_grade_sheets.h"

namespace eds {
namespace grade_xlsx {
namespace {

using xlsx::Bold;
using xlsx::Book;
using xlsx::Filled;
using xlsx::Sheet;
using xlsx::Style;
using xlsx::Table;

const Domain* FindDomain(const Rubric& rubric, const std::string& id) {
  for (const Domain& domain : rubric.domains) {
    if (domain.id == id) return &domain;
  }
  return nullptr;
}

std::vector<std::string> OutcomeIds(const DomainResult& domain) {
  std::vector<std::string> ids;
  for (const OutcomeResult& outcome : domain.outcomes) {
    ids.push_back(outcome.id);
  }
  return ids;
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

}  // namespace

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
          OutcomeScoreWords(policy) +
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
              DomainScoreWords(policy) + ". The scores shown for " + ids +
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
  add("Policy", PolicyAgainstDefault(policy, rubric.default_policy));
  add("Rubric", rubric.title + ": " + RubricVersionText(rubric));
  add("Tool", MadeByText(report.tool_version));
  table.Finish();
}

}  // namespace grade_xlsx
}  // namespace eds
