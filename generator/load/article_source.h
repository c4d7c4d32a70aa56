#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "model/site_model.h"

namespace tuoyu::load {

/// Parses a guidance article: YAML front matter between "---" lines, then Markdown. The slug comes
/// from the file name; every problem (missing or unknown key, bad value, bad YAML) is reported with
/// its line; body HTML is left empty for the render phase.
std::optional<model::Article> parse_article(std::string_view text, const std::string& slug, const std::string& path,
                                            core::Diagnostics& diagnostics, std::string* markdown_body);

}  // namespace tuoyu::load
