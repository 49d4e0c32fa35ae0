#include <fmt/format.h>
#include <sys/stat.h>

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/value_semantic.hpp>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "eds/assessment.h"
#include "eds/limits.h"
#include "eds/output_file.h"
#include "eds/score_sheet.h"
#include "eds/skeleton.h"
#include "eds/text.h"
#include "messages.h"
#include "options.h"

namespace eds::cli {
namespace {

namespace po = boost::program_options;

// The rubric a new assessment uses: the current national framework.
constexpr char kRubricId[] = "eds2022";

const CommandSpec kInit = {
    "init",
    "eds3 init --org NAME --year YYYY/YY [--services N] [-o FILE] [--force]",
    "Write a ready-to-fill assessment with every outcome of the EDS 2022 "
    "rubric.",
    "",
    0,
    0,
    "The file lists every outcome unrated, with its title and what evidence\n"
    "to look for, two example stakeholders and N services to rate Domain 1\n"
    "for. It validates as it is and grades as Incomplete until every outcome\n"
    "is rated. With --services 0, Domain 1 is rated once for the whole\n"
    "organisation.\n"
    "With --score-sheet SHEET (.xlsx or .csv), also writes the panel's score\n"
    "sheet: one row per service, outcome and stakeholder, the ids filled in\n"
    "and names beside them, a score column (a drop-down in a workbook) and a\n"
    "comment column; the assessment names it under 'score_sheets'.\n"
    "Exit status: 0 written, 2 usage error (including a malformed --year),\n"
    "3 FILE exists (without --force) or cannot be written.\n"};

// A whole decimal number in digits only: "+3", "03" and "-1" are refused.
// At most 6 digits, so it cannot overflow.
std::optional<std::size_t> ParseCount(const std::string& text) {
  if (text.empty() || text.size() > 6 || (text.size() > 1 && text[0] == '0')) {
    return std::nullopt;
  }
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

// True when `path` is a file (or a link) that writing would replace. A
// folder or a device is left for StagedFile to refuse with its own reason.
bool Exists(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 &&
         (S_ISREG(info.st_mode) || S_ISLNK(info.st_mode));
}

bool SamePath(const std::string& a, const std::string& b) {
  return std::filesystem::absolute(a).lexically_normal() ==
         std::filesystem::absolute(b).lexically_normal();
}

}  // namespace

ExitStatus RunInit(const std::vector<std::string>& args, std::ostream& out,
                   std::ostream& err) {
  SkeletonRequest request;
  std::string services = "3";
  std::string output;
  std::string sheet;
  const std::string services_help = fmt::format(
      "services to rate Domain 1 for (default 3; 0 to {})", kMaxServices);
  po::options_description options;
  options.add_options()(
      "org", po::value(&request.organisation)->value_name("NAME")->required(),
      "the organisation's name")(
      "year", po::value(&request.year)->value_name("YYYY/YY")->required(),
      "the year assessed, e.g. 2024/25")(
      "services", po::value(&services)->value_name("N"), services_help.c_str())(
      "output,o", po::value(&output)->value_name("FILE"),
      "write to FILE instead of standard output")(
      "score-sheet", po::value(&sheet)->value_name("SHEET"),
      "also write a score sheet to fill in (.xlsx or .csv)")(
      "force", po::bool_switch(), "replace FILE and SHEET if they exist");
  ParsedCommand parsed;
  ExitStatus exit_status = ExitStatus::kSuccess;
  if (!ParseCommand(kInit, options, args, &parsed, out, err, &exit_status)) {
    return exit_status;
  }
  const std::optional<std::size_t> count = ParseCount(services);
  if (!count || *count > kMaxServices) {
    return UsageError(
        kInit,
        fmt::format("--services '{}' is not a whole number from 0 to {}",
                    services, kMaxServices),
        err);
  }
  request.services = *count;
  const bool to_file = parsed.options.count("output") > 0;
  if (to_file && output.empty()) {
    return UsageError(kInit, "option '--output' needs a file name", err);
  }

  const std::optional<Rubric> rubric = LoadBuiltinRubric(kRubricId);
  if (!rubric) {
    PrintRunProblem(
        FileError(
            "", fmt::format("the built-in rubric '{}' is missing", kRubricId)),
        err);
    return ExitStatus::kCannotReadOrWrite;
  }
  const bool with_sheet = parsed.options.count("score-sheet") > 0;
  const bool xlsx = EndsWithNoCase(sheet, ".xlsx");
  if (with_sheet && !xlsx && !EndsWithNoCase(sheet, ".csv")) {
    return UsageError(
        kInit,
        fmt::format("--score-sheet '{}' must end in .xlsx or .csv", sheet),
        err);
  }
  if (with_sheet && to_file && SamePath(sheet, output)) {
    return UsageError(kInit, "--score-sheet and --output name the same file",
                      err);
  }
  std::string named_sheet;
  if (with_sheet) {
    // The assessment names the sheet relative to its own folder.
    named_sheet =
        to_file ? std::filesystem::absolute(sheet)
                      .lexically_normal()
                      .lexically_relative(std::filesystem::absolute(output)
                                              .lexically_normal()
                                              .parent_path())
                      .string()
                : sheet;
  }
  std::string yaml;
  Status status = AssessmentSkeleton(*rubric, request, &yaml, named_sheet);
  if (!status.ok()) return UsageError(kInit, status.message(), err);

  if (!to_file && !with_sheet) {
    out << yaml;
    return ExitStatus::kSuccess;
  }
  // Checked before writing: the rename that puts a file in place would
  // replace it silently.
  for (const std::string& path : {output, sheet}) {
    if (path.empty() || parsed.options["force"].as<bool>() || !Exists(path))
      continue;
    PrintRunProblem(
        FileError(path, "already exists; add --force to replace it"), err);
    return ExitStatus::kCannotReadOrWrite;
  }
  OutputSet set;
  StagedFile* staged_yaml = nullptr;
  StagedFile* staged_sheet = nullptr;
  // The file each step writes, for its message.
  const auto failed = [&](const std::string& path) {
    PrintRunProblem(WriteProblem(path, status), err);
    return status.exit_status();
  };
  if (to_file) {
    status = set.Stage(output, &staged_yaml);
    if (!status.ok()) return failed(output);
  }
  if (with_sheet) {
    status = set.Stage(sheet, &staged_sheet);
    if (!status.ok()) return failed(sheet);
  }
  if (to_file) {
    status = WriteStaged(*staged_yaml, yaml);
    if (!status.ok()) return failed(output);
  }
  if (with_sheet) {
    const std::vector<ScoreSheetRow> rows = ScoreSheetRows(*rubric, request);
    status =
        xlsx ? WriteScoreSheetWorkbook(*rubric, rows, staged_sheet->temp_path())
             : WriteStaged(*staged_sheet, ScoreSheetCsv(rows));
    if (!status.ok()) return failed(sheet);
  }
  Diagnostics problems;
  status = set.Commit(problems);
  for (const Diagnostic& problem : problems.items()) {
    PrintRunProblem(problem, err);
  }
  if (!status.ok()) return status.exit_status();
  if (!to_file) {
    out << yaml;
    return ExitStatus::kSuccess;
  }
  out << fmt::format(
      "Wrote {0}{1}. Fill {2} in with the panel, then run 'eds3 validate "
      "{0}'.\n",
      output, with_sheet ? " and " + sheet : "", with_sheet ? "them" : "it");
  return ExitStatus::kSuccess;
}

}  // namespace eds::cli
