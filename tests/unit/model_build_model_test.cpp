#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "load/table_schema.h"
#include "model/build_model.h"
#include "test_support.h"

using namespace tuoyu;
using test::minimal_institution;
using test::with;

namespace {

const std::string kAreas =
    "code,name,parent_code,population,longitude,latitude\n"
    "990102,枫林区,,500000,,\n"
    "990101,青石区,,712000,112.985000,28.2\n"
    "990101001,青石街道,990101,102798,,\n";

const std::string kFees =
    "institution_id,service,class,item,amount,unit,prepay_months,effective_from\n"
    "sl-0002,全日托,托小班,保育费,\"2,800.50\",月,1,2025/3/1\n"
    "sl-0001,计时托,,保育费,38,小时,,\n"
    "sl-0002,全日托,,伙食费,390,月,,\n";


/// Every string of an institution as the model holds it, joined, to search for a value anywhere.
std::string all_text(const model::Institution& inst) {
  std::string out = inst.id + "|" + inst.name + "|" + inst.uscc + "|" + inst.district_code + "|" + inst.district_name + "|" +
                    inst.street + "|" + inst.address + "|" + inst.type + "|" + inst.ownership + "|" + inst.status + "|" +
                    inst.filing_status + "|" + inst.filing_date + "|" + inst.hours + "|" + inst.phone + "|" + inst.area_m2 + "|" +
                    inst.rating + "|" + inst.updated + "|" + inst.note;
  for (const auto& service : inst.services) out += "|" + service;
  for (const auto& [title, value] : inst.extra) out += "|" + title + "=" + value;
  return out;
}

}  // namespace

TEST_CASE("model::build_site_model copies every public field of an institution with its typed value") {
  test::Register reg;
  reg.add("areas", kAreas);
  reg.add("institutions",
          test::institutions_csv({with(minimal_institution(), {{"uscc", "91350100M000100Y43"},
                                                               {"street", "青石街道"},
                                                               {"longitude", "112.931167"},
                                                               {"latitude", "28.22567"},
                                                               {"inclusive", "否"},
                                                               {"filing_date", "2022/3/12"},
                                                               {"places_12_24m", "10"},
                                                               {"enrolled", "12"},
                                                               {"age_min_months", "12"},
                                                               {"age_max_months", "36"},
                                                               {"services", "全日托、计时托"},
                                                               {"phone", "13800138000"},
                                                               {"area_m2", "598.70"},
                                                               {"updated", "2025-06-01"}})}));
  const auto site = model::build_site_model(test::minimal_config(), reg.tables, {});
  REQUIRE(site.institutions.size() == 1);
  const auto& inst = site.institutions[0];
  CHECK(inst.id == "sl-0001");
  CHECK(inst.uscc == "91350100M000100Y43");
  CHECK(inst.district_name == "青石区");
  CHECK(inst.street == "青石街道");
  REQUIRE(inst.location.has_value());
  CHECK(inst.location->longitude_text == "112.931167");
  CHECK(inst.location->latitude_text == "28.22567");
  CHECK(inst.location->crs == "GCJ02");  // the site default when the crs cell is empty
  CHECK_FALSE(inst.inclusive);
  CHECK(inst.filing_date == "2022-03-12");
  CHECK(inst.capacity == 30);
  CHECK_FALSE(inst.class_places[0].has_value());
  CHECK(inst.class_places[1] == 10);
  CHECK(inst.enrolled == 12);
  CHECK(inst.age_min_months == 12);
  CHECK(inst.services == std::vector<std::string>{"全日托", "计时托"});
  CHECK(inst.phone == "13800138000");
  CHECK(inst.area_m2 == "598.7");
  CHECK(inst.updated == "2025-06-01");
  CHECK(inst.extra.empty());
}

TEST_CASE("model::build_site_model never copies a private field, not even into extra, however many the schema declares") {
  // The repository's schema plus an office's own columns: one public, two more private.
  auto document = nlohmann::json::parse(test::schema_text("institutions"));
  document["fields"].push_back({{"name", "website"}, {"title", "网址"}, {"type", "string"}});
  document["fields"].push_back({{"name", "director_id"}, {"title", "负责人身份证号"}, {"type", "string"}, {"private", true}});
  document["fields"].push_back({{"name", "inspection_note"}, {"title", "检查记录"}, {"type", "string"}, {"private", true}});
  core::Diagnostics diagnostics;
  const auto schema = load::parse_table_schema(document.dump(), "institutions", "institutions.schema.json", diagnostics);
  REQUIRE(schema.has_value());

  const std::string csv = test::institutions_csv({with(minimal_institution(), {{"operator_mobile", "13900007107"},
                                                                              {"website", "https://sun.example.cn"},
                                                                              {"director_id", "110101199003070011"},
                                                                              {"inspection_note", "消防通道堵塞"}})});
  const auto parsed = load::parse_csv(csv, "data/institutions.csv", diagnostics);
  validate::Tables tables;
  tables["institutions"] = validate::validate_table(parsed, *schema, "data/institutions.csv", diagnostics);
  INFO(test::dump(diagnostics));
  REQUIRE(diagnostics.entries().empty());

  const auto site = model::build_site_model(test::minimal_config(), tables, {});
  REQUIRE(site.institutions.size() == 1);
  const auto& inst = site.institutions[0];
  REQUIRE(inst.extra.size() == 1);
  CHECK(inst.extra[0].first == "网址");
  CHECK(inst.extra[0].second == "https://sun.example.cn");
  const std::string text = all_text(inst);
  for (const char* secret : {"13900007107", "110101199003070011", "消防通道堵塞", "举办者手机", "负责人身份证号", "检查记录"}) {
    INFO("secret " << secret);
    CHECK(text.find(secret) == std::string::npos);
  }
}

