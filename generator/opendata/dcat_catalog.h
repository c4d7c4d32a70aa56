#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "load/site_config.h"

namespace tuoyu::opendata {

/// One downloadable file of a dataset.
struct Distribution {
  std::string path;        ///< Relative to the site root, e.g. "data/institutions.csv".
  std::string title;
  std::string media_type;  ///< IANA media type, e.g. "text/csv".
  std::string format;      ///< Short format name, e.g. "CSV".
  std::size_t bytes = 0;   ///< The file's size.
  std::string sha256;      ///< The file's SHA-256 in hex.
};

/// One dataset of the catalogue and its files.
struct Dataset {
  std::string id;          ///< e.g. "institutions"; makes the dataset's IRI.
  std::string title;
  std::string description;
  std::vector<std::string> keywords;
  std::vector<Distribution> distributions;
};

/// catalog.jsonld: a DCAT catalogue with the DCAT-AP 3 mandatory properties (catalogue title, description,
/// publisher; dataset title, description; distribution access URL) and each file's download URL,
/// media type, size and SPDX sha256 checksum. URLs are absolute when base_url is set.
std::string dcat_catalog_jsonld(const load::SiteConfig& config, const std::vector<Dataset>& datasets);

}  // namespace tuoyu::opendata
