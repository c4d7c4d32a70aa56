#pragma once
// Shared helpers for the unit tests: the repository's schemas, small register files built in memory,
// lookups among diagnostics and throw-away folders. Header-only; every function is inline.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <deque>
#include <filesystem>
#include <locale>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "load/csv_reader.h"
#include "load/site_config.h"
#include "load/table_schema.h"
#include "validate/references.h"
#include "validate/table.h"

namespace tuoyu::test {

/// The text of a file of the repository, `relative` to its root (TUOYU_SOURCE_DIR).
inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(TUOYU_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << relative);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// The text of data/schema/<table>.schema.json.
inline std::string schema_text(const std::string& table) { return read_source_file("data/schema/" + table + ".schema.json"); }

/// The repository's schema of `table` ("institutions", "fees", "areas"), parsed once and kept for the
/// whole run, so a ValidatedTable may point at it.
inline const load::TableSchema& schema(const std::string& table) {
  static std::map<std::string, load::TableSchema> cache;
  if (const auto it = cache.find(table); it != cache.end()) return it->second;
  core::Diagnostics diagnostics;
  auto parsed = load::parse_table_schema(schema_text(table), table, "data/schema/" + table + ".schema.json", diagnostics);
  REQUIRE(parsed.has_value());
  REQUIRE(diagnostics.entries().empty());
  return cache.emplace(table, std::move(*parsed)).first->second;
}

/// The field named `name` in a schema's JSON; fails the test when there is none.
inline nlohmann::json& json_field(nlohmann::json& document, const std::string& name) {
  for (auto& field : document["fields"]) {
    if (field["name"] == name) return field;
  }
  FAIL("the schema has no field " << name);
  throw std::logic_error("unreachable");
}

/// The repository's schema of `table` after `change` has edited its JSON (as an office would), parsed
/// and kept for the whole run so a ValidatedTable may point at it; the changed schema must be valid.
inline const load::TableSchema& changed_schema(const std::string& table, const std::function<void(nlohmann::json&)>& change) {
  static std::deque<load::TableSchema> kept;
  auto document = nlohmann::json::parse(schema_text(table));
  change(document);
  core::Diagnostics diagnostics;
  auto parsed = load::parse_table_schema(document.dump(), table, "data/schema/" + table + ".schema.json", diagnostics);
  REQUIRE(parsed.has_value());
  REQUIRE(diagnostics.entries().empty());
  return kept.emplace_back(std::move(*parsed));
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

/// Every diagnostic in English, one per line, for failure messages.
inline std::string dump(const core::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.entries()) out += core::format_diagnostic(d, core::Language::en) + "\n";
  return out;
}

/// The first diagnostic whose English message contains `part`, or nullptr.
inline const core::Diagnostic* find_message(const core::Diagnostics& diagnostics, std::string_view part) {
  for (const auto& d : diagnostics.entries()) {
    if (d.message.en.find(part) != std::string::npos) return &d;
  }
  return nullptr;
}

/// How many diagnostics have an English message containing `part`.
inline std::size_t count_messages(const core::Diagnostics& diagnostics, std::string_view part) {
  std::size_t n = 0;
  for (const auto& d : diagnostics.entries()) n += d.message.en.find(part) != std::string::npos ? 1 : 0;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Register files

/// One row of a table: (column, value) pairs in column order; the column is a field's canonical name.
using Cells = std::vector<std::pair<std::string, std::string>>;

/// The smallest institution row that validates cleanly: every required field, nothing else.
inline Cells minimal_institution(const std::string& id = "sl-0001") {
  return {{"id", id},           {"name", "阳光托育中心"}, {"district_code", "990101"}, {"address", "书院路1号"},
          {"type", "托育中心"}, {"ownership", "公办"},     {"inclusive", "是"},         {"status", "运营中"},
          {"filing_status", "备案中"}, {"capacity", "30"}};
}

/// `cells` with each change applied: a column already present gets the new value, others are appended.
inline Cells with(Cells cells, const Cells& changes) {
  for (const auto& [column, value] : changes) {
    bool found = false;
    for (auto& cell : cells) {
      if (cell.first == column) {
        cell.second = value;
        found = true;
      }
    }
    if (!found) cells.emplace_back(column, value);
  }
  return cells;
}

/// `cells` without the named column.
inline Cells without(Cells cells, const std::string& column) {
  std::erase_if(cells, [&](const auto& cell) { return cell.first == column; });
  return cells;
}

/// A CSV cell, quoted when it holds a comma, a quote or a line end.
inline std::string csv_cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

/// One CSV line of cells joined by commas, with a line end.
inline std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i > 0 ? "," : "") + csv_cell(cells[i]);
  return out + "\n";
}

/// How a generated file heads its columns: by Chinese title (托位数) or canonical name (capacity).
enum class Headers { titles, names };

