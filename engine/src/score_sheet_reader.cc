#include "score_sheet_reader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "csv.h"
#include "eds/file_system.h"
#include "eds/limits.h"
#include "score_table.h"
#include "xlsx_reader.h"

namespace eds {
namespace {

const std::vector<std::string> kSheetColumns = {
    "service", "outcome", "stakeholder", "score", "comment"};
// Columns a score sheet may carry for the people filling it in (`init`
// writes them beside the ids); their contents are not read.
const std::vector<std::string> kNameColumns = {"service name", "outcome title",
                                               "stakeholder name"};

// A column header as a name: lower case, trimmed, '_' read as a space.
std::string ColumnName(const std::string& header) {
  std::string name = LowerTrimmed(header);
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Reads one score sheet's rows into ratings; each rating goes through the
// checker, as a YAML rating does.
class ScoreSheetReader {
 public:
  ScoreSheetReader(const RatingContext& context, RatingChecker& checker,
                   Diagnostics& diag)
      : context_(context),
        rubric_(*context.rubric),
        assessment_(*context.assessment),
        checker_(checker),
        diag_(diag) {}

  // Reads the ratings of `sheet`, which the assessment names as `path`. The
  // sheet's locations are relative (ParsedSheet): each problem is given this
  // assessment's spelling of the path, and so is each rating kept.
  void Read(const ParsedSheet& sheet, const std::string& path,
            const SheetRequest& request, const RatingSpot& named_at) {
    path_ = path;
    const std::size_t first = diag_.items().size();
    diag_.Append(sheet.problems);
    ReadParsed(sheet, request, named_at);
    diag_.ResolveRelative(first, path);
  }

 private:
  void ReadParsed(const ParsedSheet& sheet, const SheetRequest& request,
                  const RatingSpot& named_at) {
    if (sheet.xlsx) {
      ScoreTable table;
      if (sheet.parsed &&
          ReadXlsxTable(sheet.sheets, request, named_at, &table))
        ReadScoreTable(table, request.layout);
      return;
    }
    // A syntax error ends the parse; the rows before it are still checked
    // so that one run reports as much as it can.
    if (sheet.table.rows.empty()) {
      if (sheet.parsed) {
        diag_.Error({Diagnostics::RelativeFile(), 1, 1},
                    "the CSV file has no header row",
                    "the first row names the columns: "
                    "service,outcome,stakeholder,score,comment");
      }
      return;
    }
    ReadScoreTable(sheet.table, request.layout);
  }

  // A location of the sheet being read, with the assessment's path for it.
  SourceLocation At(const SourceLocation& where) const {
    if (where.file.compare(0, 1, Diagnostics::RelativeFile()) != 0)
      return where;
    return {path_ + where.file.substr(1), where.line, where.column};
  }

  // The score sheet of a workbook: the sheet named in the assessment, else
  // the first whose header row (its first row with text) names the columns
  // of a long sheet or outcome ids (a wide sheet).
  bool ReadXlsxTable(const std::vector<XlsxSheet>& sheets,
                     const SheetRequest& request, const RatingSpot& named_at,
                     ScoreTable* table) {
    const std::string& path = Diagnostics::RelativeFile();
    std::vector<std::string> names;
    for (const XlsxSheet& sheet : sheets) names.push_back(sheet.name);
    for (const XlsxSheet& sheet : sheets) {
      if (!request.sheet.empty()) {
        if (LowerTrimmed(sheet.name) != LowerTrimmed(request.sheet)) continue;
        if (sheet.rows.empty()) {
          diag_.Error({path, 0, 0},
                      fmt::format("sheet '{}' is empty", sheet.name),
                      "the first row names the columns: service, outcome, "
                      "stakeholder, score, comment");
          return false;
        }
        return SheetTable(sheet, path, table);
      }
      if (sheet.rows.empty()) continue;
      ScoreTable header;
      if (!SheetTable(XlsxSheet{sheet.name, {sheet.rows.front()}}, path,
                      &header)) {
        return false;
      }
      const TableRow& row = header.rows.front();
      std::set<std::string> columns;
      for (const TableCell& cell : row.cells)
        columns.insert(ColumnName(cell.text));
      const bool long_layout =
          columns.count("service") && columns.count("outcome") &&
          columns.count("stakeholder") && columns.count("score");
      if (long_layout || LooksWide(row)) return SheetTable(sheet, path, table);
    }
    if (!request.sheet.empty()) {
      diag_.Error(named_at.where,
                  fmt::format("the workbook '{}' has no sheet '{}'{}", path_,
                              request.sheet, Suggest(request.sheet, names)),
                  fmt::format("its sheets: {}", fmt::join(names, ", ")),
                  named_at.line());
      return false;
    }
    diag_.Error(
        {path, 0, 0},
        "no sheet has a header row naming the columns service, outcome, "
        "stakeholder and score, or columns of outcome ids (a wide sheet)",
        fmt::format("its sheets: {}; name the one to read with '{{file: ..., "
                    "sheet: NAME}}'",
                    fmt::join(names, ", ")));
    return false;
  }

  // A worksheet as a table as wide as its header row; each cell located as
  // "panel.xlsx:Scores!D14".
  bool SheetTable(const XlsxSheet& sheet, const std::string& path,
                  ScoreTable* table) {
    const bool plain =
        std::all_of(sheet.name.begin(), sheet.name.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
        });
    const std::string prefix =
        path + ":" + (plain ? sheet.name : "'" + sheet.name + "'") + "!";
    const auto where = [&](int column, int row) {
      return SourceLocation{prefix + CellName(column, row), 0, 0};
    };
    const int width = sheet.rows.front().cells.back().column;
    if (sheet.rows.size() * static_cast<std::size_t>(width) > kMaxXlsxCells) {
      diag_.Error(
          where(width, sheet.rows.front().number),
          fmt::format("the sheet has more than {} cells", kMaxXlsxCells));
      return false;
    }
    for (const XlsxRow& row : sheet.rows) {
      TableRow out;
      out.where = where(1, row.number);
      for (int column = 1; column <= width; ++column) {
        out.cells.push_back({"", where(column, row.number)});
      }
      bool row_ok = true;
      for (const XlsxCell& cell : row.cells) {
        if (cell.column > width) {
          diag_.Error(
              where(cell.column, row.number),
              "a value in a column that has no header",
              "name every column in the first row, or delete the value");
          row_ok = false;
          break;
        }
        out.cells[static_cast<std::size_t>(cell.column) - 1].text = cell.text;
      }
      if (row_ok) table->rows.push_back(std::move(out));
    }
    return true;
  }

  void ReadScoreTable(const ScoreTable& table, Layout layout) {
    const TableRow& header = table.rows.front();
    if (layout == Layout::kWide ||
        (layout == Layout::kDetect && LooksWide(header))) {
      ReadWideTable(table);
      return;
    }
    // Column positions by name, from the header.
    std::map<std::string, std::size_t> column;
    bool header_ok = true;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
      const std::string name = ColumnName(header.cells[i].text);
      const SourceLocation& where = header.cells[i].where;
      if (!Contains(kSheetColumns, name) && !Contains(kNameColumns, name)) {
        diag_.Error(where,
                    fmt::format("unknown column '{}'{}",
                                QuoteInput(header.cells[i].text),
                                Suggest(name, kSheetColumns)),
                    "the columns are service, outcome, stakeholder, score and "
                    "optionally comment",
                    header.line);
        header_ok = false;
      } else if (!column.emplace(name, i).second) {
        diag_.Error(where, fmt::format("column '{}' is named twice", name), "",
                    header.line);
        header_ok = false;
      }
    }
    for (const char* required :
         {"service", "outcome", "stakeholder", "score"}) {
      if (column.count(required) == 0) {
        diag_.Error(header.where,
                    fmt::format("the header has no '{}' column", required),
                    "the first row names the columns: "
                    "service,outcome,stakeholder,score,comment",
                    header.line);
        header_ok = false;
      }
    }
    if (!header_ok) return;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
      const TableRow& row = table.rows[r];
      if (!HasHeaderWidth(table, row, header)) continue;
      const auto cell = [&](const char* name) -> const TableCell& {
        return row.cells[column.at(name)];
      };
      const auto comment = column.find("comment");
      SheetRating(
          cell("service"), cell("outcome"), cell("stakeholder"), cell("score"),
          comment == column.end() ? nullptr : &row.cells[comment->second],
          row.line);
    }
  }

