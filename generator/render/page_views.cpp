#include "render/page_views.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace tuoyu::render {
namespace {

using nlohmann::json;

bool is_chinese(const json& strings) { return strings.value("lang", "zh-CN") == "zh-CN"; }

/// Links in views are relative to the site root; templates prefix them with the page's {{root}}.
std::string institution_url(const std::string& id) { return "institutions/" + id + ".html"; }

}  // namespace

std::string age_in_words(std::int64_t months, bool chinese) {
  if (months >= 12 && months % 12 == 0) {
    const auto years = std::to_string(months / 12);
    return chinese ? years + "岁" : years + (months == 12 ? " year" : " years");
  }
  const auto text = std::to_string(months);
  return chinese ? text + "个月" : text + (months == 1 ? " month" : " months");
}

std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", std::round(share * 1000.0) / 10.0);
  return buffer;
}

std::string root_prefix(const std::string& output_path) {
  std::string prefix;
  for (const char c : output_path) {
    if (c == '/') prefix += "../";
  }
  return prefix;
}

json site_view(const model::SiteModel& site, const json& strings) {
  const auto& config = site.config;
  const bool chinese = is_chinese(strings);
  return {{"title", chinese || config.title_en.empty() ? config.title : config.title_en},
          {"lang", strings.value("lang", "zh-CN")},
          {"sample", config.sample_data},
          {"data_date", config.data_date},
          {"region", config.region},
          {"source_note", config.source_note}};
}

json home_view(const model::SiteModel& site) {
  std::int64_t places = 0;
  std::int64_t inclusive_places = 0;
  std::int64_t operating = 0;
  std::map<std::string, json> by_district;
  for (const auto& inst : site.institutions) {
    if (inst.status == "已停办") continue;
    if (inst.status == "运营中") {
      ++operating;
      places += inst.capacity;
      if (inst.inclusive) inclusive_places += inst.capacity;
    }
    auto& district = by_district[inst.district_code];
    district["items"].push_back({{"name", inst.name}, {"url", institution_url(inst.id)}, {"inclusive", inst.inclusive},
                                 {"street", inst.street}, {"type", inst.type}});
  }
  json districts = json::array();
  for (auto& [code, district] : by_district) {
    const model::Area* area = site.find_area(code);
    district["name"] = area != nullptr ? area->name : code;
    district["code"] = code;
    district["count"] = district["items"].size();
    districts.push_back(std::move(district));
  }
  return {{"operating", operating},
          {"places", places},
          {"inclusive_share", places > 0 ? percent(static_cast<double>(inclusive_places) / static_cast<double>(places)) : "—"},
          {"districts", std::move(districts)},
          {"has_articles", !site.articles.empty()}};
}

json institution_view(const model::SiteModel& site, const model::Institution& inst, const json& strings) {
  const bool chinese = is_chinese(strings);
  json view = {{"id", inst.id},
               {"name", inst.name},
               {"type", inst.type},
               {"ownership", inst.ownership},
               {"inclusive", inst.inclusive},
               {"status", inst.status},
               {"operating", inst.status == "运营中"},
               {"closed", inst.status == "已停办"},
               {"filing_status", inst.filing_status},
               {"filed", inst.filing_status == "已备案"},
               {"filing_date", inst.filing_date},
               {"rating", inst.rating},
               {"district", inst.district_name},
               {"street", inst.street},
               {"hours", inst.hours},
               {"capacity", inst.capacity},
               {"updated", inst.updated},
               {"note", inst.note},
               {"area_m2", inst.area_m2}};
  // 家庭托育点 are homes: their exact address never leaves the register.
  view["address"] = inst.type == "家庭托育点" ? std::string() : inst.address;
  if (!inst.phone.empty()) {
    // An extension ("0571-88888888转123") is dialled after a pause (","), never glued onto the number.
    const std::size_t extension_at = inst.phone.find("转");
    std::string digits;
    for (std::size_t i = 0; i < inst.phone.size(); ++i) {
      const char c = inst.phone[i];
      if (i == extension_at) digits += ',';
      if ((c >= '0' && c <= '9') || c == '+') digits += c;
    }
    view["phone"] = inst.phone;
    view["phone_href"] = "tel:" + digits;
  }
  std::string services;
  for (const auto& service : inst.services) services += (services.empty() ? "" : "、") + service;
  view["services"] = services;
  if (inst.age_min_months && inst.age_max_months) {
    view["ages"] = age_in_words(*inst.age_min_months, chinese) + "—" + age_in_words(*inst.age_max_months, chinese);
  }
  static const char* kClassKeys[] = {"class_6_12m", "class_12_24m", "class_24_36m"};
  json classes = json::array();
  for (std::size_t i = 0; i < inst.class_places.size(); ++i) {
    if (inst.class_places[i]) classes.push_back({{"label", strings.value(kClassKeys[i], "")}, {"places", *inst.class_places[i]}});
  }
  view["has_classes"] = !classes.empty();
  view["classes"] = std::move(classes);
  if (inst.enrolled) {
    view["enrolled"] = *inst.enrolled;
    view["free_places"] = std::max<std::int64_t>(0, inst.capacity - *inst.enrolled);
    view["has_free_places_figure"] = true;
  }
  // Fees grouped by service in first-appearance order.
  json groups = json::array();
  std::map<std::string, std::size_t> group_of;
  for (const auto& fee : inst.fees) {
    auto [it, inserted] = group_of.emplace(fee.service, groups.size());
    if (inserted) groups.push_back({{"service", fee.service}, {"rows", json::array()}});
    json row = {{"item", fee.item},
                {"class", fee.class_name.empty() ? strings.value("all_classes", "") : fee.class_name},
                {"amount", fee.amount},
                {"unit", fee.unit},
                {"effective_from", fee.effective_from},
                {"note", fee.note}};
    if (fee.prepay_months) row["prepay"] = std::to_string(*fee.prepay_months);
    groups[it->second]["rows"].push_back(std::move(row));
  }
  view["fee_groups"] = std::move(groups);
  view["has_fees"] = !inst.fees.empty();
  json extra = json::array();
  for (const auto& [title, value] : inst.extra) extra.push_back({{"title", title}, {"value", value}});
  view["extra"] = std::move(extra);
  (void)site;
  return view;
}

json guide_index_view(const model::SiteModel& site, const json& strings) {
  const bool chinese = is_chinese(strings);
  json items = json::array();
  for (const auto& article : site.articles) {
    items.push_back({{"title", article.title},
                     {"url", "guide/" + article.slug + ".html"},
                     {"topic", article.topic},
                     {"summary", article.summary},
                     {"ages", age_in_words(article.age_min_months, chinese) + "—" + age_in_words(article.age_max_months, chinese)}});
  }
  return {{"articles", std::move(items)}};
}

json article_view(const model::Article& article, const json& strings) {
  const bool chinese = is_chinese(strings);
  return {{"title", article.title},
          {"topic", article.topic},
          {"summary", article.summary},
          {"source", article.source},
          {"reviewed", article.reviewed},
          {"sample", article.sample},
          {"ages", age_in_words(article.age_min_months, chinese) + "—" + age_in_words(article.age_max_months, chinese)},
          {"body", article.body_html}};
}

}  // namespace tuoyu::render
