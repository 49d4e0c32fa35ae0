#ifndef EDS_CLI_MESSAGES_H_
#define EDS_CLI_MESSAGES_H_

#include <ostream>

#include "eds/diagnostics.h"
#include "eds/status.h"

namespace eds::cli {

// Prints every diagnostic in the GNU form, each prefixed "eds3: ", and a
// count of the errors beyond the cap that were not kept.
void PrintDiagnostics(const Diagnostics& diag, std::ostream& err);

// Prints a failed Status as "eds3: " and its message (which names the file).
void PrintStatus(const Status& status, std::ostream& err);

}  // namespace eds::cli

#endif  // EDS_CLI_MESSAGES_H_
