#include <fmt/format.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eds/history.h"
#include "eds/history_outputs.h"
#include "history_common.h"
#include "markdown_util.h"
#include "report_text.h"

namespace eds {
namespace {

using markdown::Cell;
using markdown::Escape;
using markdown::kNothing;
using markdown::Row;
using markdown::TableHead;

// The headline counts, as rows of the header table.
std::string CountRows(const RollupCounts& counts) {
  std::string rows =
      Row({"Organisations included", std::to_string(counts.included)}) +
      Row({"Organisations excluded (every file invalid)",
           std::to_string(counts.excluded)});
  if (counts.missing) {
    rows += Row({"Organisations missing (expected, no file)",
                 std::to_string(*counts.missing)});
  }
  return rows;
}

std::string WhoCell(const Organisation& organisation) {
  return organisation.name.empty() ? kNothing : Cell(organisation.name);
}

// Organisations whose latest year is older than the rollup's, and those
// whose every file was excluded, one row each, saying why.
std::string NotUpToDateSection(const RollupResult& result) {
  if (result.counts.out_of_date == 0 && result.excluded_organisations.empty()) {
    return "";
  }
  std::string out =
      fmt::format("## Not up to date ({})\n\n", Escape(result.years.back()));
  out += TableHead({"Organisation", "Code", "Latest year", "Why"});
  for (const RollupOrganisation& organisation : result.organisations) {
    if (!organisation.out_of_date) continue;
    out += Row({WhoCell(organisation.organisation),
                Cell(organisation.organisation.code),
                Escape(organisation.latest().year),
                Cell(organisation.out_of_date->message)});
  }
  for (const ExcludedOrganisation& organisation :
       result.excluded_organisations) {
    out +=
        Row({WhoCell(organisation.organisation),
             Cell(organisation.organisation.code), kNothing,
             Cell("every file excluded: " + ListInWords(organisation.files))});
  }
  return out + "\n";
}

// The register (--expect) against the rollup.
std::string ExpectedSection(const RollupResult& result) {
  if (!result.expect) return "";
  const ExpectResult& expect = *result.expect;
  std::string out = "## Expected organisations\n\n";
  out +=
      fmt::format("{} organisation{} on the register {}.\n\n", expect.expected,
                  expect.expected == 1 ? "" : "s", Escape(expect.file));
  for (const ExpectedYear& year : expect.years) {
    out += fmt::format("### No valid file for {}\n\n", Escape(year.year));
    if (year.missing.empty()) {
      out += "Every organisation expected has a valid file.\n\n";
      continue;
    }
    out += TableHead({"Organisation", "Code", "Register line", "Why"});
    for (const ExpectedMissing& missing : year.missing) {
      out += Row({Cell(missing.name), Cell(missing.code),
                  std::to_string(missing.line), Cell(missing.reason)});
    }
    out += "\n";
  }
  out += "### Files of organisations not on the register\n\n";
  if (expect.unexpected.empty()) return out + "None.\n\n";
  out += TableHead({"File", "Organisation", "Code", "Year"});
  for (const UnexpectedFile& file : expect.unexpected) {
    out += Row({Cell(file.file), Cell(file.organisation.name),
                Cell(file.organisation.code), Escape(file.year)});
  }
  return out + "\n";
}

class RollupMarkdownReport {
 public:
  explicit RollupMarkdownReport(const RollupResult& result)
      : result_(result), rubric_(*result.rubric) {}

  std::string Write() {
    Header();
    Attention();
    Organisations();
    out_ += NotUpToDateSection(result_);
    out_ += ExpectedSection(result_);
    RatingsByYear();
    Excluded();
    Checks();
    Footer();
    return out_;
  }

 private:
  void Header() {
    const std::string& title =
        rubric_.title.empty() ? rubric_.id : rubric_.title;
    out_ += fmt::format("# {} — rollup of {} organisation{}\n\n", Escape(title),
                        result_.organisations.size(),
                        result_.organisations.size() == 1 ? "" : "s");
    std::size_t assessments = 0;
    for (const RollupOrganisation& organisation : result_.organisations) {
      assessments += organisation.years.size();
    }
    std::string years;
    for (const std::string& year : result_.years) {
      if (!years.empty()) years += ", ";
      years += Escape(year);
    }
    out_ += TableHead({"Item", "Details"});
    out_ +=
        Row({"Organisations", std::to_string(result_.organisations.size())});
    out_ += Row({"Assessments", std::to_string(assessments)});
    out_ += Row({"Years", years});
    out_ += CountRows(result_.counts);
    if (!result_.options.system.empty()) {
      out_ += Row({"Integrated Care System", Cell(result_.options.system)});
    }
    if (!result_.options.year.empty()) {
      out_ += Row({"Year shown", Cell(result_.options.year)});
    }
    if (result_.options.skip_invalid) {
      out_ += Row({"Files excluded as invalid",
                   std::to_string(result_.excluded.size())});
    }
    out_ += "\n";
  }

