#ifndef EDS_COMPLETENESS_H_
#define EDS_COMPLETENESS_H_

#include <string>

#include "eds/diagnostics.h"
#include "eds/grade.h"
#include "eds/rubric.h"

namespace eds {

// "3 outcomes not rated" (service outcomes counted one by one), or "" when
// the result is complete.
std::string IncompleteSummary(const GradeResult& result);

// What `--require-complete` refuses, added to `diag` as errors located at
// `source` (the assessment file): an outcome not rated, with a note per
// missing outcome, and each flag the rubric lists in `blocking_flags`.
// Returns true when there was nothing to refuse.
bool RequireComplete(const GradeResult& result, const Rubric& rubric,
                     const std::string& source, Diagnostics& diag);

}  // namespace eds

#endif  // EDS_COMPLETENESS_H_
