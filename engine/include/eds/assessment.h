#ifndef EDS_ASSESSMENT_H_
#define EDS_ASSESSMENT_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eds/date.h"
#include "eds/diagnostics.h"
#include "eds/file_system.h"
#include "eds/rubric.h"
#include "eds/score_sheet_cache.h"

namespace eds {

// One stakeholder's rating of one outcome (of one service, in Domain 1).
struct Rating {
  std::string stakeholder;  // a declared stakeholder id
  int points = 0;
  std::string comment;   // from CSV `comment`; empty otherwise
  SourceLocation where;  // the YAML or CSV place it was given
};

struct Evidence {
  std::string title;
  std::string link;  // may be empty
};

struct Action {
  std::string action;
  std::string owner;  // may be empty
  std::optional<Date> due;
};

// What the file holds for one outcome. An outcome key with no value is
// present but unrated.
struct OutcomeEntry {
  std::string outcome_id;
  std::vector<Rating> ratings;  // in file order, YAML first, then CSV rows
  std::optional<int> agreed;    // the panel's agreed score
  std::vector<Evidence> evidence;
  std::string notes;
  std::vector<Action> actions;
};

struct Stakeholder {
  std::string id;
  std::string name;
  std::string group;
};

struct Reviewer {
  std::string name;
  std::string role;
};

struct Service {
  std::string id;
  std::string name;
  std::map<std::string, OutcomeEntry> outcomes;  // by outcome id
};

struct Organisation {
  std::string name;
  std::string code;    // ODS code, may be empty
  std::string system;  // integrated care system, may be empty
};

// One organisation's assessment for one year, as loaded and validated.
// Optional text fields are empty when not given.
struct Assessment {
  std::string source;  // the path as given or found
  int format_version = 1;
  std::string rubric_ref;  // as written after `rubric:`
  Organisation organisation;
  std::string year;           // "2024/25"
  SourceLocation year_where;  // where `year:` gives it
  std::optional<Date> completed, authorised, review_due;
  std::string lead, sponsor;
  std::string published;  // "2025-03"
  std::vector<std::string> partners;
  std::vector<Date> engagement;
  std::vector<Reviewer> reviewers;
  Policy policy;
  std::vector<Stakeholder> stakeholders;  // in file order
  std::vector<Service> services;          // empty: Domain 1 rated directly
  std::map<std::string, OutcomeEntry> outcomes;  // by outcome id
  std::vector<std::string> ratings_csv;          // as written

  const Stakeholder* FindStakeholder(const std::string& id) const;
  // A SPEC §2 compare/rollup identity: the code (upper case), or the name's
  // NFKC form if no code.
  std::string Identity() const;
};

// What an assessment may make eds3 read besides itself. The defaults are
// those of `grade` and `validate`; `rollup` and `compare`, which read files
// other organisations wrote, refuse rubric files too (docs/commissioners.md,
// "What a roll-up trusts and what it refuses").
struct LoadOptions {
  // The folder that files named by the assessment (`ratings_csv`, a
  // `rubric:` path) must lie in, after links are followed; "" for the
  // assessment's own folder.
  std::string folder;
  // Reads named files wherever they are (--allow-outside-paths).
  bool allow_outside_paths = false;
  // Grades with a rubric file named by `rubric:` (--allow-rubric-files);
  // when false, such an assessment is invalid and the file is not read.
  bool allow_rubric_files = true;
  // The run's score sheets, read once for every assessment that names them
  // (rollup and validate, which load many files); nullptr: each load reads
  // its own. Not owned.
  ScoreSheetCache* score_sheets = nullptr;
};

// True when a `rubric:` value names a file: it contains '/' or ends in
// .yaml or .yml (SPEC §3). Otherwise it is a built-in id.
bool IsRubricPath(const std::string& ref);

// An assessment together with the rubric it names.
struct LoadedAssessment {
  Assessment assessment;
  Rubric rubric;
};

// Loads `path` (and the rubric and CSV files it names, through `fs`),
// validating everything SPEC §3 requires. Every problem found is added to
// `diag`. Returns the assessment, or nullopt when there was any error.
// `status` becomes IoError when `path` itself cannot be read (exit 3),
// InvalidInput for any other problem, Ok on success.
std::optional<LoadedAssessment> LoadAssessment(
    const std::string& path, FileSystem& fs, Diagnostics& diag, Status* status,
    const LoadOptions& options = LoadOptions());

// The same from text already in memory (`path` names it in diagnostics and
// is the base for relative rubric and CSV paths).
std::optional<LoadedAssessment> ParseAssessment(
    const std::string& text, const std::string& path, FileSystem& fs,
    Diagnostics& diag, const LoadOptions& options = LoadOptions());

// Resolves a `rubric:` value: a built-in id, or a path (relative to
// `base_dir`) when it contains '/' or ends in .yaml/.yml.
// On failure adds a diagnostic at `where` and returns nullopt.
std::optional<Rubric> ResolveRubric(const std::string& ref,
                                    const std::string& base_dir,
                                    const SourceLocation& where,
                                    const std::string& source_line,
                                    FileSystem& fs, Diagnostics& diag);

// Loads a built-in rubric by id; nullopt when there is none.
std::optional<Rubric> LoadBuiltinRubric(const std::string& id);

}  // namespace eds

#endif  // EDS_ASSESSMENT_H_
