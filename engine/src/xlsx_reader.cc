#include "xlsx_reader.h"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

namespace eds {
namespace {

// A problem that ends the reading of a workbook.
struct XlsxError {
  std::string message;
  std::string hint;
};

// The name after any namespace prefix: "x:row" is "row".
std::string LocalName(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

const char* Attribute(const char** attributes, const char* local) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (LocalName(attributes[i]) == local) return attributes[i + 1];
  }
  return nullptr;
}

// Parses one XML part with expat, calling the handler's Start, End and Text.
// A document type declaration is refused before anything in it is read, so
// no entity is ever defined or expanded (the "billion laughs").
class XmlPart {
 public:
  virtual ~XmlPart() = default;

  std::optional<XlsxError> Parse(const std::string& text,
                                 const std::string& part) {
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
        XML_ParserCreate("UTF-8"), &XML_ParserFree);
    if (!parser) return XlsxError{"out of memory reading the workbook", ""};
    parser_ = parser.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(
        parser_,
        [](void* self, const XML_Char* name, const XML_Char** attributes) {
          static_cast<XmlPart*>(self)->Dispatch(name, attributes);
        },
        [](void* self, const XML_Char* name) {
          static_cast<XmlPart*>(self)->End(LocalName(name));
        });
    XML_SetCharacterDataHandler(
        parser_, [](void* self, const XML_Char* s, int n) {
          static_cast<XmlPart*>(self)->Text(s, static_cast<std::size_t>(n));
        });
    XML_SetStartDoctypeDeclHandler(
        parser_,
        [](void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
          static_cast<XmlPart*>(self)->Stop(
              "the XML declares a document type (DTD), which a workbook never "
              "does");
        });
    const XML_Status status = XML_Parse(
        parser_, text.data(), static_cast<int>(text.size()), XML_TRUE);
    const int line = static_cast<int>(XML_GetCurrentLineNumber(parser_));
    if (error_) {
      error_->message =
          fmt::format("{} (line {}): {}", part, line, error_->message);
      return error_;
    }
    if (status != XML_STATUS_OK) {
      return XlsxError{fmt::format("{} (line {}): XML syntax: {}", part, line,
                                   XML_ErrorString(XML_GetErrorCode(parser_))),
                       "the workbook is damaged; open it in the spreadsheet "
                       "and save it again"};
    }
    return std::nullopt;
  }

 protected:
  virtual void Start(const std::string& name, const char** attributes) = 0;
  virtual void End(const std::string& /*name*/) {}
  virtual void Text(const char* /*text*/, std::size_t /*size*/) {}

  // Ends the parse with a problem.
  void Stop(std::string message, std::string hint = "") {
    if (!error_) error_ = XlsxError{std::move(message), std::move(hint)};
    XML_StopParser(parser_, XML_FALSE);
  }

 private:
  void Dispatch(const char* name, const char** attributes) {
    if (!error_) Start(LocalName(name), attributes);
  }

  XML_Parser parser_ = nullptr;
  std::optional<XlsxError> error_;
};

// xl/workbook.xml: the sheets' names and relationship ids, in order.
class WorkbookPart : public XmlPart {
 public:
  std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id

 protected:
  void Start(const std::string& name, const char** attributes) override {
    if (name != "sheet") return;
    const char* sheet_name = Attribute(attributes, "name");
    const char* id = Attribute(attributes, "id");
    if (sheet_name == nullptr || id == nullptr) {
      Stop("a sheet without a name or a relationship id");
      return;
    }
    if (sheets.size() >= kMaxXlsxEntries) {
      Stop("more sheets than the workbook has parts");
      return;
    }
    sheets.emplace_back(sheet_name, id);
  }
};

// xl/_rels/workbook.xml.rels: relationship id -> part, and the shared
// strings part.
class RelationshipsPart : public XmlPart {
 public:
  std::map<std::string, std::string> targets;
  std::string shared_strings;

