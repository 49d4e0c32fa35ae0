#include "eds/xlsx_grade.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "eds/agreement.h"
#include "test_rubric.h"

namespace eds {
namespace {

// ---- A hand-made report (the writer is tested apart from the engine) ----

Rating MakeRating(const std::string& stakeholder, int points,
                  const std::string& comment = "") {
  Rating rating;
  rating.stakeholder = stakeholder;
  rating.points = points;
  rating.comment = comment;
  return rating;
}

OutcomeResult MakeOutcome(const std::string& id, std::optional<Rational> score,
                          std::vector<std::string> flags = {}) {
  OutcomeResult outcome;
  outcome.id = id;
  outcome.title = testing::Eds2022Rubric().FindOutcome(id)->title;
  outcome.score = score;
  outcome.level = ScoreLevel::Of(testing::Eds2022Rubric(), score);
  outcome.flags = std::move(flags);
  return outcome;
}

// Domain 1 by two services (7.5 and 8: median 7.75, rounded to 7.5),
// Domain 2 = 8 with "=SUM(1)" as a note, Domain 3 = 6.5. Total 22: Achieving.
// With `complete` false, 2B is unrated and the total and rating are null.
GradeReport MakeReport(bool complete) {
  GradeReport report;
  report.tool_version = "9.8.7";
  report.rubric = testing::Eds2022Rubric();

  Assessment& a = report.assessment;
  a.rubric_ref = "eds2022";
  a.organisation = {"Example Ambulance Service NHS Trust", "RXX",
                    "Example ICS"};
  a.year = "2024/25";
  if (complete) a.completed = Date{2025, 2, 14};
  a.lead = "Head of EDI";
  a.partners = {"Example ICB", "Café Société – Ünïcode"};
  a.engagement = {{2024, 11, 5}, {2024, 12, 10}};
  a.reviewers = {{"Regional trade union officer", "trade-union"}};
  a.stakeholders = {{"patients-forum", "=Patient forum", "patients"},
                    {"staff-networks", "Staff network chairs", "staff"}};

  Service nhs111{"nhs-111", "NHS 111", {}};
  for (const char* id : {"1A", "1B", "1C", "1D"}) {
    OutcomeEntry entry;
    entry.outcome_id = id;
    entry.ratings = {MakeRating("patients-forum", 2),
                     MakeRating("staff-networks", 2)};
    nhs111.outcomes[id] = entry;
  }
  nhs111.outcomes["1C"].ratings[0].points = 0;
  nhs111.outcomes["1C"].evidence = {{"Incident data", "=HYPERLINK(\"x\")"}};
  Service pts{"pts", "Patient transport service", {}};
  for (const char* id : {"1A", "1B", "1C", "1D"}) {
    OutcomeEntry entry;
    entry.outcome_id = id;
    entry.agreed = 2;
    pts.outcomes[id] = entry;
  }
  a.services = {nhs111, pts};

  OutcomeEntry support;
  support.outcome_id = "2A";
  support.ratings = {MakeRating("staff-networks", 2, "_x0041_ literally"),
                     MakeRating("patients-forum", 1)};
  support.agreed = 2;
  support.notes = "=SUM(1)";
  support.evidence = {{"Staff survey 2024", "https://example.org/survey"}};
  support.actions = {
      {"Extend menopause support", "Head of OH", Date{2025, 9, 30}}};
  a.outcomes["2A"] = support;
  OutcomeEntry abuse;
  abuse.outcome_id = "2B";
  if (complete) abuse.ratings = {MakeRating("staff-networks", 2)};
  a.outcomes["2B"] = abuse;
  OutcomeEntry leaders;
  leaders.outcome_id = "3A";
  leaders.ratings = {MakeRating("staff-networks", 3),
                     MakeRating("patients-forum", 2)};
  leaders.notes = std::string(40000, 'n');  // beyond Excel's cell limit
  a.outcomes["3A"] = leaders;

  GradeResult& r = report.result;
  r.complete = complete;
  r.max = 33;
  DomainResult one;
  one.id = "1";
  one.name = "Commissioned or provided services";
  one.max = 12;
  one.score = Rational(15, 2);
  one.level = testing::LevelNamed(testing::Eds2022Rubric(), "Developing");
  ServiceResult s1{"nhs-111", "NHS 111", Rational(15, 2), {}};
  for (const char* id : {"1A", "1B", "1D"}) {
    s1.outcomes[id].score = Rational(2);
  }
  s1.outcomes["1C"].score = Rational(3, 2);
  s1.outcomes["1C"].flags = {"disagreement"};
  ServiceResult s2{"pts", "Patient transport service", Rational(8), {}};
  for (const char* id : {"1A", "1B", "1C", "1D"}) {
    s2.outcomes[id].score = Rational(2);
    s2.outcomes[id].from_agreed = true;
  }
  one.services = {s1, s2};
  one.outcomes = {MakeOutcome("1A", Rational(2)),
                  MakeOutcome("1B", Rational(2)),
                  MakeOutcome("1C", Rational(7, 4), {"disagreement"}),
                  MakeOutcome("1D", Rational(2))};
  DomainResult two;
  two.id = "2";
  two.name = "Workforce health and well-being";
  two.max = 12;
  two.outcomes = {
      MakeOutcome("2A", Rational(2)),
      MakeOutcome("2B", complete ? std::optional<Rational>(2) : std::nullopt,
                  {"single-rater"}),
      MakeOutcome("2C", Rational(2)), MakeOutcome("2D", Rational(2))};
  two.outcomes[0].from_agreed = true;
  two.outcomes[0].combined = Rational(3, 2);
  if (complete) {
    two.score = Rational(8);
    two.level = testing::LevelNamed(testing::Eds2022Rubric(), "Achieving");
  }
  DomainResult three;
  three.id = "3";
  three.name = "Inclusive leadership";
  three.max = 9;
  three.score = Rational(13, 2);
  three.level = testing::LevelNamed(testing::Eds2022Rubric(), "Achieving");
  three.outcomes = {MakeOutcome("3A", Rational(5, 2)),
                    MakeOutcome("3B", Rational(2)),
                    MakeOutcome("3C", Rational(2))};
  three.outcomes[0].combined = Rational(5, 2);
  r.domains = {one, two, three};
  r.flags = {{"disagreement", "1C", "nhs-111",
              "The ratings of 1C for nhs-111 span 2 points."},
             {"few-services", "", "", "Only 2 services were assessed."}};
  if (complete) {
    r.total = Rational(22);
    r.rating = testing::BandNamed(testing::Eds2022Rubric(), "Achieving");
    r.flags.push_back({"single-rater", "2B", "", "2B has one rating."});
  } else {
    r.missing = {"2B", "1C for service =evil"};
  }
  r.agreement.alpha = 0.63;
  r.agreement.pairable = 14;
  r.agreement.percent_agreement = 0.75;
  r.agreement.within_one_level = 1.0;
  r.agreement.gwet_ac1 = 0.7;
  r.agreement.gwet_ac2 = 0.9;
  return report;
}

// ---- Reading the workbook back ----

bool HaveUnzip() {
  return std::system("command -v unzip >/dev/null 2>&1") == 0;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// One member of the zip at `path`, or "" when it is absent.
std::string Unzip(const std::string& path, const std::string& member) {
  const std::string command =
      "unzip -p '" + path + "' '" + member + "' 2>/dev/null";
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string out;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    out.append(buffer, n);
  }
  pclose(pipe);
  return out;
}

std::string Unescape(std::string text) {
  const std::pair<const char*, const char*> kEntities[] = {{"&lt;", "<"},
                                                           {"&gt;", ">"},
                                                           {"&quot;", "\""},
                                                           {"&apos;", "'"},
                                                           {"&amp;", "&"}};
  for (const auto& [entity, plain] : kEntities) {
    std::size_t at = 0;
    while ((at = text.find(entity, at)) != std::string::npos) {
      text.replace(at, std::string(entity).size(), plain);
      at += 1;
    }
  }
  return text;
}

// The text of each <si> in xl/sharedStrings.xml, in index order.
std::vector<std::string> SharedStrings(const std::string& xml) {
  std::vector<std::string> strings;
  std::size_t at = 0;
  while ((at = xml.find("<si>", at)) != std::string::npos) {
    const std::size_t end = xml.find("</si>", at);
    std::string text;
    std::size_t t = at;
    while ((t = xml.find("<t", t)) != std::string::npos && t < end) {
      const std::size_t open = xml.find('>', t) + 1;
      const std::size_t close = xml.find("</t>", open);
      text += xml.substr(open, close - open);
      t = close;
    }
    strings.push_back(Unescape(text));
    at = end;
  }
  return strings;
}

// A cell as read back: its text (a shared string or the number as written)
// and whether it is a string, a number or a formula.
struct Cell {
  std::string value;
  bool is_string = false;
  bool is_formula = false;
  bool present = false;
};

class Workbook {
 public:
  explicit Workbook(const std::string& path) : path_(path) {
    strings_ = SharedStrings(Unzip(path, "xl/sharedStrings.xml"));
    const std::string workbook = Unzip(path, "xl/workbook.xml");
    std::size_t at = 0;
    while ((at = workbook.find("<sheet name=\"", at)) != std::string::npos) {
      at += 13;
      sheet_names_.push_back(
          Unescape(workbook.substr(at, workbook.find('"', at) - at)));
    }
  }

