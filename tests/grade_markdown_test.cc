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
    std::optional<double> percent;
    std::optional<double> ac1;
    int pairable;
    std::string want;
  };
  const std::string consistent =
      " The panel rated consistently (alpha 0.8 or more).";
  const std::string agreed =
      " The panel agreed (percent agreement and Gwet's AC1 0.8 or more). "
      "Alpha cannot tell much here: most ratings are the same level, "
      "and alpha needs ratings that vary.";
  const std::string tentative =
      " The panel's agreement is tentative (alpha from 0.667 to under 0.8): "
      "treat close scores with care.";
  const std::string disagrees =
      " The panel disagrees (alpha below 0.667): look at the outcomes whose "
      "ratings are spread before relying on the scores.";
  const Case cases[] = {
      {0.85, 0.9, 0.85, 84, "From 84 pairable ratings." + consistent},
      {0.8, 0.5, 0.4, 10, "From 10 pairable ratings." + consistent},
      {0.7, 0.5, 0.4, 12, "From 12 pairable ratings." + tentative},
      // Read as shown: 0.6668 shows as 0.667, so it is tentative.
      {0.6668, 0.5, 0.4, 12, "From 12 pairable ratings." + tentative},
      {0.5, 0.5, 0.4, 6, "From 6 pairable ratings." + disagrees},
      {-0.0001, 0.972, 0.971, 72, "From 72 pairable ratings." + agreed},
      {std::nullopt, 1.0, 1.0, 2, "From 2 pairable ratings." + agreed},
      {std::nullopt, std::nullopt, std::nullopt, 1,
       "From 1 pairable rating. Agreement cannot be measured: it needs two "
       "or more ratings of the same outcome."},
  };
  for (const Case& c : cases) {
    GradeReport report = CompleteReport();
    report.result.agreement.alpha = c.alpha;
    report.result.agreement.percent_agreement = c.percent;
    report.result.agreement.gwet_ac1 = c.ac1;
    report.result.agreement.pairable = c.pairable;
    EXPECT_TRUE(HasLine(GradeMarkdown(report), c.want)) << c.want;
  }
}

TEST(GradeMarkdownTest, AgreementFiguresAreATable) {
  GradeReport report = CompleteReport();
  Agreement& agreement = report.result.agreement;
  agreement.alpha = -0.0004;
  agreement.percent_agreement = 0.97222;
  agreement.within_one_level = 1.0;
  agreement.gwet_ac1 = 0.97131;
  agreement.gwet_ac2 = std::nullopt;
  agreement.pairable = 72;
  const std::string md = GradeMarkdown(report);
  EXPECT_NE(md.find("## Panel agreement\n\n"
                    "| Measure | Value |\n"
                    "|---|---|\n"
                    "| Percent agreement | 97.2% |\n"
                    "| Agreement within one level | 100.0% |\n"
                    "| Gwet's AC1 | 0.971 |\n"
                    "| Gwet's AC2 (quadratic weights) | not defined |\n"
                    "| Krippendorff's alpha (ordinal) | 0.000 |\n"
                    "\nFrom 72 pairable ratings. The panel agreed"),
            std::string::npos)
      << md;
}

TEST(GradeMarkdownTest, InputTextCannotFormMarkup) {
  GradeReport report = CompleteReport();
  Assessment& a = report.assessment;
  a.organisation.name = "A | B\nC <script>x</script> *y* _z_ [l](u) &amp; #1";
  a.lead = "- not a list {::nomarkdown}";
  OutcomeEntry& entry = a.outcomes["2A"];
  entry.evidence = {
      {"Bad", "javascript:alert(1)"},
      {"Odd (link) | here", "https://example.org/a b)c|d<e>"},
      {"", "HTTPS://example.org/caps"},
  };
  entry.actions = {{"1. first\r\nsecond", "Owner `x`", Date{2025, 9, 30}}};
  entry.notes = "Split *2:1* | see <b>minutes</b>\nthen agreed";
  const std::string md = GradeMarkdown(report);

  const std::string name =
      "A \\| B C &lt;script&gt;x&lt;/script&gt; \\*y\\* \\_z\\_ \\[l\\](u) "
      "&amp;amp; #1";
  EXPECT_EQ(md.rfind("# NHS Equality Delivery System 2022 — " + name + "\n", 0),
            0u);
  EXPECT_TRUE(HasLine(md, "| Name of organisation | " + name + " |"));
  EXPECT_TRUE(HasLine(md, "| EDS lead | \\- not a list \\{::nomarkdown\\} |"))
      << md;
  EXPECT_TRUE(HasLine(
      md,
      "| 2A: When at work, staff are provided with support to manage obesity, "
      "diabetes, asthma, COPD and mental health conditions | Bad "
      "(javascript:alert(1)); [Odd (link) \\| "
      "here](https://example.org/a%20b%29c%7Cd%3Ce%3E); "
      "[HTTPS://example.org/caps](HTTPS://example.org/caps); *Panel's "
      "notes:* Split \\*2:1\\* \\| see &lt;b&gt;minutes&lt;/b&gt; then agreed "
      "| 2 — Achieving activity | Owner \\`x\\` |"))
      << md;
  EXPECT_TRUE(HasLine(
      md, "| 2A | 1\\. first second | Owner \\`x\\` | 30 September 2025 |"));
  // No raw HTML: no '<' at all.
  EXPECT_EQ(md.find('<'), std::string::npos) << md;
  // No kramdown extension or attribute list either: every '{' is escaped.
  for (std::size_t at = md.find('{'); at != std::string::npos;
       at = md.find('{', at + 1)) {
    EXPECT_TRUE(at > 0 && md[at - 1] == '\\') << md.substr(at);
  }
}

// The panel's notes go in the Evidence column, where the national template
// has room for the panel's reasoning; a service's notes carry its name.
TEST(GradeMarkdownTest, PanelNotesFollowTheEvidence) {
  GradeReport report = CompleteReport();
  report.assessment.services[0].outcomes["1C"].notes =
      "Staff rated 2, the forum 1: near-miss reporting is patchy.";
  const std::string md = GradeMarkdown(report);
  EXPECT_NE(md.find("| 1C: When patients (service users) use the service, "
                    "they are free from harm | NHS 111 clinical assessment "
                    "service: Incident reports by protected characteristic; "
                    "NHS 111 clinical assessment service: *Panel's notes:* "
                    "Staff rated 2, the forum 1: near-miss reporting is "
                    "patchy. |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("Occupational health referrals by condition; *Panel's "
                    "notes:* Free text for the panel's reasoning. |"),
            std::string::npos);
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
