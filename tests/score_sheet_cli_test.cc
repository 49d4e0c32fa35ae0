// End-to-end: score sheets as panels make them (CSV in any of Excel's
// separators, xlsx, a Microsoft Forms export), the forgiving input rules and
// their limits, and --require-complete. Every message is asserted whole.

#include <zip.h>

#include <algorithm>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "cli_fixture.h"

namespace eds::testing {
namespace {

// The top of an assessment: two stakeholders and one service.
const char kHead[] =
    "eds3: 1\n"
    "rubric: eds2022\n"
    "organisation:\n"
    "  name: Test Trust\n"
    "year: 2024/25\n"
    "stakeholders:\n"
    "  - {id: healthwatch, name: Riverside Healthwatch, group: public}\n"
    "  - {id: staff-networks, name: Staff network chairs, group: staff}\n"
    "services:\n"
    "  - {id: nhs-111, name: NHS 111}\n";

using ScoreSheetTest = CliTest;

// A grade JSON without the places the ratings were read from (the file
// itself, and each rating's file, line and column), which differ between
// the same ratings in YAML and in a score sheet.
std::string WithoutSources(const std::string& json) {
  static const std::regex kFileSource("\"source\": \"[^\"]*\",\n *");
  static const std::regex kRatingSource(",\n *\"source\": \\{[^}]*\\}");
  return std::regex_replace(std::regex_replace(json, kFileSource, ""),
                            kRatingSource, "");
}

// Writes a zip archive of the given parts (deflated, or stored).
void WriteZip(const fs::path& path,
              const std::vector<std::pair<std::string, std::string>>& parts,
              bool store = false) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(zip, nullptr);
  for (const auto& [name, text] : parts) {
    zip_source_t* source = zip_source_buffer(zip, text.data(), text.size(), 0);
    ASSERT_NE(source, nullptr);
    const zip_int64_t index =
        zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE);
    ASSERT_GE(index, 0);
    if (store)
      zip_set_file_compression(zip, static_cast<zip_uint64_t>(index),
                               ZIP_CM_STORE, 0);
  }
  ASSERT_EQ(zip_close(zip), 0);
}

