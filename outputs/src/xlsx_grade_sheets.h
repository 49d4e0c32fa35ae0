#ifndef EDS_OUTPUTS_SRC_XLSX_GRADE_SHEETS_H_
#define EDS_OUTPUTS_SRC_XLSX_GRADE_SHEETS_H_

// The sheets of the grade workbook, one writer each, and what they share.
// WriteGradeWorkbook (xlsx_grade.cc) puts them together: the Summary in
// xlsx_grade_summary.cc, the tables (Outcomes, Services, Ratings, Evidence,
// Action plan) in xlsx_grade_tables.cc, the Method in xlsx_grade_method.cc.

#include <string>

#include "eds/grade.h"
#include "xlsx_table.h"

namespace eds {
namespace grade_xlsx {

// What every sheet writer here uses, named once for all of them; the
// namespace is this module's own.
using xlsx::Bold;
using xlsx::Filled;
using xlsx::Sheet;
using xlsx::Style;
using xlsx::Table;

void WriteSummary(xlsx::Book* book, xlsx::Sheet* sheet,
                  const GradeReport& report);
void WriteOutcomes(xlsx::Sheet* sheet, const GradeReport& report);
void WriteServices(xlsx::Sheet* sheet, const GradeReport& report);
void WriteRatings(xlsx::Sheet* sheet, const GradeReport& report);
void WriteEvidence(xlsx::Sheet* sheet, const GradeReport& report);
void WriteActions(xlsx::Sheet* sheet, const GradeReport& report);
void WriteMethod(xlsx::Sheet* sheet, const GradeReport& report);

}  // namespace grade_xlsx
}  // namespace eds

#endif  // EDS_OUTPUTS_SRC_XLSX_GRADE_SHEETS_H_
