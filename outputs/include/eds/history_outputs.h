#ifndef EDS_HISTORY_OUTPUTS_H_
#define EDS_HISTORY_OUTPUTS_H_

// The outputs of `eds3 compare` and `eds3 rollup`: JSON (SPEC §5), Markdown
// for board papers and workbooks (SPEC §6). Each is a pure walk over the
// model that eds/history.h builds: the same model always gives the same
// bytes, and nothing here prints.

#include <string>

#include "eds/history.h"
#include "eds/status.h"

namespace eds {

// The `eds3 compare --json` document, format "eds3-compare/1", as UTF-8 text
// ending in a newline. Keys in the SPEC's order: format, tool, organisation,
// years, changes; then rubric (the latest year's), rating_changes and
// not_comparable. Each year carries, beyond the SPEC's shape, its rubric
// and its panel agreement alpha (3 decimals, null when not defined).
std::string CompareJson(const CompareResult& result);

// The comparison as Markdown for a board paper: the organisation, the total
// and rating of each year and how the rating moved, outcome scores by year,
// what changed in words, the outcomes that cannot be compared, and a footer
// naming the tool version, rubrics and how scores were combined. Input text
// is escaped so that it shows as written.
std::string CompareMarkdown(const CompareResult& result);

// The comparison as one self-contained, accessible HTML page, rendered from
// the same document as CompareMarkdown (see GradeHtml in grade_outputs.h for
// what every HTML report guarantees); the outcome scores by year form a heat
// map whose cells are coloured by level and name the level in words.
std::string CompareHtml(const CompareResult& result);

// Writes the compare workbook to `path`: Summary (total and rating per year,
// domain scores, a line chart of the totals against the rubric's band
// lines), Trend (one row per outcome, one column per year, the changes
// coloured up or down) and Changes (each change in words). Values, never
// formulas; input text always as text; byte-identical for the same model.
// Writes `path` in place (callers stage it). Returns IoError when it cannot
// be written, Internal for any other failure; never prints.
Status WriteCompareWorkbook(const CompareResult& result,
                            const std::string& path);

// The `eds3 rollup --json` document, format "eds3-rollup/1". Keys: format,
// tool, organisations (each: name, code, years, then system, latest_year,
// previous_year and change), excluded; then rubric, filters and
// ratings_by_year.
std::string RollupJson(const RollupResult& result);

// The rollup as Markdown for a commissioners' paper: what was rolled up,
// each organisation's latest year and change, the outcome levels of each
// organisation (a heat map with the levels in words), ratings by year, and the
// excluded files.
std::string RollupMarkdown(const RollupResult& result);

// The rollup as one self-contained, accessible HTML page, rendered from the
// same document as RollupMarkdown; the outcome levels of each organisation
// form a heat map coloured by level with the level in words.
std::string RollupHtml(const RollupResult& result);

// Writes the rollup workbook to `path`: Organisations, Outcomes (a heat map
// of each organisation's latest year, coloured by level), History (one row
// per organisation, year and outcome), Ratings by year (with a stacked
// column chart) and, when the run skipped invalid files, Excluded. Same
// guarantees and errors as WriteCompareWorkbook.
Status WriteRollupWorkbook(const RollupResult& result, const std::string& path);

}  // namespace eds

#endif  // EDS_HISTORY_OUTPUTS_H_
