#include "stats/indicators.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace tuoyu::stats {
namespace {

const std::vector<std::string> kClasses = {"乳儿班", "托小班", "托大班", "未分班"};
const std::vector<std::string> kTypes = {"托育中心", "幼儿园托班", "社区托育点", "用人单位办托", "家庭托育点"};
const std::vector<std::string> kOwnerships = {"公办", "民办非营利", "民办营利"};
const std::vector<std::string> kInclusive = {"普惠", "非普惠"};

/// Running totals over the operating institutions of one area.
struct Tally {
  std::int64_t operating = 0, places = 0, inclusive_places = 0, filed = 0;
  std::int64_t enrolled = 0, enrolled_capacity = 0;  ///< Over institutions that report enrolment.
  std::map<std::string, std::int64_t> class_places, by_type, by_ownership;
  std::map<std::string, std::vector<std::int64_t>> fees_by_ownership, fees_by_inclusive;

  void add(const model::Institution& inst, std::optional<std::int64_t> fee) {
    ++operating;
    places += inst.capacity;
    if (inst.inclusive) inclusive_places += inst.capacity;
    if (inst.filing_status == "已备案") ++filed;
    if (inst.enrolled) {
      enrolled += *inst.enrolled;
      enrolled_capacity += inst.capacity;
    }
    std::int64_t assigned = 0;
    for (std::size_t c = 0; c < inst.class_places.size(); ++c) {
      const std::int64_t n = inst.class_places[c].value_or(0);
      class_places[kClasses[c]] += n;
      assigned += n;
    }
    class_places[kClasses[3]] += std::max<std::int64_t>(0, inst.capacity - assigned);
    ++by_type[inst.type];
    ++by_ownership[inst.ownership];
    if (fee) {
      fees_by_ownership[inst.ownership].push_back(*fee);
      fees_by_inclusive[inst.inclusive ? kInclusive[0] : kInclusive[1]].push_back(*fee);
    }
  }
};

/// The known categories in their fixed order, then any others the data holds, in byte order.
std::vector<std::string> categories(const std::vector<std::string>& known, const std::map<std::string, std::int64_t>& seen) {
  std::vector<std::string> out = known;
  for (const auto& [name, count] : seen) {
    if (std::find(known.begin(), known.end(), name) == known.end()) out.push_back(name);
  }
  return out;
}

/// Median of fen amounts in whole yuan, the middle pair averaged, rounded half away from zero.
std::optional<FixedDecimal> median_yuan(std::vector<std::int64_t> fen) {
  if (fen.empty()) return std::nullopt;
  std::sort(fen.begin(), fen.end());
  const std::size_t mid = fen.size() / 2;
  const std::int64_t twice = fen.size() % 2 == 1 ? 2 * fen[mid] : fen[mid - 1] + fen[mid];
  return ratio(twice, 200, 1, 0);
}

/// Builds the figures of one area from its tally.
class FigureMaker {
 public:
  FigureMaker(const load::SiteConfig& config, AreaFigures& area) : config_(config), area_(area) {}

  void count(std::string_view indicator, std::int64_t n, std::string category = {}) {
    Figure f = base(indicator, std::move(category));
    f.value = FixedDecimal{n, 0};
    push(std::move(f));
  }

  void share(std::string_view indicator, std::int64_t numerator, std::optional<std::int64_t> denominator, std::int64_t scale,
             std::string missing) {
    Figure f = base(indicator, {});
    f.numerator = numerator;
    f.denominator = denominator;
    if (denominator && *denominator > 0) {
      f.value = ratio(numerator, *denominator, scale, definition_of(indicator).decimals);
    } else {
      f.missing = std::move(missing);
    }
    push(std::move(f));
  }

