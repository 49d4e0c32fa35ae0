// What the web page calls besides main (the CLI's own entry, run with the
// same arguments as on a command line over files in emscripten's memory).

#include <emscripten/emscripten.h>

#include <string>

#include "messages.h"

namespace {

const bool kRecording = (eds::cli::RecordPrintedDiagnostics(), true);

}  // namespace

extern "C" {

// The diagnostics of the runs since the last call, as JSON (see
// TakePrintedDiagnosticsJson). The text stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* eds3_take_diagnostics() {
  static std::string json;
  (void)kRecording;
  json = eds::cli::TakePrintedDiagnosticsJson();
  return json.c_str();
}

}  // extern "C"
