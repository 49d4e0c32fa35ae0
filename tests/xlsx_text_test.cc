#include "xlsx_text.h"

#include <gtest/gtest.h>

#include <ctime>
#include <optional>
#include <string>

namespace eds::xlsx {
namespace {

TEST(XlsxCellTextTest, MakesInputSafeForACell) {
  struct Case {
    std::string input;
    std::size_t max_units;
    std::string expected;
  };
  const Case cases[] = {
      {"plain text", kMaxCellUnits, "plain text"},
      {"=SUM(1)", kMaxCellUnits, "=SUM(1)"},  // writers store it as text
      {"Café – ü", kMaxCellUnits, "Café – ü"},
      // Excel would read "_x0041_" as "A"; the "_" is escaped instead.
      {"a_x0041_b", kMaxCellUnits, "a_x005F_x0041_b"},
      {"_x00e9_", kMaxCellUnits, "_x005F_x00e9_"},
      {"_x12_", kMaxCellUnits, "_x12_"},
      {"_xGGGG_", kMaxCellUnits, "_xGGGG_"},
      // Malformed UTF-8 and XML non-characters become U+FFFD.
      {"a\xFF"
       "b",
       kMaxCellUnits,
       "a\xEF\xBF\xBD"
       "b"},
      {"\xC0\xAF", kMaxCellUnits, "\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"\xED\xA0\x80", kMaxCellUnits, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"\xEF\xBF\xBE", kMaxCellUnits, "\xEF\xBF\xBD"},
      {"cut\xE2\x80", kMaxCellUnits, "cut\xEF\xBF\xBD\xEF\xBF\xBD"},
      // Cut at the limit, ending in "…" (one unit).
      {"abcd", 4, "abcd"},
      {"abcde", 4, "abc\xE2\x80\xA6"},
      {"ééééé", 4, "ééé\xE2\x80\xA6"},
      // An emoji is two UTF-16 units and is never split.
      {"\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 3, "\xF0\x9F\x98\x80\xE2\x80\xA6"},
      {"a\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 3, "a\xE2\x80\xA6"},
      {"", 4, ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CellText(c.input, c.max_units), c.expected)
        << "input: " << c.input << " max " << c.max_units;
  }
}

TEST(XlsxCellTextTest, CutsAtTheExcelLimitByDefault) {
  const std::string cut = CellText(std::string(40000, 'x'));
  EXPECT_EQ(cut, std::string(kMaxCellUnits - 1, 'x') + "\xE2\x80\xA6");
  EXPECT_EQ(CellText(std::string(kMaxCellUnits, 'x')),
            std::string(kMaxCellUnits, 'x'));
}

TEST(XlsxPropertyTextTest, ReplacesControlCharacters) {
  EXPECT_EQ(PropertyText("a\x01"
                         "b\nc\td"),
            "a b c d");
  EXPECT_EQ(PropertyText("=Trust \xFF"), "=Trust \xEF\xBF\xBD");
}

TEST(XlsxParseColourTest, ReadsHashRrggbb) {
  EXPECT_EQ(ParseColour("#C5E0B4"), std::optional<Colour>(0xC5E0B4));
  EXPECT_EQ(ParseColour("#9dc3e6"), std::optional<Colour>(0x9DC3E6));
  EXPECT_EQ(ParseColour("C5E0B4"), std::nullopt);
  EXPECT_EQ(ParseColour("#C5E0B"), std::nullopt);
  EXPECT_EQ(ParseColour("#GG0000"), std::nullopt);
  EXPECT_EQ(ParseColour(""), std::nullopt);
}

TEST(XlsxDocumentTimeTest, ComesFromTheAssessmentNeverTheClock) {
  struct Case {
    const char* completed;
    const char* year;
    std::time_t expected;
  };
  const Case cases[] = {
      {"2025-02-14", "2024/25", 1739491200},  // 2025-02-14T00:00:00Z
      {"2024-02-29", "2023/24", 1709164800},  // a leap day
      {"", "2024/25", 1704067200},            // 2024-01-01
      {"2025-02-30", "2024/25", 1704067200},  // not a date: the year
      {"2025-2-14", "2024/25", 1704067200},
      {"", "", 946684800},                   // 2000-01-01
      {"1970-01-01", "1970/71", 946684800},  // zero would mean "now"
      {"1969-12-31", "", -86400},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DocumentTime(Date::Parse(c.completed), c.year), c.expected)
        << c.completed << " " << c.year;
  }
}

TEST(XlsxScoreNumberFormatTest, ShowsWholeAndHalfExactlyElseTwoDecimals) {
  EXPECT_EQ(ScoreNumberFormat(Rational(22)), "");
  EXPECT_EQ(ScoreNumberFormat(Rational(15, 2)), "");
  EXPECT_EQ(ScoreNumberFormat(Rational(5, 3)), "0.00");
  EXPECT_EQ(ScoreNumberFormat(Rational(7, 4)), "0.00");
}

TEST(XlsxTextWidthTest, CountsCharactersOfTheLongestLine) {
  EXPECT_EQ(TextWidth(""), 0.0);
  EXPECT_EQ(TextWidth("café"), 4.0);
  EXPECT_EQ(TextWidth("ab\nabcd\nabc"), 4.0);
}

TEST(XlsxWrappedLineCountTest, CountsLinesWhenWrapped) {
  struct Case {
    std::string text;
    double width;
    bool bold;
    std::size_t lines;
  };
  const Case cases[] = {
      {"", 10, false, 1},
      // A cell keeps a little room at its edges: nine digits fit in ten.
      {"012345678", 10, false, 1},
      {"0123456789", 10, false, 2},
      {"a\n\nb", 10, false, 3},
      // A word longer than the line is broken across lines.
      {std::string(25, '0') + "\nshort", 10, false, 4},
      // Lines break at spaces: "Domain 1" fits, "score" goes to the next.
      {"Domain 1 score", 10, false, 2},
      {"Domain 1 score", 14, false, 1},
      // Narrow letters take less room, capitals and bold more.
      {"illilliilliilli", 10, false, 1},
      {"MMMMMMM", 10, false, 2},
      {"Organisation", 12, false, 1},
      {"Organisation", 12, true, 2},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(WrappedLineCount(c.text, c.width, c.bold), c.lines)
        << c.text << " in " << c.width << (c.bold ? " bold" : "");
  }
}

TEST(XlsxHeaderFooterTextTest, DoublesAmpersandsAndCutsLongText) {
  EXPECT_EQ(HeaderFooterText("Fenland & Wash ICS", 120), "Fenland && Wash ICS");
  EXPECT_EQ(HeaderFooterText("&P &N &&", 120), "&&P &&N &&&&");
  EXPECT_EQ(HeaderFooterText("a\nb\x01", 120), "a b ");
  EXPECT_EQ(HeaderFooterText("abcdef", 4), "abc\xE2\x80\xA6");
  EXPECT_EQ(HeaderFooterText("abcd", 4), "abcd");
  EXPECT_EQ(HeaderFooterText("&&&&&", 3), "&&&&\xE2\x80\xA6");
}

}  // namespace
}  // namespace eds::xlsx
