#ifndef EDS_ENGINE_SRC_SCORE_SHEET_READER_H_
#define EDS_ENGINE_SRC_SCORE_SHEET_READER_H_

#include <memory>
#include <string>

#include "eds/diagnostics.h"
#include "eds/file_system.h"
#include "parsed_sheet.h"
#include "rating_checker.h"

namespace eds {

// How a score sheet is laid out: one row per rating (long), or one row per
// stakeholder and one column per outcome (wide, as Microsoft Forms exports).
enum class Layout { kDetect, kLong, kWide };

// What an assessment asks of one score sheet besides its file.
struct SheetRequest {
  std::string sheet;  // the workbook sheet named in the assessment, or ""
  Layout layout = Layout::kDetect;
};

// Reads the score sheet at `path` (a workbook when `xlsx`) and parses it,
// its locations relative (ParsedSheet) so that one parse serves every
// assessment that names the file. A file that cannot be read gives a sheet
// whose `read` says why.
std::shared_ptr<const ParsedSheet> ReadAndParseScoreSheet(
    FileSystem& fs, const std::string& path, bool xlsx);

// The score-sheet front end of the rating checker: reads the ratings of
// `sheet`, named by the assessment as `path`, and passes each through
// `checker` into the assessment of `context`. `named_at` is where the
// assessment names the file, for a problem with the request itself (a sheet
// the workbook lacks). Needs the rubric.
void ReadScoreSheetRatings(const ParsedSheet& sheet, const std::string& path,
                           const SheetRequest& request,
                           const RatingSpot& named_at,
                           const RatingContext& context, RatingChecker& checker,
                           Diagnostics& diag);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_SCORE_SHEET_READER_H_
