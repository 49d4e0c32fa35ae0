#include "eds/agreement.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace eds {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// Turns a coders × units table (kMissing where a coder gave no value) into
// the per-unit value lists KrippendorffAlpha takes.
std::vector<std::vector<double>> Units(
    const std::vector<std::vector<double>>& coders) {
  std::vector<std::vector<double>> units(coders.front().size());
  for (const std::vector<double>& coder : coders) {
    for (std::size_t u = 0; u < coder.size(); ++u) {
      if (!std::isnan(coder[u])) units[u].push_back(coder[u]);
    }
  }
  return units;
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the
// example with 4 observers, 12 units and missing values.
std::vector<std::vector<double>> Krippendorff2011() {
  const double _ = kMissing;
  return Units({
      {1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _},
      {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3},
      {_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _},
      {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _},
  });
}

// Wikipedia, "Krippendorff's alpha", the computational example with 3 coders
// and 15 units.
std::vector<std::vector<double>> WikipediaExample() {
  const double _ = kMissing;
  return Units({
      {_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3},
      {1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _},
      {_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4},
  });
}

const char* MetricName(AlphaMetric metric) {
  switch (metric) {
    case AlphaMetric::kNominal:
      return "nominal";
    case AlphaMetric::kOrdinal:
      return "ordinal";
    case AlphaMetric::kInterval:
      return "interval";
  }
  return "?";
}

TEST(KrippendorffAlphaTest, PublishedValues) {
  struct Case {
    const char* source;
    std::vector<std::vector<double>> units;
    AlphaMetric metric;
    double want;
    int want_pairable;
  };
  const Case cases[] = {
      {"Krippendorff 2011", Krippendorff2011(), AlphaMetric::kNominal, 0.743,
       40},
      {"Krippendorff 2011", Krippendorff2011(), AlphaMetric::kOrdinal, 0.815,
       40},
      {"Krippendorff 2011", Krippendorff2011(), AlphaMetric::kInterval, 0.849,
       40},
      {"Wikipedia", WikipediaExample(), AlphaMetric::kNominal, 0.691, 26},
      {"Wikipedia", WikipediaExample(), AlphaMetric::kInterval, 0.811, 26},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.source) + " " + MetricName(c.metric));
    int pairable = -1;
    const std::optional<double> alpha =
        KrippendorffAlpha(c.units, c.metric, &pairable);
    ASSERT_TRUE(alpha.has_value());
    EXPECT_NEAR(*alpha, c.want, 0.0005);
    EXPECT_EQ(pairable, c.want_pairable);
  }
}

TEST(KrippendorffAlphaTest, SmallCasesComputedByHand) {
  struct Case {
    const char* name;
    std::vector<std::vector<double>> units;
    AlphaMetric metric;
    double want;
  };
  const Case cases[] = {
      // Perfect agreement with variation is 1, computed, not assumed.
      {"perfect", {{1, 1}, {2, 2}}, AlphaMetric::kNominal, 1.0},
      {"perfect ordinal", {{0, 0, 0}, {3, 3}}, AlphaMetric::kOrdinal, 1.0},
      // One unit, two different values: D_o = D_e, alpha 0.
      {"one split unit", {{1, 2}}, AlphaMetric::kNominal, 0.0},
      {"one split unit interval", {{1, 3}}, AlphaMetric::kInterval, 0.0},
      // Systematic disagreement is worse than chance:
      // 1 - (4 - 1) * 4 / (2 * 2 * 2 * 1) = -0.5.
      {"systematic", {{1, 2}, {2, 1}}, AlphaMetric::kNominal, -0.5},
      // Unpairable units change nothing.
      {"with singletons",
       {{1, 2}, {2, 1}, {3}, {}},
       AlphaMetric::kNominal,
       -0.5},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.name) + " " + MetricName(c.metric));
    const std::optional<double> alpha = KrippendorffAlpha(c.units, c.metric);
    ASSERT_TRUE(alpha.has_value());
    EXPECT_NEAR(*alpha, c.want, 1e-12);
  }
}

