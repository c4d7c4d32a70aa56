#include <doctest/doctest.h>

#include "test_support.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <locale>
#include <random>
#include <stdexcept>
#include <string>

#include "geo/coordinates.h"

using namespace tuoyu::geo;

// Reference values come from published implementations (values only, no code):
//
// [E] googollee/eviltransform, go/transform_test.go; the same table is in c/test.c,
//     javascript/test.js and python/test.py. WGS-84 → GCJ-02 is asserted there to 6 decimals
//     (C and JavaScript compare "%.6f" strings, Python assertAlmostEqual(places=6));
//     gcj2wgs_exact back to the WGS-84 input within 0.5 m. python/test.py also has BD-09 → WGS-84
//     pairs (TESTS_bd) that are NOT used here: they reproduce exactly only with the old
//     python/eviltransform.py, whose gcj2bd/bd2gcj used π where Baidu's formula has
//     x_pi = π·3000/180, followed by the one-step GCJ-02 inverse; they are 10 m and 41 m off.
// [W] wandergis/coordtransform, README.md (same numbers in test/app.js): the four conversions of
//     (116.404, 39.915), printed at full double precision; its gcj02towgs84 is the one-step
//     approximation.
// [P] Glatzel/pyxis, crates/geotool-cli/tests/test_crypto.rs: one WGS-84/GCJ-02/BD-09 triple,
//     asserted there on the first 10 characters of each number. That project scales the GCJ-02
//     offset with a = 6378137 m instead of the published 6378245 m, which moves GCJ-02 by under
//     1e-7° (1 cm); BD-09 from GCJ-02 does not depend on it.

namespace {

/// One pair of published WGS-84 and GCJ-02 positions.
struct Pair {
  const char* place;
  LonLat wgs84;
  LonLat gcj02;
};

// [E], rows "shanghai", "shenzhen", "beijing"; the source lists lat, lng; here lon comes first.
constexpr std::array<Pair, 3> eviltransform_pairs = {{
    {"shanghai", {121.5272106, 31.1774276}, {121.531541859215, 31.17530398364597}},
    {"shenzhen", {113.912316, 22.543847}, {113.9171764808363, 22.540796131694766}},
    {"beijing", {116.377817, 39.911954}, {116.38404722455657, 39.91334545536069}},
}};

// [W]: the input of every conversion in the README example and its four results.
constexpr LonLat wandergis_input = {116.404, 39.915};
constexpr LonLat wandergis_bd09_to_gcj02 = {116.39762729119315, 39.90865673957631};
constexpr LonLat wandergis_gcj02_to_bd09 = {116.41036949371029, 39.92133699351021};
constexpr LonLat wandergis_wgs84_to_gcj02 = {116.41024449916938, 39.91640428150164};
constexpr LonLat wandergis_gcj02_to_wgs84_one_step = {116.39775550083061, 39.91359571849836};

// [P]: WGS84_LON/LAT, GCJ02_LON/LAT, BD09_LON/LAT.
constexpr LonLat pyxis_wgs84 = {121.0917077, 30.6107779};
constexpr LonLat pyxis_gcj02 = {121.09626935575027, 30.608604331756705};
constexpr LonLat pyxis_bd09 = {121.10271732371203, 30.61484572185035};

/// The larger of the longitude and latitude differences, in degrees.
double max_diff(LonLat a, LonLat b) {
  return std::fmax(std::fabs(a.lon - b.lon), std::fabs(a.lat - b.lat));
}

/// True when both coordinates are the same double.
bool same(LonLat a, LonLat b) { return a.lon == b.lon && a.lat == b.lat; }

/// A fixed-seed source of uniform doubles in [lo, hi), the same on every platform (std::mt19937's
/// output sequence is fixed by the standard; std::uniform_real_distribution's is not).
class Uniform {
 public:
  explicit Uniform(std::uint32_t seed) : engine_(seed) {}
  double operator()(double lo, double hi) {
    return lo + (hi - lo) * (static_cast<double>(engine_()) / 4294967296.0);
  }

