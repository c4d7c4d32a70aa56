#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "core/diagnostics.h"
#include "render/template_set.h"
#include "test_support.h"

using namespace tuoyu;
using nlohmann::json;

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kAttribute = "\"><img src=x onerror=alert(1)>";

/// A home page view whose every text a clerk could type is hostile.
json hostile_home_view() {
  return {{"site", {{"title", kScript}, {"region", kAttribute}, {"data_date", "2025-06-30"}}},
          {"root", "../"},
          {"t", json::object()},
          {"page",
           {{"operating_institutions", "1"},
            {"places", 30},
            {"inclusive_share", "100.0%"},
            {"types", json::array({{{"name", "{{name}}"}, {"url", kAttribute}, {"count", 1}}})},
            {"districts",
             json::array({{{"name", "{{site.title}}"},
                           {"code", kAttribute},
                           {"count", 1},
                           {"items", json::array({{{"name", kScript}, {"url", kAttribute}, {"street", "{{name}}"}, {"type", "托育中心"}}})}}})}}}};
}

}  // namespace

TEST_CASE("render::TemplateSet renders the built-in home page with every value HTML-escaped") {
  const test::TempDir source;  // no templates/ folder: the defaults are used
  core::Diagnostics diagnostics;
  render::TemplateSet templates(source.path(), {"home.html"}, diagnostics);
  INFO(test::dump(diagnostics));
  REQUIRE(diagnostics.entries().empty());
  const std::string html = templates.render("home.html", hostile_home_view());
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("onerror=alert(1)>") == std::string::npos);
}

TEST_CASE("render::TemplateSet prints mustache tags found in data literally, never expanding them again") {
  const test::TempDir source;
  core::Diagnostics diagnostics;
  render::TemplateSet templates(source.path(), {"home.html"}, diagnostics);
  const std::string html = templates.render("home.html", hostile_home_view());
  CHECK(html.find("{{site.title}}") != std::string::npos);
  CHECK(html.find("{{name}}") != std::string::npos);
}

TEST_CASE("render::TemplateSet escapes values in a site's own template too and keeps {{{…}}} raw") {
  const test::TempDir source;
  test::write_file(source.path() / "templates" / "probe.html", "<p title=\"{{v}}\">{{v}}</p>{{{raw}}}");
  core::Diagnostics diagnostics;
  render::TemplateSet templates(source.path(), {"probe.html"}, diagnostics);
  REQUIRE(diagnostics.entries().empty());
  CHECK(templates.render("probe.html", {{"v", "a<b & \"c\" 'd'"}, {"raw", "<em>x</em>"}}) ==
        "<p title=\"a&lt;b &amp; &quot;c&quot; &apos;d&apos;\">a&lt;b &amp; &quot;c&quot; &apos;d&apos;</p><em>x</em>");
  CHECK(templates.render("probe.html", {{"v", 30}, {"raw", ""}}) == "<p title=\"30\">30</p>");
}

TEST_CASE("render::TemplateSet uses a site's own templates/ file over the built-in default and says so") {
  const test::TempDir source;
  const auto own = source.path() / "templates" / "home.html";
  test::write_file(own, "<h1>本地 {{site.title}}</h1>");
  core::Diagnostics diagnostics;
  render::TemplateSet templates(source.path(), {"article.html", "home.html"}, diagnostics);
  REQUIRE(diagnostics.entries().empty());
  CHECK(templates.render("home.html", {{"site", {{"title", "示例市"}}}}) == "<h1>本地 示例市</h1>");
  REQUIRE(templates.origins().size() == 2);
  const auto& article = templates.origins()[0];
  CHECK(article.name == "article.html");
  CHECK_FALSE(article.overridden);
  CHECK(article.path == "(built in) templates/article.html");
  const auto& home = templates.origins()[1];
  CHECK(home.name == "home.html");
  CHECK(home.overridden);
  CHECK(home.path == own.string());
}

TEST_CASE("render::TemplateSet reports a template syntax error against the template file") {
  const test::TempDir source;
  const auto own = source.path() / "templates" / "home.html";
  test::write_file(own, "<h1>{{#page}}{{title}}</h1>\n");
  core::Diagnostics diagnostics;
  render::TemplateSet templates(source.path(), {"home.html"}, diagnostics);
  REQUIRE(diagnostics.entries().size() == 1);
  const auto& d = diagnostics.entries().front();
  CHECK(d.severity == core::Severity::error);
  CHECK(d.where.path == own.string());
  CHECK(d.message.en.rfind("template syntax error: ", 0) == 0);
  CHECK(d.message.en.size() > std::string("template syntax error: ").size());
  CHECK(d.message.zh.rfind("模板语法错误：", 0) == 0);
  CHECK_THROWS_AS((void)templates.render("home.html", json::object()), std::logic_error);
}

TEST_CASE("render::TemplateSet reports a template that exists neither in the site nor built in") {
  const test::TempDir source;
  core::Diagnostics diagnostics;
  render::TemplateSet templates(source.path(), {"nope.html"}, diagnostics);
  REQUIRE(diagnostics.entries().size() == 1);
  CHECK(diagnostics.entries().front().message.en == "the template nope.html is missing");
  CHECK(diagnostics.entries().front().message.zh == "找不到模板 nope.html");
  CHECK(templates.origins().empty());
}

TEST_CASE("render::TemplateSet keeps static files as text and clones render the same") {
  const test::TempDir source;
  core::Diagnostics diagnostics;
  render::TemplateSet templates(source.path(), {"home.html", "style.css"}, diagnostics);
  REQUIRE(diagnostics.entries().empty());
  CHECK(templates.text("style.css") == test::read_source_file("templates/style.css"));
  auto copy = templates.clone();
  CHECK(copy.render("home.html", hostile_home_view()) == templates.render("home.html", hostile_home_view()));
  CHECK(copy.origins().size() == 2);
}

TEST_CASE("render::TemplateSet treats an empty text as absent, so a section for it does not show") {
  const test::TempDir source;
  test::write_file(source.path() / "templates" / "probe.html", "[{{#note}}note: {{note}}{{/note}}{{^note}}none{{/note}}]");
  core::Diagnostics diagnostics;
  render::TemplateSet templates(source.path(), {"probe.html"}, diagnostics);
  REQUIRE(diagnostics.entries().empty());
  CHECK(templates.render("probe.html", {{"note", ""}}) == "[none]");
  CHECK(templates.render("probe.html", {{"note", "x"}}) == "[note: x]");
}
