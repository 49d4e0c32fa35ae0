#ifndef EDS_ENGINE_SRC_YAML_SYNTAX_ERRORS_H_
#define EDS_ENGINE_SRC_YAML_SYNTAX_ERRORS_H_

#include <cstddef>
#include <optional>
#include <string>

#include "yaml_event.h"

namespace eds {

// A problem in a YAML text at byte offset `pos`, in words a person can act
// on.
struct YamlProblem {
  std::size_t pos;
  std::string message;
  std::string hint;
};

// Turns the syntax error yaml-cpp reported at text[pos] into a YamlProblem,
// placed where the cause is (an unclosed bracket or quote, a tab). `open` is
// where the innermost collection still open starts.
YamlProblem ExplainSyntaxError(const std::string& text, std::size_t pos,
                               const YamlSyntaxError& error,
                               std::optional<std::size_t> open);

// The problem of a second document starting at text[start]: one begun on
// purpose ('---', a directive, after '...'), or text that fits nowhere in
// the first one, which yaml-cpp reads as the start of another.
YamlProblem ExplainSecondDocument(const std::string& text, std::size_t start);

// A quoted scalar opening at text[pos] that is never closed: yaml-cpp ends
// it silently at the end of the file, taking every line after the quote into
// the text. nullopt when it is closed.
std::optional<YamlProblem> UnclosedQuote(const std::string& text,
                                         std::size_t pos);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_YAML_SYNTAX_ERRORS_H_
