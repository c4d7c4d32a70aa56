#include "model/build_model.h"

#include <algorithm>
#include <map>
#include <set>

namespace tuoyu::model {
namespace {

using validate::ValidatedRow;
using validate::ValidatedTable;
using validate::Value;

/// Reads fields of one row by name; a private field reads as empty, whatever the model would do with it.
class RowReader {
 public:
  RowReader(const ValidatedTable& table, const ValidatedRow& row) : table_(table), row_(row) {}
  [[nodiscard]] std::string text(std::string_view name) const {
    const Value* value = get(name);
    return value != nullptr ? validate::to_text(*value) : std::string();
  }
  [[nodiscard]] std::optional<std::int64_t> integer(std::string_view name) const {
    if (const auto* n = get_if<std::int64_t>(name)) return *n;
    return std::nullopt;
  }
  [[nodiscard]] const validate::Decimal* decimal(std::string_view name) const { return get_if<validate::Decimal>(name); }
  [[nodiscard]] bool flag(std::string_view name) const {
    const auto* b = get_if<bool>(name);
    return b != nullptr && *b;
  }
  [[nodiscard]] std::vector<std::string> list(std::string_view name) const {
    if (const auto* items = get_if<std::vector<std::string>>(name)) return *items;
    return {};
  }
  [[nodiscard]] std::optional<Coordinates> coordinates(const std::string& default_crs) const {
    const auto* lon = decimal("longitude");
    const auto* lat = decimal("latitude");
    if (lon == nullptr || lat == nullptr) return std::nullopt;
    std::string crs = text("crs");
    return Coordinates{lon->value, lat->value, crs.empty() ? default_crs : crs, lon->canonical, lat->canonical};
  }

 private:
  /// The value of field `name`, or nullptr when the schema marks it private.
  [[nodiscard]] const Value* get(std::string_view name) const {
    const std::size_t field = table_.schema->index_of(name);
    if (table_.schema->fields[field].is_private) return nullptr;
    return &row_.values[field];
  }
  template <typename T>
  [[nodiscard]] const T* get_if(std::string_view name) const {
    const Value* value = get(name);
    return value != nullptr ? std::get_if<T>(value) : nullptr;
  }

  const ValidatedTable& table_;
  const ValidatedRow& row_;
};

/// Public fields the model does not name: an office's own declared columns.
std::vector<std::pair<std::string, std::string>> extra_fields(const ValidatedTable& table, const ValidatedRow& row,
                                                              const std::set<std::string>& known) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t f = 0; f < table.schema->fields.size(); ++f) {
    const auto& field = table.schema->fields[f];
    if (field.is_private || known.count(field.name) != 0) continue;
    std::string value = validate::to_text(row.values[f]);
    if (!value.empty()) out.emplace_back(field.title.empty() ? field.name : field.title, std::move(value));
  }
  return out;
}

/// The schema with private fields, and keys that use them, left out.
load::TableSchema public_schema(const load::TableSchema& schema) {
  load::TableSchema out = schema;
  std::set<std::string> hidden;
  out.fields.clear();
  for (const auto& field : schema.fields) {
    if (field.is_private) {
      hidden.insert(field.name);
    } else {
      out.fields.push_back(field);
    }
  }
  auto uses_hidden = [&hidden](const std::vector<std::string>& names) {
    return std::any_of(names.begin(), names.end(), [&hidden](const std::string& n) { return hidden.count(n) != 0; });
  };
  std::erase_if(out.unique_keys, uses_hidden);
  std::erase_if(out.foreign_keys, [&uses_hidden](const load::ForeignKey& key) { return uses_hidden(key.fields); });
  if (uses_hidden(out.primary_key)) out.primary_key.clear();
  out.source_json.clear();
  return out;
}

/// The public values of one row as canonical text, in the order of public_schema's fields.
std::vector<std::string> public_values(const ValidatedTable& table, const ValidatedRow& row) {
  std::vector<std::string> out;
  out.reserve(table.schema->fields.size());
  for (std::size_t f = 0; f < table.schema->fields.size(); ++f) {
    if (!table.schema->fields[f].is_private) out.push_back(validate::to_text(row.values[f]));
  }
  return out;
}

/// Sorts `items` and their public rows together by `key`.
template <typename T, typename Key>
void sort_with_rows(std::vector<T>& items, std::vector<std::vector<std::string>>& rows, Key key) {
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(items[a]) < key(items[b]); });
  std::vector<T> sorted_items;
  std::vector<std::vector<std::string>> sorted_rows;
  sorted_items.reserve(items.size());
  sorted_rows.reserve(rows.size());
  for (const std::size_t i : order) {
    sorted_items.push_back(std::move(items[i]));
    sorted_rows.push_back(std::move(rows[i]));
  }
  items = std::move(sorted_items);
  rows = std::move(sorted_rows);
}

