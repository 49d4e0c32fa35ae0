#include "eds/input_kind.h"

#include "yaml_tree.h"

namespace eds {

std::optional<InputKind> ClassifyInput(const std::string& text,
                                       const std::string& file,
                                       Diagnostics& diag) {
  std::optional<YamlFile> yaml = YamlFile::Parse(text, file, diag);
  if (!yaml) return std::nullopt;
  const YamlNode& root = yaml->root();
  if (!root.IsMapping()) {
    if (root.IsNull()) {
      diag.Error({file, 0, 0}, "the file is empty; expected a YAML mapping");
    } else {
      yaml->Error(diag, root,
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

}  // namespace eds
