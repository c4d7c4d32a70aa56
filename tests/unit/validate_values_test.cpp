#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "validate/values.h"

using namespace tuoyu::validate;

namespace {

constexpr auto npos = std::string::npos;

bool has(const std::string& text, std::string_view part) { return text.find(part) != npos; }

/// The problem of a parse that must fail; fails the test when the parse succeeded.
template <class T>
ValueProblem problem_of(const tuoyu::core::Expected<T, ValueProblem>& result) {
  REQUIRE_FALSE(result.has_value());
  CHECK_FALSE(result.error().expected.zh.empty());
  CHECK_FALSE(result.error().expected.en.empty());
  CHECK_FALSE(result.error().hint.zh.empty());
  CHECK_FALSE(result.error().hint.en.empty());
  return result.error();
}

ValueProblem integer_problem(std::string_view text) { return problem_of(parse_integer(text)); }
ValueProblem decimal_problem(std::string_view text, int max_decimals = -1) {
  return problem_of(parse_decimal(text, max_decimals));
}
ValueProblem date_problem(std::string_view text) { return problem_of(parse_date(text)); }
ValueProblem phone_problem(std::string_view text) { return problem_of(parse_phone(text)); }

std::string phone(std::string_view text) {
  const auto result = parse_phone(text);
  if (!result) {
    FAIL_CHECK("not read as a phone: ", std::string(text), " — ", result.error().hint.en);
    return {};
  }
  return *result;
}

/// The GB 32100-2015 check character of 17 characters, computed as the standard states it:
/// C18 = 31 − MOD(Σ Ci × Wi, 31), with Wi = 3^(i−1) mod 31 and 31 mapped to 0.
char independent_check(std::string_view first17) {
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  long sum = 0;
  long weight = 1;
  for (const char c : first17) {
    sum += static_cast<long>(alphabet.find(c)) * weight;
    weight = weight * 3 % 31;
  }
  long check = 31 - sum % 31;
  if (check == 31) check = 0;
  return alphabet[static_cast<std::size_t>(check)];
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Integers

TEST_CASE("validate::parse_integer reads digits after NFKC and trimming") {
  CHECK(*parse_integer("30") == 30);
  CHECK(*parse_integer("１２３") == 123);
  CHECK(*parse_integer("　30 ") == 30);
  CHECK(*parse_integer("\t0\n") == 0);
  CHECK(*parse_integer("-5") == -5);
  CHECK(*parse_integer("+7") == 7);
  CHECK(*parse_integer("－５") == -5);  // full-width hyphen-minus
  CHECK(*parse_integer("−5") == -5);    // U+2212 MINUS SIGN
  CHECK(*parse_integer("007") == 7);
}

TEST_CASE("validate::parse_integer accepts thousands separators only in groups of three") {
  CHECK(*parse_integer("1,234") == 1234);
  CHECK(*parse_integer("12,345,678") == 12345678);
  CHECK(*parse_integer("１，２３４") == 1234);
  CHECK(*parse_integer("-1,000") == -1000);
  for (const std::string_view bad : {"12,34", "1,2345", ",123", "123,", "1,,234", "1234,567"}) {
    CAPTURE(bad);
    const auto problem = integer_problem(bad);
    CHECK(has(problem.hint.en, "groups of three"));
    CHECK(has(problem.hint.zh, "三位一组"));
  }
}

TEST_CASE("validate::parse_integer says what it expected") {
  const auto problem = integer_problem("abc");
  CHECK(problem.expected.en == "a whole number");
  CHECK(problem.expected.zh == "整数");
}

TEST_CASE("validate::parse_integer accepts a zero fraction and rejects a decimal") {
  CHECK(*parse_integer("30.00") == 30);
  CHECK(*parse_integer("1,234.0") == 1234);
  const auto problem = integer_problem("12.5");
  CHECK(has(problem.hint.en, "whole number has no decimal part"));
  CHECK(has(problem.hint.zh, "小数部分"));
  CHECK(has(problem.hint.en, "12.5"));
}

TEST_CASE("validate::parse_integer reports overflow") {
  CHECK(*parse_integer("9223372036854775807") == INT64_MAX);
  CHECK(*parse_integer("-9223372036854775808") == INT64_MIN);
  CHECK(has(integer_problem("9223372036854775808").hint.en, "too large"));
  CHECK(has(integer_problem("99,999,999,999,999,999,999").hint.zh, "太大"));
}

TEST_CASE("validate::parse_integer turns Chinese numerals into a suggestion in digits") {
  const std::vector<std::pair<std::string_view, std::string_view>> cases{
      {"三十", "30"},     {"十五", "15"},   {"一百二十", "120"}, {"两百", "200"},  {"〇", "0"},
      {"零", "0"},        {"一百零五", "105"}, {"二十二", "22"},  {"一百二", "120"}, {"三千五", "3500"},
      {"一万二", "12000"}, {"十万", "100000"}, {"二〇二一", "2021"}, {"叁拾", "30"}, {"约三十人", "30"}};
  for (const auto& [text, digits] : cases) {
    CAPTURE(text);
    const auto problem = integer_problem(text);
    CHECK(has(problem.hint.en, "write the number in digits"));
    CHECK(has(problem.hint.en, "did you mean " + std::string(digits) + "?"));
    CHECK(has(problem.hint.zh, "阿拉伯数字"));
    CHECK(has(problem.hint.zh, "是不是 " + std::string(digits)));
  }
}

TEST_CASE("validate::parse_integer asks for digits without guessing when a Chinese numeral is malformed") {
  for (const std::string_view text : {"十十", "一二十", "百", "一般"}) {
    CAPTURE(text);
    const auto problem = integer_problem(text);
    CHECK(has(problem.hint.en, "write the number in digits, e.g. 30"));
    CHECK_FALSE(has(problem.hint.en, "did you mean"));
  }
}

TEST_CASE("validate::parse_integer explains a range") {
  for (const std::string_view text :
       {"95～100", "95~100", "95-100", "95—100", "95至100", "95 到 100", "95〜100", "60～80/班", "95人~100人"}) {
    CAPTURE(text);
    const auto problem = integer_problem(text);
    CHECK(has(problem.hint.en, "range"));
    CHECK(has(problem.hint.en, "备注 (note)"));
    CHECK(has(problem.hint.zh, "范围"));
    CHECK(has(problem.hint.zh, "备注"));
  }
  CHECK(has(integer_problem("60～80/班").hint.en, "(60 to 80)"));
}

TEST_CASE("validate::parse_integer asks to remove a unit and suggests the number") {
  const auto people = integer_problem("30人");
  CHECK(people.hint.en == "remove the unit 人; enter 30");
  CHECK(has(people.hint.zh, "单位“人”"));
  CHECK(has(people.hint.zh, "30"));
  CHECK(integer_problem("80 个").hint.en == "remove the unit 个; enter 80");
  CHECK(integer_problem("１，２００平方米").hint.en == "remove the unit 平方米; enter 1200");
  const auto around = integer_problem("约30人");
  CHECK(has(around.hint.en, "remove the text 约 and 人"));
  CHECK(has(around.hint.en, "enter 30"));
  CHECK(has(integer_problem("-5人").hint.en, "enter -5"));
  CHECK(has(integer_problem("12.5人").hint.en, "no decimal part"));
}

TEST_CASE("validate::parse_integer reports two numbers in one cell") {
  const auto slash = integer_problem("30/40");
  CHECK(has(slash.hint.en, "two numbers (30 and 40)"));
  CHECK(has(slash.hint.en, "enter one value"));
  CHECK(has(slash.hint.zh, "两个数（30 和 40）"));
  CHECK(has(integer_problem("30 40").hint.en, "two numbers (30 and 40)"));
  CHECK(has(integer_problem("30、40").hint.en, "two numbers"));
  CHECK(has(integer_problem("1 2 3").hint.en, "three numbers (1, 2 and 3)"));
}

TEST_CASE("validate::parse_integer reads N个班（M人） as classes and children and suggests the children") {
  for (const std::string_view text : {"4个班（80人）", "4个班(80人)", "4个班\n（80人）", "4班80人", "80人（4个班）"}) {
    CAPTURE(text);
    const auto problem = integer_problem(text);
    CHECK(has(problem.hint.en, "classes and children (4 classes, 80 children)"));
    CHECK(has(problem.hint.en, "enter the number of children, 80"));
    CHECK(has(problem.hint.zh, "班数和人数"));
    CHECK(has(problem.hint.zh, "请填人数 80"));
  }
  CHECK(has(integer_problem("1个班（20人）").hint.en, "(1 class, 20 children)"));
}

TEST_CASE("validate::parse_integer explains scientific notation, multipliers and placeholders") {
  CHECK(has(integer_problem("1.2E+17").hint.en, "scientific notation"));
  CHECK(has(integer_problem("1.2E+17").hint.zh, "科学计数法"));
  CHECK(has(integer_problem("1.2万").hint.en, "did you mean 12000?"));
  CHECK(has(integer_problem("120万人").hint.zh, "1200000"));
  CHECK(has(integer_problem("无").hint.en, "placeholder"));
  CHECK(has(integer_problem("/").hint.zh, "占位符"));
  CHECK(has(integer_problem("abc").hint.en, "no digits"));
  CHECK(has(integer_problem("1.2.3").hint.en, "more than one decimal point"));
}

TEST_CASE("validate::parse_integer does not crash on empty or odd input") {
  CHECK_FALSE(parse_integer("").has_value());
  CHECK_FALSE(parse_integer("   ").has_value());
  CHECK_FALSE(parse_integer("-").has_value());
  CHECK_FALSE(parse_integer("+").has_value());
  CHECK_FALSE(parse_integer(".").has_value());
  CHECK_FALSE(parse_integer(",").has_value());
  CHECK_FALSE(parse_integer("\xff\xfe").has_value());
  CHECK_FALSE(parse_integer(std::string(10000, '9')).has_value());
  CHECK_FALSE(parse_integer(std::string(3000, ',')).has_value());
}

// ---------------------------------------------------------------------------------------------
// Decimals

TEST_CASE("validate::parse_decimal gives the value and a canonical spelling") {
  const std::vector<std::pair<std::string_view, std::string_view>> cases{
      {"2,800.50", "2800.5"}, {"3000.00", "3000"}, {"-0", "0"},     {"-0.00", "0"},      {"+5", "5"},
      {"5.", "5"},            {".5", "0.5"},       {"007.50", "7.5"}, {"２８００．５", "2800.5"}, {"-12.30", "-12.3"},
      {"112.931167", "112.931167"}, {"1,234,567.891", "1234567.891"}};
  for (const auto& [text, canonical] : cases) {
    CAPTURE(text);
    const auto result = parse_decimal(text, -1);
    REQUIRE(result.has_value());
    CHECK(result->canonical == canonical);
  }
  CHECK(parse_decimal("2,800.50", -1)->value == doctest::Approx(2800.5));
  CHECK(parse_decimal("-12.30", -1)->value == doctest::Approx(-12.3));
}

TEST_CASE("validate::parse_decimal limits decimal places and suggests a rounded value") {
  CHECK(parse_decimal("2800.5", 2)->canonical == "2800.5");
  CHECK(parse_decimal("2800.50", 2)->canonical == "2800.5");
  CHECK(parse_decimal("2800.500", 2)->canonical == "2800.5");  // trailing zeros are not significant
  const auto problem = decimal_problem("12.345", 2);
  CHECK(problem.expected.en == "an amount with at most 2 decimal places");
  CHECK(has(problem.expected.zh, "2 位小数"));
  CHECK(has(problem.hint.en, "3 decimal places"));
  CHECK(has(problem.hint.en, "e.g. 12.35"));
  CHECK(has(problem.hint.zh, "12.35"));
  CHECK(has(decimal_problem("99.995", 2).hint.en, "e.g. 100"));
  CHECK(has(decimal_problem("0.5", 0).hint.en, "e.g. 1"));
  CHECK(decimal_problem("abc", -1).expected.en == "a number");
  CHECK(decimal_problem("abc", 2).expected.en == "an amount with at most 2 decimal places");
}

TEST_CASE("validate::parse_decimal explains scientific notation from Excel") {
  for (const std::string_view text : {"1.2E+17", "1.2e+17", "3E5", "-1.5E-3"}) {
    CAPTURE(text);
    const auto problem = decimal_problem(text);
    CHECK(has(problem.hint.en, "Excel"));
    CHECK(has(problem.hint.en, "scientific notation"));
    CHECK(has(problem.hint.zh, "科学计数法"));
  }
}

TEST_CASE("validate::parse_decimal detects ranges, units, several numbers and bad separators") {
  CHECK(has(decimal_problem("95～100/班").hint.en, "range (95 to 100)"));
  CHECK(has(decimal_problem("2800-3200元/月").hint.en, "range"));
  CHECK(has(decimal_problem("2800元/月").hint.en, "remove the unit 元/月; enter 2800"));
  CHECK(has(decimal_problem("¥2,800.50").hint.en, "enter 2800.5"));
  CHECK(has(decimal_problem("30/40").hint.en, "two numbers"));
  CHECK(has(decimal_problem("12,34.5").hint.en, "groups of three"));
  CHECK(has(decimal_problem("1.234.567,89").hint.en, "more than one decimal point"));
  CHECK(has(decimal_problem("三十").hint.en, "did you mean 30?"));
  CHECK(has(decimal_problem("", 2).hint.en, "empty"));
}

// ---------------------------------------------------------------------------------------------
// Dates

TEST_CASE("validate::parse_date reads the usual written forms") {
  const Date expected{2021, 3, 5};
  for (const std::string_view text :
       {"2021-03-05", "2021-3-5", "2021/3/5", "2021/03/05", "2021.3.5", "2021年3月5日", "2021年03月05日",
        "２０２１年３月５日", "２０２１－０３－０５", "2021 年 3 月 5 日", "　2021-03-05 ", "2021-03-05 00:00:00",
        "2021-03-05 8:30", "2021-03-05T08:30:00", "2021/3/5 0:00"}) {
    CAPTURE(text);
    const auto date = parse_date(text);
    REQUIRE(date.has_value());
    CHECK(*date == expected);
    CHECK(date->iso() == "2021-03-05");
  }
}

TEST_CASE("validate::parse_date checks the calendar and the year range") {
  CHECK(parse_date("2024-02-29")->iso() == "2024-02-29");
  CHECK(parse_date("2000-02-29")->iso() == "2000-02-29");
  CHECK(parse_date("1900-01-01")->iso() == "1900-01-01");
  CHECK(parse_date("2100-12-31")->iso() == "2100-12-31");
  const auto feb = date_problem("2021-02-29");
  CHECK(feb.expected.en == "a date");
  CHECK(feb.hint.en == "2021-02 has no day 29");
  CHECK(feb.hint.zh == "2021年2月没有29日");
  CHECK(has(date_problem("1900-02-29").hint.en, "no day 29"));
  CHECK(has(date_problem("2021-04-31").hint.en, "no day 31"));
  CHECK(has(date_problem("2021-03-00").hint.en, "no day 0"));
  CHECK(has(date_problem("2021-13-01").hint.en, "no month 13"));
  CHECK(has(date_problem("1899-12-31").hint.en, "between 1900 and 2100"));
  CHECK(has(date_problem("2101-01-01").hint.zh, "1900 到 2100"));
  CHECK(Date{2021, 3, 5} < Date{2021, 12, 1});
}

TEST_CASE("validate::parse_date says the day is missing from a month") {
  for (const std::string_view text : {"2019年5月", "2019-05", "2019/5", "2019年5月份", "2019年\n10月", "2019年\r\n10月"}) {
    CAPTURE(text);
    const auto problem = date_problem(text);
    CHECK(has(problem.hint.en, "the day is missing"));
    CHECK(has(problem.hint.zh, "缺少日"));
  }
  CHECK(has(date_problem("2019年\n10月").hint.en, "2019-10-01"));
  CHECK(has(date_problem("2019").hint.en, "month and day are missing"));
  CHECK(has(date_problem("2019年").hint.zh, "缺少月和日"));
}

TEST_CASE("validate::parse_date recognises an Excel serial number") {
  const auto problem = date_problem("43525");
  CHECK(has(problem.hint.en, "Excel stored the date as a number"));
  CHECK(has(problem.hint.en, "format the column as a date"));
  CHECK(has(problem.hint.en, "2019-03-01"));
  CHECK(has(problem.hint.zh, "日期格式"));
  CHECK(has(date_problem("44197").hint.en, "2021-01-01"));
  CHECK(has(date_problem("61").hint.en, "1900-03-01"));
  CHECK(has(date_problem("1").hint.en, "1900-01-01"));
  CHECK(has(date_problem("43525.5").hint.en, "Excel"));
}

TEST_CASE("validate::parse_date explains other near misses") {
  CHECK(has(date_problem("2021年3月5").hint.en, "must end with 日"));
  CHECK(has(date_problem("20210305").hint.en, "did you mean 2021-03-05?"));
  CHECK(has(date_problem("二〇二一年三月五日").hint.en, "in digits"));
  CHECK(has(date_problem("2021-03-05至2022-03-04").hint.en, "two dates"));
  CHECK(has(date_problem("05/03/2021").hint.en, "year first"));
  CHECK(has(date_problem("2021-03-05 25:00").hint.en, "time"));
  CHECK(has(date_problem("2021-3/5").hint.en, "2021-03-05"));
  CHECK(has(date_problem("21-3-5").hint.en, "2021-03-05"));
  CHECK_FALSE(parse_date("").has_value());
  CHECK_FALSE(parse_date(":").has_value());
  CHECK_FALSE(parse_date("年月日").has_value());
  CHECK_FALSE(parse_date("2021--").has_value());
}

// ---------------------------------------------------------------------------------------------
// Booleans

TEST_CASE("validate::parse_boolean matches the given lists case-insensitively after NFKC") {
  const std::vector<std::string> yes{"是", "true", "TRUE", "1", "Y", "yes"};
  const std::vector<std::string> no{"否", "false", "0", "N", "no"};
  CHECK(*parse_boolean("是", yes, no) == true);
  CHECK(*parse_boolean(" 否 ", yes, no) == false);
  CHECK(*parse_boolean("True", yes, no) == true);
  CHECK(*parse_boolean("ＹＥＳ", yes, no) == true);
  CHECK(*parse_boolean("ｎ", yes, no) == false);
  CHECK(*parse_boolean("１", yes, no) == true);
  CHECK(*parse_boolean("NO", yes, no) == false);
}

TEST_CASE("validate::parse_boolean lists the accepted values when it cannot read a cell") {
  const std::vector<std::string> yes{"是", "true", "TRUE", "1"};
  const std::vector<std::string> no{"否", "false", "0"};
  const auto problem = problem_of(parse_boolean("对", yes, no));
  CHECK(has(problem.expected.en, "是/否"));
  CHECK(has(problem.expected.zh, "是/否"));
  CHECK(problem.hint.en == "accepted values: 是, true, 1 for yes; 否, false, 0 for no");
  CHECK(has(problem.hint.zh, "是、true、1"));
  CHECK(has(problem.hint.zh, "否、false、0"));
  CHECK_FALSE(parse_boolean("", yes, no).has_value());
  CHECK_FALSE(parse_boolean("是", {}, {}).has_value());
}

// ---------------------------------------------------------------------------------------------
// Lists

TEST_CASE("validate::split_list splits at any delimiter after NFKC and drops empty items") {
  const std::vector<std::string> delimiters{"、", ";", ",", "/"};
  CHECK(split_list("全日托、半日托", delimiters) == std::vector<std::string>{"全日托", "半日托"});
  CHECK(split_list(" 全日托；半日托，，计时托 / 临时托 ", delimiters) ==
        std::vector<std::string>{"全日托", "半日托", "计时托", "临时托"});
  CHECK(split_list("全日托", delimiters) == std::vector<std::string>{"全日托"});
  CHECK(split_list("全日托", {}) == std::vector<std::string>{"全日托"});
  CHECK(split_list("", delimiters).empty());
  CHECK(split_list("、、 ;", delimiters).empty());
  const std::vector<std::string> full_width{"；"};  // delimiters are normalised too
  CHECK(split_list("甲；乙;丙", full_width) == std::vector<std::string>{"甲", "乙", "丙"});
  const std::vector<std::string> longest{"/", "//"};
  CHECK(split_list("a//b", longest) == std::vector<std::string>{"a", "b"});
}

// ---------------------------------------------------------------------------------------------
// Unified social credit codes

TEST_CASE("validate::check_uscc accepts valid codes, including the standard's example") {
  for (const std::string_view code : {"91350100M000100Y43", "91110000600037341L", "91440300708461136T",
                                      "914403001922038216", "12100000400000624D"}) {
    CAPTURE(code);
    CHECK(independent_check(code.substr(0, 17)) == code[17]);
    const UsccCheck check = check_uscc(code);
    CHECK(check.verdict == UsccVerdict::valid);
    CHECK(check.expected_check == code[17]);
    CHECK(check.normalized == code);
  }
  // Codes completed by an independent calculation.
  for (const std::string_view first17 : {"52330100MJ0000001", "11330000002482154", "31330000MD0123456", "93330106MA2H00000"}) {
    const std::string code = std::string(first17) + independent_check(first17);
    CAPTURE(code);
    CHECK(check_uscc(code).verdict == UsccVerdict::valid);
  }
}

TEST_CASE("validate::check_uscc upper-cases and normalises before checking") {
  const UsccCheck lower = check_uscc(" 91350100m000100y43 ");
  CHECK(lower.verdict == UsccVerdict::valid);
  CHECK(lower.normalized == "91350100M000100Y43");
  CHECK(check_uscc("９１３５０１００Ｍ０００１００Ｙ４３").verdict == UsccVerdict::valid);
}

TEST_CASE("validate::check_uscc reports the expected check character") {
  const UsccCheck check = check_uscc("91350100M000100Y44");
  CHECK(check.verdict == UsccVerdict::wrong_check_character);
  CHECK(check.expected_check == '3');
  const UsccCheck other = check_uscc("91110000600037341X");
  CHECK(other.verdict == UsccVerdict::wrong_check_character);
  CHECK(other.expected_check == 'L');
}

TEST_CASE("validate::check_uscc reports a wrong length") {
  CHECK(check_uscc("91350100M000100Y4").verdict == UsccVerdict::wrong_length);
  CHECK(check_uscc("91350100M000100Y433").verdict == UsccVerdict::wrong_length);
  CHECK(check_uscc("").verdict == UsccVerdict::wrong_length);
  CHECK(check_uscc("91350100M000100Y4").expected_check == 0);
}

TEST_CASE("validate::check_uscc reports letters outside the code alphabet") {
  for (const char letter : {'I', 'O', 'Z', 'S', 'V', 'i', 'o'}) {
    std::string code = "91350100M000100Y43";
    code[9] = letter;
    CAPTURE(code);
    const UsccCheck check = check_uscc(code);
    CHECK(check.verdict == UsccVerdict::wrong_alphabet);
    CHECK(check.expected_check == 0);
  }
  CHECK(check_uscc("91350100M000100Y4-").verdict == UsccVerdict::wrong_alphabet);
  CHECK(check_uscc("91350100M000100Y4中").verdict == UsccVerdict::wrong_alphabet);
}

// ---------------------------------------------------------------------------------------------
// Phones

TEST_CASE("validate::parse_phone writes a mobile as 11 plain digits") {
  for (const std::string_view text : {"13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000",
                                      "+86-13800138000", "+8613800138000", "8613800138000", "0086 13800138000",
                                      "１３８００１３８０００", "(+86)13800138000"}) {
    CAPTURE(text);
    CHECK(phone(text) == "13800138000");
  }
  CHECK(phone("19912345678") == "19912345678");
}

TEST_CASE("validate::parse_phone writes a landline as area code, hyphen and number") {
  CHECK(phone("0571-88888888") == "0571-88888888");
  CHECK(phone("0571 88888888") == "0571-88888888");
  CHECK(phone("057188888888") == "0571-88888888");
  CHECK(phone("0571-8888-8888") == "0571-88888888");
  CHECK(phone("0571－88888888") == "0571-88888888");
  CHECK(phone("0571—88888888") == "0571-88888888");
  CHECK(phone("(010)12345678") == "010-12345678");
  CHECK(phone("（010）12345678") == "010-12345678");
  CHECK(phone("(0571) 8888 8888") == "0571-88888888");
  CHECK(phone("02112345678") == "021-12345678");
  CHECK(phone("0799-8422389") == "0799-8422389");
  CHECK(phone("+86 10 12345678") == "010-12345678");
  CHECK(phone("+86-571-88888888") == "0571-88888888");
}

TEST_CASE("validate::parse_phone keeps an extension after 转") {
  CHECK(phone("0571-88888888-123") == "0571-88888888转123");
  CHECK(phone("0571-88888888转123") == "0571-88888888转123");
  CHECK(phone("0571-88888888 转 123") == "0571-88888888转123");
  CHECK(phone("010-12345678-1234") == "010-12345678转1234");
  CHECK(phone("0571-8888888-8") == "0571-8888888转8");
  CHECK(phone("0571-88888888 ext. 12") == "0571-88888888转12");
}

TEST_CASE("validate::parse_phone accepts 400/800 and short service numbers") {
  CHECK(phone("400-123-4567") == "400-123-4567");
  CHECK(phone("4001234567") == "400-123-4567");
  CHECK(phone("800 123 4567") == "800-123-4567");
  CHECK(phone("400-123-4567转8") == "400-123-4567转8");
  CHECK(phone("12345") == "12345");
  CHECK(phone("12320") == "12320");
}

TEST_CASE("validate::parse_phone asks for one number per cell") {
  for (const std::string_view text : {"0571-88888888/13800138000", "0571-88888888、13800138000",
                                      "0571-88888888，13800138000", "13800138000 13900139000",
                                      "0571-88888888\n0571-88888889", "13800138000或13900139000"}) {
    CAPTURE(text);
    const auto problem = phone_problem(text);
    CHECK(has(problem.hint.en, "one number per cell"));
    CHECK(has(problem.hint.zh, "只填一个号码"));
  }
  CHECK(has(phone_problem("0571-88888888/13800138000").hint.en, "two phone numbers (0571-88888888 and 13800138000)"));
}

TEST_CASE("validate::parse_phone explains other problems") {
  const auto generic = phone_problem("abc");
  CHECK(generic.expected.en == "a mainland landline, mobile or 400/800 number");
  CHECK(has(generic.expected.zh, "固定电话、手机或 400/800"));
  CHECK(has(phone_problem("88888888").hint.en, "area code is missing"));
  CHECK(has(phone_problem("88888888").hint.zh, "缺少区号"));
  CHECK(has(phone_problem("1380013800").hint.en, "11 digits; this one has 10"));
  CHECK(has(phone_problem("138001380001").hint.en, "this one has 12"));
  CHECK(has(phone_problem("1.38001E+10").hint.en, "scientific notation"));
  CHECK(has(phone_problem("010-1234567").hint.en, "area code and a 7- or 8-digit number"));
  CHECK(phone_problem("电话：0571-88888888").hint.en == "remove the text \"电话:\"; enter 0571-88888888");
  CHECK(has(phone_problem("13800138000（张老师）").hint.zh, "张老师"));
  CHECK(has(phone_problem("12800138000").hint.en, "starts with 13 to 19"));
  CHECK(has(phone_problem("hello").hint.en, "enter one number such as"));
  CHECK_FALSE(parse_phone("13800138000转1").has_value());
  CHECK_FALSE(parse_phone("110").has_value());
  CHECK_FALSE(parse_phone("0571-88888888-1234567").has_value());
  CHECK_FALSE(parse_phone("00571-88888888").has_value());
  CHECK_FALSE(parse_phone("(0571)(8888)8888").has_value());
  CHECK_FALSE(parse_phone("").has_value());
  CHECK_FALSE(parse_phone("+86").has_value());
  CHECK_FALSE(parse_phone("()").has_value());
}

TEST_CASE("validate::parse_integer says a Chinese numeral is too large instead of suggesting a wrapped-around number") {
  // 20 nines once suggested "did you mean 7766279631452241919".
  std::string nines;
  for (int i = 0; i < 20; ++i) nines += "九";
  std::string eighteen;
  for (int i = 0; i < 18; ++i) eighteen += "九";
  for (const std::string& text : {nines, eighteen + "九", std::string("九千亿亿"), std::string("一亿亿亿"), std::string("九百万亿亿")}) {
    CAPTURE(text);
    const auto problem = integer_problem(text);
    CHECK(problem.hint.en == "write the number in digits; this one is too large to be stored");
    CHECK(problem.hint.zh == "请用阿拉伯数字填写；此数太大，超出了可处理的范围");
    CHECK_FALSE(has(problem.hint.en, "did you mean"));
  }
  // Up to 18 digits the numeral is still read.
  CHECK(has(integer_problem(eighteen).hint.en, "did you mean 999999999999999999?"));
  CHECK(has(integer_problem("九千亿").hint.en, "did you mean 900000000000?"));
}
