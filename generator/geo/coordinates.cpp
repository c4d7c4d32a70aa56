#include "geo/coordinates.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace tuoyu::geo {
namespace {

// Published constants of GCJ-02: the Krasovsky 1940 semi-major axis and first eccentricity squared.
constexpr double krasovsky_a = 6378245.0;
constexpr double krasovsky_ee = 0.00669342162296594323;
// Published constant of BD-09: π·3000/180.
constexpr double bd_x_pi = std::numbers::pi * 3000.0 / 180.0;
// Baidu's published shift of BD-09 against GCJ-02, in degrees.
constexpr double bd_shift_lon = 0.0065;
constexpr double bd_shift_lat = 0.006;

constexpr double pi = std::numbers::pi;
constexpr double radians_per_degree = pi / 180.0;

// gcj02_to_wgs84 stops once the forward image is this close to the target, in degrees.
constexpr double inverse_tolerance_deg = 1e-10;
constexpr int inverse_max_iterations = 30;

/// The GCJ-02 polynomial-and-sine field at (x, y) = (lon − 105, lat − 35) before scaling, in
/// metres along the ellipsoid: the latitude component first, then the longitude component.
std::array<double, 2> gcj_field(double x, double y) {
  const double shared = (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
  const double root = std::sqrt(std::fabs(x));
  double lat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * root + shared;
  lat += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
  lat += (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
  double lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * root + shared;
  lon += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
  lon += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
  return {lat, lon};
}

/// The GCJ-02 offset in degrees added to the WGS-84 position `p` (no rectangle test).
LonLat gcj_offset(LonLat p) {
  const auto [field_lat, field_lon] = gcj_field(p.lon - 105.0, p.lat - 35.0);
  const double phi = p.lat * radians_per_degree;
  const double s = std::sin(phi);
  const double w = 1.0 - krasovsky_ee * s * s;
  const double sqrt_w = std::sqrt(w);
  // Meridian radius of curvature M = a(1−e²)/W³ and parallel radius N·cos φ = a·cos φ/W.
  const double meridian = krasovsky_a * (1.0 - krasovsky_ee) / (w * sqrt_w);
  const double parallel = krasovsky_a / sqrt_w * std::cos(phi);
  return {field_lon * 180.0 / (parallel * pi), field_lat * 180.0 / (meridian * pi)};
}

}  // namespace

std::optional<Datum> parse_datum(std::string_view text) {
  std::string key;
  for (const char ch : text) {
    key += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  if (key == "wgs84" || key == "wgs-84") return Datum::wgs84;
  if (key == "gcj02" || key == "gcj-02") return Datum::gcj02;
  if (key == "bd09" || key == "bd-09") return Datum::bd09;
  return std::nullopt;
}

std::string_view datum_name(Datum datum) {
  switch (datum) {
    case Datum::wgs84:
      return "WGS84";
    case Datum::gcj02:
      return "GCJ02";
    case Datum::bd09:
      return "BD09";
  }
  return "WGS84";
}

bool outside_china(LonLat p) {
  const bool inside = p.lon >= 72.004 && p.lon <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271;
  return !inside;
}

LonLat wgs84_to_gcj02(LonLat wgs84) {
  if (outside_china(wgs84)) return wgs84;
  const LonLat d = gcj_offset(wgs84);
  return {wgs84.lon + d.lon, wgs84.lat + d.lat};
}

LonLat gcj02_to_wgs84(LonLat gcj02) {
  if (outside_china(gcj02)) return gcj02;
  // Solve w + offset(w) = gcj02. The offset varies slowly with position, so the fixed-point
  // update w ← w − (image − target) gains several digits a round: 3–4 rounds reach 1e-10°.
  LonLat w = gcj02;
  for (int round = 0; round < inverse_max_iterations; ++round) {
    const LonLat d = gcj_offset(w);
    const double error_lon = w.lon + d.lon - gcj02.lon;
    const double error_lat = w.lat + d.lat - gcj02.lat;
    if (std::fabs(error_lon) < inverse_tolerance_deg &&
        std::fabs(error_lat) < inverse_tolerance_deg) {
      break;
    }
    w.lon -= error_lon;
    w.lat -= error_lat;
  }
  return w;
}

LonLat gcj02_to_bd09(LonLat gcj02) {
  if (outside_china(gcj02)) return gcj02;
  const double x = gcj02.lon;
  const double y = gcj02.lat;
  const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * bd_x_pi);
  const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * bd_x_pi);
  return {z * std::cos(theta) + bd_shift_lon, z * std::sin(theta) + bd_shift_lat};
}

LonLat bd09_to_gcj02(LonLat bd09) {
  if (outside_china(bd09)) return bd09;
  const double x = bd09.lon - bd_shift_lon;
  const double y = bd09.lat - bd_shift_lat;
  const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * bd_x_pi);
  const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * bd_x_pi);
  return {z * std::cos(theta), z * std::sin(theta)};
}

