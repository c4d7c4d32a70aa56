#include "load/article_source.h"

#include <yaml-cpp/yaml.h>

#include <regex>
#include <vector>

#include "core/text.h"
#include "validate/values.h"

namespace tuoyu::load {
namespace {

const std::vector<std::string> kKeys = {"title", "topic", "age_min_months", "age_max_months", "summary", "source", "reviewed", "sample"};
const std::vector<std::string> kRequired = {"title", "topic", "summary", "source", "reviewed"};

}  // namespace

std::optional<model::Article> parse_article(std::string_view text, const std::string& slug, const std::string& path,
                                            core::Diagnostics& diagnostics, std::string* markdown_body) {
  const std::size_t errors_before = diagnostics.error_count();
  static const std::regex slug_pattern("[a-z0-9][a-z0-9-]{0,63}");
  if (slug == "index") {
    diagnostics.error({path}, {"文件名 index 保留给文章目录页，请改用其他文件名", "the file name index is reserved for the guidance index page; rename the file"});
  } else if (!std::regex_match(slug, slug_pattern)) {
    diagnostics.error({path}, {"文件名 " + core::quote_for_message(slug) + " 不能用作网址：只用小写字母、数字和连字符",
                               "the file name " + core::quote_for_message(slug) + " cannot be a URL: use lower-case letters, digits and hyphens"});
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const bool opens = text.rfind("---\n", 0) == 0 || text.rfind("---\r\n", 0) == 0;
  std::size_t close = std::string_view::npos;
  if (opens) {
    for (std::size_t at = text.find('\n') + 1; at < text.size();) {
      const std::size_t end = std::min(text.find('\n', at), text.size());
      std::string_view line = text.substr(at, end - at);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line == "---") {
        close = at;
        break;
      }
      at = end + 1;
    }
  }
  if (!opens || close == std::string_view::npos) {
    diagnostics.error({path, 1, 1}, {"缺少文首元数据（以 --- 开始和结束的 YAML）", "no front matter (YAML between --- lines) was found"},
                      {"文件应以 ---、title: … 等几行、再一行 --- 开头", "start the file with ---, lines such as title: …, and another ---"});
    return std::nullopt;
  }
  const std::size_t yaml_begin = text.find('\n') + 1;
  const std::string yaml(text.substr(yaml_begin, close - yaml_begin));
  const std::size_t body_begin = std::min(text.find('\n', close) + 1, text.size());
  if (markdown_body != nullptr) *markdown_body = std::string(text.substr(body_begin));

  YAML::Node front;
  try {
    front = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    diagnostics.error({path, e.mark.line + 2, e.mark.column + 1}, {"文首元数据不是有效的 YAML：" + e.msg, "the front matter is not valid YAML: " + e.msg});
    return std::nullopt;
  }
  if (!front.IsMap()) {
    diagnostics.error({path, 2, 1}, {"文首元数据应为“键: 值”形式", "the front matter must be key: value lines"});
    return std::nullopt;
  }
  auto where = [&](const YAML::Node& node) { return core::SourceLocation{path, node.Mark().line + 2, node.Mark().column + 1}; };
  model::Article article;
  article.slug = slug;
  article.source_path = path;
  for (const auto& entry : front) {
    if (!entry.first.IsScalar()) {  // "[a, b]: c" would make as<std::string>() throw
      diagnostics.error(where(entry.first), {"元数据键应为一个词，如 title", "a front matter key must be a single word such as title"});
      continue;
    }
    const std::string key = entry.first.as<std::string>();
    const YAML::Node& value = entry.second;
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      core::Localized hint{};
      if (const auto guess = core::did_you_mean(key, kKeys)) hint = {"是不是 " + *guess + "？", "did you mean " + *guess + "?"};
      diagnostics.warning(where(entry.first), {"未知的元数据键 " + core::quote_for_message(key) + "，已忽略", "unknown front matter key " + core::quote_for_message(key) + " is ignored"},
                          hint);
      continue;
    }
    if (!value.IsScalar()) {
      diagnostics.error(where(value), {key + " 应为单个值", key + " must be a single value"});
      continue;
    }
    const std::string scalar = value.as<std::string>();
    if (key == "title") article.title = scalar;
    if (key == "topic") article.topic = scalar;
    if (key == "summary") article.summary = scalar;
    if (key == "source") article.source = scalar;
    if (key == "reviewed") {
      auto date = validate::parse_date(scalar);
      if (date) {
        article.reviewed = date->iso();
      } else {
        diagnostics.error(where(value), {"reviewed：应为日期，实际为 " + core::quote_for_message(scalar), "reviewed: expected a date, got " + core::quote_for_message(scalar)},
                          date.error().hint);
      }
    }
    if (key == "age_min_months" || key == "age_max_months") {
      auto months = validate::parse_integer(scalar);
      if (!months || *months < 0 || *months > 36) {
        diagnostics.error(where(value), {key + "：应为 0 到 36 之间的整数，实际为 " + core::quote_for_message(scalar),
                                         key + ": expected a whole number from 0 to 36, got " + core::quote_for_message(scalar)});
      } else {
        (key == "age_min_months" ? article.age_min_months : article.age_max_months) = *months;
      }
    }
    if (key == "sample") {
      bool flag = false;
      if (!YAML::convert<bool>::decode(value, flag)) {
        diagnostics.error(where(value), {"sample 应为 true 或 false", "sample must be true or false"});
      }
      article.sample = flag;
    }
  }
  for (const auto& key : kRequired) {
    if (!front[key]) diagnostics.error({path, 1, 1}, {"文首元数据缺少 " + key, "the front matter lacks " + key});
  }
  if (article.age_min_months > article.age_max_months) {
    diagnostics.error({path, 1, 1}, {"age_min_months 大于 age_max_months", "age_min_months is greater than age_max_months"});
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return article;
}

}  // namespace tuoyu::load
