#ifndef EDS_ENGINE_SRC_ROLLUP_GAPS_H_
#define EDS_ENGINE_SRC_ROLLUP_GAPS_H_

#include "eds/history.h"

namespace eds {

// Fills what a rollup lacks from its excluded files: each organisation's
// out_of_date (when its latest year is older than the rollup's),
// excluded_organisations (those whose every file was excluded, from what
// the files claim, within the filters), and counts (without `missing`).
// Needs rollup->organisations, years, excluded and options.
void MarkOutOfDateAndExcluded(RollupResult* rollup);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_ROLLUP_GAPS_H_
