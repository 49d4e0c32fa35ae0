#include "rating_checker.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "eds/limits.h"
#include "eds/text.h"
#include "yaml_reader.h"

namespace eds {
namespace {

constexpr char kBlankScoreHint[] =
    "leave the row out, or write 'not rated' if the stakeholder did not rate "
    "it";
constexpr char kStakeholderHint[] =
    "every rating names a stakeholder declared under 'stakeholders' (by its "
    "id or its name)";

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string Describe(const SourceLocation& where) {
  if (where.line == 0) return where.file;
  if (where.column > 0)
    return fmt::format("{}:{}:{}", where.file, where.line, where.column);
  return fmt::format("{}:{}", where.file, where.line);
}

}  // namespace

std::string Upper(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t") == std::string::npos;
}

std::string LowerTrimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t");
  return LowerAscii(std::string_view(text).substr(first, last - first + 1));
}

bool IsNotRated(const std::string& text) {
  // Measured before lowering: a long value is never "not rated".
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return false;
  const std::size_t last = text.find_last_not_of(" \t");
  return last - first + 1 == 9 && LowerTrimmed(text) == "not rated";
}

std::string Suggest(const Diagnostics& diag, const std::string& word,
                    const std::vector<std::string>& candidates) {
  if (diag.error_count() >= Diagnostics::kMaxErrors) return "";
  return DidYouMean(word, candidates);
}

bool WithinItemLimit(std::size_t* count, const char* what,
                     const SourceLocation& where,
                     const std::function<std::string()>& line,
                     Diagnostics& diag) {
  if (++*count <= kMaxItemsPerAssessment) return true;
  if (*count == kMaxItemsPerAssessment + 1) {
    diag.Error(where,
               fmt::format("more than {} {} in one assessment",
                           kMaxItemsPerAssessment, what),
               "", line());
  }
  return false;
}

std::pair<std::string, const Domain*> RatingChecker::CheckOutcome(
    RatingSource source, const std::string& text, const RatingSpot& spot) {
  const Rubric& rubric = *context_.rubric;
  std::string id = text;
  if (rubric.DomainOf(text) == nullptr) {
    std::string upper = Upper(text);
    const std::size_t first = upper.find_first_not_of(" \t");
    if (first != std::string::npos) {
      upper = upper.substr(first, upper.find_last_not_of(" \t") - first + 1);
      if (rubric.DomainOf(upper) != nullptr) id = upper;
    }
  }
  const Domain* domain = rubric.DomainOf(id);
  if (domain == nullptr) {
    diag_.Error(spot.where,
                fmt::format("unknown outcome '{}'{}", QuoteInput(text),
                            Suggest(diag_, text, rubric.OutcomeIds())),
                source == RatingSource::kYaml
                    ? fmt::format("rubric '{}' has the outcomes {}", rubric.id,
                                  fmt::join(rubric.OutcomeIds(), ", "))
                    : "",
                spot.line());
  }
  return {id, domain};
}

bool RatingChecker::CheckPlacement(RatingSource source, const Domain& domain,
                                   const std::string& id, bool for_service,
                                   const RatingSpot& spot) {
  const bool yaml = source == RatingSource::kYaml;
  if (for_service && !domain.per_service) {
    const Domain* per_service = PerServiceDomain();
    diag_.Error(
        spot.where,
        yaml ? fmt::format("outcome {} is not rated per service", id)
             : fmt::format(
                   "outcome {} is not rated per service; leave 'service' empty",
                   id),
        yaml ? fmt::format("only domain {} ({}) is rated per service; move "
                           "{} under the top-level 'outcomes'",
                           per_service->id, per_service->name, id)
             : "",
        spot.line());
    return false;
  }
  if (!for_service && domain.per_service && context_.services_given) {
    diag_.Error(
        spot.where,
        yaml
            ? fmt::format("outcome {} is rated per service in this file", id)
            : fmt::format("outcome {} is rated per service in this assessment; "
                          "name the service",
                          id),
        yaml ? "give domain " + domain.id +
                   " either under each service or under 'outcomes', not both"
             : fmt::format("services: {}",
                           fmt::join(context_.service_ids, ", ")),
        spot.line());
    return false;
  }
  return true;
}

bool RatingChecker::CheckStakeholder(const std::string& text,
                                     const RatingSpot& spot, std::string* id) {
  any_rating_ = true;
  *id = text;
  if (!context_.stakeholders_declared) return true;
  if (auto found = StakeholderId(text)) {
    *id = *found;
    return true;
  }
  std::vector<std::string> names = context_.stakeholder_ids;
  for (const Stakeholder& stakeholder : context_.assessment->stakeholders) {
    names.push_back(stakeholder.name);
  }
  diag_.Error(spot.where,
              fmt::format("unknown stakeholder '{}'{}", QuoteInput(text),
                          Suggest(diag_, text, names)),
              kStakeholderHint, spot.line());
  return false;
}