 protected:
  void Start(const std::string& name, const char** attributes) override {
    if (name != "Relationship") return;
    const char* id = Attribute(attributes, "Id");
    const char* target = Attribute(attributes, "Target");
    const char* type = Attribute(attributes, "Type");
    if (id == nullptr || target == nullptr) return;
    if (targets.size() >= kMaxXlsxEntries) {
      Stop("more relationships than the workbook has parts");
      return;
    }
    std::string path = target;
    path = path.front() == '/' ? path.substr(1) : "xl/" + path;
    targets[id] = path;
    const std::string kind = type ? type : "";
    if (kind.size() >= 14 &&
        kind.compare(kind.size() - 14, 14, "/sharedStrings") == 0) {
      shared_strings = path;
    }
  }
};

// Text of <t> elements, leaving out phonetic runs (<rPh>).
class TextCollector {
 public:
  void Open(const std::string& name) {
    if (name == "t" && phonetic_ == 0) in_t_ = true;
    if (name == "rPh") ++phonetic_;
  }
  void Close(const std::string& name) {
    if (name == "t") in_t_ = false;
    if (name == "rPh" && phonetic_ > 0) --phonetic_;
  }
  bool Add(const char* text, std::size_t size, std::string* out) const {
    if (!in_t_) return true;
    if (out->size() + size > 65536) return false;
    out->append(text, size);
    return true;
  }

 private:
  bool in_t_ = false;
  int phonetic_ = 0;
};

// xl/sharedStrings.xml: the strings cells refer to by index.
class SharedStringsPart : public XmlPart {
 public:
  std::vector<std::string> strings;

 protected:
  void Start(const std::string& name, const char**) override {
    if (name == "si") {
      if (strings.size() >= kMaxXlsxSharedStrings) {
        Stop(fmt::format("more than {} shared strings", kMaxXlsxSharedStrings));
        return;
      }
      strings.emplace_back();
      in_si_ = true;
    }
    text_.Open(name);
  }
  void End(const std::string& name) override {
    text_.Close(name);
    if (name == "si") in_si_ = false;
  }
  void Text(const char* text, std::size_t size) override {
    if (in_si_ && !text_.Add(text, size, &strings.back())) {
      Stop("a shared string is longer than 65536 bytes");
    }
  }

 private:
  TextCollector text_;
  bool in_si_ = false;
};

// "D14" -> column 4 (row ignored); 0 when it is not a cell reference.
int ColumnOf(const char* reference) {
  int column = 0;
  const char* p = reference;
  for (; *p >= 'A' && *p <= 'Z'; ++p) {
    column = column * 26 + (*p - 'A' + 1);
    if (column > 16384) return 0;
  }
  return p == reference ? 0 : column;
}

// A number cell's text: an integral value without a fraction or exponent.
std::string NumberText(const std::string& text) {
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || errno != 0) return text;
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  return text;
}

// One worksheet part.
class SheetPart : public XmlPart {
 public:
  SheetPart(const std::vector<std::string>& strings, std::size_t* cells)
      : strings_(strings), cells_(cells) {}
  std::vector<XlsxRow> rows;

 protected:
  void Start(const std::string& name, const char** attributes) override {
    if (name == "row") {
      const char* r = Attribute(attributes, "r");
      const int number = r ? std::atoi(r) : row_number_ + 1;
      if (number <= row_number_ || number > 1048576) {
        Stop(fmt::format("row {} is out of order", r ? r : "?"));
        return;
      }
      row_number_ = number;
      column_ = 0;
      in_row_ = true;
      current_row_ = XlsxRow{number, {}};
      return;
    }
    if (name == "c" && in_row_) {
      const char* r = Attribute(attributes, "r");
      const int column = r ? ColumnOf(r) : column_ + 1;
      if (column <= column_) {
        Stop(fmt::format("cell {} is out of order", r ? r : "?"));
        return;
      }
      if (column > kMaxXlsxColumn) {
        Stop(fmt::format("a cell in column {}: more than {} columns",
                         CellName(column, row_number_), kMaxXlsxColumn));
        return;
      }
      column_ = column;
      const char* type = Attribute(attributes, "t");
      type_ = type ? type : "n";
      value_.clear();
      in_cell_ = true;
      return;
    }
    if (in_cell_ && (name == "v" || name == "is")) in_value_ = name == "v";
    if (in_cell_) text_.Open(name);
  }

