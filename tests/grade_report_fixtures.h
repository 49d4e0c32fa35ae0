#ifndef EDS_TESTS_GRADE_REPORT_FIXTURES_H_
#define EDS_TESTS_GRADE_REPORT_FIXTURES_H_

// Grade reports built by hand, so that the JSON and Markdown writers are
// tested against known results without depending on the scoring code. The
// results follow SPEC §4; the assessments hold what the writers show (header
// fields, evidence, actions), not every rating behind the results. The
// rubric is the real built-in EDS 2022 one (test_rubric.h).

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eds/grade.h"
#include "test_rubric.h"

namespace eds::testing {

inline OutcomeResult FixtureOutcome(const Rubric& rubric, const std::string& id,
                                    std::optional<Rational> score,
                                    std::vector<std::string> flags = {}) {
  OutcomeResult outcome;
  outcome.id = id;
  for (const Domain& domain : rubric.domains) {
    for (const Outcome& candidate : domain.outcomes) {
      if (candidate.id == id) outcome.title = candidate.title;
    }
  }
  outcome.score = score;
  outcome.level = ScoreLevel::Of(rubric, score);
  outcome.flags = std::move(flags);
  return outcome;
}

inline Rating FixtureRating(const std::string& stakeholder, int points) {
  Rating rating;
  rating.stakeholder = stakeholder;
  rating.points = points;
  return rating;
}

// A complete assessment with every header field, three services in Domain 1
// (one with a half point: total 7.5), two flags, and a defined alpha.
// Total 22 of 33: Achieving.
inline GradeReport CompleteReport() {
  GradeReport report;
  report.tool_version = "0.1.0";
  report.rubric = Eds2022Rubric();
  const Rubric& rubric = report.rubric;

  Assessment& a = report.assessment;
  a.source = "assessments/2024-25.yaml";
  a.rubric_ref = "eds2022";
  a.organisation = {"Example Ambulance Service NHS Trust", "RXX",
                    "Example ICS"};
  a.year = "2024/25";
  a.completed = Date{2025, 2, 14};
  a.lead = "Head of EDI";
  a.sponsor = "Director of People";
  a.partners = {"Example ICB"};
  a.engagement = {{2024, 11, 5}, {2024, 12, 10}};
  a.published = "2025-03";
  a.authorised = Date{2025, 2, 27};
  a.review_due = Date{2026, 2, 28};
  a.reviewers = {{"Regional trade union officer", "trade-union"},
                 {"Neighbouring trust EDI lead", "peer-reviewer"}};
  a.stakeholders = {{"patients-forum", "Patient and public forum", "patients"},
                    {"staff-networks", "Staff network chairs", "staff"}};

  Service nhs111;
  nhs111.id = "nhs-111";
  nhs111.name = "NHS 111 clinical assessment service";
  OutcomeEntry access;
  access.outcome_id = "1A";
  access.ratings = {FixtureRating("patients-forum", 2),
                    FixtureRating("staff-networks", 2)};
  access.evidence = {{"111 call answer times by ethnicity, 2024",
                      "https://example.org/111-access.pdf"}};
  access.actions = {{"Publish call answer times by ethnicity each quarter",
                     "Head of 111 Operations", Date{2025, 6, 30}}};
  nhs111.outcomes["1A"] = access;
  OutcomeEntry harm;
  harm.outcome_id = "1C";
  harm.ratings = {FixtureRating("patients-forum", 1),
                  FixtureRating("staff-networks", 2)};
  harm.evidence = {{"Incident reports by protected characteristic", ""}};
  nhs111.outcomes["1C"] = harm;
  Service eoc;
  eoc.id = "eoc";
  eoc.name = "Emergency operations centre";
  Service pts;
  pts.id = "pts";
  pts.name = "Patient transport service";
  OutcomeEntry experience;
  experience.outcome_id = "1D";
  experience.evidence = {
      {"Friends and Family Test, 2024", "https://example.org/fft-2024"}};
  pts.outcomes["1D"] = experience;
  a.services = {nhs111, eoc, pts};

  OutcomeEntry support;
  support.outcome_id = "2A";
  support.ratings = {FixtureRating("staff-networks", 2),
                     FixtureRating("patients-forum", 1)};
  support.agreed = 2;
  support.evidence = {{"Staff survey 2024, question 11a",
                       "https://example.org/staff-survey-2024"},
                      {"Occupational health referrals by condition", ""}};
  support.notes = "Free text for the panel's reasoning.";
  support.actions = {{"Extend menopause and long-term condition support",
                      "Head of Occupational Health", Date{2025, 9, 30}}};
  a.outcomes["2A"] = support;
  OutcomeEntry abuse;
  abuse.outcome_id = "2B";
  abuse.ratings = {FixtureRating("staff-networks", 0),
                   FixtureRating("patients-forum", 2)};
  abuse.actions = {
      {"Roll out body-worn cameras to all crews", "Head of Security",
       std::nullopt},
      {"Report abuse figures to the board each quarter", "", std::nullopt}};
  a.outcomes["2B"] = abuse;
  OutcomeEntry levers;
  levers.outcome_id = "3C";
  levers.ratings = {FixtureRating("staff-networks", 3)};
  a.outcomes["3C"] = levers;

  GradeResult& r = report.result;
  r.complete = true;
  r.total = Rational(22);
  r.max = Rational(33);
  r.rating = BandNamed(rubric, "Achieving");

  DomainResult d1;
  d1.id = "1";
  d1.name = "Commissioned or provided services";
  d1.score = Rational(8);
  d1.max = Rational(12);
  d1.level = LevelNamed(rubric, "Achieving");
  const auto service = [&rubric](const std::string& id, const std::string& name,
                                 std::vector<Rational> scores) {
    ServiceResult result;
    result.id = id;
    result.name = name;
    const char* ids[] = {"1A", "1B", "1C", "1D"};
    Rational total;
    for (std::size_t i = 0; i < scores.size(); ++i) {
      result.outcomes[ids[i]].score = scores[i];
      result.outcomes[ids[i]].level = ScoreLevel::Of(rubric, scores[i]);
      total += scores[i];
    }
    result.total = total;
    return result;
  };
  d1.services = {
      service("nhs-111", "NHS 111 clinical assessment service",
              {2, 2, Rational(3, 2), 2}),
      service("eoc", "Emergency operations centre", {2, 2, 2, 2}),
      service("pts", "Patient transport service", {2, 2, 2, 3}),
  };
  d1.outcomes = {FixtureOutcome(rubric, "1A", Rational(2)),
                 FixtureOutcome(rubric, "1B", Rational(2)),
                 FixtureOutcome(rubric, "1C", Rational(2)),
                 FixtureOutcome(rubric, "1D", Rational(2))};

  DomainResult d2;
  d2.id = "2";
  d2.name = "Workforce health and well-being";
  d2.score = Rational(7);
  d2.max = Rational(12);
  d2.level = LevelNamed(rubric, "Developing");
  d2.outcomes = {FixtureOutcome(rubric, "2A", Rational(2)),
                 FixtureOutcome(rubric, "2B", Rational(1), {"disagreement"}),
                 FixtureOutcome(rubric, "2C", Rational(2)),
                 FixtureOutcome(rubric, "2D", Rational(2))};

  DomainResult d3;
  d3.id = "3";
  d3.name = "Inclusive leadership";
  d3.score = Rational(7);
  d3.max = Rational(9);
  d3.level = LevelNamed(rubric, "Achieving");
  d3.outcomes = {FixtureOutcome(rubric, "3A", Rational(2)),
                 FixtureOutcome(rubric, "3B", Rational(2)),
                 FixtureOutcome(rubric, "3C", Rational(3), {"single-rater"})};

  r.domains = {d1, d2, d3};
  r.flags = {
      {"disagreement", "2B", "",
       "Ratings for 2B span 0 to 2 (Undeveloped to Achieving): discuss and "
       "agree a score."},
      {"single-rater", "3C", "",
       "3C is scored from a single rating (by Staff network chairs): gather "
       "more views or agree a score as a panel."},
  };
  r.agreement.alpha = 0.63124;
  r.agreement.pairable = 84;
  r.agreement.percent_agreement = 0.71429;
  r.agreement.within_one_level = 0.96;
  r.agreement.gwet_ac1 = 0.6389;
  r.agreement.gwet_ac2 = 0.90321;
  return report;
}

// An incomplete assessment with no optional header fields, Domain 1 rated
// directly (no services), a policy of mean / median / none (so 2A is 5/3),
// unrated outcomes, and no defined alpha.
inline GradeReport IncompleteReport() {
  GradeReport report;
  report.tool_version = "0.1.0";
  report.rubric = Eds2022Rubric();
  const Rubric& rubric = report.rubric;

  Assessment& a = report.assessment;
  a.rubric_ref = "eds2022";
  a.organisation.name = "Example Community Health Services";
  a.year = "2024/25";
  a.policy.raters = RatersPolicy::kMean;
  a.policy.services = ServicesPolicy::kMedian;
  a.policy.rounding = RoundingPolicy::kNone;
  a.stakeholders = {{"staff", "Staff side", "staff"}};
  OutcomeEntry harm;
  harm.outcome_id = "1C";
  harm.ratings = {FixtureRating("staff", 1)};
  a.outcomes["1C"] = harm;
  a.outcomes["1B"].outcome_id = "1B";

  GradeResult& r = report.result;
  r.complete = false;
  r.max = Rational(33);

  DomainResult d1;
  d1.id = "1";
  d1.name = "Commissioned or provided services";
  d1.max = Rational(12);
  d1.outcomes = {FixtureOutcome(rubric, "1A", Rational(2)),
                 FixtureOutcome(rubric, "1B", std::nullopt),
                 FixtureOutcome(rubric, "1C", Rational(1), {"single-rater"}),
                 FixtureOutcome(rubric, "1D", Rational(2))};
  DomainResult d2;
  d2.id = "2";
  d2.name = "Workforce health and well-being";
  d2.max = Rational(12);
  d2.outcomes = {FixtureOutcome(rubric, "2A", Rational(5, 3)),
                 FixtureOutcome(rubric, "2B", Rational(2)),
                 FixtureOutcome(rubric, "2C", std::nullopt),
                 FixtureOutcome(rubric, "2D", Rational(1))};
  DomainResult d3;
  d3.id = "3";
  d3.name = "Inclusive leadership";
  d3.score = Rational(4);
  d3.max = Rational(9);
  d3.level = LevelNamed(rubric, "Developing");
  d3.outcomes = {FixtureOutcome(rubric, "3A", Rational(1)),
                 FixtureOutcome(rubric, "3B", Rational(1)),
                 FixtureOutcome(rubric, "3C", Rational(2))};
  r.domains = {d1, d2, d3};
  r.flags = {{"single-rater", "1C", "",
              "1C is scored from a single rating (by Staff side): gather "
              "more views or agree a score as a panel."}};
  r.missing = {"1B (Health needs met) is not rated",
               "2C (Independent support) is not rated"};
  r.agreement.pairable = 0;
  return report;
}

}  // namespace eds::testing

#endif  // EDS_TESTS_GRADE_REPORT_FIXTURES_H_
