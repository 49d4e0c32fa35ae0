#include "report_text.h"

#include <fmt/format.h>

#include <cstddef>

#include "eds/agreement.h"

namespace eds {

std::string Join(const std::vector<std::string>& items,
                 std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string JoinAnd(const std::vector<std::string>& items) {
  if (items.size() <= 1) return Join(items, "");
  const std::vector<std::string> head(items.begin(), items.end() - 1);
  return Join(head, ", ") + " and " + items.back();
}

std::string MetricWords(const std::string& metric) {
  return metric == kAlphaOrdinalMetric
             ? std::string("Krippendorff's alpha (ordinal)")
             : metric;
}

std::string ShareText(const std::optional<double>& share) {
  const std::optional<double> shown = ShownAlpha(share);
  if (!shown) return "not defined";
  return fmt::format("{:.1f}%", *shown * 100.0);
}

std::string FigureText(const std::optional<double>& figure) {
  const std::optional<double> shown = ShownAlpha(figure);
  if (!shown) return "not defined";
  return fmt::format("{:.3f}", *shown);
}

std::string RoleWords(const std::string& role) {
  std::string words = role;
  for (char& c : words) {
    if (c == '-') c = ' ';
  }
  if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') {
    words[0] = static_cast<char>(words[0] - 'a' + 'A');
  }
  return words;
}

}  // namespace eds
