#include <doctest/doctest.h>

#include "test_support.h"

#include <cctype>
#include <limits>
#include <locale>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/bar_chart.h"

using namespace tuoyu;

namespace {

/// Places per 1,000 population in four districts against the target of 4.5.
render::BarChart places_chart() {
  render::BarChart chart;
  chart.id = "places";
  chart.title = "每千人口托位数";
  chart.description = "各区每千人口托位数与目标 4.5 的对比。";
  chart.bars = {{"青石区", 4.52, "4.52 个/千人"}, {"白沙区", 3.1, "3.10 个/千人"}, {"高新技术产业开发区", std::nullopt, ""}, {"江口区", 4.5, "4.50 个/千人"}};
  chart.target = 4.5;
  chart.target_text = "目标 4.5";
  chart.no_data_text = "无数据";
  chart.met_text = "达到目标";
  chart.below_text = "未达目标";
  return chart;
}

/// The value of attribute `name` in the first element of `svg` that carries `marker` (e.g. data-value="50").
std::string attribute_near(const std::string& svg, const std::string& marker, const std::string& name) {
  const auto at = svg.find(marker);
  REQUIRE_MESSAGE(at != std::string::npos, "no element with " << marker);
  const auto open = svg.rfind('<', at);
  const auto close = svg.find('>', at);
  const std::string element = svg.substr(open, close - open);
  std::smatch match;
  REQUIRE_MESSAGE(std::regex_search(element, match, std::regex(" " + name + "=\"([^\"]*)\"")), element);
  return match[1];
}

/// "" when `svg` is well-formed markup: balanced tags, each attribute name="value" with no '<' in
/// it, no stray '>' or '"' in text; otherwise what is wrong and where.
std::string markup_problem(const std::string& svg) {
  std::vector<std::string> open;
  std::size_t i = 0;
  const auto name_at = [&] {
    const std::size_t start = i;
    while (i < svg.size() && (std::isalnum(static_cast<unsigned char>(svg[i])) || svg[i] == '-' || svg[i] == ':')) ++i;
    return svg.substr(start, i - start);
  };
  while (i < svg.size()) {
    if (svg[i] == '>' || svg[i] == '"') return "stray " + std::string(1, svg[i]) + " at " + std::to_string(i);
    if (svg[i++] != '<') continue;
    const bool closing = i < svg.size() && svg[i] == '/';
    if (closing) ++i;
    const std::string name = name_at();
    if (name.empty()) return "tag without a name at " + std::to_string(i);
    if (closing) {
      if (open.empty() || open.back() != name || svg[i] != '>') return "unbalanced </" + name + "> at " + std::to_string(i);
      open.pop_back();
      ++i;
      continue;
    }
    for (;;) {
      while (i < svg.size() && svg[i] == ' ') ++i;
      if (svg.compare(i, 2, "/>") == 0) { i += 2; break; }
      if (i < svg.size() && svg[i] == '>') { open.push_back(name); ++i; break; }
      if (name_at().empty() || svg.compare(i, 2, "=\"") != 0) return "bad attribute in <" + name + "> at " + std::to_string(i);
      const auto end = svg.find('"', i + 2);
      if (end == std::string::npos || svg.find('<', i + 2) < end) return "unterminated attribute in <" + name + ">";
      i = end + 1;
    }
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

/// How many times `part` occurs in `text`.
std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("render::render_bar_chart is an inline svg labelled by its own title and desc") {
  const std::string svg = render::render_bar_chart(places_chart());
  CHECK(svg.starts_with("<svg "));
  CHECK(svg.ends_with("</svg>"));
  CHECK(svg.find("<?xml") == std::string::npos);
  CHECK(svg.find("<!DOCTYPE") == std::string::npos);
  CHECK(svg.find(" role=\"img\"") != std::string::npos);
  CHECK(svg.find(" aria-labelledby=\"places-title places-desc\"") != std::string::npos);
  // <title> and <desc> come first, before anything drawn.
  const auto title = svg.find("<title id=\"places-title\">每千人口托位数</title>");
  const auto desc = svg.find("<desc id=\"places-desc\">各区每千人口托位数与目标 4.5 的对比。</desc>");
  CHECK(title == svg.find('>') + 1);
  CHECK(desc == svg.find("</title>") + 8);
  CHECK(svg.find(" width=\"100%\"") != std::string::npos);
  CHECK(markup_problem(svg) == "");
}

TEST_CASE("render::render_bar_chart escapes every text and sanitises the id") {
  render::BarChart chart;
  chart.id = "a b\"><x";
  chart.title = "T & 'q'";
  chart.description = "</desc><script>x</script>";
  chart.bars = {{"<script>alert(1)</script>", 1.0, "\"><img src=x onerror=alert(1)>"}, {"\"><img src=x onerror=alert(1)>", std::nullopt, ""}};
  chart.no_data_text = "<b>无</b>";
  chart.target = 0.5;
  chart.target_text = "<i>目标</i>";
  const std::string svg = render::render_bar_chart(chart);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<img") == std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("<i>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(count(svg, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") == 2);
  CHECK(svg.find("<title id=\"a_b___x-title\">T &amp; &#39;q&#39;</title>") != std::string::npos);
  CHECK(svg.find("aria-labelledby=\"a_b___x-title a_b___x-desc\"") != std::string::npos);
  CHECK(svg.find("&lt;/desc&gt;") != std::string::npos);
  CHECK(markup_problem(svg) == "");
}

TEST_CASE("render::render_bar_chart draws bar widths in proportion to the scale") {
  render::BarChart chart;
  chart.id = "share";
  chart.scale_max = 100;
  chart.bars = {{"甲区", 100.0, "100.0%"}, {"乙区", 50.0, "50.0%"}, {"丙区", 0.0, "0.0%"}, {"丁区", -5.0, "-5.0%"}};
  const std::string svg = render::render_bar_chart(chart);
  const double full = std::stod(attribute_near(svg, "data-value=\"100\"", "width"));
  CHECK(full > 300);
  CHECK(std::stod(attribute_near(svg, "data-value=\"50\"", "width")) == doctest::Approx(full / 2).epsilon(0.001));
  CHECK(std::stod(attribute_near(svg, "data-value=\"0\"", "width")) == 0);
  CHECK(count(svg, "data-value=\"0\"") == 2);  // the negative value is clamped to 0
  // Without a target, bars are neither met nor below.
  CHECK(svg.find("bar-met") == std::string::npos);
  CHECK(svg.find("bar-below") == std::string::npos);
  CHECK(svg.find("class=\"target") == std::string::npos);
}

TEST_CASE("render::render_bar_chart shows missing and non-finite values as no data, not as a bar") {
  render::BarChart chart;
  chart.id = "c";
  chart.no_data_text = "无数据";
  chart.bars = {{"甲区", std::nullopt, ""}, {"乙区", std::numeric_limits<double>::quiet_NaN(), "NaN"}, {"丙区", 2.0, "2.0"}};
  const std::string svg = render::render_bar_chart(chart);
  CHECK(count(svg, ">无数据</text>") == 2);
  CHECK(count(svg, "<rect class=\"bar") == 1);
  CHECK(svg.find(">NaN<") == std::string::npos);
}

TEST_CASE("render::render_bar_chart draws the target line at the target's x and marks met bars differently") {
  render::BarChart chart = places_chart();
  chart.scale_max = 9;
  const std::string svg = render::render_bar_chart(chart);
  // The bar of exactly 4.5 ends where the target line stands.
  const double bar_x = std::stod(attribute_near(svg, "data-value=\"4.5\"", "x"));
  const double bar_width = std::stod(attribute_near(svg, "data-value=\"4.5\"", "width"));
  CHECK(std::stod(attribute_near(svg, "class=\"target\"", "x1")) == doctest::Approx(bar_x + bar_width).epsilon(0.001));
  CHECK(attribute_near(svg, "class=\"target\"", "stroke-dasharray") == "6 4");
  CHECK(svg.find(">目标 4.5</text>") != std::string::npos);
  // 4.52 and 4.5 meet the target (solid); 3.1 is below it (hatched); the missing one is neither.
  CHECK(count(svg, "class=\"bar bar-met\"") == 2);
  CHECK(count(svg, "class=\"bar bar-below\"") == 1);
  CHECK(attribute_near(svg, "data-value=\"3.1\"", "fill") == "url(#places-below)");
  CHECK(attribute_near(svg, "data-value=\"4.5\"", "fill") != "url(#places-below)");
  CHECK(svg.find("<pattern id=\"places-below\"") != std::string::npos);
  // The legend names both kinds.
  CHECK(svg.find(">达到目标</text>") != std::string::npos);
  CHECK(svg.find(">未达目标</text>") != std::string::npos);

  chart.target.reset();
  const std::string without = render::render_bar_chart(chart);
  CHECK(without.find("class=\"target") == std::string::npos);
  CHECK(without.find(">目标 4.5<") == std::string::npos);
  CHECK(without.find("达到目标") == std::string::npos);
  CHECK(markup_problem(svg) == "");
  CHECK(markup_problem(without) == "");
  CHECK(markup_problem(render::render_bar_chart(render::BarChart{})) == "");
}

TEST_CASE("render::render_bar_chart keeps two charts' ids apart") {
  render::BarChart other = places_chart();
  other.id = "inclusive";
  const std::string svg = render::render_bar_chart(other);
  CHECK(svg.find("id=\"inclusive-below\"") != std::string::npos);
  CHECK(svg.find("url(#inclusive-below)") != std::string::npos);
  CHECK(svg.find("places") == std::string::npos);
}

TEST_CASE("render::render_bar_chart writes the same bytes whatever the global locale") {
  render::BarChart chart = places_chart();
  chart.bars.push_back({"Long Latin district name", 1234.56, "1,234.56"});
  const std::string classic = render::render_bar_chart(chart);
  CHECK(classic == render::render_bar_chart(chart));
  {
    const test::GlobalLocale comma(test::comma_locale());
    CHECK(render::render_bar_chart(chart) == classic);
  }
  CHECK(classic.find("data-value=\"1234.56\"") != std::string::npos);
}
