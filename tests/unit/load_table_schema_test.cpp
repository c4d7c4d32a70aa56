#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "load/table_schema.h"
#include "test_support.h"

using namespace tuoyu;
using load::FieldType;

namespace {

/// Parses `json` as the schema of table "t", expecting it to fail; returns the diagnostics.
core::Diagnostics parse_failing(std::string_view json) {
  core::Diagnostics diagnostics;
  const auto schema = load::parse_table_schema(json, "t", "t.schema.json", diagnostics);
  CHECK_FALSE(schema.has_value());
  CHECK(diagnostics.error_count() == 1);
  return diagnostics;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("load::parse_table_schema reads every field of institutions with names, titles and types in order") {
  const auto& schema = test::schema("institutions");
  CHECK(schema.table == "institutions");
  REQUIRE(schema.fields.size() == 30);
  CHECK(schema.fields.front().name == "id");
  CHECK(schema.fields.front().title == "机构编号");
  CHECK(schema.fields.back().name == "note");
  const auto& capacity = schema.fields[schema.index_of("capacity")];
  CHECK(capacity.title == "托位数");
  CHECK(capacity.type == FieldType::integer);
  CHECK(capacity.required);
  CHECK(capacity.minimum == 0.0);
  CHECK_FALSE(capacity.maximum.has_value());
  CHECK(schema.fields[schema.index_of("inclusive")].type == FieldType::boolean);
  CHECK(schema.fields[schema.index_of("filing_date")].type == FieldType::date);
  CHECK(schema.fields[schema.index_of("longitude")].type == FieldType::number);
  CHECK(schema.fields[schema.index_of("street")].type == FieldType::string);
  CHECK_FALSE(schema.fields[schema.index_of("street")].required);
  CHECK(schema.source_json == test::schema_text("institutions"));
}

TEST_CASE("load::parse_table_schema reads unique, pattern, enum, minimum, maximum and maxLength constraints") {
  const auto& schema = test::schema("institutions");
  const auto& id = schema.fields[schema.index_of("id")];
  CHECK(id.required);
  CHECK(id.unique);
  CHECK(id.pattern == std::string("[A-Za-z0-9][A-Za-z0-9_-]{0,63}"));
  CHECK(id.expected.en == "an id of letters, digits, _ or - that starts with a letter or digit, at most 64 characters");
  CHECK(id.expected.zh == "由字母、数字、下划线或连字符组成、以字母或数字开头、最长 64 个字符的编号");
  const auto& type = schema.fields[schema.index_of("type")];
  CHECK(type.allowed == Names{"托育中心", "幼儿园托班", "社区托育点", "用人单位办托", "家庭托育点"});
  CHECK(type.value_hints.at("托幼一体化") == "幼儿园托班");
  const auto& latitude = schema.fields[schema.index_of("latitude")];
  CHECK(latitude.minimum == 3.0);
  CHECK(latitude.maximum == 54.0);
  CHECK(schema.fields[schema.index_of("name")].max_length == std::size_t{100});
  const auto& inclusive = schema.fields[schema.index_of("inclusive")];
  CHECK(inclusive.true_values.front() == "是");
  CHECK(inclusive.false_values.front() == "否");
  CHECK(test::schema("fees").fields[test::schema("fees").index_of("amount")].max_decimals == 2);
  CHECK(schema.fields[schema.index_of("capacity")].max_decimals == -1);
}

TEST_CASE("load::parse_table_schema marks operator_mobile private with a phone check, and phone public") {
  const auto& schema = test::schema("institutions");
  const auto& mobile = schema.fields[schema.index_of("operator_mobile")];
  CHECK(mobile.is_private);
  CHECK(mobile.check == load::FieldCheck::phone);
  const auto& phone = schema.fields[schema.index_of("phone")];
  CHECK_FALSE(phone.is_private);
  CHECK(phone.check == load::FieldCheck::phone);
  CHECK(schema.fields[schema.index_of("uscc")].check == load::FieldCheck::uscc);
  std::size_t private_fields = 0;
  for (const auto& field : schema.fields) private_fields += field.is_private ? 1 : 0;
  CHECK(private_fields == 1);
}

TEST_CASE("load::parse_table_schema reads tuoyu:list on services as a list with delimiters and allowed items") {
  const auto& schema = test::schema("institutions");
  const auto& services = schema.fields[schema.index_of("services")];
  CHECK(services.is_list);
  CHECK(services.list_delimiters == Names{"、", ";", ",", "/"});
  CHECK(services.allowed == Names{"全日托", "半日托", "计时托", "临时托"});
  CHECK(services.value_hints.at("全托") == "全日托");
  CHECK_FALSE(schema.fields[schema.index_of("type")].is_list);
}

TEST_CASE("load::parse_table_schema reads primary keys, foreign keys and uniqueKeys") {
  const auto& institutions = test::schema("institutions");
  CHECK(institutions.primary_key == Names{"id"});
  REQUIRE(institutions.foreign_keys.size() == 1);
  CHECK(institutions.foreign_keys[0].fields == Names{"district_code"});
  CHECK(institutions.foreign_keys[0].resource == "areas");
  CHECK(institutions.foreign_keys[0].reference_fields == Names{"code"});

  const auto& fees = test::schema("fees");
  CHECK(fees.primary_key.empty());
  REQUIRE(fees.unique_keys.size() == 1);
  CHECK(fees.unique_keys[0] == Names{"institution_id", "service", "class", "item"});
  REQUIRE(fees.foreign_keys.size() == 1);
  CHECK(fees.foreign_keys[0].resource == "institutions");
  CHECK(fees.foreign_keys[0].reference_fields == Names{"id"});

  const auto& areas = test::schema("areas");
  REQUIRE(areas.foreign_keys.size() == 1);
  CHECK(areas.foreign_keys[0].fields == Names{"parent_code"});
  CHECK(areas.foreign_keys[0].resource.empty());  // the same table
}

TEST_CASE("load::parse_table_schema accepts a key written as a single string") {
  core::Diagnostics diagnostics;
  const auto schema = load::parse_table_schema(R"({"fields": [{"name": "code"}], "primaryKey": "code"})", "t", "t.json", diagnostics);
  REQUIRE(schema.has_value());
  CHECK(diagnostics.entries().empty());
  CHECK(schema->primary_key == Names{"code"});
  CHECK(schema->fields[0].type == FieldType::string);
}

TEST_CASE("load::TableSchema::find_field matches the canonical name, the Chinese title, trimmed headers and upper-case names") {
  const auto& schema = test::schema("institutions");
  const auto capacity = schema.index_of("capacity");
  CHECK(schema.find_field("capacity") == capacity);
  CHECK(schema.find_field("托位数") == capacity);
  CHECK(schema.find_field("  托位数\t") == capacity);
  CHECK(schema.find_field("CAPACITY") == capacity);
  // The validator hands over NFKC-normalised headers: full-width brackets become ASCII ones.
  CHECK(schema.find_field("街道（乡镇）") == schema.index_of("street"));
  CHECK(schema.find_field("街道(乡镇)") == schema.index_of("street"));
  CHECK(schema.find_field("ｃａｐａｃｉｔｙ") == capacity);
  CHECK_FALSE(schema.find_field("capacty").has_value());
  CHECK_FALSE(schema.find_field("").has_value());
}

TEST_CASE("load::TableSchema::index_of throws for a field the schema does not define") {
  CHECK_THROWS_AS((void)test::schema("institutions").index_of("website"), std::logic_error);
}

TEST_CASE("load::parse_table_schema reports text that is not JSON as an error against the schema file") {
  const auto diagnostics = parse_failing(R"({"fields": [ {"name": "id", } ])");
  const auto& d = diagnostics.entries().front();
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.path == "t.schema.json");
  CHECK(d.message.en.rfind("the table schema is not valid JSON: ", 0) == 0);
  CHECK(d.message.zh.rfind("表结构文件不是有效的 JSON：", 0) == 0);
}

TEST_CASE("load::parse_table_schema reports a primaryKey, uniqueKey or foreignKey naming an unknown field") {
  SUBCASE("primaryKey") {
    const auto diagnostics = parse_failing(R"({"fields": [{"name": "id"}], "primaryKey": ["code"]})");
    CHECK(diagnostics.entries().front().message.en == "invalid table schema: schema of t has no field code");
    CHECK(diagnostics.entries().front().message.zh == "表结构文件有误：schema of t has no field code");
  }
  SUBCASE("uniqueKeys") {
    const auto diagnostics = parse_failing(R"({"fields": [{"name": "id"}], "uniqueKeys": [["id", "item"]]})");
    CHECK(diagnostics.entries().front().message.en == "invalid table schema: schema of t has no field item");
  }
  SUBCASE("foreignKeys") {
    const auto diagnostics = parse_failing(
        R"({"fields": [{"name": "id"}], "foreignKeys": [{"fields": ["owner"], "reference": {"resource": "x", "fields": ["id"]}}]})");
    CHECK(diagnostics.entries().front().message.en == "invalid table schema: schema of t has no field owner");
  }
}

TEST_CASE("load::parse_table_schema refuses an unsupported type, an unknown check, a nameless field and no fields") {
  CHECK(parse_failing(R"({"fields": [{"name": "id", "type": "datetime"}]})").entries().front().message.en ==
        "invalid table schema: field \"id\": unsupported type \"datetime\"");
  CHECK(parse_failing(R"({"fields": [{"name": "id", "tuoyu:check": "iban"}]})").entries().front().message.en ==
        "invalid table schema: field \"id\": unknown tuoyu:check \"iban\"");
  CHECK(parse_failing(R"({"fields": [{"title": "编号"}]})").entries().front().message.en ==
        "invalid table schema: a field has no name");
  CHECK(parse_failing(R"({"fields": []})").entries().front().message.en ==
        "invalid table schema: \"fields\" must be a non-empty array");
  CHECK(parse_failing(R"([1, 2])").entries().front().message.en ==
        "invalid table schema: \"fields\" must be a non-empty array");
}
