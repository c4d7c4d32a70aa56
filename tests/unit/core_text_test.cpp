#include <doctest/doctest.h>

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
