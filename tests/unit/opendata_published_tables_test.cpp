#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "model/build_model.h"
#include "opendata/data_package.h"
#include "opendata/geojson.h"
#include "opendata/published_tables.h"
#include "opendata/table_json.h"
#include "test_support.h"

using namespace tuoyu;
using test::minimal_institution;
using test::with;

namespace {

const std::string kAreas = "code,name,parent_code,population\n990101,青石区,,712000\n990101001,青石街道,990101,100000\n";


/// A register of a centre and a home-based setting, both with exact positions and a private mobile.
model::SiteModel two_institutions(const load::SiteConfig& site_config = test::minimal_config()) {
  test::Register reg;
  reg.add("areas", kAreas);
  reg.add("institutions", test::institutions_csv({
                              with(minimal_institution("a1"), {{"street", "青石街道"}, {"longitude", "112.931167"}, {"latitude", "28.22567"},
                                                               {"services", "全日托；计时托"}, {"operator_mobile", "13900007107"}}),
                              with(minimal_institution("h1"), {{"type", "家庭托育点"}, {"street", "青石街道"}, {"address", "青石路9号3单元201室"},
                                                               {"longitude", "112.987654"}, {"latitude", "28.212345"}, {"crs", "GCJ02"},
                                                               {"operator_mobile", "13900007108"}}),
                          }));
  reg.add("fees", "institution_id,service,item,amount,unit\nh1,全日托,保育费,\"2,800.50\",月\na1,全日托,保育费,2000,月\n");
  return model::build_site_model(site_config, reg.tables, {});
}

std::string column(const model::PublicTable& table, std::size_t row, const std::string& name) {
  const auto index = table.schema.find_name(name);
  REQUIRE(index.has_value());
  return table.rows.at(row).at(*index);
}

}  // namespace

TEST_CASE("opendata::published_table leaves private fields out of the schema and the rows") {
  const auto site = two_institutions();
  const auto table = opendata::published_table(site, "institutions");
  CHECK_FALSE(table.schema.find_name("operator_mobile").has_value());
  REQUIRE(table.rows.size() == 2);
  for (const auto& row : table.rows) {
    CHECK(row.size() == table.schema.fields.size());
    for (const auto& cell : row) CHECK(cell.find("1390000710") == std::string::npos);
  }
  CHECK(column(table, 0, "id") == "a1");
  CHECK(column(table, 0, "inclusive") == "true");
  CHECK(column(table, 0, "services") == "全日托、计时托");  // canonical separator
  CHECK(column(table, 0, "longitude") == "112.931167");
  CHECK(column(table, 0, "address") == "书院路1号");
}

TEST_CASE("opendata::published_table publishes a 家庭托育点 with its street only and on its ~500 m cell") {
  const auto table = opendata::published_table(two_institutions(), "institutions");
  CHECK(column(table, 1, "address") == "青石街道（家庭托育点，详细地址不公开）");
  CHECK(column(table, 1, "crs") == "GCJ02");
  CHECK(column(table, 1, "longitude") != "112.987654");
  CHECK(column(table, 1, "latitude") != "28.212345");
  CHECK(std::abs(std::stod(column(table, 1, "longitude")) - 112.987654) < 0.004);

  auto exact = test::minimal_config();
  exact.home_settings_exact = true;
  const auto allowed = opendata::published_table(two_institutions(exact), "institutions");
  CHECK(column(allowed, 1, "address") == "青石路9号3单元201室");
  CHECK(column(allowed, 1, "longitude") == "112.987654");
}

TEST_CASE("opendata::published_table keeps fee rows in the institutions' order with canonical amounts") {
  const auto fees = opendata::published_table(two_institutions(), "fees");
  REQUIRE(fees.rows.size() == 2);
  CHECK(column(fees, 0, "institution_id") == "a1");
  CHECK(column(fees, 1, "amount") == "2800.5");
}

TEST_CASE("opendata::row_json types values by the schema") {
  const auto table = opendata::published_table(two_institutions(), "institutions");
  const auto row = opendata::row_json(table.schema, table.rows[0]);
  CHECK(row["capacity"] == 30);
  CHECK(row["inclusive"] == true);
  CHECK(row["longitude"] == 112.931167);
  CHECK(row["services"] == nlohmann::ordered_json::array({"全日托", "计时托"}));
  CHECK(row["uscc"].is_null());
  CHECK(row.begin().key() == "id");  // schema order, not alphabetical
}

TEST_CASE("opendata::institutions_geojson writes WGS-84 [lon, lat] with six decimals and no exact home position") {
  const auto geojson = nlohmann::json::parse(opendata::institutions_geojson(two_institutions()));
  CHECK(geojson["type"] == "FeatureCollection");
  REQUIRE(geojson["features"].size() == 2);
  const auto& centre = geojson["features"][0];
  CHECK(centre["geometry"]["type"] == "Point");
  const double lon = centre["geometry"]["coordinates"][0];
  CHECK(lon < 112.931167);  // GCJ-02 lies east of WGS-84 here
  CHECK(lon == doctest::Approx(112.9263).epsilon(0.0001));
  const auto& home = geojson["features"][1];
  CHECK(home["properties"]["position_approximate_m"] == 500);
  CHECK(home["properties"]["address"] == "青石街道（家庭托育点，详细地址不公开）");
  CHECK_FALSE(geojson.contains("crs"));
}

TEST_CASE("opendata::table_schema_json writes Table Schema v2: constraints, list patterns and self references without resource") {
  const auto site = two_institutions();
  const auto institutions = nlohmann::json::parse(opendata::table_schema_json(site.public_tables.at("institutions").schema));
  CHECK(institutions["$schema"] == "https://datapackage.org/profiles/2.0/tableschema.json");
  CHECK(institutions["primaryKey"] == nlohmann::json::array({"id"}));
  bool saw_services = false;
  for (const auto& field : institutions["fields"]) {
    CHECK(field.contains("type"));
    CHECK(field["name"] != "operator_mobile");
    if (field["name"] == "services") {
      saw_services = true;
      CHECK(field["constraints"]["pattern"] == "(全日托|半日托|计时托|临时托)(、(全日托|半日托|计时托|临时托))*");
      CHECK_FALSE(field["constraints"].contains("enum"));
    }
    if (field["name"] == "capacity") CHECK(field["constraints"]["minimum"].is_number_integer());
  }
  CHECK(saw_services);
  const auto areas = nlohmann::json::parse(opendata::table_schema_json(site.public_tables.at("areas").schema));
  REQUIRE(areas["foreignKeys"].size() == 1);
  CHECK_FALSE(areas["foreignKeys"][0]["reference"].contains("resource"));
}
