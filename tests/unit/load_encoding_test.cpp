#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "load/encoding.h"

using namespace tuoyu;
using load::Encoding;

namespace {

/// `utf8` converted to GB18030 bytes with ICU.
std::string gb18030(const std::string& utf8) {
  std::string out(utf8.size() * 2 + 8, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length =
      ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                   static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

/// The single diagnostic recorded, checked to be an error at `line`:`column` of "t.csv".
const core::Diagnostic& only_error(const core::Diagnostics& diagnostics, int line, int column) {
  REQUIRE(diagnostics.entries().size() == 1);
  const auto& entry = diagnostics.entries()[0];
  CHECK(entry.severity == core::Severity::error);
  CHECK(entry.where.path == "t.csv");
  CHECK(entry.where.line == line);
  CHECK(entry.where.column == column);
  CHECK_FALSE(entry.message.zh.empty());
  CHECK_FALSE(entry.hint.zh.empty());
  return entry;
}

}  // namespace

TEST_CASE("load::parse_encoding_name reads the names clerks write, in any case") {
  CHECK(load::parse_encoding_name("auto") == Encoding::automatic);
  CHECK(load::parse_encoding_name("UTF-8") == Encoding::utf8);
  CHECK(load::parse_encoding_name("utf8") == Encoding::utf8);
  CHECK(load::parse_encoding_name("GB18030") == Encoding::gb18030);
  CHECK(load::parse_encoding_name("Gbk") == Encoding::gb18030);
  CHECK(load::parse_encoding_name("gb2312") == Encoding::gb18030);
  CHECK(load::parse_encoding_name("CP936") == Encoding::gb18030);
  CHECK_FALSE(load::parse_encoding_name("latin1").has_value());
  CHECK_FALSE(load::parse_encoding_name("").has_value());
  CHECK_FALSE(load::parse_encoding_name(" utf-8").has_value());
}

TEST_CASE("load::encoding_name gives the canonical names") {
  CHECK(load::encoding_name(Encoding::automatic) == "auto");
  CHECK(load::encoding_name(Encoding::utf8) == "UTF-8");
  CHECK(load::encoding_name(Encoding::gb18030) == "GB18030");
}

TEST_CASE("load::decode_text keeps UTF-8 without a BOM as it is") {
  core::Diagnostics diagnostics;
  const auto decoded = load::decode_text("机构名称,托位数\n阳光托育,30\n", Encoding::automatic,
                                         "t.csv", diagnostics);
  REQUIRE(decoded);
  CHECK(decoded->utf8 == "机构名称,托位数\n阳光托育,30\n");
  CHECK(decoded->detected == Encoding::utf8);
  CHECK_FALSE(decoded->had_bom);
  CHECK(diagnostics.entries().empty());
}

TEST_CASE("load::decode_text removes a UTF-8 BOM") {
  for (const Encoding declared : {Encoding::automatic, Encoding::utf8}) {
    core::Diagnostics diagnostics;
    const auto decoded = load::decode_text("\xEF\xBB\xBF名称\r\n", declared, "t.csv", diagnostics);
    REQUIRE(decoded);
    CHECK(decoded->utf8 == "名称\r\n");
    CHECK(decoded->detected == Encoding::utf8);
    CHECK(decoded->had_bom);
    CHECK(diagnostics.entries().empty());
  }
}

TEST_CASE("load::decode_text reads a file that is only a BOM as empty text") {
  core::Diagnostics diagnostics;
  const auto decoded = load::decode_text("\xEF\xBB\xBF", Encoding::automatic, "t.csv", diagnostics);
  REQUIRE(decoded);
  CHECK(decoded->utf8.empty());
  CHECK(decoded->had_bom);
}

TEST_CASE("load::decode_text accepts an empty file") {
  core::Diagnostics diagnostics;
  const auto decoded = load::decode_text("", Encoding::automatic, "t.csv", diagnostics);
  REQUIRE(decoded);
  CHECK(decoded->utf8.empty());
  CHECK(decoded->detected == Encoding::utf8);
  CHECK(diagnostics.entries().empty());
}

TEST_CASE("load::decode_text detects GBK bytes and converts them to UTF-8") {
  core::Diagnostics diagnostics;
  const auto decoded =
      load::decode_text("\xCD\xD0\xD3\xFD,30\r\n", Encoding::automatic, "t.csv", diagnostics);
  REQUIRE(decoded);
  CHECK(decoded->utf8 == "托育,30\r\n");
  CHECK(decoded->detected == Encoding::gb18030);
  CHECK_FALSE(decoded->had_bom);
  CHECK(diagnostics.entries().empty());
}

TEST_CASE("load::decode_text reads GB18030 four-byte characters, declared or detected") {
  const std::string text = "机构名称,地址\n𠀀童托育,北京市朝阳区€路1号\n";
  const std::string bytes = gb18030(text);
  REQUIRE(bytes.find("\x95\x32\x82\x36") !=
          std::string::npos);  // U+20000 takes four bytes in GB18030
  for (const Encoding declared : {Encoding::automatic, Encoding::gb18030}) {
    core::Diagnostics diagnostics;
    const auto decoded = load::decode_text(bytes, declared, "t.csv", diagnostics);
    REQUIRE(decoded);
    CHECK(decoded->utf8 == text);
    CHECK(decoded->detected == Encoding::gb18030);
    CHECK(diagnostics.entries().empty());
  }
}

TEST_CASE("load::decode_text reads a large GB18030 file with characters outside the BMP intact") {
  std::string text;
  for (int i = 0; i < 30000; ++i)
    text += i % 7 == 0 ? "\n" : "𠀀托a";  // crosses many chunk boundaries
  core::Diagnostics diagnostics;
  const auto decoded = load::decode_text(gb18030(text), Encoding::gb18030, "t.csv", diagnostics);
  REQUIRE(decoded);
  CHECK(decoded->utf8 == text);
  CHECK(diagnostics.entries().empty());
}

TEST_CASE("load::decode_text reports GBK bytes in a file declared UTF-8 and suggests gb18030") {
  core::Diagnostics diagnostics;
  const std::string bytes = "name,capacity\r\n" + gb18030("abc阳光,30\n");
  CHECK_FALSE(load::decode_text(bytes, Encoding::utf8, "t.csv", diagnostics));
  const auto& error = only_error(diagnostics, 2, 4);
  CHECK(error.message.en == "the file is not valid UTF-8: cannot read the byte sequence 0xD1 here");
  CHECK(error.message.zh == "文件不是有效的 UTF-8 编码：此处的字节 0xD1 无法读取");
  CHECK(error.hint.en ==
        "the file looks like GB18030/GBK (read that way, this line is \"abc阳光,30\"); save it as "
        "UTF-8 CSV, or set "
        "`encoding: gb18030` in site.yaml");
  CHECK(error.hint.zh ==
        "文件看起来是 GB18030/GBK 编码（按此编码，这一行是 \"abc阳光,30\"）。请把文件另存为 UTF-8 "
        "编码的 CSV，或在 "
        "site.yaml 中设置 encoding: gb18030");
}

TEST_CASE(
    "load::decode_text counts lone CR and CRLF as line ends and characters as columns in error "
    "positions") {
  core::Diagnostics diagnostics;
  CHECK_FALSE(load::decode_text("a\rb\r\n托育,\xFF", Encoding::utf8, "t.csv", diagnostics));
  only_error(diagnostics, 3, 4);
}

TEST_CASE(
    "load::decode_text reports bytes that are neither UTF-8 nor GB18030 at the first bad byte") {
  core::Diagnostics diagnostics;
  const std::string bytes = gb18030("名称,托位数\n托育,") + "\xFF" + "30\n";
  CHECK_FALSE(load::decode_text(bytes, Encoding::automatic, "t.csv", diagnostics));
  const auto& error = only_error(diagnostics, 2, 4);
  CHECK(error.message.en ==
        "the file is neither valid UTF-8 nor valid GB18030/GBK: cannot read the byte sequence 0xFF "
        "here");
}

TEST_CASE("load::decode_text reports a GB18030 character cut off at the end of the file") {
  core::Diagnostics diagnostics;
  CHECK_FALSE(load::decode_text("\xCD\xD0\n\xCD\xD0\xD3", Encoding::gb18030, "t.csv", diagnostics));
  const auto& error = only_error(diagnostics, 2, 2);
  CHECK(error.message.en ==
        "the file is not valid GB18030/GBK: cannot read the byte sequence 0xD3 here");
}

TEST_CASE("load::decode_text reports damaged UTF-8 instead of reading it as garbled GB18030") {
  core::Diagnostics diagnostics;
  // \xE8\x82 is 育 (E8 82 B2) cut short; read as GB18030 the whole file would decode to nonsense.
  const std::string bytes = "机构名称,托位数\n阳光托\xE8\x82,30\n小橡树托育,45\n";
  CHECK_FALSE(load::decode_text(bytes, Encoding::automatic, "t.csv", diagnostics));
  const auto& error = only_error(diagnostics, 2, 4);
  CHECK(error.message.en ==
        "the file is mostly UTF-8, but the byte sequence 0xE8 0x82 here is not valid UTF-8");
}

TEST_CASE("load::decode_text rejects UTF-16 files with a clear request to save as UTF-8 CSV") {
  const std::vector<std::string> utf16_files = {std::string("\xFF\xFE" "a\0,\0", 6), std::string("\xFE\xFF\0a\0,", 6)};
  for (const std::string& bytes : utf16_files) {
    core::Diagnostics diagnostics;
    CHECK_FALSE(load::decode_text(bytes, Encoding::automatic, "t.csv", diagnostics));
    const auto& error = only_error(diagnostics, 0, 0);
    CHECK(error.message.en ==
          "the file is saved as UTF-16 (Excel's \"Unicode text\") and cannot be read as CSV");
    CHECK(error.hint.en ==
          "save it as UTF-8 CSV: in Excel choose Save As and the file type \"CSV UTF-8 (Comma "
          "delimited) (*.csv)\"");
  }
}

TEST_CASE("load::decode_text rejects an Excel workbook renamed to .csv") {
  core::Diagnostics diagnostics;
  CHECK_FALSE(load::decode_text(std::string("PK\x03\x04\x14\0\x06\0", 8), Encoding::utf8, "t.csv",
                                diagnostics));
  const auto& error = only_error(diagnostics, 0, 0);
  CHECK(error.message.en ==
        "this is an Excel workbook (.xlsx or .xls) or a ZIP archive, not a CSV text file");
}

TEST_CASE("load::decode_text reports a NUL byte at its line and column") {
  core::Diagnostics diagnostics;
  CHECK_FALSE(load::decode_text("名称\n托育" + std::string(1, '\0') + "x\n", Encoding::automatic,
                                "t.csv", diagnostics));
  const auto& error = only_error(diagnostics, 2, 3);
  CHECK(error.message.en ==
        "the file contains a NUL byte (0x00) here, which never occurs in a CSV text file");
}

TEST_CASE("load::decode_text finds a NUL byte in GB18030 text counting characters") {
  core::Diagnostics diagnostics;
  const std::string bytes = gb18030("名称\n托育") + std::string(1, '\0');
  CHECK_FALSE(load::decode_text(bytes, Encoding::gb18030, "t.csv", diagnostics));
  only_error(diagnostics, 2, 3);
}

TEST_CASE(
    "load::decode_text reads a UTF-8 BOM file as UTF-8 even when GB18030 is declared, with a "
    "warning") {
  core::Diagnostics diagnostics;
  const auto decoded =
      load::decode_text("\xEF\xBB\xBF托育\n", Encoding::gb18030, "t.csv", diagnostics);
  REQUIRE(decoded);
  CHECK(decoded->utf8 == "托育\n");
  CHECK(decoded->detected == Encoding::utf8);
  CHECK(diagnostics.error_count() == 0);
  CHECK(diagnostics.warning_count() == 1);
}

TEST_CASE("load::decode_text warns when a file declared GB18030 is also valid UTF-8 Chinese") {
  core::Diagnostics diagnostics;
  const auto decoded = load::decode_text("name\n阳光\n", Encoding::gb18030, "t.csv", diagnostics);
  REQUIRE(decoded);
  CHECK(decoded->detected == Encoding::gb18030);
  REQUIRE(diagnostics.entries().size() == 1);
  const auto& warning = diagnostics.entries()[0];
  CHECK(warning.severity == core::Severity::warning);
  CHECK(warning.where.line == 2);
  CHECK(warning.where.column == 1);
  CHECK(warning.message.en.find("\"阳光\" as UTF-8") != std::string::npos);
}

TEST_CASE("load::decode_text suggests encoding utf-8 when a file declared GB18030 is UTF-8") {
  core::Diagnostics diagnostics;
  // 阳 is E9 98 B3 in UTF-8; in GB18030 E9 98 is a character and B3 0A is not.
  CHECK_FALSE(load::decode_text("阳\n", Encoding::gb18030, "t.csv", diagnostics));
  REQUIRE(diagnostics.entries().size() == 1);
  CHECK(diagnostics.entries()[0].hint.en ==
        "the file looks like UTF-8: set `encoding: utf-8` (or `auto`) in site.yaml");
}
