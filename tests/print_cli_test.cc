// End-to-end tests of how the workbooks print: the built eds3 writes the
// grade, compare and rollup workbooks of the bundled examples, LibreOffice
// prints them all to PDF in one run, and poppler's pdftotext reads back each
// page's words with their boxes. Every word must be at least 8 points high,
// the grade Summary one page, the page counts bounded, and the labels whole
// (a label cut off by its neighbour reads "Domain 1 sc7" in the text).

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace eds {
namespace {

namespace fs = std::filesystem;
using ::eds::testing::ReadText;
using ::eds::testing::ShellQuote;
using ::eds::testing::WriteText;

// One printed page: the sheet it belongs to (from the footer), its text with
// runs of white space made single spaces, and its smallest word.
struct Page {
  std::string sheet;
  std::string text;
  double smallest = 1e9;
  std::string smallest_word;
};

bool Have(const char* program) {
  return std::system(("command -v " + std::string(program) + " >/dev/null 2>&1")
                         .c_str()) == 0;
}

std::string Replace(std::string text, const std::string& from,
                    const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string Squeeze(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

// How tall pdftotext's word box is for one point of type. Poppler makes a
// box from the font's ascent and descent, taken from the PDF's font
// descriptors, or 0.95 and -0.35 of the size when a descriptor gives none
// (LibreOffice writes 0). The tallest of the file's fonts, so that a size
// is never overstated.
double BoxPerPoint(const std::string& pdf) {
  const std::regex descriptor(
      "/Ascent (-?[0-9.]+)[^>]*?/Descent (-?[0-9.]+)|"
      "/Descent (-?[0-9.]+)[^>]*?/Ascent (-?[0-9.]+)");
  double most = 0.95 + 0.35;
  for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), descriptor);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    double ascent = std::stod(m[1].matched ? m[1].str() : m[4].str()) / 1000;
    double descent = std::stod(m[1].matched ? m[2].str() : m[3].str()) / 1000;
    // Poppler's own corrections of broken descriptors.
    ascent = std::abs(ascent);
    descent = -std::abs(descent);
    if (ascent == 0 || ascent >= 3) ascent = 0.95;
    if (descent == 0 || descent <= -3) descent = -0.35;
    most = std::max(most, ascent - descent);
  }
  return most;
}

class PrintCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!Have("soffice") || !Have("pdftotext")) return;
    std::string pattern =
        (fs::temp_directory_path() / "eds3-print-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = new fs::path(pattern);
    const fs::path work = *root_ / "work";
    const fs::path examples = fs::path(EDS_SOURCE_DIR) / "examples";
    fs::create_directories(work / "short");
    fs::copy(examples / "rollup", work / "rollup", fs::copy_options::recursive);
    const std::string yaml = "northmoor-ambulance-2024-25.yaml";
    const std::string csv = "northmoor-ambulance-2024-25-panel.csv";
    fs::copy_file(examples / yaml, work / yaml);
    fs::copy_file(examples / csv, work / csv);
    // The example with one-letter service ids (which left the Services
    // sheet's label "Domain 1 score" too narrow a column) and an "&" in the
    // organisation's name (a control character in a page header).
    const auto shorten = [](std::string text) {
      text = Replace(text, "emergency-999", "e9");
      text = Replace(text, "nhs-111", "n1");
      text = Replace(text, "patient-transport", "pt");
      return Replace(text, "Northmoor Ambulance Service NHS Foundation Trust",
                     "Northmoor & Dales Ambulance Service");
    };
    WriteText(work / "short" / yaml, shorten(ReadText(examples / yaml)));
    WriteText(work / "short" / csv, shorten(ReadText(examples / csv)));

    const std::vector<std::string> commands = {
        "grade " + yaml + " -o grade.xlsx",
        "grade short/" + yaml + " -o short.xlsx",
        "compare rollup/severnvale/rha-carrow/2022-23.yaml "
        "rollup/severnvale/rha-carrow/2023-24.yaml "
        "rollup/severnvale/rha-carrow/2024-25.yaml -o compare.xlsx",
        "rollup rollup --system 'Severnvale ICS' -o rollup.xlsx"};
    for (const std::string& command : commands) {
      const std::string line = "cd " + ShellQuote(work.string()) + " && " +
                               ShellQuote(EDS_BINARY) + " " + command +
                               " >/dev/null 2>&1";
      ASSERT_EQ(std::system(line.c_str()), 0) << command;
    }
    // One LibreOffice run for all the workbooks, with a profile of its own.
    const fs::path pdf = *root_ / "pdf";
    const std::string convert =
        "cd " + ShellQuote(work.string()) + " && timeout 600 soffice " +
        ShellQuote("-env:UserInstallation=file://" + (*root_ / "lo").string()) +
        " --headless --convert-to pdf --outdir " + ShellQuote(pdf.string()) +
        " grade.xlsx short.xlsx compare.xlsx rollup.xlsx >/dev/null 2>&1";
    ASSERT_EQ(std::system(convert.c_str()), 0);
    pages_ = new std::map<std::string, std::vector<Page>>;
    for (const char* name : {"grade", "short", "compare", "rollup"}) {
      (*pages_)[name] = ReadPages(pdf / (std::string(name) + ".pdf"));
    }
  }

  static void TearDownTestSuite() {
    if (root_ != nullptr) fs::remove_all(*root_);
    delete root_;
    delete pages_;
    root_ = nullptr;
    pages_ = nullptr;
  }

  void SetUp() override {
    if (pages_ == nullptr) GTEST_SKIP() << "needs soffice and pdftotext";
  }

  // The pages of a PDF, from pdftotext's word boxes (-bbox) and its text.
  static std::vector<Page> ReadPages(const fs::path& pdf) {
    const double box_per_point = BoxPerPoint(ReadText(pdf));
    const fs::path boxes = pdf.string() + ".html";
    const fs::path text = pdf.string() + ".txt";
    const std::string run =
        "pdftotext -bbox " + ShellQuote(pdf.string()) + " " +
        ShellQuote(boxes.string()) + " && pdftotext -layout " +
        ShellQuote(pdf.string()) + " " + ShellQuote(text.string());
    std::vector<Page> pages;
    if (std::system(run.c_str()) != 0) return pages;
    // Pages are separated by form feeds; the footer line holds the sheet's
    // name (&A), then "Page N of M" at the right.
    const std::string all = ReadText(text);
    std::size_t start = 0;
    while (start < all.size()) {
      const std::size_t end = std::min(all.find('\f', start), all.size());
      Page page;
      const std::string raw = all.substr(start, end - start);
      page.text = Squeeze(raw);
      std::smatch footer;
      if (std::regex_search(
              raw, footer,
              std::regex("(?:^|\n) *(\\S.*?\\S) {2,}Page [0-9]+ of [0-9]+ *"
                         "(?:\n|$)"))) {
        page.sheet = footer[1];
      }
      pages.push_back(page);
      start = end + 1;
    }
    const std::string html = ReadText(boxes);
    const std::regex word(
        "<page |<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" "
        "yMax=\"([0-9.]+)\">([^<]*)</word>");
    std::size_t index = 0;
    bool first = true;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), word);
         it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      if (!m[1].matched) {
        if (!first) ++index;
        first = false;
        continue;
      }
      if (index >= pages.size()) break;
      const double size =
          (std::stod(m[2].str()) - std::stod(m[1].str())) / box_per_point;
      Page& page = pages[index];
      if (size < page.smallest) {
        page.smallest = size;
        page.smallest_word = m[3];
      }
    }
    return pages;
  }

  static const std::vector<Page>& Pages(const std::string& name) {
    return pages_->at(name);
  }

  static std::size_t PagesOf(const std::string& name,
                             const std::string& sheet) {
    const std::vector<Page>& pages = Pages(name);
    return static_cast<std::size_t>(
        std::count_if(pages.begin(), pages.end(),
                      [&](const Page& page) { return page.sheet == sheet; }));
  }

  static bool Prints(const std::string& name, const std::string& text) {
    for (const Page& page : Pages(name)) {
      if (page.text.find(text) != std::string::npos) return true;
    }
    return false;
  }

  static fs::path* root_;
  static std::map<std::string, std::vector<Page>>* pages_;
};

