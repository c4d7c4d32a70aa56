#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.h"
#include "load/article_source.h"
#include "test_support.h"

using namespace tuoyu;

namespace {

const std::string kPath = "content/guide/sleep.md";

/// A complete article whose front matter lines are `front` (each ending in "\n").
std::string article(const std::string& front, const std::string& body = "## 午睡\n\n正文。\n") {
  return "---\n" + front + "---\n" + body;
}

const std::string kFront =
    "title: 婴幼儿的睡眠\n"
    "topic: 睡眠\n"
    "age_min_months: 6\n"
    "age_max_months: 24\n"
    "summary: 睡眠多少才够。\n"
    "source: 国家卫生健康委员会\n"
    "reviewed: 2025-03-01\n"
    "sample: true\n";

struct Parsed {
  std::optional<model::Article> article;
  core::Diagnostics diagnostics;
  std::string body;
};

Parsed parse(const std::string& text, const std::string& slug = "sleep") {
  Parsed out;
  out.article = load::parse_article(text, slug, kPath, out.diagnostics, &out.body);
  return out;
}

}  // namespace

TEST_CASE("load::parse_article reads the front matter and hands back the Markdown body") {
  const auto parsed = parse(article(kFront));
  INFO(test::dump(parsed.diagnostics));
  CHECK(parsed.diagnostics.entries().empty());
  REQUIRE(parsed.article.has_value());
  const auto& a = *parsed.article;
  CHECK(a.slug == "sleep");
  CHECK(a.source_path == kPath);
  CHECK(a.title == "婴幼儿的睡眠");
  CHECK(a.topic == "睡眠");
  CHECK(a.summary == "睡眠多少才够。");
  CHECK(a.source == "国家卫生健康委员会");
  CHECK(a.reviewed == "2025-03-01");
  CHECK(a.age_min_months == 6);
  CHECK(a.age_max_months == 24);
  CHECK(a.sample);
  CHECK(a.body_html.empty());
  CHECK(parsed.body == "## 午睡\n\n正文。\n");
}

TEST_CASE("load::parse_article accepts CRLF line ends, a BOM and an article without ages") {
  std::string text = "\xEF\xBB\xBF---\r\ntitle: 睡眠\r\ntopic: 睡眠\r\nsummary: 摘要\r\nsource: 来源\r\nreviewed: 2025/3/1\r\n---\r\n正文\r\n";
  const auto parsed = parse(text);
  INFO(test::dump(parsed.diagnostics));
  CHECK(parsed.diagnostics.entries().empty());
  REQUIRE(parsed.article.has_value());
  CHECK(parsed.article->reviewed == "2025-03-01");
  CHECK(parsed.article->age_min_months == 0);
  CHECK(parsed.article->age_max_months == 36);
  CHECK_FALSE(parsed.article->sample);
  CHECK(parsed.body == "正文\r\n");
}

TEST_CASE("load::parse_article reads every guidance article of the repository without a diagnostic") {
  for (const char* name : {"choosing-a-nursery", "developmental-milestones"}) {
    core::Diagnostics diagnostics;
    const auto parsed = load::parse_article(test::read_source_file(std::string("content/guide/") + name + ".md"), name,
                                            name, diagnostics, nullptr);
    INFO(name << "\n" << test::dump(diagnostics));
    CHECK(parsed.has_value());
    CHECK(diagnostics.entries().empty());
  }
}

TEST_CASE("load::parse_article reports a file without front matter at line 1") {
  for (const std::string& text : {std::string("# 标题\n正文\n"), std::string("---\ntitle: 未结束\n")}) {
    const auto parsed = parse(text);
    CHECK_FALSE(parsed.article.has_value());
    REQUIRE(parsed.diagnostics.entries().size() == 1);
    const auto& d = parsed.diagnostics.entries().front();
    CHECK(d.severity == core::Severity::error);
    CHECK(d.where.path == kPath);
    CHECK(d.where.line == 1);
    CHECK(d.message.en == "no front matter (YAML between --- lines) was found");
    CHECK(d.message.zh == "缺少文首元数据（以 --- 开始和结束的 YAML）");
  }
}

TEST_CASE("load::parse_article warns about an unknown key at its file line and still reads the article") {
  const auto parsed = parse(article(kFront + "author: 张医生\n"));
  REQUIRE(parsed.article.has_value());
  REQUIRE(parsed.diagnostics.entries().size() == 1);
  const auto& d = parsed.diagnostics.entries().front();
  CHECK(d.severity == core::Severity::warning);
  CHECK(d.where.line == 10);  // "---" is line 1, the eight keys are lines 2–9
  CHECK(d.where.column == 1);
  CHECK(d.message.en == "unknown front matter key \"author\" is ignored");
  CHECK(d.message.zh == "未知的元数据键 \"author\"，已忽略");
}

TEST_CASE("load::parse_article suggests the key meant by a misspelt front matter key") {
  const auto parsed = parse(article(kFront + "sumary: 另一个摘要\n"));
  const auto* d = test::find_message(parsed.diagnostics, "unknown front matter key \"sumary\"");
  REQUIRE(d != nullptr);
  CHECK(d->hint.en == "did you mean summary?");
}

