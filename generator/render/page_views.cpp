#include "render/page_views.h"

#include <algorithm>
#include <cmath>
#include <charconv>
#include <map>
#include <set>

#include "core/number_format.h"
#include "opendata/statistics_table.h"
#include "render/place.h"
#include "validate/expectation.h"

namespace tuoyu::render {
namespace {

using nlohmann::json;

bool is_chinese(const json& strings) { return strings.value("lang", "zh-CN") == "zh-CN"; }

std::string age_range(std::int64_t from, std::int64_t to, bool chinese) {
  return age_in_words(from, chinese) + "—" + age_in_words(to, chinese);
}

/// A short card for lists: name, link, badges and the facts a family compares.
json institution_card(const model::Institution& inst, const json& strings) {
  json card = {{"name", inst.name},
               {"url", institution_url(inst.id)},
               {"inclusive", inst.inclusive},
               {"street", inst.street},
               {"type", inst.type},
               {"capacity", inst.capacity},
               {"operating", inst.status == "运营中"},
               {"status", inst.status}};
  if (inst.age_min_months && inst.age_max_months) card["ages"] = age_range(*inst.age_min_months, *inst.age_max_months, is_chinese(strings));
  if (inst.enrolled) card["free_places"] = std::max<std::int64_t>(0, inst.capacity - *inst.enrolled);
  return card;
}

/// Pagination for page `page` of `count` pages: every page number (lists stay short enough: 50 per page).
json pagination(const Listing& listing, std::size_t page) {
  json pages = json::array();
  const std::size_t count = listing.pages();
  for (std::size_t n = 1; n <= count; ++n) {
    // Keep the navigation short on long lists: first, last and a window around the current page.
    if (count > 9 && n != 1 && n != count && (n + 2 < page || n > page + 2)) {
      if (pages.empty() || !pages.back().value("gap", false)) pages.push_back({{"gap", true}});
      continue;
    }
    pages.push_back({{"number", n}, {"url", listing.page_path(n)}, {"current", n == page}});
  }
  json out = {{"pages", pages}, {"has_pages", count > 1}};
  if (page > 1) out["previous"] = listing.page_path(page - 1);
  if (page < count) out["next"] = listing.page_path(page + 1);
  return out;
}

/// Articles most useful next to `article`: same topic first, then overlapping ages; at most three.
std::vector<const model::Article*> related_articles(const model::SiteModel& site, const std::string& topic, std::int64_t from, std::int64_t to,
                                                    const std::string& except_slug, const std::string& preferred_topic = "") {
  std::vector<std::pair<int, const model::Article*>> scored;
  for (const auto& other : site.articles) {
    if (other.slug == except_slug) continue;
    int score = 0;
    if (!preferred_topic.empty() && other.topic == preferred_topic) score += 4;
    if (other.topic == topic) score += 2;
    if (other.age_min_months <= to && from <= other.age_max_months) score += 1;
    if (score > 1 || (score == 1 && preferred_topic.empty() && topic.empty())) scored.emplace_back(score, &other);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<const model::Article*> out;
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) out.push_back(scored[i].second);
  return out;
}

json article_links(const std::vector<const model::Article*>& articles) {
  json out = json::array();
  for (const auto* article : articles) out.push_back({{"title", article->title}, {"url", "guide/" + article->slug + ".html"}});
  return out;
}

/// A tel: link for a phone number as published: digits and "+" kept, an extension after 转 dialled
/// after a pause (",").
std::string tel_href(const std::string& phone) {
  std::string digits;
  std::string extension;
  const std::size_t ext = phone.find("转");
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if ((c >= '0' && c <= '9') || c == '+') (ext != std::string::npos && i > ext ? extension : digits) += c;
  }
  return "tel:" + digits + (extension.empty() ? "" : "," + extension);
}

std::string provider_name(const std::string& provider, const json& strings) { return strings.value("map_" + provider, provider); }

}  // namespace

std::string institution_url(const std::string& id) { return "institutions/" + id + ".html"; }

