#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.h"
#include "load/site_config.h"
#include "test_support.h"

using namespace tuoyu;

namespace {

const std::string kMinimal = "title: 示例市托育服务信息公开\ndata_date: 2025-06-30\n";

/// Parses `yaml` as site.yaml expecting exactly one error, and returns it.
core::Diagnostic single_error(const std::string& yaml) {
  core::Diagnostics diagnostics;
  const auto config = load::parse_site_config(yaml, "site.yaml", diagnostics);
  CHECK_FALSE(config.has_value());
  INFO(test::dump(diagnostics));
  REQUIRE(diagnostics.entries().size() == 1);
  CHECK(diagnostics.entries().front().severity == core::Severity::error);
  return diagnostics.entries().front();
}

load::SiteConfig parse_clean(const std::string& yaml) {
  core::Diagnostics diagnostics;
  auto config = load::parse_site_config(yaml, "site.yaml", diagnostics);
  INFO(test::dump(diagnostics));
  CHECK(diagnostics.entries().empty());
  REQUIRE(config.has_value());
  return std::move(*config);
}

}  // namespace

TEST_CASE("load::parse_site_config reads every setting of a valid site.yaml") {
  const auto config = parse_clean(
      "title: 示例市托育服务信息公开\n"
      "title_en: Example City childcare\n"
      "language: en\n"
      "region: 示例市\n"
      "data_date: 2025-06-30\n"
      "sample_data: true\n"
      "source_note: 示例数据\n"
      "base_url: https://example.gov.cn/tuoyu\n"
      "default_crs: WGS84\n"
      "encoding: gb18030\n"
      "tables:\n"
      "  institutions: data/jigou.csv\n"
      "  fees: data/shoufei.csv\n");
  CHECK(config.title == "示例市托育服务信息公开");
  CHECK(config.title_en == "Example City childcare");
  CHECK(config.language == "en");
  CHECK(config.region == "示例市");
  CHECK(config.data_date == "2025-06-30");
  CHECK(config.sample_data);
  CHECK(config.source_note == "示例数据");
  CHECK(config.base_url == "https://example.gov.cn/tuoyu/");
  CHECK(config.base_path == "/tuoyu/");
  CHECK(config.default_crs == "WGS84");
  CHECK(config.encoding == load::Encoding::gb18030);
  CHECK(config.tables.size() == 2);
  CHECK(config.tables.at("institutions") == "data/jigou.csv");
  CHECK(config.tables.at("fees") == "data/shoufei.csv");
}

TEST_CASE("load::parse_site_config keeps the defaults for settings that are not given") {
  const auto config = parse_clean(kMinimal);
  CHECK(config.language == "zh-CN");
  CHECK(config.base_url.empty());
  CHECK(config.base_path == "/");
  CHECK(config.default_crs == "GCJ02");
  CHECK(config.encoding == load::Encoding::automatic);
  CHECK_FALSE(config.sample_data);
  CHECK(config.tables.empty());
}

TEST_CASE("load::parse_site_config reads the repository's own site.yaml without a diagnostic") {
  const auto config = parse_clean(test::read_source_file("site.yaml"));
  CHECK(config.sample_data);
  CHECK_FALSE(config.title.empty());
}

TEST_CASE("load::parse_site_config takes the sub-path the site is served under from base_url") {
  CHECK(parse_clean(kMinimal + "base_url: https://example.gov.cn/tuoyu\n").base_path == "/tuoyu/");
  CHECK(parse_clean(kMinimal + "base_url: https://example.gov.cn/a/b/\n").base_path == "/a/b/");
  const auto root = parse_clean(kMinimal + "base_url: http://example.gov.cn\n");
  CHECK(root.base_path == "/");
  CHECK(root.base_url == "http://example.gov.cn/");
  const auto slash = parse_clean(kMinimal + "base_url: https://example.gov.cn/\n");
  CHECK(slash.base_path == "/");
  CHECK(slash.base_url == "https://example.gov.cn/");
}

TEST_CASE("load::parse_site_config reports an unknown key at its line and column with a did-you-mean hint") {
  const auto d = single_error(kMinimal + "titel: 另一个标题\n");
  CHECK(d.where.path == "site.yaml");
  CHECK(d.where.line == 3);
  CHECK(d.where.column == 1);
  CHECK(d.message.en == "unknown setting \"titel\"");
  CHECK(d.message.zh == "未知的设置项 \"titel\"");
  CHECK(d.hint.en == "did you mean title?");
  CHECK(d.hint.zh == "是不是 title？");
}

TEST_CASE("load::parse_site_config lists the known keys for an unknown key that resembles none") {
  const auto d = single_error(kMinimal + "  \nfavourite_colour: blue\n");
  CHECK(d.where.line == 4);
  CHECK(d.hint.en.rfind("known keys: title, title_en, language", 0) == 0);
}

TEST_CASE("load::parse_site_config refuses a table name it does not know, with a did-you-mean hint") {
  const auto d = single_error(kMinimal + "tables:\n  institution: data/a.csv\n");
  CHECK(d.where.line == 4);
  CHECK(d.where.column == 3);
  CHECK(d.message.en == "unknown setting \"tables.institution\"");
  CHECK(d.hint.en == "did you mean tables.institutions?");
}

TEST_CASE("load::parse_site_config refuses a language other than zh-CN or en at the value") {
  const auto d = single_error(kMinimal + "language: fr\n");
  CHECK(d.where.line == 3);
  CHECK(d.where.column == 11);
  CHECK(d.message.en == "language must be zh-CN or en, got \"fr\"");
  CHECK(d.message.zh == "language 应为 zh-CN 或 en，实际为 \"fr\"");
}

