// Every input that ever crashed, hung or tripped a sanitizer in a loader is
// kept and replayed here, so the normal test suite (and its ASan+UBSan run)
// guards the fix:
//   - testdata/fuzz_regressions/KIND/* are inputs found by the libFuzzer
//     targets (KIND: assessment, csv, rubric), replayed through the very
//     harness the fuzzer ran (tests/fuzz/fuzz_support.h): each must end in a
//     result or in errors, never both, never neither, never a crash;
//   - the hostile-scale cases below were found by reading the code and
//     timing big inputs (too big to commit, so made at test time): the built
//     eds3 must report them well within a time limit.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"

namespace eds {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The kept inputs of one kind, sorted (none yet is no error).
std::vector<fs::path> KeptInputs(const std::string& kind) {
  std::vector<fs::path> paths;
  const fs::path dir = fs::path(EDS_TESTDATA_DIR) / "fuzz_regressions" / kind;
  if (!fs::is_directory(dir)) return paths;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

TEST(FuzzRegressionsTest, KeptAssessmentInputsLoadOrFailCleanly) {
  for (const fs::path& path : KeptInputs("assessment")) {
    EXPECT_TRUE(fuzz::RunAssessment(ReadAll(path))) << path;
  }
}

TEST(FuzzRegressionsTest, KeptCsvInputsLoadOrFailCleanly) {
  for (const fs::path& path : KeptInputs("csv")) {
    EXPECT_TRUE(fuzz::RunCsv(ReadAll(path))) << path;
  }
}

TEST(FuzzRegressionsTest, KeptRubricInputsLoadOrFailCleanly) {
  for (const fs::path& path : KeptInputs("rubric")) {
    EXPECT_TRUE(fuzz::RunRubric(ReadAll(path))) << path;
  }
}

// The harness itself: a plain file is one part, and "#@csv" / "#@rubric"
// lines start the other files' text.
TEST(FuzzRegressionsTest, SplitInputSeparatesTheFiles) {
  const fuzz::FuzzFiles files =
      fuzz::SplitInput("a: 1\n#@csv\nx,y\n#@rubric\nid: r\n");
  EXPECT_EQ(files.main, "a: 1\n");
  EXPECT_EQ(files.csv, "x,y\n");
  EXPECT_EQ(files.rubric, "id: r\n");
  EXPECT_TRUE(files.has_csv);
  EXPECT_TRUE(files.has_rubric);
  EXPECT_FALSE(fuzz::SplitInput("a: 1").has_csv);
}

constexpr char kHeader[] =
    "eds3: 1\nrubric: eds2022\norganisation: {name: Hostile Trust}\n"
    "year: 2024/25\n";

std::string Stakeholders(int count) {
  std::string text = "stakeholders:\n";
  for (int i = 0; i < count; ++i) {
    text += fmt::format(
        "  - {{id: stakeholder-number-{}, name: N, group: staff}}\n", i);
  }
  return text;
}

struct HostileCase {
  const char* name;
  std::string (*make_yaml)();
  std::string (*make_csv)();  // written as panel.csv when not null
  const char* first_error;    // the whole first error line after "eds3: "
};

void PrintTo(const HostileCase& c, std::ostream* os) { *os << c.name; }

// Each took from tens of seconds to hours before its fix; each now takes
// well under a second in a release build.
const HostileCase kHostileCases[] = {
    // 200,000 ratings by undeclared stakeholders against 200 declared ones:
    // a did-you-mean search per rating (over two minutes), now bounded and
    // skipped past the error cap.
    {"ManyUnknownStakeholders",
     [] {
       std::string text =
           kHeader + Stakeholders(200) + "outcomes:\n  2A:\n    ratings:\n";
       for (int i = 0; i < 200000; ++i)
         text += fmt::format("      unknown-{}: 2\n", i);
       return text;
     },
     nullptr, "in.yaml:209:7: error: unknown stakeholder 'unknown-0'"},
    // The same from a CSV sheet of 99,999 rows: each row also re-scanned the
    // file for its line.
    {"ManyUnknownStakeholdersInCsv",
     [] { return kHeader + Stakeholders(200) + "ratings_csv: panel.csv\n"; },
     [] {
       std::string text = "service,outcome,stakeholder,score\n";
       for (int i = 0; i < 99999; ++i)
         text += fmt::format(",2A,someone-{},2\n", i);
       return text;
     },
     "panel.csv:2:5: error: unknown stakeholder 'someone-0'"},
    // A 60 KB unknown id compared letter by letter with every declared id.
    {"HugeUnknownIds",
     [] { return kHeader + Stakeholders(200) + "ratings_csv: panel.csv\n"; },
     [] {
       std::string text = "service,outcome,stakeholder,score\n";
       for (int i = 0; i < 150; ++i)
         text += ",2A," + std::string(60000, 'x') + ",2\n";
       return text;
     },
     nullptr},
    // 900,000 values on one line: each value's column was counted from
    // the start of the line (minutes).
    {"OneLongLine",
     [] {
       std::string text = kHeader;
       text += "partners: [a";
       for (int i = 1; i < 900000; ++i) text += ",a";
       return text + "]\n";
     },
     nullptr,
     "in.yaml:5:11: error: 'partners' has 900000 items; the limit is 1000"},
};

class HostileScaleTest : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostileScaleTest, ValidateAnswersQuickly) {
  const HostileCase& c = GetParam();
  std::string pattern =
      (fs::temp_directory_path() / "eds3-hostile-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  const fs::path root = pattern;
  std::ofstream(root / "in.yaml", std::ios::binary) << c.make_yaml();
  if (c.make_csv != nullptr) {
    std::ofstream(root / "panel.csv", std::ios::binary) << c.make_csv();
  }
  // Generous for a sanitizer build on a busy machine; the unfixed code took
  // far longer than this even in a release build.
  const std::string command =
      "cd '" + root.string() +
      "' && timeout 60 '" EDS_BINARY
      "' validate in.yaml >/dev/null 2>stderr </dev/null";
  const int raw = std::system(command.c_str());
  const int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  const std::string err = ReadAll(root / "stderr");
  std::error_code ignored;
  fs::remove_all(root, ignored);
  ASSERT_EQ(status, 1) << "124 means it timed out\n" << err.substr(0, 2000);
  const std::string first = err.substr(0, err.find('\n'));
  if (c.first_error != nullptr) {
    EXPECT_EQ(first, std::string("eds3: ") + c.first_error);
  } else {
    EXPECT_NE(first.find(": error: "), std::string::npos) << first;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Found, HostileScaleTest, ::testing::ValuesIn(kHostileCases),
    [](const ::testing::TestParamInfo<HostileCase>& param) {
      return std::string(param.param.name);
    });

}  // namespace
}  // namespace eds
