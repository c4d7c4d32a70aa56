#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/site_model.h"
#include "stats/fixed_decimal.h"

namespace tuoyu::stats {

/// What a figure counts or measures; decides its decimals and how pages word it.
enum class Unit { institutions, places, percent, per_1000, yuan_per_month };

/// The level of an area the statistics are computed for.
enum class AreaLevel { site, district, street };

/// The fixed definition of one indicator: its name, unit and rounding.
struct IndicatorDefinition {
  std::string_view name;  ///< e.g. "places_per_1000"; also the key of its target in site.yaml.
  Unit unit;
  int decimals;
  bool street_level;      ///< Also computed for each street (breakdowns and coverage are not).
};

/// Every indicator in the order the pages and statistics.csv list them.
const std::vector<IndicatorDefinition>& indicator_definitions();

/// The definition named `name`; throws std::out_of_range for an unknown name.
const IndicatorDefinition& definition_of(std::string_view name);

/// One published figure: an indicator (and a category of its breakdown) for one area.
struct Figure {
  std::string indicator;
  std::string category;  ///< "" unless the indicator is broken down, e.g. by class ("乳儿班").
  std::optional<FixedDecimal> value;  ///< Missing when the denominator is zero or unknown.
  std::optional<std::int64_t> numerator, denominator;
  std::optional<FixedDecimal> target, gap;  ///< gap = value − target, both rounded as published.
  std::string missing;   ///< Why value is missing: "no_population", "no_places", "no_institutions", "no_fees", "no_enrolment", "no_streets".
};

/// The figures of one area.
struct AreaFigures {
  AreaLevel level = AreaLevel::site;
  std::string code;         ///< "all" for the whole site, else the division code.
  std::string name;
  std::string parent_code;  ///< The district of a street; "all" for a district; "" for the site.
  std::vector<Figure> figures;

  /// The figure of `indicator` (and `category`), or nullptr.
  [[nodiscard]] const Figure* find(std::string_view indicator, std::string_view category = {}) const;
};

/// The statistics of a build: the whole site first, then districts by code, then streets by code.
struct Statistics {
  std::vector<AreaFigures> areas;

  [[nodiscard]] const AreaFigures& site() const { return areas.front(); }
  /// The figures of the area with `code` ("all" for the site), or nullptr.
  [[nodiscard]] const AreaFigures* find(std::string_view code) const;
  /// The streets of district `code`, in code order.
  [[nodiscard]] std::vector<const AreaFigures*> streets_of(std::string_view code) const;

  /// Area code → position in `areas`, and district code → positions of its streets; filled by compute_statistics.
  std::map<std::string, std::size_t, std::less<>> index;
  std::map<std::string, std::vector<std::size_t>, std::less<>> streets_by_district;
};

/// Computes every indicator for the site, each district (areas with 6-digit codes) and each street
/// (areas under a district; institutions belong to a street by its name), with targets from site.yaml.
Statistics compute_statistics(const model::SiteModel& site);

/// The fee an institution's median counts: its lowest monthly full-day 保育费 (service 全日托,
/// item 保育费, unit 月) in fen; nullopt when it publishes none.
std::optional<std::int64_t> monthly_full_day_fee_fen(const model::Institution& institution);

}  // namespace tuoyu::stats
