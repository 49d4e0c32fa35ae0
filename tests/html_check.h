#ifndef EDS_TESTS_HTML_CHECK_H_
#define EDS_TESTS_HTML_CHECK_H_

// Checks HTML that eds3 wrote with tests/check_html.py: it parses, is
// accessible in the ways a checker can see (lang, one h1, headings in order,
// captions, th scope) and holds nothing that runs or fetches.

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

// Every file under `folder` that begins as eds3's HTML reports do, in sorted
// order.
inline std::vector<std::string> HtmlFilesUnder(
    const std::filesystem::path& folder) {
  std::vector<std::string> files;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(folder, error);
       !error && it != std::filesystem::recursive_directory_iterator();
       it.increment(error)) {
    if (!it->is_regular_file()) continue;
    static const std::string kStart = "<!DOCTYPE html>\n";
    std::ifstream in(it->path(), std::ios::binary);
    std::string start(kStart.size(), '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    if (in && start == kStart) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Expects check_html.py to find no problem in any of `files`; its messages
// are the failure's text.
inline void ExpectCheckedHtml(const std::vector<std::string>& files) {
  if (files.empty()) return;
  const std::filesystem::path report =
      std::filesystem::temp_directory_path() /
      ("eds3-html-" + std::to_string(::getpid()) + ".txt");
  std::string command =
      std::string("python3 '") + EDS_SOURCE_DIR + "/tests/check_html.py'";
  for (const std::string& file : files) command += " '" + file + "'";
  command += " >'" + report.string() + "' 2>&1";
  const int raw = std::system(command.c_str());
  std::ifstream in(report);
  std::ostringstream text;
  text << in.rdbuf();
  std::filesystem::remove(report);
  EXPECT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0) << text.str();
}

// The same for HTML text held in memory.
inline void ExpectCheckedHtmlText(const std::string& html) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("eds3-html-" + std::to_string(::getpid()) + ".html");
  std::ofstream(file, std::ios::binary) << html;
  ExpectCheckedHtml({file.string()});
  std::filesystem::remove(file);
}

}  // namespace eds::testing

#endif  // EDS_TESTS_HTML_CHECK_H_
