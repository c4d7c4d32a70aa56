#pragma once
#include <optional>
#include <string>
#include <vector>

#include "stats/indicators.h"

namespace tuoyu::stats {

/// One bar of a published chart: an area or a category and its figure.
struct SeriesPoint {
  std::string code;  ///< Area code, or the category for a breakdown.
  std::string name;
  const Figure* figure = nullptr;
};

/// The data behind one chart of the statistics page (also published as data/charts/<id>.csv).
struct ChartSeries {
  std::string id;         ///< e.g. "places-per-1000-by-district".
  std::string indicator;
  std::vector<SeriesPoint> points;
  std::optional<FixedDecimal> target;
};

/// The statistics page's charts: places per 1,000 and inclusive share by district (against their
/// targets) and the site's places by class. Points refer into `statistics`, which must outlive them.
std::vector<ChartSeries> chart_series(const Statistics& statistics);

}  // namespace tuoyu::stats
