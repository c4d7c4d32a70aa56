#include "load/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/text.h"

namespace tuoyu::load {
namespace {

using core::Localized;

/// Larger files would overflow ICU's 32-bit lengths; a register is a few megabytes at most.
constexpr std::size_t max_file_bytes = std::size_t{1} << 29;

/// How many bytes of a bad sequence a message shows.
constexpr std::size_t max_shown_bytes = 8;

const Localized save_as_utf8_hint{
    "请在 Excel 中选择“另存为”，文件类型选“CSV UTF-8（逗号分隔）(*.csv)”",
    "in Excel choose Save As and the file type \"CSV UTF-8 (Comma delimited) (*.csv)\""};

const Localized damaged_utf8_hint{
    "文件可能已损坏或混用了多种编码（例如从别的文件粘贴了文字）。请检查此处的文字，然后重新另存为 "
    "UTF-8 编码的 CSV",
    "the file may be damaged or mix encodings (e.g. text pasted from another file); check the text "
    "here, then save "
    "it again as UTF-8 CSV"};

/// A 1-based line and column.
struct Position {
  int line = 1;
  int column = 1;
};

/// The position of whatever follows `text`: CRLF, LF and a lone CR each end a line; columns count
/// code points, or bytes when `count_bytes` (for text whose encoding is unknown).
Position position_after(std::string_view text, bool count_bytes = false) {
  Position position;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\r' || (byte == '\n' && (i == 0 || text[i - 1] != '\r'))) {
      ++position.line;
      position.column = 1;
    } else if (byte != '\n' && (count_bytes || (byte & 0xC0) != 0x80)) {
      ++position.column;
    }
  }
  return position;
}

