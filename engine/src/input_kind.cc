#include "eds/input_kind.h"

#include "assessment_reader.h"
#include "yaml_tree.h"

namespace eds {

namespace {

std::optional<InputKind> Classify(const YamlFile& yaml, Diagnostics& diag) {
  const YamlNode& root = yaml.root();
  if (!root.IsMapping()) {
    if (root.IsNull()) {
      diag.Error({yaml.file(), 0, 0},
                 "the file is empty; expected a YAML mapping");
    } else {
      yaml.Error(diag, root,
                 "expected a YAML mapping of keys at the top of the file");
    }
    return std::nullopt;
  }
  if (root.FindKey("eds3") != nullptr) return InputKind::kAssessment;
  if (root.FindKey("levels") != nullptr && root.FindKey("domains") != nullptr) {
    return InputKind::kRubric;
  }
  return InputKind::kOther;
}

}  // namespace

std::optional<InputKind> ClassifyInput(const std::string& text,
                                       const std::string& file,
                                       Diagnostics& diag) {
  std::optional<YamlFile> yaml = YamlFile::Parse(text, file, diag);
  if (!yaml) return std::nullopt;
  return Classify(*yaml, diag);
}

std::optional<InputKind> ClassifyAndParseAssessment(
    const std::string& text, const std::string& path, FileSystem& fs,
    Diagnostics& diag, std::optional<LoadedAssessment>* loaded,
    const LoadOptions& options) {
  std::optional<YamlFile> yaml = YamlFile::Parse(text, path, diag);
  if (!yaml) return std::nullopt;
  const std::optional<InputKind> kind = Classify(*yaml, diag);
  if (kind == InputKind::kAssessment)
    *loaded = ReadAssessment(*yaml, fs, diag, options);
  return kind;
}

}  // namespace eds
