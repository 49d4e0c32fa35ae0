#include "yaml_tree.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "eds/limits.h"
#include "eds/text.h"
#include "simple_yaml.h"

namespace eds {
namespace {

// Stops the parse at the first construct eds3 refuses.
struct Refusal {
  std::size_t pos;
  std::string message;
  std::string hint;
};

// True when the quoted scalar opening at text[pos] has its closing quote.
// yaml-cpp ends an unclosed quoted scalar silently at the end of the file,
// taking every line after the quote into the text.
bool QuoteIsClosed(const std::string& text, std::size_t pos) {
  const char quote = text[pos];
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return true;
      }
    }
  }
  return false;
}

// The opening quote, before `pos`, of a quoted text that is never closed,
// or npos. A quote opens a text where a value starts: at a line's start or
// after a space, '[', '{' or ','.
std::size_t UnclosedQuoteBefore(const std::string& text, std::size_t pos) {
  for (std::size_t i = std::min(pos, text.size()); i-- > 0;) {
    if (text[i] != '"' && text[i] != '\'') continue;
    const char before = i == 0 ? '\n' : text[i - 1];
    const bool opens = before == '\n' || before == ' ' || before == '\t' ||
                       before == '[' || before == '{' || before == ',';
    if (opens && !QuoteIsClosed(text, i)) return i;
  }
  return std::string::npos;
}

// True when a second document starting at text[pos] was begun on purpose:
// with '---', a directive, or after a '...' end marker. yaml-cpp also starts
// a new document at text that does not fit the first one ("- a" followed by
// "b: 1", or a stray ","): that is a syntax error, not a second document.
bool StartsExplicitDocument(const std::string& text, std::size_t pos) {
  if (text.compare(pos, 3, "---") == 0 || text.compare(pos, 1, "%") == 0) {
    return true;
  }
  std::size_t end = pos;
  while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) {
    --end;
  }
  return end >= 3 && text.compare(end - 3, 3, "...") == 0 &&
         (end == 3 || text[end - 4] == '\n');
}

// The text from `pos` to the end of its line, cut short on a character
// boundary, for quoting in a message.
std::string Snippet(const std::string& text, std::size_t pos) {
  constexpr std::size_t kMaxBytes = 30;
  std::size_t end = std::min(text.find('\n', pos), text.size());
  while (end > pos && (text[end - 1] == '\r' || text[end - 1] == ' ')) --end;
  if (end - pos <= kMaxBytes) return text.substr(pos, end - pos);
  std::size_t cut = pos + kMaxBytes;
  while (cut > pos && IsUtf8Continuation(text[cut])) {
    --cut;
  }
  return text.substr(pos, cut - pos) + "...";
}

