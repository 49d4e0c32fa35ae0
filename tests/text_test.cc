#include "eds/text.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace eds {
namespace {

struct DecodeCase {
  const char* why;
  std::string bytes;
  std::size_t length;  // 0: not a well-formed character
  char32_t code_point;
};

void PrintTo(const DecodeCase& c, std::ostream* os) { *os << c.why; }

class DecodeUtf8Test : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeUtf8Test, FollowsUnicodeTable3To7) {
  const DecodeCase& c = GetParam();
  char32_t cp = 0xABCD;  // left as it is when the bytes are malformed
  EXPECT_EQ(DecodeUtf8(c.bytes, 0, &cp), c.length);
  EXPECT_EQ(cp, c.length == 0 ? 0xABCD : c.code_point);
  EXPECT_EQ(Utf8SequenceLength(c.bytes, 0), c.length);
  EXPECT_EQ(IsValidUtf8(c.bytes), c.length == c.bytes.size());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DecodeUtf8Test,
    ::testing::Values(
        DecodeCase{"ascii", "A", 1, U'A'},
        DecodeCase{"nul is a character", std::string(1, '\0'), 1, 0},
        DecodeCase{"delete", "\x7F", 1, 0x7F},
        DecodeCase{"two bytes, lowest", "\xC2\x80", 2, 0x80},
        DecodeCase{"two bytes, e diaeresis", "\xC3\xAB", 2, 0xEB},
        DecodeCase{"two bytes, highest", "\xDF\xBF", 2, 0x7FF},
        DecodeCase{"three bytes, lowest", "\xE0\xA0\x80", 3, 0x800},
        DecodeCase{"three bytes, before surrogates", "\xED\x9F\xBF", 3, 0xD7FF},
        DecodeCase{"three bytes, after surrogates", "\xEE\x80\x80", 3, 0xE000},
        DecodeCase{"three bytes, highest", "\xEF\xBF\xBF", 3, 0xFFFF},
        DecodeCase{"four bytes, lowest", "\xF0\x90\x80\x80", 4, 0x10000},
        DecodeCase{"four bytes, emoji", "\xF0\x9F\x98\x80", 4, 0x1F600},
        DecodeCase{"four bytes, highest", "\xF4\x8F\xBF\xBF", 4, 0x10FFFF},
        DecodeCase{"lone continuation", "\x80", 0, 0},
        DecodeCase{"last continuation", "\xBF", 0, 0},
        DecodeCase{"overlong two bytes C0", "\xC0\xAF", 0, 0},
        DecodeCase{"overlong two bytes C1", "\xC1\xBF", 0, 0},
        DecodeCase{"overlong three bytes", "\xE0\x80\xAF", 0, 0},
        DecodeCase{"overlong three bytes, highest", "\xE0\x9F\xBF", 0, 0},
        DecodeCase{"overlong four bytes", "\xF0\x80\x80\xAF", 0, 0},
        DecodeCase{"overlong four bytes, highest", "\xF0\x8F\xBF\xBF", 0, 0},
        DecodeCase{"surrogate, lowest", "\xED\xA0\x80", 0, 0},
        DecodeCase{"surrogate, highest", "\xED\xBF\xBF", 0, 0},
        DecodeCase{"above U+10FFFF", "\xF4\x90\x80\x80", 0, 0},
        DecodeCase{"lead F5", "\xF5\x80\x80\x80", 0, 0},
        DecodeCase{"lead F8, five bytes", "\xF8\x88\x80\x80\x80", 0, 0},
        DecodeCase{"lead FF", "\xFF", 0, 0},
        DecodeCase{"truncated two bytes", "\xC3", 0, 0},
        DecodeCase{"truncated three bytes", "\xE2\x82", 0, 0},
        DecodeCase{"truncated four bytes", "\xF0\x9F\x98", 0, 0},
        DecodeCase{"second byte not a continuation",
                   "\xC3"
                   "A",
                   0, 0},
        DecodeCase{"third byte not a continuation",
                   "\xE2\x82"
                   "A",
                   0, 0},
        DecodeCase{"fourth byte not a continuation",
                   "\xF0\x9F\x98"
                   "A",
                   0, 0},
        DecodeCase{"continuation above BF", "\xC3\xC0", 0, 0}));

TEST(TextTest, DecodesAtAnOffsetAndStopsAtTheEnd) {
  const std::string text = "a\xC3\xAB\xE2\x82";
  char32_t cp = 0;
  EXPECT_EQ(DecodeUtf8(text, 1, &cp), 2u);
  EXPECT_EQ(cp, 0xEBu);
  EXPECT_EQ(DecodeUtf8(text, 3, &cp), 0u);  // cut short by the end
}

TEST(TextTest, FindsTheFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8(""), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Zo\xC3\xAB \xE2\x80\x94 \xF0\x9F\x98\x80"),
            std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xED\xA0\x80"
                            "cd"),
            2u);
  EXPECT_EQ(FindInvalidUtf8("\xC3\xAB\xC3"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xC3\xAB"
                            "x\xFF"),
            3u);
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9"));
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));  // Latin-1
}

