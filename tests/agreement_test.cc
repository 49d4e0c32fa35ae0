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

TEST(ReadAgreementTest, ReadsTheAlphaAsShownAgainstTheThresholds) {
  const struct {
    std::optional<double> alpha;
    std::optional<double> shown;
    AgreementReading reading;
    const char* word;
  } kCases[] = {
      {std::nullopt, std::nullopt, AgreementReading::kNotDefined,
       "not defined"},
      {1.0, 1.0, AgreementReading::kConsistent, "consistent"},
      {0.8, 0.8, AgreementReading::kConsistent, "consistent"},
      // 0.7996 shows as 0.800, so it reads as consistent, as shown.
      {0.7996, 0.8, AgreementReading::kConsistent, "consistent"},
      {0.7994, 0.799, AgreementReading::kTentative, "tentative"},
      {0.667, 0.667, AgreementReading::kTentative, "tentative"},
      {0.6664, 0.666, AgreementReading::kDisagrees, "disagrees"},
      {0.0, 0.0, AgreementReading::kDisagrees, "disagrees"},
      {-0.0004, 0.0, AgreementReading::kDisagrees, "disagrees"},
      {-0.458, -0.458, AgreementReading::kDisagrees, "disagrees"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.alpha ? std::to_string(*c.alpha) : "null");
    EXPECT_EQ(ShownAlpha(c.alpha), c.shown);
    EXPECT_EQ(ReadAgreement(c.alpha), c.reading);
    EXPECT_EQ(AgreementWord(c.reading), c.word);
  }
  // Never "-0": the sign bit of a shown zero is clear.
  EXPECT_FALSE(std::signbit(*ShownAlpha(-0.0004)));
}

TEST(ReadAgreementTest, EveryReadingHasASentence) {
  EXPECT_EQ(AgreementSentence(AgreementReading::kConsistent),
            "The panel rated consistently (alpha 0.8 or more).");
  EXPECT_EQ(AgreementSentence(AgreementReading::kTentative),
            "The panel's agreement is tentative (alpha from 0.667 to under "
            "0.8): treat close scores with care.");
  EXPECT_EQ(AgreementSentence(AgreementReading::kDisagrees),
            "The panel disagrees (alpha below 0.667): look at the outcomes "
            "whose ratings are spread before relying on the scores.");
  EXPECT_EQ(AgreementSentence(AgreementReading::kNotDefined),
            "Agreement cannot be measured: it needs two or more ratings of "
            "the same outcome, and some variation among them.");
}

}  // namespace
}  // namespace eds
