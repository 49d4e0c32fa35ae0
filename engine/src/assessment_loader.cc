#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "assessment_reader.h"
#include "eds/assessment.h"
#include "eds/limits.h"
#include "eds/score_sheet_cache.h"
#include "eds/text.h"
#include "eds/unicode.h"
#include "rating_checker.h"
#include "score_sheet_reader.h"
#include "text_checks.h"
#include "yaml_reader.h"
#include "yaml_tree.h"

namespace eds {
namespace {

const std::vector<std::string> kTopKeys = {
    "eds3",       "rubric",     "organisation", "year",        "completed",
    "lead",       "sponsor",    "partners",     "engagement",  "published",
    "authorised", "review_due", "reviewers",    "policy",      "stakeholders",
    "services",   "outcomes",   "ratings_csv",  "score_sheets"};
const std::vector<std::string> kOutcomeKeys = {"ratings", "agreed", "evidence",
                                               "notes", "actions"};
std::string AsciiUpper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// The reporting year that holds today (UTC), by its first year.
int TodaysReportingYearStart() {
  const std::time_t now = std::time(nullptr);
  std::tm today{};
  gmtime_r(&now, &today);
  return ReportingYearStart(today.tm_year + 1900, today.tm_mon + 1);
}

// "2027/28" for 2027.
std::string AcademicYearOf(int start) {
  return fmt::format("{}/{:02}", start, (start + 1) % 100);
}

// Reads one assessment file: first the structure, then (once the rubric is
// known) everything that depends on it. Every problem goes to `diag_`.
class AssessmentReader {
 public:
  AssessmentReader(const YamlFile& file, FileSystem& fs, Diagnostics& diag,
                   const LoadOptions& options)
      : file_(file), fs_(fs), diag_(diag), options_(options) {
    context_.assessment = &assessment_;
  }

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

    if (const YamlNode* version = top.Required("eds3"))
      ReadFormatVersion(*version);
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
    if (const YamlNode* engagement = top.Optional("engagement"))
      ReadEngagement(*engagement);
    if (const YamlNode* reviewers = top.Optional("reviewers"))
      ReadReviewers(*reviewers);
    assessment_.policy = rubric_ ? rubric_->default_policy : Policy{};
    if (const YamlNode* policy = top.Optional("policy")) {
      ReadPolicy(file_, *policy, diag_, &assessment_.policy);
    }
    context_.rubric = rubric_ ? &*rubric_ : nullptr;
    stakeholders_node_ = top.Optional("stakeholders");
    context_.stakeholders_declared = stakeholders_node_ != nullptr;
    if (stakeholders_node_) ReadStakeholders(*stakeholders_node_);
    if (const YamlNode* services = top.Optional("services"))
      ReadServices(*services);
    if (const YamlNode* outcomes = top.Optional("outcomes"))
      ReadOutcomes(*outcomes);
    const YamlNode* sheets = top.Optional("score_sheets");
    const YamlNode* csv = top.Optional("ratings_csv");
    if (sheets != nullptr && csv != nullptr) {
      const YamlNode& later = sheets->line > csv->line ? *sheets : *csv;
      file_.Error(
          diag_, later, "give 'score_sheets' or 'ratings_csv', not both",
          "'ratings_csv' is the older name of 'score_sheets'; list every "
          "sheet under 'score_sheets'");
    } else if (sheets != nullptr) {
      ReadScoreSheets(*sheets, "score_sheets");
    } else if (csv != nullptr) {
      ReadScoreSheets(*csv, "ratings_csv");
    }
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
    MappingReader reader(file_, node, diag_, "organisation",
                         {"name", "code", "system"});
    if (!reader.ok()) return;
    if (const YamlNode* name = reader.Required("name")) {
      if (auto text = ReadIdentityText(*name, "name")) {
        assessment_.organisation.name = *text;
      }
    }
    if (const YamlNode* code = reader.Optional("code")) ReadCode(*code);
    if (const YamlNode* system = reader.Optional("system")) {
      if (auto text = ReadIdentityText(*system, "system")) {
        assessment_.organisation.system = *text;
      }
    }
    reader.Finish();
  }

