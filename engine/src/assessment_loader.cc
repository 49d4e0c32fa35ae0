#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "assessment_reader.h"
#include "csv.h"
#include "eds/assessment.h"
#include "eds/limits.h"
#include "text_checks.h"
#include "yaml_reader.h"
#include "yaml_tree.h"

namespace eds {
namespace {

const std::vector<std::string> kTopKeys = {
    "eds3",       "rubric",   "organisation", "year",       "completed",
    "lead",       "sponsor",  "partners",     "engagement", "published",
    "authorised", "review_due", "reviewers",  "policy",     "stakeholders",
    "services",   "outcomes", "ratings_csv"};
const std::vector<std::string> kOutcomeKeys = {"ratings", "agreed", "evidence",
                                               "notes", "actions"};
const std::vector<std::string> kCsvColumns = {"service", "outcome",
                                              "stakeholder", "score", "comment"};

std::string LowerTrimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t");
  std::string out = text.substr(first, last - first + 1);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Describe(const SourceLocation& where) {
  if (where.column > 0) return fmt::format("{}:{}:{}", where.file, where.line, where.column);
  return fmt::format("{}:{}", where.file, where.line);
}

// The lines of a CSV file for quoting in diagnostics, found once so that
// quoting every row stays linear in the file's size.
class TextLines {
 public:
  explicit TextLines(const std::string& text) : text_(text) {
    starts_.push_back(text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }

  // The 1-based line without its line end; "" when out of range.
  std::string Line(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return "";
    const std::size_t index = static_cast<std::size_t>(line) - 1;
    const std::size_t start = starts_[index];
    std::size_t end =
        index + 1 < starts_.size() ? starts_[index + 1] - 1 : text_.size();
    if (end > start && text_[end - 1] == '\r') --end;
    return text_.substr(start, end - start);
  }

 private:
  const std::string& text_;
  std::vector<std::size_t> starts_;
};

// Reads one assessment file: first the structure, then (once the rubric is
// known) everything that depends on it. Every problem goes to `diag_`.
class AssessmentReader {
 public:
  AssessmentReader(const YamlFile& file, FileSystem& fs, Diagnostics& diag,
                   const LoadOptions& options)
      : file_(file), fs_(fs), diag_(diag), options_(options) {}

  std::optional<LoadedAssessment> Read() {
    const YamlNode& root = file_.root();
    if (root.IsNull()) {
      diag_.Error({file_.file(), 1, 1}, "the file is empty",
                  "an assessment starts with 'eds3: 1'; run 'eds3 init' for a "
                  "skeleton");
      return std::nullopt;
    }
    MappingReader top(file_, root, diag_, "the assessment", kTopKeys);
    if (!top.ok()) return std::nullopt;
    assessment_.source = file_.file();

    if (const YamlNode* version = top.Required("eds3")) ReadFormatVersion(*version);
    if (const YamlNode* rubric = top.Required("rubric")) ReadRubric(*rubric);
    if (const YamlNode* organisation = top.Required("organisation")) {
      ReadOrganisation(*organisation);
    }
    if (const YamlNode* year = top.Required("year")) ReadYear(*year);
    ReadDate(top.Optional("completed"), "completed", &assessment_.completed);
    ReadDate(top.Optional("authorised"), "authorised", &assessment_.authorised);
    ReadDate(top.Optional("review_due"), "review_due", &assessment_.review_due);
    ReadPublished(top.Optional("published"));
    ReadOptionalText(top.Optional("lead"), "lead", &assessment_.lead);
    ReadOptionalText(top.Optional("sponsor"), "sponsor", &assessment_.sponsor);
    if (const YamlNode* partners = top.Optional("partners")) {
      if (auto list = ReadTextList(file_, *partners, "partners", diag_)) {
        assessment_.partners = *list;
      }
    }
    if (const YamlNode* engagement = top.Optional("engagement")) ReadEngagement(*engagement);
    if (const YamlNode* reviewers = top.Optional("reviewers")) ReadReviewers(*reviewers);
    assessment_.policy = rubric_ ? rubric_->default_policy : Policy{};
    if (const YamlNode* policy = top.Optional("policy")) {
      ReadPolicy(file_, *policy, diag_, &assessment_.policy);
    }
    stakeholders_node_ = top.Optional("stakeholders");
    if (stakeholders_node_) ReadStakeholders(*stakeholders_node_);
    if (const YamlNode* services = top.Optional("services")) ReadServices(*services);
    if (const YamlNode* outcomes = top.Optional("outcomes")) ReadOutcomes(*outcomes);
    if (const YamlNode* csv = top.Optional("ratings_csv")) ReadCsvList(*csv);
    top.Finish();
    CheckRatingsHaveStakeholders();

    if (diag_.HasErrors() || !rubric_) return std::nullopt;
    return LoadedAssessment{std::move(assessment_), std::move(*rubric_)};
  }

