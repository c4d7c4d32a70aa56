#pragma once
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "load/table_schema.h"
#include "model/site_model.h"
#include "render/listings.h"
#include "render/template_set.h"

namespace tuoyu::render {

/// One interface language of the build: its code, its folder ("" for the default, "en/") and strings.
struct Locale {
  std::string code;
  std::string prefix;
  nlohmann::json strings;
};

/// A file of the output: where it goes and how to make it with a thread's own template set.
struct PageJob {
  std::string path;
  std::function<std::string(TemplateSet&)> render;
};

/// The templates every build loads.
const std::vector<std::string>& template_names();

/// Every file of the site for every locale — pages, lists, guidance, about pages, 404, assets,
/// sitemap.xml and robots.txt — in a fixed order. The jobs refer to `site`, `locales`, `listings`
/// and `schemas`, which must outlive them.
std::vector<PageJob> plan_site(const model::SiteModel& site, const std::vector<Locale>& locales, const Listings& listings,
                               const std::map<std::string, load::TableSchema>& schemas);

}  // namespace tuoyu::render
