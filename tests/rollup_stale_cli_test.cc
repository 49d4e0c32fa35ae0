// End-to-end tests of organisations that go stale or vanish in a roll-up,
// the headline counts, and the commissioner's register (`--expect`) (issue
// 9, items 9 and 10): the built eds3, checking the exit status, what is
// printed, and what is and is not in every output.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "history_cli_fixture.h"

namespace eds {
namespace {

namespace fs = std::filesystem;

using ::eds::testing::HistoryCliTest;
using ::eds::testing::Result;

// An assessment of every outcome at `score` (9 is out of range: the file is
// invalid but still says who it is about).
std::string Assessment(const std::string& name, const std::string& code,
                       const std::string& year, int score = 2) {
  std::string text =
      "eds3: 1\nrubric: eds2022\norganisation:\n  name: " + name + "\n";
  if (!code.empty()) text += "  code: " + code + "\n";
  text += "  system: North ICS\nyear: " + year +
          "\nstakeholders:\n  - {id: panel, name: Panel, group: patients}\n"
          "outcomes:\n";
  for (const char* outcome :
       {"1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D", "3A", "3B", "3C"}) {
    text += std::string("  ") + outcome +
            ": {ratings: {panel: " + std::to_string(score) + "}}\n";
  }
  return text;
}

constexpr int kInvalid = 9;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class RollupStaleTest : public HistoryCliTest {
 protected:
  void SetUp() override {
    HistoryCliTest::SetUp();
    fs::create_directories(work_ / "in");
    // Fen: its 2024/25 file is invalid, so 2023/24 is its latest.
    Write("in/fen-2023-24.yaml", Assessment("Fen Trust", "RV9", "2023/24"));
    Write("in/fen-2024-25.yaml",
          Assessment("Fen Trust", "rv9", "2024/25", kInvalid));
    // Moor: sent nothing for 2024/25.
    Write("in/moor-2023-24.yaml", Assessment("Moor Trust", "RM1", "2023/24"));
    // Wash: up to date.
    Write("in/wash-2024-25.yaml", Assessment("Wash Trust", "RW1", "2024/25"));
    // Gone: every file invalid.
    Write("in/gone-2023-24.yaml",
          Assessment("Gone Trust", "RG1", "2023/24", kInvalid));
    Write("in/gone-2024-25.yaml",
          Assessment("Gone Trust", "RG1", "2024/25", kInvalid));
    inputs_ = Listing();
  }

  Result RollupAll(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"rollup",   "in",         "--skip-invalid",
                                     "-o",       "out.xlsx",   "--json",
                                     "out.json", "--markdown", "out.md"};
    args.insert(args.end(), extra.begin(), extra.end());
    return Eds(args);
  }