 private:
  void ReadFormatVersion(const YamlNode& node) {
    auto text = ReadText(file_, node, "eds3", diag_);
    if (text && *text != "1") {
      file_.Error(diag_, node,
                  fmt::format("unsupported file format version '{}'", *text),
                  "this version of eds3 reads 'eds3: 1'");
    }
  }

  void ReadRubric(const YamlNode& node) {
    auto ref = ReadNonEmptyText(file_, node, "rubric", diag_);
    if (!ref) return;
    assessment_.rubric_ref = *ref;
    if (IsRubricPath(*ref)) {
      if (!options_.allow_rubric_files) {
        file_.Error(diag_, node,
                    fmt::format("rubric file '{}' is not accepted here: a "
                                "file's own rubric could set its own bands",
                                QuoteInput(*ref)),
                    "name a built-in rubric ('eds3 rubric list'), or give "
                    "--allow-rubric-files to grade with rubric files");
        return;
      }
      if (!MayRead(node, *ref, JoinPath(DirName(file_.file()), *ref),
                   "rubric file")) {
        return;
      }
    }
    rubric_ = ResolveRubric(*ref, DirName(file_.file()), file_.Where(node),
                            file_.Line(node.line), fs_, diag_);
  }

  void ReadOrganisation(const YamlNode& node) {
    MappingReader reader(file_, node, diag_, "organisation", {"name", "code", "system"});
    if (!reader.ok()) return;
    if (const YamlNode* name = reader.Required("name")) {
      if (auto text = ReadNonEmptyText(file_, *name, "name", diag_)) {
        assessment_.organisation.name = *text;
      }
    }
    if (const YamlNode* code = reader.Optional("code")) {
      if (auto text = ReadNonEmptyText(file_, *code, "code", diag_)) {
        assessment_.organisation.code = *text;
      }
    }
    if (const YamlNode* system = reader.Optional("system")) {
      if (auto text = ReadNonEmptyText(file_, *system, "system", diag_)) {
        assessment_.organisation.system = *text;
      }
    }
    reader.Finish();
  }

  void ReadYear(const YamlNode& node) {
    auto text = ReadText(file_, node, "year", diag_);
    if (!text) return;
    if (!IsAcademicYear(*text)) {
      file_.Error(diag_, node,
                  fmt::format("year '{}' must be written YYYY/YY, the second "
                              "year following the first",
                              *text),
                  "for example 2024/25");
      return;
    }
    assessment_.year = *text;
  }

  void ReadDate(const YamlNode* node, const char* key, std::string* out) {
    if (node == nullptr) return;
    auto text = ReadText(file_, *node, key, diag_);
    if (!text) return;
    if (IsDateShaped(*text) && !IsIsoDate(*text)) {
      file_.Error(diag_, *node,
                  fmt::format("'{}' is '{}', a day that is not in the calendar", key, *text),
                  "check the day of the month");
      return;
    }
    if (!IsIsoDate(*text)) {
      file_.Error(diag_, *node,
                  fmt::format("'{}' must be a date written YYYY-MM-DD, not '{}'", key, *text),
                  "for example 2025-02-14");
      return;
    }
    *out = *text;
  }

  void ReadPublished(const YamlNode* node) {
    if (node == nullptr) return;
    auto text = ReadText(file_, *node, "published", diag_);
    if (!text) return;
    if (!IsYearMonth(*text)) {
      file_.Error(diag_, *node,
                  fmt::format("'published' must be a month written YYYY-MM, not '{}'", *text),
                  "for example 2025-03");
      return;
    }
    assessment_.published = *text;
  }

  void ReadOptionalText(const YamlNode* node, const char* key, std::string* out) {
    if (node == nullptr) return;
    if (auto text = ReadNonEmptyText(file_, *node, key, diag_)) *out = *text;
  }

  void ReadEngagement(const YamlNode& node) {
    if (!ExpectList(file_, node, "engagement", false, diag_)) return;
    for (const YamlNode& item : node.items) {
      std::string date;
      ReadDate(&item, "engagement", &date);
      if (!date.empty()) assessment_.engagement.push_back(date);
    }
  }

