#include "csv.h"

#include <fmt/format.h>

#include "eds/limits.h"
#include "eds/text.h"
#include "yaml_tree.h"

namespace eds {
namespace {

// The text of 1-based line `line`, for quoting in a diagnostic.
std::string LineText(const std::string& text, int line) {
  std::size_t start = 0;
  for (int current = 1; current < line; ++current) {
    start = text.find('\n', start);
    if (start == std::string::npos) return "";
    ++start;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return text.substr(start, end - start);
}

// The lines of a CSV file for quoting in diagnostics, found once so that
// quoting every row stays linear in the file's size.
class TextLines {
 public:
  explicit TextLines(const std::string& text) : text_(text) {
    starts_.push_back(text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }

  // The 1-based line without its line end; "" when out of range.
  std::string Line(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return "";
    const std::size_t index = static_cast<std::size_t>(line) - 1;
    const std::size_t start = starts_[index];
    std::size_t end =
        index + 1 < starts_.size() ? starts_[index + 1] - 1 : text_.size();
    if (end > start && text_[end - 1] == '\r') --end;
    return text_.substr(start, end - start);
  }

 private:
  const std::string& text_;
  std::vector<std::size_t> starts_;
};

}  // namespace

char DetectCsvDelimiter(const std::string& text) {
  std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < text.size() && (text[i] == '\n' || text[i] == '\r')) ++i;
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
    if (c == '\t') ++tabs;
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

bool ParseCsv(const std::string& input, const std::string& file,
              Diagnostics& diag, std::vector<CsvRecord>* records,
              char delimiter) {
  const bool has_bom = input.compare(0, 3, "\xEF\xBB\xBF") == 0;
  const std::string text = has_bom ? input.substr(3) : input;
  if (const char* encoding = WideUnicodeEncoding(input)) {
    diag.Error({file, 1, 1},
               fmt::format("the file is {} text; eds3 reads UTF-8", encoding),
               "export the sheet as 'CSV UTF-8'");
    return false;
  }
  int bad_line = 0, bad_column = 0;
  if (!IsValidText(text, &bad_line, &bad_column)) {
    diag.Error({file, bad_line, bad_column},
               "the file is not valid UTF-8 text (a NUL byte or an invalid "
               "byte sequence)",
               "export the sheet as 'CSV UTF-8'");
    return false;
  }
  char32_t control = 0;
  const std::size_t control_at =
      FindControlCharacter(text, /*carriage_return_allowed=*/true, &control);
  if (control_at != std::string_view::npos) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < control_at; ++i) {
      if (text[i] == '\n') {
        line += 1;
        column = 1;
      } else if (!IsUtf8Continuation(text[i])) {
        column += 1;
      }
    }
    diag.Error({file, line, column}, ControlCharacterMessage(control),
               kControlCharacterHint);
    return false;
  }
  const auto fail = [&](int line, int column, std::string message,
                        std::string hint = "") {
    diag.Error({file, line, column}, std::move(message), std::move(hint),
               LineText(text, line));
    return false;
  };

  // A carriage return not followed by a line feed, outside quotes: an old
  // Mac export, whose rows would otherwise all run into one.
  const auto lone_cr = [&](std::size_t at) {
    return at < text.size() && text[at] == '\r' &&
           (at + 1 >= text.size() || text[at + 1] != '\n');
  };
  const auto fail_lone_cr = [&](int at_line, int at_column) {
    diag.Error({file, at_line, at_column},
               "a carriage return without a line feed: the rows are not "
               "separated the way eds3 reads them",
               "save the sheet again as 'CSV UTF-8' (lines ending in LF or "
               "CRLF)");
    return false;
  };

  int line = 1, column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    // A blank line (LF or CRLF alone) holds no record.
    if (text[i] == '\n' ||
        (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      i += text[i] == '\r' ? 2 : 1;
      ++line;
      column = 1;
      continue;
    }
    if (records->size() >= kMaxCsvRows) {
      return fail(line, 1, fmt::format("more than {} rows", kMaxCsvRows));
    }
    CsvRecord record;
    record.line = line;
    bool end_of_record = false;
    while (!end_of_record) {
      CsvField field;
      field.column = column;
      if (i < text.size() && text[i] == '"') {
        const int open_line = line, open_column = column;
        ++i;
        ++column;
        bool closed = false;
        while (i < text.size()) {
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field.text += '"';
              i += 2;
              column += 2;
              continue;
            }
            ++i;
            ++column;
            closed = true;
            break;
          }
          if (c == '\n') {
            ++line;
            column = 1;
          } else if (!IsUtf8Continuation(c)) {
            ++column;
          }
          field.text += c;
          ++i;
        }
        if (!closed) {
          return fail(open_line, open_column, "a quoted field is never closed",
                      "end the field with a double quote (write \"\" for a "
                      "quote inside it)");
        }
        if (lone_cr(i)) return fail_lone_cr(line, column);
        if (i < text.size() && text[i] != delimiter && text[i] != '\n' &&
            !(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
          return fail(
              line, column,
              "unexpected text after a quoted field's closing quote",
              "put the whole field in quotes, writing \"\" for a quote");
        }
      } else {
        while (
            i < text.size() && text[i] != delimiter && text[i] != '\n' &&
            !(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
          if (lone_cr(i)) return fail_lone_cr(line, column);
          if (text[i] == '"') {
            return fail(
                line, column, "a double quote inside an unquoted field",
                "put the whole field in quotes, writing \"\" for a quote");
          }
          if (!IsUtf8Continuation(text[i])) ++column;
          field.text += text[i];
          ++i;
        }
      }
      if (field.text.size() > kMaxTextBytes) {
        return fail(
            record.line, field.column,
            fmt::format("a field is longer than {} bytes", kMaxTextBytes));
      }
      record.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == delimiter) {
        ++i;
        ++column;
        if (record.fields.size() > 64) {
          return fail(record.line, column, "a row has more than 64 fields");
        }
        continue;
      }
      end_of_record = true;
      if (i < text.size()) {
        i += text[i] == '\r' ? 2 : 1;
        ++line;
        column = 1;
      }
    }
    records->push_back(std::move(record));
  }
  return true;
}

bool ReadCsvTable(const std::string& text, const std::string& file,
                  Diagnostics& diag, ScoreTable* table) {
  const char delimiter = DetectCsvDelimiter(text);
  std::vector<CsvRecord> records;
  const bool parsed = ParseCsv(text, file, diag, &records, delimiter);
  const TextLines lines(text);
  for (CsvRecord& record : records) {
    bool blank = true;
    for (const CsvField& field : record.fields) {
      if (field.text.find_first_not_of(" \t") != std::string::npos)
        blank = false;
    }
    if (blank && table->rows.size() > 0) continue;
    TableRow row;
    row.where = {file, record.line, 1};
    row.line = lines.Line(record.line);
    for (CsvField& field : record.fields) {
      row.cells.push_back(
          {std::move(field.text), {file, record.line, field.column}});
    }
    table->rows.push_back(std::move(row));
  }
  table->width_hint = delimiter == ',' ? "quote a field that holds a comma"
                      : delimiter == ';'
                          ? "quote a field that holds a semicolon"
                          : "quote a field that holds a tab";
  return parsed;
}

}  // namespace eds
