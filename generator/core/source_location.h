#pragma once
#include <string>

namespace tuoyu::core {

/// Where a value came from: a file and, when known, a 1-based line and column (or a spreadsheet cell).
struct SourceLocation {
  std::string path;
  int line = 0;    ///< 1-based; 0 when the problem concerns the whole file.
  int column = 0;  ///< 1-based, counted in characters; 0 when unknown.
  std::string cell;  ///< "Sheet!C12" for spreadsheets; printed instead of line and column when set.

  /// "path:line:column", "path:line", "path:Sheet!C12" or "path".
  [[nodiscard]] std::string to_string() const;
};

/// Orders locations by path, then line, then column, then cell.
bool operator<(const SourceLocation& a, const SourceLocation& b);

}  // namespace tuoyu::core