  void ReadReviewers(const YamlNode& node) {
    if (!ExpectList(file_, node, "reviewers", false, diag_)) return;
    for (const YamlNode& item : node.items) {
      MappingReader reader(file_, item, diag_, "a reviewer", {"name", "role"});
      if (!reader.ok()) continue;
      Reviewer reviewer;
      if (const YamlNode* name = reader.Required("name")) {
        if (auto text = ReadNonEmptyText(file_, *name, "name", diag_)) reviewer.name = *text;
      }
      if (const YamlNode* role = reader.Required("role")) {
        if (auto text = ReadText(file_, *role, "role", diag_)) {
          if (rubric_ && !Contains(rubric_->reviewer_roles, *text)) {
            file_.Error(diag_, *role,
                        fmt::format("unknown reviewer role '{}'{}", *text,
                                    Suggest(*text, rubric_->reviewer_roles)),
                        fmt::format("roles: {}", fmt::join(rubric_->reviewer_roles, ", ")));
          }
          reviewer.role = *text;
        }
      }
      reader.Finish();
      assessment_.reviewers.push_back(reviewer);
    }
  }

  void ReadStakeholders(const YamlNode& node) {
    if (!ExpectList(file_, node, "stakeholders", false, diag_)) return;
    if (node.items.size() > kMaxStakeholders) {
      file_.Error(diag_, node,
                  fmt::format("{} stakeholders; the limit is {}", node.items.size(), kMaxStakeholders));
      return;
    }
    std::map<std::string, int> seen;
    for (const YamlNode& item : node.items) {
      MappingReader reader(file_, item, diag_, "a stakeholder", {"id", "name", "group"});
      if (!reader.ok()) continue;
      Stakeholder stakeholder;
      if (const YamlNode* id = reader.Required("id")) {
        if (auto text = ReadNonEmptyText(file_, *id, "id", diag_)) {
          if (!IsSlug(*text)) {
            file_.Error(diag_, *id,
                        fmt::format("stakeholder id '{}' must use only a-z, 0-9 and '-'", *text),
                        "for example staff-networks");
          } else if (auto [it, fresh] = seen.emplace(*text, id->line); !fresh) {
            file_.Error(diag_, *id,
                        fmt::format("stakeholder id '{}' is declared twice (first on line {})",
                                    *text, it->second));
          } else {
            stakeholder.id = *text;
          }
        }
      }
      if (const YamlNode* name = reader.Required("name")) {
        if (auto text = ReadNonEmptyText(file_, *name, "name", diag_)) stakeholder.name = *text;
      }
      if (const YamlNode* group = reader.Required("group")) {
        if (auto text = ReadText(file_, *group, "group", diag_)) {
          if (rubric_ && !Contains(rubric_->stakeholder_groups, *text)) {
            file_.Error(diag_, *group,
                        fmt::format("unknown stakeholder group '{}'{}", *text,
                                    Suggest(*text, rubric_->stakeholder_groups)),
                        fmt::format("groups: {}", fmt::join(rubric_->stakeholder_groups, ", ")));
          }
          stakeholder.group = *text;
        }
      }
      reader.Finish();
      if (!stakeholder.id.empty()) {
        stakeholder_ids_.push_back(stakeholder.id);
        assessment_.stakeholders.push_back(stakeholder);
      }
    }
  }

  const Domain* PerServiceDomain() const {
    if (!rubric_) return nullptr;
    for (const Domain& domain : rubric_->domains) {
      if (domain.per_service) return &domain;
    }
    return nullptr;
  }

  void ReadServices(const YamlNode& node) {
    if (!ExpectList(file_, node, "services", false, diag_)) return;
    const Domain* domain = PerServiceDomain();
    if (rubric_ && domain == nullptr) {
      file_.Error(diag_, node,
                  fmt::format("rubric '{}' has no domain rated per service", rubric_->id),
                  "rate every outcome under 'outcomes' instead");
      return;
    }
    if (node.items.size() > kMaxServices) {
      file_.Error(diag_, node,
                  fmt::format("{} services; the limit is {}", node.items.size(), kMaxServices));
      return;
    }
    services_given_ = true;
    std::map<std::string, int> seen;
    for (const YamlNode& item : node.items) {
      MappingReader reader(file_, item, diag_, "a service", {"id", "name", "outcomes"});
      if (!reader.ok()) continue;
      Service service;
      if (const YamlNode* id = reader.Required("id")) {
        if (auto text = ReadNonEmptyText(file_, *id, "id", diag_)) {
          if (!IsSlug(*text)) {
            file_.Error(diag_, *id,
                        fmt::format("service id '{}' must use only a-z, 0-9 and '-'", *text),
                        "for example nhs-111");
          } else if (auto [it, fresh] = seen.emplace(*text, id->line); !fresh) {
            file_.Error(diag_, *id,
                        fmt::format("service id '{}' is declared twice (first on line {})",
                                    *text, it->second));
          } else {
            service.id = *text;
          }
        }
      }
      if (const YamlNode* name = reader.Required("name")) {
        if (auto text = ReadNonEmptyText(file_, *name, "name", diag_)) service.name = *text;
      }
      assessment_.services.push_back(service);
      if (const YamlNode* outcomes = reader.Optional("outcomes")) {
        if (!outcomes->IsNull()) {
          ReadOutcomeMap(*outcomes, assessment_.services.back().id,
                         &assessment_.services.back().outcomes, /*in_service=*/true);
        }
      }
      reader.Finish();
      if (service.id.empty()) assessment_.services.pop_back();
      else service_ids_.push_back(service.id);
    }
  }

