#include "load/table_schema.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

#include "core/text.h"

namespace tuoyu::load {
namespace {

using nlohmann::json;

std::optional<FieldType> parse_field_type(const std::string& type) {
  if (type == "string") return FieldType::string;
  if (type == "integer") return FieldType::integer;
  if (type == "number") return FieldType::number;
  if (type == "boolean") return FieldType::boolean;
  if (type == "date") return FieldType::date;
  return std::nullopt;
}

std::vector<std::string> string_list(const json& value) {
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const auto& item : value) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

std::vector<std::string> field_list(const json& value) {
  if (value.is_string()) return {value.get<std::string>()};
  return string_list(value);
}

FieldSchema parse_field(const json& field) {
  FieldSchema out;
  out.name = field.value("name", "");
  out.title = field.value("title", "");
  out.description = field.value("description", "");
  const auto type = parse_field_type(field.value("type", "string"));
  if (!type) throw std::runtime_error("field \"" + out.name + "\": unsupported type \"" + field.value("type", "") + "\"");
  out.type = *type;
  out.is_private = field.value("private", false);
  if (const auto it = field.find("constraints"); it != field.end() && it->is_object()) {
    const json& c = *it;
    out.required = c.value("required", false);
    out.unique = c.value("unique", false);
    if (c.contains("pattern")) out.pattern = c.at("pattern").get<std::string>();
    if (c.contains("enum")) out.allowed = string_list(c.at("enum"));
    if (c.contains("minimum")) out.minimum = c.at("minimum").get<double>();
    if (c.contains("maximum")) out.maximum = c.at("maximum").get<double>();
    if (c.contains("maxLength")) out.max_length = c.at("maxLength").get<std::size_t>();
  }
  out.max_decimals = field.value("tuoyu:maxDecimals", -1);
  const std::string check = field.value("tuoyu:check", "");
  if (check == "uscc") {
    out.check = FieldCheck::uscc;
  } else if (check == "phone") {
    out.check = FieldCheck::phone;
  } else if (!check.empty()) {
    throw std::runtime_error("field \"" + out.name + "\": unknown tuoyu:check \"" + check + "\"");
  }
  if (const auto it = field.find("tuoyu:list"); it != field.end() && it->is_object()) {
    out.is_list = true;
    out.list_delimiters = string_list(it->value("delimiters", json::array()));
    out.allowed = string_list(it->value("enum", json::array()));
  }
  out.true_values = string_list(field.value("trueValues", json::array({"true"})));
  out.false_values = string_list(field.value("falseValues", json::array({"false"})));
  if (const auto it = field.find("tuoyu:hints"); it != field.end() && it->is_object()) {
    for (const auto& [wrong, right] : it->items()) {
      if (right.is_string()) out.value_hints[wrong] = right.get<std::string>();
    }
  }
  if (const auto it = field.find("tuoyu:expected"); it != field.end() && it->is_object()) {
    out.expected = {it->value("zh", ""), it->value("en", "")};
  }
  if (out.name.empty()) throw std::runtime_error("a field has no name");
  return out;
}

std::string type_name(FieldType type) {
  switch (type) {
    case FieldType::string: return "string";
    case FieldType::integer: return "integer";
    case FieldType::number: return "number";
    case FieldType::boolean: return "boolean";
    case FieldType::date: return "date";
  }
  return "string";
}

/// Whether a field of `field`'s type can be read the way `use` reads it.
bool usable_as(const FieldSchema& field, FieldUse use) {
  switch (use) {
    case FieldUse::text: return true;
    case FieldUse::integer: return field.type == FieldType::integer;
    case FieldUse::number: return field.type == FieldType::number;
    case FieldUse::boolean: return field.type == FieldType::boolean;
    case FieldUse::list: return field.type == FieldType::string && field.is_list;
  }
  return false;
}

std::string use_name(FieldUse use) {
  switch (use) {
    case FieldUse::text: return "string";
    case FieldUse::integer: return "integer";
    case FieldUse::number: return "number";
    case FieldUse::boolean: return "boolean";
    case FieldUse::list: return "tuoyu:list";
  }
  return "string";
}

constexpr RequiredField kInstitutionFields[] = {
    {"id", FieldUse::text, false}, {"name"}, {"uscc"}, {"district_code"}, {"street"}, {"address"},
    {"longitude", FieldUse::number}, {"latitude", FieldUse::number}, {"crs"}, {"type"}, {"ownership"},
    {"inclusive", FieldUse::boolean}, {"status"}, {"filing_status"}, {"filing_date"}, {"capacity", FieldUse::integer},
    {"places_6_12m", FieldUse::integer}, {"places_12_24m", FieldUse::integer}, {"places_24_36m", FieldUse::integer},
    {"enrolled", FieldUse::integer}, {"age_min_months", FieldUse::integer}, {"age_max_months", FieldUse::integer},
    {"services", FieldUse::list}, {"hours"}, {"phone"}, {"area_m2"}, {"rating"}, {"updated"}, {"note"}};

constexpr RequiredField kFeeFields[] = {
    {"institution_id"}, {"service"}, {"class"}, {"item"}, {"amount", FieldUse::number}, {"unit"},
    {"prepay_months", FieldUse::integer}, {"effective_from"}, {"note"}};

constexpr RequiredField kAreaFields[] = {
    {"code", FieldUse::text, false}, {"name"}, {"parent_code"}, {"population", FieldUse::integer},
    {"children_under3", FieldUse::integer}, {"longitude", FieldUse::number}, {"latitude", FieldUse::number}, {"crs"}};

/// Reports each name of `names` (from `key`, e.g. "primaryKey") that is not a field of `schema`.
bool check_key_fields(const TableSchema& schema, const std::vector<std::string>& names, const std::string& key,
                      const std::string& path, core::Diagnostics& diagnostics) {
  bool ok = true;
  for (const auto& name : names) {
    if (schema.find_name(name)) continue;
    ok = false;
    diagnostics.error({path}, {"表结构文件有误：" + key + " 中的字段 " + name + " 在表结构中没有定义",
                               "invalid table schema: " + key + " names the field " + name + ", which the schema does not define"});
  }
  return ok;
}

/// Checks everything a parsed schema must satisfy beyond its JSON shape; reports each problem.
bool check_schema(const TableSchema& schema, const std::string& path, core::Diagnostics& diagnostics) {
  bool ok = true;
  std::map<std::string, std::size_t> seen;
  for (std::size_t f = 0; f < schema.fields.size(); ++f) {
    const auto& field = schema.fields[f];
    if (!seen.emplace(field.name, f).second) {
      ok = false;
      diagnostics.error({path}, {"表结构文件有误：字段名 " + field.name + " 出现了两次", "invalid table schema: the field name " + field.name + " is defined twice"},
                        {"删除或改名其中一个字段", "delete or rename one of them"});
    }
    if (!field.pattern) continue;
    if (const auto compiled = core::Pattern::compile(*field.pattern); !compiled) {
      ok = false;
      const std::string quoted = core::quote_for_message(*field.pattern);
      diagnostics.error({path},
                        {"表结构文件有误：字段 " + field.name + " 的 pattern " + quoted + " 不是有效的正则表达式：" + compiled.error(),
                         "invalid table schema: the pattern " + quoted + " of the field " + field.name +
                             " is not a valid regular expression: " + compiled.error()},
                        {"pattern 是须与整个值相符的正则表达式，如 [0-9]{6} 或 [A-Z]{2}[0-9]{4}",
                         "a pattern is a regular expression the whole value must match, e.g. [0-9]{6} or [A-Z]{2}[0-9]{4}"});
    }
  }
  ok = check_key_fields(schema, schema.primary_key, "primaryKey", path, diagnostics) && ok;
  for (const auto& key : schema.unique_keys) ok = check_key_fields(schema, key, "uniqueKeys", path, diagnostics) && ok;
  for (const auto& key : schema.foreign_keys) {
    ok = check_key_fields(schema, key.fields, "foreignKeys", path, diagnostics) && ok;
    if (key.fields.size() != key.reference_fields.size()) {
      ok = false;
      const auto n = std::to_string(key.fields.size());
      const auto m = std::to_string(key.reference_fields.size());
      diagnostics.error({path}, {"表结构文件有误：外键有 " + n + " 个字段，但引用了 " + m + " 个字段",
                                 "invalid table schema: a foreign key has " + n + " fields but references " + m});
    } else if (key.resource.empty()) {  // a key within this table: its reference fields are ours too
      ok = check_key_fields(schema, key.reference_fields, "foreignKeys.reference", path, diagnostics) && ok;
    }
  }
  for (const auto& required : required_fields(schema.table)) {
    const std::string name(required.name);
    const auto index = schema.find_name(name);
    if (!index) {
      ok = false;
      diagnostics.error({path}, {schema.table + " 的表结构缺少 tuoyu 需要的字段 " + name, "the schema of " + schema.table + " lacks the field " + name + " that tuoyu needs"},
                        {"tuoyu 按名称读取此字段：请从内置表结构中恢复它；可以修改 title 和 description，但不能删除或改名",
                         "tuoyu reads this field by name: restore it from the built-in schema; you may change its title and description, but not remove or rename it"});
      continue;
    }
    const auto& field = schema.fields[*index];
    if (!usable_as(field, required.use)) {
      ok = false;
      const std::string given = field.is_list ? "tuoyu:list" : type_name(field.type);
      if (required.use == FieldUse::list) {
        diagnostics.error({path}, {schema.table + " 的表结构没有给字段 " + name + " 设置 tuoyu:list，但 tuoyu 把它作为多选列表读取",
                                   "the schema of " + schema.table + " does not give the field " + name + " a tuoyu:list, but tuoyu reads it as a list"},
                          {"恢复内置表结构中此字段的 \"type\": \"string\" 和 tuoyu:list", "restore the field's \"type\": \"string\" and tuoyu:list from the built-in schema"});
      } else {
        const std::string wanted = use_name(required.use);
        diagnostics.error({path}, {schema.table + " 的表结构把字段 " + name + " 的类型定为 " + given + "，但 tuoyu 按 " + wanted + " 读取它",
                                   "the schema of " + schema.table + " gives the field " + name + " the type " + given + ", but tuoyu reads it as " + wanted},
                          {"把此字段的类型改回 \"type\": \"" + wanted + "\"", "set \"type\": \"" + wanted + "\" for this field"});
      }
    }
    if (!required.may_be_private && field.is_private) {
      ok = false;
      diagnostics.error({path}, {schema.table + " 的字段 " + name + " 不能设为不公开（private）：tuoyu 用它命名公开的网页",
                                 "the field " + name + " of " + schema.table + " cannot be private: tuoyu names the published pages by it"},
                        {"删除此字段的 \"private\": true", "remove \"private\": true from this field"});
    }
  }
  return ok;
}

}  // namespace

std::optional<std::size_t> TableSchema::find_field(std::string_view header) const {
  // Both sides are compared in NFKC, so "街道(乡镇)" and "街道（乡镇）" name the same column.
  const std::string wanted(core::trim(core::nfkc(header)));
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == wanted || core::nfkc(fields[i].title) == wanted) return i;
  }
  const std::string lowered = core::ascii_lower(wanted);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == lowered) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> TableSchema::find_name(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return i;
  }
  return std::nullopt;
}

