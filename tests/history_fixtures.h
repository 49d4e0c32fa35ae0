#ifndef EDS_TESTS_HISTORY_FIXTURES_H_
#define EDS_TESTS_HISTORY_FIXTURES_H_

// Graded years built in memory for the compare and rollup models
// (history_test.cc) and their writers (history_outputs_test.cc), graded by
// the real scoring code with the real EDS 2022 rubric.

#include <gtest/gtest.h>

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "eds/grade.h"
#include "eds/history.h"
#include "test_rubric.h"

namespace eds::testing {

inline std::shared_ptr<const Rubric> SharedEds2022() {
  static const auto rubric = std::make_shared<const Rubric>(Eds2022Rubric());
  return rubric;
}

// The EDS 2022 level or rating named `name` ("" is no level; "Incomplete"
// is the rating of an incomplete year), as changes hold them.
inline RubricLevel Eds2022Level(const std::string& name) {
  return {LevelNamed(Eds2022Rubric(), name), SharedEds2022()};
}
inline RubricRating Eds2022Rating(const std::string& name) {
  return {BandNamed(Eds2022Rubric(), name), SharedEds2022()};
}

// EDS 2022 with a local outcome 2E added to Domain 2, as a later rubric
// version might.
inline std::shared_ptr<const Rubric> SharedVariant() {
  static const auto rubric = [] {
    Rubric variant = Eds2022Rubric();
    variant.version = "2022.1-local";
    variant.domains[1].outcomes.push_back(
        {"2E", "Flexible working", "Title of 2E", ""});
    return std::make_shared<const Rubric>(std::move(variant));
  }();
  return rubric;
}

// A score in halves of a point (3 is 1.5), or kUnrated.
inline constexpr int kUnrated = -1;

// A graded year of an organisation whose outcomes, in rubric order, score
// `halves`/2 each: a whole score is agreed by the panel, a half score is the
// median of two ratings either side of it.
inline OrganisationYear Year(
    const std::string& name, const std::string& code, const std::string& year,
    const std::vector<int>& halves, const std::string& system = "",
    std::shared_ptr<const Rubric> rubric = SharedEds2022()) {
  Assessment assessment;
  assessment.source = code + "-" + year.substr(0, 4) + ".yaml";
  assessment.organisation = {name, code, system};
  assessment.year = year;
  assessment.stakeholders = {{"s1", "Panel member 1", "staff"},
                             {"s2", "Panel member 2", "staff"}};
  const std::vector<std::string> ids = rubric->OutcomeIds();
  EXPECT_EQ(ids.size(), halves.size()) << "one score per outcome";
  for (std::size_t i = 0; i < ids.size() && i < halves.size(); ++i) {
    OutcomeEntry entry;
    entry.outcome_id = ids[i];
    if (halves[i] == kUnrated) {
      // Present but unrated, as `init` writes it.
    } else if (halves[i] % 2 == 0) {
      entry.agreed = halves[i] / 2;
    } else {
      entry.ratings = {{"s1", halves[i] / 2, "", {}},
                       {"s2", halves[i] / 2 + 1, "", {}}};
    }
    assessment.outcomes[ids[i]] = entry;
  }
  return SummariseYear(assessment, rubric, Grade(assessment, *rubric));
}

// Every outcome scored `points` (whole points).
inline std::vector<int> All(int points, std::size_t count = 11) {
  return std::vector<int>(count, points * 2);
}

}  // namespace eds::testing

#endif  // EDS_TESTS_HISTORY_FIXTURES_H_
