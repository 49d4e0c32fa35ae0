#ifndef EDS_SCORE_SHEET_H_
#define EDS_SCORE_SHEET_H_

#include <string>
#include <vector>

#include "eds/rubric.h"
#include "eds/skeleton.h"
#include "eds/status.h"

namespace eds {

// The score sheet `eds3 init --score-sheet` writes, as a workbook: an
// "Instructions" sheet first, then "Scores" with the columns service,
// service name, outcome, outcome title, stakeholder, stakeholder name,
// score and comment, one row per `rows` item, and a drop-down on every
// score cell offering each level as "2 - Achieving" and "not rated".
// Writes `path` (normally a staged temporary file); IoError or Internal on
// failure. The same input gives the same bytes.
Status WriteScoreSheetWorkbook(const Rubric& rubric,
                               const std::vector<ScoreSheetRow>& rows,
                               const std::string& path);

// The same sheet as CSV text (comma separated, RFC 4180 quoting, CRLF line
// ends), without the drop-down and the instructions.
std::string ScoreSheetCsv(const std::vector<ScoreSheetRow>& rows);

}  // namespace eds

#endif  // EDS_SCORE_SHEET_H_
