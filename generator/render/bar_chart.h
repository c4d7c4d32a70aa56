#pragma once
// Accessible horizontal bar charts as inline SVG, drawn at build time: no script, no outside library.
#include <optional>
#include <string>
#include <vector>

namespace tuoyu::render {

/// One row of a bar chart.
struct ChartBar {
  std::string label;             ///< Category shown beside the bar, e.g. a district name (any Unicode, untrusted: escaped).
  std::optional<double> value;   ///< Missing when it cannot be computed (e.g. no population): drawn as "no data", not as 0.
  std::string value_text;        ///< The value as the page shows it, already formatted for the locale, e.g. "4.52 个/千人".
};

/// A horizontal bar chart with an optional policy target.
struct BarChart {
  std::string id;                ///< Unique on the page; makes the ids of <title>, <desc> and patterns (sanitised to [A-Za-z0-9_-]).
  std::string title;             ///< Short title (also the accessible name).
  std::string description;       ///< One or two sentences summarising what the chart shows (the accessible description).
  std::vector<ChartBar> bars;    ///< Drawn top to bottom in this order.
  std::optional<double> target;  ///< Policy target drawn as a dashed vertical line across all bars.
  std::string target_text;       ///< Label of the target line, e.g. "目标 4.5".
  std::string no_data_text;      ///< Shown instead of a bar when value is missing, e.g. "无数据".
  double scale_max = 0;          ///< Axis maximum; 0 = a little above the largest of the data and target, e.g. 100 for percentages.
  std::string met_text;          ///< Legend label for the solid bars at or above the target, e.g. "达到目标"; legend drawn only with a target and both texts.
  std::string below_text;        ///< Legend label for the hatched bars below the target, e.g. "未达目标".
};

/// The chart as an inline <svg> element (valid inside HTML5): role="img" with aria-labelledby pointing
/// at its <title> and <desc>; every text escaped; numbers written in the "C" locale, so the same
/// chart always gives the same bytes.
std::string render_bar_chart(const BarChart& chart);

}  // namespace tuoyu::render
