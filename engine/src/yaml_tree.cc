#include "yaml_tree.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <unordered_map>

#include "eds/limits.h"
#include "eds/text.h"
#include "simple_yaml.h"
#include "yaml_cpp_events.h"
#include "yaml_event.h"
#include "yaml_syntax_errors.h"

namespace eds {
namespace {

// Builds the YamlNode tree from parse events (of the fast scan or of
// yaml-cpp), refusing what eds3 does not accept as soon as it is seen: it
// throws the YamlProblem.
class TreeBuilder final : public YamlEventSink {
 public:
  explicit TreeBuilder(const YamlFile* file) : file_(file) {}

  YamlNode TakeRoot() { return std::move(root_); }

  // Where the innermost collection still open starts; nullopt when none is.
  std::optional<std::size_t> innermost_open() const {
    if (stack_.empty()) return std::nullopt;
    return stack_.back().pos;
  }

  void OnEvent(const YamlEvent& event) override {
    using Type = YamlEvent::Type;
    switch (event.type) {
      case Type::kMapStart:
        Open(event, YamlNode::Kind::kMapping);
        break;
      case Type::kSequenceStart:
        Open(event, YamlNode::Kind::kSequence);
        break;
      case Type::kMapEnd:
      case Type::kSequenceEnd:
        Close();
        break;
      case Type::kScalar:
        OnScalar(event);
        break;
      case Type::kNull:
        OnNull(event);
        break;
      case Type::kAlias:
        throw YamlProblem{event.pos, "YAML aliases (*name) are not allowed",
                          "write the value out in full; eds3 files do not "
                          "share values between places"};
    }
  }

 private:
  struct OpenCollection {
    YamlNode node;
    std::unordered_map<std::string, int> key_lines;  // mappings only
    std::optional<YamlNode> pending_key;
    std::size_t pos;  // where the collection starts
  };

  void OnNull(const YamlEvent& event) {
    CheckAnchor(event);
    // yaml-cpp marks a value left out ("key:" alone) at the next token,
    // which may be lines below or past the end of the file; such a value is
    // placed at its key instead. A written "~" or "null" keeps its place.
    const std::string& text = file_->text();
    const std::size_t pos = event.pos;
    const bool written =
        text.compare(pos, 1, "~") == 0 || text.compare(pos, 4, "null") == 0 ||
        text.compare(pos, 4, "Null") == 0 || text.compare(pos, 4, "NULL") == 0;
    YamlNode node = MakeNode(YamlNode::Kind::kNull, pos);
    if (!written && !stack_.empty() && stack_.back().node.IsSequence()) {
      // A list item left empty ("-" alone) is placed at its dash.
      std::size_t dash = std::min(pos, text.size());
      while (dash > 0 &&
             std::isspace(static_cast<unsigned char>(text[dash - 1]))) {
        --dash;
      }
      if (dash > 0 && text[dash - 1] == '-') {
        file_->Locate(dash - 1, &node.line, &node.column);
      }
    }
    Emit(std::move(node), /*left_out=*/!written);
  }

  void OnScalar(const YamlEvent& event) {
    CheckAnchor(event);
    CheckTag(event);
    const std::size_t pos = event.pos;
    const std::string_view value = event.value;
    if (event.quoted) {
      if (auto unclosed = UnclosedQuote(file_->text(), pos)) throw *unclosed;
    }
    if (value.size() > kMaxTextBytes) {
      throw YamlProblem{
          pos, fmt::format("text is longer than {} bytes", kMaxTextBytes), ""};
    }
    // The file holds no control character (checked first), so one here was
    // written as an escape such as "\0" or "\e".
    char32_t control = 0;
    if (FindControlCharacter(value, /*carriage_return_allowed=*/false,
                             &control) != std::string_view::npos) {
      throw YamlProblem{pos,
                        fmt::format("this text holds the control character "
                                    "U+{:04X}, written as an escape",
                                    static_cast<unsigned>(control)),
                        "remove the escape; text may hold \\n and \\t but no "
                        "other control character"};
    }
    const bool null_word =
        !event.quoted &&
        (value == "~" || value == "null" || value == "Null" || value == "NULL");
    YamlNode node = MakeNode(
        null_word ? YamlNode::Kind::kNull : YamlNode::Kind::kScalar, pos);
    if (!null_word) node.text = value;
    node.quoted = event.quoted;
    Emit(std::move(node));
  }

