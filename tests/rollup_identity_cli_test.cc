// End-to-end tests of who an organisation is in `eds3 rollup` and `eds3
// validate`: ODS codes, invisible and bidirectional characters, NFKC names,
// years too far ahead, files of one organisation under two identities or in
// two folders, repeated organisation-years (issue 9, items 6, 8 and 11).

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

// An assessment of every outcome at `score`, with the organisation lines
// given as they are to be written (indented two spaces).
std::string Assessment(const std::string& organisation, const std::string& year,
                       int score = 2) {
  std::string text =
      "eds3: 1\n"
      "rubric: eds2022\n"
      "organisation:\n" +
      organisation + "year: " + year +
      "\n"
      "stakeholders:\n"
      "  - {id: panel, name: Panel, group: patients}\n"
      "outcomes:\n";
  for (const char* outcome :
       {"1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D", "3A", "3B", "3C"}) {
    text += std::string("  ") + outcome +
            ": {ratings: {panel: " + std::to_string(score) + "}}\n";
  }
  return text;
}

std::string Org(const std::string& name, const std::string& code = "",
                const std::string& system = "") {
  std::string text = "  name: " + name + "\n";
  if (!code.empty()) text += "  code: " + code + "\n";
  if (!system.empty()) text += "  system: " + system + "\n";
  return text;
}

class RollupIdentityTest : public HistoryCliTest {
 protected:
  void Put(const std::string& path, const std::string& text) const {
    fs::create_directories((work_ / path).parent_path());
    Write(path, text);
  }
  bool Exists(const std::string& path) const {
    return fs::exists(work_ / path);
  }
};

