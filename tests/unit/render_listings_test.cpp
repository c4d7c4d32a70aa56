#include <doctest/doctest.h>

#include <string>

#include "model/site_model.h"
#include "render/listings.h"

using namespace tuoyu;

namespace {

model::Institution member(const std::string& id, const std::string& name, const std::string& street, bool inclusive = false,
                          const std::string& status = "运营中", const std::string& type = "托育中心") {
  model::Institution inst;
  inst.id = id;
  inst.name = name;
  inst.district_code = "990101";
  inst.street = street;
  inst.inclusive = inclusive;
  inst.status = status;
  inst.type = type;
  return inst;
}

model::SiteModel site_with(std::vector<model::Institution> institutions) {
  model::SiteModel site;
  site.areas = {{"990101", "青石区", "", 712000, std::nullopt, std::nullopt},
                {"990101001", "青石街道", "990101", 1000, std::nullopt, std::nullopt},
                {"990101002", "文昌街道", "990101", 1000, std::nullopt, std::nullopt}};
  site.institutions = std::move(institutions);
  return site;
}

}  // namespace

TEST_CASE("render::build_listings orders members by pinyin and leaves closed institutions out") {
  const auto site = site_with({member("a", "张家托育", "青石街道", true), member("b", "安吉托育", "青石街道", true),
                               member("c", "北景托育", "文昌街道", false, "已停办"), member("d", "东新托育", "文昌街道", true)});
  const auto listings = render::build_listings(site);
  REQUIRE(listings.inclusive.members.size() == 3);
  CHECK(listings.inclusive.members[0]->name == "安吉托育");
  CHECK(listings.inclusive.members[1]->name == "东新托育");
  CHECK(listings.inclusive.members[2]->name == "张家托育");
  REQUIRE(listings.districts.size() == 1);
  CHECK(listings.districts[0].count == 3);
}

TEST_CASE("render::build_listings files streets under their area codes, unknown streets after them, the unnamed last") {
  const auto site = site_with({member("a", "甲", ""), member("b", "乙", "外来街道"), member("c", "丙", "文昌街道"), member("d", "丁", "青石街道")});
  const auto listings = render::build_listings(site);
  REQUIRE(listings.districts.size() == 1);
  const auto& streets = listings.districts[0].streets;
  REQUIRE(streets.size() == 4);
  CHECK(streets[0].stem == "streets/990101001");
  CHECK(streets[1].stem == "streets/990101002");
  CHECK(streets[2].stem == "streets/990101-s1");
  CHECK(streets[2].key == "外来街道");
  CHECK(streets[3].stem == "streets/990101-other");
}

TEST_CASE("render::Listing pages hold at most 50 institutions and name page n as stem-n.html") {
  std::vector<model::Institution> many;
  for (int i = 0; i < 101; ++i) many.push_back(member("id" + std::to_string(i), "托育" + std::to_string(i), "青石街道", true));
  const auto site = site_with(many);
  const auto listings = render::build_listings(site);
  CHECK(listings.inclusive.pages() == 3);
  CHECK(listings.inclusive.page_path(1) == "lists/inclusive.html");
  CHECK(listings.inclusive.page_path(3) == "lists/inclusive-3.html");
  render::Listing empty;
  CHECK(empty.pages() == 1);
}

TEST_CASE("render::type_slug gives every institution type an ASCII file name") {
  CHECK(render::type_slug("托育中心") == "center");
  CHECK(render::type_slug("幼儿园托班") == "kindergarten");
  CHECK(render::type_slug("社区托育点") == "community");
  CHECK(render::type_slug("用人单位办托") == "employer");
  CHECK(render::type_slug("家庭托育点") == "home");
}
