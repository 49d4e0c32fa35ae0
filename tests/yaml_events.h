#ifndef EDS_TESTS_YAML_EVENTS_H_
#define EDS_TESTS_YAML_EVENTS_H_

// The parse events of a YAML text as yaml-cpp gives them and as the fast
// scan (engine/src/simple_yaml.h) gives them, in one comparable form: what
// simple_yaml_test and the fuzz_yaml_scan target check against each other.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "simple_yaml.h"

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

class Recorder : public YAML::EventHandler {
 public:
  std::vector<Event> events;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Check(anchor);
    Add(YamlEvent::Type::kNull, mark, false, false, "");
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { unplain = true; }
  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override {
    Check(anchor);
    if (tag != "?" && tag != "!") unplain = true;
    Add(YamlEvent::Type::kScalar, mark, false, tag == "!", value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    Check(anchor);
    if (tag != "?") unplain = true;
    Add(YamlEvent::Type::kSequenceStart, mark,
        style == YAML::EmitterStyle::Flow, false, "");
  }
  void OnSequenceEnd() override {
    Add(YamlEvent::Type::kSequenceEnd, YAML::Mark(), false, false, "");
  }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag,
                  YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    Check(anchor);
    if (tag != "?") unplain = true;
    Add(YamlEvent::Type::kMapStart, mark, style == YAML::EmitterStyle::Flow,
        false, "");
  }
  void OnMapEnd() override {
    Add(YamlEvent::Type::kMapEnd, YAML::Mark(), false, false, "");
  }

  bool unplain = false;  // an anchor, alias or tag was seen

 private:
  void Check(YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) unplain = true;
  }
  void Add(YamlEvent::Type type, const YAML::Mark& mark, bool flow, bool quoted,
           const std::string& value) {
    events.push_back({type, flow, quoted, static_cast<std::size_t>(mark.pos),
                      mark.line, mark.column, value});
  }
};

// What yaml-cpp reads in `text`: one document's events, or a failure message.
inline std::string YamlCppEvents(const std::string& text, std::vector<Event>* events) {
  std::istringstream stream(text);
  Recorder recorder;
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(recorder)) return "no document";
    Recorder rest;
    if (parser.HandleNextDocument(rest)) return "a second document";
  } catch (const YAML::Exception& e) {
    return std::string("syntax error: ") + e.what();
  }
  if (recorder.unplain) return "an anchor, alias or tag";
  *events = recorder.events;
  return "";
}

inline std::vector<Event> ScannedEvents(const std::vector<YamlEvent>& scanned) {
  std::vector<Event> events;
  for (const YamlEvent& e : scanned) {
    events.push_back({e.type, e.flow, e.quoted, e.pos, e.line, e.column,
                      std::string(e.value)});
  }
  return events;
}

}  // namespace eds::testing

#endif  // EDS_TESTS_YAML_EVENTS_H_
