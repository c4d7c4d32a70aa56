#include "opendata/xlsx_workbook.h"

#include <locale.h>
#include <stdlib.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include "core/text.h"

// Determinism, as found in libxlsxwriter 1.1.4 (Debian, system minizip):
// - Zip entries: the packager stamps every entry with a fixed 1980-01-01 00:00 (DOS time, "like
//   Excel"), never the clock, so entry dates need no work-around; they do not follow created_date.
// - docProps/core.xml: dcterms:created and dcterms:modified are both `created` formatted with
//   gmtime(), and `created == 0` means "now", so a date is required and must be after 1970-01-01.
// - Numbers are printed with "%.16G" (no dtoa library in this build), which follows the C locale's
//   decimal point; the thread is switched to the "C" locale while writing.
// - gmtime() uses one static buffer per process, so workbook_close() is serialised by a mutex.

namespace tuoyu::opendata {
namespace {

/// Write in constant_memory mode: rows go to a temporary file as written and strings are inline.
constexpr bool kConstantMemory = true;
/// The widest column, in Excel character units.
constexpr double kMaxColumnWidth = 60;

/// The calling thread in the "C" locale for the guard's lifetime (other threads are unaffected).
class ThreadCLocale {
 public:
  ThreadCLocale() : c_(newlocale(LC_ALL_MASK, "C", locale_t{})), previous_(c_ ? uselocale(c_) : locale_t{}) {
    if (!c_) throw std::runtime_error("xlsx: cannot create the C locale");
  }
  ~ThreadCLocale() {
    uselocale(previous_);
    freelocale(c_);
  }
  ThreadCLocale(const ThreadCLocale&) = delete;
  ThreadCLocale& operator=(const ThreadCLocale&) = delete;

