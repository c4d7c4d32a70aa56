#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/collation.h"

using tuoyu::core::pinyin_sort_key;

TEST_CASE("core::pinyin_sort_key orders Chinese names by pinyin, not by code point") {
  // 安 (an) < 北 (bei) < 陈 (chen) < 东 (dong) < 新 (xin) < 张 (zhang); by code point 东 < 安 < 北 < 张 < 新 < 陈.
  std::vector<std::string> names = {"张家托育", "新华托育", "陈家托育", "安吉托育", "北景托育", "东新托育"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return pinyin_sort_key(a) < pinyin_sort_key(b); });
  CHECK(names == std::vector<std::string>{"安吉托育", "北景托育", "陈家托育", "东新托育", "新华托育", "张家托育"});
}

TEST_CASE("core::pinyin_sort_key separates texts that collate equal") {
  CHECK(pinyin_sort_key("ABC") != pinyin_sort_key("abc"));
  CHECK(pinyin_sort_key("托育") == pinyin_sort_key("托育"));
}

TEST_CASE("core::pinyin_sort_key uses ICU's single reading per character, so 长 sorts as zhang") {
  // Place-name readings (长庆 chángqìng) are the search index's concern; list order follows ICU.
  CHECK(pinyin_sort_key("长庆") > pinyin_sort_key("张家"));
  CHECK(pinyin_sort_key("长庆") < pinyin_sort_key("中山"));
}
