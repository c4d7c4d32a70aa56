#include <doctest/doctest.h>

#include "stats/fixed_decimal.h"

using namespace tuoyu::stats;

TEST_CASE("stats::ratio rounds half away from zero exactly, where doubles and half-to-even would not") {
  CHECK(ratio(177, 40000, 1000, 2)->text() == "4.43");  // 4.425: a double holds 4.42499…
  CHECK(ratio(1, 8, 100, 1)->text() == "12.5");
  CHECK(ratio(1, 400, 100, 1)->text() == "0.3");  // 0.25 → 0.3, not 0.2
  CHECK(ratio(2, 3, 100, 1)->text() == "66.7");
  CHECK(ratio(7236, 14065, 100, 1)->text() == "51.4");
  CHECK(ratio(-1, 400, 100, 1)->text() == "-0.3");
  CHECK(ratio(0, 5, 100, 1)->text() == "0.0");
  CHECK(ratio(4001, 2, 1, 0)->text() == "2001");  // a median of 2000.5 yuan
  CHECK(ratio(210, 70001, 1000, 2)->text() == "3.00");
}

TEST_CASE("stats::ratio has no value for a zero or negative denominator or an overflow") {
  CHECK_FALSE(ratio(1, 0, 100, 1).has_value());
  CHECK_FALSE(ratio(1, -3, 100, 1).has_value());
  CHECK_FALSE(ratio(INT64_MAX / 10, 1, 1000, 2).has_value());
}

TEST_CASE("stats::parse_fixed reads plain decimals at a given precision") {
  CHECK(parse_fixed("4.5", 2)->text() == "4.50");
  CHECK(parse_fixed("60", 1)->text() == "60.0");
  CHECK(parse_fixed("2800.05", 2)->units == 280005);
  CHECK(parse_fixed("0.125", 2)->text() == "0.13");
  CHECK(parse_fixed("-1.5", 0)->text() == "-2");
  CHECK_FALSE(parse_fixed("", 1).has_value());
  CHECK_FALSE(parse_fixed("4,5", 1).has_value());
  CHECK_FALSE(parse_fixed("1e3", 1).has_value());
  CHECK_FALSE(parse_fixed(".", 1).has_value());
}

TEST_CASE("stats::difference subtracts at the published precision and refuses mixed precisions") {
  CHECK(difference(*parse_fixed("51.4", 1), *parse_fixed("60", 1)).text() == "-8.6");
  CHECK(difference(*parse_fixed("5.65", 2), *parse_fixed("4.5", 2)).text() == "1.15");
  CHECK_THROWS(difference(*parse_fixed("1", 1), *parse_fixed("1", 2)));
  CHECK(FixedDecimal{-5, 2}.text() == "-0.05");
  CHECK(FixedDecimal{452, 2}.to_double() == doctest::Approx(4.52));
}
