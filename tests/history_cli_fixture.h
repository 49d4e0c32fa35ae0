#ifndef EDS_TESTS_HISTORY_CLI_FIXTURE_H_
#define EDS_TESTS_HISTORY_CLI_FIXTURE_H_

// The end-to-end fixture of `eds3 compare` and `eds3 rollup`: the CLI
// fixture with tests/testdata/history copied into the working folder (so
// that sources print as the relative paths a user would give), and a way to
// read back every sheet of a workbook through LibreOffice.

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace eds::testing {

class HistoryCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    fs::copy(std::string(EDS_TESTDATA_DIR) + "/history", work_,
             fs::copy_options::recursive);
    inputs_ = Listing();
  }

  // True when the run left the working folder as the inputs were: no
  // output, no temporary file.
  bool NothingWritten() const { return Listing() == inputs_; }

  // Puts old.xlsx in the working folder, as an earlier run would have left
  // it, and takes the folder as it now is for NothingWritten().
  void KeepOldWorkbook() {
    Write("old.xlsx", kOldWorkbook);
    inputs_ = Listing();
  }

  // A run that must fail: its arguments, exit status and whole stderr.
  struct BadRun {
    std::vector<std::string> args;
    int status;
    std::string err;
  };

  // Checks that `run` fails as it says and writes nothing: the folder as it
  // was, old.xlsx untouched.
  void ExpectFailsAndWritesNothing(const BadRun& run) const {
    SCOPED_TRACE(run.err);
    ExpectFails(run.args, run.status, run.err);
    EXPECT_TRUE(NothingWritten());
    EXPECT_EQ(Read("old.xlsx"), kOldWorkbook);
  }

  static constexpr char kOldWorkbook[] = "the previous workbook";

  // Every sheet of the workbook `name` (in the working folder) as CSV text,
  // by sheet name, as LibreOffice reads the file. Empty when LibreOffice is
  // not installed.
  std::map<std::string, std::string> SheetsAsCsv(
      const std::string& name) const {
    std::map<std::string, std::string> sheets;
    if (!HaveLibreOffice()) return sheets;
    const fs::path out = root_ / "csv";
    fs::create_directories(out);
    // Filter options: comma, double quote, UTF-8, from line 1, ..., and -1:
    // every sheet to its own file, named <stem>-<sheet>.csv.
    const std::string command =
        "cd " + ShellQuote(work_.string()) + " && timeout 300 soffice " +
        ShellQuote("-env:UserInstallation=file://" + (root_ / "lo").string()) +
        " --headless --convert-to " +
        ShellQuote(
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,"
            "false,false,false,-1") +
        " --outdir " + ShellQuote(out.string()) + " " + ShellQuote(name) +
        " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) return sheets;
    const std::string stem = fs::path(name).stem().string() + "-";
    for (const auto& entry : fs::directory_iterator(out)) {
      const std::string file = entry.path().stem().string();
      if (file.rfind(stem, 0) == 0) {
        sheets[file.substr(stem.size())] = ReadText(entry.path());
      }
    }
    return sheets;
  }

  static bool HaveLibreOffice() {
    return std::system("command -v soffice >/dev/null 2>&1") == 0;
  }

  std::vector<std::string> inputs_;
};

}  // namespace eds::testing

#endif  // EDS_TESTS_HISTORY_CLI_FIXTURE_H_
