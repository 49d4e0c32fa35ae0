#include "eds/score_sheet.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "xlsx_table.h"

namespace eds {
namespace {

const std::vector<std::string> kHeadings = {
    "service",     "service name",     "outcome", "outcome title",
    "stakeholder", "stakeholder name", "score",   "comment"};

std::vector<std::string> Cells(const ScoreSheetRow& row) {
  return {row.service,     row.service_name,     row.outcome, row.outcome_title,
          row.stakeholder, row.stakeholder_name, "",          ""};
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string ScoreSheetCsv(const std::vector<ScoreSheetRow>& rows) {
  std::string text;
  const auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) text += ',';
      text += CsvField(cells[i]);
    }
    text += "\r\n";
  };
  line(kHeadings);
  for (const ScoreSheetRow& row : rows) line(Cells(row));
  return text;
}

Status WriteScoreSheetWorkbook(const Rubric& rubric,
                               const std::vector<ScoreSheetRow>& rows,
                               const std::string& path) {
  xlsx::DocumentInfo info;
  info.title = "EDS score sheet";
  info.created = xlsx::DocumentTime(std::nullopt, "2000/01");
  xlsx::Book book(path, info);

  std::vector<std::string> choices;
  for (const Level& level : rubric.levels) {
    choices.push_back(fmt::format("{} - {}", level.points, level.name));
  }
  choices.push_back("not rated");

  if (xlsx::Sheet* notes = book.AddSheet("Instructions")) {
    const std::vector<std::string> lines = {
        "How to fill in this score sheet",
        "",
        "Each row of the Scores sheet is one stakeholder's rating of one "
        "outcome "
        "(of one service, for the outcomes rated per service).",
        fmt::format("Choose the score from the drop-down: {}.",
                    fmt::join(choices, ", ")),
        "Write a comment if you like. Leave the id columns (service, outcome, "
        "stakeholder) as they are; the name columns are there to read.",
        "Delete a row, or choose 'not rated', when a stakeholder does not rate "
        "that outcome. A blank score is reported as an error.",
        "Rows may be added for more stakeholders or services: use the ids "
        "declared in the assessment file, or the declared names.",
        "Then run: eds3 grade ASSESSMENT.yaml",
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
      notes->Text(static_cast<xlsx::Row>(i), 0, lines[i],
                  i == 0 ? xlsx::Title() : xlsx::Style());
    }
    notes->SetColumnWidth(0, 0, 110);
  }
  if (xlsx::Sheet* scores = book.AddSheet("Scores")) {
    std::vector<xlsx::Table::Column> columns;
    for (const std::string& heading : kHeadings) {
      columns.push_back({heading, 10, heading == "comment" ? 60.0 : 40.0});
    }
    xlsx::Table table(scores, 0, columns);
    for (const ScoreSheetRow& row : rows) {
      table.NewRow();
      const std::vector<std::string> cells = Cells(row);
      for (std::size_t i = 0; i < 6; ++i) table.Text(i, cells[i]);
    }
    table.Finish();
    scores->SetColumnWidth(6, 6, 18);
    scores->SetColumnWidth(7, 7, 60);
    if (!rows.empty()) {
      scores->DropDownList(1, static_cast<xlsx::Row>(rows.size()), 6, choices,
                           "Not a score",
                           "Choose a score from the list, or 'not rated'.",
                           "the score drop-down");
    }
  }
  return book.Close();
}

}  // namespace eds