  void ReadOutcomes(const YamlNode& node) {
    if (node.IsNull()) return;  // `outcomes:` alone: nothing rated yet
    ReadOutcomeMap(node, "", &assessment_.outcomes, /*in_service=*/false);
  }

  // Reads `outcome id -> entry` for one service ("" for the organisation).
  void ReadOutcomeMap(const YamlNode& node, const std::string& service,
                      std::map<std::string, OutcomeEntry>* out, bool in_service) {
    if (!node.IsMapping()) {
      file_.Error(diag_, node,
                  fmt::format("'outcomes' must map outcome ids (such as 2A) to "
                              "their ratings, not {}",
                              KindName(node)));
      return;
    }
    for (const auto& [key, value] : node.entries) {
      if (!rubric_) continue;
      if (!CheckOutcomeId(key, key.text, in_service)) continue;
      OutcomeEntry& entry = (*out)[key.text];
      entry.outcome_id = key.text;
      ReadOutcomeEntry(value, service, key.text, &entry);
    }
  }

  // Reports an outcome id that the rubric lacks or that belongs elsewhere.
  bool CheckOutcomeId(const YamlNode& where, const std::string& id, bool in_service) {
    const Domain* domain = rubric_->DomainOf(id);
    if (domain == nullptr) {
      file_.Error(diag_, where,
                  fmt::format("unknown outcome '{}'{}", QuoteInput(id),
                              Suggest(id, rubric_->OutcomeIds())),
                  fmt::format("rubric '{}' has the outcomes {}", rubric_->id,
                              fmt::join(rubric_->OutcomeIds(), ", ")));
      return false;
    }
    if (in_service && !domain->per_service) {
      file_.Error(diag_, where,
                  fmt::format("outcome {} is not rated per service", id),
                  fmt::format("only domain {} ({}) is rated per service; move "
                              "{} under the top-level 'outcomes'",
                              PerServiceDomain()->id, PerServiceDomain()->name, id));
      return false;
    }
    if (!in_service && domain->per_service && services_given_) {
      file_.Error(diag_, where,
                  fmt::format("outcome {} is rated per service in this file", id),
                  "give domain " + domain->id +
                      " either under each service or under 'outcomes', not both");
      return false;
    }
    return true;
  }

  void ReadOutcomeEntry(const YamlNode& node, const std::string& service,
                        const std::string& outcome_id, OutcomeEntry* entry) {
    if (node.IsNull()) return;  // an unrated outcome, as `init` writes it
    MappingReader reader(file_, node, diag_, "outcome " + outcome_id, kOutcomeKeys);
    if (!reader.ok()) return;
    if (const YamlNode* ratings = reader.Optional("ratings")) {
      if (ratings->IsMapping()) {
        for (const auto& [who, score] : ratings->entries) {
          AddRating(service, outcome_id, who, score, entry);
        }
      } else if (!ratings->IsNull()) {
        file_.Error(diag_, *ratings,
                    fmt::format("'ratings' must map stakeholder ids to scores, not {}",
                                KindName(*ratings)),
                    "for example: ratings: {patients-forum: 2, staff-networks: 1}");
      }
    }
    if (const YamlNode* agreed = reader.Optional("agreed")) {
      if (auto text = ReadText(file_, *agreed, "agreed", diag_)) {
        if (auto points = ParseScore(*text, *agreed)) entry->agreed = *points;
      }
    }
    if (const YamlNode* evidence = reader.Optional("evidence")) {
      if (ExpectList(file_, *evidence, "evidence", false, diag_)) {
        for (const YamlNode& item : evidence->items) ReadEvidence(item, entry);
      }
    }
    if (const YamlNode* notes = reader.Optional("notes")) {
      if (auto text = ReadText(file_, *notes, "notes", diag_)) entry->notes = *text;
    }
    if (const YamlNode* actions = reader.Optional("actions")) {
      if (ExpectList(file_, *actions, "actions", false, diag_)) {
        for (const YamlNode& item : actions->items) ReadAction(item, entry);
      }
    }
    reader.Finish();
  }

