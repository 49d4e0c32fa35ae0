// Roll-up: many organisations' years checked across files and summed up.

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <utility>

#include "eds/file_system.h"
#include "eds/history.h"
#include "eds/unicode.h"
#include "history_internal.h"
#include "rollup_gaps.h"
#include "text_checks.h"

namespace eds {

ExcludedFile ExcludeFile(const std::string& file, const Diagnostics& problems,
                         std::size_t max_errors) {
  ExcludedFile excluded;
  excluded.file = DisplayPath(file);
  std::size_t not_shown = problems.dropped();
  for (const Diagnostic& diagnostic : problems.items()) {
    if (diagnostic.severity != Severity::kError) continue;
    if (excluded.errors.size() == max_errors) {
      ++not_shown;
      continue;
    }
    const std::string text = FormatDiagnostic(diagnostic);
    excluded.errors.push_back(text.substr(0, text.find('\n')));
    // Hidden characters escaped as FormatDiagnostic does, so that no output
    // carries a bidi override quoted from a hostile file.
    excluded.problems.push_back({diagnostic.location, diagnostic.severity,
                                 EscapeHiddenCharacters(diagnostic.message),
                                 EscapeHiddenCharacters(diagnostic.hint)});
  }
  excluded.more_errors = not_shown;
  if (not_shown > 0) {
    excluded.errors.push_back(fmt::format(
        "{} {}error{} not shown", not_shown,
        excluded.errors.empty() ? "" : "more ", not_shown == 1 ? "" : "s"));
  }
  return excluded;
}

const OrganisationYear* RollupOrganisation::previous() const {
  return years.size() < 2 ? nullptr : &years[years.size() - 2];
}

namespace {

std::string DescribeWhere(const SourceLocation& where) {
  if (where.line == 0) return where.file;
  return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

std::string BaseName(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The year a file's name suggests ("2024-25.yaml", "trust_2024_25.yml",
// "rxx-202425.yaml" → "2024/25"), or "" when it names none.
std::string YearInFileName(const std::string& path) {
  const std::string name = BaseName(path);
  for (std::size_t i = 0; i + 6 <= name.size(); ++i) {
    if (i > 0 && IsDigit(name[i - 1])) continue;
    std::size_t j = i;
    while (j < name.size() && j < i + 4 && IsDigit(name[j])) ++j;
    if (j != i + 4) continue;
    std::size_t k = j;
    if (k < name.size() &&
        (name[k] == '-' || name[k] == '_' || name[k] == ' ')) {
      ++k;
    }
    if (k + 2 > name.size() || !IsDigit(name[k]) || !IsDigit(name[k + 1]) ||
        (k + 2 < name.size() && IsDigit(name[k + 2]))) {
      continue;
    }
    const std::string year = name.substr(i, 4) + "/" + name.substr(k, 2);
    if (IsAcademicYear(year)) return year;
  }
  return "";
}

// The hint of a repeated organisation and year: which file's name says
// another year than its `year:`.
std::string RepeatedYearHint(const OrganisationYear& a,
                             const OrganisationYear& b) {
  for (const OrganisationYear* year : {&a, &b}) {
    const std::string named = YearInFileName(year->source);
    if (!named.empty() && named != year->year) {
      return fmt::format("the name of {} suggests {}, but its year: says {}",
                         year->source, named, year->year);
    }
  }
  return "";
}

// Moves every file of a repeated organisation and year out of `years`: into
// `excluded` (and reported as a warning) under skip_invalid, else reported
// as errors, one per later file, naming the first. Returns the number of
// errors reported.
std::size_t RemoveRepeatedYears(std::vector<OrganisationYear>& years,
                                bool skip_invalid,
                                std::vector<ExcludedFile>& excluded,
                                Diagnostics& diag) {
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> files;
  for (std::size_t i = 0; i < years.size(); ++i) {
    files[{years[i].identity, years[i].year}].push_back(i);
  }
  std::size_t errors = 0;
  std::vector<bool> remove(years.size(), false);
  for (std::size_t i = 0; i < years.size(); ++i) {
    const std::vector<std::size_t>& same =
        files[{years[i].identity, years[i].year}];
    if (same.size() < 2) continue;
    const OrganisationYear& year = years[i];
    const std::size_t other = same[0] == i ? same[1] : same[0];
    const std::string message = fmt::format(
        "organisation {} for {} is also in {}; each organisation and year "
        "must be in one file",
        DescribeOrganisation(year.organisation), year.year,
        years[other].year_where.file.empty()
            ? years[other].source
            : DescribeWhere(years[other].year_where));
    const std::string hint = RepeatedYearHint(year, years[other]);
    const SourceLocation where =
        year.year_where.file.empty() ? WholeFile(year.source) : year.year_where;
    if (skip_invalid) {
      remove[i] = true;
      diag.Warning(where, message, hint);
      Diagnostics problem;
      problem.Error(where, message, hint);
      excluded.push_back(ExcludeFile(year.source, problem));
      // Valid but repeated: who it is about is known, not merely claimed.
      excluded.back().claimed = {year.organisation.code, year.organisation.name,
                                 year.organisation.system, year.year,
                                 year.identity};
    } else if (same[0] != i) {
      diag.Error(where, message, hint);
      ++errors;
    }
  }
  std::vector<OrganisationYear> kept;
  for (std::size_t i = 0; i < years.size(); ++i) {
    if (!remove[i]) kept.push_back(std::move(years[i]));
  }
  years = std::move(kept);
  return errors;
}

// The first file (in path order) of each value of `key` within each group of
// `group`, for the identity checks: group -> value -> year.
template <typename GroupOf, typename ValueOf>
std::map<std::string, std::map<std::string, const OrganisationYear*>>
FirstFiles(const std::vector<const OrganisationYear*>& by_path,
           GroupOf group_of, ValueOf value_of) {
  std::map<std::string, std::map<std::string, const OrganisationYear*>> groups;
  for (const OrganisationYear* year : by_path) {
    const std::string group = group_of(*year);
    if (group.empty()) continue;
    groups[group].emplace(value_of(*year), year);
  }
  return groups;
}

// The checks of files that may be one organisation under two identities,
// one system under two spellings, or one organisation sent from two
// folders, each reported at the later file (in path order) against the
// first.
void CheckIdentities(const std::vector<OrganisationYear>& years,
                     Diagnostics& diag, std::vector<RollupCheck>* checks) {
  std::vector<const OrganisationYear*> by_path;
  for (const OrganisationYear& year : years) by_path.push_back(&year);
  std::stable_sort(by_path.begin(), by_path.end(),
                   [](const OrganisationYear* a, const OrganisationYear* b) {
                     return a->source < b->source;
                   });
  std::vector<std::pair<RollupCheck, std::string>> found;  // with its hint
  const auto add = [&](const char* kind, const OrganisationYear& year,
                       const OrganisationYear& other, std::string message,
                       std::string hint) {
    found.push_back({{kind, year.source, 0, other.source, std::move(message)},
                     std::move(hint)});
  };
  // Sorted by the first file, so that the order never depends on the
  // files' order on the command line.
  const auto in_path_order =
      [](std::map<std::string, const OrganisationYear*> values) {
        std::vector<std::pair<std::string, const OrganisationYear*>> list(
            values.begin(), values.end());
        std::stable_sort(list.begin(), list.end(),
                         [](const auto& a, const auto& b) {
                           return a.second->source < b.second->source;
                         });
        return list;
      };

  const auto codes = FirstFiles(
      by_path,
      [](const OrganisationYear& year) {
        return FoldNfkc(year.organisation.name);
      },
      [](const OrganisationYear& year) { return year.organisation.code; });
  for (const auto& [name, values] : codes) {
    if (values.size() < 2) continue;
    const auto list = in_path_order(values);
    // Compared with the first file that has a code.
    const OrganisationYear* coded = nullptr;
    for (const auto& [code, year] : list) {
      if (!code.empty()) {
        coded = year;
        break;
      }
    }
    for (const auto& [code, year] : list) {
      if (year == coded) continue;
      if (code.empty()) {
        add("code-missing", *year, *coded,
            fmt::format("organisation '{}' has no code here but code {} in "
                        "{}; they are rolled up as two organisations",
                        year->organisation.name, coded->organisation.code,
                        coded->source),
            "give organisation.code in every year's file");
      } else {
        add("name-under-two-codes", *year, *coded,
            fmt::format("organisation '{}' has code {} here and code {} in "
                        "{}; they are rolled up as two organisations",
                        year->organisation.name, code, coded->organisation.code,
                        coded->source),
            "if they are one organisation, give it one code in every file");
      }
    }
  }

  const auto systems = FirstFiles(
      by_path,
      [](const OrganisationYear& year) {
        return SystemKey(year.organisation.system);
      },
      [](const OrganisationYear& year) { return year.organisation.system; });
  for (const auto& [key, values] : systems) {
    if (values.size() < 2) continue;
    const auto list = in_path_order(values);
    for (std::size_t i = 1; i < list.size(); ++i) {
      add("system-spelling", *list[i].second, *list[0].second,
          fmt::format("system '{}' here and '{}' in {} differ only in case, "
                      "punctuation or '&' for 'and'; they are taken as one "
                      "system",
                      list[i].first, list[0].first, list[0].second->source),
          "spell the system one way in every file");
    }
  }

  const auto folders = FirstFiles(
      by_path, [](const OrganisationYear& year) { return year.identity; },
      [](const OrganisationYear& year) { return DirName(year.source); });
  for (const auto& [identity, values] : folders) {
    if (values.size() < 2) continue;
    const auto list = in_path_order(values);
    for (std::size_t i = 1; i < list.size(); ++i) {
      const OrganisationYear& year = *list[i].second;
      add("two-folders", year, *list[0].second,
          fmt::format("organisation {} has files in two folders: this one "
                      "and {}",
                      DescribeOrganisation(year.organisation),
                      list[0].second->source),
          "check that every file of an organisation was sent by it");
    }
  }
  std::stable_sort(
      found.begin(), found.end(),
      [](const auto& a, const auto& b) { return a.first.file < b.first.file; });
  for (auto& [check, hint] : found) {
    diag.Warning(WholeFile(check.file), check.message, std::move(hint));
    checks->push_back(std::move(check));
  }
}

// Reports a filter that matched nothing, suggesting the closest value that
// would have matched when `suggest` (a year one edit from another is not a
// typo of it, so years are listed instead). `known` is empty only for
// --system (every assessment has a year).
Status NothingMatches(const std::string& option, const std::string& value,
                      const std::vector<std::string>& known, bool suggest,
                      Diagnostics& diag) {
  const std::string match = suggest ? ClosestMatch(value, known) : "";
  const std::string message = fmt::format(
      "{} '{}' matches no assessment{}", option, value,
      match.empty() ? "" : fmt::format("; did you mean '{}'?", match));
  std::string hint;
  if (known.empty()) {
    hint = "no assessment gives organisation.system";
  } else if (match.empty()) {
    std::string list;
    for (const std::string& name : known) {
      list += (list.empty() ? "'" : ", '") + name + "'";
    }
    hint = fmt::format("the files give {}", list);
  }
  diag.Error({}, message, hint);
  return Status::InvalidInput(message);
}

}  // namespace

std::string SystemKey(const std::string& system) {
  const std::string folded = FoldNfkc(system);
  std::string key;
  std::string word;
  const auto end_word = [&] {
    if (word.empty()) return;
    if (!key.empty()) key += ' ';
    key += word;
    word.clear();
  };
  for (const char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '&') {
      end_word();
      word = "and";
      end_word();
    } else if (c == ' ' || c == '\t') {
      end_word();
    } else if (byte >= 0x80 || (c >= 'a' && c <= 'z') || IsDigit(c)) {
      word += c;
    }
  }
  end_word();
  return key;
}

std::size_t CheckAcrossFiles(std::vector<OrganisationYear>& years,
                             bool skip_invalid,
                             std::vector<ExcludedFile>& excluded,
                             Diagnostics& diag,
                             std::vector<RollupCheck>* checks) {
  for (const OrganisationYear& year : years) {
    for (const Diagnostic& warning : year.warnings) {
      checks->push_back({"file", warning.location.file, warning.location.line,
                         "", EscapeHiddenCharacters(warning.message)});
    }
  }
  const std::size_t errors =
      RemoveRepeatedYears(years, skip_invalid, excluded, diag);
  CheckIdentities(years, diag, checks);
  return errors;
}

Status Rollup(std::vector<OrganisationYear> years,
              std::vector<ExcludedFile> excluded, const RollupOptions& options,
              const std::string& tool_version, Diagnostics& diag,
              RollupResult* result) {
  std::vector<RollupCheck> checks;
  const std::size_t repeated =
      CheckAcrossFiles(years, options.skip_invalid, excluded, diag, &checks);
  if (repeated > 0) {
    return Status::InvalidInput(
        fmt::format("{} repeated organisation and year{}", repeated,
                    repeated == 1 ? "" : "s"));
  }
  if (years.empty()) {
    const std::string message =
        excluded.empty()
            ? "no assessment to roll up"
            : fmt::format("no assessment to roll up: all {} file{} excluded",
                          excluded.size(),
                          excluded.size() == 1 ? " was" : "s were");
    diag.Error({}, message);
    return Status::InvalidInput(message);
  }

  // The values the filters could have matched, for "did you mean".
  std::set<std::string> systems, system_keys, year_names;
  for (const OrganisationYear& year : years) {
    if (!year.organisation.system.empty()) {
      systems.insert(year.organisation.system);
      system_keys.insert(SystemKey(year.organisation.system));
    }
    year_names.insert(year.year);
  }
  const std::string system_key = SystemKey(options.system);
  std::vector<OrganisationYear> kept;
  for (OrganisationYear& year : years) {
    if (!options.system.empty() &&
        SystemKey(year.organisation.system) != system_key) {
      continue;
    }
    if (!options.year.empty() && year.year != options.year) continue;
    kept.push_back(std::move(year));
  }
  if (kept.empty()) {
    // Name the filter that matched nothing by itself, else both.
    if (!options.system.empty() && system_keys.count(system_key) == 0) {
      return NothingMatches("--system", options.system,
                            {systems.begin(), systems.end()},
                            /*suggest=*/true, diag);
    }
    if (!options.year.empty() && year_names.count(options.year) == 0) {
      return NothingMatches("--year", options.year,
                            {year_names.begin(), year_names.end()},
                            /*suggest=*/false, diag);
    }
    const std::string message =
        fmt::format("no organisation of system '{}' has an assessment for {}",
                    options.system, options.year);
    diag.Error({}, message);
    return Status::InvalidInput(message);
  }

  RollupResult out;
  out.options = options;
  out.tool_version = tool_version;
  out.excluded = std::move(excluded);
  out.checks = std::move(checks);

  std::map<std::string, RollupOrganisation> by_identity;
  for (OrganisationYear& year : kept) {
    by_identity[year.identity].years.push_back(std::move(year));
  }
  for (auto& [identity, organisation] : by_identity) {
    std::stable_sort(organisation.years.begin(), organisation.years.end(),
                     EarlierYear);
    organisation.organisation = organisation.latest().organisation;
    if (const OrganisationYear* previous = organisation.previous()) {
      organisation.same_scale = previous->rubric->MaxTotal() ==
                                organisation.latest().rubric->MaxTotal();
      if (organisation.same_scale) {
        organisation.change =
            Difference(previous->total, organisation.latest().total);
        if (!organisation.change)
          organisation.no_change = NoChange::kIncomplete;
      } else {
        organisation.no_change = NoChange::kDifferentMaxima;
      }
    } else {
      organisation.no_change = NoChange::kNoEarlierYear;
    }
    out.organisations.push_back(std::move(organisation));
  }
  std::stable_sort(
      out.organisations.begin(), out.organisations.end(),
      [](const RollupOrganisation& a, const RollupOrganisation& b) {
        if (a.organisation.name != b.organisation.name) {
          return a.organisation.name < b.organisation.name;
        }
        return a.organisation.code < b.organisation.code;
      });

  // Every year in the rollup, organisation by organisation in output order.
  std::vector<const OrganisationYear*> all;
  for (const RollupOrganisation& organisation : out.organisations) {
    for (const OrganisationYear& year : organisation.years)
      all.push_back(&year);
  }
  const OrganisationYear* newest = all.front();
  std::set<std::string> year_set;
  for (const OrganisationYear* year : all) {
    if (year->year > newest->year) newest = year;
    year_set.insert(year->year);
  }
  out.rubric = newest->rubric;
  out.years.assign(year_set.begin(), year_set.end());
  CollectRubricsAndPolicies(all, &out.rubrics, &out.policies);
  out.outcomes = OutcomeUnion(*out.rubric, all);

  for (const Band& band : out.rubric->bands) AddOnce(out.ratings, band.name);
  for (const OrganisationYear* year : all) {
    for (const Band& band : year->rubric->bands)
      AddOnce(out.ratings, band.name);
  }
  AddOnce(out.ratings, std::string(kIncompleteRating));
  for (std::size_t i = 0; i < out.ratings.size(); ++i) {
    if (i < out.rubric->bands.size()) {
      out.reference_ratings.push_back(
          OrganisationRating::AtBand(static_cast<int>(i)));
    } else if (i + 1 == out.ratings.size()) {
      out.reference_ratings.push_back(OrganisationRating());  // Incomplete
    } else {
      out.reference_ratings.push_back(std::nullopt);
    }
  }
  for (const std::string& name : out.years) {
    RatingCounts counts;
    counts.year = name;
    counts.counts.assign(out.ratings.size(), 0);
    for (const OrganisationYear* year : all) {
      if (year->year != name) continue;
      const auto it = std::find(out.ratings.begin(), out.ratings.end(),
                                year->Rating().Name());
      ++counts.counts[static_cast<std::size_t>(it - out.ratings.begin())];
      ++counts.organisations;
    }
    out.ratings_by_year.push_back(std::move(counts));
  }
  for (const Level& level : out.rubric->levels)
    out.levels.push_back(level.name);
  out.spreads = SpreadsOf(out);
  MarkOutOfDateAndExcluded(&out);
  out.attention = BuildAttention(out, {});
  *result = std::move(out);
  return Status::Ok();
}

}  // namespace eds
