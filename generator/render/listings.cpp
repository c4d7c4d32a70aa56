#include "render/listings.h"

#include <algorithm>
#include <set>

#include "core/collation.h"

namespace tuoyu::render {
namespace {

const std::vector<std::pair<std::string, std::string>> kTypeSlugs = {
    {"托育中心", "center"}, {"幼儿园托班", "kindergarten"}, {"社区托育点", "community"}, {"用人单位办托", "employer"}, {"家庭托育点", "home"}};

}  // namespace

std::string type_slug(const std::string& type) {
  for (const auto& [name, slug] : kTypeSlugs) {
    if (name == type) return slug;
  }
  return "other";
}

Listings build_listings(const model::SiteModel& site) {
  // Every listed institution in pinyin order once; each listing keeps that order.
  std::vector<std::pair<std::string, const model::Institution*>> ordered;
  std::vector<std::pair<std::string, const model::Institution*>> closed;
  for (const auto& inst : site.institutions) {
    (inst.status == "已停办" ? closed : ordered).emplace_back(core::pinyin_sort_key(inst.name) + '\x00' + inst.id, &inst);
  }
  const auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
  std::sort(ordered.begin(), ordered.end(), by_key);
  std::sort(closed.begin(), closed.end(), by_key);

  Listings out;
  out.inclusive = {"lists/inclusive", "", "inclusive", "普惠", {}};
  out.closed = {"lists/closed", "", "closed", "已停办", {}};
  for (const auto& [key, inst] : closed) out.closed.members.push_back(inst);
  std::map<std::string, Listing> by_type;
  std::map<std::string, DistrictListing> by_district;
  std::map<std::pair<std::string, std::string>, std::size_t> street_index;  // (district, street name) → position
  for (const auto& [key, inst] : ordered) {
    if (inst->inclusive) out.inclusive.members.push_back(inst);
    auto& type = by_type[inst->type];
    if (type.stem.empty()) type = {"lists/type-" + type_slug(inst->type), inst->type, "type", inst->type, {}};
    type.members.push_back(inst);

    auto& district = by_district[inst->district_code];
    district.code = inst->district_code;
    district.district = site.find_area(inst->district_code);
    ++district.count;
    const auto [it, inserted] = street_index.emplace(std::make_pair(inst->district_code, inst->street), district.streets.size());
    if (inserted) district.streets.push_back({"", inst->street, "district-street", inst->street, {}});
    district.streets[it->second].members.push_back(inst);
  }
  for (const auto& [name, slug] : kTypeSlugs) {
    if (const auto it = by_type.find(name); it != by_type.end()) out.types.push_back(std::move(it->second));
  }
  if (const auto it = by_type.find(""); it != by_type.end()) out.types.push_back(std::move(it->second));

  // Streets: known streets by their code (areas.csv), others by position, the unnamed last.
  std::map<std::pair<std::string, std::string>, std::string> street_codes;
  for (const auto& area : site.areas) {
    if (!area.parent_code.empty()) street_codes[{area.parent_code, area.name}] = area.code;
  }
  for (auto& [code, district] : by_district) {
    std::sort(district.streets.begin(), district.streets.end(), [&](const Listing& a, const Listing& b) {
      const auto ca = street_codes.find({code, a.key});
      const auto cb = street_codes.find({code, b.key});
      const bool known_a = ca != street_codes.end();
      const bool known_b = cb != street_codes.end();
      if (a.key.empty() != b.key.empty()) return b.key.empty();
      if (known_a != known_b) return known_a;
      if (known_a) return ca->second < cb->second;
      return core::pinyin_sort_key(a.key) < core::pinyin_sort_key(b.key);
    });
    std::size_t unknown = 0;
    for (auto& street : district.streets) {
      const auto known = street_codes.find({code, street.key});
      if (known != street_codes.end()) {
        street.stem = "streets/" + known->second;
      } else if (street.key.empty()) {
        street.stem = "streets/" + code + "-other";
      } else {
        street.stem = "streets/" + code + "-s" + std::to_string(++unknown);
      }
    }
    out.districts.push_back(std::move(district));
  }
  return out;
}

}  // namespace tuoyu::render
