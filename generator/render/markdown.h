#pragma once
#include <string>
#include <string_view>

namespace tuoyu::render {

/// CommonMark to HTML with cmark in safe mode: raw HTML is dropped and links or images with
/// javascript:, vbscript:, file: or data: URLs lose their target; typographic output is stable.
std::string markdown_to_html(std::string_view markdown);

}  // namespace tuoyu::render
