// End-to-end: every input limit (eds/limits.h, and kMaxYamlNodes) is a named
// constant with a clear message. For each, the built eds3 validates an input
// exactly at the limit (accepted, or at least not refused for that limit)
// and one just over it (exit 1, the whole first error line asserted). The
// big inputs are made at test time in a temporary folder, never committed.

#include "eds/limits.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "yaml_tree.h"

namespace eds {
namespace {

namespace fs = std::filesystem;

// A run over the limit must stay fast; this only stops a hang.
constexpr int kTimeoutSeconds = 120;

// Input files by name; "in.yaml" is the one validated.
using Files = std::map<std::string, std::string>;

constexpr char kHeader[] =
    "eds3: 1\n"
    "rubric: eds2022\n"
    "organisation: {name: Limit Trust}\n"
    "year: 2024/25\n";

// `count` stakeholders s0, s1, ... as a block list.
std::string Stakeholders(std::size_t count) {
  std::string text = "stakeholders:\n";
  for (std::size_t i = 0; i < count; ++i) {
    text += fmt::format("  - {{id: s{}, name: Stakeholder {}, group: staff}}\n",
                        i, i);
  }
  return text;
}

// One outcome (2A) whose `key` list holds `count` copies of `item`.
std::string OutcomeList(const std::string& key, const std::string& item,
                        std::size_t count) {
  std::string text = fmt::format("outcomes:\n  2A:\n    {}:\n", key);
  for (std::size_t i = 0; i < count; ++i) text += "      - " + item + "\n";
  return text;
}

// A top-level list `key` of `count` copies of `item`.
std::string TopList(const std::string& key, const std::string& item,
                    std::size_t count) {
  std::string text = key + ":\n";
  for (std::size_t i = 0; i < count; ++i) text += "  - " + item + "\n";
  return text;
}

// `ratings_csv:` naming `count` files, p0.csv, p1.csv, ...
std::string CsvList(std::size_t count) {
  std::string text = "ratings_csv:\n";
  for (std::size_t i = 0; i < count; ++i)
    text += fmt::format("  - p{}.csv\n", i);
  return text;
}

// A valid assessment padded with a comment to exactly `bytes` bytes.
std::string AssessmentOfSize(std::size_t bytes) {
  std::string text = kHeader;
  text += "# ";
  text.append(bytes - text.size() - 1, 'x');
  text += "\n";
  return text;
}

// `count` services with ids v0, v1, ...
std::string Services(std::size_t count) {
  std::string text = "services:\n";
  for (std::size_t i = 0; i < count; ++i) {
    text += fmt::format("  - {{id: v{}, name: Service {}}}\n", i, i);
  }
  return text;
}

// A rubric file with `outcomes` outcomes O0, O1, ... in one domain (rated
// per service when asked), levels 0 and 1.
std::string RubricWithOutcomes(std::size_t outcomes, bool per_service = false) {
  std::string text =
      "rubric: 1\nid: big\nversion: \"1\"\ntitle: Big\n"
      "levels:\n"
      "  - {id: none, name: None, points: 0, colour: \"#FFFFFF\"}\n"
      "  - {id: some, name: Some, points: 1, colour: \"#FFFFFF\"}\n"
      "bands:\n  - {name: All, from: 0, colour: \"#FFFFFF\"}\n"
      "stakeholder_groups: [staff]\nreviewer_roles: [peer-reviewer]\n"
      "domains:\n  - id: \"1\"\n    name: Everything\n";
  if (per_service) text += "    per_service: true\n";
  text += "    outcomes:\n";
  for (std::size_t i = 0; i < outcomes; ++i) {
    text += fmt::format(
        "      - {{id: O{}, name: Outcome {}, title: Outcome {}}}\n", i, i, i);
  }
  return text;
}

// A ratings CSV with a header and `rows` data rows (records, header included,
// are rows + 1). Each row is a rating of 2A by s0: valid once, a duplicate
// after that, which is fine for checking the row limit alone.
std::string CsvWithRows(std::size_t rows) {
  std::string text = "service,outcome,stakeholder,score\n";
  // 'not rated' rows record nothing, so no row repeats a rating.
  for (std::size_t i = 0; i < rows; ++i) text += ",2A,s0,not rated\n";
  return text;
}

// An assessment of RubricWithOutcomes(100, per service) with `services`
// services v0, v1, ... and 100 stakeholders, and two CSV files holding every
// rating of every outcome of services v0..v9 by every stakeholder: 100,000
// ratings, the limit. `extra` appends one rating more (by v10) to b.csv.
Files ManyRatings(bool extra) {
  std::string yaml =
      "eds3: 1\nrubric: big.yaml\norganisation: {name: X}\nyear: 2024/25\n" +
      Stakeholders(100) + "services:\n";
  for (int v = 0; v <= 10; ++v) {
    yaml += fmt::format("  - {{id: v{}, name: Service {}}}\n", v, v);
  }
  yaml += "ratings_csv: [a.csv, b.csv]\n";
  std::string csv[2] = {"service,outcome,stakeholder,score\n",
                        "service,outcome,stakeholder,score\n"};
  int n = 0;
  for (int v = 0; v < 10; ++v) {
    for (int o = 0; o < 100; ++o) {
      for (int s = 0; s < 100; ++s, ++n) {
        csv[n < 50000 ? 0 : 1] += fmt::format("v{},O{},s{},1\n", v, o, s);
      }
    }
  }
  if (extra) csv[1] += "v10,O0,s0,1\n";
  return Files{{"in.yaml", yaml},
               {"big.yaml", RubricWithOutcomes(100, /*per_service=*/true)},
               {"a.csv", csv[0]},
               {"b.csv", csv[1]}};
}

// kHeader and a top-level list of `items` one-letter items: kHeaderNodes,
// 2 nodes for the key and the list, and one per item.
std::string ManyNodes(std::size_t items) {
  std::string text = kHeader;
  text += "partners:\n";
  for (std::size_t i = 0; i < items; ++i) text += "- a\n";
  return text;
}

// Nodes in kHeader: the root mapping, 4 keys, 3 scalar values, and the
// organisation mapping with its key and value.
constexpr std::size_t kHeaderNodes = 1 + 4 + 3 + 1 + 2;

// A value nested `depth` collections deep, under `notes` (the root mapping
// and outcomes / 2A / notes take 3 levels).
std::string Nested(std::size_t depth) {
  std::string text = kHeader;
  text += "outcomes:\n  2A:\n    notes: ";
  text +=
      std::string(depth - 3, '[') + "x" + std::string(depth - 3, ']') + "\n";
  return text;
}

struct LimitCase {
  const char* name;
  std::function<Files()> make;
  int exit_status;
  // The whole first error line after "eds3: ", or "" when there must be no
  // error at all; with `absent`, a text no error line may contain.
  std::string first_error;
  std::string absent = "";
};

void PrintTo(const LimitCase& c, std::ostream* os) { *os << c.name; }

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> ErrorLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find(": error: ") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

class LimitsTest : public ::testing::TestWithParam<LimitCase> {
 protected:
  void SetUp() override {
    std::string pattern =
        (fs::temp_directory_path() / "eds3-limits-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }

  fs::path root_;
};

TEST_P(LimitsTest, ValidateReportsTheLimit) {
  const LimitCase& c = GetParam();
  const fs::path work = root_ / "work";
  fs::create_directories(work);
  for (const auto& [name, text] : c.make()) {
    std::ofstream(work / name, std::ios::binary) << text;
  }
  const std::string command = "cd '" + work.string() + "' && timeout " +
                              std::to_string(kTimeoutSeconds) +
                              " '" EDS_BINARY "' validate in.yaml >'" +
                              (root_ / "stdout").string() + "' 2>'" +
                              (root_ / "stderr").string() + "' </dev/null";
  const int raw = std::system(command.c_str());
  const int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  const std::string err = ReadAll(root_ / "stderr");
  EXPECT_EQ(status, c.exit_status) << err.substr(0, 2000);
  const std::vector<std::string> errors = ErrorLines(err);
  if (!c.absent.empty()) {
    for (const std::string& line : errors) {
      EXPECT_EQ(line.find(c.absent), std::string::npos) << line;
    }
  } else if (c.first_error.empty()) {
    EXPECT_TRUE(errors.empty()) << err.substr(0, 2000);
  } else {
    ASSERT_FALSE(errors.empty()) << err.substr(0, 2000);
    EXPECT_EQ(errors.front(), "eds3: " + c.first_error);
  }
}

// Every limit at its value and one past it. The messages are the contract.
const LimitCase kCases[] = {
    {"FileSizeAtLimit",
     [] {
       return Files{{"in.yaml", AssessmentOfSize(kMaxFileBytes)}};
     },
     0, ""},
    {"FileSizeOverLimit",
     [] {
       return Files{{"in.yaml", AssessmentOfSize(kMaxFileBytes + 1)}};
     },
     1,
     "in.yaml: error: file is larger than 10485760 bytes (10 MiB), the limit "
     "for an input file"},
    {"CsvFileSizeOverLimit",
     [] {
       return Files{{"in.yaml", std::string(kHeader) + Stakeholders(1) +
                                    "ratings_csv: big.csv\n"},
                    {"big.csv", "service,outcome,stakeholder,score\n" +
                                    std::string(kMaxFileBytes, '\n')}};
     },
     1,
     "in.yaml:7:14: error: cannot read ratings CSV 'big.csv': file is larger "
     "than 10485760 bytes (10 MiB), the limit for an input file"},
    {"RubricFileSizeOverLimit",
     [] {
       return Files{{"in.yaml",
                     "eds3: 1\nrubric: big.yaml\norganisation: {name: X}\n"
                     "year: 2024/25\n"},
                    {"big.yaml",
                     RubricWithOutcomes(1) + std::string(kMaxFileBytes, '#')}};
     },
     1,
     "in.yaml:2:9: error: cannot read rubric file 'big.yaml': file is larger "
     "than 10485760 bytes (10 MiB), the limit for an input file"},
    {"NestingAtLimit",
     [] {
       return Files{{"in.yaml", Nested(kMaxNestingDepth)}};
     },
     1, "", "nesting"},
    {"NestingOverLimit",
     [] {
       return Files{{"in.yaml", Nested(kMaxNestingDepth + 1)}};
     },
     1, "in.yaml:7:41: error: nesting is deeper than 32 levels"},
    {"StakeholdersAtLimit",
     [] {
       return Files{{"in.yaml", kHeader + Stakeholders(kMaxStakeholders)}};
     },
     0, ""},
    {"StakeholdersOverLimit",
     [] {
       return Files{{"in.yaml", kHeader + Stakeholders(kMaxStakeholders + 1)}};
     },
     1, "in.yaml:6:3: error: 201 stakeholders; the limit is 200"},
    {"ServicesAtLimit",
     [] {
       return Files{{"in.yaml", kHeader + Services(kMaxServices)}};
     },
     0, ""},
    {"ServicesOverLimit",
     [] {
       return Files{{"in.yaml", kHeader + Services(kMaxServices + 1)}};
     },
     1, "in.yaml:6:3: error: 51 services; the limit is 50"},
    {"EvidenceAtLimit",
     [] {
       return Files{
           {"in.yaml", kHeader + OutcomeList("evidence", "{title: A report}",
                                             kMaxItemsPerList)}};
     },
     0, ""},
    {"EvidenceOverLimit",
     [] {
       return Files{
           {"in.yaml", kHeader + OutcomeList("evidence", "{title: A report}",
                                             kMaxItemsPerList + 1)}};
     },
     1, "in.yaml:8:7: error: 'evidence' has 1001 items; the limit is 1000"},
    {"ActionsOverLimit",
     [] {
       return Files{
           {"in.yaml", kHeader + OutcomeList("actions", "{action: Act}",
                                             kMaxItemsPerList + 1)}};
     },
     1, "in.yaml:8:7: error: 'actions' has 1001 items; the limit is 1000"},
    {"PartnersOverLimit",
     [] {
       return Files{{"in.yaml", kHeader + TopList("partners", "An ICB",
                                                  kMaxItemsPerList + 1)}};
     },
     1, "in.yaml:6:3: error: 'partners' has 1001 items; the limit is 1000"},
    {"EngagementOverLimit",
     [] {
       return Files{{"in.yaml", kHeader + TopList("engagement", "2024-11-05",
                                                  kMaxItemsPerList + 1)}};
     },
     1, "in.yaml:6:3: error: 'engagement' has 1001 items; the limit is 1000"},
    {"ReviewersOverLimit",
     [] {
       return Files{
           {"in.yaml",
            kHeader + TopList("reviewers", "{name: R, role: peer-reviewer}",
                              kMaxItemsPerList + 1)}};
     },
     1, "in.yaml:6:3: error: 'reviewers' has 1001 items; the limit is 1000"},
    {"CsvFilesAtLimit",
     [] {
       Files files{{"in.yaml", std::string(kHeader) + Stakeholders(1) +
                                   CsvList(kMaxCsvFiles)}};
       for (std::size_t i = 0; i < kMaxCsvFiles; ++i) {
         files[fmt::format("p{}.csv", i)] =
             "service,outcome,stakeholder,score\n";
       }
       return files;
     },
     0, ""},
    {"CsvFilesOverLimit",
     [] {
       Files files{
           {"in.yaml", std::string(kHeader) + Stakeholders(1) +
                           TopList("ratings_csv", "p.csv", kMaxCsvFiles + 1)}};
       files["p.csv"] = "service,outcome,stakeholder,score\n";
       return files;
     },
     1, "in.yaml:8:3: error: more than 100 score sheets"},
    {"CsvRowsAtLimit",
     [] {
       return Files{{"in.yaml", std::string(kHeader) + Stakeholders(1) +
                                    "ratings_csv: rows.csv\n"},
                    {"rows.csv", CsvWithRows(kMaxCsvRows - 1)}};
     },
     0, "", "more than 100000 rows"},
    {"CsvRowsOverLimit",
     [] {
       return Files{{"in.yaml", std::string(kHeader) + Stakeholders(1) +
                                    "ratings_csv: rows.csv\n"},
                    {"rows.csv", CsvWithRows(kMaxCsvRows)}};
     },
     1, "rows.csv:100001:1: error: more than 100000 rows"},
    {"TextAtLimit",
     [] {
       return Files{{"in.yaml", kHeader + std::string("lead: ") +
                                    std::string(kMaxTextBytes, 'x') + "\n"}};
     },
     0, ""},
    {"TextOverLimit",
     [] {
       return Files{{"in.yaml", kHeader + std::string("lead: ") +
                                    std::string(kMaxTextBytes + 1, 'x') +
                                    "\n"}};
     },
     1, "in.yaml:5:7: error: text is longer than 65536 bytes"},
    {"CsvFieldOverLimit",
     [] {
       return Files{
           {"in.yaml",
            std::string(kHeader) + Stakeholders(1) + "ratings_csv: long.csv\n"},
           {"long.csv", "service,outcome,stakeholder,score,comment\n,2A,s0,2," +
                            std::string(kMaxTextBytes + 1, 'x') + "\n"}};
     },
     1, "long.csv:2:10: error: a field is longer than 65536 bytes"},
    {"RubricOutcomesAtLimit",
     [] {
       return Files{{"in.yaml",
                     "eds3: 1\nrubric: big.yaml\norganisation: {name: X}\n"
                     "year: 2024/25\n"},
                    {"big.yaml", RubricWithOutcomes(kMaxRubricOutcomes)}};
     },
     0, ""},
    {"RubricOutcomesOverLimit",
     [] {
       return Files{{"in.yaml",
                     "eds3: 1\nrubric: big.yaml\norganisation: {name: X}\n"
                     "year: 2024/25\n"},
                    {"big.yaml", RubricWithOutcomes(kMaxRubricOutcomes + 1)}};
     },
     1, "big.yaml:216:9: error: a rubric may have at most 200 outcomes"},
    {"RatingsAtLimit", [] { return ManyRatings(false); }, 0, ""},
    {"RatingsOverLimit", [] { return ManyRatings(true); }, 1,
     "b.csv:50002:8: error: more than 100000 ratings in one assessment"},
    {"YamlNodesAtLimit",
     [] {
       return Files{{"in.yaml", ManyNodes(kMaxYamlNodes - kHeaderNodes - 2)}};
     },
     1, "", "YAML values"},
    {"YamlNodesOverLimit",
     [] {
       return Files{{"in.yaml", ManyNodes(kMaxYamlNodes - kHeaderNodes - 1)}};
     },
     1, "in.yaml:999993:3: error: more than 1000000 YAML values in one file"},
};

INSTANTIATE_TEST_SUITE_P(EveryLimit, LimitsTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<LimitCase>& param) {
                           return std::string(param.param.name);
                         });

}  // namespace
}  // namespace eds
