#ifndef EDS_ENGINE_SRC_RATING_CHECKER_H_
#define EDS_ENGINE_SRC_RATING_CHECKER_H_

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eds/assessment.h"
#include "eds/diagnostics.h"
#include "eds/rubric.h"

namespace eds {

// Small text helpers shared by the assessment reader and the score-sheet
// reader.
std::string Upper(const std::string& text);
bool Blank(const std::string& text);  // empty or only spaces and tabs
std::string LowerTrimmed(const std::string& text);
// "not rated", in any case: a stakeholder who gave no rating, written down.
bool IsNotRated(const std::string& text);

// The "did you mean" part of a message. Past the error cap a message is
// only counted, never shown, so the search (the costly part of an error,
// and a hostile file can hold a million errors) is skipped.
std::string Suggest(const Diagnostics& diag, const std::string& word,
                    const std::vector<std::string>& candidates);

// Counts one more item of a kind (ratings, evidence items, actions) that
// becomes a row of a workbook sheet; past kMaxItemsPerAssessment reports
// it once, where the limit is crossed, and returns false.
bool WithinItemLimit(std::size_t* count, const char* what,
                     const SourceLocation& where,
                     const std::function<std::string()>& line,
                     Diagnostics& diag);

// What the assessment declares that ratings are checked against. The
// assessment reader fills it as it reads; the checker only reads it.
struct RatingContext {
  const Rubric* rubric = nullptr;  // null until the rubric is known
  Assessment* assessment = nullptr;
  bool stakeholders_declared = false;  // a 'stakeholders' key is present
  std::vector<std::string> stakeholder_ids;
  bool services_given = false;  // a 'services' list was read
  std::vector<std::string> service_ids;
};

// Where ratings come from. The checks are the same for both; the wording
// of some messages and hints differs, because a person fixes a YAML key and
// a sheet's cell differently.
enum class RatingSource { kYaml, kSheet };

// Where a problem is reported, and the source line to quote (called only
// when there is a problem: a file may hold a million ratings on long
// lines).
struct RatingSpot {
  SourceLocation where;
  std::function<std::string()> line;
};

// The one checker of a rating's four parts (its outcome, its place for a
// service or the organisation, its stakeholder and its score) and the keeper
// of every rating accepted, whichever front end read it.
class RatingChecker {
 public:
  RatingChecker(const RatingContext& context, Diagnostics& diag)
      : context_(context), diag_(diag) {}

  // The outcome `text` names, as the rubric spells it ("2a" is 2A), with its
  // domain; the domain is null (and the problem reported) for none.
  std::pair<std::string, const Domain*> CheckOutcome(RatingSource source,
                                                     const std::string& text,
                                                     const RatingSpot& spot);

  // Whether outcome `id` of `domain` may be rated where it is: for a service
  // (`for_service`) or for the whole organisation.
  bool CheckPlacement(RatingSource source, const Domain& domain,
                      const std::string& id, bool for_service,
                      const RatingSpot& spot);

  // The id of the stakeholder `text` names: a declared id, or (ignoring case
  // and spaces around it) a declared id or name that only one stakeholder
  // has; `text` itself when no stakeholders are declared (that is reported
  // once for the file). Every rating passes here.
  bool CheckStakeholder(const std::string& text, const RatingSpot& spot,
                        std::string* id);

  // A rating's score: its points; nullopt for "not rated" (with `*ok`
  // untouched) or for a problem (reported, `*ok` set false). A sheet's score
  // may also read "2 - Achieving", as the drop-down of an `init` score
  // sheet offers, and must not be blank.
  std::optional<int> CheckScore(RatingSource source, const std::string& text,
                                const RatingSpot& spot, bool* ok);

  // A score as SPEC §3 allows (a level's digit, or its name or alias), or
  // the problem reported.
  std::optional<int> ParseScore(const std::string& text,
                                const RatingSpot& spot);

  // "a score is one of 0 (Undeveloped), ...".
  std::string ScoreHint() const;

  // Keeps a rating after checking it was not given before.
  void Record(const std::string& service, const std::string& outcome_id,
              const std::string& stakeholder, int points, std::string comment,
              const RatingSpot& spot, OutcomeEntry* entry);

  // True once any rating was read, accepted or not.
  bool any_rating() const { return any_rating_; }

 private:
  std::optional<std::string> StakeholderId(const std::string& text) const;
  std::optional<int> ParseSheetScore(const std::string& text) const;
  std::string ScoreProblem(const std::string& text) const;
  const Domain* PerServiceDomain() const;

  const RatingContext& context_;
  Diagnostics& diag_;
  bool any_rating_ = false;
  std::map<std::string, SourceLocation> rating_places_;
  std::size_t rating_count_ = 0;
};

}  // namespace eds

#endif  // EDS_ENGINE_SRC_RATING_CHECKER_H_
