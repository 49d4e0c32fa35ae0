#include "markdown_util.h"

#include <gtest/gtest.h>
#include <stdio.h>

#include <cstdio>
#include <regex>
#include <set>
#include <string>

namespace eds::markdown {
namespace {

TEST(MarkdownEscapeTest, EscapesOnlyWhatEachPlaceNeeds) {
  struct Case {
    const char* text;
    const char* want;
  };
  const Case cases[] = {
      {"Fenland & Wash ICS", "Fenland & Wash ICS"},
      {"R&D", "R&D"},
      {"&amp; &#38; &#x26; &copy;",
       "&amp;amp; &amp;#38; &amp;#x26; &amp;copy;"},
      {"a & b;", "a & b;"},
      {"<svg/onload=alert(1)//>", "&lt;svg/onload=alert(1)//&gt;"},
      {"{::nomarkdown}<b>{:/}", "\\{::nomarkdown\\}&lt;b&gt;\\{:/\\}"},
      {"{: .x onclick=\"y\"}", "\\{: .x onclick=\"y\"\\}"},
      {"*a* _b_ `c` [d](e) ~~f~~ $g$ a|b \\",
       "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\~\\~f\\~\\~ \\$g\\$ a\\|b \\\\"},
      {"# heading", "\\# heading"},
      {"Trust #1", "Trust #1"},
      {"Trust ##", "Trust \\##"},
      {"- item", "\\- item"},
      {"+ item", "\\+ item"},
      {"= under", "\\= under"},
      {"a-b+c=d", "a-b+c=d"},
      {"1. first", "1\\. first"},
      {"2024.", "2024\\."},
      {"  line\r\nend\t", "line end"},
  };
  for (const Case& c : cases) EXPECT_EQ(Escape(c.text), c.want) << c.text;
}

// Markdown made from hostile text, rendered by cmark-gfm (GitHub's own
// renderer) with raw HTML let through: the HTML holds only the tags a table
// and a list make, and kramdown could find no extension or HTML either.
TEST(MarkdownEscapeTest, HostileTextRendersAsText) {
  const char* hostile[] = {
      "Real Trust {::nomarkdown}<svg/onload=alert(document.domain)//>{:/}",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "[click](javascript:alert(1))",
      "![x](http://evil.example/x.png)",
      "<http://evil.example/>",
      "{: onmouseover=\"alert(1)\"}",
      "<!-- comment --> <?php ?> <![CDATA[x]]>",
      "`<b>` ``<i>``",
      "\\<b\\>",
      "a | b | <u>c</u>",
      "$$x$$ ~~y~~ *z* __w__",
  };
  std::string md =
      "# " + Escape(hostile[0]) + "\n\n" + TableHead({"Organisation", "Notes"});
  for (const char* text : hostile) md += Row({Cell(text), Cell(text)});
  md += "\n";
  for (const char* text : hostile) md += "- " + Escape(text) + "\n";

  for (std::size_t at = md.find('{'); at != std::string::npos;
       at = md.find('{', at + 1)) {
    EXPECT_TRUE(at > 0 && md[at - 1] == '\\') << md.substr(at, 20);
  }
  EXPECT_EQ(md.find('<'), std::string::npos) << md;

  if (std::system("command -v cmark-gfm >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "cmark-gfm is not installed (Debian package cmark-gfm)";
  }
  char name[] = "/tmp/eds3-md-XXXXXX";
  const int fd = ::mkstemp(name);
  ASSERT_GE(fd, 0);
  std::FILE* file = ::fdopen(fd, "wb");
  std::fwrite(md.data(), 1, md.size(), file);
  std::fclose(file);
  const std::string command =
      std::string("cmark-gfm --unsafe -e table -e strikethrough ") + name;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string html;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) {
    html.append(buffer, n);
  }
  EXPECT_EQ(::pclose(pipe), 0);
  std::remove(name);

  const std::set<std::string> allowed = {"h1", "table", "thead", "tbody", "tr",
                                         "th", "td",    "ul",    "li",    "p"};
  const std::regex tag("<(/?)([A-Za-z!?][^ >/]*)([^>]*)>");
  int tags = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag);
       it != std::sregex_iterator(); ++it) {
    ++tags;
    EXPECT_EQ(allowed.count((*it)[2]), 1u) << (*it)[0] << "\n" << html;
    EXPECT_EQ((*it)[3], "") << (*it)[0];
  }
  EXPECT_GT(tags, 20);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<a "), std::string::npos);
  EXPECT_NE(html.find("&lt;svg/onload=alert(document.domain)//&gt;"),
            std::string::npos)
      << html;
}

}  // namespace
}  // namespace eds::markdown
