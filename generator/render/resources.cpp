#include "render/resources.h"

namespace tuoyu::resources {

const Resource* find_embedded(std::string_view path) {
  for (const auto& resource : embedded()) {
    if (resource.path == path) return &resource;
  }
  return nullptr;
}

}  // namespace tuoyu::resources
