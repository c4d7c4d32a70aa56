#pragma once
#include <nlohmann/json.hpp>

#include "model/site_model.h"

namespace tuoyu::opendata {

/// One row as a JSON object keyed by field name, typed by the schema: integers and numbers as
/// numbers, booleans as true/false, list fields as arrays, dates and text as strings, missing as null.
nlohmann::ordered_json row_json(const load::TableSchema& schema, const std::vector<std::string>& row);

/// A table as a JSON array of row objects.
nlohmann::ordered_json table_json(const model::PublicTable& table);

/// JSON text as published: UTF-8 kept as is, ending in a newline; indented by two spaces when
/// `indented` (descriptors people read), compact otherwise (data files, a third of the size).
std::string json_text(const nlohmann::ordered_json& value, bool indented = true);

}  // namespace tuoyu::opendata