  void Attention() {
    const eds::Attention& attention = result_.attention;
    out_ += "## Needs attention\n\n";
    if (attention.items.empty() && attention.outcomes.empty()) {
      out_ += "Nothing, by the rules below.\n\n";
    } else {
      for (const AttentionItem& item : attention.items) {
        out_ += fmt::format("- **{}:** {}\n",
                            history::AttentionLabel(item.reason),
                            Escape(item.message));
      }
      for (const OutcomeAttention& outcome : attention.outcomes) {
        out_ += fmt::format("- **Outcome:** {}\n", Escape(outcome.message));
      }
      out_ += "\n";
    }
    out_ += "How this list is made:\n\n";
    for (const std::string& rule : attention.rules) {
      out_ += "- " + Escape(rule) + "\n";
    }
    out_ += "\n";
  }

  void Organisations() {
    out_ += "## Latest rating of each organisation\n\n";
    std::vector<std::string> headers = {"Organisation", "Code",  "System",
                                        "Latest year",  "Total", "Rating"};
    for (const Domain& domain : rubric_.domains) {
      headers.push_back(fmt::format("Domain {}", Escape(domain.id)));
    }
    headers.push_back("Change since previous year");
    headers.push_back("Graded with rubric");
    out_ += TableHead(headers);
    for (const RollupOrganisation& organisation : result_.organisations) {
      const OrganisationYear& latest = organisation.latest();
      std::vector<std::string> cells = {Cell(organisation.organisation.name),
                                        Cell(organisation.organisation.code),
                                        Cell(organisation.organisation.system),
                                        Escape(latest.year),
                                        history::TotalText(latest),
                                        Cell(latest.RatingOrIncomplete())};
      for (const Domain& domain : rubric_.domains) {
        const IdScore* score = latest.FindDomain(domain.id);
        if (score == nullptr) {
          cells.push_back("not in rubric");
        } else {
          cells.push_back(score->score ? score->score->ToString()
                                       : kIncomplete);
        }
      }
      const OrganisationYear* previous = organisation.previous();
      if (organisation.change) {
        cells.push_back(fmt::format("{} (since {})",
                                    history::SignedText(*organisation.change),
                                    Escape(previous->year)));
      } else if (!organisation.same_scale) {
        cells.push_back(kNotComparable);
      } else {
        cells.push_back(kNothing);
      }
      cells.push_back(Cell(latest.rubric->Provenance()));
      out_ += Row(cells);
    }
    out_ += "\n";
  }

  void RatingsByYear() {
    out_ += "## Number of organisations by rating and year\n\n";
    std::vector<std::string> headers = {"Year"};
    for (const std::string& rating : result_.ratings) {
      headers.push_back(Escape(rating));
    }
    headers.push_back("Organisations");
    out_ += TableHead(headers);
    for (const RatingCounts& counts : result_.ratings_by_year) {
      std::vector<std::string> cells = {Escape(counts.year)};
      for (const int count : counts.counts)
        cells.push_back(std::to_string(count));
      cells.push_back(std::to_string(counts.organisations));
      out_ += Row(cells);
    }
    out_ += "\n";
  }

  void Excluded() {
    if (result_.excluded.empty()) return;
    out_ += "## Files excluded as invalid\n\n";
    for (const ExcludedFile& file : result_.excluded) {
      out_ += "- " + Escape(file.file) + "\n";
      for (const std::string& error : file.errors) {
        out_ += "  - " + Escape(error) + "\n";
      }
    }
    out_ += "\n";
  }

  void Checks() {
    if (result_.checks.empty()) return;
    out_ += "## Warnings to check\n\n";
    out_ += TableHead({"File", "Line", "Compared with", "Warning"});
    for (const RollupCheck& check : result_.checks) {
      out_ += Row({Cell(check.file),
                   check.line > 0 ? std::to_string(check.line) : kNothing,
                   Cell(check.other_file), Cell(check.message)});
    }
    out_ += "\n";
  }

  void Footer() {
    out_ += "---\n\n";
    out_ += Escape(history::StampText(result_.tool_version, result_.rubrics,
                                      result_.policies)) +
            "\n";
  }

  const RollupResult& result_;
  const Rubric& rubric_;
  std::string out_;
};

}  // namespace

std::string RollupMarkdown(const RollupResult& result) {
  return RollupMarkdownReport(result).Write();
}

}  // namespace eds
