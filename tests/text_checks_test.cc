#include "text_checks.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace eds {
namespace {

struct TextCase {
  std::string text;
  bool valid;
};

void PrintTo(const TextCase& c, std::ostream* os) {
  *os << "'" << c.text << "'";
}

class AcademicYearTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(AcademicYearTest, AcceptsOnlyYyyySlashNextYy) {
  EXPECT_EQ(IsAcademicYear(GetParam().text), GetParam().valid);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, AcademicYearTest,
    ::testing::Values(TextCase{"2024/25", true}, TextCase{"2022/23", true},
                      TextCase{"1999/00", true},  // the century rolls over
                      TextCase{"2099/00", true}, TextCase{"2024/26", false},
                      TextCase{"2024/24", false}, TextCase{"2024-25", false},
                      TextCase{"2024/2025", false}, TextCase{"24/25", false},
                      TextCase{"2024/5", false}, TextCase{"2024/25 ", false},
                      TextCase{" 2024/25", false}, TextCase{"202a/25", false},
                      TextCase{"2024/2a", false}, TextCase{"", false}));

class YearMonthTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(YearMonthTest, AcceptsOnlyYyyyDashMm) {
  EXPECT_EQ(IsYearMonth(GetParam().text), GetParam().valid);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, YearMonthTest,
    ::testing::Values(TextCase{"2025-03", true}, TextCase{"2025-12", true},
                      TextCase{"2025-01", true}, TextCase{"2025-3", false},
                      TextCase{"2025-13", false}, TextCase{"2025-00", false},
                      TextCase{"2025/03", false}, TextCase{"2025-03-01", false},
                      TextCase{"25-03", false}, TextCase{"", false}));

class SlugTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(SlugTest, AcceptsLowerCaseDigitsAndDashes) {
  EXPECT_EQ(IsSlug(GetParam().text), GetParam().valid);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SlugTest,
    ::testing::Values(TextCase{"staff-networks", true},
                      TextCase{"nhs-111", true}, TextCase{"a", true},
                      TextCase{"999", true}, TextCase{"Staff-networks", false},
                      TextCase{"staff networks", false},
                      TextCase{"staff_networks", false},
                      TextCase{"caf\xC3\xA9", false}, TextCase{"", false}));

class OdsCodeTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(OdsCodeTest, AcceptsThreeToFiveAsciiLettersAndDigits) {
  EXPECT_EQ(IsOdsCodeForm(GetParam().text), GetParam().valid);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, OdsCodeTest,
    ::testing::Values(TextCase{"RXX", true}, TextCase{"rv9", true},
                      TextCase{"RX9A1", true}, TextCase{"00L", true},
                      TextCase{"RX", false}, TextCase{"RXX123", false},
                      TextCase{"R-X", false}, TextCase{"R X", false},
                      TextCase{"R\u0410A", false},  // Cyrillic A
                      TextCase{"\uFF32AA", false},  // full-width R
                      TextCase{"", false}));

TEST(ReportingYearStartTest, AprilStartsTheYear) {
  EXPECT_EQ(ReportingYearStart(2026, 12), 2026);
  EXPECT_EQ(ReportingYearStart(2026, 4), 2026);
  EXPECT_EQ(ReportingYearStart(2026, 3), 2025);
  EXPECT_EQ(ReportingYearStart(2026, 1), 2025);
}

}  // namespace
}  // namespace eds
