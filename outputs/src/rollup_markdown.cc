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
using report::Block;
using report::Cell;
using report::Document;
using report::Inline;
using report::Input;
using report::Strong;
using report::Text;

// Input text for a table cell, or kNothing when there is none.
Inline CellText(const std::string& text) {
  return Trim(text).empty() ? Text(kNothing) : Input(text);
}

// The rollup as a format-free document (report_doc.h).
// The headline counts, as rows of the header table.
void AddCountRows(const RollupCounts& counts, Block& table) {
  table.rows.push_back(
      {Text("Organisations included"), Text(std::to_string(counts.included))});
  table.rows.push_back({Text("Organisations excluded (every file invalid)"),
                        Text(std::to_string(counts.excluded))});
  if (counts.missing) {
    table.rows.push_back({Text("Organisations missing (expected, no file)"),
                          Text(std::to_string(*counts.missing))});
  }
}

Inline WhoCell(const Organisation& organisation) {
  return organisation.name.empty() ? Text(kNothing)
                                   : CellText(organisation.name);
}

class RollupDocument {
 public:
  explicit RollupDocument(const RollupResult& result)
      : result_(result), rubric_(*result.rubric) {}

  Document Build() {
    Header();
    Attention();
    Organisations();
    NotUpToDate();
    Expected();
    OutcomeLevels();
    RatingsByYear();
    Excluded();
    Checks();
    Footer();
    return std::move(doc_);
  }

 private:
  void Header() {
    const std::string& title =
        rubric_.title.empty() ? rubric_.id : rubric_.title;
    doc_.Heading(
        1, Input(title) +
               Text(fmt::format(" — rollup of {} organisation{}",
                                result_.organisations.size(),
                                result_.organisations.size() == 1 ? "" : "s")));
    std::size_t assessments = 0;
    for (const RollupOrganisation& organisation : result_.organisations) {
      assessments += organisation.years.size();
    }
    std::vector<Inline> years;
    for (const std::string& year : result_.years) years.push_back(Input(year));
    Block& table =
        doc_.Table(Text("What was rolled up"), {Text("Item"), Text("Details")});
    table.rows.push_back({Text("Organisations"),
                          Text(std::to_string(result_.organisations.size()))});
    table.rows.push_back(
        {Text("Assessments"), Text(std::to_string(assessments))});
    table.rows.push_back({Text("Years"), report::JoinInline(years, ", ")});
    AddCountRows(result_.counts, table);
    if (!result_.options.system.empty()) {
      table.rows.push_back(
          {Text("Integrated Care System"), CellText(result_.options.system)});
    }
    if (!result_.options.year.empty()) {
      table.rows.push_back(
          {Text("Year shown"), CellText(result_.options.year)});
    }
    if (result_.options.skip_invalid) {
      table.rows.push_back({Text("Files excluded as invalid"),
                            Text(std::to_string(result_.excluded.size()))});
    }
  }

  void Attention() {
    const eds::Attention& attention = result_.attention;
    doc_.Heading(2, Text("Needs attention"));
    if (attention.items.empty() && attention.outcomes.empty()) {
      doc_.Paragraph(Text("Nothing, by the rules below."));
    } else {
      std::vector<Inline> items;
      for (const AttentionItem& item : attention.items) {
        items.push_back(
            Strong(Text(history::AttentionLabel(item.reason) + ":")) +
            Text(" ") + Input(item.message));
      }
      for (const OutcomeAttention& outcome : attention.outcomes) {
        items.push_back(Strong(Text("Outcome:")) + Text(" ") +
                        Input(outcome.message));
      }
      doc_.List(items);
    }
    doc_.Paragraph(Text("How this list is made:"));
    std::vector<Inline> rules;
    for (const std::string& rule : attention.rules)
      rules.push_back(Input(rule));
    doc_.List(rules);
  }