  // A name, code or system name: non-empty text without an invisible or
  // bidirectional character, which would let two organisations that look
  // the same differ, or reorder what a reader is shown.
  std::optional<std::string> ReadIdentityText(const YamlNode& node,
                                              const char* key) {
    auto text = ReadNonEmptyText(file_, node, key, diag_);
    if (!text) return std::nullopt;
    if (const auto hidden = FindHiddenCharacter(*text)) {
      file_.Error(diag_, node,
                  fmt::format("organisation {} '{}' holds {}, a character "
                              "that is invisible or reorders text",
                              key, *text, hidden->name),
                  "type it again without that character");
      return std::nullopt;
    }
    return text;
  }

  // An ODS code: 3 to 5 ASCII letters and digits; lower case is read as
  // upper case, with a warning, so that `rv9` and `RV9` are one organisation.
  void ReadCode(const YamlNode& node) {
    auto text = ReadIdentityText(node, "code");
    if (!text) return;
    if (!IsOdsCodeForm(*text)) {
      const std::string compatible = NormaliseNfkc(*text);
      std::string hint =
          "an ODS code is 3 to 5 letters and digits, such as RXX or RX9";
      if (IsOdsCodeForm(compatible)) {
        hint = fmt::format(
            "it holds full-width or other look-alike characters; write '{}'",
            AsciiUpper(compatible));
      } else if (std::any_of(text->begin(), text->end(), [](char c) {
                   return (static_cast<unsigned char>(c) & 0x80) != 0;
                 })) {
        hint =
            "it holds a character that is not an ASCII letter or digit, such "
            "as a Cyrillic or Greek letter that looks like a Latin one";
      }
      file_.Error(diag_, node,
                  fmt::format("organisation code '{}' is not an ODS code: 3 "
                              "to 5 ASCII letters and digits",
                              *text),
                  hint);
      return;
    }
    const std::string upper = AsciiUpper(*text);
    if (upper != *text) {
      diag_.Warning(
          file_.Where(node),
          fmt::format("organisation code '{}' is read as '{}'", *text, upper),
          "ODS codes are written in capitals; codes match whatever "
          "their case",
          file_.Line(node.line));
    }
    assessment_.organisation.code = upper;
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
    // A year beyond the next would sort after every honest file and take
    // over an organisation's latest row; the one use of today's date.
    const int current = TodaysReportingYearStart();
    if (std::stoi(text->substr(0, 4)) > current + 1) {
      file_.Error(
          diag_, node,
          fmt::format("year '{}' is after {}, the reporting year after the "
                      "current one",
                      *text, AcademicYearOf(current + 1)),
          fmt::format("today is in the reporting year {} (April to March); "
                      "check the year",
                      AcademicYearOf(current)));
      return;
    }
    assessment_.year = *text;
    assessment_.year_where = file_.Where(node);
  }

  void ReadDate(const YamlNode* node, const char* key,
                std::optional<Date>* out) {
    if (node == nullptr) return;
    auto text = ReadText(file_, *node, key, diag_);
    if (!text) return;
    if (auto date = Date::Parse(*text)) {
      *out = date;
      return;
    }
    if (IsDateShaped(*text)) {
      file_.Error(diag_, *node,
                  fmt::format("'{}' is '{}', a day that is not in the calendar",
                              key, *text),
                  "check the day of the month");
      return;
    }
    file_.Error(diag_, *node,
                fmt::format("'{}' must be a date written YYYY-MM-DD, not '{}'",
                            key, *text),
                "for example 2025-02-14");
  }

  void ReadPublished(const YamlNode* node) {
    if (node == nullptr) return;
    auto text = ReadText(file_, *node, "published", diag_);
    if (!text) return;
    if (!IsYearMonth(*text)) {
      file_.Error(
          diag_, *node,
          fmt::format("'published' must be a month written YYYY-MM, not '{}'",
                      *text),
          "for example 2025-03");
      return;
    }
    assessment_.published = *text;
  }

