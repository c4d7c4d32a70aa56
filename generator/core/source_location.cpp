#include "core/source_location.h"

#include <tuple>

namespace tuoyu::core {

std::string SourceLocation::to_string() const {
  std::string out = path;
  if (!cell.empty()) return out + ":" + cell;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  return out;
}

bool operator<(const SourceLocation& a, const SourceLocation& b) {
  return std::tie(a.path, a.line, a.column, a.cell) < std::tie(b.path, b.line, b.column, b.cell);
}

}  // namespace tuoyu::core