  void ReadEvidence(const YamlNode& node, OutcomeEntry* entry) {
    MappingReader reader(file_, node, diag_, "an evidence item", {"title", "link"});
    if (!reader.ok()) return;
    Evidence evidence;
    if (const YamlNode* title = reader.Required("title")) {
      if (auto text = ReadNonEmptyText(file_, *title, "title", diag_)) evidence.title = *text;
    }
    if (const YamlNode* link = reader.Optional("link")) {
      if (auto text = ReadNonEmptyText(file_, *link, "link", diag_)) evidence.link = *text;
    }
    reader.Finish();
    if (!WithinLimit(&evidence_count_, "evidence items", file_.Where(node),
                     [&] { return file_.Line(node.line); })) {
      return;
    }
    entry->evidence.push_back(evidence);
  }

  void ReadAction(const YamlNode& node, OutcomeEntry* entry) {
    MappingReader reader(file_, node, diag_, "an action", {"action", "owner", "due"});
    if (!reader.ok()) return;
    Action action;
    if (const YamlNode* what = reader.Required("action")) {
      if (auto text = ReadNonEmptyText(file_, *what, "action", diag_)) action.action = *text;
    }
    ReadOptionalText(reader.Optional("owner"), "owner", &action.owner);
    ReadDate(reader.Optional("due"), "due", &action.due);
    reader.Finish();
    if (!WithinLimit(&action_count_, "actions", file_.Where(node),
                     [&] { return file_.Line(node.line); })) {
      return;
    }
    entry->actions.push_back(action);
  }

  // A score as SPEC §3 allows: a level's digit, or its name or alias.
  std::optional<int> ParseScore(const std::string& text, const YamlNode& where) {
    std::optional<int> points = rubric_->ParseRating(text);
    if (!points) {
      file_.Error(diag_, where, ScoreProblem(text), ScoreHint());
    }
    return points;
  }

  std::string ScoreProblem(const std::string& text) const {
    if (text.empty()) return "a score must not be empty";
    // Only level names are suggested: '4' is not a typo of '0'.
    std::vector<std::string> names;
    for (const std::string& word : rubric_->RatingWords()) {
      if (!ParseWholeNumber(word)) names.push_back(word);
    }
    return fmt::format("'{}' is not a score{}", QuoteInput(text), Suggest(text, names));
  }

  std::string ScoreHint() const {
    std::vector<std::string> words;
    for (const Level& level : rubric_->levels) {
      words.push_back(fmt::format("{} ({})", level.points, level.name));
    }
    return fmt::format("a score is one of {}", fmt::join(words, ", "));
  }

  // `who` is the rating's key in a YAML `ratings` mapping. Its line is copied
  // only for a message: a file may hold a million ratings on long lines.
  void AddRating(const std::string& service, const std::string& outcome_id,
                 const YamlNode& who, const YamlNode& score,
                 OutcomeEntry* entry) {
    const std::string& stakeholder = who.text;
    const SourceLocation where = file_.Where(who);
    const auto line = [&] { return file_.Line(who.line); };
    any_rating_ = true;
    bool ok = true;
    if (stakeholders_node_ != nullptr && !Contains(stakeholder_ids_, stakeholder)) {
      diag_.Error(where,
                  fmt::format("unknown stakeholder '{}'{}", QuoteInput(stakeholder),
                              Suggest(stakeholder, stakeholder_ids_)),
                  "every rating names a stakeholder declared under 'stakeholders'",
                  line());
      ok = false;
    }
    std::optional<int> points;
    if (!score.IsScalar()) {
      file_.Error(diag_, score,
                  score.IsNull() ? "a rating must not be empty"
                                 : fmt::format("a rating must be a score, not {}", KindName(score)),
                  ScoreHint());
    } else {
      points = ParseScore(score.text, score);
    }
    if (!ok || !points) return;
    Record(service, outcome_id, stakeholder, *points, "", where, line, entry);
  }

  // Keeps a rating after checking it was not given before. `line` gives the
  // source line to quote, called only when there is a problem.
  void Record(const std::string& service, const std::string& outcome_id,
              const std::string& stakeholder, int points, std::string comment,
              const SourceLocation& where,
              const std::function<std::string()>& line, OutcomeEntry* entry) {
    const std::string key = service + '\n' + outcome_id + '\n' + stakeholder;
    auto [it, fresh] = rating_places_.emplace(key, where);
    if (!fresh) {
      diag_.Error(where,
                  fmt::format("stakeholder '{}' rates {}{} twice: here and at {}",
                              stakeholder, outcome_id,
                              service.empty() ? "" : " for service '" + service + "'",
                              Describe(it->second)),
                  "keep one rating per stakeholder and outcome", line());
      return;
    }
    if (!WithinLimit(&rating_count_, "ratings", where, line)) return;
    entry->ratings.push_back(Rating{stakeholder, points, std::move(comment), where});
  }

