#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace tuoyu::load {

/// One cell as written in the file, quotes removed, neither trimmed nor normalised.
struct CsvCell {
  /// Unquoted text: doubled quotes become single, embedded line ends are kept as written.
  std::string text;
  /// 1-based line of the cell's first character (the opening quote for quoted cells).
  int line = 0;
  /// 1-based column of that character, counted in Unicode code points.
  int column = 0;
};

/// One record of a CSV file.
struct CsvRow {
  std::vector<CsvCell> cells;
  int line = 0;  ///< 1-based line where the row starts.
};

/// The non-blank rows of a CSV file in file order.
struct CsvTable {
  std::vector<CsvRow> rows;  ///< rows[0] is the header when present.
};

/// Parses RFC 4180 CSV from UTF-8 text (a leading BOM is skipped); rows whose cells are all empty
/// or white space are skipped; problems go to `diagnostics`, and an unclosed quote ends the file
/// there.
CsvTable parse_csv(std::string_view utf8, const std::string& path, core::Diagnostics& diagnostics);

}  // namespace tuoyu::load
