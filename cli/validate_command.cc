#include <fmt/format.h>

#include <boost/program_options/options_description.hpp>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "eds/assessment.h"
#include "eds/diagnostics.h"
#include "eds/file_system.h"
#include "eds/input_kind.h"
#include "eds/rubric.h"
#include "file_walk.h"
#include "messages.h"
#include "options.h"
#include "trust_options.h"

namespace eds::cli {
namespace {

const CommandSpec kValidate = {
    "validate",
    "eds3 validate PATH...",
    "Check assessment and rubric files and report every problem; write "
    "nothing.",
    "PATH",
    1,
    std::numeric_limits<std::size_t>::max(),
    "A PATH is a file or a folder. Folders are searched recursively for\n"
    "*.yaml and *.yml files (any letter case), following symbolic links.\n"
    "A YAML file whose top level has 'eds3' is an assessment; one with\n"
    "'levels' and 'domains' is a rubric. Other YAML files found in a folder\n"
    "are skipped with a note; a file named on the command line must be one\n"
    "or the other.\n"
    "Prints 'ok: FILE' for each valid file.\n"
    "Exit status: 0 all valid, 1 a file is invalid, 2 usage error, 3 a path\n"
    "cannot be read.\n"};

enum class Verdict { kValid, kInvalid, kUnreadable, kSkipped };

// Checks one file, adding every problem found to `diag`.
Verdict ValidateFile(const FoundFile& file, const TrustOptions& trust,
                     FileSystem& fs, Diagnostics& diag) {
  if (!file.problem.empty()) {
    diag.Error({file.path, 0, 0}, file.problem);
    return Verdict::kUnreadable;
  }
  LoadOptions options = trust.load;
  options.folder = file.folder;
  std::string text;
  const Status read = fs.ReadFile(file.path, &text);
  if (!read.ok()) {
    AddReadError(file.path, read, diag);
    return read.ExitCode() == 3 ? Verdict::kUnreadable : Verdict::kInvalid;
  }
  std::optional<LoadedAssessment> assessment;
  const std::optional<InputKind> kind =
      ClassifyAndParseAssessment(text, file.path, fs, diag, &assessment,
                                 options);
  if (!kind) return Verdict::kInvalid;
  switch (*kind) {
    case InputKind::kAssessment:
      return assessment ? Verdict::kValid : Verdict::kInvalid;
    case InputKind::kRubric:
      return ParseRubric(text, file.path, diag) ? Verdict::kValid
                                                : Verdict::kInvalid;
    case InputKind::kOther:
      break;
  }
  if (!file.named) {
    diag.Note({file.path, 0, 0},
              "skipped: not an assessment (no 'eds3' key at the top) or a "
              "rubric (no 'levels' and 'domains')");
    return Verdict::kSkipped;
  }
  diag.Error({file.path, 0, 0}, "neither an assessment nor a rubric",
             "an assessment starts with 'eds3: 1'; a rubric has 'levels' and "
             "'domains' at the top");
  return Verdict::kInvalid;
}

}  // namespace

int RunValidate(const std::vector<std::string>& args, std::ostream& out,
                std::ostream& err) {
  boost::program_options::options_description options;
  TrustOptions trust;
  AddTrustOptions(options, kOutsidePaths | kFollowLinks, &trust);
  ParsedCommand parsed;
  int exit_code = 0;
  if (!ParseCommand(kValidate, options, args, &parsed, out, err, &exit_code)) {
    return exit_code;
  }

  std::vector<FoundFile> files;
  Diagnostics walk_diag;
  Status status =
      FindYamlFiles(parsed.operands, &files, walk_diag, {trust.follow_links});
  PrintDiagnostics(walk_diag, err);

  DiskFileSystem fs;
  std::size_t checked = 0;
  std::size_t failed = 0;
  for (const FoundFile& file : files) {
    Diagnostics diag;
    const Verdict verdict = ValidateFile(file, trust, fs, diag);
    PrintDiagnostics(diag, err);
    switch (verdict) {
      case Verdict::kValid:
        out << "ok: " << DisplayPath(file.path) << "\n";
        ++checked;
        break;
      case Verdict::kInvalid:
        status = Worse(status, Status::InvalidInput(file.path));
        ++checked;
        ++failed;
        break;
      case Verdict::kUnreadable:
        status = Worse(status, Status::IoError(file.path));
        ++checked;
        ++failed;
        break;
      case Verdict::kSkipped:
        break;
    }
  }
  if (checked == 0 && status.ok()) {
    status = Status::InvalidInput("error: no assessment or rubric file found");
    PrintStatus(status, err);
    return status.ExitCode();
  }
  if (failed > 0) {
    err << fmt::format("eds3: {} of {} file{} {} not valid\n", failed, checked,
                       checked == 1 ? "" : "s", failed == 1 ? "is" : "are");
  }
  return status.ExitCode();
}

}  // namespace eds::cli
