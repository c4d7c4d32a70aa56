#include "load/table_schema.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

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

std::size_t TableSchema::index_of(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return i;
  }
  throw std::logic_error("schema of " + table + " has no field " + std::string(name));
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
    // Every key must name a field of this schema.
    auto require_fields = [&](const std::vector<std::string>& names) {
      for (const auto& name : names) (void)schema.index_of(name);
    };
    require_fields(schema.primary_key);
    for (const auto& key : schema.unique_keys) require_fields(key);
    for (const auto& key : schema.foreign_keys) require_fields(key.fields);
    return schema;
  } catch (const std::exception& e) {
    diagnostics.error({path}, {"表结构文件有误：" + std::string(e.what()), "invalid table schema: " + std::string(e.what())});
    return std::nullopt;
  }
}

}  // namespace tuoyu::load