  void median(std::string_view indicator, const std::string& category, const std::vector<std::int64_t>* fen) {
    Figure f = base(indicator, category);
    f.denominator = fen != nullptr ? static_cast<std::int64_t>(fen->size()) : 0;
    if (fen != nullptr) f.value = median_yuan(*fen);
    if (!f.value) f.missing = "no_fees";
    push(std::move(f));
  }

 private:
  Figure base(std::string_view indicator, std::string category) const {
    Figure f;
    f.indicator = std::string(indicator);
    f.category = std::move(category);
    return f;
  }

  void push(Figure f) {
    const auto target = config_.targets.find(f.indicator);
    if (target != config_.targets.end() && f.category.empty()) {
      f.target = parse_fixed(target->second.value, definition_of(f.indicator).decimals);
      if (f.target && f.value) f.gap = difference(*f.value, *f.target);
    }
    area_.figures.push_back(std::move(f));
  }

  const load::SiteConfig& config_;
  AreaFigures& area_;
};

/// Every figure of an area; `streets` is null for a street itself (no coverage, no breakdowns).
void fill(AreaFigures& area, const Tally& t, std::optional<std::int64_t> population, const std::vector<const Tally*>* streets,
          const load::SiteConfig& config) {
  FigureMaker make(config, area);
  make.count("operating_institutions", t.operating);
  make.count("places", t.places);
  make.count("inclusive_places", t.inclusive_places);
  make.share("inclusive_share", t.inclusive_places, t.places, 100, "no_places");
  make.share("places_per_1000", t.places, population, 1000, "no_population");
  make.share("filing_rate", t.filed, t.operating, 100, "no_institutions");
  make.share("occupancy", t.enrolled, t.enrolled_capacity, 100, "no_enrolment");
  if (streets == nullptr) return;
  const auto covered = std::count_if(streets->begin(), streets->end(), [](const Tally* s) { return s->operating > 0; });
  make.share("community_coverage", covered, static_cast<std::int64_t>(streets->size()), 100, "no_streets");
  for (const auto& c : kClasses) make.count("places_by_class", t.class_places.count(c) ? t.class_places.at(c) : 0, c);
  for (const auto& c : categories(kTypes, t.by_type)) make.count("institutions_by_type", t.by_type.count(c) ? t.by_type.at(c) : 0, c);
  for (const auto& c : categories(kOwnerships, t.by_ownership)) {
    make.count("institutions_by_ownership", t.by_ownership.count(c) ? t.by_ownership.at(c) : 0, c);
  }
  for (const auto& c : categories(kOwnerships, t.by_ownership)) {
    const auto it = t.fees_by_ownership.find(c);
    make.median("median_monthly_fee_by_ownership", c, it == t.fees_by_ownership.end() ? nullptr : &it->second);
  }
  for (const auto& c : kInclusive) {
    const auto it = t.fees_by_inclusive.find(c);
    make.median("median_monthly_fee_by_inclusive", c, it == t.fees_by_inclusive.end() ? nullptr : &it->second);
  }
}

bool is_street_code(const std::string& code) { return code.size() == 9 || code.size() == 12; }

}  // namespace

const std::vector<IndicatorDefinition>& indicator_definitions() {
  static const std::vector<IndicatorDefinition> definitions = {
      {"operating_institutions", Unit::institutions, 0, true},
      {"places", Unit::places, 0, true},
      {"inclusive_places", Unit::places, 0, true},
      {"inclusive_share", Unit::percent, 1, true},
      {"places_per_1000", Unit::per_1000, 2, true},
      {"filing_rate", Unit::percent, 1, true},
      {"occupancy", Unit::percent, 1, true},
      {"community_coverage", Unit::percent, 1, false},
      {"places_by_class", Unit::places, 0, false},
      {"institutions_by_type", Unit::institutions, 0, false},
      {"institutions_by_ownership", Unit::institutions, 0, false},
      {"median_monthly_fee_by_ownership", Unit::yuan_per_month, 0, false},
      {"median_monthly_fee_by_inclusive", Unit::yuan_per_month, 0, false},
  };
  return definitions;
}

