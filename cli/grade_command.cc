#include <fmt/format.h>

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/value_semantic.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "eds/agreement.h"
#include "eds/assessment.h"
#include "eds/completeness.h"
#include "eds/file_system.h"
#include "eds/grade.h"
#include "eds/grade_outputs.h"
#include "eds/version.h"
#include "eds/xlsx_grade.h"
#include "messages.h"
#include "options.h"
#include "output_paths.h"
#include "staged_outputs.h"
#include "trust_options.h"

namespace eds::cli {
namespace {

namespace po = boost::program_options;

const CommandSpec kGrade = {
    "grade",
    "eds3 grade FILE [-o OUT.xlsx] [--json OUT.json] [--markdown OUT.md] "
    "[--html OUT.html]",
    "Grade one assessment, print a short summary and write the workbook.",
    "FILE",
    1,
    1,
    "FILE is an assessment (YAML). The workbook is written unless only\n"
    "--json, --markdown or --html is given; the JSON, Markdown and HTML only\n"
    "when asked for. '--json -' (or '--markdown -', '--html -') writes to\n"
    "standard output, and the summary then goes to standard error. When the\n"
    "file has any problem, every problem is listed and nothing is written.\n"
    "Outputs that exist are replaced, all together and only when every one\n"
    "was written.\n"
    "With --require-complete, an assessment with any outcome not rated (or a\n"
    "flag the rubric lists under blocking_flags) is refused: what is missing\n"
    "is listed, exit 1, and nothing is written.\n"
    "Exit status: 0 graded (complete or not), 1 the file is invalid, 2 usage\n"
    "error, 3 FILE cannot be read or an output cannot be written.\n"};

// "panel/2024-25.yaml" -> "2024-25.xlsx": the input's file name with its
// extension replaced, in the current folder.
std::string DefaultWorkbook(const std::string& input) {
  const std::size_t slash = input.find_last_of('/');
  std::string name =
      slash == std::string::npos ? input : input.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.erase(dot);
  return name + ".xlsx";
}

std::string Summary(const GradeReport& report) {
  const Assessment& assessment = report.assessment;
  const GradeResult& result = report.result;
  std::string text = assessment.organisation.name;
  if (!assessment.organisation.code.empty()) {
    text += fmt::format(" ({})", assessment.organisation.code);
  }
  text += fmt::format(", {}\nRubric: {} {}\n", assessment.year,
                      report.rubric.id, report.rubric.version);
  if (result.complete && result.total) {
    text +=
        fmt::format("Total: {} of {}, {}\n", result.total->ToString(),
                    result.max.ToString(), result.rating.Name(report.rubric));
  } else {
    text += fmt::format("Total: {} ({} not scored)\n", kIncompleteRating,
                        result.missing.size());
  }
  for (const DomainResult& domain : result.domains) {
    text += fmt::format("  Domain {} {}: ", domain.id, domain.name);
    if (domain.score) {
      text += fmt::format("{} of {}", domain.score->ToString(),
                          domain.max.ToString());
      if (domain.level.has_value()) {
        text += ", " + domain.level.Name(report.rubric);
      }
      text += "\n";
    } else {
      text += std::string(kIncompleteSum) + "\n";
    }
  }
  if (!result.missing.empty()) {
    text += "Missing:\n";
    for (const std::string& missing : result.missing) {
      text += "  " + missing + "\n";
    }
  }
  const Agreement& agreement = result.agreement;
  const AgreementReading reading = ReadAgreement(agreement);
  if (const std::optional<double> percent =
          ShownAlpha(agreement.percent_agreement)) {
    const auto figure = [](const std::optional<double>& value) {
      const std::optional<double> shown = ShownAlpha(value);
      return shown ? fmt::format("{:.3f}", *shown) : "not defined";
    };
    text += fmt::format(
        "Panel agreement: {:.1f}% of pairs agree, Gwet's AC1 {}, "
        "Krippendorff's alpha (ordinal) {}, from {} pairable ratings\n  {}\n",
        *percent * 100.0, figure(agreement.gwet_ac1), figure(agreement.alpha),
        agreement.pairable, AgreementSentence(reading));
  } else {
    text +=
        "Panel agreement: not defined\n  " + AgreementSentence(reading) + "\n";
  }
  if (!result.flags.empty()) {
    text += "Flags:\n";
    for (const Flag& flag : result.flags) {
      text += fmt::format("  {}: {}\n", flag.code, flag.message);
    }
  }
  return text;
}

}  // namespace

ExitStatus RunGrade(const std::vector<std::string>& args, std::ostream& out,
                    std::ostream& err) {
  std::string workbook_path;
  std::string json_path;
  std::string markdown_path;
  std::string html_path;
  po::options_description options;
  options.add_options()(
      "output,o", po::value(&workbook_path)->value_name("OUT.xlsx"),
      "the workbook (default: FILE's name, .xlsx, in this folder)")(
      "json", po::value(&json_path)->value_name("OUT.json"),
      "also write the result as JSON")(
      "markdown", po::value(&markdown_path)->value_name("OUT.md"),
      "also write a Markdown summary to publish")(
      "html", po::value(&html_path)->value_name("OUT.html"),
      "also write an HTML report to publish (prints to A4)")(
      "require-complete", po::bool_switch(),
      "refuse an assessment with any outcome not rated");
  TrustOptions trust;
  AddTrustOptions(options, kOutsidePaths, &trust);
  ParsedCommand parsed;
  ExitStatus exit_status = ExitStatus::kSuccess;
  if (!ParseCommand(kGrade, options, args, &parsed, out, err, &exit_status)) {
    return exit_status;
  }
  const std::string& input = parsed.operands[0];

  // The outputs asked for, in the order the summary lists them.
  OutputFiles outputs_asked;
  std::vector<OutputPath> paths;
  if (parsed.options.count("output") > 0 ||
      (parsed.options.count("json") == 0 &&
       parsed.options.count("markdown") == 0 &&
       parsed.options.count("html") == 0)) {
    outputs_asked.workbook = parsed.options.count("output") > 0
                                 ? workbook_path
                                 : DefaultWorkbook(input);
    paths.push_back(
        {"workbook", "--output", outputs_asked.workbook, kWorkbookExtension});
  }
  if (parsed.options.count("json") > 0) {
    outputs_asked.json = json_path;
    paths.push_back({"JSON", "--json", json_path, kJsonExtension});
  }
  if (parsed.options.count("markdown") > 0) {
    outputs_asked.markdown = markdown_path;
    paths.push_back(
        {"Markdown", "--markdown", markdown_path, kMarkdownExtension});
  }
  if (parsed.options.count("html") > 0) {
    outputs_asked.html = html_path;
    paths.push_back({"HTML", "--html", html_path, kHtmlExtension});
  }
  const std::string problem = CheckOutputPaths(paths, {input});
  if (!problem.empty()) return UsageError(kGrade, problem, err);
  // With an output on standard output, the summary goes to standard error.
  std::ostream& summary = WritesStandardOutput(paths) ? err : out;

  // Staged before the input is read, as compare and rollup do, so that an
  // output that cannot be written is reported with the input's problems
  // (SPEC §2: 3 wins over 1).
  StagedOutputs outputs(outputs_asked);
  Status status = outputs.Stage(err);

  DiskFileSystem fs;
  Diagnostics diag;
  Status load_status;
  std::optional<LoadedAssessment> loaded =
      LoadAssessment(input, fs, diag, &load_status, trust.load);
  PrintDiagnostics(diag, err);
  if (!loaded) return Worse(status, load_status).exit_status();
  const std::string overwrites = CheckOutputsAreNotInputs(paths, fs);
  if (!overwrites.empty()) return UsageError(kGrade, overwrites, err);

  GradeReport report;
  report.result = Grade(loaded->assessment, loaded->rubric);
  if (parsed.options["require-complete"].as<bool>()) {
    Diagnostics refused;
    if (!RequireComplete(report.result, loaded->rubric, input, refused)) {
      PrintDiagnostics(refused, err);
      return Worse(status, Status::InvalidInput(input)).exit_status();
    }
  }
  if (!status.ok()) return status.exit_status();
  report.assessment = std::move(loaded->assessment);
  report.rubric = std::move(loaded->rubric);
  report.tool_version = kToolVersion;

  status = outputs.WriteAndCommit(report, WriteGradeWorkbook, GradeJson,
                                  GradeMarkdown, GradeHtml, out, err);
  if (!status.ok()) return status.exit_status();
  summary << Summary(report) << outputs.WroteText();
  return ExitStatus::kSuccess;
}

}  // namespace eds::cli
