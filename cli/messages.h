#ifndef EDS_CLI_MESSAGES_H_
#define EDS_CLI_MESSAGES_H_

#include <ostream>
#include <string>

#include "eds/diagnostics.h"
#include "eds/status.h"

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

// Prints a failed Status as "eds3: " and its message (which names the file).
void PrintStatus(const Status& status, std::ostream& err);

}  // namespace eds::cli

#endif  // EDS_CLI_MESSAGES_H_