TEST_CASE("load::parse_site_config refuses a data_date that is not an ISO date") {
  const auto d = single_error("title: 示例\ndata_date: 2025/06/30\n");
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 12);
  CHECK(d.message.en == "data_date must be a date as YYYY-MM-DD, got \"2025/06/30\"");
  CHECK(d.message.zh == "data_date 应为 YYYY-MM-DD 格式的日期，实际为 \"2025/06/30\"");
}

TEST_CASE("load::parse_site_config refuses a data_date of the right shape that is no calendar day") {
  // Every page shows this date; 2025-02-30 or 2025-13-01 must not be published.
  CHECK(single_error("title: 示例\ndata_date: 2025-02-30\n").message.en ==
        "data_date must be a date as YYYY-MM-DD, got \"2025-02-30\"");
  CHECK(single_error("title: 示例\ndata_date: 2025-13-01\n").where.line == 2);
}

TEST_CASE("load::parse_site_config refuses a default_crs other than WGS84, GCJ02 or BD09") {
  const auto d = single_error(kMinimal + "default_crs: WGS-84\n");
  CHECK(d.where.line == 3);
  CHECK(d.message.en == "default_crs must be WGS84, GCJ02 or BD09, got \"WGS-84\"");
  CHECK(d.message.zh == "default_crs 应为 WGS84、GCJ02 或 BD09，实际为 \"WGS-84\"");
}

TEST_CASE("load::parse_site_config refuses a base_url that is not an http(s) URL") {
  const auto d = single_error(kMinimal + "base_url: example.gov.cn/tuoyu\n");
  CHECK(d.where.line == 3);
  CHECK(d.message.en == "base_url must be an http(s):// URL, got \"example.gov.cn/tuoyu\"");
}

TEST_CASE("load::parse_site_config refuses a bad encoding and a sample_data that is not true or false") {
  CHECK(single_error(kMinimal + "encoding: latin1\n").message.en == "encoding must be auto, utf-8 or gb18030, got \"latin1\"");
  CHECK(single_error(kMinimal + "sample_data: maybe\n").message.en == "sample_data must be true or false");
}

TEST_CASE("load::parse_site_config reports a missing title against the whole file") {
  const auto d = single_error("data_date: 2025-06-30\n");
  CHECK(d.where.path == "site.yaml");
  CHECK(d.where.line == 0);
  CHECK(d.message.en == "the required setting title (the site's name) is missing");
  CHECK(d.message.zh == "缺少必填设置 title（网站名称）");
}

TEST_CASE("load::parse_site_config reports a missing data_date") {
  CHECK(single_error("title: 示例\n").message.en ==
        "the required setting data_date (the date the data is as of, YYYY-MM-DD) is missing");
}

TEST_CASE("load::parse_site_config refuses a setting given as a list instead of a single value") {
  const auto d = single_error(kMinimal + "region: [甲, 乙]\n");
  CHECK(d.where.line == 3);
  CHECK(d.message.en == "region must be a single value");
}

TEST_CASE("load::parse_site_config reports a key that is not a single word instead of throwing") {
  const auto d = single_error(kMinimal + "? [title, region]\n: 示例\n");
  CHECK(d.where.line == 3);
  CHECK(d.message.en == "a setting's name must be a single word such as title");
  CHECK(single_error(kMinimal + "tables:\n  ? [fees]\n  : data/fees.csv\n").message.en ==
        "a setting's name must be a single word such as title");
}

TEST_CASE("load::parse_site_config reports a YAML syntax error at its line") {
  const auto d = single_error("title: 示例\ndata_date: 2025-06-30\nregion: 示例: 市\n");
  CHECK(d.where.line == 3);
  CHECK(d.where.column > 0);
  CHECK(d.message.en.rfind("site.yaml is not valid YAML: ", 0) == 0);
  CHECK(d.message.zh.rfind("site.yaml 不是有效的 YAML：", 0) == 0);
}

TEST_CASE("load::parse_site_config refuses a file that is not a mapping of settings") {
  const auto d = single_error("- title\n- data_date\n");
  CHECK(d.message.en == "site.yaml must be a mapping of settings (key: value)");
}

TEST_CASE("load::parse_site_config reads policy targets with their sources and refuses bad ones") {
  core::Diagnostics diagnostics;
  const auto config = load::parse_site_config("title: 示例\ndata_date: 2025-06-30\ntargets:\n  places_per_1000:\n    value: 4.5\n    source: 规划\n"
                                              "  inclusive_share:\n    value: 60\n",
                                              "site.yaml", diagnostics);
  REQUIRE(config.has_value());
  CHECK(config->targets.at("places_per_1000").value == "4.5");
  CHECK(config->targets.at("places_per_1000").source == "规划");
  CHECK(config->targets.at("inclusive_share").value == "60");
  CHECK(config->targets.count("community_coverage") == 0);

  core::Diagnostics bad;
  CHECK_FALSE(load::parse_site_config("title: 示例\ndata_date: 2025-06-30\ntargets:\n  places_per_thousand:\n    value: 4.5\n"
                                      "  inclusive_share:\n    value: 六十\n  occupancy:\n    source: 无值\n",
                                      "site.yaml", bad)
                  .has_value());
  CHECK(bad.error_count() == 3);
  const auto* unknown = test::find_message(bad, "places_per_thousand");
  REQUIRE(unknown != nullptr);
  CHECK(unknown->hint.en.find("places_per_1000") != std::string::npos);  // did you mean
  CHECK(test::find_message(bad, "六十") != nullptr);
  CHECK(test::find_message(bad, "targets.occupancy") != nullptr);
}
