#include "file_walk.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "diagnostic_text.h"

namespace eds::cli {
namespace {

namespace fs = std::filesystem;

// A fresh folder per test, removed afterwards; paths are relative to it so
// the expected lists read as they would on a command line.
class FindYamlFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (fs::temp_directory_path() / "eds3-walk-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    old_cwd_ = fs::current_path();
    fs::current_path(root_);
  }
  void TearDown() override {
    fs::current_path(old_cwd_);
    fs::remove_all(root_);
  }

  static void Touch(const std::string& path) {
    fs::create_directories(fs::path(path).parent_path().empty()
                               ? fs::path(".")
                               : fs::path(path).parent_path());
    std::ofstream(path) << "eds3: 1\n";
  }

  struct Result {
    Status status;
    std::vector<std::string> files;  // "path" or "path (named)"
    std::string messages;
  };

  static Result Find(const std::vector<std::string>& paths) {
    std::vector<FoundFile> found;
    Diagnostics diag;
    Result result;
    result.status = FindYamlFiles(paths, &found, diag);
    for (const FoundFile& file : found) {
      result.files.push_back(file.path + (file.named ? " (named)" : ""));
    }
    result.messages = ::eds::testing::Formatted(diag);
    return result;
  }

  fs::path root_;
  fs::path old_cwd_;
};

TEST_F(FindYamlFilesTest, FindsYamlInAnyLetterCaseSortedByPath) {
  Touch("a/z.yaml");
  Touch("a/B.YML");
  Touch("a/sub/deeper/c.Yaml");
  Touch("a/a-b.yml");
  Touch("a/notes.txt");
  Touch("a/yaml");
  Touch("a/.yaml");
  fs::create_directories("a/folder.yaml");
  const Result result = Find({"a"});
  EXPECT_TRUE(result.status.ok());
  EXPECT_EQ(result.messages, "");
  EXPECT_EQ(result.files,
            (std::vector<std::string>{"a/B.YML", "a/a-b.yml",
                                      "a/sub/deeper/c.Yaml", "a/z.yaml"}));
}

TEST_F(FindYamlFilesTest, KeepsCommandLineOrderAndTakesNamedFilesAsTheyAre) {
  Touch("b/one.yaml");
  Touch("plain.txt");
  Touch("a/two.yml");
  const Result result = Find({"b/", "plain.txt", "a"});
  EXPECT_TRUE(result.status.ok());
  EXPECT_EQ(result.files, (std::vector<std::string>{
                              "b/one.yaml", "plain.txt (named)", "a/two.yml"}));
}

TEST_F(FindYamlFilesTest, FollowsLinksWithoutLoopingOrRepeating) {
  Touch("a/x.yaml");
  Touch("a/sub/y.yaml");
  fs::create_directory_symlink("..", "a/sub/up");
  fs::create_directory_symlink("sub", "a/also-sub");
  fs::create_symlink("x.yaml", "a/x-link.yaml");
  fs::create_directory_symlink("a", "link-to-a");
  const Result result = Find({"a", "link-to-a", "a/x.yaml"});
  EXPECT_TRUE(result.status.ok()) << result.messages;
  // "also-sub" sorts before "sub", so sub's file is found through the link.
  EXPECT_EQ(result.files, (std::vector<std::string>{"a/also-sub/y.yaml",
                                                    "a/x.yaml (named)"}));
}

// A path named that cannot be read is reported; a broken link with a YAML
// name found in a folder is skipped with a warning (the same as a link that
// leads out: where it leads is not told), and one without a YAML name is
// passed over.
TEST_F(FindYamlFilesTest, ReportsEveryUnreadablePathAndGoesOn) {
  Touch("a/ok.yaml");
  fs::create_symlink("nowhere.yaml", "a/broken.yaml");
  fs::create_symlink("nowhere", "a/broken-other");
  const Result result = Find({"missing.yaml", "a"});
  EXPECT_EQ(result.status.code(), Status::Code::kIoError);
  EXPECT_EQ(result.status.message(),
            "missing.yaml: error: cannot read: No such file or directory");
  EXPECT_EQ(result.messages,
            "missing.yaml: error: cannot read: No such file or directory\n"
            "a/broken.yaml: warning: skipped: a symbolic link that does not "
            "lead to a file or folder inside the folder named\n"
            "  hint: --follow-links follows links wherever they lead\n");
  EXPECT_EQ(result.files, (std::vector<std::string>{"a/ok.yaml"}));
}

TEST_F(FindYamlFilesTest, AFolderWithoutYamlIsInvalidAndAMissingPathWins) {
  Touch("empty/readme.txt");
  Result result = Find({"empty"});
  EXPECT_EQ(result.status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(result.messages,
            "empty: error: no .yaml or .yml file in this folder or below\n");
  EXPECT_TRUE(result.files.empty());

  result = Find({"empty", "missing"});
  EXPECT_EQ(result.status.ExitCode(), 3);
  EXPECT_EQ(result.messages,
            "empty: error: no .yaml or .yml file in this folder or below\n"
            "missing: error: cannot read: No such file or directory\n");
}

TEST_F(FindYamlFilesTest, AFolderNamedTwiceIsSearchedOnce) {
  Touch("a/x.yaml");
  const Result result = Find({"a", "./a", "a/"});
  EXPECT_TRUE(result.status.ok()) << result.messages;
  EXPECT_EQ(result.files, (std::vector<std::string>{"a/x.yaml"}));
}

}  // namespace
}  // namespace eds::cli
