#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/text.h"
#include "load/table_schema.h"
#include "test_support.h"
#include "validate/table.h"

using namespace tuoyu;
using test::Cells;
using test::Headers;
using test::minimal_institution;
using test::with;

namespace {

/// Validates one institution row built from the minimal row with `changes`.
test::Checked check_institution(const Cells& changes, Headers headers = Headers::titles) {
  return test::check_csv("institutions", test::institutions_csv({with(minimal_institution(), changes)}, headers));
}

/// The only diagnostic of `checked`, which must have exactly one.
const core::Diagnostic& only(const test::Checked& checked) {
  INFO(test::dump(checked.diagnostics));
  REQUIRE(checked.diagnostics.entries().size() == 1);
  return checked.diagnostics.entries().front();
}

std::size_t field(const char* name) { return test::schema("institutions").index_of(name); }

}  // namespace

TEST_CASE("validate::validate_table reads a minimal valid row into typed values without a diagnostic") {
  const auto checked = test::check_csv("institutions", test::institutions_csv());
  INFO(test::dump(checked.diagnostics));
  CHECK(checked.diagnostics.entries().empty());
  const auto& table = checked.table;
  CHECK(table.header_line == 1);
  REQUIRE(table.rows.size() == 1);
  const auto& row = table.rows[0];
  CHECK(row.valid);
  CHECK(row.line == 2);
  CHECK(std::get<std::string>(table.value(row, "id")) == "sl-0001");
  CHECK(std::get<std::int64_t>(table.value(row, "capacity")) == 30);
  CHECK(std::get<bool>(table.value(row, "inclusive")));
  CHECK(std::holds_alternative<std::monostate>(table.value(row, "street")));
  CHECK(row.columns[field("id")] == 1);
  CHECK(row.columns[field("capacity")] == 47);
  CHECK(row.columns[field("street")] == 0);  // no such column in the file
}

TEST_CASE("validate::validate_table maps headers by Chinese title or canonical name in any column order") {
  const std::string csv =
      "托位数,name,机构编号,备案状态,status,普惠,举办性质,type,地址,district_code\n"
      "30,阳光托育中心,sl-0001,备案中,运营中,否,民办营利,托育中心,书院路1号,990101\n";
  const auto checked = test::check_csv("institutions", csv);
  INFO(test::dump(checked.diagnostics));
  CHECK(checked.diagnostics.entries().empty());
  const auto& table = checked.table;
  CHECK(table.headers[field("capacity")] == "托位数");
  CHECK(table.headers[field("name")] == "name");
  CHECK(table.headers[field("street")].empty());
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].valid);
  CHECK(std::get<std::int64_t>(table.value(table.rows[0], "capacity")) == 30);
  CHECK(std::get<std::string>(table.value(table.rows[0], "id")) == "sl-0001");
  CHECK_FALSE(std::get<bool>(table.value(table.rows[0], "inclusive")));
  CHECK(table.rows[0].columns[field("capacity")] == 1);
}

TEST_CASE("validate::validate_table recognises a title with full-width brackets exactly as the schema writes it") {
  const auto checked = check_institution({{"street", "青石街道"}});
  INFO(test::dump(checked.diagnostics));
  CHECK(checked.diagnostics.entries().empty());
  CHECK(std::get<std::string>(checked.table.value(checked.table.rows[0], "street")) == "青石街道");
  CHECK(checked.table.label(field("street")) == "街道（乡镇） (street)");
}

TEST_CASE("validate::validate_table warns about an unknown column and suggests the name meant") {
  const auto checked = check_institution({{"website", "https://x.cn"}, {"capacty", "3"}}, Headers::names);
  CHECK(checked.diagnostics.error_count() == 0);
  REQUIRE(checked.diagnostics.warning_count() == 2);
  const auto& unknown = checked.diagnostics.entries()[0];
  CHECK(unknown.severity == core::Severity::warning);
  CHECK(unknown.where.line == 1);
  CHECK(unknown.where.column == 86);
  CHECK(unknown.message.en == "unknown column \"website\" is ignored");
  CHECK(unknown.message.zh == "未知的列 \"website\"，已忽略");
  CHECK(unknown.hint.en == "the schema has no such column; declare it in data/schema/ to publish it");
  CHECK(checked.diagnostics.entries()[1].hint.en == "did you mean capacity?");
  CHECK(checked.table.rows.at(0).valid);
}

