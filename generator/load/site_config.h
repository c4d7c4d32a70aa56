#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "load/encoding.h"

namespace tuoyu::load {

/// Who to tell when a published record is wrong (at least one way must be given to show it).
struct Contact {
  std::string organisation, phone, email, url;
};

/// Items a government site shows in its footer; each is optional.
struct GovernmentFooter {
  std::string host;       ///< 主办单位
  std::string site_code;  ///< 网站标识码
  std::string icp;        ///< ICP 备案号, linked to the MIIT register
  std::string police;     ///< 公安机关备案号, linked to the public-security register
};

/// A policy target an indicator is measured against, with where the target comes from.
struct Target {
  std::string value;   ///< Decimal text as written, e.g. "4.5" or "60".
  std::string source;  ///< The policy document and clause, shown beside the target.
};

/// Indicators a target may be set for in site.yaml (see stats/indicators.h for their definitions).
inline const std::vector<std::string> kTargetIndicators = {"inclusive_share", "places_per_1000", "community_coverage",
                                                           "filing_rate", "occupancy"};

/// The office's own settings from `site.yaml` (trusted input; unknown keys are still refused).
struct SiteConfig {
  std::string title;
  std::string title_en;
  std::string language = "zh-CN";      ///< Default interface and message language: "zh-CN" or "en".
  std::vector<std::string> languages;  ///< Interface languages to build; the first is `language` and sits at the root.
  std::string region;                  ///< Whose register this is, e.g. "示例市".
  std::string data_date;               ///< ISO date the data is as of; the only date the output shows.
  bool sample_data = false;            ///< Marks every page 示例数据（虚构）.
  std::string source_note;
  std::string about;                   ///< A paragraph for the about page, in the default language.
  std::string base_url;                ///< Absolute URL of the published site with a trailing slash; may be empty.
  std::string base_path = "/";         ///< Path part of base_url: the sub-path the site is served under.
  std::string default_crs = "GCJ02";
  Encoding encoding = Encoding::automatic;
  std::map<std::string, std::string> tables;  ///< Table name → file path relative to the source folder.
  std::vector<std::string> map_links = {"amap", "tencent", "baidu"};  ///< Map providers linked from pages.
  bool home_settings_exact = false;    ///< Publish exact addresses and coordinates of 家庭托育点 (off: street and ~500 m).
  Contact contact;
  std::string license_name = "CC BY 4.0";
  std::string license_url = "https://creativecommons.org/licenses/by/4.0/";
  GovernmentFooter footer;
  std::map<std::string, Target> targets;  ///< Indicator name → target; none unless site.yaml sets them.
  std::string dataset_name = "childcare-register";  ///< Name of the Data Package: lower case, digits, '-', '_' and '.'.
};

/// Reads `site.yaml` text; every problem (syntax, unknown or repeated key, bad value) goes to
/// `diagnostics` with its line and column, and nothing is returned when there was any.
std::optional<SiteConfig> parse_site_config(std::string_view yaml_text, const std::string& path,
                                            core::Diagnostics& diagnostics);

}  // namespace tuoyu::load
