#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.h"
#include "test_support.h"
#include "validate/domain_rules.h"

using namespace tuoyu;
using test::Cells;
using test::Headers;
using test::minimal_institution;
using test::with;

namespace {

const std::string kAreas =
    "code,name,parent_code,population\n"
    "990101,青石区,,712000\n"
    "990101001,青石街道,990101,102798\n"
    "990101002,文昌街道,990101,117121\n"
    "990102,枫林区,,500000\n"
    "990102001,枫林街道,990102,90000\n";

/// A register whose domain rules are checked into its diagnostics.
struct Register : test::Register {
  void check() { validate::check_domain_rules(tables, diagnostics); }
};

/// Checks the domain rules on one institution row (titles as headers), with areas when `with_areas`.
Register check_institution(const Cells& changes, bool with_areas = false) {
  Register reg;
  if (with_areas) reg.add("areas", kAreas);
  reg.add("institutions", test::institutions_csv({with(minimal_institution(), changes)}, Headers::titles));
  reg.check();
  return reg;
}

/// The only diagnostic of `reg`, which must have exactly one.
const core::Diagnostic& only(const Register& reg) {
  INFO(test::dump(reg.diagnostics));
  REQUIRE(reg.diagnostics.entries().size() == 1);
  return reg.diagnostics.entries().front();
}

bool institution_valid(const Register& reg) { return reg.tables.at("institutions").rows.at(0).valid; }

}  // namespace

TEST_CASE("validate::check_domain_rules accepts a complete, consistent institution") {
  const auto reg = check_institution({{"street", "青石街道"},
                                      {"longitude", "112.99"},
                                      {"latitude", "28.19"},
                                      {"filing_status", "已备案"},
                                      {"filing_date", "2022-03-12"},
                                      {"places_6_12m", "0"},
                                      {"places_12_24m", "10"},
                                      {"places_24_36m", "20"},
                                      {"enrolled", "30"},
                                      {"age_min_months", "12"},
                                      {"age_max_months", "36"}},
                                     true);
  INFO(test::dump(reg.diagnostics));
  CHECK(reg.diagnostics.entries().empty());
  CHECK(institution_valid(reg));
}

TEST_CASE("validate::check_domain_rules refuses a longitude without a latitude, at the empty latitude") {
  const auto reg = check_institution({{"longitude", "113.0"}, {"latitude", ""}});
  const auto& d = only(reg);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.path == "data/institutions.csv");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 56);
  CHECK(d.message.en == "经度 (longitude) and 纬度 (latitude) must both be given or both be empty");
  CHECK(d.message.zh == "经度 (longitude) 和 纬度 (latitude) 须同时填写或同时留空");
  CHECK_FALSE(institution_valid(reg));
  CHECK(only(check_institution({{"latitude", "28.2"}})).where.column == 0);  // no longitude column at all
}

TEST_CASE("validate::check_domain_rules refuses 已备案 without a filing date") {
  const auto reg = check_institution({{"filing_status", "已备案"}, {"filing_date", ""}});
  const auto& d = only(reg);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 50);
  CHECK(d.message.en == "备案日期 (filing_date): required when the filing status is 已备案");
  CHECK(d.message.zh == "备案日期 (filing_date)：备案状态为“已备案”时必填");
  CHECK(d.hint.en == "enter the filing date, or set the filing status to 备案中");
  CHECK_FALSE(institution_valid(reg));
}

TEST_CASE("validate::check_domain_rules refuses class places that add up to more than the capacity") {
  const auto reg = check_institution({{"places_12_24m", "10"}, {"places_24_36m", "30"}});
  const auto& d = only(reg);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.line == 2);
  CHECK(d.message.en == "class places add up to 40 (places_12_24m 10 + places_24_36m 30), more than 托位数 (capacity) 30");
  CHECK(d.message.zh == "各班型托位之和 40（托小班托位 10 + 托大班托位 30）超过托位数 (capacity) 30");
  CHECK_FALSE(institution_valid(reg));
  CHECK(check_institution({{"places_12_24m", "10"}, {"places_24_36m", "20"}}).diagnostics.entries().empty());
}

TEST_CASE("validate::check_domain_rules warns, without refusing the row, when more children are enrolled than places") {
  const auto reg = check_institution({{"enrolled", "35"}});
  const auto& d = only(reg);
  CHECK(d.severity == core::Severity::warning);
  CHECK(d.where.column == 50);
  CHECK(d.message.en == "在托人数 (enrolled) 35 is more than 托位数 (capacity) 30");
  CHECK(d.message.zh == "在托人数 (enrolled) 35 超过托位数 (capacity) 30");
  CHECK(reg.diagnostics.error_count() == 0);
  CHECK(institution_valid(reg));
}

