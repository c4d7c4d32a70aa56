#pragma once
#include <string>

#include "model/site_model.h"

namespace tuoyu::opendata {

/// The institutions with a public position as an RFC 7946 FeatureCollection: WGS-84 [lon, lat]
/// rounded to 6 decimals (converted from GCJ-02 or BD-09), home-based settings on their ~500 m cell.
std::string institutions_geojson(const model::SiteModel& site);

}  // namespace tuoyu::opendata
