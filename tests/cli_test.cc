// End-to-end tests of the built eds3 binary: each runs it as a user would, in
// a fresh folder, and checks the exit status, the whole of what it printed
// where practical, and which files it wrote or left alone.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "eds/version.h"
#include "golden.h"

namespace eds {
namespace {

using ::eds::testing::ExpectMatchesGolden;

namespace fs = std::filesystem;

using ::eds::testing::CliTest;
using ::eds::testing::ReadText;
using ::eds::testing::Result;
using ::eds::testing::TestData;
using ::eds::testing::Unzipped;
using ::eds::testing::WriteText;

using Paths = std::vector<std::string>;

// --- Help, version and usage errors ---------------------------------------

TEST_F(CliTest, HelpAndVersionWorkEverywhere) {
  const std::string version = std::string("eds3 ") + kToolVersion + "\n";
  Result result = Eds({"--version"});
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(result.out, version);

  result = Eds({"--help"});
  EXPECT_EQ(result.status, 0);
  EXPECT_NE(result.out.find("Usage: eds3 COMMAND"), std::string::npos);

  const std::vector<std::pair<std::string, std::string>> usages = {
      {"grade",
       "Usage: eds3 grade FILE [-o OUT.xlsx] [--json OUT.json] [--markdown "
       "OUT.md] [--html OUT.html]\n"},
      {"validate", "Usage: eds3 validate PATH...\n"},
      {"init",
       "Usage: eds3 init --org NAME --year YYYY/YY [--services N] [-o FILE] "
       "[--force]\n"},
      {"rubric", "Usage: eds3 rubric list | eds3 rubric show ID\n"},
  };
  for (const auto& [command, usage] : usages) {
    SCOPED_TRACE(command);
    for (const char* help : {"--help", "-h"}) {
      result = Eds({command, help});
      EXPECT_EQ(result.status, 0);
      EXPECT_EQ(result.out.substr(0, usage.size()), usage);
      EXPECT_NE(result.out.find("\n  -h, --help "), std::string::npos);
      EXPECT_EQ(result.err, "");
    }
    // Help wins over stray operands, but not over an unknown option.
    result = Eds({command, "--no-such-option=1", "--help"});
    EXPECT_EQ(result.status, 2);
    result = Eds({command, "extra", "--help"});
    EXPECT_EQ(result.status, 0);
    result = Eds({command, "--version"});
    EXPECT_EQ(result.status, 0);
    EXPECT_EQ(result.out, version);
  }
  EXPECT_EQ(Listing(), Paths{});
}

TEST_F(CliTest, GradeHelpListsItsOptions) {
  const Result result = Eds({"grade", "--help"});
  EXPECT_EQ(result.status, 0);
  EXPECT_NE(result.out.find("Options:\n"
                            "  -o, --output OUT.xlsx  the workbook (default: "
                            "FILE's name, .xlsx, in this folder)\n"
                            "  --json OUT.json        also write the result as "
                            "JSON\n"
                            "  --markdown OUT.md      also write a Markdown "
                            "summary to publish\n"
                            "  --html OUT.html        also write an HTML "
                            "report to publish (prints to A4)\n"
                            "  --require-complete     refuse an assessment "
                            "with any outcome not rated\n"
                            "  --allow-outside-paths  read files an assessment "
                            "names even outside its folder\n"
                            "  -h, --help             show this help\n"
                            "  --version              show the version\n"),
            std::string::npos)
      << result.out;
}

TEST_F(CliTest, UnknownCommandOrOptionSuggestsTheNearest) {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"grad", "x.yaml"},
       "eds3: error: unknown command 'grad'; did you mean 'grade'?\n"
       "Run 'eds3 --help' for the list of commands.\n"},
      {{"--verison"},
       "eds3: error: unknown option '--verison'; did you mean '--version'?\n"
       "Run 'eds3 --help' for the list of commands.\n"},
      {{"grade", "x.yaml", "--jsno", "x.json"},
       "eds3: error: unknown option '--jsno'; did you mean '--json'?\n"
       "Run 'eds3 grade --help' for usage.\n"},
      {{"grade", "x.yaml", "-json", "x.json"},
       "eds3: error: unknown option '-json'; did you mean '--json'?\n"
       "Run 'eds3 grade --help' for usage.\n"},
      {{"grade", "x.yaml", "--frobnicate"},
       "eds3: error: unknown option '--frobnicate'\n"
       "Run 'eds3 grade --help' for usage.\n"},
      {{"init", "--org", "X", "--year", "2024/25", "--forse"},
       "eds3: error: unknown option '--forse'; did you mean '--force'?\n"
       "Run 'eds3 init --help' for usage.\n"},
      {{"validate", "--hepl"},
       "eds3: error: unknown option '--hepl'; did you mean '--help'?\n"
       "Run 'eds3 validate --help' for usage.\n"},
      {{"rubric", "shwo", "eds2022"},
       "eds3: error: unknown action 'shwo'; did you mean 'show'?\n"
       "Run 'eds3 rubric --help' for usage.\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.err);
    const Result result = Eds(c.args);
    EXPECT_EQ(result.status, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, c.err);
  }
  EXPECT_EQ(Listing(), Paths{});
}

// An abbreviation is never taken as the option it begins (SPEC §2); the
// hint names the option.
TEST_F(CliTest, AbbreviatedOptionsAreRefused) {
  Copy("complete.yaml");
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"grade", "complete.yaml", "--jso", "out.json"},
       "eds3: error: unknown option '--jso'; did you mean '--json'?\n"
       "Run 'eds3 grade --help' for usage.\n"},
      {{"grade", "complete.yaml", "--mark", "out.md"},
       "eds3: error: unknown option '--mark'; did you mean '--markdown'?\n"
       "Run 'eds3 grade --help' for usage.\n"},
      {{"grade", "complete.yaml", "--out", "out.xlsx"},
       "eds3: error: unknown option '--out'; did you mean '--output'?\n"
       "Run 'eds3 grade --help' for usage.\n"},
      {{"init", "--or", "X", "--year", "2024/25"},
       "eds3: error: unknown option '--or'; did you mean '--org'?\n"
       "Run 'eds3 init --help' for usage.\n"},
      {{"init", "--org", "X", "--year", "2024/25", "--serv", "2"},
       "eds3: error: unknown option '--serv'; did you mean '--services'?\n"
       "Run 'eds3 init --help' for usage.\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args[2]);
    const Result result = Eds(c.args);
    EXPECT_EQ(result.status, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, c.err);
  }
  EXPECT_EQ(Listing(), Paths{"complete.yaml"});
}