/// The text of 1-based line `line` of `utf8`, without its line end.
std::string_view line_text(std::string_view utf8, int line) {
  std::size_t begin = 0;
  for (int current = 1; current < line; ++current) {
    const std::size_t end = utf8.find_first_of("\r\n", begin);
    if (end == std::string_view::npos) return {};
    begin = end + (utf8.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  const std::size_t end = utf8.find_first_of("\r\n", begin);
  return utf8.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

/// What one pass over bytes finds out about them as UTF-8.
struct Utf8Scan {
  std::size_t first_bad =
      std::string_view::npos;  ///< Offset of the first invalid sequence, npos when valid.
  std::size_t first_bad_length = 0;
  std::size_t first_non_ascii = std::string_view::npos;
  std::size_t valid_multibyte = 0;  ///< Well-formed sequences of two or more bytes.
  std::size_t invalid = 0;          ///< Ill-formed sequences.

  [[nodiscard]] bool valid() const { return first_bad == std::string_view::npos; }
  /// GBK text forms far fewer well-formed UTF-8 sequences than ill-formed ones (about 1 in 5); a
  /// file with many more well-formed ones is damaged UTF-8, which read as GB18030 would only be
  /// garbled.
  [[nodiscard]] bool mostly_utf8() const {
    return valid_multibyte >= 3 * invalid && valid_multibyte > 0;
  }
};

/// One UTF-8 sequence: its length, or for an ill-formed one the length of its maximal well-formed
/// prefix.
struct Utf8Step {
  std::size_t length = 1;
  bool valid = true;
};

/// The sequence starting at `bytes[i]`, checked against Unicode's table of well-formed UTF-8 (no
/// overlongs, surrogates or code points above U+10FFFF).
Utf8Step next_utf8(std::string_view bytes, std::size_t i) {
  const auto lead = static_cast<unsigned char>(bytes[i]);
  unsigned trail_count = 0;
  unsigned low = 0x80;
  unsigned high = 0xBF;
  if (lead < 0x80) return {};
  if (lead >= 0xC2 && lead <= 0xDF) {
    trail_count = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trail_count = 2;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trail_count = 3;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {1, false};
  }
  std::size_t length = 1;
  for (unsigned k = 0; k < trail_count; ++k) {
    if (i + length >= bytes.size()) return {length, false};
    const auto trail = static_cast<unsigned char>(bytes[i + length]);
    if (trail < low || trail > high) return {length, false};
    ++length;
    low = 0x80;
    high = 0xBF;
  }
  return {length, true};
}

/// The offset of the first non-ASCII byte at or after `i`, or the size; reads eight bytes at a time
/// because most of a register is digits, commas and Latin letters.
std::size_t skip_ascii(std::string_view bytes, std::size_t i) {
  constexpr std::uint64_t high_bits = 0x8080808080808080u;
  std::uint64_t word = 0;
  while (i + sizeof word <= bytes.size()) {
    std::memcpy(&word, bytes.data() + i, sizeof word);
    if ((word & high_bits) != 0) break;
    i += sizeof word;
  }
  while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
  return i;
}

/// Validates `bytes` as UTF-8 in one pass, counting well-formed and ill-formed sequences.
Utf8Scan scan_utf8(std::string_view bytes) {
  Utf8Scan scan;
  std::size_t i = 0;
  while (i < bytes.size()) {
    i = skip_ascii(bytes, i);
    if (i == bytes.size()) break;
    if (scan.first_non_ascii == std::string_view::npos) scan.first_non_ascii = i;
    const Utf8Step step = next_utf8(bytes, i);
    if (step.valid) {
      ++scan.valid_multibyte;
    } else {
      if (scan.invalid == 0) {
        scan.first_bad = i;
        scan.first_bad_length = step.length;
      }
      ++scan.invalid;
    }
    i += step.length;
  }
  return scan;
}

/// The outcome of reading bytes as GB18030: all of the text, or the text before the first bad
/// sequence.
struct Gb18030Result {
  std::string utf8;
  bool ok = false;
  std::size_t bad_offset = 0;
  std::string bad_bytes;
};

/// Appends `count` UTF-16 code units (whole code points) to `out` as UTF-8.
void append_utf8(std::string& out, const UChar* units, int32_t count) {
  const std::size_t old_size = out.size();
  out.resize(old_size + static_cast<std::size_t>(count) * 3);  // one unit gives at most three bytes
  int32_t written = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8(out.data() + old_size, count * 3, &written, units, count, &status);
  out.resize(old_size + (U_SUCCESS(status) ? static_cast<std::size_t>(written) : 0));
}

/// Decodes `bytes` as GB18030 with ICU, stopping at the first illegal, unassigned or truncated
/// sequence; works in chunks so that a large file needs no UTF-16 copy.
Gb18030Result decode_gb18030(std::string_view bytes) {
  Gb18030Result result;
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open("GB18030", &status),
                                                                     &ucnv_close);
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status))
    return result;  // ICU data without GB18030: report the whole file as unreadable.
  constexpr int32_t chunk = 1 << 15;
  UChar units[chunk];
  result.utf8.reserve(bytes.size() + bytes.size() / 2 +
                      3 * chunk);  // a two-byte character becomes three
  const char* source = bytes.data();
  int32_t carried = 0;  // a lead surrogate held back until its trail surrogate arrives
  for (;;) {
    UChar* target = units + carried;
    ucnv_toUnicode(converter.get(), &target, units + chunk, &source, bytes.data() + bytes.size(),
                   nullptr, true, &status);
    const bool more = status == U_BUFFER_OVERFLOW_ERROR;
    if (more) status = U_ZERO_ERROR;
    auto count = static_cast<int32_t>(target - units);
    carried = more && count > 0 && U16_IS_LEAD(units[count - 1]) ? 1 : 0;
    count -= carried;
    append_utf8(result.utf8, units, count);
    if (carried == 1) units[0] = units[count];
    if (!more) break;
  }
  if (U_SUCCESS(status)) {
    result.ok = true;
    return result;
  }
  char invalid[32];
  int8_t invalid_length = sizeof invalid;
  UErrorCode invalid_status = U_ZERO_ERROR;
  ucnv_getInvalidChars(converter.get(), invalid, &invalid_length, &invalid_status);
  if (U_FAILURE(invalid_status)) invalid_length = 0;
  const auto consumed = static_cast<std::size_t>(source - bytes.data());
  result.bad_offset = consumed - static_cast<std::size_t>(invalid_length);
  result.bad_bytes.assign(invalid, static_cast<std::size_t>(invalid_length));
  return result;
}

