#pragma once
#include <vector>

#include "load/site_config.h"
#include "model/site_model.h"
#include "validate/references.h"

namespace tuoyu::model {

/// Builds the site model from validated tables (rows with errors are never passed here) and the
/// articles; private fields are left out and register order is replaced by a stable key order.
SiteModel build_site_model(const load::SiteConfig& config, const validate::Tables& tables, std::vector<Article> articles);

}  // namespace tuoyu::model
