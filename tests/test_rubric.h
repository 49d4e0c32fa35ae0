#ifndef EDS_TESTS_TEST_RUBRIC_H_
#define EDS_TESTS_TEST_RUBRIC_H_

// The rubrics the scoring and writer tests use: the real EDS 2022 rubric as
// eds3 carries it, and one small made-up local variant.

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eds/assessment.h"
#include "eds/rating.h"
#include "eds/rubric.h"

namespace eds::testing {

// The level or band of `rubric` named `name`, for a result written by hand
// (none, or Incomplete, when it has no such level or band).
inline ScoreLevel LevelNamed(const Rubric& rubric, const std::string& name) {
  for (std::size_t i = 0; i < rubric.levels.size(); ++i) {
    if (rubric.levels[i].name == name) {
      return ScoreLevel::At(static_cast<int>(i));
    }
  }
  return ScoreLevel();
}
inline OrganisationRating BandNamed(const Rubric& rubric,
                                    const std::string& name) {
  for (std::size_t i = 0; i < rubric.bands.size(); ++i) {
    if (rubric.bands[i].name == name) {
      return OrganisationRating::AtBand(static_cast<int>(i));
    }
  }
  return OrganisationRating();
}

inline Outcome RubricOutcome(std::string id, std::string name) {
  Outcome outcome;
  outcome.id = std::move(id);
  outcome.name = std::move(name);
  outcome.title = "Title of " + outcome.id;
  return outcome;
}

// rubrics/eds2022.yaml as built into eds3 (levels 0-3, bands from
// 0/8/22/33, Domain 1 per service with 1A-1D, Domain 2 with 2A-2D, Domain 3
// with 3A-3C). Loaded, not copied into the tests, so that no test can pass
// against a copy that has drifted from the real rubric.
inline Rubric Eds2022Rubric() {
  static const Rubric rubric = [] {
    std::optional<Rubric> loaded = LoadBuiltinRubric("eds2022");
    if (!loaded) {
      // Every test below would fail for this one reason; say it once.
      std::fputs("the built-in rubric eds2022 does not load\n", stderr);
      std::abort();
    }
    return *loaded;
  }();
  return rubric;
}

// A local framework unlike EDS 2022 in every number: levels 0-4, bands from
// 0/6/12/18 (maximum 20), a per-service domain "S" with S1-S2 and a domain
// "L" with L1-L3. Made up and kept this small on purpose: it shows that
// scoring and the writers take every number from the rubric, none from
// EDS 2022.
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
