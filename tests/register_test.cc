// The commissioner's register (--expect) read as hostile CSV, and what an
// invalid assessment claims to be (ReadClaimedIdentity).

#include "eds/register.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eds/history.h"

namespace eds {
namespace {

// Each diagnostic as "file:line:col: message | hint", to compare whole.
std::vector<std::string> Problems(const Diagnostics& diag) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diag.items()) {
    lines.push_back(d.location.file + ":" + std::to_string(d.location.line) +
                    ":" + std::to_string(d.location.column) + ": " + d.message +
                    " | " + d.hint);
  }
  return lines;
}

std::vector<std::string> Entries(const Register& reg) {
  std::vector<std::string> lines;
  for (const RegisterEntry& entry : reg.entries) {
    lines.push_back(std::to_string(entry.line) + " " + entry.code + " [" +
                    entry.name + "] [" + entry.system + "]");
  }
  return lines;
}

TEST(RegisterTest, ReadsBomCrlfQuotesAndAnyCaseHeader) {
  Diagnostics diag;
  Register reg;
  const Status status = ReadRegister(
      "\xEF\xBB\xBF"
      "Code, Name ,SYSTEM\r\n"
      "rxx,\"Fen, Wash Trust\",North ICS\r\n"
      "\r\n"
      " RV9 ,Moor Trust,\r\n",
      "reg.csv", diag, &reg);
  EXPECT_TRUE(status.ok()) << ::testing::PrintToString(Problems(diag));
  EXPECT_EQ(reg.file, "reg.csv");
  EXPECT_EQ(Entries(reg),
            (std::vector<std::string>{"2 RXX [Fen, Wash Trust] [North ICS]",
                                      "4 RV9 [Moor Trust] []"}));
}

TEST(RegisterTest, TwoColumnsHaveNoSystem) {
  Diagnostics diag;
  Register reg;
  EXPECT_TRUE(
      ReadRegister("code,name\nRA1,A Trust\n", "r.csv", diag, &reg).ok());
  EXPECT_EQ(Entries(reg), (std::vector<std::string>{"2 RA1 [A Trust] []"}));
}

struct BadRegister {
  const char* name;
  std::string text;
  std::vector<std::string> problems;
};

void PrintTo(const BadRegister& c, std::ostream* os) { *os << c.name; }

class BadRegisterTest : public ::testing::TestWithParam<BadRegister> {};

TEST_P(BadRegisterTest, IsRefusedWithEveryProblemLocated) {
  Diagnostics diag;
  Register reg;
  reg.file = "untouched";
  const Status status = ReadRegister(GetParam().text, "r.csv", diag, &reg);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(Problems(diag), GetParam().problems);
  EXPECT_EQ(reg.file, "untouched");
  EXPECT_TRUE(reg.entries.empty());
}

const char kHeaderHint[] =
    "the first line of a register is the header code,name or "
    "code,name,system";

INSTANTIATE_TEST_SUITE_P(
    Cases, BadRegisterTest,
    ::testing::Values(
        BadRegister{
            "Empty",
            "",
            {std::string("r.csv:1:1: the register is empty | ") + kHeaderHint}},
        BadRegister{
            "OnlyBlankLines",
            "\r\n\n",
            {std::string("r.csv:1:1: the register is empty | ") + kHeaderHint}},
        BadRegister{"WrongHeader",
                    "name,code\nRA1,A\n",
                    {std::string("r.csv:1:1: the register's header is "
                                 "'name,code', not code,name or "
                                 "code,name,system | ") +
                     kHeaderHint}},
        BadRegister{"NoHeader",
                    "RA1,A Trust\n",
                    {std::string("r.csv:1:1: the register's header is "
                                 "'RA1,A Trust', not code,name or "
                                 "code,name,system | ") +
                     kHeaderHint}},
        BadRegister{"HeaderOnly",
                    "code,name\n",
                    {"r.csv:1:1: the register lists no organisation | add "
                     "one line code,name for each organisation expected"}},
        BadRegister{"EveryProblemInOneRun",
                    "code,name,system\n"
                    "RA1,A Trust\n"                // too few
                    "RA2,B Trust,North,extra\n"    // too many
                    "R-1,C Trust,North\n"          // not an ODS code
                    "RA3,,North\n"                 // empty name
                    "RA4,D \xE2\x80\xAE Trust,\n"  // hidden character
                    "ra5,E Trust,\n"
                    "RA5,F Trust,\n",  // repeated code
                    {"r.csv:2:5: this line has 2 fields; the header has 3 | "
                     "put a name holding a comma in double quotes",
                     "r.csv:3:19: this line has 4 fields; the header has 3 | "
                     "put a name holding a comma in double quotes",
                     "r.csv:4:1: organisation code 'R-1' is not an ODS code: "
                     "3 to 5 ASCII letters and digits | an ODS code is 3 to 5 "
                     "letters and digits, such as RXX or RX9",
                     "r.csv:5:5: the name is empty | every organisation on a "
                     "register needs a code and a name",
                     "r.csv:6:5: the name 'D <U+202E> Trust' holds U+202E "
                     "RIGHT-TO-LEFT OVERRIDE, a character that is invisible "
                     "or reorders text | type it again without that character",
                     "r.csv:8:1: organisation code RA5 is also on line 7 | "
                     "list each organisation once"}},
        BadRegister{"LongCodeIsCapped",
                    "code,name\n" + std::string(200, 'X') + ",A\n",
                    {"r.csv:2:1: organisation code '" + std::string(60, 'X') +
                     "…' is not an ODS code: 3 to 5 ASCII letters and digits "
                     "| an ODS code is 3 to 5 letters and digits, such as RXX "
                     "or RX9"}}));