// Turns a yaml-cpp syntax error at text[pos] into a message a person can
// act on. `open` is where the innermost unclosed collection starts.
Refusal ExplainSyntaxError(const std::string& text, std::size_t pos,
                           const std::string& what,
                           std::optional<std::size_t> open) {
  namespace msg = YAML::ErrorMsg;
  if (what == msg::UNKNOWN_ANCHOR) {
    return {pos, "YAML aliases (*name) are not allowed",
            "write the value out in full; eds3 files do not share values "
            "between places"};
  }
  if ((what == msg::END_OF_MAP_FLOW || what == msg::END_OF_SEQ_FLOW) && open &&
      *open < text.size() && (text[*open] == '{' || text[*open] == '[')) {
    const bool map = text[*open] == '{';
    return {*open,
            fmt::format("YAML syntax: this '{}' is never closed by '{}'",
                        map ? '{' : '[', map ? '}' : ']'),
            ""};
  }
  if (what == msg::FLOW_END && pos < text.size() &&
      (text[pos] == '}' || text[pos] == ']')) {
    return {pos,
            fmt::format("YAML syntax: this '{}' closes nothing", text[pos]),
            "check that every '{' and '[' before it is closed once"};
  }
  if (what == msg::MAP_VALUE || what == msg::TAB_IN_INDENTATION ||
      what == msg::END_OF_MAP || what == msg::END_OF_SEQ ||
      what == msg::BLOCK_ENTRY) {
    // A tab in a line's indentation is the usual cause of these.
    const std::size_t line_start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    const std::size_t from =
        line_start == std::string::npos || pos == 0 ? 0 : line_start + 1;
    const std::size_t first = text.find_first_not_of(" \t", from);
    const std::size_t tab = text.find('\t', from);
    if (tab != std::string::npos && (first == std::string::npos || tab < first)) {
      return {tab, "YAML syntax: a tab in the indentation",
              "indent with spaces; YAML does not allow tabs there"};
    }
  }
  if (what == msg::MAP_VALUE) {
    return {pos, "YAML syntax: illegal map value",
            "put text that holds ': ' in quotes; otherwise check the "
            "indentation"};
  }
  if (what == msg::EOF_IN_SCALAR) {
    const std::size_t quote = UnclosedQuoteBefore(text, pos);
    if (quote != std::string::npos) {
      return {quote, "YAML syntax: this quoted text is never closed",
              fmt::format("end the text with a matching {} quote",
                          text[quote] == '"' ? "double" : "single")};
    }
  }
  if (what == msg::END_OF_MAP || what == msg::END_OF_SEQ) {
    if (pos > 0 && pos < text.size() &&
        (text[pos - 1] == '"' || text[pos - 1] == '\'') &&
        !std::isspace(static_cast<unsigned char>(text[pos]))) {
      return {pos, "YAML syntax: text after the closing quote",
              "put the whole value in quotes, or none of it"};
    }
    return {pos,
            "YAML syntax: this line does not fit the indentation of the "
            "lines above",
            "indent it with spaces exactly as far as the keys it belongs with"};
  }
  return {pos, fmt::format("YAML syntax: {}", what), ""};
}

