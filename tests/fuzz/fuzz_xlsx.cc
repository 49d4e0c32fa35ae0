// libFuzzer target: the xlsx score-sheet reader (zip and XML, the hostile
// parts of a workbook). Any input must end in sheets or in exactly the
// error reported, never in a crash, a hang or unbounded memory.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "eds/diagnostics.h"
#include "xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  eds::Diagnostics diag;
  std::vector<eds::XlsxSheet> sheets;
  const bool read = eds::ReadXlsx(input, "panel.xlsx", diag, &sheets);
  // Success and an error are exclusive; a sheet's rows and cells ascend.
  if (read == diag.HasErrors()) __builtin_trap();
  if (!read) return 0;
  for (const eds::XlsxSheet& sheet : sheets) {
    int row_number = 0;
    for (const eds::XlsxRow& row : sheet.rows) {
      if (row.number <= row_number || row.cells.empty()) __builtin_trap();
      row_number = row.number;
      int column = 0;
      for (const eds::XlsxCell& cell : row.cells) {
        if (cell.column <= column || cell.column > eds::kMaxXlsxColumn)
          __builtin_trap();
        column = cell.column;
      }
    }
  }
  return 0;
}
