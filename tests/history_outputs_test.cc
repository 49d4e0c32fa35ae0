// The compare and rollup writers (outputs/src/compare_*.cc, rollup_*.cc) on
// models built in memory: what each writes, in which order, and how it
// escapes input text. The end-to-end tests compare whole golden files; these
// say which part of an output is wrong when one changes.

#include "eds/history_outputs.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic_text.h"
#include "eds/history.h"
#include "history_fixtures.h"
#include "output_checks.h"
#include "xlsx_reader.h"

namespace eds {
namespace {

using ::eds::testing::All;
using ::eds::testing::Formatted;
using ::eds::testing::kUnrated;
using ::eds::testing::Year;

// An organisation name with every character that JSON, Markdown or a
// spreadsheet could take for something else.
const char kAwkwardName[] = "Trust \"A\" | *B* <i>c</i> =SUM(1) \\ end";

CompareResult CompareOf(std::vector<OrganisationYear> years) {
  Diagnostics diag;
  CompareResult result;
  const Status status = Compare(std::move(years), "9.8.7", diag, &result);
  EXPECT_TRUE(status.ok()) << status.message() << Formatted(diag);
  return result;
}

// Three years of one organisation: 2022/23 all Developing (11), 2023/24 with
// 1A and 2B risen to Achieving (13), 2024/25 all Achieving (22).
CompareResult ThreeYears(const std::string& name = "Example Trust") {
  std::vector<int> middle = All(1);
  middle[0] = 4;  // 1A
  middle[5] = 4;  // 2B
  return CompareOf({Year(name, "RXX", "2024/25", All(2), "Example ICS"),
                    Year(name, "RXX", "2022/23", All(1), "Example ICS"),
                    Year(name, "RXX", "2023/24", middle, "Example ICS")});
}

RollupResult RollupOf(std::vector<OrganisationYear> years,
                      std::vector<ExcludedFile> excluded = {},
                      RollupOptions options = {}) {
  Diagnostics diag;
  RollupResult result;
  const Status status = Rollup(std::move(years), std::move(excluded), options,
                               "9.8.7", diag, &result);
  EXPECT_TRUE(status.ok()) << status.message() << Formatted(diag);
  return result;
}

// Two organisations over two years, one incomplete in its latest year.
RollupResult TwoOrganisations() {
  std::vector<int> incomplete = All(2);
  incomplete[10] = kUnrated;  // 3C
  return RollupOf(
      {Year("Zulu Trust", "RZ1", "2023/24", All(1), "North ICS"),
       Year("Zulu Trust", "RZ1", "2024/25", incomplete, "North ICS"),
       Year("Alpha Trust", "RA1", "2023/24", All(0), "North ICS"),
       Year("Alpha Trust", "RA1", "2024/25", All(3), "North ICS")});
}

// Where `needle` begins in `text`, failing the test when it is absent.
std::size_t PositionOf(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << "no '" << needle << "' in:\n" << text;
  return at;
}

// Expects each of `needles` in `text`, each after the one before it.
void ExpectInOrder(const std::string& text,
                   const std::vector<std::string>& needles) {
  std::size_t from = 0;
  for (const std::string& needle : needles) {
    const std::size_t at = text.find(needle, from);
    ASSERT_NE(at, std::string::npos)
        << "'" << needle << "' missing or out of order in:\n"
        << text;
    from = at + needle.size();
  }
}

std::size_t CountOf(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

// ------------------------------------------------------------ compare JSON

TEST(CompareJsonTest, KeysInTheSpecsOrderAndYearsChronological) {
  const std::string json = CompareJson(ThreeYears());
  ExpectInOrder(json, {"\"format\": \"eds3-compare/2\"", "\"tool\"",
                       "\"version\": \"9.8.7\"", "\"organisation\"",
                       "\"years\"", "\"changes\"", "\"rubric\"",
                       "\"rating_changes\"", "\"not_comparable\""});
  ExpectInOrder(json, {"\"year\": \"2022/23\"", "\"year\": \"2023/24\"",
                       "\"year\": \"2024/25\"", "\"changes\""});
  testing::ExpectValidJsonText(json);
}

TEST(CompareJsonTest, ChangesByYearThenRubricOrderWithLevels) {
  const std::string json = CompareJson(ThreeYears());
  // 2023/24: 1A and 2B rose; 2024/25: the nine others rose.
  const std::size_t changes = PositionOf(json, "\"changes\"");
  const std::size_t first = json.find("\"outcome\": \"1A\"", changes);
  const std::size_t second = json.find("\"outcome\": \"2B\"", changes);
  const std::size_t third = json.find("\"outcome\": \"1B\"", changes);
  ASSERT_NE(third, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_EQ(CountOf(json, "\"from_level\": \"Developing\""), 11u);
  EXPECT_EQ(CountOf(json, "\"to_level\": \"Achieving\""), 11u);
  EXPECT_NE(json.find("\"from\": 1,\n      \"to\": 2,"), std::string::npos)
      << json;
}

TEST(CompareJsonTest, RatingChangesCarryTotalsAndTheChange) {
  const std::string json = CompareJson(ThreeYears());
  const std::size_t at = PositionOf(json, "\"rating_changes\"");
  ExpectInOrder(json.substr(at),
                {"\"from_year\": \"2022/23\"", "\"to_year\": \"2023/24\"",
                 "\"from\": \"Developing\"", "\"to\": \"Developing\"",
                 "\"from_total\": 11", "\"to_total\": 13", "\"change\": 2",
                 "\"change_reason\": null", "\"from_year\": \"2023/24\"",
                 "\"to\": \"Achieving\"", "\"to_total\": 22", "\"change\": 9"});
}

TEST(CompareJsonTest, IncompleteYearHasNullRatingAndAReason) {
  std::vector<int> incomplete = All(2);
  incomplete[3] = kUnrated;
  const std::string json =
      CompareJson(CompareOf({Year("T", "RXX", "2023/24", All(1)),
                             Year("T", "RXX", "2024/25", incomplete)}));
  const std::size_t at = PositionOf(json, "\"rating_changes\"");
  ExpectInOrder(json.substr(at), {"\"from\": \"Developing\"", "\"to\": null",
                                  "\"to_total\": null", "\"change\": null",
                                  "\"change_reason\": \"incomplete\""});
  testing::ExpectValidJsonText(json);
}

TEST(CompareJsonTest, EscapesInputTextAndWritesAMissingCodeAsNull) {
  const std::string json =
      CompareJson(CompareOf({Year(kAwkwardName, "", "2023/24", All(1)),
                             Year(kAwkwardName, "", "2024/25", All(1))}));
  EXPECT_NE(json.find("\"name\": \"Trust \\\"A\\\" | *B* <i>c</i> =SUM(1) "
                      "\\\\ end\""),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"code\": null"), std::string::npos);
  EXPECT_NE(json.find("\"system\": null"), std::string::npos);
  // Nothing moved: no change is listed.
  EXPECT_NE(json.find("\"changes\": []"), std::string::npos) << json;
}

TEST(CompareJsonTest, OutcomeOfOneRubricOnlyIsNotComparable) {
  const std::string json = CompareJson(CompareOf(
      {Year("T", "RXX", "2023/24", All(1)),
       Year("T", "RXX", "2024/25", All(1, 12), "", testing::SharedVariant())}));
  EXPECT_NE(json.find("\"not_comparable\": [\n    \"2E\"\n  ]"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"version\": \"2022.1-local\""), std::string::npos);
}

// -------------------------------------------------------- compare Markdown

TEST(CompareMarkdownTest, SectionsInOrderAndYearsAsColumns) {
  const std::string md = CompareMarkdown(ThreeYears());
  ExpectInOrder(
      md, {"# NHS Equality Delivery System 2022 — Example Trust "
           "year on year",
           "## Rating by year", "## Outcome scores by year", "## What changed",
           "### 2023/24 compared with 2022/23",
           "### 2024/25 compared with 2023/24", "Made by eds3 9.8.7"});
  // Two change columns: since the year before, and since the first year.
  EXPECT_NE(md.find("| Outcome | 2022/23 | 2023/24 | 2024/25 | Change since "
                    "2023/24 | Change since 2022/23 |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| 1A Access | 1 | 2 | 2 | 0 | +1 |"), std::string::npos)
      << md;
  EXPECT_NE(md.find("| 2024/25 | 22 of 33 | Achieving |"), std::string::npos)
      << md;
  // No outcome is missing from a year's rubric.
  EXPECT_EQ(md.find("Outcomes that cannot be compared"), std::string::npos);
}

TEST(CompareMarkdownTest, InputTextCannotFormMarkup) {
  const std::string md = CompareMarkdown(ThreeYears(kAwkwardName));
  EXPECT_EQ(md.find("<i>"), std::string::npos) << md;
  EXPECT_NE(md.find("&lt;i&gt;"), std::string::npos) << md;
  EXPECT_NE(md.find("\\*B\\*"), std::string::npos) << md;
  EXPECT_NE(md.find("\\|"), std::string::npos) << md;
}

TEST(CompareMarkdownTest, NothingChangedIsSaidInWords) {
  const std::string md =
      CompareMarkdown(CompareOf({Year("T", "RXX", "2023/24", All(2)),
                                 Year("T", "RXX", "2024/25", All(2))}));
  EXPECT_NE(md.find("No outcome score changed between the years compared."),
            std::string::npos)
      << md;
  // With two years there is no "since the first year" column.
  EXPECT_EQ(CountOf(md, "Change since"), 1u) << md;
}

// -------------------------------------------------------------- rollup JSON

TEST(RollupJsonTest, OrganisationsByNameWithTheirLatestYearAndChange) {
  const std::string json = RollupJson(TwoOrganisations());
  ExpectInOrder(json, {"\"format\": \"eds3-rollup/2\"", "\"attention\"",
                       "\"organisations\"", "\"name\": \"Alpha Trust\"",
                       "\"name\": \"Zulu Trust\"", "\"excluded\"", "\"rubric\"",
                       "\"filters\"", "\"ratings_by_year\"", "\"levels\"",
                       "\"outcome_spreads\""});
  // Alpha: 0 to 33, a change of 33; Zulu's latest year is incomplete.
  ExpectInOrder(json,
                {"\"name\": \"Alpha Trust\"", "\"latest_year\": \"2024/25\"",
                 "\"previous_year\": \"2023/24\"", "\"change\": 33",
                 "\"change_reason\": null", "\"name\": \"Zulu Trust\"",
                 "\"change\": null", "\"change_reason\": \"incomplete\""});
  testing::ExpectValidJsonText(json);
}

TEST(RollupJsonTest, RatingsByYearCountEveryBandAndIncompleteInOrder) {
  const std::string json = RollupJson(TwoOrganisations());
  const std::size_t at = PositionOf(json, "\"ratings_by_year\"");
  ExpectInOrder(
      json.substr(at),
      {"\"year\": \"2023/24\"", "\"organisations\": 2", "\"Undeveloped\": 1",
       "\"Developing\": 1", "\"Achieving\": 0", "\"Excelling\": 0",
       "\"Incomplete\": 0", "\"year\": \"2024/25\"", "\"Undeveloped\": 0",
       "\"Excelling\": 1", "\"Incomplete\": 1"});
  EXPECT_NE(json.find("\"filters\": {\n    \"system\": null,\n    \"year\": "
                      "null\n  }"),
            std::string::npos)
      << json;
}

TEST(RollupJsonTest, ExcludedFileKeepsItsProblemsAsParts) {
  Diagnostics problems;
  problems.Error({"bad \"1\".yaml", 3, 7}, "unknown key 'yeer'",
                 "did you mean 'year'?");
  problems.Error({"bad \"1\".yaml", 0, 0}, "no outcomes");
  RollupOptions options;
  options.skip_invalid = true;
  const std::string json =
      RollupJson(RollupOf({Year("Alpha Trust", "RA1", "2024/25", All(2))},
                          {ExcludeFile("bad \"1\".yaml", problems)}, options));
  const std::size_t at = PositionOf(json, "\"excluded\": [");
  ExpectInOrder(
      json.substr(at),
      {"\"file\": \"bad \\\"1\\\".yaml\"", "\"line\": 3", "\"column\": 7",
       "\"severity\": \"error\"", "\"message\": \"unknown key 'yeer'\"",
       "\"hint\": \"did you mean 'year'?\"", "\"line\": null",
       "\"column\": null", "\"message\": \"no outcomes\"", "\"hint\": null",
       "\"more_problems\": 0"});
  testing::ExpectValidJsonText(json);
}

// ---------------------------------------------------------- rollup Markdown

TEST(RollupMarkdownTest, SectionsInOrderAndOneRowPerOrganisation) {
  const std::string md = RollupMarkdown(TwoOrganisations());
  ExpectInOrder(md, {"## Needs attention",
                     "## Latest rating of each organisation", "| Alpha Trust |",
                     "| Zulu Trust |", "## Outcome levels of each organisation",
                     "## Number of organisations by rating and year",
                     "Made by eds3 9.8.7"});
  // Alpha's row in the latest-rating table, then its row in the heat map.
  EXPECT_EQ(CountOf(md, "| Alpha Trust |"), 2u) << md;
  // Without --skip-invalid and with no warnings, neither section appears.
  EXPECT_EQ(md.find("Files excluded as invalid"), std::string::npos);
  EXPECT_EQ(md.find("Warnings to check"), std::string::npos);
}

TEST(RollupMarkdownTest, ExcludedFilesAreListedWithTheirErrorsEscaped) {
  Diagnostics problems;
  problems.Error({"x.yaml", 2, 1}, "name '<b>bold</b>' is not *allowed*");
  RollupOptions options;
  options.skip_invalid = true;
  const std::string md =
      RollupMarkdown(RollupOf({Year(kAwkwardName, "RA1", "2024/25", All(2))},
                              {ExcludeFile("x.yaml", problems)}, options));
  const std::size_t at = PositionOf(md, "## Files excluded as invalid");
  const std::string section = md.substr(at);
  EXPECT_NE(section.find("x.yaml:2:1: error: name '&lt;b&gt;bold&lt;/b&gt;' "
                         "is not \\*allowed\\*"),
            std::string::npos)
      << section;
  EXPECT_EQ(md.find("<b>"), std::string::npos);
  EXPECT_EQ(md.find("<i>"), std::string::npos);
}

// -------------------------------------------------------------------- HTML

TEST(HistoryHtmlTest, PagesPassTheCheckerAndShowInputAsText) {
  const std::string compare = CompareHtml(ThreeYears(kAwkwardName));
  testing::ExpectCheckedHtmlText(compare);
  EXPECT_EQ(compare.find("<i>c</i>"), std::string::npos);
  EXPECT_NE(compare.find("&lt;i&gt;c&lt;/i&gt;"), std::string::npos);
  const std::string rollup =
      RollupHtml(RollupOf({Year(kAwkwardName, "RA1", "2024/25", All(2))}));
  testing::ExpectCheckedHtmlText(rollup);
  EXPECT_EQ(rollup.find("<i>c</i>"), std::string::npos);
  EXPECT_NE(rollup.find("&lt;i&gt;c&lt;/i&gt;"), std::string::npos);
}

// ---------------------------------------------------------------- workbooks

// A workbook written to a fresh file and read back with the engine's own
// reader (engine/src/xlsx_reader.h); the file is removed afterwards.
class HistoryWorkbookTest : public ::testing::Test {
 protected:
  void TearDown() override {
    for (const std::string& path : paths_) std::filesystem::remove(path);
  }

  std::string TempPath(const std::string& tag) {
    const std::string path = ::testing::TempDir() + "history_book_" + tag +
                             "_" + std::to_string(::getpid()) + ".xlsx";
    paths_.push_back(path);
    return path;
  }

  static std::string Bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  static std::vector<XlsxSheet> Read(const std::string& path) {
    Diagnostics diag;
    std::vector<XlsxSheet> sheets;
    EXPECT_TRUE(ReadXlsx(Bytes(path), path, diag, &sheets)) << Formatted(diag);
    return sheets;
  }

  static std::vector<std::string> Names(const std::vector<XlsxSheet>& sheets) {
    std::vector<std::string> names;
    for (const XlsxSheet& sheet : sheets) names.push_back(sheet.name);
    return names;
  }

  static const XlsxSheet& Sheet(const std::vector<XlsxSheet>& sheets,
                                const std::string& name) {
    for (const XlsxSheet& sheet : sheets) {
      if (sheet.name == name) return sheet;
    }
    ADD_FAILURE() << "no sheet " << name;
    static const XlsxSheet kNone;
    return kNone;
  }

  // The texts of row `number` (1-based), empty cells left out.
  static std::vector<std::string> Row(const XlsxSheet& sheet, int number) {
    std::vector<std::string> texts;
    for (const XlsxRow& row : sheet.rows) {
      if (row.number != number) continue;
      for (const XlsxCell& cell : row.cells) texts.push_back(cell.text);
    }
    return texts;
  }

  static bool HasText(const XlsxSheet& sheet, const std::string& text) {
    for (const XlsxRow& row : sheet.rows) {
      for (const XlsxCell& cell : row.cells) {
        if (cell.text == text) return true;
      }
    }
    return false;
  }

 private:
  std::vector<std::string> paths_;
};

TEST_F(HistoryWorkbookTest, CompareHasSummaryTrendAndChanges) {
  const std::string path = TempPath("compare");
  ASSERT_TRUE(WriteCompareWorkbook(ThreeYears(), path).ok());
  const std::vector<XlsxSheet> sheets = Read(path);
  EXPECT_EQ(Names(sheets),
            (std::vector<std::string>{"Summary", "Trend", "Changes"}));
  const XlsxSheet& trend = Sheet(sheets, "Trend");
  EXPECT_EQ(Row(trend, 1), (std::vector<std::string>{
                               "Domain", "Outcome", "Name", "2022/23",
                               "2023/24", "2024/25", "Change since 2023/24",
                               "Change since 2022/23", "Compared", "Title"}));
  // One row per outcome, in rubric order.
  EXPECT_EQ(trend.rows.size(), 12u);
  EXPECT_EQ(Row(trend, 2),
            (std::vector<std::string>{
                "1", "1A", "Access", "1", "2", "2", "0", "1", "yes",
                "Patients (service users) have required levels of access to "
                "the service"}));
  EXPECT_EQ(Row(trend, 12).at(1), "3C");
  // Eleven changes: 1A and 2B in 2023/24, the nine others in 2024/25.
  const XlsxSheet& changes = Sheet(sheets, "Changes");
  EXPECT_EQ(changes.rows.size(), 12u);
  EXPECT_EQ(Row(changes, 2).at(3), "1A");
  EXPECT_EQ(Row(changes, 3).at(3), "2B");
  EXPECT_EQ(Row(changes, 4).at(0), "2023/24");
}

TEST_F(HistoryWorkbookTest, CompareInputTextIsTextAndBytesRepeat) {
  const CompareResult result = ThreeYears(kAwkwardName);
  const std::string first = TempPath("first");
  const std::string second = TempPath("second");
  ASSERT_TRUE(WriteCompareWorkbook(result, first).ok());
  ASSERT_TRUE(WriteCompareWorkbook(result, second).ok());
  EXPECT_EQ(Bytes(first), Bytes(second));
  // The name that looks like a formula is written as the text it is.
  EXPECT_TRUE(HasText(Sheet(Read(first), "Summary"), kAwkwardName));
  EXPECT_EQ(Bytes(first).find("<f>"), std::string::npos);
}

TEST_F(HistoryWorkbookTest, UnwritablePathIsAnIoError) {
  const std::string path = ::testing::TempDir() + "no-such-folder-" +
                           std::to_string(::getpid()) + "/book.xlsx";
  EXPECT_EQ(WriteCompareWorkbook(ThreeYears(), path).code(),
            Status::Code::kIoError);
  EXPECT_EQ(WriteRollupWorkbook(TwoOrganisations(), path).code(),
            Status::Code::kIoError);
}

TEST_F(HistoryWorkbookTest, RollupSheetsAndHistoryRows) {
  const std::string path = TempPath("rollup");
  ASSERT_TRUE(WriteRollupWorkbook(TwoOrganisations(), path).ok());
  const std::vector<XlsxSheet> sheets = Read(path);
  // No Excluded sheet without --skip-invalid, no Checks without warnings.
  EXPECT_EQ(Names(sheets),
            (std::vector<std::string>{"Attention", "Organisations", "Outcomes",
                                      "History", "Ratings by year"}));
  // One History row per organisation, year and outcome, under the header.
  const XlsxSheet& history = Sheet(sheets, "History");
  EXPECT_EQ(history.rows.size(), 1u + 2u * 2u * 11u);
  EXPECT_EQ(Row(history, 2).at(0), "Alpha Trust");
  EXPECT_EQ(Row(history, 2).at(3), "2023/24");
  EXPECT_EQ(Row(history, 2).at(5), "1A");
  EXPECT_EQ(Row(history, 2).at(8), "Undeveloped");
  EXPECT_EQ(history.rows.back().cells.at(0).text, "Zulu Trust");
  // The incomplete year: its unrated outcome reads "not rated" and has no
  // level (an empty cell, left out here), its total "incomplete".
  const std::vector<std::string> last = Row(history, 1 + 2 * 2 * 11);
  ASSERT_EQ(last.size(), 12u);
  EXPECT_EQ(last.at(5), "3C");
  EXPECT_EQ(last.at(7), "not rated");
  EXPECT_EQ(last.at(8), "incomplete");
  EXPECT_EQ(last.at(9), "Incomplete");

  const XlsxSheet& ratings = Sheet(sheets, "Ratings by year");
  EXPECT_EQ(Row(ratings, 1),
            (std::vector<std::string>{"Year", "Undeveloped", "Developing",
                                      "Achieving", "Excelling", "Incomplete",
                                      "Organisations"}));
  EXPECT_EQ(Row(ratings, 3), (std::vector<std::string>{"2024/25", "0", "0", "0",
                                                       "1", "1", "2"}));
}

TEST_F(HistoryWorkbookTest, RollupExcludedSheetUnderSkipInvalid) {
  Diagnostics problems;
  problems.Error({"=bad.yaml", 1, 1}, "not an assessment");
  RollupOptions options;
  options.skip_invalid = true;
  const std::string path = TempPath("excluded");
  ASSERT_TRUE(WriteRollupWorkbook(
                  RollupOf({Year("Alpha Trust", "RA1", "2024/25", All(2))},
                           {ExcludeFile("=bad.yaml", problems)}, options),
                  path)
                  .ok());
  const std::vector<XlsxSheet> sheets = Read(path);
  const XlsxSheet& excluded = Sheet(sheets, "Excluded");
  EXPECT_EQ(Row(excluded, 2),
            (std::vector<std::string>{
                "=bad.yaml", "=bad.yaml:1:1: error: not an assessment"}));
  EXPECT_EQ(Bytes(path).find("<f>"), std::string::npos);
}

}  // namespace
}  // namespace eds