  // The CSV of a register with one line per organisation.
  void WriteRegister(const std::string& lines) const {
    Write("register.csv", "code,name,system\r\n" + lines);
  }
};

// Under --skip-invalid an organisation whose latest file was excluded, and
// one that sent no file for the latest year, are marked with the reason in
// every output; one whose every file was excluded keeps a row; the headline
// counts included and excluded organisations.
TEST_F(RollupStaleTest, StaleAndVanishedOrganisationsAreMarked) {
  const Result result = RollupAll();
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(Has(result.out,
                  "Rolled up 3 organisations, 3 assessments, 2023/24 to "
                  "2024/25\n"
                  "Organisations: 3 included, 1 excluded\n"))
      << result.out;
  EXPECT_TRUE(Has(result.out,
                  "Excluded as invalid: 3 files\n"
                  "Not up to date (2024/25): 2\n"
                  "  Fen Trust (RV9): latest 2023/24, excluded file "
                  "in/fen-2024-25.yaml\n"
                  "  Moor Trust (RM1): latest 2023/24, no file for 2024/25\n"
                  "Organisations with every file excluded: 1\n"
                  "  Gone Trust (RG1): every file excluded: "
                  "in/gone-2023-24.yaml and in/gone-2024-25.yaml\n"))
      << result.out;
  EXPECT_FALSE(Has(result.out, "missing")) << result.out;
  EXPECT_FALSE(Has(result.out, "Wash Trust (RW1): latest")) << result.out;
  EXPECT_TRUE(Has(result.err,
                  "eds3: warning: 3 invalid files excluded (--skip-invalid)"))
      << result.err;

  const std::string json = Read("out.json");
  EXPECT_TRUE(
      Has(json,
          "\"out_of_date\": {\n"
          "        \"year\": \"2024/25\",\n"
          "        \"reason\": \"excluded-file\",\n"
          "        \"files\": [\n"
          "          \"in/fen-2024-25.yaml\"\n"
          "        ],\n"
          "        \"message\": \"excluded file in/fen-2024-25.yaml\"\n"))
      << json;
  EXPECT_TRUE(Has(json,
                  "\"out_of_date\": {\n"
                  "        \"year\": \"2024/25\",\n"
                  "        \"reason\": \"no-file\",\n"
                  "        \"files\": [],\n"
                  "        \"message\": \"no file for 2024/25\"\n"))
      << json;
  EXPECT_TRUE(Has(json, "\"out_of_date\": null\n")) << json;  // Wash
  EXPECT_TRUE(Has(json,
                  "\"excluded_organisations\": [\n"
                  "    {\n"
                  "      \"name\": \"Gone Trust\",\n"
                  "      \"code\": \"RG1\",\n"
                  "      \"system\": \"North ICS\",\n"
                  "      \"files\": [\n"
                  "        \"in/gone-2023-24.yaml\",\n"
                  "        \"in/gone-2024-25.yaml\"\n"
                  "      ],\n"
                  "      \"message\": \"Every file of Gone Trust (RG1) was "
                  "excluded as invalid: in/gone-2023-24.yaml and "
                  "in/gone-2024-25.yaml.\"\n"
                  "    }\n"
                  "  ],\n"
                  "  \"counts\": {\n"
                  "    \"included\": 3,\n"
                  "    \"excluded\": 1,\n"
                  "    \"missing\": null,\n"
                  "    \"out_of_date\": 2\n"
                  "  },\n"
                  "  \"expect\": null,\n"))
      << json;
  // The lower-case code an invalid file claims is read as the code.
  EXPECT_TRUE(Has(json,
                  "\"claimed\": {\n"
                  "        \"code\": \"RV9\",\n"
                  "        \"name\": \"Fen Trust\",\n"
                  "        \"system\": \"North ICS\",\n"
                  "        \"year\": \"2024/25\"\n"))
      << json;
  EXPECT_TRUE(Has(json,
                  "\"message\": \"Fen Trust (RV9)'s latest assessment is for "
                  "2023/24, not 2024/25: excluded file "
                  "in/fen-2024-25.yaml.\""))
      << json;

  const std::string markdown = Read("out.md");
  EXPECT_TRUE(Has(markdown,
                  "| Organisations included | 3 |\n"
                  "| Organisations excluded (every file invalid) | 1 |\n"))
      << markdown;
  EXPECT_FALSE(Has(markdown, "Organisations missing")) << markdown;
  EXPECT_TRUE(Has(markdown,
                  "## Not up to date (2024/25)\n\n"
                  "| Organisation | Code | Latest year | Why |\n"
                  "|---|---|---|---|\n"
                  "| Fen Trust | RV9 | 2023/24 | excluded file "
                  "in/fen-2024-25.yaml |\n"
                  "| Moor Trust | RM1 | 2023/24 | no file for 2024/25 |\n"
                  "| Gone Trust | RG1 | — | every file excluded: "
                  "in/gone-2023-24.yaml and in/gone-2024-25.yaml |\n"))
      << markdown;
  EXPECT_TRUE(Has(markdown,
                  "- **Out of date:** Moor Trust (RM1)'s latest assessment "
                  "is for 2023/24, not 2024/25: no file for 2024/25.\n"))
      << markdown;
  EXPECT_FALSE(Has(markdown, "## Expected organisations")) << markdown;

  const auto sheets = SheetsAsCsv("out.xlsx");
  if (!sheets.empty()) {
    const std::string& organisations = sheets.at("Organisations");
    EXPECT_TRUE(Has(organisations, ",Not up to date (2024/25)\n"))
        << organisations;
    EXPECT_TRUE(Has(organisations,
                    "in/fen-2023-24.yaml,\"eds2022 version 2022.1, "
                    "built-in\",excluded file "
                    "in/fen-2024-25.yaml\n"))
        << organisations;
    EXPECT_TRUE(Has(
        organisations,
        "in/moor-2023-24.yaml,\"eds2022 version 2022.1, built-in\",no file for "
        "2024/25\n"))
        << organisations;
    EXPECT_TRUE(Has(organisations, "Gone Trust,RG1,North ICS,,,,Excluded,"))
        << organisations;
    EXPECT_TRUE(Has(organisations, "Organisations: 3 included, 1 excluded."))
        << organisations;
    EXPECT_TRUE(
        Has(sheets.at("Attention"), "Out of date,Fen Trust,RV9,2023/24,"))
        << sheets.at("Attention");
    EXPECT_EQ(sheets.count("Expected"), 0u);
  }
}

// Without --skip-invalid nothing changes for honest folders: every
// organisation is up to date or marked, the counts say none excluded.
TEST_F(RollupStaleTest, HonestFolderCountsNoneExcluded) {
  fs::remove(work_ / "in/fen-2024-25.yaml");
  fs::remove(work_ / "in/gone-2023-24.yaml");
  fs::remove(work_ / "in/gone-2024-25.yaml");
  const Result result = Eds({"rollup", "in", "--json", "out.json"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(Has(result.out, "Organisations: 3 included, 0 excluded\n"))
      << result.out;
  EXPECT_TRUE(Has(result.out,
                  "Not up to date (2024/25): 2\n"
                  "  Fen Trust (RV9): latest 2023/24, no file for 2024/25\n"
                  "  Moor Trust (RM1): latest 2023/24, no file for 2024/25\n"))
      << result.out;
  EXPECT_FALSE(Has(result.out, "every file excluded")) << result.out;
  EXPECT_TRUE(Has(Read("out.json"), "\"excluded_organisations\": [],\n"));
}

// --expect lists every expected organisation with no valid file for the
// latest year, saying why, and every file of an organisation not on the
// register; the one that sent nothing is counted missing and needs
// attention.
TEST_F(RollupStaleTest, ExpectListsWhoHasNotSubmitted) {
  Write("in/stray-2024-25.yaml", Assessment("Stray Trust", "RS1", "2024/25"));
  WriteRegister(
      "RV9,Fen Trust,North ICS\r\n"
      "RM1,Moor Trust,North ICS\r\n"
      "rw1,Wash Trust,North ICS\r\n"
      "RG1,Gone Trust,\r\n"
      "RN1,\"New, Trust\",North ICS\r\n");
  const Result result = RollupAll({"--expect", "register.csv"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(
      Has(result.out, "Organisations: 4 included, 1 excluded, 1 missing\n"))
      << result.out;
  EXPECT_TRUE(Has(result.out,
                  "Expected (register.csv): 5 organisations, 4 with no valid "
                  "file for 2024/25\n"
                  "  Fen Trust (RV9): excluded file in/fen-2024-25.yaml\n"
                  "  Moor Trust (RM1): no file for 2024/25 (latest year "
                  "2023/24)\n"
                  "  Gone Trust (RG1): excluded file in/gone-2024-25.yaml\n"
                  "  New, Trust (RN1): no file\n"
                  "Not on the register: 1 file\n"
                  "  in/stray-2024-25.yaml: Stray Trust (RS1) 2024/25\n"))
      << result.out;
  EXPECT_FALSE(Has(result.out, "Wash Trust (RW1): ")) << result.out;

  const std::string json = Read("out.json");
  EXPECT_TRUE(Has(json, "\"missing\": 1,\n")) << json;
  EXPECT_TRUE(Has(json,
                  "\"expect\": {\n"
                  "    \"file\": \"register.csv\",\n"
                  "    \"expected\": 5,\n"
                  "    \"years\": [\n"
                  "      {\n"
                  "        \"year\": \"2024/25\",\n"
                  "        \"missing\": [\n"
                  "          {\n"
                  "            \"code\": \"RV9\",\n"
                  "            \"name\": \"Fen Trust\",\n"
                  "            \"system\": \"North ICS\",\n"
                  "            \"line\": 2,\n"
                  "            \"reason\": \"excluded file "
                  "in/fen-2024-25.yaml\",\n"))
      << json;
  EXPECT_TRUE(Has(json,
                  "    \"unexpected\": [\n"
                  "      {\n"
                  "        \"file\": \"in/stray-2024-25.yaml\",\n"
                  "        \"name\": \"Stray Trust\",\n"
                  "        \"code\": \"RS1\",\n"
                  "        \"year\": \"2024/25\",\n"
                  "        \"message\": \"in/stray-2024-25.yaml is of Stray "
                  "Trust (RS1), which is not on the register.\"\n"))
      << json;
  EXPECT_TRUE(Has(json,
                  "\"reason\": \"missing\",\n"
                  "        \"name\": \"New, Trust\",\n"
                  "        \"code\": \"RN1\",\n"))
      << json;

  const std::string markdown = Read("out.md");
  EXPECT_TRUE(
      Has(markdown, "| Organisations missing (expected, no file) | 1 |\n"))
      << markdown;
  EXPECT_TRUE(Has(markdown,
                  "## Expected organisations\n\n"
                  "5 organisations on the register register.csv.\n\n"
                  "### No valid file for 2024/25\n\n"
                  "| Organisation | Code | Register line | Why |\n"
                  "|---|---|---|---|\n"
                  "| Fen Trust | RV9 | 2 | excluded file in/fen-2024-25.yaml "
                  "|\n"
                  "| Moor Trust | RM1 | 3 | no file for 2024/25 (latest year "
                  "2023/24) |\n"
                  "| Gone Trust | RG1 | 5 | excluded file "
                  "in/gone-2024-25.yaml |\n"
                  "| New, Trust | RN1 | 6 | no file |\n\n"
                  "### Files of organisations not on the register\n\n"
                  "| File | Organisation | Code | Year |\n"
                  "|---|---|---|---|\n"
                  "| in/stray-2024-25.yaml | Stray Trust | RS1 | 2024/25 |\n"))
      << markdown;
  EXPECT_TRUE(Has(markdown,
                  "- **Missing:** New, Trust (RN1) has no assessment in the "
                  "roll-up.\n"))
      << markdown;

  const auto sheets = SheetsAsCsv("out.xlsx");
  if (!sheets.empty()) {
    const std::string& expected = sheets.at("Expected");
    EXPECT_TRUE(Has(expected,
                    "Year,Organisation,Code,Register line,Why\n"
                    "2024/25,Fen Trust,RV9,2,excluded file "
                    "in/fen-2024-25.yaml\n"))
        << expected;
    EXPECT_TRUE(Has(expected, "2024/25,\"New, Trust\",RN1,6,no file\n"))
        << expected;
    EXPECT_TRUE(
        Has(expected, "2024/25,Stray Trust,RS1,,in/stray-2024-25.yaml\n"))
        << expected;
    EXPECT_TRUE(Has(sheets.at("Attention"), "Missing,\"New, Trust\",RN1,"))
        << sheets.at("Attention");
  }
}

// With --year the register is checked against that year.
TEST_F(RollupStaleTest, ExpectChecksTheYearGiven) {
  WriteRegister("RV9,Fen Trust,\r\nRW1,Wash Trust,\r\nRG1,Gone Trust,\r\n");
  const Result result =
      Eds({"rollup", "in", "--skip-invalid", "--year", "2023/24", "--expect",
           "register.csv", "--json", "out.json"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(Has(result.out,
                  "Expected (register.csv): 3 organisations, 2 with no valid "
                  "file for 2023/24\n"
                  "  Wash Trust (RW1): no file\n"
                  "  Gone Trust (RG1): excluded file in/gone-2023-24.yaml\n"
                  "Not on the register: 1 file\n"
                  "  in/moor-2023-24.yaml: Moor Trust (RM1) 2023/24\n"))
      << result.out;
  // Wash has no row for 2023/24 and no excluded file: it is missing.
  EXPECT_TRUE(
      Has(result.out, "Organisations: 2 included, 1 excluded, 1 missing\n"))
      << result.out;
}

// A bad register fails the run with every problem located, together with
// the invalid files' problems, and nothing is written.
TEST_F(RollupStaleTest, BadRegisterFailsTheRunAndWritesNothing) {
  Write("register.csv",
        "code,name\nRV9,Fen Trust\nR 9,Moor Trust\nrv9,Fen again\n");
  inputs_ = Listing();
  const Result result =
      Eds({"rollup", "in", "--expect", "register.csv", "-o", "out.xlsx"});
  EXPECT_EQ(result.status, 1);
  EXPECT_TRUE(Has(result.err,
                  "eds3: register.csv:3:1: error: organisation code 'R 9' "
                  "is not an ODS code: 3 to 5 ASCII letters and digits\n"))
      << result.err;
  EXPECT_TRUE(Has(result.err,
                  "eds3: register.csv:4:1: error: organisation code RV9 is "
                  "also on line 2\n"))
      << result.err;
  // The invalid assessments are reported in the same run.
  EXPECT_TRUE(Has(result.err, "in/fen-2024-25.yaml:")) << result.err;
  EXPECT_TRUE(NothingWritten());
  EXPECT_EQ(result.out, "");
}

TEST_F(RollupStaleTest, MissingRegisterIsAnIoError) {
  const Result result = Eds({"rollup", "in", "--skip-invalid", "--expect",
                             "nowhere.csv", "-o", "out.xlsx"});
  EXPECT_EQ(result.status, 3);
  EXPECT_TRUE(Has(result.err, "nowhere.csv")) << result.err;
  EXPECT_TRUE(NothingWritten());
}

// The HTML report has the same sections as the Markdown: the organisations
// not up to date and the register, headings in order (TearDown runs
// check_html.py on it).
TEST_F(RollupStaleTest, HtmlShowsTheGapsAndTheRegister) {
  WriteRegister(
      "RV9,Fen Trust,North ICS\r\n"
      "RM1,Moor Trust,North ICS\r\n"
      "RN1,\"New, <b>Trust</b>\",North ICS\r\n");
  const Result result = Eds({"rollup", "in", "--skip-invalid", "--expect",
                             "register.csv", "--html", "out.html"});
  EXPECT_EQ(result.status, 0) << result.err;
  const std::string html = Read("out.html");
  EXPECT_TRUE(Has(html,
                  "<tr><th scope=\"row\">Organisations missing "
                  "(expected, no file)</th><td>1</td></tr>"))
      << html;
  EXPECT_TRUE(Has(html,
                  "<h2>Not up to date (2024/25)</h2>\n<table>\n"
                  "<caption>Organisations not up to date, and why"
                  "</caption>"))
      << html;
  EXPECT_TRUE(Has(html,
                  "<h2>Expected organisations</h2>\n<p>3 organisations "
                  "on the register register.csv.</p>\n<h3>No valid "
                  "file for 2024/25</h3>"))
      << html;
  EXPECT_TRUE(Has(html,
                  "<tr><th scope=\"row\">New, &lt;b&gt;Trust&lt;/b&gt;"
                  "</th><td>RN1</td>"))
      << html;
}

}  // namespace
}  // namespace eds
