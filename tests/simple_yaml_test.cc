#include "simple_yaml.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "yaml_differential.h"

namespace eds {
namespace {

using ::eds::testing::Event;
using ::eds::testing::ScannedEvents;
using ::eds::testing::YamlCppRead;

// When the scan reads `text`, yaml-cpp reads it too, with the same events.
// Returns whether the scan read it.
bool ExpectSameAsYamlCpp(const std::string& text) {
  std::vector<YamlEvent> scanned;
  std::deque<std::string> decoded;
  if (!ScanSimpleYaml(text, &scanned, &decoded)) return false;
  std::vector<Event> expected;
  const std::string failure = YamlCppRead(text, &expected);
  EXPECT_EQ(failure, "") << "the scan read what yaml-cpp refuses:\n" << text;
  if (failure.empty()) {
    EXPECT_EQ(ScannedEvents(scanned), expected) << text;
  }
  return true;
}

TEST(SimpleYamlTest, ReadsPlainYamlAsYamlCppDoes) {
  const std::vector<std::string> cases = {
      "a: 1\n",
      "a: 1",
      "a:\n",
      "a:",
      "a: x y  # comment\nb: 2\n",
      "# heading\n\na: 1\n  # indented comment\nb: 2\n# end",
      "a:\nb: 1\n",
      "a:\n# comment\n  # comment\nb:\n  - x\n",
      "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
      "list:\n  - 1\n  - two words\n  -   three\n",
      "list:\n  - id: x\n    name: X\n  - id: y\n    name:\n",
      "list:\n  -   id: x\n      name: X\n",
      "list:\n  - a:\n      b: 1\n  - c\n",
      "list:\n  - a:\n  - b\n",
      "flow: {a: 1, b: Achieving,c: 2 }\n",
      "flow: {  }\nseq: []\n",
      "seq: [2024-11-05, 2024-12-10, Example ICB]\n",
      "seq: [ a ,b ]  # comment\n",
      "q: \"double: # quoted\"\nr: 'single'\n",
      "flow: {a: \"x, y\", b: 'z'}\n",
      "link: https://example.org/a#b?c=d\n",
      "text: Women's network, 50% [draft] {x} C#\n",
      "n1: ~\nn2: null\nn3: Null\nn4: NULL\nn5: nULL\n",
      "null: 1\n",
      "1A:\n  ratings: {p: 2}\n2A:\n",
      "utf8: \xC3\xA9t\xC3\xA9 \xE2\x82\xAC\nseq: [\xC3\xA9]\n",
      "a: b\n\n\n",
      "a:\n  - b\nc:\n",
      "a:\n    - b\n    - c: 1\n      d:\n",
      "dup: 1\ndup: 2\n",
      "a: x:y\n",
      "under_score: 1\ndot.ted: 2\ndash-ed: 3\n",
      "a: 1\r\nb:\r\n  - x y \r\n  - {c: 1}\r\n# c\r\nd: 'q'\r\ne:\r\n",
      "a: b # c\r\nd:",
      // Quoted scalars with escapes.
      "a: 'it''s'\n",
      "a: ''''\nb: ''\nc: 'x''''y'\n",
      "a: \"Zo\xC3\xAB's story: \\\"nobody asked\\\"\"\n",
      "a: \"x\\n\\ty\\\\z\\/\"\nb: \"\"\n",
      "a: {b: \"c \\\"d\\\"\", e: 'f''g'}\nh: [\"\\\\\", 'i''']\n",
      "a: \"\\\"\" # c\n",
      // Flow collections as sequence items, quotation marks in flow scalars.
      "a:\n  - {id: x, name: Women's chair, group: \"y\"}\n  - {id: z}\n",
      "a: [it's, say \"hi\"]\n",
      // A document start marker.
      "---\na: 1\n",
      "# c\n---\n# d\na: 1\n",
      "---  # c\r\na: 1\r\n",
      // Sequences in their key's column.
      "a:\n- b\n",
      "a:\n- b\n- c: 1\n  d: 2\ne: 3\n",
      "a:\n  b:\n  - 1\n  - 2\n  c:\n  - x: 1\n    y:\n    - z\nd: 1\n",
      "a:\n- b\n# c\n- d\n",
      "a:\n- b\n\n",
      // Block scalars.
      "a: |\n  text\n",
      "a: >\n  text\n",
      "a: |\n  one\n  two\nb: 1\n",
      "a: >\n  one\n  two\nb: 1\n",
      "a: >-\n  one\n\n  two\n\n\n  three\nb: 1\n",
      "a: |-\n  one\n\n  two\n\n\nb: 1\n",
      "a: |+\n  one\n  two\n\n\nb: 1\n",
      "a: |\n  one\n    more\n  two\n",
      "a: |2\n    one\n  two\n",
      "a:\n  b: |2-\n      one\n    two\n  c: >-1\n   x\n",
      "a: |  # comment\n  # not a comment\n  x\n# a comment\nb: 1\n",
      "a: |\n  x\n \n  y\n  \nb: 1\n",
      "a:\n  - b: |\n      x\n    c: 1\n",
      "a: |\r\n  x \r\n\r\n  y\r\nb: >\r\n  z\r\n",
      "a: |\n  Caf\xC3\xA9 #1: \"q\" 'r' {s} [t]\n",
      "a: |+\n  x\n\n",
      "a: >+\n  x\n\n  y\nb:\n",
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(ExpectSameAsYamlCpp(text));
  }
}

TEST(SimpleYamlTest, LeavesEverythingElseToYamlCpp) {
  const std::vector<std::string> cases = {
      "",
      "# only a comment\n",
      "- a\n",
      "just text\n",
      "  a: 1\n",
      "a:\tb\n",
      "a: 1\rb: 2\n",
      "a: 1\r\r\n",
      // A last line of spaces alone: yaml-cpp's mark for the value left out
      // before it depends on its state.
      "a:\n  b:\n ",
      "a:\n - b:\n\n  ",
      // yaml-cpp refuses '?' inside a flow scalar, where YAML allows it.
      "a: [x?y]\n",
      "a: {b: x?y}\n",
      "a: [x!y, x&y]\n",
      "a: &x 1\nb: *x\n",
      "a: !tag 1\n",
      "a: one\n  two\n",
      "a:\n  one\n  two\n",
      "a: 1\n---\nb: 2\n",
      "a: 1\n...\n",
      "%YAML 1.2\n---\na: 1\n",
      "\"a\": 1\n",
      "'a': 1\n",
      "a b: 1\n",
      "a: \"unclosed\n",
      "a: 'unclosed\n",
      "a: {b: 1,\n  c: 2}\n",
      "a: {b: 1,}\n",
      "a: {b:1}\n",
      "a: {b: {c: 1}}\n",
      "a: [[1]]\n",
      "a: {b}\n",
      "a: [1, ]\n",
      "a: [x:y]\n",
      "a: b: c\n",
      "a: b:\n",
      "a: 1 #c\n  b: 2\n",
      "a: }\n",
      "a: - b\n",
      "a:\n  - \n",
      "a:\n  -\n",
      "a:\n  - - b\n",
      "a:\n  - b\n   - c\n",
      "a:\n    b: 1\n  c: 2\n",
      "a: 1\n b: 2\n",
      "a:#x\n",
      "a: {b: 1}#x\n",
      "a: \xC2\x85\n",
      "a: \xE2\x80\xA8\n",
      "a: \xEF\xBB\xBF\n",
      "a: \x01\n",
      "? a\n: 1\n",
      "a: @x\n",
      "a: `x\n",
      "~: 1\n",
      "a: -1\n",
      "a: {~: null}\n",
      "a: \"\\x41\"\n",
      "a: \"\\u00e9\"\n",
      "a: \"x\\\n  y\"\n",
      "a: \"x\n  y\"\n",
      "a: 'x\n  y'\n",
      "a: 'x'' \n",
      "a: 'x' y\n",
      "---\n---\na: 1\n",
      "--- a: 1\n",
      "---a: 1\n",
      "  ---\na: 1\n",
      "a:\n- b\n - c\n",
      "a: |\n",
      "a: |\nb: 1\n",
      "a: |\n\n  x\n",
      "a: |\n  x",
      "a: |\n  x\n     \n",
      "a: >\n  x\n    y\n",
      "a: |#c\n  x\n",
      "a: |x\n  x\n",
      "a: |0\n  x\n",
      "a: |22\n  x\n",
      "a: |--\n  x\n",
      "a: |2\n x\n",
      "a: |\n  x\n y\n",
      "a:\n  - |\n    x\n",
      "a: [|]\n",
      "a: {b: [it's]}\n",
      "a: ['x]\n",
      "a: >+\n  x\n\n\n",
      "a: >+\n  x\n\nb: 1\n",
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text);
    std::vector<YamlEvent> events;
    std::deque<std::string> decoded;
    EXPECT_FALSE(ScanSimpleYaml(text, &events, &decoded));
  }
}

TEST(SimpleYamlTest, BoundsNestingAndSize) {
  std::string deep;
  for (int i = 0; i < 40; ++i) {
    deep += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
  }
  std::vector<YamlEvent> events;
  std::deque<std::string> decoded;
  EXPECT_FALSE(ScanSimpleYaml(deep, &events, &decoded));

  std::string wide = "a: [";
  for (int i = 0; i < 120000; ++i) wide += "1, ";
  wide += "1]\n";
  EXPECT_FALSE(ScanSimpleYaml(wide, &events, &decoded));
}

std::vector<std::string> CorpusFiles() {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const char* dir :
       {"examples", "tests/testdata", "tests/fuzz/seeds", "rubrics"}) {
    const fs::path root = fs::path(EDS_SOURCE_DIR) / dir;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      const std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
        files.push_back(entry.path().string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every YAML file of the project (tests/testdata/yaml_styles holds files of
// the benchmark's mixed styles), and each with small edits at many places (a
// character removed or put in): whatever the scan reads, it reads as
// yaml-cpp does.
TEST(SimpleYamlTest, AgreesWithYamlCppOnTheProjectsFilesAndEdits) {
  const std::vector<std::string> edits = {
      "",     " ",    ":",    ": ", "#",        " #", "-",    "- ",
      "\n",   "\n  ", "{",    "}",  "[",        "]",  ",",    "'",
      "\"",   "~",    "null", "\\", "\xC3\xA9", "x",  "  ",   "\r",
      "\r\n", "|",    ">-",   "''", "\\\"",     "2",  "---\n"};
  std::size_t read = 0, variants = 0, edited_read = 0;
  for (const std::string& file : CorpusFiles()) {
    SCOPED_TRACE(file);
    const std::string text = ReadAll(file);
    if (ExpectSameAsYamlCpp(text)) ++read;
    // Saved on Windows: CRLF line ends.
    if (text.find('\r') == std::string::npos) {
      std::string crlf;
      for (char c : text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
      }
      EXPECT_EQ(ExpectSameAsYamlCpp(crlf), ExpectSameAsYamlCpp(text));
    }
    // The generated rollup files are alike: edit one of them.
    if (file.find("/examples/rollup/") != std::string::npos &&
        file.find("/severnvale/rha-carrow/2024-25") == std::string::npos) {
      continue;
    }
    const std::size_t stride = std::max<std::size_t>(1, text.size() / 12);
    for (std::size_t at = 0; at < text.size(); at += stride) {
      for (const std::string& edit : edits) {
        std::string variant = text;
        if (edit.empty()) {
          variant.erase(at, 1);
        } else {
          variant.insert(at, edit);
        }
        ++variants;
        if (ExpectSameAsYamlCpp(variant)) ++edited_read;
        if (HasFailure()) return;
      }
    }
  }
  // The fast path must be the common path, or it measures nothing.
  EXPECT_GT(read, 150u);
  EXPECT_GT(edited_read, variants / 10);
}

}  // namespace
}  // namespace eds