TEST(RegisterTest, InvalidUtf8IsACsvError) {
  Diagnostics diag;
  Register reg;
  const Status status =
      ReadRegister("code,name\nRA1,A \xFF Trust\n", "r.csv", diag, &reg);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  ASSERT_EQ(diag.items().size(), 1u);
  EXPECT_EQ(diag.items()[0].location.line, 2);
  EXPECT_EQ(diag.items()[0].severity, Severity::kError);
}

TEST(ClaimedIdentityTest, ReadsTheOrganisationBlockAndYear) {
  const ClaimedIdentity claimed = ReadClaimedIdentity(
      "eds3: 1\n"
      "organisation:\n"
      "  name: \"Fen Trust\"  \n"
      "  code: rv9 # lower case\n"
      "  system: 'North ICS'\n"
      "year: 2024/25\n"
      "outcomes: [broken\n"
      "  name: Not This One\n");
  EXPECT_EQ(claimed.name, "Fen Trust");
  EXPECT_EQ(claimed.code, "RV9");
  EXPECT_EQ(claimed.system, "North ICS");
  EXPECT_EQ(claimed.year, "2024/25");
  EXPECT_EQ(claimed.identity, "RV9");
}

TEST(ClaimedIdentityTest, NameIsTheIdentityWithoutACode) {
  const ClaimedIdentity claimed = ReadClaimedIdentity(
      "organisation:\n  name: \xEF\xBC\xA6"
      "en Trust\n");
  EXPECT_EQ(claimed.code, "");
  EXPECT_EQ(claimed.identity, "Fen Trust");  // NFKC of the full-width F
  EXPECT_EQ(claimed.name,
            "\xEF\xBC\xA6"
            "en Trust");  // shown as written
}

TEST(ClaimedIdentityTest, HostileValuesAreEscapedCappedOrDropped) {
  const ClaimedIdentity claimed = ReadClaimedIdentity(
      "organisation:\n"
      "  name: Evil \xE2\x80\xAE"
      "Trust\n"
      "  code: R\xE2\x80\x8B"
      "A\n"
      "  system: " +
      std::string(500, 's') +
      "\n"
      "year: 2024-25\n");
  EXPECT_EQ(claimed.name, "Evil <U+202E>Trust");
  EXPECT_EQ(claimed.code, "R<U+200B>A");
  EXPECT_EQ(claimed.system, std::string(60, 's') + "…");
  EXPECT_EQ(claimed.year, "");  // not a year
  // A code that is not an ODS code identifies no one.
  EXPECT_EQ(claimed.identity, "");
}

TEST(ClaimedIdentityTest, FlowStyleBinaryAndBadUtf8ClaimNothing) {
  for (const std::string& text :
       {std::string("organisation: {name: A, code: RA1}\nyear: [2024/25]\n"),
        std::string("organisation:\n  name: A \xFF\n  code: \xC3\n"),
        std::string("PK\x03\x04\0\0organisation:\n\0", 20),
        std::string(3 * kMaxClaimScan, '\n') + "organisation:\n  code: RA1\n",
        std::string()}) {
    const ClaimedIdentity claimed = ReadClaimedIdentity(text);
    EXPECT_EQ(claimed.name + claimed.code + claimed.year + claimed.identity, "")
        << text.substr(0, 40);
  }
}

}  // namespace
}  // namespace eds