std::size_t TableSchema::index_of(std::string_view name) const {
  if (const auto index = find_name(name)) return *index;
  throw std::logic_error("schema of " + table + " has no field " + std::string(name));
}

std::span<const RequiredField> required_fields(std::string_view table) {
  if (table == "institutions") return kInstitutionFields;
  if (table == "fees") return kFeeFields;
  if (table == "areas") return kAreaFields;
  return {};
}

std::vector<std::string> required_field_names(std::string_view table) {
  std::vector<std::string> out;
  for (const auto& field : required_fields(table)) out.emplace_back(field.name);
  return out;
}

std::optional<TableSchema> parse_table_schema(std::string_view json_text, std::string table, const std::string& path,
                                              core::Diagnostics& diagnostics) {
  json document;
  try {
    document = json::parse(json_text);
  } catch (const json::parse_error& e) {
    diagnostics.error({path}, {"表结构文件不是有效的 JSON：" + std::string(e.what()),
                               "the table schema is not valid JSON: " + std::string(e.what())});
    return std::nullopt;
  }
  try {
    TableSchema schema;
    schema.table = std::move(table);
    schema.source_json = std::string(json_text);
    schema.path = path;
    if (!document.contains("fields") || !document.at("fields").is_array() || document.at("fields").empty()) {
      throw std::runtime_error("\"fields\" must be a non-empty array");
    }
    for (const auto& field : document.at("fields")) schema.fields.push_back(parse_field(field));
    if (document.contains("primaryKey")) schema.primary_key = field_list(document.at("primaryKey"));
    if (document.contains("uniqueKeys")) {
      for (const auto& key : document.at("uniqueKeys")) schema.unique_keys.push_back(field_list(key));
    }
    if (document.contains("foreignKeys")) {
      for (const auto& key : document.at("foreignKeys")) {
        ForeignKey fk;
        fk.fields = field_list(key.at("fields"));
        fk.resource = key.at("reference").value("resource", "");
        fk.reference_fields = field_list(key.at("reference").at("fields"));
        schema.foreign_keys.push_back(std::move(fk));
      }
    }
    if (!check_schema(schema, path, diagnostics)) return std::nullopt;
    return schema;
  } catch (const std::exception& e) {
    diagnostics.error({path}, {"表结构文件有误：" + std::string(e.what()), "invalid table schema: " + std::string(e.what())});
    return std::nullopt;
  }
}

