#pragma once
#include <optional>
#include <string>
#include <vector>

#include "geo/coordinates.h"
#include "load/site_config.h"
#include "model/site_model.h"

namespace tuoyu::render {

/// Where an institution may be shown to the public: its address line and position, after the
/// privacy rule for home-based settings (家庭托育点: street only, position on a ~500 m grid).
struct PublicPlace {
  std::string address;                ///< Empty when it must not be published.
  std::optional<geo::LonLat> gcj02;   ///< Position in GCJ-02, possibly coarsened.
  bool coarsened = false;
};

/// Size of the grid a home-based setting's position is snapped to, in metres.
inline constexpr double kHomeSettingCellMetres = 500;

/// Applies the publication rules to one institution's address and coordinates.
PublicPlace public_place(const model::Institution& institution, const load::SiteConfig& config);

/// A link to a map provider with the position converted to that provider's datum.
struct MapLink {
  std::string provider;  ///< "amap", "tencent", "baidu"
  std::string url;
};

/// Links to the map providers configured in site.yaml (AMap and Tencent take GCJ-02, Baidu BD-09).
std::vector<MapLink> map_links(const PublicPlace& place, const std::string& name, const std::vector<std::string>& providers);

/// schema.org ChildCare JSON-LD for an institution, safe to place inside <script type="application/ld+json">
/// (every "<", ">" and "&" is escaped): name, address, WGS-84 geo, telephone, opening hours, capacity,
/// fees as offers in CNY, and the credit code as identifier.
std::string structured_data(const model::Institution& institution, const PublicPlace& place, const model::SiteModel& site,
                            const std::string& page_url);

/// "Mo-Fr 07:30-17:30" from common Chinese forms ("周一至周五 7:30-17:30"); empty when not recognised.
std::string opening_hours_spec(const std::string& hours);

/// Percent-encodes text for a URL query value (UTF-8 bytes; unreserved characters kept).
std::string url_encode(const std::string& text);

}  // namespace tuoyu::render
