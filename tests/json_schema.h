#ifndef EDS_TESTS_JSON_SCHEMA_H_
#define EDS_TESTS_JSON_SCHEMA_H_

// Checks JSON that eds3 wrote against its schema in docs/schema/ (chosen by
// the document's "format"), through tests/validate_json.py and Debian's
// python3-jsonschema.

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

namespace eds::testing {

// Every file under `folder` that eds3 wrote as JSON, in sorted order: those
// beginning as JsonWriter lays out a document ("{\n  \"format\": "), so that
// the placeholders tests put in place to see them left untouched are not
// taken for eds3's output.
inline std::vector<std::string> JsonFilesUnder(
    const std::filesystem::path& folder) {
  std::vector<std::string> files;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(folder, error);
       !error && it != std::filesystem::recursive_directory_iterator();
       it.increment(error)) {
    if (!it->is_regular_file()) continue;
    static const std::string kStart = "{\n  \"format\": ";
    std::ifstream in(it->path(), std::ios::binary);
    std::string start(kStart.size(), '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    if (in && start == kStart) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Expects every file of `files` to be valid JSON of a known format that its
// schema accepts; the validator's messages are the failure's text.
inline void ExpectValidAgainstSchemas(const std::vector<std::string>& files) {
  if (files.empty()) return;
  const std::filesystem::path report =
      std::filesystem::temp_directory_path() /
      ("eds3-schema-" + std::to_string(::getpid()) + ".txt");
  std::string command = std::string("python3 '") + EDS_SOURCE_DIR +
                        "/tests/validate_json.py' '" + EDS_SOURCE_DIR +
                        "/docs/schema'";
  for (const std::string& file : files) command += " '" + file + "'";
  command += " >'" + report.string() + "' 2>&1";
  const int raw = std::system(command.c_str());
  std::ifstream in(report);
  std::ostringstream text;
  text << in.rdbuf();
  std::filesystem::remove(report);
  EXPECT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0) << text.str();
}

}  // namespace eds::testing

#endif  // EDS_TESTS_JSON_SCHEMA_H_
