#include "validate/expectation.h"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

namespace tuoyu::validate {
namespace {

/// The shortest text that reads back as `value`, never locale-dependent: "100000", "0.5", "1e+20".
std::string number_text(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc{}) return "?";
  return std::string(buffer, end);
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

/// Adds the range to a noun: "整数" → "0 到 36 之间的整数", "a whole number" → "a whole number from 0 to 36".
core::Localized with_range(const load::FieldSchema& field, core::Localized noun) {
  if (field.minimum && field.maximum) {
    return {number_text(*field.minimum) + " 到 " + number_text(*field.maximum) + " 之间的" + noun.zh,
            noun.en + " from " + number_text(*field.minimum) + " to " + number_text(*field.maximum)};
  }
  if (field.minimum) return {"不小于 " + number_text(*field.minimum) + " 的" + noun.zh, noun.en + " ≥ " + number_text(*field.minimum)};
  if (field.maximum) return {"不大于 " + number_text(*field.maximum) + " 的" + noun.zh, noun.en + " ≤ " + number_text(*field.maximum)};
  return noun;
}

}  // namespace

core::Localized describe_expected(const load::FieldSchema& field) {
  if (!field.expected.empty()) return field.expected;
  switch (field.type) {
    case load::FieldType::integer:
      return with_range(field, {"整数", "a whole number"});
    case load::FieldType::number:
      if (field.max_decimals >= 0) {
        const auto places = std::to_string(field.max_decimals);
        return with_range(field, {"数（最多 " + places + " 位小数）", "a number with at most " + places + " decimal places"});
      }
      return with_range(field, {"数", "a number"});
    case load::FieldType::boolean: {
      const std::string yes = field.true_values.empty() ? "true" : field.true_values.front();
      const std::string no = field.false_values.empty() ? "false" : field.false_values.front();
      return {yes + " 或 " + no, yes + " or " + no + " (yes or no)"};
    }
    case load::FieldType::date:
      return {"日期，如 2021-03-05、2021/3/5 或 2021年3月5日", "a date such as 2021-03-05, 2021/3/5 or 2021年3月5日"};
    case load::FieldType::string:
      break;
  }
  if (field.is_list) {
    return {"以下一项或多项（用顿号分隔）：" + join(field.allowed, "、"), "one or more of " + join(field.allowed, ", ") + " (separated by 、)"};
  }
  if (!field.allowed.empty()) return {"以下之一：" + join(field.allowed, "、"), "one of " + join(field.allowed, ", ")};
  if (field.check == load::FieldCheck::uscc) {
    return {"18 位统一社会信用代码", "an 18-character unified social credit code"};
  }
  if (field.check == load::FieldCheck::phone) {
    return {"大陆固定电话、手机或 400/800 号码", "a mainland landline, mobile or 400/800 number"};
  }
  if (field.max_length) {
    const auto length = std::to_string(*field.max_length);
    return {"不超过 " + length + " 个字符的文字", "text of at most " + length + " characters"};
  }
  if (field.pattern) return {"符合格式 " + *field.pattern + " 的值", "a value of the form " + *field.pattern};
  return {"文字", "text"};
}

}  // namespace tuoyu::validate
