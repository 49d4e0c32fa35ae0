#include "eds/method_text.h"

#include <fmt/format.h>

namespace eds {
namespace {

std::string RatersWords(RatersPolicy policy) {
  switch (policy) {
    case RatersPolicy::kMedian:
      return "the median of the stakeholders' ratings (with an even number "
             "of ratings, the mean of the two middle ones)";
    case RatersPolicy::kMean:
      return "the mean of the stakeholders' ratings";
    case RatersPolicy::kMin:
      return "the lowest of the stakeholders' ratings";
  }
  return "";
}

std::string ServicesWords(ServicesPolicy policy) {
  switch (policy) {
    case ServicesPolicy::kMedian:
      return "the median of the service totals (with an even number of "
             "services, the mean of the two middle ones)";
    case ServicesPolicy::kMean:
      return "the mean of the service totals";
  }
  return "";
}

std::string RoundingWords(RoundingPolicy policy) {
  switch (policy) {
    case RoundingPolicy::kHalf:
      return "then rounded down to a multiple of 0.5";
    case RoundingPolicy::kDown:
      return "then rounded down to a whole number";
    case RoundingPolicy::kNone:
      return "kept exact, without rounding";
  }
  return "";
}

// The rounding after a brief "the median of the service totals", where
// keeping the score exact goes without saying.
const char* BriefRoundingWords(RoundingPolicy policy) {
  switch (policy) {
    case RoundingPolicy::kHalf:
      return ", rounded down to a multiple of 0.5";
    case RoundingPolicy::kDown:
      return ", rounded down to a whole number";
    case RoundingPolicy::kNone:
      return "";
  }
  return "";
}

}  // namespace

std::string PolicySummary(const Policy& policy) {
  return std::string("raters ") + PolicyWord(policy.raters) + ", services " +
         PolicyWord(policy.services) + ", rounding " +
         PolicyWord(policy.rounding);
}

std::string PolicyAgainstDefault(const Policy& policy, const Policy& defaults) {
  if (policy.raters == defaults.raters &&
      policy.services == defaults.services &&
      policy.rounding == defaults.rounding) {
    return PolicySummary(policy) + " (the rubric's default)";
  }
  return PolicySummary(policy) +
         " (set by the assessment; the rubric's default is " +
         PolicySummary(defaults) + ")";
}

std::string OutcomeScoreWords(const Policy& policy) {
  return RatersWords(policy.raters) + ", " + RoundingWords(policy.rounding);
}

std::string DomainScoreWords(const Policy& policy) {
  return ServicesWords(policy.services) + ", " + RoundingWords(policy.rounding);
}

std::string DomainScoreSentence(const Policy& policy) {
  std::string sentence = DomainScoreWords(policy) + ".";
  sentence[0] = 'T';  // "the median ..." starts the sentence
  return sentence;
}

std::string DomainScoreBrief(const Policy& policy) {
  return fmt::format("the {} of the service totals{}",
                     PolicyWord(policy.services),
                     BriefRoundingWords(policy.rounding));
}

std::string RubricVersionText(const Rubric& rubric) {
  return rubric.id + " version " + rubric.version;
}

std::string MadeByText(const std::string& tool_version) {
  return "Made by eds3 " + tool_version;
}

std::vector<StampPart> GradeReportStamp(const GradeReport& report) {
  return {
      {"Made by eds3 ", false},
      {report.tool_version, true},
      {" with rubric ", false},
      {report.rubric.id, true},
      {" ", false},
      {report.rubric.version, true},
      {"; policy: " + PolicySummary(report.assessment.policy) + ".", false}};
}

std::string GradeWorkbookStamp(const GradeReport& report) {
  return "eds3 " + report.tool_version + " with rubric " +
         RubricVersionText(report.rubric) + "; " +
         PolicySummary(report.assessment.policy) + ". See the Method sheet.";
}

std::string GradeDocumentStamp(const GradeReport& report) {
  return MadeByText(report.tool_version) + "; rubric " +
         RubricVersionText(report.rubric) + "; " +
         PolicySummary(report.assessment.policy);
}

std::string HistoryStamp(const std::string& tool_version,
                         const std::vector<RubricRef>& rubrics,
                         const std::vector<Policy>& policies) {
  std::string rubric_text;
  for (const RubricRef& rubric : rubrics) {
    if (!rubric_text.empty()) rubric_text += ", ";
    rubric_text += fmt::format("{} ({})", rubric.id, rubric.provenance);
  }
  std::string policy_text;
  for (const Policy& policy : policies) {
    if (!policy_text.empty()) policy_text += "; ";
    policy_text += PolicySummary(policy);
  }
  return fmt::format(
      "{} with rubric{} {}. Scores combined as each assessment says: {}.",
      MadeByText(tool_version), rubrics.size() == 1 ? "" : "s", rubric_text,
      policy_text);
}

}  // namespace eds
