#include "app.h"

#include <fmt/format.h>

#include "commands.h"
#include "eds/diagnostics.h"
#include "eds/version.h"
#include "messages.h"

namespace eds::cli {
namespace {

struct Subcommand {
  const char* name;
  const char* summary;
  ExitStatus (*run)(const std::vector<std::string>& args, std::ostream& out,
                    std::ostream& err);
};

const std::vector<Subcommand>& Subcommands() {
  static const std::vector<Subcommand> kAll = {
      {"grade", "grade one assessment and write its workbook", RunGrade},
      {"validate", "check assessment and rubric files; write nothing",
       RunValidate},
      {"compare", "the same organisation over two or more years", RunCompare},
      {"rollup", "many organisations and years, for commissioners", RunRollup},
      {"init", "write a ready-to-fill assessment skeleton", RunInit},
      {"rubric", "list the built-in rubrics or show one", RunRubric},
  };
  return kAll;
}

std::string MainHelp() {
  std::string text = fmt::format(
      "eds3 {} - grade NHS Equality Delivery System 2022 assessments\n\n"
      "Usage: eds3 COMMAND [OPTIONS] [ARGS]\n\nCommands:\n",
      kToolVersion);
  for (const Subcommand& command : Subcommands()) {
    text += fmt::format("  {:<10} {}\n", command.name, command.summary);
  }
  text +=
      "\nOptions:\n"
      "  -h, --help     show this help\n"
      "  --version      show the version\n\n"
      "Run 'eds3 COMMAND --help' for a command's options.\n"
      "Exit status: 0 success, 1 invalid input, 2 usage error, 3 a file "
      "cannot be read or written.\n";
  return text;
}

}  // namespace

ExitStatus Run(const std::vector<std::string>& args, std::ostream& out,
               std::ostream& err) {
  if (args.empty()) {
    err << MainHelp();
    return ExitStatus::kUsage;
  }
  const std::string& first = args[0];
  if (first == "--help" || first == "-h" || first == "help") {
    out << MainHelp();
    return ExitStatus::kSuccess;
  }
  if (first == "--version") {
    out << kToolName << " " << kToolVersion << "\n";
    return ExitStatus::kSuccess;
  }
  std::vector<std::string> names;
  for (const Subcommand& command : Subcommands()) {
    if (first == command.name) {
      return command.run({args.begin() + 1, args.end()}, out, err);
    }
    names.push_back(command.name);
  }
  if (!first.empty() && first[0] == '-') {
    PrintRunProblem(
        FileError("", fmt::format("unknown option '{}'{}", first,
                                  DidYouMean(first, {"--help", "--version"}))),
        err);
  } else {
    PrintRunProblem(FileError("", fmt::format("unknown command '{}'{}", first,
                                              DidYouMean(first, names))),
                    err);
  }
  err << "Run 'eds3 --help' for the list of commands.\n";
  return ExitStatus::kUsage;
}

}  // namespace eds::cli