TEST_CASE("validate::validate_table refuses two columns for the same field") {
  const std::string header = "id,name,district_code,address,type,ownership,inclusive,status,filing_status,capacity,托位数\n";
  const auto checked = test::check_csv("institutions", header + "sl-0001,甲,990101,路1号,托育中心,公办,是,运营中,备案中,30,30\n");
  const auto& d = only(checked);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.line == 1);
  CHECK(d.where.column == 86);
  CHECK(d.message.en == "the column \"托位数\" is the same field (capacity) as \"capacity\" in column 77");
  CHECK(d.message.zh == "列 \"托位数\" 与第 77 列的 \"capacity\" 是同一字段（capacity）");
  CHECK(d.hint.en == "keep only one of them");
  CHECK(checked.table.headers[field("capacity")] == "capacity");
}

TEST_CASE("validate::validate_table refuses an unknown column that appears twice") {
  const auto checked = test::check_csv(
      "institutions", "id,name,district_code,address,type,ownership,inclusive,status,filing_status,capacity,网址,网址\n"
                      "sl-0001,甲,990101,路1号,托育中心,公办,是,运营中,备案中,30,a,b\n");
  CHECK(checked.diagnostics.warning_count() == 1);
  REQUIRE(checked.diagnostics.error_count() == 1);
  const auto* d = test::find_message(checked.diagnostics, "appears twice");
  REQUIRE(d != nullptr);
  CHECK(d->message.en == "the column \"网址\" appears twice");
  CHECK(d->where.column == 89);
}

TEST_CASE("validate::validate_table reports a missing required column at the header line naming both names") {
  const auto checked = test::check_csv("institutions", test::institutions_csv({test::without(minimal_institution(), "capacity")}));
  const auto& d = only(checked);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.path == "data/institutions.csv");
  CHECK(d.where.line == 1);
  CHECK(d.where.column == 0);
  CHECK(d.message.en == "the required column 托位数 (capacity) is missing");
  CHECK(d.message.zh == "缺少必填列 托位数 (capacity)");
  CHECK(d.hint.en == "add a column headed 托位数 or capacity");
  CHECK(d.hint.zh == "在表头加入“托位数”或“capacity”列");
}

TEST_CASE("validate::validate_table refuses an empty required cell, white space included") {
  for (const std::string& empty : {std::string(""), std::string("  "), std::string("\xE3\x80\x80")}) {
    const auto checked = check_institution({{"capacity", empty}});
    const auto& d = only(checked);
    CHECK(d.where.line == 2);
    CHECK(d.where.column == 47);
    CHECK(d.message.en == "托位数 (capacity): a value is required but the cell is empty");
    CHECK(d.message.zh == "托位数 (capacity)：必填，但为空");
    CHECK_FALSE(checked.table.rows[0].valid);
  }
}

TEST_CASE("validate::validate_table refuses a whole number written in Chinese numerals, naming field, expectation and value") {
  const auto checked = check_institution({{"capacity", "三十"}});
  const auto& d = only(checked);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.path == "data/institutions.csv");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 47);
  CHECK(d.message.en == "托位数 (capacity): expected a whole number from 0 to 100000, got \"三十\"");
  CHECK(d.message.zh == "托位数 (capacity)：应为 0 到 100000 之间的整数，实际为 \"三十\"");
  CHECK(d.hint.en.find("30") != std::string::npos);
  CHECK_FALSE(checked.table.rows[0].valid);
  CHECK(std::holds_alternative<std::monostate>(checked.table.value(checked.table.rows[0], "capacity")));
}

