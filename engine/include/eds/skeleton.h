#ifndef EDS_SKELETON_H_
#define EDS_SKELETON_H_

#include <cstddef>
#include <string>
#include <vector>

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

// One row of the score sheet `init --score-sheet` writes: the ids a panel
// member leaves alone, with names beside them to read.
struct ScoreSheetRow {
  std::string service, service_name;  // empty for a domain rated once
  std::string outcome, outcome_title;
  std::string stakeholder, stakeholder_name;
};

// The rows of that sheet for the skeleton of the same request: one per
// service x outcome x stakeholder, in rubric order (every service's
// per-service outcomes first, then the others), stakeholders in the
// skeleton's order.
std::vector<ScoreSheetRow> ScoreSheetRows(const Rubric& rubric,
                                          const SkeletonRequest& request);

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
//
// `score_sheet`, when not empty, is a score sheet the skeleton names under
// `score_sheets` (a path relative to the skeleton's folder).
Status AssessmentSkeleton(const Rubric& rubric, const SkeletonRequest& request,
                          std::string* yaml,
                          const std::string& score_sheet = "");

// `text` as a YAML double-quoted scalar, any text at all made safe: quotes,
// backslashes, control characters and Unicode line breaks are escaped.
std::string YamlQuote(const std::string& text);

}  // namespace eds

#endif  // EDS_SKELETON_H_
