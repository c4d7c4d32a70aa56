#include "stats/chart_series.h"

namespace tuoyu::stats {
namespace {

ChartSeries by_district(const Statistics& statistics, std::string id, const std::string& indicator) {
  ChartSeries series{std::move(id), indicator, {}, std::nullopt};
  if (const Figure* whole = statistics.site().find(indicator)) series.target = whole->target;
  for (const auto& area : statistics.areas) {
    if (area.level != AreaLevel::district) continue;
    series.points.push_back({area.code, area.name, area.find(indicator)});
  }
  return series;
}

}  // namespace

std::vector<ChartSeries> chart_series(const Statistics& statistics) {
  std::vector<ChartSeries> out;
  out.push_back(by_district(statistics, "places-per-1000-by-district", "places_per_1000"));
  out.push_back(by_district(statistics, "inclusive-share-by-district", "inclusive_share"));
  ChartSeries classes{"places-by-class", "places_by_class", {}, std::nullopt};
  for (const auto& f : statistics.site().figures) {
    if (f.indicator == "places_by_class") classes.points.push_back({f.category, f.category, &f});
  }
  out.push_back(std::move(classes));
  return out;
}

}  // namespace tuoyu::stats
