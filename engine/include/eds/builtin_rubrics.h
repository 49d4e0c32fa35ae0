#ifndef EDS_BUILTIN_RUBRICS_H_
#define EDS_BUILTIN_RUBRICS_H_

#include <string_view>
#include <vector>

namespace eds {

// A rubric compiled into the binary from rubrics/<name>.yaml.
struct BuiltinRubric {
  std::string_view name;  // the file stem, which is also the rubric id
  std::string_view text;  // the YAML text
};

// Every built-in rubric, sorted by name.
const std::vector<BuiltinRubric>& BuiltinRubrics();

}  // namespace eds

#endif  // EDS_BUILTIN_RUBRICS_H_