// Invisible and bidirectional characters in a name, a code or a system are
// refused, and every message shows them escaped, never raw.
TEST_F(RollupIdentityTest, HiddenCharactersAreRefusedAndShownEscaped) {
  Put("in/rle.yaml",
      Assessment(Org("Real Trust \u202Eevil", "RAB"), "2024/25"));
  Put("in/zwsp.yaml", Assessment(Org("Zed Trust", "RA\u200BA"), "2024/25"));
  Put("in/isolate.yaml",
      Assessment(Org("Why Trust", "RAC", "North \u2066ICS"), "2024/25"));
  Put("in/honest.yaml", Assessment(Org("Honest Trust", "RAA"), "2024/25"));

  Result result = Eds({"rollup", "in", "-o", "out.xlsx"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(
      result.err,
      "eds3: in/isolate.yaml:6:11: error: organisation system 'North "
      "<U+2066>ICS' holds U+2066 LEFT-TO-RIGHT ISOLATE, a character that is "
      "invisible or reorders text\n"
      "    system: North <U+2066>ICS\n"
      "            ^\n"
      "  hint: type it again without that character\n"
      "eds3: in/rle.yaml:4:9: error: organisation name 'Real Trust "
      "<U+202E>evil' holds U+202E RIGHT-TO-LEFT OVERRIDE, a character that "
      "is invisible or reorders text\n"
      "    name: Real Trust <U+202E>evil\n"
      "          ^\n"
      "  hint: type it again without that character\n"
      "eds3: in/zwsp.yaml:5:9: error: organisation code 'RA<U+200B>A' holds "
      "U+200B ZERO WIDTH SPACE, a character that is invisible or reorders "
      "text\n"
      "    code: RA<U+200B>A\n"
      "          ^\n"
      "  hint: type it again without that character\n"
      "eds3: note: 3 invalid files; nothing was written (--skip-invalid rolls "
      "up the valid files and lists the others)\n");
  EXPECT_FALSE(Exists("out.xlsx"));

  result = Eds({"rollup", "in", "--skip-invalid", "-o", "out.xlsx", "--json",
                "out.json", "--markdown", "out.md", "--html", "out.html"});
  EXPECT_EQ(result.status, 0) << result.err;
  const std::string json = Read("out.json");
  const std::string markdown = Read("out.md");
  const std::string html = Read("out.html");
  for (const std::string& text :
       {result.err, result.out, json, markdown, html}) {
    for (const char* raw : {"\u202E", "\u200B", "\u2066"}) {
      EXPECT_EQ(text.find(raw), std::string::npos) << text;
    }
  }
  EXPECT_NE(json.find("\"line\": 4,\n          \"column\": 9,\n"
                      "          \"severity\": \"error\",\n"
                      "          \"message\": \"organisation name 'Real "
                      "Trust <U+202E>evil' holds U+202E RIGHT-TO-LEFT "
                      "OVERRIDE, a character that is invisible or reorders "
                      "text\""),
            std::string::npos)
      << json;
  EXPECT_NE(markdown.find("U+202E RIGHT-TO-LEFT OVERRIDE"), std::string::npos)
      << markdown;
  EXPECT_NE(html.find("<li>in/rle.yaml:4:9: error: organisation name "
                      "&#39;Real Trust &lt;U+202E&gt;evil&#39; holds U+202E "
                      "RIGHT-TO-LEFT OVERRIDE"),
            std::string::npos)
      << html;
  EXPECT_NE(json.find("\"name\": \"Honest Trust\""), std::string::npos);
  EXPECT_EQ(eds::testing::RolledUp(json).find("\"name\": \"Real Trust"),
            std::string::npos);
}

// An organisation code must have the ODS form; look-alike letters are named
// in the hint.
TEST_F(RollupIdentityTest, CodesMustHaveTheOdsForm) {
  Put("in/cyrillic.yaml",
      Assessment(Org("Victim Trust", "R\u0410A"), "2024/25"));
  Put("in/fullwidth.yaml",
      Assessment(Org("Victim Trust", "\uFF32AA"), "2024/25"));
  Put("in/short.yaml", Assessment(Org("Short Trust", "R1"), "2024/25"));
  Put("in/long.yaml", Assessment(Org("Long Trust", "RXX123"), "2024/25"));
  Put("in/victim.yaml", Assessment(Org("Victim Trust", "RAA"), "2024/25"));
  const Result result = Eds({"validate", "in"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.out, "ok: in/victim.yaml\n");
  EXPECT_EQ(
      result.err,
      "eds3: in/cyrillic.yaml:5:9: error: organisation code 'R\u0410A' is "
      "not an ODS code: 3 to 5 ASCII letters and digits\n"
      "    code: R\u0410A\n"
      "          ^\n"
      "  hint: it holds a character that is not an ASCII letter or digit, "
      "such as a Cyrillic or Greek letter that looks like a Latin one\n"
      "eds3: in/fullwidth.yaml:5:9: error: organisation code '\uFF32AA' is "
      "not an ODS code: 3 to 5 ASCII letters and digits\n"
      "    code: \uFF32AA\n"
      "          ^\n"
      "  hint: it holds full-width or other look-alike characters; write "
      "'RAA'\n"
      "eds3: in/long.yaml:5:9: error: organisation code 'RXX123' is not an "
      "ODS code: 3 to 5 ASCII letters and digits\n"
      "    code: RXX123\n"
      "          ^\n"
      "  hint: an ODS code is 3 to 5 letters and digits, such as RXX or RX9\n"
      "eds3: in/short.yaml:5:9: error: organisation code 'R1' is not an ODS "
      "code: 3 to 5 ASCII letters and digits\n"
      "    code: R1\n"
      "          ^\n"
      "  hint: an ODS code is 3 to 5 letters and digits, such as RXX or RX9\n"
      "eds3: 4 of 5 files are not valid\n");
}

// A code in lower case is the same organisation as in capitals, with a
// warning on the terminal and in every output.
TEST_F(RollupIdentityTest, LowerCaseCodeIsOneOrganisationWithAWarning) {
  Put("in/2023-24.yaml", Assessment(Org("Fen Trust", "rv9"), "2023/24", 1));
  Put("in/2024-25.yaml", Assessment(Org("Fen Trust", "RV9"), "2024/25", 2));
  const Result result = Eds({"rollup", "in", "-o", "out.xlsx", "--json",
                             "out.json", "--markdown", "out.md"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err,
            "eds3: in/2023-24.yaml:5:9: warning: organisation code 'rv9' is "
            "read as 'RV9'\n"
            "    code: rv9\n"
            "          ^\n"
            "  hint: ODS codes are written in capitals; codes match whatever "
            "their case\n");
  EXPECT_EQ(result.out,
            "Rolled up 1 organisation, 2 assessments, 2023/24 to 2024/25\n"
            "Organisations: 1 included, 0 excluded\n"
            "  2023/24: 1 Developing\n"
            "  2024/25: 1 Achieving\n"
            "Wrote:\n"
            "  workbook  out.xlsx\n"
            "  JSON      out.json\n"
            "  Markdown  out.md\n");
  EXPECT_NE(Read("out.json")
                .find("  \"checks\": [\n"
                      "    {\n"
                      "      \"kind\": \"file\",\n"
                      "      \"file\": \"in/2023-24.yaml\",\n"
                      "      \"line\": 5,\n"
                      "      \"other_file\": null,\n"
                      "      \"message\": \"organisation code "
                      "'rv9' is read as 'RV9'\"\n"
                      "    }\n"
                      "  ],\n"),
            std::string::npos)
      << Read("out.json");
  EXPECT_NE(Read("out.md").find("## Warnings to check\n\n"), std::string::npos);
  EXPECT_NE(Read("out.md").find("| in/2023-24.yaml | 5 | — | organisation "
                                "code 'rv9' is read as 'RV9' |"),
            std::string::npos)
      << Read("out.md");
}

// A year after the next reporting year is refused, so that a far-future file
// cannot take over another organisation's latest row.
TEST_F(RollupIdentityTest, FarFutureYearIsRefused) {
  Put("in/victim.yaml", Assessment(Org("Victim Trust", "RAA"), "2024/25"));
  Put("in/future.yaml", Assessment(Org("Victim Trust", "RAA"), "9998/99", 0));
  Result result = Eds({"rollup", "in", "-o", "out.xlsx"});
  EXPECT_EQ(result.status, 1);
  const std::string prefix =
      "eds3: in/future.yaml:6:7: error: year '9998/99' is after ";
  EXPECT_EQ(result.err.compare(0, prefix.size(), prefix), 0) << result.err;
  EXPECT_NE(result.err.find(", the reporting year after the current one\n"
                            "  year: 9998/99\n"
                            "        ^\n"
                            "  hint: today is in the reporting year "),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(Exists("out.xlsx"));

  result = Eds({"rollup", "in", "--skip-invalid", "-o", "out.xlsx", "--json",
                "out.json"});
  EXPECT_EQ(result.status, 0) << result.err;
  const std::string json = Read("out.json");
  EXPECT_NE(json.find("\"latest_year\": \"2024/25\""), std::string::npos);
  EXPECT_EQ(eds::testing::RolledUp(json).find("\"year\": \"9998/99\""),
            std::string::npos);
}

// A name in full-width letters is the same name after NFKC: one
// organisation, one row.
TEST_F(RollupIdentityTest, NamesAreComparedAfterNfkc) {
  Put("in/a-2023-24.yaml", Assessment(Org("\uFF21cme Trust"), "2023/24", 1));
  Put("in/a-2024-25.yaml", Assessment(Org("Acme Trust"), "2024/25", 2));
  const Result result =
      Eds({"rollup", "in", "-o", "out.xlsx", "--json", "out.json"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "Rolled up 1 organisation, 2 assessments, 2023/24 to 2024/25");
}

// A name under two codes, a code left out one year, one system spelt two
// ways and one organisation's files in two folders are warnings naming both
// files, on the terminal and in the workbook, JSON and Markdown; --system
// matches every spelling of the system.
TEST_F(RollupIdentityTest, IdentityWarningsNameBothFiles) {
  Put("in/a/fen-2023-24.yaml",
      Assessment(Org("Fen Trust", "RV8", "Fenland & Wash ICS"), "2023/24"));
  Put("in/a/fen-2024-25.yaml",
      Assessment(Org("Fen Trust", "RV9", "Fenland and Wash ICS"), "2024/25"));
  Put("in/b/moor-2023-24.yaml",
      Assessment(Org("Moor Trust", "", "fenland and wash ICS"), "2023/24"));
  Put("in/b/moor-2024-25.yaml",
      Assessment(Org("Moor Trust", "RM1", "Fenland and Wash ICS"), "2024/25"));
  Put("in/c/moor-2022-23.yaml",
      Assessment(Org("Moor Trust", "RM1", "Fenland and Wash ICS"), "2022/23"));
  const Result result =
      Eds({"rollup", "in", "--system", "FENLAND & WASH I.C.S.", "-o",
           "out.xlsx", "--json", "out.json", "--markdown", "out.md"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(
      result.err,
      "eds3: in/a/fen-2024-25.yaml: warning: organisation 'Fen Trust' has "
      "code RV9 here and code RV8 in in/a/fen-2023-24.yaml; they are rolled "
      "up as two organisations\n"
      "  hint: if they are one organisation, give it one code in every file\n"
      "eds3: in/a/fen-2024-25.yaml: warning: system 'Fenland and Wash ICS' "
      "here and 'Fenland & Wash ICS' in in/a/fen-2023-24.yaml differ only in "
      "case, punctuation or '&' for 'and'; they are taken as one system\n"
      "  hint: spell the system one way in every file\n"
      "eds3: in/b/moor-2023-24.yaml: warning: organisation 'Moor Trust' has "
      "no code here but code RM1 in in/b/moor-2024-25.yaml; they are rolled "
      "up as two organisations\n"
      "  hint: give organisation.code in every year's file\n"
      "eds3: in/b/moor-2023-24.yaml: warning: system 'fenland and wash ICS' "
      "here and 'Fenland & Wash ICS' in in/a/fen-2023-24.yaml differ only in "
      "case, punctuation or '&' for 'and'; they are taken as one system\n"
      "  hint: spell the system one way in every file\n"
      "eds3: in/c/moor-2022-23.yaml: warning: organisation 'Moor Trust' "
      "(code RM1) has files in two folders: this one and "
      "in/b/moor-2024-25.yaml\n"
      "  hint: check that every file of an organisation was sent by it\n");
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "Rolled up 4 organisations, 5 assessments, 2022/23 to 2024/25");
  const std::string json = Read("out.json");
  EXPECT_NE(json.find("      \"kind\": \"code-missing\",\n"
                      "      \"file\": \"in/b/moor-2023-24.yaml\",\n"
                      "      \"line\": null,\n"
                      "      \"other_file\": \"in/b/moor-2024-25.yaml\",\n"
                      "      \"message\": \"organisation 'Moor Trust' has no "
                      "code here but code RM1 in in/b/moor-2024-25.yaml; "
                      "they are rolled up as two organisations\"\n"),
            std::string::npos)
      << json;
  for (const char* kind :
       {"name-under-two-codes", "system-spelling", "two-folders"}) {
    EXPECT_NE(json.find(std::string("\"kind\": \"") + kind + "\""),
              std::string::npos)
        << kind;
  }
  const std::string markdown = Read("out.md");
  EXPECT_NE(markdown.find("| in/c/moor-2022-23.yaml | — | "
                          "in/b/moor-2024-25.yaml | organisation 'Moor "
                          "Trust' (code RM1) has files in two folders: this "
                          "one and in/b/moor-2024-25.yaml |"),
            std::string::npos)
      << markdown;
  const auto sheets = SheetsAsCsv("out.xlsx");
  if (!sheets.empty()) {
    EXPECT_NE(sheets.at("Checks").find(
                  "in/a/fen-2024-25.yaml,,in/a/fen-2023-24.yaml,organisation "
                  "'Fen Trust' has code RV9 here and code RV8 in "
                  "in/a/fen-2023-24.yaml; they are rolled up as two "
                  "organisations\n"),
              std::string::npos)
        << sheets.at("Checks");
  }
  // validate on the folder gives the same warnings.
  const Result validate = Eds({"validate", "in"});
  EXPECT_EQ(validate.status, 0);
  EXPECT_EQ(validate.err, result.err);
}

// `validate` on a folder runs rollup's cross-file checks: a repeated
// organisation and year fails, naming both files and the line of each
// `year:`, with a hint when a file name suggests another year; `rollup`
// reports it together with every invalid file's problems.
TEST_F(RollupIdentityTest, RepeatedYearNamesBothLinesInValidateAndRollup) {
  Put("in/2023-24.yaml", Assessment(Org("Fen Trust", "RV9"), "2023/24"));
  Put("in/2024-25.yaml", Assessment(Org("Fen Trust", "RV9"), "2023/24"));
  Put("in/other.yaml", Assessment(Org("Other Trust", "RX1"), "2024/25"));
  Result result = Eds({"validate", "in"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.out, "ok: in/2023-24.yaml\nok: in/other.yaml\n");
  const std::string repeated =
      "eds3: in/2024-25.yaml:6:7: error: organisation 'Fen Trust' (code "
      "RV9) for 2023/24 is also in in/2023-24.yaml:6:7; each organisation "
      "and year must be in one file\n"
      "  hint: the name of in/2024-25.yaml suggests 2024/25, but its year: "
      "says 2023/24\n";
  EXPECT_EQ(result.err, repeated + "eds3: 1 of 3 files is not valid\n");

  Put("in/broken.yaml", "eds3: 1\nrubric: eds2022\n");
  result = Eds({"rollup", "in", "-o", "out.xlsx"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err,
            "eds3: in/broken.yaml:1:1: error: the assessment is missing the "
            "required key 'organisation'\n"
            "  eds3: 1\n"
            "  ^\n"
            "eds3: in/broken.yaml:1:1: error: the assessment is missing the "
            "required key 'year'\n"
            "  eds3: 1\n"
            "  ^\n" +
                repeated +
                "eds3: note: 1 invalid file; nothing was written "
                "(--skip-invalid rolls up the valid files and lists the "
                "others)\n");
  EXPECT_FALSE(Exists("out.xlsx"));
}

}  // namespace
}  // namespace eds
