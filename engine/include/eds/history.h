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
#include "eds/rating.h"
#include "eds/rational.h"
#include "eds/rubric.h"
#include "eds/status.h"

namespace eds {

// A domain's or an outcome's score, under its rubric id.
struct IdScore {
  std::string id;
  std::optional<Rational> score;  // nullopt: not scored
  ScoreLevel level = {};  // of the score, in its year's rubric; none unscored
};

// One organisation's graded year (SPEC §5: year, complete, total, rating,
// domains, outcomes, source), with what compare and rollup show besides.
struct OrganisationYear {
  Organisation organisation;
  // Who the organisation is across years: its code, or its name in NFKC form
  // when it has none (SPEC §5).
  std::string identity;
  std::string year;           // "2024/25"
  SourceLocation year_where;  // where the file gives its year
  bool complete = false;
  std::optional<Rational> total;  // nullopt when incomplete
  OrganisationRating rating;      // of `rubric`: the band, or Incomplete
  std::vector<IdScore> domains;   // rubric order
  std::vector<IdScore> outcomes;  // rubric order
  Agreement agreement;            // the panel agreement
  std::string source;             // the file's path as given or found
  std::optional<Date> completed;
  Policy policy;
  std::shared_ptr<const Rubric> rubric;  // the rubric it was graded with
  // The warnings its file raised while loading, for a rollup's checks.
  std::vector<Diagnostic> warnings;

