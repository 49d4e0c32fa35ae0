#ifndef EDS_CLI_OPTIONS_H_
#define EDS_CLI_OPTIONS_H_

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "eds/status.h"

namespace eds::cli {

// What a subcommand accepts besides its options, for usage and help text.
struct CommandSpec {
  const char* name;     // "grade"
  const char* usage;    // "eds3 grade FILE [-o OUT.xlsx] ..."
  const char* summary;  // one sentence for --help
  const char* operand;  // "FILE", named in "missing FILE"
  std::size_t min_operands;
  std::size_t max_operands;
  const char* details;  // help text after the options; may be ""
};

// A subcommand's command line once parsed.
struct ParsedCommand {
  boost::program_options::variables_map options;
  std::vector<std::string> operands;  // the arguments that are not options
};

// Parses a subcommand's `args` against `options` (the command's own; -h,
// --help and --version are added here). Options are never abbreviated, long
// options need two dashes, and "--" ends the options.
//
// Returns true when the command should run, with `parsed` filled. Returns
// false when it should stop with `*exit_status`: kSuccess after printing the
// help (or the version) to `out`; kUsage after printing a usage error to
// `err` (an unknown
// option with a "did you mean" hint, a missing or repeated value, too few or
// too many operands). No Boost exception escapes.
bool ParseCommand(const CommandSpec& spec,
                  const boost::program_options::options_description& options,
                  const std::vector<std::string>& args, ParsedCommand* parsed,
                  std::ostream& out, std::ostream& err,
                  ExitStatus* exit_status);

// Prints a usage error for `spec` as ParseCommand does and returns kUsage,
// for problems found after parsing (a malformed --year, two outputs at one
// path).
ExitStatus UsageError(const CommandSpec& spec, const std::string& message,
                      std::ostream& err);

}  // namespace eds::cli

#endif  // EDS_CLI_OPTIONS_H_
