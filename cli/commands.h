#ifndef EDS_CLI_COMMANDS_H_
#define EDS_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

#include "eds/status.h"

namespace eds::cli {

// Each subcommand takes its own arguments (after the subcommand's name) and
// returns the exit status (SPEC §2).
ExitStatus RunGrade(const std::vector<std::string>& args, std::ostream& out,
                    std::ostream& err);
ExitStatus RunValidate(const std::vector<std::string>& args, std::ostream& out,
                       std::ostream& err);
ExitStatus RunCompare(const std::vector<std::string>& args, std::ostream& out,
                      std::ostream& err);
ExitStatus RunRollup(const std::vector<std::string>& args, std::ostream& out,
                     std::ostream& err);
ExitStatus RunInit(const std::vector<std::string>& args, std::ostream& out,
                   std::ostream& err);
ExitStatus RunRubric(const std::vector<std::string>& args, std::ostream& out,
                     std::ostream& err);

}  // namespace eds::cli

#endif  // EDS_CLI_COMMANDS_H_