TEST_CASE("model::build_site_model sorts institutions by id and areas by code") {
  test::Register reg;
  reg.add("areas", kAreas);
  reg.add("institutions", test::institutions_csv({minimal_institution("sl-0003"), minimal_institution("sl-0001"),
                                                  minimal_institution("sl-0010"), minimal_institution("sl-0002")}));
  const auto site = model::build_site_model(test::minimal_config(), reg.tables, {});
  REQUIRE(site.institutions.size() == 4);
  CHECK(site.institutions[0].id == "sl-0001");
  CHECK(site.institutions[1].id == "sl-0002");
  CHECK(site.institutions[2].id == "sl-0003");
  CHECK(site.institutions[3].id == "sl-0010");
  REQUIRE(site.areas.size() == 3);
  CHECK(site.areas[0].code == "990101");
  CHECK(site.areas[1].code == "990101001");
  CHECK(site.areas[2].code == "990102");
  REQUIRE(site.areas[0].centroid.has_value());
  CHECK(site.areas[0].centroid->latitude_text == "28.2");
  CHECK(site.areas[0].population == 712000);
  CHECK(site.find_area("990102") == &site.areas[2]);
  CHECK(site.find_area("990199") == nullptr);
}

TEST_CASE("model::build_site_model skips rows marked invalid") {
  const auto checked = test::check_csv(
      "institutions", test::institutions_csv({minimal_institution("sl-0001"), with(minimal_institution("sl-0002"), {{"capacity", "三十"}}),
                                              minimal_institution("sl-0003")}));
  REQUIRE(checked.diagnostics.error_count() == 1);
  validate::Tables tables;
  tables["institutions"] = checked.table;
  tables["institutions"].rows[2].valid = false;  // as a later check would mark it
  const auto site = model::build_site_model(test::minimal_config(), tables, {});
  REQUIRE(site.institutions.size() == 1);
  CHECK(site.institutions[0].id == "sl-0001");
}

TEST_CASE("model::build_site_model attaches fees to their institution in register order") {
  test::Register reg;
  reg.add("institutions", test::institutions_csv({minimal_institution("sl-0002"), minimal_institution("sl-0001")}));
  reg.add("fees", kFees + "sl-0404,全日托,,保育费,100,月,,\n");
  reg.tables.at("fees").rows.at(2).valid = false;  // the 伙食费 row of sl-0002
  const auto site = model::build_site_model(test::minimal_config(), reg.tables, {});
  REQUIRE(site.institutions.size() == 2);
  const auto& first = site.institutions[0];
  const auto& second = site.institutions[1];
  REQUIRE(first.fees.size() == 1);
  CHECK(first.fees[0].service == "计时托");
  CHECK(first.fees[0].class_name.empty());
  CHECK(first.fees[0].unit == "小时");
  CHECK_FALSE(first.fees[0].prepay_months.has_value());
  REQUIRE(second.fees.size() == 1);
  const auto& fee = second.fees[0];
  CHECK(fee.class_name == "托小班");
  CHECK(fee.item == "保育费");
  CHECK(fee.amount == "2800.5");
  CHECK(fee.amount_value == doctest::Approx(2800.5));
  CHECK(fee.prepay_months == 1);
  CHECK(fee.effective_from == "2025-03-01");
}

TEST_CASE("model::build_site_model sorts articles by slug and keeps the configuration") {
  model::Article b;
  b.slug = "sleep";
  model::Article a;
  a.slug = "feeding";
  const auto site = model::build_site_model(test::minimal_config(), {}, {b, a});
  REQUIRE(site.articles.size() == 2);
  CHECK(site.articles[0].slug == "feeding");
  CHECK(site.articles[1].slug == "sleep");
  CHECK(site.config.title == "示例");
  CHECK(site.institutions.empty());
}

TEST_CASE("model::build_site_model leaves out a field the model knows by name once the schema marks it private") {
  const auto& schema = test::changed_schema("institutions", [](nlohmann::json& document) {
    for (const char* name : {"phone", "address", "enrolled", "services", "inclusive", "latitude", "capacity"}) {
      test::json_field(document, name)["private"] = true;
    }
  });
  test::Register reg;
  reg.add("areas", kAreas);
  reg.add("institutions", test::institutions_csv({with(minimal_institution(), {{"address", "书院路88号"},
                                                                               {"phone", "0731-88886666"},
                                                                               {"enrolled", "12"},
                                                                               {"services", "全日托、计时托"},
                                                                               {"longitude", "112.931167"},
                                                                               {"latitude", "28.22567"},
                                                                               {"hours", "周一至周五"}})}),
          schema);
  const auto site = model::build_site_model(test::minimal_config(), reg.tables, {});
  REQUIRE(site.institutions.size() == 1);
  const auto& inst = site.institutions[0];
  CHECK(inst.phone.empty());
  CHECK(inst.address.empty());
  CHECK_FALSE(inst.enrolled.has_value());
  CHECK(inst.services.empty());
  CHECK_FALSE(inst.inclusive);  // 是 in the register
  CHECK_FALSE(inst.location.has_value());  // half a coordinate is no place
  CHECK(inst.capacity == 0);
  CHECK(inst.extra.empty());
  const std::string text = all_text(inst);
  for (const char* secret : {"书院路88号", "0731-88886666", "88886666", "计时托", "112.931167"}) {
    INFO("secret " << secret);
    CHECK(text.find(secret) == std::string::npos);
  }
  // Public fields next to them are still copied.
  CHECK(inst.hours == "周一至周五");
  CHECK(inst.name == "阳光托育中心");
}