/// Where byte `offset` of `bytes` is, counting columns in `encoding` (bytes when the prefix cannot
/// be read).
Position locate(std::string_view bytes, std::size_t offset, Encoding encoding) {
  const std::string_view prefix = bytes.substr(0, offset);
  if (encoding == Encoding::gb18030) {
    const Gb18030Result decoded = decode_gb18030(prefix);
    if (decoded.ok) return position_after(decoded.utf8);
  } else if (scan_utf8(prefix).valid()) {
    return position_after(prefix);
  }
  return position_after(prefix, true);
}

/// `position` in the file at `path`.
core::SourceLocation at(const std::string& path, Position position) {
  return {path, position.line, position.column};
}

/// The bytes of a bad sequence for a message: "0xCD 0xD0" (raw bytes are not text, so they are not
/// quoted).
std::string shown_bytes(std::string_view bytes, std::size_t offset, std::size_t length) {
  std::string out;
  const std::string_view shown =
      bytes.substr(offset, std::min(std::max<std::size_t>(length, 1), max_shown_bytes));
  for (const char byte : shown) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(byte)));
    if (!out.empty()) out += ' ';
    out += buffer;
  }
  return out;
}

/// True when `bytes` begins with `prefix`.
bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

/// Reports a UTF-16 file or an Excel workbook; true when `bytes` is one.
bool reject_non_text(std::string_view bytes, const std::string& path,
                     core::Diagnostics& diagnostics) {
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    diagnostics.error(
        {path},
        {"文件以 UTF-16 编码保存（Excel 的“Unicode 文本”），无法作为 CSV 读取",
         "the file is saved as UTF-16 (Excel's \"Unicode text\") and cannot be read as CSV"},
        {"请另存为 UTF-8 编码的 CSV：" + save_as_utf8_hint.zh,
         "save it as UTF-8 CSV: " + save_as_utf8_hint.en});
    return true;
  }
  if (starts_with(bytes, std::string_view("PK\x03\x04", 4)) ||
      starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    diagnostics.error(
        {path},
        {"这是 Excel 工作簿（.xlsx 或 .xls）或压缩文件，不是 CSV 文本文件",
         "this is an Excel workbook (.xlsx or .xls) or a ZIP archive, not a CSV text file"},
        save_as_utf8_hint);
    return true;
  }
  return false;
}

/// Reports the first NUL byte of `bytes`; true when there is one.
bool reject_nul(std::string_view bytes, const std::string& path, core::Diagnostics& diagnostics) {
  const void* nul = std::memchr(bytes.data(), '\0', bytes.size());
  if (nul == nullptr) return false;
  const auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data());
  const Encoding encoding =
      scan_utf8(bytes.substr(0, offset)).valid() ? Encoding::utf8 : Encoding::gb18030;
  diagnostics.error(
      at(path, locate(bytes, offset, encoding)),
      {"文件在此处含有空字节（0x00），CSV 文本文件中不会有这种字节",
       "the file contains a NUL byte (0x00) here, which never occurs in a CSV text file"},
      {"文件可能是没有 BOM 的 UTF-16 编码，或根本不是文本文件。" + save_as_utf8_hint.zh,
       "the file may be UTF-16 without a byte order mark, or not a text file at all; " +
           save_as_utf8_hint.en});
  return true;
}