TEST(TextTest, AppendsEveryLengthOfUtf8) {
  std::string out;
  for (const char32_t cp : {U'A', char32_t{0xEB}, char32_t{0x7FF},
                            char32_t{0x800}, char32_t{0x2026}, char32_t{0xFFFD},
                            char32_t{0x10000}, char32_t{0x10FFFF}}) {
    AppendUtf8(cp, &out);
  }
  EXPECT_EQ(out,
            "A\xC3\xAB\xDF\xBF\xE0\xA0\x80\xE2\x80\xA6\xEF\xBF\xBD"
            "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
  // Decoding gives back what was appended.
  std::size_t i = 0;
  std::size_t count = 0;
  while (i < out.size()) {
    const std::size_t length = Utf8SequenceLength(out, i);
    ASSERT_GT(length, 0u);
    i += length;
    ++count;
  }
  EXPECT_EQ(count, 8u);
}

TEST(TextTest, CountsCharactersByTheirFirstBytes) {
  EXPECT_FALSE(IsUtf8Continuation('a'));
  EXPECT_FALSE(IsUtf8Continuation('\xC3'));
  EXPECT_TRUE(IsUtf8Continuation('\xAB'));
  EXPECT_TRUE(IsUtf8Continuation('\x80'));
  EXPECT_TRUE(IsUtf8Continuation('\xBF'));
  EXPECT_FALSE(IsUtf8Continuation('\xF0'));
}

TEST(TextTest, LowersAsciiLettersOnly) {
  EXPECT_EQ(LowerAscii("Not RATED"), "not rated");
  EXPECT_EQ(LowerAscii("ÉCOLE Zoë @[`{"), "École zoë @[`{");
  EXPECT_EQ(LowerAscii(""), "");
  EXPECT_EQ(LowerAscii('Q'), 'q');
  EXPECT_EQ(LowerAscii('@'), '@');
  EXPECT_EQ(LowerAscii('['), '[');
  EXPECT_EQ(LowerAscii('\xC3'), '\xC3');
}

TEST(TextTest, MatchesPrefixesAndSuffixesInAnyCase) {
  EXPECT_TRUE(StartsWithNoCase("HTTPS://x", "https://"));
  EXPECT_TRUE(StartsWithNoCase("mailto:", "mailto:"));
  EXPECT_FALSE(StartsWithNoCase("mail", "mailto:"));
  EXPECT_FALSE(StartsWithNoCase("xhttps://", "https://"));
  EXPECT_TRUE(EndsWithNoCase("Panel.XLSX", ".xlsx"));
  EXPECT_TRUE(EndsWithNoCase(".csv", ".csv"));
  EXPECT_FALSE(EndsWithNoCase("csv", ".csv"));
  EXPECT_FALSE(EndsWithNoCase("panel.xlsx ", ".xlsx"));
  EXPECT_TRUE(EndsWithNoCase("anything", ""));
}

struct LinkCase {
  std::string url;
  bool live;
};

void PrintTo(const LinkCase& c, std::ostream* os) { *os << c.url; }

class LiveLinkTest : public ::testing::TestWithParam<LinkCase> {};

TEST_P(LiveLinkTest, AllowsOnlyWebAndPlainMailAddresses) {
  EXPECT_EQ(IsLiveLink(GetParam().url), GetParam().live);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LiveLinkTest,
    ::testing::Values(
        LinkCase{"https://example.org/a.pdf", true},
        LinkCase{"http://example.org", true},
        LinkCase{"HTTP://Example.org/x", true},
        LinkCase{"hTTpS://example.org?q=1", true},
        LinkCase{"Mailto:a@b.org", true},
        LinkCase{"mailto:edi.lead@trust.nhs.uk", true},
        LinkCase{"https://", false}, LinkCase{"https:///path", false},
        LinkCase{"http://user@host/", false},
        LinkCase{"http://user:pass@host/", false},
        // Browsers end the host at '\': the '@' after it is in the path.
        LinkCase{"https://ex\\@x", true}, LinkCase{"http:/x", false},
        LinkCase{"//example.org", false}, LinkCase{"ftp://example.org", false},
        LinkCase{"javascript:alert(1)", false},
        LinkCase{"data:text/html,hi", false},
        LinkCase{"MAILTO:a@b.org?subject=x", false},
        LinkCase{"mailto:a@b@c", false}, LinkCase{"mailto:@b", false},
        LinkCase{"mailto:a@", false}, LinkCase{"mailto:a b@c", false},
        LinkCase{"mailto:a@b.org,c@d.org", false},
        LinkCase{"mailto:\xC3\xA9@b.org", false}, LinkCase{"mailto:", false},
        LinkCase{"", false}));

}  // namespace
}  // namespace eds
