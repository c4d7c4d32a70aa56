#include <doctest/doctest.h>

#include <string>

#include "render/markdown.h"

using tuoyu::render::markdown_to_html;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("render::markdown_to_html renders headings, paragraphs, emphasis and lists") {
  const std::string html = markdown_to_html("# 睡眠\n\n## 午睡\n\n每天 **1–2 小时**。\n\n- 固定时间\n- 安静环境\n\n1. 先洗手\n2. 再喂奶\n");
  CHECK(contains(html, "<h1>睡眠</h1>\n"));
  CHECK(contains(html, "<h2>午睡</h2>\n"));
  CHECK(contains(html, "<p>每天 <strong>1–2 小时</strong>。</p>\n"));
  CHECK(contains(html, "<ul>\n<li>固定时间</li>\n<li>安静环境</li>\n</ul>\n"));
  CHECK(contains(html, "<ol>\n<li>先洗手</li>\n<li>再喂奶</li>\n</ol>\n"));
}

TEST_CASE("render::markdown_to_html never lets raw HTML through, as a block or inline") {
  const std::string block = markdown_to_html("<script>alert(1)</script>\n\n正文\n");
  CHECK_FALSE(contains(block, "<script"));
  CHECK(contains(block, "<p>正文</p>"));
  const std::string inline_html = markdown_to_html("看图 <img src=x onerror=alert(1)> 和 <a href=\"javascript:alert(1)\">链接</a>\n");
  CHECK_FALSE(contains(inline_html, "<img"));
  CHECK_FALSE(contains(inline_html, "onerror"));
  CHECK_FALSE(contains(inline_html, "<a "));
  CHECK_FALSE(contains(inline_html, "javascript:"));
  CHECK(contains(inline_html, "看图"));
  const std::string block_img = markdown_to_html("<div><img src=x onerror=alert(1)></div>\n");
  CHECK_FALSE(contains(block_img, "<img"));
  CHECK_FALSE(contains(block_img, "<div"));
}

TEST_CASE("render::markdown_to_html drops javascript:, vbscript:, file: and data: link targets") {
  const std::string html = markdown_to_html("[x](javascript:alert(1))\n");
  CHECK(contains(html, ">x</a>"));
  CHECK_FALSE(contains(html, "javascript:"));
  CHECK_FALSE(contains(markdown_to_html("[x](JavaScript:alert(1))\n"), "alert"));
  CHECK_FALSE(contains(markdown_to_html("[x](vbscript:msgbox)\n"), "vbscript:"));
  CHECK_FALSE(contains(markdown_to_html("[x](file:///etc/passwd)\n"), "file:"));
  CHECK_FALSE(contains(markdown_to_html("![x](data:text/html;base64,PHNjcmlwdD4=)\n"), "data:text/html"));
  CHECK_FALSE(contains(markdown_to_html("<javascript:alert(1)>\n"), "href=\"javascript:"));
}

TEST_CASE("render::markdown_to_html keeps ordinary links and escapes text") {
  CHECK(markdown_to_html("[国家卫健委](https://www.nhc.gov.cn/)\n") == "<p><a href=\"https://www.nhc.gov.cn/\">国家卫健委</a></p>\n");
  CHECK(markdown_to_html("a < b & \"c\"\n") == "<p>a &lt; b &amp; &quot;c&quot;</p>\n");
  CHECK(markdown_to_html("[t](https://x.cn/\"onmouseover=\"alert(1))\n").find("\"onmouseover") == std::string::npos);
}

TEST_CASE("render::markdown_to_html returns nothing for empty input and survives invalid UTF-8") {
  CHECK(markdown_to_html("").empty());
  const std::string html = markdown_to_html("abc\xFF\n");
  CHECK(contains(html, "abc"));
  CHECK(contains(html, "\xEF\xBF\xBD"));  // replaced by U+FFFD
}
