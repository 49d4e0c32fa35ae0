#include "history_cli.h"

#include <fmt/format.h>

#include <boost/program_options/value_semantic.hpp>
#include <utility>

#include "messages.h"
#include "output_paths.h"

namespace eds::cli {

namespace po = boost::program_options;

void AddHistoryOutputOptions(po::options_description& options,
                             HistoryOutputPaths* paths) {
  options.add_options()("output,o",
                        po::value(&paths->workbook)->value_name("OUT.xlsx"),
                        "the workbook to write (required)")(
      "json", po::value(&paths->json)->value_name("OUT.json"),
      "also write the result as JSON")(
      "markdown", po::value(&paths->markdown)->value_name("OUT.md"),
      "also write a Markdown summary for a board paper");
}

namespace {

// The outputs asked for; an option given with an empty value is kept, so
// that CheckOutputPaths can say it needs a file name.
std::vector<OutputPath> AskedFor(const ParsedCommand& parsed,
                                 const HistoryOutputPaths& paths) {
  std::vector<OutputPath> outputs = {
      {"workbook", "--output", paths.workbook, kWorkbookExtension}};
  if (parsed.options.count("json") > 0) {
    outputs.push_back({"JSON", "--json", paths.json, kJsonExtension});
  }
  if (parsed.options.count("markdown") > 0) {
    outputs.push_back(
        {"Markdown", "--markdown", paths.markdown, kMarkdownExtension});
  }
  return outputs;
}

}  // namespace

std::string CheckHistoryOutputs(const ParsedCommand& parsed,
                                const HistoryOutputPaths& paths,
                                const std::vector<std::string>& inputs) {
  if (parsed.options.count("output") == 0) {
    return "missing -o OUT.xlsx (the workbook to write)";
  }
  return CheckOutputPaths(AskedFor(parsed, paths), inputs);
}

std::string CheckHistoryOutputsAreNotInputs(const ParsedCommand& parsed,
                                            const HistoryOutputPaths& paths,
                                            const DiskFileSystem& fs) {
  return CheckOutputsAreNotInputs(AskedFor(parsed, paths), fs);
}

Status StagedHistoryOutputs::Stage(std::ostream& err) {
  Status worst;
  const auto stage = [&](const std::string& path, StagedFile** staged) {
    if (path.empty()) return;
    const Status status = set_.Stage(path, staged);
    if (!status.ok()) {
      PrintStatus(status, err);
      worst = Worse(worst, status);
    }
  };
  stage(paths_.workbook, &workbook_);
  stage(paths_.json, &json_);
  stage(paths_.markdown, &markdown_);
  return worst;
}

std::string StagedHistoryOutputs::WroteText() const {
  std::string text = "Wrote:\n";
  text += fmt::format("  {:<9} {}\n", "workbook", paths_.workbook);
  if (!paths_.json.empty())
    text += fmt::format("  {:<9} {}\n", "JSON", paths_.json);
  if (!paths_.markdown.empty()) {
    text += fmt::format("  {:<9} {}\n", "Markdown", paths_.markdown);
  }
  return text;
}

}  // namespace eds::cli
