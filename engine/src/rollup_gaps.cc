// What a rollup lacks: organisations whose latest file was excluded or never
// sent, and those known only from files that were all excluded (issue 9,
// item 9). An invalid file is read for who it claims to be only as far as a
// line scan goes, never trusted beyond that.

#include "rollup_gaps.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "eds/diagnostics.h"
#include "eds/text.h"
#include "eds/unicode.h"
#include "text_checks.h"

namespace eds {
namespace {

std::string Trim(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

// A scalar as a block-style line writes it: a trailing comment dropped,
// one pair of matching quotes removed; "" for anything else (a flow
// collection, an anchor, a block scalar), which is not guessed at.
std::string ScalarValue(const std::string& raw) {
  std::string value = Trim(raw);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
    const std::size_t close = value.find(value.front(), 1);
    return close == std::string::npos ? "" : value.substr(1, close - 1);
  }
  const std::size_t comment = value.find(" #");
  if (comment != std::string::npos) value = Trim(value.substr(0, comment));
  if (value.empty() ||
      std::string("{[&*!|>#").find(value.front()) != std::string::npos) {
    return "";
  }
  return value;
}

// A claimed value as outputs may show it.
std::string Shown(const std::string& value) {
  return IsValidUtf8(value) ? EscapeHiddenCharacters(QuoteInput(value)) : "";
}

std::string UpperAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

ClaimedIdentity ScanClaims(const std::string& text) {
  const std::string head = text.substr(0, kMaxClaimScan);
  std::string code, name, system, year;
  bool in_organisation = false;
  std::size_t start = 0;
  if (head.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  while (start < head.size()) {
    std::size_t end = head.find('\n', start);
    if (end == std::string::npos) end = head.size();
    const std::string line = head.substr(start, end - start);
    start = end + 1;
    if (Trim(line).empty() || Trim(line)[0] == '#') continue;
    const std::size_t colon = line.find(':');
    const bool indented = line[0] == ' ' || line[0] == '\t';
    if (!indented) {
      in_organisation = colon != std::string::npos &&
                        Trim(line.substr(0, colon)) == "organisation" &&
                        ScalarValue(line.substr(colon + 1)).empty();
      if (colon != std::string::npos && Trim(line.substr(0, colon)) == "year" &&
          year.empty()) {
        year = ScalarValue(line.substr(colon + 1));
      }
      continue;
    }
    if (!in_organisation || colon == std::string::npos) continue;
    const std::string key = Trim(line.substr(0, colon));
    const std::string value = ScalarValue(line.substr(colon + 1));
    if (key == "code" && code.empty()) code = value;
    if (key == "name" && name.empty()) name = value;
    if (key == "system" && system.empty()) system = value;
  }
  ClaimedIdentity claimed;
  for (std::string* value : {&code, &name, &system, &year}) {
    if (!IsValidUtf8(*value)) value->clear();
  }
  if (IsOdsCodeForm(code)) {
    code = UpperAscii(code);
    claimed.identity = code;
  } else if (code.empty() && !name.empty()) {
    claimed.identity = NormaliseNfkc(name);
  }
  claimed.code = Shown(code);
  claimed.name = Shown(name);
  claimed.system = Shown(system);
  claimed.year = IsAcademicYear(year) ? year : "";
  return claimed;
}

// Whether an excluded file counts under the rollup's filters: a file
// claiming another system or year than the one kept is left aside.
bool WithinFilters(const ClaimedIdentity& claimed,
                   const RollupOptions& options) {
  if (!options.system.empty() &&
      SystemKey(claimed.system) != SystemKey(options.system)) {
    return false;
  }
  return options.year.empty() || claimed.year.empty() ||
         claimed.year == options.year;
}

std::string FilesText(const std::vector<std::string>& files) {
  return fmt::format("excluded file{} {}", files.size() == 1 ? "" : "s",
                     ListInWords(files));
}

}  // namespace

ClaimedIdentity ReadClaimedIdentity(const std::string& text) noexcept {
  try {
    return ScanClaims(text);
  } catch (...) {  // out of memory: the file claims nothing
    return {};
  }
}

std::string ListInWords(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
    text += items[i];
  }
  return text;
}

void MarkOutOfDateAndExcluded(RollupResult* rollup) {
  const std::string latest_year =
      rollup->years.empty() ? "" : rollup->years.back();
  // The excluded files within the filters, by claimed identity.
  std::map<std::string, std::vector<const ExcludedFile*>> by_identity;
  std::vector<const ExcludedFile*> unidentified;  // claim a code or name only
  for (const ExcludedFile& file : rollup->excluded) {
    const ClaimedIdentity& claimed = file.claimed;
    if (!WithinFilters(claimed, rollup->options)) continue;
    if (!claimed.identity.empty()) {
      by_identity[claimed.identity].push_back(&file);
    } else if (!claimed.code.empty() || !claimed.name.empty()) {
      unidentified.push_back(&file);
    }
  }

  RollupCounts& counts = rollup->counts;
  counts = {};
  for (RollupOrganisation& organisation : rollup->organisations) {
    const OrganisationYear& latest = organisation.latest();
    const auto found = by_identity.find(latest.identity);
    std::vector<std::string> newer;
    if (found != by_identity.end()) {
      for (const ExcludedFile* file : found->second) {
        if (file->claimed.year.empty() || file->claimed.year > latest.year) {
          newer.push_back(file->file);
        }
      }
      by_identity.erase(found);
    }
    if (latest.year >= latest_year) continue;
    OutOfDate stale;
    stale.year = latest_year;
    if (newer.empty()) {
      stale.reason = "no-file";
      stale.message = "no file for " + latest_year;
    } else {
      stale.reason = "excluded-file";
      stale.message = FilesText(newer);
      stale.files = std::move(newer);
    }
    organisation.out_of_date = std::move(stale);
    ++counts.out_of_date;
  }

  std::vector<ExcludedOrganisation>& gone = rollup->excluded_organisations;
  gone.clear();
  const auto add = [&](const std::vector<const ExcludedFile*>& files,
                       const std::string& identity) {
    ExcludedOrganisation organisation;
    // What the first file claims, filled in from later ones.
    for (const ExcludedFile* file : files) {
      Organisation& claimed = organisation.organisation;
      if (claimed.code.empty()) claimed.code = file->claimed.code;
      if (claimed.name.empty()) claimed.name = file->claimed.name;
      if (claimed.system.empty()) claimed.system = file->claimed.system;
      organisation.files.push_back(file->file);
    }
    organisation.identity = identity;
    const Organisation& claimed = organisation.organisation;
    const std::string who =
        claimed.name.empty()
            ? "code " + claimed.code
            : (claimed.code.empty()
                   ? claimed.name
                   : fmt::format("{} ({})", claimed.name, claimed.code));
    organisation.message =
        fmt::format("Every file of {} was excluded as invalid: {}.", who,
                    ListInWords(organisation.files));
    gone.push_back(std::move(organisation));
  };
  for (const auto& [identity, files] : by_identity) add(files, identity);
  for (const ExcludedFile* file : unidentified) add({file}, "");
  std::stable_sort(
      gone.begin(), gone.end(),
      [](const ExcludedOrganisation& a, const ExcludedOrganisation& b) {
        if (a.organisation.name != b.organisation.name) {
          return a.organisation.name < b.organisation.name;
        }
        return a.organisation.code < b.organisation.code;
      });
  counts.included = static_cast<int>(rollup->organisations.size());
  counts.excluded = static_cast<int>(gone.size());
}

}  // namespace eds
