#include "messages.h"

#include <fmt/format.h>

#include <mutex>
#include <optional>
#include <vector>

#include "eds/json_writer.h"

namespace eds::cli {
namespace {

// The diagnostics printed since the last TakePrintedDiagnosticsJson, when
// they are recorded at all.
struct PrintedDiagnostics {
  std::mutex mutex;
  std::optional<std::vector<Diagnostic>> items;
};

PrintedDiagnostics& Printed() {
  static PrintedDiagnostics printed;
  return printed;
}

}  // namespace

void RecordPrintedDiagnostics() {
  std::lock_guard<std::mutex> lock(Printed().mutex);
  if (!Printed().items) Printed().items.emplace();
}

std::string TakePrintedDiagnosticsJson() {
  std::vector<Diagnostic> items;
  {
    std::lock_guard<std::mutex> lock(Printed().mutex);
    if (Printed().items) items.swap(*Printed().items);
  }
  JsonWriter json;
  json.BeginArray();
  for (const Diagnostic& diagnostic : items) {
    json.BeginObject()
        .Key("severity")
        .String(SeverityName(diagnostic.severity))
        .Key("file")
        .String(diagnostic.location.file)
        .Key("line")
        .Int(diagnostic.location.line)
        .Key("column")
        .Int(diagnostic.location.column)
        .Key("message")
        .String(diagnostic.message)
        .Key("hint")
        .String(diagnostic.hint)
        .Key("source_line")
        .String(diagnostic.source_line)
        .EndObject();
  }
  json.EndArray();
  return json.Text();
}

void PrintDiagnostics(const Diagnostics& diag, std::ostream& err) {
  {
    std::lock_guard<std::mutex> lock(Printed().mutex);
    if (Printed().items) {
      Printed().items->insert(Printed().items->end(), diag.items().begin(),
                              diag.items().end());
    }
  }
  for (const Diagnostic& diagnostic : diag.items()) {
    err << "eds3: " << FormatDiagnostic(diagnostic);
  }
  if (diag.dropped() > 0) {
    err << fmt::format("eds3: {} more error{} not shown\n", diag.dropped(),
                       diag.dropped() == 1 ? "" : "s");
  }
  if (diag.dropped_warnings() > 0) {
    err << fmt::format("eds3: {} more warning{} not shown\n",
                       diag.dropped_warnings(),
                       diag.dropped_warnings() == 1 ? "" : "s");
  }
}

void PrintRunProblem(const Diagnostic& problem, std::ostream& err) {
  err << "eds3: " << FormatDiagnostic(problem);
}

std::string CountOf(std::size_t count, const std::string& noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

}  // namespace eds::cli