  const std::vector<std::string>& sheet_names() const { return sheet_names_; }
  const std::vector<std::string>& strings() const { return strings_; }

  // The XML of the sheet named `name` (sheets are numbered in order).
  const std::string& SheetXml(const std::string& name) const {
    const auto cached = sheets_.find(name);
    if (cached != sheets_.end()) return cached->second;
    std::string xml;
    for (std::size_t i = 0; i < sheet_names_.size(); ++i) {
      if (sheet_names_[i] == name) {
        xml = Unzip(path_,
                    "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml");
      }
    }
    return sheets_.emplace(name, std::move(xml)).first->second;
  }

  Cell At(const std::string& sheet, const std::string& ref) const {
    const std::string& xml = SheetXml(sheet);
    Cell cell;
    const std::size_t at = xml.find("<c r=\"" + ref + "\"");
    if (at == std::string::npos) return cell;
    cell.present = true;
    const std::size_t tag_end = xml.find('>', at);
    const std::string tag = xml.substr(at, tag_end - at);
    if (xml[tag_end - 1] == '/') return cell;  // blank, styled
    const std::size_t end = xml.find("</c>", at);
    const std::string body = xml.substr(tag_end + 1, end - tag_end - 1);
    cell.is_formula = body.find("<f") != std::string::npos;
    const std::size_t v = body.find("<v>");
    if (v == std::string::npos) return cell;
    const std::string value = body.substr(v + 3, body.find("</v>") - v - 3);
    cell.is_string = tag.find("t=\"s\"") != std::string::npos;
    cell.value = cell.is_string ? strings_.at(std::stoul(value)) : value;
    return cell;
  }

