#ifndef EDS_OUTPUTS_SRC_MARKDOWN_UTIL_H_
#define EDS_OUTPUTS_SRC_MARKDOWN_UTIL_H_

// The pieces every Markdown writer (grade, compare, rollup) builds on, so
// that all of them treat input text the same way: it shows as written and can
// never form markup, HTML or links.

#include <string>
#include <string_view>
#include <vector>

namespace eds::markdown {

// Shown in a table cell that has nothing to show.
inline constexpr char kNothing[] = "—";

// `text` without surrounding spaces, tabs and line ends.
std::string_view Trim(std::string_view text);

// Input text as Markdown that shows it as written and can form no markup,
// in CommonMark, GitHub's dialect or kramdown (Jekyll, GitHub Pages):
// surrounding white space is dropped, line ends and other control characters
// become spaces (a table row is one line); '<' and '>' become "&lt;" and
// "&gt;", so no HTML or autolink can form, and '&' becomes "&amp;" only where
// it would begin an entity ("&amp;" written in the input), so "Fenland &
// Wash ICS" stays as written; the characters that start emphasis, code,
// links, strikethrough, math, table cells or kramdown's extensions and
// attribute lists ('{', '}') are escaped with a backslash; and so is a
// leading character that would start a heading, a list, an ordered list or
// a heading underline.
std::string Escape(std::string_view text);

// Escaped text for a table cell, or kNothing when there is none.
std::string Cell(std::string_view text);

// One table row of cells already in Markdown form, ending in a newline.
std::string Row(const std::vector<std::string>& cells);

// The header row and the rule under it.
std::string TableHead(const std::vector<std::string>& headers);

}  // namespace eds::markdown

#endif  // EDS_OUTPUTS_SRC_MARKDOWN_UTIL_H_