TEST_CASE("validate::validate_table labels a field by the header as written, then its other name") {
  const auto checked = check_institution({{"capacity", "三十"}}, Headers::names);
  CHECK(only(checked).message.en == "capacity (托位数): expected a whole number from 0 to 100000, got \"三十\"");
  CHECK(checked.table.label(field("capacity")) == "capacity (托位数)");
  CHECK(checked.table.label(field("street")) == "街道（乡镇） (street)");
}

TEST_CASE("validate::validate_table refuses a number out of range with the range in words") {
  const auto d = only(check_institution({{"age_min_months", "40"}}));
  CHECK(d.message.en == "最小收托月龄 (age_min_months): expected a whole number from 0 to 36, got \"40\"");
  CHECK(d.message.zh.find("0 到 36 之间的整数，实际为 \"40\"") != std::string::npos);
  CHECK(only(check_institution({{"capacity", "-3"}})).message.en == "托位数 (capacity): expected a whole number from 0 to 100000, got \"-3\"");
}

TEST_CASE("validate::validate_table refuses an item outside a list field's values and suggests the right one") {
  const auto checked = check_institution({{"services", "全日托、全托"}});
  const auto& d = only(checked);
  CHECK(d.message.en == "服务类型 (services): expected one or more of 全日托, 半日托, 计时托, 临时托 (separated by 、), got \"全托\"");
  CHECK(d.message.zh == "服务类型 (services)：应为以下一项或多项（用顿号分隔）：全日托、半日托、计时托、临时托，实际为 \"全托\"");
  CHECK(d.hint.en == "did you mean 全日托?");
  CHECK(d.hint.zh == "是不是 全日托？");
}

TEST_CASE("validate::validate_table splits a list field at any of its delimiters") {
  const auto checked = check_institution({{"services", "全日托、计时托/临时托"}});
  INFO(test::dump(checked.diagnostics));
  CHECK(checked.diagnostics.entries().empty());
  const auto& services = std::get<std::vector<std::string>>(checked.table.value(checked.table.rows[0], "services"));
  CHECK(services == std::vector<std::string>{"全日托", "计时托", "临时托"});
  CHECK(validate::to_text(checked.table.value(checked.table.rows[0], "services")) == "全日托、计时托、临时托");
}

TEST_CASE("validate::validate_table suggests an allowed value from the schema's hints or by spelling") {
  const auto hinted = only(check_institution({{"type", "托幼一体化"}}));
  CHECK(hinted.message.en == "机构类型 (type): expected one of 托育中心, 幼儿园托班, 社区托育点, 用人单位办托, 家庭托育点, got \"托幼一体化\"");
  CHECK(hinted.hint.en == "did you mean 幼儿园托班?");
  CHECK(only(check_institution({{"type", "托育中"}})).hint.en == "did you mean 托育中心?");
  CHECK(only(check_institution({{"status", "xyz"}})).hint.empty());
}

TEST_CASE("validate::validate_table accepts full-width enum values after normalisation") {
  const auto checked = check_institution({{"crs", "ＧＣＪ０２"}});
  INFO(test::dump(checked.diagnostics));
  CHECK(checked.diagnostics.entries().empty());
  CHECK(std::get<std::string>(checked.table.value(checked.table.rows[0], "crs")) == "GCJ02");
}

TEST_CASE("validate::validate_table accepts a credit code with a wrong check character with a warning, not an error") {
  const auto valid = check_institution({{"uscc", "91350100m000100y43"}});
  CHECK(valid.diagnostics.entries().empty());
  CHECK(std::get<std::string>(valid.table.value(valid.table.rows[0], "uscc")) == "91350100M000100Y43");

  const auto checked = check_institution({{"uscc", "91350100M000100Y44"}});
  const auto& d = only(checked);
  CHECK(d.severity == core::Severity::warning);
  CHECK(d.where.column == 50);
  CHECK(d.message.en == "统一社会信用代码 (uscc): expected a credit code with a correct check character, got \"91350100M000100Y44\"");
  CHECK(d.hint.en ==
        "by GB 32100-2015 the last character should be 3; compare with the business licence or registration certificate");
  CHECK(checked.diagnostics.error_count() == 0);
  CHECK(checked.table.rows[0].valid);
  CHECK(std::get<std::string>(checked.table.value(checked.table.rows[0], "uscc")) == "91350100M000100Y44");
}

