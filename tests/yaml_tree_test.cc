#include "yaml_tree.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

#include "diagnostic_text.h"
#include "eds/limits.h"

namespace eds {
namespace {

using ::eds::testing::Formatted;

YamlFile ParseOk(const std::string& text) {
  Diagnostics diag;
  std::optional<YamlFile> file = YamlFile::Parse(text, "t.yaml", diag);
  EXPECT_TRUE(file.has_value()) << Formatted(diag);
  EXPECT_FALSE(diag.HasErrors()) << Formatted(diag);
  if (!file) return *YamlFile::Parse("", "t.yaml", diag);
  return *file;
}

TEST(YamlTreeTest, BuildsLocatedNodesWithoutImplicitTyping) {
  const YamlFile file = ParseOk(
      "eds3: 1\n"
      "year: 2024/25\n"
      "scores: [010, 2.5, yes, \"null\", ~, null]\n"
      "name: 'Caf\xC3\xA9 \xCE\xA9'\n"
      "nested:\n"
      "  - id: a\n");
  const YamlNode& root = file.root();
  ASSERT_TRUE(root.IsMapping());
  ASSERT_EQ(root.entries.size(), 5u);
  EXPECT_EQ(root.line, 1);
  EXPECT_EQ(root.column, 1);

  const YamlNode* version = root.Find("eds3");
  ASSERT_NE(version, nullptr);
  EXPECT_TRUE(version->IsScalar());
  EXPECT_EQ(version->text, "1");
  EXPECT_FALSE(version->quoted);
  EXPECT_EQ(version->line, 1);
  EXPECT_EQ(version->column, 7);

  const YamlNode* scores = root.Find("scores");
  ASSERT_NE(scores, nullptr);
  ASSERT_TRUE(scores->IsSequence());
  ASSERT_EQ(scores->items.size(), 6u);
  // Numbers and booleans stay the text that was written.
  EXPECT_EQ(scores->items[0].text, "010");
  EXPECT_EQ(scores->items[1].text, "2.5");
  EXPECT_EQ(scores->items[2].text, "yes");
  // A quoted "null" is text; ~ and null are nulls.
  EXPECT_TRUE(scores->items[3].IsScalar());
  EXPECT_TRUE(scores->items[3].quoted);
  EXPECT_EQ(scores->items[3].text, "null");
  EXPECT_TRUE(scores->items[4].IsNull());
  EXPECT_TRUE(scores->items[5].IsNull());
  EXPECT_EQ(scores->items[5].line, 3);
  EXPECT_EQ(scores->items[5].column, 36);

  const YamlNode* name = root.Find("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->text, "Caf\xC3\xA9 \xCE\xA9");
  EXPECT_TRUE(name->quoted);

  const YamlNode* nested = root.Find("nested");
  ASSERT_NE(nested, nullptr);
  ASSERT_EQ(nested->items.size(), 1u);
  const YamlNode* id = nested->items[0].Find("id");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->line, 6);
  EXPECT_EQ(id->column, 9);
  const YamlNode* id_key = nested->items[0].FindKey("id");
  ASSERT_NE(id_key, nullptr);
  EXPECT_EQ(id_key->column, 5);
  EXPECT_EQ(root.Find("missing"), nullptr);
  EXPECT_EQ(root.FindKey("missing"), nullptr);
}

TEST(YamlTreeTest, CountsColumnsInCharacters) {
  const YamlFile file = ParseOk("\xC3\xA9t\xC3\xA9: {\xCE\xA9: x}\n");
  const YamlNode& value = file.root().entries[0].second;
  EXPECT_EQ(value.column, 6);
  EXPECT_EQ(value.entries[0].first.column, 7);
  EXPECT_EQ(value.entries[0].second.column, 10);
}

TEST(YamlTreeTest, LocatesALeftOutValueAtItsKey) {
  const YamlFile file = ParseOk("a:\nb: 1\nc:\n");
  EXPECT_TRUE(file.root().Find("a")->IsNull());
  EXPECT_EQ(file.root().Find("a")->line, 1);
  EXPECT_EQ(file.root().Find("a")->column, 1);
  // The last one: yaml-cpp would place it past the end of the file.
  EXPECT_EQ(file.root().Find("c")->line, 3);
  EXPECT_EQ(file.root().Find("c")->column, 1);
}

TEST(YamlTreeTest, EmptyAndCommentOnlyFilesHaveANullRoot) {
  EXPECT_TRUE(ParseOk("").root().IsNull());
  EXPECT_TRUE(ParseOk("# nothing yet\n\n").root().IsNull());
}

TEST(YamlTreeTest, SkipsAUtf8ByteOrderMark) {
  const YamlFile file = ParseOk(
      "\xEF\xBB\xBF"
      "eds3: 1\n");
  EXPECT_EQ(file.root().entries[0].first.text, "eds3");
  EXPECT_EQ(file.root().entries[0].first.column, 1);
  EXPECT_EQ(file.Line(1), "eds3: 1");
}

TEST(YamlTreeTest, AcceptsTheDeepestAllowedNesting) {
  const std::string text =
      std::string(kMaxNestingDepth, '[') + std::string(kMaxNestingDepth, ']');
  EXPECT_TRUE(ParseOk(text).root().IsSequence());
}

TEST(YamlTreeTest, LinesWithoutLineEnds) {
  const YamlFile file = ParseOk("a: 1\r\nb: 2\n\nc: 3");
  EXPECT_EQ(file.Line(1), "a: 1");
  EXPECT_EQ(file.Line(2), "b: 2");
  EXPECT_EQ(file.Line(3), "");
  EXPECT_EQ(file.Line(4), "c: 3");
  EXPECT_EQ(file.Line(0), "");
  EXPECT_EQ(file.Line(5), "");
}

TEST(YamlTreeTest, DoesNotQuoteAHugeLine) {
  std::string huge = "a: [x";
  while (huge.size() <= kMaxQuotedLineBytes) huge += ", x";
  const YamlFile file = ParseOk(huge + "]\nb: 1\n");
  EXPECT_TRUE(file.Line(1).empty());
  EXPECT_EQ(file.Line(2), "b: 1");
  // A line just within the limit is still quoted.
  std::string largest = "a: [x";
  while (largest.size() + 3 <= kMaxQuotedLineBytes - 1) largest += ", x";
  largest += "]";
  EXPECT_EQ(ParseOk(largest).Line(1).size(), largest.size());
}

TEST(YamlTreeTest, LocateAndPosOfAgree) {
  const YamlFile file = ParseOk("a: \xC3\xA9x\nbb: y\n");
  int line = 0, column = 0;
  file.Locate(5, &line, &column);  // the 'x' after the two-byte 'é'
  EXPECT_EQ(line, 1);
  EXPECT_EQ(column, 5);
  EXPECT_EQ(file.PosOf(1, 5), 5u);
  file.Locate(11, &line, &column);  // 'y'
  EXPECT_EQ(line, 2);
  EXPECT_EQ(column, 5);
  EXPECT_EQ(file.PosOf(2, 5), 11u);
  // Out of order still works.
  file.Locate(3, &line, &column);
  EXPECT_EQ(line, 1);
  EXPECT_EQ(column, 4);
}

TEST(YamlTreeTest, ErrorQuotesTheNodesLine) {
  const YamlFile file = ParseOk("eds3: 1\nyear: 2024-25\n");
  Diagnostics diag;
  file.Error(diag, *file.root().Find("year"), "bad year",
             "for example 2024/25");
  EXPECT_EQ(Formatted(diag),
            "t.yaml:2:7: error: bad year\n"
            "  year: 2024-25\n"
            "        ^\n"
            "  hint: for example 2024/25\n");
}

struct Refusal {
  const char* name;
  std::string text;
  std::string expected;  // every diagnostic, formatted
};

void PrintTo(const Refusal& c, std::ostream* os) { *os << c.name; }

class YamlRefusalTest : public ::testing::TestWithParam<Refusal> {};

TEST_P(YamlRefusalTest, RefusesWithALocatedMessage) {
  Diagnostics diag;
  EXPECT_FALSE(YamlFile::Parse(GetParam().text, "t.yaml", diag).has_value());
  EXPECT_EQ(Formatted(diag), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, YamlRefusalTest,
    ::testing::Values(
        Refusal{"InvalidUtf8", "a: 1\nb: caf\xE9\n",
                "t.yaml:2:7: error: the file is not valid UTF-8 text (a NUL "
                "byte or an invalid byte sequence)\n"
                "  hint: save the file as UTF-8 text\n"},
        Refusal{"OverlongUtf8", "a: \xC0\xAF\n",
                "t.yaml:1:4: error: the file is not valid UTF-8 text (a NUL "
                "byte or an invalid byte sequence)\n"
                "  hint: save the file as UTF-8 text\n"},
        Refusal{"Surrogate", "a: \xED\xA0\x80\n",
                "t.yaml:1:4: error: the file is not valid UTF-8 text (a NUL "
                "byte or an invalid byte sequence)\n"
                "  hint: save the file as UTF-8 text\n"},
        Refusal{"NulByte", std::string("a: \xC3\xA9x\0y\n", 9),
                "t.yaml:1:6: error: the file is not valid UTF-8 text (a NUL "
                "byte or an invalid byte sequence)\n"
                "  hint: save the file as UTF-8 text\n"},
        Refusal{"Utf16",
                std::string("\xFF\xFE"
                            "a\0:\0 \0"
                            "1\0",
                            10),
                "t.yaml:1:1: error: the file is UTF-16 text; eds3 reads UTF-8\n"
                "  hint: save the file as UTF-8 text\n"},
        Refusal{"TwoDocuments", "a: 1\n---\nb: 2\n",
                "t.yaml:2:1: error: the file holds more than one YAML "
                "document\n"
                "  ---\n"
                "  ^\n"
                "  hint: remove the '---' separator and everything after the "
                "first document\n"},
        Refusal{"DocumentAfterEndMarker", "a: 1\n...\nb: 2\n",
                "t.yaml:3:1: error: the file holds more than one YAML "
                "document\n"
                "  b: 2\n"
                "  ^\n"
                "  hint: remove the '---' separator and everything after the "
                "first document\n"},
        Refusal{"CommaAlone", ",",
                "t.yaml:1:1: error: YAML syntax: unexpected ','\n"
                "  ,\n"
                "  ^\n"
                "  hint: the file holds one YAML mapping; check the "
                "indentation, brackets and quotes here and on the lines "
                "before\n"},
        Refusal{"MappingAfterList", "- a\nb: 1\n",
                "t.yaml:2:1: error: YAML syntax: unexpected 'b: 1'\n"
                "  b: 1\n"
                "  ^\n"
                "  hint: the file holds one YAML mapping; check the "
                "indentation, brackets and quotes here and on the lines "
                "before\n"},
        Refusal{"Anchor", "a: &x 1\n",
                "t.yaml:1:4: error: YAML anchors (&name) are not allowed\n"
                "  a: &x 1\n"
                "     ^\n"
                "  hint: write the value out in full\n"},
        Refusal{"AnchorOnMapping", "a: &x\n  b: 1\n",
                "t.yaml:1:4: error: YAML anchors (&name) are not allowed\n"
                "  a: &x\n"
                "     ^\n"
                "  hint: write the value out in full\n"},
        Refusal{"Alias", "a: *x\n",
                "t.yaml:1:4: error: YAML aliases (*name) are not allowed\n"
                "  a: *x\n"
                "     ^\n"
                "  hint: write the value out in full; eds3 files do not share "
                "values between places\n"},
        Refusal{"StandardTag", "a: !!int 1\n",
                "t.yaml:1:4: error: YAML tags (tag:yaml.org,2002:int) are not "
                "allowed\n"
                "  a: !!int 1\n"
                "     ^\n"
                "  hint: remove the tag; eds3 reads every value as text\n"},
        Refusal{"TagOnList", "a: !list [1]\n",
                "t.yaml:1:4: error: YAML tags (!list) are not allowed\n"
                "  a: !list [1]\n"
                "     ^\n"
                "  hint: remove the tag; eds3 reads every value as text\n"},
        Refusal{"DuplicateKey", "a: 1\nb: 2\na: 3\n",
                "t.yaml:3:1: error: duplicate key 'a' (first given on line "
                "1)\n"
                "  a: 3\n"
                "  ^\n"
                "  hint: give each key once\n"},
        Refusal{"DuplicateKeyInFlow", "x: {a: 1, a: 2}\n",
                "t.yaml:1:11: error: duplicate key 'a' (first given on line "
                "1)\n"
                "  x: {a: 1, a: 2}\n"
                "            ^\n"
                "  hint: give each key once\n"},
        Refusal{"ListAsKey", "? [a, b]\n: 1\n",
                "t.yaml:1:3: error: a mapping key must be plain text\n"
                "  ? [a, b]\n"
                "    ^\n"},
        Refusal{"TooDeep",
                std::string(kMaxNestingDepth + 1, '[') +
                    std::string(kMaxNestingDepth + 1, ']'),
                "t.yaml:1:33: error: nesting is deeper than 32 levels\n"
                "  " +
                    std::string(kMaxNestingDepth + 1, '[') +
                    std::string(kMaxNestingDepth + 1, ']') + "\n" + "  " +
                    std::string(kMaxNestingDepth, ' ') + "^\n"},
        // Control characters: raw in the file (the line is not quoted, as
        // it holds the very character), or written as an escape.
        Refusal{"RawEscapeCharacter", "a: 1\nb: x\x1B[2Jy\n",
                "t.yaml:2:5: error: the file holds the control character "
                "U+001B, which is not text\n"
                "  hint: delete it; an editor may show it as a box, or as ^ "
                "and a letter\n"},
        Refusal{"RawC1Control", "a: x\xC2\x9By\n",
                "t.yaml:1:5: error: the file holds the control character "
                "U+009B, which is not text\n"
                "  hint: delete it; an editor may show it as a box, or as ^ "
                "and a letter\n"},
        Refusal{"RawDelete", "a: \x7F\n",
                "t.yaml:1:4: error: the file holds the control character "
                "U+007F, which is not text\n"
                "  hint: delete it; an editor may show it as a box, or as ^ "
                "and a letter\n"},
        Refusal{"EscapedNul", "a: 1\nname: \"North\\0South\"\n",
                "t.yaml:2:7: error: this text holds the control character "
                "U+0000, written as an escape\n"
                "  name: \"North\\0South\"\n"
                "        ^\n"
                "  hint: remove the escape; text may hold \\n and \\t but no "
                "other control character\n"},
        Refusal{"EscapedCarriageReturn", "a: \"x\\ry\"\n",
                "t.yaml:1:4: error: this text holds the control character "
                "U+000D, written as an escape\n"
                "  a: \"x\\ry\"\n"
                "     ^\n"
                "  hint: remove the escape; text may hold \\n and \\t but no "
                "other control character\n"},
        Refusal{"Utf32", std::string("\xFF\xFE\0\0a\0\0\0", 8),
                "t.yaml:1:1: error: the file is UTF-32 text; eds3 reads UTF-8\n"
                "  hint: save the file as UTF-8 text\n"},
        Refusal{"Utf16WithoutMark", std::string("a\0:\0 \x001\0", 8),
                "t.yaml:1:1: error: the file is UTF-16 text; eds3 reads UTF-8\n"
                "  hint: save the file as UTF-8 text\n"},
        Refusal{"OldMacLineEnds", "a: 1\rb: 2\r",
                "t.yaml:1:5: error: a carriage return without a line feed: "
                "the lines end the way very old Mac files do\n"
                "  hint: save the file with Unix (LF) or Windows (CRLF) line "
                "ends\n"},
        // yaml-cpp says "illegal EOF in scalar" at the end of the file.
        Refusal{"UnclosedQuoteAtTheEnd", "a: 1\nname: \"Test Trust",
                "t.yaml:2:7: error: YAML syntax: this quoted text is never "
                "closed\n"
                "  name: \"Test Trust\n"
                "        ^\n"
                "  hint: end the text with a matching double quote\n"},
        // yaml-cpp says "end of map not found" for both.
        Refusal{"TextAfterClosingQuote", "a: 1\nb: \"x\"y\n",
                "t.yaml:2:7: error: YAML syntax: text after the closing "
                "quote\n"
                "  b: \"x\"y\n"
                "        ^\n"
                "  hint: put the whole value in quotes, or none of it\n"},
        Refusal{"IndentationOff", "a:\n  b: 1\n c: 2\n",
                "t.yaml:3:2: error: YAML syntax: this line does not fit the "
                "indentation of the lines above\n"
                "   c: 2\n"
                "   ^\n"
                "  hint: indent it with spaces exactly as far as the keys it "
                "belongs with\n"},
        Refusal{"TooLongText", "a: " + std::string(kMaxTextBytes + 1, 'x'),
                "t.yaml:1:4: error: text is longer than 65536 bytes\n"
                "  a: " +
                    std::string(117, 'x') + "\n     ^\n"},
        Refusal{"UnclosedDoubleQuote", "a: \"open\nb: 1\nc: 2\n",
                "t.yaml:1:4: error: YAML syntax: this quoted text is never "
                "closed\n"
                "  a: \"open\n"
                "     ^\n"
                "  hint: end the text with a matching double quote\n"},
        Refusal{"UnclosedSingleQuote", "a: 'it''s\n",
                "t.yaml:1:4: error: YAML syntax: this quoted text is never "
                "closed\n"
                "  a: 'it''s\n"
                "     ^\n"
                "  hint: end the text with a matching single quote\n"},
        Refusal{"UnclosedEscapedQuote", "a: \"say \\\"\n",
                "t.yaml:1:4: error: YAML syntax: this quoted text is never "
                "closed\n"
                "  a: \"say \\\"\n"
                "     ^\n"
                "  hint: end the text with a matching double quote\n"},
        Refusal{"UnclosedBrace", "a: {b: 1\nc: 2\n",
                "t.yaml:1:4: error: YAML syntax: this '{' is never closed by "
                "'}'\n"
                "  a: {b: 1\n"
                "     ^\n"},
        Refusal{"UnclosedBracket", "a: [1, {b: 2}\n",
                "t.yaml:1:4: error: YAML syntax: this '[' is never closed by "
                "']'\n"
                "  a: [1, {b: 2}\n"
                "     ^\n"},
        Refusal{"StrayBracket", "a: [1]]\n",
                "t.yaml:1:7: error: YAML syntax: this ']' closes nothing\n"
                "  a: [1]]\n"
                "        ^\n"
                "  hint: check that every '{' and '[' before it is closed "
                "once\n"},
        Refusal{"TabIndentation", "a:\n\tb: 1\n",
                "t.yaml:2:1: error: YAML syntax: a tab in the indentation\n"
                "  \tb: 1\n"
                "  ^\n"
                "  hint: indent with spaces; YAML does not allow tabs there\n"},
        Refusal{"ColonInPlainText", "notes: view: mixed\n",
                "t.yaml:1:12: error: YAML syntax: illegal map value\n"
                "  notes: view: mixed\n"
                "             ^\n"
                "  hint: put text that holds ': ' in quotes; otherwise check "
                "the indentation\n"}),
    [](const ::testing::TestParamInfo<Refusal>& param) {
      return std::string(param.param.name);
    });

TEST(YamlTreeTest, RefusesMoreThanTheNodeLimit) {
  std::string text = "[";
  text.reserve(2 * kMaxYamlNodes + 2);
  for (std::size_t i = 0; i < kMaxYamlNodes; ++i) text += "a,";
  text += "a]";
  Diagnostics diag;
  EXPECT_FALSE(YamlFile::Parse(text, "t.yaml", diag).has_value());
  ASSERT_EQ(diag.items().size(), 1u);
  EXPECT_EQ(diag.items()[0].message,
            "more than 1000000 YAML values in one file");
  EXPECT_EQ(diag.items()[0].location.line, 1);
  // The sequence is the first value, so the last 'a' is one too many.
  EXPECT_EQ(diag.items()[0].location.column,
            static_cast<int>(2 * kMaxYamlNodes));
}

struct TextValidity {
  const char* name;
  std::string text;
  bool valid;
  int line;
  int column;
};

void PrintTo(const TextValidity& c, std::ostream* os) { *os << c.name; }

class IsValidTextTest : public ::testing::TestWithParam<TextValidity> {};

TEST_P(IsValidTextTest, FindsTheFirstBadCharacter) {
  int line = 0, column = 0;
  EXPECT_EQ(IsValidText(GetParam().text, &line, &column), GetParam().valid);
  if (!GetParam().valid) {
    EXPECT_EQ(line, GetParam().line);
    EXPECT_EQ(column, GetParam().column);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, IsValidTextTest,
    ::testing::Values(
        TextValidity{"Ascii", "plain\ntext", true, 0, 0},
        TextValidity{"TwoThreeAndFourBytes",
                     "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", true, 0, 0},
        TextValidity{"HighestCodePoint", "\xF4\x8F\xBF\xBF", true, 0, 0},
        TextValidity{"BadByteOnLineTwo", "ab\n\xC3\xA9x\xFF", false, 2, 3},
        TextValidity{"Nul", std::string("a\0", 2), false, 1, 2},
        TextValidity{"CutShort", "\xC3", false, 1, 1},
        TextValidity{"Overlong", "\xE0\x80\x80", false, 1, 1},
        TextValidity{"AboveHighestCodePoint", "\xF4\x90\x80\x80", false, 1, 1},
        TextValidity{"Surrogate", "\xED\xBF\xBF", false, 1, 1},
        TextValidity{"LoneContinuation", "\x80", false, 1, 1},
        TextValidity{"NoSuchLeadByte", "\xF5\x80\x80\x80", false, 1, 1}),
    [](const ::testing::TestParamInfo<TextValidity>& param) {
      return std::string(param.param.name);
    });

TEST(YamlFileTest, TextMayHoldTabsAndLineEnds) {
  Diagnostics diag;
  const std::optional<YamlFile> file = YamlFile::Parse(
      "a: \"x\\ty\\nz\"\r\nb: |\r\n  one\r\n  two\r\n", "t.yaml", diag);
  ASSERT_TRUE(file.has_value()) << Formatted(diag);
  EXPECT_EQ(file->root().Find("a")->text, "x\ty\nz");
  EXPECT_EQ(file->root().Find("b")->text, "one\ntwo\n");
}

TEST(YamlFileTest, AnEmptyListItemIsPlacedAtItsDash) {
  Diagnostics diag;
  const std::optional<YamlFile> file =
      YamlFile::Parse("a:\n  -\n  - b\n", "t.yaml", diag);
  ASSERT_TRUE(file.has_value()) << Formatted(diag);
  const YamlNode& item = file->root().Find("a")->items.at(0);
  EXPECT_TRUE(item.IsNull());
  EXPECT_EQ(item.line, 2);
  EXPECT_EQ(item.column, 3);
}

TEST(WideUnicodeEncodingTest, SeesUtf16AndUtf32WithOrWithoutAMark) {
  const auto encoding = [](const std::string& text) {
    const char* name = WideUnicodeEncoding(text);
    return std::string(name == nullptr ? "-" : name);
  };
  EXPECT_EQ(encoding("\xFF\xFE"
                     "a"),
            "UTF-16");
  EXPECT_EQ(encoding("\xFE\xFF"), "UTF-16");
  EXPECT_EQ(encoding(std::string("\xFF\xFE\0\0e\0\0\0", 8)), "UTF-32");
  EXPECT_EQ(encoding(std::string("\0\0\xFE\xFF", 4)), "UTF-32");
  EXPECT_EQ(encoding(std::string("e\0d\0", 4)), "UTF-16");
  EXPECT_EQ(encoding(std::string("\0e\0d", 4)), "UTF-16");
  EXPECT_EQ(encoding(std::string("e\0\0\0d\0\0\0", 8)), "UTF-32");
  EXPECT_EQ(encoding(std::string("\0\0\0e", 4)), "UTF-32");
  EXPECT_EQ(encoding("\xEF\xBB\xBF"
                     "a"),
            "-");
  EXPECT_EQ(encoding("eds3: 1\n"), "-");
  EXPECT_EQ(encoding(std::string("a,\0", 3)), "-");  // a NUL, not UTF-16
  EXPECT_EQ(encoding("\xFF"), "-");
  EXPECT_EQ(encoding(""), "-");
}

}  // namespace
}  // namespace eds
