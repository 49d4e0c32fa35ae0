#include "output_paths.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "eds/text.h"

namespace eds::cli {
namespace {

std::filesystem::path SameFile(const std::string& path) {
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) return std::filesystem::path(path).lexically_normal();
  std::filesystem::path canonical =
      std::filesystem::weakly_canonical(absolute, error);
  return error ? absolute.lexically_normal() : canonical;
}

// The problem with `output`'s extension, or "". Something there that is not
// a file (a folder, a device) is left for the write to refuse, which says
// what it is.
std::string CheckExtension(const OutputPath& output) {
  std::error_code error;
  const std::filesystem::file_status status =
      std::filesystem::status(output.path, error);
  if (output.extension == nullptr ||
      EndsWithNoCase(output.path, output.extension) ||
      (std::filesystem::exists(status) &&
       !std::filesystem::is_regular_file(status))) {
    return "";
  }
  std::string problem = fmt::format(
      "the {} '{}' must end in {}: {} writes {} whatever the name says",
      output.what, output.path, output.extension, output.option,
      output.extension);
  std::filesystem::path suggestion(output.path);
  if (suggestion.has_filename() && suggestion.filename() != "." &&
      suggestion.filename() != "..") {
    suggestion.replace_extension(output.extension);
    problem += fmt::format("; did you mean '{}'?", suggestion.string());
  }
  return problem;
}

}  // namespace

bool WritesStandardOutput(const std::vector<OutputPath>& outputs) {
  for (const OutputPath& output : outputs) {
    if (output.path == kStandardOutput) return true;
  }
  return false;
}

std::string OutputName(const std::string& path) {
  return path == kStandardOutput ? "standard output" : path;
}

std::string CheckOutputPaths(const std::vector<OutputPath>& outputs,
                             const std::vector<std::string>& inputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (outputs[i].path.empty()) {
      return fmt::format("option '{}' needs a file name", outputs[i].option);
    }
    if (outputs[i].path == kStandardOutput) {
      for (std::size_t j = 0; j < i; ++j) {
        if (outputs[j].path == kStandardOutput) {
          return fmt::format(
              "the {} and the {} are both standard output ('-'); only one "
              "output can go there",
              outputs[j].what, outputs[i].what);
        }
      }
      continue;
    }
    const std::filesystem::path file = SameFile(outputs[i].path);
    for (const std::string& input : inputs) {
      if (file == SameFile(input)) {
        return fmt::format("the {} '{}' would replace the input file",
                           outputs[i].what, outputs[i].path);
      }
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (file == SameFile(outputs[j].path)) {
        return fmt::format(
            "the {} and the {} are both '{}'; give each its own file",
            outputs[j].what, outputs[i].what, outputs[i].path);
      }
    }
  }
  // After the checks above, which say more about a name that is already
  // taken.
  for (const OutputPath& output : outputs) {
    if (output.path == kStandardOutput) continue;
    const std::string problem = CheckExtension(output);
    if (!problem.empty()) return problem;
  }
  return "";
}

std::string CheckOutputsAreNotInputs(const std::vector<OutputPath>& outputs,
                                     const DiskFileSystem& fs) {
  for (const OutputPath& output : outputs) {
    if (output.path != kStandardOutput && fs.HasRead(output.path)) {
      return fmt::format(
          "the {} '{}' would replace a file this run reads; give the {} "
          "another name",
          output.what, output.path, output.option);
    }
  }
  return "";
}

}  // namespace eds::cli
