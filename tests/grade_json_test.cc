#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "eds/grade_outputs.h"
#include "golden.h"
#include "grade_report_fixtures.h"

// Golden files: tests/testdata/golden/grade_*.json. To regenerate them after
// an intended change, run the tests with EDS_UPDATE_GOLDEN=1 (see golden.h).

namespace eds {
namespace {

using testing::CompleteReport;
using testing::ExpectMatchesGolden;
using testing::IncompleteReport;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(GradeJsonTest, CompleteMatchesGolden) {
  ExpectMatchesGolden("grade_complete.json", GradeJson(CompleteReport()));
}

TEST(GradeJsonTest, IncompleteMatchesGolden) {
  ExpectMatchesGolden("grade_incomplete.json", GradeJson(IncompleteReport()));
}

TEST(GradeJsonTest, SameReportGivesSameBytes) {
  EXPECT_EQ(GradeJson(CompleteReport()), GradeJson(CompleteReport()));
}

TEST(GradeJsonTest, TopLevelKeysInSpecOrder) {
  const std::string json = GradeJson(CompleteReport());
  const char* keys[] = {"format",    "tool",   "rubric",   "organisation",
                        "year",      "policy", "complete", "total",
                        "max",       "rating", "domains",  "flags",
                        "agreement", "missing"};
  std::size_t last = 0;
  for (const char* key : keys) {
    const std::size_t at = json.find(std::string("\n  \"") + key + "\": ");
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GT(at, last) << key;
    last = at;
  }
}

TEST(GradeJsonTest, CompleteReportFields) {
  const std::string json = GradeJson(CompleteReport());
  EXPECT_TRUE(json.rfind("{\n  \"format\": \"eds3-result/2\",\n", 0) == 0);
  EXPECT_TRUE(Contains(json,
                       "\"total\": 22,\n  \"max\": 33,\n"
                       "  \"rating\": \"Achieving\",\n"));
  EXPECT_TRUE(Contains(json,
                       "\"code\": \"RXX\",\n    \"system\": "
                       "\"Example ICS\"\n"));
  EXPECT_TRUE(Contains(json, "\"total\": 7.5,"));
  EXPECT_TRUE(Contains(json,
                       "\"id\": \"1C\",\n"
                       "              \"score\": 1.5,\n"
                       "              \"level\": \"Developing\",\n"));
  EXPECT_TRUE(Contains(json, "\"alpha\": 0.631,"));
  EXPECT_TRUE(Contains(json, "\"missing\": []\n}\n"));
}

TEST(GradeJsonTest, IncompleteReportHasNulls) {
  const std::string json = GradeJson(IncompleteReport());
  EXPECT_TRUE(Contains(json,
                       "\"complete\": false,\n  \"total\": null,\n"
                       "  \"max\": 33,\n  \"rating\": null,\n"));
  EXPECT_TRUE(Contains(json, "\"code\": null,\n    \"system\": null\n  },"));
  // Domain 1 rated directly: no services.
  EXPECT_TRUE(Contains(json, "\"level\": null,\n      \"services\": [],\n"));
  EXPECT_TRUE(Contains(json, "\"score\": 1.6666666666666667,"));
  EXPECT_TRUE(Contains(json, "\"alpha\": null,"));
  EXPECT_TRUE(Contains(json,
                       "\"policy\": {\n    \"raters\": \"mean\",\n"
                       "    \"services\": \"median\",\n"
                       "    \"rounding\": \"none\"\n  },"));
}

TEST(GradeJsonTest, AlphaIsRoundedToThreeDecimals) {
  struct Case {
    std::optional<double> alpha;
    std::string want;
  };
  const Case cases[] = {
      {0.63124, "0.631"}, {0.8, "0.8"},     {0.6665, "0.667"},      {1.0, "1"},
      {-0.0004, "0"},     {-0.25, "-0.25"}, {std::nullopt, "null"},
  };
  for (const Case& c : cases) {
    GradeReport report = CompleteReport();
    report.result.agreement.alpha = c.alpha;
    EXPECT_TRUE(Contains(GradeJson(report), "\"alpha\": " + c.want + ",\n"))
        << c.want;
  }
}

TEST(GradeJsonTest, FlagsWithoutOutcomeOrServiceHaveNulls) {
  GradeReport report = CompleteReport();
  report.result.flags = {
      {"near-boundary", "", "", "The total is close."},
      {"disagreement", "1A", "nhs-111", "Ratings \"span\"."},
  };
  const std::string json = GradeJson(report);
  EXPECT_TRUE(Contains(json,
                       "    {\n"
                       "      \"code\": \"near-boundary\",\n"
                       "      \"outcome\": null,\n"
                       "      \"service\": null,\n"
                       "      \"message\": \"The total is close.\"\n"
                       "    },\n"
                       "    {\n"
                       "      \"code\": \"disagreement\",\n"
                       "      \"outcome\": \"1A\",\n"
                       "      \"service\": \"nhs-111\",\n"
                       "      \"message\": \"Ratings \\\"span\\\".\"\n"
                       "    }\n"));
}

TEST(GradeJsonTest, UnratedServiceOutcomeIsNull) {
  GradeReport report = CompleteReport();
  ServiceResult& service = report.result.domains[0].services[1];
  service.outcomes.erase("1B");
  service.total.reset();
  const std::string json = GradeJson(report);
  EXPECT_TRUE(Contains(json,
                       "\"id\": \"eoc\",\n"
                       "          \"name\": \"Emergency operations centre\",\n"
                       "          \"total\": null,\n"
                       "          \"outcomes\": [\n"));
  EXPECT_TRUE(Contains(json,
                       "              \"id\": \"1B\",\n"
                       "              \"score\": null,\n"
                       "              \"level\": null,\n"
                       "              \"flags\": [],\n"));
}

}  // namespace
}  // namespace eds