  // A wide sheet (a Microsoft Forms export): one row per stakeholder, one
  // column per outcome (of a service) whose header holds the outcome's id.
  // Whether a data row has as many fields as the header; reports it when
  // not, and the caller skips the row.
  bool HasHeaderWidth(const ScoreTable& table, const TableRow& row,
                      const TableRow& header) {
    if (row.cells.size() == header.cells.size()) return true;
    diag_.Error(row.where,
                fmt::format("this row has {} field{}; the header has {}",
                            row.cells.size(), row.cells.size() == 1 ? "" : "s",
                            header.cells.size()),
                table.width_hint, row.line);
    return false;
  }

  bool LooksWide(const TableRow& header) const {
    for (const TableCell& cell : header.cells) {
      if (ColumnName(cell.text) == "outcome") return false;
    }
    for (const TableCell& cell : header.cells) {
      if (!OutcomeInHeader(cell.text).empty()) return true;
    }
    return false;
  }

  // The outcome id that a header names as a word ("NHS 111 - 1A Access"),
  // or "" for none or for two.
  std::string OutcomeInHeader(const std::string& text) const {
    std::string found;
    for (const std::string& id : rubric_.OutcomeIds()) {
      const std::string upper = Upper(text);
      for (std::size_t at = upper.find(id); at != std::string::npos;
           at = upper.find(id, at + 1)) {
        const bool starts =
            at == 0 || !std::isalnum(static_cast<unsigned char>(upper[at - 1]));
        const std::size_t end = at + id.size();
        const bool ends = end == upper.size() ||
                          !std::isalnum(static_cast<unsigned char>(upper[end]));
        if (!starts || !ends) continue;
        if (!found.empty() && found != id) return "";
        found = id;
      }
    }
    return found;
  }