TEST_CASE("validate::validate_table refuses a credit code of the wrong length or alphabet") {
  const auto short_code = only(check_institution({{"uscc", "91350100M000100Y4"}}));
  CHECK(short_code.severity == core::Severity::error);
  CHECK(short_code.message.en == "统一社会信用代码 (uscc): expected an 18-character unified social credit code, got \"91350100M000100Y4\"");
  CHECK(short_code.hint.en == "a credit code has 18 characters; this one has 17");
  const auto alphabet = only(check_institution({{"uscc", "91350100M000100I43"}}));
  CHECK(alphabet.severity == core::Severity::error);
  CHECK(alphabet.hint.en == "credit codes never contain I, O, Z, S, V or other symbols");
}

TEST_CASE("validate::validate_table refuses an id that breaks the id pattern") {
  for (const std::string& id : {std::string("../etc"), std::string("a b"), std::string("-x"), std::string(65, 'a')}) {
    INFO("id " << id);
    const auto checked = check_institution({{"id", id}});
    const auto& d = only(checked);
    CHECK(d.severity == core::Severity::error);
    CHECK(d.where.line == 2);
    CHECK(d.where.column == 1);
    CHECK(d.message.en == "机构编号 (id): expected an id of letters, digits, _ or - that starts with a letter or digit, at most 64 characters, got " +
                              core::quote_for_message(id));
    CHECK_FALSE(checked.table.rows[0].valid);
  }
  CHECK(check_institution({{"id", std::string(64, 'a')}}).diagnostics.entries().empty());
}

TEST_CASE("validate::validate_table refuses a repeated id, naming the line that has it first") {
  const auto checked = test::check_csv(
      "institutions", test::institutions_csv({minimal_institution("sl-0001"), minimal_institution("sl-0002"), minimal_institution("sl-0001")},
                                             Headers::titles));
  const auto& d = only(checked);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.line == 4);
  CHECK(d.where.column == 1);
  CHECK(d.message.en == "机构编号 (id) \"sl-0001\" is repeated; line 2 has it already");
  CHECK(d.message.zh == "机构编号 (id) 为 \"sl-0001\" 的记录重复，第 2 行已有");
  CHECK(d.hint.en == "merge or delete the duplicate rows");
  CHECK(checked.table.rows[0].valid);
  CHECK(checked.table.rows[1].valid);
  CHECK_FALSE(checked.table.rows[2].valid);
}

TEST_CASE("validate::validate_table refuses a row with more non-empty cells than the header has columns") {
  const std::string header = test::institutions_csv();
  const std::string first_line = header.substr(0, header.find('\n') + 1);
  const auto checked = test::check_csv(
      "institutions", first_line + "sl-0001,阳光托育中心,990101,书院路1号,托育中心,公办,是,运营中,备案中,30,,x\n");
  const auto& d = only(checked);
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 51);
  CHECK(d.message.en == "this row has 12 cells but the header has 10 columns");
  CHECK(d.message.zh == "此行有 12 个单元格，但表头只有 10 列");
  CHECK_FALSE(checked.table.rows[0].valid);
  // Trailing empty cells (a stray comma at the end) are harmless.
  CHECK(test::check_csv("institutions", first_line + "sl-0001,阳光托育中心,990101,书院路1号,托育中心,公办,是,运营中,备案中,30,, \n")
            .diagnostics.entries()
            .empty());
}

