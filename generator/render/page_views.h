#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "load/table_schema.h"
#include "model/site_model.h"
#include "opendata/open_data.h"
#include "render/listings.h"

namespace tuoyu::render {

/// An institution page's path relative to a language root: "institutions/<id>.html" (views and the
/// page plan link with it; open data prefixes base_url).
std::string institution_url(const std::string& id);

/// Values every page shares: site title, language, sample notice, data date, source, contact, footer.
nlohmann::json site_view(const model::SiteModel& site, const nlohmann::json& strings);

/// The prefix from a page at `output_path` back to the root it is relative to: "" for "index.html",
/// "../" for "guide/sleep.html". Every internal link is relative, so the site works from any
/// sub-path or from file://.
std::string root_prefix(const std::string& output_path);

/// The home page (headline figures are added from the statistics): districts, quick links to lists, guidance topics and pages.
nlohmann::json home_view(const model::SiteModel& site, const Listings& listings);

/// A district page: its streets, each with its count and links to every page of its list.
nlohmann::json district_view(const DistrictListing& district, const nlohmann::json& strings);

/// The heading of a list page: a street ("长庆街道"), a type, or the inclusive list.
std::string listing_title(const Listing& listing, const DistrictListing* district, const nlohmann::json& strings);

/// Page `page` (1-based) of a list: its institutions as cards and the pagination.
nlohmann::json listing_view(const Listing& listing, std::size_t page, const DistrictListing* district, const nlohmann::json& strings);

/// One institution's page: badges, address, ages, places, free places, fees by service, map links,
/// JSON-LD, related guidance; home-based settings show only their street.
nlohmann::json institution_view(const model::SiteModel& site, const model::Institution& institution, const nlohmann::json& strings);

/// The guidance index: articles grouped by topic.
nlohmann::json guide_index_view(const model::SiteModel& site, const nlohmann::json& strings);

/// One guidance article with its body, table of contents (three or more sections) and related articles.
nlohmann::json article_view(const model::SiteModel& site, const model::Article& article, const nlohmann::json& strings);

/// The about page: whose site and data this is and how to report errors.
nlohmann::json about_view(const model::SiteModel& site);

/// The data and licence page: licence, source, date, the open-data downloads with their sizes, and
/// the dictionary of every public field (type, rule, allowed values, description) of each table.
nlohmann::json data_view(const std::map<std::string, load::TableSchema>& schemas, const std::vector<opendata::DataFile>& files,
                         const nlohmann::json& strings);

/// An age in months in plain words: 6 → "6个月", 24 → "2岁" (or "6 months", "2 years").
std::string age_in_words(std::int64_t months, bool chinese);

}  // namespace tuoyu::render
