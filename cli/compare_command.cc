#include <fmt/format.h>

#include <boost/program_options/options_description.hpp>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "eds/file_system.h"
#include "eds/history.h"
#include "eds/history_outputs.h"
#include "eds/pipeline.h"
#include "eds/version.h"
#include "history_cli.h"
#include "messages.h"
#include "options.h"
#include "trust_options.h"

namespace eds::cli {
namespace {

const CommandSpec kCompare = {
    "compare",
    "eds3 compare FILE FILE... [-o OUT.xlsx] [--json OUT.json] [--markdown "
    "OUT.md] [--html OUT.html] [--allow-rubric-files] [--allow-outside-paths]",
    "Compare one organisation's assessments over two or more years: outcome "
    "scores by year, what changed, how the rating moved, and a chart.",
    "FILE (compare needs at least two)",
    2,
    std::numeric_limits<std::size_t>::max(),
    "Each FILE is one year's assessment (YAML) of the same organisation: the\n"
    "same organisation.code, or the same exact name when there is no code.\n"
    "Each year may appear once. Years are shown in order, whatever the order\n"
    "of the files. Files graded with different rubric versions are compared\n"
    "on the outcomes they share; the others are listed as not comparable.\n"
    "Rubric files are refused unless --allow-rubric-files is given, and\n"
    "files an assessment names must be in its folder unless\n"
    "--allow-outside-paths is given.\n"
    "When any file has a problem, every problem is listed and nothing is\n"
    "written. Outputs that exist are replaced, all together.\n"
    "Exit status: 0 compared, 1 a file is invalid or the files are not one\n"
    "organisation's distinct years, 2 usage error, 3 a FILE cannot be read\n"
    "or an output cannot be written.\n"};

std::string Summary(const CompareResult& result) {
  std::string text = result.organisation.name;
  if (!result.organisation.code.empty()) {
    text += fmt::format(" ({})", result.organisation.code);
  }
  text += fmt::format(", {} years\n", result.years.size());
  for (const OrganisationYear& year : result.years) {
    if (year.total) {
      text += fmt::format(
          "  {}  {} of {}  {}\n", year.year, year.total->ToString(),
          year.rubric->MaxTotal().ToString(), year.rating.Name(*year.rubric));
    } else {
      text += fmt::format("  {}  {}\n", year.year, kIncompleteRating);
    }
  }
  for (const RatingChange& change : result.rating_changes) {
    text += DescribeRatingChange(change) + "\n";
  }
  text +=
      fmt::format("Outcome scores that changed: {}\n", result.changes.size());
  if (!result.not_comparable.empty()) {
    std::string ids;
    for (const std::string& id : result.not_comparable) {
      ids += (ids.empty() ? "" : ", ") + id;
    }
    text +=
        fmt::format("Not comparable (not in every year's rubric): {}\n", ids);
  }
  return text;
}

}  // namespace

ExitStatus RunCompare(const std::vector<std::string>& args, std::ostream& out,
                      std::ostream& err) {
  OutputFiles paths;
  boost::program_options::options_description options;
  AddHistoryOutputOptions(options, &paths);
  TrustOptions trust;
  AddTrustOptions(options, kOutsidePaths | kRubricFiles, &trust);
  ParsedCommand parsed;
  ExitStatus exit_status = ExitStatus::kSuccess;
  if (!ParseCommand(kCompare, options, args, &parsed, out, err, &exit_status)) {
    return exit_status;
  }
  const std::string problem =
      CheckHistoryOutputs(parsed, paths, parsed.operands);
  if (!problem.empty()) return UsageError(kCompare, problem, err);

  StagedOutputs outputs(paths);
  Status status = outputs.Stage(err);

  DiskFileSystem fs;
  Diagnostics diag;
  std::vector<InputFile> files;
  for (const std::string& path : parsed.operands) {
    files.push_back({path, /*named=*/true, "", ""});
  }
  PipelineOptions pipeline;
  pipeline.mode = PipelineMode::kAssessments;
  pipeline.load = trust.load;
  SharedRubrics rubrics;
  std::vector<OrganisationYear> years;
  RunPipeline(
      files, pipeline, fs, rubrics, [&](std::size_t i, FileOutcome& outcome) {
        diag.Append(outcome.problems);
        if (outcome.verdict == FileVerdict::kAssessment) {
          years.push_back(std::move(*outcome.year));
        } else {
          status =
              Worse(status, FailedFileStatus(outcome.verdict, files[i].path));
        }
      });
  if (!status.ok()) {
    PrintDiagnostics(diag, err);
    return status.exit_status();
  }
  const std::string overwrites =
      CheckHistoryOutputsAreNotInputs(parsed, paths, fs);
  if (!overwrites.empty()) return UsageError(kCompare, overwrites, err);

  CompareResult result;
  status = Compare(std::move(years), kToolVersion, diag, &result);
  PrintDiagnostics(diag, err);
  if (!status.ok()) return status.exit_status();

  status = outputs.WriteAndCommit(result, WriteCompareWorkbook, CompareJson,
                                  CompareMarkdown, CompareHtml, out, err);
  if (!status.ok()) return status.exit_status();
  (outputs.WritesStandardOutput() ? err : out)
      << Summary(result) << outputs.WroteText();
  return ExitStatus::kSuccess;
}

}  // namespace eds::cli
