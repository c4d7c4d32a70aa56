#pragma once
#include <string>
#include <string_view>

namespace tuoyu::core {

/// A byte string that sorts Chinese text in pinyin order (ICU's "zh" collation), then by code point
/// for exact ties, so sorting by it is total and the same on every machine and locale.
std::string pinyin_sort_key(std::string_view utf8);

}  // namespace tuoyu::core
