#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
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
  CHECK(capacity.maximum == 100000.0);
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
    CHECK(diagnostics.entries().front().message.en == "invalid table schema: primaryKey names the field code, which the schema does not define");
    CHECK(diagnostics.entries().front().message.zh == "表结构文件有误：primaryKey 中的字段 code 在表结构中没有定义");
  }
  SUBCASE("uniqueKeys") {
    const auto diagnostics = parse_failing(R"({"fields": [{"name": "id"}], "uniqueKeys": [["id", "item"]]})");
    CHECK(diagnostics.entries().front().message.en == "invalid table schema: uniqueKeys names the field item, which the schema does not define");
  }
  SUBCASE("foreignKeys") {
    const auto diagnostics = parse_failing(
        R"({"fields": [{"name": "id"}], "foreignKeys": [{"fields": ["owner"], "reference": {"resource": "x", "fields": ["id"]}}]})");
    CHECK(diagnostics.entries().front().message.en == "invalid table schema: foreignKeys names the field owner, which the schema does not define");
  }
  SUBCASE("the reference fields of a key within the same table") {
    const auto diagnostics = parse_failing(
        R"({"fields": [{"name": "code"}, {"name": "parent"}], "foreignKeys": [{"fields": ["parent"], "reference": {"resource": "", "fields": ["cdoe"]}}]})");
    CHECK(diagnostics.entries().front().message.en ==
          "invalid table schema: foreignKeys.reference names the field cdoe, which the schema does not define");
  }
  SUBCASE("a foreign key with more fields than reference fields") {
    const auto diagnostics = parse_failing(
        R"({"fields": [{"name": "a"}, {"name": "b"}], "foreignKeys": [{"fields": ["a", "b"], "reference": {"resource": "x", "fields": ["id"]}}]})");
    CHECK(diagnostics.entries().front().message.en == "invalid table schema: a foreign key has 2 fields but references 1");
  }
}

TEST_CASE("load::parse_table_schema reports a field name defined twice") {
  const auto diagnostics = parse_failing(R"({"fields": [{"name": "id"}, {"name": "id", "title": "编号"}]})");
  CHECK(diagnostics.entries().front().message.en == "invalid table schema: the field name id is defined twice");
}

TEST_CASE("load::parse_table_schema reports a pattern that does not compile, with the field, the pattern and the reason") {
  const auto diagnostics = parse_failing(R"({"fields": [{"name": "code", "constraints": {"pattern": "[0-9{6}"}}]})");
  const auto& d = diagnostics.entries().front();
  CHECK(d.where.path == "t.schema.json");
  CHECK(d.message.en ==
        "invalid table schema: the pattern \"[0-9{6}\" of the field code is not a valid regular expression: missing ] "
        "(U_REGEX_MISSING_CLOSE_BRACKET) at character 8");
  CHECK(d.message.zh.rfind("表结构文件有误：字段 code 的 pattern \"[0-9{6}\" 不是有效的正则表达式：missing ]", 0) == 0);
  CHECK(d.hint.en == "a pattern is a regular expression the whole value must match, e.g. [0-9]{6} or [A-Z]{2}[0-9]{4}");
  // Every bad pattern is reported, not only the first.
  core::Diagnostics two;
  CHECK_FALSE(load::parse_table_schema(R"({"fields": [{"name": "a", "constraints": {"pattern": "(x"}},
                                                      {"name": "b", "constraints": {"pattern": "x{3,1}"}}]})",
                                       "t", "t.schema.json", two)
                  .has_value());
  INFO(test::dump(two));
  CHECK(two.error_count() == 2);
  CHECK(test::count_messages(two, "of the field a is not a valid regular expression: unbalanced parentheses") == 1);
  CHECK(test::count_messages(two, "of the field b is not a valid regular expression: in {m,n}, n is less than m") == 1);
}

