#pragma once
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "core/localized.h"

namespace tuoyu::validate {

/// Why a cell could not be read: the kind of value expected ("a whole number") and a hint for the clerk.
struct ValueProblem {
  core::Localized expected;  ///< A noun phrase the validator puts after "expected": "a whole number" / "整数".
  core::Localized hint;      ///< Why this value could not be read and how to fix it; never empty.
};

/// A calendar date between 1900-01-01 and 2100-12-31.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  /// The date as ISO 8601, "2021-03-05".
  [[nodiscard]] std::string iso() const;
  /// Dates order chronologically.
  auto operator<=>(const Date&) const = default;
};

/// A decimal number as read from a cell, with its exact written digits kept in a canonical spelling.
struct Decimal {
  double value = 0;       ///< The nearest double, for comparisons with minimum and maximum.
  std::string canonical;  ///< No group separators, no '+', no leading zeros, no trailing fractional zeros or '.': "2,800.50" → "2800.5", "-0" → "0".
};

/// Reads a whole number: optional sign, digits, thousands separators in groups of three ("12,345"); a zero fraction ("30.00") is accepted.
core::Expected<std::int64_t, ValueProblem> parse_integer(std::string_view text);

/// Reads a decimal number with at most `max_decimals` significant fractional digits (-1 = any); rejects ranges, units and scientific notation.
core::Expected<Decimal, ValueProblem> parse_decimal(std::string_view text, int max_decimals);

/// Reads 2021-03-05, 2021-3-5, 2021/3/5, 2021.3.5 or 2021年3月5日, optionally followed by a time of day that is dropped.
core::Expected<Date, ValueProblem> parse_date(std::string_view text);

/// Matches `text` case-insensitively, after NFKC and trimming, against the true values and then the false values.
core::Expected<bool, ValueProblem> parse_boolean(std::string_view text, std::span<const std::string> true_values,
                                                 std::span<const std::string> false_values);

/// Splits NFKC-normalised `text` at any of the (NFKC-normalised) `delimiters`; items are trimmed and empty items dropped.
std::vector<std::string> split_list(std::string_view text, std::span<const std::string> delimiters);

/// The outcome of checking a unified social credit code, from the first rule it breaks.
enum class UsccVerdict { valid, wrong_length, wrong_alphabet, wrong_check_character };

/// A checked unified social credit code (统一社会信用代码).
struct UsccCheck {
  UsccVerdict verdict = UsccVerdict::wrong_length;
  char expected_check = 0;  ///< The check character the first 17 characters call for; 0 unless length and alphabet are right.
  std::string normalized;   ///< The input after NFKC, trimming and upper-casing.
};

/// Checks a unified social credit code against GB 32100-2015: 18 characters of "0-9A-HJ-NPQRTUWXY" and its check character.
UsccCheck check_uscc(std::string_view text);

/// Reads one mainland phone number and returns its display form: "13800138000", "0571-88888888", "0571-88888888转123", "400-123-4567" or "12345".
core::Expected<std::string, ValueProblem> parse_phone(std::string_view text);

}  // namespace tuoyu::validate