std::string age_in_words(std::int64_t months, bool chinese) {
  if (months >= 12 && months % 12 == 0) {
    const auto years = std::to_string(months / 12);
    return chinese ? years + "岁" : years + (months == 12 ? " year" : " years");
  }
  const auto text = std::to_string(months);
  return chinese ? text + "个月" : text + (months == 1 ? " month" : " months");
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
  json view = {{"title", chinese || config.title_en.empty() ? config.title : config.title_en},
               {"lang", strings.value("lang", "zh-CN")},
               {"sample", config.sample_data},
               {"data_date", config.data_date},
               {"region", config.region},
               {"source_note", config.source_note},
               {"license_name", config.license_name},
               {"license_url", config.license_url}};
  const auto& c = config.contact;
  if (!c.organisation.empty() || !c.phone.empty() || !c.email.empty() || !c.url.empty()) {
    view["contact"] = {{"organisation", c.organisation}, {"phone", c.phone}, {"email", c.email}, {"url", c.url}};
    if (!c.phone.empty()) view["contact"]["phone_href"] = tel_href(c.phone);
  }
  const auto& f = config.footer;
  if (!f.host.empty() || !f.site_code.empty() || !f.icp.empty() || !f.police.empty()) {
    std::string police_digits;
    for (const char ch : f.police) {
      if (ch >= '0' && ch <= '9') police_digits += ch;
    }
    view["footer"] = {{"host", f.host}, {"site_code", f.site_code}, {"icp", f.icp}, {"police", f.police},
                      {"police_url", police_digits.empty() ? "" : "https://beian.mps.gov.cn/#/query/webSearch?code=" + police_digits}};
  }
  return view;
}

json home_view(const model::SiteModel& site, const Listings& listings) {
  json districts = json::array();
  for (const auto& district : listings.districts) {
    districts.push_back({{"name", district.district ? district.district->name : district.code},
                         {"url", "districts/" + district.code + ".html"},
                         {"count", district.count}});
  }
  json types = json::array();
  for (const auto& type : listings.types) {
    types.push_back({{"name", type.key}, {"url", type.page_path(1)}, {"count", type.members.size()}});
  }
  std::map<std::string, std::size_t> topic_counts;
  for (const auto& article : site.articles) ++topic_counts[article.topic];
  json topics = json::array();
  for (const auto& [topic, count] : topic_counts) topics.push_back({{"name", topic}, {"count", count}, {"anchor", "topic-" + std::to_string(topics.size() + 1)}});
  return {{"districts", std::move(districts)},
          {"types", std::move(types)},
          {"inclusive_url", listings.inclusive.page_path(1)},
          {"inclusive_count", listings.inclusive.members.size()},
          {"topics", std::move(topics)},
          {"has_articles", !site.articles.empty()}};
}

json district_view(const DistrictListing& district, const json& strings) {
  json streets = json::array();
  for (const auto& street : district.streets) {
    json pages = json::array();
    for (std::size_t n = 1; n <= street.pages(); ++n) pages.push_back({{"number", n}, {"url", street.page_path(n)}});
    streets.push_back({{"name", street.key.empty() ? strings.value("street_unknown", "") : street.key},
                       {"url", street.page_path(1)},
                       {"count", street.members.size()},
                       {"pages", pages},
                       {"paged", street.pages() > 1}});
  }
  json view = {{"name", district.district ? district.district->name : district.code}, {"count", district.count}, {"streets", streets}};
  if (district.district && district.district->population) view["population"] = *district.district->population;
  return view;
}

std::string listing_title(const Listing& listing, const DistrictListing* district, const json& strings) {
  if (listing.kind == "inclusive") return strings.value("inclusive_list", "普惠");
  if (listing.kind == "closed") return strings.value("closed_list", "已停办");
  if (listing.kind == "type") return listing.key;
  const std::string street = listing.key.empty() ? strings.value("street_unknown", "") : listing.key;
  return district != nullptr && district->district != nullptr ? district->district->name + " " + street : street;
}

json listing_view(const Listing& listing, std::size_t page, const DistrictListing* district, const json& strings) {
  json items = json::array();
  const std::size_t begin = (page - 1) * kPageSize;
  const std::size_t end = std::min(listing.members.size(), begin + kPageSize);
  for (std::size_t i = begin; i < end; ++i) items.push_back(institution_card(*listing.members[i], strings));
  json view = {{"title", listing_title(listing, district, strings)},
               {"items", items},
               {"count", listing.members.size()},
               {"page", page},
               {"page_count", listing.pages()},
               {"pagination", pagination(listing, page)},
               {"first", begin + 1},
               {"last", end}};
  if (district != nullptr) {
    view["district"] = {{"name", district->district ? district->district->name : district->code}, {"url", "districts/" + district->code + ".html"}};
  }
  return view;
}

