#pragma once
#include "load/site_config.h"
#include "model/site_model.h"
#include "stats/indicators.h"

namespace tuoyu::opendata {

/// Short name of a unit as statistics.csv writes it: "institutions", "places", "percent", "per_1000", "yuan_per_month".
std::string unit_name(stats::Unit unit);

/// The schema of statistics.csv.
load::TableSchema statistics_schema();

/// The statistics as a published table (statistics.csv): one row per area, indicator and category,
/// with its schema (primary key area_code + indicator + category; category "all" when not broken down).
model::PublicTable statistics_table(const stats::Statistics& statistics, const load::SiteConfig& config);

}  // namespace tuoyu::opendata