  // The texts of a row's cells from column A on, up to the first gap.
  std::vector<std::string> Row(const std::string& sheet, int row) const {
    std::vector<std::string> values;
    for (char col = 'A'; col <= 'Z'; ++col) {
      const Cell cell = At(sheet, std::string(1, col) + std::to_string(row));
      if (!cell.present) break;
      values.push_back(cell.value);
    }
    return values;
  }

  // Whether any cell in `sheet` shows exactly `text`.
  bool SheetHasText(const std::string& sheet, const std::string& text) const {
    const std::string& xml = SheetXml(sheet);
    for (std::size_t i = 0; i < strings_.size(); ++i) {
      if (strings_[i] == text && xml.find("t=\"s\"><v>" + std::to_string(i) +
                                          "</v>") != std::string::npos) {
        return true;
      }
    }
    return false;
  }

 private:
  std::string path_;
  std::vector<std::string> strings_;
  std::vector<std::string> sheet_names_;
  mutable std::map<std::string, std::string> sheets_;  // by sheet name
};

class XlsxGradeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HaveUnzip()) GTEST_SKIP() << "needs the unzip program";
  }
  void TearDown() override {
    for (const std::string& path : paths_) std::remove(path.c_str());
  }

  // A fresh path for this test, removed afterwards.
  std::string TempPath(const std::string& tag) {
    const ::testing::TestInfo* info =
        ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string path = ::testing::TempDir() + "xlsx_grade_" +
                             info->name() + "_" + tag + "_" +
                             std::to_string(getpid()) + ".xlsx";
    paths_.push_back(path);
    return path;
  }

  std::string Write(const GradeReport& report, const std::string& tag) {
    const std::string path = TempPath(tag);
    const Status status = WriteGradeWorkbook(report, path);
    EXPECT_TRUE(status.ok()) << status.message();
    return path;
  }

 private:
  std::vector<std::string> paths_;
};

