#ifndef EDS_ENGINE_SRC_XLSX_READER_H_
#define EDS_ENGINE_SRC_XLSX_READER_H_

#include <string>
#include <vector>

#include "eds/diagnostics.h"

namespace eds {

struct XlsxCell {
  int column = 1;    // 1-based: A is 1
  std::string text;  // shared, inline or formula text; a number as written
};

struct XlsxRow {
  int number = 1;               // 1-based, as the sheet numbers it
  std::vector<XlsxCell> cells;  // ascending columns, empty cells left out
};

struct XlsxSheet {
  std::string name;           // as the workbook names it
  std::vector<XlsxRow> rows;  // ascending, rows without text left out
};

// Bounds on a workbook, so that a hostile file (a zip bomb, a huge
// shared-strings table) ends in a clear error in bounded time and memory.
inline constexpr std::size_t kMaxXlsxEntries = 1000;
inline constexpr std::size_t kMaxXlsxPartBytes = 32u << 20;   // one XML part
inline constexpr std::size_t kMaxXlsxTotalBytes = 64u << 20;  // all parts read
inline constexpr std::size_t kMaxXlsxRatio = 100;  // uncompressed / compressed
inline constexpr std::size_t kMaxXlsxSharedStrings = 1000000;
inline constexpr std::size_t kMaxXlsxCells = 300000;  // non-empty, all sheets
inline constexpr int kMaxXlsxColumn = 1000;           // column ALL

// Reads every worksheet of an .xlsx workbook held in `bytes` (the file
// named `file` in messages), with libzip and expat, the only module that
// uses them. A DTD (and so any entity expansion) is refused; numbers are
// given as their text with an integral value written without a fraction
// ("2", not "2.0"); booleans as TRUE/FALSE. On any problem adds one
// diagnostic naming `file` (and the part and line of the XML, or the cell)
// and returns false; `sheets` is then unspecified.
bool ReadXlsx(const std::string& bytes, const std::string& file,
              Diagnostics& diag, std::vector<XlsxSheet>* sheets);

// "D14" for column 4, row 14.
std::string CellName(int column, int row);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_XLSX_READER_H_