/// Reports bytes that were to be read as UTF-8 (declared, or marked by a BOM) but are not.
void report_bad_utf8(std::string_view body, const Utf8Scan& scan, bool had_bom,
                     const std::string& path, core::Diagnostics& diagnostics) {
  const Position position = locate(body, scan.first_bad, Encoding::utf8);
  const std::string shown = shown_bytes(body, scan.first_bad, scan.first_bad_length);
  const Localized message = core::substitute(
      Localized{"文件不是有效的 UTF-8 编码：此处的字节 {0} 无法读取",
                "the file is not valid UTF-8: cannot read the byte sequence {0} here"},
      {shown});
  const Gb18030Result as_gb = had_bom ? Gb18030Result{} : decode_gb18030(body);
  if (as_gb.ok) {
    const std::string line = core::quote_for_message(line_text(as_gb.utf8, position.line), 40);
    diagnostics.error(
        at(path, position), message,
        core::substitute(Localized{"文件看起来是 GB18030/GBK 编码（按此编码，这一行是 "
                                   "{0}）。请把文件另存为 UTF-8 编码的 CSV，"
                                   "或在 site.yaml 中设置 encoding: gb18030",
                                   "the file looks like GB18030/GBK (read that way, this line is "
                                   "{0}); save it as UTF-8 "
                                   "CSV, or set `encoding: gb18030` in site.yaml"},
                         {line}));
    return;
  }
  diagnostics.error(at(path, position), message, damaged_utf8_hint);
}

/// Reads `body` as UTF-8 (declared, or marked by a BOM).
std::optional<DecodedText> decode_utf8(std::string_view body, bool had_bom, const std::string& path,
                                       core::Diagnostics& diagnostics) {
  const Utf8Scan scan = scan_utf8(body);
  if (scan.valid()) return DecodedText{std::string(body), Encoding::utf8, had_bom};
  report_bad_utf8(body, scan, had_bom, path, diagnostics);
  return std::nullopt;
}

/// Reads `body` (no BOM) as UTF-8 when it is valid UTF-8, otherwise as GB18030.
std::optional<DecodedText> decode_automatic(std::string_view body, const std::string& path,
                                            core::Diagnostics& diagnostics) {
  const Utf8Scan scan = scan_utf8(body);
  if (scan.valid()) return DecodedText{std::string(body), Encoding::utf8, false};
  if (scan.mostly_utf8()) {
    diagnostics.error(
        at(path, locate(body, scan.first_bad, Encoding::utf8)),
        core::substitute(
            Localized{
                "文件大部分是 UTF-8 编码，但此处的字节 {0} 不是有效的 UTF-8",
                "the file is mostly UTF-8, but the byte sequence {0} here is not valid UTF-8"},
            {shown_bytes(body, scan.first_bad, scan.first_bad_length)}),
        damaged_utf8_hint);
    return std::nullopt;
  }
  Gb18030Result as_gb = decode_gb18030(body);
  if (as_gb.ok) return DecodedText{std::move(as_gb.utf8), Encoding::gb18030, false};
  diagnostics.error(
      at(path, locate(body, as_gb.bad_offset, Encoding::gb18030)),
      core::substitute(
          Localized{
              "文件既不是有效的 UTF-8 编码，也不是有效的 GB18030/GBK 编码：此处的字节 {0} 无法读取",
              "the file is neither valid UTF-8 nor valid GB18030/GBK: cannot read the byte "
              "sequence {0} here"},
          {shown_bytes(body, as_gb.bad_offset, as_gb.bad_bytes.size())}),
      {"请在 Excel 中打开文件，另存为“CSV "
       "UTF-8（逗号分隔）(*.csv)”；如果文件来自其他系统，请询问它使用的编码",
       "open the file in Excel and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"; if it comes "
       "from another "
       "system, ask which encoding it uses"});
  return std::nullopt;
}

