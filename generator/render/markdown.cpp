#include "render/markdown.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace tuoyu::render {
namespace {

// CMARK_OPT_SAFE is the default since cmark 0.29; it is named for readers of older code.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

/// The plain text of a node's inline content.
std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* current = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    const auto type = cmark_node_get_type(current);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* literal = cmark_node_get_literal(current)) out += literal;
    }
  }
  cmark_iter_free(iter);
  return out;
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  std::unique_ptr<char, decltype(&std::free)> html(cmark_markdown_to_html(markdown.data(), markdown.size(), kOptions), &std::free);
  return html ? std::string(html.get()) : std::string();
}

RenderedMarkdown render_article_markdown(std::string_view markdown) {
  RenderedMarkdown out;
  NodePtr document(cmark_parse_document(markdown.data(), markdown.size(), kOptions), &cmark_node_free);
  if (!document) return out;
  // Every level-2 heading in document order, also those nested in lists or quotes.
  cmark_iter* iter = cmark_iter_new(document.get());
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) == 2) {
      out.headings.push_back({"section-" + std::to_string(out.headings.size() + 1), plain_text(node)});
    }
  }
  cmark_iter_free(iter);
  std::unique_ptr<char, decltype(&std::free)> html(cmark_render_html(document.get(), kOptions), &std::free);
  const std::string plain = html ? std::string(html.get()) : std::string();
  // cmark writes every level-2 heading as a bare "<h2>" in document order; text never yields one
  // (it is escaped, and raw HTML is dropped in safe mode).
  std::size_t next = 0;
  std::size_t at = 0;
  while (next < out.headings.size()) {
    const std::size_t found = plain.find("<h2>", at);
    if (found == std::string::npos) break;
    out.html.append(plain, at, found - at);
    out.html += "<h2 id=\"" + out.headings[next++].id + "\">";
    at = found + 4;
  }
  out.html.append(plain, at, std::string::npos);
  return out;
}

}  // namespace tuoyu::render
