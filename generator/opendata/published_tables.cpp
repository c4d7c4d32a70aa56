#include "opendata/published_tables.h"

#include "geo/coordinates.h"
#include "render/place.h"

namespace tuoyu::opendata {

std::string withheld_address(const model::Institution& institution) {
  const std::string area = institution.street.empty() ? institution.district_name : institution.street;
  return area + "（家庭托育点，详细地址不公开）";
}

model::PublicTable published_table(const model::SiteModel& site, const std::string& name) {
  const auto it = site.public_tables.find(name);
  if (it == site.public_tables.end()) return {};
  model::PublicTable table = it->second;
  if (name != "institutions") return table;
  const auto column = [&table](std::string_view field) { return table.schema.find_name(field); };
  const auto address = column("address");
  const auto longitude = column("longitude");
  const auto latitude = column("latitude");
  const auto crs = column("crs");
  for (std::size_t i = 0; i < table.rows.size() && i < site.institutions.size(); ++i) {
    const model::Institution& inst = site.institutions[i];
    const render::PublicPlace place = render::public_place(inst, site.config);
    auto& row = table.rows[i];
    if (address && place.address.empty()) row[*address] = withheld_address(inst);
    if (!place.coarsened || !place.gcj02) continue;
    if (longitude) row[*longitude] = geo::format_degrees(place.gcj02->lon, 6);
    if (latitude) row[*latitude] = geo::format_degrees(place.gcj02->lat, 6);
    if (crs) row[*crs] = "GCJ02";
  }
  return table;
}

}  // namespace tuoyu::opendata
