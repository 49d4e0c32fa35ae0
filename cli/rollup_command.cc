#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <boost/program_options/options_description.hpp>
#include <boost/program_options/value_semantic.hpp>
#include <climits>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "eds/assessment.h"
#include "eds/file_system.h"
#include "eds/grade.h"
#include "eds/history.h"
#include "eds/history_outputs.h"
#include "eds/pipeline.h"
#include "eds/register.h"
#include "eds/score_sheet_cache.h"
#include "eds/version.h"
#include "file_walk.h"
#include "history_cli.h"
#include "messages.h"
#include "options.h"
#include "trust_options.h"

namespace eds::cli {
namespace {

namespace po = boost::program_options;

const CommandSpec kRollup = {
    "rollup",
    "eds3 rollup PATH... [-o OUT.xlsx] [--json OUT.json] [--markdown OUT.md] "
    "[--html OUT.html] "
    "[--system NAME] [--year YYYY/YY] [--skip-invalid] [--expect FILE] "
    "[--allow-rubric-files] "
    "[--allow-outside-paths] [--follow-links]",
    "Roll up many organisations' assessments (and years) for commissioners.",
    "PATH",
    1,
    std::numeric_limits<std::size_t>::max(),
    "A PATH is an assessment file or a folder. Folders are searched\n"
    "recursively for *.yaml and *.yml files (any letter case), following\n"
    "symbolic links that stay inside the folder (--follow-links: all).\n"
    "Files an assessment names (ratings_csv, a rubric file) must be inside\n"
    "the folder named (--allow-outside-paths: anywhere), and rubric files\n"
    "are refused (--allow-rubric-files: graded with).\n"
    "A YAML file found in a folder without 'eds3' at its top\n"
    "is not an assessment and is skipped with a note; a file named on the\n"
    "command line must be an assessment.\n"
    "An organisation is its organisation.code (any case), or its name (after\n"
    "Unicode NFKC normalisation) when it has no code; each organisation and\n"
    "year may be in one file only. A name under two codes, a code missing in\n"
    "one year, one system spelt two ways and one organisation's files in two\n"
    "folders are warnings, listed on the Checks sheet.\n"
    "By default any invalid file fails the run and nothing is written; with\n"
    "--skip-invalid the valid files are rolled up and the others listed as\n"
    "excluded, and so are files found in a folder that cannot be read; a\n"
    "file named on the command line that cannot be read always fails the run.\n"
    "An organisation whose latest year is older than the rollup's is marked\n"
    "'not up to date' with the reason (an excluded file, or no file); one\n"
    "whose every file was excluded keeps a row saying so, under the code and\n"
    "name its files claim. --expect FILE takes the register of organisations\n"
    "expected (CSV with the header code,name or code,name,system) and lists\n"
    "every one with no valid file for the latest year (the --year given), and\n"
    "every file of an organisation not on it; a bad register fails the run.\n"
    "Exit status: 0 rolled up, 1 invalid input or nothing to roll up, 2 usage\n"
    "error, 3 a path cannot be read or an output cannot be written.\n"};

// The errors of one file that a rollup keeps to print or list.
constexpr std::size_t kMaxErrorsPerFile = 2 * kMaxErrorsPerExcludedFile;

// Adds the problems of a file left out under --skip-invalid to `warnings`:
// the run goes on without it.
void AddAsWarnings(const Diagnostics& problems, Diagnostics& warnings) {
  for (Diagnostic diagnostic : problems.items()) {
    if (diagnostic.severity == Severity::kError) {
      diagnostic.severity = Severity::kWarning;
    }
    warnings.Add(std::move(diagnostic));
  }
}

// How many lines a list of the summary shows; the outputs hold them all.
constexpr std::size_t kSummaryListLines = 20;

// `lines` indented under their heading, at most kSummaryListLines of them.
std::string ListLines(const std::vector<std::string>& lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size() && i < kSummaryListLines; ++i) {
    text += "  " + lines[i] + "\n";
  }
  if (lines.size() > kSummaryListLines) {
    text += fmt::format("  and {} more (see the outputs)\n",
                        lines.size() - kSummaryListLines);
  }
  return text;
}

std::string WhoText(const Organisation& organisation) {
  if (organisation.code.empty()) return organisation.name;
  if (organisation.name.empty()) return "code " + organisation.code;
  return fmt::format("{} ({})", organisation.name, organisation.code);
}

// The organisations not up to date, those whose every file was excluded,
// and what the register expected, for the terminal.
std::string GapsSummary(const RollupResult& result) {
  std::string text;
  std::vector<std::string> lines;
  for (const RollupOrganisation& organisation : result.organisations) {
    if (!organisation.out_of_date) continue;
    lines.push_back(fmt::format(
        "{}: latest {}, {}", WhoText(organisation.organisation),
        organisation.latest().year, organisation.out_of_date->message));
  }
  if (!lines.empty()) {
    text += fmt::format("Not up to date ({}): {}\n", result.years.back(),
                        lines.size()) +
            ListLines(lines);
  }
  lines.clear();
  for (const ExcludedOrganisation& organisation :
       result.excluded_organisations) {
    lines.push_back(fmt::format("{}: every file excluded: {}",
                                WhoText(organisation.organisation),
                                ListInWords(organisation.files)));
  }
  if (!lines.empty()) {
    text += fmt::format("Organisations with every file excluded: {}\n",
                        lines.size()) +
            ListLines(lines);
  }
  if (!result.expect) return text;
  const ExpectResult& expect = *result.expect;
  for (const ExpectedYear& year : expect.years) {
    lines.clear();
    for (const ExpectedMissing& missing : year.missing) {
      lines.push_back(fmt::format("{} ({}): {}", missing.name, missing.code,
                                  missing.reason));
    }
    text += fmt::format(
                "Expected ({}): {} organisation{}, {} with no valid "
                "file for {}\n",
                expect.file, expect.expected, expect.expected == 1 ? "" : "s",
                lines.size(), year.year) +
            ListLines(lines);
  }
  lines.clear();
  for (const UnexpectedFile& file : expect.unexpected) {
    lines.push_back(fmt::format("{}: {} {}", file.file,
                                WhoText(file.organisation), file.year));
  }
  if (!lines.empty()) {
    text += fmt::format("Not on the register: {} file{}\n", lines.size(),
                        lines.size() == 1 ? "" : "s") +
            ListLines(lines);
  }
  return text;
}

std::string Summary(const RollupResult& result) {
  std::size_t assessments = 0;
  for (const RollupOrganisation& organisation : result.organisations) {
    assessments += organisation.years.size();
  }
  std::string text = fmt::format(
      "Rolled up {} organisation{}, {} assessment{}, {}\n",
      result.organisations.size(), result.organisations.size() == 1 ? "" : "s",
      assessments, assessments == 1 ? "" : "s", DescribeYears(result.years));
  text += fmt::format("Organisations: {} included, {} excluded{}\n",
                      result.counts.included, result.counts.excluded,
                      result.counts.missing
                          ? fmt::format(", {} missing", *result.counts.missing)
                          : "");
  for (const RatingCounts& counts : result.ratings_by_year) {
    std::string parts;
    for (std::size_t i = 0; i < counts.counts.size(); ++i) {
      if (counts.counts[i] == 0) continue;
      parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ",
                           counts.counts[i], result.ratings[i]);
    }
    text += fmt::format("  {}: {}\n", counts.year, parts);
  }
  if (!result.excluded.empty()) {
    text += "Excluded as invalid: " + CountOf(result.excluded.size(), "file") +
            "\n";
  }
  return text + GapsSummary(result);
}

