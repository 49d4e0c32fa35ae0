#ifndef EDS_HISTORY_H_
#define EDS_HISTORY_H_

// The report models of `eds3 compare` (one organisation over several years)
// and `eds3 rollup` (many organisations and years, for commissioners). Both
// are built from graded assessments summarised as OrganisationYear, the shape
// SPEC §5 gives the two commands in common. The writers in outputs/ walk
// these models; everything they show is decided here.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eds/assessment.h"
#include "eds/diagnostics.h"
#include "eds/grade.h"
#include "eds/rational.h"
#include "eds/rubric.h"
#include "eds/status.h"

namespace eds {

// What an incomplete year is called where a rating would stand (SPEC §4.6).
inline constexpr char kIncompleteRating[] = "Incomplete";

// A domain's or an outcome's score, under its rubric id.
struct IdScore {
  std::string id;
  std::optional<Rational> score;  // nullopt: not scored
};

// One organisation's graded year (SPEC §5: year, complete, total, rating,
// domains, outcomes, source), with what compare and rollup show besides.
struct OrganisationYear {
  Organisation organisation;
  // Who the organisation is across years: its code, or its exact name when it
  // has none (SPEC §5).
  std::string identity;
  std::string year;  // "2024/25"
  bool complete = false;
  std::optional<Rational> total;  // nullopt when incomplete
  std::string rating;             // the band name; empty when incomplete
  std::vector<IdScore> domains;   // rubric order
  std::vector<IdScore> outcomes;  // rubric order
  Agreement agreement;            // the panel agreement
  std::string source;             // the file's path as given or found
  std::string completed;          // ISO date or empty
  Policy policy;
  std::shared_ptr<const Rubric> rubric;  // the rubric it was graded with

  // The entry for `outcome_id`, or nullptr when this year's rubric has no such
  // outcome (an unscored outcome of the rubric is an entry without a score).
  const IdScore* FindOutcome(const std::string& outcome_id) const;
  const IdScore* FindDomain(const std::string& domain_id) const;
  // The rating, or kIncompleteRating.
  std::string RatingOrIncomplete() const;
};

// Summarises a graded assessment. `rubric` is the one it was graded with and
// must not be null; it is shared, not copied, so many years can hold one.
OrganisationYear SummariseYear(const Assessment& assessment,
                               std::shared_ptr<const Rubric> rubric,
                               const GradeResult& result);

// True when `text` is a year as assessments write it: YYYY/YY, YY being the
// year after YYYY ("2024/25").
bool IsAssessmentYear(const std::string& text);

// The span of chronological `years` in words: "2022/23 to 2024/25", or the
// one year ("2024/25"); "" for none.
std::string DescribeYears(const std::vector<std::string>& years);

// How a score moved from one year to the next.
enum class Movement {
  kUp,
  kDown,
  kSame,
  kNewlyScored,     // not scored before, scored now
  kNoLongerScored,  // scored before, not scored now
  kNeverScored,     // scored in neither year
};
Movement MovementOf(const std::optional<Rational>& from,
                    const std::optional<Rational>& to);

// A rubric by id and version, as outputs stamp it.
struct RubricRef {
  std::string id;
  std::string version;
  std::string provenance;  // Rubric::Provenance()
  bool operator==(const RubricRef& other) const {
    return id == other.id && version == other.version &&
           provenance == other.provenance;
  }
};

// An outcome as a column or row of the history outputs: named from the
// reference rubric when it has the outcome, else from the first rubric that
// does.
struct OutcomeInfo {
  std::string id;
  std::string domain_id;
  std::string name;   // short name ("Staff recommend the organisation")
  std::string title;  // the national template's full title
};

// ---------------------------------------------------------------- compare

// One outcome across the compared years.
struct TrendRow {
  OutcomeInfo outcome;
  // One per year, in the order of CompareResult::years. `assessed[i]` is false
  // when year i's rubric has no such outcome; `scores[i]` is then nullopt too.
  std::vector<std::optional<Rational>> scores;
  std::vector<bool> assessed;
  // In every year's rubric, so that its scores can be compared.
  bool comparable = false;
  // The latest year's score minus the previous year's, and minus the first
  // year's; nullopt unless comparable and both scores exist.
  std::optional<Rational> change;
  std::optional<Rational> change_since_first;
};

// An outcome whose score moved between two consecutive years (SPEC §5
// `changes`), with its level names for the text.
struct OutcomeChange {
  OutcomeInfo outcome;
  std::string from_year;
  std::string to_year;
  std::optional<Rational> from;  // nullopt: not scored that year
  std::optional<Rational> to;
  std::optional<Rational> difference;  // to - from, when both are scored
  std::string from_level;  // level name of the score; empty when not scored
  std::string to_level;
  Movement movement = Movement::kSame;
};

// The organisation rating from one year to the next.
struct RatingChange {
  std::string from_year;
  std::string to_year;
  std::string from;  // band name or kIncompleteRating
  std::string to;
  std::optional<Rational> from_total;
  std::optional<Rational> to_total;
  Movement movement = Movement::kSame;  // of the totals
  // The totals are out of the same maximum. When the two years' rubrics have
  // different maxima, the totals are not on one scale and are not compared.
  bool same_scale = true;
  Rational from_max;
  Rational to_max;
};

struct CompareResult {
  Organisation organisation;            // as the latest year gives it
  std::vector<OrganisationYear> years;  // chronological
  // Every outcome of any year: the reference rubric's in its order, then
  // those only older rubrics have.
  std::vector<TrendRow> outcomes;
  // Ordered by year, then by rubric order (SPEC §5).
  std::vector<OutcomeChange> changes;
  std::vector<RatingChange> rating_changes;  // one per consecutive pair
  // Ids of outcomes that are not in every year's rubric, in `outcomes` order.
  std::vector<std::string> not_comparable;
  // The latest year's rubric: its domains, bands and levels frame the outputs.
  std::shared_ptr<const Rubric> rubric;
  std::vector<RubricRef> rubrics;  // every one used, in order of first use
  std::vector<Policy> policies;    // every one used, in order of first use
  std::string tool_version;
};

// Builds the comparison of one organisation's years (SPEC §5 eds3-compare/1).
// Returns InvalidInput, adding one error per problem to `diag` (each naming
// both files) and leaving `result` unchanged, when fewer than two years are
// given, when a year is of another organisation than the first file's, or
// when two files give the same year.
Status Compare(std::vector<OrganisationYear> years,
               const std::string& tool_version, Diagnostics& diag,
               CompareResult* result);

// The change in words, for a board paper: "2D Staff recommend the
// organisation rose from Developing (1) to Achieving (2) in 2024/25."
std::string DescribeChange(const OutcomeChange& change);

// The rating movement in words: "The rating rose from Developing (18) in
// 2022/23 to Achieving (24) in 2023/24."
std::string DescribeRatingChange(const RatingChange& change);

// ----------------------------------------------------------------- rollup

struct RollupOptions {
  std::string system;  // keep only organisations of this exact system; "" all
  std::string year;    // keep only this year; "" all
  // List invalid files (and both files of a repeated organisation and year)
  // as excluded instead of failing the run.
  bool skip_invalid = false;
};

// A file left out of a rollup under --skip-invalid, and why.
struct ExcludedFile {
  std::string file;
  std::vector<std::string>
      errors;  // one line each, "file:line:col: error: ..."
};

// How many errors an excluded file lists, and how many a whole rollup does:
// a folder of hostile files can neither fill memory nor the outputs.
inline constexpr std::size_t kMaxErrorsPerExcludedFile = 10;
inline constexpr std::size_t kMaxExcludedErrors = 1000;

// `file` as excluded for the errors in `problems`: the first line of each
// ("file:line:col: error: message"), without the quoted source and hint, at
// most `max_errors` of them, then a line saying how many more there are.
ExcludedFile ExcludeFile(const std::string& file, const Diagnostics& problems,
                         std::size_t max_errors = kMaxErrorsPerExcludedFile);

struct RollupOrganisation {
  Organisation organisation;            // as its latest year gives it
  std::vector<OrganisationYear> years;  // chronological, never empty
  // The latest year's total minus the previous year's (the year before it
  // in the rollup, which need not be the academic year before); nullopt when
  // there is no previous year, either total is missing, or the two totals
  // are out of different maxima (see same_scale).
  std::optional<Rational> change;
  // False when the previous and latest years' rubrics have different
  // maximum totals, so their totals cannot be subtracted.
  bool same_scale = true;

