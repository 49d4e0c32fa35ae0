// End-to-end: the built eds3 run on bad input files, one case per file in
// testdata/bad (plus a few made at test time). For each case eds3 must exit
// with the right status, report the right first problem in the GNU form,
// write nothing, and leave existing outputs alone. A hang fails the case
// (every run is under `timeout`) rather than blocking the suite.

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "output_checks.h"

namespace eds {
namespace {

namespace fs = std::filesystem;

constexpr int kTimeoutSeconds = 20;
constexpr int kTimedOut = 124;  // timeout(1)'s status when the limit hits

// Inputs made at test time: too large, too odd or too binary to commit.
enum class Make {
  kNone,
  kDeepSequences,  // 10,000 nested flow sequences
  kDeepMappings,   // 10,000 nested flow mappings
  kGarbage,        // 4 KiB of bytes from a fixed seed
  kTooLarge,       // 11 MB, over the 10 MiB input limit
  kHugeLine,       // one 2.4 MB line holding 200,000 unknown keys
  kManyCsvRows,    // a ratings CSV of 100,000 rows
  kFolder,         // a folder where the file should be
};

struct BadInput {
  const char* input;        // as given to eds3, relative to the work folder
  int exit_status;          // 1 invalid input, 3 unreadable path
  const char* first_error;  // the whole first error line after "eds3: "
  Make make = Make::kNone;
  // Also start with outputs in place and check they are left byte for byte.
  bool guard_existing = false;
};

void PrintTo(const BadInput& c, std::ostream* os) { *os << c.input; }

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteAll(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Every path under `dir` with its contents, to see what a run changed.
std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string name = fs::relative(entry.path(), dir).string();
    files[name] = entry.is_regular_file() ? ReadAll(entry.path()) : "<folder>";
  }
  return files;
}

std::vector<std::string> ErrorLines(const std::string& stderr_text) {
  std::vector<std::string> lines;
  std::istringstream in(stderr_text);
  for (std::string line; std::getline(in, line);) {
    if (line.find(": error: ") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

// The start of the kHugeLine input: a valid assessment but for what follows.
constexpr const char kHugeLinePrefix[] =
    "{eds3: 1, rubric: eds2022, organisation: {name: X}, year: 2024/25, ";

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Each test gets a fresh folder: work/ holds a copy of testdata/bad (the
// inputs and the CSV and rubric files they name), out/ the outputs.
class EndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (fs::temp_directory_path() / "eds3-bad-inputs-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    work_ = root_ / "work";
    out_ = root_ / "out";
    fs::create_directories(out_);
    fs::copy(fs::path(EDS_TESTDATA_DIR) / "bad", work_,
             fs::copy_options::recursive);
  }

  // Every JSON a run wrote must match its schema.
  void TearDown() override {
    testing::ExpectValidAgainstSchemas(testing::JsonFilesUnder(out_));
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }

  // Runs `eds3 ARGS` in the work folder, under a time limit.
  RunResult Run(const std::string& args) const {
    const std::string command = "cd '" + work_.string() + "' && timeout " +
                                std::to_string(kTimeoutSeconds) + " '" +
                                EDS_BINARY + "' " + args + " >'" +
                                (root_ / "stdout").string() + "' 2>'" +
                                (root_ / "stderr").string() + "'";
    const int raw = std::system(command.c_str());
    RunResult result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result.out = ReadAll(root_ / "stdout");
    result.err = ReadAll(root_ / "stderr");
    return result;
  }

  RunResult Grade(const std::string& input) const {
    return Run("grade '" + input + "' -o '" + (out_ / "out.xlsx").string() +
               "' --json '" + (out_ / "out.json").string() + "'");
  }

  void MakeInput(Make what, const std::string& input) const {
    const fs::path path = work_ / input;
    switch (what) {
      case Make::kNone:
        return;
      case Make::kDeepSequences:
        WriteAll(path, std::string(10000, '[') + std::string(10000, ']'));
        return;
      case Make::kDeepMappings: {
        std::string text;
        for (int i = 0; i < 10000; ++i) text += "{a: ";
        WriteAll(path, text + std::string(10000, '}'));
        return;
      }
      case Make::kGarbage: {
        // std::mt19937's output is fixed by the standard, so these bytes
        // are the same everywhere.
        std::mt19937 random(20250214u);
        std::string bytes;
        for (int i = 0; i < 4096; ++i) {
          bytes += static_cast<char>(random() & 0xFFu);
        }
        WriteAll(path, bytes);
        return;
      }
      case Make::kTooLarge: {
        const std::string line = "# " + std::string(97, 'x') + "\n";
        std::string text = "eds3: 1\n";
        while (text.size() < 11u * 1000u * 1000u) text += line;
        WriteAll(path, text);
        return;
      }
      case Make::kHugeLine: {
        std::string text = kHugeLinePrefix;
        for (int i = 0; i < 200000; ++i) {
          text += "k" + std::to_string(i) + ": 1, ";
        }
        WriteAll(path, text + "last: 1}\n");
        return;
      }
      case Make::kManyCsvRows: {
        std::string text = "service,outcome,stakeholder,score\n";
        for (int i = 0; i < 99999; ++i) text += ",2B,patients-forum,1\n";
        WriteAll(work_ / "many-rows.csv", text);
        return;
      }
      case Make::kFolder:
        fs::create_directories(path);
        return;
    }
  }

  fs::path root_, work_, out_;
};

class BadInputsTest : public EndToEndTest,
                      public ::testing::WithParamInterface<BadInput> {};

TEST_P(BadInputsTest, FailsCleanlyWithTheRightFirstError) {
  const BadInput& c = GetParam();
  MakeInput(c.make, c.input);
  static const char kWorkbook[] = "PK\x03\x04 an existing workbook\n\0\xff";
  const std::string existing_xlsx(kWorkbook, sizeof kWorkbook - 1);
  const std::string existing_json = "{\"format\": \"eds3-result/1\"}\n";
  if (c.guard_existing) {
    WriteAll(out_ / "out.xlsx", existing_xlsx);
    WriteAll(out_ / "out.json", existing_json);
  }
  const auto outputs_before = Snapshot(out_);
  const auto inputs_before = Snapshot(work_);

  const RunResult run = Grade(c.input);

  ASSERT_NE(run.status, kTimedOut)
      << c.input << " ran longer than " << kTimeoutSeconds << " seconds";
  EXPECT_EQ(run.status, c.exit_status) << run.err;
  const std::vector<std::string> errors = ErrorLines(run.err);
  ASSERT_FALSE(errors.empty()) << run.err;
  EXPECT_EQ(errors.front(), std::string("eds3: ") + c.first_error) << run.err;
  // Nothing written, nothing left behind, existing outputs untouched.
  EXPECT_EQ(Snapshot(out_), outputs_before);
  if (c.guard_existing) {
    EXPECT_EQ(ReadAll(out_ / "out.xlsx"), existing_xlsx);
    EXPECT_EQ(ReadAll(out_ / "out.json"), existing_json);
  }
  EXPECT_EQ(Snapshot(work_), inputs_before) << "eds3 wrote beside its input";
}

const BadInput kBadInputs[] = {
    // YAML syntax.
    {"syntax-unclosed-bracket.yaml", 1,
     "syntax-unclosed-bracket.yaml:15:14: error: YAML syntax: this '{' is "
     "never closed by '}'",
     Make::kNone, true},
    {"syntax-bad-indent.yaml", 1,
     "syntax-bad-indent.yaml:1:1: error: the assessment is missing the "
     "required key 'year'"},
    {"syntax-tab-indent.yaml", 1,
     "syntax-tab-indent.yaml:4:1: error: YAML syntax: a tab in the "
     "indentation"},
    {"syntax-unclosed-quote.yaml", 1,
     "syntax-unclosed-quote.yaml:4:9: error: YAML syntax: this quoted text is "
     "never closed"},
    {"syntax-text-after-list.yaml", 1,
     "syntax-text-after-list.yaml:2:1: error: YAML syntax: unexpected "
     "'rubric: eds2022'"},
    {"syntax-colon-in-text.yaml", 1,
     "syntax-colon-in-text.yaml:16:22: error: YAML syntax: illegal map value"},

    // Wrong types.
    {"type-name-list.yaml", 1,
     "type-name-list.yaml:4:9: error: 'name' must be text, not a list"},
    {"type-organisation-text.yaml", 1,
     "type-organisation-text.yaml:3:15: error: organisation must be a mapping "
     "of keys to values, not text"},
    {"type-stakeholders-mapping.yaml", 1,
     "type-stakeholders-mapping.yaml:7:3: error: 'stakeholders' must be a "
     "list, not a mapping"},
    {"type-ratings-list.yaml", 1,
     "type-ratings-list.yaml:15:14: error: 'ratings' must map stakeholder ids "
     "to scores, not a list"},
    {"type-top-level-list.yaml", 1,
     "type-top-level-list.yaml:1:1: error: the assessment must be a mapping "
     "of keys to values, not a list"},
    {"type-evidence-text.yaml", 1,
     "type-evidence-text.yaml:16:15: error: 'evidence' must be a list, not "
     "text"},

    // Values out of range.
    {"range-score-4.yaml", 1,
     "range-score-4.yaml:17:23: error: '4' is not a score"},
    {"range-score-010.yaml", 1,
     "range-score-010.yaml:17:23: error: '010' is not a score"},
    {"range-score-2-5.yaml", 1,
     "range-score-2-5.yaml:17:23: error: '2.5' is not a score"},
    {"range-score-good.yaml", 1,
     "range-score-good.yaml:17:23: error: 'Good' is not a score"},
    {"range-score-empty.yaml", 1,
     "range-score-empty.yaml:17:23: error: a score must not be empty"},
    {"range-score-missing.yaml", 1,
     "range-score-missing.yaml:17:7: error: a rating must not be empty"},
    {"range-agreed-5.yaml", 1,
     "range-agreed-5.yaml:16:13: error: '5' is not a score"},
    {"range-format-version-2.yaml", 1,
     "range-format-version-2.yaml:1:7: error: unsupported file format "
     "version '2'"},
    {"range-policy-average.yaml", 1,
     "range-policy-average.yaml:7:11: error: unknown raters policy "
     "'average'"},

    // References to things that do not exist.
    {"ref-unknown-stakeholder.yaml", 1,
     "ref-unknown-stakeholder.yaml:17:7: error: unknown stakeholder "
     "'staf-networks'; did you mean 'staff-networks'?"},
    {"ref-unknown-outcome.yaml", 1,
     "ref-unknown-outcome.yaml:14:3: error: unknown outcome '2E'; did you "
     "mean '2A'?"},
    {"ref-unknown-group.yaml", 1,
     "ref-unknown-group.yaml:12:12: error: unknown stakeholder group 'staf'; "
     "did you mean 'staff'?"},
    {"ref-unknown-rubric.yaml", 1,
     "ref-unknown-rubric.yaml:2:9: error: unknown rubric 'eds2020'; did you "
     "mean 'eds2022'?",
     Make::kNone, true},
    {"ref-rubric-path-missing.yaml", 1,
     "ref-rubric-path-missing.yaml:2:9: error: cannot read rubric file "
     "'rubrics/local.yaml': No such file or directory"},
    {"ref-rubric-path-folder.yaml", 1,
     "ref-rubric-path-folder.yaml:2:9: error: cannot read rubric file "
     "'rubrics/': it is a folder"},
    {"ref-unknown-top-key.yaml", 1,
     "ref-unknown-top-key.yaml:6:1: error: unknown key 'stakeholder' in the "
     "assessment; did you mean 'stakeholders'?"},
    {"ref-unknown-reviewer-role.yaml", 1,
     "ref-unknown-reviewer-role.yaml:8:11: error: unknown reviewer role "
     "'trade-unoin'; did you mean 'trade-union'?"},
    {"ref-outcome-key-typo.yaml", 1,
     "ref-outcome-key-typo.yaml:16:5: error: unknown key 'evidnce' in outcome "
     "2A; did you mean 'evidence'?"},
    {"ref-domain2-under-service.yaml", 1,
     "ref-domain2-under-service.yaml:17:7: error: outcome 2A is not rated "
     "per service"},

    // Duplicates.
    {"dup-key.yaml", 1,
     "dup-key.yaml:18:3: error: duplicate key '2A' (first given on line 14)",
     Make::kNone, true},
    {"dup-key-in-flow.yaml", 1,
     "dup-key-in-flow.yaml:15:53: error: duplicate key 'patients-forum' "
     "(first given on line 15)"},
    {"dup-stakeholder-id.yaml", 1,
     "dup-stakeholder-id.yaml:13:9: error: stakeholder id 'patients-forum' is "
     "declared twice (first on line 7)"},
    {"dup-service-id.yaml", 1,
     "dup-service-id.yaml:16:9: error: service id 'nhs-111' is declared twice "
     "(first on line 14)"},
    {"dup-rating-yaml-csv.yaml", 1,
     "dup-rating.csv:3:5: error: stakeholder 'staff-networks' rates 2A twice: "
     "here and at dup-rating-yaml-csv.yaml:15:34"},

    // Structure.
    {"struct-services-empty.yaml", 1,
     "struct-services-empty.yaml:13:11: error: 'services' is an empty list"},
    {"struct-stakeholders-empty.yaml", 1,
     "struct-stakeholders-empty.yaml:6:15: error: 'stakeholders' is an empty "
     "list"},
    {"struct-domain1-both.yaml", 1,
     "struct-domain1-both.yaml:20:3: error: outcome 1A is rated per service "
     "in this file"},
    {"struct-ratings-without-stakeholders.yaml", 1,
     "struct-ratings-without-stakeholders.yaml:1:1: error: the assessment has "
     "ratings but no 'stakeholders' list"},
    {"struct-missing-eds3.yaml", 1,
     "struct-missing-eds3.yaml:1:1: error: the assessment is missing the "
     "required key 'eds3'"},
    {"struct-missing-rubric.yaml", 1,
     "struct-missing-rubric.yaml:1:1: error: the assessment is missing the "
     "required key 'rubric'"},
    {"struct-missing-org-name.yaml", 1,
     "struct-missing-org-name.yaml:4:3: error: organisation is missing the "
     "required key 'name'"},
    {"struct-org-name-empty.yaml", 1,
     "struct-org-name-empty.yaml:4:9: error: 'name' must not be empty"},
    {"struct-missing-year.yaml", 1,
     "struct-missing-year.yaml:1:1: error: the assessment is missing the "
     "required key 'year'"},
    {"struct-year-2024-26.yaml", 1,
     "struct-year-2024-26.yaml:5:7: error: year '2024/26' must be written "
     "YYYY/YY, the second year following the first"},
    {"struct-year-dash.yaml", 1,
     "struct-year-dash.yaml:5:7: error: year '2024-25' must be written "
     "YYYY/YY, the second year following the first"},
    {"struct-date-feb-30.yaml", 1,
     "struct-date-feb-30.yaml:6:12: error: 'completed' is '2025-02-30', a day "
     "that is not in the calendar"},
    {"struct-published-2025-3.yaml", 1,
     "struct-published-2025-3.yaml:6:12: error: 'published' must be a month "
     "written YYYY-MM, not '2025-3'"},
    {"struct-bad-stakeholder-id.yaml", 1,
     "struct-bad-stakeholder-id.yaml:10:9: error: stakeholder id 'Staff "
     "Networks' must use only a-z, 0-9 and '-'"},

    // Hostile YAML.
    {"hostile-anchor.yaml", 1,
     "hostile-anchor.yaml:7:5: error: YAML anchors (&name) are not allowed"},
    {"hostile-alias.yaml", 1,
     "hostile-alias.yaml:14:7: error: YAML anchors (&name) are not allowed"},
    {"hostile-alias-only.yaml", 1,
     "hostile-alias-only.yaml:6:7: error: YAML aliases (*name) are not "
     "allowed"},
    {"hostile-billion-laughs.yaml", 1,
     "hostile-billion-laughs.yaml:2:4: error: YAML anchors (&name) are not "
     "allowed",
     Make::kNone, true},
    {"hostile-tag-str.yaml", 1,
     "hostile-tag-str.yaml:1:7: error: YAML tags (tag:yaml.org,2002:str) are "
     "not allowed"},
    {"hostile-local-tag.yaml", 1,
     "hostile-local-tag.yaml:5:7: error: YAML tags (!year) are not allowed"},
    {"hostile-sequence-key.yaml", 1,
     "hostile-sequence-key.yaml:6:3: error: a mapping key must be plain text"},
    {"hostile-deep-sequences.yaml", 1,
     "hostile-deep-sequences.yaml:1:33: error: nesting is deeper than 32 "
     "levels",
     Make::kDeepSequences},
    {"hostile-deep-mappings.yaml", 1,
     "hostile-deep-mappings.yaml:1:129: error: nesting is deeper than 32 "
     "levels",
     Make::kDeepMappings},
    {"hostile-comma.yaml", 1,
     "hostile-comma.yaml:1:1: error: YAML syntax: unexpected ','"},
    {"hostile-empty.yaml", 1,
     "hostile-empty.yaml:1:1: error: the file is empty"},
    {"hostile-only-comments.yaml", 1,
     "hostile-only-comments.yaml:1:1: error: the file is empty"},
    {"hostile-two-documents.yaml", 1,
     "hostile-two-documents.yaml:16:1: error: the file holds more than one "
     "YAML document"},
    {"hostile-invalid-utf8.yaml", 1,
     "hostile-invalid-utf8.yaml:4:12: error: the file is not valid UTF-8 text "
     "(a NUL byte or an invalid byte sequence)"},
    {"hostile-nul-byte.yaml", 1,
     "hostile-nul-byte.yaml:2:12: error: the file is not valid UTF-8 text (a "
     "NUL byte or an invalid byte sequence)"},
    {"hostile-utf16-bom.yaml", 1,
     "hostile-utf16-bom.yaml:1:1: error: the file is UTF-16 text; eds3 reads "
     "UTF-8"},
    // The third byte, 0xEE, cannot follow 0xD6 in UTF-8.
    {"hostile-garbage.yaml", 1,
     "hostile-garbage.yaml:1:3: error: the file is not valid UTF-8 text (a "
     "NUL byte or an invalid byte sequence)",
     Make::kGarbage},
    {"hostile-too-large.yaml", 1,
     "hostile-too-large.yaml: error: file is larger than 10485760 bytes (10 "
     "MiB), the limit for an input file",
     Make::kTooLarge, true},
    // Column 68 is where 'k0' starts, after kHugeLinePrefix.
    {"hostile-huge-line.yaml", 1,
     "hostile-huge-line.yaml:1:68: error: unknown key 'k0' in the assessment",
     Make::kHugeLine},

    // Ratings CSV.
    {"csv-unterminated-quote.yaml", 1,
     "unterminated-quote.csv:2:22: error: a quoted field is never closed"},
    {"csv-unknown-column.yaml", 1,
     "unknown-column.csv:1:35: error: unknown column 'coment'; did you mean "
     "'comment'?",
     Make::kNone, true},
    {"csv-missing-score.yaml", 1,
     "missing-score.csv:1:1: error: the header has no 'score' column"},
    {"csv-field-count.yaml", 1,
     "field-count.csv:3:1: error: this row has 6 fields; the header has 5"},
    {"csv-bad-score.yaml", 1,
     "bad-score.csv:3:20: error: '2.5' is not a score"},
    {"csv-unknown-service.yaml", 1,
     "unknown-service.csv:3:1: error: unknown service 'nhs-11'; did you mean "
     "'nhs-111'?"},
    {"csv-unknown-stakeholder.yaml", 1,
     "unknown-stakeholder.csv:3:4: error: unknown stakeholder "
     "'staf-networks'; did you mean 'staff-networks'?"},
    {"csv-duplicate-row.yaml", 1,
     "duplicate-row.csv:4:5: error: stakeholder 'patients-forum' rates 2B "
     "twice: here and at duplicate-row.csv:2:5"},
    {"csv-empty.yaml", 1,
     "empty.csv:1:1: error: the CSV file has no header row"},
    {"csv-utf16.yaml", 1,
     "utf16.csv:1:1: error: the file is UTF-16 text; eds3 reads UTF-8"},
    {"csv-missing-file.yaml", 1,
     "csv-missing-file.yaml:16:26: error: cannot read ratings CSV "
     "'no-such-panel.csv': No such file or directory"},
    {"csv-path-folder.yaml", 1,
     "csv-path-folder.yaml:16:14: error: cannot read ratings CSV 'rubrics': "
     "it is a folder"},
    {"csv-many-rows.yaml", 1,
     "many-rows.csv:3:5: error: stakeholder 'patients-forum' rates 2B twice: "
     "here and at many-rows.csv:2:5",
     Make::kManyCsvRows},

    // Rubric files.
    {"rubric-file-bad.yaml", 1,
     "rubrics/bad-levels.yaml:9:34: error: levels must be listed in "
     "ascending points, each different"},
    {"rubric-file-is-assessment.yaml", 1,
     "valid-unrated.yaml:1:1: error: this is an assessment file, not a "
     "rubric"},
    // No '/' and no .yaml ending: a built-in id, not a path.
    {"rubric-file-not-rubric.yaml", 1,
     "rubric-file-not-rubric.yaml:2:9: error: unknown rubric 'panel.csv'"},

    // Paths on the command line that cannot be read.
    {"no-such-assessment.yaml", 3,
     "no-such-assessment.yaml: error: cannot read: No such file or directory",
     Make::kNone, true},
    {"a-folder.yaml", 3, "a-folder.yaml: error: cannot read: it is a folder",
     Make::kFolder},
};

INSTANTIATE_TEST_SUITE_P(Cases, BadInputsTest, ::testing::ValuesIn(kBadInputs),
                         [](const ::testing::TestParamInfo<BadInput>& param) {
                           std::string name = param.param.input;
                           name = name.substr(0, name.rfind('.'));
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           }
                           return name;
                         });

TEST(BadInputsTableTest, HasAtLeastFortyFiveDistinctCases) {
  std::map<std::string, int> seen;
  for (const BadInput& c : kBadInputs) ++seen[c.input];
  EXPECT_GE(seen.size(), 45u);
  for (const auto& [input, count] : seen) EXPECT_EQ(count, 1) << input;
}

TEST(BadInputsTableTest, EveryCommittedCaseFileIsInTheTable) {
  std::map<std::string, bool> listed;
  for (const BadInput& c : kBadInputs) listed[c.input] = true;
  for (const auto& entry :
       fs::directory_iterator(fs::path(EDS_TESTDATA_DIR) / "bad")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".yaml" || name.rfind("valid-", 0) == 0 ||
        name == "five-errors.yaml") {
      continue;
    }
    EXPECT_TRUE(listed.count(name)) << name << " is not tested";
  }
}

TEST_F(EndToEndTest, ReportsEveryProblemOfAFileInOneRun) {
  const RunResult run = Grade("five-errors.yaml");
  ASSERT_NE(run.status, kTimedOut);
  EXPECT_EQ(run.status, 1);
  const std::vector<std::string> expected = {
      "eds3: five-errors.yaml:5:7: error: year '2024-25' must be written "
      "YYYY/YY, the second year following the first",
      "eds3: five-errors.yaml:6:12: error: 'completed' is '2025-02-30', a day "
      "that is not in the calendar",
      "eds3: five-errors.yaml:13:31: error: '4' is not a score",
      "eds3: five-errors.yaml:15:15: error: unknown stakeholder "
      "'staff-networks'",
      "eds3: five-errors.yaml:16:3: error: unknown outcome '5A'; did you mean "
      "'1A'?",
  };
  EXPECT_EQ(ErrorLines(run.err), expected) << run.err;
  EXPECT_TRUE(Snapshot(out_).empty());
}

TEST_F(EndToEndTest, QuotesTheLineWithACaretAndAHint) {
  const RunResult run = Grade("ref-unknown-stakeholder.yaml");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "eds3: ref-unknown-stakeholder.yaml:17:7: error: unknown "
            "stakeholder 'staf-networks'; did you mean 'staff-networks'?\n"
            "        staf-networks: 1\n"
            "        ^\n"
            "  hint: every rating names a stakeholder declared under "
            "'stakeholders' (by its id or its name)\n");
}

TEST_F(EndToEndTest, ValidateWritesNothingAndReportsTheSame) {
  const auto before = Snapshot(work_);
  const RunResult run = Run("validate range-score-4.yaml");
  EXPECT_EQ(run.status, 1);
  const std::vector<std::string> errors = ErrorLines(run.err);
  ASSERT_FALSE(errors.empty()) << run.err;
  EXPECT_EQ(errors.front(),
            "eds3: range-score-4.yaml:17:23: error: '4' is not a score");
  EXPECT_EQ(Snapshot(work_), before);
}

// Inputs that must grade: the shipped example and the valid files beside the
// bad ones (a CSV with a byte-order mark and CRLF line ends, a custom rubric,
// an assessment with nothing rated yet).
class GoodInputsTest : public EndToEndTest,
                       public ::testing::WithParamInterface<const char*> {};

TEST_P(GoodInputsTest, GradesAndWritesBothOutputs) {
  const std::string input = GetParam();
  for (const char* example : {"northmoor-ambulance-2024-25.yaml",
                              "northmoor-ambulance-2024-25-panel.csv"}) {
    fs::copy_file(fs::path(EDS_SOURCE_DIR) / "examples" / example,
                  work_ / example);
  }
  // An existing output is replaced on success.
  WriteAll(out_ / "out.json", "stale");
  const RunResult run = Grade(input);
  ASSERT_NE(run.status, kTimedOut);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(ErrorLines(run.err).empty()) << run.err;
  const std::string json = ReadAll(out_ / "out.json");
  EXPECT_NE(json.find("\"eds3-result/2\""), std::string::npos) << json;
  EXPECT_GT(fs::file_size(out_ / "out.xlsx"), 0u);
  EXPECT_EQ(ReadAll(out_ / "out.xlsx").substr(0, 2), "PK");
  std::size_t outputs = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(out_)) {
    ++outputs;
  }
  EXPECT_EQ(outputs, 2u) << "a temporary file was left behind";
}

INSTANTIATE_TEST_SUITE_P(Cases, GoodInputsTest,
                         ::testing::Values("northmoor-ambulance-2024-25.yaml",
                                           "valid-bom-crlf.yaml",
                                           "valid-custom-rubric.yaml",
                                           "valid-unrated.yaml"),
                         [](const ::testing::TestParamInfo<const char*>& p) {
                           std::string name = p.param;
                           name = name.substr(0, name.rfind('.'));
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) {
                               c = '_';
                             }
                           }
                           return name;
                         });

}  // namespace
}  // namespace eds