json institution_view(const model::SiteModel& site, const model::Institution& inst, const json& strings) {
  const bool chinese = is_chinese(strings);
  const PublicPlace place = public_place(inst, site.config);
  json view = {{"id", inst.id},
               {"name", inst.name},
               {"type", inst.type},
               {"type_url", "lists/type-" + type_slug(inst.type) + ".html"},
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
               {"district_url", "districts/" + inst.district_code + ".html"},
               {"street", inst.street},
               {"address", place.address},
               {"address_withheld", place.address.empty() && !inst.address.empty()},
               {"hours", inst.hours},
               {"capacity", inst.capacity},
               {"updated", inst.updated},
               {"note", inst.note},
               {"area_m2", inst.area_m2},
               {"uscc", inst.uscc}};
  if (!inst.phone.empty()) {
    view["phone"] = inst.phone;
    view["phone_href"] = tel_href(inst.phone);
  }
  std::string services;
  for (const auto& service : inst.services) services += (services.empty() ? "" : "、") + service;
  view["services"] = services;
  if (inst.age_min_months && inst.age_max_months) {
    view["ages"] = age_range(*inst.age_min_months, *inst.age_max_months, chinese);
    view["ages_months"] = std::to_string(*inst.age_min_months) + "–" + std::to_string(*inst.age_max_months);
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
    if (fee.prepay_months) {
      if (*fee.prepay_months == 0) {
        row["no_prepay"] = true;
      } else {
        row["prepay"] = std::to_string(*fee.prepay_months);
      }
    }
    groups[it->second]["rows"].push_back(std::move(row));
  }
  view["fee_groups"] = std::move(groups);
  view["has_fees"] = !inst.fees.empty();
  json maps = json::array();
  for (const auto& link : map_links(place, inst.name, site.config.map_links)) {
    maps.push_back({{"name", provider_name(link.provider, strings)}, {"url", link.url}});
  }
  view["has_maps"] = !maps.empty();
  view["maps"] = std::move(maps);
  view["location_coarsened"] = place.coarsened;
  json extra = json::array();
  for (const auto& [title, value] : inst.extra) extra.push_back({{"title", title}, {"value", value}});
  view["extra"] = std::move(extra);
  const std::string page_url = site.config.base_url.empty() ? "" : site.config.base_url + institution_url(inst.id);
  view["json_ld"] = structured_data(inst, place, site, page_url);
  view["record_url"] = opendata::record_path(inst);
  const auto related = related_articles(site, "", inst.age_min_months.value_or(0), inst.age_max_months.value_or(36), "", "入托准备");
  view["guidance"] = article_links(related);
  view["has_guidance"] = !related.empty();
  return view;
}

json guide_index_view(const model::SiteModel& site, const json& strings) {
  const bool chinese = is_chinese(strings);
  std::map<std::string, json> by_topic;
  for (const auto& article : site.articles) {
    by_topic[article.topic].push_back({{"title", article.title},
                                       {"url", "guide/" + article.slug + ".html"},
                                       {"summary", article.summary},
                                       {"ages", age_range(article.age_min_months, article.age_max_months, chinese)}});
  }
  json topics = json::array();
  for (auto& [topic, articles] : by_topic) {
    topics.push_back({{"name", topic}, {"anchor", "topic-" + std::to_string(topics.size() + 1)}, {"articles", std::move(articles)}});
  }
  return {{"topics", std::move(topics)}, {"count", site.articles.size()}};
}

json article_view(const model::SiteModel& site, const model::Article& article, const json& strings) {
  const bool chinese = is_chinese(strings);
  json toc = json::array();
  for (const auto& [id, text] : article.headings) toc.push_back({{"id", id}, {"text", text}});
  const auto related = related_articles(site, article.topic, article.age_min_months, article.age_max_months, article.slug);
  return {{"title", article.title},
          {"topic", article.topic},
          {"summary", article.summary},
          {"source", article.source},
          {"reviewed", article.reviewed},
          {"sample", article.sample},
          {"ages", age_range(article.age_min_months, article.age_max_months, chinese)},
          {"body", article.body_html},
          {"toc", toc},
          {"has_toc", article.headings.size() >= 3},
          {"related", article_links(related)},
          {"has_related", !related.empty()}};
}

