#ifndef EDS_ENGINE_SRC_CSV_H_
#define EDS_ENGINE_SRC_CSV_H_

#include <string>
#include <vector>

#include "eds/diagnostics.h"
#include "score_table.h"

namespace eds {

struct CsvField {
  std::string text;
  int column = 1;  // 1-based character column where the field starts
};

struct CsvRecord {
  int line = 1;  // 1-based line where the record starts
  std::vector<CsvField> fields;
};

// The separator a spreadsheet export uses, read from its header line (the
// first line that is not blank): whichever of ',', ';' and tab occurs most
// often outside double quotes there; ',' on a tie or when none occurs.
// Excel writes ';' where the decimal mark is a comma, and "Unicode text"
// is tab separated.
char DetectCsvDelimiter(const std::string& text);

// Splits RFC 4180 text into records: `delimiter` separated (',' by default),
// fields optionally in double quotes with "" for a quote, CRLF or LF line ends,
// a leading UTF-8 byte-order mark skipped, blank lines ignored. Text must be
// valid UTF-8 without NUL bytes. On a problem adds a located diagnostic and
// returns false; `records` then holds what came before it.
bool ParseCsv(const std::string& text, const std::string& file,
              Diagnostics& diag, std::vector<CsvRecord>* records,
              char delimiter = ',');

// A score sheet from CSV text: the separator detected from the header line,
// every record a row (rows of blank fields left out), each cell located at
// its line and column. Returns false after a syntax problem (reported to
// `diag`); `table` then holds the rows before it.
bool ReadCsvTable(const std::string& text, const std::string& file,
                  Diagnostics& diag, ScoreTable* table);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_CSV_H_