TEST_F(CliTest, MalformedCommandLinesAreUsageErrors) {
  Copy("complete.yaml");
  struct Case {
    std::vector<std::string> args;
    std::string message;
    std::string command;
  };
  const std::vector<Case> cases = {
      {{"grade"}, "missing FILE", "grade"},
      {{"grade", "complete.yaml", "other.yaml"},
       "unexpected argument 'other.yaml'",
       "grade"},
      {{"grade", "complete.yaml", "--json"},
       "option '--json' needs a value",
       "grade"},
      {{"grade", "complete.yaml", "--json", "a.json", "--json", "b.json"},
       "option '--json' is given more than once",
       "grade"},
      {{"grade", "complete.yaml", "--json="},
       "option '--json' needs a value",
       "grade"},
      {{"grade", "complete.yaml", "--json", ""},
       "option '--json' needs a file name",
       "grade"},
      {{"grade", "complete.yaml", "-o", "./complete.yaml"},
       "the workbook './complete.yaml' would replace the input file",
       "grade"},
      {{"grade", "complete.yaml", "-o", "out.xlsx", "--json", "out.xlsx"},
       "the workbook and the JSON are both 'out.xlsx'; give each its own file",
       "grade"},
      {{"grade", "complete.yaml", "--json", "same", "--markdown", "./same"},
       "the JSON and the Markdown are both './same'; give each its own file",
       "grade"},
      {{"grade", "complete.yaml", "--markdown", "complete.yaml"},
       "the Markdown 'complete.yaml' would replace the input file",
       "grade"},
      // An option where its value should be would become a file name.
      {{"grade", "complete.yaml", "-o", "--json"},
       "option '-o' needs a value, but the next argument is '--json'; a file "
       "name starting with '-' is written './--json'",
       "grade"},
      {{"grade", "complete.yaml", "--json", "--markdown", "x.md"},
       "option '--json' needs a value, but the next argument is "
       "'--markdown'; a file name starting with '-' is written "
       "'./--markdown'",
       "grade"},
      {{"grade", "complete.yaml", "-o=x.xlsx"},
       "write '-o x.xlsx' or '--output=x.xlsx', without '=' after '-o'",
       "grade"},
      {{"grade", "complete.yaml", "-o", "-"},
       "option '-o' needs a file name; only --json, --markdown and --html "
       "write to standard output ('-')",
       "grade"},
      {{"grade", "complete.yaml", "--json", "-", "--markdown", "-"},
       "the JSON and the Markdown are both standard output ('-'); only one "
       "output can go there",
       "grade"},
      {{"rollup", ".", "-o", "--skip-invalid"},
       "option '-o' needs a value, but the next argument is "
       "'--skip-invalid'; a file name starting with '-' is written "
       "'./--skip-invalid'",
       "rollup"},
      {{"validate"}, "missing PATH", "validate"},
      {{"init", "--year", "2024/25"}, "missing option '--org'", "init"},
      {{"init", "--org", "X", "--year", "2024/25", "--force=yes"},
       "option '--force' takes no value",
       "init"},
      {{"init", "--org", "X", "--year", "2024/25", "stray"},
       "unexpected argument 'stray'",
       "init"},
      {{"init", "--org", "X", "--year", "2024/25", "-o", ""},
       "option '--output' needs a file name",
       "init"},
      {{"rubric"}, "missing what to do: 'list' or 'show ID'", "rubric"},
      {{"rubric", "show"}, "missing ID", "rubric"},
      {{"rubric", "list", "eds2022"},
       "unexpected argument 'eds2022'",
       "rubric"},
      {{"rubric", "show", "eds2022", "more"},
       "unexpected argument 'more'",
       "rubric"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    const Result result = Eds(c.args);
    EXPECT_EQ(result.status, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "eds3: error: " + c.message + "\nRun 'eds3 " +
                              c.command + " --help' for usage.\n");
  }
  EXPECT_EQ(Listing(), Paths{"complete.yaml"});
}

// `-o report.pdf` would write an xlsx named .pdf: an output's name must end
// in what is written there (any letter case), and the hint gives the name.
TEST_F(CliTest, AnOutputNamedForAnotherFormatIsAUsageError) {
  Copy("complete.yaml");
  const struct {
    std::vector<std::string> args;
    std::string message;
  } kCases[] = {
      {{"grade", "complete.yaml", "-o", "report.pdf"},
       "the workbook 'report.pdf' must end in .xlsx: --output writes .xlsx "
       "whatever the name says; did you mean 'report.xlsx'?"},
      {{"grade", "complete.yaml", "--json", "out/result.txt"},
       "the JSON 'out/result.txt' must end in .json: --json writes .json "
       "whatever the name says; did you mean 'out/result.json'?"},
      {{"grade", "complete.yaml", "--markdown", "board-paper"},
       "the Markdown 'board-paper' must end in .md: --markdown writes .md "
       "whatever the name says; did you mean 'board-paper.md'?"},
      {{"grade", "complete.yaml", "--markdown", "report.md.docx"},
       "the Markdown 'report.md.docx' must end in .md: --markdown writes .md "
       "whatever the name says; did you mean 'report.md.md'?"},
      {{"compare", "complete.yaml", "complete.yaml", "-o", "trend.xls"},
       "the workbook 'trend.xls' must end in .xlsx: --output writes .xlsx "
       "whatever the name says; did you mean 'trend.xlsx'?"},
      {{"compare", "complete.yaml", "complete.yaml", "-o", "trend.xlsx",
        "--json", "trend.xlsx.json.bak"},
       "the JSON 'trend.xlsx.json.bak' must end in .json: --json writes "
       ".json whatever the name says; did you mean 'trend.xlsx.json.json'?"},
      {{"rollup", "complete.yaml", "-o", "system.xlsx", "--markdown",
        "system.pdf"},
       "the Markdown 'system.pdf' must end in .md: --markdown writes .md "
       "whatever the name says; did you mean 'system.md'?"},
      {{"grade", "complete.yaml", "--html", "report.htm"},
       "the HTML 'report.htm' must end in .html: --html writes .html "
       "whatever the name says; did you mean 'report.html'?"},
      {{"rollup", "complete.yaml", "--html", "system.md"},
       "the HTML 'system.md' must end in .html: --html writes .html "
       "whatever the name says; did you mean 'system.html'?"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.message);
    const Result result = Eds(c.args);
    EXPECT_EQ(result.status, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "eds3: error: " + c.message + "\nRun 'eds3 " +
                              c.args[0] + " --help' for usage.\n");
  }
  EXPECT_EQ(Listing(), Paths{"complete.yaml"});

  // The extension is matched in any letter case.
  const Result upper = Eds({"grade", "complete.yaml", "-o", "REPORT.XLSX",
                            "--json", "Result.Json", "--markdown", "Board.MD"});
  EXPECT_EQ(upper.status, 0) << upper.err;
  EXPECT_EQ(Listing(),
            (Paths{"Board.MD", "REPORT.XLSX", "Result.Json", "complete.yaml"}));
}

// Every file a run reads is an input: its ratings CSV and rubric file too,
// and every file found in a folder. An output over one of them is a usage
// error, and nothing is written. Most such names do not end in the output's
// extension, which is refused first; a rubric named like an output is the
// rest.
TEST_F(CliTest, AnOutputOverAnyFileTheRunReadsIsAUsageError) {
  fs::copy_file(fs::path(EDS_SOURCE_DIR) / "rubrics" / "eds2022.yaml",
                work_ / "local.yaml");
  fs::copy_file(fs::path(EDS_SOURCE_DIR) / "rubrics" / "eds2022.yaml",
                work_ / "local.md");
  Copy("complete.yaml");
  std::string text = Read("complete.yaml");
  fs::create_directory(work_ / "folder");
  fs::rename(work_ / "complete.yaml", work_ / "folder" / "complete.yaml");
  text.replace(text.find("rubric: eds2022"), 15,
               "rubric: local.yaml\nratings_csv: panel.csv");
  Write("assessment.yaml", text);
  text.replace(text.find("rubric: local.yaml"), 18, "rubric: ./local.md");
  Write("markdown-rubric.yaml", text);
  Write("panel.csv", "service,outcome,stakeholder,score\n");
  Write("folder/other.yaml", "note: not an assessment\n");
  const Paths before = Listing();
  const std::string local = Read("local.yaml");
  const struct {
    std::vector<std::string> args;
    std::string err;
    std::string notes = "";
  } kCases[] = {
      {{"grade", "assessment.yaml", "-o", "panel.csv"},
       "the workbook 'panel.csv' must end in .xlsx: --output writes .xlsx "
       "whatever the name says; did you mean 'panel.xlsx'?"},
      {{"grade", "assessment.yaml", "--json", "./local.yaml"},
       "the JSON './local.yaml' must end in .json: --json writes .json "
       "whatever the name says; did you mean './local.json'?"},
      {{"rollup", "folder", "-o", "x.xlsx", "--markdown", "folder/other.yaml"},
       "the Markdown 'folder/other.yaml' must end in .md: --markdown writes "
       ".md whatever the name says; did you mean 'folder/other.md'?"},
      {{"grade", "markdown-rubric.yaml", "--markdown", "local.md"},
       "the Markdown 'local.md' would replace a file this run reads; give "
       "the --markdown another name"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.err);
    const Result result = Eds(c.args);
    EXPECT_EQ(result.status, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, c.notes + "eds3: error: " + c.err + "\nRun 'eds3 " +
                              c.args[0] + " --help' for usage.\n");
    EXPECT_EQ(Listing(), before);
    EXPECT_EQ(Read("local.yaml"), local);
    EXPECT_EQ(Read("panel.csv"), "service,outcome,stakeholder,score\n");
  }
}

TEST_F(CliTest, DoubleDashEndsTheOptions) {
  Copy("complete.yaml");
  fs::rename(work_ / "complete.yaml", work_ / "-odd.yaml");
  const Result result = Eds({"validate", "--", "-odd.yaml"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, "ok: -odd.yaml\n");
}

// --- init -------------------------------------------------------------------

TEST_F(CliTest, InitThenValidateThenGradeIsIncomplete) {
  Result result = Eds({"init", "--org", "Example \"Quoted\" \\ Trust", "--year",
                       "2024/25", "-o", "new.yaml"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out,
            "Wrote new.yaml. Fill it in with the panel, then run 'eds3 "
            "validate new.yaml'.\n");
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(Listing(), Paths{"new.yaml"});
  EXPECT_NE(
      Read("new.yaml")
          .find(
              "organisation:\n  name: \"Example \\\"Quoted\\\" \\\\ Trust\"\n"),
      std::string::npos);

  result = Eds({"validate", "new.yaml"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out,
            "valid but incomplete: new.yaml: 19 outcomes not rated\n");
  EXPECT_EQ(result.err, "");

  result = Eds({"grade", "new.yaml"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err, "");
  std::string expected =
      "Example \"Quoted\" \\ Trust, 2024/25\n"
      "Rubric: eds2022 2022.1\n"
      "Total: Incomplete (19 not scored)\n"
      "  Domain 1 Commissioned or provided services: incomplete\n"
      "  Domain 2 Workforce health and well-being: incomplete\n"
      "  Domain 3 Inclusive leadership: incomplete\n"
      "Missing:\n";
  for (const char* outcome : {"1A Access", "1B Health needs met",
                              "1C Free from harm", "1D Positive experiences"}) {
    for (int service = 1; service <= 3; ++service) {
      expected += "  " + std::string(outcome) + " is not rated for service " +
                  "'Service " + std::to_string(service) + "' (service-" +
                  std::to_string(service) + ")\n";
    }
  }
  for (const char* outcome :
       {"2A Support for long-term conditions",
        "2B Free from abuse, harassment, bullying and violence",
        "2C Independent support and advice",
        "2D Staff recommend the organisation",
        "3A Leaders' commitment to equality", "3B Equality in board papers",
        "3C Levers to manage performance"}) {
    expected += "  " + std::string(outcome) + " is not rated\n";
  }
  expected +=
      "Panel agreement: not defined\n"
      "  Agreement cannot be measured: it needs two or more ratings of the "
      "same outcome.\n"
      "Wrote:\n"
      "  workbook  new.xlsx\n";
  EXPECT_EQ(result.out, expected);
  EXPECT_EQ(Listing(), (Paths{"new.xlsx", "new.yaml"}));
}

TEST_F(CliTest, InitWritesTheSameSkeletonToStandardOutput) {
  Result to_file = Eds({"init", "--org", "X", "--year", "2025/26", "--services",
                        "0", "-o", "a.yaml"});
  ASSERT_EQ(to_file.status, 0) << to_file.err;
  const Result to_stdout =
      Eds({"init", "--year", "2025/26", "--org", "X", "--services", "0"});
  EXPECT_EQ(to_stdout.status, 0);
  EXPECT_EQ(to_stdout.err, "");
  EXPECT_EQ(to_stdout.out, Read("a.yaml"));
  EXPECT_EQ(Listing(), Paths{"a.yaml"});

  // Domain 1 rated once for the organisation: no services list.
  EXPECT_EQ(to_stdout.out.find("\nservices:"), std::string::npos);
  const Result graded = Eds({"grade", "a.yaml"});
  EXPECT_EQ(graded.status, 0) << graded.err;
  EXPECT_NE(graded.out.find("Total: Incomplete (11 not scored)\n"),
            std::string::npos);
}

TEST_F(CliTest, InitKeepsAnExistingFileUnlessForced) {
  Write("taken.yaml", "precious\n");
  Result result =
      Eds({"init", "--org", "X", "--year", "2024/25", "-o", "taken.yaml"});
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(
      result.err,
      "eds3: taken.yaml: error: already exists; add --force to replace it\n");
  EXPECT_EQ(Read("taken.yaml"), "precious\n");
  EXPECT_EQ(Listing(), Paths{"taken.yaml"});

  result = Eds({"init", "--org", "X", "--year", "2024/25", "-o", "taken.yaml",
                "--force"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_NE(Read("taken.yaml").find("\neds3: 1\n"), std::string::npos);
  EXPECT_EQ(Listing(), Paths{"taken.yaml"});
}

TEST_F(CliTest, InitRefusesAMalformedYearOrServiceCount) {
  struct Case {
    std::vector<std::string> extra;
    std::string message;
  };
  const std::string year_rule =
      " is not YYYY/YY with YY the year after YYYY (for example 2024/25)";
  const std::vector<Case> cases = {
      {{"--year", "2024/26"}, "year '2024/26'" + year_rule},
      {{"--year", "2024-25"}, "year '2024-25'" + year_rule},
      {{"--year", "24/25"}, "year '24/25'" + year_rule},
      {{"--year", "2024/2025"}, "year '2024/2025'" + year_rule},
      {{"--year", ""}, "year ''" + year_rule},
      {{"--year", "2024/25", "--services", "-1"},
       "--services '-1' is not a whole number from 0 to 50"},
      {{"--year", "2024/25", "--services", "51"},
       "--services '51' is not a whole number from 0 to 50"},
      {{"--year", "2024/25", "--services", "03"},
       "--services '03' is not a whole number from 0 to 50"},
      {{"--year", "2024/25", "--services", "three"},
       "--services 'three' is not a whole number from 0 to 50"},
      {{"--year", "2024/25", "--org", ""}, "the organisation name is empty"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    std::vector<std::string> args = {"init", "-o", "new.yaml"};
    const bool has_org =
        std::find(c.extra.begin(), c.extra.end(), "--org") != c.extra.end();
    if (!has_org) args.insert(args.end(), {"--org", "X"});
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    const Result result = Eds(args);
    EXPECT_EQ(result.status, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "eds3: error: " + c.message +
                              "\nRun 'eds3 init --help' for usage.\n");
  }
  EXPECT_EQ(Listing(), Paths{});
}

TEST_F(CliTest, InitToAFolderThatDoesNotExistWritesNothing) {
  const Result result =
      Eds({"init", "--org", "X", "--year", "2024/25", "-o", "no/such/x.yaml"});
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.err,
            "eds3: no/such/x.yaml: error: cannot write: No such file or "
            "directory\n");
  EXPECT_EQ(Listing(), Paths{});
}

// Every message goes through FormatDiagnostic, so a name on the command line
// can neither break the one-line form nor hide or reorder text: a path is
// shown as DisplayPath shows it, a word in a message escaped.
TEST_F(CliTest, CommandLineProblemsEscapeHiddenCharacters) {
  Copy("complete.yaml");
  Result result = Eds({"grade", "complete.yaml", "-o", "no-dir\x01\n/x.xlsx"});
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.err,
            "eds3: no-dir\\x01\\x0A/x.xlsx: error: cannot write: No such file "
            "or directory\n");
  result = Eds({"bad\ncmd\u202e"});
  EXPECT_EQ(result.status, 2);
  EXPECT_EQ(result.err,
            "eds3: error: unknown command 'bad\\ncmd<U+202E>'\n"
            "Run 'eds3 --help' for the list of commands.\n");
  EXPECT_EQ(Listing(), Paths{"complete.yaml"});
}

// A folder is not "a file that exists": --force would not help.
TEST_F(CliTest, InitToAFolderSaysItIsAFolder) {
  fs::create_directory(work_ / "panel");
  for (const bool force : {false, true}) {
    std::vector<std::string> args = {"init",    "--org", "X",    "--year",
                                     "2024/25", "-o",    "panel"};
    if (force) args.push_back("--force");
    const Result result = Eds(args);
    EXPECT_EQ(result.status, 3);
    EXPECT_EQ(result.err, "eds3: panel: error: cannot write: it is a folder\n");
    EXPECT_EQ(Listing(), Paths{"panel"});
  }
}

// --- grade ------------------------------------------------------------------

TEST_F(CliTest, GradeWritesEveryOutputAndSummarises) {
  Copy("complete.yaml");
  const Result result =
      Eds({"grade", "complete.yaml", "-o", "report.xlsx", "--json",
           "result.json", "--markdown", "report.md"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(
      result.out,
      "Example Community Health NHS Trust (RXX), 2024/25\n"
      "Rubric: eds2022 2022.1\n"
      "Total: 22 of 33, Achieving\n"
      "  Domain 1 Commissioned or provided services: 8 of 12, Achieving\n"
      "  Domain 2 Workforce health and well-being: 8 of 12, Achieving\n"
      "  Domain 3 Inclusive leadership: 6 of 9, Achieving\n"
      "Panel agreement: 83.3% of pairs agree, Gwet's AC1 0.822, "
      "Krippendorff's alpha (ordinal) -0.458, from 36 pairable ratings\n"
      "  The panel agreed (percent agreement and Gwet's AC1 0.8 or more). "
      "Alpha cannot tell much here: most ratings are the same level, "
      "and alpha needs ratings that vary.\n"
      "Flags:\n"
      "  single-rater: 2D is scored from a single rating (by Staff network "
      "chairs): gather more views or agree a score as a panel.\n"
      "  disagreement: Ratings for 3C span 1 to 3 (Developing to Excelling): "
      "discuss and agree a score.\n"
      "Wrote:\n"
      "  workbook  report.xlsx\n"
      "  JSON      result.json\n"
      "  Markdown  report.md\n");
  EXPECT_EQ(Listing(), (Paths{"complete.yaml", "report.md", "report.xlsx",
                              "result.json"}));
  EXPECT_EQ(Read("report.xlsx").substr(0, 2), "PK");
  EXPECT_NE(Read("result.json").find("\"total\": 22,"), std::string::npos);
  EXPECT_NE(Read("report.md").find("Example Community Health NHS Trust"),
            std::string::npos);
}

// 71 of 72 ratings the same: alpha is 0, and the terminal, the workbook, the
// JSON and the Markdown all say that the panel agreed, never "disagrees".
TEST_F(CliTest, NearlyUnanimousPanelReadsAsAgreedEverywhere) {
  Copy("near-unanimous.yaml");
  const Result result =
      Eds({"grade", "near-unanimous.yaml", "-o", "report.xlsx", "--json",
           "result.json", "--markdown", "report.md"});
  ASSERT_EQ(result.status, 0) << result.err;
  const std::string agreed =
      "The panel agreed (percent agreement and Gwet's AC1 0.8 or more). "
      "Alpha cannot tell much here: most ratings are the same level, "
      "and alpha needs ratings that vary.";
  EXPECT_EQ(result.out,
            "Example Mental Health NHS Trust (RYY), 2024/25\n"
            "Rubric: eds2022 2022.1\n"
            "Total: 22 of 33, Achieving\n"
            "  Domain 1 Commissioned or provided services: 8 of 12, "
            "Achieving\n"
            "  Domain 2 Workforce health and well-being: 8 of 12, Achieving\n"
            "  Domain 3 Inclusive leadership: 6 of 9, Achieving\n"
            "Panel agreement: 97.4% of pairs agree, Gwet's AC1 0.973, "
            "Krippendorff's alpha (ordinal) 0.000, from 72 pairable "
            "ratings\n  " +
                agreed +
                "\n"
                "Wrote:\n"
                "  workbook  report.xlsx\n"
                "  JSON      result.json\n"
                "  Markdown  report.md\n");
  EXPECT_NE(Read("result.json")
                .find("  \"agreement\": {\n"
                      "    \"metric\": \"krippendorff-alpha-ordinal\",\n"
                      "    \"alpha\": 0,\n"
                      "    \"pairable\": 72,\n"
                      "    \"percent_agreement\": 0.974,\n"
                      "    \"within_one_level\": 1,\n"
                      "    \"gwet_ac1\": 0.973,\n"
                      "    \"gwet_ac2_quadratic\": 0.997,\n"
                      "    \"reading\": \"agreed\"\n"
                      "  },\n"),
            std::string::npos)
      << Read("result.json");
  const std::string md = Read("report.md");
  EXPECT_NE(md.find("| Percent agreement | 97.4% |\n"
                    "| Agreement within one level | 100.0% |\n"
                    "| Gwet's AC1 | 0.973 |\n"
                    "| Gwet's AC2 (quadratic weights) | 0.997 |\n"
                    "| Krippendorff's alpha (ordinal) | 0.000 |\n"
                    "\nFrom 72 pairable ratings. " +
                    agreed + "\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("disagrees"), std::string::npos);
  // The workbook's Summary reading is the agreed sentence; "disagrees"
  // appears only inside the Method sheet's explanation of every reading.
  const std::string strings =
      Unzipped(work_ / "report.xlsx", "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("<t>" + agreed + "</t>"), std::string::npos)
      << strings;
  EXPECT_EQ(strings.find("<t>The panel disagrees"), std::string::npos);
}

// The bundled example is a panel that mostly agreed, with one contested
// outcome: the reading says it agreed and the flags point at 2B.
TEST_F(CliTest, BundledExampleAgreesWithOneContestedOutcome) {
  const std::string examples = std::string(EDS_SOURCE_DIR) + "/examples/";
  const Result result =
      Eds({"grade", examples + "northmoor-ambulance-2024-25.yaml", "-o",
           "example.xlsx"});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(
      result.out,
      "Northmoor Ambulance Service NHS Foundation Trust (RZ9), 2024/25\n"
      "Rubric: eds2022 2022.1\n"
      "Total: 18 of 33, Developing\n"
      "  Domain 1 Commissioned or provided services: 7 of 12, Developing\n"
      "  Domain 2 Workforce health and well-being: 6 of 12, Developing\n"
      "  Domain 3 Inclusive leadership: 5 of 9, Developing\n"
      "Panel agreement: 85.1% of pairs agree, Gwet's AC1 0.825, "
      "Krippendorff's alpha (ordinal) 0.696, from 76 pairable ratings\n"
      "  The panel agreed (percent agreement and Gwet's AC1 0.8 or more). "
      "Alpha cannot tell much here: most ratings are the same level, and "
      "alpha needs ratings that vary.\n"
      "Flags:\n"
      "  disagreement: Ratings for 2B span 0 to 2 (Undeveloped to "
      "Achieving); the panel agreed 1 (Developing): record the reasons in "
      "the notes.\n"
      "Wrote:\n"
      "  workbook  example.xlsx\n");
}

// The HTML report of the bundled example, as a trust would publish it; the
// fixture's TearDown runs check_html.py on it.
TEST_F(CliTest, GradeWritesTheHtmlReport) {
  const std::string examples = std::string(EDS_SOURCE_DIR) + "/examples/";
  const Result result =
      Eds({"grade", examples + "northmoor-ambulance-2024-25.yaml", "--html",
           "report.html"});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("\nWrote:\n  HTML      report.html\n"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(Listing(), Paths{"report.html"});
  ExpectMatchesGolden("grade_example.html", Read("report.html"));

  // '--html -' writes the same bytes to standard output, the summary to
  // standard error.
  const Result piped = Eds(
      {"grade", examples + "northmoor-ambulance-2024-25.yaml", "--html", "-"});
  ASSERT_EQ(piped.status, 0) << piped.err;
  EXPECT_EQ(piped.out, Read("report.html"));
  EXPECT_NE(piped.err.find("\nWrote:\n  HTML      standard output\n"),
            std::string::npos)
      << piped.err;
}

// Hostile text in every free-text field of an assessment reaches the HTML
// report as text: no element, event attribute or link comes from the input.
TEST_F(CliTest, GradeHtmlShowsHostileTextAsText) {
  Copy("complete.yaml");
  std::string text = Read("complete.yaml");
  const std::string line =
      "  2A: {ratings: {patients-forum: 2, staff-networks: 2}}";
  text.replace(
      text.find(line), line.size(),
      "  2A:\n"
      "    ratings: {patients-forum: 2, staff-networks: 2}\n"
      "    notes: \"<script>alert(1)</script> {::nomarkdown}<b>x</b>"
      "{:/}\"\n"
      "    evidence:\n"
      "      - {title: \"<svg onload=alert(1)>\", link: "
      "\"javascript:alert(1)\"}\n"
      "      - {title: \"Minutes\", link: \"JaVaScRiPt:alert(2)\"}\n"
      "      - {title: \"Report\", link: \"https://example.org/r?a=1&b=2\"}\n"
      "    actions:\n"
      "      - {action: \"Fix \\u202E it\", owner: \"<i "
      "onclick=x>Lead</i>\"}\n");
  Write("hostile.yaml", text);
  const Result result = Eds({"grade", "hostile.yaml", "--html", "h.html"});
  ASSERT_EQ(result.status, 0) << result.err;
  const std::string html = Read("h.html");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<i "), std::string::npos);
  EXPECT_EQ(html.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_NE(html.find("&lt;svg onload=alert(1)&gt; (javascript:alert(1)); "
                      "Minutes (JaVaScRiPt:alert(2)); <a "
                      "href=\"https://example.org/r?a=1&amp;b=2\">Report</a>; "
                      "<em>Panel&#39;s notes:</em> "
                      "&lt;script&gt;alert(1)&lt;/script&gt; "
                      "{::nomarkdown}&lt;b&gt;x&lt;/b&gt;{:/}</td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td>Fix &lt;U+202E&gt; it</td><td>&lt;i "
                      "onclick=x&gt;Lead&lt;/i&gt;</td>"),
            std::string::npos)
      << html;
  // TearDown runs check_html.py on h.html as well.
}

// Means of means over panels of different sizes need more than 64 bits;
// the expected values were worked out independently with Python's fractions.
TEST_F(CliTest, GradeStaysExactBeyondSixtyFourBits) {
  const Result result =
      Eds({"grade", TestData("mean-of-means-many-raters.yaml"), "-o", "x.xlsx",
           "--json", "x.json"});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("Total: 20.1 of 33, Developing\n"),
            std::string::npos)
      << result.out;
  const std::string json = ReadText(work_ / "x.json");
  EXPECT_NE(json.find("\"total\": 20.09521427981719,"), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"score\": 6.09521427981719,"), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"rating\": \"Developing\""), std::string::npos);
}

TEST_F(CliTest, GradeWritesTheWorkbookBesideTheUserNotTheInput) {
  fs::create_directory(work_ / "panel");
  fs::copy_file(TestData("complete.yaml"), work_ / "panel" / "2024-25.yaml");
  const Result result = Eds({"grade", "panel/2024-25.yaml"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("\nWrote:\n  workbook  2024-25.xlsx\n"),
            std::string::npos);
  EXPECT_EQ(Listing(), (Paths{"2024-25.xlsx", "panel", "panel/2024-25.yaml"}));
}

// '--json -' writes the result to standard output, byte for byte what
// '--json FILE' writes, and nothing else goes there; without -o no workbook
// is written.
TEST_F(CliTest, GradeJsonToStandardOutput) {
  Copy("complete.yaml");
  const Result to_file = Eds({"grade", "complete.yaml", "--json", "x.json"});
  ASSERT_EQ(to_file.status, 0) << to_file.err;
  EXPECT_EQ(to_file.out.substr(to_file.out.find("Wrote:")),
            "Wrote:\n  JSON      x.json\n");
  const Result result = Eds({"grade", "complete.yaml", "--json", "-"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, Read("x.json"));
  EXPECT_EQ(result.err.substr(0, result.err.find('\n')),
            "Example Community Health NHS Trust (RXX), 2024/25");
  EXPECT_EQ(result.err.substr(result.err.find("Wrote:")),
            "Wrote:\n  JSON      standard output\n");
  EXPECT_EQ(Listing(), (Paths{"complete.yaml", "x.json"}));
}

TEST_F(CliTest, GradeReplacesExistingOutputs) {
  Copy("complete.yaml");
  Write("complete.xlsx", "old workbook");
  Write("result.json", "old json");
  const Result result = Eds({"grade", "complete.yaml", "-o", "complete.xlsx",
                             "--json", "result.json"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(Read("complete.xlsx").substr(0, 2), "PK");
  EXPECT_NE(Read("result.json"), "old json");
  EXPECT_EQ(Listing(),
            (Paths{"complete.xlsx", "complete.yaml", "result.json"}));
}

// What eds3 prints for tests/testdata/cli/invalid.yaml.
constexpr char kInvalidYamlProblems[] =
    "eds3: invalid.yaml:3:9: error: unknown rubric 'eds2023'; did you mean "
    "'eds2022'?\n"
    "  rubric: eds2023\n"
    "          ^\n"
    "  hint: built-in rubrics: eds2022; or give a path to a rubric file "
    "ending in .yaml\n";

TEST_F(CliTest, GradeOfAMissingPathIsExit3AndWritesNothing) {
  ExpectFails({"grade", "missing.yaml", "--json", "r.json"}, 3,
              "eds3: missing.yaml: error: cannot read: No such file or "
              "directory\n");
  EXPECT_EQ(Listing(), Paths{});
}

TEST_F(CliTest, GradeOfAFolderIsExit3) {
  fs::create_directory(work_ / "dir.yaml");
  const Result result = Eds({"grade", "dir.yaml"});
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.err, "eds3: dir.yaml: error: cannot read: it is a folder\n");
  EXPECT_EQ(Listing(), Paths{"dir.yaml"});
}

TEST_F(CliTest, GradeOfAnInvalidFileIsExit1AndTouchesNothing) {
  Copy("invalid.yaml");
  Write("invalid.xlsx", "old workbook");
  ExpectFails({"grade", "invalid.yaml", "--json", "r.json"}, 1,
              kInvalidYamlProblems);
  EXPECT_EQ(Read("invalid.xlsx"), "old workbook");
  EXPECT_EQ(Listing(), (Paths{"invalid.xlsx", "invalid.yaml"}));
}

TEST_F(CliTest, GradeToAnUnwritableFolderIsExit3AndLeavesNothing) {
  Copy("complete.yaml");
  Write("result.json", "old json");
  Write("plain-file", "not a folder");
  struct Case {
    std::vector<std::string> outputs;
    std::string err;
  };
  // Whichever output cannot be written, the others that could be are not
  // written either, existing ones keep their content and no temporary file
  // is left behind.
  const std::vector<Case> cases = {
      {{"-o", "no-such-folder/report.xlsx", "--json", "result.json"},
       "eds3: no-such-folder/report.xlsx: error: cannot write: No such file "
       "or directory\n"},
      {{"-o", "plain-file/report.xlsx", "--json", "result.json"},
       "eds3: plain-file/report.xlsx: error: cannot write: Not a directory\n"},
      {{"-o", ".", "--json", "result.json"},
       "eds3: .: error: cannot write: it is a folder\n"},
      {{"-o", "report.xlsx", "--json", "result.json", "--markdown",
        "no-such-folder/report.md"},
       "eds3: no-such-folder/report.md: error: cannot write: No such file or "
       "directory\n"},
      {{"--json", "result.json", "--markdown", "report.md", "-o",
        "plain-file/x.xlsx"},
       "eds3: plain-file/x.xlsx: error: cannot write: Not a directory\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.err);
    std::vector<std::string> args = {"grade", "complete.yaml"};
    args.insert(args.end(), c.outputs.begin(), c.outputs.end());
    ExpectFails(args, 3, c.err);
    EXPECT_EQ(Read("result.json"), "old json");
    EXPECT_EQ(Listing(), (Paths{"complete.yaml", "plain-file", "result.json"}));
  }
}

// 3 wins over 1 (SPEC §2): the outputs are staged before the input is read,
// as compare and rollup stage theirs, so that an invalid input with an
// output that cannot be written is exit 3, with both problems listed.
TEST_F(CliTest, GradeAnInvalidFileToAnUnwritableFolderIsExit3) {
  Copy("invalid.yaml");
  Write("result.json", "old json");
  ExpectFails({"grade", "invalid.yaml", "-o", "no-such-folder/report.xlsx",
               "--json", "result.json"},
              3,
              std::string("eds3: no-such-folder/report.xlsx: error: cannot "
                          "write: No such file or directory\n") +
                  kInvalidYamlProblems);
  EXPECT_EQ(Read("result.json"), "old json");
  EXPECT_EQ(Listing(), (Paths{"invalid.yaml", "result.json"}));

  // Refused as incomplete (an invalid input too) and unwritable: 3.
  ASSERT_EQ(Eds({"init", "--org", "Example Trust", "--year", "2024/25", "-o",
                 "partial.yaml"})
                .status,
            0);
  const Result refused = Eds({"grade", "partial.yaml", "--require-complete",
                              "--json", "no-such-folder/r.json"});
  EXPECT_EQ(refused.status, 3);
  EXPECT_EQ(refused.err.rfind("eds3: no-such-folder/r.json: error: cannot "
                              "write: No such file or directory\n",
                              0),
            0u)
      << refused.err;
}

// --- validate ---------------------------------------------------------------

TEST_F(CliTest, ValidateReportsEveryFileAndSkipsOtherYaml) {
  fs::create_directories(work_ / "all" / "sub");
  fs::copy_file(TestData("complete.yaml"), work_ / "all" / "b.yaml");
  fs::copy_file(TestData("invalid.yaml"), work_ / "all" / "sub" / "a.YML");
  fs::copy_file(TestData("not-eds3.yaml"), work_ / "all" / "ci.yml");
  fs::copy_file(std::string(EDS_SOURCE_DIR) + "/rubrics/eds2022.yaml",
                work_ / "all" / "rubric.yaml");
  fs::create_directory_symlink("..", work_ / "all" / "sub" / "loop");
  const Result result = Eds({"validate", "all"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.out, "ok: all/b.yaml\nok: all/rubric.yaml\n");
  EXPECT_EQ(result.err,
            "eds3: all/ci.yml: note: skipped: not an assessment (no 'eds3' key "
            "at the top) or a rubric (no 'levels' and 'domains')\n"
            "eds3: all/sub/a.YML:3:9: error: unknown rubric 'eds2023'; did you "
            "mean 'eds2022'?\n"
            "  rubric: eds2023\n"
            "          ^\n"
            "  hint: built-in rubrics: eds2022; or give a path to a rubric "
            "file ending in .yaml\n"
            "eds3: 1 of 3 files is not valid\n");
}

TEST_F(CliTest, ValidateRefusesANamedFileThatIsNotAnEdsFile) {
  Copy("not-eds3.yaml");
  const Result result = Eds({"validate", "not-eds3.yaml"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "eds3: not-eds3.yaml: error: neither an assessment nor a rubric\n"
            "  hint: an assessment starts with 'eds3: 1'; a rubric has "
            "'levels' and 'domains' at the top\n"
            "eds3: 1 of 1 file is not valid\n");
}

// The closing count reads right for one file and for several.
TEST_F(CliTest, ValidateCountsInvalidFilesInGoodEnglish) {
  Copy("not-eds3.yaml");
  Copy("invalid.yaml");
  Copy("complete.yaml");
  const struct {
    std::vector<std::string> args;
    std::string last_line;
  } kCases[] = {
      {{"validate", "not-eds3.yaml"}, "eds3: 1 of 1 file is not valid\n"},
      {{"validate", "not-eds3.yaml", "complete.yaml"},
       "eds3: 1 of 2 files is not valid\n"},
      {{"validate", "not-eds3.yaml", "invalid.yaml"},
       "eds3: 2 of 2 files are not valid\n"},
      {{"validate", "not-eds3.yaml", "invalid.yaml", "complete.yaml"},
       "eds3: 2 of 3 files are not valid\n"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.last_line);
    const Result result = Eds(c.args);
    EXPECT_EQ(result.status, 1);
    ASSERT_GE(result.err.size(), c.last_line.size());
    EXPECT_EQ(result.err.substr(result.err.size() - c.last_line.size()),
              c.last_line);
  }
}

TEST_F(CliTest, ValidateUnreadablePathWinsOverInvalidFile) {
  Copy("invalid.yaml");
  Copy("complete.yaml");
  const Result result =
      Eds({"validate", "invalid.yaml", "missing.yaml", "complete.yaml"});
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.out, "ok: complete.yaml\n");
  EXPECT_EQ(result.err.substr(0, result.err.find('\n') + 1),
            "eds3: missing.yaml: error: cannot read: No such file or "
            "directory\n");
  EXPECT_NE(result.err.find("eds3: invalid.yaml:3:9: error: unknown rubric "),
            std::string::npos);
  EXPECT_EQ(Listing(), (Paths{"complete.yaml", "invalid.yaml"}));
}

TEST_F(CliTest, ValidateOfAFolderWithoutYamlIsAnError) {
  fs::create_directory(work_ / "empty");
  const Result result = Eds({"validate", "empty"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err,
            "eds3: empty: error: no .yaml or .yml file in this folder or "
            "below\n");
}

TEST_F(CliTest, ValidateOfAFolderWithOnlyOtherYamlIsAnError) {
  fs::create_directory(work_ / "other");
  fs::copy_file(TestData("not-eds3.yaml"), work_ / "other" / "ci.yaml");
  const Result result = Eds({"validate", "other"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err,
            "eds3: other/ci.yaml: note: skipped: not an assessment (no 'eds3' "
            "key at the top) or a rubric (no 'levels' and 'domains')\n"
            "eds3: error: no assessment or rubric file found\n");
}

// --- rubric -----------------------------------------------------------------

TEST_F(CliTest, RubricListShowsEachBuiltIn) {
  const Result result = Eds({"rubric", "list"});
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(result.out, "eds2022  2022.1  NHS Equality Delivery System 2022\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(CliTest, RubricShowGivesLevelsBandsAndOutcomes) {
  const Result result = Eds({"rubric", "show", "eds2022"});
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(result.err, "");
  const std::string head =
      "eds2022 2022.1: NHS Equality Delivery System 2022\n"
      "Source: built-in\n"
      "\n"
      "Levels:\n"
      "  0  Undeveloped (also Underdeveloped)\n"
      "  1  Developing\n"
      "  2  Achieving\n"
      "  3  Excelling (also Excellent)\n"
      "\n"
      "Organisation rating, from the total of 33:\n"
      "  Undeveloped  0 to under 8\n"
      "  Developing   8 to under 22\n"
      "  Achieving    22 to under 33\n"
      "  Excelling    33\n"
      "\n"
      "Default policy: raters median, services median, rounding half\n";
  EXPECT_EQ(result.out.substr(0, head.size()), head);
  EXPECT_NE(result.out.find(
                "\nDomain 1: Commissioned or provided services (out of 12; "
                "rated per service)\n"
                "  1A  Access\n"
                "      Patients (service users) have required levels of access "
                "to the service\n"),
            std::string::npos);
  EXPECT_NE(result.out.find("\nDomain 3: Inclusive leadership (out of 9)\n"),
            std::string::npos);
  EXPECT_NE(result.out.find("\n  3C  Levers to manage performance\n"),
            std::string::npos);
}

TEST_F(CliTest, RubricShowReadsARubricFile) {
  fs::copy_file(std::string(EDS_SOURCE_DIR) + "/rubrics/eds2022.yaml",
                work_ / "local.yaml");
  const Result result = Eds({"rubric", "show", "local.yaml"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find("\n\n")),
            "eds2022 2022.1: NHS Equality Delivery System 2022\n"
            "Source: local.yaml");
}

TEST_F(CliTest, RubricShowOfAnUnknownIdOrMissingFile) {
  Result result = Eds({"rubric", "show", "eds2O22"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "eds3: error: unknown rubric 'eds2O22'; did you mean 'eds2022'?\n"
            "  hint: built-in rubrics: eds2022; or give a path to a rubric "
            "file ending in .yaml\n");

  result = Eds({"rubric", "show", "missing.yaml"});
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.err,
            "eds3: missing.yaml: error: cannot read: No such file or "
            "directory\n");

  Write("broken.yaml", "rubric: 1\nid: x\n");
  result = Eds({"rubric", "show", "broken.yaml"});
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find("eds3: broken.yaml:1:1: error: "),
            std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace eds