TEST(KrippendorffAlphaTest, UndefinedWithoutPairableValuesOrVariation) {
  struct Case {
    const char* name;
    std::vector<std::vector<double>> units;
    int want_pairable;
  };
  const Case cases[] = {
      {"no units", {}, 0},
      {"empty units", {{}, {}}, 0},
      {"single values only", {{1}, {2}, {3}}, 0},
      {"no variation", {{2, 2}, {2, 2, 2}}, 5},
      {"no variation among pairable values", {{2, 2}, {3}}, 2},
  };
  const AlphaMetric metrics[] = {AlphaMetric::kNominal, AlphaMetric::kOrdinal,
                                 AlphaMetric::kInterval};
  for (const Case& c : cases) {
    for (AlphaMetric metric : metrics) {
      SCOPED_TRACE(std::string(c.name) + " " + MetricName(metric));
      int pairable = -1;
      EXPECT_EQ(KrippendorffAlpha(c.units, metric, &pairable), std::nullopt);
      EXPECT_EQ(pairable, c.want_pairable);
    }
  }
}

TEST(KrippendorffAlphaTest, PairableIsOptional) {
  EXPECT_TRUE(
      KrippendorffAlpha(Krippendorff2011(), AlphaMetric::kOrdinal).has_value());
}

// Relabel every value of every unit.
template <typename F>
std::vector<std::vector<double>> Map(std::vector<std::vector<double>> units,
                                     F f) {
  for (std::vector<double>& unit : units) {
    for (double& value : unit) value = f(value);
  }
  return units;
}

// Ordinal alpha depends only on the order of the values, interval alpha is
// unchanged by a linear rescaling, nominal alpha only by which values are
// equal; and the metrics differ from each other on the same data.
TEST(KrippendorffAlphaTest, MetricsRespectTheirLevelOfMeasurement) {
  const auto base = Krippendorff2011();
  const auto squared = Map(base, [](double v) { return v * v; });
  const auto rescaled = Map(base, [](double v) { return 10 * v - 3; });
  // A relabelling that keeps neither order nor distances: 1 2 3 4 5 -> 3 5 1
  // 2 4.
  const auto shuffled = Map(base, [](double v) {
    const double labels[] = {0, 3, 5, 1, 2, 4};
    return labels[static_cast<int>(v)];
  });

  const double ordinal = *KrippendorffAlpha(base, AlphaMetric::kOrdinal);
  EXPECT_NEAR(*KrippendorffAlpha(squared, AlphaMetric::kOrdinal), ordinal,
              1e-12);
  EXPECT_GT(std::abs(*KrippendorffAlpha(squared, AlphaMetric::kInterval) -
                     *KrippendorffAlpha(base, AlphaMetric::kInterval)),
            0.001);

  const double interval = *KrippendorffAlpha(base, AlphaMetric::kInterval);
  EXPECT_NEAR(*KrippendorffAlpha(rescaled, AlphaMetric::kInterval), interval,
              1e-12);

  const double nominal = *KrippendorffAlpha(base, AlphaMetric::kNominal);
  EXPECT_NEAR(*KrippendorffAlpha(squared, AlphaMetric::kNominal), nominal,
              1e-12);
  EXPECT_NEAR(*KrippendorffAlpha(shuffled, AlphaMetric::kNominal), nominal,
              1e-12);
  EXPECT_GT(
      std::abs(*KrippendorffAlpha(shuffled, AlphaMetric::kOrdinal) - ordinal),
      0.001);
}

TEST(KrippendorffAlphaTest, OrderOfUnitsAndValuesDoesNotMatter) {
  std::vector<std::vector<double>> units = Krippendorff2011();
  std::vector<std::vector<double>> reversed(units.rbegin(), units.rend());
  for (std::vector<double>& unit : reversed) {
    std::reverse(unit.begin(), unit.end());
  }
  const AlphaMetric metrics[] = {AlphaMetric::kNominal, AlphaMetric::kOrdinal,
                                 AlphaMetric::kInterval};
  for (AlphaMetric metric : metrics) {
    SCOPED_TRACE(MetricName(metric));
    EXPECT_NEAR(*KrippendorffAlpha(reversed, metric),
                *KrippendorffAlpha(units, metric), 1e-12);
  }
}

