#include "opendata/statistics_table.h"

namespace tuoyu::opendata {
namespace {

load::FieldSchema field(std::string name, std::string title, load::FieldType type, std::string description, bool required = false) {
  load::FieldSchema f;
  f.name = std::move(name);
  f.title = std::move(title);
  f.type = type;
  f.description = std::move(description);
  f.required = required;
  return f;
}

}  // namespace

load::TableSchema statistics_schema() {
  using load::FieldType;
  load::TableSchema schema;
  schema.table = "statistics";
  schema.fields = {
      field("area_code", "区划代码", FieldType::string, "统计范围：all 为全市（全区域），6 位为区（县），9 或 12 位为街道（乡镇）", true),
      field("area_name", "区域名称", FieldType::string, "统计范围的名称", true),
      field("area_level", "区域层级", FieldType::string, "site（全域）、district（区县）或 street（街道乡镇）", true),
      field("parent_code", "上级区划代码", FieldType::string, "街道所属区县的代码；区县为 all"),
      field("indicator", "指标", FieldType::string, "指标名称，定义见网站“统计口径”页", true),
      field("category", "分类", FieldType::string, "分类指标的类别（如班型、机构类型）；不分类的指标为 all", true),
      field("value", "数值", FieldType::number, "指标值，按“统计口径”页的小数位数四舍五入；无法计算时为空"),
      field("unit", "单位", FieldType::string, "institutions（家）、places（个）、percent（%）、per_1000（个/千人）或 yuan_per_month（元/月）", true),
      field("numerator", "分子", FieldType::integer, "比率指标的分子"),
      field("denominator", "分母", FieldType::integer, "比率指标的分母；收费中位数为参与计算的机构数"),
      field("target", "目标值", FieldType::number, "site.yaml 中设定的政策目标"),
      field("gap", "差距", FieldType::number, "数值减目标值（按公布的位数计算）"),
      field("missing_reason", "缺失原因", FieldType::string, "数值为空的原因：no_population、no_places、no_institutions、no_fees、no_enrolment、no_streets"),
      field("data_date", "数据截止日期", FieldType::date, "数据截止日期", true),
  };
  schema.fields[2].allowed = {"site", "district", "street"};
  schema.fields[7].allowed = {"institutions", "places", "percent", "per_1000", "yuan_per_month"};
  for (const auto& d : stats::indicator_definitions()) schema.fields[4].allowed.emplace_back(d.name);
  schema.fields[0].pattern = "all|[0-9]{6}|[0-9]{9}|[0-9]{12}";
  schema.primary_key = {"area_code", "indicator", "category"};
  return schema;
}

namespace {

std::string level_name(stats::AreaLevel level) {
  switch (level) {
    case stats::AreaLevel::site: return "site";
    case stats::AreaLevel::district: return "district";
    case stats::AreaLevel::street: return "street";
  }
  return "site";
}

template <typename T>
std::string optional_text(const std::optional<T>& value) {
  if (!value) return {};
  if constexpr (std::is_same_v<T, stats::FixedDecimal>) {
    return value->text();
  } else {
    return std::to_string(*value);
  }
}

}  // namespace

std::string unit_name(stats::Unit unit) {
  switch (unit) {
    case stats::Unit::institutions: return "institutions";
    case stats::Unit::places: return "places";
    case stats::Unit::percent: return "percent";
    case stats::Unit::per_1000: return "per_1000";
    case stats::Unit::yuan_per_month: return "yuan_per_month";
  }
  return "places";
}

model::PublicTable statistics_table(const stats::Statistics& statistics, const load::SiteConfig& config) {
  model::PublicTable table;
  table.schema = statistics_schema();
  for (const auto& area : statistics.areas) {
    for (const auto& f : area.figures) {
      table.rows.push_back({area.code, area.name, level_name(area.level), area.parent_code, f.indicator,
                            f.category.empty() ? "all" : f.category, optional_text(f.value),
                            unit_name(stats::definition_of(f.indicator).unit), optional_text(f.numerator),
                            optional_text(f.denominator), optional_text(f.target), optional_text(f.gap), f.missing,
                            config.data_date});
    }
  }
  return table;
}

}  // namespace tuoyu::opendata