  // The declared service a header names (by id or name, as a part of the
  // header ignoring case), or nullptr; `twice` is set when two match.
  const Service* ServiceInHeader(const std::string& text, bool* twice) const {
    const std::string lower = LowerTrimmed(text);
    const Service* found = nullptr;
    *twice = false;
    for (const Service& service : assessment_.services) {
      if (lower.find(service.id) == std::string::npos &&
          lower.find(LowerTrimmed(service.name)) == std::string::npos) {
        continue;
      }
      if (found != nullptr) *twice = true;
      found = &service;
    }
    return found;
  }

  void ReadWideTable(const ScoreTable& table) {
    const TableRow& header = table.rows.front();
    // What each column holds.
    struct WideColumn {
      std::size_t index;
      std::string service, outcome;
      std::size_t comment = SIZE_MAX;  // the column of its comments, if any
    };
    std::vector<WideColumn> scores;
    std::vector<std::pair<std::size_t, std::string>> comments;  // column, key
    std::size_t stakeholder = SIZE_MAX;
    std::size_t name = SIZE_MAX;
    bool ok = true;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
      const TableCell& cell = header.cells[i];
      const std::string column = ColumnName(cell.text);
      if (column == "stakeholder") {
        stakeholder = i;
        continue;
      }
      if (column == "name") {
        name = i;
        continue;
      }
      const std::string outcome = OutcomeInHeader(cell.text);
      if (outcome.empty()) continue;  // a column of the form: time, email...
      const Domain* domain = rubric_.DomainOf(outcome);
      std::string service;
      if (domain->per_service && context_.services_given) {
        bool twice = false;
        const Service* found = ServiceInHeader(cell.text, &twice);
        if (found == nullptr || twice) {
          diag_.Error(
              cell.where,
              fmt::format("column '{}' rates {} but names {} declared service",
                          cell.text, outcome, twice ? "more than one" : "no"),
              fmt::format("put one service's id or name in the column's "
                          "header; services: {}",
                          fmt::join(context_.service_ids, ", ")),
              header.line);
          ok = false;
          continue;
        }
        service = found->id;
      }
      const std::string key = service + '\n' + outcome;
      if (LowerTrimmed(cell.text).find("comment") != std::string::npos) {
        comments.emplace_back(i, key);
        continue;
      }
      for (const WideColumn& other : scores) {
        if (other.service + '\n' + other.outcome == key) {
          diag_.Error(
              cell.where,
              fmt::format(
                  "column '{}' rates {}{} again (also column {})", cell.text,
                  outcome,
                  service.empty() ? "" : " for service '" + service + "'",
                  other.index + 1),
              "", header.line);
          ok = false;
        }
      }
      scores.push_back({i, service, outcome});
    }
    if (stakeholder == SIZE_MAX) stakeholder = name;
    if (stakeholder == SIZE_MAX) {
      diag_.Error(
          header.where,
          "the wide score sheet has no 'stakeholder' (or 'name') column",
          "one row per stakeholder: a column naming the stakeholder, "
          "then one column per outcome",
          header.line);
      ok = false;
    }
    if (!ok) return;
    for (auto& [index, key] : comments) {
      for (WideColumn& score : scores) {
        if (score.service + '\n' + score.outcome == key) score.comment = index;
      }
    }
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
      const TableRow& row = table.rows[r];
      if (!HasHeaderWidth(table, row, header)) continue;
      for (const WideColumn& score : scores) {
        const TableCell& value = row.cells[score.index];
        if (Blank(value.text)) continue;  // a question left unanswered
        TableCell service{score.service, value.where};
        TableCell outcome{score.outcome, value.where};
        SheetRating(
            service, outcome, row.cells[stakeholder], value,
            score.comment == SIZE_MAX ? nullptr : &row.cells[score.comment],
            row.line);
      }
    }
  }

  // One rating from a score sheet: the sheet front end of the checker.
  void SheetRating(const TableCell& service, const TableCell& outcome,
                   const TableCell& stakeholder, const TableCell& score,
                   const TableCell* comment, const std::string& line_text) {
    const auto at = [&](const TableCell& cell) {
      return RatingSpot{At(cell.where), [&] { return line_text; }};
    };
    bool ok = true;
    const auto [outcome_id, domain] =
        checker_.CheckOutcome(RatingSource::kSheet, outcome.text, at(outcome));
    if (domain == nullptr) ok = false;
    Service* target_service = nullptr;
    if (!Blank(service.text)) {
      target_service = FindService(service.text);
      if (target_service == nullptr) {
        diag_.Error(
            service.where,
            fmt::format("unknown service '{}'{}", QuoteInput(service.text),
                        Suggest(service.text, context_.service_ids)),
            context_.service_ids.empty()
                ? "this assessment declares no services; leave the column empty"
                : "a service must be declared under 'services' in the YAML",
            line_text);
        ok = false;
      } else if (domain != nullptr &&
                 !checker_.CheckPlacement(RatingSource::kSheet, *domain,
                                          outcome_id,
                                          /*for_service=*/true, at(service))) {
        ok = false;
      }
    } else if (domain != nullptr &&
               !checker_.CheckPlacement(RatingSource::kSheet, *domain,
                                        outcome_id,
                                        /*for_service=*/false, at(service))) {
      ok = false;
    }
    std::string who;
    if (!checker_.CheckStakeholder(stakeholder.text, at(stakeholder), &who))
      ok = false;
    const std::optional<int> points =
        checker_.CheckScore(RatingSource::kSheet, score.text, at(score), &ok);
    if (!ok || !points) return;
    std::map<std::string, OutcomeEntry>& outcomes =
        target_service ? target_service->outcomes : assessment_.outcomes;
    OutcomeEntry& entry = outcomes[outcome_id];
    entry.outcome_id = outcome_id;
    checker_.Record(target_service ? target_service->id : "", outcome_id, who,
                    *points, comment ? comment->text : "", at(stakeholder),
                    &entry);
  }

  Service* FindService(const std::string& text) {
    const std::string wanted = LowerTrimmed(text);
    Service* by_name = nullptr;
    int names = 0;
    for (Service& service : assessment_.services) {
      if (service.id == text || service.id == wanted) return &service;
      if (LowerTrimmed(service.name) == wanted) {
        by_name = &service;
        ++names;
      }
    }
    return names == 1 ? by_name : nullptr;
  }

  std::string Suggest(const std::string& word,
                      const std::vector<std::string>& candidates) const {
    return eds::Suggest(diag_, word, candidates);
  }

  const RatingContext& context_;
  const Rubric& rubric_;
  Assessment& assessment_;
  RatingChecker& checker_;
  Diagnostics& diag_;
  std::string path_;  // the sheet being read, as the assessment names it
};