// Builds the YamlNode tree from yaml-cpp's events, refusing what eds3 does
// not accept as soon as it is seen.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(const YamlFile* file) : file_(file) {}

  YamlNode TakeRoot() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark& mark) override {
    document_start_ = Pos(mark);
  }
  std::size_t document_start() const { return document_start_; }
  // Where the innermost collection still open starts; nullopt when none is.
  std::optional<std::size_t> innermost_open() const {
    if (stack_.empty()) return std::nullopt;
    return stack_.back().pos;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    CheckAnchor(mark, anchor);
    // yaml-cpp marks a value left out ("key:" alone) at the next token,
    // which may be lines below or past the end of the file; such a value is
    // placed at its key instead. A written "~" or "null" keeps its place.
    const std::string& text = file_->text();
    const std::size_t pos = Pos(mark);
    const bool written = text.compare(pos, 1, "~") == 0 ||
                         text.compare(pos, 4, "null") == 0 ||
                         text.compare(pos, 4, "Null") == 0 ||
                         text.compare(pos, 4, "NULL") == 0;
    YamlNode node = MakeNode(YamlNode::Kind::kNull, mark);
    if (!written && !stack_.empty() && stack_.back().node.IsSequence()) {
      // A list item left empty ("-" alone) is placed at its dash.
      std::size_t dash = std::min(pos, text.size());
      while (dash > 0 && std::isspace(static_cast<unsigned char>(text[dash - 1]))) {
        --dash;
      }
      if (dash > 0 && text[dash - 1] == '-') {
        file_->Locate(dash - 1, &node.line, &node.column);
      }
    }
    Emit(std::move(node), /*left_out=*/!written);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Refusal{Pos(mark), "YAML aliases (*name) are not allowed",
                  "write the value out in full; eds3 files do not share "
                  "values between places"};
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override {
    CheckAnchor(mark, anchor);
    CheckTag(mark, tag);
    const bool quoted = tag == "!";
    const std::string& text = file_->text();
    const std::size_t pos = Pos(mark);
    if (quoted && pos < text.size() && (text[pos] == '"' || text[pos] == '\'') &&
        !QuoteIsClosed(text, pos)) {
      throw Refusal{pos, "YAML syntax: this quoted text is never closed",
                    fmt::format("end the text with a matching {} quote",
                                text[pos] == '"' ? "double" : "single")};
    }
    if (value.size() > kMaxTextBytes) {
      throw Refusal{pos,
                    fmt::format("text is longer than {} bytes", kMaxTextBytes),
                    ""};
    }
    // The file holds no control character (checked first), so one here was
    // written as an escape such as "\0" or "\e".
    char32_t control = 0;
    if (FindControlCharacter(value, /*carriage_return_allowed=*/false,
                             &control) != std::string_view::npos) {
      throw Refusal{pos,
                    fmt::format("this text holds the control character "
                                "U+{:04X}, written as an escape",
                                static_cast<unsigned>(control)),
                    "remove the escape; text may hold \\n and \\t but no "
                    "other control character"};
    }
    const bool null_word = !quoted && (value == "~" || value == "null" ||
                                       value == "Null" || value == "NULL");
    YamlNode node = MakeNode(
        null_word ? YamlNode::Kind::kNull : YamlNode::Kind::kScalar, mark);
    if (!null_word) node.text = value;
    node.quoted = quoted;
    Emit(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, tag, anchor, YamlNode::Kind::kSequence);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag,
                  YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    Open(mark, tag, anchor, YamlNode::Kind::kMapping);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct OpenCollection {
    YamlNode node;
    std::unordered_map<std::string, int> key_lines;  // mappings only
    std::optional<YamlNode> pending_key;
    std::size_t pos;  // where the collection starts
  };

  static std::size_t Pos(const YAML::Mark& mark) {
    return mark.pos < 0 ? 0 : static_cast<std::size_t>(mark.pos);
  }

  YamlNode MakeNode(YamlNode::Kind kind, const YAML::Mark& mark) {
    if (++node_count_ > kMaxYamlNodes) {
      throw Refusal{Pos(mark),
                    fmt::format("more than {} YAML values in one file",
                                kMaxYamlNodes),
                    ""};
    }
    YamlNode node;
    node.kind = kind;
    file_->Locate(Pos(mark), &node.line, &node.column);
    return node;
  }

  void CheckAnchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw Refusal{Pos(mark), "YAML anchors (&name) are not allowed",
                    "write the value out in full"};
    }
  }

  void CheckTag(const YAML::Mark& mark, const std::string& tag) {
    if (!tag.empty() && tag != "?" && tag != "!") {
      throw Refusal{Pos(mark),
                    fmt::format("YAML tags ({}) are not allowed", tag),
                    "remove the tag; eds3 reads every value as text"};
    }
  }

  void Open(const YAML::Mark& mark, const std::string& tag,
            YAML::anchor_t anchor, YamlNode::Kind kind) {
    CheckAnchor(mark, anchor);
    CheckTag(mark, tag);
    if (static_cast<int>(stack_.size()) >= kMaxNestingDepth) {
      throw Refusal{Pos(mark),
                    fmt::format("nesting is deeper than {} levels",
                                kMaxNestingDepth),
                    ""};
    }
    stack_.push_back(
        OpenCollection{MakeNode(kind, mark), {}, std::nullopt, Pos(mark)});
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
        throw Refusal{file_->PosOf(node.line, node.column),
                      "a mapping key must be plain text", ""};
      }
      auto [it, inserted] = top.key_lines.emplace(node.text, node.line);
      if (!inserted) {
        throw Refusal{file_->PosOf(node.line, node.column),
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
  std::size_t document_start_ = 0;
};

// Gives `builder` the events of a file that ScanSimpleYaml read, as
// yaml-cpp's parser would.
void Replay(const std::vector<YamlEvent>& events, TreeBuilder& builder) {
  YAML::Mark mark;
  builder.OnDocumentStart(mark);
  for (const YamlEvent& event : events) {
    mark.pos = static_cast<int>(event.pos);
    mark.line = event.line;
    mark.column = event.column;
    const auto style =
        event.flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block;
    switch (event.type) {
      case YamlEvent::Type::kMapStart:
        builder.OnMapStart(mark, "?", YAML::NullAnchor, style);
        break;
      case YamlEvent::Type::kMapEnd:
        builder.OnMapEnd();
        break;
      case YamlEvent::Type::kSequenceStart:
        builder.OnSequenceStart(mark, "?", YAML::NullAnchor, style);
        break;
      case YamlEvent::Type::kSequenceEnd:
        builder.OnSequenceEnd();
        break;
      case YamlEvent::Type::kScalar:
        builder.OnScalar(mark, event.quoted ? "!" : "?", YAML::NullAnchor,
                         std::string(event.value));
        break;
      case YamlEvent::Type::kNull:
        builder.OnNull(mark, YAML::NullAnchor);
        break;
    }
  }
  builder.OnDocumentEnd();
}

}  // namespace

