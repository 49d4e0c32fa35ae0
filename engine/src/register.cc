// The commissioner's register (`--expect FILE`): read as hostile CSV, then
// compared with a rollup to say who has not sent a valid file (issue 9,
// item 10).

#include "eds/register.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "csv.h"
#include "eds/text.h"
#include "eds/unicode.h"
#include "rollup_gaps.h"
#include "text_checks.h"

namespace eds {
namespace {

constexpr char kHeaderHint[] =
    "the first line of a register is the header code,name or "
    "code,name,system";

std::string Trim(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string UpperAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// The number of columns the header gives (2 or 3), or 0 after an error.
std::size_t ReadHeader(const CsvRecord& header, const std::string& file,
                       Diagnostics& diag) {
  std::vector<std::string> names;
  for (const CsvField& field : header.fields) {
    names.push_back(LowerAscii(Trim(field.text)));
  }
  const std::vector<std::string> two = {"code", "name"};
  const std::vector<std::string> three = {"code", "name", "system"};
  if (names == two || names == three) return names.size();
  std::string written;
  for (const CsvField& field : header.fields) {
    written += (written.empty() ? "" : ",") + field.text;
  }
  diag.Error({file, header.line, 1},
             fmt::format("the register's header is '{}', not code,name or "
                         "code,name,system",
                         EscapeHiddenCharacters(QuoteInput(written))),
             kHeaderHint);
  return 0;
}

// A name or system: not empty when `required`, without hidden characters.
bool CheckText(const CsvField& field, const char* what, bool required,
               const std::string& file, int line, Diagnostics& diag) {
  const SourceLocation where{file, line, field.column};
  if (required && Trim(field.text).empty()) {
    diag.Error(where, fmt::format("the {} is empty", what),
               "every organisation on a register needs a code and a name");
    return false;
  }
  if (const auto hidden = FindHiddenCharacter(field.text)) {
    diag.Error(where,
               fmt::format("the {} '{}' holds {}, a character that is "
                           "invisible or reorders text",
                           what, EscapeHiddenCharacters(QuoteInput(field.text)),
                           hidden->name),
               "type it again without that character");
    return false;
  }
  return true;
}

// The one sentence naming a register entry.
std::string EntryText(const RegisterEntry& entry) {
  return fmt::format("{} ({})", entry.name, entry.code);
}

// The problems are in `diag`, each at its place; the status gives the code.
Status Invalid() { return Status::InvalidInput("the register is not valid"); }

}  // namespace

Status ReadRegister(const std::string& text, const std::string& file,
                    Diagnostics& diag, Register* result) {
  const std::size_t errors_before = diag.error_count();
  std::vector<CsvRecord> records;
  if (!ParseCsv(text, file, diag, &records)) {
    return Invalid();
  }
  if (records.empty()) {
    diag.Error({file, 1, 1}, "the register is empty", kHeaderHint);
    return Invalid();
  }
  const std::size_t columns = ReadHeader(records.front(), file, diag);
  if (columns == 0) return Invalid();
  if (records.size() == 1) {
    diag.Error({file, records.front().line, 1},
               "the register lists no organisation",
               "add one line code,name for each organisation expected");
    return Invalid();
  }
  if (records.size() - 1 > kMaxRegisterEntries) {
    diag.Error({file, records[kMaxRegisterEntries + 1].line, 1},
               fmt::format("the register lists more than {} organisations",
                           kMaxRegisterEntries));
    return Invalid();
  }
  Register out;
  out.file = file;
  std::map<std::string, int> lines;  // code -> line first given
  for (std::size_t i = 1; i < records.size(); ++i) {
    const CsvRecord& record = records[i];
    if (record.fields.size() != columns) {
      const int column = record.fields.size() > columns
                             ? record.fields[columns].column
                             : record.fields.back().column;
      diag.Error({file, record.line, column},
                 fmt::format("this line has {} field{}; the header has {}",
                             record.fields.size(),
                             record.fields.size() == 1 ? "" : "s", columns),
                 "put a name holding a comma in double quotes");
      continue;
    }
    const CsvField& code_field = record.fields[0];
    const std::string code = Trim(code_field.text);
    bool ok = true;
    if (!IsOdsCodeForm(code)) {
      diag.Error({file, record.line, code_field.column},
                 fmt::format("organisation code '{}' is not an ODS code: 3 "
                             "to 5 ASCII letters and digits",
                             EscapeHiddenCharacters(QuoteInput(code))),
                 "an ODS code is 3 to 5 letters and digits, such as RXX or "
                 "RX9");
      ok = false;
    }
    ok = CheckText(record.fields[1], "name", true, file, record.line, diag) &&
         ok;
    if (columns == 3) {
      ok = CheckText(record.fields[2], "system", false, file, record.line,
                     diag) &&
           ok;
    }
    if (!ok) continue;
    const std::string upper = UpperAscii(code);
    const auto [first, fresh] = lines.emplace(upper, record.line);
    if (!fresh) {
      diag.Error({file, record.line, code_field.column},
                 fmt::format("organisation code {} is also on line {}", upper,
                             first->second),
                 "list each organisation once");
      continue;
    }
    out.entries.push_back({upper, Trim(record.fields[1].text),
                           columns == 3 ? Trim(record.fields[2].text) : "",
                           record.line});
  }
  if (diag.error_count() > errors_before) return Invalid();
  *result = std::move(out);
  return Status::Ok();
}

void CheckExpected(const Register& expected, RollupResult* rollup) {
  ExpectResult expect;
  expect.file = expected.file;
  const std::string system_key = SystemKey(rollup->options.system);
  std::vector<const RegisterEntry*> entries;
  std::set<std::string> codes;
  for (const RegisterEntry& entry : expected.entries) {
    codes.insert(entry.code);
    // An entry of another system is not expected under --system; one
    // without a system always is.
    if (!rollup->options.system.empty() && !entry.system.empty() &&
        SystemKey(entry.system) != system_key) {
      continue;
    }
    entries.push_back(&entry);
  }
  expect.expected = static_cast<int>(entries.size());

  std::map<std::string, const RollupOrganisation*> included;
  for (const RollupOrganisation& organisation : rollup->organisations) {
    if (!organisation.organisation.code.empty()) {
      included[organisation.organisation.code] = &organisation;
    }
  }
  std::set<std::string> excluded_codes;
  for (const ExcludedOrganisation& organisation :
       rollup->excluded_organisations) {
    excluded_codes.insert(organisation.identity);
  }

  const std::vector<std::string> years =
      rollup->options.year.empty()
          ? std::vector<std::string>{rollup->years.back()}
          : std::vector<std::string>{rollup->options.year};
  std::vector<Organisation> missing;  // no row at all, for Attention
  for (const std::string& year : years) {
    ExpectedYear checked;
    checked.year = year;
    for (const RegisterEntry* entry : entries) {
      const auto found = included.find(entry->code);
      const RollupOrganisation* organisation =
          found == included.end() ? nullptr : found->second;
      if (organisation != nullptr &&
          std::any_of(
              organisation->years.begin(), organisation->years.end(),
              [&](const OrganisationYear& y) { return y.year == year; })) {
        continue;
      }
      std::vector<std::string> files;
      for (const ExcludedFile& file : rollup->excluded) {
        if (file.claimed.identity == entry->code &&
            (file.claimed.year.empty() || file.claimed.year == year)) {
          files.push_back(file.file);
        }
      }
      ExpectedMissing item;
      item.code = entry->code;
      item.name = entry->name;
      item.system = entry->system;
      item.line = entry->line;
      if (!files.empty()) {
        item.reason =
            fmt::format("excluded file{} {}", files.size() == 1 ? "" : "s",
                        ListInWords(files));
      } else if (organisation != nullptr) {
        item.reason = fmt::format("no file for {} (latest year {})", year,
                                  organisation->latest().year);
      } else {
        item.reason = "no file";
        if (excluded_codes.count(entry->code) == 0 && year == years.front()) {
          missing.push_back({entry->name, entry->code, entry->system});
        }
      }
      item.message = fmt::format("{} has no valid file for {}: {}.",
                                 EntryText(*entry), year, item.reason);
      checked.missing.push_back(std::move(item));
    }
    expect.years.push_back(std::move(checked));
  }

  for (const RollupOrganisation& organisation : rollup->organisations) {
    const Organisation& who = organisation.organisation;
    if (!who.code.empty() && codes.count(who.code) > 0) continue;
    for (const OrganisationYear& year : organisation.years) {
      UnexpectedFile file;
      file.file = year.source;
      file.organisation = year.organisation;
      file.year = year.year;
      file.message = fmt::format(
          "{} is of {}, which is not on the register.", year.source,
          who.code.empty() ? fmt::format("{} (no code)", who.name)
                           : fmt::format("{} ({})", who.name, who.code));
      expect.unexpected.push_back(std::move(file));
    }
  }
  std::stable_sort(expect.unexpected.begin(), expect.unexpected.end(),
                   [](const UnexpectedFile& a, const UnexpectedFile& b) {
                     return a.file < b.file;
                   });
  rollup->counts.missing = static_cast<int>(missing.size());
  rollup->expect = std::move(expect);
  rollup->attention = BuildAttention(*rollup, missing);
}

}  // namespace eds