namespace {

/// The repository's schema of `table` as JSON, to change one thing in it.
nlohmann::json schema_json(const std::string& table) { return nlohmann::json::parse(test::schema_text(table)); }

/// Parses a changed schema of `table`, which must be refused; returns the diagnostics.
core::Diagnostics refused(const nlohmann::json& document, const std::string& table) {
  core::Diagnostics diagnostics;
  CHECK_FALSE(load::parse_table_schema(document.dump(), table, table + ".schema.json", diagnostics).has_value());
  return diagnostics;
}

}  // namespace

TEST_CASE("load::parse_table_schema refuses a schema that lacks a field tuoyu reads by name, naming each one") {
  auto document = schema_json("institutions");
  auto& fields = document["fields"];
  for (const char* name : {"rating", "phone"}) {
    fields.erase(std::find_if(fields.begin(), fields.end(), [&](const nlohmann::json& f) { return f["name"] == name; }));
  }
  const auto diagnostics = refused(document, "institutions");
  INFO(test::dump(diagnostics));
  CHECK(diagnostics.error_count() == 2);
  const auto* d = test::find_message(diagnostics, "rating");
  REQUIRE(d != nullptr);
  CHECK(d->where.path == "institutions.schema.json");
  CHECK(d->message.en == "the schema of institutions lacks the field rating that tuoyu needs");
  CHECK(d->message.zh == "institutions 的表结构缺少 tuoyu 需要的字段 rating");
  CHECK(d->hint.en.find("restore it from the built-in schema") != std::string::npos);
  CHECK(test::find_message(diagnostics, "lacks the field phone that tuoyu needs") != nullptr);
  // Renaming counts as removing; the other tables are checked as well.
  auto fees = schema_json("fees");
  test::json_field(fees, "prepay_months")["name"] = "prepay";
  CHECK(test::find_message(refused(fees, "fees"), "the schema of fees lacks the field prepay_months that tuoyu needs") != nullptr);
  auto areas = schema_json("areas");
  auto& area_fields = areas["fields"];
  area_fields.erase(std::find_if(area_fields.begin(), area_fields.end(), [](const nlohmann::json& f) { return f["name"] == "population"; }));
  CHECK(test::find_message(refused(areas, "areas"), "the schema of areas lacks the field population that tuoyu needs") != nullptr);
}

TEST_CASE("load::parse_table_schema refuses a field tuoyu reads by name with a type it cannot read it as") {
  auto document = schema_json("institutions");
  test::json_field(document, "capacity")["type"] = "number";
  test::json_field(document, "inclusive")["type"] = "string";
  test::json_field(document, "services").erase("tuoyu:list");
  const auto diagnostics = refused(document, "institutions");
  INFO(test::dump(diagnostics));
  CHECK(diagnostics.error_count() == 3);
  CHECK(test::find_message(diagnostics, "the schema of institutions gives the field capacity the type number, but tuoyu reads it as integer") != nullptr);
  CHECK(test::find_message(diagnostics, "gives the field inclusive the type string, but tuoyu reads it as boolean") != nullptr);
  CHECK(test::find_message(diagnostics, "does not give the field services a tuoyu:list, but tuoyu reads it as a list") != nullptr);
  // Fields read as text may have any type.
  auto dated = schema_json("institutions");
  test::json_field(dated, "hours")["type"] = "date";
  core::Diagnostics fine;
  CHECK(load::parse_table_schema(dated.dump(), "institutions", "institutions.schema.json", fine).has_value());
  CHECK(fine.entries().empty());
}

TEST_CASE("load::parse_table_schema refuses a private id or area code, which name the published pages, but allows other private fields") {
  auto document = schema_json("institutions");
  test::json_field(document, "id")["private"] = true;
  const auto diagnostics = refused(document, "institutions");
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.entries().front().message.en == "the field id of institutions cannot be private: tuoyu names the published pages by it");
  auto areas = schema_json("areas");
  test::json_field(areas, "code")["private"] = true;
  CHECK(refused(areas, "areas").error_count() == 1);
  auto phone = schema_json("institutions");
  test::json_field(phone, "phone")["private"] = true;
  test::json_field(phone, "address")["private"] = true;
  core::Diagnostics fine;
  CHECK(load::parse_table_schema(phone.dump(), "institutions", "institutions.schema.json", fine).has_value());
  CHECK(fine.entries().empty());
}

