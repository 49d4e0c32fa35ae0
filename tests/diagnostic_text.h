#ifndef EDS_TESTS_DIAGNOSTIC_TEXT_H_
#define EDS_TESTS_DIAGNOSTIC_TEXT_H_

// Diagnostics as eds3 prints them, for tests to compare whole or to show
// when an expectation fails.

#include <string>

#include "eds/diagnostics.h"

namespace eds::testing {

// Every diagnostic of `diag`, each formatted by FormatDiagnostic, in order.
inline std::string Formatted(const Diagnostics& diag) {
  std::string out;
  for (const Diagnostic& d : diag.items()) out += FormatDiagnostic(d);
  return out;
}

}  // namespace eds::testing

#endif  // EDS_TESTS_DIAGNOSTIC_TEXT_H_
