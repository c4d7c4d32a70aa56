#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/diagnostics.h"
#include "load/csv_reader.h"
#include "load/table_schema.h"
#include "validate/values.h"

namespace tuoyu::validate {

/// A cell's typed value; monostate when the cell is empty or could not be read.
using Value = std::variant<std::monostate, std::string, std::int64_t, Decimal, bool, Date, std::vector<std::string>>;

/// One data row after validation: a value per schema field, with where each came from.
struct ValidatedRow {
  int line = 0;
  std::vector<Value> values;  ///< Indexed like the schema's fields.
  std::vector<int> columns;   ///< Column of each field's cell; 0 when the file lacks that column or the row that cell.
  std::vector<int> lines;     ///< Line of each field's cell (after a multi-line cell it is not `line`); `line` when absent.
  std::vector<bool> unreadable;  ///< Per field: the cell had a value that could not be read (already reported).
  bool valid = true;          ///< False when any cell of the row had an error.
};

/// A whole table after validation, keeping enough of the file to point at any cell.
struct ValidatedTable {
  const load::TableSchema* schema = nullptr;
  std::string path;
  std::vector<std::string> headers;  ///< Per schema field: the header as written, empty when absent.
  int header_line = 0;
  std::vector<ValidatedRow> rows;

  /// Where a field's cell of `row` is (the row's line and column 0 when the cell is absent).
  [[nodiscard]] core::SourceLocation where(const ValidatedRow& row, std::size_t field) const;
  /// `value` of `field` as a message may show it: quoted, or for a private field only its length,
  /// "(11 characters, private)" / "（11 个字符，不公开）", since messages may end up in logs.
  [[nodiscard]] core::Localized shown(std::size_t field, std::string_view value) const;
  /// The field named as the file names it, with its other name: "托位数 (capacity)" or "capacity (托位数)".
  [[nodiscard]] std::string label(std::size_t field) const;
  /// The value of field `name` in `row`.
  [[nodiscard]] const Value& value(const ValidatedRow& row, std::string_view name) const;
};

/// Maps headers to the schema, reads and checks every cell by type and constraint, and checks
/// uniqueness and primary and unique keys; every problem goes to `diagnostics`.
ValidatedTable validate_table(const load::CsvTable& csv, const load::TableSchema& schema, const std::string& path,
                              core::Diagnostics& diagnostics);

/// The hint given instead of any value-derived hint for a private field's cell.
core::Localized private_value_hint();

/// The value as text for messages and output: "" for missing, ISO for dates, items joined by 、.
std::string to_text(const Value& value);

}  // namespace tuoyu::validate
