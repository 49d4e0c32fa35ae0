// What the compare and rollup writers share (outputs/src/history_common.h).

#include "history_common.h"

#include <gtest/gtest.h>

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "eds/date.h"
#include "eds/history.h"
#include "eds/json_writer.h"
#include "history_fixtures.h"

namespace eds::history {
namespace {

using ::eds::testing::All;
using ::eds::testing::Eds2022Rubric;
using ::eds::testing::kUnrated;
using ::eds::testing::Year;

TEST(SignedTextTest, ShowsTheSignOfEveryChangeButZero) {
  EXPECT_EQ(SignedText(Rational(1)), "+1");
  EXPECT_EQ(SignedText(Rational(-1, 2)), "-0.5");
  EXPECT_EQ(SignedText(Rational(0)), "0");
  EXPECT_EQ(SignedText(Rational(5, 3)), "+1.67");
  // Positive, but shown as 0 to two decimals: no sign on a zero.
  EXPECT_EQ(SignedText(Rational(1, 1000)), "0");
}

TEST(TotalTextTest, OutOfItsOwnRubricsMaximumOrIncomplete) {
  EXPECT_EQ(TotalText(Year("T", "RXX", "2024/25", All(2))), "22 of 33");
  // The variant rubric has twelve outcomes: its maximum is 36.
  EXPECT_EQ(TotalText(Year("T", "RXX", "2024/25", All(1, 12), "",
                           ::eds::testing::SharedVariant())),
            "12 of 36");
  std::vector<int> incomplete = All(2);
  incomplete[0] = kUnrated;
  EXPECT_EQ(TotalText(Year("T", "RXX", "2024/25", incomplete)), "incomplete");
}

TEST(ChangeJsonTest, GivesTheChangeOrWhyThereIsNone) {
  const auto written = [](const std::optional<Rational>& change, NoChange why) {
    JsonWriter json;
    json.BeginObject();
    WriteChangeJson(change, why, json);
    json.EndObject();
    return json.Text();
  };
  EXPECT_EQ(written(Rational(3, 2), NoChange::kIncomplete),
            "{\n  \"change\": 1.5,\n  \"change_reason\": null\n}\n");
  EXPECT_EQ(written(std::nullopt, NoChange::kNoEarlierYear),
            "{\n  \"change\": null,\n  \"change_reason\": \"no earlier "
            "year\"\n}\n");
  EXPECT_EQ(written(std::nullopt, NoChange::kIncomplete),
            "{\n  \"change\": null,\n  \"change_reason\": \"incomplete\"\n}\n");
  EXPECT_EQ(written(std::nullopt, NoChange::kDifferentMaxima),
            "{\n  \"change\": null,\n  \"change_reason\": \"different rubric "
            "maxima\"\n}\n");
}

TEST(RubricJsonTest, ABuiltInRubricHasNoFileOrHash) {
  JsonWriter json;
  json.BeginObject();
  WriteRubricJson("rubric", Eds2022Rubric(), json);
  json.EndObject();
  EXPECT_EQ(json.Text(),
            "{\n  \"rubric\": {\n    \"id\": \"eds2022\",\n    \"version\": "
            "\"2022.1\",\n    \"source\": \"built-in\",\n    \"file\": null,\n"
            "    \"sha256\": null\n  }\n}\n");
  Rubric local = Eds2022Rubric();
  local.source = "r/local.yaml";
  local.sha256 = std::string(64, 'a');
  JsonWriter file_json;
  file_json.BeginObject();
  WriteRubricJson("rubric", local, file_json);
  file_json.EndObject();
  EXPECT_NE(file_json.Text().find("\"source\": \"file\",\n    \"file\": "
                                  "\"r/local.yaml\",\n    \"sha256\": \"aaaa"),
            std::string::npos)
      << file_json.Text();
}

TEST(ColourTest, LevelsAndBandsTakeTheRubricsColours) {
  const Rubric rubric = Eds2022Rubric();
  const auto level_colour = [&rubric](std::optional<Rational> score) {
    return ScoreLevel::Of(rubric, score).Colour(rubric);
  };
  EXPECT_EQ(level_colour(Rational(0)), "#F4B183");
  // A half score takes the level below it.
  EXPECT_EQ(level_colour(Rational(3, 2)), "#FFE699");
  EXPECT_EQ(level_colour(Rational(3)), "#9DC3E6");
  EXPECT_EQ(level_colour(std::nullopt), "");
  const auto shared = std::make_shared<const Rubric>(rubric);
  EXPECT_EQ(RatingColour({OrganisationRating::Of(rubric, 22), shared}),
            "#C5E0B4");
  EXPECT_EQ(RatingColour({OrganisationRating(), shared}), kIncompleteColour);
  EXPECT_EQ(RatingColour({}), "");
  EXPECT_EQ(ChangeColour(Rational(1, 2)), kUpColour);
  EXPECT_EQ(ChangeColour(Rational(-1)), kDownColour);
  EXPECT_EQ(ChangeColour(Rational(0)), "");
  EXPECT_EQ(ChangeColour(std::nullopt), "");
}

TEST(SignedNumberFormatTest, AsManyDecimalsAsTheChangeNeeds) {
  EXPECT_EQ(SignedNumberFormat(Rational(-2)), "+0;-0;0");
  EXPECT_EQ(SignedNumberFormat(Rational(1, 2)), "+0.0;-0.0;0");
  EXPECT_EQ(SignedNumberFormat(Rational(2, 3)), "+0.00;-0.00;0");
}

TEST(AttentionLabelTest, EveryReasonHasItsOwnLabel) {
  const std::vector<AttentionReason> reasons = {
      AttentionReason::kLowestBand, AttentionReason::kBandDown,
      AttentionReason::kBandUp,     AttentionReason::kBigFall,
      AttentionReason::kBigRise,    AttentionReason::kOutOfDate,
      AttentionReason::kIncomplete, AttentionReason::kExcluded,
      AttentionReason::kMissing};
  std::vector<std::string> labels;
  for (AttentionReason reason : reasons)
    labels.push_back(AttentionLabel(reason));
  EXPECT_EQ(labels, (std::vector<std::string>{
                        "Lowest band", "Fell a band", "Rose a band",
                        "Big fall in total", "Big rise in total", "Out of date",
                        "Incomplete", "Excluded file", "Missing"}));
}

TEST(DocumentTimeOfTest, TheLatestOfTheYearsOwnDates) {
  OrganisationYear early = Year("T", "RXX", "2022/23", All(1));
  early.completed = Date::Parse("2023-03-01");
  OrganisationYear late = Year("T", "RXX", "2023/24", All(1));
  late.completed = Date::Parse("2024-02-14");
  OrganisationYear undated = Year("T", "RXX", "2021/22", All(1));
  undated.completed = std::nullopt;
  // 2024-02-14T00:00:00Z.
  constexpr std::time_t kLate = 1707868800;
  EXPECT_EQ(DocumentTimeOf({&early, &late, &undated}), kLate);
  EXPECT_EQ(DocumentTimeOf({&undated, &late, &early}), kLate);
  // An undated year counts from 1 January of its first year.
  constexpr std::time_t kJanuary2021 = 1609459200;
  EXPECT_EQ(DocumentTimeOf({&undated}), kJanuary2021);
  // No year at all: the fixed fallback, never "now".
  EXPECT_EQ(DocumentTimeOf({}), xlsx::DocumentTime(std::nullopt, ""));
  EXPECT_NE(DocumentTimeOf({}), 0);
}

}  // namespace
}  // namespace eds::history
