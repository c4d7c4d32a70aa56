#include "core/number_format.h"

#include <unicode/numberformatter.h>

namespace tuoyu::core {

std::string format_decimal(std::string_view decimal_text, int decimals, const std::string& locale) {
  using icu::number::NumberFormatter;
  using icu::number::Precision;
  UErrorCode status = U_ZERO_ERROR;
  const auto formatted = NumberFormatter::withLocale(icu::Locale(locale.c_str()))
                             .precision(Precision::fixedFraction(decimals))
                             .roundingMode(UNUM_ROUND_HALFUP)
                             .formatDecimal(icu::StringPiece(decimal_text.data(), static_cast<int32_t>(decimal_text.size())), status);
  if (U_FAILURE(status)) return std::string(decimal_text);
  std::string out;
  formatted.toString(status).toUTF8String(out);
  if (U_FAILURE(status)) return std::string(decimal_text);
  return out;
}

}  // namespace tuoyu::core
