#pragma once
#include <string>
#include <vector>

#include "model/site_model.h"
#include "stats/chart_series.h"
#include "stats/indicators.h"

namespace tuoyu::opendata {

/// One file of the open data, under data/ in the site.
struct DataFile {
  std::string path;    ///< Relative to the site root, e.g. "data/institutions.csv".
  std::string bytes;
  std::string table;   ///< What it holds: "institutions", "fees", "areas", "statistics", "all" (workbook, package, catalogue, checksums), "record", "chart".
  std::string format;  ///< "CSV", "CSV-BOM", "JSON", "GeoJSON", "XLSX", "Data Package", "DCAT", "SHA256SUMS", "text".
};

/// Every open-data file of a build, in a fixed order: the CSV, JSON and GeoJSON tables, UTF-8-with-BOM
/// copies and an .xlsx workbook for Excel, one records file per district (what institution pages link
/// to), the chart data, README.txt with the licence, datapackage.json, catalog.jsonld and SHA256SUMS last.
std::vector<DataFile> build_open_data(const model::SiteModel& site, const stats::Statistics& statistics,
                                      const std::vector<stats::ChartSeries>& charts);

/// Where an institution's open-data record is: the records file of its district.
std::string record_path(const model::Institution& institution);

}  // namespace tuoyu::opendata
