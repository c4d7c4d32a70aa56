#include <doctest/doctest.h>

#include "stats/chart_series.h"
#include "stats/indicators.h"

using namespace tuoyu;

namespace {

model::Institution institution(const std::string& id, const std::string& district, const std::string& street, std::int64_t capacity) {
  model::Institution inst;
  inst.id = id;
  inst.district_code = district;
  inst.street = street;
  inst.capacity = capacity;
  inst.status = "运营中";
  inst.filing_status = "已备案";
  inst.type = "托育中心";
  inst.ownership = "公办";
  return inst;
}

model::Fee monthly(const std::string& amount, const std::string& service = "全日托", const std::string& unit = "月") {
  model::Fee fee;
  fee.service = service;
  fee.item = "保育费";
  fee.amount = amount;
  fee.unit = unit;
  return fee;
}

/// Two districts: 990101 with streets A (one institution) and B (none), 990102 with no streets.
model::SiteModel two_districts() {
  model::SiteModel site;
  site.config.region = "示例市";
  site.config.targets["places_per_1000"] = {"4.5", "规划"};
  site.config.targets["community_coverage"] = {"60", "规划"};
  site.areas = {{"990101", "青石区", "", 10000, std::nullopt, std::nullopt},
                {"990101001", "甲街道", "990101", 4000, std::nullopt, std::nullopt},
                {"990101002", "乙街道", "990101", std::nullopt, std::nullopt, std::nullopt},
                {"990102", "枫林区", "", 20000, std::nullopt, std::nullopt}};
  auto a = institution("a", "990101", "甲街道", 30);
  a.inclusive = true;
  a.enrolled = 15;
  a.class_places = {std::int64_t{10}, std::int64_t{10}, std::nullopt};
  a.fees = {monthly("1800"), monthly("1500"), monthly("90", "全日托", "日"), monthly("900", "半日托")};
  auto b = institution("b", "990102", "", 20);
  b.filing_status = "备案中";
  b.ownership = "民办营利";
  b.fees = {monthly("2000.5")};
  auto closed = institution("c", "990101", "乙街道", 100);
  closed.status = "已停办";
  auto other = institution("d", "990102", "", 11);
  other.ownership = "民办营利";
  other.fees = {monthly("3000")};
  site.institutions = {a, b, closed, other};
  return site;
}

std::string value(const stats::AreaFigures& area, std::string_view indicator, std::string_view category = {}) {
  const auto* f = area.find(indicator, category);
  REQUIRE(f != nullptr);
  return f->value ? f->value->text() : "missing:" + f->missing;
}

}  // namespace

TEST_CASE("stats::compute_statistics counts operating institutions only, for the site, each district and each street") {
  const auto statistics = stats::compute_statistics(two_districts());
  REQUIRE(statistics.areas.size() == 5);  // site, 2 districts, 2 streets
  const auto& site = statistics.site();
  CHECK(site.code == "all");
  CHECK(site.name == "示例市");
  CHECK(value(site, "operating_institutions") == "3");
  CHECK(value(site, "places") == "61");
  CHECK(value(site, "inclusive_share") == "49.2");  // 30 / 61
  CHECK(value(site, "places_per_1000") == "2.03");  // 61 / 30,000
  CHECK(value(site, "filing_rate") == "66.7");
  CHECK(value(site, "occupancy") == "50.0");  // only a reports enrolment
  CHECK(value(site, "community_coverage") == "50.0");  // 甲 has one, 乙 only a closed one
  CHECK(value(site, "places_by_class", "乳儿班") == "10");
  CHECK(value(site, "places_by_class", "未分班") == "41");  // 10 of a, all of b and d
  CHECK(value(site, "institutions_by_type", "家庭托育点") == "0");  // every category is listed
  CHECK(value(site, "institutions_by_ownership", "民办营利") == "2");
}

TEST_CASE("stats::compute_statistics takes each institution's lowest monthly full-day fee and medians them") {
  const auto statistics = stats::compute_statistics(two_districts());
  const auto& site = statistics.site();
  CHECK(value(site, "median_monthly_fee_by_ownership", "公办") == "1500");
  CHECK(value(site, "median_monthly_fee_by_ownership", "民办营利") == "2500");  // (2000.5 + 3000) / 2 = 2500.25
  CHECK(site.find("median_monthly_fee_by_ownership", "民办营利")->denominator == 2);
  CHECK(value(site, "median_monthly_fee_by_ownership", "民办非营利") == "missing:no_fees");
  CHECK(value(site, "median_monthly_fee_by_inclusive", "普惠") == "1500");
  CHECK(value(site, "median_monthly_fee_by_inclusive", "非普惠") == "2500");
  model::Institution inst;
  inst.fees = {monthly("1800"), monthly("1500.5"), monthly("800", "半日托")};
  CHECK(stats::monthly_full_day_fee_fen(inst) == 150050);
  inst.fees = {monthly("800", "半日托")};
  CHECK_FALSE(stats::monthly_full_day_fee_fen(inst).has_value());
}

TEST_CASE("stats::compute_statistics sets targets and gaps, and says why a value is missing") {
  const auto statistics = stats::compute_statistics(two_districts());
  const auto* district = statistics.find("990101");
  REQUIRE(district != nullptr);
  const auto* per_1000 = district->find("places_per_1000");
  CHECK(per_1000->value->text() == "3.00");
  CHECK(per_1000->target->text() == "4.50");
  CHECK(per_1000->gap->text() == "-1.50");
  CHECK(district->find("inclusive_share")->target.has_value() == false);
  const auto* no_streets = statistics.find("990102");
  CHECK(value(*no_streets, "community_coverage") == "missing:no_streets");
  const auto* street = statistics.find("990101002");
  REQUIRE(street != nullptr);
  CHECK(street->parent_code == "990101");
  CHECK(value(*street, "places_per_1000") == "missing:no_population");
  CHECK(value(*street, "inclusive_share") == "missing:no_places");
  CHECK(street->find("community_coverage") == nullptr);  // not computed for a street
  const auto streets = statistics.streets_of("990101");
  REQUIRE(streets.size() == 2);
  CHECK(streets[0]->code == "990101001");
  CHECK(streets[1] == street);
  CHECK(statistics.streets_of("990102").empty());
  CHECK(statistics.find("all") == &statistics.site());
  CHECK(statistics.find("990199") == nullptr);
  CHECK(street->find("places_by_class", "乳儿班") == nullptr);
}

TEST_CASE("stats::compute_statistics leaves the site's rate per 1,000 out when a district lacks population") {
  auto site = two_districts();
  site.areas[3].population.reset();
  CHECK(value(stats::compute_statistics(site).site(), "places_per_1000") == "missing:no_population");
}

TEST_CASE("stats::chart_series gives the districts' figures and the site's places by class") {
  const auto statistics = stats::compute_statistics(two_districts());
  const auto charts = stats::chart_series(statistics);
  REQUIRE(charts.size() == 3);
  CHECK(charts[0].id == "places-per-1000-by-district");
  REQUIRE(charts[0].points.size() == 2);
  CHECK(charts[0].points[1].name == "枫林区");
  CHECK(charts[0].points[1].figure->value->text() == "1.55");  // 31 / 20,000
  CHECK(charts[0].target->text() == "4.50");
  CHECK_FALSE(charts[1].target.has_value());
  CHECK(charts[2].points.size() == 4);
}
