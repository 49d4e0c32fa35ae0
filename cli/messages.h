#ifndef EDS_CLI_MESSAGES_H_
#define EDS_CLI_MESSAGES_H_

#include <cstddef>
#include <ostream>
#include <string>

#include "eds/diagnostics.h"

namespace eds::cli {

// Prints every diagnostic in the GNU form, each prefixed "eds3: ", and a
// count of the errors beyond the cap that were not kept.
void PrintDiagnostics(const Diagnostics& diag, std::ostream& err);

// Every diagnostic PrintDiagnostics printed since the last call, as a JSON
// array of objects {"severity", "file", "line", "column", "message", "hint",
// "source_line"} (line and column 0 when not known), then forgets them. Only
// kept once RecordPrintedDiagnostics() was called: the web page calls it so
// that it can show each problem at its place without reading the text.
std::string TakePrintedDiagnosticsJson();
void RecordPrintedDiagnostics();

// Prints one problem with the run itself (the command line, a path it names,
// an output) in the same form, prefixed "eds3: ". Not recorded for
// TakePrintedDiagnosticsJson: it has no place in an input file to show.
void PrintRunProblem(const Diagnostic& problem, std::ostream& err);

// "1 invalid file", "3 invalid files": `count` and the `noun` it counts, in
// the plural unless one; for the lines that count files at the end of
// validate and rollup.
std::string CountOf(std::size_t count, const std::string& noun);

}  // namespace eds::cli

#endif  // EDS_CLI_MESSAGES_H_