  // Counts one more item of a kind (ratings, evidence items, actions) that
  // becomes a row of a workbook sheet; past kMaxItemsPerAssessment reports
  // it once, where the limit is crossed, and returns false.
  bool WithinLimit(std::size_t* count, const char* what,
                   const SourceLocation& where,
                   const std::function<std::string()>& line) {
    if (++*count <= kMaxItemsPerAssessment) return true;
    if (*count == kMaxItemsPerAssessment + 1) {
      diag_.Error(where,
                  fmt::format("more than {} {} in one assessment",
                              kMaxItemsPerAssessment, what),
                  "", line());
    }
    return false;
  }

  // True when the file the assessment names at `node` (`written` there,
  // opened as `full`) lies inside the folder it may read from, or when that
  // is not asked for. Otherwise reports it, with one message whether the
  // file outside exists or not, and returns false.
  bool MayRead(const YamlNode& node, const std::string& written,
               const std::string& full, const char* what) {
    if (options_.allow_outside_paths) return true;
    const std::string folder =
        options_.folder.empty() ? DirName(file_.file()) : options_.folder;
    if (Locate(fs_, written, full, folder) != Containment::kOutside) {
      return true;
    }
    file_.Error(diag_, node,
                fmt::format("{} '{}' is not a file inside the folder '{}'",
                            what, QuoteInput(written),
                            folder.empty() ? "." : folder),
                "files named by an assessment must be in that folder or "
                "below it, links included; --allow-outside-paths reads them "
                "from anywhere");
    return false;
  }

  void ReadCsvList(const YamlNode& node) {
    std::vector<const YamlNode*> paths;
    if (node.IsScalar()) {
      paths.push_back(&node);
    } else if (ExpectList(file_, node, "ratings_csv", false, diag_)) {
      if (node.items.size() > kMaxCsvFiles) {
        file_.Error(diag_, node, fmt::format("more than {} CSV files", kMaxCsvFiles));
        return;
      }
      for (const YamlNode& item : node.items) paths.push_back(&item);
    }
    for (const YamlNode* path_node : paths) {
      auto path = ReadNonEmptyText(file_, *path_node, "ratings_csv", diag_);
      if (!path) continue;
      assessment_.ratings_csv.push_back(*path);
      const std::string full = JoinPath(DirName(file_.file()), *path);
      const std::string normal =
          std::filesystem::path(full).lexically_normal().string();
      if (auto [it, fresh] = csv_paths_.emplace(normal, path_node->line); !fresh) {
        file_.Error(diag_, *path_node,
                    fmt::format("ratings CSV '{}' is listed twice (first on line {})",
                                *path, it->second),
                    "list each CSV file once");
        continue;
      }
      if (!MayRead(*path_node, *path, full, "ratings CSV")) continue;
      // Read once, however many links name it.
      const std::string identity = fs_.FileIdentity(full);
      if (!identity.empty()) {
        if (auto [it, fresh] = csv_files_.emplace(identity, path_node->line);
            !fresh) {
          file_.Error(diag_, *path_node,
                      fmt::format("ratings CSV '{}' is the file listed on "
                                  "line {} under another name",
                                  QuoteInput(*path), it->second),
                      "list each CSV file once");
          continue;
        }
      }
      // Past the limit, the rest are not read: the error was given once.
      if (csv_bytes_ > kMaxCsvBytesPerAssessment) continue;
      std::string text;
      Status status = fs_.ReadFile(full, &text);
      csv_bytes_ += text.size();
      if (csv_bytes_ > kMaxCsvBytesPerAssessment) {
        file_.Error(diag_, *path_node,
                    fmt::format("the ratings CSV files up to this one hold "
                                "more than {} bytes (10 MiB) together, the "
                                "limit for one assessment",
                                kMaxCsvBytesPerAssessment),
                    "split the assessment, or remove what is not ratings");
        continue;
      }
      if (!status.ok()) {
        const std::string& message = status.message();
        file_.Error(diag_, *path_node,
                    fmt::format("cannot read ratings CSV '{}': {}", full,
                                message.substr(message.rfind(": ") + 2)),
                    path->front() == '/'
                        ? ""
                        : "a CSV path is relative to the assessment file's folder");
        continue;
      }
      if (rubric_) ReadCsv(text, full);
    }
  }

