#include "rating_checker.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "eds/assessment.h"

namespace eds {
namespace {

// The one checker, driven as each front end drives it: the checks are the
// same, the words of some messages differ.
class RatingCheckerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    rubric_ = LoadBuiltinRubric("eds2022");
    ASSERT_TRUE(rubric_.has_value());
    assessment_.stakeholders = {
        {"patients-forum", "Patients' Forum", "patients"},
        {"staff-networks", "Staff networks", "staff"}};
    context_.rubric = &*rubric_;
    context_.assessment = &assessment_;
    context_.stakeholders_declared = true;
    context_.stakeholder_ids = {"patients-forum", "staff-networks"};
    context_.services_given = true;
    context_.service_ids = {"nhs-111"};
  }

  RatingSpot Spot(int line) {
    return RatingSpot{{"a.yaml", line, 3}, [] { return std::string("line"); }};
  }

  // The only problem reported, as "message | hint".
  std::string Problem() const {
    if (diag_.items().size() != 1) {
      return std::to_string(diag_.items().size()) + " problems";
    }
    return diag_.items()[0].message + " | " + diag_.items()[0].hint;
  }

  std::optional<Rubric> rubric_;
  Assessment assessment_;
  RatingContext context_;
  Diagnostics diag_;
  RatingChecker checker_{context_, diag_};
};

TEST_F(RatingCheckerTest, ReadsAnOutcomeInAnyCase) {
  const auto [id, domain] =
      checker_.CheckOutcome(RatingSource::kSheet, " 2a ", Spot(1));
  EXPECT_EQ(id, "2A");
  ASSERT_NE(domain, nullptr);
  EXPECT_EQ(domain->id, "2");
  EXPECT_FALSE(diag_.HasErrors());
}

TEST_F(RatingCheckerTest, UnknownOutcomeHintsOnlyInYaml) {
  EXPECT_EQ(checker_.CheckOutcome(RatingSource::kSheet, "9Z", Spot(1)).second,
            nullptr);
  EXPECT_EQ(Problem(), "unknown outcome '9Z' | ");
  Diagnostics yaml;
  RatingChecker yaml_checker(context_, yaml);
  EXPECT_EQ(
      yaml_checker.CheckOutcome(RatingSource::kYaml, "9Z", Spot(1)).second,
      nullptr);
  ASSERT_EQ(yaml.items().size(), 1u);
  EXPECT_EQ(
      yaml.items()[0].hint.rfind("rubric 'eds2022' has the outcomes 1A, ", 0),
      0u)
      << yaml.items()[0].hint;
}

TEST_F(RatingCheckerTest, PlacementIsCheckedTheSameWayInItsOwnWords) {
  const Domain* per_service = rubric_->DomainOf("1A");
  const Domain* whole = rubric_->DomainOf("2A");
  ASSERT_NE(per_service, nullptr);
  ASSERT_NE(whole, nullptr);
  EXPECT_TRUE(checker_.CheckPlacement(RatingSource::kSheet, *per_service, "1A",
                                      true, Spot(1)));
  EXPECT_TRUE(checker_.CheckPlacement(RatingSource::kSheet, *whole, "2A", false,
                                      Spot(1)));
  EXPECT_FALSE(diag_.HasErrors());
  EXPECT_FALSE(checker_.CheckPlacement(RatingSource::kSheet, *per_service, "1A",
                                       false, Spot(1)));
  EXPECT_EQ(
      Problem(),
      "outcome 1A is rated per service in this assessment; name the service | "
      "services: nhs-111");
  Diagnostics yaml;
  RatingChecker yaml_checker(context_, yaml);
  EXPECT_FALSE(yaml_checker.CheckPlacement(RatingSource::kYaml, *whole, "2A",
                                           true, Spot(1)));
  ASSERT_EQ(yaml.items().size(), 1u);
  EXPECT_EQ(yaml.items()[0].message, "outcome 2A is not rated per service");
}

TEST_F(RatingCheckerTest, FindsAStakeholderByIdOrName) {
  std::string id;
  EXPECT_TRUE(checker_.CheckStakeholder("Staff Networks ", Spot(1), &id));
  EXPECT_EQ(id, "staff-networks");
  EXPECT_TRUE(checker_.any_rating());
  EXPECT_FALSE(checker_.CheckStakeholder("staff-network", Spot(2), &id));
  EXPECT_EQ(
      Problem(),
      "unknown stakeholder 'staff-network'; did you mean 'staff-networks'? | "
      "every rating names a stakeholder declared under 'stakeholders' (by "
      "its id or its name)");
}

TEST_F(RatingCheckerTest, SheetScoresMayCarryTheLevelName) {
  bool ok = true;
  EXPECT_EQ(
      checker_.CheckScore(RatingSource::kSheet, "2 - Achieving", Spot(1), &ok),
      2);
  EXPECT_EQ(
      checker_.CheckScore(RatingSource::kSheet, "Not Rated", Spot(1), &ok),
      std::nullopt);
  EXPECT_TRUE(ok);
  EXPECT_FALSE(diag_.HasErrors());
  EXPECT_EQ(
      checker_.CheckScore(RatingSource::kYaml, "2 - Achieving", Spot(1), &ok),
      std::nullopt);
  EXPECT_FALSE(ok);
  EXPECT_EQ(diag_.error_count(), 1u);
  ok = true;
  EXPECT_EQ(checker_.CheckScore(RatingSource::kSheet, "  ", Spot(2), &ok),
            std::nullopt);
  EXPECT_FALSE(ok);
  EXPECT_EQ(diag_.items().back().message, "the score is empty");
}

TEST_F(RatingCheckerTest, KeepsOneRatingPerStakeholderAndOutcome) {
  OutcomeEntry entry;
  checker_.Record("", "2A", "patients-forum", 2, "", Spot(4), &entry);
  checker_.Record("", "2A", "patients-forum", 1, "", Spot(9), &entry);
  ASSERT_EQ(entry.ratings.size(), 1u);
  EXPECT_EQ(entry.ratings[0].points, 2);
  EXPECT_EQ(
      Problem(),
      "stakeholder 'patients-forum' rates 2A twice: here and at a.yaml:4:3 | "
      "keep one rating per stakeholder and outcome");
}

}  // namespace
}  // namespace eds
