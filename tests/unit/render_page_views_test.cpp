#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "model/build_model.h"
#include "model/site_model.h"
#include "render/page_views.h"
#include "test_support.h"

using namespace tuoyu;
using nlohmann::json;

namespace {

const json kChinese = {{"lang", "zh-CN"},         {"class_6_12m", "乳儿班"}, {"class_12_24m", "托小班"},
                       {"class_24_36m", "托大班"}, {"all_classes", "不分班型"}};
const json kEnglish = {{"lang", "en"}, {"class_6_12m", "Infant class"}, {"all_classes", "All classes"}};

model::SiteModel sample_site(const std::string& base_path = "/tuoyu/") {
  model::SiteModel site;
  site.config.title = "示例市托育";
  site.config.title_en = "Example City childcare";
  site.config.base_path = base_path;
  site.config.data_date = "2025-06-30";
  site.areas.push_back({"990101", "青石区", "", 712000, std::nullopt, std::nullopt});
  return site;
}

model::Institution institution(const std::string& id, const std::string& type = "托育中心") {
  model::Institution inst;
  inst.id = id;
  inst.name = "阳光托育中心";
  inst.type = type;
  inst.district_code = "990101";
  inst.district_name = "青石区";
  inst.street = "青石街道";
  inst.address = "书院路1号";
  inst.status = "运营中";
  inst.filing_status = "已备案";
  inst.capacity = 30;
  return inst;
}

model::Fee fee(const std::string& service, const std::string& class_name, const std::string& item, const std::string& amount) {
  model::Fee out;
  out.service = service;
  out.class_name = class_name;
  out.item = item;
  out.amount = amount;
  out.unit = "月";
  return out;
}

}  // namespace

TEST_CASE("render::age_in_words says months below a year and whole years in years, in Chinese and English") {
  CHECK(render::age_in_words(6, true) == "6个月");
  CHECK(render::age_in_words(24, true) == "2岁");
  CHECK(render::age_in_words(18, true) == "18个月");
  CHECK(render::age_in_words(0, true) == "0个月");
  CHECK(render::age_in_words(12, false) == "1 year");
  CHECK(render::age_in_words(36, false) == "3 years");
  CHECK(render::age_in_words(18, false) == "18 months");
  CHECK(render::age_in_words(1, false) == "1 month");
}

TEST_CASE("render::institution_view shows the address of a centre but hides the address of a 家庭托育点") {
  const auto site = sample_site();
  CHECK(render::institution_view(site, institution("sl-0001"), kChinese)["address"] == "书院路1号");
  const auto home = render::institution_view(site, institution("sl-0002", "家庭托育点"), kChinese);
  CHECK(home["address"] == "");
  CHECK(home["street"] == "青石街道");  // a family can still tell where it is
  CHECK(home.dump().find("书院路1号") == std::string::npos);
}

TEST_CASE("render::institution_view never includes a private field of the register") {
  test::Register reg;
  reg.add("institutions", test::institutions_csv({test::with(test::minimal_institution(),
                                                             {{"operator_mobile", "13900007107"}, {"phone", "0799-84223894"}})}));
  load::SiteConfig config;
  const auto site = model::build_site_model(config, reg.tables, {});
  REQUIRE(site.institutions.size() == 1);
  const std::string dumped = render::institution_view(site, site.institutions[0], kChinese).dump();
  CHECK(dumped.find("13900007107") == std::string::npos);
  CHECK(dumped.find("operator_mobile") == std::string::npos);
  CHECK(dumped.find("举办者手机") == std::string::npos);
  CHECK(dumped.find("0799-84223894") != std::string::npos);
}

TEST_CASE("render::institution_view counts free places as capacity minus enrolled, never below zero") {
  const auto site = sample_site();
  auto inst = institution("sl-0001");
  const auto unknown = render::institution_view(site, inst, kChinese);
  CHECK_FALSE(unknown.contains("free_places"));
  CHECK_FALSE(unknown.contains("has_free_places_figure"));
  inst.enrolled = 22;
  const auto view = render::institution_view(site, inst, kChinese);
  CHECK(view["free_places"] == 8);
  CHECK(view["enrolled"] == 22);
  CHECK(view["has_free_places_figure"] == true);
  inst.enrolled = 35;
  CHECK(render::institution_view(site, inst, kChinese)["free_places"] == 0);
}

