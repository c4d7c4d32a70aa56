#include "render/markdown.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace tuoyu::render {

std::string markdown_to_html(std::string_view markdown) {
  // CMARK_OPT_SAFE is the default since cmark 0.29; it is named for readers of older code.
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;
  std::unique_ptr<char, decltype(&std::free)> html(cmark_markdown_to_html(markdown.data(), markdown.size(), options), &std::free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace tuoyu::render
