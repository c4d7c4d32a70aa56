#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "model/site_model.h"

namespace tuoyu::render {

/// Values every page shares: site title, language, sample notice, data date and source.
nlohmann::json site_view(const model::SiteModel& site, const nlohmann::json& strings);

/// The prefix from a page at `output_path` back to the site root: "" for "index.html", "../" for
/// "guide/sleep.html". Every internal link is relative, so the site works from any sub-path or file://.
std::string root_prefix(const std::string& output_path);

/// The home page: headline figures and institutions grouped by district, each with a link.
nlohmann::json home_view(const model::SiteModel& site);

/// One institution's page: badges, address, ages, places, free places and fees grouped by service.
nlohmann::json institution_view(const model::SiteModel& site, const model::Institution& institution, const nlohmann::json& strings);

/// The guidance index: every article with its topic and ages.
nlohmann::json guide_index_view(const model::SiteModel& site, const nlohmann::json& strings);

/// One guidance article with its rendered body.
nlohmann::json article_view(const model::Article& article, const nlohmann::json& strings);

/// An age in months in plain words: 6 → "6个月", 24 → "2岁" (or "6 months", "2 years").
std::string age_in_words(std::int64_t months, bool chinese);

/// A share as a percentage with one decimal: 0.583 → "58.3%".
std::string percent(double share);

}  // namespace tuoyu::render