TEST_CASE("render::institution_view groups fees by service in order of first appearance") {
  const auto site = sample_site();
  auto inst = institution("sl-0001");
  inst.fees = {fee("全日托", "托小班", "保育费", "1770"), fee("计时托", "", "保育费", "38"), fee("全日托", "", "伙食费", "390")};
  inst.fees[0].prepay_months = 3;
  const auto view = render::institution_view(site, inst, kChinese);
  CHECK(view["has_fees"] == true);
  const auto& groups = view["fee_groups"];
  REQUIRE(groups.size() == 2);
  CHECK(groups[0]["service"] == "全日托");
  REQUIRE(groups[0]["rows"].size() == 2);
  CHECK(groups[0]["rows"][0]["item"] == "保育费");
  CHECK(groups[0]["rows"][0]["class"] == "托小班");
  CHECK(groups[0]["rows"][0]["amount"] == "1770");
  CHECK(groups[0]["rows"][0]["prepay"] == "3");
  CHECK(groups[0]["rows"][1]["item"] == "伙食费");
  CHECK(groups[0]["rows"][1]["class"] == "不分班型");
  CHECK_FALSE(groups[0]["rows"][1].contains("prepay"));
  CHECK(groups[1]["service"] == "计时托");
  CHECK(groups[1]["rows"].size() == 1);
  CHECK(render::institution_view(site, institution("sl-0002"), kChinese)["has_fees"] == false);
}

TEST_CASE("render::institution_view words ages, classes, services and a dialable phone link") {
  const auto site = sample_site();
  auto inst = institution("sl-0001");
  inst.age_min_months = 6;
  inst.age_max_months = 36;
  inst.class_places = {5, std::nullopt, 20};
  inst.services = {"全日托", "计时托"};
  inst.phone = "0799-84223894转12";
  const auto view = render::institution_view(site, inst, kChinese);
  CHECK(view["ages"] == "6个月—3岁");
  CHECK(render::institution_view(site, inst, kEnglish)["ages"] == "6 months—3 years");
  CHECK(view["services"] == "全日托、计时托");
  REQUIRE(view["classes"].size() == 2);
  CHECK(view["classes"][0]["label"] == "乳儿班");
  CHECK(view["classes"][0]["places"] == 5);
  CHECK(view["classes"][1]["label"] == "托大班");
  CHECK(view["has_classes"] == true);
  CHECK(view["phone_href"] == "tel:079984223894,12");  // the extension after a pause, not glued on
  inst.phone = "13800138000";
  CHECK(render::institution_view(site, inst, kChinese)["phone_href"] == "tel:13800138000");
}

TEST_CASE("render::home_view groups listed institutions by district and links the lists") {
  auto site = sample_site("/tuoyu/");
  auto open = institution("sl-0001");
  open.inclusive = true;
  auto other = institution("sl-0002");
  other.capacity = 70;
  auto planned = institution("sl-0003");
  planned.status = "筹建中";
  auto closed = institution("sl-0004");
  closed.status = "已停办";
  auto elsewhere = institution("sl-0005");
  elsewhere.district_code = "990199";
  elsewhere.status = "暂停";
  site.institutions = {open, other, planned, closed, elsewhere};
  const auto listings = render::build_listings(site);
  const auto view = render::home_view(site, listings);
  REQUIRE(view["districts"].size() == 2);
  CHECK(view["districts"][0]["name"] == "青石区");
  CHECK(view["districts"][0]["count"] == 3);  // the closed one is not listed
  CHECK(view["districts"][0]["url"] == "districts/990101.html");  // relative to the language root
  CHECK(view["districts"][1]["name"] == "990199");  // no area row: the code stands in
  CHECK(view["inclusive_count"] == 1);
  CHECK(view["has_articles"] == false);
}

TEST_CASE("render::site_view picks the title for the interface language") {
  const auto site = sample_site();
  CHECK(render::site_view(site, kChinese)["title"] == "示例市托育");
  CHECK(render::site_view(site, kEnglish)["title"] == "Example City childcare");
  CHECK(render::site_view(site, kEnglish)["lang"] == "en");
}

TEST_CASE("render::root_prefix leads from a page back to the site root") {
  CHECK(render::root_prefix("index.html").empty());
  CHECK(render::root_prefix("guide/sleep.html") == "../");
  CHECK(render::root_prefix("institutions/sl-0001.html") == "../");
  CHECK(render::root_prefix("a/b/c.html") == "../../");
}

TEST_CASE("render::guide_index_view and article_view link and describe articles") {
  auto site = sample_site("/");
  model::Article article;
  article.slug = "sleep";
  article.title = "睡眠";
  article.age_min_months = 0;
  article.age_max_months = 12;
  article.body_html = "<p>正文</p>";
  site.articles = {article};
  const auto index = render::guide_index_view(site, kChinese);
  REQUIRE(index["topics"].size() == 1);
  REQUIRE(index["topics"][0]["articles"].size() == 1);
  CHECK(index["topics"][0]["articles"][0]["url"] == "guide/sleep.html");
  CHECK(index["topics"][0]["articles"][0]["ages"] == "0个月—1岁");
  const auto view = render::article_view(site, article, kEnglish);
  CHECK(view["ages"] == "0 months—1 year");
  CHECK(view["body"] == "<p>正文</p>");
}
