#include "eds/date.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace eds {

void PrintTo(const Date& date, std::ostream* os) { *os << date.ToIso(); }

namespace {

struct ParseCase {
  std::string text;
  std::optional<Date> date;  // nullopt: not a date
  bool shaped;               // IsDateShaped
};

void PrintTo(const ParseCase& c, std::ostream* os) {
  *os << "'" << c.text << "'";
}

class DateParseTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(DateParseTest, ReadsOnlyRealDaysWrittenYyyyMmDd) {
  EXPECT_EQ(Date::Parse(GetParam().text), GetParam().date);
  EXPECT_EQ(IsDateShaped(GetParam().text), GetParam().shaped);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DateParseTest,
    ::testing::Values(
        ParseCase{"2025-02-14", Date{2025, 2, 14}, true},
        ParseCase{"2025-01-31", Date{2025, 1, 31}, true},
        ParseCase{"2025-12-31", Date{2025, 12, 31}, true},
        ParseCase{"2024-02-29", Date{2024, 2, 29}, true},
        ParseCase{"2000-02-29", Date{2000, 2, 29}, true},  // 400: leap
        ParseCase{"1900-02-29", std::nullopt, true},       // 100: not leap
        ParseCase{"2100-02-29", std::nullopt, true},
        ParseCase{"1600-02-29", Date{1600, 2, 29}, true},
        ParseCase{"0000-02-29", Date{0, 2, 29}, true},
        ParseCase{"9999-12-31", Date{9999, 12, 31}, true},
        ParseCase{"2025-02-29", std::nullopt, true},
        ParseCase{"2025-02-30", std::nullopt, true},
        ParseCase{"2025-04-31", std::nullopt, true},
        ParseCase{"2025-06-31", std::nullopt, true},
        ParseCase{"2025-01-00", std::nullopt, true},
        ParseCase{"2025-01-32", std::nullopt, true},
        ParseCase{"2025-13-01", std::nullopt, false},
        ParseCase{"2025-00-10", std::nullopt, false},
        ParseCase{"2025-1-01", std::nullopt, false},
        ParseCase{"2025-01-1", std::nullopt, false},
        ParseCase{"2025/01/01", std::nullopt, false},
        ParseCase{"14-02-2025", std::nullopt, false},
        ParseCase{"2025-02-14T10:00", std::nullopt, false},
        ParseCase{"2025-02-14 ", std::nullopt, false},
        ParseCase{" 2025-02-14", std::nullopt, false},
        ParseCase{"2025-0a-14", std::nullopt, false},
        ParseCase{"2025+02-14", std::nullopt, false},
        ParseCase{"", std::nullopt, false}));

TEST(DateTest, LeapYearsFollowTheGregorianRule) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_TRUE(IsLeapYear(0));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_FALSE(IsLeapYear(2025));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2025, 2), 28);
  EXPECT_EQ(DaysInMonth(2025, 4), 30);
  EXPECT_EQ(DaysInMonth(2025, 12), 31);
}

TEST(DateTest, PrintsTheTextItWasReadFrom) {
  for (const char* text :
       {"2025-02-14", "0999-01-05", "0000-02-29", "9999-12-31"}) {
    const std::optional<Date> date = Date::Parse(text);
    ASSERT_TRUE(date.has_value()) << text;
    EXPECT_EQ(date->ToIso(), text);
  }
  EXPECT_EQ(IsoOrEmpty(Date{2025, 2, 14}), "2025-02-14");
  EXPECT_EQ(IsoOrEmpty(std::nullopt), "");
  EXPECT_EQ(IsoDates({{2024, 11, 5}, {2024, 12, 10}}),
            (std::vector<std::string>{"2024-11-05", "2024-12-10"}));
}

TEST(DateTest, OrdersByYearThenMonthThenDay) {
  EXPECT_LT((Date{2024, 12, 31}), (Date{2025, 1, 1}));
  EXPECT_LT((Date{2025, 1, 31}), (Date{2025, 2, 1}));
  EXPECT_LT((Date{2025, 2, 1}), (Date{2025, 2, 2}));
  EXPECT_EQ((Date{2025, 2, 1}), (Date{2025, 2, 1}));
  EXPECT_NE((Date{2025, 2, 1}), (Date{2025, 2, 2}));
}

TEST(DateTest, CountsDaysFromTheUnixEpoch) {
  EXPECT_EQ((Date{1970, 1, 1}).DaysSinceEpoch(), 0);
  EXPECT_EQ((Date{1969, 12, 31}).DaysSinceEpoch(), -1);
  EXPECT_EQ((Date{2000, 1, 1}).DaysSinceEpoch(), 10957);
  EXPECT_EQ((Date{2000, 3, 1}).DaysSinceEpoch(), 11017);   // after 29 Feb
  EXPECT_EQ((Date{1900, 3, 1}).DaysSinceEpoch(), -25508);  // no 29 Feb
  EXPECT_EQ((Date{2025, 2, 14}).DaysSinceEpoch(), 20133);
}

}  // namespace
}  // namespace eds
