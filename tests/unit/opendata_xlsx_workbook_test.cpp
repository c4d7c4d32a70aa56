#include <doctest/doctest.h>
#include <zlib.h>  // linked through libxlsxwriter's pkg-config (-lxlsxwriter -lz)

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <locale>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "opendata/xlsx_workbook.h"
#include "test_support.h"

using namespace tuoyu::opendata;

namespace {

/// One entry of a zip archive: its DOS time and date, and its inflated bytes.
struct ZipEntry {
  std::uint16_t dos_time = 0;
  std::uint16_t dos_date = 0;
  std::string data;
};

/// The `size`-byte little-endian number at `at`.
std::uint32_t little_endian(const std::string& bytes, std::size_t at, int size) {
  REQUIRE(at + static_cast<std::size_t>(size) <= bytes.size());
  std::uint32_t value = 0;
  for (int i = size - 1; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  return value;
}

/// The entries of a zip archive by name, read from its local headers (stored or deflated, sizes in the header).
std::map<std::string, ZipEntry> unzip(const std::string& zip) {
  std::map<std::string, ZipEntry> entries;
  std::size_t at = 0;
  while (little_endian(zip, at, 4) == 0x04034b50) {
    REQUIRE((little_endian(zip, at + 6, 2) & 8) == 0);  // sizes are in the header, not after the data
    const auto method = little_endian(zip, at + 8, 2);
    const auto packed = little_endian(zip, at + 18, 4), size = little_endian(zip, at + 22, 4);
    const auto name_size = little_endian(zip, at + 26, 2), extra_size = little_endian(zip, at + 28, 2);
    ZipEntry& entry = entries[zip.substr(at + 30, name_size)];
    entry.dos_time = static_cast<std::uint16_t>(little_endian(zip, at + 10, 2));
    entry.dos_date = static_cast<std::uint16_t>(little_endian(zip, at + 12, 2));
    const std::size_t data = at + 30 + name_size + extra_size;
    REQUIRE(data + packed <= zip.size());
    entry.data.resize(size);
    if (method == 0) {
      entry.data = zip.substr(data, packed);
    } else {
      REQUIRE(method == 8);
      z_stream stream{};
      REQUIRE(inflateInit2(&stream, -MAX_WBITS) == Z_OK);
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      stream.avail_in = packed;
      stream.next_out = reinterpret_cast<Bytef*>(entry.data.data());
      stream.avail_out = size;
      const int result = inflate(&stream, Z_FINISH);
      inflateEnd(&stream);
      REQUIRE(result == Z_STREAM_END);
    }
    at = data + packed;
  }
  return entries;
}

/// Two sheets with a Chinese header, an 18-character code, an id with leading zeros, a number and an empty cell.
std::vector<XlsxSheet> sample_sheets() {
  return {{"托育机构",
           {"机构编号", "统一社会信用代码", "月收费（元）", "备注"},
           {{{"007"}, {"91330100MA27XXXX5Y"}, {"", 2800.5}, {""}}, {{"012"}, {"91330100MA27YYYY6Z"}, {"", 3000}, {"有_x0041_"}}}},
          {"fees", {"id", "amount"}, {{{"007"}, {"", 0.25}}}}};
}

const XlsxProperties kProperties{"托育机构名录", "某区卫生健康局", "2024-05-01"};

/// The value of `name` in the environment for its lifetime, restored afterwards (tzset() after each change).
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) previous_ = old;
    ::setenv(name, value.c_str(), 1);
    ::tzset();
  }
  ~ScopedEnv() {
    previous_ ? ::setenv(name_, previous_->c_str(), 1) : ::unsetenv(name_);
    ::tzset();
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> previous_;
};

