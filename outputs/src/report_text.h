#ifndef EDS_OUTPUTS_SRC_REPORT_TEXT_H_
#define EDS_OUTPUTS_SRC_REPORT_TEXT_H_

// Small pieces of wording that several writers share, so the workbook and
// the Markdown say a thing the same way.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eds/rating.h"
#include "eds/rubric.h"

namespace eds {

// What stands where a score would: an outcome without a score is not rated;
// a sum or a combination of scores (a service total, a domain, a total) is
// kIncompleteSum (eds/rating.h) when any of its outcomes is not rated.
inline constexpr char kNotRated[] = "not rated";
// Where a change between two totals would stand when their rubrics'
// maximum totals differ.
inline constexpr char kNotComparable[] =
    "not comparable: the rubrics' maxima differ";

// The items with `separator` between them: Join({"a", "b"}, ", ") is "a, b".
std::string Join(const std::vector<std::string>& items,
                 std::string_view separator);

// A list in words: "1A, 1B, 1C and 1D".
std::string JoinAnd(const std::vector<std::string>& items);

// An agreement metric as words: "krippendorff-alpha-ordinal" is
// "Krippendorff's alpha (ordinal)"; an unknown one stays as it is.
std::string MetricWords(const std::string& metric);

// An agreement figure as shown (ShownAlpha): a share as a percentage with
// one decimal ("97.2%"), any other figure with three decimals ("0.971"),
// and "not defined" for nullopt.
std::string ShareText(const std::optional<double>& share);
std::string FigureText(const std::optional<double>& figure);

// A reviewer role id as words: "trade-union" is "Trade union".
std::string RoleWords(const std::string& role);

}  // namespace eds

#endif  // EDS_OUTPUTS_SRC_REPORT_TEXT_H_
