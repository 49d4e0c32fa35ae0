#ifndef EDS_AGREEMENT_H_
#define EDS_AGREEMENT_H_

#include <optional>
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

}  // namespace eds

#endif  // EDS_AGREEMENT_H_
