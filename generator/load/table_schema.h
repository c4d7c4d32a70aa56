#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace tuoyu::load {

/// The Table Schema field types tuoyu reads.
enum class FieldType { string, integer, number, boolean, date };

/// Domain checks beyond Table Schema, named by the `tuoyu:check` property.
enum class FieldCheck { none, uscc, phone };

/// One column of a table as the schema defines it: names, type, constraints and publication rule.
struct FieldSchema {
  std::string name;         ///< Canonical English header, e.g. "capacity".
  std::string title;        ///< Chinese header, e.g. "托位数"; either may be used in a file.
  std::string description;  ///< For the data dictionary.
  FieldType type = FieldType::string;
  bool required = false;
  bool unique = false;
  bool is_private = false;  ///< Validated but never published.
  std::optional<std::string> pattern;     ///< Whole-value regular expression.
  std::vector<std::string> allowed;       ///< `enum`: allowed values (or list items for list fields).
  std::optional<double> minimum;
  std::optional<double> maximum;
  std::optional<std::size_t> max_length;  ///< In characters.
  int max_decimals = -1;                  ///< `tuoyu:maxDecimals`; -1 when unlimited.
  FieldCheck check = FieldCheck::none;
  bool is_list = false;                   ///< `tuoyu:list`: several allowed values in one cell.
  std::vector<std::string> list_delimiters;
  std::vector<std::string> true_values;   ///< Booleans: accepted spellings of true.
  std::vector<std::string> false_values;  ///< Booleans: accepted spellings of false.
  std::map<std::string, std::string> value_hints;  ///< `tuoyu:hints`: common wrong value → the right one.
  core::Localized expected;  ///< `tuoyu:expected`: what a valid value looks like, in words; empty to derive it.
};

/// A reference from some fields of one table to the key of another (Table Schema `foreignKeys`).
struct ForeignKey {
  std::vector<std::string> fields;
  std::string resource;  ///< Referenced table name; empty for the same table.
  std::vector<std::string> reference_fields;
};

/// A table's schema: ordered fields, keys and references.
struct TableSchema {
  std::string table;  ///< "institutions", "fees" or "areas".
  std::vector<FieldSchema> fields;
  std::vector<std::string> primary_key;
  std::vector<std::vector<std::string>> unique_keys;
  std::vector<ForeignKey> foreign_keys;
  std::string source_json;  ///< The schema file's text, for publishing in the Data Package.

  /// Index of the field whose name or title is `header` (trimmed, compared in NFKC, names also
  /// case-insensitively), if any.
  [[nodiscard]] std::optional<std::size_t> find_field(std::string_view header) const;
  /// Index of the field named `name`; the schema must define it.
  [[nodiscard]] std::size_t index_of(std::string_view name) const;
};

/// Parses a Table Schema JSON text; problems are reported against `path` and nothing is returned.
std::optional<TableSchema> parse_table_schema(std::string_view json_text, std::string table,
                                              const std::string& path, core::Diagnostics& diagnostics);

}  // namespace tuoyu::load
