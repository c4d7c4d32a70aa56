#pragma once
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "load/table_schema.h"
#include "model/site_model.h"
#include "opendata/open_data.h"
#include "render/listings.h"
#include "stats/chart_series.h"
#include "stats/indicators.h"
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

/// What the pages are made from; everything it refers to must outlive the jobs planned from it.
struct SiteInputs {
  const model::SiteModel& site;
  const std::vector<Locale>& locales;  ///< The default language first.
  const Listings& listings;
  const std::map<std::string, load::TableSchema>& schemas;
  const stats::Statistics& statistics;
  const std::vector<stats::ChartSeries>& charts;
  const std::vector<opendata::DataFile>& data_files;  ///< Listed on the data page; written by the caller.
};

/// Every page of the site for every locale — home, lists, institutions, guidance, statistics and
/// methodology, about pages, data page, 404 — plus assets, sitemap.xml and robots.txt, in a fixed order.
std::vector<PageJob> plan_site(const SiteInputs& inputs);

}  // namespace tuoyu::render
