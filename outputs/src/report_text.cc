#include "report_text.h"

#include <cstddef>

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
  return metric == "krippendorff-alpha-ordinal"
             ? std::string("Krippendorff's alpha (ordinal)")
             : metric;
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