LonLat convert(LonLat position, Datum from, Datum to) {
  if (from == to) return position;
  LonLat gcj = position;
  switch (from) {
    case Datum::wgs84:
      gcj = wgs84_to_gcj02(position);
      break;
    case Datum::gcj02:
      break;
    case Datum::bd09:
      gcj = bd09_to_gcj02(position);
      break;
  }
  switch (to) {
    case Datum::wgs84:
      return gcj02_to_wgs84(gcj);
    case Datum::gcj02:
      return gcj;
    case Datum::bd09:
      return gcj02_to_bd09(gcj);
  }
  return gcj;
}

double distance_m(LonLat a, LonLat b) {
  const double phi_a = a.lat * radians_per_degree;
  const double phi_b = b.lat * radians_per_degree;
  const double half_dphi = (b.lat - a.lat) * radians_per_degree / 2.0;
  const double half_dlambda = (b.lon - a.lon) * radians_per_degree / 2.0;
  const double s_phi = std::sin(half_dphi);
  const double s_lambda = std::sin(half_dlambda);
  const double h =
      std::clamp(s_phi * s_phi + std::cos(phi_a) * std::cos(phi_b) * s_lambda * s_lambda, 0.0, 1.0);
  return 2.0 * earth_radius_m * std::asin(std::sqrt(h));
}

LonLat coarsen(LonLat position, double cell_m) {
  // Below 1 m the row count nears 2^53 and the grid arithmetic would stop being exact.
  if (!std::isfinite(cell_m) || cell_m < 1.0) {
    throw std::invalid_argument("coarsen: cell size must be finite and at least 1 m");
  }
  if (!std::isfinite(position.lon) || !std::isfinite(position.lat)) return position;

  // Rows: equal bands that split [−90°, 90°] exactly, each at most cell_m of meridian high.
  const double cell_deg = cell_m / (earth_radius_m * radians_per_degree);
  const double rows = std::max(1.0, std::ceil(180.0 / cell_deg));
  const double row_deg = 180.0 / rows;
  const double lat = std::clamp(position.lat, -90.0, 90.0);
  const double row = std::clamp(std::floor((lat + 90.0) / row_deg), 0.0, rows - 1.0);
  const double south = -90.0 + row * row_deg;
  const double north = south + row_deg;

  // Columns: equal slices that split [−180°, 180°) exactly, each at most cell_m wide along the
  // row's edge nearest the equator (its widest parallel), so no point of the cell is more than
  // cell_m/2 east or west of the centre.
  const double widest_cos =
      (south <= 0.0 && north >= 0.0)
          ? 1.0
          : std::cos(std::min(std::fabs(south), std::fabs(north)) * radians_per_degree);
  const double columns =
      widest_cos > 0.0 ? std::max(1.0, std::ceil(360.0 * widest_cos / cell_deg)) : 1.0;
  const double column_deg = 360.0 / columns;
  double lon = std::fmod(position.lon + 180.0, 360.0);
  if (lon < 0.0) lon += 360.0;
  const double column = std::clamp(std::floor(lon / column_deg), 0.0, columns - 1.0);

  return {-180.0 + (column + 0.5) * column_deg, south + row_deg / 2.0};
}

std::string format_degrees(double value, int decimals) {
  if (!std::isfinite(value)) return {};
  const int precision = std::clamp(decimals, 0, 17);
  // std::to_chars never consults the locale; 309 integer digits + "." + 17 decimals + sign fit.
  std::array<char, 400> buffer{};
  const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                          std::chars_format::fixed, precision);
  if (error != std::errc{}) return {};
  std::string out(buffer.data(), end);
  if (out.front() == '-' && out.find_first_not_of("0.", 1) == std::string::npos) out.erase(0, 1);
  return out;
}

}  // namespace tuoyu::geo
