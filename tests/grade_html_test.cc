#include <gtest/gtest.h>

#include <string>

#include "eds/grade_outputs.h"
#include "golden.h"
#include "grade_report_fixtures.h"
#include "output_checks.h"
#include "report_doc.h"

// Golden files: tests/testdata/golden/grade_*.html. To regenerate them after
// an intended change, run the tests with EDS_UPDATE_GOLDEN=1 (see golden.h).

namespace eds {
namespace {

using testing::CompleteReport;
using testing::ExpectCheckedHtmlText;
using testing::ExpectMatchesGolden;
using testing::IncompleteReport;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(GradeHtmlTest, CompleteMatchesGolden) {
  const std::string html = GradeHtml(CompleteReport());
  ExpectMatchesGolden("grade_complete.html", html);
  ExpectCheckedHtmlText(html);
}

TEST(GradeHtmlTest, IncompleteMatchesGolden) {
  const std::string html = GradeHtml(IncompleteReport());
  ExpectMatchesGolden("grade_incomplete.html", html);
  ExpectCheckedHtmlText(html);
}

TEST(GradeHtmlTest, SameReportGivesSameBytes) {
  EXPECT_EQ(GradeHtml(CompleteReport()), GradeHtml(CompleteReport()));
}

TEST(GradeHtmlTest, KeyParts) {
  const std::string html = GradeHtml(CompleteReport());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">\n", 0), 0u);
  EXPECT_TRUE(Has(html,
                  "<title>NHS Equality Delivery System 2022 — Example "
                  "Ambulance Service NHS Trust</title>"));
  EXPECT_TRUE(Has(html,
                  "<h1>NHS Equality Delivery System 2022 — Example Ambulance "
                  "Service NHS Trust</h1>\n<table>\n<caption>Organisation "
                  "details</caption>"));
  EXPECT_TRUE(Has(html,
                  "<tr><th scope=\"row\"><strong>Total</strong></th><td>"
                  "<strong>22</strong></td><td><strong>33</strong></td><td>"
                  "<strong>Achieving</strong></td></tr>"))
      << html;
  // Levels are coloured and written in words.
  EXPECT_TRUE(Has(html, "<td class=\"level-2\">2 — Achieving activity</td>"))
      << html;
  EXPECT_TRUE(Has(html, "@page { size: A4;"));
  EXPECT_TRUE(Has(html,
                  "</main>\n<footer>\n<p>Made by eds3 0.1.0 with rubric "
                  "eds2022 2022.1; policy: raters median, services median, "
                  "rounding half.</p>\n</footer>\n</body>\n</html>\n"))
      << html;
}

// Every kind of hostile text ends up as text: no element, attribute or link
// can come from the input, and hidden characters are shown escaped.
TEST(GradeHtmlTest, HostileTextStaysText) {
  GradeReport report = CompleteReport();
  Assessment& a = report.assessment;
  a.organisation.name =
      "A <script>alert(1)</script> & \"B\" 'C' \xE2\x80\xAE"
      "evil";
  a.lead = "<svg onload=alert(1)> {::nomarkdown}<b>x</b>{:/}";
  OutcomeEntry& entry = a.outcomes["2A"];
  entry.evidence = {
      {"Click", "javascript:alert(1)"},
      {"Data", "data:text/html,<script>alert(1)</script>"},
      {"Quote\" onmouseover=\"x", "https://example.org/a\"b'c<d>e f"},
      {"Mail", "mailto:lead@example.org"},
      {"Mail with body", "mailto:lead@example.org?body=hi"},
  };
  entry.notes = "Line one\nline two <img src=x onerror=alert(1)>";
  const std::string html = GradeHtml(report);

  EXPECT_TRUE(Has(html,
                  "<h1>NHS Equality Delivery System 2022 — A "
                  "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;B&quot; "
                  "&#39;C&#39; &lt;U+202E&gt;evil</h1>"))
      << html;
  EXPECT_TRUE(Has(html,
                  "<td>&lt;svg onload=alert(1)&gt; "
                  "{::nomarkdown}&lt;b&gt;x&lt;/b&gt;{:/}</td>"))
      << html;
  EXPECT_TRUE(Has(html,
                  "<td>Click (javascript:alert(1)); Data "
                  "(data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;); "
                  "<a href=\"https://example.org/a%22b&#39;c%3Cd%3Ee%20f\">"
                  "Quote&quot; onmouseover=&quot;x</a>; <a "
                  "href=\"mailto:lead@example.org\">Mail</a>; Mail with body "
                  "(mailto:lead@example.org?body=hi); <em>Panel&#39;s "
                  "notes:</em> Line one line two &lt;img src=x "
                  "onerror=alert(1)&gt;</td>"))
      << html;
  EXPECT_FALSE(Has(html, "<script"));
  EXPECT_FALSE(Has(html, "<svg"));
  EXPECT_FALSE(Has(html, "<img"));
  EXPECT_FALSE(Has(html, "\xE2\x80\xAE"));
  ExpectCheckedHtmlText(html);
}

TEST(ReportDocTest, EscapeHtmlEscapesEveryCharacterThatCouldFormMarkup) {
  EXPECT_EQ(report::EscapeHtml("  a&b<c>d\"e'f\r\ng\th\x01i  "),
            "a&amp;b&lt;c&gt;d&quot;e&#39;f g h i");
  EXPECT_EQ(report::EscapeHtml("x\xE2\x81\xA6y"), "x&lt;U+2066&gt;y");
  EXPECT_EQ(report::EscapeHtml(""), "");
}

// Only live links become links, in both renderers, however a writer builds
// the document.
TEST(ReportDocTest, OnlyLiveLinksAreLinked) {
  report::Document doc;
  doc.Heading(1, report::Text("T"));
  doc.Paragraph(report::Link("javascript:alert(1)", report::Text("x")));
  doc.Paragraph(report::Link("https://example.org/", report::Text("y")));
  EXPECT_EQ(report::RenderMarkdown(doc),
            "# T\n\nx (javascript:alert(1))\n\n[y](https://example.org/)\n");
  const std::string html = report::RenderHtml(doc);
  EXPECT_TRUE(Has(html,
                  "<p>x (javascript:alert(1))</p>\n<p><a "
                  "href=\"https://example.org/\">y</a></p>\n"))
      << html;
}

}  // namespace
}  // namespace eds
