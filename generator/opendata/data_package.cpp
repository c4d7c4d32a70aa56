#include "opendata/data_package.h"

#include <cmath>

#include "opendata/table_json.h"

namespace tuoyu::opendata {
namespace {

using json = nlohmann::ordered_json;

std::string type_name(load::FieldType type) {
  switch (type) {
    case load::FieldType::integer: return "integer";
    case load::FieldType::number: return "number";
    case load::FieldType::boolean: return "boolean";
    case load::FieldType::date: return "date";
    case load::FieldType::string: return "string";
  }
  return "string";
}

/// A bound as an integer when it is one, so "minimum": 0 rather than 0.0.
json bound(double value) {
  if (std::floor(value) == value && std::fabs(value) < 9e15) return static_cast<std::int64_t>(value);
  return value;
}

/// The regular expression an item list must match: allowed items joined by the published separator "、".
std::string list_pattern(const std::vector<std::string>& items) {
  std::string alternatives;
  for (const auto& item : items) alternatives += (alternatives.empty() ? "" : "|") + item;
  return "(" + alternatives + ")(、(" + alternatives + "))*";
}

json field_json(const load::FieldSchema& field) {
  json out = {{"name", field.name}};
  if (!field.title.empty()) out["title"] = field.title;
  std::string description = field.description;
  if (field.is_list) description += (description.empty() ? "" : " ") + std::string("（多项以“、”分隔）");
  if (!description.empty()) out["description"] = description;
  out["type"] = type_name(field.type);
  json constraints = json::object();
  if (field.required) constraints["required"] = true;
  if (field.unique) constraints["unique"] = true;
  if (field.is_list && !field.allowed.empty()) {
    constraints["pattern"] = list_pattern(field.allowed);
  } else {
    if (!field.allowed.empty()) constraints["enum"] = field.allowed;
    if (field.pattern) constraints["pattern"] = *field.pattern;
  }
  if (field.minimum) constraints["minimum"] = bound(*field.minimum);
  if (field.maximum) constraints["maximum"] = bound(*field.maximum);
  if (field.max_length) constraints["maxLength"] = *field.max_length;
  if (!constraints.empty()) out["constraints"] = std::move(constraints);
  return out;
}

json schema_object(const load::TableSchema& schema) {
  json fields = json::array();
  for (const auto& field : schema.fields) fields.push_back(field_json(field));
  json out = {{"$schema", "https://datapackage.org/profiles/2.0/tableschema.json"}, {"fields", std::move(fields)}, {"missingValues", {""}}};
  if (!schema.primary_key.empty()) out["primaryKey"] = schema.primary_key;
  if (!schema.unique_keys.empty()) out["uniqueKeys"] = schema.unique_keys;
  if (!schema.foreign_keys.empty()) {
    json keys = json::array();
    for (const auto& key : schema.foreign_keys) {
      json reference = {{"fields", key.reference_fields}};
      // Table Schema v2: a reference without "resource" points into the same table.
      if (!key.resource.empty() && key.resource != schema.table) reference = {{"resource", key.resource}, {"fields", key.reference_fields}};
      keys.push_back({{"fields", key.fields}, {"reference", std::move(reference)}});
    }
    out["foreignKeys"] = std::move(keys);
  }
  return out;
}

/// "2026-10-31" → "2026.10.31" with leading zeros dropped, a version that sorts and is valid SemVer.
std::string version_of(const std::string& date) {
  if (date.size() != 10) return date;
  auto number = [&date](std::size_t at, std::size_t length) { return std::to_string(std::stoi(date.substr(at, length))); };
  return number(0, 4) + "." + number(5, 2) + "." + number(8, 2);
}

}  // namespace

std::string table_schema_json(const load::TableSchema& schema) { return json_text(schema_object(schema)); }

std::string data_package_json(const load::SiteConfig& config, const std::vector<PackageResource>& resources) {
  json list = json::array();
  for (const auto& r : resources) {
    json resource = {{"name", r.name}, {"path", r.path}};
    if (!r.title.empty()) resource["title"] = r.title;
    if (!r.description.empty()) resource["description"] = r.description;
    resource["format"] = "csv";
    resource["mediatype"] = "text/csv";
    resource["encoding"] = "utf-8";
    resource["bytes"] = r.bytes;
    resource["hash"] = "sha256:" + r.sha256;
    resource["schema"] = schema_object(*r.schema);
    list.push_back(std::move(resource));
  }
  json package = {{"$schema", "https://datapackage.org/profiles/2.0/datapackage.json"},
                  {"name", config.dataset_name},
                  {"title", config.title}};
  if (!config.about.empty()) package["description"] = config.about;
  package["version"] = version_of(config.data_date);
  package["created"] = config.data_date + "T00:00:00Z";
  if (!config.base_url.empty()) package["homepage"] = config.base_url;
  json license = {{"title", config.license_name}};
  if (!config.license_url.empty()) license["path"] = config.license_url;
  package["licenses"] = json::array({license});
  json source = {{"title", config.source_note.empty() ? config.region + " 托育机构登记" : config.source_note}};
  if (!config.base_url.empty()) source["path"] = config.base_url;
  package["sources"] = json::array({source});
  const std::string publisher = !config.footer.host.empty() ? config.footer.host : config.contact.organisation;
  if (!publisher.empty()) package["contributors"] = json::array({{{"title", publisher}, {"roles", {"publisher"}}}});
  package["keywords"] = {"托育", "3岁以下婴幼儿照护服务", "childcare", "open data"};
  package["resources"] = std::move(list);
  return json_text(package);
}

}  // namespace tuoyu::opendata
