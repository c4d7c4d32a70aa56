#include "validate/table.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "core/text.h"
#include "validate/expectation.h"

namespace tuoyu::validate {
namespace {

using core::Localized;
using load::FieldSchema;
using load::FieldType;

/// Reports "LABEL: expected EXPECTED, got VALUE" with a hint, at field `index` of `row`. For a private
/// field the value is masked and the hint, which may repeat parts of the value, is replaced.
void report_value(core::Diagnostics& diagnostics, core::Severity severity, const ValidatedTable& table,
                  const ValidatedRow& row, std::size_t index, const Localized& expected, std::string_view value,
                  Localized hint) {
  const Localized quoted = table.shown(index, value);
  if (table.schema->fields[index].is_private) hint = private_value_hint();
  const std::string label = table.label(index);
  // A space separates Chinese from a leading digit ("应为 0 到 36 之间的整数"), as elsewhere in messages.
  const bool digit_first = !expected.zh.empty() && expected.zh.front() >= '0' && expected.zh.front() <= '9';
  Localized message{label + "：应为" + (digit_first ? " " : "") + expected.zh + "，实际为 " + quoted.zh,
                    label + ": expected " + expected.en + ", got " + quoted.en};
  diagnostics.add({severity, table.where(row, index), std::move(message), std::move(hint)});
}

Localized enum_hint(const FieldSchema& field, const std::string& value) {
  if (const auto it = field.value_hints.find(value); it != field.value_hints.end()) {
    return {"是不是 " + it->second + "？", "did you mean " + it->second + "?"};
  }
  if (const auto guess = core::did_you_mean(value, field.allowed)) {
    return {"是不是 " + *guess + "？", "did you mean " + *guess + "?"};
  }
  return {};
}

/// Checks minimum and maximum; returns false after reporting when out of range.
bool check_range(double number, const FieldSchema& field, const ValidatedTable& table, const ValidatedRow& row,
                 std::size_t index, std::string_view text, core::Diagnostics& diagnostics) {
  if ((field.minimum && number < *field.minimum) || (field.maximum && number > *field.maximum)) {
    report_value(diagnostics, core::Severity::error, table, row, index, describe_expected(field), text, {});
    return false;
  }
  return true;
}

/// Reads one non-empty cell into a typed value; reports and returns monostate when it cannot.
Value read_cell(const FieldSchema& field, const core::Pattern* pattern, std::string_view text, const ValidatedTable& table,
                const ValidatedRow& row, std::size_t index, core::Diagnostics& diagnostics) {
  const auto fail = [&](const Localized& hint) -> Value {
    report_value(diagnostics, core::Severity::error, table, row, index, describe_expected(field), text, hint);
    return std::monostate{};
  };
  switch (field.type) {
    case FieldType::integer: {
      auto parsed = parse_integer(text);
      if (!parsed) return fail(parsed.error().hint);
      if (!check_range(static_cast<double>(*parsed), field, table, row, index, text, diagnostics)) return std::monostate{};
      return *parsed;
    }
    case FieldType::number: {
      auto parsed = parse_decimal(text, field.max_decimals);
      if (!parsed) return fail(parsed.error().hint);
      if (!check_range(parsed->value, field, table, row, index, text, diagnostics)) return std::monostate{};
      return *parsed;
    }
    case FieldType::boolean: {
      auto parsed = parse_boolean(text, field.true_values, field.false_values);
      if (!parsed) return fail(parsed.error().hint);
      return *parsed;
    }
    case FieldType::date: {
      auto parsed = parse_date(text);
      if (!parsed) return fail(parsed.error().hint);
      return *parsed;
    }
    case FieldType::string:
      break;
  }
  if (field.is_list) {
    std::vector<std::string> items = split_list(text, field.list_delimiters);
    for (const auto& item : items) {
      if (!field.allowed.empty() && std::find(field.allowed.begin(), field.allowed.end(), item) == field.allowed.end()) {
        report_value(diagnostics, core::Severity::error, table, row, index, describe_expected(field), item,
                     enum_hint(field, item));
        return std::monostate{};
      }
    }
    return items;
  }
  if (field.check == load::FieldCheck::uscc) {
    const UsccCheck check = check_uscc(text);
    switch (check.verdict) {
      case UsccVerdict::valid:
        return check.normalized;
      case UsccVerdict::wrong_check_character: {
        const std::string expected(1, check.expected_check);
        report_value(diagnostics, core::Severity::warning, table, row, index,
                     {"校验位正确的统一社会信用代码", "a credit code with a correct check character"}, text,
                     {"按 GB 32100-2015 计算，最后一位应为 " + expected + "；请与营业执照或登记证书核对",
                      "by GB 32100-2015 the last character should be " + expected +
                          "; compare with the business licence or registration certificate"});
        return check.normalized;
      }
      case UsccVerdict::wrong_length:
        return fail({"统一社会信用代码为 18 位，此值为 " + std::to_string(core::count_code_points(check.normalized)) + " 位",
                     "a credit code has 18 characters; this one has " +
                         std::to_string(core::count_code_points(check.normalized))});
      case UsccVerdict::wrong_alphabet:
        return fail({"统一社会信用代码不含字母 I、O、Z、S、V 和其他符号", "credit codes never contain I, O, Z, S, V or other symbols"});
    }
  }
  if (field.check == load::FieldCheck::phone) {
    auto parsed = parse_phone(text);
    if (!parsed) return fail(parsed.error().hint);
    return *parsed;
  }
  std::string value(text);
  if (!field.allowed.empty() || pattern != nullptr) value = std::string(core::trim(core::nfkc(value)));
  if (!field.allowed.empty() && std::find(field.allowed.begin(), field.allowed.end(), value) == field.allowed.end()) {
    return fail(enum_hint(field, value));
  }
  if (pattern != nullptr) {
    const auto match = pattern->match(value);
    if (match == core::Pattern::Match::gave_up) {
      return fail({"此值太长或格式太复杂，无法检查它是否符合 pattern", "the value is too long, or the pattern too complex, to check it against the pattern"});
    }
    if (match == core::Pattern::Match::no) return fail({});
  }
  if (field.max_length && core::count_code_points(value) > *field.max_length) {
    const auto length = std::to_string(core::count_code_points(value));
    return fail({"此值有 " + length + " 个字符", "this value has " + length + " characters"});
  }
  return value;
}

/// Maps each schema field to the index of its column in the header row; reports header problems.
std::vector<int> map_header(const load::CsvRow& header, const load::TableSchema& schema, ValidatedTable& table,
                            core::Diagnostics& diagnostics) {
  std::vector<int> column_of(schema.fields.size(), -1);
  std::vector<std::string> all_names;
  for (const auto& field : schema.fields) {
    all_names.push_back(field.name);
    all_names.push_back(field.title);
  }
  std::unordered_map<std::string, int> seen_unknown;
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    const auto& cell = header.cells[c];
    const std::string name(core::trim(core::nfkc(cell.text)));
    const core::SourceLocation where{table.path, cell.line, cell.column};
    if (name.empty()) continue;
    const auto field = schema.find_field(name);
    if (!field) {
      if (seen_unknown.count(name) != 0) {
        diagnostics.error(where, {"列名 " + core::quote_for_message(name) + " 重复出现", "the column " + core::quote_for_message(name) + " appears twice"},
                          {"删除或改名其中一列", "delete or rename one of them"});
        continue;
      }
      seen_unknown[name] = static_cast<int>(c);
      Localized hint{"表结构中没有此列；如需公开，请先在 data/schema/ 中声明",
                     "the schema has no such column; declare it in data/schema/ to publish it"};
      if (const auto guess = core::did_you_mean(name, all_names)) hint = {"是不是 " + *guess + "？", "did you mean " + *guess + "?"};
      diagnostics.warning(where, {"未知的列 " + core::quote_for_message(name) + "，已忽略", "unknown column " + core::quote_for_message(name) + " is ignored"},
                          hint);
      continue;
    }
    if (column_of[*field] >= 0) {
      const auto& first = header.cells[static_cast<std::size_t>(column_of[*field])];
      diagnostics.error(where,
                        {"列 " + core::quote_for_message(name) + " 与第 " + std::to_string(first.column) + " 列的 " +
                             core::quote_for_message(first.text) + " 是同一字段（" + schema.fields[*field].name + "）",
                         "the column " + core::quote_for_message(name) + " is the same field (" + schema.fields[*field].name +
                             ") as " + core::quote_for_message(first.text) + " in column " + std::to_string(first.column)},
                        {"只保留一列", "keep only one of them"});
      continue;
    }
    column_of[*field] = static_cast<int>(c);
    table.headers[*field] = name;
  }
  for (std::size_t f = 0; f < schema.fields.size(); ++f) {
    if (column_of[f] < 0 && schema.fields[f].required) {
      const auto& field = schema.fields[f];
      diagnostics.error({table.path, header.line, 0},
                        {"缺少必填列 " + field.title + " (" + field.name + ")", "the required column " + field.title + " (" + field.name + ") is missing"},
                        {"在表头加入“" + field.title + "”或“" + field.name + "”列", "add a column headed " + field.title + " or " + field.name});
    }
  }
  return column_of;
}

/// Reports rows whose values repeat those of an earlier row in `fields` (a primary or unique key).
void check_unique(ValidatedTable& table, const std::vector<std::size_t>& fields, core::Diagnostics& diagnostics,
                  bool ignore_case = false) {
  std::unordered_map<std::string, std::pair<int, std::string>> first_seen;  // key → line and exact key text
  for (auto& row : table.rows) {
    std::string key;
    bool any = false;
    for (const std::size_t f : fields) {
      const std::string text = ignore_case ? core::ascii_lower(to_text(row.values[f])) : to_text(row.values[f]);
      any = any || !text.empty();
      key += text;
      key += '\x1f';
    }
    if (!any) continue;
    std::string exact;
    for (const std::size_t f : fields) exact += to_text(row.values[f]) + '\x1f';
    const auto [it, inserted] = first_seen.emplace(key, std::make_pair(row.line, exact));
    if (inserted) continue;
    const bool differs_in_case = it->second.second != exact;
    row.valid = false;
    // The key as one quoted value, or value by value when a private field keeps some of it hidden.
    bool any_private = false;
    std::string joined;
    for (const std::size_t f : fields) {
      any_private = any_private || table.schema->fields[f].is_private;
      joined += (joined.empty() ? "" : " / ") + to_text(row.values[f]);
    }
    Localized shown{core::quote_for_message(joined), core::quote_for_message(joined)};
    if (any_private) {
      shown = {};
      for (const std::size_t f : fields) {
        const Localized part = table.shown(f, to_text(row.values[f]));
        shown.zh += (shown.zh.empty() ? "" : " / ") + part.zh;
        shown.en += (shown.en.empty() ? "" : " / ") + part.en;
      }
    }
    std::string names_zh;
    std::string names_en;
    for (const std::size_t f : fields) {
      names_zh += (names_zh.empty() ? "" : "、") + table.label(f);
      names_en += (names_en.empty() ? "" : ", ") + table.label(f);
    }
    const std::string line = std::to_string(it->second.first);
    diagnostics.error(table.where(row, fields.front()),
                      {names_zh + " 为 " + shown.zh + " 的记录重复，第 " + line + " 行已有",
                       names_en + " " + shown.en + " is repeated; line " + line + " has it already"},
                      differs_in_case ? core::Localized{"合并或删除重复的行；只有大小写不同的编号也算重复（它们会成为同一个网页文件）",
                                                    "merge or delete the duplicate rows; ids differing only in letter case count as the same (they name the same page file)"}
                                  : core::Localized{"合并或删除重复的行", "merge or delete the duplicate rows"});
  }
}

}  // namespace

