#include <fmt/format.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eds/history.h"
#include "eds/history_outputs.h"
#include "eds/method_text.h"
#include "history_common.h"
#include "markdown_util.h"
#include "report_doc.h"
#include "report_text.h"

namespace eds {
namespace {

using markdown::kNothing;
using markdown::Trim;
using report::Cell;
using report::Document;
using report::Inline;
using report::Input;
using report::Text;

// Input text for a table cell, or kNothing when there is none.
Inline CellText(const std::string& text) {
  return Trim(text).empty() ? Text(kNothing) : Input(text);
}

// An outcome's score in a year, or why there is none; coloured by its level
// in HTML, which also names the level.
Cell ScoreCell(const OrganisationYear& year, const TrendRow& row,
               std::size_t index) {
  if (!row.assessed[index]) return Text("not in rubric");
  const std::optional<Rational>& score = row.scores[index];
  if (!score) return Text(kNotRated);
  Cell cell = Text(score->ToString());
  const IdScore* outcome = year.FindOutcome(row.outcome.id);
  if (outcome != nullptr && outcome->level.has_value()) {
    cell.level = outcome->level.index();
    cell.level_word = outcome->level.Name(*year.rubric);
  }
  return cell;
}

Inline ChangeCell(const std::optional<Rational>& change) {
  return Text(change ? history::SignedText(*change) : kNothing);
}

// The comparison as a format-free document (report_doc.h).
class CompareDocument {
 public:
  explicit CompareDocument(const CompareResult& result)
      : result_(result), rubric_(*result.rubric) {}

  Document Build() {
    Header();
    Ratings();
    Outcomes();
    Changes();
    NotComparable();
    Footer();
    return std::move(doc_);
  }

 private:
  void Header() {
    const std::string& title =
        rubric_.title.empty() ? rubric_.id : rubric_.title;
    doc_.Heading(1, Input(title) + Text(" — ") +
                        Input(result_.organisation.name) +
                        Text(" year on year"));
    report::Block& table = doc_.Table(Text("Organisation details"),
                                      {Text("Item"), Text("Details")});
    table.rows.push_back(
        {Text("Name of organisation"), CellText(result_.organisation.name)});
    if (!result_.organisation.code.empty()) {
      table.rows.push_back(
          {Text("Organisation code"), CellText(result_.organisation.code)});
    }
    if (!result_.organisation.system.empty()) {
      table.rows.push_back({Text("Name of Integrated Care System"),
                            CellText(result_.organisation.system)});
    }
    std::vector<Inline> years;
    for (const OrganisationYear& year : result_.years) {
      years.push_back(Input(year.year));
    }
    table.rows.push_back(
        {Text("Years compared"), report::JoinInline(years, ", ")});
  }

  void Ratings() {
    doc_.Heading(2, Text("Rating by year"));
    std::vector<Inline> headers = {Text("Year"), Text("Total"), Text("Rating")};
    for (const Domain& domain : rubric_.domains) {
      headers.push_back(Text("Domain ") + Input(domain.id));
    }
    report::Block& table = doc_.Table(
        Text("Total, rating and domain scores of each year"), headers);
    for (const OrganisationYear& year : result_.years) {
      std::vector<Cell> cells = {Input(year.year),
                                 Text(history::TotalText(year)),
                                 CellText(year.rating.Name(*year.rubric))};
      for (const Domain& domain : rubric_.domains) {
        const IdScore* score = year.FindDomain(domain.id);
        cells.push_back(Text(score == nullptr ? "not in rubric"
                             : score->score   ? score->score->ToString()
                                              : kIncompleteSum));
      }
      table.rows.push_back(cells);
    }
    std::vector<Inline> changes;
    for (const RatingChange& change : result_.rating_changes) {
      changes.push_back(Input(DescribeRatingChange(change)));
    }
    doc_.List(changes);
  }

  void Outcomes() {
    doc_.Heading(2, Text("Outcome scores by year"));
    const std::size_t count = result_.years.size();
    std::vector<Inline> headers = {Text("Outcome")};
    for (const OrganisationYear& year : result_.years) {
      headers.push_back(Input(year.year));
    }
    headers.push_back(Text("Change since ") +
                      Input(result_.years[count - 2].year));
    if (count > 2) {
      headers.push_back(Text("Change since ") + Input(result_.years[0].year));
    }
    report::Block& table = doc_.Table(
        Text("Score of each outcome by year, with its level, and the change"),
        headers);
    for (const TrendRow& row : result_.outcomes) {
      std::vector<Cell> cells = {
          Input(row.outcome.id + " " + row.outcome.name)};
      for (std::size_t i = 0; i < count; ++i) {
        cells.push_back(ScoreCell(result_.years[i], row, i));
      }
      cells.push_back(ChangeCell(row.change));
      if (count > 2) cells.push_back(ChangeCell(row.change_since_first));
      table.rows.push_back(cells);
    }
  }

  void Changes() {
    doc_.Heading(2, Text("What changed"));
    if (result_.changes.empty()) {
      doc_.Paragraph(
          Text("No outcome score changed between the years compared."));
      return;
    }
    std::string year;
    std::vector<Inline> items;
    for (const OutcomeChange& change : result_.changes) {
      if (change.to_year != year) {
        if (!year.empty()) doc_.List(items);
        items.clear();
        year = change.to_year;
        doc_.Heading(
            3, Input(year) + Text(" compared with ") + Input(change.from_year));
      }
      items.push_back(Input(DescribeChange(change)));
    }
    doc_.List(items);
  }

  void NotComparable() {
    if (result_.not_comparable.empty()) return;
    doc_.Heading(2, Text("Outcomes that cannot be compared"));
    doc_.Paragraph(
        Text("These outcomes are not in every year's rubric, so their scores "
             "are shown but not compared:"));
    std::vector<Inline> items;
    for (const TrendRow& row : result_.outcomes) {
      if (row.comparable) continue;
      std::string years;
      for (std::size_t i = 0; i < row.assessed.size(); ++i) {
        if (!row.assessed[i]) continue;
        if (!years.empty()) years += ", ";
        years += result_.years[i].year;
      }
      items.push_back(Input(row.outcome.id + " " + row.outcome.name) +
                      Text(" (assessed in ") + Input(years) + Text(")"));
    }
    doc_.List(items);
  }

  void Footer() {
    doc_.Rule();
    doc_.Paragraph(Input(
        HistoryStamp(result_.tool_version, result_.rubrics, result_.policies)));
    doc_.Paragraph(Text("Sources:"));
    std::vector<Inline> items;
    for (const OrganisationYear& year : result_.years) {
      items.push_back(Input(year.year) + Text(": ") + Input(year.source));
    }
    doc_.List(items);
  }

  const CompareResult& result_;
  const Rubric& rubric_;
  Document doc_;
};

}  // namespace

std::string CompareMarkdown(const CompareResult& result) {
  return report::RenderMarkdown(CompareDocument(result).Build());
}

std::string CompareHtml(const CompareResult& result) {
  return report::RenderHtml(CompareDocument(result).Build());
}

}  // namespace eds
