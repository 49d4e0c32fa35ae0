#ifndef EDS_TESTS_OUTPUT_CHECKS_H_
#define EDS_TESTS_OUTPUT_CHECKS_H_

// Checks the JSON and HTML that eds3 wrote with the Python checkers beside
// the tests: tests/validate_json.py holds JSON to its schema in docs/schema/
// (chosen by the document's "format", with Debian's python3-jsonschema);
// tests/check_html.py finds that HTML parses, is accessible in the ways a
// checker can see (lang, one h1, headings in order, captions, th scope) and
// holds nothing that runs or fetches.

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

// Every file under `folder` that begins with `start`, in sorted order.
inline std::vector<std::string> FilesUnderStartingWith(
    const std::filesystem::path& folder, const std::string& start) {
  std::vector<std::string> files;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(folder, error);
       !error && it != std::filesystem::recursive_directory_iterator();
       it.increment(error)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::string head(start.size(), '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    if (in && head == start) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Every file under `folder` that eds3 wrote as JSON: those beginning as
// JsonWriter lays out a document, so that the placeholders tests put in
// place to see them left untouched are not taken for eds3's output.
inline std::vector<std::string> JsonFilesUnder(
    const std::filesystem::path& folder) {
  return FilesUnderStartingWith(folder, "{\n  \"format\": ");
}

// Every file under `folder` that begins as eds3's HTML reports do.
inline std::vector<std::string> HtmlFilesUnder(
    const std::filesystem::path& folder) {
  return FilesUnderStartingWith(folder, "<!DOCTYPE html>\n");
}

// Expects `python3 tests/SCRIPT ARGUMENTS... FILES...` to pass; the script's
// messages are the failure's text. Nothing to check passes.
inline void ExpectPythonCheckPasses(const std::string& script,
                                    const std::vector<std::string>& arguments,
                                    const std::vector<std::string>& files) {
  if (files.empty()) return;
  const std::filesystem::path report =
      std::filesystem::temp_directory_path() /
      ("eds3-check-" + std::to_string(::getpid()) + ".txt");
  std::string command =
      std::string("python3 '") + EDS_SOURCE_DIR + "/tests/" + script + "'";
  for (const std::string& argument : arguments)
    command += " '" + argument + "'";
  for (const std::string& file : files) command += " '" + file + "'";
  command += " >'" + report.string() + "' 2>&1";
  const int raw = std::system(command.c_str());
  std::ifstream in(report);
  std::ostringstream text;
  text << in.rdbuf();
  std::filesystem::remove(report);
  EXPECT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0) << text.str();
}

// Expects every file of `files` to be valid JSON of a known format that its
// schema accepts.
inline void ExpectValidAgainstSchemas(const std::vector<std::string>& files) {
  ExpectPythonCheckPasses("validate_json.py",
                          {std::string(EDS_SOURCE_DIR) + "/docs/schema"},
                          files);
}

// Expects check_html.py to find no problem in any of `files`.
inline void ExpectCheckedHtml(const std::vector<std::string>& files) {
  ExpectPythonCheckPasses("check_html.py", {}, files);
}

// Writes `text` to a fresh file named `name` (its extension tells what it
// is) for `check` to run on, then removes it.
template <typename Check>
void CheckTextAsFile(const std::string& text, const std::string& name,
                     Check check) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("eds3-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(file, std::ios::binary) << text;
  check(std::vector<std::string>{file.string()});
  std::filesystem::remove(file);
}

// The same for text held in memory.
inline void ExpectCheckedHtmlText(const std::string& html) {
  CheckTextAsFile(html, "report.html", ExpectCheckedHtml);
}
inline void ExpectValidJsonText(const std::string& json) {
  CheckTextAsFile(json, "output.json", ExpectValidAgainstSchemas);
}

}  // namespace eds::testing

#endif  // EDS_TESTS_OUTPUT_CHECKS_H_