/// The message write_xlsx throws for `sheets`, or "" when it does not throw.
std::string error_of(const std::vector<XlsxSheet>& sheets, const XlsxProperties& properties = kProperties) {
  try {
    write_xlsx(sheets, properties);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("opendata::write_xlsx gives the same bytes for the same input and other bytes for another cell") {
  const std::string first = write_xlsx(sample_sheets(), kProperties);
  CHECK(first.starts_with("PK\x03\x04"));
  CHECK(write_xlsx(sample_sheets(), kProperties) == first);
  auto changed = sample_sheets();
  changed[1].rows[0][0].text = "008";
  CHECK(write_xlsx(changed, kProperties) != first);
  CHECK(write_xlsx(sample_sheets(), {"托育机构名录", "某区卫生健康局", "2024-05-02"}) != first);
}

TEST_CASE("opendata::write_xlsx writes the same bytes in any time zone, stamped with the date at midnight UTC") {
  std::string east, west;
  {
    const ScopedEnv tz("TZ", "Pacific/Kiritimati");  // UTC+14
    east = write_xlsx(sample_sheets(), kProperties);
  }
  {
    const ScopedEnv tz("TZ", "America/Los_Angeles");
    west = write_xlsx(sample_sheets(), kProperties);
  }
  CHECK(east == west);
  const std::string core = unzip(east).at("docProps/core.xml").data;
  CHECK(contains(core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-05-01T00:00:00Z</dcterms:created>"));
  CHECK(contains(core, "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-05-01T00:00:00Z</dcterms:modified>"));
  CHECK(contains(core, "<dc:title>托育机构名录</dc:title>"));
  CHECK(contains(core, "<dc:creator>某区卫生健康局</dc:creator>"));
}

TEST_CASE("opendata::write_xlsx stamps every zip entry with the same fixed time, never the clock") {
  const auto entries = unzip(write_xlsx(sample_sheets(), kProperties));
  REQUIRE(entries.size() >= 9);
  for (const auto& [name, entry] : entries) {
    INFO(name);
    CHECK(entry.dos_date == ((0 << 9) | (1 << 5) | 1));  // 1980-01-01
    CHECK(entry.dos_time == 0);
  }
}

TEST_CASE("opendata::write_xlsx writes text as strings, numbers as numbers and leaves empty cells out") {
  const auto entries = unzip(write_xlsx(sample_sheets(), kProperties));
  const std::string workbook = entries.at("xl/workbook.xml").data;
  CHECK(contains(workbook, "<sheet name=\"托育机构\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"fees\" sheetId=\"2\" r:id=\"rId2\"/>"));
  CHECK_FALSE(entries.contains("xl/worksheets/sheet3.xml"));

  const std::string sheet = entries.at("xl/worksheets/sheet1.xml").data;
  CHECK(contains(sheet, "<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>机构编号</t></is></c>"));
  CHECK(contains(sheet, "<c r=\"A2\" t=\"inlineStr\"><is><t>007</t></is></c>"));
  CHECK(contains(sheet, "<c r=\"B2\" t=\"inlineStr\"><is><t>91330100MA27XXXX5Y</t></is></c>"));
  CHECK(contains(sheet, "<c r=\"C2\"><v>2800.5</v></c></row>"));  // and no D2 for the empty cell
  CHECK_FALSE(contains(sheet, "r=\"D2\""));
  CHECK(contains(sheet, "<t>有_x005F_x0041_</t>"));  // shown as typed, not as "有A"
  CHECK(contains(entries.at("xl/worksheets/sheet2.xml").data, "<c r=\"B2\"><v>0.25</v></c>"));
}

TEST_CASE("opendata::write_xlsx makes the header row bold, frozen and filtered") {
  const auto entries = unzip(write_xlsx(sample_sheets(), kProperties));
  const std::string sheet = entries.at("xl/worksheets/sheet1.xml").data;
  CHECK(contains(sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
  CHECK(contains(sheet, "<autoFilter ref=\"A1:D3\"/>"));
  CHECK(contains(entries.at("xl/worksheets/sheet2.xml").data, "<autoFilter ref=\"A1:B2\"/>"));
  const std::string styles = entries.at("xl/styles.xml").data;  // style 1 of the header cells uses font 1, the bold one
  CHECK(contains(styles, "<fonts count=\"2\"><font><sz val=\"11\"/>"));
  CHECK(contains(styles, "<font><b/><sz val=\"11\"/>"));
  CHECK(contains(styles, "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"));
}

TEST_CASE("opendata::write_xlsx sizes columns by their longest value, Chinese characters counting double, up to 60") {
  std::vector<XlsxSheet> sheets = {{"widths", {"abcdefghijklmnop", "一二三四五六七八", "x", "long"}, {{{"y"}, {"z"}, {"1"}, {std::string(300, 'w')}}}}};
  const std::string sheet = unzip(write_xlsx(sheets, kProperties)).at("xl/worksheets/sheet1.xml").data;
  const auto width = [&](int column) {
    const std::string start = "<col min=\"" + std::to_string(column) + "\" max=\"" + std::to_string(column) + "\" width=\"";
    const auto at = sheet.find(start);
    REQUIRE(at != std::string::npos);
    return std::stod(sheet.substr(at + start.size(), 12));
  };
  CHECK(width(1) > 17);
  CHECK(width(2) == doctest::Approx(width(1)).epsilon(0.01));  // 8 wide characters are as wide as 16 narrow ones
  CHECK(width(3) < 10);
  CHECK(width(4) < 61);
  CHECK(width(4) > 59);
}

TEST_CASE("opendata::write_xlsx refuses a cell longer than Excel's 32,767 characters instead of truncating it") {
  auto sheets = sample_sheets();
  sheets[0].rows[1][3].text = std::string(32767, 'a');
  CHECK(error_of(sheets).empty());
  sheets[0].rows[1][3].text = std::string(32768, 'a');
  CHECK(error_of(sheets) == "xlsx sheet \"托育机构\" cell D3 (column \"备注\") has 32768 characters; Excel allows at most 32767");
  std::string emoji;  // 16,384 characters beyond U+FFFF are 32,768 in Excel's count
  for (int i = 0; i < 16384; ++i) emoji += "\xF0\x9F\x98\x80";
  sheets[0].rows[1][3].text = emoji;
  CHECK(contains(error_of(sheets), "has 32768 characters"));
  sheets[0].rows[1][3].text = "";
  sheets[1].headers[1] = std::string(40000, 'h');
  CHECK(error_of(sheets) == "xlsx sheet \"fees\" cell B1 (column \"" + sheets[1].headers[1] +
                                "\") has 40000 characters; Excel allows at most 32767");
}

TEST_CASE("opendata::write_xlsx refuses a bad sheet name with libxlsxwriter's reason") {
  auto sheets = sample_sheets();
  sheets[1].name = "fees/2024";
  CHECK(error_of(sheets) == "xlsx: sheet name \"fees/2024\": Worksheet name cannot contain invalid characters: '[ ] : * ? / \\'");
  sheets[1].name = std::string(32, 'n');
  CHECK(error_of(sheets) == "xlsx: sheet name \"" + sheets[1].name + "\": Worksheet name exceeds Excel's limit of 31 characters.");
  sheets[1].name = "托育机构";
  CHECK(error_of(sheets) == "xlsx: sheet name \"托育机构\": Worksheet name is already in use.");
  sheets[1].name = "";
  CHECK(error_of(sheets) == "xlsx: sheet name \"\": a sheet needs a name");
}

TEST_CASE("opendata::write_xlsx refuses input it cannot write faithfully") {
  auto sheets = sample_sheets();
  sheets[1].rows[0].push_back({"extra"});
  CHECK(error_of(sheets) == "xlsx sheet \"fees\" cell C2: row has 3 cells but only 2 headers");
  sheets = sample_sheets();
  sheets[1].rows[0][1].number = std::numeric_limits<double>::quiet_NaN();
  CHECK(error_of(sheets) == "xlsx sheet \"fees\" cell B2 (column \"amount\") is not a finite number");
  sheets = sample_sheets();
  sheets[1].rows[0][0].text = "a\xFF";
  CHECK(error_of(sheets) == "xlsx sheet \"fees\" cell A2 (column \"id\") is not valid UTF-8");
  CHECK(error_of({}) == "xlsx: a workbook needs at least one sheet");
  for (const std::string date : {"", "2024-02-30", "2024-5-01", "1970-01-01", "2024-05-01T00:00"}) {
    CHECK(error_of(sample_sheets(), {"", "", date}) == "xlsx: created_date \"" + date + "\" is not a date YYYY-MM-DD after 1970-01-01");
  }
  CHECK(error_of(sample_sheets(), {"", "", "2024-02-29"}).empty());
}

TEST_CASE("opendata::write_xlsx leaves no temporary file behind, whether it succeeds or throws") {
  const tuoyu::test::TempDir temp;
  const ScopedEnv tmpdir("TMPDIR", temp.path().string());
  CHECK_FALSE(write_xlsx(sample_sheets(), kProperties).empty());
  auto sheets = sample_sheets();
  sheets[1].name = "a:b";  // refused after the workbook's folder was made
  CHECK_THROWS_AS(write_xlsx(sheets, kProperties), std::runtime_error);
  CHECK(tuoyu::test::entry_names(temp.path()).empty());
}

TEST_CASE("opendata::write_xlsx writes numbers with a decimal point under a global locale with a decimal comma") {
  std::optional<std::locale> comma;
  for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "ru_RU.UTF-8"}) {
    try {
      comma = std::locale(name);
      break;
    } catch (const std::runtime_error&) {
      // Not installed here; try the next one.
    }
  }
  if (!comma) {
    MESSAGE("skipped: no locale with a decimal comma is installed");
    return;
  }
  const std::string expected = write_xlsx(sample_sheets(), kProperties);
  const tuoyu::test::GlobalLocale guard(*comma);
  CHECK(write_xlsx(sample_sheets(), kProperties) == expected);
}

TEST_CASE("opendata::write_xlsx gives each of several threads writing at once its own workbook") {
  std::vector<std::string> expected, got(8);
  for (int i = 0; i < 8; ++i) {
    auto sheets = sample_sheets();
    sheets[1].rows[0][0].text = std::to_string(i);
    expected.push_back(write_xlsx(sheets, {"", "", "2024-05-0" + std::to_string(i + 1)}));
  }
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&got, i] {
      auto sheets = sample_sheets();
      sheets[1].rows[0][0].text = std::to_string(i);
      for (int k = 0; k < 5; ++k) got[static_cast<std::size_t>(i)] = write_xlsx(sheets, {"", "", "2024-05-0" + std::to_string(i + 1)});
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(got == expected);
}
