#ifndef EDS_ENGINE_SRC_YAML_CPP_EVENTS_H_
#define EDS_ENGINE_SRC_YAML_CPP_EVENTS_H_

#include <cstddef>
#include <memory>
#include <string>

#include "yaml_event.h"

namespace eds {

// The one door to yaml-cpp: its parser reads a text and its events reach a
// YamlEventSink as YamlEvents, its syntax errors as YamlSyntaxError. Nothing
// else in eds3 includes a yaml-cpp header.
class YamlCppEvents {
 public:
  enum class Result { kDocument, kNoDocument, kSyntaxError };

  // Reads `text`, which must outlive this object.
  explicit YamlCppEvents(const std::string& text);
  ~YamlCppEvents();
  YamlCppEvents(const YamlCppEvents&) = delete;
  YamlCppEvents& operator=(const YamlCppEvents&) = delete;

  // Gives the next document's events to `sink`, and sets *start to where
  // the document starts. kNoDocument when the text holds no more; on
  // kSyntaxError, error() says what yaml-cpp refused (the sink has had the
  // events before it). What the sink throws passes through.
  Result NextDocument(YamlEventSink& sink, std::size_t* start);
  const YamlSyntaxError& error() const { return error_; }

 private:
  struct Parser;
  std::unique_ptr<Parser> parser_;
  YamlSyntaxError error_;
};

}  // namespace eds

#endif  // EDS_ENGINE_SRC_YAML_CPP_EVENTS_H_