  // The entry for `outcome_id`, or nullptr when this year's rubric has no such
  // outcome (an unscored outcome of the rubric is an entry without a score).
  const IdScore* FindOutcome(const std::string& outcome_id) const;
  const IdScore* FindDomain(const std::string& domain_id) const;
  // The rating with its rubric, as changes and the Attention list hold it.
  RubricRating Rating() const { return {rating, rubric}; }
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
// `changes`), with its levels for the text.
struct OutcomeChange {
  OutcomeInfo outcome;
  std::string from_year;
  std::string to_year;
  std::optional<Rational> from;  // nullopt: not scored that year
  std::optional<Rational> to;
  std::optional<Rational> difference;  // to - from, when both are scored
  RubricLevel from_level;              // of the score; none when not scored
  RubricLevel to_level;
  Movement movement = Movement::kSame;
};

// Why a change in total is not given: kNone when it is.
enum class NoChange {
  kNone,
  kNoEarlierYear,    // the first year
  kIncomplete,       // either year is incomplete
  kDifferentMaxima,  // the two years' rubrics have different maximum totals
};

// The organisation rating from one year to the next.
struct RatingChange {
  std::string from_year;
  std::string to_year;
  RubricRating from;  // a band or Incomplete
  RubricRating to;
  std::optional<Rational> from_total;
  std::optional<Rational> to_total;
  Movement movement = Movement::kSame;  // of the totals
  // The totals are out of the same maximum. When the two years' rubrics have
  // different maxima, the totals are not on one scale and are not compared.
  bool same_scale = true;
  Rational from_max;
  Rational to_max;
  // to_total - from_total, when both are given and on the same scale.
  std::optional<Rational> change;
  NoChange no_change = NoChange::kNone;  // why `change` is nullopt
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
  // Keep only organisations of this system, compared as SystemKey does; ""
  // all.
  std::string system;
  std::string year;  // keep only this year; "" all
  // List invalid files (and both files of a repeated organisation and year)
  // as excluded instead of failing the run.
  bool skip_invalid = false;
};

// One problem of an excluded file, as its parts (for JSON).
struct ExcludedProblem {
  SourceLocation location;  // line and column 0 when not known
  Severity severity = Severity::kError;
  std::string message;
  std::string hint;  // empty for none
};

// Who an invalid file says it is about, read line by line without trusting
// it (see ReadClaimedIdentity): each value unquoted, hidden characters
// escaped, at most kMaxQuotedInput characters; "" when not found or not
// UTF-8.
struct ClaimedIdentity {
  std::string code;  // as written (upper case when it is an ODS code)
  std::string name;
  std::string system;
  std::string year;
  // Who the file would be across years, as OrganisationYear::identity: its
  // code when that has the form of an ODS code, else its name in NFKC form
  // when it gives no code; "" when neither can be told.
  std::string identity;
};

// The organisation, system and year an assessment's text claims, from the
// top-level `organisation:` block (block style) and `year:` lines of its
// first kMaxClaimScan bytes. Never throws and never fails: a file it cannot
// read claims nothing.
inline constexpr std::size_t kMaxClaimScan = 64 * 1024;
ClaimedIdentity ReadClaimedIdentity(const std::string& text) noexcept;

// A file left out of a rollup under --skip-invalid, and why.
struct ExcludedFile {
  std::string file;
  std::vector<std::string>
      errors;  // one line each, "file:line:col: error: ..."
  // The same errors as parts, in the same order; `more_errors` counts those
  // found beyond the cap and not kept.
  std::vector<ExcludedProblem> problems = {};
  std::size_t more_errors = 0;
  // Who the file says it is about, so that its organisation is not lost.
  ClaimedIdentity claimed = {};
};

// How many errors an excluded file lists, and how many a whole rollup does:
// a folder of hostile files can neither fill memory nor the outputs.
inline constexpr std::size_t kMaxErrorsPerExcludedFile = 10;
inline constexpr std::size_t kMaxExcludedErrors = 1000;

// `file` as excluded for the errors in `problems`: the first line of each
// ("file:line:col: error: message"), without the quoted source and hint,
// and each as its parts; at most `max_errors` of them, then a line saying
// how many more there are.
ExcludedFile ExcludeFile(const std::string& file, const Diagnostics& problems,
                         std::size_t max_errors = kMaxErrorsPerExcludedFile);

// A warning a rollup shows on its Checks sheet: a file's own warning, or two
// files that may be one organisation under two identities, one under two
// spellings of a system, or one organisation's files in two folders.
struct RollupCheck {
  // "file" (a file's own warning), "name-under-two-codes", "code-missing",
  // "system-spelling" or "two-folders".
  std::string kind;
  std::string file;        // the file it is about
  int line = 0;            // in `file`; 0 when about the whole file
  std::string other_file;  // the file it is compared with; "" for "file"
  std::string message;     // without the file's location
};

// A system name as `--system` and the checks compare it: NFKC case folded,
// `&` read as the word "and", ASCII punctuation dropped, words separated by
// one space ("Fenland & Wash ICS" and "fenland and wash I.C.S." are one).
std::string SystemKey(const std::string& system);

// The cross-file checks of `rollup` and `validate` on the valid files'
// `years`. A repeated organisation and year is an error naming both files
// and the line of each `year:` (with a hint when a file's name suggests
// another year), one per later file; under skip_invalid every such file is
// moved to `excluded` instead, with a warning. The identity checks (see
// RollupCheck) are added to `diag` as warnings and to `checks`. Returns the
// number of errors added.
std::size_t CheckAcrossFiles(std::vector<OrganisationYear>& years,
                             bool skip_invalid,
                             std::vector<ExcludedFile>& excluded,
                             Diagnostics& diag,
                             std::vector<RollupCheck>* checks);

// Why an organisation's latest year in a rollup is older than the rollup's.
struct OutOfDate {
  std::string year;  // the rollup's latest year
  // "excluded-file": a file of it claiming a later year (or no readable
  // year) was excluded as invalid; "no-file": no file for `year` was given.
  std::string reason;
  std::vector<std::string> files;  // the excluded files, for "excluded-file"
  std::string message;  // "excluded file a.yaml" or "no file for 2024/25"
};

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
  NoChange no_change = NoChange::kNone;  // why `change` is nullopt
  // Set when its latest year is older than the rollup's latest year.
  std::optional<OutOfDate> out_of_date;

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

// How the organisations' latest years spread over the levels on one outcome
// (the system row of the heat map).
struct OutcomeSpread {
  std::string outcome_id;
  // Aligned with RollupResult::levels: organisations whose latest score on
  // this outcome is of that level.
  std::vector<int> levels;
  int unscored = 0;  // latest year without a score on it (or not in its rubric)
  int scored = 0;    // the sum of `levels`
  // The median of the scored organisations' scores (the mean of the middle
  // two for an even count); nullopt when none is scored.
  std::optional<Rational> median;
  ScoreLevel median_level;  // of the median, in the rollup's rubric
};

// Why an organisation (or a file) is on the Attention list.
enum class AttentionReason {
  kLowestBand,  // its latest rating is the rubric's lowest band
  kBandDown,    // its rating fell a band since its previous year
  kBandUp,      // its rating rose a band
  kBigFall,     // among the biggest falls in total (see BuildAttention)
  kBigRise,     // among the biggest rises in total
  kOutOfDate,   // its latest year is older than the rollup's latest year
  kIncomplete,  // its latest year is incomplete
  kExcluded,    // its file was excluded as invalid (--skip-invalid)
  kMissing,     // expected (a register) but no file found
};

// The reason's code in JSON ("undeveloped", "band-down", ...).
const char* AttentionCode(AttentionReason reason);

// One line of the Attention list.
struct AttentionItem {
  AttentionReason reason = AttentionReason::kLowestBand;
  Organisation organisation;  // empty name for an excluded file
  std::string file;           // the latest year's file, or the excluded one
  std::string year;           // the year concerned ("" when none)
  std::string from_year;      // the previous year, for a movement
  RubricRating from_rating;   // band (or Incomplete) before a movement
  RubricRating rating;        // latest band (or Incomplete); none if no year
  std::optional<Rational> change;  // for the biggest rises and falls
  std::string message;             // one sentence for a commissioner
};

// An outcome rated at the rubric's lowest level by more than a quarter of
// the organisations scored on it (their latest years).
struct OutcomeAttention {
  OutcomeInfo outcome;
  int lowest = 0;  // organisations at the lowest level
  int scored = 0;
  std::string level;    // the lowest level's name ("Undeveloped")
  std::string message;  // one sentence
};

// What needs a commissioner's attention, first in every rollup output.
struct Attention {
  // Grouped by reason in AttentionReason order, then in rollup order (the
  // biggest changes largest first).
  std::vector<AttentionItem> items;
  std::vector<OutcomeAttention> outcomes;  // rubric order
  // The rules, in words, for the outputs to print with the list.
  std::vector<std::string> rules;
};

// An organisation every file of which was excluded (--skip-invalid), known
// only by what its files claim.
struct ExcludedOrganisation {
  Organisation organisation;       // code, name and system as claimed
  std::string identity;            // ClaimedIdentity::identity; "" if none
  std::vector<std::string> files;  // its excluded files, in the order given
  std::string message;             // one sentence
};

// The headline counts of a rollup: organisations with a row of results,
// organisations known only from excluded files, and (with a register)
// expected organisations with no file at all.
struct RollupCounts {
  int included = 0;
  int excluded = 0;
  std::optional<int> missing;  // nullopt without a register
  int out_of_date = 0;         // included ones whose latest year is older
};

// The commissioner's register checked against a rollup (eds/register.h).
struct ExpectedMissing {
  std::string code;
  std::string name;    // as the register gives it
  std::string system;  // as the register gives it; may be empty
  int line = 0;        // its line in the register
  // Why: "no file", "excluded file a.yaml", or "latest year 2023/24".
  std::string reason;
  std::string message;  // one sentence
};
struct ExpectedYear {
  std::string year;
  std::vector<ExpectedMissing> missing;  // register order
};
struct UnexpectedFile {
  std::string file;
  Organisation organisation;
  std::string year;
  std::string message;  // one sentence
};
struct ExpectResult {
  std::string file;                 // the register's path
  int expected = 0;                 // organisations on it (after --system)
  std::vector<ExpectedYear> years;  // the years checked
  std::vector<UnexpectedFile> unexpected;  // by file
};

struct RollupResult {
  // Sorted by name, then code (byte order).
  std::vector<RollupOrganisation> organisations;
  std::vector<std::string> years;  // every year present, chronological
  // The reference rubric's band names in order, any other rubric's after
  // them, then kIncompleteRating.
  std::vector<std::string> ratings;
  // Aligned with `ratings`: each as a rating of the reference rubric (`rubric`)
  // for its colour; nullopt for a band only other rubrics have.
  std::vector<std::optional<OrganisationRating>> reference_ratings;
  std::vector<RatingCounts> ratings_by_year;  // one per entry of `years`
  // The outcome columns: the reference rubric's, then any only other rubrics
  // have.
  std::vector<OutcomeInfo> outcomes;
  std::vector<ExcludedFile> excluded;  // in the order given
  // Every file's warnings in the order given, then the cross-file checks
  // ordered by file.
  std::vector<RollupCheck> checks;
  // The reference rubric's level names in order (the heat map's system row).
  std::vector<std::string> levels;
  std::vector<OutcomeSpread> spreads;  // aligned with `outcomes`
  Attention attention;
  // Organisations every file of which was excluded, by name then code.
  std::vector<ExcludedOrganisation> excluded_organisations;
  RollupCounts counts;
  std::optional<ExpectResult> expect;  // with --expect
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
// First CheckAcrossFiles runs on every year (a repeated organisation and
// year is an error, or under skip_invalid excludes both files). Then
// the filters apply; change and counts are computed on what is left.
// Returns InvalidInput, with every problem in `diag` and `result` unchanged,
// on a repeated organisation and year (without skip_invalid), or when
// nothing is left to roll up (no year given, every file excluded, or a
// filter that matches nothing, with a "did you mean" for the filter).
Status Rollup(std::vector<OrganisationYear> years,
              std::vector<ExcludedFile> excluded, const RollupOptions& options,
              const std::string& tool_version, Diagnostics& diag,
              RollupResult* result);

// The organisations and outcomes of `rollup` that need attention, as
// docs/commissioners.md describes: latest rating in the lowest band; rating
// moved a band since the previous year (down, then up); the biggest falls and
// rises in total (a change of at least a tenth of the maximum total, at most
// kBiggestChanges each way, largest first); latest year older than the
// rollup's latest year, or incomplete; files excluded; organisations in
// `missing` (expected but not found); outcomes at the lowest level for more
// than a quarter of the organisations scored on them. Rollup() fills
// RollupResult::attention with it (and no `missing`).
inline constexpr int kBiggestChanges = 5;
// The spread of the organisations' latest years over the levels, one per
// entry of rollup.outcomes (needs rollup.levels).
std::vector<OutcomeSpread> SpreadsOf(const RollupResult& rollup);

// "a.yaml", "a.yaml and b.yaml", "a.yaml, b.yaml and c.yaml".
std::string ListInWords(const std::vector<std::string>& items);

Attention BuildAttention(const RollupResult& rollup,
                         const std::vector<Organisation>& missing);

}  // namespace eds

#endif  // EDS_HISTORY_H_
