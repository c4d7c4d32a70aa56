#include <doctest/doctest.h>

#include "opendata/checksums.h"
#include "opendata/csv_text.h"

using namespace tuoyu::opendata;

TEST_CASE("opendata::csv_record quotes only what RFC 4180 needs and ends records with CRLF") {
  CHECK(csv_record({"a", "托育", "", "1"}) == "a,托育,,1\r\n");
  CHECK(csv_record({"a,b", "say \"hi\"", "two\nlines", "cr\r"}) == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\r\n");
  CHECK(csv_record({" padded "}) == "\" padded \"\r\n");
  CHECK(csv_text({"id", "name"}, {{"1", "x"}, {"2", "y,z"}}) == "id,name\r\n1,x\r\n2,\"y,z\"\r\n");
}

TEST_CASE("opendata::sha256_hex and sha256sums match sha256sum") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256sums({{"a.csv", sha256_hex("abc")}, {"b/c.json", sha256_hex("")}}) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.csv\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  b/c.json\n");
}
