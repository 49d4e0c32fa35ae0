#include "yaml_cpp_events.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <optional>
#include <sstream>

namespace eds {
namespace {

// yaml-cpp's syntax errors that eds3 explains, by their message.
YamlSyntaxError::Kind KindOf(const std::string& message) {
  namespace msg = YAML::ErrorMsg;
  using Kind = YamlSyntaxError::Kind;
  if (message == msg::UNKNOWN_ANCHOR) return Kind::kUnknownAnchor;
  if (message == msg::END_OF_MAP_FLOW) return Kind::kEndOfFlowMap;
  if (message == msg::END_OF_SEQ_FLOW) return Kind::kEndOfFlowSequence;
  if (message == msg::FLOW_END) return Kind::kFlowEnd;
  if (message == msg::MAP_VALUE) return Kind::kMapValue;
  if (message == msg::TAB_IN_INDENTATION) return Kind::kTabInIndentation;
  if (message == msg::END_OF_MAP) return Kind::kEndOfMap;
  if (message == msg::END_OF_SEQ) return Kind::kEndOfSequence;
  if (message == msg::BLOCK_ENTRY) return Kind::kBlockEntry;
  if (message == msg::EOF_IN_SCALAR) return Kind::kEndOfFileInScalar;
  return Kind::kOther;
}

// Turns yaml-cpp's events into YamlEvents for `sink`.
class Adapter : public YAML::EventHandler {
 public:
  explicit Adapter(YamlEventSink* sink) : sink_(sink) {}

  std::size_t document_start() const { return document_start_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    document_start_ = Pos(mark);
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlEvent event = At(YamlEvent::Type::kNull, mark, anchor);
    sink_->OnEvent(event);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    sink_->OnEvent(At(YamlEvent::Type::kAlias, mark, YAML::NullAnchor));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override {
    YamlEvent event = At(YamlEvent::Type::kScalar, mark, anchor);
    // yaml-cpp tags a plain scalar "?" and any other "!".
    event.quoted = tag == "!";
    if (tag != "?" && tag != "!") event.tag = tag;
    event.value = value;
    sink_->OnEvent(event);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    sink_->OnEvent(
        Collection(YamlEvent::Type::kSequenceStart, mark, tag, anchor, style));
  }
  void OnSequenceEnd() override {
    sink_->OnEvent(End(YamlEvent::Type::kSequenceEnd));
  }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag,
                  YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    sink_->OnEvent(
        Collection(YamlEvent::Type::kMapStart, mark, tag, anchor, style));
  }
  void OnMapEnd() override { sink_->OnEvent(End(YamlEvent::Type::kMapEnd)); }

 private:
  static std::size_t Pos(const YAML::Mark& mark) {
    return mark.pos < 0 ? 0 : static_cast<std::size_t>(mark.pos);
  }
  static YamlEvent At(YamlEvent::Type type, const YAML::Mark& mark,
                      YAML::anchor_t anchor) {
    YamlEvent event;
    event.type = type;
    event.anchored = anchor != YAML::NullAnchor;
    event.pos = Pos(mark);
    event.line = mark.line;
    event.column = mark.column;
    return event;
  }
  // A collection's tag is "?" when none is written.
  static YamlEvent Collection(YamlEvent::Type type, const YAML::Mark& mark,
                              const std::string& tag, YAML::anchor_t anchor,
                              YAML::EmitterStyle::value style) {
    YamlEvent event = At(type, mark, anchor);
    event.flow = style == YAML::EmitterStyle::Flow;
    if (!tag.empty() && tag != "?") event.tag = tag;
    return event;
  }
  static YamlEvent End(YamlEvent::Type type) {
    YamlEvent event;
    event.type = type;
    return event;
  }

  YamlEventSink* sink_;
  std::size_t document_start_ = 0;
};

}  // namespace

struct YamlCppEvents::Parser {
  explicit Parser(const std::string& text) : stream(text) {}
  std::istringstream stream;
  std::optional<YAML::Parser> parser;
};

YamlCppEvents::YamlCppEvents(const std::string& text)
    : parser_(std::make_unique<Parser>(text)) {}

YamlCppEvents::~YamlCppEvents() = default;

YamlCppEvents::Result YamlCppEvents::NextDocument(YamlEventSink& sink,
                                                  std::size_t* start) {
  Adapter adapter(&sink);
  try {
    if (!parser_->parser) parser_->parser.emplace(parser_->stream);
    const bool found = parser_->parser->HandleNextDocument(adapter);
    *start = adapter.document_start();
    return found ? Result::kDocument : Result::kNoDocument;
  } catch (const YAML::Exception& e) {
    *start = adapter.document_start();
    error_.kind = KindOf(e.msg);
    error_.message = e.msg;
    error_.pos =
        e.mark.pos < 0
            ? std::nullopt
            : std::optional<std::size_t>(static_cast<std::size_t>(e.mark.pos));
    error_.line = e.mark.line;
    error_.column = e.mark.column;
    return Result::kSyntaxError;
  }
}

}  // namespace eds
