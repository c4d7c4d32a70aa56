#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "load/site_config.h"
#include "stats/chart_series.h"
#include "stats/indicators.h"

namespace tuoyu::render {

/// A figure's value as a page shows it: locale digit grouping, fixed decimals and unit
/// ("4.52 个/千人", "58.3%", "1,280"), or the "no data" text when it cannot be computed; `compact`
/// keeps only "%" of the unit, for tables and charts whose heading names it.
std::string figure_text(const stats::Figure& figure, const nlohmann::json& strings, bool compact = false);

/// A gap to the target with its sign and unit ("−0.30 个/千人", "+1.7 个百分点"); empty without a target.
std::string gap_text(const stats::Figure& figure, const nlohmann::json& strings);

/// The statistics page: key indicators against targets, the district table, charts with their
/// data tables and CSV links, and the breakdowns by class, type, ownership and fee.
nlohmann::json statistics_view(const stats::Statistics& statistics, const std::vector<stats::ChartSeries>& charts,
                               const nlohmann::json& strings);

/// The methodology page: every indicator's definition, unit, decimals and target with its source.
nlohmann::json methodology_view(const load::SiteConfig& config, const nlohmann::json& strings);

/// A district's key indicators and its streets' table, for the district page; null if the district has no figures.
nlohmann::json district_statistics_view(const stats::Statistics& statistics, const std::string& district_code,
                                        const nlohmann::json& strings);

}  // namespace tuoyu::render