  const OrganisationYear& latest() const { return years.back(); }
  // The year before the latest, or nullptr.
  const OrganisationYear* previous() const;
};

// How many organisations had each rating in one year.
struct RatingCounts {
  std::string year;
  std::vector<int> counts;  // aligned with RollupResult::ratings
  int organisations = 0;    // the sum of counts
};

struct RollupResult {
  // Sorted by name, then code (byte order).
  std::vector<RollupOrganisation> organisations;
  std::vector<std::string> years;  // every year present, chronological
  // The reference rubric's band names in order, any other rubric's after
  // them, then kIncompleteRating.
  std::vector<std::string> ratings;
  std::vector<RatingCounts> ratings_by_year;  // one per entry of `years`
  // The outcome columns: the reference rubric's, then any only other rubrics
  // have.
  std::vector<OutcomeInfo> outcomes;
  std::vector<ExcludedFile> excluded;  // in the order given
  // The rubric of the latest year (of the first organisation having it).
  std::shared_ptr<const Rubric> rubric;
  std::vector<RubricRef> rubrics;  // every one used, in order of first use
  std::vector<Policy> policies;    // every one used, in order of first use
  RollupOptions options;
  std::string tool_version;
};

// Rolls up graded years of many organisations (SPEC §5 eds3-rollup/1).
// `excluded` holds files already found invalid (only under skip_invalid).
//
// The same organisation (by identity) and year in two files is an error
// naming both; under skip_invalid both are moved to `excluded` instead, each
// with a warning in `diag`. Then
// the filters apply; change and counts are computed on what is left.
// Returns InvalidInput, with every problem in `diag` and `result` unchanged,
// on a repeated organisation and year (without skip_invalid), or when
// nothing is left to roll up (no year given, every file excluded, or a
// filter that matches nothing, with a "did you mean" for the filter).
Status Rollup(std::vector<OrganisationYear> years,
              std::vector<ExcludedFile> excluded, const RollupOptions& options,
              const std::string& tool_version, Diagnostics& diag,
              RollupResult* result);

}  // namespace eds

#endif  // EDS_HISTORY_H_
