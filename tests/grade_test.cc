#include "eds/grade.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eds/agreement.h"
#include "test_rubric.h"

namespace eds {
namespace {

using ::eds::testing::CustomRubric;
using ::eds::testing::Eds2022Rubric;

// An outcome entry rated by stakeholders s1, s2, ... in order.
OutcomeEntry Entry(const std::string& id, const std::vector<int>& points,
                   std::optional<int> agreed = std::nullopt) {
  OutcomeEntry entry;
  entry.outcome_id = id;
  for (std::size_t i = 0; i < points.size(); ++i) {
    Rating rating;
    rating.stakeholder = "s" + std::to_string(i + 1);
    rating.points = points[i];
    entry.ratings.push_back(rating);
  }
  entry.agreed = agreed;
  return entry;
}

// Ratings whose median, rounded to a half, is `halves` / 2.
std::vector<int> RatingsForHalves(int halves) {
  if (halves % 2 == 0) return {halves / 2, halves / 2};
  return {halves / 2, halves / 2 + 1};
}

Assessment BaseAssessment() {
  Assessment assessment;
  assessment.organisation.name = "Example NHS Trust";
  assessment.year = "2024/25";
  for (int i = 1; i <= 6; ++i) {
    assessment.stakeholders.push_back({"s" + std::to_string(i),
                                       "Panel member " + std::to_string(i),
                                       "staff"});
  }
  return assessment;
}

void Rate(Assessment& assessment, const std::string& id,
          const std::vector<int>& points,
          std::optional<int> agreed = std::nullopt) {
  assessment.outcomes[id] = Entry(id, points, agreed);
}

// Every outcome of `rubric` rated directly, scores given in rubric order as
// halves of a point (5 is 2.5).
Assessment DirectAssessment(const Rubric& rubric,
                            const std::vector<int>& halves) {
  Assessment assessment = BaseAssessment();
  const std::vector<std::string> ids = rubric.OutcomeIds();
  for (std::size_t i = 0; i < ids.size() && i < halves.size(); ++i) {
    Rate(assessment, ids[i], RatingsForHalves(halves[i]));
  }
  return assessment;
}

// The EDS 2022 outcomes rated directly so that the total is `halves` / 2.
Assessment AssessmentWithTotalHalves(int halves) {
  const Rubric rubric = Eds2022Rubric();
  std::vector<int> scores;
  for (std::size_t i = 0; i < rubric.OutcomeIds().size(); ++i) {
    const int take = std::min(halves, 2 * rubric.MaxPoints());
    scores.push_back(take);
    halves -= take;
  }
  return DirectAssessment(rubric, scores);
}

// A service whose outcomes score `halves` / 2 each, by outcome id.
Service MakeService(const std::string& id, const std::string& name,
                    const std::vector<std::pair<std::string, int>>& halves) {
  Service service;
  service.id = id;
  service.name = name;
  for (const auto& [outcome, h] : halves) {
    service.outcomes[outcome] = Entry(outcome, RatingsForHalves(h));
  }
  return service;
}

// Three services for EDS 2022 Domain 1 with totals 7.5, 7 and 9 (SPEC's
// published example of a half-point service total).
std::vector<Service> ThreeServices() {
  return {
      MakeService("nhs-111", "NHS 111",
                  {{"1A", 4}, {"1B", 4}, {"1C", 3}, {"1D", 4}}),
      MakeService("ed", "Emergency department",
                  {{"1A", 4}, {"1B", 4}, {"1C", 2}, {"1D", 4}}),
      MakeService("maternity", "Maternity",
                  {{"1A", 6}, {"1B", 4}, {"1C", 4}, {"1D", 4}}),
  };
}

const DomainResult& FindDomain(const GradeResult& result,
                               const std::string& id) {
  for (const DomainResult& domain : result.domains) {
    if (domain.id == id) return domain;
  }
  ADD_FAILURE() << "no domain " << id;
  return result.domains.front();
}

const OutcomeResult& FindOutcome(const GradeResult& result,
                                 const std::string& id) {
  for (const DomainResult& domain : result.domains) {
    for (const OutcomeResult& outcome : domain.outcomes) {
      if (outcome.id == id) return outcome;
    }
  }
  ADD_FAILURE() << "no outcome " << id;
  return result.domains.front().outcomes.front();
}

// "code outcome/service" for each top-level flag, in order.
std::vector<std::string> FlagKeys(const GradeResult& result) {
  std::vector<std::string> keys;
  for (const Flag& flag : result.flags) {
    keys.push_back(flag.code + " " + flag.outcome + "/" + flag.service);
  }
  return keys;
}

std::string Show(const std::optional<Rational>& value) {
  return value ? value->ToString() + " (" + value->ToFraction() + ")" : "null";
}

using Strings = std::vector<std::string>;

TEST(CombineRatingsTest, EveryPolicy) {
  struct Case {
    std::vector<Rational> values;
    RatersPolicy policy;
    Rational want;
  };
  const Case cases[] = {
      {{2}, RatersPolicy::kMedian, 2},
      {{2}, RatersPolicy::kMean, 2},
      {{2}, RatersPolicy::kMin, 2},
      {{3, 0, 2}, RatersPolicy::kMedian, 2},
      {{1, 2}, RatersPolicy::kMedian, Rational(3, 2)},
      {{3, 0, 1, 2}, RatersPolicy::kMedian, Rational(3, 2)},
      {{3, 3, 0, 0}, RatersPolicy::kMedian, Rational(3, 2)},
      {{2, 1, 3, 2}, RatersPolicy::kMedian, 2},
      {{0, 0, 3}, RatersPolicy::kMedian, 0},
      {{1, 2, 2}, RatersPolicy::kMean, Rational(5, 3)},
      {{0, 3}, RatersPolicy::kMean, Rational(3, 2)},
      {{0, 0, 3}, RatersPolicy::kMean, 1},
      {{2, 1, 3}, RatersPolicy::kMin, 1},
      {{3, 3, 0}, RatersPolicy::kMin, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(PolicyWord(c.policy));
    EXPECT_EQ(CombineRatings(c.values, c.policy), c.want)
        << "got " << Show(CombineRatings(c.values, c.policy));
  }
}

TEST(CombineServicesTest, EveryPolicy) {
  struct Case {
    std::vector<Rational> values;
    ServicesPolicy policy;
    Rational want;
  };
  const Case cases[] = {
      {{7, Rational(15, 2), 9}, ServicesPolicy::kMedian, Rational(15, 2)},
      {{9, 7}, ServicesPolicy::kMedian, 8},
      {{7, 8}, ServicesPolicy::kMedian, Rational(15, 2)},
      {{12, 0, 5, 6}, ServicesPolicy::kMedian, Rational(11, 2)},
      {{7, Rational(15, 2), 9}, ServicesPolicy::kMean, Rational(47, 6)},
      {{7, 8}, ServicesPolicy::kMean, Rational(15, 2)},
      {{10}, ServicesPolicy::kMean, 10},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(PolicyWord(c.policy));
    EXPECT_EQ(CombineServices(c.values, c.policy), c.want)
        << "got " << Show(CombineServices(c.values, c.policy));
  }
}

TEST(ApplyRoundingTest, EveryPolicy) {
  struct Case {
    Rational value;
    RoundingPolicy policy;
    Rational want;
  };
  const Case cases[] = {
      {Rational(5, 3), RoundingPolicy::kHalf, Rational(3, 2)},
      {Rational(7, 4), RoundingPolicy::kHalf, Rational(3, 2)},
      {Rational(4, 3), RoundingPolicy::kHalf, 1},
      {Rational(3, 2), RoundingPolicy::kHalf, Rational(3, 2)},
      {Rational(2), RoundingPolicy::kHalf, 2},
      {Rational(47, 6), RoundingPolicy::kHalf, Rational(15, 2)},
      {Rational(5, 3), RoundingPolicy::kDown, 1},
      {Rational(15, 2), RoundingPolicy::kDown, 7},
      {Rational(2), RoundingPolicy::kDown, 2},
      {Rational(5, 3), RoundingPolicy::kNone, Rational(5, 3)},
      {Rational(47, 6), RoundingPolicy::kNone, Rational(47, 6)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(PolicyWord(c.policy));
    EXPECT_EQ(ApplyRounding(c.value, c.policy), c.want)
        << "got " << Show(ApplyRounding(c.value, c.policy));
  }
}

TEST(GradeTest, OutcomeScoreFollowsPolicyAndAgreed) {
  struct Case {
    const char* name;
    std::vector<int> ratings;
    std::optional<int> agreed;
    RatersPolicy raters;
    RoundingPolicy rounding;
    std::optional<Rational> want_score;
    std::optional<Rational> want_combined;
    std::string want_level;
  };
  const auto kMedian = RatersPolicy::kMedian;
  const auto kMean = RatersPolicy::kMean;
  const auto kMin = RatersPolicy::kMin;
  const auto kHalf = RoundingPolicy::kHalf;
  const auto kDown = RoundingPolicy::kDown;
  const auto kNone = RoundingPolicy::kNone;
  const Case cases[] = {
      {"median odd", {0, 3, 2}, {}, kMedian, kHalf, 2, 2, "Achieving"},
      {"median even half",
       {1, 2},
       {},
       kMedian,
       kHalf,
       Rational(3, 2),
       Rational(3, 2),
       "Developing"},
      {"median even down",
       {1, 2},
       {},
       kMedian,
       kDown,
       1,
       Rational(3, 2),
       "Developing"},
      {"median even none",
       {1, 2},
       {},
       kMedian,
       kNone,
       Rational(3, 2),
       Rational(3, 2),
       "Developing"},
      {"median of four", {3, 1, 2, 2}, {}, kMedian, kHalf, 2, 2, "Achieving"},
      {"mean exact",
       {1, 2, 2},
       {},
       kMean,
       kNone,
       Rational(5, 3),
       Rational(5, 3),
       "Developing"},
      {"mean half",
       {1, 2, 2},
       {},
       kMean,
       kHalf,
       Rational(3, 2),
       Rational(5, 3),
       "Developing"},
      {"mean down",
       {1, 2, 2},
       {},
       kMean,
       kDown,
       1,
       Rational(5, 3),
       "Developing"},
      {"mean of extremes",
       {0, 3},
       {},
       kMean,
       kHalf,
       Rational(3, 2),
       Rational(3, 2),
       "Developing"},
      {"min", {3, 1, 2}, {}, kMin, kHalf, 1, 1, "Developing"},
      {"single rating", {3}, {}, kMedian, kHalf, 3, 3, "Excelling"},
      {"agreed overrides",
       {1, 2},
       3,
       kMedian,
       kHalf,
       3,
       Rational(3, 2),
       "Excelling"},
      {"agreed overrides min", {3, 3}, 0, kMin, kNone, 0, 3, "Undeveloped"},
      {"agreed alone", {}, 2, kMedian, kHalf, 2, std::nullopt, "Achieving"},
      {"nothing given", {}, {}, kMedian, kHalf, std::nullopt, std::nullopt, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Assessment assessment = BaseAssessment();
    assessment.policy.raters = c.raters;
    assessment.policy.rounding = c.rounding;
    Rate(assessment, "2A", c.ratings, c.agreed);
    const GradeResult result = Grade(assessment, Eds2022Rubric());
    const OutcomeResult& outcome = FindOutcome(result, "2A");
    EXPECT_EQ(outcome.score, c.want_score) << "got " << Show(outcome.score);
    EXPECT_EQ(outcome.combined, c.want_combined)
        << "got " << Show(outcome.combined);
    EXPECT_EQ(outcome.level.Name(Eds2022Rubric()), c.want_level);
    EXPECT_EQ(outcome.from_agreed, c.agreed.has_value());
    EXPECT_EQ(outcome.rating_count, static_cast<int>(c.ratings.size()));
    EXPECT_EQ(outcome.title,
              "When at work, staff are provided with support to manage "
              "obesity, diabetes, asthma, COPD and mental health conditions");
  }
}

TEST(GradeTest, CompleteAssessmentTotalsDomainsExactly) {
  Assessment assessment = BaseAssessment();
  assessment.policy.raters = RatersPolicy::kMean;
  assessment.policy.rounding = RoundingPolicy::kNone;
  for (const std::string& id : Eds2022Rubric().OutcomeIds()) {
    Rate(assessment, id, {2, 2});
  }
  Rate(assessment, "2B", {1, 2, 2});  // 5/3, kept exact
  const GradeResult result = Grade(assessment, Eds2022Rubric());
  EXPECT_TRUE(result.complete);
  EXPECT_TRUE(result.missing.empty());
  EXPECT_EQ(FindDomain(result, "1").score, std::optional<Rational>(8));
  EXPECT_EQ(FindDomain(result, "2").score,
            std::optional<Rational>(Rational(23, 3)));
  EXPECT_EQ(FindDomain(result, "3").score, std::optional<Rational>(6));
  EXPECT_EQ(result.total, std::optional<Rational>(Rational(65, 3)));
  EXPECT_EQ(result.rating.Name(Eds2022Rubric()), "Developing");
  EXPECT_EQ(result.max, Rational(33));
  ASSERT_EQ(result.domains.size(), 3u);
  EXPECT_EQ(result.domains[0].max, Rational(12));
  EXPECT_EQ(result.domains[1].max, Rational(12));
  EXPECT_EQ(result.domains[2].max, Rational(9));
  EXPECT_EQ(result.domains[0].name, "Commissioned or provided services");
  EXPECT_TRUE(result.domains[0].services.empty());
  Strings order;
  for (const DomainResult& domain : result.domains) {
    for (const OutcomeResult& outcome : domain.outcomes) {
      order.push_back(outcome.id);
    }
  }
  EXPECT_EQ(order, (Strings{"1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D",
                            "3A", "3B", "3C"}));
}

// SPEC §4.4: half-open bands; 21.5 is Developing.
TEST(GradeTest, RatingBandEdges) {
  struct Case {
    int halves;
    const char* want;
  };
  const Case cases[] = {
      {0, "Undeveloped"}, {15, "Undeveloped"}, {16, "Developing"},
      {42, "Developing"}, {43, "Developing"},  {44, "Achieving"},
      {64, "Achieving"},  {65, "Achieving"},   {66, "Excelling"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.halves);
    const GradeResult result =
        Grade(AssessmentWithTotalHalves(c.halves), Eds2022Rubric());
    ASSERT_TRUE(result.complete);
    EXPECT_EQ(result.total, std::optional<Rational>(Rational(c.halves, 2)));
    EXPECT_EQ(result.rating.Name(Eds2022Rubric()), c.want);
  }
}

TEST(GradeTest, DomainOneConsolidatedIsTheSumOfOneAToOneD) {
  Assessment assessment = BaseAssessment();
  Rate(assessment, "1A", {2, 2});
  Rate(assessment, "1B", {2, 3});
  Rate(assessment, "1C", {1, 1});
  Rate(assessment, "1D", {}, 3);
  const GradeResult result = Grade(assessment, Eds2022Rubric());
  const DomainResult& one = FindDomain(result, "1");
  EXPECT_TRUE(one.services.empty());
  EXPECT_EQ(one.score, std::optional<Rational>(Rational(17, 2)));
  EXPECT_EQ(one.level.Name(Eds2022Rubric()), "Achieving");  // 8.5 / 4 = 2.125
  EXPECT_EQ(FindOutcome(result, "1B").score,
            std::optional<Rational>(Rational(5, 2)));
}

TEST(GradeTest, DomainOnePerServiceCombinesServiceTotals) {
  struct Case {
    ServicesPolicy services;
    RoundingPolicy rounding;
    Rational want_domain;
    Rational want_1a;  // services score 2, 2, 3
    Rational want_1c;  // services score 1.5, 1, 2
    const char* want_level;
  };
  const Case cases[] = {
      {ServicesPolicy::kMedian, RoundingPolicy::kHalf, Rational(15, 2), 2,
       Rational(3, 2), "Developing"},
      {ServicesPolicy::kMedian, RoundingPolicy::kDown, 7, 2, 1, "Developing"},
      {ServicesPolicy::kMean, RoundingPolicy::kHalf, Rational(15, 2), 2,
       Rational(3, 2), "Developing"},
      {ServicesPolicy::kMean, RoundingPolicy::kNone, Rational(47, 6),
       Rational(7, 3), Rational(3, 2), "Developing"},
      {ServicesPolicy::kMean, RoundingPolicy::kDown, 7, 2, 1, "Developing"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(PolicyWord(c.services)) + " " +
                 PolicyWord(c.rounding));
    Assessment assessment = BaseAssessment();
    assessment.policy.services = c.services;
    assessment.policy.rounding = c.rounding;
    assessment.services = ThreeServices();
    const GradeResult result = Grade(assessment, Eds2022Rubric());
    const DomainResult& one = FindDomain(result, "1");
    EXPECT_EQ(one.score, std::optional<Rational>(c.want_domain))
        << "got " << Show(one.score);
    EXPECT_EQ(one.level.Name(Eds2022Rubric()), c.want_level);
    EXPECT_EQ(one.max, Rational(12));
    EXPECT_EQ(FindOutcome(result, "1A").score,
              std::optional<Rational>(c.want_1a))
        << "got " << Show(FindOutcome(result, "1A").score);
    EXPECT_EQ(FindOutcome(result, "1C").score,
              std::optional<Rational>(c.want_1c))
        << "got " << Show(FindOutcome(result, "1C").score);
    ASSERT_EQ(one.services.size(), 3u);
    EXPECT_EQ(one.services[0].id, "nhs-111");
    EXPECT_EQ(one.services[0].name, "NHS 111");
    EXPECT_EQ(one.services[1].id, "ed");
    EXPECT_EQ(one.services[2].id, "maternity");
    EXPECT_EQ(one.services[1].total, std::optional<Rational>(7));
    EXPECT_EQ(one.services[2].total, std::optional<Rational>(9));
    ASSERT_EQ(one.services[0].outcomes.count("1C"), 1u);
    const ServiceOutcomeResult& nhs_1c = one.services[0].outcomes.at("1C");
    EXPECT_EQ(nhs_1c.combined, std::optional<Rational>(Rational(3, 2)));
    EXPECT_EQ(nhs_1c.rating_count, 2);
    EXPECT_FALSE(nhs_1c.from_agreed);
    if (c.rounding == RoundingPolicy::kDown) {
      // Service outcome 1.5 rounds down to 1, so the totals are 7, 7, 9.
      EXPECT_EQ(one.services[0].total, std::optional<Rational>(7));
      EXPECT_EQ(nhs_1c.score, std::optional<Rational>(1));
    } else {
      EXPECT_EQ(one.services[0].total,
                std::optional<Rational>(Rational(15, 2)));
      EXPECT_EQ(nhs_1c.score, std::optional<Rational>(Rational(3, 2)));
    }
  }
}

TEST(GradeTest, DomainOneWithTwoServicesTakesTheMeanOfTheMiddle) {
  Assessment assessment = BaseAssessment();
  assessment.services = {ThreeServices()[1], ThreeServices()[2]};  // 7 and 9
  const GradeResult result = Grade(assessment, Eds2022Rubric());
  EXPECT_EQ(FindDomain(result, "1").score, std::optional<Rational>(8));
  // 1A: services 2 and 3, median 2.5.
  EXPECT_EQ(FindOutcome(result, "1A").score,
            std::optional<Rational>(Rational(5, 2)));
}

TEST(GradeTest, DomainOneServicesAndDirectAgreeOnTheSameRatings) {
  Assessment direct = BaseAssessment();
  Assessment per_service = BaseAssessment();
  const std::vector<std::pair<std::string, std::vector<int>>> ratings = {
      {"1A", {2, 3}}, {"1B", {1, 1}}, {"1C", {2, 2}}, {"1D", {0, 3, 3}}};
  Service only{"only", "The only service", {}};
  for (const auto& [id, points] : ratings) {
    Rate(direct, id, points);
    only.outcomes[id] = Entry(id, points);
  }
  per_service.services = {only};
  const GradeResult a = Grade(direct, Eds2022Rubric());
  const GradeResult b = Grade(per_service, Eds2022Rubric());
  EXPECT_EQ(FindDomain(a, "1").score, std::optional<Rational>(Rational(17, 2)));
  EXPECT_EQ(FindDomain(b, "1").score, FindDomain(a, "1").score);
  for (const auto& [id, points] : ratings) {
    EXPECT_EQ(FindOutcome(b, id).score, FindOutcome(a, id).score) << id;
  }
}

TEST(GradeTest, UnratedOutcomesMakeTheAssessmentIncomplete) {
  Assessment assessment = BaseAssessment();
  for (const std::string& id : Eds2022Rubric().OutcomeIds()) {
    Rate(assessment, id, {2, 2});
  }
  assessment.outcomes.erase("1A");
  assessment.outcomes.erase("2B");
  assessment.outcomes["3C"] = OutcomeEntry{};  // `3C:` with no value
  assessment.outcomes["3C"].outcome_id = "3C";
  const GradeResult result = Grade(assessment, Eds2022Rubric());
  EXPECT_FALSE(result.complete);
  EXPECT_EQ(result.total, std::nullopt);
  EXPECT_FALSE(result.rating.complete());
  EXPECT_EQ(result.max, Rational(33));
  EXPECT_EQ(result.missing,
            (Strings{"1A Access is not rated",
                     "2B Free from abuse, harassment, bullying and violence is "
                     "not rated",
                     "3C Levers to manage performance is not rated"}));
  EXPECT_EQ(FindDomain(result, "1").score, std::nullopt);
  EXPECT_EQ(FindDomain(result, "1").level.Name(Eds2022Rubric()), "");
  EXPECT_EQ(FindDomain(result, "2").score, std::nullopt);
  EXPECT_EQ(FindDomain(result, "3").score, std::nullopt);
  EXPECT_EQ(FindOutcome(result, "1A").score, std::nullopt);
  EXPECT_EQ(FindOutcome(result, "1A").level.Name(Eds2022Rubric()), "");
  EXPECT_EQ(FindOutcome(result, "1B").score, std::optional<Rational>(2));
  for (const Flag& flag : result.flags) {
    EXPECT_NE(flag.code, "near-boundary");
  }
}

TEST(GradeTest, AnUnratedServiceOutcomeNullsItsServiceDomainAndOutcome) {
  Assessment assessment = AssessmentWithTotalHalves(66);
  for (const char* id : {"1A", "1B", "1C", "1D"}) assessment.outcomes.erase(id);
  assessment.services = ThreeServices();
  assessment.services[1].outcomes.erase("1C");
  assessment.services[2].outcomes.erase("1A");
  assessment.services[2].outcomes.erase("1C");
  const GradeResult result = Grade(assessment, Eds2022Rubric());
  EXPECT_FALSE(result.complete);
  EXPECT_EQ(result.total, std::nullopt);
  EXPECT_FALSE(result.rating.complete());
  EXPECT_EQ(result.missing,
            (Strings{"1A Access is not rated for service 'Maternity' "
                     "(maternity)",
                     "1C Free from harm is not rated for service 'Emergency "
                     "department' (ed)",
                     "1C Free from harm is not rated for service 'Maternity' "
                     "(maternity)"}));
  const DomainResult& one = FindDomain(result, "1");
  EXPECT_EQ(one.score, std::nullopt);
  EXPECT_EQ(one.services[0].total, std::optional<Rational>(Rational(15, 2)));
  EXPECT_EQ(one.services[1].total, std::nullopt);
  EXPECT_EQ(one.services[2].total, std::nullopt);
  EXPECT_EQ(one.services[2].outcomes.at("1A").score, std::nullopt);
  EXPECT_EQ(one.services[2].outcomes.at("1B").score,
            std::optional<Rational>(2));
  EXPECT_EQ(FindOutcome(result, "1A").score, std::nullopt);
  EXPECT_EQ(FindOutcome(result, "1B").score, std::optional<Rational>(2));
  EXPECT_EQ(FindOutcome(result, "1C").score, std::nullopt);
  EXPECT_EQ(FindDomain(result, "2").score, std::optional<Rational>(12));
}

TEST(GradeTest, NothingRatedListsEveryOutcome) {
  const GradeResult result = Grade(BaseAssessment(), Eds2022Rubric());
  EXPECT_FALSE(result.complete);
  EXPECT_EQ(result.missing.size(), 11u);
  EXPECT_TRUE(result.flags.empty());
  EXPECT_EQ(result.agreement.alpha, std::nullopt);
  EXPECT_EQ(result.agreement.pairable, 0);
  EXPECT_EQ(result.agreement.metric, "krippendorff-alpha-ordinal");
}

TEST(GradeTest, OutcomeAndDomainLevels) {
  struct Case {
    std::vector<int> domain2_halves;
    std::vector<int> domain3_halves;
    const char* want_domain2;
    const char* want_domain3;
    const char* want_2a;
  };
  const Case cases[] = {
      // 7 / 4 = 1.75 and 8 / 3 = 2.67, rounded down.
      {{4, 4, 4, 2}, {6, 6, 4}, "Developing", "Achieving", "Achieving"},
      {{0, 0, 0, 0}, {6, 6, 6}, "Undeveloped", "Excelling", "Undeveloped"},
      // 3.5 / 4 < 1, but 4 / 4 = 1.
      {{1, 2, 2, 2}, {2, 2, 1}, "Undeveloped", "Undeveloped", "Undeveloped"},
      {{2, 2, 2, 2}, {2, 2, 2}, "Developing", "Developing", "Developing"},
      // 2A 1.5 is Developing; 10.5 / 4 = 2.625 and 7.5 / 3 = 2.5.
      {{3, 6, 6, 6}, {5, 5, 5}, "Achieving", "Achieving", "Developing"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.want_domain2 + std::string(" ") + c.want_domain3);
    std::vector<int> halves = {4, 4, 4, 4};
    halves.insert(halves.end(), c.domain2_halves.begin(),
                  c.domain2_halves.end());
    halves.insert(halves.end(), c.domain3_halves.begin(),
                  c.domain3_halves.end());
    const GradeResult result =
        Grade(DirectAssessment(Eds2022Rubric(), halves), Eds2022Rubric());
    EXPECT_EQ(FindDomain(result, "2").level.Name(Eds2022Rubric()),
              c.want_domain2);
    EXPECT_EQ(FindDomain(result, "3").level.Name(Eds2022Rubric()),
              c.want_domain3);
    EXPECT_EQ(FindOutcome(result, "2A").level.Name(Eds2022Rubric()), c.want_2a);
  }
}

TEST(GradeTest, OutcomeFlags) {
  struct Case {
    const char* name;
    std::vector<int> ratings;
    std::optional<int> agreed;
    RoundingPolicy rounding;
    Strings want;
  };
  const auto kHalf = RoundingPolicy::kHalf;
  const Case cases[] = {
      {"span 3", {0, 3, 2}, {}, kHalf, {"disagreement"}},
      {"span 2", {1, 3}, {}, kHalf, {"disagreement"}},
      {"span 1", {1, 2, 2}, {}, kHalf, {}},
      {"all equal", {2, 2}, {}, kHalf, {}},
      {"one rating", {2}, {}, kHalf, {"single-rater"}},
      {"one rating agreed", {2}, 2, kHalf, {}},
      {"agreed only", {}, 2, kHalf, {}},
      {"unrated", {}, {}, kHalf, {}},
      {"agreed 1.5 above", {1, 2}, 3, kHalf, {"agreed-differs"}},
      {"agreed exactly 1 below", {2, 2}, 1, kHalf, {"agreed-differs"}},
      {"agreed 0.5 above", {1, 2}, 2, kHalf, {}},
      // Before rounding: combined 1.5 (not the rounded 1) is 0.5 from 2.
      {"agreed vs unrounded", {1, 2}, 2, RoundingPolicy::kDown, {}},
      {"agreed 1.5 below unrounded",
       {1, 2},
       0,
       RoundingPolicy::kDown,
       {"agreed-differs"}},
      {"disagreement despite agreed", {0, 3}, 2, kHalf, {"disagreement"}},
      {"disagreement and agreed differs",
       {0, 3},
       3,
       kHalf,
       {"agreed-differs", "disagreement"}},
      {"single rater agreed differs", {0}, 2, kHalf, {"agreed-differs"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Assessment assessment = AssessmentWithTotalHalves(0);
    assessment.policy.rounding = c.rounding;
    Rate(assessment, "2B", c.ratings, c.agreed);
    const GradeResult result = Grade(assessment, Eds2022Rubric());
    EXPECT_EQ(FindOutcome(result, "2B").flags, c.want);
    Strings top;
    for (const Flag& flag : result.flags) {
      if (flag.outcome == "2B") {
        EXPECT_EQ(flag.service, "");
        top.push_back(flag.code);
      }
    }
    std::sort(top.begin(), top.end());
    EXPECT_EQ(top, c.want);
  }
}

TEST(GradeTest, FlagMessages) {
  struct Case {
    std::vector<int> ratings;
    std::optional<int> agreed;
    std::string want;
  };
  const Case cases[] = {
      {{0, 3, 2},
       {},
       "Ratings for 2B span 0 to 3 (Undeveloped to Excelling): discuss and "
       "agree a score."},
      {{1, 3},
       2,
       "Ratings for 2B span 1 to 3 (Developing to Excelling); the panel "
       "agreed 2 (Achieving): record the reasons in the notes."},
      {{2},
       {},
       "2B is scored from a single rating (by Panel member 1): gather more "
       "views or agree a score as a panel."},
      {{1, 2},
       3,
       "The agreed score for 2B (3) is 1.5 points away from the combined "
       "ratings (1.5): record why the panel agreed a different score."},
      {{2, 2},
       1,
       "The agreed score for 2B (1) is 1 point away from the combined "
       "ratings (2): record why the panel agreed a different score."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.want);
    Assessment assessment = BaseAssessment();
    Rate(assessment, "2B", c.ratings, c.agreed);
    const GradeResult result = Grade(assessment, Eds2022Rubric());
    ASSERT_EQ(result.flags.size(), 1u);
    EXPECT_EQ(result.flags[0].outcome, "2B");
    EXPECT_EQ(result.flags[0].message, c.want);
  }
}

TEST(GradeTest, ServiceFlagsRollUpToTheOutcome) {
  Assessment assessment = AssessmentWithTotalHalves(0);
  for (const char* id : {"1A", "1B", "1C", "1D"}) assessment.outcomes.erase(id);
  assessment.services = ThreeServices();
  assessment.services[0].outcomes["1C"] = Entry("1C", {0, 2});
  assessment.services[2].outcomes["1C"] = Entry("1C", {3});
  assessment.services[1].outcomes["1C"] = Entry("1C", {0, 3}, 1);
  assessment.services[0].outcomes["1A"] = Entry("1A", {1, 1}, 3);
  Rate(assessment, "2A", {0, 3});
  const GradeResult result = Grade(assessment, Eds2022Rubric());
  EXPECT_EQ(FlagKeys(result),
            (Strings{"agreed-differs 1A/nhs-111", "disagreement 1C/nhs-111",
                     "disagreement 1C/ed", "single-rater 1C/maternity",
                     "disagreement 2A/"}));
  const DomainResult& one = FindDomain(result, "1");
  EXPECT_EQ(one.services[0].outcomes.at("1C").flags, Strings{"disagreement"});
  EXPECT_EQ(one.services[1].outcomes.at("1C").flags, Strings{"disagreement"});
  EXPECT_EQ(one.services[2].outcomes.at("1C").flags, Strings{"single-rater"});
  EXPECT_EQ(one.services[0].outcomes.at("1A").flags, Strings{"agreed-differs"});
  EXPECT_TRUE(one.services[0].outcomes.at("1B").flags.empty());
  EXPECT_TRUE(one.services[1].outcomes.at("1C").from_agreed);
  EXPECT_EQ(FindOutcome(result, "1C").flags,
            (Strings{"disagreement", "single-rater"}));
  EXPECT_EQ(FindOutcome(result, "1A").flags, Strings{"agreed-differs"});
  EXPECT_TRUE(FindOutcome(result, "1B").flags.empty());
  EXPECT_EQ(result.flags[1].message,
            "Ratings for 1C in service 'NHS 111' (nhs-111) span 0 to 2 "
            "(Undeveloped to Achieving): discuss and agree a score.");
  EXPECT_EQ(result.flags[3].message,
            "1C in service 'Maternity' (maternity) is scored from a single "
            "rating (by Panel member 1): gather more views or agree a score "
            "as a panel.");
}

TEST(GradeTest, FewServicesFlag) {
  struct Case {
    std::size_t services;
    std::string want;  // empty: not raised
  };
  const Case cases[] = {
      {0, ""},
      {1,
       "Only 1 service was assessed for Domain 1 (Commissioned or provided "
       "services): choose at least 3 so that the score reflects the "
       "organisation's services."},
      {2,
       "Only 2 services were assessed for Domain 1 (Commissioned or provided "
       "services): choose at least 3 so that the score reflects the "
       "organisation's services."},
      {3, ""},
      {4, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.services);
    Assessment assessment = AssessmentWithTotalHalves(30);
    for (const char* id : {"1A", "1B", "1C", "1D"}) {
      assessment.outcomes.erase(id);
    }
    for (std::size_t i = 0; i < c.services; ++i) {
      Service service = ThreeServices()[i % 3];
      service.id += std::to_string(i);
      assessment.services.push_back(service);
    }
    const GradeResult result = Grade(assessment, Eds2022Rubric());
    std::vector<const Flag*> found;
    for (const Flag& flag : result.flags) {
      if (flag.code == "few-services") found.push_back(&flag);
    }
    if (c.want.empty()) {
      EXPECT_TRUE(found.empty());
    } else {
      ASSERT_EQ(found.size(), 1u);
      EXPECT_EQ(found[0]->message, c.want);
      EXPECT_EQ(found[0]->outcome, "");
      EXPECT_EQ(found[0]->service, "");
    }
  }
}

TEST(GradeTest, NearBoundaryFlag) {
  struct Case {
    int halves;
    std::string want;  // empty: not raised
  };
  const Case cases[] = {
      {13, ""},
      {14,
       "The total of 7 is 1 point below the Developing band, which starts at "
       "8: check the evidence for outcomes that sit between two levels."},
      {15,
       "The total of 7.5 is 0.5 points below the Developing band, which "
       "starts at 8: check the evidence for outcomes that sit between two "
       "levels."},
      {16, ""},
      {41, ""},
      {42,
       "The total of 21 is 1 point below the Achieving band, which starts at "
       "22: check the evidence for outcomes that sit between two levels."},
      {43,
       "The total of 21.5 is 0.5 points below the Achieving band, which "
       "starts at 22: check the evidence for outcomes that sit between two "
       "levels."},
      {44, ""},
      {63, ""},
      {64,
       "The total of 32 is 1 point below the Excelling band, which starts at "
       "33: check the evidence for outcomes that sit between two levels."},
      {66, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.halves);
    const GradeResult result =
        Grade(AssessmentWithTotalHalves(c.halves), Eds2022Rubric());
    ASSERT_TRUE(result.complete);
    if (c.want.empty()) {
      EXPECT_TRUE(result.flags.empty());
    } else {
      ASSERT_EQ(result.flags.size(), 1u);
      EXPECT_EQ(result.flags[0].code, "near-boundary");
      EXPECT_EQ(result.flags[0].outcome, "");
      EXPECT_EQ(result.flags[0].service, "");
      EXPECT_EQ(result.flags[0].message, c.want);
    }
  }
}

TEST(GradeTest, NoNearBoundaryFlagWhenIncomplete) {
  // Domains 2 and 3 alone total 21, one point below Achieving.
  Assessment assessment = AssessmentWithTotalHalves(66);
  assessment.outcomes.erase("1A");
  const GradeResult result = Grade(assessment, Eds2022Rubric());
  ASSERT_FALSE(result.complete);
  EXPECT_EQ(FindDomain(result, "2").score, std::optional<Rational>(12));
  EXPECT_EQ(FindDomain(result, "3").score, std::optional<Rational>(9));
  EXPECT_TRUE(result.flags.empty());
}

TEST(GradeTest, NearBoundaryUsesTheExactTotal) {
  Assessment assessment = AssessmentWithTotalHalves(42);
  assessment.policy.raters = RatersPolicy::kMean;
  assessment.policy.rounding = RoundingPolicy::kNone;
  Rate(assessment, "3C", {0, 0, 1});  // 1/3 instead of 0
  const GradeResult result = Grade(assessment, Eds2022Rubric());
  ASSERT_TRUE(result.complete);
  EXPECT_EQ(result.total, std::optional<Rational>(Rational(64, 3)));
  EXPECT_EQ(result.rating.Name(Eds2022Rubric()), "Developing");
  EXPECT_EQ(FlagKeys(result), Strings{"near-boundary /"});
  EXPECT_EQ(result.flags[0].message,
            "The total of 21.33 is 0.67 points below the Achieving band, "
            "which starts at 22: check the evidence for outcomes that sit "
            "between two levels.");
}

TEST(GradeTest, TopLevelFlagsAreInRubricOrderThenAssessmentWide) {
  Assessment assessment = AssessmentWithTotalHalves(42);  // near-boundary
  assessment.services = {ThreeServices()[0]};             // few-services
  for (const char* id : {"1A", "1B", "1C", "1D"}) assessment.outcomes.erase(id);
  assessment.services[0].outcomes["1D"] = Entry("1D", {2});
  Rate(assessment, "3A", {3, 3, 1});
  Rate(assessment, "3B", {3, 3});
  Rate(assessment, "2C", {2});
  const GradeResult result = Grade(assessment, Eds2022Rubric());
  ASSERT_TRUE(result.complete);
  EXPECT_EQ(result.total, std::optional<Rational>(Rational(43, 2)));
  EXPECT_EQ(FlagKeys(result),
            (Strings{"single-rater 1D/nhs-111", "single-rater 2C/",
                     "disagreement 3A/", "few-services /", "near-boundary /"}));
}

TEST(GradeTest, AgreementUsesRatingsOfOutcomesAndServiceOutcomes) {
  Assessment assessment = BaseAssessment();
  assessment.services = {
      MakeService("a", "A", {{"1A", 4}, {"1B", 5}}),
      MakeService("b", "B", {{"1A", 3}}),
  };
  assessment.services[1].outcomes["1B"] = Entry("1B", {3}, 0);
  Rate(assessment, "2A", {0, 1, 3}, 2);
  Rate(assessment, "2B", {}, 3);
  Rate(assessment, "3A", {1});
  Rate(assessment, "3B", {2, 2, 2});
  const GradeResult result = Grade(assessment, Eds2022Rubric());
  // Pairable units: service a's 1A and 1B, service b's 1A, 2A and 3B; single
  // ratings and agreed scores add nothing.
  const std::vector<std::vector<double>> units = {
      {2, 2}, {2, 3}, {1, 2}, {0, 1, 3}, {2, 2, 2}, {3}, {1}};
  int pairable = 0;
  const std::optional<double> want =
      KrippendorffAlpha(units, AlphaMetric::kOrdinal, &pairable);
  ASSERT_TRUE(want.has_value());
  EXPECT_EQ(result.agreement.pairable, 12);
  EXPECT_EQ(pairable, 12);
  ASSERT_TRUE(result.agreement.alpha.has_value());
  EXPECT_NEAR(*result.agreement.alpha, *want, 1e-12);
  // Gwet's figures take the same units, over the rubric's four levels
  // (the units without a rating at all are left out).
  const Agreement gwet = MeasureAgreement(units, {0, 1, 2, 3});
  ASSERT_TRUE(gwet.gwet_ac1.has_value());
  EXPECT_EQ(result.agreement.percent_agreement, gwet.percent_agreement);
  EXPECT_EQ(result.agreement.within_one_level, gwet.within_one_level);
  EXPECT_EQ(result.agreement.gwet_ac1, gwet.gwet_ac1);
  EXPECT_EQ(result.agreement.gwet_ac2, gwet.gwet_ac2);
}

TEST(GradeTest, AgreementUndefinedWithoutVariation) {
  const GradeResult result =
      Grade(AssessmentWithTotalHalves(44), Eds2022Rubric());
  // Raters agree within every unit and the units differ: alpha is 1.
  EXPECT_EQ(result.agreement.pairable, 22);
  ASSERT_TRUE(result.agreement.alpha.has_value());
  EXPECT_DOUBLE_EQ(*result.agreement.alpha, 1.0);

  Assessment flat = BaseAssessment();
  for (const std::string& id : Eds2022Rubric().OutcomeIds()) {
    Rate(flat, id, {2, 2, 2});
  }
  const GradeResult flat_result = Grade(flat, Eds2022Rubric());
  EXPECT_EQ(flat_result.agreement.pairable, 33);
  EXPECT_EQ(flat_result.agreement.alpha, std::nullopt);
  // A unanimous panel agreed; only alpha cannot say so.
  EXPECT_EQ(flat_result.agreement.percent_agreement, 1.0);
  EXPECT_EQ(flat_result.agreement.gwet_ac1, 1.0);
  EXPECT_EQ(ReadAgreement(flat_result.agreement), AgreementReading::kAgreed);
}

// The same engine grades a rubric with other levels, bands, domains and
// outcome counts: nothing about EDS 2022 is in the code.
TEST(GradeTest, CustomRubricIsGradedFromItsData) {
  const Rubric rubric = CustomRubric();
  Assessment assessment = BaseAssessment();
  assessment.services = {
      MakeService("x", "X", {{"S1", 8}, {"S2", 5}}),  // 6.5
      MakeService("y", "Y", {{"S1", 6}, {"S2", 6}}),  // 6
      MakeService("z", "Z", {{"S1", 8}, {"S2", 8}}),  // 8
  };
  Rate(assessment, "L1", {4, 4});
  Rate(assessment, "L2", {3, 4});
  Rate(assessment, "L3", {0, 4});
  const GradeResult result = Grade(assessment, rubric);
  ASSERT_TRUE(result.complete);
  EXPECT_EQ(result.max, Rational(20));
  ASSERT_EQ(result.domains.size(), 2u);
  EXPECT_EQ(result.domains[0].id, "S");
  EXPECT_EQ(result.domains[0].max, Rational(8));
  EXPECT_EQ(result.domains[1].max, Rational(12));
  EXPECT_EQ(result.domains[0].score, std::optional<Rational>(Rational(13, 2)));
  EXPECT_EQ(result.domains[0].level.Name(rubric), "Good");  // 6.5 / 2 = 3.25
  EXPECT_EQ(result.domains[1].score, std::optional<Rational>(Rational(19, 2)));
  EXPECT_EQ(result.domains[1].level.Name(rubric), "Good");  // 9.5 / 3 = 3.17
  EXPECT_EQ(FindOutcome(result, "S1").score, std::optional<Rational>(4));
  EXPECT_EQ(FindOutcome(result, "S1").level.Name(rubric), "Great");
  EXPECT_EQ(FindOutcome(result, "L3").level.Name(rubric), "Fair");
  EXPECT_EQ(result.total, std::optional<Rational>(16));
  EXPECT_EQ(result.rating.Name(rubric), "Green");
  // Span 4 on L3; no few-services with three services; 16 is 2 below Gold.
  EXPECT_EQ(FlagKeys(result), Strings{"disagreement L3/"});
  EXPECT_EQ(result.flags[0].message,
            "Ratings for L3 span 0 to 4 (None to Great): discuss and agree a "
            "score.");
}

TEST(GradeTest, CustomRubricBandEdges) {
  struct Case {
    std::vector<int> halves;  // S1 S2 L1 L2 L3, rated directly
    Rational want_total;
    const char* want_rating;
    Strings want_flags;
  };
  const Case cases[] = {
      {{0, 0, 0, 0, 0}, 0, "Red", {}},
      {{2, 2, 2, 2, 3}, Rational(11, 2), "Red", {"near-boundary /"}},
      {{2, 2, 2, 2, 4}, 6, "Amber", {}},
      {{4, 4, 4, 4, 7}, Rational(23, 2), "Amber", {"near-boundary /"}},
      {{4, 4, 4, 4, 8}, 12, "Green", {}},
      {{8, 8, 8, 8, 3}, Rational(35, 2), "Green", {"near-boundary /"}},
      {{8, 8, 8, 8, 4}, 18, "Gold", {}},
      {{8, 8, 8, 8, 8}, 20, "Gold", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.want_total.ToString());
    const GradeResult result =
        Grade(DirectAssessment(CustomRubric(), c.halves), CustomRubric());
    ASSERT_TRUE(result.complete);
    EXPECT_EQ(result.total, std::optional<Rational>(c.want_total));
    EXPECT_EQ(result.rating.Name(CustomRubric()), c.want_rating);
    EXPECT_EQ(FlagKeys(result), c.want_flags);
  }
}

}  // namespace
}  // namespace eds