TEST_F(XlsxGradeTest, WritesAValidZipWithTheSheetsInOrder) {
  const std::string path = Write(MakeReport(true), "complete");
  EXPECT_EQ(std::system(("unzip -tq '" + path + "' >/dev/null").c_str()), 0);
  const Workbook book(path);
  EXPECT_EQ(
      book.sheet_names(),
      (std::vector<std::string>{"Summary", "Outcomes", "Services", "Ratings",
                                "Evidence", "Action plan", "Method"}));
}

// The <col min max> ranges of a sheet, in order.
std::vector<std::pair<int, int>> ColumnRanges(const std::string& xml) {
  std::vector<std::pair<int, int>> ranges;
  std::size_t at = 0;
  while ((at = xml.find("<col min=\"", at)) != std::string::npos) {
    at += 10;
    const int min = std::stoi(xml.substr(at));
    const std::size_t max_at = xml.find("max=\"", at) + 5;
    ranges.emplace_back(min, std::stoi(xml.substr(max_at)));
  }
  return ranges;
}

// Overlapping column ranges make a file Excel offers to repair.
TEST_F(XlsxGradeTest, EverySheetSetsEachColumnOnce) {
  const Workbook book(Write(MakeReport(true), "columns"));
  for (const std::string& sheet : book.sheet_names()) {
    const std::vector<std::pair<int, int>> ranges =
        ColumnRanges(book.SheetXml(sheet));
    EXPECT_FALSE(ranges.empty()) << sheet;
    for (std::size_t i = 1; i < ranges.size(); ++i) {
      EXPECT_GT(ranges[i].first, ranges[i - 1].second)
          << sheet << ": columns " << ranges[i - 1].first << "-"
          << ranges[i - 1].second << " and " << ranges[i].first << "-"
          << ranges[i].second << " overlap";
    }
  }
}

TEST_F(XlsxGradeTest, TablesPrintTheirHeaderOnEveryPage) {
  const std::string path = Write(MakeReport(true), "print");
  const std::string workbook = Unzip(path, "xl/workbook.xml");
  for (const char* titles :
       {"Outcomes!$1:$1", "Services!$1:$1", "Ratings!$1:$1", "Evidence!$1:$1",
        "'Action plan'!$1:$1", "Method!$1:$1"}) {
    // Only print titles name whole rows ($1:$1); filters name cell ranges.
    EXPECT_NE(workbook.find(std::string(">") + titles + "</definedName>"),
              std::string::npos)
        << titles;
  }
}

