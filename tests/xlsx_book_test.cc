#include "xlsx_book.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_fixture.h"

namespace eds::xlsx {
namespace {

namespace fs = std::filesystem;
using eds::testing::Unzipped;

// A workbook with a chart and a drop-down, written through the book layer
// alone (no libxlsxwriter call in the test), then read back as XML.
class XlsxBookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("eds-xlsx-book-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    path_ = (dir_ / "book.xlsx").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string path_;
};

TEST_F(XlsxBookTest, ChartsAndDropDownsGoThroughTheBook) {
  DocumentInfo info;
  info.created = DocumentTime(Date{2025, 2, 14}, "");
  Book book(path_, info);
  Sheet* sheet = book.AddSheet("Data");
  ASSERT_NE(sheet, nullptr);
  sheet->Text(0, 0, "Year");
  sheet->Text(0, 1, "Total");
  sheet->Text(0, 2, "Band");
  for (Row row = 1; row <= 3; ++row) {
    sheet->Text(row, 0, "202" + std::to_string(row));
    sheet->Number(row, 1, row * 2.0);
    sheet->Number(row, 2, 5);
  }
  Chart* chart = book.AddChart(Chart::Type::kLine);
  ASSERT_NE(chart, nullptr);
  chart->SetTitle("Totals");
  ChartSeries* total = chart->AddSeries("Data", 1, 3, 0, 1);
  ASSERT_NE(total, nullptr);
  total->NameFromCell("Data", 0, 1);
  total->Line(0x1F4E79, 2.5);
  total->SetMarker(ChartSeries::Marker::kCircle);
  ChartSeries* band = chart->AddSeries("Data", 1, 3, 0, 2);
  ASSERT_NE(band, nullptr);
  band->Name("Band");
  band->Line(0xC00000, 2, /*dashed=*/true);
  band->PointFills({0x00B050, 0xFFC000, 0xFF0000});
  chart->ValueAxis(0, 12.0, "Points");
  chart->CategoryAxisName("Year");
  chart->LegendAtBottom();
  sheet->InsertChart(5, 0, chart);
  sheet->DropDownList(1, 3, 3, {"0 - None", "1 - Some"}, "Not a score",
                      "Choose from the list.", "the drop-down");
  ASSERT_TRUE(book.Close().ok());

  const std::string xml = Unzipped(path_, "xl/charts/chart1.xml");
  EXPECT_NE(xml.find("<c:lineChart>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("Totals"), std::string::npos);
  EXPECT_NE(xml.find("<c:f>Data!$A$2:$A$4</c:f>"), std::string::npos);
  EXPECT_NE(xml.find("<c:f>Data!$B$2:$B$4</c:f>"), std::string::npos);
  EXPECT_NE(xml.find("<c:f>Data!$B$1</c:f>"), std::string::npos);
  EXPECT_NE(xml.find("<c:v>Band</c:v>"), std::string::npos);
  EXPECT_NE(xml.find("<c:symbol val=\"circle\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<a:prstDash val=\"dash\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<a:srgbClr val=\"FFC000\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<c:max val=\"12\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<c:legendPos val=\"b\"/>"), std::string::npos);
  EXPECT_NE(xml.find("Points"), std::string::npos);
  EXPECT_NE(xml.find("Year"), std::string::npos);

  const std::string sheet_xml = Unzipped(path_, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet_xml.find("sqref=\"D2:D4\""), std::string::npos) << sheet_xml;
  EXPECT_NE(sheet_xml.find("<formula1>\"0 - None,1 - Some\"</formula1>"),
            std::string::npos);
  EXPECT_NE(sheet_xml.find("errorTitle=\"Not a score\""), std::string::npos);
  EXPECT_NE(Unzipped(path_, "xl/drawings/drawing1.xml").find("chart"),
            std::string::npos);
}

TEST_F(XlsxBookTest, NoChartIsPlacedWhenThereIsNone) {
  Book book(path_, DocumentInfo{});
  Sheet* sheet = book.AddSheet("Data");
  ASSERT_NE(sheet, nullptr);
  sheet->InsertChart(0, 0, nullptr);  // AddChart failed: nothing to place
  ASSERT_TRUE(book.Close().ok());
  EXPECT_EQ(Unzipped(path_, "xl/charts/chart1.xml"), "");
}

}  // namespace
}  // namespace eds::xlsx
