#ifndef EDS_TESTS_YAML_DIFFERENTIAL_H_
#define EDS_TESTS_YAML_DIFFERENTIAL_H_

// The parse events of a YAML text as yaml-cpp gives them (through the
// adapter engine/src/yaml_cpp_events.h, as the tree builder receives them)
// and as the fast scan (engine/src/simple_yaml.h) gives them, in one
// comparable form: what simple_yaml_test and the fuzz_yaml_scan target check
// against each other.

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "simple_yaml.h"
#include "yaml_cpp_events.h"
#include "yaml_event.h"

namespace eds::testing {

// An event with its own text, so that yaml-cpp's and the scan's compare.
struct Event {
  YamlEvent::Type type;
  bool flow;
  bool quoted;
  std::size_t pos;
  int line;
  int column;
  std::string value;

  bool operator==(const Event& other) const {
    const bool end = type == YamlEvent::Type::kMapEnd ||
                     type == YamlEvent::Type::kSequenceEnd;
    return type == other.type &&
           (end || (flow == other.flow && quoted == other.quoted &&
                    pos == other.pos && line == other.line &&
                    column == other.column && value == other.value));
  }
};

inline std::ostream& operator<<(std::ostream& out, const Event& event) {
  return out << static_cast<int>(event.type) << (event.flow ? " flow" : "")
             << (event.quoted ? " quoted" : "") << " at " << event.pos << " ("
             << event.line << ":" << event.column << ") '" << event.value
             << "'";
}

inline Event Copy(const YamlEvent& e) {
  return {
      e.type, e.flow, e.quoted, e.pos, e.line, e.column, std::string(e.value)};
}

class Recorder : public YamlEventSink {
 public:
  std::vector<Event> events;
  bool unplain = false;  // an anchor, alias or tag was seen

  void OnEvent(const YamlEvent& event) override {
    if (event.anchored || !event.tag.empty() ||
        event.type == YamlEvent::Type::kAlias) {
      unplain = true;
    }
    events.push_back(Copy(event));
  }
};

// What yaml-cpp reads in `text`: one document's events, or a failure message.
inline std::string YamlCppRead(const std::string& text,
                               std::vector<Event>* events) {
  YamlCppEvents parser(text);
  Recorder recorder;
  std::size_t start = 0;
  YamlCppEvents::Result read = parser.NextDocument(recorder, &start);
  if (read == YamlCppEvents::Result::kNoDocument) return "no document";
  if (read == YamlCppEvents::Result::kDocument) {
    Recorder rest;
    read = parser.NextDocument(rest, &start);
    if (read == YamlCppEvents::Result::kDocument) return "a second document";
  }
  if (read == YamlCppEvents::Result::kSyntaxError) {
    return "syntax error: " + parser.error().message;
  }
  if (recorder.unplain) return "an anchor, alias or tag";
  *events = recorder.events;
  return "";
}

inline std::vector<Event> ScannedEvents(const std::vector<YamlEvent>& scanned) {
  std::vector<Event> events;
  for (const YamlEvent& e : scanned) {
    // The scan never gives these; the comparison would miss them.
    if (e.anchored || !e.tag.empty() || e.type == YamlEvent::Type::kAlias) {
      events.push_back({YamlEvent::Type::kAlias, false, false, 0, -1, -1,
                        "an anchor, alias or tag"});
      continue;
    }
    events.push_back(Copy(e));
  }
  return events;
}

}  // namespace eds::testing

#endif  // EDS_TESTS_YAML_DIFFERENTIAL_H_