TEST_F(XlsxGradeTest, EverySheetPrintsOnA4WithHeaderAndPageNumbers) {
  GradeReport report = MakeReport(true);
  report.assessment.organisation.name = "Fenland & Wash Trust";
  const Workbook book(Write(report, "page"));
  for (const std::string& sheet : book.sheet_names()) {
    const std::string& xml = book.SheetXml(sheet);
    EXPECT_NE(xml.find("paperSize=\"9\""), std::string::npos) << sheet;
    EXPECT_NE(xml.find("<oddHeader>&amp;CFenland &amp;&amp; Wash Trust, "),
              std::string::npos)
        << sheet << ": " << xml;
    EXPECT_NE(xml.find("<oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N"),
              std::string::npos)
        << sheet;
  }
  // The Summary on one portrait page; the Method sheet, wider, landscape and
  // one page wide.
  // Fitted to one page wide and (by default) one page high.
  EXPECT_NE(book.SheetXml("Summary").find("fitToPage=\"1\""),
            std::string::npos);
  EXPECT_EQ(book.SheetXml("Summary").find("fitToHeight="), std::string::npos);
  EXPECT_NE(book.SheetXml("Summary").find("orientation=\"portrait\""),
            std::string::npos);
  EXPECT_NE(book.SheetXml("Method").find("orientation=\"landscape\""),
            std::string::npos);
  EXPECT_NE(book.SheetXml("Method").find("fitToHeight=\"0\""),
            std::string::npos);
}

TEST_F(XlsxGradeTest, LeavesOutServicesWhenDomainOneIsRatedDirectly) {
  GradeReport report = MakeReport(true);
  report.assessment.services.clear();
  report.result.domains[0].services.clear();
  const Workbook book(Write(report, "direct"));
  EXPECT_EQ(book.sheet_names(),
            (std::vector<std::string>{"Summary", "Outcomes", "Ratings",
                                      "Evidence", "Action plan", "Method"}));
}

TEST_F(XlsxGradeTest, SameReportGivesIdenticalBytes) {
  const GradeReport report = MakeReport(true);
  const std::string first = ReadBytes(Write(report, "first"));
  const std::string second = ReadBytes(Write(report, "second"));
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == second);
}

TEST_F(XlsxGradeTest, DocumentDateComesFromTheAssessment) {
  const std::string core =
      Unzip(Write(MakeReport(true), "core"), "docProps/core.xml");
  EXPECT_NE(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                      "2025-02-14T00:00:00Z</dcterms:created>"),
            std::string::npos)
      << core;
  // No completion date: 1 January of the year's first year.
  const std::string incomplete_core =
      Unzip(Write(MakeReport(false), "incomplete"), "docProps/core.xml");
  EXPECT_NE(incomplete_core.find("2024-01-01T00:00:00Z"), std::string::npos)
      << incomplete_core;
}

TEST_F(XlsxGradeTest, InputTextIsNeverAFormula) {
  const std::string path = Write(MakeReport(true), "formula");
  const Workbook book(path);
  for (const std::string& name : book.sheet_names()) {
    EXPECT_EQ(book.SheetXml(name).find("<f>"), std::string::npos) << name;
  }
  EXPECT_TRUE(book.SheetHasText("Outcomes", "=SUM(1)"));
  EXPECT_TRUE(book.SheetHasText("Evidence", "=HYPERLINK(\"x\")"));
  EXPECT_TRUE(book.SheetHasText("Ratings", "=Patient forum"));
  // Excel would decode "_x0041_" as "A"; it must read back literally.
  EXPECT_NE(std::find(book.strings().begin(), book.strings().end(),
                      "_x005F_x0041_ literally"),
            book.strings().end());
  // The chart's names are fixed words, never input text.
  const std::string chart = Unzip(path, "xl/charts/chart1.xml");
  EXPECT_NE(chart.find("Domain scores"), std::string::npos);
  // The categories are the domain ids of the Summary's domain table.
  EXPECT_NE(chart.find("<c:f>Summary!$A$"), std::string::npos) << chart;
}