// irrCAC's `distrib.6raters` (Fleiss 1971: 6 psychiatrists, 15 patients, 5
// diagnoses), as the distribution of raters by subject and category that
// the package's README prints; categories are numbered 1 to 5.
std::vector<std::vector<double>> Distrib6Raters() {
  const int counts[15][5] = {
      {0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6},
      {0, 3, 0, 3, 0}, {2, 0, 4, 0, 0}, {0, 0, 4, 0, 2}, {2, 0, 3, 1, 0},
      {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6}, {1, 0, 0, 5, 0}, {1, 1, 0, 4, 0},
      {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0}, {0, 2, 0, 3, 1},
  };
  std::vector<std::vector<double>> units;
  for (const auto& row : counts) {
    std::vector<double> unit;
    for (int k = 0; k < 5; ++k) unit.insert(unit.end(), row[k], k + 1.0);
    units.push_back(unit);
  }
  return units;
}

// Gwet's irrCAC package (README of github.com/kgwet/irrCAC):
// pa.coeff.raw, gwet.ac1.raw, fleiss.kappa.raw, bp.coeff.raw and
// krippen.alpha.raw on cac.raw4raters (Krippendorff's 4 observers x 12
// units), unweighted and with weights = "quadratic"; gwet.ac1.dist on
// distrib.6raters, and with quadratic weights. irrCAC takes the observed
// values as the categories, so these cases do too.
TEST(ChanceCorrectedAgreementTest, PublishedValues) {
  const std::vector<double> five = {1, 2, 3, 4, 5};
  struct Case {
    const char* name;
    std::vector<std::vector<double>> units;
    AgreementWeights weights;
    ChanceModel model;
    double want_observed;
    double want_coefficient;
    double tolerance;  // half a unit of the last published decimal
  };
  const Case cases[] = {
      {"raw4raters AC1", Krippendorff2011(), IdentityWeights(5),
       ChanceModel::kGwet, 0.8181818, 0.77544, 5e-6},
      {"raw4raters Fleiss", Krippendorff2011(), IdentityWeights(5),
       ChanceModel::kFleiss, 0.8181818, 0.76117, 5e-6},
      {"raw4raters Brennan-Prediger", Krippendorff2011(), IdentityWeights(5),
       ChanceModel::kBrennanPrediger, 0.8181818, 0.77273, 5e-6},
      {"raw4raters AC2 quadratic", Krippendorff2011(), QuadraticWeights(five),
       ChanceModel::kGwet, 0.9753788, 0.914, 5e-4},
      {"distrib.6raters AC1", Distrib6Raters(), IdentityWeights(5),
       ChanceModel::kGwet, 0.5511111, 0.4448007, 5e-8},
      {"distrib.6raters AC2 quadratic", Distrib6Raters(),
       QuadraticWeights(five), ChanceModel::kGwet, 0.8544444, 0.4837438, 5e-8},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::optional<ChanceCorrected> got =
        ChanceCorrectedAgreement(c.units, five, c.weights, c.model);
    ASSERT_TRUE(got.has_value());
    EXPECT_NEAR(got->observed, c.want_observed, 5e-8);
    EXPECT_NEAR(got->coefficient, c.want_coefficient, c.tolerance);
  }
}

// irrCAC's krippen.alpha.raw on the same data: 0.74342 unweighted, 0.84911
// with quadratic weights (the interval alpha).
TEST(KrippendorffAlphaTest, MatchesIrrCacToFiveDecimals) {
  EXPECT_NEAR(*KrippendorffAlpha(Krippendorff2011(), AlphaMetric::kNominal),
              0.74342, 5e-6);
  EXPECT_NEAR(*KrippendorffAlpha(Krippendorff2011(), AlphaMetric::kInterval),
              0.84911, 5e-6);
}

