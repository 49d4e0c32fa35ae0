#ifndef EDS_CLI_HISTORY_CLI_H_
#define EDS_CLI_HISTORY_CLI_H_

// What `compare` and `rollup` share on the command line: the outputs
// (-o, --json, --markdown, --html) and checking their paths.

#include <boost/program_options/options_description.hpp>
#include <string>
#include <vector>

#include "eds/file_system.h"
#include "options.h"
#include "staged_outputs.h"

namespace eds::cli {

// Adds -o/--output, --json, --markdown and --html to `options`, stored in
// `paths`.
void AddHistoryOutputOptions(
    boost::program_options::options_description& options, OutputFiles* paths);

// The usage problem with the outputs, or "": no output at all (-o is needed
// unless --json, --markdown or --html is given), an empty file name, an output
// that is one of `inputs`, or two outputs that are one file.
std::string CheckHistoryOutputs(const ParsedCommand& parsed,
                                const OutputFiles& paths,
                                const std::vector<std::string>& inputs);

// The usage problem of an output that is a file the run has read through
// `fs` (an assessment found in a folder, a ratings CSV, a rubric), or "".
std::string CheckHistoryOutputsAreNotInputs(const ParsedCommand& parsed,
                                            const OutputFiles& paths,
                                            const DiskFileSystem& fs);

}  // namespace eds::cli

#endif  // EDS_CLI_HISTORY_CLI_H_