  void End(const std::string& name) override {
    if (in_cell_) text_.Close(name);
    if (name == "v") in_value_ = false;
    if (name == "c" && in_cell_) {
      in_cell_ = false;
      FinishCell();
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      if (!current_row_.cells.empty()) rows.push_back(std::move(current_row_));
    }
  }

  void Text(const char* text, std::size_t size) override {
    if (!in_cell_) return;
    if (in_value_) {
      if (value_.size() + size > 65536) {
        Stop("a cell is longer than 65536 bytes");
        return;
      }
      value_.append(text, size);
    } else if (type_ == "inlineStr" && !text_.Add(text, size, &value_)) {
      Stop("a cell is longer than 65536 bytes");
    }
  }

 private:
  void FinishCell() {
    std::string text;
    if (type_ == "s") {
      char* end = nullptr;
      const unsigned long index = std::strtoul(value_.c_str(), &end, 10);
      if (value_.empty() || *end != '\0' || index >= strings_.size()) {
        Stop(fmt::format(
            "cell {} refers to shared string {}, which the workbook "
            "does not have",
            CellName(column_, row_number_), value_));
        return;
      }
      text = strings_[index];
    } else if (type_ == "n") {
      text = NumberText(value_);
    } else if (type_ == "b") {
      text = value_ == "1" ? "TRUE" : "FALSE";
    } else {
      text = value_;  // str, inlineStr, e (an error such as #N/A)
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return;
    if (++*cells_ > kMaxXlsxCells) {
      Stop(fmt::format("more than {} cells with text", kMaxXlsxCells));
      return;
    }
    current_row_.cells.push_back({column_, std::move(text)});
  }

  const std::vector<std::string>& strings_;
  std::size_t* cells_;
  XlsxRow current_row_;
  int row_number_ = 0;
  int column_ = 0;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_value_ = false;
  std::string type_;
  std::string value_;
  TextCollector text_;
};

// The zip archive, read from memory with libzip, every part bounded.
class Archive {
 public:
  ~Archive() {
    if (zip_ != nullptr) zip_discard(zip_);
  }

  std::optional<XlsxError> Open(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source =
        zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      return XlsxError{"out of memory reading the workbook", ""};
    }
    zip_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (zip_ == nullptr) {
      zip_source_free(source);
      const int code = zip_error_code_zip(&error);
      zip_error_fini(&error);
      const bool text = !bytes.empty() && bytes.compare(0, 2, "PK") != 0;
      if (code == ZIP_ER_NOZIP && text) {
        return XlsxError{
            "not an xlsx workbook: the file is text, not a zip archive",
            "a CSV file must be named .csv; or save the sheet "
            "from the spreadsheet as 'Excel Workbook (.xlsx)'"};
      }
      return XlsxError{
          "not an xlsx workbook: the zip archive is damaged or "
          "incomplete",
          "save the sheet from the spreadsheet again as 'Excel "
          "Workbook (.xlsx)'"};
    }
    const zip_int64_t entries = zip_get_num_entries(zip_, 0);
    if (entries < 0 || static_cast<std::size_t>(entries) > kMaxXlsxEntries) {
      return XlsxError{fmt::format("the archive holds more than {} files; a "
                                   "score sheet has a handful",
                                   kMaxXlsxEntries),
                       ""};
    }
    return std::nullopt;
  }

  bool Has(const std::string& name) const {
    return zip_name_locate(zip_, name.c_str(), 0) >= 0;
  }

