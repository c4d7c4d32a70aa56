#include "load/site_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <vector>

#include "core/text.h"
#include "load/table_schema.h"
#include "validate/values.h"

namespace tuoyu::load {
namespace {

const std::vector<std::string> kCrs = {"WGS84", "GCJ02", "BD09"};
const std::vector<std::string> kLanguages = {"zh-CN", "en"};
const std::vector<std::string> kMapProviders = {"amap", "tencent", "baidu"};

core::SourceLocation at(const std::string& path, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return {path, mark.line + 1, mark.column + 1};
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

/// "A, B or C" and "A、B 或 C": a list of alternatives in words.
core::Localized either(const std::vector<std::string>& items) {
  core::Localized out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const bool last = i + 1 == items.size() && i > 0;
    out.zh += (i == 0 ? "" : last ? " 或 " : "、") + items[i];
    out.en += (i == 0 ? "" : last ? " or " : ", ") + items[i];
  }
  return out;
}

bool is_one_of(const std::string& value, const std::vector<std::string>& allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

/// Reads one mapping, calling the handler of each known key; reports unknown, repeated, empty and
/// non-word keys with their line and column.
class MappingReader {
 public:
  using Handler = std::function<void(const std::string& key, const YAML::Node& value)>;
  MappingReader(const std::string& path, core::Diagnostics& diagnostics) : path_(path), diagnostics_(diagnostics) {}

  void on(const std::string& key, Handler handler) {
    keys_.push_back(key);
    handlers_[key] = std::move(handler);
  }

  void read(const YAML::Node& mapping, const std::string& prefix) {
    std::map<std::string, int> seen_on_line;
    for (const auto& entry : mapping) {
      const YAML::Node& key = entry.first;
      const YAML::Node& value = entry.second;
      if (!key.IsScalar()) {  // "[a, b]: c" would make as<std::string>() throw
        diagnostics_.error(at(path_, key), {"设置项的名称应为一个词，如 title", "a setting's name must be a single word such as title"});
        continue;
      }
      const std::string name = prefix + key.Scalar();
      const auto [first, inserted] = seen_on_line.emplace(key.Scalar(), key.Mark().line + 1);
      if (!inserted) {
        const auto line = std::to_string(first->second);
        diagnostics_.error(at(path_, key), {"设置项 " + name + " 重复，第 " + line + " 行已设置", "the setting " + name + " is given twice; line " + line + " sets it already"},
                           {"删除其中一行", "delete one of the two lines"});
        continue;
      }
      const auto handler = handlers_.find(key.Scalar());
      if (handler == handlers_.end()) {
        core::Localized hint{"可用的键：" + join(keys_), "known keys: " + join(keys_)};
        if (const auto guess = core::did_you_mean(key.Scalar(), keys_)) hint = {"是不是 " + prefix + *guess + "？", "did you mean " + prefix + *guess + "?"};
        diagnostics_.error(at(path_, key), {"未知的设置项 " + core::quote_for_message(name), "unknown setting " + core::quote_for_message(name)}, hint);
        continue;
      }
      if (value.IsNull()) {
        diagnostics_.error(at(path_, key), {"设置项 " + name + " 没有值", "the setting " + name + " has no value"},
                           {"在冒号后填写值，或删除此行", "write a value after the colon, or delete the line"});
        continue;
      }
      handler->second(name, value);
    }
  }

 private:
  const std::string& path_;
  core::Diagnostics& diagnostics_;
  std::vector<std::string> keys_;
  std::map<std::string, Handler> handlers_;
};

/// Reads site.yaml's settings into a SiteConfig, reporting every problem.
class ConfigReader {
 public:
  ConfigReader(const std::string& path, core::Diagnostics& diagnostics) : path_(path), diagnostics_(diagnostics) {}

  void error(const YAML::Node& node, core::Localized message, core::Localized hint = {}) {
    diagnostics_.error(at(path_, node), std::move(message), std::move(hint));
  }

  std::optional<std::string> scalar(const std::string& key, const YAML::Node& value) {
    if (!value.IsScalar()) {
      error(value, {key + " 应为单个值", key + " must be a single value"});
      return std::nullopt;
    }
    return value.Scalar();
  }

  /// A handler storing a text setting into `target`.
  MappingReader::Handler text(std::string& target) {
    return [this, &target](const std::string& key, const YAML::Node& value) {
      if (auto s = scalar(key, value)) target = *s;
    };
  }

  /// A handler storing a true/false setting into `target`.
  MappingReader::Handler flag(bool& target) {
    return [this, &target](const std::string& key, const YAML::Node& value) {
      if (!YAML::convert<bool>::decode(value, target)) error(value, {key + " 应为 true 或 false", key + " must be true or false"});
    };
  }

  /// A handler storing a value that must be one of `allowed`.
  MappingReader::Handler choice(std::string& target, const std::vector<std::string>& allowed) {
    return [this, &target, &allowed](const std::string& key, const YAML::Node& value) {
      const auto s = scalar(key, value);
      if (!s) return;
      if (!is_one_of(*s, allowed)) {
        const auto words = either(allowed);
        error(value, {key + " 应为 " + words.zh + "，实际为 " + core::quote_for_message(*s),
                      key + " must be " + words.en + ", got " + core::quote_for_message(*s)});
      }
      target = *s;
    };
  }

  /// A handler storing a list whose items must be among `allowed` (a single value counts as a list of one).
  MappingReader::Handler list(std::vector<std::string>& target, const std::vector<std::string>& allowed) {
    return [this, &target, &allowed](const std::string& key, const YAML::Node& value) {
      target.clear();
      std::vector<YAML::Node> items;
      if (value.IsSequence()) {
        for (const auto& item : value) items.push_back(item);
      } else {
        items.push_back(value);
      }
      for (const auto& item : items) {
        const auto s = scalar(key, item);
        if (!s) continue;
        if (!is_one_of(*s, allowed)) {
          const auto words = either(allowed);
          error(item, {key + " 的每一项应为 " + words.zh + "，实际为 " + core::quote_for_message(*s),
                       "each item of " + key + " must be " + words.en + ", got " + core::quote_for_message(*s)});
          continue;
        }
        if (!is_one_of(*s, target)) target.push_back(*s);
      }
    };
  }

  /// A handler reading a target: a mapping with a non-negative number `value` and its `source`.
  MappingReader::Handler target(Target& target) {
    auto read_fields = nested([this, &target](MappingReader& fields) {
      fields.on("value", [this, &target](const std::string& key, const YAML::Node& value) {
        const auto s = scalar(key, value);
        if (!s) return;
        static const std::regex number(R"(\d{1,9}(\.\d{1,2})?)");
        if (!std::regex_match(*s, number)) {
          error(value, {key + " 应为不小于 0、最多两位小数的数，如 4.5 或 60，实际为 " + core::quote_for_message(*s),
                        key + " must be a number of at least 0 with at most two decimals, e.g. 4.5 or 60, got " + core::quote_for_message(*s)});
          return;
        }
        target.value = *s;
      });
      fields.on("source", text(target.source));
    });
    return [this, &target, read_fields](const std::string& key, const YAML::Node& value) {
      read_fields(key, value);
      if (target.value.empty() && value.IsMap() && !value["value"]) {
        error(value, {key + " 缺少 value（目标值）", key + " has no value (the target figure)"},
                     {"例如 value: 4.5，并用 source 注明政策出处", "e.g. value: 4.5, with source naming the policy"});
      }
    };
  }

  /// A handler reading a nested mapping with its own keys.
  MappingReader::Handler nested(std::function<void(MappingReader&)> declare) {
    return [this, declare](const std::string& key, const YAML::Node& value) {
      if (!value.IsMap()) {
        error(value, {key + " 应为“键: 值”的映射", key + " must be a mapping of key: value lines"});
        return;
      }
      MappingReader reader(path_, diagnostics_);
      declare(reader);
      reader.read(value, key + ".");
    };
  }

  SiteConfig read(const YAML::Node& root) {
    SiteConfig c;
    std::vector<std::string> languages;
    MappingReader reader(path_, diagnostics_);
    reader.on("title", text(c.title));
    reader.on("title_en", text(c.title_en));
    reader.on("language", choice(c.language, kLanguages));
    reader.on("languages", list(languages, kLanguages));
    reader.on("region", text(c.region));
    reader.on("data_date", [&](const std::string& key, const YAML::Node& value) {
      const auto s = scalar(key, value);
      if (!s) return;
      static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
      if (!std::regex_match(*s, iso) || !validate::parse_date(*s)) {
        error(value, {"data_date 应为 YYYY-MM-DD 格式的日期，实际为 " + core::quote_for_message(*s),
                      "data_date must be a date as YYYY-MM-DD, got " + core::quote_for_message(*s)});
      }
      c.data_date = *s;
    });
    reader.on("sample_data", flag(c.sample_data));
    reader.on("source_note", text(c.source_note));
    reader.on("about", text(c.about));
    reader.on("base_url", [&](const std::string& key, const YAML::Node& value) {
      const auto s = scalar(key, value);
      if (!s) return;
      static const std::regex url(R"(https?://[^/\s?#]+(/[^\s?#]*)?)");
      std::smatch match;
      // std::regex recurses per character: keep its input short (no real base URL is this long).
      if (s->size() > 2000 || !std::regex_match(*s, match, url)) {
        error(value, {"base_url 应为 http(s):// 开头的网址，实际为 " + core::quote_for_message(*s),
                      "base_url must be an http(s):// URL, got " + core::quote_for_message(*s)});
        return;
      }
      std::string sub_path = match[1].matched ? match[1].str() : "/";
      if (sub_path.back() != '/') sub_path += '/';
      c.base_path = sub_path;
      c.base_url = *s + (s->back() == '/' ? "" : "/");
    });
    reader.on("default_crs", choice(c.default_crs, kCrs));
    reader.on("encoding", [&](const std::string& key, const YAML::Node& value) {
      const auto s = scalar(key, value);
      if (!s) return;
      if (const auto encoding = parse_encoding_name(*s)) {
        c.encoding = *encoding;
      } else {
        error(value, {"encoding 应为 auto、utf-8 或 gb18030，实际为 " + core::quote_for_message(*s),
                      "encoding must be auto, utf-8 or gb18030, got " + core::quote_for_message(*s)});
      }
    });
    reader.on("tables", nested([&](MappingReader& tables) {
      for (const auto& table : kTableNames) tables.on(table, text(c.tables[table]));
    }));
    reader.on("map_links", list(c.map_links, kMapProviders));
    reader.on("home_settings_exact", flag(c.home_settings_exact));
    reader.on("contact", nested([&](MappingReader& contact) {
      contact.on("organisation", text(c.contact.organisation));
      contact.on("phone", text(c.contact.phone));
      contact.on("email", text(c.contact.email));
      contact.on("url", text(c.contact.url));
    }));
    reader.on("license", nested([&](MappingReader& license) {
      license.on("name", text(c.license_name));
      license.on("url", text(c.license_url));
    }));
    reader.on("footer", nested([&](MappingReader& footer) {
      footer.on("host", text(c.footer.host));
      footer.on("site_code", text(c.footer.site_code));
      footer.on("icp", text(c.footer.icp));
      footer.on("police", text(c.footer.police));
    }));
    reader.on("targets", nested([&](MappingReader& targets) {
      for (const auto& indicator : kTargetIndicators) targets.on(indicator, target(c.targets[indicator]));
    }));
    reader.on("dataset_name", [&](const std::string& key, const YAML::Node& value) {
      const auto s = scalar(key, value);
      if (!s) return;
      static const std::regex name(R"([a-z0-9._-]{1,100})");
      if (!std::regex_match(*s, name)) {
        error(value, {"dataset_name 只能由小写字母、数字、“.”“_”“-”组成，实际为 " + core::quote_for_message(*s),
                      "dataset_name may hold only lower-case letters, digits, '.', '_' and '-', got " + core::quote_for_message(*s)});
      }
      c.dataset_name = *s;
    });
    reader.read(root, "");
    for (auto it = c.targets.begin(); it != c.targets.end();) it = it->second.value.empty() ? c.targets.erase(it) : std::next(it);
    // Tables the office did not name keep their default paths (empty means default).
    for (auto it = c.tables.begin(); it != c.tables.end();) it = it->second.empty() ? c.tables.erase(it) : std::next(it);
    c.languages = {c.language};
    for (const auto& language : languages) {
      if (!is_one_of(language, c.languages)) c.languages.push_back(language);
    }
    return c;
  }

 private:
  const std::string& path_;
  core::Diagnostics& diagnostics_;
};

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
  SiteConfig config = ConfigReader(path, diagnostics).read(root);
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
