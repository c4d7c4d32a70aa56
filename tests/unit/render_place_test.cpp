#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "geo/coordinates.h"
#include "render/place.h"

using namespace tuoyu;

namespace {

model::Institution located(const std::string& type, double lon, double lat, const std::string& crs = "GCJ02") {
  model::Institution inst;
  inst.id = "x";
  inst.name = "阳光<托育>";
  inst.type = type;
  inst.address = "书院路1号3单元501室";
  inst.district_name = "青石区";
  inst.location = model::Coordinates{lon, lat, crs, "", ""};
  inst.capacity = 40;
  return inst;
}

}  // namespace

TEST_CASE("render::public_place withholds a home-based setting's address and snaps its position to a 500 m grid") {
  load::SiteConfig config;
  const auto home = render::public_place(located("家庭托育点", 112.9512345, 28.2012345), config);
  CHECK(home.address.empty());
  REQUIRE(home.gcj02);
  CHECK(home.coarsened);
  CHECK(geo::distance_m(*home.gcj02, {112.9512345, 28.2012345}) <= 500 * 0.7072);
  const auto nearby = render::public_place(located("家庭托育点", 112.9512399, 28.2012399), config);
  CHECK(nearby.gcj02->lon == home.gcj02->lon);  // neighbours in one cell are indistinguishable
  config.home_settings_exact = true;
  const auto allowed = render::public_place(located("家庭托育点", 112.9512345, 28.2012345), config);
  CHECK(allowed.address == "书院路1号3单元501室");
  CHECK_FALSE(allowed.coarsened);
}

TEST_CASE("render::public_place keeps other institutions exact and converts WGS-84 input to GCJ-02") {
  load::SiteConfig config;
  const auto centre = render::public_place(located("托育中心", 116.377817, 39.911954, "WGS84"), config);
  CHECK(centre.address == "书院路1号3单元501室");
  REQUIRE(centre.gcj02);
  // eviltransform's published vector: WGS84 (116.377817, 39.911954) → GCJ02 (116.38404722455657, 39.91334545536069).
  CHECK(centre.gcj02->lon == doctest::Approx(116.38404722455657).epsilon(1e-9));
  CHECK(centre.gcj02->lat == doctest::Approx(39.91334545536069).epsilon(1e-9));
}

TEST_CASE("render::map_links give AMap and Tencent GCJ-02 and Baidu BD-09, with the name URL-encoded") {
  render::PublicPlace place;
  place.gcj02 = geo::LonLat{116.404, 39.915};
  const auto links = render::map_links(place, "托育 A&B", {"amap", "tencent", "baidu"});
  REQUIRE(links.size() == 3);
  CHECK(links[0].url == "https://uri.amap.com/marker?position=116.404000,39.915000&name=%E6%89%98%E8%82%B2%20A%26B&coordinate=gaode&callnative=0");
  CHECK(links[1].url.find("coord:39.915000,116.404000;") != std::string::npos);
  // coordtransform's published vector: gcj02tobd09(116.404, 39.915) = (116.41036949371029, 39.92133699351021).
  CHECK(links[2].url.find("location=39.921337,116.410369&") != std::string::npos);
  CHECK(render::map_links(render::PublicPlace{}, "x", {"amap"}).empty());
}

TEST_CASE("render::structured_data describes a ChildCare in WGS-84 and cannot close its script element") {
  model::SiteModel site;
  site.config.region = "示例市";
  auto inst = located("托育中心", 116.38404722455657, 39.91334545536069);
  inst.uscc = "91350100M000100Y43";
  inst.phone = "0799-81234567";
  inst.hours = "周一至周五 7:30-17:30";
  inst.note = "</script><script>alert(1)</script>";
  model::Fee fee;
  fee.service = "全日托";
  fee.item = "保育费";
  fee.amount = "2200";
  fee.unit = "月";
  inst.fees.push_back(fee);
  const auto place = render::public_place(inst, site.config);
  const std::string text = render::structured_data(inst, place, site, "https://example.gov.cn/tuoyu/institutions/x.html");
  CHECK(text.find('<') == std::string::npos);
  CHECK(text.find('>') == std::string::npos);
  const auto data = nlohmann::json::parse(text);
  CHECK(data["@type"] == "ChildCare");
  CHECK(data["name"] == "阳光<托育>");
  CHECK(data["identifier"] == "91350100M000100Y43");
  CHECK(data["openingHours"] == "Mo-Fr 07:30-17:30");
  CHECK(data["maximumAttendeeCapacity"] == 40);
  CHECK(data["geo"]["longitude"].get<double>() == doctest::Approx(116.377817).epsilon(1e-8));
  CHECK(data["geo"]["latitude"].get<double>() == doctest::Approx(39.911954).epsilon(1e-8));
  CHECK(data["makesOffer"][0]["priceSpecification"]["priceCurrency"] == "CNY");
  CHECK(data["makesOffer"][0]["priceSpecification"]["price"] == "2200");
  CHECK(data["address"]["streetAddress"] == "书院路1号3单元501室");
}

TEST_CASE("render::opening_hours_spec reads common Chinese forms and gives up on others") {
  CHECK(render::opening_hours_spec("周一至周五 7:30-17:30") == "Mo-Fr 07:30-17:30");
  CHECK(render::opening_hours_spec("周一到周六 ８:００—１８:００") == "Mo-Sa 08:00-18:00");
  CHECK(render::opening_hours_spec("工作日全天").empty());
}
