#include "report_doc.h"

#include <cstddef>
#include <string_view>

#include "eds/text.h"
#include "eds/unicode.h"
#include "markdown_util.h"

namespace eds::report {
namespace {

Span MakeSpan(Span::Kind kind, std::string text) {
  Span span;
  span.kind = kind;
  span.text = std::move(text);
  return span;
}

Span Wrap(Span::Kind kind, const Inline& content) {
  Span span;
  span.kind = kind;
  span.children = content.spans();
  return span;
}

// A link destination with every character that could end it, break a
// Markdown table or an HTML attribute, or be read as markup percent-encoded.
std::string EncodeUrl(std::string_view url) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : url) {
    const unsigned char byte = static_cast<unsigned char>(c);
    const bool encode =
        byte <= 0x20 || byte == 0x7F ||
        std::string_view("\"<>\\^`{|}()[]").find(c) != std::string_view::npos;
    if (encode) {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// ---- Markdown ----

std::string InlineMarkdown(const std::vector<Span>& spans) {
  std::string out;
  for (const Span& span : spans) {
    switch (span.kind) {
      case Span::Kind::kText:
        out += span.text;
        break;
      case Span::Kind::kInput:
        out += markdown::Escape(span.text);
        break;
      case Span::Kind::kStrong:
        out += "**" + InlineMarkdown(span.children) + "**";
        break;
      case Span::Kind::kEmphasis:
        out += "*" + InlineMarkdown(span.children) + "*";
        break;
      case Span::Kind::kLink:
        out += "[" + InlineMarkdown(span.children) + "](" +
               EncodeUrl(span.url) + ")";
        break;
    }
  }
  return out;
}

std::string InlineMarkdown(const Inline& content) {
  return InlineMarkdown(content.spans());
}

std::string TableMarkdown(const Block& table) {
  std::vector<std::string> headers;
  for (const Inline& header : table.headers) {
    headers.push_back(InlineMarkdown(header));
  }
  std::string out = markdown::TableHead(headers);
  for (const std::vector<Cell>& row : table.rows) {
    std::vector<std::string> cells;
    for (const Cell& cell : row) cells.push_back(InlineMarkdown(cell.content));
    out += markdown::Row(cells);
  }
  return out;
}

std::string BlockMarkdown(const Block& block) {
  switch (block.kind) {
    case Block::Kind::kHeading:
      return std::string(static_cast<std::size_t>(block.level), '#') + " " +
             InlineMarkdown(block.content) + "\n";
    case Block::Kind::kParagraph:
      return InlineMarkdown(block.content) + "\n";
    case Block::Kind::kList: {
      std::string out;
      for (const ListItem& item : block.items) {
        out += "- " + InlineMarkdown(item.content) + "\n";
        for (const Inline& child : item.children) {
          out += "  - " + InlineMarkdown(child) + "\n";
        }
      }
      return out;
    }
    case Block::Kind::kTable:
      return TableMarkdown(block);
    case Block::Kind::kRule:
      return "---\n";
  }
  return "";
}

// ---- HTML ----

// Our own wording for HTML text: only the five special characters change.
std::string EscapeOwnText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string InlineHtml(const std::vector<Span>& spans, bool plain) {
  std::string out;
  for (const Span& span : spans) {
    switch (span.kind) {
      case Span::Kind::kText:
        out += EscapeOwnText(span.text);
        break;
      case Span::Kind::kInput:
        out += EscapeHtml(span.text);
        break;
      case Span::Kind::kStrong:
        out +=
            plain ? InlineHtml(span.children, plain)
                  : "<strong>" + InlineHtml(span.children, plain) + "</strong>";
        break;
      case Span::Kind::kEmphasis:
        out += plain ? InlineHtml(span.children, plain)
                     : "<em>" + InlineHtml(span.children, plain) + "</em>";
        break;
      case Span::Kind::kLink:
        // Link() allows only live links; checked again so that no other
        // address can become an href whatever a writer does.
        if (plain || !IsLiveLink(span.url)) {
          out += InlineHtml(span.children, plain);
        } else {
          out += "<a href=\"" + EscapeOwnText(EncodeUrl(span.url)) + "\">" +
                 InlineHtml(span.children, plain) + "</a>";
        }
        break;
    }
  }
  return out;
}

std::string InlineHtml(const Inline& content) {
  return InlineHtml(content.spans(), false);
}

// The class names of the level colours, lowest level first.
constexpr const char* kLevelClasses[] = {"level-0", "level-1", "level-2",
                                         "level-3"};

std::string CellHtml(const Cell& cell, bool row_header) {
  std::string out = row_header ? "<th scope=\"row\"" : "<td";
  const bool coloured = cell.level >= 0 &&
                        cell.level < static_cast<int>(std::size(kLevelClasses));
  if (coloured) {
    out += " class=\"";
    out += kLevelClasses[cell.level];
    out += "\"";
  }
  out += ">" + InlineHtml(cell.content);
  if (!cell.level_word.empty()) {
    out += " <span class=\"level-word\">(" + EscapeHtml(cell.level_word) +
           ")</span>";
  }
  out += row_header ? "</th>" : "</td>";
  return out;
}

// More columns than fit across A4 portrait at a readable size.
constexpr std::size_t kWideColumns = 7;

std::string TableHtml(const Block& table) {
  // A table of many columns prints on a landscape page of its own.
  const bool wide = table.headers.size() > kWideColumns;
  std::string out = (wide ? "<table class=\"wide\">" : "<table>") +
                    std::string("\n<caption>") + InlineHtml(table.caption) +
                    "</caption>\n<thead>\n<tr>";
  for (const Inline& header : table.headers) {
    out += "<th scope=\"col\">" + InlineHtml(header) + "</th>";
  }
  out += "</tr>\n</thead>\n<tbody>\n";
  for (const std::vector<Cell>& row : table.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += CellHtml(row[i], i == 0);
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string BlockHtml(const Block& block) {
  switch (block.kind) {
    case Block::Kind::kHeading: {
      const std::string tag = "h" + std::to_string(block.level);
      return "<" + tag + ">" + InlineHtml(block.content) + "</" + tag + ">\n";
    }
    case Block::Kind::kParagraph:
      return "<p>" + InlineHtml(block.content) + "</p>\n";
    case Block::Kind::kList: {
      if (block.items.empty()) return "";
      std::string out = "<ul>\n";
      for (const ListItem& item : block.items) {
        out += "<li>" + InlineHtml(item.content);
        if (!item.children.empty()) {
          out += "\n<ul>\n";
          for (const Inline& child : item.children) {
            out += "<li>" + InlineHtml(child) + "</li>\n";
          }
          out += "</ul>\n";
        }
        out += "</li>\n";
      }
      return out + "</ul>\n";
    }
    case Block::Kind::kTable:
      return TableHtml(block);
    case Block::Kind::kRule:
      return "";
  }
  return "";
}

// Colours: text #212b32 on white is 14.8:1; links #005eb8 on white 6.1:1;
// every level fill below keeps the text above 12:1. Levels are also written
// in words, so nothing is shown by colour alone.
constexpr char kStyle[] = R"(<style>
:root { color: #212b32; background: #ffffff; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 1rem;
  line-height: 1.45; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; }
h1 { font-size: 1.75rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 1.75rem 0 0.75rem;
  border-bottom: 2px solid #005eb8; padding-bottom: 0.2rem; }
h3 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
a { color: #005eb8; text-decoration: underline; }
a:focus { outline: 3px solid #212b32; background: #ffeb3b; color: #212b32; }
table { border-collapse: collapse; margin: 0 0 1.25rem; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #768692; padding: 0.3rem 0.5rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
thead th { background: #e8edee; }
tbody th { font-weight: bold; }
.level-0 { background: #fbe3e4; }
.level-1 { background: #fff0d4; }
.level-2 { background: #dcf1e0; }
.level-3 { background: #dce9f9; }
.level-word { white-space: nowrap; }
footer { border-top: 1px solid #768692; margin-top: 2rem; padding-top: 0.5rem;
  font-size: 0.9rem; }
@page { size: A4; margin: 15mm 14mm 16mm; }
@page wide { size: A4 landscape; margin: 12mm 12mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 17pt; }
  h2 { font-size: 13pt; }
  h3 { font-size: 11pt; }
  h1, h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, th, td, li { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: 2pt 4pt; }
  table, .level-0, .level-1, .level-2, .level-3, thead th {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: #212b32; }
  table.wide { page: wide; font-size: 8pt; }
  table.wide th, table.wide td { padding: 1pt 3pt; }
}
</style>
)";

std::string Title(const Document& document) {
  for (const Block& block : document.blocks()) {
    if (block.kind == Block::Kind::kHeading && block.level == 1) {
      return InlineHtml(block.content.spans(), true);
    }
  }
  return "Report";
}

}  // namespace

Inline& Inline::operator+=(const Inline& more) {
  spans_.insert(spans_.end(), more.spans_.begin(), more.spans_.end());
  return *this;
}

Inline operator+(Inline left, const Inline& right) {
  left += right;
  return left;
}

Inline Text(std::string text) {
  return MakeSpan(Span::Kind::kText, std::move(text));
}

Inline Input(std::string text) {
  return MakeSpan(Span::Kind::kInput, std::move(text));
}

Inline Strong(const Inline& content) {
  return Wrap(Span::Kind::kStrong, content);
}

Inline Emphasis(const Inline& content) {
  return Wrap(Span::Kind::kEmphasis, content);
}

Inline Link(const std::string& url, const Inline& content) {
  if (!IsLiveLink(url)) return content + Text(" (") + Input(url) + Text(")");
  Span span = Wrap(Span::Kind::kLink, content);
  span.url = url;
  return span;
}

Inline JoinInline(const std::vector<Inline>& items,
                  const std::string& separator) {
  Inline out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += Text(separator);
    out += items[i];
  }
  return out;
}

void Document::Heading(int level, const Inline& content) {
  Block block;
  block.kind = Block::Kind::kHeading;
  block.level = level;
  block.content = content;
  blocks_.push_back(std::move(block));
}

void Document::Paragraph(const Inline& content) {
  Block block;
  block.kind = Block::Kind::kParagraph;
  block.content = content;
  blocks_.push_back(std::move(block));
}

void Document::List(const std::vector<Inline>& items) {
  std::vector<ListItem> list;
  for (const Inline& item : items) list.push_back({item, {}});
  NestedList(std::move(list));
}

void Document::NestedList(std::vector<ListItem> items) {
  Block block;
  block.kind = Block::Kind::kList;
  block.items = std::move(items);
  blocks_.push_back(std::move(block));
}

Block& Document::Table(const Inline& caption, std::vector<Inline> headers) {
  Block block;
  block.kind = Block::Kind::kTable;
  block.caption = caption;
  block.headers = std::move(headers);
  blocks_.push_back(std::move(block));
  return blocks_.back();
}

void Document::Rule() {
  Block block;
  block.kind = Block::Kind::kRule;
  blocks_.push_back(std::move(block));
}

std::string RenderMarkdown(const Document& document) {
  std::string out;
  for (std::size_t i = 0; i < document.blocks().size(); ++i) {
    if (i > 0) out += "\n";
    out += BlockMarkdown(document.blocks()[i]);
  }
  return out;
}

std::string RenderHtml(const Document& document) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta "
      "charset=\"utf-8\">\n<meta name=\"viewport\" "
      "content=\"width=device-width, "
      "initial-scale=1\">\n<title>" +
      Title(document) + "</title>\n" + kStyle + "</head>\n<body>\n<main>\n";
  // The blocks after the rule are the report's footer (who made it, from
  // what), outside the main content.
  bool in_footer = false;
  for (const Block& block : document.blocks()) {
    if (block.kind == Block::Kind::kRule && !in_footer) {
      out += "</main>\n<footer>\n";
      in_footer = true;
      continue;
    }
    out += BlockHtml(block);
  }
  out += in_footer ? "</footer>\n" : "</main>\n";
  return out + "</body>\n</html>\n";
}

std::string EscapeHtml(const std::string& raw) {
  const std::string_view text = markdown::Trim(raw);
  std::string flat;
  flat.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    flat.push_back(control ? ' ' : c);
  }
  return EscapeOwnText(EscapeHiddenCharacters(flat));
}

}  // namespace eds::report