  YamlNode MakeNode(YamlNode::Kind kind, std::size_t pos) {
    if (++node_count_ > kMaxYamlNodes) {
      throw YamlProblem{
          pos,
          fmt::format("more than {} YAML values in one file", kMaxYamlNodes),
          ""};
    }
    YamlNode node;
    node.kind = kind;
    file_->Locate(pos, &node.line, &node.column);
    return node;
  }

  static void CheckAnchor(const YamlEvent& event) {
    if (event.anchored) {
      throw YamlProblem{event.pos, "YAML anchors (&name) are not allowed",
                        "write the value out in full"};
    }
  }

  // A collection's bare "!" tag changes nothing (a scalar's is `quoted`).
  static void CheckTag(const YamlEvent& event) {
    if (!event.tag.empty() && event.tag != "!") {
      throw YamlProblem{
          event.pos, fmt::format("YAML tags ({}) are not allowed", event.tag),
          "remove the tag; eds3 reads every value as text"};
    }
  }

  void Open(const YamlEvent& event, YamlNode::Kind kind) {
    CheckAnchor(event);
    CheckTag(event);
    if (static_cast<int>(stack_.size()) >= kMaxNestingDepth) {
      throw YamlProblem{
          event.pos,
          fmt::format("nesting is deeper than {} levels", kMaxNestingDepth),
          ""};
    }
    stack_.push_back(
        OpenCollection{MakeNode(kind, event.pos), {}, std::nullopt, event.pos});
  }

  void Close() {
    YamlNode node = std::move(stack_.back().node);
    stack_.pop_back();
    Emit(std::move(node));
  }

  void Emit(YamlNode node, bool left_out = false) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    OpenCollection& top = stack_.back();
    if (top.node.IsSequence()) {
      top.node.items.push_back(std::move(node));
      return;
    }
    if (!top.pending_key) {
      if (!node.IsScalar()) {
        throw YamlProblem{file_->PosOf(node.line, node.column),
                          "a mapping key must be plain text", ""};
      }
      auto [it, inserted] = top.key_lines.emplace(node.text, node.line);
      if (!inserted) {
        throw YamlProblem{
            file_->PosOf(node.line, node.column),
            fmt::format("duplicate key '{}' (first given on line {})",
                        node.text, it->second),
            "give each key once"};
      }
      top.pending_key = std::move(node);
      return;
    }
    if (left_out) {
      node.line = top.pending_key->line;
      node.column = top.pending_key->column;
    }
    top.node.entries.emplace_back(std::move(*top.pending_key), std::move(node));
    top.pending_key.reset();
  }

  const YamlFile* file_;
  std::vector<OpenCollection> stack_;
  YamlNode root_;
  std::size_t node_count_ = 0;
};

}  // namespace

bool IsValidText(const std::string& text, int* line, int* column) {
  const std::size_t bad = std::min(FindInvalidUtf8(text), text.find('\0'));
  if (bad == std::string::npos) return true;
  int current_line = 1, current_column = 1;
  for (std::size_t i = 0; i < bad; ++i) {
    if (text[i] == '\n') {
      ++current_line;
      current_column = 1;
    } else if (!IsUtf8Continuation(text[i])) {
      ++current_column;
    }
  }
  *line = current_line;
  *column = current_column;
  return false;
}

