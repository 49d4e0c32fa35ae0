#include "eds/unicode.h"

#include <gtest/gtest.h>

#include <string>

#include "eds/history.h"

namespace eds {
namespace {

TEST(UnicodeTest, FindsInvisibleAndBidirectionalCharacters) {
  const struct {
    const char* text;
    const char* name;  // "" for none
  } kCases[] = {
      {"Plain Trust", ""},
      {"Caf\u00E9 \u0410 \uFF32 tab\there", ""},
      {"RA\u200BA", "U+200B ZERO WIDTH SPACE"},
      {"x\u202Ey", "U+202E RIGHT-TO-LEFT OVERRIDE"},
      {"\u2066ICS", "U+2066 LEFT-TO-RIGHT ISOLATE"},
      {"a\u00ADb", "U+00AD SOFT HYPHEN"},
      {"\uFEFFbom", "U+FEFF ZERO WIDTH NO-BREAK SPACE"},
      {"line\u2028sep", "U+2028 LINE SEPARATOR"},
      {"bell\x07", "U+0007"},
      {"c1\u0085", "U+0085"},
  };
  for (const auto& c : kCases) {
    const auto hidden = FindHiddenCharacter(c.text);
    EXPECT_EQ(hidden ? hidden->name : "", c.name) << c.text;
  }
}

TEST(UnicodeTest, EscapesHiddenCharactersAndKeepsTheRest) {
  EXPECT_EQ(EscapeHiddenCharacters("Real \u202Etsurt\u202C\tTrust \u00E9"),
            "Real <U+202E>tsurt<U+202C>\tTrust \u00E9");
  EXPECT_EQ(EscapeHiddenCharacters("bad \xFF byte"), "bad \xFF byte");
  EXPECT_EQ(EscapeHiddenCharacters(""), "");
}

TEST(UnicodeTest, NfkcFoldsCompatibilityForms) {
  EXPECT_EQ(NormaliseNfkc("\uFF32AA"), "RAA");
  EXPECT_EQ(NormaliseNfkc("\uFB01ne"), "fine");      // the "fi" ligature
  EXPECT_EQ(NormaliseNfkc("R\u0410A"), "R\u0410A");  // Cyrillic stays
  EXPECT_EQ(NormaliseNfkc("bad \xFF"), "bad \xFF");
  EXPECT_EQ(FoldNfkc("\uFF32aa TRUST"), "raa trust");
}

TEST(SystemKeyTest, IgnoresCasePunctuationAndAmpersand) {
  const struct {
    const char* system;
    const char* key;
  } kCases[] = {
      {"Fenland & Wash ICS", "fenland and wash ics"},
      {"Fenland and Wash ICS", "fenland and wash ics"},
      {"  FENLAND&WASH  I.C.S. ", "fenland and wash ics"},
      {"Fenland, Wash ICS", "fenland wash ics"},
      {"\uFF26enland and Wash ICS", "fenland and wash ics"},
      {"", ""},
  };
  for (const auto& c : kCases)
    EXPECT_EQ(SystemKey(c.system), c.key) << c.system;
}

}  // namespace
}  // namespace eds
