#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "load/csv_reader.h"

using namespace tuoyu;

namespace {

/// The cell texts of every row.
std::vector<std::vector<std::string>> texts(const load::CsvTable& table) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : table.rows) {
    auto& cells = out.emplace_back();
    for (const auto& cell : row.cells) cells.push_back(cell.text);
  }
  return out;
}

/// `text` parsed as "t.csv", checked to produce no diagnostics.
load::CsvTable parse_clean(std::string_view text) {
  core::Diagnostics diagnostics;
  auto table = load::parse_csv(text, "t.csv", diagnostics);
  CHECK(diagnostics.entries().empty());
  return table;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("load::parse_csv splits cells on commas and records each cell's line and column") {
  const auto table = parse_clean("名称,托位数,电话\n阳光托育,30,010-1\n");
  CHECK(texts(table) == Rows{{"名称", "托位数", "电话"}, {"阳光托育", "30", "010-1"}});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1].line == 2);
  const auto& capacity = table.rows[1].cells[1];
  CHECK(capacity.line == 2);
  CHECK(capacity.column == 6);
  CHECK(table.rows[1].cells[2].column == 9);
}

TEST_CASE("load::parse_csv counts columns in code points, four-byte characters included") {
  const auto table = parse_clean("𠀀童,x\n");
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells[1].column == 4);
}

TEST_CASE("load::parse_csv treats CRLF, LF and lone CR as line ends") {
  const auto table = parse_clean("a,b\r\nc,d\ne,f\rg,h\r\n");
  CHECK(texts(table) == Rows{{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g", "h"}});
  REQUIRE(table.rows.size() == 4);
  for (int i = 0; i < 4; ++i) CHECK(table.rows[static_cast<std::size_t>(i)].line == i + 1);
}

TEST_CASE("load::parse_csv reads a final line without a line end") {
  CHECK(texts(parse_clean("a,b\nc,d")) == Rows{{"a", "b"}, {"c", "d"}});
  CHECK(texts(parse_clean("a,b,")) == Rows{{"a", "b", ""}});
  CHECK(texts(parse_clean("\"a\",\"b\"")) == Rows{{"a", "b"}});
}

TEST_CASE("load::parse_csv keeps empty cells in the middle of a row") {
  const auto table = parse_clean("a,,c\n");
  CHECK(texts(table) == Rows{{"a", "", "c"}});
  CHECK(table.rows[0].cells[1].column == 3);
}

TEST_CASE("load::parse_csv unquotes cells with commas, doubled quotes and line breaks") {
  const auto table = parse_clean("\"阳光, 托育\",\"他说\"\"好\"\"\",\"第一行\n第二行\",\"\"\n");
  CHECK(texts(table) == Rows{{"阳光, 托育", "他说\"好\"", "第一行\n第二行", ""}});
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells[1].column == 10);
}

TEST_CASE("load::parse_csv keeps line numbers after a multi-line cell") {
  const auto table =
      parse_clean("名称,地址,托位数\n\"阳光\",\"北京市\r\n朝阳区\n1号\",30\n小橡树,上海,45\n");
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[1].cells[1].text == "北京市\r\n朝阳区\n1号");
  CHECK(table.rows[1].cells[1].line == 2);
  CHECK(table.rows[1].cells[1].column == 6);
  const auto& after = table.rows[1].cells[2];
  CHECK(after.line == 4);
  CHECK(after.column == 5);
  CHECK(table.rows[2].line == 5);
  CHECK(table.rows[2].cells[2].line == 5);
  CHECK(table.rows[2].cells[2].column == 8);
}

TEST_CASE("load::parse_csv skips blank rows and rows of only commas, also in the middle") {
  const auto table = parse_clean("a,b\n\n,,,,\n  , \t\n\"\",\"\"\n　,\nc,d\r\n\r\n\n,,\n");
  CHECK(texts(table) == Rows{{"a", "b"}, {"c", "d"}});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1].line == 7);
}

TEST_CASE("load::parse_csv reads nothing from empty text") {
  CHECK(parse_clean("").rows.empty());
  CHECK(parse_clean("\n\r\n").rows.empty());
}

TEST_CASE("load::parse_csv does not trim or normalise cells") {
  CHECK(texts(parse_clean(" a ,\t１２\u3000, \"b\" \n")) ==
        Rows{{" a ", "\t１２\u3000", " \"b\" "}});
}

TEST_CASE("load::parse_csv keeps a bare quote inside an unquoted cell as text") {
  const auto table = parse_clean("ab\"c,5\",d\"\"e\n");
  CHECK(texts(table) == Rows{{"ab\"c", "5\"", "d\"\"e"}});
  CHECK(table.rows[0].cells[2].column == 9);
}

