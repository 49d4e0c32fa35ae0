#ifndef EDS_SKELETON_H_
#define EDS_SKELETON_H_

#include <cstddef>
#include <string>

#include "eds/rubric.h"
#include "eds/status.h"

namespace eds {

// What `eds3 init` was asked for.
struct SkeletonRequest {
  std::string organisation;  // organisation.name
  std::string year;          // "2024/25"
  // Services to rate Domain 1 (every per-service domain) for; 0 rates those
  // domains once for the organisation.
  std::size_t services = 3;
};

// Writes a ready-to-fill assessment for `rubric` (SPEC §2 `init`): format
// version, rubric id, organisation name and year; every outcome of the
// rubric, in rubric order, as a key with no value (unrated); two example
// stakeholders; services "service-1".."service-N" with placeholder names;
// comments that tell a panel how to rate, with each outcome's title and
// prompt above its key. The result loads without error and grades as
// incomplete. Outcome ids, levels and groups come from `rubric`, never from
// code.
//
// Returns Usage, leaving `yaml` unchanged, when no valid file can be made:
// the organisation name is empty or blank, not one line of UTF-8 text, or
// longer than kMaxTextBytes; the year is not YYYY/YY with YY the year after
// YYYY; or there are more than kMaxServices services.
Status AssessmentSkeleton(const Rubric& rubric, const SkeletonRequest& request,
                          std::string* yaml);

// `text` as a YAML double-quoted scalar, any text at all made safe: quotes,
// backslashes, control characters and Unicode line breaks are escaped.
std::string YamlQuote(const std::string& text);

}  // namespace eds

#endif  // EDS_SKELETON_H_
