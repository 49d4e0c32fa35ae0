#ifndef EDS_ENGINE_SRC_TEXT_CHECKS_H_
#define EDS_ENGINE_SRC_TEXT_CHECKS_H_

#include <string>

namespace eds {

// "2024/25": four digits, '/', the next year's last two digits.
bool IsAcademicYear(const std::string& text);
// "2025-03": a year and a month.
bool IsYearMonth(const std::string& text);
// An id of a-z, 0-9 and '-', not empty.
bool IsSlug(const std::string& text);
// The form of an ODS organisation code: 3 to 5 ASCII letters and digits, in
// either case ("RXX", "rv9", "RX9A1").
bool IsOdsCodeForm(const std::string& text);
// The first year of the NHS reporting year (April to March) that holds the
// day in `month` (1-12) of `year`: 2026 for December 2026, 2025 for March
// 2026.
int ReportingYearStart(int year, int month);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_TEXT_CHECKS_H_
