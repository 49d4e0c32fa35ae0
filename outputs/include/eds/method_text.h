#ifndef EDS_METHOD_TEXT_H_
#define EDS_METHOD_TEXT_H_

// The words that say how a grade was made, for every writer: the policy
// stamp, the policy in words for a panel, the rubric's version and the
// "Made by eds3" stamps of the grade, compare and rollup outputs. Writers
// place these sentences but never compose them, so one policy reads the same
// in every output.

#include <string>
#include <vector>

#include "eds/grade.h"
#include "eds/history.h"
#include "eds/rubric.h"

namespace eds {

// "raters median, services median, rounding half": the one way every output
// (and `eds3 rubric show`) stamps a policy. The words are the keys and
// values of the policy: block of a file (SPEC §3), so a reader finds them
// there.
std::string PolicySummary(const Policy& policy);

// The summary, then whether it is the rubric's default: "... (the rubric's
// default)" or "... (set by the assessment; the rubric's default is ...)".
std::string PolicyAgainstDefault(const Policy& policy, const Policy& defaults);

// How an outcome's ratings give its score, for a panel: "the median of the
// stakeholders' ratings (with an even number of ratings, the mean of the two
// middle ones), then rounded down to a multiple of 0.5".
std::string OutcomeScoreWords(const Policy& policy);

// How a domain rated per service gets its score from the service totals:
// "the median of the service totals (with an even number of services, the
// mean of the two middle ones), then rounded down to a multiple of 0.5".
std::string DomainScoreWords(const Policy& policy);
// The same as a sentence of its own: "The median of ... 0.5."
std::string DomainScoreSentence(const Policy& policy);
// The same in brief, for a report's line under the services' table: "the
// median of the service totals, rounded down to a multiple of 0.5".
std::string DomainScoreBrief(const Policy& policy);

// "eds2022 version 2022.1".
std::string RubricVersionText(const Rubric& rubric);

// "Made by eds3 0.1.0".
std::string MadeByText(const std::string& tool_version);

// A stamp of ours with text from the input in it: each part says which it
// is, so that a writer that escapes input (Markdown, HTML) keeps the tool's
// version and the rubric's id and version apart from our words.
struct StampPart {
  std::string text;
  bool input = false;
};

// The grade report's closing stamp: "Made by eds3 0.1.0 with rubric eds2022
// 2022.1; policy: raters median, services median, rounding half."
std::vector<StampPart> GradeReportStamp(const GradeReport& report);
// The grade workbook's Summary line after "Made by": "eds3 0.1.0 with rubric
// eds2022 version 2022.1; raters median, ... rounding half. See the Method
// sheet."
std::string GradeWorkbookStamp(const GradeReport& report);
// The grade workbook's document properties comment: "Made by eds3 0.1.0;
// rubric eds2022 version 2022.1; raters median, ... rounding half".
std::string GradeDocumentStamp(const GradeReport& report);

// The compare and rollup stamp: "Made by eds3 0.1.0 with rubric eds2022
// (eds2022 version 2022.1, built-in). Scores combined as each assessment
// says: raters median, services median, rounding half." Several rubrics or
// policies are listed in order of first use.
std::string HistoryStamp(const std::string& tool_version,
                         const std::vector<RubricRef>& rubrics,
                         const std::vector<Policy>& policies);

}  // namespace eds

#endif  // EDS_METHOD_TEXT_H_
