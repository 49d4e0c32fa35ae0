#ifndef EDS_TESTS_GOLDEN_H_
#define EDS_TESTS_GOLDEN_H_

// Golden-file comparison for the text outputs (JSON, Markdown).
//
// A golden file holds the exact expected output, byte for byte, under
// tests/testdata/golden/. When an output changes on purpose, regenerate the
// golden files by running the tests with EDS_UPDATE_GOLDEN=1, e.g.
//   EDS_UPDATE_GOLDEN=1 ./build/tests/eds_tests --gtest_filter='Grade*'
// then review the diff (git diff tests/testdata/golden) before committing.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace eds::testing {

inline std::string GoldenPath(const std::string& name) {
  return std::string(EDS_TESTDATA_DIR) + "/golden/" + name;
}

inline bool UpdatingGolden() {
  const char* update = std::getenv("EDS_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

// Expects `actual` to equal the golden file `name` as a whole; with
// EDS_UPDATE_GOLDEN=1, rewrites the file with `actual` instead.
inline void ExpectMatchesGolden(const std::string& name,
                                const std::string& actual) {
  const std::string path = GoldenPath(name);
  if (UpdatingGolden()) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << actual;
    ASSERT_TRUE(out.good()) << "cannot write " << path;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing golden file " << path
                         << " (run with EDS_UPDATE_GOLDEN=1 to create it)";
  const std::string expected((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  EXPECT_EQ(actual, expected)
      << "output differs from " << path
      << " (run with EDS_UPDATE_GOLDEN=1 to accept the new output)";
}

}  // namespace eds::testing

#endif  // EDS_TESTS_GOLDEN_H_
