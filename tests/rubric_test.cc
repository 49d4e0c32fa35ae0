#include "eds/rubric.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "diagnostic_text.h"
#include "eds/assessment.h"
#include "eds/builtin_rubrics.h"
#include "eds/method_text.h"
#include "eds/rating.h"

namespace eds {
namespace {

using ::eds::testing::Formatted;

Rubric Eds2022() {
  std::optional<Rubric> rubric = LoadBuiltinRubric("eds2022");
  EXPECT_TRUE(rubric.has_value());
  return rubric ? *rubric : Rubric{};
}

TEST(BuiltinRubricsTest, EveryBuiltinLoadsAndItsIdIsItsName) {
  ASSERT_FALSE(BuiltinRubrics().empty());
  for (const BuiltinRubric& builtin : BuiltinRubrics()) {
    Diagnostics diag;
    std::optional<Rubric> rubric =
        ParseRubric(std::string(builtin.text), std::string(builtin.name), diag);
    ASSERT_TRUE(rubric.has_value()) << builtin.name << "\n" << Formatted(diag);
    EXPECT_EQ(rubric->id, builtin.name);
    EXPECT_EQ(diag.items().size(), 0u) << Formatted(diag);
  }
}

TEST(BuiltinRubricsTest, Eds2022HasTheNationalFramework) {
  const Rubric rubric = Eds2022();
  EXPECT_EQ(rubric.id, "eds2022");
  EXPECT_EQ(rubric.source, "built-in");
  EXPECT_EQ(rubric.OutcomeIds(),
            (std::vector<std::string>{"1A", "1B", "1C", "1D", "2A", "2B", "2C",
                                      "2D", "3A", "3B", "3C"}));
  ASSERT_EQ(rubric.domains.size(), 3u);
  EXPECT_TRUE(rubric.domains[0].per_service);
  EXPECT_FALSE(rubric.domains[1].per_service);
  EXPECT_FALSE(rubric.domains[2].per_service);
  EXPECT_EQ(rubric.domains[1].name, "Workforce health and well-being");
  EXPECT_EQ(rubric.FindOutcome("2D")->title,
            "Staff recommend the organisation as a place to work and receive "
            "treatment");
  EXPECT_EQ(rubric.DomainOf("3B")->id, "3");
  EXPECT_EQ(rubric.FindOutcome("4A"), nullptr);
  EXPECT_EQ(rubric.DomainOf("4A"), nullptr);

  ASSERT_EQ(rubric.levels.size(), 4u);
  std::vector<std::string> levels;
  for (const Level& level : rubric.levels) {
    levels.push_back(level.name + "=" + std::to_string(level.points));
  }
  EXPECT_EQ(levels, (std::vector<std::string>{"Undeveloped=0", "Developing=1",
                                              "Achieving=2", "Excelling=3"}));
  EXPECT_EQ(rubric.levels[0].aliases,
            std::vector<std::string>{"Underdeveloped"});
  EXPECT_EQ(rubric.levels[3].aliases, std::vector<std::string>{"Excellent"});

  ASSERT_EQ(rubric.bands.size(), 4u);
  std::vector<std::string> bands;
  for (const Band& band : rubric.bands) {
    bands.push_back(band.name + "@" + band.lower.ToString());
  }
  EXPECT_EQ(bands, (std::vector<std::string>{"Undeveloped@0", "Developing@8",
                                             "Achieving@22", "Excelling@33"}));
  EXPECT_EQ(rubric.MaxPoints(), 3);
  EXPECT_EQ(rubric.MaxTotal(), Rational(33));
  EXPECT_EQ(
      rubric.stakeholder_groups,
      (std::vector<std::string>{"patients", "public", "staff", "trade-union",
                                "community", "peer", "board", "other"}));
  EXPECT_EQ(rubric.reviewer_roles,
            (std::vector<std::string>{"trade-union", "independent-evaluator",
                                      "peer-reviewer"}));
  EXPECT_EQ(rubric.default_policy.raters, RatersPolicy::kMedian);
  EXPECT_EQ(rubric.default_policy.services, ServicesPolicy::kMedian);
  EXPECT_EQ(rubric.default_policy.rounding, RoundingPolicy::kHalf);
}

// Everything a rubric says but where it came from, one fact a line, so that
// two rubrics compare whole and a difference names the fact.
std::string Describe(const Rubric& rubric) {
  std::string out = "rubric " + rubric.id + " " + rubric.version + " " +
                    rubric.title + "\npolicy " +
                    PolicySummary(rubric.default_policy) + "\n";
  for (const Level& level : rubric.levels) {
    out += "level " + level.id + " " + level.name + " " +
           std::to_string(level.points) + " " + level.colour;
    for (const std::string& alias : level.aliases) out += " alias " + alias;
    out += "\n";
  }
  for (const Band& band : rubric.bands) {
    out += "band " + band.name + " " + band.lower.ToString() + " " +
           band.colour + "\n";
  }
  for (const Domain& domain : rubric.domains) {
    out += "domain " + domain.id + " " + domain.name +
           (domain.per_service ? " per service\n" : "\n");
    for (const Outcome& outcome : domain.outcomes) {
      out += "outcome " + outcome.id + " " + outcome.name + " | " +
             outcome.title + " | " + outcome.prompt + "\n";
    }
  }
  for (const std::string& group : rubric.stakeholder_groups) {
    out += "group " + group + "\n";
  }
  for (const std::string& role : rubric.reviewer_roles) {
    out += "role " + role + "\n";
  }
  return out;
}

// The compare tests' local rubric is a copy of EDS 2022 with its own id and
// version, an outcome 2E and bands moved for the higher maximum. Anything
// else that differs would be a copy drifting from rubrics/eds2022.yaml.
TEST(BuiltinRubricsTest, CompareTestsLocalVariantDiffersOnlyWhereItSays) {
  const std::string path =
      std::string(EDS_TESTDATA_DIR) + "/history/compare/local-rubric.yaml";
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  Diagnostics diag;
  const std::optional<Rubric> local = ParseRubric(text, path, diag);
  ASSERT_TRUE(local.has_value()) << Formatted(diag);

  Rubric expected = Eds2022();
  expected.id = "eds2022-local";
  expected.version = "2022.1-local";
  expected.bands[2].lower = Rational(24);
  expected.bands[3].lower = Rational(36);
  expected.domains[1].outcomes.push_back(
      {"2E", "Flexible working", "Staff have fair access to flexible working",
       "Flexible working requests and outcomes by protected characteristic."});
  EXPECT_EQ(Describe(*local), Describe(expected));
}

TEST(BuiltinRubricsTest, UnknownIdHasNoRubric) {
  EXPECT_FALSE(LoadBuiltinRubric("eds2021").has_value());
  EXPECT_FALSE(LoadBuiltinRubric("").has_value());
}

struct RatingCase {
  std::string text;
  std::optional<int> points;
};

void PrintTo(const RatingCase& c, std::ostream* os) {
  *os << "'" << c.text << "'";
}

class ParseRatingTest : public ::testing::TestWithParam<RatingCase> {};

TEST_P(ParseRatingTest, AcceptsDigitsAndLevelNamesOnly) {
  EXPECT_EQ(Eds2022().ParseRating(GetParam().text), GetParam().points);
}

INSTANTIATE_TEST_SUITE_P(
    Eds2022, ParseRatingTest,
    ::testing::Values(
        RatingCase{"0", 0}, RatingCase{"1", 1}, RatingCase{"2", 2},
        RatingCase{"3", 3}, RatingCase{"Achieving", 2},
        RatingCase{"achieving activity", 2},
        RatingCase{"Achieving Activity", 2}, RatingCase{"EXCELLENT", 3},
        RatingCase{"Excelling", 3}, RatingCase{"Underdeveloped", 0},
        RatingCase{"undeveloped activity", 0}, RatingCase{"Developing", 1},
        RatingCase{"010", std::nullopt}, RatingCase{"2.5", std::nullopt},
        RatingCase{"Good", std::nullopt}, RatingCase{"", std::nullopt},
        RatingCase{" 2", std::nullopt}, RatingCase{"2 ", std::nullopt},
        RatingCase{"4", std::nullopt}, RatingCase{"-1", std::nullopt},
        RatingCase{"+2", std::nullopt}, RatingCase{"02", std::nullopt},
        RatingCase{"two", std::nullopt}, RatingCase{"activity", std::nullopt},
        RatingCase{" activity", std::nullopt},
        RatingCase{"Achieving  activity", std::nullopt},
        RatingCase{"Achievingactivity", std::nullopt},
        RatingCase{"Achieving activity activity", std::nullopt}));

TEST(RubricTest, RatingWordsListDigitsNamesAndAliases) {
  EXPECT_EQ(Eds2022().RatingWords(),
            (std::vector<std::string>{"0", "Undeveloped", "Underdeveloped", "1",
                                      "Developing", "2", "Achieving", "3",
                                      "Excelling", "Excellent"}));
}

struct BandCase {
  Rational total;
  const char* band;
};

void PrintTo(const BandCase& c, std::ostream* os) { *os << c.total.ToString(); }

class BandOfTest : public ::testing::TestWithParam<BandCase> {};

TEST_P(BandOfTest, BandsAreHalfOpen) {
  EXPECT_EQ(Eds2022().BandOf(GetParam().total).name, GetParam().band);
}

INSTANTIATE_TEST_SUITE_P(
    Eds2022, BandOfTest,
    ::testing::Values(BandCase{Rational(0), "Undeveloped"},
                      BandCase{Rational(15, 2), "Undeveloped"},
                      BandCase{Rational(8), "Developing"},
                      BandCase{Rational(43, 2), "Developing"},
                      BandCase{Rational(65, 3), "Developing"},
                      BandCase{Rational(22), "Achieving"},
                      BandCase{Rational(65, 2), "Achieving"},
                      BandCase{Rational(33), "Excelling"}));

TEST(RubricTest, LevelOfRoundsDown) {
  const Rubric rubric = Eds2022();
  EXPECT_EQ(rubric.LevelOf(Rational(3, 2))->name, "Developing");
  EXPECT_EQ(rubric.LevelOf(Rational(2))->name, "Achieving");
  EXPECT_EQ(rubric.LevelOf(Rational(0))->name, "Undeveloped");
  EXPECT_EQ(rubric.LevelOf(Rational(3))->name, "Excelling");
  EXPECT_EQ(rubric.LevelOf(Rational(-1, 2)), nullptr);
  EXPECT_EQ(rubric.LevelForPoints(2)->name, "Achieving");
  EXPECT_EQ(rubric.LevelForPoints(4), nullptr);
}

// The model's level and rating (eds/rating.h) are LevelOf and BandOf kept as
// indices, named and coloured from the rubric they were decided with.
TEST(RatingTest, LevelsAndRatingsKeepTheirPlaceInTheRubric) {
  const Rubric rubric = Eds2022();
  const ScoreLevel developing = ScoreLevel::Of(rubric, Rational(3, 2));
  EXPECT_EQ(developing.index(), 1);
  EXPECT_EQ(developing.Name(rubric), "Developing");
  EXPECT_EQ(developing.Colour(rubric), rubric.levels[1].colour);
  EXPECT_FALSE(ScoreLevel::Of(rubric, std::nullopt).has_value());
  EXPECT_FALSE(ScoreLevel::Of(rubric, Rational(-1, 2)).has_value());
  EXPECT_EQ(ScoreLevel().Name(rubric), "");
  EXPECT_EQ(ScoreLevel().Colour(rubric), "");

  const OrganisationRating achieving = OrganisationRating::Of(rubric, 22);
  EXPECT_TRUE(achieving.complete());
  EXPECT_EQ(achieving.band(), 2);
  EXPECT_EQ(achieving.Name(rubric), "Achieving");
  EXPECT_EQ(achieving.Colour(rubric), rubric.bands[2].colour);
  const OrganisationRating incomplete;
  EXPECT_FALSE(incomplete.complete());
  EXPECT_EQ(incomplete.Name(rubric), kIncompleteRating);
  EXPECT_EQ(incomplete.Colour(rubric), "");
}

// A local framework with five outcomes, five levels and other bands.
const char kLocalRubric[] =
    "rubric: 1\n"
    "id: local-five\n"
    "version: \"1\"\n"
    "title: Local five-outcome framework\n"
    "levels:\n"
    "  - {id: none, name: None, points: 0, colour: \"#FFFFFF\"}\n"
    "  - {id: low, name: Low, points: 1, colour: \"#EEEEEE\"}\n"
    "  - {id: fair, name: Fair, points: 2, colour: \"#DDDDDD\"}\n"
    "  - {id: good, name: Good, points: 3, aliases: [Solid], colour: "
    "\"#CCCCCC\"}\n"
    "  - {id: great, name: Great, points: 4, colour: \"#BBBBBB\"}\n"
    "bands:\n"
    "  - {name: Red, from: 0, colour: \"#FF0000\"}\n"
    "  - {name: Amber, from: 6, colour: \"#FFBF00\"}\n"
    "  - {name: Green, from: 12, colour: \"#00FF00\"}\n"
    "  - {name: Gold, from: 18, colour: \"#FFD700\"}\n"
    "stakeholder_groups: [staff, public]\n"
    "reviewer_roles: [peer-reviewer]\n"
    "policy: {raters: mean, rounding: none}\n"
    "domains:\n"
    "  - id: S\n"
    "    name: Services\n"
    "    per_service: true\n"
    "    outcomes:\n"
    "      - {id: S1, name: Reach, title: Services reach everyone}\n"
    "      - {id: S2, name: Fit, title: Services fit their users}\n"
    "  - id: L\n"
    "    name: Leadership\n"
    "    outcomes:\n"
    "      - {id: L1, name: Intent, title: Leaders state their intent}\n"
    "      - {id: L2, name: Papers, title: Papers weigh equality}\n"
    "      - {id: L3, name: Levers, title: Levers are in place, prompt: "
    "Appraisals}\n";

TEST(ParseRubricTest, ReadsACustomRubric) {
  Diagnostics diag;
  std::optional<Rubric> rubric = ParseRubric(kLocalRubric, "local.yaml", diag);
  ASSERT_TRUE(rubric.has_value()) << Formatted(diag);
  EXPECT_EQ(rubric->id, "local-five");
  EXPECT_EQ(rubric->version, "1");
  EXPECT_EQ(rubric->source, "local.yaml");
  EXPECT_EQ(rubric->OutcomeIds(),
            (std::vector<std::string>{"S1", "S2", "L1", "L2", "L3"}));
  EXPECT_TRUE(rubric->domains[0].per_service);
  EXPECT_FALSE(rubric->domains[1].per_service);
  EXPECT_EQ(rubric->FindOutcome("L3")->prompt, "Appraisals");
  EXPECT_EQ(rubric->MaxPoints(), 4);
  EXPECT_EQ(rubric->MaxTotal(), Rational(20));
  EXPECT_EQ(rubric->BandOf(Rational(17)).name, "Green");
  EXPECT_EQ(rubric->BandOf(Rational(18)).name, "Gold");
  EXPECT_EQ(rubric->BandOf(Rational(20)).name, "Gold");
  EXPECT_EQ(rubric->ParseRating("4"), 4);
  EXPECT_EQ(rubric->ParseRating("great activity"), 4);
  EXPECT_EQ(rubric->ParseRating("SOLID"), 3);
  EXPECT_EQ(rubric->ParseRating("5"), std::nullopt);
  EXPECT_EQ(rubric->ParseRating("Achieving"), std::nullopt);
  EXPECT_EQ(rubric->default_policy.raters, RatersPolicy::kMean);
  EXPECT_EQ(rubric->default_policy.services, ServicesPolicy::kMedian);
  EXPECT_EQ(rubric->default_policy.rounding, RoundingPolicy::kNone);
  EXPECT_EQ(rubric->stakeholder_groups,
            (std::vector<std::string>{"staff", "public"}));
}

// kLocalRubric with `from` replaced by `to` (which must occur once).
std::string LocalRubricWith(const std::string& from, const std::string& to) {
  std::string text = kLocalRubric;
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

struct BadRubric {
  const char* name;
  std::string text;
  std::string expected;  // every diagnostic, formatted
};

void PrintTo(const BadRubric& c, std::ostream* os) { *os << c.name; }

class BadRubricTest : public ::testing::TestWithParam<BadRubric> {};

TEST_P(BadRubricTest, ReportsEveryProblemLocated) {
  Diagnostics diag;
  EXPECT_FALSE(ParseRubric(GetParam().text, "r.yaml", diag).has_value());
  EXPECT_EQ(Formatted(diag), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadRubricTest,
    ::testing::Values(
        BadRubric{"Empty", "", "r.yaml:1:1: error: the rubric file is empty\n"},
        BadRubric{"NotAMapping", "- a\n",
                  "r.yaml:1:1: error: the rubric must be a mapping of keys to "
                  "values, not a list\n"
                  "  - a\n"
                  "  ^\n"},
        BadRubric{
            "AnAssessment", "eds3: 1\nrubric: eds2022\n",
            "r.yaml:1:1: error: this is an assessment file, not a rubric\n"
            "  eds3: 1\n"
            "  ^\n"
            "  hint: a rubric file starts with 'rubric: 1' and lists "
            "levels, bands and domains\n"},
        BadRubric{"FormatVersion",
                  LocalRubricWith("rubric: 1\n", "rubric: 2\n"),
                  "r.yaml:1:9: error: unsupported rubric file format '2'\n"
                  "  rubric: 2\n"
                  "          ^\n"
                  "  hint: this version of eds3 reads rubric format 1\n"},
        BadRubric{"UnknownKey",
                  LocalRubricWith("title: Local", "titel: x\ntitle: Local"),
                  "r.yaml:4:1: error: unknown key 'titel' in the rubric; did "
                  "you mean 'title'?\n"
                  "  titel: x\n"
                  "  ^\n"},
        BadRubric{"MissingDomains",
                  std::string(kLocalRubric)
                      .substr(0, std::string(kLocalRubric).find("domains:")),
                  "r.yaml:1:1: error: the rubric is missing the required key "
                  "'domains'\n"
                  "  rubric: 1\n"
                  "  ^\n"},
        BadRubric{
            "BadId", LocalRubricWith("id: local-five", "id: Local Five"),
            "r.yaml:2:5: error: rubric id 'Local Five' must use only a-z, "
            "0-9 and '-'\n"
            "  id: Local Five\n"
            "      ^\n"},
        BadRubric{
            "LevelsOutOfOrder",
            LocalRubricWith("name: Fair, points: 2", "name: Fair, points: 1"),
            "r.yaml:8:36: error: levels must be listed in ascending "
            "points, each different\n"
            "    - {id: fair, name: Fair, points: 1, colour: \"#DDDDDD\"}\n"
            "                                     ^\n"},
        BadRubric{"PointsNotAWholeNumber",
                  LocalRubricWith("points: 4", "points: \"04\""),
                  "r.yaml:10:38: error: level points must be a whole number "
                  "from 0 to 9, not '04'\n"
                  "    - {id: great, name: Great, points: \"04\", colour: "
                  "\"#BBBBBB\"}\n"
                  "                                       ^\n"},
        BadRubric{
            "LowestLevelNotZero",
            LocalRubricWith("  - {id: none, name: None, points: 0, colour: "
                            "\"#FFFFFF\"}\n",
                            ""),
            "r.yaml:6:3: error: the lowest level must be worth 0 points\n"
            "    - {id: low, name: Low, points: 1, colour: \"#EEEEEE\"}\n"
            "    ^\n"},
        BadRubric{
            "LevelNameIsANumber", LocalRubricWith("name: Low", "name: \"7\""),
            "r.yaml:7:21: error: level name '7' must not be a number\n"
            "    - {id: low, name: \"7\", points: 1, colour: \"#EEEEEE\"}\n"
            "                      ^\n"},
        // "03" is digits, though not a whole number as points are written.
        BadRubric{"AliasIsDigits",
                  LocalRubricWith("aliases: [Solid]", "aliases: [\"03\"]"),
                  "r.yaml:9:49: error: level name '03' must not be a number\n"
                  "    - {id: good, name: Good, points: 3, aliases: [\"03\"], "
                  "colour: \"#CCCCCC\"}\n"
                  "                                                  ^\n"},
        BadRubric{"LevelNameEndsInActivity",
                  LocalRubricWith("name: Low", "name: Low Activity"),
                  "r.yaml:7:21: error: level name 'Low Activity' must not end "
                  "in ' activity'\n"
                  "    - {id: low, name: Low Activity, points: 1, colour: "
                  "\"#EEEEEE\"}\n"
                  "                      ^\n"
                  "  hint: a rating may add ' activity' to any level name, so "
                  "give the name without it\n"},
        BadRubric{"BandNameTwice", LocalRubricWith("name: Gold", "name: Amber"),
                  "r.yaml:15:12: error: band name 'Amber' is given twice "
                  "(first on line 13)\n"
                  "    - {name: Amber, from: 18, colour: \"#FFD700\"}\n"
                  "             ^\n"},
        BadRubric{"AliasRepeatsAName",
                  LocalRubricWith("aliases: [Solid]", "aliases: [fair]"),
                  "r.yaml:9:49: error: level name 'fair' is given twice\n"
                  "    - {id: good, name: Good, points: 3, aliases: [fair], "
                  "colour: \"#CCCCCC\"}\n"
                  "                                                  ^\n"},
        BadRubric{"BadColour", LocalRubricWith("\"#FFBF00\"", "orange"),
                  "r.yaml:13:36: error: colour 'orange' must be written "
                  "#RRGGBB\n"
                  "    - {name: Amber, from: 6, colour: orange}\n"
                  "                                     ^\n"},
        BadRubric{"FirstBandNotZero", LocalRubricWith("from: 0", "from: 1"),
                  "r.yaml:12:23: error: the first band must start from 0\n"
                  "    - {name: Red, from: 1, colour: \"#FF0000\"}\n"
                  "                        ^\n"},
        BadRubric{"BandsOutOfOrder", LocalRubricWith("from: 12", "from: 6"),
                  "r.yaml:14:25: error: bands must be listed in ascending "
                  "'from', each different\n"
                  "    - {name: Green, from: 6, colour: \"#00FF00\"}\n"
                  "                          ^\n"},
        BadRubric{"TopBandOutOfReach", LocalRubricWith("from: 18", "from: 21"),
                  "r.yaml:15:24: error: the top band starts from 21, above the "
                  "highest possible total 20\n"
                  "    - {name: Gold, from: 21, colour: \"#FFD700\"}\n"
                  "                         ^\n"},
        BadRubric{"OutcomeIdTwice", LocalRubricWith("{id: L2,", "{id: S1,"),
                  "r.yaml:30:14: error: outcome id 'S1' is given twice\n"
                  "        - {id: S1, name: Papers, title: Papers weigh "
                  "equality}\n"
                  "               ^\n"},
        BadRubric{"TwoPerServiceDomains",
                  LocalRubricWith("    name: Leadership\n",
                                  "    name: Leadership\n    per_service: "
                                  "true\n"),
                  "r.yaml:20:3: error: at most one domain may be rated per "
                  "service\n"
                  "    - id: S\n"
                  "    ^\n"},
        BadRubric{"PerServiceNotBoolean",
                  LocalRubricWith("per_service: true", "per_service: yes"),
                  "r.yaml:22:18: error: 'per_service' must be true or false, "
                  "not 'yes'\n"
                  "      per_service: yes\n"
                  "                   ^\n"},
        BadRubric{"GroupTwice",
                  LocalRubricWith("[staff, public]", "[staff, staff]"),
                  "r.yaml:16:29: error: 'staff' is listed twice\n"
                  "  stakeholder_groups: [staff, staff]\n"
                  "                              ^\n"},
        BadRubric{"UnknownPolicy",
                  LocalRubricWith("raters: mean", "raters: mode"),
                  "r.yaml:18:18: error: unknown raters policy 'mode'\n"
                  "  policy: {raters: mode, rounding: none}\n"
                  "                   ^\n"
                  "  hint: use one of: median, mean, min\n"},
        // Every problem of a file is reported, not only the first.
        BadRubric{"SeveralProblems",
                  LocalRubricWith("id: local-five\nversion: \"1\"\n",
                                  "id: local_five\n"),
                  "r.yaml:2:5: error: rubric id 'local_five' must use only "
                  "a-z, 0-9 and '-'\n"
                  "  id: local_five\n"
                  "      ^\n"
                  "r.yaml:1:1: error: the rubric is missing the required key "
                  "'version'\n"
                  "  rubric: 1\n"
                  "  ^\n"}),
    [](const ::testing::TestParamInfo<BadRubric>& param) {
      return std::string(param.param.name);
    });

}  // namespace
}  // namespace eds
