#include "render/statistics_views.h"

#include <algorithm>

#include "core/number_format.h"
#include "render/bar_chart.h"

namespace tuoyu::render {
namespace {

using nlohmann::json;

std::string text_of(const json& strings, const std::string& key) { return strings.value(key, key); }

std::string locale_of(const json& strings) { return strings.value("lang", "zh-CN"); }

std::string unit_suffix(stats::Unit unit, const json& strings) {
  switch (unit) {
    case stats::Unit::percent: return text_of(strings, "unit_percent");
    case stats::Unit::per_1000: return text_of(strings, "unit_per_1000");
    case stats::Unit::yuan_per_month: return text_of(strings, "unit_yuan_per_month");
    case stats::Unit::institutions: return text_of(strings, "unit_institutions");
    case stats::Unit::places: return text_of(strings, "unit_places");
  }
  return {};
}

/// A decimal in the page's locale with its unit.
std::string with_unit(const stats::FixedDecimal& value, stats::Unit unit, const json& strings) {
  return core::format_decimal(value.text(), value.decimals, locale_of(strings)) + unit_suffix(unit, strings);
}

std::string category_text(const std::string& category, const json& strings) {
  return category == "未分班" ? text_of(strings, "class_unassigned") : category;
}

/// Replaces each "{name}" in `pattern`.
std::string fill(std::string pattern, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const std::string key = "{" + name + "}";
    for (std::size_t at = pattern.find(key); at != std::string::npos; at = pattern.find(key, at + value.size())) pattern.replace(at, key.size(), value);
  }
  return pattern;
}

/// One row of an indicator table: the figure's texts and where it stands against its target.
json figure_row(const std::string& area_code, const stats::Figure& f, const json& strings) {
  json row = {{"id", area_code + "/" + f.indicator + "/" + (f.category.empty() ? "all" : f.category)},
              {"name", text_of(strings, "ind_" + f.indicator)},
              {"category", category_text(f.category, strings)},
              {"value", figure_text(f, strings)},
              {"missing", f.missing.empty() ? "" : text_of(strings, "missing_" + f.missing)}};
  if (f.target) {
    row["target"] = with_unit(*f.target, stats::definition_of(f.indicator).unit, strings);
    row["gap"] = gap_text(f, strings);
    if (f.gap) row["status"] = text_of(strings, f.gap->units >= 0 ? "target_met" : "target_not_met");
    row["met"] = f.gap && f.gap->units >= 0;
  }
  if (f.numerator && f.denominator) {
    const std::string locale = locale_of(strings);
    row["fraction"] = core::format_decimal(std::to_string(*f.numerator), 0, locale) + " / " + core::format_decimal(std::to_string(*f.denominator), 0, locale);
  }
  return row;
}

/// The figure of `indicator` for an area as a table cell.
json cell(const stats::AreaFigures& area, const std::string& indicator, const json& strings) {
  const stats::Figure* f = area.find(indicator);
  if (f == nullptr) return {{"value", ""}, {"id", ""}};
  return {{"value", figure_text(*f, strings, true)}, {"id", area.code + "/" + indicator + "/all"}};
}

/// The columns of the district and street tables.
const std::vector<std::string>& area_columns(bool districts) {
  static const std::vector<std::string> district_columns = {"operating_institutions", "places", "places_per_1000", "inclusive_share",
                                                            "filing_rate", "occupancy", "community_coverage"};
  static const std::vector<std::string> street_columns = {"operating_institutions", "places", "places_per_1000", "inclusive_share",
                                                          "filing_rate", "occupancy"};
  return districts ? district_columns : street_columns;
}

json area_table(const std::vector<const stats::AreaFigures*>& areas, bool districts, const json& strings, bool link) {
  json headers = json::array();
  for (const auto& indicator : area_columns(districts)) headers.push_back(text_of(strings, "ind_" + indicator));
  json rows = json::array();
  for (const auto* area : areas) {
    json cells = json::array();
    for (const auto& indicator : area_columns(districts)) cells.push_back(cell(*area, indicator, strings));
    rows.push_back({{"name", area->name}, {"url", link ? "districts/" + area->code + ".html" : ""}, {"cells", std::move(cells)}});
  }
  return {{"headers", std::move(headers)}, {"rows", std::move(rows)}};
}

/// A chart of a series: the SVG, its description, data table rows and CSV link.
json chart_view(const stats::ChartSeries& series, const json& strings) {
  const auto& definition = stats::definition_of(series.indicator);
  BarChart chart;
  chart.id = "chart-" + series.id;
  chart.title = text_of(strings, "chart_" + series.id);
  chart.no_data_text = text_of(strings, "no_data");
  if (definition.unit == stats::Unit::percent) chart.scale_max = 100;
  if (series.target) {
    chart.target = series.target->to_double();
    chart.target_text = text_of(strings, "target") + " " + with_unit(*series.target, definition.unit, strings);
    chart.met_text = text_of(strings, "target_met");
    chart.below_text = text_of(strings, "target_not_met");
  }
  json rows = json::array();
  const stats::SeriesPoint* highest = nullptr;
  const stats::SeriesPoint* lowest = nullptr;
  int met = 0;
  for (const auto& p : series.points) {
    const std::string label = category_text(p.name, strings);
    const bool has_value = p.figure != nullptr && p.figure->value;
    ChartBar bar{label, std::nullopt, has_value ? figure_text(*p.figure, strings, true) : text_of(strings, "no_data")};
    if (has_value) {
      bar.value = p.figure->value->to_double();
      if (highest == nullptr || p.figure->value->units > highest->figure->value->units) highest = &p;
      if (lowest == nullptr || p.figure->value->units < lowest->figure->value->units) lowest = &p;
      if (series.target && p.figure->value->units >= series.target->units) ++met;
    }
    chart.bars.push_back(bar);
    rows.push_back({{"name", label}, {"value", bar.value_text}});
  }
  if (highest != nullptr) {
    const std::vector<std::pair<std::string, std::string>> values = {
        {"met", std::to_string(met)},
        {"total", std::to_string(series.points.size())},
        {"target", series.target ? with_unit(*series.target, definition.unit, strings) : ""},
        {"max_name", category_text(highest->name, strings)},
        {"max", figure_text(*highest->figure, strings)},
        {"min_name", category_text(lowest->name, strings)},
        {"min", figure_text(*lowest->figure, strings)}};
    chart.description = fill(text_of(strings, series.target ? "chart_summary_target" : "chart_summary"), values);
  }
  return {{"id", chart.id},
          {"title", chart.title},
          {"description", chart.description},
          {"legend", series.target ? text_of(strings, "chart_legend") : ""},
          {"svg", render_bar_chart(chart)},
          {"rows", std::move(rows)},
          {"csv", "data/charts/" + series.id + ".csv"}};
}

}  // namespace

