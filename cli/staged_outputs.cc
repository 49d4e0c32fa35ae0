#include "staged_outputs.h"

#include <fmt/format.h>

#include <string>

#include "output_paths.h"

namespace eds::cli {

Status StagedOutputs::Stage(std::ostream& err) {
  Status worst;
  const auto stage = [&](const std::string& path, StagedFile** staged) {
    if (path.empty() || path == kStandardOutput) return;
    const Status status = set_.Stage(path, staged);
    if (!status.ok()) {
      PrintRunProblem(WriteProblem(path, status), err);
      worst = Worse(worst, status);
    }
  };
  stage(paths_.workbook, &workbook_);
  stage(paths_.json, &json_);
  stage(paths_.markdown, &markdown_);
  stage(paths_.html, &html_);
  return worst;
}

bool StagedOutputs::WritesStandardOutput() const {
  return paths_.json == kStandardOutput || paths_.markdown == kStandardOutput ||
         paths_.html == kStandardOutput;
}

std::string StagedOutputs::WroteText() const {
  std::string text = "Wrote:\n";
  const auto line = [&text](const char* what, const std::string& path) {
    if (!path.empty()) {
      text += fmt::format("  {:<9} {}\n", what, OutputName(path));
    }
  };
  line("workbook", paths_.workbook);
  line("JSON", paths_.json);
  line("Markdown", paths_.markdown);
  line("HTML", paths_.html);
  return text;
}

}  // namespace eds::cli
