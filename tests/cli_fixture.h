#ifndef EDS_TESTS_CLI_FIXTURE_H_
#define EDS_TESTS_CLI_FIXTURE_H_

// The fixture of the end-to-end tests: runs the built eds3 (EDS_BINARY) as a
// user would, in a fresh folder of its own, capturing its exit status,
// stdout and stderr.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "output_checks.h"

namespace eds::testing {

namespace fs = std::filesystem;

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

inline std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void WriteText(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// One member of a zip file (a workbook's XML), read with unzip; empty when
// there is no such member.
inline std::string Unzipped(const fs::path& zip, const std::string& member) {
  const std::string command = "unzip -p " + ShellQuote(zip.string()) + " " +
                              ShellQuote(member) + " 2>/dev/null";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string out;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    out.append(buffer, n);
  }
  ::pclose(pipe);
  return out;
}

// The top-level "organisations" array of a rollup's JSON: the organisations
// rolled up, without the excluded files (whose claimed names are listed).
inline std::string RolledUp(const std::string& json) {
  const std::size_t start = json.find("\n  \"organisations\": [");
  const std::size_t end = json.find("\n  \"excluded\": [");
  if (start == std::string::npos || end == std::string::npos) return json;
  return json.substr(start, end - start);
}

inline std::string TestData(const std::string& name) {
  return std::string(EDS_TESTDATA_DIR) + "/cli/" + name;
}

// Runs eds3 in `work_`, a folder of its own; its output goes outside that
// folder so that the folder holds only what eds3 wrote.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (fs::temp_directory_path() / "eds3-cli-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    work_ = root_ / "work";
    fs::create_directory(work_);
  }
  // Every JSON file a test left in its folder must match its schema, and
  // every HTML report pass check_html.py.
  void TearDown() override {
    ExpectValidAgainstSchemas(JsonFilesUnder(work_));
    ExpectCheckedHtml(HtmlFilesUnder(work_));
    fs::remove_all(root_);
  }

  Result Eds(const std::vector<std::string>& args) const {
    std::string command =
        "cd " + ShellQuote(work_.string()) + " && " + ShellQuote(EDS_BINARY);
    for (const std::string& arg : args) command += " " + ShellQuote(arg);
    command += " >" + ShellQuote((root_ / "stdout").string()) + " 2>" +
               ShellQuote((root_ / "stderr").string()) + " </dev/null";
    const int raw = std::system(command.c_str());
    Result result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result.out = ReadText(root_ / "stdout");
    result.err = ReadText(root_ / "stderr");
    return result;
  }

  // Copies a test input into the working folder.
  void Copy(const std::string& name) const {
    fs::copy_file(TestData(name), work_ / name);
  }

  // Every file and folder in the working folder, hidden ones included, as
  // relative paths in sorted order.
  std::vector<std::string> Listing() const {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(work_)) {
      files.push_back(fs::relative(entry.path(), work_).string());
    }
    std::sort(files.begin(), files.end());
    return files;
  }

  // Runs eds3 with `args` and checks that it failed with `status`, printing
  // exactly `err` to standard error and nothing to standard output.
  void ExpectFails(const std::vector<std::string>& args, int status,
                   const std::string& err) const {
    const Result result = Eds(args);
    EXPECT_EQ(result.status, status) << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, err);
  }

  std::string Read(const std::string& name) const {
    return ReadText(work_ / name);
  }
  void Write(const std::string& name, const std::string& text) const {
    WriteText(work_ / name, text);
  }

  fs::path root_;
  fs::path work_;
};

}  // namespace eds::testing

#endif  // EDS_TESTS_CLI_FIXTURE_H_