TEST_F(XlsxGradeTest, OutcomesTableHasTheHeaderAndOneRowPerOutcome) {
  const Workbook book(Write(MakeReport(true), "outcomes"));
  const std::vector<std::string> header = book.Row("Outcomes", 1);
  ASSERT_GE(header.size(), 8u);
  EXPECT_EQ(std::vector<std::string>(header.begin(), header.begin() + 8),
            (std::vector<std::string>{"Domain", "Outcome", "Title", "Score",
                                      "Level", "Ratings", "Flags", "Notes"}));
  // Row 2 is 1A; rows 2..12 hold the eleven outcomes in rubric order.
  EXPECT_EQ(book.At("Outcomes", "B2").value, "1A");
  EXPECT_EQ(book.At("Outcomes", "B12").value, "3C");
  EXPECT_FALSE(book.At("Outcomes", "B13").present);
  // 1C: a number, not text; its ratings summarised per service.
  const Cell score = book.At("Outcomes", "D4");
  EXPECT_FALSE(score.is_string);
  EXPECT_EQ(score.value, "1.75");
  EXPECT_EQ(book.At("Outcomes", "E4").value, "Developing");
  EXPECT_EQ(book.At("Outcomes", "F4").value,
            "nhs-111: patients-forum 0, staff-networks 2; pts: agreed 2");
  EXPECT_EQ(book.At("Outcomes", "G4").value, "disagreement");
  // 2A, rated directly.
  EXPECT_EQ(book.At("Outcomes", "F6").value,
            "staff-networks 2, patients-forum 1");
  EXPECT_EQ(book.At("Outcomes", "H6").value, "=SUM(1)");
  const std::string sheet = book.SheetXml("Outcomes");
  EXPECT_NE(sheet.find("<pane ySplit=\"1\""), std::string::npos);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:L12\"/>"), std::string::npos);
}

TEST_F(XlsxGradeTest, LongTextIsCutToTheCellLimit) {
  const Workbook book(Write(MakeReport(true), "long"));
  const std::string notes = book.At("Outcomes", "H10").value;
  EXPECT_EQ(notes.size(), 32766u + 3u);  // 32766 ASCII + "…" (3 bytes)
  EXPECT_EQ(notes.substr(notes.size() - 3), "\xE2\x80\xA6");
}

TEST_F(XlsxGradeTest, ServicesColumnsComeFromTheRubric) {
  const Workbook book(Write(MakeReport(true), "services"));
  EXPECT_EQ(book.Row("Services", 1),
            (std::vector<std::string>{"Service", "Name", "1A", "1B", "1C", "1D",
                                      "Total", "Flags"}));
  EXPECT_EQ(book.Row("Services", 2),
            (std::vector<std::string>{"nhs-111", "NHS 111", "2", "2", "1.5",
                                      "2", "7.5", "1C: disagreement"}));
  EXPECT_EQ(book.At("Services", "G3").value, "8");
}

TEST_F(XlsxGradeTest, RatingsEvidenceAndActionsHaveOneRowPerItem) {
  const Workbook book(Write(MakeReport(true), "items"));
  EXPECT_EQ(book.Row("Ratings", 1),
            (std::vector<std::string>{"Service", "Outcome", "Stakeholder",
                                      "Group", "Score", "Comment", "Level",
                                      "Stakeholder name"}));
  // nhs-111 1A..1D (8 ratings), then 2A, 2B, 3A (5): 13 rows.
  EXPECT_EQ(book.Row("Ratings", 2)[0], "nhs-111");
  EXPECT_EQ(book.At("Ratings", "B10").value, "2A");
  EXPECT_TRUE(book.At("Ratings", "A14").present);
  EXPECT_FALSE(book.At("Ratings", "A15").present);
  EXPECT_FALSE(book.At("Ratings", "E2").is_string);

  EXPECT_EQ(book.Row("Evidence", 1),
            (std::vector<std::string>{"Service", "Outcome", "Title", "Link"}));
  EXPECT_EQ(book.Row("Evidence", 2),
            (std::vector<std::string>{"nhs-111", "1C", "Incident data",
                                      "=HYPERLINK(\"x\")"}));
  EXPECT_EQ(book.Row("Evidence", 3),
            (std::vector<std::string>{"", "2A", "Staff survey 2024",
                                      "https://example.org/survey"}));
  EXPECT_EQ(book.Row("Action plan", 1),
            (std::vector<std::string>{"Service", "Outcome", "Action", "Owner",
                                      "Due"}));
  // The due date is a date cell: 45930 is 30 September 2025 to Excel.
  EXPECT_EQ(book.Row("Action plan", 2),
            (std::vector<std::string>{"", "2A", "Extend menopause support",
                                      "Head of OH", "45930"}));
  EXPECT_FALSE(book.At("Action plan", "E2").is_string);
}