  // Reads one part, refusing it past the size and ratio limits however its
  // header describes it: reading stops at the limit.
  std::optional<XlsxError> Read(const std::string& name, std::string* text) {
    const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
    if (index < 0) {
      return XlsxError{fmt::format("the workbook has no part '{}'", name),
                       "save the sheet from the spreadsheet again as 'Excel "
                       "Workbook (.xlsx)'"};
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
      return Damaged(name);
    }
    const std::size_t compressed =
        (stat.valid & ZIP_STAT_COMP_SIZE)
            ? static_cast<std::size_t>(stat.comp_size)
            : 0;
    // The most this part may expand to: a generous ratio (XML of empty cells
    // compresses about 50 to 1), never more than the part and total limits.
    const std::size_t by_ratio = (1u << 20) + compressed * kMaxXlsxRatio;
    const std::size_t limit = std::min<std::size_t>(
        {kMaxXlsxPartBytes, by_ratio, kMaxXlsxTotalBytes - total_read_});
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limit) {
      return TooLarge(name);
    }
    zip_file_t* part =
        zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
    if (part == nullptr) return Damaged(name);
    text->clear();
    char buffer[65536];
    while (true) {
      const zip_int64_t got = zip_fread(part, buffer, sizeof buffer);
      if (got < 0) {
        zip_fclose(part);
        return Damaged(name);
      }
      if (got == 0) break;
      if (text->size() + static_cast<std::size_t>(got) > limit) {
        zip_fclose(part);
        return TooLarge(name);
      }
      text->append(buffer, static_cast<std::size_t>(got));
    }
    zip_fclose(part);
    total_read_ += text->size();
    return std::nullopt;
  }

 private:
  static XlsxError Damaged(const std::string& name) {
    return XlsxError{
        fmt::format("the part '{}' cannot be read: the zip archive "
                    "is damaged",
                    name),
        "save the sheet from the spreadsheet again as 'Excel "
        "Workbook (.xlsx)'"};
  }
  static XlsxError TooLarge(const std::string& name) {
    return XlsxError{
        fmt::format(
            "the part '{}' expands beyond the limits (at most {} MiB a "
            "part, {} MiB in all, {} times its compressed size): a zip bomb "
            "or not a score sheet",
            name, kMaxXlsxPartBytes >> 20, kMaxXlsxTotalBytes >> 20,
            kMaxXlsxRatio),
        ""};
  }

  zip_t* zip_ = nullptr;
  std::size_t total_read_ = 0;
};

std::optional<XlsxError> ReadWorkbook(const std::string& bytes,
                                      std::vector<XlsxSheet>* sheets) {
  Archive archive;
  if (auto error = archive.Open(bytes)) return error;
  std::string text;
  if (!archive.Has("xl/workbook.xml")) {
    return XlsxError{"not an xlsx workbook: it has no 'xl/workbook.xml'",
                     "an .ods or .xls file must be saved as 'Excel Workbook "
                     "(.xlsx)' first"};
  }
  WorkbookPart workbook;
  if (auto error = archive.Read("xl/workbook.xml", &text)) return error;
  if (auto error = workbook.Parse(text, "xl/workbook.xml")) return error;
  RelationshipsPart relationships;
  if (auto error = archive.Read("xl/_rels/workbook.xml.rels", &text))
    return error;
  if (auto error = relationships.Parse(text, "xl/_rels/workbook.xml.rels"))
    return error;
  SharedStringsPart shared;
  if (!relationships.shared_strings.empty() &&
      archive.Has(relationships.shared_strings)) {
    if (auto error = archive.Read(relationships.shared_strings, &text))
      return error;
    if (auto error = shared.Parse(text, relationships.shared_strings))
      return error;
  }
  std::size_t cells = 0;
  for (const auto& [name, id] : workbook.sheets) {
    const auto target = relationships.targets.find(id);
    if (target == relationships.targets.end()) {
      return XlsxError{
          fmt::format("sheet '{}' has no part in the workbook", name),
          "save the sheet from the spreadsheet again as 'Excel "
          "Workbook (.xlsx)'"};
    }
    SheetPart sheet(shared.strings, &cells);
    if (auto error = archive.Read(target->second, &text)) return error;
    if (auto error = sheet.Parse(text, target->second)) return error;
    sheets->push_back({name, std::move(sheet.rows)});
  }
  return std::nullopt;
}

}  // namespace

std::string CellName(int column, int row) {
  std::string letters;
  for (int c = column; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return fmt::format("{}{}", letters, row);
}

bool ReadXlsx(const std::string& bytes, const std::string& file,
              Diagnostics& diag, std::vector<XlsxSheet>* sheets) {
  std::optional<XlsxError> error = ReadWorkbook(bytes, sheets);
  if (!error) return true;
  diag.Error({file, 0, 0}, std::move(error->message), std::move(error->hint));
  return false;
}

}  // namespace eds
