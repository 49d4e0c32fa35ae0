#ifndef EDS_XLSX_GRADE_H_
#define EDS_XLSX_GRADE_H_

#include <string>

#include "eds/grade.h"
#include "eds/status.h"

namespace eds {

// Writes the `grade` workbook of SPEC §6 for `report` to `path`: the sheets
// Summary, Outcomes, Services (only when the assessment lists services),
// Ratings, Evidence, Action plan and Method. Cells hold values, never
// formulas; text from the input is always stored as text. The same report
// gives a byte-identical file (the document date comes from the assessment,
// not the clock).
//
// Writes `path` in place (callers stage a temporary file and rename it).
// Returns Ok, IoError when the file cannot be written, or Internal for any
// other libxlsxwriter failure, whose reason names no file (the caller
// reports it with WriteProblem). On failure `path` may hold a partial file.
// Never prints.
Status WriteGradeWorkbook(const GradeReport& report, const std::string& path);

}  // namespace eds

#endif  // EDS_XLSX_GRADE_H_