/// Reads `body` (no BOM) as declared GB18030, warning when it is also UTF-8 with Chinese text.
std::optional<DecodedText> decode_declared_gb18030(std::string_view body, const std::string& path,
                                                   core::Diagnostics& diagnostics) {
  const Utf8Scan scan = scan_utf8(body);
  Gb18030Result as_gb = decode_gb18030(body);
  if (!as_gb.ok) {
    const bool looks_utf8 = scan.valid();
    diagnostics.error(
        at(path, locate(body, as_gb.bad_offset, Encoding::gb18030)),
        core::substitute(
            Localized{"文件不是有效的 GB18030/GBK 编码：此处的字节 {0} 无法读取",
                      "the file is not valid GB18030/GBK: cannot read the byte sequence {0} here"},
            {shown_bytes(body, as_gb.bad_offset, as_gb.bad_bytes.size())}),
        looks_utf8
            ? Localized{"文件看起来是 UTF-8 编码：请在 site.yaml 中设置 encoding: utf-8（或 auto）",
                        "the file looks like UTF-8: set `encoding: utf-8` (or `auto`) in site.yaml"}
            : save_as_utf8_hint);
    return std::nullopt;
  }
  if (scan.valid() && scan.valid_multibyte > 0) {
    const Position position = locate(body, scan.first_non_ascii, Encoding::utf8);
    diagnostics.warning(
        at(path, position),
        core::substitute(
            Localized{
                "site.yaml 声明文件为 GB18030 编码，但它也是有效的 UTF-8：这一行按 GB18030 读作 "
                "{0}，按 UTF-8 读作 {1}",
                "site.yaml declares the file GB18030, but it is also valid UTF-8: this line reads "
                "{0} as GB18030 and {1} as UTF-8"},
            {core::quote_for_message(line_text(as_gb.utf8, position.line), 40),
             core::quote_for_message(line_text(body, position.line), 40)}),
        {"如果按 GB18030 读出的是乱码，请在 site.yaml 中设置 encoding: utf-8（或 auto）",
         "if the GB18030 reading is garbled, set `encoding: utf-8` (or `auto`) in site.yaml"});
  }
  return DecodedText{std::move(as_gb.utf8), Encoding::gb18030, false};
}

}  // namespace

std::optional<Encoding> parse_encoding_name(std::string_view name) {
  const std::string lower = core::ascii_lower(name);
  if (lower == "auto") return Encoding::automatic;
  if (lower == "utf-8" || lower == "utf8") return Encoding::utf8;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312" || lower == "cp936")
    return Encoding::gb18030;
  return std::nullopt;
}

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::automatic:
      return "auto";
    case Encoding::utf8:
      return "UTF-8";
    case Encoding::gb18030:
      return "GB18030";
  }
  return "auto";
}

std::optional<DecodedText> decode_text(std::string_view bytes, Encoding declared,
                                       const std::string& path, core::Diagnostics& diagnostics) {
  if (bytes.empty())
    return DecodedText{
        {}, declared == Encoding::gb18030 ? Encoding::gb18030 : Encoding::utf8, false};
  if (bytes.size() > max_file_bytes) {
    diagnostics.error(
        {path},
        core::substitute(Localized{"文件太大（{0} 字节），无法读取",
                                   "the file is too large to read ({0} bytes)"},
                         {std::to_string(bytes.size())}),
        {"请确认选择的是登记表 CSV 文件", "check that this is the register CSV file"});
    return std::nullopt;
  }
  if (reject_non_text(bytes, path, diagnostics)) return std::nullopt;
  const bool had_bom = starts_with(bytes, "\xEF\xBB\xBF");
  const std::string_view body = had_bom ? bytes.substr(3) : bytes;
  if (reject_nul(body, path, diagnostics)) return std::nullopt;
  if (had_bom && declared == Encoding::gb18030) {
    diagnostics.warning(
        {path},
        {"site.yaml 声明文件为 GB18030 编码，但文件以 UTF-8 标记（BOM）开头，已按 UTF-8 读取",
         "site.yaml declares the file GB18030, but it starts with a UTF-8 byte order mark; it was "
         "read as UTF-8"},
        {"如果文件是 UTF-8 编码，请在 site.yaml 中设置 encoding: utf-8（或 auto）",
         "if your files are UTF-8, set `encoding: utf-8` (or `auto`) in site.yaml"});
  }
  if (had_bom || declared == Encoding::utf8) return decode_utf8(body, had_bom, path, diagnostics);
  if (declared == Encoding::gb18030) return decode_declared_gb18030(body, path, diagnostics);
  return decode_automatic(body, path, diagnostics);
}

}  // namespace tuoyu::load