const std::set<std::string> kInstitutionFields = {
    "id", "name", "uscc", "district_code", "street", "address", "longitude", "latitude", "crs", "type", "ownership",
    "inclusive", "status", "filing_status", "filing_date", "capacity", "places_6_12m", "places_12_24m", "places_24_36m",
    "enrolled", "age_min_months", "age_max_months", "services", "hours", "phone", "area_m2", "rating", "operator_mobile",
    "updated", "note"};

}  // namespace

SiteModel build_site_model(const load::SiteConfig& config, const validate::Tables& tables, std::vector<Article> articles) {
  SiteModel site;
  site.config = config;
  if (const auto it = tables.find("areas"); it != tables.end() && it->second.schema != nullptr) {
    PublicTable& published = site.public_tables["areas"];
    published.schema = public_schema(*it->second.schema);
    for (const auto& row : it->second.rows) {
      if (!row.valid) continue;
      const RowReader read(it->second, row);
      site.areas.push_back({read.text("code"), read.text("name"), read.text("parent_code"), read.integer("population"),
                            read.integer("children_under3"), read.coordinates(config.default_crs)});
      published.rows.push_back(public_values(it->second, row));
    }
    sort_with_rows(site.areas, published.rows, [](const Area& a) -> const std::string& { return a.code; });
  }

  if (const auto it = tables.find("institutions"); it != tables.end() && it->second.schema != nullptr) {
    const auto& table = it->second;
    PublicTable& published = site.public_tables["institutions"];
    published.schema = public_schema(*table.schema);
    site.institutions.reserve(table.rows.size());
    for (const auto& row : table.rows) {
      if (!row.valid) continue;
      const RowReader read(table, row);
      Institution inst;
      inst.id = read.text("id");
      inst.name = read.text("name");
      inst.uscc = read.text("uscc");
      inst.district_code = read.text("district_code");
      if (const Area* district = site.find_area(inst.district_code)) inst.district_name = district->name;
      inst.street = read.text("street");
      inst.address = read.text("address");
      inst.location = read.coordinates(config.default_crs);
      inst.type = read.text("type");
      inst.ownership = read.text("ownership");
      inst.inclusive = read.flag("inclusive");
      inst.status = read.text("status");
      inst.filing_status = read.text("filing_status");
      inst.filing_date = read.text("filing_date");
      inst.capacity = read.integer("capacity").value_or(0);
      inst.class_places = {read.integer("places_6_12m"), read.integer("places_12_24m"), read.integer("places_24_36m")};
      inst.enrolled = read.integer("enrolled");
      inst.age_min_months = read.integer("age_min_months");
      inst.age_max_months = read.integer("age_max_months");
      inst.services = read.list("services");
      inst.hours = read.text("hours");
      inst.phone = read.text("phone");
      inst.area_m2 = read.text("area_m2");
      inst.rating = read.text("rating");
      inst.updated = read.text("updated");
      inst.note = read.text("note");
      inst.extra = extra_fields(table, row, kInstitutionFields);
      site.institutions.push_back(std::move(inst));
      published.rows.push_back(public_values(table, row));
    }
    sort_with_rows(site.institutions, published.rows, [](const Institution& a) -> const std::string& { return a.id; });
  }

  if (const auto it = tables.find("fees"); it != tables.end() && it->second.schema != nullptr) {
    PublicTable& published = site.public_tables["fees"];
    published.schema = public_schema(*it->second.schema);
    std::vector<std::size_t> owners;  // Index of each published fee row's institution.
    for (const auto& row : it->second.rows) {
      if (!row.valid) continue;
      const RowReader read(it->second, row);
      const std::string owner = read.text("institution_id");
      const auto inst = std::lower_bound(site.institutions.begin(), site.institutions.end(), owner,
                                         [](const Institution& a, const std::string& id) { return a.id < id; });
      if (inst == site.institutions.end() || inst->id != owner) continue;
      Fee fee;
      fee.service = read.text("service");
      fee.class_name = read.text("class");
      fee.item = read.text("item");
      if (const auto* amount = read.decimal("amount")) {
        fee.amount = amount->canonical;
        fee.amount_value = amount->value;
      }
      fee.unit = read.text("unit");
      fee.prepay_months = read.integer("prepay_months");
      fee.effective_from = read.text("effective_from");
      fee.note = read.text("note");
      inst->fees.push_back(std::move(fee));
      owners.push_back(static_cast<std::size_t>(inst - site.institutions.begin()));
      published.rows.push_back(public_values(it->second, row));
    }
    sort_with_rows(owners, published.rows, [](std::size_t owner) { return owner; });
  }
  site.articles = std::move(articles);
  std::sort(site.articles.begin(), site.articles.end(), [](const Article& a, const Article& b) { return a.slug < b.slug; });
  return site;
}

}  // namespace tuoyu::model
