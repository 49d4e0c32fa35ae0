#ifndef EDS_ENGINE_SRC_SCORE_TABLE_H_
#define EDS_ENGINE_SRC_SCORE_TABLE_H_

#include <string>
#include <vector>

#include "eds/diagnostics.h"

namespace eds {

// A score sheet as rows of located text, whatever file it came from: the
// CSV and xlsx readers each make one, and the assessment loader checks every
// one the same way.
struct TableCell {
  std::string text;
  // A CSV cell is file:line:column; an xlsx cell has its place in `file`
  // ("panel.xlsx:Scores!D14") and no line.
  SourceLocation where;
};

struct TableRow {
  std::vector<TableCell> cells;
  SourceLocation where;  // the row's start, for problems with the whole row
  std::string line;      // the CSV source line, for quoting; "" for xlsx
};

struct ScoreTable {
  std::vector<TableRow> rows;  // the header first; blank rows left out
  // The hint for a row whose cell count differs from the header's.
  std::string width_hint;
};

}  // namespace eds

#endif  // EDS_ENGINE_SRC_SCORE_TABLE_H_
