#include "core/localized.h"

#include <vector>

namespace tuoyu::core {

Language parse_language(std::string_view tag, Language fallback) {
  if (tag.size() >= 2) {
    const auto prefix = tag.substr(0, 2);
    if (prefix == "zh" || prefix == "ZH") return Language::zh;
    if (prefix == "en" || prefix == "EN") return Language::en;
  }
  return fallback;
}

std::string substitute(std::string_view pattern, std::initializer_list<std::string_view> args) {
  const std::vector<std::string_view> values(args);
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9') {
      const auto index = static_cast<std::size_t>(pattern[i + 1] - '0');
      if (index < values.size()) {
        out += values[index];
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

Localized substitute(const Localized& pattern, std::initializer_list<std::string_view> args) {
  return Localized{substitute(pattern.zh, args), substitute(pattern.en, args)};
}

}  // namespace tuoyu::core