  void Organisations() {
    doc_.Heading(2, Text("Latest rating of each organisation"));
    std::vector<Inline> headers = {Text("Organisation"), Text("Code"),
                                   Text("System"),       Text("Latest year"),
                                   Text("Total"),        Text("Rating")};
    for (const Domain& domain : rubric_.domains) {
      headers.push_back(Text("Domain ") + Input(domain.id));
    }
    headers.push_back(Text("Change since previous year"));
    headers.push_back(Text("Graded with rubric"));
    Block& table =
        doc_.Table(Text("Latest year, total, rating and domain scores of each "
                        "organisation"),
                   headers);
    for (const RollupOrganisation& organisation : result_.organisations) {
      const OrganisationYear& latest = organisation.latest();
      std::vector<Cell> cells = {CellText(organisation.organisation.name),
                                 CellText(organisation.organisation.code),
                                 CellText(organisation.organisation.system),
                                 Input(latest.year),
                                 Text(history::TotalText(latest)),
                                 CellText(latest.rating.Name(*latest.rubric))};
      for (const Domain& domain : rubric_.domains) {
        const IdScore* score = latest.FindDomain(domain.id);
        if (score == nullptr) {
          cells.push_back(Text("not in rubric"));
        } else {
          cells.push_back(
              Text(score->score ? score->score->ToString() : kIncompleteSum));
        }
      }
      const OrganisationYear* previous = organisation.previous();
      if (organisation.change) {
        cells.push_back(
            Text(history::SignedText(*organisation.change) + " (since ") +
            Input(previous->year) + Text(")"));
      } else if (!organisation.same_scale) {
        cells.push_back(Text(kNotComparable));
      } else {
        cells.push_back(Text(kNothing));
      }
      cells.push_back(CellText(latest.rubric->Provenance()));
      table.rows.push_back(cells);
    }
  }

  // Organisations whose latest year is older than the rollup's, and those
  // whose every file was excluded, one row each, saying why.
  void NotUpToDate() {
    if (result_.counts.out_of_date == 0 &&
        result_.excluded_organisations.empty()) {
      return;
    }
    doc_.Heading(
        2, Text("Not up to date (") + Input(result_.years.back()) + Text(")"));
    Block& table = doc_.Table(
        Text("Organisations not up to date, and why"),
        {Text("Organisation"), Text("Code"), Text("Latest year"), Text("Why")});
    for (const RollupOrganisation& organisation : result_.organisations) {
      if (!organisation.out_of_date) continue;
      table.rows.push_back({WhoCell(organisation.organisation),
                            CellText(organisation.organisation.code),
                            Input(organisation.latest().year),
                            CellText(organisation.out_of_date->message)});
    }
    for (const ExcludedOrganisation& organisation :
         result_.excluded_organisations) {
      table.rows.push_back({WhoCell(organisation.organisation),
                            CellText(organisation.organisation.code),
                            Text(kNothing),
                            CellText("every file excluded: " +
                                     ListInWords(organisation.files))});
    }
  }

  // The register (--expect) against the rollup.
  void Expected() {
    if (!result_.expect) return;
    const ExpectResult& expect = *result_.expect;
    doc_.Heading(2, Text("Expected organisations"));
    doc_.Paragraph(
        Text(fmt::format("{} organisation{} on the register ", expect.expected,
                         expect.expected == 1 ? "" : "s")) +
        Input(expect.file) + Text("."));
    for (const ExpectedYear& year : expect.years) {
      doc_.Heading(3, Text("No valid file for ") + Input(year.year));
      if (year.missing.empty()) {
        doc_.Paragraph(Text("Every organisation expected has a valid file."));
        continue;
      }
      Block& table =
          doc_.Table(Text("Organisations expected with no valid file for ") +
                         Input(year.year),
                     {Text("Organisation"), Text("Code"), Text("Register line"),
                      Text("Why")});
      for (const ExpectedMissing& missing : year.missing) {
        table.rows.push_back({CellText(missing.name), CellText(missing.code),
                              Text(std::to_string(missing.line)),
                              CellText(missing.reason)});
      }
    }
    doc_.Heading(3, Text("Files of organisations not on the register"));
    if (expect.unexpected.empty()) {
      doc_.Paragraph(Text("None."));
      return;
    }
    Block& table = doc_.Table(
        Text("Files of organisations not on the register"),
        {Text("File"), Text("Organisation"), Text("Code"), Text("Year")});
    for (const UnexpectedFile& file : expect.unexpected) {
      table.rows.push_back(
          {CellText(file.file), CellText(file.organisation.name),
           CellText(file.organisation.code), Input(file.year)});
    }
  }

