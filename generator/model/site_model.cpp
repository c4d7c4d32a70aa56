#include "model/site_model.h"

#include <algorithm>

namespace tuoyu::model {

const Area* SiteModel::find_area(const std::string& code) const {
  const auto it = std::lower_bound(areas.begin(), areas.end(), code, [](const Area& a, const std::string& c) { return a.code < c; });
  return it != areas.end() && it->code == code ? &*it : nullptr;
}

}  // namespace tuoyu::model
