#include "validate/domain_rules.h"

#include <map>
#include <set>

#include "core/text.h"

namespace tuoyu::validate {
namespace {

using core::Localized;

const std::int64_t* as_integer(const Value& value) { return std::get_if<std::int64_t>(&value); }

bool is_set(const Value& value) { return !std::holds_alternative<std::monostate>(value); }

/// A value written into a message as it is (numbers, codes), or masked when its field is private.
Localized plain(const ValidatedTable& table, std::size_t field, const std::string& text) {
  if (table.schema->fields[field].is_private) return table.shown(field, text);
  return {text, text};
}

void institution_rules(ValidatedTable& table, const ValidatedTable* areas, core::Diagnostics& diagnostics) {
  const auto& schema = *table.schema;
  const std::size_t longitude = schema.index_of("longitude");
  const std::size_t latitude = schema.index_of("latitude");
  const std::size_t filing_status = schema.index_of("filing_status");
  const std::size_t filing_date = schema.index_of("filing_date");
  const std::size_t capacity = schema.index_of("capacity");
  const std::size_t enrolled = schema.index_of("enrolled");
  const std::size_t age_min = schema.index_of("age_min_months");
  const std::size_t age_max = schema.index_of("age_max_months");
  const std::size_t district = schema.index_of("district_code");
  const std::size_t street = schema.index_of("street");
  const std::size_t address = schema.index_of("address");
  const std::size_t name = schema.index_of("name");
  const std::size_t class_fields[] = {schema.index_of("places_6_12m"), schema.index_of("places_12_24m"),
                                      schema.index_of("places_24_36m")};

  // Streets by district code, from areas.csv.
  std::map<std::string, std::set<std::string>> streets_of;
  if (areas != nullptr) {
    const std::size_t area_code = areas->schema->index_of("code");
    const std::size_t area_name = areas->schema->index_of("name");
    const std::size_t parent = areas->schema->index_of("parent_code");
    for (const auto& row : areas->rows) {
      const std::string parent_code = to_text(row.values[parent]);
      if (!parent_code.empty() && to_text(row.values[area_code]).size() > 6) {
        streets_of[parent_code].insert(to_text(row.values[area_name]));
      }
    }
  }

  for (auto& row : table.rows) {
    auto error = [&](std::size_t field, Localized message, Localized hint = {}) {
      row.valid = false;
      diagnostics.error(table.where(row, field), std::move(message), std::move(hint));
    };
    // Rules about missing values skip cells that were present but unreadable: those are reported already.
    const auto given = [&](std::size_t field) { return is_set(row.values[field]) || row.unreadable[field]; };
    if (given(longitude) != given(latitude)) {
      const std::size_t missing = given(longitude) ? latitude : longitude;
      error(missing, {table.label(longitude) + " 和 " + table.label(latitude) + " 须同时填写或同时留空",
                      table.label(longitude) + " and " + table.label(latitude) + " must both be given or both be empty"});
    }
    if (to_text(row.values[filing_status]) == "已备案" && !given(filing_date)) {
      error(filing_date, {table.label(filing_date) + "：备案状态为“已备案”时必填", table.label(filing_date) + ": required when the filing status is 已备案"},
            {"填写备案日期，或把备案状态改为“备案中”", "enter the filing date, or set the filing status to 备案中"});
    }
    const std::int64_t* places = as_integer(row.values[capacity]);
    if (places != nullptr) {
      const Localized places_text = plain(table, capacity, std::to_string(*places));
      // A schema may leave out the maximum, so the sum is checked: a sum too large to hold exceeds any capacity.
      std::int64_t sum = 0;
      bool overflow = false;
      bool any_private = false;
      std::string parts_zh;
      std::string parts_en;
      for (const std::size_t f : class_fields) {
        if (const auto* n = as_integer(row.values[f])) {
          overflow = __builtin_add_overflow(sum, *n, &sum) || overflow;
          any_private = any_private || schema.fields[f].is_private;
          const Localized part = plain(table, f, std::to_string(*n));
          parts_zh += (parts_zh.empty() ? "" : " + ") + schema.fields[f].title + " " + part.zh;
          parts_en += (parts_en.empty() ? "" : " + ") + schema.fields[f].name + " " + part.en;
        }
      }
      if (overflow || sum > *places) {
        // The total is left out when it cannot be held or would reveal a private part.
        const std::string total = overflow || any_private ? "" : " " + std::to_string(sum);
        error(class_fields[0], {"各班型托位之和" + total + "（" + parts_zh + "）超过" + table.label(capacity) + " " + places_text.zh,
                                overflow || any_private
                                    ? "class places (" + parts_en + ") add up to more than " + table.label(capacity) + " " + places_text.en
                                    : "class places add up to" + total + " (" + parts_en + "), more than " + table.label(capacity) + " " +
                                          places_text.en},
              {"核对托位数或各班型托位", "check the capacity or the places per class"});
      }
      if (const auto* children = as_integer(row.values[enrolled]); children != nullptr && *children > *places) {
        const Localized children_text = plain(table, enrolled, std::to_string(*children));
        diagnostics.warning(table.where(row, enrolled),
                            {table.label(enrolled) + " " + children_text.zh + " 超过" + table.label(capacity) + " " + places_text.zh,
                             table.label(enrolled) + " " + children_text.en + " is more than " + table.label(capacity) + " " + places_text.en},
                            {"超额收托须整改；如为录入错误请改正", "over-enrolment must be remedied; correct it if it is a typing error"});
      }
    }
    const auto* youngest = as_integer(row.values[age_min]);
    const auto* oldest = as_integer(row.values[age_max]);
    if (youngest != nullptr && oldest != nullptr && *youngest > *oldest) {
      const Localized young = plain(table, age_min, std::to_string(*youngest));
      const Localized old = plain(table, age_max, std::to_string(*oldest));
      error(age_min, {table.label(age_min) + " " + young.zh + " 大于" + table.label(age_max) + " " + old.zh,
                      table.label(age_min) + " " + young.en + " is greater than " + table.label(age_max) + " " + old.en},
            {"两列可能填反了", "the two columns may be swapped"});
    }
    const std::string address_text = to_text(row.values[address]);
    if (!address_text.empty() && address_text.find_first_of("0123456789") == std::string::npos &&
        core::nfkc(address_text).find_first_of("0123456789") == std::string::npos) {
      const Localized shown = table.shown(address, address_text);
      diagnostics.warning(table.where(row, address),
                          {table.label(address) + "：" + shown.zh + " 没有门牌号，家长难以据此找到机构",
                           table.label(address) + ": " + shown.en + " has no house number; families cannot find the place from it"},
                          {"填写“路（街、巷）+ 门牌号”，把说明性文字写在备注中", "give the road and number (…路…号) and move descriptions to the note"});
    }
    const std::string name_text = to_text(row.values[name]);
    if (name_text.find("暂定") != std::string::npos) {
      const Localized shown = table.shown(name, name_text);
      diagnostics.warning(table.where(row, name),
                          {table.label(name) + "：" + shown.zh + " 标注为暂定名称", table.label(name) + ": " + shown.en + " is marked as a provisional name (暂定)"},
                          {"公开前请填写登记名称", "publish the registered name once it is known"});
    }
    const std::string street_name = to_text(row.values[street]);
    const std::string district_code = to_text(row.values[district]);
    if (areas != nullptr && !street_name.empty() && !district_code.empty()) {
      const auto it = streets_of.find(district_code);
      if (it != streets_of.end() && it->second.count(street_name) == 0) {
        const std::vector<std::string> names(it->second.begin(), it->second.end());
        Localized hint{"把该街道加入 " + areas->path + "，或改用其中已有的街道名称", "add the street to " + areas->path + " or use one of its street names"};
        if (const auto guess = core::did_you_mean(street_name, names)) hint = {"是不是 " + *guess + "？", "did you mean " + *guess + "?"};
        if (schema.fields[street].is_private) hint = private_value_hint();
        const Localized shown = table.shown(street, street_name);
        const Localized code = plain(table, district, district_code);
        diagnostics.warning(table.where(row, street),
                            {table.label(street) + "：" + shown.zh + " 不是 " + areas->path + " 中区划 " + code.zh + " 的街道",
                             table.label(street) + ": " + shown.en + " is not a street of district " + code.en + " in " + areas->path},
                            hint);
      }
    }
  }
}

void fee_rules(ValidatedTable& table, core::Diagnostics& diagnostics) {
  const std::size_t prepay = table.schema->index_of("prepay_months");
  for (auto& row : table.rows) {
    if (const auto* months = as_integer(row.values[prepay]); months != nullptr && *months > 3) {
      const Localized n = plain(table, prepay, std::to_string(*months));
      diagnostics.warning(table.where(row, prepay),
                          {table.label(prepay) + " 为 " + n.zh + " 个月，超过 3 个月", table.label(prepay) + " is " + n.en + " months, more than 3"},
                          {"预收费一般不超过3个月（东政办〔2021〕6号《东西湖区人民政府办公室关于开展3岁以下婴幼儿照护服务工作的通知》）",
                           "policy: prepayment is normally no more than 3 months (预收费一般不超过3个月, Dongxihu District notice 东政办〔2021〕6号)"});
    }
  }
}

void area_rules(ValidatedTable& table, core::Diagnostics& diagnostics) {
  const auto& schema = *table.schema;
  const std::size_t code = schema.index_of("code");
  const std::size_t parent = schema.index_of("parent_code");
  const std::size_t population = schema.index_of("population");
  // A parent absent from the table is reported by check_references; the schema's pattern keeps
  // parents to 6-digit (district) codes.
  std::set<std::string> districts;
  for (const auto& row : table.rows) {
    const std::string text = to_text(row.values[code]);
    if (text.size() == 6) districts.insert(text);
  }
  for (auto& row : table.rows) {
    const std::string text = to_text(row.values[code]);
    const auto given = [&](std::size_t field) { return is_set(row.values[field]) || row.unreadable[field]; };
    const std::string parent_code = to_text(row.values[parent]);
    if (text.empty()) continue;
    auto error = [&](std::size_t field, Localized message, Localized hint = {}) {
      row.valid = false;
      diagnostics.error(table.where(row, field), std::move(message), std::move(hint));
    };
    const Localized shown = plain(table, code, text);
    if (text.size() == 6) {
      if (!given(population)) {
        error(population, {table.label(population) + "：区（县）必填", table.label(population) + ": required for a district"},
              {"人口用于计算每千人口托位数", "population is the denominator of places per 1,000 population"});
      }
      if (!parent_code.empty()) {
        error(parent, {table.label(parent) + "：区（县）" + shown.zh + " 不应有上级区划代码", table.label(parent) + ": district " + shown.en + " takes no parent code"});
      }
    } else if (parent_code.empty()) {
      error(parent, {table.label(parent) + "：街道 " + shown.zh + " 须填写所属区（县）的代码", table.label(parent) + ": street " + shown.en + " needs the code of its district"});
    } else if (districts.count(parent_code) != 0 && text.compare(0, 6, parent_code) != 0) {
      const Localized parent_shown = plain(table, parent, parent_code);
      diagnostics.warning(table.where(row, code),
                          {table.label(code) + "：街道代码 " + shown.zh + " 不以所属区代码 " + parent_shown.zh + " 开头",
                           table.label(code) + ": street code " + shown.en + " does not start with its district code " + parent_shown.en});
    }
  }
}

}  // namespace

void check_domain_rules(Tables& tables, core::Diagnostics& diagnostics) {
  const auto areas = tables.find("areas");
  const ValidatedTable* area_table = areas != tables.end() && areas->second.schema != nullptr ? &areas->second : nullptr;
  if (area_table != nullptr) area_rules(areas->second, diagnostics);
  if (const auto it = tables.find("institutions"); it != tables.end() && it->second.schema != nullptr) {
    institution_rules(it->second, area_table, diagnostics);
  }
  if (const auto it = tables.find("fees"); it != tables.end() && it->second.schema != nullptr) fee_rules(it->second, diagnostics);
}

}  // namespace tuoyu::validate
