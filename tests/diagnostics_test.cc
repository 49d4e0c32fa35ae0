#include "eds/diagnostics.h"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <ostream>
#include <string>
#include <vector>

namespace eds {
namespace {

Diagnostic Make(Severity severity, SourceLocation where, std::string message,
                std::string source_line = "", std::string hint = "") {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.location = std::move(where);
  diagnostic.message = std::move(message);
  diagnostic.hint = std::move(hint);
  diagnostic.source_line = std::move(source_line);
  return diagnostic;
}

Diagnostic Error(SourceLocation where, std::string message,
                 std::string source_line = "", std::string hint = "") {
  return Make(Severity::kError, std::move(where), std::move(message),
              std::move(source_line), std::move(hint));
}

struct FormatCase {
  const char* name;
  Diagnostic diagnostic;
  std::string expected;
};

void PrintTo(const FormatCase& c, std::ostream* os) { *os << c.name; }

class FormatDiagnosticTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(FormatDiagnosticTest, FormatsWholeMessage) {
  EXPECT_EQ(FormatDiagnostic(GetParam().diagnostic), GetParam().expected);
}

const std::string kLong = [] {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "0123456789";
  return text;  // 300 characters
}();

INSTANTIATE_TEST_SUITE_P(
    Cases, FormatDiagnosticTest,
    ::testing::Values(
        FormatCase{"FullForm",
                   Error({"a.yaml", 41, 7}, "unknown stakeholder 'x'",
                         "      x: 2", "declare it"),
                   "a.yaml:41:7: error: unknown stakeholder 'x'\n"
                   "        x: 2\n"
                   "        ^\n"
                   "  hint: declare it\n"},
        FormatCase{"NoLocation", Error({}, "something failed"),
                   "error: something failed\n"},
        FormatCase{"FileOnly", Error({"big.yaml", 0, 0}, "too large"),
                   "big.yaml: error: too large\n"},
        FormatCase{"LineWithoutColumnHasNoCaret",
                   Error({"a.csv", 3, 0}, "bad row", "x,y"),
                   "a.csv:3: error: bad row\n"},
        FormatCase{"ColumnWithoutSourceLineHasNoCaret",
                   Error({"a.yaml", 2, 12}, "not UTF-8", "", "save as UTF-8"),
                   "a.yaml:2:12: error: not UTF-8\n  hint: save as UTF-8\n"},
        FormatCase{"Warning",
                   Make(Severity::kWarning, {"a.yaml", 1, 1}, "odd", "eds3: 1"),
                   "a.yaml:1:1: warning: odd\n  eds3: 1\n  ^\n"},
        // Text quoted from a file may hold line ends; a message stays one
        // line.
        FormatCase{"LineEndsInTheMessage",
                   Error({"a.yaml", 5, 3}, "unknown key 'block\nkey\r\n'", "",
                         "why\nnot"),
                   "a.yaml:5:3: error: unknown key 'block\\nkey\\r\\n'\n"
                   "  hint: why\\nnot\n"},
        FormatCase{"Note", Make(Severity::kNote, {"a.yaml", 0, 0}, "skipped"),
                   "a.yaml: note: skipped\n"},
        // The column counts characters: 'é' and 'Ω' are two bytes each but
        // one column, so the caret pads with one space per character.
        FormatCase{"CaretAfterUtf8",
                   Error({"a.yaml", 4, 15}, "bad", "  name: Café Ωx"),
                   "a.yaml:4:15: error: bad\n    name: Café Ωx\n" +
                       std::string(2 + 14, ' ') + "^\n"},
        FormatCase{"CaretUnderUtf8Character",
                   Error({"a.yaml", 4, 14}, "bad", "  name: Café Ωx"),
                   "a.yaml:4:14: error: bad\n    name: Café Ωx\n" +
                       std::string(2 + 13, ' ') + "^\n"},
        // Tabs before the caret are copied so it lines up at any tab width.
        FormatCase{"CaretAfterTabs",
                   Error({"a.yaml", 2, 8}, "tab", "\tname:\tx"),
                   "a.yaml:2:8: error: tab\n"
                   "  \tname:\tx\n"
                   "  \t     \t^\n"},
        FormatCase{"CaretPastLineEnd", Error({"a.yaml", 1, 6}, "end", "ab"),
                   "a.yaml:1:6: error: end\n  ab\n       ^\n"},
        // A long line shows 120 characters around the caret: 60 before it.
        FormatCase{"LongLineWindow", Error({"a.yaml", 1, 201}, "far", kLong),
                   "a.yaml:1:201: error: far\n  " + kLong.substr(140, 120) +
                       "\n  " + std::string(60, ' ') + "^\n"},
        FormatCase{
            "LongLineCaretNearStart", Error({"a.yaml", 1, 3}, "near", kLong),
            "a.yaml:1:3: error: near\n  " + kLong.substr(0, 120) + "\n    ^\n"},
        FormatCase{"LongLineCaretAtEnd",
                   Error({"a.yaml", 1, 300}, "end", kLong),
                   "a.yaml:1:300: error: end\n  " + kLong.substr(239) + "\n  " +
                       std::string(60, ' ') + "^\n"}),
    [](const ::testing::TestParamInfo<FormatCase>& param) {
      return std::string(param.param.name);
    });

TEST(FormatDiagnosticTest, LongLineWindowCountsUtf8Characters) {
  std::string line;
  for (int i = 0; i < 100; ++i) line += "é";  // 100 characters, 200 bytes
  line += "x";
  const std::string out =
      FormatDiagnostic(Error({"a.yaml", 1, 101}, "m", line));
  std::string window;
  for (int i = 0; i < 60; ++i) window += "é";
  EXPECT_EQ(out, "a.yaml:1:101: error: m\n  " + window + "x\n  " +
                     std::string(60, ' ') + "^\n");
}

TEST(FormatDiagnosticTest, HugeLineIsQuotedQuicklyAndBriefly) {
  const std::string line(10 * 1024 * 1024, 'a');
  const auto start = std::chrono::steady_clock::now();
  std::string out;
  for (int i = 0; i < 50; ++i) {
    out = FormatDiagnostic(Error({"a.yaml", 1, 5000000}, "m", line));
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(out, "a.yaml:1:5000000: error: m\n  " + std::string(120, 'a') +
                     "\n  " + std::string(60, ' ') + "^\n");
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

// A hidden character in a quoted line, message or hint is written escaped,
// and the caret still points at the column it names.
TEST(FormatDiagnosticTest, HiddenCharactersAreEscapedAndTheCaretFollows) {
  EXPECT_EQ(FormatDiagnostic(Error({"a.yaml", 4, 11}, "name 'a\u202Eb'",
                                   "name: a\u202Eb c")),
            "a.yaml:4:11: error: name 'a<U+202E>b'\n"
            "  name: a<U+202E>b c\n"
            "                   ^\n");
}

struct MatchCase {
  const char* word;
  std::vector<std::string> candidates;
  const char* expected;
};

void PrintTo(const MatchCase& c, std::ostream* os) { *os << c.word; }

class ClosestMatchTest : public ::testing::TestWithParam<MatchCase> {};

TEST_P(ClosestMatchTest, FindsPlausibleTypos) {
  EXPECT_EQ(ClosestMatch(GetParam().word, GetParam().candidates),
            GetParam().expected);
}

const std::vector<std::string> kKeys = {
    "eds3",         "rubric",   "organisation", "year",
    "stakeholders", "services", "outcomes"};

INSTANTIATE_TEST_SUITE_P(
    Cases, ClosestMatchTest,
    ::testing::Values(
        MatchCase{"stakeholder", kKeys, "stakeholders"},
        MatchCase{"organization", kKeys, "organisation"},
        MatchCase{"rubrik", kKeys, "rubric"},
        MatchCase{"Outcomes", kKeys, "outcomes"},  // case-insensitive
        MatchCase{"outcomes", kKeys, "outcomes"},  // an exact match
        MatchCase{"colour", kKeys, ""},            // nothing close
        MatchCase{"x", kKeys, ""},
        MatchCase{"stafnetworks",
                  {"staff-networks", "patients-forum"},
                  "staff-networks"},
        MatchCase{"staf-networks",
                  {"staff-networks", "patients-forum"},
                  "staff-networks"},
        // A word cut short: the one candidate it begins, never a guess
        // between two.
        MatchCase{"gra", {"grade", "validate", "rollup"}, "grade"},
        MatchCase{
            "staff", {"staff-networks", "patients-forum"}, "staff-networks"},
        MatchCase{"sta", {"staff-networks", "stakeholders"}, ""},
        MatchCase{"g", {"grade"}, ""}, MatchCase{"anything", {}, ""},
        MatchCase{"", kKeys, ""}),
    [](const ::testing::TestParamInfo<MatchCase>& param) {
      std::string name = std::to_string(param.index) + "_" + param.param.word;
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(DidYouMeanTest, FormatsTheClosestCandidate) {
  EXPECT_EQ(DidYouMean("yeer", kKeys), "; did you mean 'year'?");
  EXPECT_EQ(DidYouMean("colour", kKeys), "");
}

TEST(DiagnosticsTest, CountsErrorsAndKeepsWarningsApart) {
  Diagnostics diag;
  EXPECT_FALSE(diag.HasErrors());
  diag.Warning({"a.yaml", 1, 1}, "w");
  diag.Note({"a.yaml", 0, 0}, "n");
  EXPECT_FALSE(diag.HasErrors());
  diag.Error({"a.yaml", 2, 3}, "e", "h", "line");
  EXPECT_TRUE(diag.HasErrors());
  EXPECT_EQ(diag.error_count(), 1u);
  ASSERT_EQ(diag.items().size(), 3u);
  EXPECT_EQ(diag.items()[2].hint, "h");
  EXPECT_EQ(diag.items()[2].source_line, "line");
}

TEST(DiagnosticsTest, KeepsAtMostTheCapAndCountsTheRest) {
  Diagnostics diag;
  const std::size_t extra = 7;
  for (std::size_t i = 0; i < Diagnostics::kMaxErrors + extra; ++i) {
    diag.Error({"a.yaml", static_cast<int>(i) + 1, 1}, "e");
  }
  diag.Warning({"a.yaml", 1, 1}, "warnings have a cap of their own");
  EXPECT_EQ(diag.error_count(), Diagnostics::kMaxErrors + extra);
  EXPECT_EQ(diag.dropped(), extra);
  EXPECT_EQ(diag.dropped_warnings(), 0u);
  EXPECT_EQ(diag.items().size(), Diagnostics::kMaxErrors + 1);
  EXPECT_EQ(diag.items()[Diagnostics::kMaxErrors - 1].location.line,
            static_cast<int>(Diagnostics::kMaxErrors));
}

// Thousands of excluded files under --skip-invalid must not flood stderr.
TEST(DiagnosticsTest, KeepsAtMostTheCapOfWarningsAndCountsTheRest) {
  Diagnostics diag;
  for (std::size_t i = 0; i < Diagnostics::kMaxErrors + 5; ++i) {
    diag.Warning({"a.yaml", static_cast<int>(i) + 1, 1}, "w");
  }
  diag.Note({"a.yaml", 0, 0}, "notes are not capped");
  EXPECT_FALSE(diag.HasErrors());
  EXPECT_EQ(diag.dropped_warnings(), 5u);
  EXPECT_EQ(diag.items().size(), Diagnostics::kMaxErrors + 1);
  Diagnostics all;
  all.Append(diag);
  EXPECT_EQ(all.dropped_warnings(), 5u);
}

TEST(DiagnosticsTest, AppendCarriesDroppedCounts) {
  Diagnostics full;
  for (std::size_t i = 0; i < Diagnostics::kMaxErrors + 3; ++i) {
    full.Error({}, "e");
  }
  Diagnostics all;
  all.Error({}, "first");
  all.Append(full);
  EXPECT_EQ(all.error_count(), Diagnostics::kMaxErrors + 4);
  EXPECT_EQ(all.items().size(), Diagnostics::kMaxErrors);
  EXPECT_EQ(all.items().front().message, "first");
  EXPECT_EQ(all.dropped(), 4u);
}

}  // namespace
}  // namespace eds

namespace eds {
namespace {

// A path shows every byte that is not well-formed UTF-8 as \xNN, overlong
// forms, surrogates and values above U+10FFFF included, so a name prints as
// valid UTF-8 whatever bytes it holds.
TEST(DisplayPathTest, EscapesEveryByteThatIsNotUtf8) {
  EXPECT_EQ(DisplayPath("panel/2024-25.yaml"), "panel/2024-25.yaml");
  EXPECT_EQ(DisplayPath("caf\xC3\xA9.yaml"), "caf\xC3\xA9.yaml");
  EXPECT_EQ(DisplayPath("a\xC0\x80"
                        "b"),
            "a\\xC0\\x80b");
  EXPECT_EQ(DisplayPath("\xE0\x80\xAF"), "\\xE0\\x80\\xAF");
  EXPECT_EQ(DisplayPath("\xED\xA0\x80"), "\\xED\\xA0\\x80");
  EXPECT_EQ(DisplayPath("\xF4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80");
  EXPECT_EQ(DisplayPath("cut\xE2\x82"), "cut\\xE2\\x82");
  EXPECT_EQ(DisplayPath("tab\there"), "tab\\x09here");
  EXPECT_EQ(DisplayPath("\xE2\x80\xAE"
                        "evil"),
            "<U+202E>evil");
  EXPECT_EQ(DisplayPath("\xC2\x85"), "<U+0085>");
}

}  // namespace
}  // namespace eds
