#include "opendata/table_json.h"

#include <charconv>

namespace tuoyu::opendata {
namespace {

using json = nlohmann::ordered_json;

/// The items of a list cell as written by validate::to_text (joined by "、").
json list_items(const std::string& text) {
  json items = json::array();
  const std::string separator = "、";
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find(separator, start);
    items.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + separator.size();
  }
  return items;
}

json typed(const load::FieldSchema& field, const std::string& text) {
  if (text.empty()) return nullptr;
  if (field.is_list) return list_items(text);
  switch (field.type) {
    case load::FieldType::integer: {
      std::int64_t n = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (error == std::errc() && end == text.data() + text.size()) return n;
      return text;
    }
    case load::FieldType::number: {
      double d = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), d);
      if (error == std::errc() && end == text.data() + text.size()) return d;
      return text;
    }
    case load::FieldType::boolean:
      return text == "true";
    default:
      return text;
  }
}

}  // namespace

json row_json(const load::TableSchema& schema, const std::vector<std::string>& row) {
  json object = json::object();
  for (std::size_t f = 0; f < schema.fields.size() && f < row.size(); ++f) object[schema.fields[f].name] = typed(schema.fields[f], row[f]);
  return object;
}

json table_json(const model::PublicTable& table) {
  json rows = json::array();
  for (const auto& row : table.rows) rows.push_back(row_json(table.schema, row));
  return rows;
}

std::string json_text(const json& value, bool indented) {
  return value.dump(indented ? 2 : -1, ' ', false, json::error_handler_t::strict) + "\n";
}

}  // namespace tuoyu::opendata
