#pragma once
#include <string_view>
#include <vector>

namespace tuoyu::resources {

/// A file compiled into the binary: its path relative to the repository root and its bytes.
struct Resource {
  std::string_view path;
  std::string_view bytes;
};

/// The default templates, locales and schemas, sorted by path.
const std::vector<Resource>& embedded();

/// The embedded file at `path` ("templates/home.html"), or nullptr.
const Resource* find_embedded(std::string_view path);

}  // namespace tuoyu::resources