bool IsValidText(const std::string& text, int* line, int* column) {
  const std::size_t bad =
      std::min(FindInvalidUtf8(text), text.find('\0'));
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
  const std::size_t index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
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
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return 0;
  std::size_t pos = line_starts_[static_cast<std::size_t>(line) - 1];
  for (int chars = 1; pos < text_.size() && chars < column && text_[pos] != '\n';
       ++chars) {
    ++pos;
    while (pos < text_.size() && IsUtf8Continuation(text_[pos])) ++pos;
  }
  return pos;
}

std::string YamlFile::Line(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return "";
  const std::size_t index = static_cast<std::size_t>(line) - 1;
  const std::size_t start = line_starts_[index];
  std::size_t end = index + 1 < line_starts_.size() ? line_starts_[index + 1] - 1
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
  const auto refuse = [&](std::size_t pos, const std::string& message,
                          const std::string& hint) {
    int line = 0, column = 0;
    result.Locate(pos, &line, &column);
    diag.Error({result.file_, line, column}, message, hint, result.Line(line));
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
  const std::size_t control_at =
      FindControlCharacter(result.text_, /*carriage_return_allowed=*/true,
                           &control);
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
      Replay(events, builder);
    } catch (const Refusal& refusal) {
      refuse(refusal.pos, refusal.message, refusal.hint);
      return std::nullopt;
    }
    result.root_ = builder.TakeRoot();
    return result;
  }
  std::istringstream stream(result.text_);
  TreeBuilder rest(&result);
  const TreeBuilder* active = &builder;
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) return result;  // empty file
    result.root_ = builder.TakeRoot();
    // A second document ends the parse: "," alone would otherwise make
    // yaml-cpp produce empty documents without end.
    active = &rest;
    if (parser.HandleNextDocument(rest)) {
      const std::size_t start = rest.document_start();
      if (StartsExplicitDocument(result.text_, start)) {
        refuse(start, "the file holds more than one YAML document",
               "remove the '---' separator and everything after the first "
               "document");
      } else {
        refuse(start,
               fmt::format("YAML syntax: unexpected '{}'",
                           Snippet(result.text_, start)),
               "the file holds one YAML mapping; check the indentation, "
               "brackets and quotes here and on the lines before");
      }
      return std::nullopt;
    }
  } catch (const Refusal& refusal) {
    refuse(refusal.pos, refusal.message, refusal.hint);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    std::size_t pos = e.mark.pos < 0 ? 0 : static_cast<std::size_t>(e.mark.pos);
    if (e.mark.pos < 0 && e.mark.line >= 0) {
      pos = result.PosOf(e.mark.line + 1, e.mark.column + 1);
    }
    const Refusal explained = ExplainSyntaxError(result.text_, pos, e.msg,
                                                 active->innermost_open());
    refuse(explained.pos, explained.message, explained.hint);
    return std::nullopt;
  }
  return result;
}

}  // namespace eds
