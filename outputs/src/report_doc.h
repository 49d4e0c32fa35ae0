#ifndef EDS_OUTPUTS_SRC_REPORT_DOC_H_
#define EDS_OUTPUTS_SRC_REPORT_DOC_H_

// A report as a document with no format of its own: headings, paragraphs,
// lists and tables of inline text. The grade, compare and rollup writers
// build one document each, and RenderMarkdown and RenderHtml turn it into
// the two published forms, so both always say the same thing and treat input
// text the same way. Text from input files is kept apart from our own
// wording (an "input" span) and each renderer escapes it for its format.

#include <string>
#include <utility>
#include <vector>

namespace eds::report {

struct Span {
  enum class Kind {
    kText,      // our own wording, trusted
    kInput,     // text from an input file: escaped, can form no markup
    kStrong,    // children in bold
    kEmphasis,  // children in italics
    kLink,      // children linked to `url` (only a live link; see eds/text.h)
  };
  Kind kind = Kind::kText;
  std::string text;  // kText, kInput
  std::string url;   // kLink
  std::vector<Span> children;
};

// A run of spans, built with Text(), Input(), Strong()... and `+`.
class Inline {
 public:
  Inline() = default;
  Inline(Span span) { spans_.push_back(std::move(span)); }  // NOLINT

  Inline& operator+=(const Inline& more);
  const std::vector<Span>& spans() const { return spans_; }
  bool empty() const { return spans_.empty(); }

 private:
  std::vector<Span> spans_;
};

Inline operator+(Inline left, const Inline& right);

Inline Text(std::string text);
Inline Input(std::string text);
Inline Strong(const Inline& content);
Inline Emphasis(const Inline& content);
// A link when IsLiveLink(url) allows; otherwise `content` then the address
// as input text in brackets, never linked.
Inline Link(const std::string& url, const Inline& content);

// `items` with `separator` (our wording) between them.
Inline JoinInline(const std::vector<Inline>& items,
                  const std::string& separator);

// A table cell. `level` is the index of a rubric level (0 for the lowest)
// when the cell shows one: HTML colours it, and adds `level_word` when the
// cell's text does not already say the level in words.
struct Cell {
  Cell() = default;
  Cell(Inline text) : content(std::move(text)) {}  // NOLINT
  Cell(Span span) : content(std::move(span)) {}    // NOLINT
  Inline content;
  int level = -1;
  std::string level_word;
};

struct ListItem {
  Inline content;
  std::vector<Inline> children;  // a nested list, one level deep
};

struct Block {
  enum class Kind { kHeading, kParagraph, kList, kTable, kRule };
  Kind kind = Kind::kParagraph;
  int level = 0;                // kHeading: 1 to 4
  Inline content;               // kHeading, kParagraph
  std::vector<ListItem> items;  // kList
  // kTable: the caption (HTML only; Markdown has no caption), the header
  // row, and the rows. The first cell of each row heads that row.
  Inline caption;
  std::vector<Inline> headers;
  std::vector<std::vector<Cell>> rows;
};

// The blocks of one report, in order. HTML's <title> is the text of the
// first level-1 heading.
class Document {
 public:
  void Heading(int level, const Inline& content);
  void Paragraph(const Inline& content);
  void List(const std::vector<Inline>& items);
  void NestedList(std::vector<ListItem> items);
  // Returns the table so that rows can be added.
  Block& Table(const Inline& caption, std::vector<Inline> headers);
  void Rule();

  const std::vector<Block>& blocks() const { return blocks_; }

 private:
  std::vector<Block> blocks_;
};

// The document as Markdown (see markdown_util.h for how input text is
// escaped): blocks separated by one blank line, tables as pipe tables whose
// captions are left out, the rule as "---".
std::string RenderMarkdown(const Document& document);

// The document as one self-contained HTML page (inline style, no scripts,
// nothing fetched): lang="en-GB", the title, a stylesheet for screen and for
// A4 print, tables with <caption> and <th scope>. Input text is escaped for
// HTML, hidden characters written as "<U+202E>".
std::string RenderHtml(const Document& document);

// Input text escaped for HTML text or an attribute value: line ends and
// other control characters become spaces, hidden and bidi characters are
// written "<U+202E>", and & < > " ' become references. Surrounding white
// space is dropped, as Markdown drops it.
std::string EscapeHtml(const std::string& text);

}  // namespace eds::report

#endif  // EDS_OUTPUTS_SRC_REPORT_DOC_H_
