#ifndef EDS_TESTS_TEST_RUBRIC_H_
#define EDS_TESTS_TEST_RUBRIC_H_

// Rubrics built in code, so that scoring tests do not depend on the rubric
// loader: one mirrors rubrics/eds2022.yaml, one is a made-up local variant.

#include <string>
#include <utility>
#include <vector>

#include "eds/rubric.h"

namespace eds::testing {

inline Outcome RubricOutcome(std::string id, std::string name) {
  Outcome outcome;
  outcome.id = std::move(id);
  outcome.name = std::move(name);
  outcome.title = "Title of " + outcome.id;
  return outcome;
}

// rubrics/eds2022.yaml: levels 0-3, bands from 0/8/22/33, Domain 1 per
// service with 1A-1D, Domain 2 with 2A-2D, Domain 3 with 3A-3C.
inline Rubric Eds2022Rubric() {
  Rubric rubric;
  rubric.id = "eds2022";
  rubric.version = "2022.1";
  rubric.title = "NHS Equality Delivery System 2022";
  rubric.source = "built-in";
  rubric.levels = {
      {"undeveloped", "Undeveloped", 0, {"Underdeveloped"}, "#F4B183"},
      {"developing", "Developing", 1, {}, "#FFE699"},
      {"achieving", "Achieving", 2, {}, "#C5E0B4"},
      {"excelling", "Excelling", 3, {"Excellent"}, "#9DC3E6"},
  };
  rubric.bands = {
      {"Undeveloped", Rational(0), "#F4B183"},
      {"Developing", Rational(8), "#FFE699"},
      {"Achieving", Rational(22), "#C5E0B4"},
      {"Excelling", Rational(33), "#9DC3E6"},
  };
  Domain one{"1", "Commissioned or provided services", true, {}};
  one.outcomes = {RubricOutcome("1A", "Access"),
                  RubricOutcome("1B", "Health needs met"),
                  RubricOutcome("1C", "Free from harm"),
                  RubricOutcome("1D", "Positive experiences")};
  Domain two{"2", "Workforce health and well-being", false, {}};
  two.outcomes = {
      RubricOutcome("2A", "Support for long-term conditions"),
      RubricOutcome("2B", "Free from abuse, harassment, bullying and violence"),
      RubricOutcome("2C", "Independent support and advice"),
      RubricOutcome("2D", "Staff recommend the organisation")};
  Domain three{"3", "Inclusive leadership", false, {}};
  three.outcomes = {RubricOutcome("3A", "Leaders' commitment to equality"),
                    RubricOutcome("3B", "Equality in board papers"),
                    RubricOutcome("3C", "Levers to manage performance")};
  rubric.domains = {one, two, three};
  rubric.stakeholder_groups = {"patients",  "public", "staff", "trade-union",
                               "community", "peer",   "board", "other"};
  rubric.reviewer_roles = {"trade-union", "independent-evaluator",
                           "peer-reviewer"};
  return rubric;
}

// A local framework unlike EDS 2022 in every number: levels 0-4, bands from
// 0/6/12/18 (maximum 20), a per-service domain "S" with S1-S2 and a domain
// "L" with L1-L3.
inline Rubric CustomRubric() {
  Rubric rubric;
  rubric.id = "local-test";
  rubric.version = "1";
  rubric.title = "Local test framework";
  rubric.source = "built-in";
  rubric.levels = {
      {"none", "None", 0, {}, "#FFFFFF"},   {"low", "Low", 1, {}, "#EEEEEE"},
      {"fair", "Fair", 2, {}, "#DDDDDD"},   {"good", "Good", 3, {}, "#CCCCCC"},
      {"great", "Great", 4, {}, "#BBBBBB"},
  };
  rubric.bands = {
      {"Red", Rational(0), "#FF0000"},
      {"Amber", Rational(6), "#FFBF00"},
      {"Green", Rational(12), "#00FF00"},
      {"Gold", Rational(18), "#FFD700"},
  };
  Domain services{"S", "Services", true, {}};
  services.outcomes = {RubricOutcome("S1", "Reach"),
                       RubricOutcome("S2", "Fit")};
  Domain leadership{"L", "Leadership", false, {}};
  leadership.outcomes = {RubricOutcome("L1", "Intent"),
                         RubricOutcome("L2", "Papers"),
                         RubricOutcome("L3", "Levers")};
  rubric.domains = {services, leadership};
  rubric.stakeholder_groups = {"staff", "public"};
  return rubric;
}

}  // namespace eds::testing

#endif  // EDS_TESTS_TEST_RUBRIC_H_
