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

class RollupMarkdownReport {
 public:
  explicit RollupMarkdownReport(const RollupResult& result)
      : result_(result), rubric_(*result.rubric) {}

  std::string Write() {
    Header();
    Attention();
    Organisations();
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
