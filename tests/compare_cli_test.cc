// End-to-end tests of `eds3 compare`: the built binary run on the files in
// tests/testdata/history/compare, checking exit status, everything printed,
// the JSON and Markdown against golden files, and what was (not) written.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "golden.h"
#include "history_cli_fixture.h"

namespace eds {
namespace {

using ::eds::testing::ExpectMatchesGolden;
using ::eds::testing::HistoryCliTest;
using ::eds::testing::Result;

using CompareCliTest = HistoryCliTest;

const std::vector<std::string> kThreeYears = {"compare/example-2024-25.yaml",
                                              "compare/example-2022-23.yaml",
                                              "compare/example-2023-24.yaml"};

std::vector<std::string> Args(std::vector<std::string> files,
                              const std::vector<std::string>& options) {
  files.insert(files.begin(), "compare");
  files.insert(files.end(), options.begin(), options.end());
  return files;
}

TEST_F(CompareCliTest, ThreeYearsInAnyOrderMatchGolden) {
  const Result result =
      Eds(Args(kThreeYears, {"-o", "out.xlsx", "--json", "out.json",
                             "--markdown", "out.md"}));
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.out,
            "Example Hospital NHS Trust (RXX), 3 years\n"
            "  2022/23  Incomplete\n"
            "  2023/24  12.5 of 33  Developing\n"
            "  2024/25  22 of 33  Achieving\n"
            "2022/23 was incomplete; 2023/24 is rated Developing (12.5).\n"
            "The rating rose from Developing (12.5) in 2023/24 to Achieving "
            "(22) in 2024/25.\n"
            "Outcome scores that changed: 14\n"
            "Wrote:\n"
            "  workbook  out.xlsx\n"
            "  JSON      out.json\n"
            "  Markdown  out.md\n");
  ExpectMatchesGolden("compare.json", Read("out.json"));
  ExpectMatchesGolden("compare.md", Read("out.md"));
  std::vector<std::string> expected = inputs_;
  expected.insert(expected.end(), {"out.json", "out.md", "out.xlsx"});
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(Listing(), expected);  // and no temporary file left behind
}

// The HTML report alone (no workbook without -o); TearDown runs
// check_html.py on it.
TEST_F(CompareCliTest, HtmlMatchesGolden) {
  const Result result = Eds(Args(kThreeYears, {"--html", "out.html"}));
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("\nWrote:\n  HTML      out.html\n"),
            std::string::npos)
      << result.out;
  ExpectMatchesGolden("compare.html", Read("out.html"));
  std::vector<std::string> expected = inputs_;
  expected.push_back("out.html");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(Listing(), expected);
}

TEST_F(CompareCliTest, SameInputGivesIdenticalBytes) {
  ASSERT_EQ(Eds(Args(kThreeYears, {"-o", "a.xlsx", "--json", "a.json"})).status,
            0);
  std::vector<std::string> reversed(kThreeYears.rbegin(), kThreeYears.rend());
  ASSERT_EQ(Eds(Args(reversed, {"-o", "b.xlsx", "--json", "b.json"})).status,
            0);
  EXPECT_EQ(Read("a.xlsx"), Read("b.xlsx"));
  // Only the order of the sources as given differs: years are sorted.
  EXPECT_EQ(Read("a.json"), Read("b.json"));
}

TEST_F(CompareCliTest, AcrossRubricVersionsListsWhatCannotBeCompared) {
  const Result result = Eds(Args(
      {"compare/example-2024-25.yaml", "compare/example-2025-26-local.yaml"},
      {"-o", "out.xlsx", "--json", "out.json", "--allow-rubric-files"}));
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out,
            "Example Hospital NHS Trust (RXX), 2 years\n"
            "  2024/25  22 of 33  Achieving\n"
            "  2025/26  24 of 36  Achieving\n"
            "The rating stayed Achieving in 2025/26 (24 of 36, after 22 of 33 "
            "in 2024/25); the two years' rubrics have different maximum "
            "totals, so the totals are not on one scale.\n"
            "Outcome scores that changed: 1\n"
            "Not comparable (not in every year's rubric): 2E\n"
            "Wrote:\n"
            "  workbook  out.xlsx\n"
            "  JSON      out.json\n");
  const std::string json = Read("out.json");
  EXPECT_NE(json.find("\"not_comparable\": [\n    \"2E\"\n  ]"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"version\": \"2022.1-local\""), std::string::npos);
}

