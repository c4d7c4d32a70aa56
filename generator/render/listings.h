#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/site_model.h"

namespace tuoyu::render {

/// Most institutions one list page shows.
inline constexpr std::size_t kPageSize = 50;

/// A list of institutions shown on one or more pages: "lists/inclusive", "streets/990101001", …
struct Listing {
  std::string stem;   ///< Output path without ".html"; page n > 1 adds "-n".
  std::string title;  ///< Data text as entered (a street or district name) or empty for interface-named lists.
  std::string kind;   ///< "district-street", "type", "inclusive", "closed".
  std::string key;    ///< The type name, district code or street name the list is about.
  std::vector<const model::Institution*> members;  ///< Listed institutions in pinyin order.

  /// Number of pages (at least 1).
  [[nodiscard]] std::size_t pages() const { return members.empty() ? 1 : (members.size() + kPageSize - 1) / kPageSize; }
  /// Output path of page `n` (1-based), relative to the language root.
  [[nodiscard]] std::string page_path(std::size_t n) const { return stem + (n == 1 ? "" : "-" + std::to_string(n)) + ".html"; }
};

/// A district with its streets' listings, in code order; institutions without a known street
/// come last under their own listing.
struct DistrictListing {
  const model::Area* district = nullptr;
  std::string code;
  std::vector<Listing> streets;
  std::size_t count = 0;
};

/// Every list the site publishes, built once from the model. Closed institutions (已停办) are left
/// out of every list but their own archive list.
struct Listings {
  std::vector<DistrictListing> districts;
  std::vector<Listing> types;  ///< In the schema's type order; empty types are left out.
  Listing inclusive;
  Listing closed;  ///< Closed institutions (已停办), so their pages stay reachable for people following changes.
};

/// The ASCII file-name slug of an institution type: 托育中心 → "center", …
std::string type_slug(const std::string& type);

/// Builds every listing; members are ordered by pinyin of the name, then id.
Listings build_listings(const model::SiteModel& site);

}  // namespace tuoyu::render
