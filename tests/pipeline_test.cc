#include "eds/pipeline.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "eds/builtin_rubrics.h"
#include "eds/file_system.h"

namespace eds {
namespace {

std::string Formatted(const Diagnostics& diag) {
  std::string out;
  for (const Diagnostic& d : diag.items()) out += FormatDiagnostic(d);
  return out;
}

// A valid assessment of `code` for `year`, with no outcome rated.
std::string Assessment(const std::string& code, const std::string& year) {
  return "eds3: 1\n"
         "rubric: eds2022\n"
         "organisation:\n"
         "  name: Trust " +
         code +
         "\n"
         "  code: " +
         code +
         "\n"
         "year: " +
         year + "\n";
}

std::string BuiltinRubricText() {
  for (const BuiltinRubric& rubric : BuiltinRubrics()) {
    if (rubric.name == "eds2022") return std::string(rubric.text);
  }
  ADD_FAILURE() << "no built-in eds2022";
  return "";
}

InputFile Found(const std::string& path) { return {path, false, "", ""}; }
InputFile Named(const std::string& path) { return {path, true, "", ""}; }

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs_.Add("a.yaml", Assessment("RAA", "2024/25"));
    fs_.Add("b.yaml", Assessment("RBB", "2023/24"));
    fs_.Add("rubric.yaml", BuiltinRubricText());
    fs_.Add("other.yaml", "colour: blue\n");
    fs_.Add("broken.yaml",
            "eds3: 1\norganisation:\n  name: Broken Trust\n  code: RXX\n"
            "year: 2024/25\nrubric: no-such-rubric\n");
    fs_.Add("list.yaml", "- not a mapping\n");
  }

  std::vector<FileOutcome> Run(const std::vector<InputFile>& files,
                               PipelineOptions options) {
    SharedRubrics rubrics;
    return RunPipeline(files, options, fs_, rubrics);
  }

  MemoryFileSystem fs_;
};

TEST_F(PipelineTest, JudgesEachFileInTheOrderGiven) {
  InputFile walled = Found("walled.yaml");
  walled.problem = "cannot list this folder";
  const std::vector<InputFile> files = {Found("a.yaml"),
                                        Found("rubric.yaml"),
                                        Found("other.yaml"),
                                        Named("other.yaml"),
                                        Found("broken.yaml"),
                                        Found("missing.yaml"),
                                        walled,
                                        Found("list.yaml"),
                                        Found("b.yaml")};
  PipelineOptions options;
  options.mode = PipelineMode::kFoundAssessments;
  const std::vector<FileOutcome> outcomes = Run(files, options);
  ASSERT_EQ(outcomes.size(), files.size());
  const std::vector<FileVerdict> expected = {
      FileVerdict::kAssessment, FileVerdict::kSkipped,
      FileVerdict::kSkipped,    FileVerdict::kInvalid,
      FileVerdict::kInvalid,    FileVerdict::kUnreadable,
      FileVerdict::kUnreadable, FileVerdict::kInvalid,
      FileVerdict::kAssessment};
  for (std::size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(outcomes[i].verdict, expected[i]) << files[i].path;
  }
  ASSERT_TRUE(outcomes[0].year);
  EXPECT_EQ(outcomes[0].year->identity, "RAA");
  EXPECT_EQ(outcomes[0].kind, InputKind::kAssessment);
  EXPECT_NE(outcomes[0].incomplete, "");  // nothing is rated
  ASSERT_TRUE(outcomes[8].year);
  EXPECT_EQ(outcomes[8].year->year, "2023/24");
  // A rubric is not an assessment to a rollup: skipped when found.
  EXPECT_EQ(outcomes[1].kind, InputKind::kRubric);
  EXPECT_EQ(Formatted(outcomes[1].notes),
            "rubric.yaml: note: skipped: not an assessment (no 'eds3' key at "
            "the top)\n");
  EXPECT_EQ(outcomes[2].problems.items().size(), 0u);
  EXPECT_EQ(Formatted(outcomes[3].problems),
            "other.yaml: error: not an assessment: there is no 'eds3' key at "
            "the top\n  hint: an assessment starts with 'eds3: 1'\n");
  // An invalid assessment still says who it is about.
  EXPECT_EQ(outcomes[4].claimed.code, "RXX");
  EXPECT_EQ(outcomes[4].claimed.year, "2024/25");
  EXPECT_TRUE(outcomes[4].problems.HasErrors());
  EXPECT_FALSE(outcomes[4].year);
  EXPECT_TRUE(outcomes[5].problems.HasErrors());
  EXPECT_EQ(Formatted(outcomes[6].problems),
            "walled.yaml: error: cannot list this folder\n");
  EXPECT_FALSE(outcomes[7].kind);  // not a mapping: no kind at all
}

