#ifndef EDS_GRADE_OUTPUTS_H_
#define EDS_GRADE_OUTPUTS_H_

#include <string>

#include "eds/grade.h"

namespace eds {

// The `eds3 grade --json` document (SPEC §5, format "eds3-result/1"), as
// UTF-8 text ending in a newline. A pure walk over `report`: the same report
// always gives the same bytes. Keys appear in the SPEC's order; beyond the
// SPEC's fields it adds organisation.system (null when not given) and "missing"
// (the engine's list of what is unscored, empty when complete). Scores print
// as JsonWriter::Number prints them; agreement.alpha is rounded to 3
// decimals (null when not defined).
std::string GradeJson(const GradeReport& report);

// The `eds3 grade --markdown` summary, shaped like the national EDS 2022
// reporting template so that it can be published as it is: a header table
// (only the rows the assessment gives), the domain ratings and the overall
// rating (or "Incomplete" and what is missing), a table per domain (and per
// service for a per-service domain), the flags, the panel agreement, the
// action plan, and a footer naming the tool version, rubric and policy.
// Scores print with up to 2 decimals. All text from the input files is
// escaped so that it shows as written and cannot form markup, HTML or
// links; evidence links become links only for http, https and mailto. The
// output holds no raw HTML, so it renders alike where HTML is stripped.
// A pure function, like GradeJson.
std::string GradeMarkdown(const GradeReport& report);

// The `eds3 grade --html` report: the same content as GradeMarkdown (both
// are rendered from one document) as one self-contained, accessible HTML
// page to publish as it is: lang="en-GB", one h1, headings in order, every
// table with a caption and header cells with scope, levels coloured and
// written in words, an A4 print stylesheet, no scripts and nothing fetched.
// All input text is escaped for HTML (hidden and bidi characters shown as
// "<U+202E>"); evidence links become links only for http, https and mailto.
// A pure function: the same report always gives the same bytes.
std::string GradeHtml(const GradeReport& report);

}  // namespace eds

#endif  // EDS_GRADE_OUTPUTS_H_
