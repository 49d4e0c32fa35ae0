#ifndef EDS_ENGINE_SRC_PARSED_SHEET_H_
#define EDS_ENGINE_SRC_PARSED_SHEET_H_

#include <cstddef>
#include <string>
#include <vector>

#include "eds/diagnostics.h"
#include "eds/status.h"
#include "score_table.h"
#include "xlsx_reader.h"

namespace eds {

// A score sheet file as read and parsed, before any assessment checks its
// ratings. It holds no path: every location's file is
// Diagnostics::kRelativeFile followed by what follows the sheet's path
// ("" for a CSV line, ":Scores!D14" for a workbook cell), for the assessment
// that names it to resolve to its own spelling of the path.
struct ParsedSheet {
  Status read;            // how reading the file went
  std::size_t bytes = 0;  // its size, counted against the assessment's limit
  bool xlsx = false;
  bool parsed = false;            // the CSV parsed to its end; the xlsx read
  ScoreTable table;               // a CSV's rows
  std::vector<XlsxSheet> sheets;  // a workbook's sheets
  Diagnostics problems;           // from parsing, relative
  std::size_t weight = 0;         // about the memory it holds, in bytes
};

}  // namespace eds

#endif  // EDS_ENGINE_SRC_PARSED_SHEET_H_