std::optional<int> RatingChecker::CheckScore(RatingSource source,
                                             const std::string& text,
                                             const RatingSpot& spot, bool* ok) {
  if (source == RatingSource::kSheet && Blank(text)) {
    diag_.Error(spot.where, "the score is empty", kBlankScoreHint, spot.line());
    *ok = false;
    return std::nullopt;
  }
  if (IsNotRated(text)) return std::nullopt;
  std::optional<int> points = source == RatingSource::kSheet
                                  ? ParseSheetScore(text)
                                  : context_.rubric->ParseRating(text);
  if (!points) {
    diag_.Error(spot.where, ScoreProblem(text), ScoreHint(), spot.line());
    *ok = false;
  }
  return points;
}

std::optional<int> RatingChecker::ParseScore(const std::string& text,
                                             const RatingSpot& spot) {
  std::optional<int> points = context_.rubric->ParseRating(text);
  if (!points)
    diag_.Error(spot.where, ScoreProblem(text), ScoreHint(), spot.line());
  return points;
}

std::string RatingChecker::ScoreHint() const {
  std::vector<std::string> words;
  for (const Level& level : context_.rubric->levels) {
    words.push_back(fmt::format("{} ({})", level.points, level.name));
  }
  return fmt::format("a score is one of {}", fmt::join(words, ", "));
}

void RatingChecker::Record(const std::string& service,
                           const std::string& outcome_id,
                           const std::string& stakeholder, int points,
                           std::string comment, const RatingSpot& spot,
                           OutcomeEntry* entry) {
  const std::string key = service + '\n' + outcome_id + '\n' + stakeholder;
  auto [it, fresh] = rating_places_.emplace(key, spot.where);
  if (!fresh) {
    diag_.Error(
        spot.where,
        fmt::format("stakeholder '{}' rates {}{} twice: here and at {}",
                    stakeholder, outcome_id,
                    service.empty() ? "" : " for service '" + service + "'",
                    Describe(it->second)),
        "keep one rating per stakeholder and outcome", spot.line());
    return;
  }
  if (!WithinItemLimit(&rating_count_, "ratings", spot.where, spot.line, diag_))
    return;
  entry->ratings.push_back(
      Rating{stakeholder, points, std::move(comment), spot.where});
}

std::optional<std::string> RatingChecker::StakeholderId(
    const std::string& text) const {
  if (Contains(context_.stakeholder_ids, text)) return text;
  const std::string wanted = LowerTrimmed(text);
  if (Contains(context_.stakeholder_ids, wanted)) return wanted;
  std::optional<std::string> found;
  for (const Stakeholder& stakeholder : context_.assessment->stakeholders) {
    if (LowerTrimmed(stakeholder.name) != wanted) continue;
    if (found) return std::nullopt;
    found = stakeholder.id;
  }
  return found;
}

std::optional<int> RatingChecker::ParseSheetScore(
    const std::string& text) const {
  const Rubric& rubric = *context_.rubric;
  // A value with more letters than "3 - Excelling activity" has is no score;
  // said before lowering it, so that a sheet of 65,000-character values costs
  // little however many assessments name it.
  std::size_t longest = 0;
  for (const std::string& word : rubric.RatingWords())
    longest = std::max(longest, word.size());
  const auto letters = static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return c != ' ' && c != '\t'; }));
  if (letters > 2 * longest + 20) return std::nullopt;
  if (auto points = rubric.ParseRating(LowerTrimmed(text))) return points;
  const std::size_t dash = text.find(" - ");
  if (dash == std::string::npos) return std::nullopt;
  const auto points = rubric.ParseRating(LowerTrimmed(text.substr(0, dash)));
  const auto name = rubric.ParseRating(LowerTrimmed(text.substr(dash + 3)));
  if (points && name && *points == *name) return points;
  return std::nullopt;
}

std::string RatingChecker::ScoreProblem(const std::string& text) const {
  if (text.empty()) return "a score must not be empty";
  // Only level names are suggested: '4' is not a typo of '0'.
  std::vector<std::string> names;
  for (const std::string& word : context_.rubric->RatingWords()) {
    if (!ParseWholeNumber(word)) names.push_back(word);
  }
  return fmt::format("'{}' is not a score{}", QuoteInput(text),
                     Suggest(diag_, text, names));
}

const Domain* RatingChecker::PerServiceDomain() const {
  for (const Domain& domain : context_.rubric->domains) {
    if (domain.per_service) return &domain;
  }
  return nullptr;
}

}  // namespace eds
