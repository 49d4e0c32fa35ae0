#include <algorithm>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "assessment_reader.h"
#include "csv.h"
#include "eds/assessment.h"
#include "eds/limits.h"
#include "eds/unicode.h"
#include "parsed_sheet.h"
#include "text_checks.h"
#include "xlsx_reader.h"
#include "yaml_reader.h"
#include "yaml_tree.h"

namespace eds {
namespace {

const std::vector<std::string> kTopKeys = {
    "eds3",       "rubric",   "organisation", "year",       "completed",
    "lead",       "sponsor",  "partners",     "engagement", "published",
    "authorised", "review_due", "reviewers",  "policy",     "stakeholders",
    "services",   "outcomes", "ratings_csv", "score_sheets"};
const std::vector<std::string> kOutcomeKeys = {"ratings", "agreed", "evidence",
                                               "notes", "actions"};
const std::vector<std::string> kSheetColumns = {"service", "outcome",
                                                "stakeholder", "score", "comment"};
// Columns a score sheet may carry for the people filling it in (`init`
// writes them beside the ids); their contents are not read.
const std::vector<std::string> kNameColumns = {"service name", "outcome title",
                                               "stakeholder name"};

constexpr char kBlankScoreHint[] =
    "leave the row out, or write 'not rated' if the stakeholder did not rate it";

// How a score sheet is laid out: one row per rating (long), or one row per
// stakeholder and one column per outcome (wide, as Microsoft Forms exports).
enum class Layout { kDetect, kLong, kWide };

struct SheetRequest {
  std::string sheet;  // the workbook sheet named in the assessment, or ""
  Layout layout = Layout::kDetect;
};

std::string Upper(const std::string& text) {
  std::string out = text;
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t") == std::string::npos;
}

std::string LowerTrimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t");
  std::string out = text.substr(first, last - first + 1);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

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

// A column header as a name: lower case, trimmed, '_' read as a space.
std::string ColumnName(const std::string& header) {
  std::string name = LowerTrimmed(header);
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

// "not rated", in any case: a stakeholder who gave no rating, written down.
bool IsNotRated(const std::string& text) {
  // Measured before lowering: a long value is never "not rated".
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return false;
  const std::size_t last = text.find_last_not_of(" \t");
  return last - first + 1 == 9 && LowerTrimmed(text) == "not rated";
}

bool EndsWithIgnoringCase(const std::string& text, const std::string& ending) {
  return text.size() >= ending.size() &&
         LowerTrimmed(text.substr(text.size() - ending.size())) == ending;
}

std::string Describe(const SourceLocation& where) {
  if (where.line == 0) return where.file;
  if (where.column > 0) return fmt::format("{}:{}:{}", where.file, where.line, where.column);
  return fmt::format("{}:{}", where.file, where.line);
}

// Reads and parses the score sheet at `path` (a workbook when `xlsx`), its
// locations relative (ParsedSheet).
std::shared_ptr<const ParsedSheet> ReadAndParseSheet(FileSystem& fs,
                                                     const std::string& path,
                                                     bool xlsx) {
  auto sheet = std::make_shared<ParsedSheet>();
  sheet->xlsx = xlsx;
  std::string text;
  sheet->read = fs.ReadFile(path, &text);
  sheet->bytes = text.size();
  sheet->weight = sizeof(ParsedSheet) + sheet->read.message().size();
  if (!sheet->read.ok()) return sheet;
  const std::string& relative = Diagnostics::RelativeFile();
  if (xlsx) {
    sheet->parsed = ReadXlsx(text, relative, sheet->problems, &sheet->sheets);
    for (const XlsxSheet& one : sheet->sheets) {
      for (const XlsxRow& row : one.rows) {
        sheet->weight += sizeof(XlsxRow);
        for (const XlsxCell& cell : row.cells) {
          sheet->weight += sizeof(XlsxCell) + cell.text.capacity();
        }
      }
    }
  } else {
    sheet->parsed =
        ReadCsvTable(text, relative, sheet->problems, &sheet->table);
    for (const TableRow& row : sheet->table.rows) {
      sheet->weight += sizeof(TableRow) + row.line.capacity();
      for (const TableCell& cell : row.cells) {
        sheet->weight += sizeof(TableCell) + cell.text.capacity();
      }
    }
  }
  return sheet;
}

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
    const YamlNode* sheets = top.Optional("score_sheets");
    const YamlNode* csv = top.Optional("ratings_csv");
    if (sheets != nullptr && csv != nullptr) {
      const YamlNode& later = sheets->line > csv->line ? *sheets : *csv;
      file_.Error(diag_, later, "give 'score_sheets' or 'ratings_csv', not both",
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
    MappingReader reader(file_, node, diag_, "organisation", {"name", "code", "system"});
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
      diag_.Warning(file_.Where(node),
                    fmt::format("organisation code '{}' is read as '{}'",
                                *text, upper),
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
    std::map<std::string, int> seen;  // outcome id -> its line
    for (const auto& [key, value] : node.entries) {
      if (!rubric_) continue;
      const std::string id = OutcomeId(key.text);
      if (!CheckOutcomeId(key, id, in_service)) continue;
      if (auto [it, fresh] = seen.emplace(id, key.line); !fresh) {
        file_.Error(diag_, key,
                    fmt::format("outcome {} is given twice (first on line {})", id,
                                it->second),
                    "outcome ids are read in any letter case; keep one entry");
        continue;
      }
      OutcomeEntry& entry = (*out)[id];
      entry.outcome_id = id;
      ReadOutcomeEntry(value, service, id, &entry);
    }
  }

  // An outcome id as the rubric spells it, when `text` is one in another
  // letter case or with spaces around it ("2a" is 2A); else `text`.
  std::string OutcomeId(const std::string& text) const {
    if (rubric_->DomainOf(text) != nullptr) return text;
    std::string upper = Upper(text);
    const std::size_t first = upper.find_first_not_of(" \t");
    if (first == std::string::npos) return text;
    upper = upper.substr(first, upper.find_last_not_of(" \t") - first + 1);
    return rubric_->DomainOf(upper) != nullptr ? upper : text;
  }

  // The id of the stakeholder `text` names: a declared id, or (ignoring case
  // and spaces around it) a declared id or name that only one stakeholder
  // has. nullopt for none.
  std::optional<std::string> StakeholderId(const std::string& text) const {
    if (Contains(stakeholder_ids_, text)) return text;
    const std::string wanted = LowerTrimmed(text);
    if (Contains(stakeholder_ids_, wanted)) return wanted;
    std::optional<std::string> found;
    for (const Stakeholder& stakeholder : assessment_.stakeholders) {
      if (LowerTrimmed(stakeholder.name) != wanted) continue;
      if (found) return std::nullopt;
      found = stakeholder.id;
    }
    return found;
  }

  std::string UnknownStakeholder(const std::string& text) const {
    std::vector<std::string> names = stakeholder_ids_;
    for (const Stakeholder& stakeholder : assessment_.stakeholders) {
      names.push_back(stakeholder.name);
    }
    return fmt::format("unknown stakeholder '{}'{}", QuoteInput(text),
                       Suggest(text, names));
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
    if (node.IsScalar() && rubric_->ParseRating(node.text)) {
      // A bare score could be the agreed score or one stakeholder's rating.
      file_.Error(diag_, node,
                  fmt::format("a bare score for outcome {0}; for the panel's agreed "
                              "score write '{0}: {{agreed: {1}}}'",
                              outcome_id, node.text),
                  fmt::format("for one stakeholder's rating write '{}: {{ratings: "
                              "{{STAKEHOLDER: {}}}}}'",
                              outcome_id, node.text));
      return;
    }
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
    if (node.IsScalar()) {  // a plain item is the title
      if (auto text = ReadNonEmptyText(file_, node, "evidence", diag_)) {
        if (WithinLimit(&evidence_count_, "evidence items", file_.Where(node),
                        [&] { return file_.Line(node.line); })) {
          entry->evidence.push_back(Evidence{*text, ""});
        }
      }
      return;
    }
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
    if (node.IsScalar()) {  // a plain item is the action
      if (auto text = ReadNonEmptyText(file_, node, "action", diag_)) {
        if (WithinLimit(&action_count_, "actions", file_.Where(node),
                        [&] { return file_.Line(node.line); })) {
          entry->actions.push_back(Action{*text, "", ""});
        }
      }
      return;
    }
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

  // A score in a sheet: as in YAML, or "2 - Achieving" as the drop-down of
  // an `init` score sheet offers (the points and the name must agree).
  std::optional<int> ParseSheetScore(const std::string& text) const {
    // A value with more letters than "3 - Excelling activity" has is no
    // score; said before lowering it, so that a sheet of 65,000-character
    // values costs little however many assessments name it.
    std::size_t longest = 0;
    for (const std::string& word : rubric_->RatingWords()) {
      longest = std::max(longest, word.size());
    }
    const std::size_t letters = static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(),
                      [](char c) { return c != ' ' && c != '\t'; }));
    if (letters > 2 * longest + 20) return std::nullopt;
    if (auto points = rubric_->ParseRating(LowerTrimmed(text))) return points;
    const std::size_t dash = text.find(" - ");
    if (dash == std::string::npos) return std::nullopt;
    const auto points = rubric_->ParseRating(LowerTrimmed(text.substr(0, dash)));
    const auto name = rubric_->ParseRating(LowerTrimmed(text.substr(dash + 3)));
    if (points && name && *points == *name) return points;
    return std::nullopt;
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
    std::string stakeholder = who.text;
    const SourceLocation where = file_.Where(who);
    const auto line = [&] { return file_.Line(who.line); };
    any_rating_ = true;
    bool ok = true;
    if (stakeholders_node_ != nullptr) {
      if (auto id = StakeholderId(stakeholder)) {
        stakeholder = *id;
      } else {
        diag_.Error(where, UnknownStakeholder(stakeholder),
                    "every rating names a stakeholder declared under "
                    "'stakeholders' (by its id or its name)",
                    line());
        ok = false;
      }
    }
    std::optional<int> points;
    if (score.IsNull()) {
      file_.Error(diag_, score, "a rating must not be empty",
                  "leave the stakeholder out, or write 'not rated' if they did "
                  "not rate it");
    } else if (!score.IsScalar()) {
      file_.Error(diag_, score,
                  fmt::format("a rating must be a score, not {}", KindName(score)),
                  ScoreHint());
    } else if (IsNotRated(score.text)) {
      return;
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

  // `score_sheets:` (or its older name `ratings_csv:`): one file or a list;
  // each a path, or a mapping naming the file, a sheet and a layout.
  void ReadScoreSheets(const YamlNode& node, const char* key) {
    std::vector<const YamlNode*> items;
    if (node.IsScalar() || node.IsMapping()) {
      items.push_back(&node);
    } else if (ExpectList(file_, node, key, false, diag_)) {
      if (node.items.size() > kMaxCsvFiles) {
        file_.Error(diag_, node, fmt::format("more than {} score sheets", kMaxCsvFiles));
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
      MappingReader reader(file_, item, diag_, "a score sheet", {"file", "sheet", "layout"});
      path_node = reader.Required("file");
      if (const YamlNode* sheet = reader.Optional("sheet")) {
        if (auto text = ReadNonEmptyText(file_, *sheet, "sheet", diag_)) request.sheet = *text;
      }
      if (const YamlNode* layout = reader.Optional("layout")) {
        if (auto text = ReadText(file_, *layout, "layout", diag_)) {
          if (*text == "wide") {
            request.layout = Layout::kWide;
          } else if (*text == "long") {
            request.layout = Layout::kLong;
          } else {
            file_.Error(diag_, *layout, fmt::format("unknown layout '{}'", *text),
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
    if (auto [it, fresh] = sheet_paths_.emplace(normal, path_node->line); !fresh) {
      file_.Error(diag_, *path_node,
                  fmt::format("score sheet '{}' is listed twice (first on line {})",
                              *path, it->second),
                  "list each score sheet once");
      return;
    }
    const bool xlsx = EndsWithIgnoringCase(*path, ".xlsx");
    if (!xlsx && !request.sheet.empty()) {
      file_.Error(diag_, *path_node,
                  fmt::format("'{}' is not a workbook (.xlsx); only a workbook has sheets",
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
      if (auto [it, fresh] = sheet_files_.emplace(identity, path_node->line); !fresh) {
        file_.Error(diag_, *path_node,
                    fmt::format("score sheet '{}' is the file listed on line {} "
                                "under another name",
                                QuoteInput(*path), it->second),
                    "list each score sheet once");
        return;
      }
    }
    // Past the limit, the rest are not read: the error was given once.
    if (sheet_bytes_ > kMaxCsvBytesPerAssessment) return;
    const auto read = [&] { return ReadAndParseSheet(fs_, full, xlsx); };
    const std::shared_ptr<const ParsedSheet> sheet =
        options_.score_sheets != nullptr && !identity.empty()
            ? options_.score_sheets->Get(identity + (xlsx ? "|xlsx" : "|csv"),
                                         read)
            : read();
    sheet_bytes_ += sheet->bytes;
    if (sheet_bytes_ > kMaxCsvBytesPerAssessment) {
      file_.Error(diag_, *path_node,
                  fmt::format("the score sheets up to this one hold more than {} "
                              "bytes (10 MiB) together, the limit for one "
                              "assessment",
                              kMaxCsvBytesPerAssessment),
                  "split the assessment, or remove what is not ratings");
      return;
    }
    if (!sheet->read.ok()) {
      const std::string& message = sheet->read.message();
      file_.Error(diag_, *path_node,
                  fmt::format("cannot read {} '{}': {}",
                              xlsx ? "score sheet" : "ratings CSV", full,
                              message.substr(message.rfind(": ") + 2)),
                  path->front() == '/'
                      ? ""
                      : "a score sheet's path is relative to the assessment file's folder");
      return;
    }
    if (!rubric_) return;
    // The sheet's locations are relative to its path: each is given this
    // assessment's spelling of it.
    const std::size_t first = diag_.items().size();
    sheet_file_ = full;
    diag_.Append(sheet->problems);
    if (xlsx) {
      ScoreTable table;
      if (sheet->parsed &&
          ReadXlsxTable(sheet->sheets, full, request, *path_node, &table)) {
        ReadScoreTable(table, request.layout);
      }
    } else if (sheet->table.rows.empty()) {
      // A syntax error ends the parse; the rows before it are still checked
      // so that one run reports as much as it can.
      if (sheet->parsed) {
        diag_.Error({Diagnostics::RelativeFile(), 1, 1},
                    "the CSV file has no header row",
                    "the first row names the columns: "
                    "service,outcome,stakeholder,score,comment");
      }
    } else {
      ReadScoreTable(sheet->table, request.layout);
    }
    diag_.ResolveRelative(first, full);
  }

  // A location of the sheet being read, with its path.
  static SourceLocation At(const SourceLocation& where,
                           const std::string& full) {
    if (where.file.compare(0, 1, Diagnostics::RelativeFile()) != 0)
      return where;
    return {full + where.file.substr(1), where.line, where.column};
  }

  // The score sheet of a workbook: the sheet named in the assessment, else
  // the first whose header row (its first row with text) names the columns
  // of a long sheet or outcome ids (a wide sheet).
  bool ReadXlsxTable(const std::vector<XlsxSheet>& sheets,
                     const std::string& path, const SheetRequest& request,
                     const YamlNode& path_node, ScoreTable* table) {
    const std::string& relative = Diagnostics::RelativeFile();
    std::vector<std::string> names;
    for (const XlsxSheet& sheet : sheets) names.push_back(sheet.name);
    for (const XlsxSheet& sheet : sheets) {
      if (!request.sheet.empty()) {
        if (LowerTrimmed(sheet.name) != LowerTrimmed(request.sheet)) continue;
        if (sheet.rows.empty()) {
          diag_.Error({relative, 0, 0},
                      fmt::format("sheet '{}' is empty", sheet.name),
                      "the first row names the columns: service, outcome, "
                      "stakeholder, score, comment");
          return false;
        }
        return SheetTable(sheet, relative, table);
      }
      if (sheet.rows.empty()) continue;
      ScoreTable header;
      if (!SheetTable(XlsxSheet{sheet.name, {sheet.rows.front()}}, relative,
                      &header)) {
        return false;
      }
      const TableRow& row = header.rows.front();
      std::set<std::string> columns;
      for (const TableCell& cell : row.cells) columns.insert(ColumnName(cell.text));
      const bool long_layout = columns.count("service") && columns.count("outcome") &&
                               columns.count("stakeholder") && columns.count("score");
      if (long_layout || LooksWide(row))
        return SheetTable(sheet, relative, table);
    }
    if (!request.sheet.empty()) {
      file_.Error(diag_, path_node,
                  fmt::format("the workbook '{}' has no sheet '{}'{}", path, request.sheet,
                              Suggest(request.sheet, names)),
                  fmt::format("its sheets: {}", fmt::join(names, ", ")));
      return false;
    }
    diag_.Error(
        {relative, 0, 0},
        "no sheet has a header row naming the columns service, outcome, "
        "stakeholder and score, or columns of outcome ids (a wide sheet)",
        fmt::format("its sheets: {}; name the one to read with '{{file: ..., "
                    "sheet: NAME}}'",
                    fmt::join(names, ", ")));
    return false;
  }

  // A worksheet as a table as wide as its header row; each cell located as
  // "panel.xlsx:Scores!D14".
  bool SheetTable(const XlsxSheet& sheet, const std::string& path, ScoreTable* table) {
    const bool plain = std::all_of(sheet.name.begin(), sheet.name.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
    const std::string prefix =
        path + ":" + (plain ? sheet.name : "'" + sheet.name + "'") + "!";
    const auto where = [&](int column, int row) {
      return SourceLocation{prefix + CellName(column, row), 0, 0};
    };
    const int width = sheet.rows.front().cells.back().column;
    if (sheet.rows.size() * static_cast<std::size_t>(width) > kMaxXlsxCells) {
      diag_.Error(where(width, sheet.rows.front().number),
                  fmt::format("the sheet has more than {} cells", kMaxXlsxCells));
      return false;
    }
    for (const XlsxRow& row : sheet.rows) {
      TableRow out;
      out.where = where(1, row.number);
      for (int column = 1; column <= width; ++column) {
        out.cells.push_back({"", where(column, row.number)});
      }
      bool row_ok = true;
      for (const XlsxCell& cell : row.cells) {
        if (cell.column > width) {
          diag_.Error(where(cell.column, row.number),
                      "a value in a column that has no header",
                      "name every column in the first row, or delete the value");
          row_ok = false;
          break;
        }
        out.cells[static_cast<std::size_t>(cell.column) - 1].text = cell.text;
      }
      if (row_ok) table->rows.push_back(std::move(out));
    }
    return true;
  }

  void ReadScoreTable(const ScoreTable& table, Layout layout) {
    const TableRow& header = table.rows.front();
    if (layout == Layout::kWide ||
        (layout == Layout::kDetect && LooksWide(header))) {
      ReadWideTable(table);
      return;
    }
    // Column positions by name, from the header.
    std::map<std::string, std::size_t> column;
    bool header_ok = true;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
      const std::string name = ColumnName(header.cells[i].text);
      const SourceLocation& where = header.cells[i].where;
      if (!Contains(kSheetColumns, name) && !Contains(kNameColumns, name)) {
        diag_.Error(where,
                    fmt::format("unknown column '{}'{}", QuoteInput(header.cells[i].text),
                                Suggest(name, kSheetColumns)),
                    "the columns are service, outcome, stakeholder, score and optionally comment",
                    header.line);
        header_ok = false;
      } else if (!column.emplace(name, i).second) {
        diag_.Error(where, fmt::format("column '{}' is named twice", name), "",
                    header.line);
        header_ok = false;
      }
    }
    for (const char* required : {"service", "outcome", "stakeholder", "score"}) {
      if (column.count(required) == 0) {
        diag_.Error(header.where,
                    fmt::format("the header has no '{}' column", required),
                    "the first row names the columns: service,outcome,stakeholder,score,comment",
                    header.line);
        header_ok = false;
      }
    }
    if (!header_ok) return;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
      const TableRow& row = table.rows[r];
      if (row.cells.size() != header.cells.size()) {
        diag_.Error(row.where,
                    fmt::format("this row has {} field{}; the header has {}",
                                row.cells.size(),
                                row.cells.size() == 1 ? "" : "s", header.cells.size()),
                    table.width_hint, row.line);
        continue;
      }
      const auto cell = [&](const char* name) -> const TableCell& {
        return row.cells[column.at(name)];
      };
      const auto comment = column.find("comment");
      SheetRating(cell("service"), cell("outcome"), cell("stakeholder"), cell("score"),
                  comment == column.end() ? nullptr : &row.cells[comment->second],
                  row.line);
    }
  }

  // A wide sheet (a Microsoft Forms export): one row per stakeholder, one
  // column per outcome (of a service) whose header holds the outcome's id.
  bool LooksWide(const TableRow& header) const {
    for (const TableCell& cell : header.cells) {
      if (ColumnName(cell.text) == "outcome") return false;
    }
    for (const TableCell& cell : header.cells) {
      if (!OutcomeInHeader(cell.text).empty()) return true;
    }
    return false;
  }

  // The outcome id that a header names as a word ("NHS 111 - 1A Access"),
  // or "" for none or for two.
  std::string OutcomeInHeader(const std::string& text) const {
    std::string found;
    for (const std::string& id : rubric_->OutcomeIds()) {
      const std::string upper = Upper(text);
      for (std::size_t at = upper.find(id); at != std::string::npos;
           at = upper.find(id, at + 1)) {
        const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(upper[at - 1]));
        const std::size_t end = at + id.size();
        const bool ends = end == upper.size() ||
                          !std::isalnum(static_cast<unsigned char>(upper[end]));
        if (!starts || !ends) continue;
        if (!found.empty() && found != id) return "";
        found = id;
      }
    }
    return found;
  }

  // The declared service a header names (by id or name, as a part of the
  // header ignoring case), or nullptr; `twice` is set when two match.
  const Service* ServiceInHeader(const std::string& text, bool* twice) const {
    const std::string lower = LowerTrimmed(text);
    const Service* found = nullptr;
    *twice = false;
    for (const Service& service : assessment_.services) {
      if (lower.find(service.id) == std::string::npos &&
          lower.find(LowerTrimmed(service.name)) == std::string::npos) {
        continue;
      }
      if (found != nullptr) *twice = true;
      found = &service;
    }
    return found;
  }

  void ReadWideTable(const ScoreTable& table) {
    const TableRow& header = table.rows.front();
    // What each column holds.
    struct WideColumn {
      std::size_t index;
      std::string service, outcome;
      std::size_t comment = SIZE_MAX;  // the column of its comments, if any
    };
    std::vector<WideColumn> scores;
    std::vector<std::pair<std::size_t, std::string>> comments;  // column, key
    std::size_t stakeholder = SIZE_MAX;
    std::size_t name = SIZE_MAX;
    bool ok = true;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
      const TableCell& cell = header.cells[i];
      const std::string column = ColumnName(cell.text);
      if (column == "stakeholder") {
        stakeholder = i;
        continue;
      }
      if (column == "name") {
        name = i;
        continue;
      }
      const std::string outcome = OutcomeInHeader(cell.text);
      if (outcome.empty()) continue;  // a column of the form: time, email...
      const Domain* domain = rubric_->DomainOf(outcome);
      std::string service;
      if (domain->per_service && services_given_) {
        bool twice = false;
        const Service* found = ServiceInHeader(cell.text, &twice);
        if (found == nullptr || twice) {
          diag_.Error(cell.where,
                      fmt::format("column '{}' rates {} but names {} declared service",
                                  cell.text, outcome, twice ? "more than one" : "no"),
                      fmt::format("put one service's id or name in the column's "
                                  "header; services: {}",
                                  fmt::join(service_ids_, ", ")),
                      header.line);
          ok = false;
          continue;
        }
        service = found->id;
      }
      const std::string key = service + '\n' + outcome;
      if (LowerTrimmed(cell.text).find("comment") != std::string::npos) {
        comments.emplace_back(i, key);
        continue;
      }
      for (const WideColumn& other : scores) {
        if (other.service + '\n' + other.outcome == key) {
          diag_.Error(cell.where,
                      fmt::format("column '{}' rates {}{} again (also column {})",
                                  cell.text, outcome,
                                  service.empty() ? "" : " for service '" + service + "'",
                                  other.index + 1),
                      "", header.line);
          ok = false;
        }
      }
      scores.push_back({i, service, outcome});
    }
    if (stakeholder == SIZE_MAX) stakeholder = name;
    if (stakeholder == SIZE_MAX) {
      diag_.Error(header.where,
                  "the wide score sheet has no 'stakeholder' (or 'name') column",
                  "one row per stakeholder: a column naming the stakeholder, "
                  "then one column per outcome",
                  header.line);
      ok = false;
    }
    if (!ok) return;
    for (auto& [index, key] : comments) {
      for (WideColumn& score : scores) {
        if (score.service + '\n' + score.outcome == key) score.comment = index;
      }
    }
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
      const TableRow& row = table.rows[r];
      if (row.cells.size() != header.cells.size()) {
        diag_.Error(row.where,
                    fmt::format("this row has {} field{}; the header has {}",
                                row.cells.size(),
                                row.cells.size() == 1 ? "" : "s", header.cells.size()),
                    table.width_hint, row.line);
        continue;
      }
      for (const WideColumn& score : scores) {
        const TableCell& value = row.cells[score.index];
        if (Blank(value.text)) continue;  // a question left unanswered
        TableCell service{score.service, value.where};
        TableCell outcome{score.outcome, value.where};
        SheetRating(service, outcome, row.cells[stakeholder], value,
                    score.comment == SIZE_MAX ? nullptr : &row.cells[score.comment],
                    row.line);
      }
    }
  }

  // One rating from a score sheet, checked as a YAML rating is.
  void SheetRating(const TableCell& service, const TableCell& outcome,
                   const TableCell& stakeholder, const TableCell& score,
                   const TableCell* comment, const std::string& line_text) {
    bool ok = true;
    any_rating_ = true;
    const std::string outcome_id = OutcomeId(outcome.text);
    const Domain* domain = rubric_->DomainOf(outcome_id);
    if (domain == nullptr) {
      diag_.Error(outcome.where,
                  fmt::format("unknown outcome '{}'{}", QuoteInput(outcome.text),
                              Suggest(outcome.text, rubric_->OutcomeIds())),
                  "", line_text);
      ok = false;
    }
    Service* target_service = nullptr;
    if (!Blank(service.text)) {
      target_service = FindService(service.text);
      if (target_service == nullptr) {
        diag_.Error(service.where,
                    fmt::format("unknown service '{}'{}", QuoteInput(service.text),
                                Suggest(service.text, service_ids_)),
                    service_ids_.empty() ? "this assessment declares no services; leave the column empty"
                                         : "a service must be declared under 'services' in the YAML",
                    line_text);
        ok = false;
      } else if (domain != nullptr && !domain->per_service) {
        diag_.Error(service.where,
                    fmt::format("outcome {} is not rated per service; leave 'service' empty",
                                outcome_id),
                    "", line_text);
        ok = false;
      }
    } else if (domain != nullptr && domain->per_service && services_given_) {
      diag_.Error(service.where,
                  fmt::format("outcome {} is rated per service in this assessment; name the service",
                              outcome_id),
                  fmt::format("services: {}", fmt::join(service_ids_, ", ")), line_text);
      ok = false;
    }
    std::optional<std::string> who;
    if (stakeholders_node_ != nullptr) {
      who = StakeholderId(stakeholder.text);
      if (!who) {
        diag_.Error(stakeholder.where, UnknownStakeholder(stakeholder.text),
                    "every rating names a stakeholder declared under 'stakeholders' "
                    "(by its id or its name)",
                    line_text);
        ok = false;
      }
    }
    std::optional<int> points;
    if (Blank(score.text)) {
      diag_.Error(score.where, "the score is empty", kBlankScoreHint, line_text);
      ok = false;
    } else if (!IsNotRated(score.text)) {
      points = ParseSheetScore(score.text);
      if (!points) {
        diag_.Error(score.where, ScoreProblem(score.text), ScoreHint(), line_text);
        ok = false;
      }
    }
    if (!ok || !points) return;
    std::map<std::string, OutcomeEntry>& outcomes =
        target_service ? target_service->outcomes : assessment_.outcomes;
    OutcomeEntry& entry = outcomes[outcome_id];
    entry.outcome_id = outcome_id;
    Record(
        target_service ? target_service->id : "", outcome_id,
        who ? *who : stakeholder.text, *points, comment ? comment->text : "",
        At(stakeholder.where, sheet_file_), [&] { return line_text; }, &entry);
  }

  Service* FindService(const std::string& text) {
    const std::string wanted = LowerTrimmed(text);
    Service* by_name = nullptr;
    int names = 0;
    for (Service& service : assessment_.services) {
      if (service.id == text || service.id == wanted) return &service;
      if (LowerTrimmed(service.name) == wanted) {
        by_name = &service;
        ++names;
      }
    }
    return names == 1 ? by_name : nullptr;
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
  // Each score sheet read, by its normalised path, with the line naming it.
  std::map<std::string, int> sheet_paths_;
  std::map<std::string, int> sheet_files_;  // by FileSystem::FileIdentity
  std::size_t sheet_bytes_ = 0;              // read for this assessment
  std::string sheet_file_;  // the sheet being read, as this assessment names it
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