  // The heat map of the workbook's Outcomes sheet: each organisation's latest
  // score on each outcome, with its level in words (and, in HTML, coloured).
  void OutcomeLevels() {
    doc_.Heading(2, Text("Outcome levels of each organisation"));
    // The code tells apart two organisations of one name.
    std::vector<Inline> headers = {Text("Organisation"), Text("Code")};
    for (const Domain& domain : rubric_.domains) {
      for (const Outcome& outcome : domain.outcomes) {
        headers.push_back(Input(outcome.id));
      }
    }
    Block& table = doc_.Table(
        Text("Score and level of each outcome in each organisation's latest "
             "year"),
        headers);
    for (const RollupOrganisation& organisation : result_.organisations) {
      const OrganisationYear& latest = organisation.latest();
      std::vector<Cell> cells = {CellText(organisation.organisation.name),
                                 CellText(organisation.organisation.code)};
      for (const Domain& domain : rubric_.domains) {
        for (const Outcome& outcome : domain.outcomes) {
          cells.push_back(LevelCell(latest, outcome.id));
        }
      }
      table.rows.push_back(cells);
    }
  }

  static Cell LevelCell(const OrganisationYear& year,
                        const std::string& outcome_id) {
    const IdScore* score = year.FindOutcome(outcome_id);
    if (score == nullptr) return Text("not in rubric");
    if (!score->score) return Text(kNotRated);
    if (!score->level.has_value()) return Text(score->score->ToString());
    Cell cell = Text(score->score->ToString() + " (") +
                Input(score->level.Name(*year.rubric)) + Text(")");
    cell.level = score->level.index();
    return cell;
  }

  void RatingsByYear() {
    doc_.Heading(2, Text("Number of organisations by rating and year"));
    std::vector<Inline> headers = {Text("Year")};
    for (const std::string& rating : result_.ratings) {
      headers.push_back(Input(rating));
    }
    headers.push_back(Text("Organisations"));
    Block& table = doc_.Table(
        Text("Number of organisations at each rating, by year"), headers);
    for (const RatingCounts& counts : result_.ratings_by_year) {
      std::vector<Cell> cells = {Input(counts.year)};
      for (const int count : counts.counts) {
        cells.push_back(Text(std::to_string(count)));
      }
      cells.push_back(Text(std::to_string(counts.organisations)));
      table.rows.push_back(cells);
    }
  }

  void Excluded() {
    if (result_.excluded.empty()) return;
    doc_.Heading(2, Text("Files excluded as invalid"));
    std::vector<report::ListItem> items;
    for (const ExcludedFile& file : result_.excluded) {
      report::ListItem item{Input(file.file), {}};
      for (const std::string& error : file.errors) {
        item.children.push_back(Input(error));
      }
      items.push_back(std::move(item));
    }
    doc_.NestedList(std::move(items));
  }

  void Checks() {
    if (result_.checks.empty()) return;
    doc_.Heading(2, Text("Warnings to check"));
    Block& table = doc_.Table(
        Text("Warnings to check"),
        {Text("File"), Text("Line"), Text("Compared with"), Text("Warning")});
    for (const RollupCheck& check : result_.checks) {
      table.rows.push_back(
          {CellText(check.file),
           Text(check.line > 0 ? std::to_string(check.line) : kNothing),
           CellText(check.other_file), CellText(check.message)});
    }
  }

  void Footer() {
    doc_.Rule();
    doc_.Paragraph(Input(
        HistoryStamp(result_.tool_version, result_.rubrics, result_.policies)));
  }

  const RollupResult& result_;
  const Rubric& rubric_;
  Document doc_;
};

}  // namespace

std::string RollupMarkdown(const RollupResult& result) {
  return report::RenderMarkdown(RollupDocument(result).Build());
}

std::string RollupHtml(const RollupResult& result) {
  return report::RenderHtml(RollupDocument(result).Build());
}

}  // namespace eds
