#ifndef EDS_ENGINE_SRC_YAML_READER_H_
#define EDS_ENGINE_SRC_YAML_READER_H_

#include <optional>
#include <string>
#include <vector>

#include "eds/diagnostics.h"
#include "eds/rubric.h"
#include "yaml_tree.h"

namespace eds {

// Reads one YAML mapping against a fixed set of keys, reporting every problem
// to `diag`: a missing required key at the mapping, an unknown key with a
// "did you mean" hint. Construct, ask for keys, then call Finish().
class MappingReader {
 public:
  // `what` names the mapping in messages ("organisation", "a stakeholder").
  MappingReader(const YamlFile& file, const YamlNode& node, Diagnostics& diag,
                std::string what, std::vector<std::string> known_keys);

  // False when the node is not a mapping (already reported).
  bool ok() const { return ok_; }

  // The value of a key, or nullptr. Required() reports a missing key, unless
  // an unknown key here is its misspelling: Finish() then reports that one
  // with "did you mean", and one slip gives one error.
  const YamlNode* Required(const std::string& key);
  const YamlNode* Optional(const std::string& key);

  // Reports every key that is not among the known keys.
  void Finish();

 private:
  bool MisspeltHere(const std::string& key) const;

  const YamlFile& file_;
  const YamlNode& node_;
  Diagnostics& diag_;
  std::string what_;
  std::vector<std::string> known_keys_;
  bool ok_ = true;
};

// Reads a scalar as text: reports (and returns nullopt for) a list, a mapping
// or a null. `what` names the key in messages.
std::optional<std::string> ReadText(const YamlFile& file, const YamlNode& node,
                                    const std::string& what, Diagnostics& diag);

// As ReadText, and the text must not be empty or only spaces.
std::optional<std::string> ReadNonEmptyText(const YamlFile& file,
                                            const YamlNode& node,
                                            const std::string& what,
                                            Diagnostics& diag);

// A whole number written in plain digits (no sign, no leading zero, at most
// 9 digits), parsed by hand: "010" and "2.5" are refused.
std::optional<int> ParseWholeNumber(const std::string& text);

// Checks the node is a sequence (non-empty when `allow_empty` is false) of at
// most kMaxItemsPerList items; reports and returns false otherwise.
bool ExpectList(const YamlFile& file, const YamlNode& node,
                const std::string& what, bool allow_empty, Diagnostics& diag);

// A list of texts (a YAML sequence of scalars).
std::optional<std::vector<std::string>> ReadTextList(const YamlFile& file,
                                                     const YamlNode& node,
                                                     const std::string& what,
                                                     Diagnostics& diag);

// Reads a `policy:` mapping over the values already in `policy`.
void ReadPolicy(const YamlFile& file, const YamlNode& node, Diagnostics& diag,
                Policy* policy);

// A short readable name for a node's kind: "text", "a list", "a mapping".
const char* KindName(const YamlNode& node);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_YAML_READER_H_
