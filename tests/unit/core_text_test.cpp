#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"

using namespace tuoyu::core;

TEST_CASE("core::nfkc turns full-width digits, letters, spaces and slashes into ordinary ones") {
  CHECK(nfkc("１２３") == "123");
  CHECK(nfkc("ＡＢＣ") == "ABC");
  CHECK(nfkc("全日托／半日托") == "全日托/半日托");
  CHECK(nfkc("\xE3\x80\x80" "30") == " 30");  // U+3000 ideographic space
  CHECK(nfkc("托育") == "托育");
}

TEST_CASE("core::nfkc leaves invalid UTF-8 as it is") {
  const std::string bad = "a\xFF" "b";
  CHECK(nfkc(bad) == bad);
}

TEST_CASE("core::trim removes ASCII and Unicode white space at both ends only") {
  CHECK(trim("  a b  ") == "a b");
  CHECK(trim("\xE3\x80\x80托育\xC2\xA0") == "托育");
  CHECK(trim("\xEF\xBB\xBFx") == "x");
  CHECK(trim("   ").empty());
}

TEST_CASE("core::count_code_points counts characters, not bytes") {
  CHECK(count_code_points("托育abc") == 5);
  CHECK(count_code_points("") == 0);
}

TEST_CASE("core::edit_distance counts a swap of neighbours as one edit") {
  CHECK(edit_distance("titel", "title") == 1);
  CHECK(edit_distance("全托", "全日托") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("core::did_you_mean suggests only close candidates") {
  const std::vector<std::string> keys = {"title", "title_en", "language"};
  CHECK(did_you_mean("titel", keys) == std::optional<std::string>("title"));
  CHECK_FALSE(did_you_mean("zzzzz", keys).has_value());
  const std::vector<std::string> services = {"全日托", "半日托", "计时托", "临时托"};
  CHECK(did_you_mean("全托", services) == std::optional<std::string>("全日托"));
}

TEST_CASE("core::quote_for_message escapes control characters and shows every invalid byte") {
  CHECK(quote_for_message("a\nb") == "\"a\\nb\"");
  CHECK(quote_for_message("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(quote_for_message("x\xE8\x82") == "\"x\\xE8\\x82\"");
  CHECK(quote_for_message(std::string(100, 'a'), 3) == "\"aaa…\"");
}

TEST_CASE("core::did_you_mean gives no suggestion for a value longer than 64 characters") {
  const std::string value = std::string(64, 'a') + "b";
  const std::vector<std::string> candidates = {std::string(65, 'a')};  // one edit away
  CHECK_FALSE(did_you_mean(value, candidates).has_value());
  CHECK(did_you_mean(value.substr(1), candidates) == std::optional<std::string>(std::string(65, 'a')));
  const std::string chinese = "托";
  std::string long_chinese;
  for (int i = 0; i < 65; ++i) long_chinese += chinese;
  CHECK_FALSE(did_you_mean(long_chinese, std::vector<std::string>{long_chinese + "a"}).has_value());
}

TEST_CASE("core::did_you_mean stays fast for huge cells and thousands of long candidates") {
  // Measuring these would take length × length steps per candidate: seconds, not milliseconds.
  const std::vector<std::string> short_candidates(2000, std::string("xxxx"));
  const std::vector<std::string> long_candidates(2000, std::string(10000, 'x'));
  const std::string huge(20000, 'x');
  const std::string typo = std::string(63, 'x') + "y";
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(did_you_mean(huge, short_candidates).has_value());
  CHECK_FALSE(did_you_mean(typo, long_candidates).has_value());
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::milliseconds(300));
  // A candidate within reach of the value's length is still measured.
  const std::vector<std::string> near = {std::string(10000, 'x'), std::string(64, 'x')};
  CHECK(did_you_mean(typo, near) == std::optional<std::string>(std::string(64, 'x')));
}

TEST_CASE("core::Pattern matches the whole value, character by character") {
  const auto code = Pattern::compile("[0-9]{6}|[0-9]{9}");
  REQUIRE(code.has_value());
  CHECK(code->match("990101") == Pattern::Match::yes);
  CHECK(code->match("990101001") == Pattern::Match::yes);
  CHECK(code->match("9901010") == Pattern::Match::no);
  CHECK(code->match("x990101") == Pattern::Match::no);
  // A class of Chinese characters is a class of characters, not of UTF-8 bytes.
  const auto han = Pattern::compile("[一-龥]{2,4}");
  REQUIRE(han.has_value());
  CHECK(han->match("托育") == Pattern::Match::yes);
  CHECK(han->match("托育中心站点") == Pattern::Match::no);
  CHECK(han->match("托a") == Pattern::Match::no);
}

TEST_CASE("core::Pattern says what is wrong with a pattern that does not compile") {
  const auto bad = Pattern::compile("[0-9");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error() == "missing ] (U_REGEX_MISSING_CLOSE_BRACKET) at character 5");
  CHECK(Pattern::compile("(ab").error().rfind("unbalanced parentheses", 0) == 0);
}

TEST_CASE("core::Pattern neither overflows the stack on a long value nor hangs on a pathological pattern") {
  // std::regex recurses once per character here and crashed at about 20,000 characters.
  const auto alternatives = Pattern::compile("(((((a|b)|c)|d)|e)|f)*");
  REQUIRE(alternatives.has_value());
  const auto outcome = alternatives->match(std::string(1'000'000, 'a'));
  CHECK(outcome != Pattern::Match::no);
  // Exponential backtracking gives up instead of running for hours.
  const auto nested = Pattern::compile("(a+)+b");
  REQUIRE(nested.has_value());
  const auto start = std::chrono::steady_clock::now();
  CHECK(nested->match(std::string(40, 'a')) == Pattern::Match::gave_up);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}