  void ReadOptionalText(const YamlNode* node, const char* key,
                        std::string* out) {
    if (node == nullptr) return;
    if (auto text = ReadNonEmptyText(file_, *node, key, diag_)) *out = *text;
  }

  void ReadEngagement(const YamlNode& node) {
    if (!ExpectList(file_, node, "engagement", false, diag_)) return;
    for (const YamlNode& item : node.items) {
      std::optional<Date> date;
      ReadDate(&item, "engagement", &date);
      if (date) assessment_.engagement.push_back(*date);
    }
  }

  void ReadReviewers(const YamlNode& node) {
    if (!ExpectList(file_, node, "reviewers", false, diag_)) return;
    for (const YamlNode& item : node.items) {
      MappingReader reader(file_, item, diag_, "a reviewer", {"name", "role"});
      if (!reader.ok()) continue;
      Reviewer reviewer;
      if (const YamlNode* name = reader.Required("name")) {
        if (auto text = ReadNonEmptyText(file_, *name, "name", diag_))
          reviewer.name = *text;
      }
      if (const YamlNode* role = reader.Required("role")) {
        if (auto text = ReadText(file_, *role, "role", diag_)) {
          if (rubric_ && !Contains(rubric_->reviewer_roles, *text)) {
            file_.Error(diag_, *role,
                        fmt::format("unknown reviewer role '{}'{}", *text,
                                    Suggest(*text, rubric_->reviewer_roles)),
                        fmt::format("roles: {}",
                                    fmt::join(rubric_->reviewer_roles, ", ")));
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
                  fmt::format("{} stakeholders; the limit is {}",
                              node.items.size(), kMaxStakeholders));
      return;
    }
    std::map<std::string, int> seen;
    for (const YamlNode& item : node.items) {
      MappingReader reader(file_, item, diag_, "a stakeholder",
                           {"id", "name", "group"});
      if (!reader.ok()) continue;
      Stakeholder stakeholder;
      if (const YamlNode* id = reader.Required("id")) {
        if (auto text = ReadNonEmptyText(file_, *id, "id", diag_)) {
          if (!IsSlug(*text)) {
            file_.Error(
                diag_, *id,
                fmt::format(
                    "stakeholder id '{}' must use only a-z, 0-9 and '-'",
                    *text),
                "for example staff-networks");
          } else if (auto [it, fresh] = seen.emplace(*text, id->line); !fresh) {
            file_.Error(
                diag_, *id,
                fmt::format(
                    "stakeholder id '{}' is declared twice (first on line {})",
                    *text, it->second));
          } else {
            stakeholder.id = *text;
          }
        }
      }
      if (const YamlNode* name = reader.Required("name")) {
        if (auto text = ReadNonEmptyText(file_, *name, "name", diag_))
          stakeholder.name = *text;
      }
      if (const YamlNode* group = reader.Required("group")) {
        if (auto text = ReadText(file_, *group, "group", diag_)) {
          if (rubric_ && !Contains(rubric_->stakeholder_groups, *text)) {
            file_.Error(
                diag_, *group,
                fmt::format("unknown stakeholder group '{}'{}", *text,
                            Suggest(*text, rubric_->stakeholder_groups)),
                fmt::format("groups: {}",
                            fmt::join(rubric_->stakeholder_groups, ", ")));
          }
          stakeholder.group = *text;
        }
      }
      reader.Finish();
      if (!stakeholder.id.empty()) {
        context_.stakeholder_ids.push_back(stakeholder.id);
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
                  fmt::format("rubric '{}' has no domain rated per service",
                              rubric_->id),
                  "rate every outcome under 'outcomes' instead");
      return;
    }
    if (node.items.size() > kMaxServices) {
      file_.Error(diag_, node,
                  fmt::format("{} services; the limit is {}", node.items.size(),
                              kMaxServices));
      return;
    }
    context_.services_given = true;
    std::map<std::string, int> seen;
    for (const YamlNode& item : node.items) {
      MappingReader reader(file_, item, diag_, "a service",
                           {"id", "name", "outcomes"});
      if (!reader.ok()) continue;
      Service service;
      if (const YamlNode* id = reader.Required("id")) {
        if (auto text = ReadNonEmptyText(file_, *id, "id", diag_)) {
          if (!IsSlug(*text)) {
            file_.Error(
                diag_, *id,
                fmt::format("service id '{}' must use only a-z, 0-9 and '-'",
                            *text),
                "for example nhs-111");
          } else if (auto [it, fresh] = seen.emplace(*text, id->line); !fresh) {
            file_.Error(
                diag_, *id,
                fmt::format(
                    "service id '{}' is declared twice (first on line {})",
                    *text, it->second));
          } else {
            service.id = *text;
          }
        }
      }
      if (const YamlNode* name = reader.Required("name")) {
        if (auto text = ReadNonEmptyText(file_, *name, "name", diag_))
          service.name = *text;
      }
      assessment_.services.push_back(service);
      if (const YamlNode* outcomes = reader.Optional("outcomes")) {
        if (!outcomes->IsNull()) {
          ReadOutcomeMap(*outcomes, assessment_.services.back().id,
                         &assessment_.services.back().outcomes,
                         /*in_service=*/true);
        }
      }
      reader.Finish();
      if (service.id.empty())
        assessment_.services.pop_back();
      else
        context_.service_ids.push_back(service.id);
    }
  }

  void ReadOutcomes(const YamlNode& node) {
    if (node.IsNull()) return;  // `outcomes:` alone: nothing rated yet
    ReadOutcomeMap(node, "", &assessment_.outcomes, /*in_service=*/false);
  }

  // Reads `outcome id -> entry` for one service ("" for the organisation).
  void ReadOutcomeMap(const YamlNode& node, const std::string& service,
                      std::map<std::string, OutcomeEntry>* out,
                      bool in_service) {
    if (!node.IsMapping()) {
      file_.Error(diag_, node,
                  fmt::format("'outcomes' must map outcome ids (such as 2A) to "
                              "their ratings, not {}",
                              KindName(node)));
      return;
    }
    std::map<std::string, int> seen;  // outcome id -> its line
    for (const auto& [key, value] : node.entries) {
      if (!rubric_) continue;
      const RatingSpot spot = At(key);
      const auto [id, domain] =
          checker_.CheckOutcome(RatingSource::kYaml, key.text, spot);
      if (domain == nullptr ||
          !checker_.CheckPlacement(RatingSource::kYaml, *domain, id, in_service,
                                   spot)) {
        continue;
      }
      if (auto [it, fresh] = seen.emplace(id, key.line); !fresh) {
        file_.Error(diag_, key,
                    fmt::format("outcome {} is given twice (first on line {})",
                                id, it->second),
                    "outcome ids are read in any letter case; keep one entry");
        continue;
      }
      OutcomeEntry& entry = (*out)[id];
      entry.outcome_id = id;
      ReadOutcomeEntry(value, service, id, &entry);
    }
  }

  void ReadOutcomeEntry(const YamlNode& node, const std::string& service,
                        const std::string& outcome_id, OutcomeEntry* entry) {
    if (node.IsNull()) return;  // an unrated outcome, as `init` writes it
    if (node.IsScalar() && rubric_->ParseRating(node.text)) {
      // A bare score could be the agreed score or one stakeholder's rating.
      file_.Error(
          diag_, node,
          fmt::format("a bare score for outcome {0}; for the panel's agreed "
                      "score write '{0}: {{agreed: {1}}}'",
                      outcome_id, node.text),
          fmt::format("for one stakeholder's rating write '{}: {{ratings: "
                      "{{STAKEHOLDER: {}}}}}'",
                      outcome_id, node.text));
      return;
    }
    MappingReader reader(file_, node, diag_, "outcome " + outcome_id,
                         kOutcomeKeys);
    if (!reader.ok()) return;
    if (const YamlNode* ratings = reader.Optional("ratings")) {
      if (ratings->IsMapping()) {
        for (const auto& [who, score] : ratings->entries) {
          AddRating(service, outcome_id, who, score, entry);
        }
      } else if (!ratings->IsNull()) {
        file_.Error(
            diag_, *ratings,
            fmt::format("'ratings' must map stakeholder ids to scores, not {}",
                        KindName(*ratings)),
            "for example: ratings: {patients-forum: 2, staff-networks: 1}");
      }
    }
    if (const YamlNode* agreed = reader.Optional("agreed")) {
      if (auto text = ReadText(file_, *agreed, "agreed", diag_)) {
        if (auto points = checker_.ParseScore(*text, At(*agreed))) {
          entry->agreed = *points;
        }
      }
    }
    if (const YamlNode* evidence = reader.Optional("evidence")) {
      if (ExpectList(file_, *evidence, "evidence", false, diag_)) {
        for (const YamlNode& item : evidence->items) ReadEvidence(item, entry);
      }
    }
    if (const YamlNode* notes = reader.Optional("notes")) {
      if (auto text = ReadText(file_, *notes, "notes", diag_))
        entry->notes = *text;
    }
    if (const YamlNode* actions = reader.Optional("actions")) {
      if (ExpectList(file_, *actions, "actions", false, diag_)) {
        for (const YamlNode& item : actions->items) ReadAction(item, entry);
      }
    }
    reader.Finish();
  }

  void ReadEvidence(const YamlNode& node, OutcomeEntry* entry) {
    if (node.IsScalar()) {  // a plain item is the title
      if (auto text = ReadNonEmptyText(file_, node, "evidence", diag_)) {
        if (WithinLimit(&evidence_count_, "evidence items", file_.Where(node),
                        [&] { return file_.Line(node.line); })) {
          entry->evidence.push_back(Evidence{*text, ""});
        }
      }
      return;
    }
    MappingReader reader(file_, node, diag_, "an evidence item",
                         {"title", "link"});
    if (!reader.ok()) return;
    Evidence evidence;
    if (const YamlNode* title = reader.Required("title")) {
      if (auto text = ReadNonEmptyText(file_, *title, "title", diag_))
        evidence.title = *text;
    }
    if (const YamlNode* link = reader.Optional("link")) {
      if (auto text = ReadNonEmptyText(file_, *link, "link", diag_))
        evidence.link = *text;
    }
    reader.Finish();
    if (!WithinLimit(&evidence_count_, "evidence items", file_.Where(node),
                     [&] { return file_.Line(node.line); })) {
      return;
    }
    entry->evidence.push_back(evidence);
  }

  void ReadAction(const YamlNode& node, OutcomeEntry* entry) {
    if (node.IsScalar()) {  // a plain item is the action
      if (auto text = ReadNonEmptyText(file_, node, "action", diag_)) {
        if (WithinLimit(&action_count_, "actions", file_.Where(node),
                        [&] { return file_.Line(node.line); })) {
          entry->actions.push_back(Action{*text, "", std::nullopt});
        }
      }
      return;
    }
    MappingReader reader(file_, node, diag_, "an action",
                         {"action", "owner", "due"});
    if (!reader.ok()) return;
    Action action;
    if (const YamlNode* what = reader.Required("action")) {
      if (auto text = ReadNonEmptyText(file_, *what, "action", diag_))
        action.action = *text;
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

  // A YAML rating: the YAML front end of the checker. `who` is the rating's
  // key in a `ratings` mapping.
  void AddRating(const std::string& service, const std::string& outcome_id,
                 const YamlNode& who, const YamlNode& score,
                 OutcomeEntry* entry) {
    const RatingSpot spot = At(who);
    std::string stakeholder;
    bool ok = checker_.CheckStakeholder(who.text, spot, &stakeholder);
    std::optional<int> points;
    if (score.IsNull()) {
      file_.Error(diag_, score, "a rating must not be empty",
                  "leave the stakeholder out, or write 'not rated' if they did "
                  "not rate it");
    } else if (!score.IsScalar()) {
      file_.Error(
          diag_, score,
          fmt::format("a rating must be a score, not {}", KindName(score)),
          checker_.ScoreHint());
    } else {
      points =
          checker_.CheckScore(RatingSource::kYaml, score.text, At(score), &ok);
    }
    if (!ok || !points) return;
    checker_.Record(service, outcome_id, stakeholder, *points, "", spot, entry);
  }

  // A node's place, and its line to quote (copied only for a message).
  RatingSpot At(const YamlNode& node) const {
    return RatingSpot{file_.Where(node),
                      [this, line = node.line] { return file_.Line(line); }};
  }

  bool WithinLimit(std::size_t* count, const char* what,
                   const SourceLocation& where,
                   const std::function<std::string()>& line) {
    return WithinItemLimit(count, what, where, line, diag_);
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
    file_.Error(
        diag_, node,
        fmt::format("{} '{}' is not a file inside the folder '{}'", what,
                    QuoteInput(written), folder.empty() ? "." : folder),
        "files named by an assessment must be in that folder or "
        "below it, links included; --allow-outside-paths reads them "
        "from anywhere");
    return false;
  }

  // `score_sheets:` (or its older name `ratings_csv:`): one file or a list;
  // each a path, or a mapping naming the file, a sheet and a layout.
  void ReadScoreSheets(const YamlNode& node, const char* key) {
    std::vector<const YamlNode*> items;
    if (node.IsScalar() || node.IsMapping()) {
      items.push_back(&node);
    } else if (ExpectList(file_, node, key, false, diag_)) {
      if (node.items.size() > kMaxCsvFiles) {
        file_.Error(diag_, node,
                    fmt::format("more than {} score sheets", kMaxCsvFiles));
        return;
      }
      for (const YamlNode& item : node.items) items.push_back(&item);
    }
    for (const YamlNode* item : items) ReadScoreSheet(*item, key);
  }

  void ReadScoreSheet(const YamlNode& item, const char* key) {
    const YamlNode* path_node = &item;
    SheetRequest request;
    if (item.IsMapping()) {
      MappingReader reader(file_, item, diag_, "a score sheet",
                           {"file", "sheet", "layout"});
      path_node = reader.Required("file");
      if (const YamlNode* sheet = reader.Optional("sheet")) {
        if (auto text = ReadNonEmptyText(file_, *sheet, "sheet", diag_))
          request.sheet = *text;
      }
      if (const YamlNode* layout = reader.Optional("layout")) {
        if (auto text = ReadText(file_, *layout, "layout", diag_)) {
          if (*text == "wide") {
            request.layout = Layout::kWide;
          } else if (*text == "long") {
            request.layout = Layout::kLong;
          } else {
            file_.Error(diag_, *layout,
                        fmt::format("unknown layout '{}'", *text),
                        "'long' (one row per rating) or 'wide' (one row per "
                        "stakeholder, one column per outcome)");
          }
        }
      }
      reader.Finish();
      if (path_node == nullptr) return;
    }
    auto path = ReadNonEmptyText(file_, *path_node, key, diag_);
    if (!path) return;
    assessment_.ratings_csv.push_back(*path);
    const std::string full = JoinPath(DirName(file_.file()), *path);
    const std::string normal =
        std::filesystem::path(full).lexically_normal().string();
    if (auto [it, fresh] = sheet_paths_.emplace(normal, path_node->line);
        !fresh) {
      file_.Error(
          diag_, *path_node,
          fmt::format("score sheet '{}' is listed twice (first on line {})",
                      *path, it->second),
          "list each score sheet once");
      return;
    }
    const bool xlsx = EndsWithNoCase(*path, ".xlsx");
    if (!xlsx && !request.sheet.empty()) {
      file_.Error(
          diag_, *path_node,
          fmt::format(
              "'{}' is not a workbook (.xlsx); only a workbook has sheets",
              QuoteInput(*path)));
      return;
    }
    if (!MayRead(*path_node, *path, full,
                 std::string(key) == "ratings_csv" ? "ratings CSV"
                                                   : "score sheet")) {
      return;
    }
    // Read once, however many links name it.
    const std::string identity = fs_.FileIdentity(full);
    if (!identity.empty()) {
      if (auto [it, fresh] = sheet_files_.emplace(identity, path_node->line);
          !fresh) {
        file_.Error(
            diag_, *path_node,
            fmt::format("score sheet '{}' is the file listed on line {} "
                        "under another name",
                        QuoteInput(*path), it->second),
            "list each score sheet once");
        return;
      }
    }
    // Past the limit, the rest are not read: the error was given once.
    if (sheet_bytes_ > kMaxCsvBytesPerAssessment) return;
    const auto read = [&] { return ReadAndParseScoreSheet(fs_, full, xlsx); };
    const std::shared_ptr<const ParsedSheet> sheet =
        options_.score_sheets != nullptr && !identity.empty()
            ? options_.score_sheets->Get(identity + (xlsx ? "|xlsx" : "|csv"),
                                         read)
            : read();
    sheet_bytes_ += sheet->bytes;
    if (sheet_bytes_ > kMaxCsvBytesPerAssessment) {
      file_.Error(
          diag_, *path_node,
          fmt::format("the score sheets up to this one hold more than {} "
                      "bytes (10 MiB) together, the limit for one "
                      "assessment",
                      kMaxCsvBytesPerAssessment),
          "split the assessment, or remove what is not ratings");
      return;
    }
    if (!sheet->read.ok()) {
      file_.Error(diag_, *path_node,
                  fmt::format("cannot read {} '{}': {}",
                              xlsx ? "score sheet" : "ratings CSV", full,
                              sheet->read.message()),
                  path->front() == '/' ? ""
                                       : "a score sheet's path is relative to "
                                         "the assessment file's folder");
      return;
    }
    if (!rubric_) return;
    ReadScoreSheetRatings(*sheet, full, request, At(*path_node), context_,
                          checker_, diag_);
  }

  void CheckRatingsHaveStakeholders() {
    if (checker_.any_rating() && stakeholders_node_ == nullptr) {
      file_.Error(diag_, file_.root(),
                  "the assessment has ratings but no 'stakeholders' list",
                  "declare who rates under 'stakeholders' (id, name, group)");
    }
  }

  std::string Suggest(const std::string& word,
                      const std::vector<std::string>& candidates) const {
    return eds::Suggest(diag_, word, candidates);
  }

  static bool Contains(const std::vector<std::string>& list,
                       const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
  }

  const YamlFile& file_;
  FileSystem& fs_;
  Diagnostics& diag_;
  const LoadOptions& options_;
  Assessment assessment_;
  std::optional<Rubric> rubric_;
  const YamlNode* stakeholders_node_ = nullptr;
  // What ratings are checked against, filled as the file is read.
  RatingContext context_;
  RatingChecker checker_{context_, diag_};
  std::size_t evidence_count_ = 0;
  std::size_t action_count_ = 0;
  // Each score sheet read, by its normalised path, with the line naming it.
  std::map<std::string, int> sheet_paths_;
  std::map<std::string, int> sheet_files_;  // by FileSystem::FileIdentity
  std::size_t sheet_bytes_ = 0;             // read for this assessment
};

}  // namespace

const Stakeholder* Assessment::FindStakeholder(const std::string& id) const {
  for (const Stakeholder& stakeholder : stakeholders) {
    if (stakeholder.id == id) return &stakeholder;
  }
  return nullptr;
}

std::string Assessment::Identity() const {
  return organisation.code.empty() ? NormaliseNfkc(organisation.name)
                                   : organisation.code;
}

std::optional<LoadedAssessment> ReadAssessment(const YamlFile& yaml,
                                               FileSystem& fs,
                                               Diagnostics& diag,
                                               const LoadOptions& options) {
  // The checks run key by key; a reader fixes the file from the top down.
  Diagnostics found;
  std::optional<LoadedAssessment> loaded =
      AssessmentReader(yaml, fs, found, options).Read();
  found.SortByLocation();
  diag.Append(found);
  return loaded;
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
    diag.Add(ReadProblem(path, read));
    *status = read;
    return std::nullopt;
  }
  std::optional<LoadedAssessment> loaded =
      ParseAssessment(text, path, fs, diag, options);
  *status = loaded ? Status::Ok() : Status::InvalidInput("invalid assessment");
  return loaded;
}

}  // namespace eds