 private:
  locale_t c_;
  locale_t previous_;
};

/// A fresh private folder under the system temporary folder, removed with its contents on destruction.
class PrivateDir {
 public:
  PrivateDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tuoyu-xlsx-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
      throw std::system_error(errno, std::generic_category(), "xlsx: cannot create a temporary folder " + pattern);
    }
    path_ = pattern;
  }
  ~PrivateDir() {
    std::error_code ignore;
    std::filesystem::remove_all(path_, ignore);
  }
  PrivateDir(const PrivateDir&) = delete;
  PrivateDir& operator=(const PrivateDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// An open libxlsxwriter workbook, closed (which frees it and its temporary files) at the latest on destruction.
class Workbook {
 public:
  Workbook(const std::string& file, std::string& tmpdir) {
    lxw_workbook_options options{};
    options.constant_memory = kConstantMemory ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = tmpdir.data();
    workbook_ = workbook_new_opt(file.c_str(), &options);
    if (!workbook_) throw std::runtime_error("xlsx: libxlsxwriter cannot create a workbook");
  }
  ~Workbook() { close(); }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  [[nodiscard]] lxw_workbook* get() const { return workbook_; }

  /// Writes the file and frees the workbook; LXW_NO_ERROR when it was already closed.
  lxw_error close() {
    if (!workbook_) return LXW_NO_ERROR;
    static std::mutex gmtime_buffer;  // see the note at the top of this file
    const std::lock_guard lock(gmtime_buffer);
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    return error;
  }

 private:
  lxw_workbook* workbook_ = nullptr;
};

/// `date` (YYYY-MM-DD) as midnight UTC; throws unless it is a real calendar date after 1970-01-01.
std::time_t midnight_utc(const std::string& date) {
  std::tm tm{};
  int year = 0, month = 0, day = 0;
  const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                      std::from_chars(date.data(), date.data() + 4, year).ptr == date.data() + 4 &&
                      std::from_chars(date.data() + 5, date.data() + 7, month).ptr == date.data() + 7 &&
                      std::from_chars(date.data() + 8, date.data() + 10, day).ptr == date.data() + 10;
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  const std::time_t time = shaped ? timegm(&tm) : -1;
  std::tm back{};
  if (time <= 0 || !gmtime_r(&time, &back) || back.tm_mday != day || back.tm_mon != month - 1) {
    throw std::runtime_error("xlsx: created_date \"" + date + "\" is not a date YYYY-MM-DD after 1970-01-01");
  }
  return time;
}

/// Length as Excel counts it: UTF-16 code units of valid UTF-8 text.
std::size_t utf16_length(std::string_view utf8) {
  std::size_t units = 0;
  for (const char c : utf8) {
    const auto byte = static_cast<unsigned char>(c);
    units += (byte & 0xC0) != 0x80 ? 1 : 0;  // a code point starts
    units += byte >= 0xF0 ? 1 : 0;           // beyond U+FFFF: a surrogate pair
  }
  return units;
}

/// Display width of the longest line of `utf8`, East Asian wide and full-width characters counting 2.
double display_width(std::string_view utf8) {
  double longest = 0, line = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    const std::size_t size = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t cp = size == 1 ? byte : byte & (0xFF >> (size + 1));
    for (std::size_t k = 1; k < size && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    i += size;
    if (cp == '\n') {
      line = 0;
      continue;
    }
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    line += wide ? 2 : 1;
    longest = std::max(longest, line);
  }
  return longest;
}

/// "sheet "name" cell C5 (column "地址")", for messages; row and column count from 0, the header row is 0.
std::string where(const XlsxSheet& sheet, std::size_t row, std::size_t column) {
  char cell[LXW_MAX_CELL_NAME_LENGTH] = {};
  lxw_rowcol_to_cell(cell, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column));
  std::string out = "xlsx sheet \"" + sheet.name + "\" cell " + cell;
  if (column < sheet.headers.size()) out += " (column \"" + sheet.headers[column] + "\")";
  return out;
}

/// Throws unless every cell of `sheet` can be written as it is: sizes within Excel's limits, text
/// valid UTF-8 and numbers finite.
void check_cells(const XlsxSheet& sheet) {
  if (sheet.rows.size() >= LXW_ROW_MAX || sheet.headers.size() > LXW_COL_MAX) {
    throw std::runtime_error("xlsx sheet \"" + sheet.name + "\" has more rows or columns than Excel allows");
  }
  const auto check_text = [&](std::string_view text, std::size_t row, std::size_t column) {
    if (!core::is_valid_utf8(text)) throw std::runtime_error(where(sheet, row, column) + " is not valid UTF-8");
    if (const std::size_t length = utf16_length(text); length > kXlsxMaxCellLength) {
      throw std::runtime_error(where(sheet, row, column) + " has " + std::to_string(length) +
                               " characters; Excel allows at most " + std::to_string(kXlsxMaxCellLength));
    }
  };
  for (std::size_t c = 0; c < sheet.headers.size(); ++c) check_text(sheet.headers[c], 0, c);
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    if (row.size() > sheet.headers.size()) {
      throw std::runtime_error(where(sheet, r + 1, sheet.headers.size()) + ": row has " + std::to_string(row.size()) +
                               " cells but only " + std::to_string(sheet.headers.size()) + " headers");
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (row[c].number && !std::isfinite(*row[c].number)) throw std::runtime_error(where(sheet, r + 1, c) + " is not a finite number");
      if (!row[c].number) check_text(row[c].text, r + 1, c);
    }
  }
}

/// The text a cell shows, for measuring its column.
std::string shown_text(const XlsxCell& cell) {
  if (!cell.number) return cell.text;
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, *cell.number).ptr;
  return std::string(buffer, end);
}

/// True when `text` at `i` starts "_xHHHH_", which Excel would read as an escaped character.
bool escape_at(std::string_view text, std::size_t i) {
  return text.compare(i, 2, "_x") == 0 && i + 6 < text.size() && text[i + 6] == '_' &&
         std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i) + 2, text.begin() + static_cast<std::ptrdiff_t>(i) + 6,
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