TEST_CASE("load::parse_csv skips a leading UTF-8 BOM without counting it as a column") {
  const auto table = parse_clean("\xEF\xBB\xBF名称,b\n");
  CHECK(texts(table) == Rows{{"名称", "b"}});
  CHECK(table.rows[0].cells[0].column == 1);
  CHECK(table.rows[0].cells[1].column == 4);
}

TEST_CASE(
    "load::parse_csv reports a quote that is never closed at the quote and stops reading the "
    "file") {
  core::Diagnostics diagnostics;
  const auto table =
      load::parse_csv("名称,地址\n阳光,\"北京市\n小橡树,上海\n", "t.csv", diagnostics);
  CHECK(texts(table) == Rows{{"名称", "地址"}});
  REQUIRE(diagnostics.entries().size() == 1);
  const auto& error = diagnostics.entries()[0];
  CHECK(error.severity == core::Severity::error);
  CHECK(error.where.to_string() == "t.csv:2:4");
  CHECK(
      error.message.en ==
      "this quote is never closed, so the rest of the file from here was not read; the cell begins "
      "\"北京市\\n小橡树,上海\\n\"");
  CHECK(error.message.zh ==
        "此处的引号一直没有闭合，因此从这里到文件末尾的内容都没有读取；这个单元格以 "
        "\"北京市\\n小橡树,上海\\n\" 开头");
  CHECK(
      error.hint.en ==
      "a quote inside a cell must be doubled (\"\"); check this line for a missing or extra quote");
  CHECK(error.hint.zh == "单元格中的引号要写成两个（\"\"）；请检查这一行是否多了或少了一个引号");
}

TEST_CASE("load::parse_csv reports text after a closing quote where it starts and keeps reading") {
  core::Diagnostics diagnostics;
  const auto table =
      load::parse_csv("名称,托位数\n\"阳光\"托育中心,30\n小橡树,45\n", "t.csv", diagnostics);
  CHECK(texts(table) == Rows{{"名称", "托位数"}, {"阳光托育中心", "30"}, {"小橡树", "45"}});
  REQUIRE(diagnostics.entries().size() == 1);
  const auto& error = diagnostics.entries()[0];
  CHECK(error.where.to_string() == "t.csv:2:5");
  CHECK(error.message.en ==
        "text \"托育中心\" follows the closing quote; a quoted cell may only be followed by a "
        "comma or a line end");
  CHECK(error.message.zh ==
        "闭合引号后面还有文字 \"托育中心\"：带引号的单元格在闭合引号之后只能是逗号或换行");
  CHECK(
      error.hint.en ==
      "if the cell really contains quotes, put the whole cell in quotes and double the inner ones: "
      "\"\"\"阳光\"\"托育中心\"");
  CHECK(table.rows[1].cells[1].column == 10);
}

TEST_CASE(
    "load::parse_csv reports text after a closing quote on the right line after a multi-line "
    "cell") {
  core::Diagnostics diagnostics;
  const auto table = load::parse_csv("\"a\nb\"c,d\n", "t.csv", diagnostics);
  CHECK(texts(table) == Rows{{"a\nbc", "d"}});
  REQUIRE(diagnostics.entries().size() == 1);
  CHECK(diagnostics.entries()[0].where.to_string() == "t.csv:2:3");
  CHECK(diagnostics.entries()[0].hint.en ==
        "if the cell really contains quotes, put the whole cell in quotes and double the inner "
        "ones (\"\")");
}

TEST_CASE("load::parse_csv reads a megabyte of rows with the right count and line numbers") {
  std::string text =
      "机构名称,统一社会信用代码,所在区,详细地址,托位数,收托月龄,服务类型,联系电话\r\n";
  const int rows = 7000;
  const int blank_rows = 7;  // after rows 0, 1000, … 6000
  for (int i = 0; i < rows; ++i) {
    const std::string n = std::to_string(i);
    text += "阳光宝贝托育中心" + n + ",91110105MA01" + n + ",朝阳区,\"北京市朝阳区建国路" + n +
            "号, 3号楼\",60,6-36,\"全日托\n半日托\",010-8888" + n + "\r\n";
    if (i % 1000 == 0) text += ",,,,,,,\r\n";
  }
  REQUIRE(text.size() > 1'000'000);
  const auto table = parse_clean(text);
  REQUIRE(table.rows.size() == rows + 1);
  const auto& last = table.rows.back();
  CHECK(last.cells.size() == 8);
  CHECK(last.cells[0].text == "阳光宝贝托育中心6999");
  CHECK(last.cells[6].text == "全日托\n半日托");
  CHECK(last.line == 2 + 2 * (rows - 1) + blank_rows);
  CHECK(last.cells[7].line == last.line + 1);
}
