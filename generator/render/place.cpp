#include "render/place.h"

#include <nlohmann/json.hpp>
#include <regex>

#include "core/text.h"

namespace tuoyu::render {
namespace {

using nlohmann::json;

/// JSON text that cannot close a <script> element or start markup inside it.
std::string script_safe(const json& value) {
  const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

PublicPlace public_place(const model::Institution& inst, const load::SiteConfig& config) {
  PublicPlace place;
  const bool private_home = inst.type == "家庭托育点" && !config.home_settings_exact;
  place.address = private_home ? std::string() : inst.address;
  if (inst.location) {
    const auto datum = geo::parse_datum(inst.location->crs).value_or(geo::Datum::gcj02);
    geo::LonLat gcj = geo::convert({inst.location->longitude, inst.location->latitude}, datum, geo::Datum::gcj02);
    if (private_home) {
      gcj = geo::coarsen(gcj, kHomeSettingCellMetres);
      place.coarsened = true;
    }
    place.gcj02 = gcj;
  }
  return place;
}

std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::vector<MapLink> map_links(const PublicPlace& place, const std::string& name, const std::vector<std::string>& providers) {
  std::vector<MapLink> links;
  if (!place.gcj02) return links;
  const std::string label = url_encode(name);
  const std::string lon = geo::format_degrees(place.gcj02->lon, 6);
  const std::string lat = geo::format_degrees(place.gcj02->lat, 6);
  for (const auto& provider : providers) {
    if (provider == "amap") {
      links.push_back({provider, "https://uri.amap.com/marker?position=" + lon + "," + lat + "&name=" + label + "&coordinate=gaode&callnative=0"});
    } else if (provider == "tencent") {
      links.push_back({provider, "https://apis.map.qq.com/uri/v1/marker?marker=coord:" + lat + "," + lon + ";title:" + label + "&referer=tuoyu"});
    } else if (provider == "baidu") {
      const geo::LonLat bd = geo::gcj02_to_bd09(*place.gcj02);
      links.push_back({provider, "https://api.map.baidu.com/marker?location=" + geo::format_degrees(bd.lat, 6) + "," + geo::format_degrees(bd.lon, 6) +
                                     "&title=" + label + "&content=" + label + "&output=html&coord_type=bd09ll"});
    }
  }
  return links;
}

std::string opening_hours_spec(const std::string& hours) {
  static const std::vector<std::pair<std::string, std::string>> kDays = {
      {"一", "Mo"}, {"二", "Tu"}, {"三", "We"}, {"四", "Th"}, {"五", "Fr"}, {"六", "Sa"}, {"日", "Su"}, {"天", "Su"}};
  // std::regex matches bytes, so multi-byte characters are alternatives, never a [bracket] class.
  static const std::regex pattern(R"(周(一|二|三|四|五|六|日|天)\s*(?:至|到|-|~|—|–)\s*周(一|二|三|四|五|六|日|天)\s*(\d{1,2}):(\d{2})\s*(?:-|~|—|–|至|到)\s*(\d{1,2}):(\d{2}))");
  const std::string text = core::nfkc(hours);
  std::smatch m;
  if (!std::regex_search(text, m, pattern)) return {};
  auto day = [](const std::string& zh) {
    for (const auto& [k, v] : kDays) {
      if (k == zh) return v;
    }
    return std::string();
  };
  auto two = [](const std::string& digits) { return digits.size() == 1 ? "0" + digits : digits; };
  return day(m[1]) + "-" + day(m[2]) + " " + two(m[3]) + ":" + m[4].str() + "-" + two(m[5]) + ":" + m[6].str();
}

std::string structured_data(const model::Institution& inst, const PublicPlace& place, const model::SiteModel& site,
                            const std::string& page_url) {
  json data = {{"@context", "https://schema.org"}, {"@type", "ChildCare"}, {"name", inst.name}};
  if (!page_url.empty()) data["url"] = page_url;
  json address = {{"@type", "PostalAddress"}, {"addressCountry", "CN"}};
  if (!place.address.empty()) address["streetAddress"] = place.address;
  if (!inst.district_name.empty()) address["addressLocality"] = inst.district_name;
  if (!site.config.region.empty()) address["addressRegion"] = site.config.region;
  data["address"] = address;
  if (place.gcj02) {
    const geo::LonLat wgs = geo::gcj02_to_wgs84(*place.gcj02);
    data["geo"] = {{"@type", "GeoCoordinates"},
                   {"latitude", json::parse(geo::format_degrees(wgs.lat, 6))},
                   {"longitude", json::parse(geo::format_degrees(wgs.lon, 6))}};
  }
  if (!inst.phone.empty()) data["telephone"] = inst.phone;
  if (const std::string spec = opening_hours_spec(inst.hours); !spec.empty()) data["openingHours"] = spec;
  data["maximumAttendeeCapacity"] = inst.capacity;
  if (!inst.uscc.empty()) data["identifier"] = inst.uscc;
  json offers = json::array();
  for (const auto& fee : inst.fees) {
    offers.push_back({{"@type", "Offer"},
                      {"name", fee.service + (fee.class_name.empty() ? "" : " " + fee.class_name) + " " + fee.item},
                      {"priceSpecification",
                       {{"@type", "UnitPriceSpecification"}, {"price", fee.amount}, {"priceCurrency", "CNY"}, {"unitText", fee.unit}}}});
  }
  if (!offers.empty()) data["makesOffer"] = offers;
  return script_safe(data);
}

}  // namespace tuoyu::render
