#ifndef EDS_ENGINE_SRC_CSV_H_
#define EDS_ENGINE_SRC_CSV_H_

#include <string>
#include <vector>

#include "eds/diagnostics.h"

namespace eds {

struct CsvField {
  std::string text;
  int column = 1;  // 1-based character column where the field starts
};

struct CsvRecord {
  int line = 1;  // 1-based line where the record starts
  std::vector<CsvField> fields;
};

// Splits RFC 4180 text into records: comma separated, fields optionally in
// double quotes with "" for a quote, CRLF or LF line ends, a leading UTF-8
// byte-order mark skipped, blank lines ignored. Text must be valid UTF-8
// without NUL bytes. On a problem adds a located diagnostic and returns
// false; `records` then holds what came before it.
bool ParseCsv(const std::string& text, const std::string& file,
              Diagnostics& diag, std::vector<CsvRecord>* records);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_CSV_H_
