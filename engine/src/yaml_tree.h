#ifndef EDS_ENGINE_SRC_YAML_TREE_H_
#define EDS_ENGINE_SRC_YAML_TREE_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eds/diagnostics.h"

namespace eds {

// A YAML node as eds3 reads it: no implicit typing (every scalar is text),
// no anchors, aliases or tags, unique mapping keys, and every node located.
struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMapping };

  Kind kind = Kind::kNull;
  std::string text;     // a scalar's text
  bool quoted = false;  // a quoted scalar is text even when it looks like null
  int line = 0;         // 1-based
  int column = 0;       // 1-based, in characters
  std::vector<YamlNode> items;                         // a sequence's items
  std::vector<std::pair<YamlNode, YamlNode>> entries;  // a mapping's, in order

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsMapping() const { return kind == Kind::kMapping; }
  // The value for `key` in a mapping, or nullptr.
  const YamlNode* Find(const std::string& key) const;
  // The key node for `key` in a mapping, or nullptr (for locating keys).
  const YamlNode* FindKey(const std::string& key) const;
};

// A parsed YAML file together with its text, so that diagnostics can quote
// the offending line.
class YamlFile {
 public:
  // Parses `text` strictly. On failure adds the problem to `diag` (located)
  // and returns nullopt. Rejected: invalid UTF-8, NUL bytes, more than one
  // document, anchors, aliases, tags, duplicate or non-text keys, nesting
  // deeper than kMaxNestingDepth, more than kMaxYamlNodes nodes, any scalar
  // longer than kMaxTextBytes. An empty file gives a null root.
  static std::optional<YamlFile> Parse(std::string text, std::string file,
                                       Diagnostics& diag);

  const YamlNode& root() const { return root_; }
  const std::string& file() const { return file_; }
  // The text as parsed (without a byte-order mark).
  const std::string& text() const { return text_; }

  SourceLocation Where(const YamlNode& node) const {
    return {file_, node.line, node.column};
  }
  // The 1-based line's text without its line end; "" when out of range or
  // longer than kMaxQuotedLineBytes (such a line is not quoted, so that many
  // problems on one huge line cannot fill memory with copies of it).
  std::string Line(int line) const;

  // Adds an error located at `node`, quoting its line.
  void Error(Diagnostics& diag, const YamlNode& node, std::string message,
             std::string hint = "") const;

  // Byte offset <-> 1-based line and character column.
  void Locate(std::size_t pos, int* line, int* column) const;
  std::size_t PosOf(int line, int column) const;

 private:
  YamlFile() = default;

  std::string file_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  YamlNode root_;
  // The last position Locate() counted to. Marks arrive in file order, so
  // counting on from there keeps a long line linear instead of quadratic.
  mutable std::size_t located_line_ = static_cast<std::size_t>(-1);
  mutable std::size_t located_pos_ = 0;
  mutable int located_column_ = 1;
};

// Bounds on a YAML tree beyond those in limits.h.
inline constexpr std::size_t kMaxYamlNodes = 1000000;
// Longest line a diagnostic quotes (a scalar may hold kMaxTextBytes).
inline constexpr std::size_t kMaxQuotedLineBytes = 131072;

// Validates UTF-8 and rejects NUL bytes. On failure returns the 1-based line
// and column (in characters) of the first bad byte.
bool IsValidText(const std::string& text, int* line, int* column);

// The first control character in valid UTF-8 `text` that no eds3 text may
// hold: C0 controls other than tab and line feed (and carriage return, when
// `carriage_return_allowed`, as a file's CRLF line ends need), DEL, and C1
// controls (U+0080 to U+009F). They are invisible in a workbook, and in a
// terminal they can move the cursor or change colours. Returns its byte
// offset and sets `code_point`, or returns npos.
std::size_t FindControlCharacter(std::string_view text,
                                 bool carriage_return_allowed,
                                 char32_t* code_point);

// "the file holds the control character U+001B ..." for a file that
// FindControlCharacter refused, and the hint to give with it.
std::string ControlCharacterMessage(char32_t code_point);
inline constexpr char kControlCharacterHint[] =
    "delete it; an editor may show it as a box, or as ^ and a letter";

// "UTF-16" or "UTF-32" when `text` is in that encoding (what Windows tools
// save as "Unicode" text): it starts with that encoding's byte-order mark,
// or, without one, its first characters are ASCII padded with NUL bytes as
// that encoding pads them. nullptr otherwise.
const char* WideUnicodeEncoding(const std::string& text);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_YAML_TREE_H_
