#include "yaml_reader.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "diagnostic_text.h"
#include "eds/limits.h"

namespace eds {
namespace {

using ::eds::testing::Formatted;

YamlFile Parse(const std::string& text) {
  Diagnostics diag;
  std::optional<YamlFile> file = YamlFile::Parse(text, "t.yaml", diag);
  EXPECT_TRUE(file.has_value()) << Formatted(diag);
  if (!file) return *YamlFile::Parse("", "t.yaml", diag);
  return *file;
}

struct NumberCase {
  std::string text;
  std::optional<int> value;
};

void PrintTo(const NumberCase& c, std::ostream* os) {
  *os << "'" << c.text << "'";
}

class ParseWholeNumberTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(ParseWholeNumberTest, ReadsPlainDigitsOnly) {
  EXPECT_EQ(ParseWholeNumber(GetParam().text), GetParam().value);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseWholeNumberTest,
    ::testing::Values(
        NumberCase{"0", 0}, NumberCase{"7", 7}, NumberCase{"33", 33},
        NumberCase{"999999999", 999999999},
        NumberCase{"1000000000", std::nullopt},  // ten digits
        NumberCase{"010", std::nullopt},         // not octal 8, not 10
        NumberCase{"00", std::nullopt}, NumberCase{"2.5", std::nullopt},
        NumberCase{"-1", std::nullopt}, NumberCase{"+1", std::nullopt},
        NumberCase{" 1", std::nullopt}, NumberCase{"1 ", std::nullopt},
        NumberCase{"0x1", std::nullopt}, NumberCase{"1e3", std::nullopt},
        NumberCase{"", std::nullopt}));

TEST(MappingReaderTest, ReportsMissingAndUnknownKeys) {
  const YamlFile file = Parse("a:\n  name: x\n  colour: red\n  nmae: y\n");
  Diagnostics diag;
  MappingReader reader(file, *file.root().Find("a"), diag, "a thing",
                       {"name", "kind", "size"});
  ASSERT_TRUE(reader.ok());
  ASSERT_NE(reader.Required("name"), nullptr);
  EXPECT_EQ(reader.Required("name")->text, "x");
  EXPECT_EQ(reader.Required("kind"), nullptr);
  EXPECT_EQ(reader.Optional("size"), nullptr);
  reader.Finish();
  EXPECT_EQ(Formatted(diag),
            "t.yaml:2:3: error: a thing is missing the required key 'kind'\n"
            "    name: x\n"
            "    ^\n"
            "t.yaml:3:3: error: unknown key 'colour' in a thing\n"
            "    colour: red\n"
            "    ^\n"
            "  hint: the keys allowed here are: name, kind, size\n"
            "t.yaml:4:3: error: unknown key 'nmae' in a thing; did you mean "
            "'name'?\n"
            "    nmae: y\n"
            "    ^\n");
}

TEST(MappingReaderTest, RefusesANodeThatIsNotAMapping) {
  const YamlFile file = Parse("a: [1, 2]\n");
  Diagnostics diag;
  MappingReader reader(file, *file.root().Find("a"), diag, "a thing", {"x"});
  EXPECT_FALSE(reader.ok());
  EXPECT_EQ(reader.Required("x"), nullptr);
  EXPECT_EQ(reader.Optional("x"), nullptr);
  reader.Finish();
  EXPECT_EQ(Formatted(diag),
            "t.yaml:1:4: error: a thing must be a mapping of keys to values, "
            "not a list\n"
            "  a: [1, 2]\n"
            "     ^\n");
}

TEST(ReadTextTest, ReadsScalarsAndRefusesTheRest) {
  const YamlFile file =
      Parse("a: text\nb: [1]\nc: {d: 1}\ne:\nf: \"  \"\ng: ''\n");
  const YamlNode& root = file.root();
  Diagnostics diag;
  EXPECT_EQ(ReadText(file, *root.Find("a"), "a", diag), "text");
  EXPECT_EQ(ReadText(file, *root.Find("b"), "b", diag), std::nullopt);
  EXPECT_EQ(ReadText(file, *root.Find("c"), "c", diag), std::nullopt);
  EXPECT_EQ(ReadText(file, *root.Find("e"), "e", diag), std::nullopt);
  EXPECT_EQ(ReadText(file, *root.Find("g"), "g", diag), "");
  EXPECT_EQ(ReadNonEmptyText(file, *root.Find("f"), "f", diag), std::nullopt);
  EXPECT_EQ(ReadNonEmptyText(file, *root.Find("a"), "a", diag), "text");
  EXPECT_EQ(Formatted(diag),
            "t.yaml:2:4: error: 'b' must be text, not a list\n"
            "  b: [1]\n     ^\n"
            "t.yaml:3:4: error: 'c' must be text, not a mapping\n"
            "  c: {d: 1}\n     ^\n"
            "t.yaml:4:1: error: 'e' must be text, not empty\n"
            "  e:\n  ^\n"
            "t.yaml:5:4: error: 'f' must not be empty\n"
            "  f: \"  \"\n     ^\n");
}

TEST(ExpectListTest, ChecksKindEmptinessAndLength) {
  std::string many = "big: [x";
  for (std::size_t i = 0; i < kMaxItemsPerList; ++i) many += ", x";
  const YamlFile file = Parse("empty: []\ntext: x\nok: [a]\n" + many + "]\n");
  const YamlNode& root = file.root();
  Diagnostics diag;
  EXPECT_TRUE(ExpectList(file, *root.Find("empty"), "empty", true, diag));
  EXPECT_TRUE(ExpectList(file, *root.Find("ok"), "ok", false, diag));
  EXPECT_TRUE(diag.items().empty());
  EXPECT_FALSE(ExpectList(file, *root.Find("empty"), "empty", false, diag));
  EXPECT_FALSE(ExpectList(file, *root.Find("text"), "text", true, diag));
  EXPECT_FALSE(ExpectList(file, *root.Find("big"), "big", true, diag));
  ASSERT_EQ(diag.items().size(), 3u);
  EXPECT_EQ(FormatDiagnostic(diag.items()[0]),
            "t.yaml:1:8: error: 'empty' is an empty list\n"
            "  empty: []\n"
            "         ^\n"
            "  hint: leave the 'empty' key out instead\n");
  EXPECT_EQ(diag.items()[1].message, "'text' must be a list, not text");
  EXPECT_EQ(diag.items()[2].message, "'big' has 1001 items; the limit is 1000");
}

TEST(ReadTextListTest, ReadsEveryItemOrNothing) {
  const YamlFile file = Parse("a: [x, y]\nb: [x, [y], '']\n");
  Diagnostics diag;
  EXPECT_EQ(ReadTextList(file, *file.root().Find("a"), "a", diag),
            (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(ReadTextList(file, *file.root().Find("b"), "b", diag),
            std::nullopt);
  ASSERT_EQ(diag.items().size(), 2u);
  EXPECT_EQ(diag.items()[0].message, "'b' must be text, not a list");
  EXPECT_EQ(diag.items()[1].message, "'b' must not be empty");
}

TEST(ReadPolicyTest, OverridesOnlyWhatIsGiven) {
  const YamlFile file = Parse("p: {services: mean, rounding: sideways}\n");
  Diagnostics diag;
  Policy policy;
  policy.raters = RatersPolicy::kMin;
  ReadPolicy(file, *file.root().Find("p"), diag, &policy);
  EXPECT_EQ(policy.raters, RatersPolicy::kMin);
  EXPECT_EQ(policy.services, ServicesPolicy::kMean);
  EXPECT_EQ(policy.rounding, RoundingPolicy::kHalf);
  EXPECT_EQ(Formatted(diag),
            "t.yaml:1:31: error: unknown rounding policy 'sideways'\n"
            "  p: {services: mean, rounding: sideways}\n"
            "                                ^\n"
            "  hint: use one of: half, down, none\n");
}

TEST(PolicyWordTest, RoundTrips) {
  for (RatersPolicy p :
       {RatersPolicy::kMedian, RatersPolicy::kMean, RatersPolicy::kMin}) {
    EXPECT_EQ(ParseRatersPolicy(PolicyWord(p)), p);
  }
  for (ServicesPolicy p : {ServicesPolicy::kMedian, ServicesPolicy::kMean}) {
    EXPECT_EQ(ParseServicesPolicy(PolicyWord(p)), p);
  }
  for (RoundingPolicy p :
       {RoundingPolicy::kHalf, RoundingPolicy::kDown, RoundingPolicy::kNone}) {
    EXPECT_EQ(ParseRoundingPolicy(PolicyWord(p)), p);
  }
  EXPECT_EQ(ParseRatersPolicy("Median"), std::nullopt);
  EXPECT_EQ(ParseServicesPolicy("min"), std::nullopt);
  EXPECT_EQ(ParseRoundingPolicy("up"), std::nullopt);
}

}  // namespace
}  // namespace eds
