#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.h"
#include "test_support.h"
#include "validate/references.h"

using namespace tuoyu;
using test::Headers;
using test::minimal_institution;
using test::with;

namespace {

const std::string kAreas =
    "code,name,parent_code,population\n"
    "990101,青石区,,712000\n"
    "990101001,青石街道,990101,102798\n"
    "990102,枫林区,,500000\n";

const std::string kFees =
    "institution_id,service,class,item,amount,unit\n"
    "sl-0001,全日托,托小班,保育费,1770,月\n"
    "sl-0002,全日托,,伙食费,390,月\n"
    "zz-9999,全日托,,伙食费,390,月\n";

/// A register whose references are checked into its diagnostics.
struct Register : test::Register {
  void check() { validate::check_references(tables, diagnostics); }
};

}  // namespace

TEST_CASE("validate::check_references accepts values that exist in the referenced table") {
  Register reg;
  reg.add("areas", kAreas);
  reg.add("institutions", test::institutions_csv({minimal_institution("sl-0001"), with(minimal_institution("sl-0002"), {{"district_code", "990102"}})}));
  reg.add("fees", "institution_id,service,item,amount,unit\nsl-0001,全日托,保育费,1770,月\nsl-0002,全日托,保育费,1640,月\n");
  reg.check();
  INFO(test::dump(reg.diagnostics));
  CHECK(reg.diagnostics.entries().empty());
  for (const auto& [name, table] : reg.tables) {
    for (const auto& row : table.rows) CHECK(row.valid);
  }
}

TEST_CASE("validate::check_references refuses a fee of an unknown institution and suggests the id meant") {
  Register reg;
  reg.add("areas", kAreas);
  reg.add("institutions", test::institutions_csv({minimal_institution("sl-0001")}));
  reg.add("fees", kFees);
  reg.check();
  INFO(test::dump(reg.diagnostics));
  REQUIRE(reg.diagnostics.error_count() == 2);
  const auto& near = reg.diagnostics.entries()[0];
  CHECK(near.where.path == "data/fees.csv");
  CHECK(near.where.line == 3);
  CHECK(near.where.column == 1);
  CHECK(near.message.en == "institution_id (机构编号): data/institutions.csv has no id \"sl-0002\"");
  CHECK(near.message.zh == "institution_id (机构编号)：data/institutions.csv 中没有机构编号为 \"sl-0002\" 的记录");
  CHECK(near.hint.en == "did you mean sl-0001?");
  CHECK(near.hint.zh == "是不是 sl-0001？");

  const auto& far = reg.diagnostics.entries()[1];
  CHECK(far.where.line == 4);
  CHECK(far.hint.en == "add it to data/institutions.csv first, or correct the value here");

  const auto& fees = reg.tables.at("fees");
  CHECK(fees.rows[0].valid);
  CHECK_FALSE(fees.rows[1].valid);
  CHECK_FALSE(fees.rows[2].valid);
}

TEST_CASE("validate::check_references refuses an institution whose district_code is not in areas") {
  Register reg;
  reg.add("areas", kAreas);
  reg.add("institutions", test::institutions_csv({with(minimal_institution(), {{"district_code", "990109"}})}, Headers::titles));
  reg.check();
  INFO(test::dump(reg.diagnostics));
  REQUIRE(reg.diagnostics.entries().size() == 1);
  const auto& d = reg.diagnostics.entries().front();
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.path == "data/institutions.csv");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 16);
  CHECK(d.message.en == "区划代码 (district_code): data/areas.csv has no code \"990109\"");
  CHECK(d.message.zh == "区划代码 (district_code)：data/areas.csv 中没有区划代码为 \"990109\" 的记录");
  CHECK(d.hint.en == "did you mean 990101?");
  CHECK_FALSE(reg.tables.at("institutions").rows[0].valid);
}

TEST_CASE("validate::check_references checks a key within the same table: a street's parent district") {
  Register reg;
  reg.add("areas", kAreas + "990103001,远山街道,990103,1000\n");
  reg.check();
  INFO(test::dump(reg.diagnostics));
  REQUIRE(reg.diagnostics.entries().size() == 1);
  const auto& d = reg.diagnostics.entries().front();
  CHECK(d.where.line == 5);
  CHECK(d.message.en == "parent_code (上级区划代码): data/areas.csv has no code \"990103\"");
  CHECK_FALSE(reg.tables.at("areas").rows[3].valid);
}

TEST_CASE("validate::check_references skips a reference when the referenced table was not given") {
  Register reg;
  reg.add("institutions", test::institutions_csv({with(minimal_institution(), {{"district_code", "990109"}})}));
  reg.check();
  CHECK(reg.diagnostics.entries().empty());
}

TEST_CASE("validate::check_references does not quote a private referencing value, nor suggest one") {
  const auto& schema = test::changed_schema("institutions", [](nlohmann::json& document) {
    test::json_field(document, "district_code")["private"] = true;
  });
  Register reg;
  reg.add("areas", kAreas);
  reg.add("institutions", test::institutions_csv({with(minimal_institution(), {{"district_code", "990103"}})}, Headers::titles), schema);
  reg.check();
  INFO(test::dump(reg.diagnostics));
  REQUIRE(reg.diagnostics.entries().size() == 1);
  const auto& d = reg.diagnostics.entries().front();
  CHECK(d.message.en == "区划代码 (district_code): data/areas.csv has no code (6 characters, private)");
  CHECK(d.message.zh == "区划代码 (district_code)：data/areas.csv 中没有区划代码为 （6 个字符，不公开） 的记录");
  CHECK(d.hint.en == "the column is private, so messages do not show its value; look at the cell in the file");
}