TEST(ChanceCorrectedAgreementTest, WeightsAreThoseOfGwet) {
  EXPECT_EQ(IdentityWeights(2), (AgreementWeights{{1, 0}, {0, 1}}));
  EXPECT_EQ(QuadraticWeights({0, 1, 2, 3}),
            (AgreementWeights{{1, 1 - 1 / 9.0, 1 - 4 / 9.0, 0},
                              {1 - 1 / 9.0, 1, 1 - 1 / 9.0, 1 - 4 / 9.0},
                              {1 - 4 / 9.0, 1 - 1 / 9.0, 1, 1 - 1 / 9.0},
                              {0, 1 - 4 / 9.0, 1 - 1 / 9.0, 1}}));
  EXPECT_EQ(WithinOneStepWeights(4),
            (AgreementWeights{
                {1, 1, 0, 0}, {1, 1, 1, 0}, {0, 1, 1, 1}, {0, 0, 1, 1}}));
}

TEST(ChanceCorrectedAgreementTest, NotDefined) {
  const std::vector<double> levels = {0, 1, 2, 3};
  const struct {
    const char* name;
    std::vector<std::vector<double>> units;
    std::vector<double> categories;
  } kCases[] = {
      {"no units", {}, levels},
      {"single ratings only", {{1}, {2}, {}}, levels},
      {"one category", {{1, 1}}, {1}},
      {"a value that is not a category", {{1, 4}}, levels},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ChanceCorrectedAgreement(c.units, c.categories,
                                       IdentityWeights(c.categories.size()),
                                       ChanceModel::kGwet),
              std::nullopt);
  }
}

// The categories are the rubric's levels, used or not: on a panel that
// only ever gave 1 and 2, chance agreement spreads over four levels.
TEST(MeasureAgreementTest, ComputedByHandOverTheRubricsLevels) {
  // Units {2,2}, {2,1}: p_a = (1 + 0) / 2; pi = (0, 1/4, 3/4, 0);
  // p_e(AC1) = (3/16 + 3/16) / 3 = 1/8; AC1 = (1/2 - 1/8) / (7/8) = 3/7.
  const Agreement agreement = MeasureAgreement({{2, 2}, {2, 1}}, {0, 1, 2, 3});
  ASSERT_TRUE(agreement.percent_agreement.has_value());
  EXPECT_DOUBLE_EQ(*agreement.percent_agreement, 0.5);
  EXPECT_DOUBLE_EQ(*agreement.within_one_level, 1.0);
  EXPECT_NEAR(*agreement.gwet_ac1, 3.0 / 7.0, 1e-12);
  // Quadratic: both pairs agree at least 8/9, so p_a = (1 + 8/9) / 2;
  // p_e = (104/9) (3/8) / 12 = 13/36; AC2 = (17/18 - 13/36) / (23/36).
  EXPECT_NEAR(*agreement.gwet_ac2, (17.0 / 18 - 13.0 / 36) / (23.0 / 36),
              1e-12);
  EXPECT_EQ(agreement.pairable, 4);
  EXPECT_EQ(agreement.metric, "krippendorff-alpha-ordinal");
  EXPECT_EQ(agreement.alpha,
            KrippendorffAlpha({{2, 2}, {2, 1}}, AlphaMetric::kOrdinal));
}

// 71 of 72 ratings the same: alpha is 0 (the paradox of chance-corrected
// coefficients on concentrated ratings); percent agreement and AC1 are high.
TEST(MeasureAgreementTest, NearlyUnanimousPanel) {
  std::vector<std::vector<double>> units(24, std::vector<double>{2, 2, 2});
  units[5] = {2, 2, 1};
  const Agreement agreement = MeasureAgreement(units, {0, 1, 2, 3});
  EXPECT_EQ(ShownAlpha(agreement.alpha), 0.0);
  EXPECT_EQ(ShownAlpha(agreement.percent_agreement), 0.972);
  EXPECT_EQ(ShownAlpha(agreement.within_one_level), 1.0);
  EXPECT_EQ(ShownAlpha(agreement.gwet_ac1), 0.972);
  EXPECT_EQ(ReadAgreement(agreement), AgreementReading::kAgreed);
}

TEST(MeasureAgreementTest, NoPairableUnit) {
  const Agreement agreement = MeasureAgreement({{2}, {1}}, {0, 1, 2, 3});
  EXPECT_EQ(agreement.alpha, std::nullopt);
  EXPECT_EQ(agreement.percent_agreement, std::nullopt);
  EXPECT_EQ(agreement.within_one_level, std::nullopt);
  EXPECT_EQ(agreement.gwet_ac1, std::nullopt);
  EXPECT_EQ(agreement.gwet_ac2, std::nullopt);
  EXPECT_EQ(agreement.pairable, 0);
  EXPECT_EQ(ReadAgreement(agreement), AgreementReading::kNotDefined);
}

