#include "yaml_syntax_errors.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace eds {
namespace {

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
  while (cut > pos && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return text.substr(pos, cut - pos) + "...";
}

}  // namespace

YamlProblem ExplainSyntaxError(const std::string& text, std::size_t pos,
                               const YamlSyntaxError& error,
                               std::optional<std::size_t> open) {
  using Kind = YamlSyntaxError::Kind;
  const Kind what = error.kind;
  if (what == Kind::kUnknownAnchor) {
    return {pos, "YAML aliases (*name) are not allowed",
            "write the value out in full; eds3 files do not share values "
            "between places"};
  }
  if ((what == Kind::kEndOfFlowMap || what == Kind::kEndOfFlowSequence) &&
      open && *open < text.size() &&
      (text[*open] == '{' || text[*open] == '[')) {
    const bool map = text[*open] == '{';
    return {*open,
            fmt::format("YAML syntax: this '{}' is never closed by '{}'",
                        map ? '{' : '[', map ? '}' : ']'),
            ""};
  }
  if (what == Kind::kFlowEnd && pos < text.size() &&
      (text[pos] == '}' || text[pos] == ']')) {
    return {pos,
            fmt::format("YAML syntax: this '{}' closes nothing", text[pos]),
            "check that every '{' and '[' before it is closed once"};
  }
  if (what == Kind::kMapValue || what == Kind::kTabInIndentation ||
      what == Kind::kEndOfMap || what == Kind::kEndOfSequence ||
      what == Kind::kBlockEntry) {
    // A tab in a line's indentation is the usual cause of these.
    const std::size_t line_start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    const std::size_t from =
        line_start == std::string::npos || pos == 0 ? 0 : line_start + 1;
    const std::size_t first = text.find_first_not_of(" \t", from);
    const std::size_t tab = text.find('\t', from);
    if (tab != std::string::npos &&
        (first == std::string::npos || tab < first)) {
      return {tab, "YAML syntax: a tab in the indentation",
              "indent with spaces; YAML does not allow tabs there"};
    }
  }
  if (what == Kind::kMapValue) {
    return {pos, "YAML syntax: illegal map value",
            "put text that holds ': ' in quotes; otherwise check the "
            "indentation"};
  }
  if (what == Kind::kEndOfFileInScalar) {
    const std::size_t quote = UnclosedQuoteBefore(text, pos);
    if (quote != std::string::npos) {
      return {quote, "YAML syntax: this quoted text is never closed",
              fmt::format("end the text with a matching {} quote",
                          text[quote] == '"' ? "double" : "single")};
    }
  }
  if (what == Kind::kEndOfMap || what == Kind::kEndOfSequence) {
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
  return {pos, fmt::format("YAML syntax: {}", error.message), ""};
}

YamlProblem ExplainSecondDocument(const std::string& text, std::size_t start) {
  if (StartsExplicitDocument(text, start)) {
    return {start, "the file holds more than one YAML document",
            "remove the '---' separator and everything after the first "
            "document"};
  }
  return {start,
          fmt::format("YAML syntax: unexpected '{}'", Snippet(text, start)),
          "the file holds one YAML mapping; check the indentation, "
          "brackets and quotes here and on the lines before"};
}

std::optional<YamlProblem> UnclosedQuote(const std::string& text,
                                         std::size_t pos) {
  if (pos >= text.size() || (text[pos] != '"' && text[pos] != '\'') ||
      QuoteIsClosed(text, pos)) {
    return std::nullopt;
  }
  return YamlProblem{pos, "YAML syntax: this quoted text is never closed",
                     fmt::format("end the text with a matching {} quote",
                                 text[pos] == '"' ? "double" : "single")};
}

}  // namespace eds
