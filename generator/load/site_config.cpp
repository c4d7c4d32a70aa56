#include "load/site_config.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <map>
#include <regex>
#include <vector>

#include "core/text.h"
#include "validate/values.h"

namespace tuoyu::load {
namespace {

const std::vector<std::string> kKnownKeys = {"title",     "title_en",    "language", "region",       "data_date",
                                             "sample_data", "source_note", "base_url", "default_crs", "encoding",
                                             "tables"};
const std::vector<std::string> kTables = {"institutions", "fees", "areas"};
const std::vector<std::string> kCrs = {"WGS84", "GCJ02", "BD09"};

core::SourceLocation at(const std::string& path, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return {path, mark.line + 1, mark.column + 1};
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void unknown_key(const std::string& path, const YAML::Node& key, const std::vector<std::string>& known,
                 core::Diagnostics& diagnostics) {
  const std::string name = key.as<std::string>();
  core::Localized hint{"可用的键：" + join(known), "known keys: " + join(known)};
  if (const auto guess = core::did_you_mean(name, known)) {
    hint = {"是不是 " + *guess + "？", "did you mean " + *guess + "?"};
  }
  diagnostics.error(at(path, key), {"未知的设置项 " + core::quote_for_message(name), "unknown setting " + core::quote_for_message(name)},
                    hint);
}

}  // namespace

std::optional<SiteConfig> parse_site_config(std::string_view yaml_text, const std::string& path,
                                            core::Diagnostics& diagnostics) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    diagnostics.error({path, e.mark.line + 1, e.mark.column + 1},
                      {"site.yaml 不是有效的 YAML：" + e.msg, "site.yaml is not valid YAML: " + e.msg});
    return std::nullopt;
  }
  if (!root.IsMap()) {
    diagnostics.error({path}, {"site.yaml 应为“键: 值”形式的设置", "site.yaml must be a mapping of settings (key: value)"});
    return std::nullopt;
  }
  const std::size_t errors_before = diagnostics.error_count();
  SiteConfig config;
  auto scalar = [&](const YAML::Node& key, const YAML::Node& value) -> std::optional<std::string> {
    if (!value.IsScalar()) {
      diagnostics.error(at(path, value), {key.as<std::string>() + " 应为单个值", key.as<std::string>() + " must be a single value"});
      return std::nullopt;
    }
    return value.as<std::string>();
  };
  std::map<std::string, int> seen_on_line;
  for (const auto& entry : root) {
    const YAML::Node& key = entry.first;
    const YAML::Node& value = entry.second;
    if (!key.IsScalar()) {  // "[a, b]: c" would make as<std::string>() throw
      diagnostics.error(at(path, key), {"设置项的名称应为一个词，如 title", "a setting's name must be a single word such as title"});
      continue;
    }
    const auto [first, inserted] = seen_on_line.emplace(key.Scalar(), key.Mark().line + 1);
    if (!inserted) {
      const auto line = std::to_string(first->second);
      diagnostics.error(at(path, key), {"设置项 " + key.Scalar() + " 重复，第 " + line + " 行已设置", "the setting " + key.Scalar() + " is given twice; line " + line + " sets it already"},
                        {"删除其中一行", "delete one of the two lines"});
      continue;
    }
    if (value.IsNull()) {
      diagnostics.error(at(path, key), {"设置项 " + key.Scalar() + " 没有值", "the setting " + key.Scalar() + " has no value"},
                        {"在冒号后填写值，或删除此行", "write a value after the colon, or delete the line"});
      continue;
    }
    const std::string name = key.as<std::string>();
    if (name == "tables") {
      if (!value.IsMap()) {
        diagnostics.error(at(path, value), {"tables 应为“表名: 文件路径”的映射", "tables must map table names to file paths"});
        continue;
      }
      for (const auto& table : value) {
        if (!table.first.IsScalar()) {
          diagnostics.error(at(path, table.first), {"表名应为 institutions、fees 或 areas", "a table name must be institutions, fees or areas"});
          continue;
        }
        const std::string table_name = table.first.as<std::string>();
        if (std::find(kTables.begin(), kTables.end(), table_name) == kTables.end()) {
          unknown_key(path, table.first, kTables, diagnostics);
          continue;
        }
        if (auto file = scalar(table.first, table.second)) config.tables[table_name] = *file;
      }
      continue;
    }
    if (std::find(kKnownKeys.begin(), kKnownKeys.end(), name) == kKnownKeys.end()) {
      unknown_key(path, key, kKnownKeys, diagnostics);
      continue;
    }
    const auto text = scalar(key, value);
    if (!text) continue;
    if (name == "title") {
      config.title = *text;
    } else if (name == "title_en") {
      config.title_en = *text;
    } else if (name == "language") {
      if (*text != "zh-CN" && *text != "en") {
        diagnostics.error(at(path, value), {"language 应为 zh-CN 或 en，实际为 " + core::quote_for_message(*text),
                                            "language must be zh-CN or en, got " + core::quote_for_message(*text)});
      }
      config.language = *text;
    } else if (name == "region") {
      config.region = *text;
    } else if (name == "data_date") {
      static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
      if (!std::regex_match(*text, iso) || !validate::parse_date(*text)) {  // shape, then a real calendar day
        diagnostics.error(at(path, value), {"data_date 应为 YYYY-MM-DD 格式的日期，实际为 " + core::quote_for_message(*text),
                                            "data_date must be a date as YYYY-MM-DD, got " + core::quote_for_message(*text)});
      }
      config.data_date = *text;
    } else if (name == "sample_data") {
      bool flag = false;
      if (!YAML::convert<bool>::decode(value, flag)) {
        diagnostics.error(at(path, value), {"sample_data 应为 true 或 false", "sample_data must be true or false"});
      }
      config.sample_data = flag;
    } else if (name == "source_note") {
      config.source_note = *text;
    } else if (name == "base_url") {
      static const std::regex url(R"(https?://[^/\s]+(/[^\s?#]*)?)");
      std::smatch match;
      if (!std::regex_match(*text, match, url)) {
        diagnostics.error(at(path, value), {"base_url 应为 http(s):// 开头的网址，实际为 " + core::quote_for_message(*text),
                                            "base_url must be an http(s):// URL, got " + core::quote_for_message(*text)});
      } else {
        std::string sub_path = match[1].matched ? match[1].str() : "/";
        if (sub_path.back() != '/') sub_path += '/';
        config.base_path = sub_path;
        config.base_url = *text + (text->back() == '/' ? "" : "/");
      }
    } else if (name == "default_crs") {
      if (std::find(kCrs.begin(), kCrs.end(), *text) == kCrs.end()) {
        diagnostics.error(at(path, value), {"default_crs 应为 WGS84、GCJ02 或 BD09，实际为 " + core::quote_for_message(*text),
                                            "default_crs must be WGS84, GCJ02 or BD09, got " + core::quote_for_message(*text)});
      }
      config.default_crs = *text;
    } else if (name == "encoding") {
      if (const auto encoding = parse_encoding_name(*text)) {
        config.encoding = *encoding;
      } else {
        diagnostics.error(at(path, value), {"encoding 应为 auto、utf-8 或 gb18030，实际为 " + core::quote_for_message(*text),
                                            "encoding must be auto, utf-8 or gb18030, got " + core::quote_for_message(*text)});
      }
    }
  }
  if (config.title.empty()) {
    diagnostics.error({path}, {"缺少必填设置 title（网站名称）", "the required setting title (the site's name) is missing"});
  }
  if (config.data_date.empty()) {
    diagnostics.error({path}, {"缺少必填设置 data_date（数据截止日期，YYYY-MM-DD）",
                               "the required setting data_date (the date the data is as of, YYYY-MM-DD) is missing"});
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return config;
}

}  // namespace tuoyu::load