std::size_t FindControlCharacter(std::string_view text,
                                 bool carriage_return_allowed,
                                 char32_t* code_point) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool allowed = byte == '\t' || byte == '\n' ||
                         (byte == '\r' && carriage_return_allowed);
    if ((byte < 0x20 && !allowed) || byte == 0x7F) {
      *code_point = byte;
      return i;
    }
    // U+0080..U+009F are C2 80..C2 9F in UTF-8.
    if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) {
        *code_point = next;
        return i;
      }
    }
  }
  return std::string_view::npos;
}

std::string ControlCharacterMessage(char32_t code_point) {
  return fmt::format(
      "the file holds the control character U+{:04X}, which is not text",
      static_cast<unsigned>(code_point));
}

const char* WideUnicodeEncoding(const std::string& text) {
  const auto starts = [&](const char* bytes, std::size_t n) {
    return text.size() >= n && text.compare(0, n, bytes, n) == 0;
  };
  if (starts("\xFF\xFE\0\0", 4) || starts("\0\0\xFE\xFF", 4)) return "UTF-32";
  if (starts("\xFF\xFE", 2) || starts("\xFE\xFF", 2)) return "UTF-16";
  // Without a byte-order mark: an ASCII first character padded with NULs.
  const auto zero = [&](std::size_t i) { return text[i] == '\0'; };
  if (text.size() >= 4) {
    if ((!zero(0) && zero(1) && zero(2) && zero(3)) ||
        (zero(0) && zero(1) && zero(2) && !zero(3))) {
      return "UTF-32";
    }
  }
  if (text.size() >= 2 && (zero(0) != zero(1))) return "UTF-16";
  return nullptr;
}

const YamlNode* YamlNode::Find(const std::string& key) const {
  for (const auto& [k, v] : entries) {
    if (k.text == key) return &v;
  }
  return nullptr;
}

const YamlNode* YamlNode::FindKey(const std::string& key) const {
  for (const auto& [k, v] : entries) {
    if (k.text == key) return &k;
  }
  return nullptr;
}

void YamlFile::Locate(std::size_t pos, int* line, int* column) const {
  pos = std::min(pos, text_.size());
  const auto it =
      std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
  const std::size_t index =
      static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  *line = static_cast<int>(index) + 1;
  std::size_t from = line_starts_[index];
  int chars = 1;
  if (located_line_ == index && located_pos_ <= pos) {
    from = located_pos_;
    chars = located_column_;
  }
  for (std::size_t i = from; i < pos; ++i) {
    if (!IsUtf8Continuation(text_[i])) ++chars;
  }
  located_line_ = index;
  located_pos_ = pos;
  located_column_ = chars;
  *column = chars;
}

std::size_t YamlFile::PosOf(int line, int column) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size())
    return 0;
  std::size_t pos = line_starts_[static_cast<std::size_t>(line) - 1];
  for (int chars = 1;
       pos < text_.size() && chars < column && text_[pos] != '\n'; ++chars) {
    ++pos;
    while (pos < text_.size() && IsUtf8Continuation(text_[pos])) ++pos;
  }
  return pos;
}

std::string YamlFile::Line(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size())
    return "";
  const std::size_t index = static_cast<std::size_t>(line) - 1;
  const std::size_t start = line_starts_[index];
  std::size_t end = index + 1 < line_starts_.size()
                        ? line_starts_[index + 1] - 1
                        : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  if (end - start > kMaxQuotedLineBytes) return "";
  return text_.substr(start, end - start);
}

void YamlFile::Error(Diagnostics& diag, const YamlNode& node,
                     std::string message, std::string hint) const {
  diag.Error(Where(node), std::move(message), std::move(hint), Line(node.line));
}

