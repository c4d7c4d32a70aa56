#include <doctest/doctest.h>

#include "test_support.h"

#include <locale>
#include <string>

#include "load/table_schema.h"
#include "validate/expectation.h"

using namespace tuoyu;

namespace {

load::FieldSchema number_field(double minimum, double maximum) {
  return load::FieldSchema{.name = "x", .type = load::FieldType::number, .minimum = minimum, .maximum = maximum};
}

}  // namespace

TEST_CASE("validate::describe_expected writes bounds in their shortest exact form") {
  CHECK(validate::describe_expected(number_field(0, 100000)).en == "a number from 0 to 100000");
  CHECK(validate::describe_expected(number_field(0.5, 1234567.25)).en == "a number from 0.5 to 1234567.25");
  CHECK(validate::describe_expected(number_field(-2.5, 1e20)).zh == "-2.5 到 1e+20 之间的数");
}

TEST_CASE("validate::describe_expected writes numbers the same whatever the global locale") {
  const test::GlobalLocale comma(std::locale(std::locale::classic(), new test::CommaDecimals));
  CHECK(validate::describe_expected(number_field(0.5, 1234567.25)).en == "a number from 0.5 to 1234567.25");
  CHECK(validate::describe_expected(number_field(73, 136)).en == "a number from 73 to 136");
}
