#ifndef EDS_GRADE_H_
#define EDS_GRADE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eds/agreement.h"
#include "eds/assessment.h"
#include "eds/rating.h"
#include "eds/rational.h"
#include "eds/rubric.h"

namespace eds {

// A flag raised by the scoring rules (SPEC §4.7).
struct Flag {
  std::string code;     // "disagreement", "single-rater", ...
  std::string outcome;  // outcome id, or empty
  std::string service;  // service id, or empty
  std::string message;  // one sentence for a panel
};

// One outcome's result. For a per-service domain, `score` combines the
// services' scores for this outcome (informational, SPEC §4.2).
struct OutcomeResult {
  std::string id;
  std::string title;
  std::optional<Rational> score;   // nullopt: unrated
  ScoreLevel level;                // of the score; none when unrated
  std::vector<std::string> flags;  // sorted, unique codes
  // For an outcome rated directly: the combined ratings before rounding, and
  // whether `agreed` decided the score.
  std::optional<Rational> combined;
  bool from_agreed = false;
  int rating_count = 0;
};

struct ServiceOutcomeResult {
  std::optional<Rational> score;
  ScoreLevel level;                  // of the score; none when unrated
  std::optional<Rational> combined;  // before rounding
  bool from_agreed = false;
  int rating_count = 0;
  std::vector<std::string> flags;
};

struct ServiceResult {
  std::string id;
  std::string name;
  std::optional<Rational> total;  // nullopt when any outcome is unrated
  std::map<std::string, ServiceOutcomeResult> outcomes;  // by outcome id
};

struct DomainResult {
  std::string id;
  std::string name;
  std::optional<Rational> score;  // nullopt when anything is unrated
  Rational max;
  ScoreLevel level;  // of score / outcome count; none when unscored
  std::vector<ServiceResult> services;  // per-service domains only
  std::vector<OutcomeResult> outcomes;  // rubric order
};

// The result of grading one assessment: everything the outputs show.
struct GradeResult {
  bool complete = false;
  std::optional<Rational> total;  // nullopt when incomplete
  Rational max;
  OrganisationRating rating;  // the band of the total, or Incomplete
  std::vector<DomainResult> domains;
  std::vector<Flag> flags;  // in rubric order of outcome, then service
  // What is missing, one readable line each ("1B for service nhs-111").
  std::vector<std::string> missing;
  Agreement agreement;  // over the stakeholders' ratings (SPEC §5)
};

// Applies the scoring rules of SPEC §4 with the assessment's policy.
// Never fails: a loaded assessment is always gradeable.
GradeResult Grade(const Assessment& assessment, const Rubric& rubric);

// Combines values as SPEC §4.1/§4.2 say (median, mean, min); `values` must
// not be empty.
Rational CombineRatings(std::vector<Rational> values, RatersPolicy policy);
Rational CombineServices(std::vector<Rational> values, ServicesPolicy policy);
Rational ApplyRounding(const Rational& value, RoundingPolicy policy);

// Everything a writer needs: the input, its rubric and the result.
struct GradeReport {
  Assessment assessment;
  Rubric rubric;
  GradeResult result;
  std::string tool_version;  // e.g. "0.1.0"
};

}  // namespace eds

#endif  // EDS_GRADE_H_
