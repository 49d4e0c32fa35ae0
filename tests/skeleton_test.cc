#include "eds/skeleton.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "diagnostic_text.h"
#include "eds/assessment.h"
#include "eds/file_system.h"
#include "eds/grade.h"
#include "eds/limits.h"

namespace eds {
namespace {

Rubric Eds2022() {
  std::optional<Rubric> rubric = LoadBuiltinRubric("eds2022");
  EXPECT_TRUE(rubric.has_value());
  return rubric.value_or(Rubric{});
}

std::string Skeleton(const SkeletonRequest& request) {
  std::string yaml;
  const Status status = AssessmentSkeleton(Eds2022(), request, &yaml);
  EXPECT_TRUE(status.ok()) << status.message();
  return yaml;
}

// Loads `yaml` as the loader does a file, failing the test with every
// diagnostic when it does not load.
std::optional<LoadedAssessment> Load(const std::string& yaml) {
  MemoryFileSystem fs;
  Diagnostics diag;
  std::optional<LoadedAssessment> loaded =
      ParseAssessment(yaml, "new.yaml", fs, diag);
  const std::string problems = ::eds::testing::Formatted(diag);
  EXPECT_TRUE(loaded.has_value()) << problems << "\n" << yaml;
  EXPECT_EQ(problems, "");
  return loaded;
}

TEST(AssessmentSkeletonTest, LoadsAndGradesIncompleteForEveryServiceCount) {
  for (std::size_t services :
       {std::size_t{0}, std::size_t{1}, std::size_t{3}, kMaxServices}) {
    SCOPED_TRACE(services);
    const std::string yaml =
        Skeleton({"Example NHS Trust", "2024/25", services});
    std::optional<LoadedAssessment> loaded = Load(yaml);
    if (!loaded) continue;
    const Assessment& assessment = loaded->assessment;
    EXPECT_EQ(assessment.organisation.name, "Example NHS Trust");
    EXPECT_EQ(assessment.year, "2024/25");
    EXPECT_EQ(assessment.rubric_ref, "eds2022");
    EXPECT_EQ(assessment.services.size(), services);
    ASSERT_EQ(assessment.stakeholders.size(), 2u);
    EXPECT_EQ(assessment.stakeholders[0].group, "patients");
    EXPECT_EQ(assessment.stakeholders[1].group, "staff");

    // Every outcome is present and unrated: per service for Domain 1 when
    // there are services, else once.
    const Rubric& rubric = loaded->rubric;
    for (const Domain& domain : rubric.domains) {
      for (const Outcome& outcome : domain.outcomes) {
        if (domain.per_service && services > 0) {
          EXPECT_EQ(assessment.outcomes.count(outcome.id), 0u) << outcome.id;
          for (std::size_t i = 0; i < services; ++i) {
            const Service& service = assessment.services[i];
            EXPECT_EQ(service.id, "service-" + std::to_string(i + 1));
            EXPECT_EQ(service.name, "Service " + std::to_string(i + 1));
            ASSERT_EQ(service.outcomes.count(outcome.id), 1u) << outcome.id;
            EXPECT_TRUE(service.outcomes.at(outcome.id).ratings.empty());
          }
        } else {
          ASSERT_EQ(assessment.outcomes.count(outcome.id), 1u) << outcome.id;
          const OutcomeEntry& entry = assessment.outcomes.at(outcome.id);
          EXPECT_TRUE(entry.ratings.empty());
          EXPECT_FALSE(entry.agreed.has_value());
        }
      }
    }
    const GradeResult result = Grade(assessment, rubric);
    EXPECT_FALSE(result.complete);
    EXPECT_FALSE(result.total.has_value());
    std::size_t per_service_outcomes = 0;
    for (const Domain& domain : rubric.domains) {
      if (domain.per_service) per_service_outcomes += domain.outcomes.size();
    }
    const std::size_t outcomes = rubric.OutcomeIds().size();
    EXPECT_EQ(result.missing.size(), services == 0
                                         ? outcomes
                                         : outcomes - per_service_outcomes +
                                               per_service_outcomes * services);
  }
}

TEST(AssessmentSkeletonTest, CommentsGiveEachOutcomesTitleAndPrompt) {
  const std::string yaml = Skeleton({"Example NHS Trust", "2024/25", 0});
  const Rubric rubric = Eds2022();
  for (const Domain& domain : rubric.domains) {
    for (const Outcome& outcome : domain.outcomes) {
      // The comment is wrapped, so look for the first words of each.
      const std::string title_start = outcome.title.substr(0, 20);
      const std::string prompt_start = outcome.prompt.substr(0, 20);
      EXPECT_NE(yaml.find(outcome.id + " " + outcome.name), std::string::npos)
          << outcome.id;
      EXPECT_NE(yaml.find(title_start.substr(0, title_start.rfind(' '))),
                std::string::npos)
          << outcome.id;
      EXPECT_NE(yaml.find("Evidence: " +
                          prompt_start.substr(0, prompt_start.rfind(' '))),
                std::string::npos)
          << outcome.id;
      EXPECT_NE(yaml.find("\n  " + outcome.id + ":\n"), std::string::npos)
          << outcome.id;
    }
  }
  EXPECT_NE(yaml.find("#   A rating is one of: 0 or Undeveloped (also "
                      "Underdeveloped), 1 or\n#   Developing, 2 or Achieving, "
                      "3 or Excelling (also Excellent)."),
            std::string::npos);
}

TEST(AssessmentSkeletonTest, NoCommentLineIsWiderThan79Columns) {
  const std::string yaml = Skeleton({"Example NHS Trust", "2024/25", 3});
  std::size_t start = 0;
  while (start < yaml.size()) {
    std::size_t end = yaml.find('\n', start);
    if (end == std::string::npos) end = yaml.size();
    const std::string line = yaml.substr(start, end - start);
    if (line.find_first_not_of(' ') != std::string::npos &&
        line[line.find_first_not_of(' ')] == '#') {
      EXPECT_LE(line.size(), 79u) << line;
    }
    start = end + 1;
  }
}

TEST(AssessmentSkeletonTest, OrganisationNameRoundTrips) {
  const std::vector<std::string> names = {
      "St \"Mary's\" Hospital",
      "Back\\slash Trust",
      "Trust: the sequel # not a comment",
      "  leading and trailing  ",
      "null",
      "- dash",
      "{braces} [brackets] &anchor *alias",
      "Ysbyty Gwynedd — Betsi Cadwaladr",
      "'single quotes'",
      "100",
      "%YAML",
      "@at `tick` | pipe > fold !tag",
  };
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    std::optional<LoadedAssessment> loaded =
        Load(Skeleton({name, "2024/25", 1}));
    if (loaded) {
      EXPECT_EQ(loaded->assessment.organisation.name, name);
    }
  }
}

TEST(AssessmentSkeletonTest, RefusesRequestsThatCannotMakeAValidFile) {
  struct Case {
    SkeletonRequest request;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"", "2024/25", 3}, "the organisation name is empty"},
      {{"   ", "2024/25", 3}, "the organisation name is empty"},
      {{"Two\nlines", "2024/25", 3},
       "the organisation name must be one line of UTF-8 text, without "
       "control characters"},
      {{"Tab\there", "2024/25", 3},
       "the organisation name must be one line of UTF-8 text, without "
       "control characters"},
      {{"Bad \xFF byte", "2024/25", 3},
       "the organisation name must be one line of UTF-8 text, without "
       "control characters"},
      {{"Line\xE2\x80\xA8separator", "2024/25", 3},
       "the organisation name must be one line of UTF-8 text, without "
       "control characters"},
      {{std::string(kMaxTextBytes + 1, 'a'), "2024/25", 3},
       "the organisation name is longer than 65536 bytes"},
      {{"Trust", "2024/26", 3},
       "year '2024/26' is not YYYY/YY with YY the year after YYYY (for "
       "example 2024/25)"},
      {{"Trust", "2024-25", 3},
       "year '2024-25' is not YYYY/YY with YY the year after YYYY (for "
       "example 2024/25)"},
      {{"Trust", "24/25", 3},
       "year '24/25' is not YYYY/YY with YY the year after YYYY (for example "
       "2024/25)"},
      {{"Trust", "2024/25", kMaxServices + 1},
       "51 services is more than the limit of 50"},
  };
  const Rubric rubric = Eds2022();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    std::string yaml = "unchanged";
    const Status status = AssessmentSkeleton(rubric, c.request, &yaml);
    EXPECT_EQ(status.code(), Status::Code::kUsage);
    EXPECT_EQ(status.message(), c.message);
    EXPECT_EQ(yaml, "unchanged");
  }
}

TEST(AssessmentSkeletonTest, YearTurnsTheCentury) {
  std::optional<LoadedAssessment> loaded =
      Load(Skeleton({"Trust", "1999/00", 3}));
  if (loaded) {
    EXPECT_EQ(loaded->assessment.year, "1999/00");
  }
}

TEST(YamlQuoteTest, EscapesWhatYamlWouldReadOtherwise) {
  struct Case {
    std::string text;
    std::string quoted;
  };
  const std::vector<Case> cases = {
      {"", "\"\""},
      {"plain", "\"plain\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"a\\b", "\"a\\\\b\""},
      {"a\nb\tc", "\"a\\nb\\tc\""},
      {std::string("nul\0x", 5), "\"nul\\x00x\""},
      {"del\x7F", "\"del\\x7F\""},
      {"nel\xC2\x85", "\"nel\\N\""},
      {"ls\xE2\x80\xA8ps\xE2\x80\xA9", "\"ls\\Lps\\P\""},
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(YamlQuote(c.text), c.quoted);
  }
}

}  // namespace
}  // namespace eds
