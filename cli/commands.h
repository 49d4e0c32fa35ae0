#ifndef EDS_CLI_COMMANDS_H_
#define EDS_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

namespace eds::cli {

// Each subcommand takes its own arguments (after the subcommand's name) and
// returns the exit status (SPEC §2).
int RunGrade(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunCompare(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunRollup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunInit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunRubric(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eds::cli

#endif  // EDS_CLI_COMMANDS_H_