core::SourceLocation ValidatedTable::where(const ValidatedRow& row, std::size_t field) const {
  const int line = field < row.lines.size() && row.lines[field] > 0 ? row.lines[field] : row.line;
  return {path, line, row.columns[field]};
}

core::Localized ValidatedTable::shown(std::size_t field, std::string_view value) const {
  if (!schema->fields[field].is_private) {
    std::string quoted = core::quote_for_message(value);
    return {quoted, std::move(quoted)};
  }
  const std::size_t length = core::count_code_points(value);
  const std::string n = std::to_string(length);
  return {"（" + n + " 个字符，不公开）", "(" + n + (length == 1 ? " character" : " characters") + ", private)"};
}

core::Localized private_value_hint() {
  return {"此列不公开，消息中不显示它的值；请在文件中查看该单元格", "the column is private, so messages do not show its value; look at the cell in the file"};
}

std::string ValidatedTable::label(std::size_t field) const {
  const auto& schema_field = schema->fields[field];
  if (headers[field] == schema_field.name) return schema_field.name + " (" + schema_field.title + ")";
  return schema_field.title + " (" + schema_field.name + ")";
}

const Value& ValidatedTable::value(const ValidatedRow& row, std::string_view name) const {
  return row.values[schema->index_of(name)];
}