TEST_CASE("validate::check_domain_rules refuses a minimum age above the maximum age") {
  const auto reg = check_institution({{"age_min_months", "30"}, {"age_max_months", "12"}});
  const auto& d = only(reg);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.column == 50);
  CHECK(d.message.en == "最小收托月龄 (age_min_months) 30 is greater than 最大收托月龄 (age_max_months) 12");
  CHECK(d.message.zh == "最小收托月龄 (age_min_months) 30 大于最大收托月龄 (age_max_months) 12");
  CHECK(d.hint.en == "the two columns may be swapped");
  CHECK_FALSE(institution_valid(reg));
}

TEST_CASE("validate::check_domain_rules warns about a street that is not a street of the district, suggesting the one meant") {
  const auto reg = check_institution({{"street", "青石街"}}, true);
  const auto& d = only(reg);
  CHECK(d.severity == core::Severity::warning);
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 50);
  CHECK(d.message.en == "街道（乡镇） (street): \"青石街\" is not a street of district 990101 in data/areas.csv");
  CHECK(d.message.zh == "街道（乡镇） (street)：\"青石街\" 不是 data/areas.csv 中区划 990101 的街道");
  CHECK(d.hint.en == "did you mean 青石街道?");
  CHECK(d.hint.zh == "是不是 青石街道？");
  CHECK(institution_valid(reg));

  // A street of another district resembles none of this district's streets.
  const auto other = check_institution({{"street", "枫林街道"}}, true);
  CHECK(only(other).hint.en == "add the street to data/areas.csv or use one of its street names");
  // Without areas.csv there is nothing to compare with.
  CHECK(check_institution({{"street", "青石街"}}).diagnostics.entries().empty());
}

TEST_CASE("validate::check_domain_rules warns about an address without a house number and a provisional name") {
  const auto address = only(check_institution({{"address", "青石区政府对面"}}));
  CHECK(address.severity == core::Severity::warning);
  CHECK(address.message.en == "地址 (address): \"青石区政府对面\" has no house number; families cannot find the place from it");
  CHECK(check_institution({{"address", "书院路１２号"}}).diagnostics.entries().empty());  // full-width digits count
  const auto name = only(check_institution({{"name", "阳光托育中心（暂定）"}}));
  CHECK(name.severity == core::Severity::warning);
  CHECK(name.message.en == "机构名称 (name): \"阳光托育中心（暂定）\" is marked as a provisional name (暂定)");
}

TEST_CASE("validate::check_domain_rules warns about prepayment of more than 3 months, citing the 3-month limit") {
  Register reg;
  reg.add("fees",
          "institution_id,service,item,amount,unit,prepay_months\n"
          "sl-0001,全日托,保育费,1770,月,6\n"
          "sl-0001,全日托,伙食费,390,月,3\n");
  reg.check();
  const auto& d = only(reg);
  CHECK(d.severity == core::Severity::warning);
  CHECK(d.where.path == "data/fees.csv");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 24);
  CHECK(d.message.en == "prepay_months (最长预收月数) is 6 months, more than 3");
  CHECK(d.message.zh == "prepay_months (最长预收月数) 为 6 个月，超过 3 个月");
  CHECK(d.hint.en.find("no more than 3 months") != std::string::npos);
  CHECK(d.hint.zh.find("不超过3个月") != std::string::npos);
  CHECK(reg.tables.at("fees").rows[0].valid);
}

TEST_CASE("validate::check_domain_rules refuses a district without population") {
  Register reg;
  reg.add("areas", "code,name,parent_code,population\n990101,青石区,,\n990101001,青石街道,990101,\n");
  reg.check();
  const auto& d = only(reg);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.path == "data/areas.csv");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 13);
  CHECK(d.message.en == "population (常住人口): required for a district");
  CHECK(d.message.zh == "population (常住人口)：区（县）必填");
  CHECK_FALSE(reg.tables.at("areas").rows[0].valid);
  CHECK(reg.tables.at("areas").rows[1].valid);  // streets need no population
}

TEST_CASE("validate::check_domain_rules refuses a street without its parent district") {
  Register reg;
  reg.add("areas", kAreas + "990101003,南门街道,,122316\n");
  reg.check();
  const auto& d = only(reg);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.line == 7);
  CHECK(d.where.column == 16);
  CHECK(d.message.en == "parent_code (上级区划代码): street 990101003 needs the code of its district");
  CHECK(d.message.zh == "parent_code (上级区划代码)：街道 990101003 须填写所属区（县）的代码");
  CHECK_FALSE(reg.tables.at("areas").rows[5].valid);
}