std::optional<YamlFile> YamlFile::Parse(std::string text, std::string file,
                                        Diagnostics& diag) {
  // A UTF-8 byte-order mark is not part of the content a person sees.
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  if (const char* encoding = WideUnicodeEncoding(text)) {
    diag.Error({file, 1, 1},
               fmt::format("the file is {} text; eds3 reads UTF-8", encoding),
               "save the file as UTF-8 text");
    return std::nullopt;
  }
  int bad_line = 0, bad_column = 0;
  if (!IsValidText(text, &bad_line, &bad_column)) {
    diag.Error({file, bad_line, bad_column},
               "the file is not valid UTF-8 text (a NUL byte or an invalid "
               "byte sequence)",
               "save the file as UTF-8 text");
    return std::nullopt;
  }
  YamlFile result;
  result.file_ = std::move(file);
  result.text_ = std::move(text);
  result.line_starts_.push_back(0);
  for (std::size_t i = 0; i < result.text_.size(); ++i) {
    if (result.text_[i] == '\n') result.line_starts_.push_back(i + 1);
  }
  const auto refuse = [&](const YamlProblem& problem) {
    int line = 0, column = 0;
    result.Locate(problem.pos, &line, &column);
    diag.Error({result.file_, line, column}, problem.message, problem.hint,
               result.Line(line));
  };
  // Lines that end in a carriage return alone (very old Mac files) run
  // together for a YAML parser, which then reports a confusing error.
  for (std::size_t cr = result.text_.find('\r'); cr != std::string::npos;
       cr = result.text_.find('\r', cr + 1)) {
    if (cr + 1 < result.text_.size() && result.text_[cr + 1] == '\n') continue;
    int line = 0, column = 0;
    result.Locate(cr, &line, &column);
    diag.Error({result.file_, line, column},
               "a carriage return without a line feed: the lines end the way "
               "very old Mac files do",
               "save the file with Unix (LF) or Windows (CRLF) line ends");
    return std::nullopt;
  }
  char32_t control = 0;
  const std::size_t control_at = FindControlCharacter(
      result.text_, /*carriage_return_allowed=*/true, &control);
  if (control_at != std::string_view::npos) {
    // The line is not quoted: it holds the very character refused.
    int line = 0, column = 0;
    result.Locate(control_at, &line, &column);
    diag.Error({result.file_, line, column}, ControlCharacterMessage(control),
               kControlCharacterHint);
    return std::nullopt;
  }
  TreeBuilder builder(&result);
  // Most files are plain YAML that a fast scan reads with the very events
  // yaml-cpp would give (the benchmark in docs/performance.md); the others,
  // and every file with a syntax error, go through yaml-cpp.
  std::vector<YamlEvent> events;
  std::deque<std::string> decoded;
  if (ScanSimpleYaml(result.text_, &events, &decoded)) {
    try {
      for (const YamlEvent& event : events) builder.OnEvent(event);
    } catch (const YamlProblem& problem) {
      refuse(problem);
      return std::nullopt;
    }
    result.root_ = builder.TakeRoot();
    return result;
  }
  YamlCppEvents parser(result.text_);
  TreeBuilder rest(&result);
  const TreeBuilder* active = &builder;
  try {
    std::size_t start = 0;
    YamlCppEvents::Result read = parser.NextDocument(builder, &start);
    if (read == YamlCppEvents::Result::kNoDocument) return result;  // empty
    if (read == YamlCppEvents::Result::kDocument) {
      result.root_ = builder.TakeRoot();
      // A second document ends the parse: "," alone would otherwise make
      // yaml-cpp produce empty documents without end.
      active = &rest;
      read = parser.NextDocument(rest, &start);
      if (read == YamlCppEvents::Result::kDocument) {
        refuse(ExplainSecondDocument(result.text_, start));
        return std::nullopt;
      }
    }
    if (read == YamlCppEvents::Result::kSyntaxError) {
      const YamlSyntaxError& error = parser.error();
      std::size_t pos = error.pos.value_or(0);
      if (!error.pos && error.line >= 0) {
        pos = result.PosOf(error.line + 1, error.column + 1);
      }
      refuse(ExplainSyntaxError(result.text_, pos, error,
                                active->innermost_open()));
      return std::nullopt;
    }
  } catch (const YamlProblem& problem) {
    refuse(problem);
    return std::nullopt;
  }
  return result;
}

}  // namespace eds