ValidatedTable validate_table(const load::CsvTable& csv, const load::TableSchema& schema, const std::string& path,
                              core::Diagnostics& diagnostics) {
  ValidatedTable table;
  table.schema = &schema;
  table.path = path;
  table.headers.assign(schema.fields.size(), "");
  if (csv.rows.empty()) {
    // An example header from the first two fields (a schema may define only one).
    std::string example_zh;
    std::string example_en;
    for (std::size_t f = 0; f < schema.fields.size() && f < 2; ++f) {
      const auto& field = schema.fields[f];
      example_zh += (f == 0 ? "" : ",") + (field.title.empty() ? field.name : field.title);
      example_en += (f == 0 ? "" : ",") + field.name;
    }
    diagnostics.error({path}, {"文件为空，缺少表头行", "the file is empty: the header row is missing"},
                      {"第一行应为列名，如 " + example_zh, "the first line must name the columns, e.g. " + example_en});
    return table;
  }
  const auto& header = csv.rows.front();
  table.header_line = header.line;
  const std::vector<int> column_of = map_header(header, schema, table, diagnostics);
  // The number of header cells up to the last one with a name: a row shorter than that misses cells.
  std::size_t named_width = header.cells.size();
  while (named_width > 0 && core::trim(header.cells[named_width - 1].text).empty()) --named_width;
  // Columns without a header; their values are ignored, which is reported once per column.
  std::vector<std::size_t> unnamed_columns;
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    if (core::trim(header.cells[c].text).empty()) unnamed_columns.push_back(c);
  }
  std::vector<bool> unnamed_reported(unnamed_columns.size(), false);

  // parse_table_schema has compiled every pattern once already; a failure here is a programming error.
  std::vector<std::optional<core::Pattern>> patterns(schema.fields.size());
  for (std::size_t f = 0; f < schema.fields.size(); ++f) {
    if (!schema.fields[f].pattern) continue;
    auto compiled = core::Pattern::compile(*schema.fields[f].pattern);
    if (!compiled) throw std::logic_error("unchecked pattern of " + schema.fields[f].name + ": " + compiled.error());
    patterns[f].emplace(std::move(*compiled));
  }

  table.rows.reserve(csv.rows.size() - 1);
  for (std::size_t r = 1; r < csv.rows.size(); ++r) {
    const auto& source = csv.rows[r];
    ValidatedRow row;
    row.line = source.line;
    row.values.resize(schema.fields.size());
    row.columns.assign(schema.fields.size(), 0);
    row.lines.assign(schema.fields.size(), source.line);
    row.unreadable.assign(schema.fields.size(), false);
    const std::size_t before = diagnostics.error_count();
    if (source.cells.size() > header.cells.size()) {
      for (std::size_t c = header.cells.size(); c < source.cells.size(); ++c) {
        if (core::trim(source.cells[c].text).empty()) continue;
        diagnostics.error({path, source.cells[c].line, source.cells[c].column},
                          {"此行有 " + std::to_string(source.cells.size()) + " 个单元格，但表头只有 " + std::to_string(header.cells.size()) + " 列",
                           "this row has " + std::to_string(source.cells.size()) + " cells but the header has " +
                               std::to_string(header.cells.size()) + " columns"},
                          {"检查此行是否有多余的逗号；含逗号的值需用英文双引号括起", "look for a stray comma; a value containing a comma must be in double quotes"});
        break;
      }
    } else if (source.cells.size() < named_width && !source.cells.empty()) {
      const auto& last = source.cells.back();
      const std::string n = std::to_string(source.cells.size());
      const std::string m = std::to_string(header.cells.size());
      diagnostics.warning({path, last.line, last.column},
                          {"此行有 " + n + " 个单元格，但表头有 " + m + " 列；缺少的单元格按空值读取",
                           "this row has " + n + (source.cells.size() == 1 ? " cell" : " cells") + " but the header has " + m +
                               " columns; the missing cells are read as empty"},
                          {"检查此行是否少了逗号，或有单元格被合并", "look for a missing comma or merged cells in this row"});
    }
    for (std::size_t u = 0; u < unnamed_columns.size(); ++u) {
      const std::size_t c = unnamed_columns[u];
      if (unnamed_reported[u] || c >= source.cells.size() || core::trim(source.cells[c].text).empty()) continue;
      unnamed_reported[u] = true;
      const std::string k = std::to_string(c + 1);
      diagnostics.warning({path, source.cells[c].line, source.cells[c].column},
                          {"第 " + k + " 列没有列名，此列的值被忽略", "column " + k + " has no header; its values are ignored"},
                          {"在表头填写表结构中的列名，或删除此列", "give the column a header from the schema, or delete it"});
    }
    for (std::size_t f = 0; f < schema.fields.size(); ++f) {
      const int c = column_of[f];
      if (c < 0) continue;
      const auto column = static_cast<std::size_t>(c);
      // A cell missing from a short row is empty, reported at the row's line and column 0.
      if (column < source.cells.size()) {
        row.columns[f] = source.cells[column].column;
        row.lines[f] = source.cells[column].line;
      }
      const std::string_view text = column < source.cells.size() ? core::trim(source.cells[column].text) : std::string_view{};
      const auto& field = schema.fields[f];
      if (text.empty()) {
        if (field.required) {
          diagnostics.error(table.where(row, f), {table.label(f) + "：必填，但为空", table.label(f) + ": a value is required but the cell is empty"});
        }
        continue;
      }
      const std::size_t errors_before_cell = diagnostics.error_count();
      row.values[f] = read_cell(field, patterns[f] ? &*patterns[f] : nullptr, text, table, row, f, diagnostics);
      row.unreadable[f] = diagnostics.error_count() > errors_before_cell;
    }
    row.valid = diagnostics.error_count() == before;
    table.rows.push_back(std::move(row));
  }

  auto indexes = [&](const std::vector<std::string>& names) {
    std::vector<std::size_t> out;
    for (const auto& name : names) out.push_back(schema.index_of(name));
    return out;
  };
  // Primary keys name output files, so keys differing only in letter case count as the same
  // (they would overwrite each other on case-insensitive file systems).
  if (!schema.primary_key.empty()) check_unique(table, indexes(schema.primary_key), diagnostics, true);
  for (std::size_t f = 0; f < schema.fields.size(); ++f) {
    const bool is_primary = schema.primary_key.size() == 1 && schema.primary_key.front() == schema.fields[f].name;
    if (schema.fields[f].unique && !is_primary) check_unique(table, {f}, diagnostics);
  }
  for (const auto& key : schema.unique_keys) check_unique(table, indexes(key), diagnostics);
  return table;
}

std::string to_text(const Value& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& text) const { return text; }
    std::string operator()(std::int64_t number) const { return std::to_string(number); }
    std::string operator()(const Decimal& number) const { return number.canonical; }
    std::string operator()(bool flag) const { return flag ? "true" : "false"; }
    std::string operator()(const Date& date) const { return date.iso(); }
    std::string operator()(const std::vector<std::string>& items) const {
      std::string out;
      for (const auto& item : items) out += (out.empty() ? "" : "、") + item;
      return out;
    }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace tuoyu::validate
