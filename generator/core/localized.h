#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace tuoyu::core {

/// The interface languages: Chinese (zh-CN) and English.
enum class Language { zh, en };

/// Parses "zh", "zh-CN", "zh_CN.UTF-8" … as Chinese and "en…" as English; anything else yields `fallback`.
Language parse_language(std::string_view tag, Language fallback);

/// A user-facing sentence in every interface language; the language is chosen once, at the edge.
struct Localized {
  std::string zh;
  std::string en;

  /// The sentence in `language`.
  [[nodiscard]] const std::string& in(Language language) const { return language == Language::zh ? zh : en; }
  /// True when neither language has text.
  [[nodiscard]] bool empty() const { return zh.empty() && en.empty(); }
};

/// Replaces each "{0}", "{1}", … in `pattern` by the matching argument; other text is copied as is.
std::string substitute(std::string_view pattern, std::initializer_list<std::string_view> args);

/// `substitute` applied to both languages with the same arguments.
Localized substitute(const Localized& pattern, std::initializer_list<std::string_view> args);

}  // namespace tuoyu::core