// Only a plain web or mail address becomes a live link; anything else from
// the input ("=HYPERLINK", "javascript:", "file:") stays text.
TEST_F(XlsxGradeTest, OnlyPlainWebAndMailLinksAreLive) {
  GradeReport report = MakeReport(true);
  report.assessment.outcomes["2A"].evidence = {
      {"web", "https://example.org/survey?q=1#part"},
      {"mail", "mailto:edi@example.org"},
      {"script", "javascript:alert(1)"},
      {"file", "file:///etc/passwd"},
      {"spaces", "https://example.org/a b"},
      {"long", "https://example.org/" + std::string(2100, 'x')},
  };
  const std::string path = Write(report, "links");
  const Workbook book(path);
  const std::string xml = book.SheetXml("Evidence");
  for (const char* live : {"D3", "D4"}) {
    EXPECT_NE(xml.find(std::string("<hyperlink ref=\"") + live + "\""),
              std::string::npos)
        << live;
  }
  for (const char* text : {"D2", "D5", "D6", "D7", "D8"}) {
    EXPECT_EQ(xml.find(std::string("<hyperlink ref=\"") + text + "\""),
              std::string::npos)
        << text;
    EXPECT_TRUE(book.At("Evidence", text).is_string) << text;
  }
  const std::string rels = Unzip(path, "xl/worksheets/_rels/sheet5.xml.rels");
  // The part after '#' is kept as the link's location.
  EXPECT_NE(rels.find("Target=\"https://example.org/survey?q=1\""),
            std::string::npos)
      << rels;
  EXPECT_NE(xml.find("location=\"part\""), std::string::npos);
  EXPECT_NE(rels.find("Target=\"mailto:edi@example.org\""), std::string::npos);
  EXPECT_EQ(rels.find("javascript"), std::string::npos);
  EXPECT_EQ(book.At("Evidence", "D3").value,
            "https://example.org/survey?q=1#part");
}

TEST_F(XlsxGradeTest, SummaryShowsTotalRatingFlagsAndStamp) {
  const std::string path = Write(MakeReport(true), "summary");
  const Workbook book(path);
  EXPECT_TRUE(
      book.SheetHasText("Summary", "Example Ambulance Service NHS Trust"));
  EXPECT_TRUE(
      book.SheetHasText("Summary", "Example ICB; Café Société – Ünïcode"));
  EXPECT_TRUE(book.SheetHasText("Summary", "Achieving"));
  // The stamp, on one line so that the sheet prints on one page.
  EXPECT_TRUE(book.SheetHasText(
      "Summary",
      "eds3 9.8.7 with rubric eds2022 version 2022.1; raters median, services "
      "median, rounding half. See the Method sheet."));
  EXPECT_TRUE(book.SheetHasText("Summary", "few-services"));
  EXPECT_TRUE(book.SheetHasText(
      "Summary",
      "The panel disagrees (alpha below 0.667): look at the outcomes whose "
      "ratings are spread before relying on the scores."));
  // Each agreement figure as shown, beside its label.
  const std::vector<std::vector<std::string>> figures = {
      {"Alpha", "0.63"},
      {"Percent agreement", "0.75"},
      {"Within one level", "1"},
      {"Gwet's AC1", "0.7"},
      {"Gwet's AC2 (quadratic)", "0.9"},
      {"Pairable ratings", "14"}};
  for (const std::vector<std::string>& figure : figures) {
    bool found = false;
    for (int row = 1; row < 200 && !found; ++row) {
      found = book.Row("Summary", row) == figure;
    }
    EXPECT_TRUE(found) << figure[0];
  }
  // The total is a number shown "of 33" by its format.
  const std::string styles = Unzip(path, "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"General&quot; of 33&quot;\""),
            std::string::npos)
      << styles;
  EXPECT_FALSE(book.SheetHasText("Summary", "Incomplete"));
}

