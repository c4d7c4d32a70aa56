#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "load/site_config.h"
#include "model/site_model.h"

namespace tuoyu::opendata {

/// A CSV file of the package with the table it holds.
struct PackageResource {
  std::string name;         ///< "institutions", "fees", "areas", "statistics".
  std::string path;         ///< Relative to the package's folder, e.g. "institutions.csv".
  std::string title;
  std::string description;
  const load::TableSchema* schema = nullptr;  ///< The published schema (no private fields).
  std::size_t bytes = 0;                      ///< The file's size.
  std::string sha256;                         ///< The file's SHA-256 in hex.
};

/// A Table Schema v2 descriptor of a published schema: fields with titles, descriptions and
/// constraints (list fields become a pattern of their allowed items), primary key and foreign keys.
std::string table_schema_json(const load::TableSchema& schema);

/// datapackage.json, Frictionless Data Package v2: name, title, version and created from the data date,
/// licence, source and per resource its path, format, encoding, bytes, sha256 hash and schema.
std::string data_package_json(const load::SiteConfig& config, const std::vector<PackageResource>& resources);

}  // namespace tuoyu::opendata
