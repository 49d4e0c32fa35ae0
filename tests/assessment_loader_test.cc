#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic_text.h"
#include "eds/assessment.h"
#include "eds/file_system.h"
#include "eds/limits.h"

namespace eds {
namespace {

using ::eds::testing::Formatted;

// One expected diagnostic as FormatDiagnostic writes it, for a source line
// of plain ASCII without tabs (so the caret is `column - 1` spaces in).
std::string Located(const std::string& file, int line, int column,
                    const std::string& message, const std::string& source,
                    const std::string& hint = "") {
  std::string out = file + ":" + std::to_string(line) + ":" +
                    std::to_string(column) + ": error: " + message + "\n";
  if (!source.empty()) {
    out += "  " + source + "\n  " +
           std::string(static_cast<std::size_t>(column - 1), ' ') + "^\n";
  }
  if (!hint.empty()) out += "  hint: " + hint + "\n";
  return out;
}

// The first 12 lines of most test files: valid, with two stakeholders.
const std::string kHead =
    "eds3: 1\n"                         // 1
    "rubric: eds2022\n"                 // 2
    "organisation:\n"                   // 3
    "  name: Example Trust\n"           // 4
    "year: 2024/25\n"                   // 5
    "stakeholders:\n"                   // 6
    "  - id: patients-forum\n"          // 7
    "    name: Patient forum\n"         // 8
    "    group: patients\n"             // 9
    "  - id: staff-networks\n"          // 10
    "    name: Staff network chairs\n"  // 11
    "    group: staff\n";               // 12

// kHead with `from` replaced by `to`.
std::string HeadWith(const std::string& from, const std::string& to) {
  std::string text = kHead;
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

const char kScoreHint[] =
    "a score is one of 0 (Undeveloped), 1 (Developing), 2 (Achieving), 3 "
    "(Excelling)";
const char kStakeholderHint[] =
    "every rating names a stakeholder declared under 'stakeholders' (by its "
    "id or its name)";
const char kCsvHeaderHint[] =
    "the first row names the columns: "
    "service,outcome,stakeholder,score,comment";

std::optional<LoadedAssessment> Parse(const std::string& text,
                                      MemoryFileSystem& fs, Diagnostics& diag,
                                      const std::string& path = "a.yaml") {
  return ParseAssessment(text, path, fs, diag);
}

TEST(AssessmentLoaderTest, LoadsEveryField) {
  MemoryFileSystem fs;
  fs.Add("panel.csv",
         "service,outcome,stakeholder,score,comment\n"
         "nhs-111,1B,staff-networks,Achieving activity,Fine\n"
         ",3A,patients-forum,excellent,\n");
  const std::string text =
      kHead +
      "completed: 2025-02-14\n"
      "lead: Head of EDI\n"
      "sponsor: Director of People\n"
      "partners: [Example ICB, Example Council]\n"
      "engagement: [2024-11-05, 2024-12-10]\n"
      "published: 2025-03\n"
      "authorised: 2025-02-27\n"
      "review_due: 2026-02-28\n"
      "reviewers:\n"
      "  - name: Union officer\n"
      "    role: trade-union\n"
      "policy: {raters: mean, services: mean, rounding: none}\n"
      "ratings_csv: panel.csv\n"
      "services:\n"
      "  - id: nhs-111\n"
      "    name: NHS 111\n"
      "    outcomes:\n"
      "      1A:\n"
      "        ratings: {patients-forum: 2, staff-networks: \"1\"}\n"
      "outcomes:\n"
      "  2A:\n"
      "    ratings:\n"
      "      staff-networks: Underdeveloped\n"
      "    agreed: Developing activity\n"
      "    evidence:\n"
      "      - title: Staff survey 2024\n"
      "        link: https://example.org/survey\n"
      "      - title: Occupational health uptake\n"
      "    notes: Nights are hard to reach.\n"
      "    actions:\n"
      "      - action: Extend support to nights\n"
      "        owner: Head of OH\n"
      "        due: 2025-09-30\n"
      "  3C:\n";
  Diagnostics diag;
  std::optional<LoadedAssessment> loaded = Parse(text, fs, diag);
  ASSERT_TRUE(loaded.has_value()) << Formatted(diag);
  EXPECT_TRUE(diag.items().empty()) << Formatted(diag);
  const Assessment& a = loaded->assessment;
  EXPECT_EQ(loaded->rubric.id, "eds2022");
  EXPECT_EQ(a.source, "a.yaml");
  EXPECT_EQ(a.rubric_ref, "eds2022");
  EXPECT_EQ(a.organisation.name, "Example Trust");
  EXPECT_EQ(a.organisation.code, "");
  EXPECT_EQ(a.Identity(), "Example Trust");
  EXPECT_EQ(a.year, "2024/25");
  EXPECT_EQ(a.completed, (Date{2025, 2, 14}));
  EXPECT_EQ(a.lead, "Head of EDI");
  EXPECT_EQ(a.sponsor, "Director of People");
  EXPECT_EQ(a.partners,
            (std::vector<std::string>{"Example ICB", "Example Council"}));
  EXPECT_EQ(a.engagement, (std::vector<Date>{{2024, 11, 5}, {2024, 12, 10}}));
  EXPECT_EQ(a.published, "2025-03");
  EXPECT_EQ(a.authorised, (Date{2025, 2, 27}));
  EXPECT_EQ(a.review_due, (Date{2026, 2, 28}));
  ASSERT_EQ(a.reviewers.size(), 1u);
  EXPECT_EQ(a.reviewers[0].name, "Union officer");
  EXPECT_EQ(a.reviewers[0].role, "trade-union");
  EXPECT_EQ(a.policy.raters, RatersPolicy::kMean);
  EXPECT_EQ(a.policy.services, ServicesPolicy::kMean);
  EXPECT_EQ(a.policy.rounding, RoundingPolicy::kNone);
  ASSERT_EQ(a.stakeholders.size(), 2u);
  EXPECT_EQ(a.stakeholders[1].id, "staff-networks");
  EXPECT_EQ(a.stakeholders[1].name, "Staff network chairs");
  EXPECT_EQ(a.stakeholders[1].group, "staff");
  EXPECT_EQ(a.FindStakeholder("patients-forum")->group, "patients");
  EXPECT_EQ(a.FindStakeholder("nobody"), nullptr);
  EXPECT_EQ(a.ratings_csv, std::vector<std::string>{"panel.csv"});

  ASSERT_EQ(a.services.size(), 1u);
  const Service& service = a.services[0];
  EXPECT_EQ(service.id, "nhs-111");
  EXPECT_EQ(service.name, "NHS 111");
  ASSERT_EQ(service.outcomes.count("1A"), 1u);
  const std::vector<Rating>& access = service.outcomes.at("1A").ratings;
  ASSERT_EQ(access.size(), 2u);
  EXPECT_EQ(access[0].stakeholder, "patients-forum");
  EXPECT_EQ(access[0].points, 2);
  EXPECT_EQ(access[1].points, 1);
  EXPECT_EQ(access[1].where.line, 31);
  EXPECT_EQ(access[1].where.column, 38);
  // A CSV row for a service lands in that service.
  ASSERT_EQ(service.outcomes.count("1B"), 1u);
  const Rating& csv_rating = service.outcomes.at("1B").ratings.at(0);
  EXPECT_EQ(csv_rating.stakeholder, "staff-networks");
  EXPECT_EQ(csv_rating.points, 2);
  EXPECT_EQ(csv_rating.comment, "Fine");
  EXPECT_EQ(csv_rating.where.file, "panel.csv");
  EXPECT_EQ(csv_rating.where.line, 2);
  EXPECT_EQ(csv_rating.where.column, 12);

  const OutcomeEntry& support = a.outcomes.at("2A");
  EXPECT_EQ(support.outcome_id, "2A");
  ASSERT_EQ(support.ratings.size(), 1u);
  EXPECT_EQ(support.ratings[0].points, 0);
  EXPECT_EQ(support.agreed, 1);
  ASSERT_EQ(support.evidence.size(), 2u);
  EXPECT_EQ(support.evidence[0].title, "Staff survey 2024");
  EXPECT_EQ(support.evidence[0].link, "https://example.org/survey");
  EXPECT_EQ(support.evidence[1].link, "");
  EXPECT_EQ(support.notes, "Nights are hard to reach.");
  ASSERT_EQ(support.actions.size(), 1u);
  EXPECT_EQ(support.actions[0].action, "Extend support to nights");
  EXPECT_EQ(support.actions[0].owner, "Head of OH");
  EXPECT_EQ(support.actions[0].due, (Date{2025, 9, 30}));
  // An outcome rated only in the CSV needs no YAML entry.
  EXPECT_EQ(a.outcomes.at("3A").ratings.at(0).points, 3);
  // `3C:` alone is present and unrated.
  ASSERT_EQ(a.outcomes.count("3C"), 1u);
  EXPECT_TRUE(a.outcomes.at("3C").ratings.empty());
  EXPECT_FALSE(a.outcomes.at("3C").agreed.has_value());
  EXPECT_EQ(a.outcomes.count("2B"), 0u);
}

TEST(AssessmentLoaderTest, TakesTheRubricsDefaultPolicy) {
  MemoryFileSystem fs;
  fs.Add("rubrics/local.yaml",
         "rubric: 1\nid: local\nversion: \"1\"\ntitle: Local\n"
         "levels:\n"
         "  - {id: no, name: No, points: 0, colour: \"#FFFFFF\"}\n"
         "  - {id: yes, name: Yes, points: 1, colour: \"#000000\"}\n"
         "bands: [{name: All, from: 0, colour: \"#FFFFFF\"}]\n"
         "stakeholder_groups: [staff]\nreviewer_roles: [peer-reviewer]\n"
         "policy: {raters: min, rounding: down}\n"
         "domains: [{id: D, name: Only, outcomes: [{id: D1, name: One, "
         "title: The one}]}]\n");
  Diagnostics diag;
  std::optional<LoadedAssessment> loaded = Parse(
      "eds3: 1\nrubric: rubrics/local.yaml\norganisation: {name: X}\n"
      "year: 2024/25\npolicy: {rounding: half}\n"
      "stakeholders: [{id: s, name: S, group: staff}]\n"
      "outcomes: {D1: {ratings: {s: \"yes\"}}}\n",
      fs, diag);
  ASSERT_TRUE(loaded.has_value()) << Formatted(diag);
  EXPECT_EQ(loaded->rubric.id, "local");
  EXPECT_EQ(loaded->rubric.source, "rubrics/local.yaml");
  EXPECT_EQ(loaded->assessment.policy.raters, RatersPolicy::kMin);
  EXPECT_EQ(loaded->assessment.policy.services, ServicesPolicy::kMedian);
  EXPECT_EQ(loaded->assessment.policy.rounding, RoundingPolicy::kHalf);
  EXPECT_EQ(loaded->assessment.outcomes.at("D1").ratings.at(0).points, 1);
}

TEST(AssessmentLoaderTest, ReadsASpreadsheetExportWithBomAndCrLf) {
  MemoryFileSystem fs;
  fs.Add("panel.csv",
         "\xEF\xBB\xBF"
         "Outcome,Stakeholder,Score,Service,Comment\r\n"
         "2B,patients-forum,Achieving activity,,\"Two lines\r\nof comment\"\r\n"
         "\r\n"
         "2B,staff-networks,1,,\"says \"\"patchy\"\"\"\r\n");
  Diagnostics diag;
  std::optional<LoadedAssessment> loaded =
      Parse(kHead + "ratings_csv: panel.csv\n", fs, diag);
  ASSERT_TRUE(loaded.has_value()) << Formatted(diag);
  const std::vector<Rating>& ratings =
      loaded->assessment.outcomes.at("2B").ratings;
  ASSERT_EQ(ratings.size(), 2u);
  EXPECT_EQ(ratings[0].points, 2);
  EXPECT_EQ(ratings[0].comment, "Two lines\r\nof comment");
  EXPECT_EQ(ratings[0].where.line, 2);
  EXPECT_EQ(ratings[0].where.column, 4);
  EXPECT_EQ(ratings[1].points, 1);
  EXPECT_EQ(ratings[1].comment, "says \"patchy\"");
  EXPECT_EQ(ratings[1].where.line, 5);
}

// A line of spaces is as blank as an empty one (SPEC §3: blank lines are
// ignored).
TEST(AssessmentLoaderTest, CsvLineOfSpacesIsBlank) {
  MemoryFileSystem fs;
  fs.Add("panel.csv",
         "outcome,stakeholder,score,service\n"
         "   \n"
         "2B,patients-forum,2,\n"
         "\t \n");
  Diagnostics diag;
  std::optional<LoadedAssessment> loaded =
      Parse(kHead + "ratings_csv: panel.csv\n", fs, diag);
  ASSERT_TRUE(loaded.has_value()) << Formatted(diag);
  EXPECT_EQ(loaded->assessment.outcomes.at("2B").ratings.size(), 1u);
}

// A rubric file is parsed once for many assessments, but never served from
// memory once its text has changed, and an invalid one is reported for
// every assessment that names it.
TEST(AssessmentLoaderTest, RubricFileReadAgainForEveryAssessment) {
  const std::string rubric =
      "rubric: 1\nid: again\nversion: \"V\"\ntitle: Again\n"
      "levels:\n"
      "  - {id: no, name: No, points: 0, colour: \"#FFFFFF\"}\n"
      "  - {id: yes, name: Yes, points: 1, colour: \"#000000\"}\n"
      "bands: [{name: All, from: 0, colour: \"#FFFFFF\"}]\n"
      "stakeholder_groups: [staff]\nreviewer_roles: [peer-reviewer]\n"
      "domains: [{id: D, name: Only, outcomes: [{id: D1, name: One, "
      "title: The one}]}]\n";
  const std::string assessment =
      "eds3: 1\nrubric: again.yaml\norganisation: {name: X}\n"
      "year: 2024/25\n";
  const auto version_of = [&](MemoryFileSystem& fs) {
    Diagnostics diag;
    std::optional<LoadedAssessment> loaded = Parse(assessment, fs, diag);
    return loaded ? loaded->rubric.version : "invalid: " + Formatted(diag);
  };
  MemoryFileSystem fs;
  std::string first = rubric;
  first.replace(first.find("\"V\""), 3, "\"1\"");
  fs.Add("again.yaml", first);
  EXPECT_EQ(version_of(fs), "1");
  EXPECT_EQ(version_of(fs), "1");
  std::string second = rubric;
  second.replace(second.find("\"V\""), 3, "\"2\"");
  fs.Add("again.yaml", second);
  EXPECT_EQ(version_of(fs), "2");
  fs.Add("again.yaml", "rubric: 1\nid: again\n");
  const std::string invalid = version_of(fs);
  EXPECT_NE(invalid.find("again.yaml:1:1: error: the rubric is missing"),
            std::string::npos)
      << invalid;
  EXPECT_EQ(version_of(fs), invalid);
}

TEST(AssessmentLoaderTest, ResolvesPathsFromTheAssessmentsFolder) {
  MemoryFileSystem fs;
  fs.Add("panel/scores.csv",
         "service,outcome,stakeholder,score\n,2A,staff-networks,2\n");
  fs.Add("panel/more/scores.csv",
         "service,outcome,stakeholder,score\n,2A,patients-forum,1\n");
  Diagnostics diag;
  std::optional<LoadedAssessment> loaded =
      Parse(kHead + "ratings_csv: [scores.csv, more/scores.csv]\n", fs, diag,
            "panel/2024-25.yaml");
  ASSERT_TRUE(loaded.has_value()) << Formatted(diag);
  EXPECT_EQ(loaded->assessment.outcomes.at("2A").ratings.size(), 2u);
  EXPECT_EQ(loaded->assessment.outcomes.at("2A").ratings[1].where.file,
            "panel/more/scores.csv");
}

struct RatingForm {
  std::string written;
  int points;
};

void PrintTo(const RatingForm& c, std::ostream* os) { *os << c.written; }

class RatingFormTest : public ::testing::TestWithParam<RatingForm> {};

TEST_P(RatingFormTest, AcceptsEveryFormOfAScore) {
  MemoryFileSystem fs;
  Diagnostics diag;
  std::optional<LoadedAssessment> loaded = Parse(
      kHead + "outcomes:\n  2A:\n    ratings: {staff-networks: " +
          GetParam().written + "}\n    agreed: " + GetParam().written + "\n",
      fs, diag);
  ASSERT_TRUE(loaded.has_value()) << Formatted(diag);
  const OutcomeEntry& entry = loaded->assessment.outcomes.at("2A");
  EXPECT_EQ(entry.ratings.at(0).points, GetParam().points);
  EXPECT_EQ(entry.agreed, GetParam().points);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RatingFormTest,
    ::testing::Values(
        RatingForm{"0", 0}, RatingForm{"3", 3}, RatingForm{"\"2\"", 2},
        RatingForm{"'1'", 1}, RatingForm{"Achieving", 2},
        RatingForm{"achieving activity", 2}, RatingForm{"EXCELLENT", 3},
        RatingForm{"Underdeveloped", 0}, RatingForm{"Excelling Activity", 3}));

TEST(LoadAssessmentTest, MissingFileIsAnIoError) {
  MemoryFileSystem fs;
  Diagnostics diag;
  Status status;
  EXPECT_FALSE(LoadAssessment("gone.yaml", fs, diag, &status).has_value());
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_EQ(status.exit_status(), ExitStatus::kCannotReadOrWrite);
  EXPECT_EQ(Formatted(diag),
            "gone.yaml: error: cannot read: No such file or directory\n");
}

TEST(LoadAssessmentTest, FileOverTheSizeLimitIsInvalidInput) {
  MemoryFileSystem fs;
  fs.Add("big.yaml", std::string(kMaxFileBytes + 1, '#'));
  fs.Add("limit.yaml", kHead + std::string(kMaxFileBytes - kHead.size(), '\n'));
  Diagnostics diag;
  Status status;
  EXPECT_FALSE(LoadAssessment("big.yaml", fs, diag, &status).has_value());
  EXPECT_EQ(status.exit_status(), ExitStatus::kInvalidInput);
  EXPECT_EQ(Formatted(diag),
            "big.yaml: error: file is larger than 10485760 bytes (10 MiB), the "
            "limit for an input file\n");
  // Exactly at the limit is fine.
  Diagnostics at_limit;
  EXPECT_TRUE(LoadAssessment("limit.yaml", fs, at_limit, &status).has_value())
      << Formatted(at_limit);
  EXPECT_TRUE(status.ok());
}

TEST(LoadAssessmentTest, InvalidFileIsInvalidInput) {
  MemoryFileSystem fs;
  fs.Add("bad.yaml", "eds3: 1\n");
  Diagnostics diag;
  Status status;
  EXPECT_FALSE(LoadAssessment("bad.yaml", fs, diag, &status).has_value());
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(diag.error_count(), 3u);  // rubric, organisation and year
}

struct BadAssessment {
  const char* name;
  std::string text;
  std::vector<std::pair<std::string, std::string>> files;  // path, contents
  std::string expected;  // every diagnostic, formatted
};

void PrintTo(const BadAssessment& c, std::ostream* os) { *os << c.name; }

class BadAssessmentTest : public ::testing::TestWithParam<BadAssessment> {};

TEST_P(BadAssessmentTest, ReportsEveryProblemWhole) {
  MemoryFileSystem fs;
  for (const auto& [path, contents] : GetParam().files) fs.Add(path, contents);
  Diagnostics diag;
  EXPECT_FALSE(Parse(GetParam().text, fs, diag).has_value());
  EXPECT_EQ(Formatted(diag), GetParam().expected);
}

const char kPanelHeader[] = "service,outcome,stakeholder,score\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, BadAssessmentTest,
    ::testing::Values(
        // Structure of the file.
        BadAssessment{"Empty",
                      "",
                      {},
                      "a.yaml:1:1: error: the file is empty\n"
                      "  hint: an assessment starts with 'eds3: 1'; run 'eds3 "
                      "init' for a skeleton\n"},
        BadAssessment{"NotAMapping",
                      "just text\n",
                      {},
                      Located("a.yaml", 1, 1,
                              "the assessment must be a mapping of keys to "
                              "values, not text",
                              "just text")},
        BadAssessment{"MissingKeys",
                      "eds3: 1\n",
                      {},
                      Located("a.yaml", 1, 1,
                              "the assessment is missing the required key "
                              "'rubric'",
                              "eds3: 1") +
                          Located("a.yaml", 1, 1,
                                  "the assessment is missing the required key "
                                  "'organisation'",
                                  "eds3: 1") +
                          Located("a.yaml", 1, 1,
                                  "the assessment is missing the required key "
                                  "'year'",
                                  "eds3: 1")},
        BadAssessment{
            "FormatVersion",
            HeadWith("eds3: 1", "eds3: \"1.0\""),
            {},
            Located("a.yaml", 1, 7, "unsupported file format version '1.0'",
                    "eds3: \"1.0\"", "this version of eds3 reads 'eds3: 1'")},
        BadAssessment{"UnknownKeyWithSuggestion",
                      kHead + "reviewer: x\n",
                      {},
                      Located("a.yaml", 13, 1,
                              "unknown key 'reviewer' in the assessment; did "
                              "you mean 'reviewers'?",
                              "reviewer: x")},
        BadAssessment{
            "UnknownKeyWithoutSuggestion",
            kHead + "colour: red\n",
            {},
            Located("a.yaml", 13, 1, "unknown key 'colour' in the assessment",
                    "colour: red",
                    "the keys allowed here are: eds3, rubric, "
                    "organisation, year, completed, lead, sponsor, "
                    "partners, engagement, published, authorised, "
                    "review_due, reviewers, policy, stakeholders, "
                    "services, outcomes, ratings_csv, score_sheets")},
        BadAssessment{"OrganisationNameMissing",
                      HeadWith("  name: Example Trust\n", "  code: RXX\n"),
                      {},
                      Located("a.yaml", 4, 3,
                              "organisation is missing the required key 'name'",
                              "  code: RXX")},
        BadAssessment{"OrganisationNameLeftOut",
                      HeadWith("  name: Example Trust\n", "  name:\n"),
                      {},
                      Located("a.yaml", 4, 3, "'name' must be text, not empty",
                              "  name:")},
        BadAssessment{"OrganisationUnknownKey",
                      HeadWith("  name: Example Trust\n",
                               "  name: Example Trust\n  ods: RXX\n"),
                      {},
                      Located("a.yaml", 5, 3,
                              "unknown key 'ods' in organisation", "  ods: RXX",
                              "the keys allowed here are: name, code, system")},

        // Years and dates.
        BadAssessment{"YearNotFollowing",
                      HeadWith("2024/25", "2024/26"),
                      {},
                      Located("a.yaml", 5, 7,
                              "year '2024/26' must be written YYYY/YY, the "
                              "second year following the first",
                              "year: 2024/26", "for example 2024/25")},
        BadAssessment{"YearAsList",
                      HeadWith("2024/25", "[2024, 25]"),
                      {},
                      Located("a.yaml", 5, 7, "'year' must be text, not a list",
                              "year: [2024, 25]")},
        BadAssessment{
            "DatesChecked",
            kHead + "completed: 2025-02-30\n"
                    "published: 2025-3\n"
                    "engagement: [2024-11-05, 2024-11-31]\n",
            {},
            Located("a.yaml", 13, 12,
                    "'completed' is '2025-02-30', a day that is not "
                    "in the calendar",
                    "completed: 2025-02-30", "check the day of the month") +
                Located("a.yaml", 14, 12,
                        "'published' must be a month written "
                        "YYYY-MM, not '2025-3'",
                        "published: 2025-3", "for example 2025-03") +
                Located("a.yaml", 15, 26,
                        "'engagement' is '2024-11-31', a day that is "
                        "not in the calendar",
                        "engagement: [2024-11-05, 2024-11-31]",
                        "check the day of the month")},
        BadAssessment{"EmptyLists",
                      kHead + "partners: []\nengagement: []\n",
                      {},
                      Located("a.yaml", 14, 13, "'engagement' is an empty list",
                              "engagement: []",
                              "leave the 'engagement' key out instead")},
        BadAssessment{"PartnerEmpty",
                      kHead + "partners: [ICB, \"\"]\n",
                      {},
                      Located("a.yaml", 13, 17, "'partners' must not be empty",
                              "partners: [ICB, \"\"]")},

        // Reviewers and policy.
        BadAssessment{"ReviewerRole",
                      kHead + "reviewers:\n  - {name: A, role: union}\n",
                      {},
                      Located("a.yaml", 14, 21, "unknown reviewer role 'union'",
                              "  - {name: A, role: union}",
                              "roles: trade-union, independent-evaluator, "
                              "peer-reviewer")},
        BadAssessment{"ReviewerWithoutName",
                      kHead + "reviewers:\n  - role: peer-reviewer\n",
                      {},
                      Located("a.yaml", 14, 5,
                              "a reviewer is missing the required key 'name'",
                              "  - role: peer-reviewer")},
        BadAssessment{
            "PolicyUnknown",
            kHead + "policy:\n  rounding: up\n  raters: median\n",
            {},
            Located("a.yaml", 14, 13, "unknown rounding policy 'up'",
                    "  rounding: up", "use one of: half, down, none")},
        BadAssessment{"PolicyKeyTypo",
                      kHead + "policy: {rater: min}\n",
                      {},
                      Located("a.yaml", 13, 10,
                              "unknown key 'rater' in policy; did you mean "
                              "'raters'?",
                              "policy: {rater: min}")},

        // Stakeholders.
        BadAssessment{
            "StakeholdersEmpty",
            HeadWith(kHead.substr(kHead.find("stakeholders:")),
                     "stakeholders: []\n"),
            {},
            Located("a.yaml", 6, 15, "'stakeholders' is an empty list",
                    "stakeholders: []",
                    "leave the 'stakeholders' key out instead")},
        BadAssessment{"StakeholderIdTwice",
                      HeadWith("id: staff-networks", "id: patients-forum"),
                      {},
                      Located("a.yaml", 10, 9,
                              "stakeholder id 'patients-forum' is declared "
                              "twice (first on line 7)",
                              "  - id: patients-forum")},
        BadAssessment{
            "StakeholderIdNotASlug",
            HeadWith("id: staff-networks", "id: staff_networks"),
            {},
            Located("a.yaml", 10, 9,
                    "stakeholder id 'staff_networks' must use only "
                    "a-z, 0-9 and '-'",
                    "  - id: staff_networks", "for example staff-networks")},
        BadAssessment{"StakeholderGroup",
                      HeadWith("group: staff", "group: Staff"),
                      {},
                      Located("a.yaml", 12, 12,
                              "unknown stakeholder group 'Staff'; did you mean "
                              "'staff'?",
                              "    group: Staff",
                              "groups: patients, public, staff, trade-union, "
                              "community, peer, board, other")},
        BadAssessment{"StakeholderWithoutNameOrGroup",
                      HeadWith("    name: Staff network chairs\n    group: "
                               "staff\n",
                               ""),
                      {},
                      Located("a.yaml", 10, 5,
                              "a stakeholder is missing the required key "
                              "'name'",
                              "  - id: staff-networks") +
                          Located("a.yaml", 10, 5,
                                  "a stakeholder is missing the required key "
                                  "'group'",
                                  "  - id: staff-networks")},
        BadAssessment{"RatingsWithoutStakeholders",
                      HeadWith(kHead.substr(kHead.find("stakeholders:")), "") +
                          "outcomes:\n  2A:\n    agreed: 2\n    ratings: {x: "
                          "1}\n",
                      {},
                      Located("a.yaml", 1, 1,
                              "the assessment has ratings but no "
                              "'stakeholders' list",
                              "eds3: 1",
                              "declare who rates under 'stakeholders' (id, "
                              "name, group)")},

        // Ratings.
        BadAssessment{"UnknownStakeholder",
                      kHead + "outcomes:\n  2A:\n    ratings:\n      "
                              "staf-networks: 2\n",
                      {},
                      Located("a.yaml", 16, 7,
                              "unknown stakeholder 'staf-networks'; did you "
                              "mean 'staff-networks'?",
                              "      staf-networks: 2", kStakeholderHint)},
        BadAssessment{"ScoreOutOfRange",
                      kHead + "outcomes:\n  2A:\n    ratings: {staff-networks: "
                              "4}\n",
                      {},
                      Located("a.yaml", 15, 31, "'4' is not a score",
                              "    ratings: {staff-networks: 4}", kScoreHint)},
        BadAssessment{"ScoreNotANumber",
                      kHead + "outcomes:\n  2A:\n    ratings: {staff-networks: "
                              "\"010\", patients-forum: 2.5}\n",
                      {},
                      Located("a.yaml", 15, 31, "'010' is not a score",
                              "    ratings: {staff-networks: \"010\", "
                              "patients-forum: 2.5}",
                              kScoreHint) +
                          Located("a.yaml", 15, 54, "'2.5' is not a score",
                                  "    ratings: {staff-networks: \"010\", "
                                  "patients-forum: 2.5}",
                                  kScoreHint)},
        BadAssessment{
            "ScoreMisspelt",
            kHead + "outcomes:\n  2A:\n    ratings: {staff-networks: "
                    "Acheiving}\n",
            {},
            Located("a.yaml", 15, 31,
                    "'Acheiving' is not a score; did you mean "
                    "'Achieving'?",
                    "    ratings: {staff-networks: Acheiving}", kScoreHint)},
        BadAssessment{"ScoreEmpty",
                      kHead + "outcomes:\n  2A:\n    ratings:\n      "
                              "staff-networks: ''\n      patients-forum:\n",
                      {},
                      Located("a.yaml", 16, 23, "a score must not be empty",
                              "      staff-networks: ''", kScoreHint) +
                          Located("a.yaml", 17, 7, "a rating must not be empty",
                                  "      patients-forum:",
                                  "leave the stakeholder out, or write 'not "
                                  "rated' if they did not rate it")},
        BadAssessment{
            "ScoreAsList",
            kHead + "outcomes:\n  2A:\n    ratings: {staff-networks: "
                    "[2]}\n",
            {},
            Located("a.yaml", 15, 31, "a rating must be a score, not a list",
                    "    ratings: {staff-networks: [2]}", kScoreHint)},
        BadAssessment{"AgreedOutOfRange",
                      kHead + "outcomes:\n  2A:\n    agreed: 5\n",
                      {},
                      Located("a.yaml", 15, 13, "'5' is not a score",
                              "    agreed: 5", kScoreHint)},
        BadAssessment{"RatingsAsList",
                      kHead + "outcomes:\n  2A:\n    ratings: [2, 1]\n",
                      {},
                      Located("a.yaml", 15, 14,
                              "'ratings' must map stakeholder ids to scores, "
                              "not a list",
                              "    ratings: [2, 1]",
                              "for example: ratings: {patients-forum: 2, "
                              "staff-networks: 1}")},
        BadAssessment{"OutcomeAsText",
                      kHead + "outcomes:\n  2A: 2\n",
                      {},
                      Located("a.yaml", 14, 7,
                              "a bare score for outcome 2A; for the panel's "
                              "agreed score write '2A: {agreed: 2}'",
                              "  2A: 2",
                              "for one stakeholder's rating write '2A: "
                              "{ratings: {STAKEHOLDER: 2}}'")},
        BadAssessment{"OutcomesAsList",
                      kHead + "outcomes: [2A]\n",
                      {},
                      Located("a.yaml", 13, 11,
                              "'outcomes' must map outcome ids (such as 2A) to "
                              "their ratings, not a list",
                              "outcomes: [2A]")},
        BadAssessment{"OutcomeKeyTypo",
                      kHead + "outcomes:\n  2A:\n    agreed: 2\n    note: x\n",
                      {},
                      Located("a.yaml", 16, 5,
                              "unknown key 'note' in outcome 2A; did you mean "
                              "'notes'?",
                              "    note: x")},
        BadAssessment{
            "EvidenceItem",
            kHead + "outcomes:\n  2A:\n    evidence:\n      - url: x\n",
            {},
            Located("a.yaml", 16, 9,
                    "an evidence item is missing the required key "
                    "'title'",
                    "      - url: x") +
                Located("a.yaml", 16, 9,
                        "unknown key 'url' in an evidence item",
                        "      - url: x",
                        "the keys allowed here are: title, link")},
        BadAssessment{"ActionDue",
                      kHead +
                          "outcomes:\n  2A:\n    actions:\n      - {action: "
                          "Do it, due: 30/09/2025}\n",
                      {},
                      Located("a.yaml", 16, 30,
                              "'due' must be a date written YYYY-MM-DD, not "
                              "'30/09/2025'",
                              "      - {action: Do it, due: 30/09/2025}",
                              "for example 2025-02-14")},
        BadAssessment{
            "UnknownOutcome",
            kHead + "outcomes:\n  4A:\n    agreed: 2\n",
            {},
            Located("a.yaml", 14, 3, "unknown outcome '4A'; did you mean '1A'?",
                    "  4A:",
                    "rubric 'eds2022' has the outcomes 1A, 1B, 1C, "
                    "1D, 2A, 2B, 2C, 2D, 3A, 3B, 3C")},

        // Services.
        BadAssessment{
            "ServicesEmpty",
            kHead + "services: []\n",
            {},
            Located("a.yaml", 13, 11, "'services' is an empty list",
                    "services: []", "leave the 'services' key out instead")},
        BadAssessment{"ServiceIdTwice",
                      kHead + "services:\n  - {id: a, name: A}\n  - {id: a, "
                              "name: B}\n",
                      {},
                      Located("a.yaml", 15, 10,
                              "service id 'a' is declared twice (first on line "
                              "14)",
                              "  - {id: a, name: B}")},
        BadAssessment{"ServiceWithoutName",
                      kHead + "services:\n  - id: a\n",
                      {},
                      Located("a.yaml", 14, 5,
                              "a service is missing the required key 'name'",
                              "  - id: a")},
        BadAssessment{
            "Domain2UnderAService",
            kHead + "services:\n  - id: a\n    name: A\n    outcomes:\n"
                    "      2A: {agreed: 2}\n",
            {},
            Located("a.yaml", 17, 7, "outcome 2A is not rated per service",
                    "      2A: "
                    "{agreed: 2}",
                    "only domain 1 (Commissioned or provided "
                    "services) is rated per service; move 2A under "
                    "the top-level 'outcomes'")},
        BadAssessment{"Domain1BothWays",
                      kHead + "services:\n  - {id: a, name: A}\noutcomes:\n  "
                              "1B: {agreed: 2}\n",
                      {},
                      Located("a.yaml", 16, 3,
                              "outcome 1B is rated per service in this file",
                              "  1B: {agreed: 2}",
                              "give domain 1 either under each service or "
                              "under 'outcomes', not both")},
        BadAssessment{"RatedTwiceInYaml",
                      kHead +
                          "services:\n  - id: a\n    name: A\n    outcomes:\n"
                          "      1A: {ratings: {patients-forum: 1, "
                          "\"patients-forum\": 2}}\n",
                      {},
                      Located("a.yaml", 17, 41,
                              "duplicate key 'patients-forum' (first given on "
                              "line 17)",
                              "      1A: {ratings: {patients-forum: 1, "
                              "\"patients-forum\": 2}}",
                              "give each key once")},

        // Rubric references.
        BadAssessment{"UnknownRubric",
                      HeadWith("eds2022", "EDS2022"),
                      {},
                      Located("a.yaml", 2, 9,
                              "unknown rubric 'EDS2022'; did you mean "
                              "'eds2022'?",
                              "rubric: EDS2022",
                              "built-in rubrics: eds2022; or give a path to a "
                              "rubric file ending in .yaml")},
        BadAssessment{"RubricPathMissing",
                      HeadWith("eds2022", "local.yml"),
                      {},
                      Located("a.yaml", 2, 9,
                              "cannot read rubric file 'local.yml': No such "
                              "file or directory",
                              "rubric: local.yml",
                              "a rubric path is relative to the assessment "
                              "file's folder")},
        BadAssessment{"RubricFileInvalid",
                      HeadWith("eds2022", "r/local.yaml"),
                      {{"r/local.yaml", "rubric: 1\nid: x\n"}},
                      "r/local.yaml:1:1: error: the rubric is missing the "
                      "required key 'version'\n"
                      "  rubric: 1\n  ^\n"
                      "r/local.yaml:1:1: error: the rubric is missing the "
                      "required key 'title'\n"
                      "  rubric: 1\n  ^\n"
                      "r/local.yaml:1:1: error: the rubric is missing the "
                      "required key 'levels'\n"
                      "  rubric: 1\n  ^\n"
                      "r/local.yaml:1:1: error: the rubric is missing the "
                      "required key 'bands'\n"
                      "  rubric: 1\n  ^\n"
                      "r/local.yaml:1:1: error: the rubric is missing the "
                      "required key 'stakeholder_groups'\n"
                      "  rubric: 1\n  ^\n"
                      "r/local.yaml:1:1: error: the rubric is missing the "
                      "required key 'reviewer_roles'\n"
                      "  rubric: 1\n  ^\n"
                      "r/local.yaml:1:1: error: the rubric is missing the "
                      "required key 'domains'\n"
                      "  rubric: 1\n  ^\n" +
                          Located("a.yaml", 2, 9,
                                  "rubric file 'r/local.yaml' is not valid "
                                  "(see above)",
                                  "rubric: r/local.yaml")},

        // Ratings CSV.
        BadAssessment{
            "CsvMissing",
            kHead + "ratings_csv: [panel.csv]\n",
            {},
            Located("a.yaml", 13, 15,
                    "cannot read ratings CSV 'panel.csv': No such "
                    "file or directory",
                    "ratings_csv: [panel.csv]",
                    "a score sheet's path is relative to the assessment file's "
                    "folder")},
        // An absolute path gets no hint about relative paths.
        BadAssessment{"CsvMissingAbsolute",
                      kHead + "ratings_csv: /no/p.csv\n",
                      {},
                      Located("a.yaml", 13, 14,
                              "ratings CSV '/no/p.csv' is not a file inside "
                              "the folder '.'",
                              "ratings_csv: /no/p.csv",
                              "files named by an assessment must be in that "
                              "folder or below it, links included; "
                              "--allow-outside-paths reads them from "
                              "anywhere")},
        BadAssessment{
            "CsvListedTwice",
            kHead + "ratings_csv: [p.csv, ./p.csv]\n",
            {{"p.csv", std::string(kPanelHeader) + ",2A,staff-networks,2\n"},
             {"./p.csv", std::string(kPanelHeader) + ",2A,staff-networks,2\n"}},
            Located("a.yaml", 13, 22,
                    "score sheet './p.csv' is listed twice (first on "
                    "line 13)",
                    "ratings_csv: [p.csv, ./p.csv]",
                    "list each score sheet once")},
        BadAssessment{
            "CsvEmptyList",
            kHead + "ratings_csv: []\n",
            {},
            Located("a.yaml", 13, 14, "'ratings_csv' is an empty list",
                    "ratings_csv: []",
                    "leave the 'ratings_csv' key out instead")},
        BadAssessment{"CsvNoHeader",
                      kHead + "ratings_csv: p.csv\n",
                      {{"p.csv", "\r\n\n"}},
                      "p.csv:1:1: error: the CSV file has no header row\n"
                      "  hint: " +
                          std::string(kCsvHeaderHint) + "\n"},
        BadAssessment{
            "CsvHeaderProblems",
            kHead + "ratings_csv: p.csv\n",
            {{"p.csv", "outcome,Outcome,rater,score\n"}},
            Located("p.csv", 1, 1, "the header has no 'service' column",
                    "outcome,Outcome,rater,score", kCsvHeaderHint) +
                Located("p.csv", 1, 1, "the header has no 'stakeholder' column",
                        "outcome,Outcome,rater,score", kCsvHeaderHint) +
                Located("p.csv", 1, 9, "column 'outcome' is named twice",
                        "outcome,Outcome,rater,score") +
                Located("p.csv", 1, 17, "unknown column 'rater'",
                        "outcome,Outcome,rater,score",
                        "the columns are service, outcome, "
                        "stakeholder, score and optionally comment")},
        BadAssessment{
            "CsvRowProblems",
            kHead + "ratings_csv: p.csv\n",
            {{"p.csv", std::string(kPanelHeader) + ",2E,staff-networks,2\n"
                                                   "x,2A,staf-networks,Good\n"
                                                   ",2A,staff-networks\n"}},
            Located("p.csv", 2, 2,
                    "unknown outcome '2E'; did you mean "
                    "'2A'?",
                    ",2E,staff-networks,2") +
                Located("p.csv", 3, 1, "unknown service 'x'",
                        "x,2A,staf-networks,Good",
                        "this assessment declares no services; leave "
                        "the column empty") +
                Located("p.csv", 3, 6,
                        "unknown stakeholder 'staf-networks'; did you "
                        "mean 'staff-networks'?",
                        "x,2A,staf-networks,Good", kStakeholderHint) +
                Located("p.csv", 3, 20, "'Good' is not a score",
                        "x,2A,staf-networks,Good", kScoreHint) +
                Located("p.csv", 4, 1,
                        "this row has 3 fields; the header has 4",
                        ",2A,staff-networks",
                        "quote a field that holds a comma")},
        BadAssessment{"CsvServiceRules",
                      kHead + "services:\n  - {id: nhs-111, name: A}\n"
                              "ratings_csv: p.csv\n",
                      {{"p.csv", std::string(kPanelHeader) +
                                     ",1A,staff-networks,2\n"
                                     "nhs-111,2A,staff-networks,2\n"
                                     "nhs-11,1A,staff-networks,2\n"}},
                      Located("p.csv", 2, 1,
                              "outcome 1A is rated per service in this "
                              "assessment; name the service",
                              ",1A,staff-networks,2", "services: nhs-111") +
                          Located("p.csv", 3, 1,
                                  "outcome 2A is not rated per service; leave "
                                  "'service' empty",
                                  "nhs-111,2A,staff-networks,2") +
                          Located("p.csv", 4, 1,
                                  "unknown service 'nhs-11'; did you mean "
                                  "'nhs-111'?",
                                  "nhs-11,1A,staff-networks,2",
                                  "a service must be declared under 'services' "
                                  "in the YAML")},
        BadAssessment{
            "RatedInYamlAndCsv",
            kHead + "outcomes:\n  2A:\n    ratings: {staff-networks: "
                    "2}\nratings_csv: p.csv\n",
            {{"p.csv", std::string(kPanelHeader) + ",2A,staff-networks,1\n"}},
            Located("p.csv", 2, 5,
                    "stakeholder 'staff-networks' rates 2A twice: "
                    "here and at a.yaml:15:15",
                    ",2A,staff-networks,1",
                    "keep one rating per stakeholder and outcome")},
        BadAssessment{
            "RatedTwiceForAService",
            kHead + "services:\n  - {id: s, name: S}\n"
                    "ratings_csv: [p.csv, q.csv]\n",
            {{"p.csv", std::string(kPanelHeader) + "s,1C,patients-forum,1\n"},
             {"q.csv", std::string(kPanelHeader) + "s,1C,patients-forum,2\n"}},
            Located("q.csv", 2, 6,
                    "stakeholder 'patients-forum' rates 1C for "
                    "service 's' twice: here and at p.csv:2:6",
                    "s,1C,patients-forum,2",
                    "keep one rating per stakeholder and outcome")},
        BadAssessment{
            "CsvSyntaxKeepsEarlierRows",
            kHead + "ratings_csv: p.csv\n",
            {{"p.csv", std::string(kPanelHeader) + ",2A,nobody,2\n"
                                                   ",2B,staff-networks,\"2\n"}},
            Located("p.csv", 2, 5, "unknown stakeholder 'nobody'",
                    ",2A,nobody,2", kStakeholderHint) +
                Located("p.csv", 3, 20, "a quoted field is never closed",
                        ",2B,staff-networks,\"2",
                        "end the field with a double quote (write \"\" "
                        "for a quote inside it)")},

        // Every problem of a file in one run.
        BadAssessment{
            "FiveProblems",
            HeadWith("2024/25", "2024-25") +
                "completed: 2025-02-30\n"
                "outcomes:\n"
                "  2A:\n"
                "    ratings: {patients-forum: 4}\n"
                "  2B:\n"
                "    ratings: {nobody: 1}\n"
                "  5A:\n",
            {},
            Located("a.yaml", 5, 7,
                    "year '2024-25' must be written YYYY/YY, the "
                    "second year following the first",
                    "year: 2024-25", "for example 2024/25") +
                Located("a.yaml", 13, 12,
                        "'completed' is '2025-02-30', a day that is "
                        "not in the calendar",
                        "completed: 2025-02-30", "check the day of the month") +
                Located("a.yaml", 16, 31, "'4' is not a score",
                        "    ratings: {patients-forum: 4}", kScoreHint) +
                Located("a.yaml", 18, 15, "unknown stakeholder 'nobody'",
                        "    ratings: {nobody: 1}", kStakeholderHint) +
                Located("a.yaml", 19, 3,
                        "unknown outcome '5A'; did you mean '1A'?", "  5A:",
                        "rubric 'eds2022' has the outcomes 1A, 1B, "
                        "1C, 1D, 2A, 2B, 2C, 2D, 3A, 3B, 3C")}),
    [](const ::testing::TestParamInfo<BadAssessment>& param) {
      return std::string(param.param.name);
    });

}  // namespace
}  // namespace eds
