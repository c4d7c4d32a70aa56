#include <doctest/doctest.h>

#include <string>

#include "render/markdown.h"

using namespace tuoyu;

TEST_CASE("render::render_article_markdown gives level-2 headings ids and lists them, nested ones too") {
  const auto out = render::render_article_markdown("# 标题\n\n## 第一节 `代码`\n\n正文\n\n- ## 列表中的节\n\n## 第三节\n\n### 小节\n");
  REQUIRE(out.headings.size() == 3);
  CHECK(out.headings[0].id == "section-1");
  CHECK(out.headings[0].text == "第一节 代码");
  CHECK(out.headings[1].text == "列表中的节");
  CHECK(out.html.find("<h2 id=\"section-1\">") != std::string::npos);
  CHECK(out.html.find("<h2 id=\"section-3\">第三节</h2>") != std::string::npos);
  CHECK(out.html.find("<h2>") == std::string::npos);
}

TEST_CASE("render::render_article_markdown cannot be tricked into ids by text that looks like a heading tag") {
  const auto out = render::render_article_markdown("text <h2>raw</h2>\n\n`<h2>`\n\n## 真的\n");
  REQUIRE(out.headings.size() == 1);
  CHECK(out.html.find("<h2 id=\"section-1\">真的</h2>") != std::string::npos);
  CHECK(out.html.find("<h2>raw") == std::string::npos);
}
