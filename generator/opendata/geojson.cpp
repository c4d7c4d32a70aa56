#include "opendata/geojson.h"

#include <charconv>

#include "geo/coordinates.h"
#include "opendata/published_tables.h"
#include "opendata/table_json.h"
#include "render/page_views.h"
#include "render/place.h"

namespace tuoyu::opendata {
namespace {

using json = nlohmann::ordered_json;

/// A coordinate rounded to 6 decimals, as the double whose shortest form is that text.
double six_decimals(double degrees) {
  const std::string text = geo::format_degrees(degrees, 6);
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

/// The public position in WGS-84: from the register's own datum, or from the coarsened GCJ-02 cell.
geo::LonLat wgs84_position(const model::Institution& inst, const render::PublicPlace& place) {
  if (place.coarsened) return geo::convert(*place.gcj02, geo::Datum::gcj02, geo::Datum::wgs84);
  const auto datum = geo::parse_datum(inst.location->crs).value_or(geo::Datum::gcj02);
  return geo::convert({inst.location->longitude, inst.location->latitude}, datum, geo::Datum::wgs84);
}

}  // namespace

std::string institutions_geojson(const model::SiteModel& site) {
  json features = json::array();
  for (const auto& inst : site.institutions) {
    const render::PublicPlace place = render::public_place(inst, site.config);
    if (!place.gcj02 || !inst.location) continue;
    const geo::LonLat wgs = wgs84_position(inst, place);
    json properties = {{"id", inst.id},
                       {"name", inst.name},
                       {"type", inst.type},
                       {"ownership", inst.ownership},
                       {"inclusive", inst.inclusive},
                       {"status", inst.status},
                       {"district_code", inst.district_code},
                       {"district_name", inst.district_name},
                       {"street", inst.street},
                       {"address", place.address.empty() ? withheld_address(inst) : place.address},
                       {"capacity", inst.capacity},
                       {"position_approximate_m", place.coarsened ? json(static_cast<int>(render::kHomeSettingCellMetres)) : json(nullptr)},
                       {"page", site.config.base_url + render::institution_url(inst.id)}};
    features.push_back({{"type", "Feature"},
                        {"id", inst.id},
                        {"geometry", {{"type", "Point"}, {"coordinates", {six_decimals(wgs.lon), six_decimals(wgs.lat)}}}},
                        {"properties", std::move(properties)}});
  }
  return json_text(json{{"type", "FeatureCollection"}, {"features", std::move(features)}}, false);
}

}  // namespace tuoyu::opendata
