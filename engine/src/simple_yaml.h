#ifndef EDS_ENGINE_SRC_SIMPLE_YAML_H_
#define EDS_ENGINE_SRC_SIMPLE_YAML_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace eds {

// One parse event, as yaml-cpp's event parser reports it.
struct YamlEvent {
  enum class Type {
    kMapStart,
    kMapEnd,
    kSequenceStart,
    kSequenceEnd,
    kScalar,
    kNull
  };

  Type type = Type::kNull;
  bool flow = false;       // a collection written {...} or [...]
  bool quoted = false;     // a scalar written in quotes
  std::size_t pos = 0;     // yaml-cpp's mark: byte offset,
  int line = 0;            // 0-based line,
  int column = 0;          // 0-based byte column
  std::string_view value;  // a scalar's text (a view into the input)
};

// The fast path of YamlFile::Parse. Reads `text` when it keeps to the plain
// YAML that assessment files are written in (block mappings and sequences
// indented with spaces, one-line plain and simple quoted scalars, one-line
// flow mappings and sequences of scalars, comments; LF or CRLF line ends)
// and gives the events yaml-cpp would give for it, marks included, into
// `events`. Returns false, with `events` in an unspecified state, for
// anything else (tabs, a lone carriage return, anchors, tags, block or
// multi-line scalars, escapes, several documents, deep nesting, any syntax
// error, ...): yaml-cpp then reads the text as before, so every diagnostic
// stays what it was.
bool ScanSimpleYaml(std::string_view text, std::vector<YamlEvent>* events);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_SIMPLE_YAML_H_
