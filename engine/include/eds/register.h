#ifndef EDS_REGISTER_H_
#define EDS_REGISTER_H_

// The commissioner's register of the organisations expected to send an
// assessment (`eds3 rollup --expect FILE`), and what a rollup lacks against
// it.

#include <string>
#include <vector>

#include "eds/diagnostics.h"
#include "eds/history.h"
#include "eds/status.h"

namespace eds {

struct RegisterEntry {
  std::string code;    // an ODS code, upper case
  std::string name;    // as written
  std::string system;  // as written; "" when the column is absent or empty
  int line = 0;        // 1-based line in the register
};

struct Register {
  std::string file;
  std::vector<RegisterEntry> entries;  // in file order
};

// At most this many organisations on a register; a longer one is an error.
inline constexpr std::size_t kMaxRegisterEntries = 100000;

// Reads a register: CSV (a UTF-8 byte-order mark and CRLF allowed) whose
// header is `code,name` or `code,name,system` (any case, spaces around a
// name ignored), then one organisation a record. Every problem is an error
// at its file:line:col, all of them in one run: a bad header, a record with
// too few or too many fields, a code that is not an ODS code (the check of
// organisation.code), an empty name, a code given twice (naming the first
// line), hidden characters. Returns InvalidInput and leaves `result`
// unchanged when there is any.
Status ReadRegister(const std::string& text, const std::string& file,
                    Diagnostics& diag, Register* result);

// Checks `rollup` against `expected`: for the rollup's latest year (the
// --year filter's, when given) every organisation on the register, within
// the --system filter, with no valid file for that year, and every file of
// an organisation (by code) not on the register. Sets rollup->expect and
// rollup->counts.missing (organisations expected with no row at all), and
// adds those to the Attention list.
void CheckExpected(const Register& expected, RollupResult* rollup);

}  // namespace eds

#endif  // EDS_REGISTER_H_
