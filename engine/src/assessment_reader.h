#ifndef EDS_ENGINE_SRC_ASSESSMENT_READER_H_
#define EDS_ENGINE_SRC_ASSESSMENT_READER_H_

#include <optional>

#include "eds/assessment.h"
#include "eds/diagnostics.h"
#include "eds/file_system.h"
#include "yaml_tree.h"

namespace eds {

// ParseAssessment once the YAML is parsed: reads the assessment from `yaml`
// (and the rubric and CSV files it names, through `fs`). Every problem found
// is added to `diag`; nullopt when there was any error.
std::optional<LoadedAssessment> ReadAssessment(
    const YamlFile& yaml, FileSystem& fs, Diagnostics& diag,
    const LoadOptions& options = LoadOptions());

}  // namespace eds

#endif  // EDS_ENGINE_SRC_ASSESSMENT_READER_H_
