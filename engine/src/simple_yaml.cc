#include "simple_yaml.h"

#include <deque>
#include <string>

#include "eds/limits.h"

namespace eds {
namespace {

using Type = YamlEvent::Type;

// Longer files, or longer keys, are left to yaml-cpp: the events of a
// hostile file must not take more memory than its tree would.
constexpr std::size_t kMaxEvents = 100000;
constexpr std::size_t kMaxKeyBytes = 256;

bool IsAlphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}
bool IsKeyStart(char c) { return IsAlphanumeric(c) || c == '_'; }
bool IsKeyChar(char c) {
  return IsAlphanumeric(c) || c == '_' || c == '-' || c == '.';
}

// Characters that may start something other than a plain scalar.
bool IsIndicator(char c) {
  switch (c) {
    case '-':
    case '?':
    case ':':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`':
      return true;
    default:
      return false;
  }
}

// Plain scalars yaml-cpp reports as null.
bool IsNullWord(std::string_view value) {
  return value == "~" || value == "null" || value == "Null" || value == "NULL";
}

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<YamlEvent>* events,
          std::deque<std::string>* decoded)
      : text_(text), size_(text.size()), events_(events), decoded_(decoded) {}

  bool Run() {
    if (!PlainCharacters()) return false;
    SkipToContent(0);
    if (!eof_ && indent_ == 0 && text_.compare(content_, 3, "---") == 0) {
      // A document start marker alone on its line (a comment may follow).
      const std::size_t after = content_ + 3;
      if (after < size_ && text_[after] != ' ' && !IsBreak(after)) return false;
      if (!EndLine(after)) return false;
    }
    std::size_t colon = 0;
    if (eof_ || indent_ != 0 || !KeyAt(content_, &colon)) return false;
    return Mapping(0, content_, 1) && eof_;
  }

 private:
  // Only characters every YAML reader agrees on: no tab, carriage return
  // (but in a CRLF line end) or other control character, and none of the
  // Unicode line breaks or byte-order marks yaml-cpp might treat specially.
  bool PlainCharacters() const {
    for (std::size_t i = 0; i < size_; ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c == '\r' && i + 1 < size_ && text_[i + 1] == '\n') continue;
      if ((c < 0x20 && c != '\n') || c == 0x7F) return false;
      if (c == 0xC2 && i + 1 < size_ &&
          static_cast<unsigned char>(text_[i + 1]) == 0x85) {
        return false;
      }
      if ((c == 0xE2 || c == 0xEF) && i + 2 < size_) {
        const auto next = static_cast<unsigned char>(text_[i + 1]);
        const auto last = static_cast<unsigned char>(text_[i + 2]);
        if (c == 0xE2 && next == 0x80 && (last == 0xA8 || last == 0xA9)) {
          return false;
        }
        if (c == 0xEF && next == 0xBB && last == 0xBF) return false;
      }
    }
    return true;
  }

  // True when the text ends in a line of spaces or a comment with no line
  // end: yaml-cpp marks a value left out just before it at a column that
  // depends on its state, so such a file is left to yaml-cpp.
  bool EndsInAnUnendedBlankLine() const {
    const std::size_t newline = text_.rfind('\n');
    const std::size_t start =
        newline == std::string_view::npos ? 0 : newline + 1;
    if (start >= size_) return false;
    std::size_t p = start;
    while (p < size_ && text_[p] == ' ') ++p;
    return p >= size_ || text_[p] == '#';
  }

  // Moves to the first line from `pos` (a line start) that holds more than
  // spaces and a comment, or to the end.
  void SkipToContent(std::size_t pos) {
    for (;;) {
      if (pos >= size_) {
        eof_ = true;
        return;
      }
      std::size_t p = pos;
      while (p < size_ && text_[p] == ' ') ++p;
      if (p < size_ && !IsBreak(p) && text_[p] != '#') {
        line_begin_ = pos;
        content_ = p;
        indent_ = p - pos;
        return;
      }
      const std::size_t end = text_.find('\n', p);
      if (end == std::string_view::npos) {
        eof_ = true;
        return;
      }
      pos = end + 1;
      ++line_;
    }
  }

  // Finishes the line at `pos`: spaces, then a comment after a space, then
  // the line end. Moves to the next content line.
  bool EndLine(std::size_t pos) {
    const std::size_t start = pos;
    while (pos < size_ && text_[pos] == ' ') ++pos;
    if (pos < size_ && text_[pos] == '#') {
      if (pos == start) return false;
      pos = text_.find('\n', pos);
      if (pos == std::string_view::npos) pos = size_;
    }
    if (pos >= size_) {
      eof_ = true;
      return true;
    }
    if (!IsBreak(pos)) return false;
    ++line_;
    SkipToContent(text_.find('\n', pos) + 1);
    return true;
  }

  // A line end ('\n', or the '\r' of "\r\n") at `pos` < size_.
  bool IsBreak(std::size_t pos) const {
    return text_[pos] == '\n' || text_[pos] == '\r';
  }

  std::size_t SkipSpaces(std::size_t pos) const {
    while (pos < size_ && text_[pos] == ' ') ++pos;
    return pos;
  }

  bool Emit(Type type, std::size_t pos, bool flow = false, bool quoted = false,
            std::string_view value = {}) {
    if (events_->size() >= kMaxEvents) return false;
    YamlEvent event;
    event.type = type;
    event.flow = flow;
    event.quoted = quoted;
    event.pos = pos;
    event.line = line_;
    event.column = static_cast<int>(pos - line_begin_);
    event.value = value;
    events_->push_back(event);
    return true;
  }
  bool EmitEnd(Type type) {
    if (events_->size() >= kMaxEvents) return false;
    YamlEvent event;
    event.type = type;
    events_->push_back(event);
    return true;
  }
  bool EmitPlain(std::size_t begin, std::size_t end) {
    const std::string_view value = text_.substr(begin, end - begin);
    if (IsNullWord(value)) return Emit(Type::kNull, begin);
    return Emit(Type::kScalar, begin, false, false, value);
  }
  // A value left out: yaml-cpp marks it at the next token, or at the end.
  bool EmitLeftOut() {
    if (!eof_) return Emit(Type::kNull, content_);
    if (EndsInAnUnendedBlankLine()) return false;
    if (events_->size() >= kMaxEvents) return false;
    YamlEvent event;
    event.type = Type::kNull;
    event.pos = size_;
    event.line = line_;
    events_->push_back(event);
    return true;
  }

  // A plain key at `pos` ended by ':' and a space or the line end.
  bool KeyAt(std::size_t pos, std::size_t* colon) const {
    if (pos >= size_ || !IsKeyStart(text_[pos])) return false;
    std::size_t q = pos + 1;
    while (q < size_ && IsKeyChar(text_[q])) ++q;
    if (q - pos > kMaxKeyBytes || q >= size_ || text_[q] != ':') return false;
    if (q + 1 < size_ && text_[q + 1] != ' ' && !IsBreak(q + 1)) {
      return false;
    }
    *colon = q;
    return true;
  }

  // The collection that starts on the current content line, at `indent`.
  bool Block(std::size_t indent, int depth) {
    if (text_[content_] == '-') return Sequence(indent, depth);
    return Mapping(indent, content_, depth);
  }

  // A block mapping whose first key is at `pos` on the current line, in
  // column `indent`.
  bool Mapping(std::size_t indent, std::size_t pos, int depth) {
    if (depth >= kMaxNestingDepth || !Emit(Type::kMapStart, pos)) return false;
    for (;;) {
      std::size_t colon = 0;
      if (!KeyAt(pos, &colon) || !EmitPlain(pos, colon)) return false;
      const std::size_t value = SkipSpaces(colon + 1);
      if (value >= size_ || IsBreak(value) || text_[value] == '#') {
        if (!EndLine(colon + 1)) return false;
        if (!eof_ && indent_ > indent) {
          if (!Block(indent_, depth + 1)) return false;
        } else if (!eof_ && indent_ == indent && text_[content_] == '-') {
          // A sequence in its key's column.
          if (!Sequence(indent, depth + 1, /*in_key_column=*/true)) {
            return false;
          }
        } else if (!EmitLeftOut()) {
          return false;
        }
      } else if (text_[value] == '|' || text_[value] == '>') {
        if (!BlockScalar(value, indent)) return false;
      } else {
        std::size_t end = 0;
        if (!InlineValue(value, depth + 1, &end) || !EndLine(end)) return false;
        if (!eof_ && indent_ > indent) return false;  // a continued value
      }
      if (eof_ || indent_ < indent) return EmitEnd(Type::kMapEnd);
      if (indent_ > indent) return false;
      pos = content_;
    }
  }

  // A block sequence whose first '-' starts the current line's content, in
  // column `indent`; `in_key_column`: the value of a mapping's key in that
  // column, so it ends at the first line there that is not an item.
  bool Sequence(std::size_t indent, int depth, bool in_key_column = false) {
    if (depth >= kMaxNestingDepth || !Emit(Type::kSequenceStart, content_)) {
      return false;
    }
    for (;;) {
      std::size_t item = content_ + 1;
      if (text_[content_] != '-' || item >= size_ || text_[item] != ' ') {
        return false;
      }
      item = SkipSpaces(item);
      if (item >= size_ || IsBreak(item) || text_[item] == '#' ||
          text_[item] == '-') {
        return false;
      }
      std::size_t colon = 0;
      if (KeyAt(item, &colon)) {
        if (!Mapping(item - line_begin_, item, depth + 1)) return false;
      } else {
        std::size_t end = 0;
        if (!InlineValue(item, depth + 1, &end) || !EndLine(end)) return false;
        if (!eof_ && indent_ > indent) return false;
      }
      if (eof_ || indent_ < indent ||
          (in_key_column && indent_ == indent && text_[content_] != '-')) {
        return EmitEnd(Type::kSequenceEnd);
      }
      if (indent_ > indent) return false;
    }
  }

  // A value that starts at `pos` after "key: " or "- ": a flow collection,
  // a quoted scalar or a plain one. `*end` becomes where it ends.
  bool InlineValue(std::size_t pos, int depth, std::size_t* end) {
    const char c = text_[pos];
    if (c == '{' || c == '[') return Flow(pos, depth, end);
    if (c == '"' || c == '\'') return Quoted(pos, end);
    if (IsIndicator(c)) return false;
    std::size_t q = pos;
    std::size_t last = pos;  // just past the last character that is not a space
    for (; q < size_ && !IsBreak(q); ++q) {
      const char ch = text_[q];
      if (ch == ' ') {
        if (q + 1 < size_ && text_[q + 1] == '#') break;
        continue;
      }
      if (ch == ':' &&
          (q + 1 >= size_ || text_[q + 1] == ' ' || IsBreak(q + 1))) {
        return false;
      }
      last = q + 1;
    }
    *end = q;
    return EmitPlain(pos, last);
  }

  // A quoted scalar on one line. In single quotes '' stands for one quote;
  // in double quotes the escapes \" \\ \/ \n and \t are read (any other
  // escape is left to yaml-cpp).
  bool Quoted(std::size_t pos, std::size_t* end) {
    const char quote = text_[pos];
    std::size_t q = pos + 1;
    std::string* decoded = nullptr;  // made at the first escape
    std::size_t copied = q;          // text_ before this is in *decoded
    for (;; ++q) {
      if (q >= size_ || IsBreak(q)) return false;
      const char c = text_[q];
      if (c == quote && quote == '\'' && q + 1 < size_ &&
          text_[q + 1] == '\'') {
        if (decoded == nullptr) decoded = &decoded_->emplace_back();
        decoded->append(text_, copied, q + 1 - copied);
        copied = ++q + 1;
        continue;
      }
      if (c == quote) break;
      if (quote == '"' && c == '\\') {
        if (q + 1 >= size_) return false;
        const char escape = Unescape(text_[q + 1]);
        if (escape == 0) return false;
        if (decoded == nullptr) decoded = &decoded_->emplace_back();
        decoded->append(text_, copied, q - copied);
        decoded->push_back(escape);
        copied = ++q + 1;
      }
    }
    *end = q + 1;
    if (decoded == nullptr) {
      return Emit(Type::kScalar, pos, false, true,
                  text_.substr(pos + 1, q - pos - 1));
    }
    decoded->append(text_, copied, q - copied);
    return Emit(Type::kScalar, pos, false, true, *decoded);
  }

  // The character a double-quoted escape \`c` stands for, or 0 for one left
  // to yaml-cpp.
  static char Unescape(char c) {
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'n':
        return '\n';
      case 't':
        return '\t';
      default:
        return 0;
    }
  }

  // A block scalar, literal (|) or folded (>), whose header starts at `pos`
  // on the current line, the value of a key in column `indent`. Read here:
  // a chomping indicator (- or +) and an indentation indicator (1-9) in
  // either order, then a comment; lines at the content's indentation, more
  // indented ones in literal scalars only, empty lines (spaces up to the
  // content's indentation) anywhere but before the first line; every line
  // ended by a line break. Anything else is left to yaml-cpp.
  bool BlockScalar(std::size_t pos, std::size_t indent) {
    const bool literal = text_[pos] == '|';
    char chomp = 0;
    std::size_t content_indent = 0;  // 0: from the first line
    std::size_t q = pos + 1;
    for (int i = 0; i < 2 && q < size_; ++i, ++q) {
      const char c = text_[q];
      if ((c == '-' || c == '+') && chomp == 0) {
        chomp = c;
      } else if (c >= '1' && c <= '9' && content_indent == 0) {
        content_indent = indent + static_cast<std::size_t>(c - '0');
      } else {
        break;
      }
    }
    const std::size_t header_end = SkipSpaces(q);
    if (header_end < size_ && text_[header_end] == '#' && header_end == q) {
      return false;  // a comment must follow a space
    }
    if (header_end < size_ && text_[header_end] != '#' &&
        !IsBreak(header_end)) {
      return false;
    }
    const std::size_t header_break = text_.find('\n', header_end);
    if (header_break == std::string_view::npos) return false;

    std::string& value = decoded_->emplace_back();
    std::size_t line = header_break + 1;  // the start of the line read
    int line_number = line_ + 1;
    std::size_t empty_lines = 0;  // since the last content line
    bool content_seen = false;
    while (line < size_) {
      const std::size_t first = SkipSpaces(line);
      const std::size_t spaces = first - line;
      if (first >= size_) return false;  // a last line without a break
      if (IsBreak(first)) {
        if (content_indent != 0 && spaces > content_indent) return false;
        if (!content_seen) return false;
        ++empty_lines;
      } else {
        if (content_indent == 0) {
          if (spaces <= indent) return false;  // an empty scalar
          content_indent = spaces;
        }
        if (spaces < content_indent) break;  // the scalar has ended
        if (spaces > content_indent && !literal) return false;
        if (content_seen) {
          if (literal) {
            value.append(empty_lines + 1, '\n');
          } else if (empty_lines == 0) {
            value.push_back(' ');
          } else {
            value.append(empty_lines, '\n');
          }
        }
        content_seen = true;
        empty_lines = 0;
        const std::size_t text_begin = line + content_indent;
        std::size_t text_end = text_.find('\n', text_begin);
        if (text_end == std::string_view::npos) return false;
        const std::size_t next = text_end + 1;
        if (text_[text_end - 1] == '\r') --text_end;
        value.append(text_, text_begin, text_end - text_begin);
        line = next;
        ++line_number;
        continue;
      }
      line = text_.find('\n', line) + 1;
      ++line_number;
    }
    if (!content_seen) return false;
    // Chomping: clip keeps one line break, strip none, keep every one. How
    // many yaml-cpp keeps after a folded scalar depends on what follows.
    if (chomp == '+' && !literal && empty_lines > 0) return false;
    if (chomp != '-') value.push_back('\n');
    if (chomp == '+') value.append(empty_lines, '\n');

    if (!Emit(Type::kScalar, pos, false, true, value)) return false;
    // Lines from `line` on are outside the scalar: move to their content.
    line_ = line_number;
    if (line >= size_) {
      eof_ = true;
      return true;
    }
    SkipToContent(line);
    return true;
  }

  // A scalar inside a flow collection, ended by ',', '}' or ']'. Inside a
  // flow collection yaml-cpp refuses some indicators that YAML allows within
  // a scalar ("[x?y]"), so every indicator but '-' (as in a date) and a
  // quotation mark after the start (as in "Women's") is left to yaml-cpp.
  bool FlowScalar(std::size_t* pos) {
    if (*pos >= size_) return false;
    const char c = text_[*pos];
    if (c == '"' || c == '\'') return Quoted(*pos, pos);
    if (IsIndicator(c)) return false;
    const std::size_t begin = *pos;
    std::size_t last = begin;
    std::size_t q = begin;
    for (; q < size_; ++q) {
      const char ch = text_[q];
      if (ch == ',' || ch == '}' || ch == ']' || IsBreak(q)) break;
      if (ch != '-' && ch != '\'' && ch != '"' && IsIndicator(ch)) {
        return false;
      }
      if (ch != ' ') last = q + 1;
    }
    *pos = q;
    return EmitPlain(begin, last);
  }

  // A one-line flow mapping of plain keys, or flow sequence, of scalars.
  bool Flow(std::size_t pos, int depth, std::size_t* end) {
    const bool mapping = text_[pos] == '{';
    const char close = mapping ? '}' : ']';
    if (depth >= kMaxNestingDepth ||
        !Emit(mapping ? Type::kMapStart : Type::kSequenceStart, pos, true)) {
      return false;
    }
    std::size_t q = SkipSpaces(pos + 1);
    bool first = true;
    for (;;) {
      if (first && q < size_ && text_[q] == close) break;
      first = false;
      if (mapping) {
        if (q >= size_ || !IsKeyStart(text_[q])) return false;
        const std::size_t key = q;
        while (q < size_ && IsKeyChar(text_[q])) ++q;
        if (q - key > kMaxKeyBytes || q + 1 >= size_ || text_[q] != ':' ||
            text_[q + 1] != ' ' || !EmitPlain(key, q)) {
          return false;
        }
        q = SkipSpaces(q + 1);
      }
      if (!FlowScalar(&q)) return false;
      q = SkipSpaces(q);
      if (q < size_ && text_[q] == ',') {
        q = SkipSpaces(q + 1);
        continue;
      }
      if (q < size_ && text_[q] == close) break;
      return false;
    }
    *end = q + 1;
    return EmitEnd(mapping ? Type::kMapEnd : Type::kSequenceEnd);
  }

  std::string_view text_;
  std::size_t size_;
  std::vector<YamlEvent>* events_;
  std::deque<std::string>* decoded_;
  bool eof_ = false;
  std::size_t line_begin_ = 0;  // where the current content line starts
  std::size_t content_ = 0;     // its first character that is not a space
  std::size_t indent_ = 0;      // content_ - line_begin_
  int line_ = 0;                // its 0-based number
};

}  // namespace

bool ScanSimpleYaml(std::string_view text, std::vector<YamlEvent>* events,
                    std::deque<std::string>* decoded) {
  events->clear();
  decoded->clear();
  return Scanner(text, events, decoded).Run();
}

}  // namespace eds