TEST_CASE("load::parse_article reports a key that is not a single word instead of throwing") {
  const auto parsed = parse(article(kFront + "[tags, more]: 睡眠\n"));
  CHECK_FALSE(parsed.article.has_value());
  REQUIRE(parsed.diagnostics.entries().size() == 1);
  CHECK(parsed.diagnostics.entries().front().where.line == 10);
  CHECK(parsed.diagnostics.entries().front().message.en == "a front matter key must be a single word such as title");
}

TEST_CASE("load::parse_article refuses a reviewed value that is not a date, at its line") {
  const auto parsed = parse(article("title: 睡眠\ntopic: 睡眠\nsummary: 摘要\nsource: 来源\nreviewed: 最近\n"));
  CHECK_FALSE(parsed.article.has_value());
  REQUIRE(parsed.diagnostics.entries().size() == 1);
  const auto& d = parsed.diagnostics.entries().front();
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.line == 6);
  CHECK(d.where.column == 11);
  CHECK(d.message.en == "reviewed: expected a date, got \"最近\"");
  CHECK(d.message.zh == "reviewed：应为日期，实际为 \"最近\"");
  CHECK_FALSE(d.hint.empty());
}

TEST_CASE("load::parse_article refuses an age outside 0 to 36 months") {
  const auto parsed = parse(article("title: 睡眠\ntopic: 睡眠\nage_max_months: 48\nsummary: 摘要\nsource: 来源\nreviewed: 2025-03-01\n"));
  CHECK_FALSE(parsed.article.has_value());
  REQUIRE(parsed.diagnostics.entries().size() == 1);
  const auto& d = parsed.diagnostics.entries().front();
  CHECK(d.where.line == 4);
  CHECK(d.message.en == "age_max_months: expected a whole number from 0 to 36, got \"48\"");
  CHECK(d.message.zh == "age_max_months：应为 0 到 36 之间的整数，实际为 \"48\"");
  CHECK(test::find_message(parse(article("title: 睡眠\ntopic: 睡眠\nage_min_months: 六个月\nsummary: 摘要\nsource: 来源\nreviewed: 2025-03-01\n")).diagnostics,
                           "age_min_months: expected a whole number from 0 to 36, got \"六个月\"") != nullptr);
}

TEST_CASE("load::parse_article refuses a minimum age above the maximum age") {
  const auto parsed = parse(article("title: 睡眠\ntopic: 睡眠\nage_min_months: 24\nage_max_months: 12\nsummary: 摘要\nsource: 来源\nreviewed: 2025-03-01\n"));
  CHECK_FALSE(parsed.article.has_value());
  REQUIRE(parsed.diagnostics.entries().size() == 1);
  CHECK(parsed.diagnostics.entries().front().message.en == "age_min_months is greater than age_max_months");
}

TEST_CASE("load::parse_article names each missing required key") {
  const auto parsed = parse(article("title: 睡眠\nsummary: 摘要\n"));
  CHECK_FALSE(parsed.article.has_value());
  CHECK(parsed.diagnostics.error_count() == 3);
  CHECK(test::find_message(parsed.diagnostics, "the front matter lacks topic") != nullptr);
  CHECK(test::find_message(parsed.diagnostics, "the front matter lacks source") != nullptr);
  CHECK(test::find_message(parsed.diagnostics, "the front matter lacks reviewed") != nullptr);
}

TEST_CASE("load::parse_article refuses a file name that cannot be a URL") {
  for (const std::string& slug : {std::string("../x"), std::string("Has Space"), std::string("UPPER"), std::string("-dash-first"),
                                  std::string()}) {
    const auto parsed = parse(article(kFront), slug);
    INFO("slug " << slug);
    CHECK_FALSE(parsed.article.has_value());
    REQUIRE(parsed.diagnostics.entries().size() == 1);
    const auto& d = parsed.diagnostics.entries().front();
    CHECK(d.where.path == kPath);
    CHECK(d.message.en == "the file name \"" + slug + "\" cannot be a URL: use lower-case letters, digits and hyphens");
  }
  CHECK(parse(article(kFront), "sleep-0-3").article.has_value());
}

TEST_CASE("load::parse_article reports a YAML error at the line of the file, not of the front matter") {
  // Front matter line 3 (summary) is line 4 of the file: line 1 is the opening ---.
  const auto parsed = parse(article("title: 睡眠\ntopic: 睡眠\nsummary: 一: 二\nsource: 来源\nreviewed: 2025-03-01\n"));
  CHECK_FALSE(parsed.article.has_value());
  REQUIRE(parsed.diagnostics.entries().size() == 1);
  const auto& d = parsed.diagnostics.entries().front();
  CHECK(d.where.line == 4);
  CHECK(d.where.column > 0);
  CHECK(d.message.en.rfind("the front matter is not valid YAML: ", 0) == 0);
  CHECK(d.message.zh.rfind("文首元数据不是有效的 YAML：", 0) == 0);
}