TEST_F(XlsxGradeTest, IncompleteSummarySaysSoAndListsWhatIsMissing) {
  const Workbook book(Write(MakeReport(false), "incomplete"));
  EXPECT_TRUE(book.SheetHasText("Summary", "Incomplete"));
  // What is missing, in one cell so that a long list still fits the page.
  EXPECT_TRUE(book.SheetHasText("Summary", "2B; 1C for service =evil"));
  EXPECT_TRUE(book.SheetHasText("Outcomes", "not rated"));
  // A domain with anything unrated reads "incomplete", never "not rated":
  // part of it may be scored. The unrated outcome itself is "not rated".
  EXPECT_TRUE(book.SheetHasText("Summary", "incomplete"));  // Domain 2
  EXPECT_EQ(book.Row("Summary", 31),
            (std::vector<std::string>{
                "2B", "Free from abuse, harassment, bullying and violence",
                "not rated", "3", ""}));
}

TEST_F(XlsxGradeTest, MethodExplainsThePolicyAndBandsFromTheRubric) {
  GradeReport report = MakeReport(true);
  report.assessment.policy.raters = RatersPolicy::kMean;
  report.assessment.policy.rounding = RoundingPolicy::kNone;
  report.rubric.bands[1].lower = 9;
  const Workbook book(Write(report, "method"));
  EXPECT_EQ(book.Row("Method", 1),
            (std::vector<std::string>{"Topic", "Explanation"}));
  EXPECT_TRUE(book.SheetHasText(
      "Method",
      "If the panel recorded an agreed score for an outcome, that is its "
      "score. Otherwise its score is the mean of the stakeholders' ratings, "
      "kept exact, without rounding. An outcome with neither an agreed score "
      "nor ratings is not rated."));
  EXPECT_TRUE(book.SheetHasText(
      "Method",
      "The organisation rating is the band the total falls in: Undeveloped "
      "from 0 to under 9; Developing from 9 to under 22; Achieving from 22 to "
      "under 33; Excelling at 33."));
  EXPECT_TRUE(book.SheetHasText(
      "Method",
      "raters mean, services median, rounding none (set by the assessment; "
      "the rubric's default is raters median, services median, rounding "
      "half)"));
  EXPECT_TRUE(book.SheetHasText("Method", "Made by eds3 9.8.7"));
  // Alpha is read in the words every output uses.
  EXPECT_TRUE(book.SheetHasText(
      "Method", AgreementSentence(AgreementReading::kConsistent) + " " +
                    AgreementSentence(AgreementReading::kAgreed) + " " +
                    AgreementSentence(AgreementReading::kTentative) + " " +
                    AgreementSentence(AgreementReading::kDisagrees)));
}

TEST_F(XlsxGradeTest, UnwritablePathIsAnIoError) {
  const std::string path =
      ::testing::TempDir() + "no-such-folder-xlsx-grade/out.xlsx";
  const Status status = WriteGradeWorkbook(MakeReport(true), path);
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  // The reason alone: the caller names the file (WriteProblem).
  EXPECT_EQ(status.message(), "No such file or directory");
}

}  // namespace
}  // namespace eds
