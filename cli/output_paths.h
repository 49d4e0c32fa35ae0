#ifndef EDS_CLI_OUTPUT_PATHS_H_
#define EDS_CLI_OUTPUT_PATHS_H_

#include <string>
#include <vector>

namespace eds::cli {

// One file a run is asked to write.
struct OutputPath {
  const char* what;    // "workbook", "JSON", "Markdown", in messages
  const char* option;  // "--output", as the user names it
  std::string path;
};

// The usage problem with a run's outputs, or "": an empty file name
// ("--json="), an output that would replace one of `inputs`, or two outputs
// that are one file. Paths are compared as files, however they are spelt
// ("a.json", "./a.json", through a link).
std::string CheckOutputPaths(const std::vector<OutputPath>& outputs,
                             const std::vector<std::string>& inputs);

}  // namespace eds::cli

#endif  // EDS_CLI_OUTPUT_PATHS_H_