// A local rubric with a twelfth outcome moves the Achieving and Excelling
// bands; each year's band lines sit where its own rubric puts them.
TEST_F(CompareCliTest, ChartBandsFollowEachYearsRubric) {
  if (!HaveLibreOffice()) GTEST_SKIP() << "soffice is not installed";
  ASSERT_EQ(Eds(Args({"compare/example-2024-25.yaml",
                      "compare/example-2025-26-local.yaml"},
                     {"-o", "out.xlsx", "--allow-rubric-files"}))
                .status,
            0);
  const std::string summary = SheetsAsCsv("out.xlsx").at("Summary");
  EXPECT_NE(summary.find("Year,Total,Developing,Achieving,Excelling"),
            std::string::npos)
      << summary;
  EXPECT_NE(summary.find("2024/25,22,8,22,33"), std::string::npos) << summary;
  EXPECT_NE(summary.find("2025/26,24,8,24,36"), std::string::npos) << summary;
}

// Each bad command line or bad set of files: the exit status, the whole of
// stderr, and nothing written.
TEST_F(CompareCliTest, EveryBadPathFailsClearlyAndWritesNothing) {
  KeepOldWorkbook();
  const BadRun kCases[] = {
      {Args({"compare/example-2024-25.yaml", "compare/example-2022-23.yaml"},
            {}),
       2,
       "eds3: error: missing -o OUT.xlsx (the workbook to write), or --json, "
       "--markdown or --html\n"
       "Run 'eds3 compare --help' for usage.\n"},
      {Args({"compare/example-2024-25.yaml"}, {"-o", "old.xlsx"}), 2,
       "eds3: error: missing FILE (compare needs at least two)\n"
       "Run 'eds3 compare --help' for usage.\n"},
      {Args({"compare/example-2023-24.yaml", "compare/example-2024-25.yaml"},
            {"-o", "old.xlsx", "--json", "./old.xlsx"}),
       2,
       "eds3: error: the workbook and the JSON are both './old.xlsx'; give "
       "each its own file\n"
       "Run 'eds3 compare --help' for usage.\n"},
      {Args({"compare/example-2023-24.yaml", "compare/example-2024-25.yaml"},
            {"-o", "old.xlsx", "--markdown", "compare/example-2023-24.yaml"}),
       2,
       "eds3: error: the Markdown 'compare/example-2023-24.yaml' would "
       "replace the input file\n"
       "Run 'eds3 compare --help' for usage.\n"},
      {Args({"compare/example-2023-24.yaml", "compare/other-2023-24.yaml",
             "compare/example-2024-25.yaml"},
            {"-o", "old.xlsx"}),
       1,
       "eds3: compare/other-2023-24.yaml: error: organisation 'Other "
       "Hospital NHS Trust' (code RYY) is not 'Example Hospital NHS Trust' "
       "(code RXX) of compare/example-2023-24.yaml; compare takes the years "
       "of one organisation\n"},
      {Args({"compare/example-2023-24.yaml",
             "compare/example-nocode-2024-25.yaml"},
            {"-o", "old.xlsx"}),
       1,
       "eds3: compare/example-nocode-2024-25.yaml: error: organisation "
       "'Example Hospital NHS Trust' (no code) is not 'Example Hospital NHS "
       "Trust' (code RXX) of compare/example-2023-24.yaml; compare takes the "
       "years of one organisation\n"
       "  hint: an organisation is identified by its code, or by its name "
       "when it has none; give both files the same organisation.code\n"},
      {Args({"compare/example-2023-24.yaml",
             "compare/example-2023-24-again.yaml"},
            {"-o", "old.xlsx"}),
       1,
       "eds3: compare/example-2023-24-again.yaml: error: year 2023/24 is also "
       "the year of compare/example-2023-24.yaml; compare needs each year "
       "once\n"},
      {Args({"compare/example-2023-24.yaml", "missing.yaml"},
            {"-o", "old.xlsx"}),
       3,
       "eds3: missing.yaml: error: cannot read: No such file or directory\n"},
      {Args({"compare/example-2023-24.yaml", "compare/example-2024-25.yaml"},
            {"-o", "no-folder/out.xlsx"}),
       3,
       "eds3: no-folder/out.xlsx: error: cannot write: No such file or "
       "directory\n"},
  };
  for (const BadRun& c : kCases) ExpectFailsAndWritesNothing(c);
}

