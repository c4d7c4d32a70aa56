#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tuoyu::stats {

/// A non-negative or negative decimal held exactly as an integer count of 10^-decimals units, so
/// published figures round the same way on every machine (half away from zero, as in GB/T 8170).
struct FixedDecimal {
  std::int64_t units = 0;
  int decimals = 0;

  /// The value as plain text with exactly `decimals` fraction digits: "4.50", "-1.7", "60".
  [[nodiscard]] std::string text() const;
  /// The nearest double, for drawing charts.
  [[nodiscard]] double to_double() const;
};

/// numerator × scale / denominator rounded half away from zero to `decimals`; nullopt when the
/// denominator is 0 or the product would overflow.
std::optional<FixedDecimal> ratio(std::int64_t numerator, std::int64_t denominator, std::int64_t scale, int decimals);

/// Reads decimal text ("4.5", "60", "2800.05") rounded half away from zero to `decimals`; nullopt if it is not a plain decimal.
std::optional<FixedDecimal> parse_fixed(std::string_view text, int decimals);

/// a − b; both must have the same number of decimals.
FixedDecimal difference(const FixedDecimal& a, const FixedDecimal& b);

}  // namespace tuoyu::stats
