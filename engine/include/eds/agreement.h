#ifndef EDS_AGREEMENT_H_
#define EDS_AGREEMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace eds {

enum class AlphaMetric { kNominal, kOrdinal, kInterval };

// Krippendorff's alpha reliability. `units[u]` holds the values the coders
// gave unit u (missing values simply absent). Units with fewer than two
// values are not pairable and are left out. Returns nullopt when alpha is not
// defined: fewer than two pairable values, or no variation at all.
// `pairable` (if given) receives the number of pairable values.
std::optional<double> KrippendorffAlpha(
    const std::vector<std::vector<double>>& units, AlphaMetric metric,
    int* pairable = nullptr);

// Agreement weights w[k][l] between the k-th and l-th category (1 on the
// diagonal), in the order of the categories given.
using AgreementWeights = std::vector<std::vector<double>>;

// Exact agreement only: the identity matrix.
AgreementWeights IdentityWeights(std::size_t categories);
// Quadratic weights 1 - (c_k - c_l)^2 / (c_max - c_min)^2 (Gwet 2014, §3.4);
// `categories` ascending, at least two of them.
AgreementWeights QuadraticWeights(const std::vector<double>& categories);
// 1 when two categories are at most one step apart in their order, else 0.
AgreementWeights WithinOneStepWeights(std::size_t categories);

// How chance agreement is modelled in Gwet's (2014) general framework.
enum class ChanceModel { kGwet, kFleiss, kBrennanPrediger };

struct ChanceCorrected {
  double observed = 0.0;     // p_a
  double chance = 0.0;       // p_e
  double coefficient = 0.0;  // (p_a - p_e) / (1 - p_e)
};

// A chance-corrected agreement coefficient over raw ratings, computed as
// Gwet's irrCAC package does (gwet.ac1.raw, fleiss.kappa.raw, bp.coeff.raw):
// p_a is the weighted share of agreeing pairs of ratings within a unit,
// averaged over the units with two or more ratings; the category
// proportions behind p_e are averaged over every unit with a rating.
// `categories` are the possible values, ascending; `weights` is square in
// their order. Returns nullopt when no unit has two ratings, there are fewer
// than two categories, a value is not a category, or p_e is 1.
std::optional<ChanceCorrected> ChanceCorrectedAgreement(
    const std::vector<std::vector<double>>& units,
    const std::vector<double>& categories, const AgreementWeights& weights,
    ChanceModel model);

// The one agreement metric the engine measures, as outputs name it (the
// JSON `metric`; writers match it to give its words).
inline constexpr char kAlphaOrdinalMetric[] = "krippendorff-alpha-ordinal";

// A panel's agreement as the outputs show it. Units are outcomes (service ×
// outcome in a per-service domain), values the stakeholders' ratings.
struct Agreement {
  std::string metric = kAlphaOrdinalMetric;
  std::optional<double> alpha;  // nullopt: not defined
  int pairable = 0;             // values in units with two or more ratings
  // Gwet's percent agreement: the share of pairs of ratings of one unit that
  // are the same level, averaged over the units with two or more ratings.
  std::optional<double> percent_agreement;
  // The same share counting pairs at most one level apart as agreeing.
  std::optional<double> within_one_level;
  std::optional<double> gwet_ac1;  // unweighted
  std::optional<double> gwet_ac2;  // quadratic weights
};

// Measures `units` over the rubric's level points `levels` (ascending): the
// categories of AC1 and AC2 are every level of the rubric, not only those
// used. The Gwet figures are nullopt when no unit has two ratings.
Agreement MeasureAgreement(const std::vector<std::vector<double>>& units,
                           const std::vector<double>& levels);

// An agreement figure (alpha, a share, AC1, AC2) as every output shows it:
// rounded to 3 decimals (never -0), enough to read it against the thresholds
// below and free of floating-point noise. nullopt stays nullopt.
std::optional<double> ShownAlpha(const std::optional<double>& alpha);

// How a panel's agreement reads. Krippendorff's conventional thresholds
// decide when alpha can tell: from 0.8 the ratings are reliable, from 0.667
// tentatively so. When alpha is lower (or not defined) but percent agreement
// and Gwet's AC1 are both 0.8 or more, the panel agreed: alpha is low only
// because the ratings barely vary. The thresholds belong to the measures,
// not to the rubric.
enum class AgreementReading {
  kNotDefined,
  kConsistent,
  kAgreed,
  kTentative,
  kDisagrees
};

// The reading of the figures as shown (ShownAlpha), so the words never
// contradict the numbers beside them.
AgreementReading ReadAgreement(const Agreement& agreement);

// A word or two for a table cell: "consistent", "agreed", "tentative",
// "disagrees", "not defined".
std::string AgreementWord(AgreementReading reading);

// One sentence for a panel, e.g. "The panel disagrees (alpha below 0.667):
// look at the outcomes whose ratings are spread before relying on the
// scores."
std::string AgreementSentence(AgreementReading reading);

}  // namespace eds

#endif  // EDS_AGREEMENT_H_
