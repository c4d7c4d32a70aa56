#include "stats/fixed_decimal.h"

#include <stdexcept>

namespace tuoyu::stats {
namespace {

std::int64_t power_of_ten(int exponent) {
  std::int64_t out = 1;
  for (int i = 0; i < exponent; ++i) out *= 10;
  return out;
}

/// a / b rounded half away from zero, for b > 0.
std::int64_t divide_rounded(std::int64_t a, std::int64_t b) {
  const std::int64_t magnitude = ((a < 0 ? -a : a) * 2 + b) / (2 * b);
  return a < 0 ? -magnitude : magnitude;
}

}  // namespace

std::string FixedDecimal::text() const {
  const std::int64_t scale = power_of_ten(decimals);
  const std::int64_t magnitude = units < 0 ? -units : units;
  std::string out = (units < 0 ? "-" : "") + std::to_string(magnitude / scale);
  if (decimals > 0) {
    std::string fraction = std::to_string(magnitude % scale);
    out += "." + std::string(static_cast<std::size_t>(decimals) - fraction.size(), '0') + fraction;
  }
  return out;
}

double FixedDecimal::to_double() const { return static_cast<double>(units) / static_cast<double>(power_of_ten(decimals)); }

std::optional<FixedDecimal> ratio(std::int64_t numerator, std::int64_t denominator, std::int64_t scale, int decimals) {
  if (denominator <= 0 || decimals < 0 || decimals > 6) return std::nullopt;
  const std::int64_t factor = scale * power_of_ten(decimals);
  std::int64_t product = 0;
  // Twice the product must fit as well: divide_rounded doubles it.
  if (__builtin_mul_overflow(numerator, factor, &product) || product > INT64_MAX / 2 || product < -(INT64_MAX / 2)) return std::nullopt;
  return FixedDecimal{divide_rounded(product, denominator), decimals};
}

std::optional<FixedDecimal> parse_fixed(std::string_view text, int decimals) {
  if (text.empty() || decimals < 0 || decimals > 6) return std::nullopt;
  const bool negative = text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::int64_t whole = 0;
  std::int64_t fraction = 0;
  int fraction_digits = 0;
  bool seen_point = false;
  bool seen_digit = false;
  for (const char c : text) {
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (!seen_point) {
      if (whole > 100000000000LL) return std::nullopt;
      whole = whole * 10 + (c - '0');
    } else if (fraction_digits < 12) {
      fraction = fraction * 10 + (c - '0');
      ++fraction_digits;
    }
  }
  if (!seen_digit) return std::nullopt;
  // Bring the fraction to `decimals` digits, rounding half away from zero.
  std::int64_t units = whole * power_of_ten(decimals);
  if (fraction_digits <= decimals) {
    units += fraction * power_of_ten(decimals - fraction_digits);
  } else {
    units += divide_rounded(fraction, power_of_ten(fraction_digits - decimals));
  }
  return FixedDecimal{negative ? -units : units, decimals};
}

FixedDecimal difference(const FixedDecimal& a, const FixedDecimal& b) {
  if (a.decimals != b.decimals) throw std::logic_error("difference: operands differ in decimals");
  return {a.units - b.units, a.decimals};
}

}  // namespace tuoyu::stats