// Roughly the memory a parsed sheet holds, for the cache's bound.
std::size_t WeightOf(const ParsedSheet& sheet) {
  std::size_t weight = sizeof(ParsedSheet) + sheet.read.message().size();
  for (const XlsxSheet& one : sheet.sheets) {
    for (const XlsxRow& row : one.rows) {
      weight += sizeof(XlsxRow);
      for (const XlsxCell& cell : row.cells)
        weight += sizeof(XlsxCell) + cell.text.capacity();
    }
  }
  for (const TableRow& row : sheet.table.rows) {
    weight += sizeof(TableRow) + row.line.capacity();
    for (const TableCell& cell : row.cells)
      weight += sizeof(TableCell) + cell.text.capacity();
  }
  return weight;
}

}  // namespace

std::shared_ptr<const ParsedSheet> ReadAndParseScoreSheet(
    FileSystem& fs, const std::string& path, bool xlsx) {
  auto sheet = std::make_shared<ParsedSheet>();
  sheet->xlsx = xlsx;
  std::string text;
  sheet->read = fs.ReadFile(path, &text);
  sheet->bytes = text.size();
  if (sheet->read.ok()) {
    const std::string& relative = Diagnostics::RelativeFile();
    sheet->parsed =
        xlsx ? ReadXlsx(text, relative, sheet->problems, &sheet->sheets)
             : ReadCsvTable(text, relative, sheet->problems, &sheet->table);
  }
  sheet->weight = WeightOf(*sheet);
  return sheet;
}

void ReadScoreSheetRatings(const ParsedSheet& sheet, const std::string& path,
                           const SheetRequest& request,
                           const RatingSpot& named_at,
                           const RatingContext& context, RatingChecker& checker,
                           Diagnostics& diag) {
  ScoreSheetReader(context, checker, diag).Read(sheet, path, request, named_at);
}

}  // namespace eds
