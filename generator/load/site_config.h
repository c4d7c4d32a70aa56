#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "load/encoding.h"

namespace tuoyu::load {

/// The office's own settings from `site.yaml` (trusted input; unknown keys are still refused).
struct SiteConfig {
  std::string title;
  std::string title_en;
  std::string language = "zh-CN";  ///< Interface and message language: "zh-CN" or "en".
  std::string region;              ///< Whose register this is, e.g. "示例市".
  std::string data_date;           ///< ISO date the data is as of; the only date the output shows.
  bool sample_data = false;        ///< Marks every page 示例数据（虚构）.
  std::string source_note;
  std::string base_url;            ///< Absolute URL of the published site, with a trailing slash; may be empty.
  std::string base_path = "/";     ///< Path part of base_url: the sub-path the site is served under.
  std::string default_crs = "GCJ02";
  Encoding encoding = Encoding::automatic;
  std::map<std::string, std::string> tables;  ///< Table name → file path relative to the source folder.
};

/// Reads `site.yaml` text; every problem (syntax, unknown key, bad value) goes to `diagnostics` with
/// its line and column, and nothing is returned when there was any.
std::optional<SiteConfig> parse_site_config(std::string_view yaml_text, const std::string& path,
                                            core::Diagnostics& diagnostics);

}  // namespace tuoyu::load