TEST_CASE("validate::validate_table treats missing trailing cells of a short row as empty, and says so") {
  const std::string header = test::institutions_csv();
  const std::string first_line = header.substr(0, header.find('\n') + 1);
  const auto checked = test::check_csv("institutions", first_line + "sl-0001,阳光托育中心,990101,书院路1号,托育中心,公办,是,运营中,备案中\n");
  INFO(test::dump(checked.diagnostics));
  REQUIRE(checked.diagnostics.entries().size() == 2);
  const auto* warning = test::find_message(checked.diagnostics, "cells but the header has");
  REQUIRE(warning != nullptr);
  CHECK(warning->severity == core::Severity::warning);
  CHECK(warning->message.en == "this row has 9 cells but the header has 10 columns; the missing cells are read as empty");
  CHECK(warning->message.zh == "此行有 9 个单元格，但表头有 10 列；缺少的单元格按空值读取");
  CHECK(warning->where.line == 2);
  CHECK(warning->where.column == 43);  // the row's last cell, 备案中
  const auto* missing = test::find_message(checked.diagnostics, "a value is required");
  REQUIRE(missing != nullptr);
  CHECK(missing->message.en == "capacity (托位数): a value is required but the cell is empty");
  CHECK(missing->where.line == 2);
  CHECK(missing->where.column == 0);
  // A row that stops before empty trailing header cells misses nothing.
  const std::string padded = first_line.substr(0, first_line.size() - 1) + ",,\n";
  CHECK(test::check_csv("institutions", padded + test::csv_line({"sl-0001", "阳光托育中心", "990101", "书院路1号", "托育中心", "公办", "是",
                                                                 "运营中", "备案中", "30"}))
            .diagnostics.entries()
            .empty());
}

TEST_CASE("validate::validate_table warns once about values in a column without a header") {
  const std::string csv =
      "id,name,,district_code,address,type,ownership,inclusive,status,filing_status,capacity,\n"
      "sl-0001,阳光托育中心,,990101,书院路1号,托育中心,公办,是,运营中,备案中,30,\n"
      "sl-0002,月亮托育中心,旧编号 17,990101,书院路2号,托育中心,公办,是,运营中,备案中,30,\n"
      "sl-0003,星星托育中心,旧编号 18,990101,书院路3号,托育中心,公办,是,运营中,备案中,30,\n";
  const auto checked = test::check_csv("institutions", csv);
  const auto& d = only(checked);
  CHECK(d.severity == core::Severity::warning);
  CHECK(d.message.en == "column 3 has no header; its values are ignored");
  CHECK(d.message.zh == "第 3 列没有列名，此列的值被忽略");
  CHECK(d.hint.en == "give the column a header from the schema, or delete it");
  CHECK(d.where.line == 3);  // the first value in that column
  CHECK(d.where.column == 16);
  CHECK(checked.table.rows[1].valid);
}

TEST_CASE("validate::validate_table reports a cell after a multi-line cell at its own line") {
  const std::string header = test::institutions_csv();
  const std::string first_line = header.substr(0, header.find('\n') + 1);
  const auto checked = test::check_csv(
      "institutions", first_line + "sl-0001,阳光托育中心,990101,\"书院路1号\n二楼\",托育中心,公办,是,运营中,备案中,八十\n");
  const auto& d = only(checked);
  CHECK(d.message.en.rfind("capacity (托位数): expected a whole number", 0) == 0);
  CHECK(d.where.line == 3);
  CHECK(d.where.column == 23);  // 二楼",托育中心,公办,是,运营中,备案中,八十
  const auto& row = checked.table.rows[0];
  CHECK(row.line == 2);
  CHECK(row.lines[field("address")] == 2);
  CHECK(row.lines[field("capacity")] == 3);
  CHECK(checked.table.where(row, field("id")).line == 2);
  CHECK(checked.table.where(row, field("street")).line == 2);  // absent column: the row's line
}

