#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>

#include "eds/grade_outputs.h"
#include "golden.h"
#include "grade_report_fixtures.h"

// Golden files: tests/testdata/golden/grade_*.md. To regenerate them after
// an intended change, run the tests with EDS_UPDATE_GOLDEN=1 (see golden.h).

namespace eds {
namespace {

using testing::CompleteReport;
using testing::ExpectMatchesGolden;
using testing::IncompleteReport;

bool HasLine(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

TEST(GradeMarkdownTest, CompleteMatchesGolden) {
  ExpectMatchesGolden("grade_complete.md", GradeMarkdown(CompleteReport()));
}

TEST(GradeMarkdownTest, IncompleteMatchesGolden) {
  ExpectMatchesGolden("grade_incomplete.md", GradeMarkdown(IncompleteReport()));
}

TEST(GradeMarkdownTest, SameReportGivesSameBytes) {
  EXPECT_EQ(GradeMarkdown(CompleteReport()), GradeMarkdown(CompleteReport()));
}

TEST(GradeMarkdownTest, KeyLines) {
  const std::string md = GradeMarkdown(CompleteReport());
  EXPECT_EQ(md.rfind("# NHS Equality Delivery System 2022 — Example Ambulance "
                     "Service NHS Trust\n",
                     0),
            0u);
  EXPECT_TRUE(HasLine(md, "| **Total** | **22** | **33** | **Achieving** |"));
  EXPECT_TRUE(HasLine(md, "**Overall rating: Achieving** (22 out of 33)"));
  EXPECT_TRUE(HasLine(md, "| Service | 1A | 1B | 1C | 1D | Total |"));
  EXPECT_TRUE(HasLine(
      md, "| NHS 111 clinical assessment service | 2 | 2 | 1.5 | 2 | 7.5 |"));
  EXPECT_TRUE(HasLine(
      md,
      "Made by eds3 0.1.0 with rubric eds2022 2022.1; policy: raters median, "
      "services median, rounding half."));
}

TEST(GradeMarkdownTest, IncompleteSaysSoAndListsWhatIsMissing) {
  const std::string md = GradeMarkdown(IncompleteReport());
  EXPECT_TRUE(
      HasLine(md, "| **Total** | Incomplete | **33** | **Incomplete** |"));
  EXPECT_TRUE(HasLine(md, "**Overall rating: Incomplete.** Not yet rated:"));
  EXPECT_TRUE(HasLine(md, "- 2C (Independent support) is not rated"));
  EXPECT_TRUE(HasLine(
      md,
      "| 2A: When at work, staff are provided with support to manage "
      "obesity, diabetes, asthma, COPD and mental health conditions | — | "
      "1.67 — Developing activity | — |"));
  EXPECT_FALSE(HasLine(md, "| Service | 1A | 1B | 1C | 1D | Total |"));
}

TEST(GradeMarkdownTest, AgreementIsReadInPlainWords) {
  struct Case {
    std::optional<double> alpha;
    int pairable;
    std::string want;
  };
  const std::string consistent =
      " The panel rated consistently (alpha 0.8 or more).";
  const std::string tentative =
      " The panel's agreement is tentative (alpha from 0.667 to under 0.8): "
      "treat close scores with care.";
  const std::string disagrees =
      " The panel disagrees (alpha below 0.667): look at the outcomes whose "
      "ratings are spread before relying on the scores.";
  const Case cases[] = {
      {0.85, 84,
       "Krippendorff's alpha (ordinal): 0.850 over 84 pairable ratings." +
           consistent},
      {0.8, 10,
       "Krippendorff's alpha (ordinal): 0.800 over 10 pairable ratings." +
           consistent},
      {0.7, 12,
       "Krippendorff's alpha (ordinal): 0.700 over 12 pairable ratings." +
           tentative},
      // Read as shown: 0.6668 shows as 0.667, so it is tentative.
      {0.6668, 12,
       "Krippendorff's alpha (ordinal): 0.667 over 12 pairable ratings." +
           tentative},
      {0.5, 6,
       "Krippendorff's alpha (ordinal): 0.500 over 6 pairable ratings." +
           disagrees},
      {-0.0001, 6,
       "Krippendorff's alpha (ordinal): 0.000 over 6 pairable ratings." +
           disagrees},
      {std::nullopt, 1,
       "Krippendorff's alpha (ordinal): not defined (1 pairable rating). "
       "Agreement cannot be measured: it needs two or more ratings of the "
       "same outcome, and some variation among them."},
  };
  for (const Case& c : cases) {
    GradeReport report = CompleteReport();
    report.result.agreement.alpha = c.alpha;
    report.result.agreement.pairable = c.pairable;
    EXPECT_TRUE(HasLine(GradeMarkdown(report), c.want)) << c.want;
  }
}

TEST(GradeMarkdownTest, InputTextCannotFormMarkup) {
  GradeReport report = CompleteReport();
  Assessment& a = report.assessment;
  a.organisation.name = "A | B\nC <script>x</script> *y* _z_ [l](u) &amp; #1";
  a.lead = "- not a list";
  OutcomeEntry& entry = a.outcomes["2A"];
  entry.evidence = {
      {"Bad", "javascript:alert(1)"},
      {"Odd (link) | here", "https://example.org/a b)c|d<e>"},
      {"", "HTTPS://example.org/caps"},
  };
  entry.actions = {{"1. first\r\nsecond", "Owner `x`", "not a date"}};
  const std::string md = GradeMarkdown(report);

  const std::string name =
      "A \\| B C \\<script\\>x\\</script\\> \\*y\\* \\_z\\_ \\[l\\](u) "
      "\\&amp; \\#1";
  EXPECT_EQ(md.rfind("# NHS Equality Delivery System 2022 — " + name + "\n", 0),
            0u);
  EXPECT_TRUE(HasLine(md, "| Name of organisation | " + name + " |"));
  EXPECT_TRUE(HasLine(md, "| EDS lead | \\- not a list |"));
  EXPECT_TRUE(HasLine(
      md,
      "| 2A: When at work, staff are provided with support to manage obesity, "
      "diabetes, asthma, COPD and mental health conditions | Bad "
      "(javascript:alert(1)); [Odd (link) \\| "
      "here](https://example.org/a%20b%29c%7Cd%3Ce%3E); "
      "[HTTPS://example.org/caps](HTTPS://example.org/caps) | 2 — Achieving "
      "activity | Owner \\`x\\` |"));
  EXPECT_TRUE(
      HasLine(md, "| 2A | 1\\. first second | Owner \\`x\\` | not a date |"));
  // No raw HTML: every '<' is escaped.
  for (std::size_t at = md.find('<'); at != std::string::npos;
       at = md.find('<', at + 1)) {
    EXPECT_TRUE(at > 0 && md[at - 1] == '\\') << md.substr(at, 20);
  }
}

TEST(GradeMarkdownTest, DatesAreWrittenInWords) {
  const std::string md = GradeMarkdown(CompleteReport());
  EXPECT_TRUE(HasLine(md, "| Date completed | 14 February 2025 |"));
  EXPECT_TRUE(HasLine(md, "| Month and year published | March 2025 |"));
  EXPECT_TRUE(HasLine(
      md, "| EDS engagement date(s) | 5 November 2024, 10 December 2024 |"));
}

TEST(GradeMarkdownTest, NoFlagsAndNoActionsAreSaidInWords) {
  GradeReport report = IncompleteReport();
  report.result.flags.clear();
  const std::string md = GradeMarkdown(report);
  EXPECT_TRUE(HasLine(md, "No flags were raised."));
  EXPECT_TRUE(HasLine(md, "No actions recorded."));
}

}  // namespace
}  // namespace eds