// The problem with writing `output` when the folders in `inputs` are rolled
// up, or "". The files sent may hold links planted to make the outputs
// overwrite a file of the commissioner's: an output may not be a symbolic
// link, and one written inside a folder named must stay inside it after
// links are followed.
std::string CheckOutputOutsideInputs(const std::string& output,
                                     const std::vector<std::string>& inputs) {
  if (output.empty()) return "";
  struct stat info {};
  if (::lstat(output.c_str(), &info) == 0 && S_ISLNK(info.st_mode)) {
    return fmt::format(
        "output '{}' is a symbolic link; a rollup does not write through "
        "links: name the file itself",
        output);
  }
  namespace stdfs = std::filesystem;
  const stdfs::path written = stdfs::path(output).lexically_normal();
  const std::string folder = DirName(output);
  char real_folder[PATH_MAX];
  const bool resolved =
      ::realpath(folder.empty() ? "." : folder.c_str(), real_folder) != nullptr;
  for (const std::string& input : inputs) {
    struct stat input_info {};
    if (::stat(input.c_str(), &input_info) != 0 ||
        !S_ISDIR(input_info.st_mode)) {
      continue;
    }
    const stdfs::path relative =
        written.lexically_relative(stdfs::path(input).lexically_normal());
    if (relative.empty() || *relative.begin() == "..") continue;
    char real_input[PATH_MAX];
    if (!resolved || ::realpath(input.c_str(), real_input) == nullptr) continue;
    const std::string outer = real_input;
    const std::string inner = real_folder;
    const bool inside =
        inner == outer || (inner.size() > outer.size() &&
                           inner.compare(0, outer.size(), outer) == 0 &&
                           (outer == "/" || inner[outer.size()] == '/'));
    if (!inside) {
      return fmt::format(
          "output '{}' is in the folder '{}' but a link leads it out of "
          "that folder; name a path without links",
          output, input);
    }
  }
  return "";
}

}  // namespace

