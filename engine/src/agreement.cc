#include "eds/agreement.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>

namespace eds {
namespace {

constexpr double kConsistentAlpha = 0.8;
constexpr double kTentativeAlpha = 0.667;

// The squared difference function delta^2(c, k) of Krippendorff (2011) for
// the values c = values[i], k = values[j], given the marginal totals n_g of
// the coincidence matrix (`totals`, aligned with the sorted `values`).
double Delta(AlphaMetric metric, const std::vector<double>& values,
             const std::vector<double>& totals, std::size_t i, std::size_t j) {
  switch (metric) {
    case AlphaMetric::kNominal:
      return i == j ? 0.0 : 1.0;
    case AlphaMetric::kOrdinal: {
      const std::size_t lo = std::min(i, j);
      const std::size_t hi = std::max(i, j);
      double between = 0.0;
      for (std::size_t g = lo; g <= hi; ++g) between += totals[g];
      const double d = between - (totals[lo] + totals[hi]) / 2.0;
      return d * d;
    }
    case AlphaMetric::kInterval: {
      const double d = values[i] - values[j];
      return d * d;
    }
  }
  return 0.0;
}

}  // namespace

// The coincidence-matrix form of Krippendorff (2011), "Computing
// Krippendorff's Alpha-Reliability": alpha = 1 - (n - 1) * sum o_ck d_ck /
// sum n_c n_k d_ck, over the distinct values in pairable units.
std::optional<double> KrippendorffAlpha(
    const std::vector<std::vector<double>>& units, AlphaMetric metric,
    int* pairable) {
  std::vector<double> values;
  int n = 0;
  for (const std::vector<double>& unit : units) {
    if (unit.size() < 2) continue;
    n += static_cast<int>(unit.size());
    values.insert(values.end(), unit.begin(), unit.end());
  }
  if (pairable != nullptr) *pairable = n;
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  const std::size_t v = values.size();
  auto index_of = [&values](double value) {
    return static_cast<std::size_t>(std::distance(
        values.begin(), std::lower_bound(values.begin(), values.end(), value)));
  };

  // o[c][k]: each ordered pair of values within a unit of m values adds
  // 1 / (m - 1).
  std::vector<std::vector<double>> o(v, std::vector<double>(v, 0.0));
  std::vector<double> counts(v);
  for (const std::vector<double>& unit : units) {
    if (unit.size() < 2) continue;
    std::fill(counts.begin(), counts.end(), 0.0);
    for (double value : unit) counts[index_of(value)] += 1.0;
    const double weight = 1.0 / static_cast<double>(unit.size() - 1);
    for (std::size_t c = 0; c < v; ++c) {
      if (counts[c] == 0.0) continue;
      for (std::size_t k = 0; k < v; ++k) {
        const double pairs =
            c == k ? counts[c] * (counts[c] - 1.0) : counts[c] * counts[k];
        o[c][k] += pairs * weight;
      }
    }
  }
  std::vector<double> totals(v, 0.0);
  for (std::size_t c = 0; c < v; ++c) {
    for (std::size_t k = 0; k < v; ++k) totals[c] += o[c][k];
  }

  double observed = 0.0;
  double expected = 0.0;
  for (std::size_t c = 0; c < v; ++c) {
    for (std::size_t k = 0; k < v; ++k) {
      const double delta = Delta(metric, values, totals, c, k);
      observed += o[c][k] * delta;
      expected += totals[c] * totals[k] * delta;
    }
  }
  if (n < 2 || expected <= 0.0) return std::nullopt;
  return 1.0 - static_cast<double>(n - 1) * observed / expected;
}

std::optional<double> ShownAlpha(const std::optional<double>& alpha) {
  if (!alpha) return std::nullopt;
  const double shown = std::round(*alpha * 1000.0) / 1000.0;
  return shown == 0.0 ? 0.0 : shown;  // no -0
}

AgreementReading ReadAgreement(const std::optional<double>& alpha) {
  const std::optional<double> shown = ShownAlpha(alpha);
  if (!shown) return AgreementReading::kNotDefined;
  if (*shown >= kConsistentAlpha) return AgreementReading::kConsistent;
  if (*shown >= kTentativeAlpha) return AgreementReading::kTentative;
  return AgreementReading::kDisagrees;
}

std::string AgreementWord(AgreementReading reading) {
  switch (reading) {
    case AgreementReading::kNotDefined:
      return "not defined";
    case AgreementReading::kConsistent:
      return "consistent";
    case AgreementReading::kTentative:
      return "tentative";
    case AgreementReading::kDisagrees:
      return "disagrees";
  }
  return "";
}

std::string AgreementSentence(AgreementReading reading) {
  switch (reading) {
    case AgreementReading::kNotDefined:
      return "Agreement cannot be measured: it needs two or more ratings of "
             "the same outcome, and some variation among them.";
    case AgreementReading::kConsistent:
      return "The panel rated consistently (alpha 0.8 or more).";
    case AgreementReading::kTentative:
      return "The panel's agreement is tentative (alpha from 0.667 to under "
             "0.8): treat close scores with care.";
    case AgreementReading::kDisagrees:
      return "The panel disagrees (alpha below 0.667): look at the outcomes "
             "whose ratings are spread before relying on the scores.";
  }
  return "";
}

}  // namespace eds
