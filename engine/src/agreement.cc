#include "eds/agreement.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>

namespace eds {
namespace {

constexpr double kConsistentAlpha = 0.8;
constexpr double kTentativeAlpha = 0.667;
// Percent agreement and AC1 from this share up read as agreement whatever
// alpha says (the same bar as alpha's "reliable").
constexpr double kAgreedShare = 0.8;

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

AgreementWeights IdentityWeights(std::size_t categories) {
  AgreementWeights weights(categories, std::vector<double>(categories, 0.0));
  for (std::size_t k = 0; k < categories; ++k) weights[k][k] = 1.0;
  return weights;
}

AgreementWeights QuadraticWeights(const std::vector<double>& categories) {
  const std::size_t q = categories.size();
  AgreementWeights weights(q, std::vector<double>(q, 1.0));
  if (q < 2) return weights;
  const double range = categories.back() - categories.front();
  for (std::size_t k = 0; k < q; ++k) {
    for (std::size_t l = 0; l < q; ++l) {
      const double d = categories[k] - categories[l];
      weights[k][l] = 1.0 - d * d / (range * range);
    }
  }
  return weights;
}

AgreementWeights WithinOneStepWeights(std::size_t categories) {
  AgreementWeights weights(categories, std::vector<double>(categories, 0.0));
  for (std::size_t k = 0; k < categories; ++k) {
    for (std::size_t l = 0; l < categories; ++l) {
      weights[k][l] = (k > l ? k - l : l - k) <= 1 ? 1.0 : 0.0;
    }
  }
  return weights;
}

// Gwet (2014), "Handbook of Inter-Rater Reliability", 4th edition, chapter
// 2 and 3: p_a = (1/n') sum over units with r_i >= 2 of
// sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1)), where r*_ik = sum_l w_kl r_il;
// pi_k = (1/n) sum_i r_ik / r_i over the n units with a rating.
std::optional<ChanceCorrected> ChanceCorrectedAgreement(
    const std::vector<std::vector<double>>& units,
    const std::vector<double>& categories, const AgreementWeights& weights,
    ChanceModel model) {
  const std::size_t q = categories.size();
  if (q < 2 || weights.size() != q) return std::nullopt;
  for (const std::vector<double>& row : weights) {
    if (row.size() != q) return std::nullopt;
  }
  std::vector<double> pi(q, 0.0);
  std::vector<double> counts(q);
  double observed_sum = 0.0;
  int rated = 0;
  int pairable_units = 0;
  for (const std::vector<double>& unit : units) {
    if (unit.empty()) continue;
    std::fill(counts.begin(), counts.end(), 0.0);
    for (double value : unit) {
      const auto it =
          std::lower_bound(categories.begin(), categories.end(), value);
      if (it == categories.end() || *it != value) return std::nullopt;
      counts[static_cast<std::size_t>(it - categories.begin())] += 1.0;
    }
    const double r = static_cast<double>(unit.size());
    ++rated;
    for (std::size_t k = 0; k < q; ++k) pi[k] += counts[k] / r;
    if (unit.size() < 2) continue;
    ++pairable_units;
    double agreeing = 0.0;
    for (std::size_t k = 0; k < q; ++k) {
      if (counts[k] == 0.0) continue;
      double weighted = 0.0;
      for (std::size_t l = 0; l < q; ++l) weighted += weights[k][l] * counts[l];
      agreeing += counts[k] * (weighted - 1.0);
    }
    observed_sum += agreeing / (r * (r - 1.0));
  }
  if (pairable_units == 0) return std::nullopt;
  for (double& share : pi) share /= static_cast<double>(rated);

  double total_weight = 0.0;
  for (const std::vector<double>& row : weights) {
    for (double w : row) total_weight += w;
  }
  const double categories_count = static_cast<double>(q);
  ChanceCorrected result;
  result.observed = observed_sum / static_cast<double>(pairable_units);
  switch (model) {
    case ChanceModel::kGwet: {
      double spread = 0.0;
      for (double share : pi) spread += share * (1.0 - share);
      result.chance =
          total_weight * spread / (categories_count * (categories_count - 1.0));
      break;
    }
    case ChanceModel::kFleiss:
      for (std::size_t k = 0; k < q; ++k) {
        for (std::size_t l = 0; l < q; ++l) {
          result.chance += weights[k][l] * pi[k] * pi[l];
        }
      }
      break;
    case ChanceModel::kBrennanPrediger:
      result.chance = total_weight / (categories_count * categories_count);
      break;
  }
  if (result.chance >= 1.0) return std::nullopt;
  result.coefficient =
      (result.observed - result.chance) / (1.0 - result.chance);
  return result;
}

Agreement MeasureAgreement(const std::vector<std::vector<double>>& units,
                           const std::vector<double>& levels) {
  Agreement agreement;
  agreement.alpha =
      KrippendorffAlpha(units, AlphaMetric::kOrdinal, &agreement.pairable);
  const std::size_t q = levels.size();
  if (const auto exact = ChanceCorrectedAgreement(
          units, levels, IdentityWeights(q), ChanceModel::kGwet)) {
    agreement.percent_agreement = exact->observed;
    agreement.gwet_ac1 = exact->coefficient;
  }
  if (const auto near = ChanceCorrectedAgreement(
          units, levels, WithinOneStepWeights(q), ChanceModel::kGwet)) {
    agreement.within_one_level = near->observed;
  }
  if (const auto quadratic = ChanceCorrectedAgreement(
          units, levels, QuadraticWeights(levels), ChanceModel::kGwet)) {
    agreement.gwet_ac2 = quadratic->coefficient;
  }
  return agreement;
}

std::optional<double> ShownAlpha(const std::optional<double>& alpha) {
  if (!alpha) return std::nullopt;
  const double shown = std::round(*alpha * 1000.0) / 1000.0;
  return shown == 0.0 ? 0.0 : shown;  // no -0
}

AgreementReading ReadAgreement(const Agreement& agreement) {
  const std::optional<double> alpha = ShownAlpha(agreement.alpha);
  const std::optional<double> percent = ShownAlpha(agreement.percent_agreement);
  const std::optional<double> ac1 = ShownAlpha(agreement.gwet_ac1);
  if (!percent) return AgreementReading::kNotDefined;
  if (alpha && *alpha >= kConsistentAlpha) {
    return AgreementReading::kConsistent;
  }
  if (ac1 && *percent >= kAgreedShare && *ac1 >= kAgreedShare) {
    return AgreementReading::kAgreed;
  }
  if (!alpha) return AgreementReading::kNotDefined;
  if (*alpha >= kTentativeAlpha) return AgreementReading::kTentative;
  return AgreementReading::kDisagrees;
}

std::string AgreementWord(AgreementReading reading) {
  switch (reading) {
    case AgreementReading::kNotDefined:
      return "not defined";
    case AgreementReading::kConsistent:
      return "consistent";
    case AgreementReading::kAgreed:
      return "agreed";
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
             "the same outcome.";
    case AgreementReading::kConsistent:
      return "The panel rated consistently (alpha 0.8 or more).";
    case AgreementReading::kAgreed:
      return "The panel agreed (percent agreement and Gwet's AC1 0.8 or "
             "more). Alpha cannot tell much here: most ratings are the same "
             "level, and alpha needs ratings that vary.";
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
