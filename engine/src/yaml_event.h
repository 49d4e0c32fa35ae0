#ifndef EDS_ENGINE_SRC_YAML_EVENT_H_
#define EDS_ENGINE_SRC_YAML_EVENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace eds {

// One parse event of a YAML document, as eds3's tree builder (yaml_tree.cc)
// reads it. Both readers give these: the fast scan (simple_yaml.h) and the
// yaml-cpp adapter (yaml_cpp_events.h), the one place that knows yaml-cpp.
struct YamlEvent {
  enum class Type {
    kMapStart,
    kMapEnd,
    kSequenceStart,
    kSequenceEnd,
    kScalar,
    kNull,
    kAlias  // *name
  };

  Type type = Type::kNull;
  bool flow = false;       // a collection written {...} or [...]
  bool quoted = false;     // a scalar written in quotes or as a block scalar
  bool anchored = false;   // the node carries an anchor (&name)
  std::size_t pos = 0;     // where the node starts: byte offset,
  int line = 0;            // 0-based line,
  int column = 0;          // 0-based byte column (as yaml-cpp counts them)
  std::string_view value;  // a scalar's text
  // A tag written on the node ("!list", "tag:yaml.org,2002:int"); empty when
  // none. A collection's bare "!" is "!"; a scalar's counts as `quoted`, as
  // yaml-cpp cannot tell it from quotes.
  std::string_view tag;
};

// Where parse events go, one document at a time. The sink may throw to stop
// the parse.
class YamlEventSink {
 public:
  virtual ~YamlEventSink() = default;
  virtual void OnEvent(const YamlEvent& event) = 0;
};

// A syntax error yaml-cpp's parser reported, in neutral terms: the kinds
// that yaml_syntax_errors.h explains in words, and yaml-cpp's own message
// for the rest.
struct YamlSyntaxError {
  enum class Kind {
    kOther,
    kUnknownAnchor,      // an alias to no anchor
    kEndOfFlowMap,       // a '{' never closed
    kEndOfFlowSequence,  // a '[' never closed
    kFlowEnd,            // a '}' or ']' closing nothing
    kMapValue,           // "illegal map value"
    kTabInIndentation,
    kEndOfMap,       // a block mapping ended by something else
    kEndOfSequence,  // a block sequence ended by something else
    kBlockEntry,     // a "- " where no sequence may be
    kEndOfFileInScalar
  };

  Kind kind = Kind::kOther;
  std::string message;             // yaml-cpp's words
  std::optional<std::size_t> pos;  // byte offset, when known
  int line = -1;                   // 0-based; -1 when unknown
  int column = -1;                 // 0-based byte column
};

}  // namespace eds

#endif  // EDS_ENGINE_SRC_YAML_EVENT_H_