fs::path* PrintCliTest::root_ = nullptr;
std::map<std::string, std::vector<Page>>* PrintCliTest::pages_ = nullptr;

TEST_F(PrintCliTest, NoTextUnderEightPoints) {
  for (const char* name : {"grade", "short", "compare", "rollup"}) {
    ASSERT_FALSE(Pages(name).empty()) << name;
    double smallest = 1e9;
    for (std::size_t p = 0; p < Pages(name).size(); ++p) {
      const Page& page = Pages(name)[p];
      EXPECT_GE(page.smallest, 8.0)
          << name << " page " << p + 1 << " (" << page.sheet << "): \""
          << page.smallest_word << "\"";
      smallest = std::min(smallest, page.smallest);
    }
    RecordProperty(std::string(name) + "_smallest_points",
                   std::to_string(smallest));
  }
}

TEST_F(PrintCliTest, GradeSummaryIsOnePage) {
  for (const char* name : {"grade", "short"}) {
    EXPECT_EQ(PagesOf(name, "Summary"), 1u) << name;
  }
  // It stands alone: every outcome with its score and level, the services'
  // Domain 1 totals, the flags and the panel agreement.
  const Page& summary = Pages("grade").front();
  ASSERT_EQ(summary.sheet, "Summary");
  for (const char* text :
       {"Total 18 of 33", "Rating Developing", "1A Access 2 3 Achieving",
        "2B Free from abuse, harassment, bullying and",
        "3C Levers to manage "
        "performance 2 3 Achieving",
        "emergency-999 999 emergency response 8 12", "Flags",
        "disagreement Ratings for 2B span 0 to 2", "Panel agreement",
        "Alpha 0.696", "Gwet's AC1 0.825"}) {
    EXPECT_NE(summary.text.find(text), std::string::npos)
        << text << "\nin: " << summary.text;
  }
}

