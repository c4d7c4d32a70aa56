#include "stats/office_report.h"

#include <vector>

#include "validate/values.h"

namespace tuoyu::stats {
namespace {

/// One heading of the report and its lines.
struct Section {
  core::Localized title;
  std::vector<std::string> lines;
};

std::string who(const model::Institution& inst) {
  return inst.id + " " + inst.name + "（" + (inst.district_name.empty() ? inst.district_code : inst.district_name) +
         (inst.street.empty() ? "" : " " + inst.street) + "）";
}

}  // namespace

std::string office_report_text(const model::SiteModel& site, const Statistics& statistics, core::Language language) {
  const bool zh = language == core::Language::zh;
  Section prepay{{"预收费超过 3 个月", "Prepayment over 3 months"}, {}};
  Section over{{"在托人数超过托位数", "Enrolment over capacity"}, {}};
  Section unfiled{{"运营中但未备案", "Operating but not filed"}, {}};
  Section uscc{{"统一社会信用代码校验位错误或格式不符", "Unified social credit codes that fail their check"}, {}};
  Section located{{"缺少坐标（地图链接和“附近”无法显示）", "No coordinates (no map links, not found by \"near me\")"}, {}};
  Section empty{{"没有运营中机构的街道（乡镇）", "Streets with no operating institution"}, {}};
  for (const auto& inst : site.institutions) {
    if (inst.status == "已停办") continue;
    for (const auto& fee : inst.fees) {
      if (fee.prepay_months && *fee.prepay_months > 3) {
        prepay.lines.push_back(who(inst) + (zh ? "：" : ": ") + fee.service + " " + fee.item + " " +
                               std::to_string(*fee.prepay_months) + (zh ? " 个月" : " months"));
      }
    }
    if (inst.enrolled && *inst.enrolled > inst.capacity) {
      over.lines.push_back(who(inst) + (zh ? "：在托 " : ": enrolled ") + std::to_string(*inst.enrolled) + (zh ? "，托位 " : ", places ") +
                           std::to_string(inst.capacity));
    }
    if (inst.status == "运营中" && inst.filing_status != "已备案") unfiled.lines.push_back(who(inst) + (zh ? "：" : ": ") + inst.filing_status);
    if (!inst.uscc.empty()) {
      const auto check = validate::check_uscc(inst.uscc);
      if (check.verdict != validate::UsccVerdict::valid) {
        std::string detail = check.expected_check != 0 ? (zh ? "，校验位应为 " : ", the check character should be ") + std::string(1, check.expected_check) : "";
        uscc.lines.push_back(who(inst) + (zh ? "：" : ": ") + inst.uscc + detail);
      }
    }
    if (!inst.location) located.lines.push_back(who(inst));
  }
  for (const auto& area : statistics.areas) {
    if (area.level != AreaLevel::street) continue;
    const Figure* operating = area.find("operating_institutions");
    if (operating != nullptr && operating->value && operating->value->units == 0) {
      const model::Area* district = site.find_area(area.parent_code);
      empty.lines.push_back(area.code + " " + area.name + (district != nullptr ? "（" + district->name + "）" : ""));
    }
  }
  std::string out = (zh ? "托育机构数据跟进清单（内部使用，不公开）\n" : "Childcare register follow-up list (internal, not published)\n");
  out += site.config.title + (zh ? " · 数据截止 " : " · data as of ") + site.config.data_date + "\n";
  for (const Section* section : {&prepay, &over, &unfiled, &uscc, &located, &empty}) {
    out += "\n## " + section->title.in(language) + (zh ? "：" : ": ") + std::to_string(section->lines.size()) + "\n";
    for (const auto& line : section->lines) out += "- " + line + "\n";
  }
  return out;
}

}  // namespace tuoyu::stats