TEST_F(PipelineTest, ValidateChecksRubricsAndSaysWhatIsNeither) {
  PipelineOptions options;
  options.mode = PipelineMode::kAssessmentsAndRubrics;
  const std::vector<FileOutcome> outcomes =
      Run({Named("rubric.yaml"), Found("other.yaml"), Named("other.yaml")},
          options);
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(outcomes[0].verdict, FileVerdict::kRubric);
  EXPECT_EQ(outcomes[0].incomplete, "");
  EXPECT_EQ(outcomes[1].verdict, FileVerdict::kSkipped);
  EXPECT_EQ(Formatted(outcomes[1].notes),
            "other.yaml: note: skipped: not an assessment (no 'eds3' key at "
            "the top) or a rubric (no 'levels' and 'domains')\n");
  EXPECT_EQ(outcomes[2].verdict, FileVerdict::kInvalid);
  EXPECT_NE(Formatted(outcomes[2].problems)
                .find("error: neither an assessment nor a rubric"),
            std::string::npos);
}

TEST_F(PipelineTest, CompareTakesEveryFileAsAnAssessment) {
  PipelineOptions options;
  options.mode = PipelineMode::kAssessments;
  const std::vector<FileOutcome> outcomes = Run(
      {Named("a.yaml"), Named("rubric.yaml"), Named("missing.yaml")}, options);
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(outcomes[0].verdict, FileVerdict::kAssessment);
  // A rubric named is an assessment with errors, not a file skipped.
  EXPECT_EQ(outcomes[1].verdict, FileVerdict::kInvalid);
  EXPECT_TRUE(outcomes[1].problems.HasErrors());
  EXPECT_EQ(outcomes[2].verdict, FileVerdict::kUnreadable);
}

TEST_F(PipelineTest, RequireCompleteMakesAnUnratedAssessmentInvalid) {
  PipelineOptions options;
  options.mode = PipelineMode::kAssessmentsAndRubrics;
  options.require_complete = true;
  const std::vector<FileOutcome> outcomes = Run({Named("a.yaml")}, options);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].verdict, FileVerdict::kInvalid);
  EXPECT_TRUE(outcomes[0].problems.HasErrors());
  EXPECT_FALSE(outcomes[0].year);
}

TEST_F(PipelineTest, KeepsAtMostTheErrorsAskedForOfAFile) {
  std::string text = Assessment("RCC", "2024/25");
  for (int i = 0; i < 30; ++i) text += "unknown" + std::to_string(i) + ": 1\n";
  fs_.Add("noisy.yaml", text);
  PipelineOptions options;
  options.max_errors_per_file = 5;
  const std::vector<FileOutcome> outcomes = Run({Found("noisy.yaml")}, options);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].verdict, FileVerdict::kInvalid);
  EXPECT_EQ(outcomes[0].problems.items().size(), 5u);
  EXPECT_EQ(outcomes[0].problems.error_count(), 30u);
}

TEST_F(PipelineTest, SharesOneCopyOfABuiltInRubric) {
  const std::vector<FileOutcome> outcomes =
      Run({Found("a.yaml"), Found("b.yaml")}, PipelineOptions());
  ASSERT_TRUE(outcomes[0].year && outcomes[1].year);
  EXPECT_EQ(outcomes[0].year->rubric.get(), outcomes[1].year->rubric.get());
}

TEST_F(PipelineTest, TheOutcomeDoesNotDependOnTheThreads) {
  std::vector<InputFile> files;
  for (int i = 0; i < 150; ++i) {
    const std::string path = "f" + std::to_string(i) + ".yaml";
    const std::string code = "R" + std::to_string(100 + i);
    // Every third file invalid, every fifth not an assessment.
    fs_.Add(path, i % 5 == 0   ? "colour: blue\n"
                  : i % 3 == 0 ? Assessment(code, "2024/25") + "bad: 1\n"
                               : Assessment(code, "2024/25"));
    files.push_back(Found(path));
  }
  const auto summary = [&](std::size_t threads) {
    PipelineOptions options;
    options.threads = threads;
    std::string text;
    std::size_t expected = 0;
    SharedRubrics rubrics;
    RunPipeline(
        files, options, fs_, rubrics, [&](std::size_t i, FileOutcome& outcome) {
          EXPECT_EQ(i, expected++);
          text += std::to_string(static_cast<int>(outcome.verdict)) +
                  (outcome.year ? outcome.year->identity : "-") +
                  Formatted(outcome.problems) + Formatted(outcome.notes);
        });
    EXPECT_EQ(expected, files.size());
    return text;
  };
  const std::string one = summary(1);
  EXPECT_EQ(summary(4), one);
  EXPECT_EQ(summary(0), one);
}

}  // namespace
}  // namespace eds