TEST_F(CompareCliTest, InvalidFileIsReportedAndNothingWritten) {
  Write("compare/bad-2021-22.yaml",
        "eds3: 1\nrubric: eds2022\norganisation:\n  name: Example Hospital "
        "NHS Trust\n  code: RXX\nyear: 2021/22\nsponsr: Chair\n");
  inputs_ = Listing();
  const Result result =
      Eds(Args({"compare/bad-2021-22.yaml", "compare/example-2023-24.yaml"},
               {"-o", "out.xlsx"}));
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err,
            "eds3: compare/bad-2021-22.yaml:7:1: error: unknown key 'sponsr' "
            "in the assessment; did you mean 'sponsor'?\n"
            "  sponsr: Chair\n"
            "  ^\n");
  EXPECT_TRUE(NothingWritten());
}

// 3 wins over 1: an unreadable file or an unwritable output together with an
// invalid file is exit 3, and every problem is listed.
TEST_F(CompareCliTest, UnreadableOrUnwritableWinsOverInvalid) {
  Result result = Eds(Args({"compare/example-2023-24.yaml",
                            "compare/other-2023-24.yaml", "missing.yaml"},
                           {"-o", "out.xlsx"}));
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.err,
            "eds3: missing.yaml: error: cannot read: No such file or "
            "directory\n");
  EXPECT_TRUE(NothingWritten());

  Write("compare/bad.yaml", "eds3: 1\n");
  inputs_ = Listing();
  result = Eds(Args({"compare/example-2023-24.yaml", "compare/bad.yaml"},
                    {"-o", "no-folder/out.xlsx"}));
  EXPECT_EQ(result.status, 3);
  EXPECT_NE(result.err.find("no-folder/out.xlsx: error: cannot write"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("compare/bad.yaml"), std::string::npos)
      << result.err;
  EXPECT_TRUE(NothingWritten());
}

TEST_F(CompareCliTest, LibreOfficeSeesTheNumbers) {
  if (!HaveLibreOffice()) GTEST_SKIP() << "soffice is not installed";
  ASSERT_EQ(Eds(Args(kThreeYears, {"-o", "out.xlsx"})).status, 0);
  const std::map<std::string, std::string> sheets = SheetsAsCsv("out.xlsx");
  ASSERT_EQ(sheets.size(), 3u);
  const std::string& summary = sheets.at("Summary");
  EXPECT_NE(summary.find("2023/24,12.5,33,Developing,5,4.5,3"),
            std::string::npos)
      << summary;
  EXPECT_NE(summary.find("2024/25,22,33,Achieving,8,8,6"), std::string::npos)
      << summary;
  EXPECT_NE(summary.find("2022/23,incomplete,33,Incomplete"), std::string::npos)
      << summary;
  const std::string& trend = sheets.at("Trend");
  EXPECT_NE(trend.find("2,2D,Staff recommend the organisation,1,1,2,1,1,yes"),
            std::string::npos)
      << trend;
  const std::string& changes = sheets.at("Changes");
  EXPECT_NE(changes.find("2D Staff recommend the organisation rose from "
                         "Developing (1) to Achieving (2) in 2024/25."),
            std::string::npos)
      << changes;
}

}  // namespace
}  // namespace eds
