#include "csv.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "diagnostic_text.h"
#include "eds/limits.h"

namespace eds {
namespace {

using ::eds::testing::Formatted;

// A record as "line: text@column | text@column ...", to compare whole.
std::string Show(const CsvRecord& record) {
  std::string out = std::to_string(record.line) + ":";
  for (const CsvField& field : record.fields) {
    out += " [" + field.text + "]@" + std::to_string(field.column);
  }
  return out;
}

struct GoodCsv {
  const char* name;
  std::string text;
  std::vector<std::string> records;  // as Show() writes them
};

void PrintTo(const GoodCsv& c, std::ostream* os) { *os << c.name; }

class CsvParseTest : public ::testing::TestWithParam<GoodCsv> {};

TEST_P(CsvParseTest, SplitsRecordsAndLocatesFields) {
  Diagnostics diag;
  std::vector<CsvRecord> records;
  EXPECT_TRUE(ParseCsv(GetParam().text, "p.csv", diag, &records));
  EXPECT_FALSE(diag.HasErrors()) << Formatted(diag);
  std::vector<std::string> shown;
  for (const CsvRecord& record : records) shown.push_back(Show(record));
  EXPECT_EQ(shown, GetParam().records);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CsvParseTest,
    ::testing::Values(
        GoodCsv{"Plain",
                "a,b,c\n1,22,333\n",
                {"1: [a]@1 [b]@3 [c]@5", "2: [1]@1 [22]@3 [333]@6"}},
        GoodCsv{
            "NoFinalLineEnd", "a,b\n1,2", {"1: [a]@1 [b]@3", "2: [1]@1 [2]@3"}},
        GoodCsv{"EmptyFields", ",x,\n", {"1: []@1 [x]@2 []@4"}},
        GoodCsv{"QuotedWithCommaAndQuotes",
                "a,\"b, \"\"c\"\"\",d\n",
                {"1: [a]@1 [b, \"c\"]@3 [d]@14"}},
        // A line end inside quotes belongs to the field; the next record
        // starts on the line after it.
        GoodCsv{"LineEndInsideQuotes",
                "\"one\ntwo\",x\ny,z\n",
                {"1: [one\ntwo]@1 [x]@6", "3: [y]@1 [z]@3"}},
        GoodCsv{"CrLfLineEnds",
                "a,b\r\n1,2\r\n",
                {"1: [a]@1 [b]@3", "2: [1]@1 [2]@3"}},
        GoodCsv{"CrLfInsideQuotesKept",
                "\"x\r\ny\",z\r\n",
                {"1: [x\r\ny]@1 [z]@4"}},
        // A byte-order mark is not part of the first field, nor a column.
        GoodCsv{"ByteOrderMark",
                "\xEF\xBB\xBFservice,score\n",
                {"1: [service]@1 [score]@9"}},
        GoodCsv{"BlankLinesIgnored",
                "\na,b\n\n\r\n1,2\n\n",
                {"2: [a]@1 [b]@3", "5: [1]@1 [2]@3"}},
        // Columns count characters, not bytes.
        GoodCsv{"Utf8Columns",
                "caf\xC3\xA9,\xCE\xA9,x\n",
                {"1: [caf\xC3\xA9]@1 [\xCE\xA9]@6 [x]@8"}},
        GoodCsv{"SpacesKept", " a , b \n", {"1: [ a ]@1 [ b ]@5"}},
        GoodCsv{"Empty", "", {}}),
    [](const ::testing::TestParamInfo<GoodCsv>& param) {
      return std::string(param.param.name);
    });

struct BadCsv {
  const char* name;
  std::string text;
  std::string expected;        // every diagnostic, formatted
  std::size_t records_before;  // records parsed before the problem
};

void PrintTo(const BadCsv& c, std::ostream* os) { *os << c.name; }

class CsvErrorTest : public ::testing::TestWithParam<BadCsv> {};

TEST_P(CsvErrorTest, ReportsTheProblemWhereItIs) {
  Diagnostics diag;
  std::vector<CsvRecord> records;
  EXPECT_FALSE(ParseCsv(GetParam().text, "p.csv", diag, &records));
  EXPECT_EQ(Formatted(diag), GetParam().expected);
  EXPECT_EQ(records.size(), GetParam().records_before);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CsvErrorTest,
    ::testing::Values(
        BadCsv{"UnclosedQuote", "a,b\n1,\"open\n2,3\n",
               "p.csv:2:3: error: a quoted field is never closed\n"
               "  1,\"open\n"
               "    ^\n"
               "  hint: end the field with a double quote (write \"\" for a "
               "quote inside it)\n",
               1},
        BadCsv{"TextAfterClosingQuote", "a,\"b\"c\n",
               "p.csv:1:6: error: unexpected text after a quoted field's "
               "closing quote\n"
               "  a,\"b\"c\n"
               "       ^\n"
               "  hint: put the whole field in quotes, writing \"\" for a "
               "quote\n",
               0},
        BadCsv{"QuoteInsideUnquotedField", "a,b\nsaid \"hi\",x\n",
               "p.csv:2:6: error: a double quote inside an unquoted field\n"
               "  said \"hi\",x\n"
               "       ^\n"
               "  hint: put the whole field in quotes, writing \"\" for a "
               "quote\n",
               1},
        BadCsv{"InvalidUtf8", "a,b\ncaf\xE9,x\n",
               "p.csv:2:4: error: the file is not valid UTF-8 text (a NUL byte "
               "or an invalid byte sequence)\n"
               "  hint: export the sheet as 'CSV UTF-8'\n",
               0},
        BadCsv{"NulByte", std::string("a,b\n1,\0\n", 8),
               "p.csv:2:3: error: the file is not valid UTF-8 text (a NUL byte "
               "or an invalid byte sequence)\n"
               "  hint: export the sheet as 'CSV UTF-8'\n",
               0},
        BadCsv{"Utf16",
               std::string("\xFF\xFE"
                           "a\0,\0b\0",
                           8),
               "p.csv:1:1: error: the file is UTF-16 text; eds3 reads UTF-8\n"
               "  hint: export the sheet as 'CSV UTF-8'\n",
               0},
        BadCsv{"TooManyFields", "a" + std::string(65, ','),
               // The quote shows the 60 characters before the caret.
               "p.csv:1:67: error: a row has more than 64 fields\n  " +
                   std::string(60, ',') + "\n  " + std::string(60, ' ') + "^\n",
               0},
        BadCsv{"ControlCharacter", "a,b\nok,x\x1B[31my\n",
               "p.csv:2:5: error: the file holds the control character "
               "U+001B, which is not text\n"
               "  hint: delete it; an editor may show it as a box, or as ^ and "
               "a letter\n",
               0},
        BadCsv{"OldMacLineEnds", "service,outcome\r,2A\r",
               "p.csv:1:16: error: a carriage return without a line feed: the "
               "rows are not separated the way eds3 reads them\n"
               "  hint: save the sheet again as 'CSV UTF-8' (lines ending in "
               "LF or CRLF)\n",
               0},
        BadCsv{"LoneCrAfterQuotedField", "a,b\n\"x\"\r",
               "p.csv:2:4: error: a carriage return without a line feed: the "
               "rows are not separated the way eds3 reads them\n"
               "  hint: save the sheet again as 'CSV UTF-8' (lines ending in "
               "LF or CRLF)\n",
               1},
        BadCsv{"FieldTooLong", "a,b\nx," + std::string(kMaxTextBytes + 1, 'y'),
               "p.csv:2:3: error: a field is longer than 65536 bytes\n"
               "  x," +
                   std::string(118, 'y') + "\n    ^\n",
               1}),
    [](const ::testing::TestParamInfo<BadCsv>& param) {
      return std::string(param.param.name);
    });

TEST(CsvLimitTest, RefusesMoreThanTheRowLimit) {
  std::string text;
  for (std::size_t i = 0; i <= kMaxCsvRows; ++i) text += "x\n";
  Diagnostics diag;
  std::vector<CsvRecord> records;
  EXPECT_FALSE(ParseCsv(text, "p.csv", diag, &records));
  EXPECT_EQ(records.size(), kMaxCsvRows);
  EXPECT_EQ(Formatted(diag),
            "p.csv:" + std::to_string(kMaxCsvRows + 1) +
                ":1: error: more than 100000 rows\n  x\n  ^\n");
}

TEST(CsvLimitTest, AcceptsExactlyTheRowLimit) {
  std::string text;
  for (std::size_t i = 0; i < kMaxCsvRows; ++i) text += "x\n";
  Diagnostics diag;
  std::vector<CsvRecord> records;
  EXPECT_TRUE(ParseCsv(text, "p.csv", diag, &records));
  EXPECT_EQ(records.size(), kMaxCsvRows);
}

}  // namespace
}  // namespace eds