 private:
  std::mt19937 engine_;
};

/// Great-circle distance by the spherical law of cosines, to check distance_m independently.
double law_of_cosines_m(LonLat a, LonLat b) {
  const double rad = std::acos(-1.0) / 180.0;
  const double c = std::sin(a.lat * rad) * std::sin(b.lat * rad) +
                   std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::cos((b.lon - a.lon) * rad);
  return earth_radius_m * std::acos(std::fmax(-1.0, std::fmin(1.0, c)));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Datum names

TEST_CASE("geo::parse_datum accepts the three data with or without a hyphen, in any letter case") {
  CHECK(parse_datum("WGS84") == Datum::wgs84);
  CHECK(parse_datum("wgs-84") == Datum::wgs84);
  CHECK(parse_datum("Wgs-84") == Datum::wgs84);
  CHECK(parse_datum("GCJ02") == Datum::gcj02);
  CHECK(parse_datum("gcj-02") == Datum::gcj02);
  CHECK(parse_datum("BD09") == Datum::bd09);
  CHECK(parse_datum("bd-09") == Datum::bd09);
  for (const Datum datum : {Datum::wgs84, Datum::gcj02, Datum::bd09})
    CHECK(parse_datum(datum_name(datum)) == datum);
  CHECK(datum_name(Datum::gcj02) == "GCJ02");
}

TEST_CASE("geo::parse_datum refuses anything else") {
  for (const char* text : {"", "WGS", "WGS 84", " GCJ02", "GCJ02 ", "gcj_02", "BD09MC", "bd09ll",
                           "EPSG:4326", "CGCS2000"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_datum(text).has_value());
  }
}

// ---------------------------------------------------------------------------------------------
// Conversions against published values

TEST_CASE("geo::wgs84_to_gcj02 matches eviltransform's test table to its 6 decimals") {
  for (const auto& pair : eviltransform_pairs) {
    CAPTURE(pair.place);
    const LonLat gcj = wgs84_to_gcj02(pair.wgs84);
    CHECK(std::fabs(gcj.lon - pair.gcj02.lon) < 5e-7);
    CHECK(std::fabs(gcj.lat - pair.gcj02.lat) < 5e-7);
    CHECK(format_degrees(gcj.lon, 6) == format_degrees(pair.gcj02.lon, 6));
    CHECK(format_degrees(gcj.lat, 6) == format_degrees(pair.gcj02.lat, 6));
    // The same constants and formula: agreement is in fact to rounding error.
    CHECK(max_diff(gcj, pair.gcj02) < 1e-12);
  }
}

TEST_CASE("geo::wgs84_to_gcj02 matches coordtransform's README example") {
  CHECK(max_diff(wgs84_to_gcj02(wandergis_input), wandergis_wgs84_to_gcj02) < 1e-9);
}

TEST_CASE("geo::wgs84_to_gcj02 matches pyxis's triple within the effect of its other radius") {
  CHECK(max_diff(wgs84_to_gcj02(pyxis_wgs84), pyxis_gcj02) < 1e-6);
}

TEST_CASE("geo::gcj02_to_wgs84 inverts eviltransform's pairs far inside its 0.5 m tolerance") {
  for (const auto& pair : eviltransform_pairs) {
    CAPTURE(pair.place);
    const LonLat wgs = gcj02_to_wgs84(pair.gcj02);
    CHECK(distance_m(wgs, pair.wgs84) < 0.5);  // eviltransform's own bound for gcj2wgs_exact
    CHECK(max_diff(wgs, pair.wgs84) <
          1e-9);  // the pairs come from the forward formula, so we recover the input
  }
}

TEST_CASE("geo::gcj02_to_wgs84 is the exact inverse, not coordtransform's one-step approximation") {
  const LonLat wgs = gcj02_to_wgs84(wandergis_input);
  // Within eviltransform's stated 1–2 m for the one-step result that coordtransform prints…
  CHECK(distance_m(wgs, wandergis_gcj02_to_wgs84_one_step) < 2.0);
  // …but only ours maps forward onto the input; the one-step result misses it by 5e-7° (6 cm).
  CHECK(max_diff(wgs84_to_gcj02(wgs), wandergis_input) < 1e-9);
  CHECK(max_diff(wgs84_to_gcj02(wandergis_gcj02_to_wgs84_one_step), wandergis_input) > 1e-7);
}

TEST_CASE("geo::gcj02_to_bd09 matches coordtransform's README example and pyxis's triple") {
  CHECK(max_diff(gcj02_to_bd09(wandergis_input), wandergis_gcj02_to_bd09) < 1e-9);
  CHECK(max_diff(gcj02_to_bd09(pyxis_gcj02), pyxis_bd09) < 1e-9);
}

TEST_CASE("geo::bd09_to_gcj02 matches coordtransform's README example and pyxis's triple") {
  CHECK(max_diff(bd09_to_gcj02(wandergis_input), wandergis_bd09_to_gcj02) < 1e-9);
  // pyxis's BD-09 is the forward image of its GCJ-02; the closed-form inverse is within 2e-6°.
  CHECK(max_diff(bd09_to_gcj02(pyxis_bd09), pyxis_gcj02) < 3e-6);
}

TEST_CASE("geo::convert chains the published steps through GCJ-02 in every direction") {
  CHECK(max_diff(convert(pyxis_wgs84, Datum::wgs84, Datum::bd09), pyxis_bd09) < 1e-6);
  CHECK(max_diff(convert(pyxis_bd09, Datum::bd09, Datum::wgs84), pyxis_wgs84) < 5e-6);
  CHECK(max_diff(convert(wandergis_input, Datum::bd09, Datum::gcj02), wandergis_bd09_to_gcj02) <
        1e-9);
  CHECK(max_diff(convert(wandergis_input, Datum::gcj02, Datum::bd09), wandergis_gcj02_to_bd09) <
        1e-9);
  CHECK(max_diff(convert(wandergis_input, Datum::wgs84, Datum::gcj02), wandergis_wgs84_to_gcj02) <
        1e-9);
  for (const auto& pair : eviltransform_pairs) {
    CAPTURE(pair.place);
    CHECK(max_diff(convert(pair.gcj02, Datum::gcj02, Datum::wgs84), pair.wgs84) < 1e-9);
    CHECK(same(convert(pair.wgs84, Datum::wgs84, Datum::bd09),
               gcj02_to_bd09(wgs84_to_gcj02(pair.wgs84))));
    const LonLat bd = gcj02_to_bd09(pair.gcj02);
    CHECK(same(convert(bd, Datum::bd09, Datum::wgs84), gcj02_to_wgs84(bd09_to_gcj02(bd))));
    for (const Datum datum : {Datum::wgs84, Datum::gcj02, Datum::bd09})
      CHECK(same(convert(pair.gcj02, datum, datum), pair.gcj02));
  }
}

// ---------------------------------------------------------------------------------------------
// Round trips and the China rectangle

TEST_CASE(
    "geo::gcj02_to_wgs84 and bd09_to_gcj02 round trips over mainland China (fixed-seed property "
    "loop)") {
  Uniform uniform(20240611u);
  double worst_wgs = 0;
  double worst_bd = 0;
  double worst_wgs_via_bd = 0;
  for (int i = 0; i < 2000; ++i) {
    const LonLat wgs{uniform(73.5, 134.9), uniform(18.0, 53.5)};
    const LonLat gcj = wgs84_to_gcj02(wgs);
    // Inside China the offset is real: tens to hundreds of metres (20–712 m over this box).
    const double offset = distance_m(wgs, gcj);
    CHECK_MESSAGE((offset > 10.0 && offset < 1000.0), "at ", wgs.lon, ",", wgs.lat,
                  " the offset is ", offset, " m");
    worst_wgs = std::fmax(worst_wgs, max_diff(gcj02_to_wgs84(gcj), wgs));
    worst_bd = std::fmax(worst_bd, max_diff(bd09_to_gcj02(gcj02_to_bd09(gcj)), gcj));
    const LonLat bd = convert(wgs, Datum::wgs84, Datum::bd09);
    worst_wgs_via_bd =
        std::fmax(worst_wgs_via_bd, max_diff(convert(bd, Datum::bd09, Datum::wgs84), wgs));
  }
  CHECK(worst_wgs <
        1e-7);  // the contract of gcj02_to_wgs84 (the brief asks 1e-6); measured about 1e-10
  CHECK(worst_bd < 3e-6);  // the published closed-form BD-09 inverse; measured below 2e-6° (0.2 m)
  CHECK(worst_wgs_via_bd < 3e-6);  // dominated by that closed form
}

TEST_CASE("geo::outside_china uses the published rectangle, edges inside, NaN outside") {
  CHECK_FALSE(outside_china({116.4, 39.9}));
  CHECK_FALSE(outside_china({72.004, 0.8293}));
  CHECK_FALSE(outside_china({137.8347, 55.8271}));
  CHECK(outside_china({72.0039, 30.0}));
  CHECK(outside_china({137.8348, 30.0}));
  CHECK(outside_china({100.0, 0.8292}));
  CHECK(outside_china({100.0, 55.8272}));
  CHECK(outside_china({std::nan(""), 30.0}));
}

TEST_CASE("geo::convert and every step leave points outside China unchanged") {
  const std::array<LonLat, 5> outside = {{
      {139.6917, 35.6895},   // Tokyo
      {-0.1276, 51.5072},    // London
      {151.2093, -33.8688},  // Sydney
      {-74.006, 40.7128},    // New York
      {0.0, 0.0},
  }};
  for (const LonLat p : outside) {
    CAPTURE(p.lon);
    CHECK(same(wgs84_to_gcj02(p), p));
    CHECK(same(gcj02_to_wgs84(p), p));
    CHECK(same(gcj02_to_bd09(p), p));
    CHECK(same(bd09_to_gcj02(p), p));
    for (const Datum from : {Datum::wgs84, Datum::gcj02, Datum::bd09}) {
      for (const Datum to : {Datum::wgs84, Datum::gcj02, Datum::bd09})
        CHECK(same(convert(p, from, to), p));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Distance

TEST_CASE("geo::distance_m agrees with the law of cosines between Tiananmen and People's Square") {
  const LonLat tiananmen{116.3975, 39.9087};
  const LonLat peoples_square{121.4737, 31.2304};
  const double d = distance_m(tiananmen, peoples_square);
  CHECK(d > 1'060'000.0);
  CHECK(d < 1'075'000.0);  // about 1,068 km
  CHECK(std::fabs(d - law_of_cosines_m(tiananmen, peoples_square)) < 0.001 * d);
  CHECK(distance_m(peoples_square, tiananmen) == doctest::Approx(d).epsilon(1e-12));
}

TEST_CASE("geo::distance_m uses the 6,371,008.8 m sphere") {
  const double degree = earth_radius_m * std::acos(-1.0) / 180.0;  // 111,195.08 m
  CHECK(earth_radius_m == 6'371'008.8);
  CHECK(distance_m({116.0, 39.0}, {116.0, 40.0}) == doctest::Approx(degree).epsilon(1e-12));
  CHECK(distance_m({0.0, 0.0}, {1.0, 0.0}) == doctest::Approx(degree).epsilon(1e-12));
  CHECK(distance_m({0.0, 0.0}, {0.0, 90.0}) == doctest::Approx(90.0 * degree).epsilon(1e-12));
  CHECK(distance_m({0.0, 0.0}, {180.0, 0.0}) == doctest::Approx(180.0 * degree).epsilon(1e-12));
  CHECK(distance_m({179.9, 10.0}, {-179.9, 10.0}) <
        25'000.0);  // across the antimeridian, not around the world
  CHECK(distance_m({116.4, 39.9}, {116.4, 39.9}) == 0.0);
}

// ---------------------------------------------------------------------------------------------
// Coarsening for home-based settings

TEST_CASE(
    "geo::coarsen keeps every point within cell·√2/2 and is idempotent (fixed-seed property "
    "loop)") {
  Uniform uniform(7u);
  for (const double cell : {1.0, 500.0, 1234.5, 50'000.0, 3'000'000.0}) {
    CAPTURE(cell);
    const double bound = cell * std::sqrt(2.0) / 2.0 * (1.0 + 1e-9);
    for (int i = 0; i < 400; ++i) {
      // Half the points over China, a quarter over the globe, a quarter near the poles.
      LonLat p = i % 2 == 0 ? LonLat{uniform(73.5, 134.9), uniform(18.0, 53.5)}
                            : LonLat{uniform(-180.0, 180.0), uniform(-90.0, 90.0)};
      if (i % 4 == 3) p.lat = (i % 8 == 3 ? 1.0 : -1.0) * uniform(89.0, 90.0);
      const LonLat c = coarsen(p, cell);
      CHECK_MESSAGE(distance_m(p, c) <= bound, p.lon, ",", p.lat, " → ", c.lon, ",", c.lat);
      CHECK(same(coarsen(c, cell), c));  // the centre lies in its own cell
      CHECK(same(coarsen(p, cell), c));  // deterministic
    }
  }
}

TEST_CASE("geo::coarsen keeps even the corners of cells far from the equator within the bound") {
  // Random points seldom land in a corner, where a cell sized at its centre's latitude would be
  // slightly too wide on the side nearer the equator. Find each corner of the cell by bisection
  // along the diagonals from its centre, using coarsen itself to tell inside from outside.
  const double degree_m = earth_radius_m * std::acos(-1.0) / 180.0;
  // 500.38 m = πR/40000 makes the rows exactly as high as a cell, leaving no slack.
  const std::array<LonLat, 6> places = {{
      {122.53, 52.97},  // Mohe, the far north of China
      {126.63, 45.75},  // Harbin
      {-68.3, -54.8},   // Ushuaia
      {15.6, 78.2},     // Longyearbyen
      {-40.0, 83.5},    // northern Greenland
      {0.0, -89.9},     // near the South Pole
  }};
  for (const double cell : {500.0, std::acos(-1.0) * earth_radius_m / 40'000.0, 5000.0}) {
    for (const LonLat place : places) {
      CAPTURE(cell);
      CAPTURE(place.lat);
      const LonLat c = coarsen(place, cell);
      const double half_lat = cell / degree_m / 2.0;
      const double half_lon = half_lat / std::cos(c.lat * std::acos(-1.0) / 180.0);
      for (const double sx : {-1.0, 1.0}) {
        for (const double sy : {-1.0, 1.0}) {
          double inside = 0.0;
          double outside = 2.0;
          for (int i = 0; i < 60; ++i) {
            const double t = (inside + outside) / 2.0;
            const LonLat q{c.lon + sx * t * half_lon, c.lat + sy * t * half_lat};
            (same(coarsen(q, cell), c) ? inside : outside) = t;
          }
          const LonLat corner{c.lon + sx * inside * half_lon, c.lat + sy * inside * half_lat};
          // The corner is found and, away from the poles' narrowing cells, is about where asked.
          if (std::fabs(place.lat) < 85.0) CHECK(inside > 0.95);
          CHECK(distance_m(corner, c) <= cell * std::sqrt(2.0) / 2.0 * (1.0 + 1e-9));
        }
      }
    }
  }
}

TEST_CASE("geo::coarsen maps all points of one cell to one centre, about 500 m from the next") {
  const double cell = 500.0;
  const LonLat c = coarsen({116.3975, 39.9087}, cell);
  const double lat_step =
      cell / (earth_radius_m * std::acos(-1.0) / 180.0);  // 500 m of latitude in degrees
  const double lon_step = lat_step / std::cos(c.lat * std::acos(-1.0) / 180.0);
  for (const double dx : {-0.4, 0.0, 0.4}) {
    for (const double dy : {-0.4, 0.0, 0.4}) {
      CHECK(same(coarsen({c.lon + dx * lon_step, c.lat + dy * lat_step}, cell), c));
    }
  }
  // The neighbouring cells: rows 500 m apart and, along a row, centres 500 m apart (at most cell_m,
  // and not much less, so a cell reveals no more than about 500 m). Each row has its own column
  // boundaries, so the centre of the cell to the north need not lie due north.
  const LonLat north = coarsen({c.lon, c.lat + lat_step}, cell);
  const LonLat east = coarsen({c.lon + lon_step, c.lat}, cell);
  const double row_gap_m = (north.lat - c.lat) * cell / lat_step;
  CHECK(row_gap_m <= cell + 1e-6);
  CHECK(row_gap_m >= 0.99 * cell);
  CHECK(east.lat == c.lat);
  CHECK(distance_m(c, east) <= cell + 1e-6);
  CHECK(distance_m(c, east) >= 0.99 * cell);
}

TEST_CASE(
    "geo::coarsen wraps longitudes, clamps latitudes and returns non-finite points unchanged") {
  CHECK(same(coarsen({116.4 + 360.0, 39.9}, 500.0), coarsen({116.4, 39.9}, 500.0)));
  const LonLat pole = coarsen({10.0, 95.0}, 500.0);
  CHECK(pole.lat < 90.0);
  CHECK(distance_m({10.0, 90.0}, pole) <= 500.0 * std::sqrt(2.0) / 2.0);
  const LonLat nan_point = coarsen({std::nan(""), 39.9}, 500.0);
  CHECK(std::isnan(nan_point.lon));
  CHECK(nan_point.lat == 39.9);
}

TEST_CASE("geo::coarsen refuses a cell that is not a finite size of at least 1 m") {
  CHECK_THROWS_AS(coarsen({116.4, 39.9}, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(coarsen({116.4, 39.9}, -500.0), std::invalid_argument);
  CHECK_THROWS_AS(coarsen({116.4, 39.9}, 0.5), std::invalid_argument);
  CHECK_THROWS_AS(coarsen({116.4, 39.9}, std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(coarsen({116.4, 39.9}, std::numeric_limits<double>::infinity()),
                  std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// Formatting

TEST_CASE("geo::format_degrees prints fixed decimals and never a negative zero") {
  CHECK(format_degrees(-0.0000001, 6) == "0.000000");
  CHECK(format_degrees(-0.0, 3) == "0.000");
  CHECK(format_degrees(-0.4, 0) == "0");
  CHECK(format_degrees(116.397128, 6) == "116.397128");
  CHECK(format_degrees(-33.8688, 4) == "-33.8688");
  CHECK(format_degrees(39.9, 0) == "40");
  CHECK(format_degrees(-0.0000006, 6) == "-0.000001");
  CHECK(format_degrees(1.0, -3) == "1");
  CHECK(format_degrees(0.1, 40) == "0.10000000000000001");  // clamped to 17 decimals
  CHECK(format_degrees(std::nan(""), 6).empty());
  CHECK(format_degrees(std::numeric_limits<double>::infinity(), 6).empty());
}

TEST_CASE("geo::format_degrees ignores a global locale with a decimal comma") {
  std::locale comma_locale;
  bool found = false;
  for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "ru_RU.UTF-8"}) {
    try {
      const std::locale candidate(name);
      if (std::use_facet<std::numpunct<char>>(candidate).decimal_point() == ',') {
        comma_locale = candidate;
        found = true;
        break;
      }
    } catch (const std::runtime_error&) {
      // Not installed here; try the next one.
    }
  }
  if (!found) {
    MESSAGE("skipped: no locale with a decimal comma is installed");
    return;
  }
  const tuoyu::test::GlobalLocale guard(comma_locale);
  char c_formatted[16];
  std::snprintf(c_formatted, sizeof c_formatted, "%.1f", 1.5);
  CHECK(std::string(c_formatted) == "1,5");              // the C library now writes a comma…
  CHECK(format_degrees(116.397128, 6) == "116.397128");  // …and format_degrees still writes a point
  CHECK(format_degrees(-0.0000001, 6) == "0.000000");
  CHECK(format_degrees(-1234567.25, 2) == "-1234567.25");  // and no thousands separators
}
