// ScoreSheetCache: a score sheet named by many assessments is read once, and
// what each assessment reports does not depend on which read it first.

#include "eds/score_sheet_cache.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "diagnostic_text.h"
#include "eds/assessment.h"
#include "eds/diagnostics.h"
#include "eds/file_system.h"

namespace eds {
namespace {

// Counts the reads of each path.
class CountingFileSystem : public MemoryFileSystem {
 public:
  Status ReadFile(const std::string& path, std::string* contents) override {
    ++reads[path];
    return MemoryFileSystem::ReadFile(path, contents);
  }
  std::map<std::string, int> reads;
};

std::string Assessment(const std::string& code, const std::string& csv) {
  return "eds3: 1\nrubric: eds2022\norganisation:\n  name: Trust " + code +
         "\n  code: " + code +
         "\nyear: 2024/25\nstakeholders:\n  - id: panel\n    name: Panel\n"
         "    group: public\nratings_csv: " +
         csv + "\n";
}

// Each assessment's diagnostics, formatted, loading `order`.
std::map<std::string, std::string> LoadAll(
    const std::vector<std::string>& order, CountingFileSystem& fs,
    ScoreSheetCache* cache) {
  LoadOptions options;
  options.allow_outside_paths = true;
  options.score_sheets = cache;
  std::map<std::string, std::string> found;
  for (const std::string& path : order) {
    Diagnostics diag;
    Status status;
    LoadAssessment(path, fs, diag, &status, options);
    found[path] += ::eds::testing::Formatted(diag);
  }
  return found;
}

CountingFileSystem Files() {
  CountingFileSystem fs;
  fs.Add("a/one.yaml", Assessment("RA1", "../shared.csv"));
  fs.Add("b/c/two.yaml", Assessment("RA2", "../../shared.csv"));
  fs.Add("three.yaml", Assessment("RA3", "shared.csv"));
  const std::string csv =
      "service,outcome,stakeholder,score\n,1A,panel,2\n,1B,panel,seven\n";
  // One file under the three paths the loader joins.
  for (const char* path :
       {"a/../shared.csv", "b/c/../../shared.csv", "shared.csv"}) {
    fs.Add(path, csv);
  }
  return fs;
}

TEST(ScoreSheetCacheTest, ASheetNamedByManyIsReadOnce) {
  CountingFileSystem fs = Files();
  ScoreSheetCache cache;
  const auto found =
      LoadAll({"a/one.yaml", "b/c/two.yaml", "three.yaml"}, fs, &cache);
  EXPECT_EQ(cache.loads(), 1u);
  EXPECT_EQ(fs.reads["a/../shared.csv"] + fs.reads["b/c/../../shared.csv"] +
                fs.reads["shared.csv"],
            1);
  // Each assessment is told of the sheet by its own path.
  EXPECT_EQ(found.at("b/c/two.yaml"),
            "b/c/../../shared.csv:3:11: error: 'seven' is not a score\n"
            "  ,1B,panel,seven\n"
            "            ^\n"
            "  hint: a score is one of 0 (Undeveloped), 1 (Developing), 2 "
            "(Achieving), 3 (Excelling)\n");
}

TEST(ScoreSheetCacheTest, WhatEachReportsDoesNotDependOnTheOrder) {
  CountingFileSystem forward_fs = Files();
  CountingFileSystem backward_fs = Files();
  CountingFileSystem uncached_fs = Files();
  ScoreSheetCache forward_cache, backward_cache;
  const auto forward = LoadAll({"a/one.yaml", "b/c/two.yaml", "three.yaml"},
                               forward_fs, &forward_cache);
  const auto backward = LoadAll({"three.yaml", "b/c/two.yaml", "a/one.yaml"},
                                backward_fs, &backward_cache);
  const auto uncached = LoadAll({"a/one.yaml", "b/c/two.yaml", "three.yaml"},
                                uncached_fs, nullptr);
  EXPECT_EQ(forward, backward);
  EXPECT_EQ(forward, uncached);
  EXPECT_EQ(uncached_fs.reads["shared.csv"], 1);
  EXPECT_EQ(uncached_fs.reads["a/../shared.csv"], 1);
}

TEST(ScoreSheetCacheTest, MemoryIsBoundedByLettingTheOldestGo) {
  CountingFileSystem fs = Files();
  ScoreSheetCache cache(/*max_bytes=*/1);  // keeps nothing
  LoadAll({"a/one.yaml", "b/c/two.yaml"}, fs, &cache);
  EXPECT_EQ(cache.loads(), 2u);
}

}  // namespace
}  // namespace eds