/// Writes `text` as a string cell, its "_xHHHH_" sequences escaped as "_x005F_xHHHH_" so Excel shows them as typed.
lxw_error write_text(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t column, const std::string& text, lxw_format* format) {
  if (text.find("_x") == std::string::npos) return worksheet_write_string(worksheet, row, column, text.c_str(), format);
  std::string escaped;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (escape_at(text, i)) escaped += "_x005F";  // followed by the "_" itself
    escaped += text[i];
  }
  return worksheet_write_string(worksheet, row, column, escaped.c_str(), format);
}

/// Throws with libxlsxwriter's message when `error` is one.
void check(lxw_error error, const std::string& context) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(context + ": " + lxw_strerror(error));
}

/// Writes `sheet` into `worksheet`: widths, bold frozen filtered header, then the rows in order.
void write_sheet(lxw_worksheet* worksheet, lxw_format* bold, const XlsxSheet& sheet) {
  for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
    double width = display_width(sheet.headers[c]) * 1.1;  // bold is a little wider
    for (const auto& row : sheet.rows) width = c < row.size() ? std::max(width, display_width(shown_text(row[c]))) : width;
    const auto column = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(worksheet, column, column, std::clamp(width + 2, 8.0, kMaxColumnWidth), nullptr),
          where(sheet, 0, c));
  }
  if (!sheet.headers.empty()) {
    worksheet_freeze_panes(worksheet, 1, 0);
    check(worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                               static_cast<lxw_col_t>(sheet.headers.size() - 1)),
          "xlsx sheet \"" + sheet.name + "\" autofilter");
  }
  for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
    if (sheet.headers[c].empty()) continue;
    check(write_text(worksheet, 0, static_cast<lxw_col_t>(c), sheet.headers[c], bold), where(sheet, 0, c));
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const XlsxCell& cell = sheet.rows[r][c];
      const auto column = static_cast<lxw_col_t>(c);
      if (cell.number) {
        check(worksheet_write_number(worksheet, row, column, *cell.number, nullptr), where(sheet, r + 1, c));
      } else if (!cell.text.empty()) {
        check(write_text(worksheet, row, column, cell.text, nullptr), where(sheet, r + 1, c));
      }
    }
  }
}

/// The bytes of the file at `path`; throws when it cannot be read.
std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  if (!in.good() && !in.eof()) throw std::runtime_error("xlsx: cannot read back " + path.string());
  return out.str();
}

}  // namespace

std::string write_xlsx(const std::vector<XlsxSheet>& sheets, const XlsxProperties& properties) {
  if (sheets.empty()) throw std::runtime_error("xlsx: a workbook needs at least one sheet");
  const std::time_t created = midnight_utc(properties.created_date);
  for (const auto& sheet : sheets) check_cells(sheet);

  const ThreadCLocale c_locale;
  const PrivateDir dir;
  std::string tmpdir = dir.path().string();
  const std::string file = (dir.path() / "workbook.xlsx").string();
  Workbook workbook(file, tmpdir);

  std::string title = properties.title, author = properties.author;
  lxw_doc_properties doc{};
  doc.title = title.empty() ? nullptr : title.data();
  doc.author = author.empty() ? nullptr : author.data();
  doc.created = created;
  check(workbook_set_properties(workbook.get(), &doc), "xlsx: document properties");

  std::vector<lxw_worksheet*> worksheets;
  for (const auto& sheet : sheets) {
    const std::string context = "xlsx: sheet name \"" + sheet.name + "\"";
    if (sheet.name.empty()) throw std::runtime_error(context + ": a sheet needs a name");
    check(workbook_validate_sheet_name(workbook.get(), sheet.name.c_str()), context);
    worksheets.push_back(workbook_add_worksheet(workbook.get(), sheet.name.c_str()));
    if (!worksheets.back()) throw std::runtime_error(context + ": libxlsxwriter cannot add the sheet");
  }
  lxw_format* bold = workbook_add_format(workbook.get());
  if (!bold) throw std::runtime_error("xlsx: libxlsxwriter cannot add a format");
  format_set_bold(bold);
  for (std::size_t i = 0; i < sheets.size(); ++i) write_sheet(worksheets[i], bold, sheets[i]);

  check(workbook.close(), "xlsx: writing " + file);
  return read_bytes(file);
}

}  // namespace tuoyu::opendata
