#include "history_cli.h"

#include <boost/program_options/value_semantic.hpp>

#include "output_paths.h"

namespace eds::cli {

namespace po = boost::program_options;

void AddHistoryOutputOptions(po::options_description& options,
                             OutputFiles* paths) {
  options.add_options()("output,o",
                        po::value(&paths->workbook)->value_name("OUT.xlsx"),
                        "the workbook to write (required unless --json, "
                        "--markdown or --html is given)")(
      "json", po::value(&paths->json)->value_name("OUT.json"),
      "also write the result as JSON ('-': standard output)")(
      "markdown", po::value(&paths->markdown)->value_name("OUT.md"),
      "also write a Markdown summary for a board paper")(
      "html", po::value(&paths->html)->value_name("OUT.html"),
      "also write an HTML report to publish (prints to A4)");
}

namespace {

// The outputs asked for; an option given with an empty value is kept, so
// that CheckOutputPaths can say it needs a file name.
std::vector<OutputPath> AskedFor(const ParsedCommand& parsed,
                                 const OutputFiles& paths) {
  std::vector<OutputPath> outputs;
  if (parsed.options.count("output") > 0) {
    outputs.push_back(
        {"workbook", "--output", paths.workbook, kWorkbookExtension});
  }
  if (parsed.options.count("json") > 0) {
    outputs.push_back({"JSON", "--json", paths.json, kJsonExtension});
  }
  if (parsed.options.count("markdown") > 0) {
    outputs.push_back(
        {"Markdown", "--markdown", paths.markdown, kMarkdownExtension});
  }
  if (parsed.options.count("html") > 0) {
    outputs.push_back({"HTML", "--html", paths.html, kHtmlExtension});
  }
  return outputs;
}

}  // namespace

std::string CheckHistoryOutputs(const ParsedCommand& parsed,
                                const OutputFiles& paths,
                                const std::vector<std::string>& inputs) {
  if (parsed.options.count("output") == 0 &&
      parsed.options.count("json") == 0 &&
      parsed.options.count("markdown") == 0 &&
      parsed.options.count("html") == 0) {
    return "missing -o OUT.xlsx (the workbook to write), or --json, "
           "--markdown or --html";
  }
  return CheckOutputPaths(AskedFor(parsed, paths), inputs);
}

std::string CheckHistoryOutputsAreNotInputs(const ParsedCommand& parsed,
                                            const OutputFiles& paths,
                                            const DiskFileSystem& fs) {
  return CheckOutputsAreNotInputs(AskedFor(parsed, paths), fs);
}

}  // namespace eds::cli