/// A CSV text of `table` with the union of the rows' columns (first-appearance order) as header.
/// With Headers::titles a column that names a schema field is headed by its title; others as given.
inline std::string table_csv(const std::string& table, const std::vector<Cells>& rows, Headers headers = Headers::names) {
  std::vector<std::string> columns;
  for (const auto& row : rows) {
    for (const auto& cell : row) {
      if (std::find(columns.begin(), columns.end(), cell.first) == columns.end()) columns.push_back(cell.first);
    }
  }
  std::vector<std::string> header;
  for (const auto& column : columns) {
    const auto field = schema(table).find_field(column);
    header.push_back(headers == Headers::titles && field ? schema(table).fields[*field].title : column);
  }
  std::string out = csv_line(header);
  for (const auto& row : rows) {
    std::vector<std::string> values;
    for (const auto& column : columns) {
      std::string value;
      for (const auto& cell : row) {
        if (cell.first == column) value = cell.second;
      }
      values.push_back(value);
    }
    out += csv_line(values);
  }
  return out;
}

/// An institutions.csv text; by default one minimal valid row headed by canonical names.
inline std::string institutions_csv(const std::vector<Cells>& rows = {minimal_institution()}, Headers headers = Headers::names) {
  return table_csv("institutions", rows, headers);
}

/// A table after parsing and validation, with every diagnostic the two produced.
struct Checked {
  validate::ValidatedTable table;
  core::Diagnostics diagnostics;
};

/// Parses `csv_text` as data/<table>.csv and validates it against `table_schema`.
inline Checked check_csv(const std::string& table, std::string_view csv_text, const load::TableSchema& table_schema) {
  Checked out;
  const std::string path = "data/" + table + ".csv";
  const load::CsvTable csv = load::parse_csv(csv_text, path, out.diagnostics);
  out.table = validate::validate_table(csv, table_schema, path, out.diagnostics);
  return out;
}

/// Parses `csv_text` as data/<table>.csv and validates it against the repository's schema of `table`.
inline Checked check_csv(const std::string& table, std::string_view csv_text) { return check_csv(table, csv_text, schema(table)); }

/// Several validated tables of one register, as the later checks and the model take them.
struct Register {
  validate::Tables tables;
  core::Diagnostics diagnostics;  ///< What the checks under test report; validation itself must be clean.

  /// Validates `csv` as table `name` and adds it; the file must validate without a diagnostic.
  void add(const std::string& name, std::string_view csv) { add(name, csv, schema(name)); }

  /// Validates `csv` as table `name` against `table_schema` and adds it; it must validate without a diagnostic.
  void add(const std::string& name, std::string_view csv, const load::TableSchema& table_schema) {
    auto checked = check_csv(name, csv, table_schema);
    INFO(dump(checked.diagnostics));
    REQUIRE(checked.diagnostics.entries().empty());
    tables[name] = std::move(checked.table);
  }
};

// ---------------------------------------------------------------------------------------------
// Files

/// A fresh, empty folder under the system's temporary folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("tuoyu-unit-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignore;
    std::filesystem::remove_all(path_, ignore);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Writes `text` to `path`, creating its folders.
inline void write_file(const std::filesystem::path& path, std::string_view text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  REQUIRE_MESSAGE(out.good(), "cannot write " << path.string());
}

/// The bytes of the file at `path`, or "" when it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// Every regular file under `root` by relative path, with its bytes: a tree to compare byte for byte.
inline std::map<std::string, std::string> snapshot(const std::filesystem::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) out[std::filesystem::relative(entry.path(), root).generic_string()] = read_file(entry.path());
  }
  return out;
}

/// The names of the entries directly in `folder`, sorted.
inline std::vector<std::string> entry_names(const std::filesystem::path& folder) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) out.push_back(entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}


/// Installs a global C++ (and C) locale for its lifetime and restores the previous one afterwards.
class GlobalLocale {
 public:
  explicit GlobalLocale(const std::locale& locale) : previous_(std::locale::global(locale)) {}
  ~GlobalLocale() { std::locale::global(previous_); }
  GlobalLocale(const GlobalLocale&) = delete;
  GlobalLocale& operator=(const GlobalLocale&) = delete;

 private:
  std::locale previous_;
};

/// A number format with a decimal comma and groups of three, as a German locale would set it.
struct CommaDecimals : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};

/// An installed locale with a decimal comma (de_DE, fr_FR, ...), or "C" with a comma facet.
inline std::locale comma_locale() {
  for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "ru_RU.UTF-8"}) {
    try {
      const std::locale candidate(name);
      if (std::use_facet<std::numpunct<char>>(candidate).decimal_point() == ',') return candidate;
    } catch (const std::runtime_error&) {
      // Not installed here; try the next one.
    }
  }
  return std::locale(std::locale::classic(), new CommaDecimals);
}

/// A minimal valid site.yaml's settings: title, data date and GCJ-02 as the default datum.
inline load::SiteConfig minimal_config() {
  load::SiteConfig out;
  out.title = "示例";
  out.data_date = "2025-06-30";
  out.default_crs = "GCJ02";
  return out;
}

}  // namespace tuoyu::test