const char kWorkbook[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<workbook "
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships\">"
    "<sheets><sheet name=\"Notes\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"Scores\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
const char kRelationships[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "</Relationships>";

std::string SheetXml(const std::string& rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<worksheet "
         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<sheetData>" +
         rows + "</sheetData></worksheet>";
}

// A workbook whose first sheet holds notes and whose second ("Scores") holds
// the ratings: shared strings, inline strings, numbers, an empty row.
void WriteScoresWorkbook(const fs::path& path,
                         const std::string& extra_rows = "") {
  const std::string shared =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst count=\"6\" "
      "uniqueCount=\"6\">"
      "<si><t>service</t></si><si><t>outcome</t></si><si><t>stakeholder</t></"
      "si>"
      "<si><t>score</t></si><si><r><t>NHS</t></r><r><t xml:space=\"preserve\"> "
      "111</t></r></si>"
      "<si><t>Read me first</t></si></sst>";
  WriteZip(
      path,
      {{"xl/workbook.xml", kWorkbook},
       {"xl/_rels/workbook.xml.rels", kRelationships},
       {"xl/sharedStrings.xml", shared},
       {"xl/worksheets/sheet1.xml",
        SheetXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>")},
       {"xl/worksheets/sheet2.xml",
        SheetXml(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
            "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
            "<c r=\"D1\" t=\"s\"><v>3</v></c></row>"
            "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c>"
            "<c r=\"B2\" t=\"inlineStr\"><is><t>1a</t></is></c>"
            "<c r=\"C2\" t=\"inlineStr\"><is><t>Riverside "
            "Healthwatch</t></is></c>"
            "<c r=\"D2\"><v>2</v></c></row>"
            "<row r=\"3\"><c r=\"A3\" s=\"1\"/></row>"
            "<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>2B</t></is></c>"
            "<c r=\"C4\" t=\"inlineStr\"><is><t>staff-networks</t></is></c>"
            "<c r=\"D4\"><v>1</v></c></row>" +
            extra_rows)}});
}

TEST_F(ScoreSheetTest, AWorkbookGradesAsTheSameRatingsInYaml) {
  Write("a.yaml", std::string(kHead) + "score_sheets: [panel.xlsx]\n");
  WriteScoresWorkbook(work_ / "panel.xlsx");
  Write("b.yaml", std::string(kHead) +
                      "outcomes:\n  2B: {ratings: {staff-networks: 1}}\n");
  std::string b = Read("b.yaml");
  b.replace(b.find("  - {id: nhs-111, name: NHS 111}\n"), 33,
            "  - id: nhs-111\n    name: NHS 111\n"
            "    outcomes: {1A: {ratings: {healthwatch: 2}}}\n");
  Write("b.yaml", b);
  const Result a = Eds({"grade", "a.yaml", "-o", "a.xlsx", "--json", "a.json"});
  const Result yaml =
      Eds({"grade", "b.yaml", "-o", "b.xlsx", "--json", "b.json"});
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(yaml.status, 0) << yaml.err;
  EXPECT_EQ(WithoutSources(Read("a.json")), WithoutSources(Read("b.json")));
}

TEST_F(ScoreSheetTest, WorkbookErrorsNameTheSheetAndTheCell) {
  Write("a.yaml", std::string(kHead) + "score_sheets: [panel.xlsx]\n");
  WriteScoresWorkbook(
      work_ / "panel.xlsx",
      "<row r=\"14\"><c r=\"B14\" t=\"inlineStr\"><is><t>2B</t></is></c>"
      "<c r=\"C14\" t=\"inlineStr\"><is><t>healthwatch</t></is></c>"
      "<c r=\"D14\"><v>2.5</v></c></row>"
      "<row r=\"15\"><c r=\"B15\" t=\"inlineStr\"><is><t>2B</t></is></c>"
      "<c r=\"C15\" t=\"inlineStr\"><is><t>Staff network chairs</t></is></c>"
      "<c r=\"D15\"><v>3</v></c></row>");
  const Result r = Eds({"validate", "a.yaml"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err,
            "eds3: panel.xlsx:Scores!D14: error: '2.5' is not a score\n"
            "  hint: a score is one of 0 (Undeveloped), 1 (Developing), 2 "
            "(Achieving), 3 (Excelling)\n"
            "eds3: panel.xlsx:Scores!C15: error: stakeholder 'staff-networks' "
            "rates 2B twice: here and at panel.xlsx:Scores!C4\n"
            "  hint: keep one rating per stakeholder and outcome\n"
            "eds3: 1 of 1 file is not valid\n");
}

TEST_F(ScoreSheetTest, ANamedSheetThatIsMissingIsAnError) {
  Write("a.yaml", std::string(kHead) +
                      "score_sheets:\n  - {file: panel.xlsx, sheet: Score}\n");
  WriteScoresWorkbook(work_ / "panel.xlsx");
  const Result r = Eds({"validate", "a.yaml"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err,
            "eds3: a.yaml:12:12: error: the workbook 'panel.xlsx' has no sheet "
            "'Score'; did you mean 'Scores'?\n"
            "    - {file: panel.xlsx, sheet: Score}\n"
            "             ^\n"
            "  hint: its sheets: Notes, Scores\n"
            "eds3: 1 of 1 file is not valid\n");
}

// A hostile or broken workbook ends in one clear error, quickly.
struct HostileCase {
  const char* name;
  const char* error;  // the whole first line of stderr
};

class HostileWorkbookTest : public CliTest,
                            public ::testing::WithParamInterface<HostileCase> {
};

TEST_P(HostileWorkbookTest, EndsInAClearError) {
  const std::string name = GetParam().name;
  const fs::path path = work_ / "panel.xlsx";
  if (name == "zip-bomb") {
    WriteZip(path, {{"xl/workbook.xml", kWorkbook},
                    {"xl/_rels/workbook.xml.rels", kRelationships},
                    {"xl/worksheets/sheet1.xml", std::string(64u << 20, ' ')}});
  } else if (name == "billion-laughs") {
    WriteZip(path,
             {{"xl/workbook.xml",
               "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
               "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
               "<workbook><sheets><sheet name=\"&lol2;\" "
               "r:id=\"rId1\"/></sheets></workbook>"},
              {"xl/_rels/workbook.xml.rels", kRelationships}});
  } else if (name == "shared-strings") {
    std::string strings = "<sst>";
    for (int i = 0; i < 1000001; ++i) strings += "<si/>";
    strings += "</sst>";
    WriteZip(path,
             {{"xl/workbook.xml", kWorkbook},
              {"xl/_rels/workbook.xml.rels", kRelationships},
              {"xl/sharedStrings.xml", strings}},
             /*store=*/true);
  } else if (name == "broken-zip") {
    WriteScoresWorkbook(path);
    const std::string bytes = ReadText(path);
    WriteText(path, bytes.substr(0, bytes.size() / 2));
  } else if (name == "csv") {
    WriteText(path, "service,outcome,stakeholder,score\n,2A,healthwatch,2\n");
  } else if (name == "bad-xml") {
    WriteZip(path, {{"xl/workbook.xml", "<workbook><sheets></workbook>"},
                    {"xl/_rels/workbook.xml.rels", kRelationships}});
  }
  Write("a.yaml", std::string(kHead) + "score_sheets: [panel.xlsx]\n");
  const Result r = Eds({"validate", "a.yaml"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')), GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Files, HostileWorkbookTest,
    ::testing::Values(
        HostileCase{
            "zip-bomb",
            "eds3: panel.xlsx: error: the part 'xl/worksheets/sheet1.xml' "
            "expands beyond the limits (at most 32 MiB a part, 64 MiB in "
            "all, 100 times its compressed size): a zip bomb or not a "
            "score sheet"},
        HostileCase{
            "billion-laughs",
            "eds3: panel.xlsx: error: xl/workbook.xml (line 2): the XML "
            "declares a document type (DTD), which a workbook never does"},
        HostileCase{
            "shared-strings",
            "eds3: panel.xlsx: error: xl/sharedStrings.xml (line 1): more "
            "than 1000000 shared strings"},
        HostileCase{"broken-zip",
                    "eds3: panel.xlsx: error: not an xlsx workbook: the zip "
                    "archive is damaged or incomplete"},
        HostileCase{
            "csv",
            "eds3: panel.xlsx: error: not an xlsx workbook: the file is "
            "text, not a zip archive"},
        HostileCase{"bad-xml",
                    "eds3: panel.xlsx: error: xl/workbook.xml (line 1): XML "
                    "syntax: mismatched tag"}),
    [](const ::testing::TestParamInfo<HostileCase>& param_info) {
      std::string name = param_info.param.name;
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      return name;
    });

TEST_F(ScoreSheetTest, DeclaredNamesAnyCaseIdsAndPlainItemsAreAccepted) {
  Write("a.yaml",
        std::string(kHead) +
            "outcomes:\n"
            "  2a:\n"
            "    ratings: {Riverside Healthwatch: 2, ' STAFF-NETWORKS ': 1}\n"
            "    evidence: [Staff survey 2024]\n"
            "    actions: [Extend support]\n");
  Write("b.yaml", std::string(kHead) +
                      "outcomes:\n"
                      "  2A:\n"
                      "    ratings: {healthwatch: 2, staff-networks: 1}\n"
                      "    evidence: [{title: Staff survey 2024}]\n"
                      "    actions: [{action: Extend support}]\n");
  const Result a = Eds({"grade", "a.yaml", "-o", "a.xlsx", "--json", "a.json"});
  const Result b = Eds({"grade", "b.yaml", "-o", "b.xlsx", "--json", "b.json"});
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_EQ(WithoutSources(Read("a.json")), WithoutSources(Read("b.json")));
}

TEST_F(ScoreSheetTest, SemicolonAndTabSeparatedSheetsGradeAsCommaSeparated) {
  const std::string yaml = std::string(kHead) + "score_sheets: [panel.csv]\n";
  Write("a.yaml", yaml);
  Write("panel.csv",
        "service,outcome,stakeholder,score,comment\r\n"
        "nhs-111,1A,healthwatch,2,\"long waits, at night\"\r\n"
        ",2B,staff-networks,Developing,\r\n");
  const Result comma =
      Eds({"grade", "a.yaml", "-o", "c.xlsx", "--json", "comma.json"});
  ASSERT_EQ(comma.status, 0) << comma.err;
  Write("panel.csv",
        "\xEF\xBB\xBFservice;outcome;stakeholder;score;comment\r\n"
        "NHS 111;1a;Riverside Healthwatch;2;long waits, at night\r\n"
        ";2b;Staff network chairs;developing activity;\r\n"
        ";2C;healthwatch;Not Rated;\r\n");
  const Result semicolon =
      Eds({"grade", "a.yaml", "-o", "s.xlsx", "--json", "semicolon.json"});
  ASSERT_EQ(semicolon.status, 0) << semicolon.err;
  Write("panel.csv",
        "service\toutcome\tstakeholder\tscore\tcomment\n"
        "nhs-111\t1A\thealthwatch\t2\tlong waits, at night\n"
        "\t2B\tstaff-networks\t1\t\n");
  const Result tab =
      Eds({"grade", "a.yaml", "-o", "t.xlsx", "--json", "tab.json"});
  ASSERT_EQ(tab.status, 0) << tab.err;
  EXPECT_EQ(Read("semicolon.json"), Read("comma.json"));
  EXPECT_EQ(Read("tab.json"), Read("comma.json"));
}

TEST_F(ScoreSheetTest, SlipsAreReportedOnceEachInLineOrderWithWhatToWrite) {
  Write("a.yaml",
        "eds3: 1\n"
        "rubric: eds2022\n"
        "organization:\n"
        "  name: Test Trust\n"
        "year: 2024/25\n"
        "stakeholders:\n"
        "  - {id: healthwatch, name: Riverside Healthwatch, group: public}\n"
        "outcomes:\n"
        "  2C: 2\n"
        "  2D:\n"
        "    ratings: {healthwatch: }\n"
        "  3a: {agreed: 1}\n"
        "  3A: {agreed: 2}\n"
        "  3B:\n"
        "    ratings: {Riverside Health: 1}\n");
  const Result r = Eds({"validate", "a.yaml"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(
      r.err,
      "eds3: a.yaml:3:1: error: unknown key 'organization' in the "
      "assessment; did you mean 'organisation'?\n"
      "  organization:\n"
      "  ^\n"
      "eds3: a.yaml:9:7: error: a bare score for outcome 2C; for the "
      "panel's agreed score write '2C: {agreed: 2}'\n"
      "    2C: 2\n"
      "        ^\n"
      "  hint: for one stakeholder's rating write '2C: {ratings: "
      "{STAKEHOLDER: 2}}'\n"
      "eds3: a.yaml:11:15: error: a rating must not be empty\n"
      "      ratings: {healthwatch: }\n"
      "                ^\n"
      "  hint: leave the stakeholder out, or write 'not rated' if they "
      "did not rate it\n"
      "eds3: a.yaml:13:3: error: outcome 3A is given twice (first on line "
      "12)\n"
      "    3A: {agreed: 2}\n"
      "    ^\n"
      "  hint: outcome ids are read in any letter case; keep one entry\n"
      "eds3: a.yaml:15:15: error: unknown stakeholder 'Riverside Health'; "
      "did you mean 'Riverside Healthwatch'?\n"
      "      ratings: {Riverside Health: 1}\n"
      "                ^\n"
      "  hint: every rating names a stakeholder declared under "
      "'stakeholders' (by its id or its name)\n"
      "eds3: 1 of 1 file is not valid\n");
}

TEST_F(ScoreSheetTest, ABlankScoreInASheetSaysWhatToWrite) {
  Write("a.yaml", std::string(kHead) + "score_sheets: panel.csv\n");
  Write("panel.csv",
        "service;outcome;stakeholder;score\n"
        "nhs-111;1A;healthwatch;\n"
        "nhs-111;1B;nobody;2\n");
  const Result r = Eds({"validate", "a.yaml"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(
      r.err,
      "eds3: panel.csv:2:24: error: the score is empty\n"
      "  nhs-111;1A;healthwatch;\n"
      "                         ^\n"
      "  hint: leave the row out, or write 'not rated' if the stakeholder "
      "did not rate it\n"
      "eds3: panel.csv:3:12: error: unknown stakeholder 'nobody'\n"
      "  nhs-111;1B;nobody;2\n"
      "             ^\n"
      "  hint: every rating names a stakeholder declared under "
      "'stakeholders' (by its id or its name)\n"
      "eds3: 1 of 1 file is not valid\n");
}

TEST_F(ScoreSheetTest, ScoreSheetsAndRatingsCsvTogetherIsAnError) {
  Write("a.yaml", std::string(kHead) +
                      "ratings_csv: panel.csv\n"
                      "score_sheets: [panel.csv]\n");
  Write("panel.csv", "service,outcome,stakeholder,score\n");
  const Result r = Eds({"validate", "a.yaml"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err,
            "eds3: a.yaml:12:15: error: give 'score_sheets' or 'ratings_csv', "
            "not both\n"
            "  score_sheets: [panel.csv]\n"
            "                ^\n"
            "  hint: 'ratings_csv' is the older name of 'score_sheets'; list "
            "every sheet under 'score_sheets'\n"
            "eds3: 1 of 1 file is not valid\n");
}

TEST_F(ScoreSheetTest, ValidateSaysIncompleteAndRequireCompleteRefusesIt) {
  Write("a.yaml", std::string(kHead) +
                      "outcomes:\n"
                      "  2A: {agreed: 2}\n");
  const Result plain = Eds({"validate", "a.yaml"});
  EXPECT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(plain.out, "valid but incomplete: a.yaml: 10 outcomes not rated\n");
  const Result strict = Eds({"grade", "a.yaml", "--require-complete"});
  EXPECT_EQ(strict.status, 1);
  EXPECT_EQ(strict.out, "");
  EXPECT_EQ(
      strict.err,
      "eds3: a.yaml: error: incomplete: 10 outcomes not rated, and "
      "--require-complete asks for every outcome\n"
      "  hint: rate each outcome listed below, or leave out "
      "--require-complete to grade it as Incomplete\n"
      "eds3: a.yaml: note: 1A Access is not rated for service 'NHS 111' "
      "(nhs-111)\n"
      "eds3: a.yaml: note: 1B Health needs met is not rated for service "
      "'NHS 111' (nhs-111)\n"
      "eds3: a.yaml: note: 1C Free from harm is not rated for service "
      "'NHS 111' (nhs-111)\n"
      "eds3: a.yaml: note: 1D Positive experiences is not rated for "
      "service 'NHS 111' (nhs-111)\n"
      "eds3: a.yaml: note: 2B Free from abuse, harassment, bullying and "
      "violence is not rated\n"
      "eds3: a.yaml: note: 2C Independent support and advice is not rated\n"
      "eds3: a.yaml: note: 2D Staff recommend the organisation is not rated\n"
      "eds3: a.yaml: note: 3A Leaders' commitment to equality is not rated\n"
      "eds3: a.yaml: note: 3B Equality in board papers is not rated\n"
      "eds3: a.yaml: note: 3C Levers to manage performance is not rated\n");
  EXPECT_EQ(Listing(), std::vector<std::string>{"a.yaml"});
  const Result validate = Eds({"validate", "--require-complete", "a.yaml"});
  EXPECT_EQ(validate.status, 1);
  EXPECT_EQ(validate.out, "");
}

TEST_F(ScoreSheetTest, ARubricCanMakeAFlagBlockCompletion) {
  fs::create_directory(work_ / "rubrics");
  std::string rubric =
      ReadText(std::string(EDS_SOURCE_DIR) + "/rubrics/eds2022.yaml");
  rubric.replace(rubric.find("\ndomains:"), 0,
                 "\nblocking_flags: [disagreement]\n");
  // A rubric of its own: a file that claims the built-in id must equal it.
  rubric.replace(rubric.find("id: eds2022\n"), 11, "id: eds2022-strict");
  Write("rubrics/strict.yaml", rubric);
  std::string complete = ReadText(TestData("complete.yaml"));
  complete.replace(complete.find("rubric: eds2022"), 15,
                   "rubric: rubrics/strict.yaml");
  Write("a.yaml", complete);
  const Result plain = Eds({"validate", "a.yaml"});
  EXPECT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(plain.out, "ok: a.yaml\n");
  const Result strict = Eds({"validate", "a.yaml", "--require-complete"});
  EXPECT_EQ(strict.status, 1);
  EXPECT_EQ(
      strict.err,
      "eds3: a.yaml: error: flag 'disagreement' blocks completion (rubric "
      "'eds2022-strict' lists it under blocking_flags): Ratings for 3C span 1 "
      "to 3 "
      "(Developing to Excelling): discuss and agree a score.\n"
      "  hint: resolve it with the panel, for example with an agreed score\n"
      "eds3: 1 of 1 file is not valid\n");
}

}  // namespace
}  // namespace eds::testing

namespace eds::testing {
namespace {

// Reads one part of a zip archive.
std::string ZipPart(const fs::path& path, const std::string& name) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (zip == nullptr) return "";
  std::string text;
  if (zip_file_t* part = zip_fopen(zip, name.c_str(), 0)) {
    char buffer[4096];
    for (zip_int64_t got; (got = zip_fread(part, buffer, sizeof buffer)) > 0;) {
      text.append(buffer, static_cast<std::size_t>(got));
    }
    zip_fclose(part);
  }
  zip_discard(zip);
  return text;
}

// Replaces one part of a zip archive, as a spreadsheet saving it would.
void ReplaceZipPart(const fs::path& path, const std::string& name,
                    const std::string& text) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), 0, &error);
  ASSERT_NE(zip, nullptr);
  zip_source_t* source = zip_source_buffer(zip, text.data(), text.size(), 0);
  ASSERT_GE(zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE), 0);
  ASSERT_EQ(zip_close(zip), 0);
}

TEST_F(ScoreSheetTest, InitScoreSheetFilledInGradesAsTheSameRatingsInYaml) {
  const Result init =
      Eds({"init", "--org", "Test Trust", "--year", "2024/25", "--services",
           "1", "-o", "a.yaml", "--score-sheet", "panel.xlsx"});
  ASSERT_EQ(init.status, 0) << init.err;
  EXPECT_EQ(
      init.out,
      "Wrote a.yaml and panel.xlsx. Fill them in with the panel, then run "
      "'eds3 validate a.yaml'.\n");
  EXPECT_NE(Read("a.yaml").find("score_sheets: [\"panel.xlsx\"]\n"),
            std::string::npos);
  const std::string workbook = ZipPart(work_ / "panel.xlsx", "xl/workbook.xml");
  EXPECT_NE(workbook.find("<sheet name=\"Instructions\""), std::string::npos);
  EXPECT_NE(workbook.find("<sheet name=\"Scores\""), std::string::npos);
  std::string sheet = ZipPart(work_ / "panel.xlsx", "xl/worksheets/sheet2.xml");
  EXPECT_NE(
      sheet.find("<formula1>\"0 - Undeveloped,1 - Developing,2 - Achieving,"
                 "3 - Excelling,not rated\"</formula1>"),
      std::string::npos);
  // The panel fills every score in: 8 Domain 1 rows, then 14 others, each
  // pair the two stakeholders. A drop-down choice is text; a typed score is
  // a number; one stakeholder did not rate 3C.
  const int rows = 2 * (4 + 7);
  for (int r = 2; r <= rows + 1; ++r) {
    const std::string open = "<row r=\"" + std::to_string(r) + "\"";
    const std::size_t at = sheet.find(open);
    ASSERT_NE(at, std::string::npos) << r;
    const std::size_t end = sheet.find("</row>", at);
    std::string cell;
    if (r == rows + 1) {
      cell = "<c r=\"G" + std::to_string(r) +
             "\" t=\"inlineStr\"><is><t>not rated</t></is></c>";
    } else if (r % 2 == 0) {
      cell = "<c r=\"G" + std::to_string(r) +
             "\" t=\"inlineStr\"><is><t>2 - Achieving</t></is></c>";
    } else {
      cell = "<c r=\"G" + std::to_string(r) + "\"><v>1</v></c>";
    }
    sheet.insert(end, cell);
  }
  ReplaceZipPart(work_ / "panel.xlsx", "xl/worksheets/sheet2.xml", sheet);
  const Result graded =
      Eds({"grade", "a.yaml", "-o", "a.xlsx", "--json", "a.json"});
  ASSERT_EQ(graded.status, 0) << graded.err;

  std::string yaml =
      "eds3: 1\nrubric: eds2022\norganisation:\n  name: \"Test Trust\"\n"
      "year: 2024/25\nstakeholders:\n"
      "  - {id: patients-forum, name: Patient and public forum, group: "
      "patients}\n"
      "  - {id: staff-networks, name: Staff network chairs, group: staff}\n"
      "services:\n  - id: service-1\n    name: \"Service 1\"\n    outcomes:\n";
  for (const char* id : {"1A", "1B", "1C", "1D"}) {
    yaml += std::string("      ") + id +
            ": {ratings: {patients-forum: 2, staff-networks: 1}}\n";
  }
  yaml += "outcomes:\n";
  for (const char* id : {"2A", "2B", "2C", "2D", "3A", "3B"}) {
    yaml += std::string("  ") + id +
            ": {ratings: {patients-forum: 2, staff-networks: 1}}\n";
  }
  yaml += "  3C: {ratings: {patients-forum: 2}}\n";
  Write("b.yaml", yaml);
  const Result expected =
      Eds({"grade", "b.yaml", "-o", "b.xlsx", "--json", "b.json"});
  ASSERT_EQ(expected.status, 0) << expected.err;
  EXPECT_EQ(WithoutSources(Read("a.json")), WithoutSources(Read("b.json")));
}

TEST_F(ScoreSheetTest, InitScoreSheetAsCsvListsEveryRating) {
  const Result init =
      Eds({"init", "--org", "Test Trust", "--year", "2024/25", "--services",
           "0", "-o", "a.yaml", "--score-sheet", "panel.csv"});
  ASSERT_EQ(init.status, 0) << init.err;
  const std::string csv = Read("panel.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n') + 1),
            "service,service name,outcome,outcome title,stakeholder,"
            "stakeholder name,score,comment\r\n");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 * 11);
  // Unfilled, every score is blank: the sheet says what to do.
  const Result validate = Eds({"validate", "a.yaml"});
  EXPECT_EQ(validate.status, 1);
  EXPECT_EQ(validate.err.substr(0, validate.err.find('\n')),
            "eds3: panel.csv:2:53: error: the score is empty");
  const Result bad = Eds({"init", "--org", "T", "--year", "2024/25",
                          "--score-sheet", "panel.ods"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err,
            "eds3: error: --score-sheet 'panel.ods' must end in .xlsx or .csv\n"
            "Run 'eds3 init --help' for usage.\n");
}

}  // namespace
}  // namespace eds::testing
