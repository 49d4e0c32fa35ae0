#include "eds/history.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eds/grade.h"
#include "history_fixtures.h"

namespace eds {
namespace {

using ::eds::testing::All;
using ::eds::testing::Eds2022Level;
using ::eds::testing::Eds2022Rating;
using ::eds::testing::Eds2022Rubric;
using ::eds::testing::kUnrated;
using ::eds::testing::SharedVariant;
using ::eds::testing::Year;

const char kTrust[] = "Example Hospital NHS Trust";

TEST(SummariseYearTest, CarriesTheSharedShape) {
  std::vector<int> halves = All(2);
  halves[0] = 3;  // 1A 1.5
  const OrganisationYear year =
      Year(kTrust, "RXX", "2024/25", halves, "Example ICS");
  EXPECT_EQ(year.identity, "RXX");
  EXPECT_EQ(year.year, "2024/25");
  EXPECT_TRUE(year.complete);
  ASSERT_TRUE(year.total.has_value());
  EXPECT_EQ(*year.total, Rational(43, 2));
  EXPECT_EQ(year.rating.Name(*year.rubric), "Developing");
  ASSERT_EQ(year.domains.size(), 3u);
  EXPECT_EQ(year.domains[0].id, "1");
  EXPECT_EQ(year.domains[0].score, Rational(15, 2));
  ASSERT_EQ(year.outcomes.size(), 11u);
  EXPECT_EQ(year.outcomes[0].id, "1A");
  EXPECT_EQ(year.outcomes[0].score, Rational(3, 2));
  EXPECT_EQ(year.outcomes[10].id, "3C");
  EXPECT_EQ(year.source, "RXX-2024.yaml");
  EXPECT_EQ(year.organisation.system, "Example ICS");
}

TEST(SummariseYearTest, IncompleteYearHasNoTotalOrRating) {
  std::vector<int> halves = All(1);
  halves[10] = kUnrated;
  const OrganisationYear year = Year(kTrust, "", "2022/23", halves);
  EXPECT_EQ(year.identity, kTrust);
  EXPECT_FALSE(year.complete);
  EXPECT_FALSE(year.total.has_value());
  EXPECT_FALSE(year.rating.complete());
  EXPECT_EQ(year.rating.Name(*year.rubric), "Incomplete");
  EXPECT_FALSE(year.outcomes[10].score.has_value());
  EXPECT_FALSE(year.domains[2].score.has_value());
  ASSERT_NE(year.FindOutcome("3C"), nullptr);
  EXPECT_EQ(year.FindOutcome("2E"), nullptr);
}

TEST(IsAssessmentYearTest, Table) {
  const struct {
    const char* text;
    bool valid;
  } kCases[] = {{"2024/25", true},  {"1999/00", true},    {"2024/26", false},
                {"2024-25", false}, {"2024/2025", false}, {"24/25", false},
                {"", false},        {"2024/25 ", false}};
  for (const auto& c : kCases) {
    EXPECT_EQ(IsAssessmentYear(c.text), c.valid) << c.text;
  }
}

TEST(MovementOfTest, Table) {
  const std::optional<Rational> none;
  const struct {
    std::optional<Rational> from, to;
    Movement movement;
  } kCases[] = {
      {Rational(1), Rational(2), Movement::kUp},
      {Rational(2), Rational(3, 2), Movement::kDown},
      {Rational(1), Rational(1), Movement::kSame},
      {none, Rational(0), Movement::kNewlyScored},
      {Rational(0), none, Movement::kNoLongerScored},
      {none, none, Movement::kNeverScored},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(MovementOf(c.from, c.to), c.movement);
  }
}

// Three years given out of order, the first incomplete.
std::vector<OrganisationYear> ThreeYears() {
  std::vector<int> first = All(1);
  first[3] = 0;          // 1D 0
  first[10] = kUnrated;  // 3C unrated
  std::vector<int> second = All(1);
  second[1] = 4;  // 1B 2
  second[5] = 3;  // 2B 1.5
  return {Year(kTrust, "RXX", "2024/25", All(2)),
          Year(kTrust, "RXX", "2022/23", first),
          Year(kTrust, "RXX", "2023/24", second)};
}

TEST(CompareTest, SortsYearsChronologically) {
  Diagnostics diag;
  CompareResult result;
  ASSERT_TRUE(Compare(ThreeYears(), "9.9.9", diag, &result).ok());
  EXPECT_TRUE(diag.items().empty());
  ASSERT_EQ(result.years.size(), 3u);
  EXPECT_EQ(result.years[0].year, "2022/23");
  EXPECT_EQ(result.years[1].year, "2023/24");
  EXPECT_EQ(result.years[2].year, "2024/25");
  EXPECT_EQ(result.organisation.name, kTrust);
  EXPECT_EQ(result.tool_version, "9.9.9");
  EXPECT_EQ(result.rubric->id, "eds2022");
  ASSERT_EQ(result.rubrics.size(), 1u);
  EXPECT_EQ(result.rubrics[0].version, "2022.1");
  EXPECT_EQ(result.policies.size(), 1u);
  EXPECT_TRUE(result.not_comparable.empty());
}

TEST(CompareTest, ListsEveryMovedOutcomeByYearThenRubricOrder) {
  Diagnostics diag;
  CompareResult result;
  ASSERT_TRUE(Compare(ThreeYears(), "0.1.0", diag, &result).ok());
  std::vector<std::string> listed;
  for (const OutcomeChange& change : result.changes) {
    listed.push_back(change.to_year + " " + change.outcome.id);
  }
  const std::vector<std::string> expected = {
      // 2023/24: 1B 1->2, 1D 0->1, 2B 1->1.5, 3C null->1.
      "2023/24 1B", "2023/24 1D", "2023/24 2B", "2023/24 3C",
      // 2024/25: everything below 2 rose to 2 (1B was 2 already).
      "2024/25 1A", "2024/25 1C", "2024/25 1D", "2024/25 2A", "2024/25 2B",
      "2024/25 2C", "2024/25 2D", "2024/25 3A", "2024/25 3B", "2024/25 3C"};
  EXPECT_EQ(listed, expected);

  const OutcomeChange& newly = result.changes[3];
  EXPECT_EQ(newly.from_year, "2022/23");
  EXPECT_FALSE(newly.from.has_value());
  EXPECT_EQ(newly.to, Rational(1));
  EXPECT_FALSE(newly.difference.has_value());
  EXPECT_EQ(newly.movement, Movement::kNewlyScored);
  EXPECT_EQ(newly.to_level.Name(), "Developing");

  const OutcomeChange& half = result.changes[2];
  EXPECT_EQ(half.difference, Rational(1, 2));
  EXPECT_EQ(half.from_level.Name(), "Developing");
  EXPECT_EQ(half.to_level.Name(), "Developing");
}

TEST(CompareTest, TrendRowsCarryScoresAndChanges) {
  Diagnostics diag;
  CompareResult result;
  ASSERT_TRUE(Compare(ThreeYears(), "0.1.0", diag, &result).ok());
  ASSERT_EQ(result.outcomes.size(), 11u);
  const TrendRow& one_d = result.outcomes[3];
  EXPECT_EQ(one_d.outcome.id, "1D");
  EXPECT_EQ(one_d.outcome.domain_id, "1");
  EXPECT_EQ(one_d.outcome.name, "Positive experiences");
  EXPECT_TRUE(one_d.comparable);
  EXPECT_EQ(one_d.scores, (std::vector<std::optional<Rational>>{
                              Rational(0), Rational(1), Rational(2)}));
  EXPECT_EQ(one_d.change, Rational(1));
  EXPECT_EQ(one_d.change_since_first, Rational(2));

  const TrendRow& three_c = result.outcomes[10];
  EXPECT_EQ(three_c.change, Rational(1));
  EXPECT_FALSE(three_c.change_since_first.has_value());
}

TEST(CompareTest, RatingChangesOnePerConsecutivePair) {
  Diagnostics diag;
  CompareResult result;
  ASSERT_TRUE(Compare(ThreeYears(), "0.1.0", diag, &result).ok());
  ASSERT_EQ(result.rating_changes.size(), 2u);
  const RatingChange& first = result.rating_changes[0];
  EXPECT_EQ(first.from.Name(), "Incomplete");
  EXPECT_EQ(first.to.Name(), "Developing");
  EXPECT_EQ(first.movement, Movement::kNewlyScored);
  const RatingChange& second = result.rating_changes[1];
  EXPECT_EQ(second.from.Name(), "Developing");
  EXPECT_EQ(second.to.Name(), "Achieving");
  EXPECT_EQ(second.from_total, Rational(25, 2));
  EXPECT_EQ(second.to_total, Rational(22));
  EXPECT_EQ(second.movement, Movement::kUp);
}

TEST(CompareTest, NoChangeListsNothing) {
  Diagnostics diag;
  CompareResult result;
  ASSERT_TRUE(Compare({Year(kTrust, "RXX", "2023/24", All(1)),
                       Year(kTrust, "RXX", "2024/25", All(1))},
                      "0.1.0", diag, &result)
                  .ok());
  EXPECT_TRUE(result.changes.empty());
  ASSERT_EQ(result.rating_changes.size(), 1u);
  EXPECT_EQ(result.rating_changes[0].movement, Movement::kSame);
}

TEST(CompareTest, AcrossRubricVersionsComparesSharedOutcomes) {
  std::vector<int> later = All(2, 12);
  later[8] = 2;  // 2E 1
  Diagnostics diag;
  CompareResult result;
  ASSERT_TRUE(
      Compare({Year(kTrust, "RXX", "2025/26", later, "", SharedVariant()),
               Year(kTrust, "RXX", "2024/25", All(1))},
              "0.1.0", diag, &result)
          .ok());
  EXPECT_EQ(result.rubric->version, "2022.1-local");
  ASSERT_EQ(result.rubrics.size(), 2u);
  EXPECT_EQ(result.rubrics[0].version, "2022.1");
  EXPECT_EQ(result.rubrics[1].version, "2022.1-local");
  EXPECT_EQ(result.not_comparable, std::vector<std::string>{"2E"});
  ASSERT_EQ(result.outcomes.size(), 12u);
  const TrendRow& two_e = result.outcomes[8];
  EXPECT_EQ(two_e.outcome.id, "2E");
  EXPECT_FALSE(two_e.comparable);
  EXPECT_EQ(two_e.assessed, (std::vector<bool>{false, true}));
  EXPECT_EQ(two_e.scores[1], Rational(1));
  EXPECT_FALSE(two_e.change.has_value());
  // Every shared outcome rose from 1 to 2; 2E is not among the changes.
  EXPECT_EQ(result.changes.size(), 11u);
  for (const OutcomeChange& change : result.changes) {
    EXPECT_NE(change.outcome.id, "2E");
  }
}

TEST(CompareTest, OutcomesOnlyAnOlderRubricHasComeLast) {
  Diagnostics diag;
  CompareResult result;
  ASSERT_TRUE(
      Compare({Year(kTrust, "RXX", "2023/24", All(1, 12), "", SharedVariant()),
               Year(kTrust, "RXX", "2024/25", All(1))},
              "0.1.0", diag, &result)
          .ok());
  EXPECT_EQ(result.rubric->version, "2022.1");
  ASSERT_EQ(result.outcomes.size(), 12u);
  EXPECT_EQ(result.outcomes[10].outcome.id, "3C");
  EXPECT_EQ(result.outcomes[11].outcome.id, "2E");
  EXPECT_EQ(result.outcomes[11].outcome.name, "Flexible working");
}

std::vector<std::string> Messages(const Diagnostics& diag) {
  std::vector<std::string> messages;
  for (const Diagnostic& d : diag.items()) {
    messages.push_back(FormatDiagnostic(d));
  }
  return messages;
}

TEST(CompareTest, NeedsTwoYears) {
  Diagnostics diag;
  CompareResult result;
  const Status status =
      Compare({Year(kTrust, "RXX", "2024/25", All(1))}, "0.1.0", diag, &result);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(Messages(diag), std::vector<std::string>{
                                "error: compare needs at least two years\n"});
  EXPECT_TRUE(result.years.empty());
}

TEST(CompareTest, RefusesAnotherOrganisationNamingBothFiles) {
  Diagnostics diag;
  CompareResult result;
  const Status status =
      Compare({Year(kTrust, "RXX", "2023/24", All(1)),
               Year("Other Hospital NHS Trust", "RYY", "2024/25", All(1))},
              "0.1.0", diag, &result);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(status.message(), "1 problem with the files to compare");
  EXPECT_EQ(
      Messages(diag),
      std::vector<std::string>{
          "RYY-2024.yaml: error: organisation 'Other Hospital NHS Trust' "
          "(code RYY) is not 'Example Hospital NHS Trust' (code RXX) of "
          "RXX-2023.yaml; compare takes the years of one organisation\n"});
}

TEST(CompareTest, SameNameWithoutCodeIsAnotherOrganisationWithAHint) {
  Diagnostics diag;
  CompareResult result;
  const Status status = Compare({Year(kTrust, "RXX", "2023/24", All(1)),
                                 Year(kTrust, "", "2024/25", All(1))},
                                "0.1.0", diag, &result);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(Messages(diag),
            std::vector<std::string>{
                "-2024.yaml: error: organisation 'Example Hospital NHS Trust' "
                "(no code) is not 'Example Hospital NHS Trust' (code RXX) of "
                "RXX-2023.yaml; compare takes the years of one organisation\n"
                "  hint: an organisation is identified by its code, or by its "
                "name when it has none; give both files the same "
                "organisation.code\n"});
}

TEST(CompareTest, RefusesARepeatedYearNamingBothFiles) {
  std::vector<OrganisationYear> years = {
      Year(kTrust, "RXX", "2023/24", All(1)),
      Year(kTrust, "RXX", "2024/25", All(1)),
      Year(kTrust, "RXX", "2023/24", All(2))};
  years[2].source = "again.yaml";
  Diagnostics diag;
  CompareResult result;
  const Status status = Compare(std::move(years), "0.1.0", diag, &result);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(Messages(diag),
            std::vector<std::string>{
                "again.yaml: error: year 2023/24 is also the year of "
                "RXX-2023.yaml; compare needs each year once\n"});
}

TEST(CompareTest, ReportsEveryProblemAtOnce) {
  Diagnostics diag;
  CompareResult result;
  const Status status = Compare({Year(kTrust, "RXX", "2023/24", All(1)),
                                 Year("Other", "RYY", "2024/25", All(1)),
                                 Year(kTrust, "RXX", "2023/24", All(1))},
                                "0.1.0", diag, &result);
  EXPECT_EQ(status.message(), "2 problems with the files to compare");
  EXPECT_EQ(diag.error_count(), 2u);
}

OutcomeChange Change(std::optional<Rational> from, std::optional<Rational> to,
                     const char* from_level, const char* to_level) {
  OutcomeChange change;
  change.outcome = {"2D", "2", "Staff recommend the organisation", ""};
  change.from_year = "2023/24";
  change.to_year = "2024/25";
  change.from = from;
  change.to = to;
  change.from_level = Eds2022Level(from_level);
  change.to_level = Eds2022Level(to_level);
  change.movement = MovementOf(from, to);
  return change;
}

TEST(DescribeChangeTest, Table) {
  const std::optional<Rational> none;
  const struct {
    OutcomeChange change;
    const char* text;
  } kCases[] = {
      {Change(Rational(1), Rational(2), "Developing", "Achieving"),
       "2D Staff recommend the organisation rose from Developing (1) to "
       "Achieving (2) in 2024/25."},
      {Change(Rational(2), Rational(3, 2), "Achieving", "Developing"),
       "2D Staff recommend the organisation fell from Achieving (2) to "
       "Developing (1.5) in 2024/25."},
      {Change(none, Rational(0), "", "Undeveloped"),
       "2D Staff recommend the organisation was scored Undeveloped (0) in "
       "2024/25; it was not scored in 2023/24."},
      {Change(Rational(3), none, "Excelling", ""),
       "2D Staff recommend the organisation was not scored in 2024/25; it was "
       "Excelling (3) in 2023/24."},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(DescribeChange(c.change), c.text);
  }
}

RatingChange Rating(const char* from, const char* to,
                    std::optional<Rational> from_total,
                    std::optional<Rational> to_total) {
  RatingChange change;
  change.from_year = "2023/24";
  change.to_year = "2024/25";
  change.from = Eds2022Rating(from);
  change.to = Eds2022Rating(to);
  change.from_total = from_total;
  change.to_total = to_total;
  change.movement = MovementOf(from_total, to_total);
  return change;
}

TEST(DescribeRatingChangeTest, Table) {
  const std::optional<Rational> none;
  const struct {
    RatingChange change;
    const char* text;
  } kCases[] = {
      {Rating("Developing", "Achieving", Rational(21), Rational(24)),
       "The rating rose from Developing (21) in 2023/24 to Achieving (24) in "
       "2024/25."},
      {Rating("Achieving", "Developing", Rational(22), Rational(43, 2)),
       "The rating fell from Achieving (22) in 2023/24 to Developing (21.5) in "
       "2024/25."},
      {Rating("Developing", "Developing", Rational(17), Rational(18)),
       "The rating stayed Developing in 2024/25; the total rose from 17 to "
       "18."},
      {Rating("Developing", "Developing", Rational(18), Rational(18)),
       "The rating stayed Developing in 2024/25, with the total at 18."},
      {Rating("Incomplete", "Developing", none, Rational(12)),
       "2023/24 was incomplete; 2024/25 is rated Developing (12)."},
      {Rating("Developing", "Incomplete", Rational(12), none),
       "2024/25 is incomplete; 2023/24 was rated Developing (12)."},
      {Rating("Incomplete", "Incomplete", none, none),
       "2023/24 and 2024/25 are both incomplete."},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(DescribeRatingChange(c.change), c.text);
  }
}

TEST(DescribeRatingChangeTest, TotalsOutOfDifferentMaximaAreNotCompared) {
  RatingChange change =
      Rating("Developing", "Achieving", Rational(13), Rational(24));
  change.same_scale = false;
  change.from_max = 33;
  change.to_max = 36;
  EXPECT_EQ(DescribeRatingChange(change),
            "The rating went from Developing (13 of 33) in 2023/24 to "
            "Achieving (24 of 36) in 2024/25; the two years' rubrics have "
            "different maximum totals, so the totals are not on one scale.");
  change.to = Eds2022Rating("Developing");
  change.to_total = Rational(18);
  EXPECT_EQ(DescribeRatingChange(change),
            "The rating stayed Developing in 2024/25 (18 of 36, after 13 of 33 "
            "in 2023/24); the two years' rubrics have different maximum "
            "totals, so the totals are not on one scale.");
}

TEST(CompareTest, RatingChangeKnowsWhenTheMaximaDiffer) {
  Diagnostics diag;
  CompareResult result;
  ASSERT_TRUE(
      Compare({Year(kTrust, "RXX", "2025/26", All(2, 12), "", SharedVariant()),
               Year(kTrust, "RXX", "2024/25", All(2)),
               Year(kTrust, "RXX", "2023/24", All(1))},
              "0.1.0", diag, &result)
          .ok());
  ASSERT_EQ(result.rating_changes.size(), 2u);
  EXPECT_TRUE(result.rating_changes[0].same_scale);
  EXPECT_FALSE(result.rating_changes[1].same_scale);
  EXPECT_EQ(result.rating_changes[1].from_max, Rational(33));
  EXPECT_EQ(result.rating_changes[1].to_max, Rational(36));
}

// ------------------------------------------------------------------ rollup

// The errors only: System() has one name under two codes, a warning.
std::vector<std::string> ErrorMessages(const Diagnostics& diag) {
  std::vector<std::string> messages;
  for (const Diagnostic& d : diag.items()) {
    if (d.severity == Severity::kError) messages.push_back(FormatDiagnostic(d));
  }
  return messages;
}

std::vector<OrganisationYear> System() {
  std::vector<int> incomplete = All(1);
  incomplete[10] = kUnrated;
  return {
      Year("Zulu Trust", "RZ3", "2024/25", All(0), "South ICS"),
      Year("Alpha Trust", "RA1", "2024/25", All(2), "North ICS"),
      Year("Alpha Trust", "RA1", "2022/23", All(1), "North ICS"),
      Year("Alpha Trust", "RA0", "2024/25", All(1), "South ICS"),
      // Byte order: upper case before lower case.
      Year("alpha care", "", "2023/24", incomplete, "South ICS"),
      Year("Alpha Trust", "RA1", "2023/24", All(1), "North ICS"),
  };
}

RollupResult RollupOk(std::vector<OrganisationYear> years,
                      const RollupOptions& options = {}) {
  Diagnostics diag;
  RollupResult result;
  const Status status =
      Rollup(std::move(years), {}, options, "0.1.0", diag, &result);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_FALSE(diag.HasErrors());
  return result;
}

TEST(RollupTest, GroupsAndSortsByNameThenCode) {
  const RollupResult result = RollupOk(System());
  std::vector<std::string> order;
  for (const RollupOrganisation& organisation : result.organisations) {
    order.push_back(organisation.organisation.name + "/" +
                    organisation.organisation.code);
  }
  EXPECT_EQ(order,
            (std::vector<std::string>{"Alpha Trust/RA0", "Alpha Trust/RA1",
                                      "Zulu Trust/RZ3", "alpha care/"}));
  EXPECT_EQ(result.years,
            (std::vector<std::string>{"2022/23", "2023/24", "2024/25"}));
}

TEST(RollupTest, YearsChronologicalWithChangeSincePreviousYear) {
  const RollupResult result = RollupOk(System());
  const RollupOrganisation& alpha = result.organisations[1];
  ASSERT_EQ(alpha.years.size(), 3u);
  EXPECT_EQ(alpha.years[0].year, "2022/23");
  EXPECT_EQ(alpha.latest().year, "2024/25");
  ASSERT_NE(alpha.previous(), nullptr);
  EXPECT_EQ(alpha.previous()->year, "2023/24");
  EXPECT_EQ(alpha.change, Rational(11));

  const RollupOrganisation& single = result.organisations[0];
  EXPECT_EQ(single.previous(), nullptr);
  EXPECT_FALSE(single.change.has_value());
}

TEST(RollupTest, NoChangeBetweenTotalsOutOfDifferentMaxima) {
  const RollupResult result = RollupOk(
      {Year(kTrust, "RXX", "2023/24", All(1)),
       Year(kTrust, "RXX", "2024/25", All(2, 12), "", SharedVariant())});
  ASSERT_EQ(result.organisations.size(), 1u);
  EXPECT_FALSE(result.organisations[0].same_scale);
  EXPECT_FALSE(result.organisations[0].change.has_value());
}

TEST(RollupTest, CountsRatingsByYearWithIncomplete) {
  const RollupResult result = RollupOk(System());
  EXPECT_EQ(result.ratings,
            (std::vector<std::string>{"Undeveloped", "Developing", "Achieving",
                                      "Excelling", "Incomplete"}));
  ASSERT_EQ(result.ratings_by_year.size(), 3u);
  EXPECT_EQ(result.ratings_by_year[0].counts,
            (std::vector<int>{0, 1, 0, 0, 0}));
  EXPECT_EQ(result.ratings_by_year[1].counts,
            (std::vector<int>{0, 1, 0, 0, 1}));
  EXPECT_EQ(result.ratings_by_year[2].counts,
            (std::vector<int>{1, 1, 1, 0, 0}));
  EXPECT_EQ(result.ratings_by_year[2].organisations, 3);
}

// Each rating column is coloured as the reference rubric's band of its name;
// a band only an older rubric has has none of its own there.
TEST(RollupTest, RatingColumnsKnowTheirReferenceBands) {
  Rubric older = Eds2022Rubric();
  older.version = "2021.1";
  older.bands.back().name = "Gold";
  const RollupResult result =
      RollupOk({Year(kTrust, "RXX", "2023/24", All(1), "",
                     std::make_shared<const Rubric>(older)),
                Year(kTrust, "RXX", "2024/25", All(2))});
  EXPECT_EQ(result.ratings,
            (std::vector<std::string>{"Undeveloped", "Developing", "Achieving",
                                      "Excelling", "Gold", "Incomplete"}));
  ASSERT_EQ(result.reference_ratings.size(), 6u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(result.reference_ratings[static_cast<std::size_t>(i)],
              OrganisationRating::AtBand(i));
  }
  EXPECT_EQ(result.reference_ratings[4], std::nullopt);
  EXPECT_EQ(result.reference_ratings[5], OrganisationRating());
}

TEST(RollupTest, FiltersBySystemAndYear) {
  RollupOptions options;
  options.system = "North ICS";
  RollupResult result = RollupOk(System(), options);
  ASSERT_EQ(result.organisations.size(), 1u);
  EXPECT_EQ(result.organisations[0].organisation.code, "RA1");
  EXPECT_EQ(result.options.system, "North ICS");

  options = {};
  options.year = "2024/25";
  result = RollupOk(System(), options);
  ASSERT_EQ(result.organisations.size(), 3u);
  EXPECT_EQ(result.years, std::vector<std::string>{"2024/25"});
  // One year kept: there is no previous year to change from.
  EXPECT_FALSE(result.organisations[1].change.has_value());

  options.system = "South ICS";
  result = RollupOk(System(), options);
  EXPECT_EQ(result.organisations.size(), 2u);
}

TEST(RollupTest, FilterMatchingNothingIsAnErrorWithAHint) {
  const struct {
    const char* system;
    const char* year;
    const char* message;
  } kCases[] = {
      {"North IC", "",
       "error: --system 'North IC' matches no assessment; did you mean 'North "
       "ICS'?\n"},
      {"Midlands", "",
       "error: --system 'Midlands' matches no assessment\n"
       "  hint: the files give 'North ICS', 'South ICS'\n"},
      // A year one edit from another is no typo of it: the years are listed.
      {"", "2021/22",
       "error: --year '2021/22' matches no assessment\n"
       "  hint: the files give '2022/23', '2023/24', '2024/25'\n"},
      {"North ICS", "2030/31",
       "error: --year '2030/31' matches no assessment\n"
       "  hint: the files give '2022/23', '2023/24', '2024/25'\n"},
  };
  for (const auto& c : kCases) {
    RollupOptions options;
    options.system = c.system;
    options.year = c.year;
    Diagnostics diag;
    RollupResult result;
    const Status status = Rollup(System(), {}, options, "0.1.0", diag, &result);
    EXPECT_EQ(status.code(), Status::Code::kInvalidInput) << c.system;
    EXPECT_EQ(ErrorMessages(diag), std::vector<std::string>{c.message});
    EXPECT_TRUE(result.organisations.empty());
  }
}

TEST(RollupTest, SystemFilterWhenNoFileGivesASystem) {
  RollupOptions options;
  options.system = "North ICS";
  Diagnostics diag;
  RollupResult result;
  EXPECT_EQ(Rollup({Year(kTrust, "RXX", "2024/25", All(1))}, {}, options,
                   "0.1.0", diag, &result)
                .code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(ErrorMessages(diag),
            std::vector<std::string>{
                "error: --system 'North ICS' matches no assessment\n"
                "  hint: no assessment gives organisation.system\n"});
}

TEST(RollupTest, BothFiltersMatchingButNotTogether) {
  RollupOptions options;
  options.system = "North ICS";
  options.year = "2022/23";
  EXPECT_EQ(RollupOk(System(), options).organisations.size(), 1u);
  std::vector<OrganisationYear> years = System();
  years.erase(years.begin() + 2);  // Alpha Trust RA1 2022/23
  years.push_back(Year("Zulu Trust", "RZ3", "2022/23", All(0), "South ICS"));
  Diagnostics diag;
  RollupResult result;
  const Status status = Rollup(years, {}, options, "0.1.0", diag, &result);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(ErrorMessages(diag),
            std::vector<std::string>{"error: no organisation of system 'North "
                                     "ICS' has an assessment for 2022/23\n"});
}

TEST(RollupTest, RepeatedOrganisationAndYearNamesBothFiles) {
  std::vector<OrganisationYear> years = System();
  years.push_back(Year("Alpha Trust renamed", "RA1", "2023/24", All(2)));
  years.back().source = "copy.yaml";
  Diagnostics diag;
  RollupResult result;
  const Status status = Rollup(years, {}, {}, "0.1.0", diag, &result);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(
      ErrorMessages(diag),
      std::vector<std::string>{
          "copy.yaml: error: organisation 'Alpha Trust renamed' (code "
          "RA1) for 2023/24 is also in RA1-2023.yaml; each organisation and "
          "year must be in one file\n"});
  EXPECT_TRUE(result.organisations.empty());
}

TEST(RollupTest, RepeatedOrganisationAndYearExcludedUnderSkipInvalid) {
  std::vector<OrganisationYear> years = System();
  years.push_back(Year("Alpha Trust", "RA1", "2023/24", All(2)));
  years.back().source = "copy.yaml";
  RollupOptions options;
  options.skip_invalid = true;
  Diagnostics diag;
  RollupResult result;
  ASSERT_TRUE(Rollup(years, {{"earlier.yaml", {"earlier.yaml:1:1: error: x"}}},
                     options, "0.1.0", diag, &result)
                  .ok());
  ASSERT_EQ(result.excluded.size(), 3u);
  EXPECT_EQ(result.excluded[0].file, "earlier.yaml");
  EXPECT_EQ(result.excluded[1].file, "RA1-2023.yaml");
  EXPECT_EQ(
      result.excluded[1].errors,
      std::vector<std::string>{
          "RA1-2023.yaml: error: organisation 'Alpha Trust' (code RA1) "
          "for 2023/24 is also in copy.yaml; each organisation and year must "
          "be in one file"});
  EXPECT_EQ(result.excluded[2].file, "copy.yaml");
  EXPECT_EQ(diag.error_count(), 0u);
  // A warning for each file, and one for Alpha Trust under two codes.
  EXPECT_EQ(diag.items().size(), 3u);
  EXPECT_EQ(diag.items()[0].severity, Severity::kWarning);
  // Alpha Trust RA1 keeps its two other years.
  EXPECT_EQ(result.organisations[1].years.size(), 2u);
  EXPECT_EQ(result.organisations[1].previous()->year, "2022/23");
}

TEST(RollupTest, NothingLeftIsAnError) {
  const struct {
    std::vector<ExcludedFile> excluded;
    const char* message;
  } kCases[] = {
      {{}, "error: no assessment to roll up\n"},
      {{{"a.yaml", {}}},
       "error: no assessment to roll up: all 1 file was excluded\n"},
      {{{"a.yaml", {}}, {"b.yaml", {}}},
       "error: no assessment to roll up: all 2 files were excluded\n"},
  };
  for (const auto& c : kCases) {
    RollupOptions options;
    options.skip_invalid = true;
    Diagnostics diag;
    RollupResult result;
    EXPECT_EQ(Rollup({}, c.excluded, options, "0.1.0", diag, &result).code(),
              Status::Code::kInvalidInput);
    EXPECT_EQ(ErrorMessages(diag), std::vector<std::string>{c.message});
  }
}

TEST(RollupTest, ReferenceRubricIsTheLatestYearsAndOutcomesAreTheirUnion) {
  std::vector<OrganisationYear> years = System();
  years.push_back(Year("Bravo Trust", "RB2", "2025/26", All(1, 12), "North ICS",
                       SharedVariant()));
  const RollupResult result = RollupOk(std::move(years));
  EXPECT_EQ(result.rubric->version, "2022.1-local");
  ASSERT_EQ(result.outcomes.size(), 12u);
  EXPECT_EQ(result.outcomes[8].id, "2E");
  EXPECT_EQ(result.rubrics.size(), 2u);
}

TEST(ExcludeFileTest, KeepsTheFirstLineOfEachError) {
  Diagnostics problems;
  problems.Error({"a.yaml", 3, 5}, "unknown key 'complted'",
                 "did you mean 'completed'?", "complted: 2024-01-01");
  problems.Note({"a.yaml", 0, 0}, "not kept");
  problems.Error({"a.yaml", 0, 0}, "second");
  const ExcludedFile excluded = ExcludeFile("a.yaml", problems);
  EXPECT_EQ(excluded.file, "a.yaml");
  EXPECT_EQ(excluded.errors, (std::vector<std::string>{
                                 "a.yaml:3:5: error: unknown key 'complted'",
                                 "a.yaml: error: second"}));
}

}  // namespace
}  // namespace eds

namespace eds {
namespace {

// `base` points everywhere, with `changes` as {outcome index, points}.
std::vector<int> Points(int base,
                        std::vector<std::pair<std::size_t, int>> changes = {}) {
  std::vector<int> halves = All(base);
  for (const auto& [index, points] : changes) {
    halves[index] = points < 0 ? kUnrated : points * 2;
  }
  return halves;
}

// A system whose answers are known: each organisation is built to be on
// the Attention list for the reasons its name gives, or (Steady) for none.
RollupResult KnownSystem() {
  constexpr std::size_t k3C = 10;
  std::vector<OrganisationYear> years = {
      // 11 Developing -> 0 Undeveloped: lowest band, fell a band, and the
      // biggest fall (-11).
      Year("A Low Trust", "RA", "2023/24", Points(1)),
      Year("A Low Trust", "RA", "2024/25", Points(0)),
      // 11 Developing -> 22 Achieving: rose a band, the biggest rise (+11).
      Year("B Riser Trust", "RB", "2023/24", Points(1)),
      Year("B Riser Trust", "RB", "2024/25", Points(2)),
      // 11 -> 12, Developing both years: +1 is below a tenth of 33; 3C at 0.
      Year("C Steady Trust", "RC", "2023/24", Points(1)),
      Year("C Steady Trust", "RC", "2024/25",
           Points(1, {{0, 2}, {1, 2}, {k3C, 0}})),
      // Only an older year: out of date.
      Year("D Old Trust", "RD", "2023/24", Points(2)),
      // 3C not rated: incomplete (and not scored on 3C).
      Year("E Unfinished Trust", "RE", "2024/25", Points(2, {{k3C, -1}})),
      // 15 -> 11, Developing both years: a fall of 4 (at least 3.3).
      Year("F Slipping Trust", "RF", "2023/24",
           Points(1, {{0, 2}, {1, 2}, {2, 2}, {3, 2}})),
      Year("F Slipping Trust", "RF", "2024/25", Points(1)),
  };
  Diagnostics problems;
  problems.Error({"broken.yaml", 3, 5}, "unknown key 'yeer'", "try 'year'");
  RollupOptions options;
  options.skip_invalid = true;
  Diagnostics diag;
  RollupResult result;
  EXPECT_TRUE(Rollup(std::move(years), {ExcludeFile("broken.yaml", problems)},
                     options, "0.1.0", diag, &result)
                  .ok());
  return result;
}

TEST(AttentionTest, ListsWhatTheKnownSystemWasBuiltToShow) {
  const RollupResult result = KnownSystem();
  std::vector<std::string> found;
  for (const AttentionItem& item : result.attention.items) {
    found.push_back(
        std::string(AttentionCode(item.reason)) + " " +
        (item.organisation.name.empty() ? item.file : item.organisation.name));
  }
  EXPECT_EQ(found, (std::vector<std::string>{
                       "lowest-band A Low Trust",
                       "band-down A Low Trust",
                       "band-up B Riser Trust",
                       "big-fall A Low Trust",
                       "big-fall F Slipping Trust",
                       "big-rise B Riser Trust",
                       "out-of-date D Old Trust",
                       "incomplete E Unfinished Trust",
                       "excluded broken.yaml",
                   }));
  const std::vector<AttentionItem>& items = result.attention.items;
  EXPECT_EQ(items[0].message,
            "A Low Trust (RA) is rated Undeveloped (0 of 33) in 2024/25.");
  EXPECT_EQ(items[1].message,
            "A Low Trust (RA)'s rating fell from Developing in 2023/24 to "
            "Undeveloped in 2024/25.");
  EXPECT_EQ(items[4].message,
            "F Slipping Trust (RF)'s total fell by 4 from 15 (2023/24) to 11 "
            "(2024/25).");
  EXPECT_EQ(items[4].change, Rational(-4));
  EXPECT_EQ(items[6].message,
            "D Old Trust (RD)'s latest assessment is for 2023/24, not "
            "2024/25: no file for 2024/25.");
  EXPECT_EQ(items[8].message,
            "broken.yaml was left out as invalid (1 error; the first: unknown "
            "key 'yeer').");
  // 3C is at the lowest level for A and C: 2 of the 5 scored on it (E is
  // not), more than a quarter. 1A (A only, 1 of 6) is not listed.
  ASSERT_EQ(result.attention.outcomes.size(), 1u);
  EXPECT_EQ(result.attention.outcomes[0].message,
            "3C Levers to manage performance is rated Undeveloped by 2 of 5 "
            "organisations.");
}

TEST(AttentionTest, MissingOrganisationsAreOneMoreInput) {
  const RollupResult result = KnownSystem();
  const Attention attention =
      BuildAttention(result, {{"G Absent Trust", "RG", ""}});
  ASSERT_EQ(attention.items.size(), result.attention.items.size() + 1);
  EXPECT_EQ(attention.items.back().reason, AttentionReason::kMissing);
  EXPECT_EQ(attention.items.back().message,
            "G Absent Trust (RG) has no assessment in the roll-up.");
}

TEST(AttentionTest, SystemRowSpreadsTheLatestYearsOverTheLevels) {
  const RollupResult result = KnownSystem();
  ASSERT_EQ(result.levels,
            (std::vector<std::string>{"Undeveloped", "Developing", "Achieving",
                                      "Excelling"}));
  const OutcomeSpread& spread = result.spreads.back();
  EXPECT_EQ(spread.outcome_id, "3C");
  EXPECT_EQ(spread.levels, (std::vector<int>{2, 1, 2, 0}));
  EXPECT_EQ(spread.scored, 5);
  EXPECT_EQ(spread.unscored, 1);
  EXPECT_EQ(spread.median, Rational(1));
  const OutcomeSpread& first = result.spreads.front();
  EXPECT_EQ(first.levels, (std::vector<int>{1, 1, 4, 0}));
  EXPECT_EQ(first.median, Rational(2));
}

TEST(AttentionTest, ChangeReasonSaysWhyThereIsNoChange) {
  const RollupResult result = KnownSystem();
  // D has one year; E has one year; A has a change.
  EXPECT_EQ(result.organisations[0].no_change, NoChange::kNone);
  EXPECT_EQ(result.organisations[3].no_change, NoChange::kNoEarlierYear);
}

}  // namespace
}  // namespace eds
