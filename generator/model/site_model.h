#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "load/site_config.h"
#include "load/table_schema.h"

namespace tuoyu::model {

/// A place on the map in the datum the register gave it in (WGS84, GCJ02 or BD09).
struct Coordinates {
  double longitude = 0;
  double latitude = 0;
  std::string crs;
  std::string longitude_text;  ///< As validated, for byte-stable output.
  std::string latitude_text;
};

/// One published fee item of an institution.
struct Fee {
  std::string service;
  std::string class_name;  ///< Empty when the fee applies to every class.
  std::string item;
  std::string amount;      ///< Canonical decimal text in yuan, e.g. "2800" or "35.5".
  double amount_value = 0;
  std::string unit;
  std::optional<std::int64_t> prepay_months;
  std::string effective_from;
  std::string note;
};

/// One institution as the public may see it: private fields are never copied into the model.
struct Institution {
  std::string id, name, uscc, district_code, district_name, street, address;
  std::optional<Coordinates> location;
  std::string type, ownership;
  bool inclusive = false;
  std::string status, filing_status, filing_date;
  std::int64_t capacity = 0;
  std::array<std::optional<std::int64_t>, 3> class_places;  ///< 乳儿班, 托小班, 托大班.
  std::optional<std::int64_t> enrolled;
  std::optional<std::int64_t> age_min_months, age_max_months;
  std::vector<std::string> services;
  std::string hours, phone, area_m2, rating, updated, note;
  std::vector<std::pair<std::string, std::string>> extra;  ///< Office-declared public fields: title → value.
  std::vector<Fee> fees;  ///< In register order.
};

/// A district (6-digit code) or street (9 or 12 digits) from areas.csv.
struct Area {
  std::string code, name, parent_code;
  std::optional<std::int64_t> population, children_under3;
  std::optional<Coordinates> centroid;
};

/// A guidance article from content/guide/*.md.
struct Article {
  std::string slug, title, topic, summary, source, reviewed;
  std::int64_t age_min_months = 0, age_max_months = 36;
  bool sample = false;
  std::string body_html;  ///< Rendered by cmark in safe mode.
  std::vector<std::pair<std::string, std::string>> headings;  ///< Level-2 headings: anchor id and text.
  std::string source_path;
};

/// A register table as it may be published: the schema without its private fields, and every row's
/// public values as canonical text ("" when missing), in the model's order.
struct PublicTable {
  load::TableSchema schema;
  std::vector<std::vector<std::string>> rows;
};

/// Everything one build publishes, owned in one place; pages and data files are views of it.
struct SiteModel {
  load::SiteConfig config;
  std::vector<Area> areas;                 ///< Sorted by code.
  std::vector<Institution> institutions;   ///< Sorted by id.
  std::vector<Article> articles;           ///< Sorted by slug.
  /// "areas", "institutions", "fees": row i of areas and institutions is areas[i] and institutions[i];
  /// fee rows follow the institutions' order, each institution's in register order.
  std::map<std::string, PublicTable> public_tables;

  /// The area with `code`, or nullptr.
  [[nodiscard]] const Area* find_area(const std::string& code) const;
};

}  // namespace tuoyu::model
