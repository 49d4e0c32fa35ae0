#include "eds/xlsx_grade.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eds/method_text.h"
#include "report_text.h"
#include "xlsx_grade_sheets.h"

namespace eds {
namespace {

xlsx::DocumentInfo DocumentInfoFor(const GradeReport& report) {
  const Assessment& a = report.assessment;
  xlsx::DocumentInfo info;
  info.title = a.organisation.name + ", " + a.year + ": grade";
  info.subject = report.rubric.title;
  info.comments = GradeDocumentStamp(report);
  info.created = xlsx::DocumentTime(a.completed, a.year);
  info.page_header =
      a.organisation.name + ", " + a.year + ": " + report.rubric.title;
  return info;
}

}  // namespace

Status WriteGradeWorkbook(const GradeReport& report, const std::string& path) {
  xlsx::Book book(path, DocumentInfoFor(report));
  if (xlsx::Sheet* sheet = book.AddSheet("Summary")) {
    grade_xlsx::WriteSummary(&book, sheet, report);
  }
  if (xlsx::Sheet* sheet = book.AddSheet("Outcomes"))
    grade_xlsx::WriteOutcomes(sheet, report);
  if (!report.assessment.services.empty()) {
    if (xlsx::Sheet* sheet = book.AddSheet("Services"))
      grade_xlsx::WriteServices(sheet, report);
  }
  if (xlsx::Sheet* sheet = book.AddSheet("Ratings"))
    grade_xlsx::WriteRatings(sheet, report);
  if (xlsx::Sheet* sheet = book.AddSheet("Evidence"))
    grade_xlsx::WriteEvidence(sheet, report);
  if (xlsx::Sheet* sheet = book.AddSheet("Action plan"))
    grade_xlsx::WriteActions(sheet, report);
  if (xlsx::Sheet* sheet = book.AddSheet("Method"))
    grade_xlsx::WriteMethod(sheet, report);
  return book.Close();
}

}  // namespace eds
