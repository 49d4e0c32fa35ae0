#include "eds/input_kind.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace eds {
namespace {

TEST(ClassifyInputTest, TellsKindsFromTopLevelKeys) {
  struct Case {
    std::string text;
    InputKind kind;
  };
  const std::vector<Case> cases = {
      {"eds3: 1\n", InputKind::kAssessment},
      {"eds3:\n", InputKind::kAssessment},
      // An assessment missing everything else is still an assessment, so
      // that its problems are reported rather than the file skipped.
      {"eds3: 2\nlevels: []\ndomains: []\n", InputKind::kAssessment},
      {"levels: []\ndomains: []\n", InputKind::kRubric},
      {"rubric: 1\nid: x\nlevels:\ndomains:\n", InputKind::kRubric},
      {"levels: []\n", InputKind::kOther},
      {"rubric: eds2022\norganisation: {name: X}\n", InputKind::kOther},
      {"name: ci\non: push\n", InputKind::kOther},
      {"{}\n", InputKind::kOther},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Diagnostics diag;
    const std::optional<InputKind> kind = ClassifyInput(c.text, "f.yaml", diag);
    ASSERT_TRUE(kind.has_value());
    EXPECT_EQ(*kind, c.kind);
    EXPECT_TRUE(diag.items().empty());
  }
}

TEST(ClassifyInputTest, RefusesWhatIsNotAYamlMapping) {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"", "f.yaml: error: the file is empty; expected a YAML mapping\n"},
      {"# only a comment\n",
       "f.yaml: error: the file is empty; expected a YAML mapping\n"},
      {"- eds3\n- 1\n",
       "f.yaml:1:1: error: expected a YAML mapping of keys at the top of the "
       "file\n  - eds3\n  ^\n"},
      {"just text\n",
       "f.yaml:1:1: error: expected a YAML mapping of keys at the top of the "
       "file\n  just text\n  ^\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Diagnostics diag;
    EXPECT_FALSE(ClassifyInput(c.text, "f.yaml", diag).has_value());
    ASSERT_EQ(diag.items().size(), 1u);
    EXPECT_EQ(FormatDiagnostic(diag.items()[0]), c.message);
  }
}

TEST(ClassifyInputTest, ReportsStrictYamlProblems) {
  Diagnostics diag;
  EXPECT_FALSE(ClassifyInput("eds3: 1\neds3: 1\n", "f.yaml", diag).has_value());
  EXPECT_TRUE(diag.HasErrors());
}

// The one-parse path must say exactly what ClassifyInput then ParseAssessment
// say, file by file.
TEST(ClassifyAndParseAssessmentTest, AgreesWithClassifyThenParse) {
  const std::vector<std::string> texts = {
      "",
      "- eds3\n",
      "eds3: 1\neds3: 1\n",
      "levels: []\ndomains: []\n",
      "name: ci\n",
      "eds3: 1\n",
      "eds3: 1\nrubric: eds2022\norganisation: {name: X}\nyear: 2024/25\n",
      "eds3: 1\nrubric: eds2022\norganisation: {name: X}\nyear: 2024/25\n"
      "outcomes:\n  2A: {agreed: Good}\n",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    MemoryFileSystem fs;
    Diagnostics expected;
    const std::optional<InputKind> expected_kind =
        ClassifyInput(text, "f.yaml", expected);
    std::optional<LoadedAssessment> expected_loaded;
    if (expected_kind == InputKind::kAssessment) {
      expected_loaded = ParseAssessment(text, "f.yaml", fs, expected);
    }

    Diagnostics diag;
    std::optional<LoadedAssessment> loaded;
    const std::optional<InputKind> kind =
        ClassifyAndParseAssessment(text, "f.yaml", fs, diag, &loaded);
    EXPECT_EQ(kind, expected_kind);
    EXPECT_EQ(loaded.has_value(), expected_loaded.has_value());
    if (loaded && expected_loaded) {
      EXPECT_EQ(loaded->assessment.organisation.name,
                expected_loaded->assessment.organisation.name);
      EXPECT_EQ(loaded->assessment.year, expected_loaded->assessment.year);
    }
    ASSERT_EQ(diag.items().size(), expected.items().size());
    for (std::size_t i = 0; i < diag.items().size(); ++i) {
      EXPECT_EQ(FormatDiagnostic(diag.items()[i]),
                FormatDiagnostic(expected.items()[i]));
    }
  }
}

}  // namespace
}  // namespace eds
