#pragma once
#include <string>
#include <string_view>

namespace tuoyu::core {

/// An exact decimal ("1234.5") written with the locale's digit grouping and decimal mark and
/// exactly `decimals` fraction digits (ICU number formatting; CLDR data): "1,234.50" for zh-CN and en.
/// Text that is not a decimal comes back unchanged.
std::string format_decimal(std::string_view decimal_text, int decimals, const std::string& locale);

}  // namespace tuoyu::core
