// End-to-end tests of `eds3 rollup`: the built binary run on the folders in
// tests/testdata/history (and on examples/rollup), checking exit status,
// everything printed, the JSON and Markdown against golden files, and what
// was (not) written.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "golden.h"
#include "history_cli_fixture.h"

namespace eds {
namespace {

namespace fs = std::filesystem;

using ::eds::testing::ExpectMatchesGolden;
using ::eds::testing::HistoryCliTest;
using ::eds::testing::ReadText;
using ::eds::testing::Result;
using ::eds::testing::ShellQuote;

using RollupCliTest = HistoryCliTest;

constexpr char kNotesSkipped[] =
    "eds3: rollup/notes.yaml: note: skipped: not an assessment (no 'eds3' key "
    "at the top)\n";
// The test folder has one name under two codes, on purpose.
constexpr char kAlphaUnderTwoCodes[] =
    "eds3: rollup/south/alpha-south-2024-25.yaml: warning: organisation "
    "'Alpha Community NHS Trust' has code RA0 here and code RA1 in "
    "rollup/north/alpha/2023-24.yaml; they are rolled up as two "
    "organisations\n"
    "  hint: if they are one organisation, give it one code in every file\n";

TEST_F(RollupCliTest, FolderMatchesGolden) {
  const Result result = Eds({"rollup", "rollup", "-o", "out.xlsx", "--json",
                             "out.json", "--markdown", "out.md"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err, std::string(kNotesSkipped) + kAlphaUnderTwoCodes);
  EXPECT_EQ(result.out,
            "Rolled up 5 organisations, 7 assessments, 2023/24 to 2024/25\n"
            "Organisations: 5 included, 0 excluded\n"
            "  2023/24: 1 Developing, 1 Incomplete\n"
            "  2024/25: 1 Undeveloped, 3 Developing, 1 Achieving\n"
            "Wrote:\n"
            "  workbook  out.xlsx\n"
            "  JSON      out.json\n"
            "  Markdown  out.md\n");
  ExpectMatchesGolden("rollup.json", Read("out.json"));
  ExpectMatchesGolden("rollup.md", Read("out.md"));
  std::vector<std::string> expected = inputs_;
  expected.insert(expected.end(), {"out.json", "out.md", "out.xlsx"});
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(Listing(), expected);
}

// The HTML report alone, here on standard output; TearDown runs
// check_html.py on the copy written to a file.
TEST_F(RollupCliTest, HtmlMatchesGolden) {
  const Result result = Eds({"rollup", "rollup", "--html", "-"});
  EXPECT_EQ(result.status, 0) << result.err;
  ExpectMatchesGolden("rollup.html", result.out);
  EXPECT_TRUE(NothingWritten());
  Write("out.html", result.out);
}

// '--json -' writes the JSON to standard output and nothing else: the
// summary goes to standard error, and no workbook is written without -o.
TEST_F(RollupCliTest, JsonToStandardOutputWithoutAWorkbook) {
  const Result result = Eds({"rollup", "rollup", "--json", "-"});
  EXPECT_EQ(result.status, 0) << result.err;
  ExpectMatchesGolden("rollup.json", result.out);
  EXPECT_EQ(result.err, std::string(kNotesSkipped) + kAlphaUnderTwoCodes +
                            "Rolled up 5 organisations, 7 assessments, "
                            "2023/24 to 2024/25\n"
                            "Organisations: 5 included, 0 excluded\n"
                            "  2023/24: 1 Developing, 1 Incomplete\n"
                            "  2024/25: 1 Undeveloped, 3 Developing, 1 "
                            "Achieving\n"
                            "Wrote:\n"
                            "  JSON      standard output\n");
  EXPECT_EQ(Listing(), inputs_);
  // Parsed and checked against the schema as a file eds3 wrote.
  Write("stdout.json", result.out);
}

// Neither the order of the paths nor how the disk lists a folder changes
// the result; the workbook is byte-identical run after run.
TEST_F(RollupCliTest, ResultDoesNotDependOnOrder) {
  ASSERT_EQ(Eds({"rollup", "rollup/north", "rollup/south", "-o", "a.xlsx",
                 "--json", "a.json"})
                .status,
            0);
  ASSERT_EQ(Eds({"rollup", "rollup/south", "rollup/north", "-o", "b.xlsx",
                 "--json", "b.json"})
                .status,
            0);
  EXPECT_EQ(Read("a.json"), Read("b.json"));
  EXPECT_EQ(Read("a.xlsx"), Read("b.xlsx"));
}

TEST_F(RollupCliTest, FiltersKeepOneSystemOrOneYear) {
  Result result = Eds({"rollup", "rollup", "--system", "North ICS", "-o",
                       "out.xlsx", "--json", "out.json"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out,
            "Rolled up 2 organisations, 3 assessments, 2023/24 to 2024/25\n"
            "Organisations: 2 included, 0 excluded\n"
            "  2023/24: 1 Developing\n"
            "  2024/25: 1 Developing, 1 Achieving\n"
            "Wrote:\n"
            "  workbook  out.xlsx\n"
            "  JSON      out.json\n");
  EXPECT_NE(Read("out.json")
                .find("\"system\": \"North ICS\",\n    \"year\": "
                      "null"),
            std::string::npos);

  result = Eds({"rollup", "rollup", "--year", "2023/24", "-o", "out.xlsx"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out,
            "Rolled up 2 organisations, 2 assessments, 2023/24\n"
            "Organisations: 2 included, 0 excluded\n"
            "  2023/24: 1 Developing, 1 Incomplete\n"
            "Wrote:\n"
            "  workbook  out.xlsx\n");
}

TEST_F(RollupCliTest, SkipInvalidRollsUpTheRestAndListsTheExcluded) {
  const Result result = Eds({"rollup", "rollup-invalid", "--skip-invalid", "-o",
                             "out.xlsx", "--json", "out.json"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err,
            "eds3: rollup-invalid/bad-key-2024-25.yaml:8:1: warning: unknown "
            "key 'complted' in the assessment; did you mean 'completed'?\n"
            "  complted: 2025-02-01\n"
            "  ^\n"
            "eds3: rollup-invalid/list.yaml:1:1: warning: expected a YAML "
            "mapping of keys at the top of the file\n"
            "  - not\n"
            "  ^\n"
            "eds3: warning: 2 invalid files excluded (--skip-invalid); see "
            "'excluded' and the Excluded sheet\n");
  EXPECT_EQ(result.out,
            "Rolled up 1 organisation, 1 assessment, 2024/25\n"
            "Organisations: 1 included, 1 excluded\n"
            "  2024/25: 1 Achieving\n"
            "Excluded as invalid: 2 files\n"
            "Organisations with every file excluded: 1\n"
            "  Echo Hospital NHS Trust (RE5): every file excluded: "
            "rollup-invalid/bad-key-2024-25.yaml\n"
            "Wrote:\n"
            "  workbook  out.xlsx\n"
            "  JSON      out.json\n");
  const std::string json = Read("out.json");
  EXPECT_NE(
      json.find("  \"excluded\": [\n"
                "    {\n"
                "      \"file\": \"rollup-invalid/bad-key-2024-25.yaml\",\n"
                "      \"problems\": [\n"
                "        {\n"
                "          \"file\": \"rollup-invalid/bad-key-2024-25.yaml\",\n"
                "          \"line\": 8,\n"
                "          \"column\": 1,\n"
                "          \"severity\": \"error\",\n"
                "          \"message\": \"unknown key 'complted' in the "
                "assessment; did you mean 'completed'?\",\n"
                "          \"hint\": null\n"
                "        }\n"
                "      ],\n"
                "      \"more_problems\": 0,\n"
                "      \"claimed\": {\n"
                "        \"code\": \"RE5\",\n"
                "        \"name\": \"Echo Hospital NHS Trust\",\n"
                "        \"system\": \"North ICS\",\n"
                "        \"year\": \"2024/25\"\n"
                "      }\n"
                "    },\n"
                "    {\n"
                "      \"file\": \"rollup-invalid/list.yaml\",\n"),
      std::string::npos)
      << json;
}

// A file found in a folder that cannot be read fails the run (exit 3), and
// under --skip-invalid is left out like an invalid one. (A broken link is
// listed only when links are followed wherever they lead.)
TEST_F(RollupCliTest, UnreadableFileFoundInAFolder) {
  fs::create_symlink("nowhere.yaml", work_ / "rollup-invalid" / "gone.yaml");
  const Result strict =
      Eds({"rollup", "rollup-invalid", "-o", "out.xlsx", "--follow-links"});
  EXPECT_EQ(strict.status, 3);
  EXPECT_NE(strict.err.find("eds3: rollup-invalid/gone.yaml: error: cannot "
                            "read: No such file or directory\n"),
            std::string::npos)
      << strict.err;
  EXPECT_FALSE(fs::exists(work_ / "out.xlsx"));
  EXPECT_NE(strict.err.find("eds3: note: 2 invalid files and 1 file that "
                            "cannot be read; nothing was written "
                            "(--skip-invalid rolls up the valid files and "
                            "lists the others)\n"),
            std::string::npos)
      << strict.err;

  const Result skipping =
      Eds({"rollup", "rollup-invalid", "--skip-invalid", "-o", "out.xlsx",
           "--json", "out.json", "--follow-links"});
  EXPECT_EQ(skipping.status, 0) << skipping.err;
  EXPECT_NE(skipping.err.find("eds3: rollup-invalid/gone.yaml: warning: "
                              "cannot read: No such file or directory\n"),
            std::string::npos)
      << skipping.err;
  EXPECT_NE(skipping.out.find("Excluded as invalid: 3 files\n"),
            std::string::npos)
      << skipping.out;
  EXPECT_NE(Read("out.json")
                .find("\"file\": \"rollup-invalid/gone.yaml\",\n"
                      "      \"problems\": [\n"
                      "        {\n"
                      "          \"file\": \"rollup-invalid/gone.yaml\",\n"
                      "          \"line\": null,\n"
                      "          \"column\": null,\n"
                      "          \"severity\": \"error\",\n"
                      "          \"message\": \"cannot read: No such file or "
                      "directory\","),
            std::string::npos)
      << Read("out.json");

  // Named on the command line, it must be read, --skip-invalid or not.
  const Result named =
      Eds({"rollup", "rollup-invalid/good-2024-25.yaml",
           "rollup-invalid/gone.yaml", "--skip-invalid", "-o", "named.xlsx"});
  EXPECT_EQ(named.status, 3);
  EXPECT_FALSE(fs::exists(work_ / "named.xlsx"));
}

// Totals out of different maxima (a local rubric of 36 points after
// EDS 2022's 33) are not subtracted; every output says why.
TEST_F(RollupCliTest, NoChangeBetweenTotalsOfDifferentMaxima) {
  const Result result =
      Eds({"rollup", "compare/example-2024-25.yaml",
           "compare/example-2025-26-local.yaml", "-o", "out.xlsx", "--json",
           "out.json", "--markdown", "out.md", "--allow-rubric-files"});
  ASSERT_EQ(result.status, 0) << result.err;
  const std::string json = Read("out.json");
  EXPECT_NE(json.find("\"max\": 33,"), std::string::npos) << json;
  EXPECT_NE(json.find("\"max\": 36,"), std::string::npos) << json;
  EXPECT_NE(
      json.find("\"previous_year\": \"2024/25\",\n      \"change\": null"),
      std::string::npos)
      << json;
  EXPECT_NE(
      Read("out.md").find("| not comparable: the rubrics' maxima differ |"),
      std::string::npos)
      << Read("out.md");
  if (HaveLibreOffice()) {
    EXPECT_NE(SheetsAsCsv("out.xlsx")
                  .at("Organisations")
                  .find("not comparable: the rubrics' maxima differ"),
              std::string::npos);
  }
}

TEST_F(RollupCliTest, RepeatedOrganisationAndYear) {
  Result result = Eds({"rollup", "rollup-duplicate", "-o", "out.xlsx"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err,
            "eds3: rollup-duplicate/delta-b-2024-25.yaml:7:7: error: "
            "organisation 'Delta Hospital NHS Trust' (code RD4) for 2024/25 "
            "is also in rollup-duplicate/delta-a-2024-25.yaml:7:7; each "
            "organisation and year must be in one file\n");
  EXPECT_TRUE(NothingWritten());

  result = Eds({"rollup", "rollup-duplicate", "--skip-invalid", "-o",
                "out.xlsx", "--json", "out.json"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out,
            "Rolled up 1 organisation, 1 assessment, 2024/25\n"
            "Organisations: 1 included, 1 excluded\n"
            "  2024/25: 1 Developing\n"
            "Excluded as invalid: 2 files\n"
            "Organisations with every file excluded: 1\n"
            "  Delta Hospital NHS Trust (RD4): every file excluded: "
            "rollup-duplicate/delta-a-2024-25.yaml and "
            "rollup-duplicate/delta-b-2024-25.yaml\n"
            "Wrote:\n"
            "  workbook  out.xlsx\n"
            "  JSON      out.json\n");
  const std::string json = Read("out.json");
  EXPECT_NE(json.find("\"name\": \"Foxtrot Hospital NHS Trust\""),
            std::string::npos);
  EXPECT_EQ(eds::testing::RolledUp(json).find(
                "\"name\": \"Delta Hospital NHS Trust\""),
            std::string::npos);
  EXPECT_NE(json.find("\"file\": \"rollup-duplicate/delta-a-2024-25.yaml\""),
            std::string::npos);
  EXPECT_NE(json.find("\"file\": \"rollup-duplicate/delta-b-2024-25.yaml\""),
            std::string::npos);
}

// Each bad command line or input: the exit status, the whole of stderr, and
// nothing written (an existing output left as it was).
TEST_F(RollupCliTest, EveryBadPathFailsClearlyAndWritesNothing) {
  fs::create_directories(work_ / "empty");
  fs::create_directories(work_ / "no-yaml");
  Write("no-yaml/notes.txt", "not YAML\n");
  fs::create_directories(work_ / "only-notes");
  fs::copy_file(work_ / "rollup" / "notes.yaml",
                work_ / "only-notes" / "notes.yaml");
  KeepOldWorkbook();
  // What every run of rollup-invalid prints: its two files' problems.
  const std::string invalid_folder =
      "eds3: rollup-invalid/bad-key-2024-25.yaml:8:1: error: unknown key "
      "'complted' in the assessment; did you mean 'completed'?\n"
      "  complted: 2025-02-01\n"
      "  ^\n"
      "eds3: rollup-invalid/list.yaml:1:1: error: expected a YAML mapping of "
      "keys at the top of the file\n"
      "  - not\n"
      "  ^\n"
      "eds3: note: 2 invalid files; nothing was written (--skip-invalid rolls "
      "up the valid files and lists the others)\n";
  const BadRun kCases[] = {
      {{"rollup", "rollup"},
       2,
       "eds3: error: missing -o OUT.xlsx (the workbook to write), or --json, "
       "--markdown or --html\n"
       "Run 'eds3 rollup --help' for usage.\n"},
      {{"rollup", "rollup", "--year", "2024-25", "-o", "old.xlsx"},
       2,
       "eds3: error: --year '2024-25' is not a year written YYYY/YY, such as "
       "2024/25\n"
       "Run 'eds3 rollup --help' for usage.\n"},
      {{"rollup", "rollup", "--year", "2024/26", "-o", "old.xlsx"},
       2,
       "eds3: error: --year '2024/26' is not a year written YYYY/YY, such as "
       "2024/25\n"
       "Run 'eds3 rollup --help' for usage.\n"},
      {{"rollup", "rollup", "--system", "North IC", "-o", "old.xlsx"},
       1,
       std::string(kNotesSkipped) + kAlphaUnderTwoCodes +
           "eds3: error: --system 'North IC' matches no assessment; did you "
           "mean 'North ICS'?\n"},
      {{"rollup", "rollup", "--year", "2030/31", "-o", "old.xlsx"},
       1,
       std::string(kNotesSkipped) + kAlphaUnderTwoCodes +
           "eds3: error: --year '2030/31' matches no assessment\n"
           "  hint: the files give '2023/24', '2024/25'\n"},
      {{"rollup", "rollup-invalid", "-o", "old.xlsx"}, 1, invalid_folder},
      {{"rollup", "rollup/notes.yaml", "-o", "old.xlsx"},
       1,
       "eds3: rollup/notes.yaml: error: not an assessment: there is no 'eds3' "
       "key at the top\n"
       "  hint: an assessment starts with 'eds3: 1'\n"
       "eds3: note: 1 invalid file; nothing was written (--skip-invalid rolls "
       "up the valid files and lists the others)\n"},
      {{"rollup", "empty", "-o", "old.xlsx"},
       1,
       "eds3: empty: error: no .yaml or .yml file in this folder or below\n"},
      {{"rollup", "no-yaml", "-o", "old.xlsx"},
       1,
       "eds3: no-yaml: error: no .yaml or .yml file in this folder or below\n"},
      {{"rollup", "only-notes", "-o", "old.xlsx"},
       1,
       "eds3: only-notes/notes.yaml: note: skipped: not an assessment (no "
       "'eds3' key at the top)\n"
       "eds3: error: no assessment to roll up\n"},
      {{"rollup", "rollup-invalid/list.yaml", "--skip-invalid", "-o",
        "old.xlsx"},
       1,
       "eds3: rollup-invalid/list.yaml:1:1: warning: expected a YAML mapping "
       "of keys at the top of the file\n"
       "  - not\n"
       "  ^\n"
       "eds3: error: no assessment to roll up: all 1 file was excluded\n"},
      {{"rollup", "missing", "-o", "old.xlsx"},
       3,
       "eds3: missing: error: cannot read: No such file or directory\n"},
      // 3 wins over 1: an output that cannot be written and an invalid
      // file.
      {{"rollup", "rollup-invalid", "-o", "no-folder/out.xlsx"},
       3,
       "eds3: no-folder/out.xlsx: error: cannot write: No such file or "
       "directory\n" +
           invalid_folder},
      // 3 wins over 1: a path that cannot be read and an invalid file.
      {{"rollup", "missing", "rollup-invalid", "-o", "old.xlsx"},
       3,
       "eds3: missing: error: cannot read: No such file or directory\n" +
           invalid_folder},
  };
  for (const BadRun& c : kCases) ExpectFailsAndWritesNothing(c);
}

// A link back up the tree neither loops nor counts a file twice.
TEST_F(RollupCliTest, FollowsLinksWithoutLooping) {
  fs::create_directory_symlink("..", work_ / "rollup" / "north" / "up");
  fs::create_directory_symlink("../south", work_ / "rollup" / "north" / "s");
  const Result result =
      Eds({"rollup", "rollup", "-o", "out.xlsx", "--json", "out.json"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err,
            std::string(kNotesSkipped) +
                "eds3: rollup/north/s/alpha-south-2024-25.yaml: warning: "
                "organisation 'Alpha Community NHS Trust' has code RA0 here "
                "and code RA1 in rollup/north/alpha/2023-24.yaml; they are "
                "rolled up as two organisations\n"
                "  hint: if they are one organisation, give it one code in "
                "every file\n");
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "Rolled up 5 organisations, 7 assessments, 2023/24 to 2024/25");
}

TEST_F(RollupCliTest, ExampleSystemOfFortyOrganisations) {
  const Result result =
      Eds({"rollup", std::string(EDS_SOURCE_DIR) + "/examples/rollup",
           "--system", "Severnvale ICS", "-o", "out.xlsx"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "Rolled up 11 organisations, 33 assessments, 2022/23 to 2024/25");

  const Result all =
      Eds({"rollup", std::string(EDS_SOURCE_DIR) + "/examples/rollup", "-o",
           "all.xlsx"});
  EXPECT_EQ(all.status, 0) << all.err;
  EXPECT_EQ(all.out.substr(0, all.out.find('\n')),
            "Rolled up 40 organisations, 120 assessments, 2022/23 to 2024/25");
}

TEST_F(RollupCliTest, LibreOfficeSeesTheNumbers) {
  if (!HaveLibreOffice()) GTEST_SKIP() << "soffice is not installed";
  ASSERT_EQ(Eds({"rollup", "rollup", "rollup-invalid", "--skip-invalid", "-o",
                 "out.xlsx"})
                .status,
            0);
  const std::map<std::string, std::string> sheets = SheetsAsCsv("out.xlsx");
  std::vector<std::string> names;
  for (const auto& [name, text] : sheets) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"Attention", "Checks", "Excluded",
                                             "History", "Organisations",
                                             "Outcomes", "Ratings by year"}));
  // Attention is the first sheet.
  ASSERT_EQ(
      std::system(("unzip -p " + ShellQuote((work_ / "out.xlsx").string()) +
                   " xl/workbook.xml >" +
                   ShellQuote((root_ / "order.txt").string()))
                      .c_str()),
      0);
  const std::string workbook = ReadText(root_ / "order.txt");
  EXPECT_LT(workbook.find("name=\"Attention\""),
            workbook.find("name=\"Organisations\""));
  const std::string& attention = sheets.at("Attention");
  EXPECT_NE(attention.find("Lowest band,Zulu Mental Health NHS Trust,RZ3,"
                           "2024/25,Undeveloped,Zulu Mental Health NHS Trust "
                           "(RZ3) is rated Undeveloped (5 of 33) in 2024/25."),
            std::string::npos)
      << attention;
  EXPECT_NE(attention.find("Excluded file,,,,,rollup-invalid/list.yaml was "
                           "left out as invalid"),
            std::string::npos)
      << attention;
  const std::string& organisations = sheets.at("Organisations");
  EXPECT_NE(organisations.find("Alpha Community NHS Trust,RA1,North ICS,"
                               "2024/25,13.5,33,Developing,5,5.5,3,2023/24,"
                               "9,4.5,0.753,agreed,\"raters median, "
                               "services median, rounding half\","),
            std::string::npos)
      << organisations;
  const std::string& ratings = sheets.at("Ratings by year");
  EXPECT_NE(ratings.find("2024/25,1,3,2,0,0,6"), std::string::npos) << ratings;
  const std::string& outcomes = sheets.at("Outcomes");
  EXPECT_NE(outcomes.find("Zulu Mental Health NHS Trust,RZ3,2024/25,0,1,0,1,0,"
                          "1,0,1,0,1,0,5,Undeveloped"),
            std::string::npos)
      << outcomes;
  // The system row under the heat map: 1A's spread over the levels.
  EXPECT_NE(outcomes.find("Organisations at Undeveloped,,,1,"),
            std::string::npos)
      << outcomes;
  EXPECT_NE(outcomes.find("Median score,,,2,"), std::string::npos) << outcomes;
  EXPECT_NE(sheets.at("Excluded").find("rollup-invalid/list.yaml"),
            std::string::npos);
  EXPECT_NE(sheets.at("History").find("Charlie Care Partnership,,South ICS,"
                                      "2023/24,3,3C,Levers to manage "
                                      "performance,not rated"),
            std::string::npos)
      << sheets.at("History");
}

}  // namespace
}  // namespace eds
