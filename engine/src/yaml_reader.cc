#include "yaml_reader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "eds/limits.h"

namespace eds {

const char* KindName(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kNull:
      return "empty";
    case YamlNode::Kind::kScalar:
      return "text";
    case YamlNode::Kind::kSequence:
      return "a list";
    case YamlNode::Kind::kMapping:
      return "a mapping";
  }
  return "unknown";
}

MappingReader::MappingReader(const YamlFile& file, const YamlNode& node,
                             Diagnostics& diag, std::string what,
                             std::vector<std::string> known_keys)
    : file_(file),
      node_(node),
      diag_(diag),
      what_(std::move(what)),
      known_keys_(std::move(known_keys)) {
  if (!node_.IsMapping()) {
    file_.Error(diag_, node_,
                fmt::format("{} must be a mapping of keys to values, not {}",
                            what_, KindName(node_)));
    ok_ = false;
  }
}

const YamlNode* MappingReader::Required(const std::string& key) {
  if (!ok_) return nullptr;
  const YamlNode* value = node_.Find(key);
  if (value == nullptr && !MisspeltHere(key)) {
    file_.Error(diag_, node_,
                fmt::format("{} is missing the required key '{}'", what_, key));
  }
  return value;
}

bool MappingReader::MisspeltHere(const std::string& key) const {
  for (const auto& [other, value] : node_.entries) {
    if (std::find(known_keys_.begin(), known_keys_.end(), other.text) !=
        known_keys_.end()) {
      continue;
    }
    if (ClosestMatch(other.text, known_keys_) == key) return true;
  }
  return false;
}

const YamlNode* MappingReader::Optional(const std::string& key) {
  return ok_ ? node_.Find(key) : nullptr;
}

void MappingReader::Finish() {
  if (!ok_) return;
  for (const auto& [key, value] : node_.entries) {
    if (std::find(known_keys_.begin(), known_keys_.end(), key.text) !=
        known_keys_.end()) {
      continue;
    }
    // Past the error cap a message is only counted, so skip the search.
    const std::string match = diag_.error_count() >= Diagnostics::kMaxErrors
                                  ? ""
                                  : ClosestMatch(key.text, known_keys_);
    file_.Error(
        diag_, key,
        fmt::format(
            "unknown key '{}' in {}{}", key.text, what_,
            match.empty() ? "" : fmt::format("; did you mean '{}'?", match)),
        match.empty() ? fmt::format("the keys allowed here are: {}",
                                    fmt::join(known_keys_, ", "))
                      : "");
  }
}

std::optional<std::string> ReadText(const YamlFile& file, const YamlNode& node,
                                    const std::string& what,
                                    Diagnostics& diag) {
  if (node.IsScalar()) return node.text;
  file.Error(diag, node,
             fmt::format("'{}' must be text, not {}", what, KindName(node)));
  return std::nullopt;
}

std::optional<std::string> ReadNonEmptyText(const YamlFile& file,
                                            const YamlNode& node,
                                            const std::string& what,
                                            Diagnostics& diag) {
  std::optional<std::string> text = ReadText(file, node, what, diag);
  if (!text) return std::nullopt;
  if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
    file.Error(diag, node, fmt::format("'{}' must not be empty", what));
    return std::nullopt;
  }
  return text;
}

std::optional<int> ParseWholeNumber(const std::string& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  if (text.size() > 1 && text[0] == '0') return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool ExpectList(const YamlFile& file, const YamlNode& node,
                const std::string& what, bool allow_empty, Diagnostics& diag) {
  if (!node.IsSequence()) {
    file.Error(
        diag, node,
        fmt::format("'{}' must be a list, not {}", what, KindName(node)));
    return false;
  }
  if (node.items.empty() && !allow_empty) {
    file.Error(diag, node, fmt::format("'{}' is an empty list", what),
               fmt::format("leave the '{}' key out instead", what));
    return false;
  }
  if (node.items.size() > kMaxItemsPerList) {
    file.Error(diag, node,
               fmt::format("'{}' has {} items; the limit is {}", what,
                           node.items.size(), kMaxItemsPerList));
    return false;
  }
  return true;
}

std::optional<std::vector<std::string>> ReadTextList(const YamlFile& file,
                                                     const YamlNode& node,
                                                     const std::string& what,
                                                     Diagnostics& diag) {
  if (!ExpectList(file, node, what, /*allow_empty=*/true, diag)) {
    return std::nullopt;
  }
  std::vector<std::string> texts;
  bool ok = true;
  for (const YamlNode& item : node.items) {
    std::optional<std::string> text = ReadNonEmptyText(file, item, what, diag);
    if (text) {
      texts.push_back(*text);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return texts;
}

}  // namespace eds
