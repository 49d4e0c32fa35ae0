#ifndef EDS_AGREEMENT_H_
#define EDS_AGREEMENT_H_

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

// Alpha as every output shows it: rounded to 3 decimals (never -0), enough
// to read it against the thresholds below and free of floating-point noise.
// nullopt stays nullopt.
std::optional<double> ShownAlpha(const std::optional<double>& alpha);

// How a panel's agreement reads, by Krippendorff's conventional thresholds:
// from 0.8 the ratings are reliable, from 0.667 tentatively so, below that
// they are not. The thresholds belong to the measure, not to the rubric.
enum class AgreementReading { kNotDefined, kConsistent, kTentative, kDisagrees };

// The reading of `alpha` as shown (ShownAlpha), so the words never contradict
// the number beside them.
AgreementReading ReadAgreement(const std::optional<double>& alpha);

// A word or two for a table cell: "consistent", "tentative", "disagrees",
// "not defined".
std::string AgreementWord(AgreementReading reading);

// One sentence for a panel, e.g. "The panel disagrees (alpha below 0.667):
// look at the outcomes whose ratings are spread before relying on the
// scores."
std::string AgreementSentence(AgreementReading reading);

}  // namespace eds

#endif  // EDS_AGREEMENT_H_
