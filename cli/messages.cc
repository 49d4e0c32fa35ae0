#include "messages.h"

#include <fmt/format.h>

namespace eds::cli {

void PrintDiagnostics(const Diagnostics& diag, std::ostream& err) {
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

void PrintStatus(const Status& status, std::ostream& err) {
  err << "eds3: " << status.message() << "\n";
}

void AddReadError(const std::string& path, const Status& read,
                  Diagnostics& diag) {
  // The message names the file already; the diagnostic locates it.
  const std::string& message = read.message();
  constexpr char kError[] = ": error: ";
  const std::size_t cut = message.find(kError);
  diag.Error({path, 0, 0}, cut == std::string::npos
                               ? message
                               : message.substr(cut + sizeof kError - 1));
}

}  // namespace eds::cli
