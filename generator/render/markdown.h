#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tuoyu::render {

/// A level-2 heading of an article: its anchor id and plain text, for a table of contents.
struct Heading {
  std::string id;
  std::string text;
};

/// An article body as HTML with ids on its level-2 headings.
struct RenderedMarkdown {
  std::string html;
  std::vector<Heading> headings;
};

/// CommonMark to HTML with cmark in safe mode: raw HTML is dropped and links or images with
/// javascript:, vbscript:, file: or data: URLs lose their target; typographic output is stable.
std::string markdown_to_html(std::string_view markdown);

/// Like markdown_to_html, and gives each level-2 heading the id "section-N" (N from 1) and lists them.
RenderedMarkdown render_article_markdown(std::string_view markdown);

}  // namespace tuoyu::render
