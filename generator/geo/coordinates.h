#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace tuoyu::geo {

// Coordinates of the registers and the maps that show them. Registers use GCJ-02 (the datum of
// AMap/Gaode and Tencent), sometimes WGS-84 or BD-09 (Baidu); schema.org JSON-LD and GeoJSON need
// WGS-84. GCJ-02 is the published approximation of the official offset (Krasovsky
// a = 6378245 m, e² = 0.00669342162296594323); BD-09 adds Baidu's published offset on top of it.

/// The geodetic data a register's coordinates may be given in.
enum class Datum { wgs84, gcj02, bd09 };

/// "WGS84", "GCJ02" or "BD09", with or without the hyphen ("WGS-84", "GCJ-02", "BD-09"), in any
/// letter case; anything else, surrounding spaces included, yields nothing.
std::optional<Datum> parse_datum(std::string_view text);

/// The canonical spelling of `datum`: "WGS84", "GCJ02" or "BD09".
std::string_view datum_name(Datum datum);

/// A position in degrees: longitude east (x) first, then latitude north (y), as in GeoJSON.
struct LonLat {
  double lon = 0;
  double lat = 0;
};

/// True unless 72.004 ≤ lon ≤ 137.8347 and 0.8293 ≤ lat ≤ 55.8271 (the published algorithms'
/// rectangle; NaN is outside); outside it every conversion here returns its input unchanged.
bool outside_china(LonLat wgs84_or_gcj02);

/// The GCJ-02 position of a WGS-84 one (the published forward formula; identity outside China).
LonLat wgs84_to_gcj02(LonLat wgs84);

/// The WGS-84 position whose GCJ-02 image is `gcj02`, by fixed-point iteration until the forward
/// image is within 1e-10° of `gcj02` (not the one-step approximation, which is off by up to 2 m).
LonLat gcj02_to_wgs84(LonLat gcj02);

/// The BD-09 (Baidu) position of a GCJ-02 one (Baidu's published formula; identity outside China).
LonLat gcj02_to_bd09(LonLat gcj02);

/// The GCJ-02 position of a BD-09 (Baidu) one (the published closed-form inverse, within 2e-6°,
/// 0.2 m, of the exact inverse of `gcj02_to_bd09`; identity outside China).
LonLat bd09_to_gcj02(LonLat bd09);

/// `position`, given in datum `from`, expressed in datum `to` by way of GCJ-02 (same datum: as is).
LonLat convert(LonLat position, Datum from, Datum to);

/// The mean Earth radius (IUGG R1, metres) that `distance_m` and `coarsen` use.
inline constexpr double earth_radius_m = 6'371'008.8;

/// Great-circle distance in metres between two positions of the same datum (haversine on a sphere
/// of radius `earth_radius_m`).
double distance_m(LonLat a, LonLat b);

/// The centre of the grid cell holding `position`, cells about `cell_m` metres high and at most
/// that wide, so every position lies within cell_m·√2/2 of its result and all positions of a cell
/// share one result (used to hide home-based settings at 500 m); coarsen in one datum, then
/// convert. Latitudes are clamped to ±90°, longitudes wrapped into [−180°, 180°); non-finite
/// positions are returned unchanged; throws std::invalid_argument unless `cell_m` is finite and at
/// least 1 metre.
LonLat coarsen(LonLat position, double cell_m);

/// `value` in fixed notation with `decimals` digits after a "." (clamped to 0–17), rounded like
/// printf("%.*f") in the C locale whatever the current locale, and without the sign of a zero
/// result ("0.000000", never "-0.000000"); NaN and infinities give an empty string.
std::string format_degrees(double value, int decimals);

}  // namespace tuoyu::geo
