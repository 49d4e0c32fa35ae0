#ifndef EDS_CLI_APP_H_
#define EDS_CLI_APP_H_

#include <ostream>
#include <string>
#include <vector>

#include "eds/status.h"

namespace eds::cli {

// Runs eds3 with `args` (without the program name), writing the summary to
// `out` and diagnostics to `err`. Returns the exit status (SPEC §2).
ExitStatus Run(const std::vector<std::string>& args, std::ostream& out,
               std::ostream& err);

}  // namespace eds::cli

#endif  // EDS_CLI_APP_H_