json about_view(const model::SiteModel& site) {
  std::size_t operating = 0;
  for (const auto& inst : site.institutions) operating += inst.status == "运营中" ? 1 : 0;
  return {{"about", site.config.about}, {"institutions", site.institutions.size()}, {"operating", operating}, {"articles", site.articles.size()}};
}

namespace {

std::string type_text(load::FieldType type, const json& strings) {
  switch (type) {
    case load::FieldType::integer: return strings.value("type_integer", "integer");
    case load::FieldType::number: return strings.value("type_number", "number");
    case load::FieldType::boolean: return strings.value("type_boolean", "boolean");
    case load::FieldType::date: return strings.value("type_date", "date");
    case load::FieldType::string: return strings.value("type_string", "string");
  }
  return {};
}

json dictionary(const load::TableSchema& schema, const json& strings) {
  const core::Language language = is_chinese(strings) ? core::Language::zh : core::Language::en;
  json fields = json::array();
  for (const auto& field : schema.fields) {
    if (field.is_private) continue;
    std::string rule = validate::describe_expected(field).in(language);
    if (field.required) rule = strings.value("required", "") + "; " + rule;
    std::string allowed;
    for (const auto& value : field.allowed) allowed += (allowed.empty() ? "" : "、") + value;
    fields.push_back({{"name", field.name}, {"title", field.title}, {"type", type_text(field.type, strings)}, {"allowed", allowed},
                      {"description", field.description}, {"rule", rule}});
  }
  return fields;
}

/// A file size in KB or MB with one decimal, in the page's locale.
std::string size_text(std::size_t bytes, const json& strings) {
  const bool mega = bytes >= 1024 * 1024;
  const std::size_t unit = mega ? 1024 * 1024 : 1024;
  const std::size_t tenths = std::max<std::size_t>(1, (bytes * 10 + unit / 2) / unit);
  const std::string decimal = std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
  return core::format_decimal(decimal, 1, strings.value("lang", "zh-CN")) + (mega ? " MB" : " KB");
}

std::string format_key(const std::string& format) {
  static const std::map<std::string, std::string> keys = {
      {"CSV", "format_csv"},          {"CSV-BOM", "format_csv_bom"},  {"JSON", "format_json"},   {"GeoJSON", "format_geojson"},
      {"XLSX", "format_xlsx"},        {"Data Package", "format_package"}, {"DCAT", "format_dcat"}, {"SHA256SUMS", "format_checksums"},
      {"text", "format_text"}};
  const auto it = keys.find(format);
  return it == keys.end() ? format : it->second;
}

}  // namespace

json data_view(const std::map<std::string, load::TableSchema>& schemas, const std::vector<opendata::DataFile>& files, const json& strings) {
  json tables = json::array();
  for (const std::string name : {"institutions", "fees", "areas"}) {
    const auto it = schemas.find(name);
    if (it == schemas.end()) continue;
    tables.push_back({{"name", name + ".csv"}, {"fields", dictionary(it->second, strings)}});
  }
  tables.push_back({{"name", "statistics.csv"}, {"fields", dictionary(opendata::statistics_schema(), strings)}});
  json groups = json::array();
  for (const std::string table : {"institutions", "fees", "areas", "statistics", "all"}) {
    json rows = json::array();
    for (const auto& file : files) {
      if (file.table != table) continue;
      rows.push_back({{"name", file.path.substr(5)}, {"url", file.path}, {"format", strings.value(format_key(file.format), file.format)},
                      {"size", size_text(file.bytes.size(), strings)}});
    }
    if (!rows.empty()) groups.push_back({{"name", strings.value("table_" + table, table)}, {"id", "files-" + table}, {"files", std::move(rows)}});
  }
  return {{"tables", std::move(tables)}, {"downloads", std::move(groups)}};
}

}  // namespace tuoyu::render