TEST_F(PrintCliTest, PageCountsStayBounded) {
  // Each sheet one page wide, so the counts follow the rows.
  const std::map<std::string, std::map<std::string, std::size_t>> most = {
      {"grade",
       {{"Summary", 1},
        {"Outcomes", 6},
        {"Services", 1},
        {"Ratings", 4},
        {"Evidence", 1},
        {"Action plan", 1},
        {"Method", 2}}},
      {"compare", {{"Summary", 2}, {"Trend", 3}, {"Changes", 2}}},
      {"rollup",
       {{"Attention", 2},
        {"Organisations", 3},
        {"Outcomes", 2},
        {"History", 50},
        {"Ratings by year", 2}}}};
  for (const auto& [name, sheets] : most) {
    std::size_t counted = 0;
    for (const auto& [sheet, pages] : sheets) {
      const std::size_t count = PagesOf(name, sheet);
      EXPECT_GE(count, 1u) << name << " " << sheet;
      EXPECT_LE(count, pages) << name << " " << sheet;
      counted += count;
    }
    // Every page is one of those sheets'.
    EXPECT_EQ(counted, Pages(name).size()) << name;
  }
}

TEST_F(PrintCliTest, LabelsAreNotCutOff) {
  EXPECT_TRUE(Prints("short", "Domain 1 score 7"));
  EXPECT_TRUE(Prints("grade", "Domain 1 score 7"));
  EXPECT_TRUE(Prints("compare", "Years compared 2022/23 to 2024/25"));
  EXPECT_TRUE(Prints("compare", "Tool and method"));
  EXPECT_TRUE(Prints("rollup",
                     "Years: 2022/23 to 2024/25. Integrated care "
                     "system: Severnvale ICS."));
}

TEST_F(PrintCliTest, PagesSayWhoseTheyAreAndTheirNumber) {
  const std::vector<Page>& pages = Pages("short");
  ASSERT_FALSE(pages.empty());
  // The "&" printed as itself, not read as a header code.
  EXPECT_NE(pages.front().text.find(
                "Northmoor & Dales Ambulance Service, 2024/25: NHS Equality "
                "Delivery System 2022"),
            std::string::npos)
      << pages.front().text;
  const std::string last = "Page " + std::to_string(pages.size()) + " of " +
                           std::to_string(pages.size());
  EXPECT_NE(pages.back().text.find(last), std::string::npos)
      << pages.back().text;
  EXPECT_TRUE(Prints("rollup",
                     "EDS rollup, Severnvale ICS, 2022/23 to "
                     "2024/25"));
}

}  // namespace
}  // namespace eds
