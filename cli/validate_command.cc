#include <fmt/format.h>

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/value_semantic.hpp>
#include <cstddef>
#include <limits>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "eds/diagnostics.h"
#include "eds/file_system.h"
#include "eds/history.h"
#include "eds/pipeline.h"
#include "eds/score_sheet_cache.h"
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
    "When a folder is given, the assessments are also checked against each\n"
    "other as 'rollup' checks them: one file per organisation and year (an\n"
    "error), and the same organisation under two codes, a code missing in\n"
    "one year, one system spelt two ways or one organisation's files in two\n"
    "folders (warnings).\n"
    "Prints 'ok: FILE' for each valid file, and 'valid but incomplete: FILE:\n"
    "N outcomes not rated' for a valid assessment not yet fully rated; with\n"
    "--require-complete that is an error listing what is missing, as is a\n"
    "flag that the rubric lists under blocking_flags.\n"
    "Exit status: 0 all valid, 1 a file is invalid, 2 usage error, 3 a path\n"
    "cannot be read.\n"};

}  // namespace

ExitStatus RunValidate(const std::vector<std::string>& args, std::ostream& out,
                       std::ostream& err) {
  boost::program_options::options_description options;
  options.add_options()("require-complete",
                        boost::program_options::bool_switch(),
                        "an assessment with any outcome not rated is invalid");
  TrustOptions trust;
  AddTrustOptions(options, kOutsidePaths | kFollowLinks, &trust);
  ParsedCommand parsed;
  ExitStatus exit_status = ExitStatus::kSuccess;
  if (!ParseCommand(kValidate, options, args, &parsed, out, err,
                    &exit_status)) {
    return exit_status;
  }

  std::vector<FoundFile> files;
  Diagnostics walk_diag;
  Status status =
      FindYamlFiles(parsed.operands, &files, walk_diag, {trust.follow_links});
  PrintDiagnostics(walk_diag, err);

  DiskFileSystem fs;
  // A score sheet named by many assessments is read once.
  ScoreSheetCache sheets;
  trust.load.score_sheets = &sheets;
  PipelineOptions pipeline;
  pipeline.mode = PipelineMode::kAssessmentsAndRubrics;
  pipeline.load = trust.load;
  pipeline.require_complete = parsed.options["require-complete"].as<bool>();
  std::size_t checked = 0;
  std::size_t failed = 0;
  bool folder = false;  // a file was found in a folder
  // Each valid file, with "N outcomes not rated" when it is incomplete.
  std::vector<std::pair<std::string, std::string>> valid;
  std::vector<OrganisationYear> years;
  SharedRubrics rubrics;
  RunPipeline(
      files, pipeline, fs, rubrics, [&](std::size_t i, FileOutcome& outcome) {
        const FoundFile& file = files[i];
        folder = folder || !file.named;
        PrintDiagnostics(outcome.problems, err);
        PrintDiagnostics(outcome.notes, err);
        switch (outcome.verdict) {
          case FileVerdict::kAssessment:
          case FileVerdict::kRubric:
            valid.push_back({file.path, outcome.incomplete});
            if (outcome.year) years.push_back(std::move(*outcome.year));
            ++checked;
            break;
          case FileVerdict::kInvalid:
          case FileVerdict::kUnreadable:
            status =
                Worse(status, FailedFileStatus(outcome.verdict, file.path));
            ++checked;
            ++failed;
            break;
          case FileVerdict::kSkipped:
            break;
        }
      });
  // A file valid by itself fails when it repeats another's organisation
  // and year.
  std::set<std::string> repeated;
  if (folder) {
    Diagnostics diag;
    std::vector<ExcludedFile> excluded;
    std::vector<RollupCheck> checks;
    CheckAcrossFiles(years, /*skip_invalid=*/false, excluded, diag, &checks);
    PrintDiagnostics(diag, err);
    for (const Diagnostic& problem : diag.items()) {
      if (problem.severity == Severity::kError) {
        repeated.insert(problem.location.file);
      }
    }
  }
  for (const auto& [path, incomplete] : valid) {
    if (repeated.count(path) > 0) {
      status = Worse(status, Status::InvalidInput(path));
      ++failed;
    } else if (incomplete.empty()) {
      out << "ok: " << DisplayPath(path) << "\n";
    } else {
      out << "valid but incomplete: " << DisplayPath(path) << ": " << incomplete
          << "\n";
    }
  }
  if (checked == 0 && status.ok()) {
    PrintRunProblem(FileError("", "no assessment or rubric file found"), err);
    return ExitStatus::kInvalidInput;
  }
  if (failed > 0) {
    err << fmt::format("eds3: {} of {} {} not valid\n", failed,
                       CountOf(checked, "file"), failed == 1 ? "is" : "are");
  }
  return status.exit_status();
}

}  // namespace eds::cli