std::string figure_text(const stats::Figure& figure, const json& strings, bool compact) {
  if (!figure.value) return text_of(strings, "no_data");
  const auto unit = stats::definition_of(figure.indicator).unit;
  if (compact && unit != stats::Unit::percent) return core::format_decimal(figure.value->text(), figure.value->decimals, locale_of(strings));
  return with_unit(*figure.value, unit, strings);
}

std::string gap_text(const stats::Figure& figure, const json& strings) {
  if (!figure.gap) return {};
  const auto unit = stats::definition_of(figure.indicator).unit;
  const stats::FixedDecimal magnitude{figure.gap->units < 0 ? -figure.gap->units : figure.gap->units, figure.gap->decimals};
  const std::string sign = figure.gap->units < 0 ? "\u2212" : figure.gap->units > 0 ? "+" : "";
  const std::string number = core::format_decimal(magnitude.text(), magnitude.decimals, locale_of(strings));
  if (unit == stats::Unit::percent) return sign + number + " " + text_of(strings, "percentage_points");
  return sign + number + unit_suffix(unit, strings);
}

json statistics_view(const stats::Statistics& statistics, const std::vector<stats::ChartSeries>& charts, const json& strings) {
  const auto& site = statistics.site();
  json key = json::array();
  json breakdowns = json::object();
  for (const auto& f : site.figures) {
    if (f.category.empty()) {
      key.push_back(figure_row(site.code, f, strings));
    } else {
      json& group = breakdowns[f.indicator];
      if (group.is_null()) group = {{"name", text_of(strings, "ind_" + f.indicator)}, {"id", f.indicator}, {"rows", json::array()}};
      group["rows"].push_back(figure_row(site.code, f, strings));
    }
  }
  json breakdown_list = json::array();
  for (const auto& d : stats::indicator_definitions()) {
    if (breakdowns.contains(std::string(d.name))) breakdown_list.push_back(breakdowns[std::string(d.name)]);
  }
  std::vector<const stats::AreaFigures*> districts;
  for (const auto& area : statistics.areas) {
    if (area.level == stats::AreaLevel::district) districts.push_back(&area);
  }
  json chart_list = json::array();
  for (const auto& series : charts) chart_list.push_back(chart_view(series, strings));
  return {{"area_name", site.name},
          {"key", std::move(key)},
          {"districts", area_table(districts, true, strings, true)},
          {"has_districts", !districts.empty()},
          {"charts", std::move(chart_list)},
          {"breakdowns", std::move(breakdown_list)}};
}

json methodology_view(const load::SiteConfig& config, const json& strings) {
  json indicators = json::array();
  for (const auto& d : stats::indicator_definitions()) {
    const std::string name(d.name);
    json item = {{"id", name}, {"name", text_of(strings, "ind_" + name)}, {"definition", text_of(strings, "def_" + name)},
                 {"decimals", d.decimals}};
    if (const auto target = config.targets.find(name); target != config.targets.end()) {
      item["target"] = core::format_decimal(target->second.value, d.decimals, locale_of(strings)) + unit_suffix(d.unit, strings);
      item["target_source"] = target->second.source;
    }
    indicators.push_back(std::move(item));
  }
  return {{"indicators", std::move(indicators)}, {"data_date", config.data_date}};
}

json district_statistics_view(const stats::Statistics& statistics, const std::string& district_code, const json& strings) {
  const stats::AreaFigures* district = statistics.find(district_code);
  if (district == nullptr || district->level != stats::AreaLevel::district) return nullptr;
  json key = json::array();
  for (const auto& f : district->figures) {
    if (f.category.empty()) key.push_back(figure_row(district->code, f, strings));
  }
  const auto streets = statistics.streets_of(district_code);
  return {{"key", std::move(key)}, {"streets", area_table(streets, false, strings, false)}, {"has_streets", !streets.empty()}};
}

}  // namespace tuoyu::render
