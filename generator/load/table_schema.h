#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace tuoyu::load {

/// The register's tables, in the order they are loaded (areas first: the others refer to them).
inline const std::vector<std::string> kTableNames = {"areas", "institutions", "fees"};

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
  std::optional<std::string> pattern;     ///< Whole-value regular expression (core::Pattern syntax).
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
  std::string path;         ///< The schema file as shown in messages.

  /// Index of the field whose name or title is `header` (trimmed, compared in NFKC, names also
  /// case-insensitively), if any.
  [[nodiscard]] std::optional<std::size_t> find_field(std::string_view header) const;
  /// Index of the field named `name`, if the schema defines it.
  [[nodiscard]] std::optional<std::size_t> find_name(std::string_view name) const;
  /// Index of the field named `name`; the schema must define it (throws std::logic_error otherwise:
  /// parse_table_schema guarantees every name in required_fields() and every key's fields).
  [[nodiscard]] std::size_t index_of(std::string_view name) const;
};

/// How tuoyu's code reads a field it names: the reader used decides which schema types still work.
enum class FieldUse {
  text,     ///< Read as text: any type will do.
  integer,  ///< Read as a whole number: the schema must say "integer".
  number,   ///< Read as a decimal: the schema must say "number".
  boolean,  ///< Read as yes/no: the schema must say "boolean".
  list,     ///< Read as a list of items: the field must have `tuoyu:list`.
};

/// A field that tuoyu's code (domain rules, site model) reads by name.
struct RequiredField {
  std::string_view name;
  FieldUse use = FieldUse::text;
  bool may_be_private = true;  ///< False for fields that name output pages (an institution's id, an area's code).
};

/// The fields of `table` ("institutions", "fees", "areas") that validate/domain_rules.cpp and
/// model/build_model.cpp read by name; empty for other tables. A schema lacking one is refused.
std::span<const RequiredField> required_fields(std::string_view table);

/// The names of required_fields(table), in order.
std::vector<std::string> required_field_names(std::string_view table);


/// Parses a Table Schema JSON text; problems are reported against `path` and nothing is returned.
/// Beyond the JSON it checks that every `pattern` compiles (as core::Pattern), that every key names fields of the schema
/// (same-table foreign keys included), and that every field in required_fields(table) is present,
/// public when it must be, and of a type tuoyu can read it as.
std::optional<TableSchema> parse_table_schema(std::string_view json_text, std::string table,
                                              const std::string& path, core::Diagnostics& diagnostics);

/// Checks the schemas of one register together, after each was parsed: every foreign key must name a
/// table in `schemas` and, as its reference fields, fields of that table, as many as it has fields.
/// Problems are reported against the referencing schema's file; returns false when there was one.
/// The pipeline must call this once all schemas are loaded and stop on false, before validation
/// (validate::check_references relies on it).
bool check_schema_set(const std::map<std::string, TableSchema>& schemas, core::Diagnostics& diagnostics);

}  // namespace tuoyu::load
