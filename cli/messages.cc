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
}

void PrintStatus(const Status& status, std::ostream& err) {
  err << "eds3: " << status.message() << "\n";
}

}  // namespace eds::cli
