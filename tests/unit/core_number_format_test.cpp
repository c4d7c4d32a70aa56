#include <doctest/doctest.h>

#include "core/number_format.h"
#include "test_support.h"

using tuoyu::core::format_decimal;

TEST_CASE("core::format_decimal groups digits and keeps exactly the decimals asked for") {
  CHECK(format_decimal("14065", 0, "zh-CN") == "14,065");
  CHECK(format_decimal("4.5", 2, "zh-CN") == "4.50");
  CHECK(format_decimal("1234567.25", 1, "en") == "1,234,567.3");  // half up
  CHECK(format_decimal("-8.6", 1, "en") == "-8.6");
  CHECK(format_decimal("not a number", 1, "en") == "not a number");
}