  void ReadCsv(const std::string& text, const std::string& path) {
    // A syntax error ends the parse; the rows before it are still checked so
    // that one run reports as much as it can.
    std::vector<CsvRecord> records;
    const bool parsed = ParseCsv(text, path, diag_, &records);
    if (records.empty()) {
      if (!parsed) return;
      diag_.Error({path, 1, 1}, "the CSV file has no header row",
                  "the first row names the columns: service,outcome,stakeholder,score,comment");
      return;
    }
    const TextLines lines(text);
    // Column positions by name, from the header.
    std::map<std::string, std::size_t> column;
    const CsvRecord& header = records.front();
    bool header_ok = true;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const std::string name = LowerTrimmed(header.fields[i].text);
      const SourceLocation where{path, header.line, header.fields[i].column};
      if (!Contains(kCsvColumns, name)) {
        diag_.Error(where,
                    fmt::format("unknown column '{}'{}", QuoteInput(header.fields[i].text),
                                Suggest(name, kCsvColumns)),
                    "the columns are service, outcome, stakeholder, score and optionally comment",
                    lines.Line(header.line));
        header_ok = false;
      } else if (!column.emplace(name, i).second) {
        diag_.Error(where, fmt::format("column '{}' is named twice", name), "",
                    lines.Line(header.line));
        header_ok = false;
      }
    }
    for (const char* required : {"service", "outcome", "stakeholder", "score"}) {
      if (column.count(required) == 0) {
        diag_.Error({path, header.line, 1},
                    fmt::format("the header has no '{}' column", required),
                    "the first row names the columns: service,outcome,stakeholder,score,comment",
                    lines.Line(header.line));
        header_ok = false;
      }
    }
    if (!header_ok) return;
    for (std::size_t r = 1; r < records.size(); ++r) {
      ReadCsvRow(records[r], header.fields.size(), column, path, lines);
    }
  }

  void ReadCsvRow(const CsvRecord& row, std::size_t width,
                  const std::map<std::string, std::size_t>& column,
                  const std::string& path, const TextLines& lines) {
    // A line of spaces is as blank as an empty one (SPEC §3: blank lines
    // are ignored).
    if (row.fields.size() == 1 &&
        row.fields[0].text.find_first_not_of(" \t") == std::string::npos) {
      return;
    }
    const std::string line_text = lines.Line(row.line);
    if (row.fields.size() != width) {
      diag_.Error({path, row.line, 1},
                  fmt::format("this row has {} field{}; the header has {}",
                              row.fields.size(),
                              row.fields.size() == 1 ? "" : "s", width),
                  "quote a field that holds a comma", line_text);
      return;
    }
    const auto field = [&](const char* name) -> const CsvField& {
      return row.fields[column.at(name)];
    };
    const auto where = [&](const CsvField& f) {
      return SourceLocation{path, row.line, f.column};
    };
    const CsvField& service = field("service");
    const CsvField& outcome = field("outcome");
    const CsvField& stakeholder = field("stakeholder");
    const CsvField& score = field("score");
    bool ok = true;
    any_rating_ = true;

    const Domain* domain = rubric_->DomainOf(outcome.text);
    if (domain == nullptr) {
      diag_.Error(where(outcome),
                  fmt::format("unknown outcome '{}'{}", QuoteInput(outcome.text),
                              Suggest(outcome.text, rubric_->OutcomeIds())),
                  "", line_text);
      ok = false;
    }
    Service* target_service = nullptr;
    if (!service.text.empty()) {
      auto it = std::find_if(assessment_.services.begin(), assessment_.services.end(),
                             [&](const Service& s) { return s.id == service.text; });
      if (it == assessment_.services.end()) {
        diag_.Error(where(service),
                    fmt::format("unknown service '{}'{}", QuoteInput(service.text),
                                Suggest(service.text, service_ids_)),
                    service_ids_.empty() ? "this assessment declares no services; leave the column empty"
                                         : "a service must be declared under 'services' in the YAML",
                    line_text);
        ok = false;
      } else if (domain != nullptr && !domain->per_service) {
        diag_.Error(where(service),
                    fmt::format("outcome {} is not rated per service; leave 'service' empty",
                                outcome.text),
                    "", line_text);
        ok = false;
      } else {
        target_service = &*it;
      }
    } else if (domain != nullptr && domain->per_service && services_given_) {
      diag_.Error(where(service),
                  fmt::format("outcome {} is rated per service in this assessment; name the service",
                              outcome.text),
                  fmt::format("services: {}", fmt::join(service_ids_, ", ")), line_text);
      ok = false;
    }
    if (stakeholders_node_ != nullptr && !Contains(stakeholder_ids_, stakeholder.text)) {
      diag_.Error(where(stakeholder),
                  fmt::format("unknown stakeholder '{}'{}", QuoteInput(stakeholder.text),
                              Suggest(stakeholder.text, stakeholder_ids_)),
                  "every rating names a stakeholder declared under 'stakeholders'",
                  line_text);
      ok = false;
    }
    std::optional<int> points = rubric_->ParseRating(score.text);
    if (!points) {
      diag_.Error(where(score), ScoreProblem(score.text), ScoreHint(), line_text);
      ok = false;
    }
    if (!ok) return;
    std::map<std::string, OutcomeEntry>& outcomes =
        target_service ? target_service->outcomes : assessment_.outcomes;
    OutcomeEntry& entry = outcomes[outcome.text];
    entry.outcome_id = outcome.text;
    const auto comment = column.find("comment");
    Record(service.text, outcome.text, stakeholder.text, *points,
           comment == column.end() ? "" : row.fields[comment->second].text,
           where(stakeholder), [&] { return line_text; }, &entry);
  }