ExitStatus RunRollup(const std::vector<std::string>& args, std::ostream& out,
                     std::ostream& err) {
  OutputFiles paths;
  RollupOptions rollup;
  std::string expect_path;
  po::options_description options;
  AddHistoryOutputOptions(options, &paths);
  options.add_options()(
      "system", po::value(&rollup.system)->value_name("NAME"),
      "keep the organisations of this integrated care system "
      "(organisation.system, ignoring case, punctuation and '&' for 'and')")(
      "year", po::value(&rollup.year)->value_name("YYYY/YY"),
      "keep this year only")(
      "skip-invalid", po::bool_switch(&rollup.skip_invalid),
      "roll up the valid files and list the invalid ones as excluded")(
      "expect", po::value(&expect_path)->value_name("FILE"),
      "the register of organisations expected (CSV: code,name[,system]); "
      "list who has no valid file and files not on it");
  TrustOptions trust;
  AddTrustOptions(options, kOutsidePaths | kRubricFiles | kFollowLinks, &trust);
  ParsedCommand parsed;
  ExitStatus exit_status = ExitStatus::kSuccess;
  if (!ParseCommand(kRollup, options, args, &parsed, out, err, &exit_status)) {
    return exit_status;
  }
  if (parsed.options.count("year") > 0 && !IsAssessmentYear(rollup.year)) {
    return UsageError(
        kRollup,
        fmt::format(
            "--year '{}' is not a year written YYYY/YY, such as 2024/25",
            rollup.year),
        err);
  }
  if (parsed.options.count("system") > 0 && rollup.system.empty()) {
    return UsageError(kRollup, "option '--system' needs a name", err);
  }
  const std::string problem =
      CheckHistoryOutputs(parsed, paths, parsed.operands);
  if (!problem.empty()) return UsageError(kRollup, problem, err);
  for (const std::string* output :
       {&paths.workbook, &paths.json, &paths.markdown, &paths.html}) {
    const std::string inside =
        CheckOutputOutsideInputs(*output, parsed.operands);
    if (!inside.empty()) return UsageError(kRollup, inside, err);
  }

  StagedOutputs outputs(paths);
  Status status = outputs.Stage(err);
  // The register is read first; its problems are reported with the files'.
  Diagnostics register_problems;
  std::optional<Register> expected;
  if (!expect_path.empty()) {
    std::string text;
    DiskFileSystem register_fs;
    Status read = register_fs.ReadFile(expect_path, &text);
    if (read.ok()) {
      expected.emplace();
      read = ReadRegister(text, DisplayPath(expect_path), register_problems,
                          &*expected);
    } else {
      register_problems.Add(ReadProblem(expect_path, read));
    }
    status = Worse(status, read);
  }

  std::vector<FoundFile> files;
  Diagnostics walk_diag;
  status = Worse(status, FindYamlFiles(parsed.operands, &files, walk_diag,
                                       {trust.follow_links}));
  PrintDiagnostics(walk_diag, err);

  DiskFileSystem fs;
  // A score sheet named by many assessments (or by hard links) is read and
  // parsed once a run: 200 stubs naming one 10 MiB sheet cost one read.
  ScoreSheetCache sheets;
  trust.load.score_sheets = &sheets;
  Diagnostics diag;      // the problems that fail the run
  Diagnostics notes;     // files skipped as not assessments
  Diagnostics warnings;  // the problems of files excluded (--skip-invalid)
  diag.Append(register_problems);
  std::vector<OrganisationYear> years;
  std::vector<ExcludedFile> excluded;
  std::size_t invalid = 0;  // files that fail the run (without --skip-invalid)
  std::size_t unreadable = 0;
  std::size_t excluded_errors = 0;  // listed in `excluded`, at most the cap
  PipelineOptions pipeline;
  pipeline.mode = PipelineMode::kFoundAssessments;
  pipeline.load = trust.load;
  pipeline.max_errors_per_file = kMaxErrorsPerFile;
  SharedRubrics rubrics;
  RunPipeline(
      files, pipeline, fs, rubrics, [&](std::size_t i, FileOutcome& outcome) {
        const FoundFile& file = files[i];
        const Diagnostics& problems = outcome.problems;
        notes.Append(outcome.notes);
        switch (outcome.verdict) {
          case FileVerdict::kAssessment:
            // A valid file's warnings (a code in lower case) are printed with
            // the others and kept for the Checks sheet.
            AddAsWarnings(problems, warnings);
            for (const Diagnostic& warning : problems.items()) {
              if (warning.severity == Severity::kWarning) {
                outcome.year->warnings.push_back(warning);
              }
            }
            years.push_back(std::move(*outcome.year));
            break;
          case FileVerdict::kRubric:
          case FileVerdict::kSkipped:
            break;
          case FileVerdict::kUnreadable:
            // A file named on the command line must be read; one found in a
            // folder is left out like an invalid one under --skip-invalid.
            if (file.named || !rollup.skip_invalid) {
              diag.Append(problems);
              status =
                  Worse(status, FailedFileStatus(outcome.verdict, file.path));
              if (!file.named)
                ++unreadable;  // --skip-invalid would leave it out
              break;
            }
            [[fallthrough]];
          case FileVerdict::kInvalid:
            if (rollup.skip_invalid) {
              AddAsWarnings(problems, warnings);
              excluded.push_back(
                  ExcludeFile(file.path, problems,
                              std::min(kMaxErrorsPerExcludedFile,
                                       kMaxExcludedErrors - excluded_errors)));
              excluded.back().claimed = std::move(outcome.claimed);
              excluded_errors +=
                  std::min(problems.error_count(),
                           std::min(kMaxErrorsPerExcludedFile,
                                    kMaxExcludedErrors - excluded_errors));
            } else {
              diag.Append(problems);
              status =
                  Worse(status, FailedFileStatus(outcome.verdict, file.path));
              ++invalid;
            }
            break;
        }
      });
  if (!status.ok()) {
    // The cross-file checks of the valid files too, so that one run reports
    // every problem.
    std::vector<RollupCheck> checks;
    CheckAcrossFiles(years, /*skip_invalid=*/false, excluded, diag, &checks);
  }
  PrintDiagnostics(warnings, err);
  PrintDiagnostics(notes, err);
  if (!status.ok()) {
    PrintDiagnostics(diag, err);
    if (invalid > 0 || unreadable > 0) {
      std::string counts;
      if (invalid > 0) counts = CountOf(invalid, "invalid file");
      if (unreadable > 0) {
        counts += fmt::format("{}{} that cannot be read",
                              counts.empty() ? "" : " and ",
                              CountOf(unreadable, "file"));
      }
      err << fmt::format(
          "eds3: note: {}; nothing was written (--skip-invalid rolls up the "
          "valid files and lists the others)\n",
          counts);
    }
    return status.exit_status();
  }

  const std::string overwrites =
      CheckHistoryOutputsAreNotInputs(parsed, paths, fs);
  if (!overwrites.empty()) return UsageError(kRollup, overwrites, err);
  RollupResult result;
  status = Rollup(std::move(years), std::move(excluded), rollup, kToolVersion,
                  diag, &result);
  PrintDiagnostics(diag, err);
  if (!status.ok()) return status.exit_status();
  if (expected) CheckExpected(*expected, &result);
  if (!result.excluded.empty()) {
    err << fmt::format(
        "eds3: warning: {} excluded (--skip-invalid); see 'excluded' and the "
        "Excluded sheet\n",
        CountOf(result.excluded.size(), "invalid file"));
  }

  status = outputs.WriteAndCommit(result, WriteRollupWorkbook, RollupJson,
                                  RollupMarkdown, RollupHtml, out, err);
  if (!status.ok()) return status.exit_status();
  (outputs.WritesStandardOutput() ? err : out)
      << Summary(result) << outputs.WroteText();
  return ExitStatus::kSuccess;
}

}  // namespace eds::cli