TEST_CASE("validate::validate_table refuses two fees with the same institution, service, class and item") {
  const std::string csv =
      "institution_id,service,class,item,amount,unit\n"
      "sl-0001,全日托,托小班,保育费,1770,月\n"
      "sl-0001,全日托,托大班,保育费,1640,月\n"
      "sl-0001,全日托,托小班,保育费,1800,月\n";
  const auto checked = test::check_csv("fees", csv);
  const auto& d = only(checked);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.line == 4);
  CHECK(d.where.column == 1);
  CHECK(d.message.en ==
        "institution_id (机构编号), service (服务类型), class (班型), item (收费项目) \"sl-0001 / 全日托 / 托小班 / 保育费\" is "
        "repeated; line 2 has it already");
  CHECK(d.message.zh ==
        "institution_id (机构编号)、service (服务类型)、class (班型)、item (收费项目) 为 \"sl-0001 / 全日托 / 托小班 / 保育费\" "
        "的记录重复，第 2 行已有");
  CHECK_FALSE(checked.table.rows[2].valid);
  CHECK(checked.table.rows[1].valid);
}

TEST_CASE("validate::validate_table treats an empty class as part of the fee key") {
  const std::string csv =
      "institution_id,service,class,item,amount,unit\n"
      "sl-0001,全日托,,伙食费,390,月\n"
      "sl-0001,全日托,托小班,伙食费,390,月\n"
      "sl-0001,全日托,,伙食费,400,月\n";
  const auto checked = test::check_csv("fees", csv);
  CHECK(checked.diagnostics.error_count() == 1);
  CHECK(only(checked).where.line == 4);
}

TEST_CASE("validate::validate_table refuses an amount with more decimals than the schema allows") {
  const auto checked = test::check_csv("fees", "institution_id,service,item,amount,unit\nsl-0001,全日托,保育费,12.345,月\n");
  CHECK(only(checked).message.en == "amount (金额): expected a number with at most 2 decimal places ≥ 0, got \"12.345\"");
}

TEST_CASE("validate::validate_table validates a private field's value like any other, without showing it") {
  const auto checked = check_institution({{"operator_mobile", "1390000"}});
  const auto& d = only(checked);
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 50);
  CHECK(d.message.en == "举办者手机 (operator_mobile): expected a mainland landline, mobile or 400/800 number, got (7 characters, private)");
  CHECK(d.message.zh == "举办者手机 (operator_mobile)：应为大陆固定电话、手机或 400/800 号码，实际为 （7 个字符，不公开）");
  CHECK(d.hint.en == "the column is private, so messages do not show its value; look at the cell in the file");
  CHECK_FALSE(checked.table.rows[0].valid);
  const auto good = check_institution({{"operator_mobile", "139 0000 7107"}});
  CHECK(good.diagnostics.entries().empty());
  CHECK(std::get<std::string>(good.table.value(good.table.rows[0], "operator_mobile")) == "13900007107");
}

TEST_CASE("validate::validate_table reads dates and booleans in their accepted spellings") {
  const auto checked = check_institution({{"filing_date", "2022年3月12日"}, {"inclusive", "Y"}});
  INFO(test::dump(checked.diagnostics));
  CHECK(checked.diagnostics.entries().empty());
  const auto& row = checked.table.rows[0];
  CHECK(validate::to_text(checked.table.value(row, "filing_date")) == "2022-03-12");
  CHECK(std::get<bool>(checked.table.value(row, "inclusive")));
  CHECK(only(check_institution({{"inclusive", "maybe"}})).message.en.rfind("普惠 (inclusive): expected 是 or 否", 0) == 0);
}

