#pragma once
// Excel workbooks (.xlsx) of the open-data downloads, written with libxlsxwriter.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tuoyu::opendata {

/// One cell: text is always written as an Excel string (so ids, 18-character credit codes and codes
/// with leading zeros survive); numbers only when `number` is set, and then `text` is not written.
struct XlsxCell {
  std::string text;
  std::optional<double> number;
};

/// One worksheet: a name (≤31 chars, no []:*?/\), a header row and data rows no longer than it.
struct XlsxSheet {
  std::string name;
  std::vector<std::string> headers;
  std::vector<std::vector<XlsxCell>> rows;
};

/// Workbook properties written into docProps.
struct XlsxProperties {
  std::string title;
  std::string author;
  std::string created_date;  ///< ISO YYYY-MM-DD, required; the only time written, so output is byte-identical for the same input.
};

/// Cells longer than this many UTF-16 code units (Excel's own count) are refused, never truncated.
inline constexpr std::size_t kXlsxMaxCellLength = 32767;

/// The bytes of an .xlsx workbook with one sheet per XlsxSheet, header row bold, frozen and filtered;
/// throws std::runtime_error naming the sheet, cell and cause (libxlsxwriter's message where it has
/// one) for a bad sheet name, an overlong or non-UTF-8 cell, a row longer than the headers, a
/// non-finite number, a bad date or a failed write. Safe to call from several threads at once.
std::string write_xlsx(const std::vector<XlsxSheet>& sheets, const XlsxProperties& properties);

}  // namespace tuoyu::opendata