TEST_CASE("load::required_field_names lists every field the domain rules and the model read by name") {
  // Reads the sources: any name they pass to index_of or a RowReader must be in the list of some table.
  std::vector<std::string> all;
  for (const char* table : {"institutions", "fees", "areas"}) {
    for (auto& name : load::required_field_names(table)) all.push_back(name);
  }
  CHECK(load::required_field_names("other").empty());
  std::size_t found = 0;
  for (const char* file : {"generator/validate/domain_rules.cpp", "generator/model/build_model.cpp"}) {
    const std::string source = test::read_source_file(file);
    static const std::regex call(R"re((?:index_of|text|integer|decimal|flag|list)\("([a-z0-9_]+)"\))re");
    for (auto it = std::sregex_iterator(source.begin(), source.end(), call); it != std::sregex_iterator(); ++it) {
      ++found;
      const std::string name = (*it)[1];
      INFO(file << " reads " << name);
      CHECK(std::find(all.begin(), all.end(), name) != all.end());
    }
  }
  CHECK(found > 40);
  // And the repository's schemas define them all.
  for (const char* table : {"institutions", "fees", "areas"}) {
    for (const auto& name : load::required_field_names(table)) {
      INFO(table << "." << name);
      CHECK(test::schema(table).find_name(name).has_value());
    }
  }
}

TEST_CASE("load::check_schema_set accepts the repository's schemas") {
  std::map<std::string, load::TableSchema> schemas;
  for (const char* table : {"institutions", "fees", "areas"}) schemas.emplace(table, test::schema(table));
  core::Diagnostics diagnostics;
  CHECK(load::check_schema_set(schemas, diagnostics));
  CHECK(diagnostics.entries().empty());
}

TEST_CASE("load::check_schema_set reports a foreign key to a missing table or to a field the other table lacks") {
  std::map<std::string, load::TableSchema> schemas;
  for (const char* table : {"institutions", "areas"}) schemas.emplace(table, test::schema(table));
  auto fees = schema_json("fees");
  fees["foreignKeys"][0]["reference"]["fields"] = {"institution_code"};
  core::Diagnostics parsed;
  auto fee_schema = load::parse_table_schema(fees.dump(), "fees", "data/schema/fees.schema.json", parsed);
  REQUIRE(fee_schema.has_value());  // on its own the schema is fine
  schemas.emplace("fees", std::move(*fee_schema));
  auto& areas = schemas.at("areas");
  areas.foreign_keys.push_back({{"parent_code"}, "regions", {"code"}});

  core::Diagnostics diagnostics;
  CHECK_FALSE(load::check_schema_set(schemas, diagnostics));
  INFO(test::dump(diagnostics));
  REQUIRE(diagnostics.error_count() == 2);
  const auto* field = test::find_message(diagnostics, "institution_code");
  REQUIRE(field != nullptr);
  CHECK(field->where.path == "data/schema/fees.schema.json");
  CHECK(field->message.en ==
        "invalid table schema: a foreign key references the field institution_code of institutions, which the schema of institutions "
        "does not define");
  CHECK(field->message.zh == "表结构文件有误：外键引用了 institutions 的字段 institution_code，但 institutions 的表结构没有此字段");
  const auto* table = test::find_message(diagnostics, "regions");
  REQUIRE(table != nullptr);
  CHECK(table->where.path == "data/schema/areas.schema.json");
  CHECK(table->message.en ==
        "invalid table schema: a foreign key references the table regions, which does not exist (the tables are areas, fees, institutions)");
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
