#include <doctest/doctest.h>

#include "core/diagnostics.h"
#include "core/localized.h"

using namespace tuoyu::core;

TEST_CASE("core::substitute replaces numbered placeholders and keeps other braces") {
  CHECK(substitute("{0} got \"{1}\"", {"托位数", "三十"}) == "托位数 got \"三十\"");
  CHECK(substitute("{a} {9} {0}", {"x"}) == "{a} {9} x");
  const Localized pattern{"应为{0}", "expected {0}"};
  const auto filled = substitute(pattern, {"1"});
  CHECK(filled.zh == "应为1");
  CHECK(filled.en == "expected 1");
}

TEST_CASE("core::parse_language reads locale tags and falls back") {
  CHECK(parse_language("zh-CN", Language::en) == Language::zh);
  CHECK(parse_language("en_US.UTF-8", Language::zh) == Language::en);
  CHECK(parse_language("fr", Language::zh) == Language::zh);
  CHECK(parse_language("", Language::en) == Language::en);
}

TEST_CASE("core::Diagnostics counts and sorts by file, line and column") {
  Diagnostics d;
  d.warning({"b.csv", 1, 1}, {"乙", "b"});
  d.error({"a.csv", 9, 2}, {"甲", "a9"});
  d.error({"a.csv", 3, 5}, {"甲", "a3"});
  CHECK(d.error_count() == 2);
  CHECK(d.warning_count() == 1);
  const auto sorted = d.sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].message.en == "a3");
  CHECK(sorted[1].message.en == "a9");
  CHECK(sorted[2].where.path == "b.csv");
}

TEST_CASE("core::format_diagnostic prints path:line:column, severity, message and hint") {
  const Diagnostic d{Severity::error, {"data/institutions.csv", 12, 7},
                     {"托位数 (capacity)：应为不小于 0 的整数，实际为 \"三十\"",
                      "托位数 (capacity): expected a whole number ≥ 0, got \"三十\""},
                     {"请写阿拉伯数字，如 30", "write digits, e.g. 30"}};
  CHECK(format_diagnostic(d, Language::en) ==
        "data/institutions.csv:12:7: error: 托位数 (capacity): expected a whole number ≥ 0, got \"三十\"\n"
        "    hint: write digits, e.g. 30");
  CHECK(format_diagnostic(d, Language::zh).rfind("data/institutions.csv:12:7: 错误: 托位数", 0) == 0);
}