  void CheckRatingsHaveStakeholders() {
    if (any_rating_ && stakeholders_node_ == nullptr) {
      file_.Error(diag_, file_.root(),
                  "the assessment has ratings but no 'stakeholders' list",
                  "declare who rates under 'stakeholders' (id, name, group)");
    }
  }

  // The "did you mean" part of a message. Past the error cap a message is
  // only counted, never shown, so the search (the costly part of an error,
  // and a hostile file can hold a million errors) is skipped.
  std::string Suggest(const std::string& word,
                      const std::vector<std::string>& candidates) const {
    if (diag_.error_count() >= Diagnostics::kMaxErrors) return "";
    return DidYouMean(word, candidates);
  }

  static bool Contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
  }

  const YamlFile& file_;
  FileSystem& fs_;
  Diagnostics& diag_;
  const LoadOptions& options_;
  Assessment assessment_;
  std::optional<Rubric> rubric_;
  const YamlNode* stakeholders_node_ = nullptr;
  std::vector<std::string> stakeholder_ids_;
  std::vector<std::string> service_ids_;
  bool services_given_ = false;
  bool any_rating_ = false;
  std::map<std::string, SourceLocation> rating_places_;
  std::size_t rating_count_ = 0;
  std::size_t evidence_count_ = 0;
  std::size_t action_count_ = 0;
  // Each ratings CSV read, by its normalised path, with the line naming it.
  std::map<std::string, int> csv_paths_;
  std::map<std::string, int> csv_files_;  // by FileSystem::FileIdentity
  std::size_t csv_bytes_ = 0;             // read for this assessment
};

}  // namespace

const Stakeholder* Assessment::FindStakeholder(const std::string& id) const {
  for (const Stakeholder& stakeholder : stakeholders) {
    if (stakeholder.id == id) return &stakeholder;
  }
  return nullptr;
}

std::string Assessment::Identity() const {
  return organisation.code.empty() ? organisation.name : organisation.code;
}

std::optional<LoadedAssessment> ReadAssessment(const YamlFile& yaml,
                                               FileSystem& fs,
                                               Diagnostics& diag,
                                               const LoadOptions& options) {
  return AssessmentReader(yaml, fs, diag, options).Read();
}

std::optional<LoadedAssessment> ParseAssessment(const std::string& text,
                                                const std::string& path,
                                                FileSystem& fs,
                                                Diagnostics& diag,
                                                const LoadOptions& options) {
  std::optional<YamlFile> yaml = YamlFile::Parse(text, path, diag);
  if (!yaml) return std::nullopt;
  return ReadAssessment(*yaml, fs, diag, options);
}

std::optional<LoadedAssessment> LoadAssessment(const std::string& path,
                                               FileSystem& fs,
                                               Diagnostics& diag,
                                               Status* status,
                                               const LoadOptions& options) {
  std::string text;
  Status read = fs.ReadFile(path, &text);
  if (!read.ok()) {
    // The message already names the file; it has no line to point at.
    const std::string& message = read.message();
    const std::size_t cut = message.find(": error: ");
    diag.Error({path, 0, 0}, cut == std::string::npos ? message : message.substr(cut + 9));
    *status = read;
    return std::nullopt;
  }
  std::optional<LoadedAssessment> loaded =
      ParseAssessment(text, path, fs, diag, options);
  *status = loaded ? Status::Ok()
                   : Status::InvalidInput(fmt::format("{}: invalid assessment", path));
  return loaded;
}

}  // namespace eds
