// The words that say how a grade was made (outputs/include/eds/method_text.h).

#include "eds/method_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "grade_report_fixtures.h"

namespace eds {
namespace {

Policy MinMeanDown() {
  Policy policy;
  policy.raters = RatersPolicy::kMin;
  policy.services = ServicesPolicy::kMean;
  policy.rounding = RoundingPolicy::kDown;
  return policy;
}

TEST(PolicySummaryTest, SaysThePolicyInTheWordsOfItsFile) {
  EXPECT_EQ(PolicySummary(Policy{}),
            "raters median, services median, rounding half");
  EXPECT_EQ(PolicySummary(MinMeanDown()),
            "raters min, services mean, rounding down");
}

TEST(PolicySummaryTest, SaysWhetherItIsTheRubricsDefault) {
  EXPECT_EQ(PolicyAgainstDefault(Policy{}, Policy{}),
            "raters median, services median, rounding half (the rubric's "
            "default)");
  EXPECT_EQ(PolicyAgainstDefault(MinMeanDown(), Policy{}),
            "raters min, services mean, rounding down (set by the "
            "assessment; the rubric's default is raters median, services "
            "median, rounding half)");
}

TEST(PolicyWordsTest, DescribeHowScoresAreCombinedAndRounded) {
  EXPECT_EQ(OutcomeScoreWords(MinMeanDown()),
            "the lowest of the stakeholders' ratings, then rounded down to a "
            "whole number");
  Policy exact;
  exact.rounding = RoundingPolicy::kNone;
  EXPECT_EQ(DomainScoreWords(exact),
            "the median of the service totals (with an even number of "
            "services, the mean of the two middle ones), kept exact, without "
            "rounding");
  EXPECT_EQ(DomainScoreSentence(MinMeanDown()),
            "The mean of the service totals, then rounded down to a whole "
            "number.");
  EXPECT_EQ(DomainScoreBrief(Policy{}),
            "the median of the service totals, rounded down to a multiple of "
            "0.5");
  EXPECT_EQ(DomainScoreBrief(exact), "the median of the service totals");
}

TEST(GradeStampTest, EveryGradeOutputStampsTheSamePolicy) {
  const GradeReport report = testing::CompleteReport();
  std::string report_stamp;
  std::vector<std::string> inputs;
  for (const StampPart& part : GradeReportStamp(report)) {
    report_stamp += part.text;
    if (part.input) inputs.push_back(part.text);
  }
  EXPECT_EQ(report_stamp,
            "Made by eds3 0.1.0 with rubric eds2022 2022.1; policy: raters "
            "median, services median, rounding half.");
  // The tool's version and the rubric's id and version are input text.
  EXPECT_EQ(inputs, (std::vector<std::string>{"0.1.0", "eds2022", "2022.1"}));
  EXPECT_EQ(GradeWorkbookStamp(report),
            "eds3 0.1.0 with rubric eds2022 version 2022.1; raters median, "
            "services median, rounding half. See the Method sheet.");
  EXPECT_EQ(GradeDocumentStamp(report),
            "Made by eds3 0.1.0; rubric eds2022 version 2022.1; raters median, "
            "services median, rounding half");
}

TEST(HistoryStampTest, NamesEveryRubricAndPolicyInOrder) {
  const RubricRef eds{"eds2022", "2022.1", "eds2022 version 2022.1, built-in"};
  EXPECT_EQ(HistoryStamp("1.2.3", {eds}, {Policy{}}),
            "Made by eds3 1.2.3 with rubric eds2022 (eds2022 version 2022.1, "
            "built-in). Scores combined as each assessment says: raters "
            "median, services median, rounding half.");
  const RubricRef local{"local", "1", "local version 1, file l.yaml"};
  Policy mean;
  mean.raters = RatersPolicy::kMean;
  EXPECT_EQ(HistoryStamp("1.2.3", {eds, local}, {Policy{}, mean}),
            "Made by eds3 1.2.3 with rubrics eds2022 (eds2022 version 2022.1, "
            "built-in), local (local version 1, file l.yaml). Scores combined "
            "as each assessment says: raters median, services median, "
            "rounding half; raters mean, services median, rounding half.");
}

}  // namespace
}  // namespace eds