TEST_CASE("validate::validate_table never quotes a private value, nor a hint built from it") {
  auto document = nlohmann::json::parse(test::schema_text("institutions"));
  for (auto& f : document["fields"]) {
    if (f["name"] == "operator_mobile") f["constraints"] = {{"unique", true}};
  }
  core::Diagnostics parse_diagnostics;
  const auto schema = load::parse_table_schema(document.dump(), "institutions", "institutions.schema.json", parse_diagnostics);
  REQUIRE(schema.has_value());
  const std::string csv = test::institutions_csv({with(minimal_institution("sl-0001"), {{"operator_mobile", "13900007107号"}}),
                                                  with(minimal_institution("sl-0002"), {{"operator_mobile", "13900007108"}}),
                                                  with(minimal_institution("sl-0003"), {{"operator_mobile", "13900007108"}})});
  core::Diagnostics diagnostics;
  const auto table = validate::validate_table(load::parse_csv(csv, "data/institutions.csv", diagnostics), *schema, "data/institutions.csv", diagnostics);
  INFO(test::dump(diagnostics));
  REQUIRE(diagnostics.error_count() == 2);
  for (const auto& d : diagnostics.entries()) {
    for (const std::string* text : {&d.message.zh, &d.message.en, &d.hint.zh, &d.hint.en}) {
      CHECK(text->find("1390000710") == std::string::npos);
    }
  }
  const auto* repeated = test::find_message(diagnostics, "is repeated");
  REQUIRE(repeated != nullptr);
  CHECK(repeated->message.en == "operator_mobile (举办者手机) (11 characters, private) is repeated; line 3 has it already");
  CHECK(repeated->message.zh == "operator_mobile (举办者手机) 为 （11 个字符，不公开） 的记录重复，第 3 行已有");
  CHECK(repeated->where.line == 4);
  CHECK(test::find_message(diagnostics, "got (12 characters, private)") != nullptr);
  CHECK(table.rows[0].valid == false);
}

TEST_CASE("validate::validate_table refuses a value it cannot check against the pattern in time, without crashing") {
  auto document = nlohmann::json::parse(test::schema_text("institutions"));
  for (auto& f : document["fields"]) {
    if (f["name"] == "note") f["constraints"] = {{"pattern", "(a+)+b"}};
    if (f["name"] == "hours") f["constraints"] = {{"pattern", "(a|b)*"}};
  }
  core::Diagnostics diagnostics;
  const auto schema = load::parse_table_schema(document.dump(), "institutions", "institutions.schema.json", diagnostics);
  REQUIRE(schema.has_value());
  const std::string csv = test::institutions_csv({with(minimal_institution(), {{"note", std::string(40, 'a')}, {"hours", std::string(200000, 'a')}})});
  const auto table = validate::validate_table(load::parse_csv(csv, "data/institutions.csv", diagnostics), *schema, "data/institutions.csv", diagnostics);
  INFO(test::dump(diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  const auto& d = diagnostics.entries().front();
  CHECK(d.message.en.rfind("note (备注): expected a value of the form (a+)+b", 0) == 0);
  CHECK(d.hint.en == "the value is too long, or the pattern too complex, to check it against the pattern");
}

TEST_CASE("validate::validate_table gives an example header for an empty file even when the schema has one field") {
  core::Diagnostics diagnostics;
  const auto schema = load::parse_table_schema(R"({"fields": [{"name": "code", "title": "代码"}]})", "t", "t.schema.json", diagnostics);
  REQUIRE(schema.has_value());
  const auto table = validate::validate_table(load::parse_csv("", "t.csv", diagnostics), *schema, "t.csv", diagnostics);
  REQUIRE(diagnostics.entries().size() == 1);
  CHECK(diagnostics.entries().front().hint.en == "the first line must name the columns, e.g. code");
  CHECK(diagnostics.entries().front().hint.zh == "第一行应为列名，如 代码");
}

TEST_CASE("validate::validate_table reports an empty file as missing its header") {
  const auto checked = test::check_csv("institutions", "");
  const auto& d = only(checked);
  CHECK(d.where.line == 0);
  CHECK(d.message.en == "the file is empty: the header row is missing");
  CHECK(d.hint.en == "the first line must name the columns, e.g. id,name");
  CHECK(checked.table.rows.empty());
}