TEST(ShownAlphaTest, RoundsToThreeDecimalsNeverMinusZero) {
  EXPECT_EQ(ShownAlpha(std::nullopt), std::nullopt);
  EXPECT_EQ(ShownAlpha(0.7996), 0.8);
  EXPECT_EQ(ShownAlpha(0.7994), 0.799);
  EXPECT_EQ(ShownAlpha(-0.458), -0.458);
  EXPECT_FALSE(std::signbit(*ShownAlpha(-0.0004)));
}

TEST(ReadAgreementTest, FollowsTheFiguresAsShown) {
  const struct {
    const char* name;
    std::optional<double> alpha;
    std::optional<double> percent;
    std::optional<double> ac1;
    AgreementReading reading;
    const char* word;
  } kCases[] = {
      {"no pairable ratings", std::nullopt, std::nullopt, std::nullopt,
       AgreementReading::kNotDefined, "not defined"},
      {"every rating the same", std::nullopt, 1.0, 1.0,
       AgreementReading::kAgreed, "agreed"},
      {"alpha 1", 1.0, 1.0, 1.0, AgreementReading::kConsistent, "consistent"},
      // 0.7996 shows as 0.800, so it reads as consistent, as shown.
      {"alpha shown 0.800", 0.7996, 0.5, 0.4, AgreementReading::kConsistent,
       "consistent"},
      {"alpha shown 0.799", 0.7994, 0.5, 0.4, AgreementReading::kTentative,
       "tentative"},
      {"alpha 0.667", 0.667, 0.5, 0.4, AgreementReading::kTentative,
       "tentative"},
      {"alpha shown 0.666", 0.6664, 0.5, 0.4, AgreementReading::kDisagrees,
       "disagrees"},
      {"near-unanimous", 0.0, 0.972, 0.972, AgreementReading::kAgreed,
       "agreed"},
      {"alpha tentative, agreement high", 0.7, 0.9, 0.85,
       AgreementReading::kAgreed, "agreed"},
      {"percent and AC1 shown 0.800", -0.1, 0.7996, 0.7996,
       AgreementReading::kAgreed, "agreed"},
      {"AC1 shown 0.799", -0.1, 0.9, 0.7994, AgreementReading::kDisagrees,
       "disagrees"},
      {"percent shown 0.799", 0.1, 0.7994, 0.85, AgreementReading::kDisagrees,
       "disagrees"},
      {"systematic disagreement", -0.458, 0.2, -0.1,
       AgreementReading::kDisagrees, "disagrees"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    Agreement agreement;
    agreement.alpha = c.alpha;
    agreement.percent_agreement = c.percent;
    agreement.gwet_ac1 = c.ac1;
    EXPECT_EQ(ReadAgreement(agreement), c.reading);
    EXPECT_EQ(AgreementWord(c.reading), c.word);
  }
}

TEST(ReadAgreementTest, EveryReadingHasASentence) {
  EXPECT_EQ(AgreementSentence(AgreementReading::kConsistent),
            "The panel rated consistently (alpha 0.8 or more).");
  EXPECT_EQ(AgreementSentence(AgreementReading::kAgreed),
            "The panel agreed (percent agreement and Gwet's AC1 0.8 or "
            "more). Alpha cannot tell much here: most ratings are the same "
            "level, and alpha needs ratings that vary.");
  EXPECT_EQ(AgreementSentence(AgreementReading::kTentative),
            "The panel's agreement is tentative (alpha from 0.667 to under "
            "0.8): treat close scores with care.");
  EXPECT_EQ(AgreementSentence(AgreementReading::kDisagrees),
            "The panel disagrees (alpha below 0.667): look at the outcomes "
            "whose ratings are spread before relying on the scores.");
  EXPECT_EQ(AgreementSentence(AgreementReading::kNotDefined),
            "Agreement cannot be measured: it needs two or more ratings of "
            "the same outcome.");
}

}  // namespace
}  // namespace eds
