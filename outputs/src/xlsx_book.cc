#include "xlsx_book.h"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <type_traits>
#include <utility>

#include "eds/text.h"

// The types the header spells without including libxlsxwriter.
static_assert(std::is_same_v<eds::xlsx::Row, lxw_row_t>);
static_assert(std::is_same_v<eds::xlsx::Col, lxw_col_t>);
static_assert(std::is_same_v<eds::xlsx::Colour, lxw_color_t>);

namespace eds {
namespace xlsx {
namespace {

bool IsFileError(lxw_error error) {
  switch (error) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return true;
    default:
      return false;
  }
}

// Sends stderr to /dev/null while it lives. libxlsxwriter prints lines of
// its own ("[ERROR][./src/packager.c:1541]: ...") when writing fails; the
// failure also comes back as a code and errno, which Close() turns into the
// one message the user sees.
class QuietStderr {
 public:
  QuietStderr() {
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
      ::dup2(null, STDERR_FILENO);
      ::close(null);
    }
  }
  ~QuietStderr() {
    std::fflush(stderr);
    if (saved_ >= 0) {
      ::dup2(saved_, STDERR_FILENO);
      ::close(saved_);
    }
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

 private:
  int saved_ = -1;
};

// The folder of `path` ("." for a bare file name), for libxlsxwriter's
// temporary files: the caller stages the workbook in a folder it can write,
// while the system temporary folder may not be writable.
std::string FolderOf(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}
double FontSize(const Style& style) {
  return style.font_size > 0 ? style.font_size : kDefaultFontSize;
}

}  // namespace

bool Style::IsDefault() const {
  return !bold && !italic && !wrap && !header && !align_left && !align_center &&
         !link && font_size == 0 && fill.empty() && number_format.empty();
}

bool Style::operator==(const Style& other) const {
  return bold == other.bold && italic == other.italic && wrap == other.wrap &&
         header == other.header && align_left == other.align_left &&
         align_center == other.align_center && link == other.link &&
         font_size == other.font_size && fill == other.fill &&
         number_format == other.number_format;
}

Style Filled(const std::string& colour) {
  Style style;
  style.fill = colour;
  return style;
}

Style Bold() {
  Style style;
  style.bold = true;
  return style;
}

Style Title() {
  Style style;
  style.bold = true;
  style.font_size = 14;
  return style;
}

// ---- Sheet ----

void Sheet::Check(int error, Row row, Col col) {
  if (error == LXW_NO_ERROR) {
    Used(col);
    return;
  }
  char cell[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(cell, row, col);
  book_->Fail(error, name_ + "!" + cell);
}

void Sheet::Text(Row row, Col col, std::string_view text, const Style& style) {
  // Most cells are short ASCII that CellText() would copy unchanged; they
  // are copied into one reused buffer instead of a new string a cell.
  if (IsSafeCellText(text)) {
    cell_text_.assign(text);
  } else {
    cell_text_ = CellText(text);
  }
  Check(worksheet_write_string(worksheet_, row, col, cell_text_.c_str(),
                               book_->Format(style)),
        row, col);
}

void Sheet::Number(Row row, Col col, double value, const Style& style) {
  Check(
      worksheet_write_number(worksheet_, row, col, value, book_->Format(style)),
      row, col);
}

namespace {

// A link Excel opens as it is: a web or mail address IsLiveLink allows, in
// printable ASCII, without the characters libxlsxwriter would have to escape
// (which would change its length) and without spaces.
bool IsPlainLink(std::string_view url) {
  if (!IsLiveLink(url)) return false;
  if (url.size() > kMaxUrlBytes) return false;
  for (char c : url) {
    if (c <= ' ' || c > '~') return false;
    if (std::string_view("\"<>\\[]^{}`|").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool Sheet::Link(Row row, Col col, std::string_view url, const Style& style) {
  if (!IsPlainLink(url) || links_ >= LXW_MAX_NUMBER_URLS) {
    Text(row, col, url, style);
    return false;
  }
  ++links_;
  Style look = style;
  look.link = true;
  const std::string text(url);
  Check(worksheet_write_url_opt(worksheet_, row, col, text.c_str(),
                                book_->Format(look), text.c_str(), nullptr),
        row, col);
  return true;
}

void Sheet::Date(Row row, Col col, const eds::Date& date, const Style& style) {
  if (date.year < 1900) {
    Text(row, col, date.ToIso(), style);
    return;
  }
  lxw_datetime cell = {};
  cell.year = date.year;
  cell.month = date.month;
  cell.day = date.day;
  Style look = style;
  look.number_format = "d mmm yyyy";
  Check(worksheet_write_datetime(worksheet_, row, col, &cell,
                                 book_->Format(look)),
        row, col);
}

void Sheet::Score(Row row, Col col, const std::optional<Rational>& score,
                  const Style& style, std::string_view unrated) {
  if (!score) {
    Text(row, col, unrated, style);
    return;
  }
  Style number_style = style;
  if (number_style.number_format.empty()) {
    number_style.number_format = ScoreNumberFormat(*score);
  }
  Number(row, col, score->ToDouble(), number_style);
}

void Sheet::Blank(Row row, Col col, const Style& style) {
  Check(worksheet_write_blank(worksheet_, row, col, book_->Format(style)), row,
        col);
}

void Sheet::SetColumnWidth(Col first, Col last, double width) {
  Check(worksheet_set_column(worksheet_, first, last, width, nullptr), 0,
        first);
  for (Col col = first; col <= last; ++col) widths_[col] = width;
}

Col Sheet::LastColumnOnFirstPage(Col last) const {
  Col col = 0;
  while (col < last && ColumnsWidth(0, col + 1) <= kPrintWidthChars) ++col;
  return col;
}

double Sheet::ColumnsWidth(Col first, Col last) const {
  // Excel's default column width, in characters.
  constexpr double kDefaultWidth = 8.43;
  double width = 0;
  for (Col col = first; col <= last; ++col) {
    const auto found = widths_.find(col);
    width +=
        PrintedWidth(found == widths_.end() ? kDefaultWidth : found->second);
  }
  return width;
}

void Sheet::WrapText(Row row, Col col, std::string_view text, Style style) {
  style.wrap = true;
  Text(row, col, text, style);
  wrapped_.push_back({row, col, col, std::string(text),
                      style.bold || style.header, FontSize(style)});
}

void Sheet::Paragraph(Row row, Col first_col, Col last_col,
                      std::string_view text, Style style) {
  style.wrap = true;
  if (first_col == last_col) {
    WrapText(row, first_col, text, style);
    return;
  }
  const std::string safe = CellText(text);
  Check(worksheet_merge_range(worksheet_, row, first_col, row, last_col,
                              safe.c_str(), book_->Format(style)),
        row, first_col);
  Used(last_col);
  wrapped_.push_back({row, first_col, last_col, std::string(text), style.bold,
                      FontSize(style)});
}

void Sheet::SetRowLines(Row row, std::size_t lines) {
  if (lines == 0) return;
  std::size_t& most = lines_[row];  // 0, a gap, for a new row
  most = std::max(most, lines);
}

void Sheet::FinishPrint(const std::string& header) {
  for (const WrappedCell& cell : wrapped_) {
    // Larger type: fewer characters a line, taller lines.
    const double scale = cell.size / kDefaultFontSize;
    const std::size_t lines = WrappedLineCount(
        cell.text, ColumnsWidth(cell.first, cell.last) / scale, cell.bold);
    SetRowLines(cell.row, static_cast<std::size_t>(
                              std::ceil(static_cast<double>(lines) * scale)));
  }
  // 15 points a line in the default font; Excel's tallest row is 409 points.
  constexpr double kLineHeight = 15;
  constexpr double kMaxHeight = 409;
  for (const auto& [row, lines] : lines_) {
    if (lines == 1) continue;
    const double height =
        lines == 0
            ? kLineHeight / 4
            : std::min(kMaxHeight, kLineHeight * static_cast<double>(lines));
    Check(worksheet_set_row(worksheet_, row, height, nullptr), row, 0);
  }

  if (!breaks_.empty()) {
    // libxlsxwriter reads the list up to a 0 and copies it.
    std::vector<Row> breaks = breaks_;
    breaks.push_back(0);
    Check(worksheet_set_h_pagebreaks(worksheet_, breaks.data()), breaks_[0], 0);
  }
  constexpr std::uint8_t kA4 = 9;
  worksheet_set_paper(worksheet_, kA4);
  // Inches: narrow sides, room above and below for the header and footer
  // (less on a sheet that must fit one page).
  const double edge = one_page_ ? 0.5 : 0.7;
  worksheet_set_margins(worksheet_, 0.4, 0.4, edge, edge);
  const double width = std::max(ColumnsWidth(0, last_col_), chart_right_);
  if (one_page_) {
    worksheet_set_portrait(worksheet_);
    worksheet_fit_to_pages(worksheet_, 1, 1);
  } else if (width <= kPortraitChars) {
    worksheet_set_portrait(worksheet_);
  } else if (width <= kPrintWidthChars) {
    worksheet_set_landscape(worksheet_);
    worksheet_fit_to_pages(worksheet_, 1, 0);
  } else {
    // Too wide to shrink onto one page legibly: the columns run on to the
    // pages to the right, each starting with the first column again.
    worksheet_set_landscape(worksheet_);
    worksheet_set_print_scale(worksheet_,
                              static_cast<std::uint16_t>(kMinPrintScale * 100));
    worksheet_print_across(worksheet_);
    Check(worksheet_repeat_columns(worksheet_, 0, 0), 0, 0);
  }
  // Excel allows 255 characters in each; the organisation's name is cut
  // well before that.
  constexpr std::size_t kHeaderChars = 120;
  const std::string top = "&C" + HeaderFooterText(header, kHeaderChars);
  Check(worksheet_set_header(worksheet_, top.c_str()), 0, 0);
  Check(worksheet_set_footer(worksheet_, "&L&A&RPage &P of &N"), 0, 0);
}

void Sheet::FreezeRows(Row rows) {
  worksheet_freeze_panes(worksheet_, rows, 0);
}

void Sheet::RepeatRows(Row first, Row last) {
  Check(worksheet_repeat_rows(worksheet_, first, last), first, 0);
}

void Sheet::AutoFilter(Row first_row, Col first_col, Row last_row,
                       Col last_col) {
  Check(worksheet_autofilter(worksheet_, first_row, first_col, last_row,
                             last_col),
        first_row, first_col);
}

void Sheet::InsertChart(Row row, Col col, Chart* chart, double x_scale,
                        double y_scale) {
  if (chart == nullptr) return;  // AddChart() recorded the failure
  lxw_chart_options options = {};
  options.x_scale = x_scale;
  options.y_scale = y_scale;
  Check(
      worksheet_insert_chart_opt(worksheet_, row, col, chart->chart_, &options),
      row, col);
  // A chart is 480 pixels wide; a character of a column about 7.
  constexpr double kChartPixels = 480;
  constexpr double kPixelsPerChar = 7;
  chart_right_ =
      std::max(chart_right_, ColumnsWidth(0, col) - ColumnsWidth(col, col) +
                                 kChartPixels * x_scale / kPixelsPerChar);
}

void Sheet::DropDownList(Row first_row, Row last_row, Col col,
                         const std::vector<std::string>& choices,
                         const char* error_title, const char* error_message,
                         const std::string& what) {
  std::vector<const char*> list;
  for (const std::string& choice : choices) list.push_back(choice.c_str());
  list.push_back(nullptr);
  lxw_data_validation validation{};
  validation.validate = LXW_VALIDATION_TYPE_LIST;
  validation.value_list = const_cast<char**>(list.data());
  validation.show_error = LXW_VALIDATION_ON;
  validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  validation.error_title = const_cast<char*>(error_title);
  validation.error_message = const_cast<char*>(error_message);
  const lxw_error error = worksheet_data_validation_range(
      worksheet_, first_row, col, last_row, col, &validation);
  if (error != LXW_NO_ERROR) book_->Fail(error, what);
}

// ---- Chart ----

void ChartSeries::NameFromCell(const std::string& sheet, Row row, Col col) {
  chart_series_set_name_range(series_, sheet.c_str(), row, col);
}

void ChartSeries::Name(const char* name) {
  chart_series_set_name(series_, name);
}

void ChartSeries::Fill(Colour colour) {
  lxw_chart_fill fill = {};
  fill.color = colour;
  chart_series_set_fill(series_, &fill);
}

void ChartSeries::Line(Colour colour, double width, bool dashed) {
  lxw_chart_line line = {};
  line.color = colour;
  if (dashed) line.dash_type = LXW_CHART_LINE_DASH_DASH;
  line.width = static_cast<float>(width);
  chart_series_set_line(series_, &line);
}

void ChartSeries::SetMarker(Marker marker) {
  chart_series_set_marker_type(series_, marker == Marker::kCircle
                                            ? LXW_CHART_MARKER_CIRCLE
                                            : LXW_CHART_MARKER_NONE);
}

void ChartSeries::PointFills(const std::vector<Colour>& colours) {
  // libxlsxwriter copies the points and their fills.
  std::vector<lxw_chart_fill> fills(colours.size());
  std::vector<lxw_chart_point> points(colours.size());
  std::vector<lxw_chart_point*> list(colours.size() + 1, nullptr);
  for (std::size_t i = 0; i < colours.size(); ++i) {
    fills[i] = {};
    fills[i].color = colours[i];
    points[i] = {};
    points[i].fill = &fills[i];
    list[i] = &points[i];
  }
  const lxw_error error = chart_series_set_points(series_, list.data());
  if (error != LXW_NO_ERROR) book_->Fail(error, "chart colours");
}

void Chart::SetTitle(const char* title) { chart_title_set_name(chart_, title); }

void Chart::LegendAtBottom() {
  chart_legend_set_position(chart_, LXW_CHART_LEGEND_BOTTOM);
}

ChartSeries* Chart::AddSeries(const std::string& sheet, Row first, Row last,
                              Col categories, Col values) {
  lxw_chart_series* series = chart_add_series(chart_, nullptr, nullptr);
  if (series == nullptr) {
    book_->Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "chart series");
    return nullptr;
  }
  chart_series_set_categories(series, sheet.c_str(), first, categories, last,
                              categories);
  chart_series_set_values(series, sheet.c_str(), first, values, last, values);
  return &series_.emplace_back(book_, series);
}

void Chart::ValueAxis(double min, std::optional<double> max, const char* name) {
  lxw_chart_axis* axis = chart_axis_get(chart_, LXW_CHART_AXIS_TYPE_Y);
  chart_axis_set_min(axis, min);
  if (max) chart_axis_set_max(axis, *max);
  chart_axis_set_name(axis, name);
}

void Chart::CategoryAxisName(const char* name) {
  chart_axis_set_name(chart_axis_get(chart_, LXW_CHART_AXIS_TYPE_X), name);
}

void Chart::SeriesOverlap(int percent) {
  chart_set_series_overlap(chart_, static_cast<int8_t>(percent));
}

// ---- Book ----

Book::Book(std::string path, const DocumentInfo& info)
    : path_(std::move(path)), page_header_(info.page_header) {
  std::string tmpdir = FolderOf(path_);
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;  // constant memory breaks tables
  options.tmpdir = tmpdir.data();
  workbook_ = workbook_new_opt(path_.c_str(), &options);
  if (workbook_ == nullptr) {
    status_ = Status::Internal("out of memory");
    return;
  }
  // libxlsxwriter copies every property string.
  std::string title = PropertyText(info.title);
  std::string subject = PropertyText(info.subject);
  std::string comments = PropertyText(info.comments);
  lxw_doc_properties properties = {};
  properties.title = title.data();
  properties.subject = subject.data();
  properties.comments = comments.data();
  properties.created = info.created;
  const lxw_error error = workbook_set_properties(workbook_, &properties);
  if (error != LXW_NO_ERROR) Fail(error, "document properties");
}

Book::~Book() {
  if (workbook_ != nullptr) lxw_workbook_free(workbook_);
}

Sheet* Book::AddSheet(const std::string& name) {
  if (workbook_ == nullptr) return nullptr;
  // Validating first keeps libxlsxwriter from printing its own warning.
  const lxw_error invalid =
      workbook_validate_sheet_name(workbook_, name.c_str());
  if (invalid != LXW_NO_ERROR) {
    Fail(invalid, "sheet '" + name + "'");
    return nullptr;
  }
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook_, name.c_str());
  if (worksheet == nullptr) {
    Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet '" + name + "'");
    return nullptr;
  }
  // Codes, ids and years are text on purpose; Excel's "number stored as
  // text" warning would only be noise.
  const lxw_error error = worksheet_ignore_errors(
      worksheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:XFD1048576");
  if (error != LXW_NO_ERROR) Fail(error, "sheet '" + name + "'");
  sheets_.emplace_back(this, worksheet, name);
  return &sheets_.back();
}

Chart* Book::AddChart(Chart::Type type) {
  if (workbook_ == nullptr) return nullptr;
  lxw_chart* chart =
      workbook_add_chart(workbook_, type == Chart::Type::kLine ? LXW_CHART_LINE
                                    : type == Chart::Type::kStackedColumn
                                        ? LXW_CHART_COLUMN_STACKED
                                        : LXW_CHART_COLUMN);
  if (chart == nullptr) {
    Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
    return nullptr;
  }
  // libxlsxwriter copies the fonts. 360 is its code for "not rotated".
  lxw_chart_font title = {};
  title.size = 12;
  lxw_chart_font text = {};
  text.size = kDefaultFontSize;
  lxw_chart_font across = text;
  across.rotation = 360;
  chart_title_set_name_font(chart, &title);
  chart_legend_set_font(chart, &text);
  for (const lxw_chart_axis_type type_of_axis :
       {LXW_CHART_AXIS_TYPE_X, LXW_CHART_AXIS_TYPE_Y}) {
    lxw_chart_axis* axis = chart_axis_get(chart, type_of_axis);
    chart_axis_set_num_font(axis, &text);
    chart_axis_set_name_font(
        axis, type_of_axis == LXW_CHART_AXIS_TYPE_Y ? &across : &text);
  }
  return &charts_.emplace_back(this, chart);
}

lxw_format* Book::Format(const Style& style) {
  if (workbook_ == nullptr) return nullptr;
  if (style.IsDefault()) return nullptr;
  for (const auto& [look, format] : formats_) {
    if (look == style) return format;
  }
  lxw_format* format = workbook_add_format(workbook_);
  if (format == nullptr) {
    Fail(LXW_ERROR_MEMORY_MALLOC_FAILED, "cell format");
    return nullptr;
  }
  if (style.bold || style.header) format_set_bold(format);
  if (style.italic) format_set_italic(format);
  if (style.wrap || style.header) {
    format_set_text_wrap(format);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
  }
  if (style.header) format_set_bottom(format, LXW_BORDER_THIN);
  if (style.align_left) format_set_align(format, LXW_ALIGN_LEFT);
  if (style.align_center) format_set_align(format, LXW_ALIGN_CENTER);
  if (style.font_size > 0) format_set_font_size(format, style.font_size);
  if (style.link) {
    format_set_font_color(format, LXW_COLOR_BLUE);
    format_set_underline(format, LXW_UNDERLINE_SINGLE);
  }
  std::string fill = style.fill;
  if (fill.empty() && style.header) fill = "#D9D9D9";
  if (const std::optional<Colour> colour = ParseColour(fill)) {
    format_set_bg_color(format, *colour);
  }
  if (!style.number_format.empty()) {
    format_set_num_format(format, style.number_format.c_str());
  }
  formats_.emplace_back(style, format);
  return format;
}

void Book::Fail(int code, const std::string& what) {
  const auto error = static_cast<lxw_error>(code);
  if (!status_.ok()) return;
  const std::string message = what + ": " + lxw_strerror(error);
  status_ =
      IsFileError(error) ? Status::IoError(message) : Status::Internal(message);
}

Status Book::Close() {
  if (workbook_ == nullptr) return status_;
  for (Sheet& sheet : sheets_) sheet.FinishPrint(page_header_);
  lxw_workbook* workbook = std::exchange(workbook_, nullptr);
  if (!status_.ok()) {
    lxw_workbook_free(workbook);
    return status_;
  }
  // libxlsxwriter prints to stderr when it cannot create the file; checking
  // first keeps the message ours and the stderr clean.
  std::FILE* probe = std::fopen(path_.c_str(), "ab");
  if (probe == nullptr) {
    const int error = errno;
    lxw_workbook_free(workbook);
    return Status::IoError(std::strerror(error));
  }
  std::fclose(probe);
  // libxlsxwriter's file errors are generic ("ZIP_ERRNO"); errno holds the
  // cause a reader can act on, such as a full disk.
  errno = 0;
  lxw_error error;
  int cause;
  {
    const QuietStderr quiet;
    error = workbook_close(workbook);
    cause = errno;
  }
  if (error != LXW_NO_ERROR) {
    if (cause != 0 && IsFileError(error)) {
      // The cause ("No space left on device") is what a user can act on;
      // libxlsxwriter's own words for it add nothing.
      status_ = Status::IoError(std::strerror(cause));
    } else {
      Fail(error, "closing");
    }
  }
  return status_;
}
}  // namespace xlsx
}  // namespace eds
