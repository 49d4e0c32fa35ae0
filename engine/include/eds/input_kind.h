#ifndef EDS_INPUT_KIND_H_
#define EDS_INPUT_KIND_H_

#include <optional>
#include <string>

#include "eds/assessment.h"
#include "eds/diagnostics.h"
#include "eds/file_system.h"

namespace eds {

// What a YAML file holds, judged from its top-level keys only.
enum class InputKind {
  kAssessment,  // has `eds3`
  kRubric,      // no `eds3`, has both `levels` and `domains`
  kOther,       // a mapping with neither: not an eds3 file
};

// Tells what the YAML `text` (named `file` in diagnostics) holds, so a
// caller searching folders knows which loader to use and what to skip
// (SPEC §5: a file without `eds3` is not an assessment). Text that is not
// strict YAML (yaml_tree rules), or whose top level is not a mapping, is not
// a file of any kind: the problem is added to `diag` and the result is
// nullopt.
std::optional<InputKind> ClassifyInput(const std::string& text,
                                       const std::string& file,
                                       Diagnostics& diag);

// ClassifyInput and, when `text` holds an assessment, ParseAssessment, from
// one parse of the YAML (a folder of assessments is read at half the cost).
// Returns what ClassifyInput returns, adding the same problems to `diag`.
// For InputKind::kAssessment, `*loaded` becomes the assessment, or nullopt
// when it is invalid (every problem in `diag`); otherwise it is unchanged.
std::optional<InputKind> ClassifyAndParseAssessment(
    const std::string& text, const std::string& path, FileSystem& fs,
    Diagnostics& diag, std::optional<LoadedAssessment>* loaded,
    const LoadOptions& options = LoadOptions());

}  // namespace eds

#endif  // EDS_INPUT_KIND_H_
