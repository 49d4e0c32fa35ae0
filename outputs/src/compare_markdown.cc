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

// An outcome's score in a year, or why there is none.
std::string ScoreCell(const std::optional<Rational>& score, bool assessed) {
  if (!assessed) return "not in rubric";
  return score ? score->ToString() : kNotRated;
}

std::string ChangeCell(const std::optional<Rational>& change) {
  return change ? history::SignedText(*change) : kNothing;
}

class CompareMarkdownReport {
 public:
  explicit CompareMarkdownReport(const CompareResult& result)
      : result_(result), rubric_(*result.rubric) {}

  std::string Write() {
    Header();
    Ratings();
    Outcomes();
    Changes();
    NotComparable();
    Footer();
    return out_;
  }

 private:
  void Header() {
    const std::string& title =
        rubric_.title.empty() ? rubric_.id : rubric_.title;
    out_ += fmt::format("# {} — {} year on year\n\n", Escape(title),
                        Escape(result_.organisation.name));
    out_ += TableHead({"Item", "Details"});
    out_ += Row({"Name of organisation", Cell(result_.organisation.name)});
    if (!result_.organisation.code.empty()) {
      out_ += Row({"Organisation code", Cell(result_.organisation.code)});
    }
    if (!result_.organisation.system.empty()) {
      out_ += Row({"Name of Integrated Care System",
                   Cell(result_.organisation.system)});
    }
    std::string years;
    for (const OrganisationYear& year : result_.years) {
      if (!years.empty()) years += ", ";
      years += Escape(year.year);
    }
    out_ += Row({"Years compared", years});
    out_ += "\n";
  }

  void Ratings() {
    out_ += "## Rating by year\n\n";
    std::vector<std::string> headers = {"Year", "Total", "Rating"};
    for (const Domain& domain : rubric_.domains) {
      headers.push_back(fmt::format("Domain {}", Escape(domain.id)));
    }
    out_ += TableHead(headers);
    for (const OrganisationYear& year : result_.years) {
      std::vector<std::string> cells = {Escape(year.year),
                                        history::TotalText(year),
                                        Cell(year.RatingOrIncomplete())};
      for (const Domain& domain : rubric_.domains) {
        const IdScore* score = year.FindDomain(domain.id);
        cells.push_back(score == nullptr    ? "not in rubric"
                        : score->score ? score->score->ToString()
                                       : kIncomplete);
      }
      out_ += Row(cells);
    }
    out_ += "\n";
    for (const RatingChange& change : result_.rating_changes) {
      out_ += "- " + Escape(DescribeRatingChange(change)) + "\n";
    }
    out_ += "\n";
  }

  void Outcomes() {
    out_ += "## Outcome scores by year\n\n";
    const std::size_t count = result_.years.size();
    std::vector<std::string> headers = {"Outcome"};
    for (const OrganisationYear& year : result_.years) {
      headers.push_back(Escape(year.year));
    }
    headers.push_back(
        fmt::format("Change since {}", Escape(result_.years[count - 2].year)));
    if (count > 2) {
      headers.push_back(
          fmt::format("Change since {}", Escape(result_.years[0].year)));
    }
    out_ += TableHead(headers);
    for (const TrendRow& row : result_.outcomes) {
      std::vector<std::string> cells = {
          Escape(row.outcome.id + " " + row.outcome.name)};
      for (std::size_t i = 0; i < count; ++i) {
        cells.push_back(ScoreCell(row.scores[i], row.assessed[i]));
      }
      cells.push_back(ChangeCell(row.change));
      if (count > 2) cells.push_back(ChangeCell(row.change_since_first));
      out_ += Row(cells);
    }
    out_ += "\n";
  }

  void Changes() {
    out_ += "## What changed\n\n";
    if (result_.changes.empty()) {
      out_ += "No outcome score changed between the years compared.\n\n";
      return;
    }
    std::string year;
    for (const OutcomeChange& change : result_.changes) {
      if (change.to_year != year) {
        if (!year.empty()) out_ += "\n";
        year = change.to_year;
        out_ += fmt::format("### {} compared with {}\n\n", Escape(year),
                            Escape(change.from_year));
      }
      out_ += "- " + Escape(DescribeChange(change)) + "\n";
    }
    out_ += "\n";
  }

  void NotComparable() {
    if (result_.not_comparable.empty()) return;
    out_ += "## Outcomes that cannot be compared\n\n";
    out_ +=
        "These outcomes are not in every year's rubric, so their scores are "
        "shown but not compared:\n\n";
    for (const TrendRow& row : result_.outcomes) {
      if (row.comparable) continue;
      std::string years;
      for (std::size_t i = 0; i < row.assessed.size(); ++i) {
        if (!row.assessed[i]) continue;
        if (!years.empty()) years += ", ";
        years += result_.years[i].year;
      }
      out_ += fmt::format("- {} (assessed in {})\n",
                          Escape(row.outcome.id + " " + row.outcome.name),
                          Escape(years));
    }
    out_ += "\n";
  }

  void Footer() {
    out_ += "---\n\n";
    out_ += Escape(history::StampText(result_.tool_version, result_.rubrics,
                                      result_.policies)) +
            "\n\nSources:\n\n";
    for (const OrganisationYear& year : result_.years) {
      out_ += fmt::format("- {}: {}\n", Escape(year.year), Escape(year.source));
    }
  }

  const CompareResult& result_;
  const Rubric& rubric_;
  std::string out_;
};

}  // namespace

std::string CompareMarkdown(const CompareResult& result) {
  return CompareMarkdownReport(result).Write();
}

}  // namespace eds
