#ifndef EDS_RUBRIC_H_
#define EDS_RUBRIC_H_

#include <optional>
#include <string>
#include <vector>

#include "eds/diagnostics.h"
#include "eds/rational.h"
#include "eds/status.h"

namespace eds {

enum class RatersPolicy { kMedian, kMean, kMin };
enum class ServicesPolicy { kMedian, kMean };
enum class RoundingPolicy { kHalf, kDown, kNone };

// How ratings are combined (SPEC §3 `policy`, §4).
struct Policy {
  RatersPolicy raters = RatersPolicy::kMedian;
  ServicesPolicy services = ServicesPolicy::kMedian;
  RoundingPolicy rounding = RoundingPolicy::kHalf;
};

// The words used in files and outputs: "median", "mean", "min", "half", ...
const char* PolicyWord(RatersPolicy value);
const char* PolicyWord(ServicesPolicy value);
const char* PolicyWord(RoundingPolicy value);
std::optional<RatersPolicy> ParseRatersPolicy(const std::string& word);
std::optional<ServicesPolicy> ParseServicesPolicy(const std::string& word);
std::optional<RoundingPolicy> ParseRoundingPolicy(const std::string& word);

// One level of activity an outcome can be rated at.
struct Level {
  std::string id;                    // "achieving"
  std::string name;                  // "Achieving"
  int points = 0;                    // 2
  std::vector<std::string> aliases;  // other accepted names ("Excellent")
  std::string colour;                // "#RRGGBB" fill for outputs
};

// An organisation rating band: totals from `lower` (inclusive) up to the next
// band's lower bound (exclusive). The last band also holds the maximum total.
struct Band {
  std::string name;
  Rational lower;
  std::string colour;
};

struct Outcome {
  std::string id;      // "2A"
  std::string name;    // short name: "Support for long-term conditions"
  std::string title;   // the full title from the national template
  std::string prompt;  // what evidence a panel looks for
};

struct Domain {
  std::string id;    // "1"
  std::string name;  // "Commissioned or provided services"
  // True when the domain may be rated per service (Domain 1 in EDS 2022).
  bool per_service = false;
  std::vector<Outcome> outcomes;
};

// A grading framework, loaded from rubric YAML. Everything that is a number
// of the framework (points, bands, outcome count) lives here, never in code.
struct Rubric {
  std::string id;
  std::string version;
  std::string title;
  std::string source;  // "built-in" or the file path it came from
  std::string sha256;  // of a rubric file's bytes (hex); "" when built-in
  std::vector<Level> levels;  // ascending points
  std::vector<Band> bands;    // ascending lower bounds, first is 0
  std::vector<Domain> domains;
  std::vector<std::string> stakeholder_groups;
  std::vector<std::string> reviewer_roles;
  Policy default_policy;
  // Flags (SPEC §4.7 codes) that `--require-complete` refuses as it refuses
  // an unrated outcome; empty for EDS 2022.
  std::vector<std::string> blocking_flags;

  // Which rubric graded a file, as every output says it: "eds2022 version
  // 2022.1, built-in", or "local version 1, file r/local.yaml, SHA-256 …"
  // (all 64 hex digits).
  std::string Provenance() const;

  // The highest points any level gives.
  int MaxPoints() const;
  // Highest possible total: MaxPoints() for every outcome.
  Rational MaxTotal() const;
  // The outcome and its domain by outcome id, or nullptr.
  const Outcome* FindOutcome(const std::string& outcome_id) const;
  const Domain* DomainOf(const std::string& outcome_id) const;
  // Every outcome id in rubric order.
  std::vector<std::string> OutcomeIds() const;
  // The level with exactly these points, or nullptr.
  const Level* LevelForPoints(int points) const;
  // The level of a score rounded down (1.5 is the level of 1); nullptr for a
  // score below the lowest level.
  const Level* LevelOf(const Rational& score) const;
  // The band holding `total` (half-open bands; SPEC §4.4).
  const Band& BandOf(const Rational& total) const;
  // The band with exactly this name, or nullptr: to match bands across
  // rubrics (a level or rating of a graded year is a ScoreLevel or an
  // OrganisationRating, eds/rating.h).
  const Band* FindBand(const std::string& name) const;
  // Parses a rating as written by a panel: the digit of a level's points, or a
  // level name or alias, case-insensitive, optionally followed by
  // " activity". Returns the points, or nullopt when it is not a rating.
  std::optional<int> ParseRating(const std::string& text) const;
  // The accepted words, for "did you mean" hints.
  std::vector<std::string> RatingWords() const;
};

// Loads and strictly validates a rubric from YAML text. `file` names the
// source in diagnostics. On any problem, adds every problem found to `diag`
// and returns nullopt.
std::optional<Rubric> ParseRubric(const std::string& text,
                                  const std::string& file, Diagnostics& diag);

}  // namespace eds

#endif  // EDS_RUBRIC_H_