TEST_CASE("validate::check_domain_rules checks district parents and street code prefixes in areas") {
  SUBCASE("a district with a parent") {
    Register reg;
    reg.add("areas", kAreas + "990103,远山区,990101,1000\n");
    reg.check();
    CHECK(only(reg).message.en == "parent_code (上级区划代码): district 990103 takes no parent code");
  }
  SUBCASE("a parent absent from the table is left to the reference check, so it is reported once") {
    Register reg;
    reg.add("areas", kAreas + "990103001,远山街道,990103,1000\n");
    reg.check();
    CHECK(reg.diagnostics.entries().empty());
  }
  SUBCASE("a street code that does not start with its district's code is a warning") {
    Register reg;
    reg.add("areas", kAreas + "990102009,远山街道,990101,1000\n");
    reg.check();
    const auto& d = only(reg);
    CHECK(d.severity == core::Severity::warning);
    CHECK(d.message.en == "code (区划代码): street code 990102009 does not start with its district code 990101");
  }
  SUBCASE("a 12-digit street code is a street") {
    Register reg;
    reg.add("areas", kAreas + "990101003000,南门街道,990101,\n");
    reg.check();
    CHECK(reg.diagnostics.entries().empty());
  }
}

TEST_CASE("validate::check_domain_rules treats class places too large to add up as more than the capacity") {
  // A schema without maxima lets each count reach the largest whole number; their sum must not wrap around.
  const auto& schema = test::changed_schema("institutions", [](nlohmann::json& document) {
    for (const char* name : {"places_6_12m", "places_12_24m", "places_24_36m"}) test::json_field(document, name)["constraints"].erase("maximum");
  });
  Register reg;
  reg.add("institutions",
          test::institutions_csv({with(minimal_institution(), {{"places_6_12m", "9223372036854775807"}, {"places_12_24m", "9223372036854775807"},
                                                               {"places_24_36m", "2"}})},
                                 Headers::titles),
          schema);
  reg.check();
  const auto& d = only(reg);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.message.en ==
        "class places (places_6_12m 9223372036854775807 + places_12_24m 9223372036854775807 + places_24_36m 2) add up to more than "
        "托位数 (capacity) 30");
  CHECK(d.message.zh ==
        "各班型托位之和（乳儿班托位 9223372036854775807 + 托小班托位 9223372036854775807 + 托大班托位 2）超过托位数 (capacity) 30");
  CHECK_FALSE(institution_valid(reg));
}

TEST_CASE("validate::check_domain_rules refuses a count over the schema's maximum before adding it") {
  const auto checked = test::check_csv("institutions", test::institutions_csv({with(minimal_institution(), {{"places_6_12m", "100001"}})}));
  INFO(test::dump(checked.diagnostics));
  REQUIRE(checked.diagnostics.entries().size() == 1);
  CHECK(checked.diagnostics.entries().front().message.en ==
        "places_6_12m (乳儿班托位): expected a whole number from 0 to 100000, got \"100001\"");
}

TEST_CASE("validate::check_domain_rules does not quote a private address, name or count in its messages") {
  const auto& schema = test::changed_schema("institutions", [](nlohmann::json& document) {
    for (const char* name : {"address", "name", "enrolled"}) test::json_field(document, name)["private"] = true;
  });
  Register reg;
  reg.add("institutions",
          test::institutions_csv({with(minimal_institution(), {{"address", "书院路东侧"}, {"name", "阳光托育（暂定）"}, {"enrolled", "35"}})},
                                 Headers::titles),
          schema);
  reg.check();
  INFO(test::dump(reg.diagnostics));
  REQUIRE(reg.diagnostics.entries().size() == 3);
  for (const auto& d : reg.diagnostics.entries()) {
    for (const std::string* text : {&d.message.zh, &d.message.en, &d.hint.zh, &d.hint.en}) {
      CHECK(text->find("书院路") == std::string::npos);
      CHECK(text->find("阳光") == std::string::npos);
      CHECK(text->find("35") == std::string::npos);
    }
  }
  CHECK(test::find_message(reg.diagnostics, "地址 (address): (5 characters, private) has no house number") != nullptr);
  CHECK(test::find_message(reg.diagnostics, "机构名称 (name): (8 characters, private) is marked as a provisional name") != nullptr);
  CHECK(test::find_message(reg.diagnostics, "在托人数 (enrolled) (2 characters, private) is more than 托位数 (capacity) 30") != nullptr);
}