const IndicatorDefinition& definition_of(std::string_view name) {
  for (const auto& d : indicator_definitions()) {
    if (d.name == name) return d;
  }
  throw std::out_of_range("unknown indicator " + std::string(name));
}

const Figure* AreaFigures::find(std::string_view indicator, std::string_view category) const {
  for (const auto& f : figures) {
    if (f.indicator == indicator && f.category == category) return &f;
  }
  return nullptr;
}

const AreaFigures* Statistics::find(std::string_view code) const {
  const auto it = index.find(code);
  return it != index.end() ? &areas[it->second] : nullptr;
}

std::vector<const AreaFigures*> Statistics::streets_of(std::string_view code) const {
  std::vector<const AreaFigures*> out;
  if (const auto it = streets_by_district.find(code); it != streets_by_district.end()) {
    for (const std::size_t i : it->second) out.push_back(&areas[i]);
  }
  return out;
}

std::optional<std::int64_t> monthly_full_day_fee_fen(const model::Institution& inst) {
  std::optional<std::int64_t> lowest;
  for (const auto& fee : inst.fees) {
    if (fee.service != "全日托" || fee.item != "保育费" || fee.unit != "月") continue;
    const auto fen = parse_fixed(fee.amount, 2);
    if (fen && (!lowest || fen->units < *lowest)) lowest = fen->units;
  }
  return lowest;
}

Statistics compute_statistics(const model::SiteModel& site) {
  std::vector<const model::Area*> districts, streets;
  for (const auto& area : site.areas) {
    if (area.code.size() == 6) districts.push_back(&area);
    if (is_street_code(area.code) && site.find_area(area.parent_code) != nullptr) streets.push_back(&area);
  }
  // Tallies by district code, and by (district code, street name) for streets in areas.csv.
  Tally whole;
  std::map<std::string, Tally> by_district;
  std::map<std::pair<std::string, std::string>, Tally> by_street;
  for (const auto* street : streets) by_street[{street->parent_code, street->name}];
  for (const auto& inst : site.institutions) {
    if (inst.status != "运营中") continue;
    const auto fee = monthly_full_day_fee_fen(inst);
    whole.add(inst, fee);
    by_district[inst.district_code].add(inst, fee);
    if (const auto it = by_street.find({inst.district_code, inst.street}); it != by_street.end()) it->second.add(inst, fee);
  }

  Statistics out;
  std::optional<std::int64_t> population = 0;
  for (const auto* d : districts) population = d->population && population ? std::optional(*population + *d->population) : std::nullopt;
  if (districts.empty()) population.reset();
  std::vector<const Tally*> all_streets;
  std::map<std::string, std::vector<const Tally*>> streets_of_district;
  for (const auto* s : streets) {
    const Tally* tally = &by_street[{s->parent_code, s->name}];
    all_streets.push_back(tally);
    streets_of_district[s->parent_code].push_back(tally);
  }
  out.index["all"] = 0;
  out.areas.push_back({AreaLevel::site, "all", site.config.region.empty() ? site.config.title : site.config.region, "", {}});
  fill(out.areas.back(), whole, population, &all_streets, site.config);

  for (const auto* d : districts) {
    const std::vector<const Tally*>& own = streets_of_district[d->code];
    out.index[d->code] = out.areas.size();
    out.areas.push_back({AreaLevel::district, d->code, d->name, "all", {}});
    fill(out.areas.back(), by_district[d->code], d->population, &own, site.config);
  }
  for (const auto* s : streets) {
    out.index[s->code] = out.areas.size();
    out.streets_by_district[s->parent_code].push_back(out.areas.size());
    out.areas.push_back({AreaLevel::street, s->code, s->name, s->parent_code, {}});
    fill(out.areas.back(), by_street[{s->parent_code, s->name}], s->population, nullptr, site.config);
  }
  return out;
}

}  // namespace tuoyu::stats
