#ifndef EDS_CLI_OUTPUT_PATHS_H_
#define EDS_CLI_OUTPUT_PATHS_H_

#include <string>
#include <vector>

#include "eds/file_system.h"

namespace eds::cli {

// What each kind of output's name must end in.
inline constexpr char kWorkbookExtension[] = ".xlsx";
inline constexpr char kJsonExtension[] = ".json";
inline constexpr char kMarkdownExtension[] = ".md";
inline constexpr char kHtmlExtension[] = ".html";

// One file a run is asked to write.
struct OutputPath {
  const char* what;    // "workbook", "JSON", "Markdown", in messages
  const char* option;  // "--output", as the user names it
  std::string path;
  // What the name must end in (".xlsx"), in any letter case; nullptr
  // checks nothing.
  const char* extension = nullptr;
};

// The path that names standard output (--json -, --markdown -, --html -).
inline constexpr char kStandardOutput[] = "-";

// True when one of `outputs` is standard output.
bool WritesStandardOutput(const std::vector<OutputPath>& outputs);

// `path` as the summary names it: "standard output" for "-".
std::string OutputName(const std::string& path);

// The usage problem with a run's outputs, or "": an empty file name
// ("--json="), a name that does not end in the output's extension (an xlsx
// named report.pdf), an output that would replace one of `inputs`, two
// outputs that are one file, or two on standard output. Paths are compared
// as files, however they are spelt
// ("a.json", "./a.json", through a link).
std::string CheckOutputPaths(const std::vector<OutputPath>& outputs,
                             const std::vector<std::string>& inputs);

// The usage problem of an output that is a file `fs` has read (a ratings CSV,
// a rubric, an assessment found in a folder), or "": writing it would
// destroy an input of the run.
std::string CheckOutputsAreNotInputs(const std::vector<OutputPath>& outputs,
                                     const DiskFileSystem& fs);

}  // namespace eds::cli

#endif  // EDS_CLI_OUTPUT_PATHS_H_