bool check_schema_set(const std::map<std::string, TableSchema>& schemas, core::Diagnostics& diagnostics) {
  bool ok = true;
  std::string known;
  for (const auto& [name, schema] : schemas) known += (known.empty() ? "" : ", ") + name;
  for (const auto& [name, schema] : schemas) {
    for (const auto& key : schema.foreign_keys) {
      if (key.resource.empty()) continue;  // checked with the schema itself
      const auto target = schemas.find(key.resource);
      if (target == schemas.end()) {
        ok = false;
        diagnostics.error({schema.path}, {"表结构文件有误：外键引用的表 " + key.resource + " 不存在（可用的表：" + known + "）",
                                          "invalid table schema: a foreign key references the table " + key.resource +
                                              ", which does not exist (the tables are " + known + ")"});
        continue;
      }
      for (const auto& field : key.reference_fields) {
        if (target->second.find_name(field)) continue;
        ok = false;
        diagnostics.error({schema.path}, {"表结构文件有误：外键引用了 " + key.resource + " 的字段 " + field + "，但 " + key.resource + " 的表结构没有此字段",
                                          "invalid table schema: a foreign key references the field " + field + " of " + key.resource +
                                              ", which the schema of " + key.resource + " does not define"});
      }
    }
  }
  return ok;
}

}  // namespace tuoyu::load
