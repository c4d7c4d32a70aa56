#include "validate/values.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <optional>
#include <system_error>
#include <utility>

#include "core/text.h"

namespace tuoyu::validate {
namespace {

using core::Localized;
using core::substitute;

// ---------------------------------------------------------------------------------------------
// Text helpers

/// The cell as every parser sees it: NFKC-normalised, then trimmed.
std::string prepare(std::string_view text) {
  const std::string normal = core::nfkc(text);
  return std::string(core::trim(normal));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  std::size_t at = 0;
  while ((at = text.find(from, at)) != std::string::npos) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

/// `text` without ASCII white space anywhere (NFKC has already turned U+3000 and U+00A0 into spaces).
std::string without_spaces(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') out += c;
  }
  return out;
}

/// The code points of UTF-8 text; a byte that does not start a well-formed sequence becomes U+FFFD.
std::u32string decode(std::string_view utf8) {
  std::u32string out;
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    bool good = length > 0 && i + length <= utf8.size();
    char32_t c = length == 1 ? lead : length == 2 ? (lead & 0x1Fu) : length == 3 ? (lead & 0x0Fu) : (lead & 0x07u);
    for (std::size_t k = 1; good && k < length; ++k) {
      const auto next = static_cast<unsigned char>(utf8[i + k]);
      good = (next & 0xC0u) == 0x80u;
      c = (c << 6) | (next & 0x3Fu);
    }
    if (good) {
      out.push_back(c);
      i += length;
    } else {
      out.push_back(U'\uFFFD');
      ++i;
    }
  }
  return out;
}

std::string encode(std::u32string_view text) {
  std::string out;
  const auto put = [&out](char32_t byte) { out += static_cast<char>(static_cast<unsigned char>(byte)); };
  for (const char32_t c : text) {
    if (c < 0x80) {
      put(c);
    } else if (c < 0x800) {
      put(0xC0 | (c >> 6));
      put(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      put(0xE0 | (c >> 12));
      put(0x80 | ((c >> 6) & 0x3F));
      put(0x80 | (c & 0x3F));
    } else {
      put(0xF0 | (c >> 18));
      put(0x80 | ((c >> 12) & 0x3F));
      put(0x80 | ((c >> 6) & 0x3F));
      put(0x80 | (c & 0x3F));
    }
  }
  return out;
}

/// Joins items as "a、b 和 c" (Chinese) or "a, b and c" (English).
Localized join_and(const std::vector<std::string>& items) {
  Localized out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      const bool last = i + 1 == items.size();
      out.zh += last ? " 和 " : "、";
      out.en += last ? " and " : ", ";
    }
    out.zh += items[i];
    out.en += items[i];
  }
  return out;
}

/// "two", "three" … for small counts, digits beyond.
std::string count_word_en(std::size_t n) {
  static constexpr std::array<const char*, 9> words{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight"};
  return n < words.size() ? words[n] : std::to_string(n);
}

std::string count_word_zh(std::size_t n) {
  static constexpr std::array<const char*, 9> words{"零", "一", "两", "三", "四", "五", "六", "七", "八"};
  return n < words.size() ? words[n] : std::to_string(n);
}

/// A sign, digits, an optional fraction, 'E' and an exponent: what Excel shows for long numbers ("1.2E+17").
bool is_scientific(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::size_t mantissa = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == mantissa) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t fraction = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == fraction) return false;
  }
  if (i >= s.size() || (s[i] != 'E' && s[i] != 'e')) return false;
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  return all_digits(s.substr(i));
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

int chinese_digit(char32_t c) {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'贰': case U'貳': case U'兩': return 2;
    case U'三': case U'叁': case U'參': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

std::int64_t chinese_unit(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    case U'万': case U'萬': return 10000;
    case U'亿': case U'億': return 100000000;
    default: return 0;
  }
}

bool is_chinese_numeral(char32_t c) { return chinese_digit(c) >= 0 || chinese_unit(c) > 0; }

/// What a Chinese numeral stands for: its value, or why it has none.
struct ChineseNumber {
  enum class Kind { value, malformed, too_large };
  Kind kind = Kind::malformed;
  std::int64_t value = 0;
};

/// The largest value a Chinese numeral is read as (18 digits); larger ones are too large, never wrapped.
constexpr std::int64_t kMaxChineseNumber = 999'999'999'999'999'999;

/// The value of a Chinese numeral such as 三十, 十五, 一百零五, 两百, 一万二 or 二〇二一.
ChineseNumber chinese_to_number(std::u32string_view text) {
  constexpr ChineseNumber malformed{};
  constexpr ChineseNumber too_large{ChineseNumber::Kind::too_large, 0};
  if (text.empty()) return malformed;
  const bool has_units = std::any_of(text.begin(), text.end(), [](char32_t c) { return chinese_unit(c) > 0; });
  if (!has_units) {  // read digit by digit: 二〇二一 → 2021
    std::int64_t value = 0;
    for (const char32_t c : text) {
      const int digit = chinese_digit(c);
      if (value > (kMaxChineseNumber - digit) / 10) return too_large;
      value = value * 10 + digit;
    }
    return {ChineseNumber::Kind::value, value};
  }
  if (text.size() > 64) return malformed;  // far longer than any numeral up to the limit
  constexpr std::int64_t limit = kMaxChineseNumber;
  std::int64_t total = 0;
  std::int64_t section = 0;
  std::int64_t pending = -1;     // a digit waiting for its unit
  std::int64_t last_small = 0;   // the last of 十/百/千 in this section
  std::int64_t last_big = 0;     // the last of 万/亿
  bool zero_seen = false;        // 零 since the last unit: a trailing digit is then a units digit
  for (const char32_t c : text) {
    if (const int digit = chinese_digit(c); digit >= 0) {
      if (pending >= 0) return malformed;  // two digits in a row: 一二十
      if (digit == 0) {
        zero_seen = true;
      } else {
        pending = digit;
      }
      continue;
    }
    const std::int64_t unit = chinese_unit(c);
    if (unit < 10000) {
      if (pending < 0) {
        if (unit != 10) return malformed;  // 百 without a digit
        pending = 1;                          // 十五 = 15
      }
      if (last_small != 0 && unit >= last_small) return malformed;  // 十百
      section += pending * unit;
      pending = -1;
      last_small = unit;
      zero_seen = false;
    } else if (unit == 10000) {
      section += std::max<std::int64_t>(pending, 0);
      if (section == 0) return malformed;
      total += section * unit;
      section = 0;
      pending = -1;
      last_small = 0;
      last_big = unit;
      zero_seen = false;
    } else {
      total = total + section + std::max<std::int64_t>(pending, 0);
      if (total == 0) return malformed;
      if (total > limit / unit) return too_large;
      total *= unit;
      section = 0;
      pending = -1;
      last_small = 0;
      last_big = unit;
      zero_seen = false;
    }
    if (total > limit) return too_large;
  }
  if (pending > 0) {
    if (!zero_seen && last_small >= 10) {
      pending *= last_small / 10;  // 一百二 = 120
    } else if (!zero_seen && last_small == 0 && last_big > 0) {
      pending *= last_big / 10;  // 一万二 = 12000
    }
    section += pending;
  }
  if (total > limit - section) return too_large;
  return {ChineseNumber::Kind::value, total + section};
}

/// Words written before or after a Chinese numeral that still leave its meaning a plain count.
bool is_numeral_affix(std::string_view text, bool prefix) {
  static constexpr std::array<std::string_view, 6> prefixes{"约", "大约", "共", "合计", "计", "约为"};
  static constexpr std::array<std::string_view, 22> suffixes{
      "人", "个", "名", "位", "班", "个班", "元", "块", "岁", "个月", "月", "天",
      "日", "次", "所", "家", "间", "平方米", "平米", "余", "多", "左右"};
  if (text.empty()) return true;
  if (prefix) return std::find(prefixes.begin(), prefixes.end(), text) != prefixes.end();
  return std::find(suffixes.begin(), suffixes.end(), text) != suffixes.end();
}

/// The number a Chinese numeral in `text` stands for, when `text` is that numeral with at most a plain unit around it.
ChineseNumber chinese_numeral_value(std::string_view text) {
  const std::u32string points = decode(text);
  const auto first = std::find_if(points.begin(), points.end(), is_chinese_numeral);
  if (first == points.end()) return {};
  const auto last = std::find_if(points.rbegin(), points.rend(), is_chinese_numeral).base();
  if (!std::all_of(first, last, is_chinese_numeral)) return {};
  const std::string before = encode(std::u32string(points.begin(), first));
  const std::string after = encode(std::u32string(last, points.end()));
  if (!is_numeral_affix(core::trim(before), true) || !is_numeral_affix(core::trim(after), false)) return {};
  return chinese_to_number(std::u32string(first, last));
}

bool has_chinese_numeral(std::string_view text) {
  const std::u32string points = decode(text);
  return std::any_of(points.begin(), points.end(), is_chinese_numeral);
}

// ---------------------------------------------------------------------------------------------
// Numbers

const Localized kHintEmpty{"单元格是空的", "the cell is empty"};
const Localized kHintGrouping{
    "千位分隔符“,”必须每三位一组（如 1,234）；请去掉逗号，小数点请用“.”",
    "thousands separators must separate groups of three digits (1,234); remove the commas, and use '.' as the "
    "decimal point"};
const Localized kHintManyPoints{"数字中有不止一个小数点；请去掉多余的“.”（千位分隔符请用“,”）",
                                "the number has more than one decimal point; remove the extra '.' (group thousands "
                                "with ',')"};
const Localized kHintScientific{
    "Excel 把数值变成了科学计数法（{0}），会丢失数字：请把该列设为“数值”或“文本”格式，再填写完整的数",
    "Excel turned the value into scientific notation ({0}), which loses digits: format the column as Number or "
    "Text and enter the full value again"};
const Localized kHintChineseSuggest{"请用阿拉伯数字填写：是不是 {0}？", "write the number in digits: did you mean {0}?"};
const Localized kHintChinese{"请用阿拉伯数字填写，如 30", "write the number in digits, e.g. 30"};
const Localized kHintChineseTooLarge{"请用阿拉伯数字填写；此数太大，超出了可处理的范围",
                                     "write the number in digits; this one is too large to be stored"};
const Localized kHintPlaceholder{"“{0}”是占位符，不是数值：不知道时请留空，为零时请填 0",
                                 "\"{0}\" is a placeholder, not a number: leave the cell empty when the value is "
                                 "unknown, or enter 0 when it is zero"};
const Localized kHintNoDigits{"单元格里没有数字；请用阿拉伯数字填写，如 30",
                              "the cell holds no digits; enter a number in digits, e.g. 30"};
const Localized kHintMultiplier{"请把数写完整，不要用“{0}”：是不是 {1}？",
                                "write the number out in full, without {0}: did you mean {1}?"};
const Localized kHintRange{"这是一个范围（{0}至{1}）；登记表只能填一个数：请填写一个数值，把范围写在“备注”中",
                           "this is a range ({0} to {1}); a register needs one number: enter one value and put the "
                           "range in 备注 (note)"};
const Localized kHintClasses{
    "单元格同时写了班数和人数（{0} 个班，{1} 人）；只能填一个数：如果这是托位数，请填人数 {1}",
    "the cell gives classes and children ({0} {2}, {1} children); enter one value: for a capacity, enter the "
    "number of children, {1}"};
const Localized kHintSeveral{"单元格里有{0}个数（{1}）；请只填一个数", "the cell holds {0} numbers ({1}); enter one value"};
const Localized kHintUnit{"请删除单位“{0}”，填写 {1}", "remove the unit {0}; enter {1}"};
const Localized kHintText{"请删除数字以外的文字“{0}”，填写 {1}", "remove the text {0} around the number; enter {1}"};
const Localized kHintUnitThen{"请删除单位“{0}”；另外，{1}", "remove the unit {0}; also, {1}"};
const Localized kHintTextThen{"请删除数字以外的文字“{0}”；另外，{1}", "remove the text {0} around the number; also, {1}"};
const Localized kHintSpaces{"请去掉数字中的空格，填写 {0}", "remove the spaces inside the number; enter {0}"};
const Localized kHintFraction{"整数不能有小数部分（{0}）", "a whole number has no decimal part ({0})"};
const Localized kHintTooLarge{"数值太大，超出了可处理的范围", "the number is too large to be stored"};
const Localized kHintTooManyDecimals{"小数位数太多（{0} 位）；请保留 {1} 位，如 {2}",
                                     "the value has {0} decimal places; round it to {1}, e.g. {2}"};
const Localized kHintNotNumber{"无法识别为数字；请只填写阿拉伯数字，如 30", "this is not a number; enter digits only, e.g. 30"};

/// The hint for "4个班（80人）": classes and children in one cell; the children are what a capacity counts.
Localized classes_hint(const std::string& classes, const std::string& children) {
  return substitute(kHintClasses, {classes, children, classes == "1" ? "class" : "classes"});
}

/// What a caller accepts: a whole number, or a decimal with at most `max_decimals` fractional digits (-1 = any).
struct NumberRules {
  bool whole = false;
  int max_decimals = -1;
};

/// A number written plainly: sign, digits with optional correct thousands separators, optional fraction.
struct PlainNumber {
  bool negative = false;
  std::string whole;     ///< Digits before the point, separators removed, leading zeros kept.
  std::string fraction;  ///< Digits after the point.
};

enum class PlainFailure { not_plain, bad_grouping, many_points };

std::optional<PlainNumber> read_plain(std::string_view s, PlainFailure& failure) {
  failure = PlainFailure::not_plain;
  PlainNumber number;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    number.negative = s[i] == '-';
    ++i;
  }
  const std::string_view body = s.substr(i);
  bool has_digit = false;
  int points = 0;
  for (const char c : body) {
    if (is_digit(c)) {
      has_digit = true;
    } else if (c == '.') {
      ++points;
    } else if (c != ',') {
      return std::nullopt;
    }
  }
  if (!has_digit) return std::nullopt;
  if (points > 1) {
    failure = PlainFailure::many_points;
    return std::nullopt;
  }
  const std::size_t point = body.find('.');
  const std::string_view whole = body.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : body.substr(point + 1);
  if (contains(fraction, ",")) {
    failure = PlainFailure::bad_grouping;
    return std::nullopt;
  }
  if (contains(whole, ",")) {
    std::size_t start = 0;
    bool first = true;
    while (true) {
      const std::size_t comma = whole.find(',', start);
      const std::string_view group = whole.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      const bool good = first ? (!group.empty() && group.size() <= 3) : group.size() == 3;
      if (!good) {
        failure = PlainFailure::bad_grouping;
        return std::nullopt;
      }
      number.whole += group;
      first = false;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  } else {
    number.whole = std::string(whole);
  }
  number.fraction = std::string(fraction);
  return number;
}

/// Digits without leading zeros ("0" when nothing is left).
std::string strip_leading_zeros(std::string_view digits) {
  const std::size_t first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? std::string("0") : std::string(digits.substr(first));
}

/// Digits without trailing zeros.
std::string strip_trailing_zeros(std::string_view digits) {
  const std::size_t last = digits.find_last_not_of('0');
  return last == std::string_view::npos ? std::string() : std::string(digits.substr(0, last + 1));
}

/// The canonical spelling of sign, whole digits and fraction digits.
std::string canonical_number(bool negative, std::string_view whole, std::string_view fraction) {
  const std::string w = strip_leading_zeros(whole);
  const std::string f = strip_trailing_zeros(fraction);
  std::string out = (negative && !(w == "0" && f.empty())) ? "-" : "";
  out += w;
  if (!f.empty()) out += "." + f;
  return out;
}

/// The number rounded half away from zero to `places` fractional digits, canonically spelled.
std::string round_number(const PlainNumber& number, std::size_t places) {
  std::string digits = number.whole + number.fraction.substr(0, places);
  std::size_t point = number.whole.size();
  if (number.fraction.size() > places && number.fraction[places] >= '5') {
    std::size_t i = digits.size();
    while (i > 0) {
      --i;
      if (digits[i] == '9') {
        digits[i] = '0';
      } else {
        ++digits[i];
        break;
      }
      if (i == 0) {
        digits.insert(digits.begin(), '1');
        ++point;
      }
    }
    if (digits.empty()) {
      digits = "1";
      point = 1;
    }
  }
  return canonical_number(number.negative, digits.substr(0, point), digits.substr(point));
}

/// `number` × 10^`shift`, canonically spelled (1.2 and 4 → "12000").
std::string shift_point(const PlainNumber& number, std::size_t shift) {
  std::string fraction = number.fraction;
  fraction.resize(std::max(fraction.size(), shift), '0');
  return canonical_number(number.negative, number.whole + fraction.substr(0, shift), fraction.substr(shift));
}

/// A maximal run of digits, possibly with ',' or '.' between digits, in a prepared cell.
struct NumberToken {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};

std::vector<NumberToken> find_number_tokens(std::string_view s) {
  std::vector<NumberToken> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    NumberToken token;
    token.begin = i;
    while (i < s.size()) {
      if (is_digit(s[i])) {
        ++i;
      } else if ((s[i] == ',' || s[i] == '.') && i + 1 < s.size() && is_digit(s[i + 1])) {
        ++i;
      } else {
        break;
      }
    }
    token.end = i;
    token.text = std::string(s.substr(token.begin, token.end - token.begin));
    tokens.push_back(std::move(token));
  }
  return tokens;
}

bool is_range_connector(std::string_view text) {
  static constexpr std::array<std::string_view, 13> connectors{
      "~", "~~", "〜", "-", "--", "—", "——", "–", "―", "‐", "⁓", "至", "到"};
  return std::find(connectors.begin(), connectors.end(), text) != connectors.end();
}

/// True when the text between two numbers makes them a range: "~", "至" …, possibly after a unit ("95人~100人").
bool joins_a_range(std::string_view between) {
  const std::string_view trimmed = core::trim(between);
  if (is_range_connector(trimmed)) return true;
  const std::u32string points = decode(trimmed);
  for (std::size_t n = 1; n <= 2 && n < points.size(); ++n) {
    if (is_range_connector(encode(points.substr(points.size() - n)))) return true;
  }
  return false;
}

bool is_placeholder(std::string_view text) {
  static constexpr std::array<std::string_view, 21> placeholders{
      "无", "暂无", "没有", "不详", "未知", "待定", "空", "/", "-", "--", "—", "——",
      "n/a", "na", "null", "none", "nil", "…", "...", "略", "不适用"};
  const std::string lower = core::ascii_lower(text);
  return std::find(placeholders.begin(), placeholders.end(), lower) != placeholders.end();
}

/// The outcome of reading a prepared cell as a number under some rules.
struct Reading {
  bool ok = false;
  std::int64_t integer = 0;
  double value = 0;
  std::string display;  ///< The value as the clerk should enter it: "30", "2800.5".
  Localized hint;       ///< Why the cell is not a number, when !ok.
};

Reading failed(Localized hint) {
  Reading reading;
  reading.hint = std::move(hint);
  return reading;
}

Reading read_number(std::string_view s, const NumberRules& rules);

/// Explains why `s`, which is not a plain number, cannot be read, and what the clerk should enter instead.
Localized diagnose_number(std::string_view s, PlainFailure failure, const NumberRules& rules) {
  if (s.empty()) return kHintEmpty;
  if (failure == PlainFailure::bad_grouping) return kHintGrouping;
  if (failure == PlainFailure::many_points) return kHintManyPoints;
  if (is_scientific(s)) return substitute(kHintScientific, {s});

  const std::vector<NumberToken> tokens = find_number_tokens(s);
  if (tokens.empty()) {
    if (has_chinese_numeral(s)) {
      const ChineseNumber number = chinese_numeral_value(s);
      if (number.kind == ChineseNumber::Kind::value) return substitute(kHintChineseSuggest, {std::to_string(number.value)});
      if (number.kind == ChineseNumber::Kind::too_large) return kHintChineseTooLarge;
      return kHintChinese;
    }
    if (is_placeholder(s)) return substitute(kHintPlaceholder, {s});
    return kHintNoDigits;
  }

  if (tokens.size() == 2) {
    const std::string_view between = s.substr(tokens[0].end, tokens[1].begin - tokens[0].end);
    const std::string_view after = s.substr(tokens[1].end);
    if (joins_a_range(between)) return substitute(kHintRange, {tokens[0].text, tokens[1].text});
    const auto counts_children = [](std::string_view text) {
      return contains(text, "人") || contains(text, "名") || contains(text, "孩") || contains(text, "幼儿");
    };
    if (contains(between, "班") && counts_children(after)) {
      return classes_hint(tokens[0].text, tokens[1].text);
    }
    if (counts_children(between) && contains(after, "班")) {
      return classes_hint(tokens[1].text, tokens[0].text);
    }
  }
  if (tokens.size() >= 2) {
    std::vector<std::string> texts;
    for (const auto& token : tokens) texts.push_back(token.text);
    const Localized listed = join_and(texts);
    Localized hint = kHintSeveral;
    hint.zh = substitute(hint.zh, {count_word_zh(tokens.size()), listed.zh});
    hint.en = substitute(hint.en, {count_word_en(tokens.size()), listed.en});
    return hint;
  }

  // One number with something around it.
  const NumberToken& token = tokens.front();
  std::string_view prefix = core::trim(s.substr(0, token.begin));
  const std::string_view suffix = core::trim(s.substr(token.end));
  std::string sign;
  if (!prefix.empty() && (prefix.back() == '-' || prefix.back() == '+')) {
    sign = std::string(1, prefix.back());
    prefix = core::trim(prefix.substr(0, prefix.size() - 1));
  }
  const Reading inner = read_number(sign + token.text, rules);

  for (const auto& [word, shift] : {std::pair<std::string_view, std::size_t>{"万", 4}, {"亿", 8}}) {
    if (prefix.empty() && suffix.starts_with(word)) {
      PlainFailure ignored;
      if (const auto plain = read_plain(sign + token.text, ignored)) {
        return substitute(kHintMultiplier, {word, shift_point(*plain, shift)});
      }
    }
  }
  if (prefix.empty() && suffix.empty()) {
    return inner.ok ? substitute(kHintSpaces, {inner.display}) : inner.hint;
  }
  std::string extra;
  Localized extra_text;
  if (prefix.empty()) {
    extra = std::string(suffix);
  } else if (suffix.empty()) {
    extra = std::string(prefix);
  }
  if (!extra.empty()) {
    extra_text = {extra, extra};
  } else {
    extra_text = {std::string(prefix) + "”“" + std::string(suffix), std::string(prefix) + " and " + std::string(suffix)};
  }
  const bool unit = prefix.empty();
  if (inner.ok) {
    Localized hint = unit ? kHintUnit : kHintText;
    hint.zh = substitute(hint.zh, {extra_text.zh, inner.display});
    hint.en = substitute(hint.en, {extra_text.en, inner.display});
    return hint;
  }
  Localized hint = unit ? kHintUnitThen : kHintTextThen;
  hint.zh = substitute(hint.zh, {extra_text.zh, inner.hint.zh});
  hint.en = substitute(hint.en, {extra_text.en, inner.hint.en});
  return hint;
}

Reading read_number(std::string_view s, const NumberRules& rules) {
  PlainFailure failure = PlainFailure::not_plain;
  const auto plain = read_plain(s, failure);
  if (!plain) return failed(diagnose_number(s, failure, rules));

  const std::string fraction = strip_trailing_zeros(plain->fraction);
  Reading reading;
  if (rules.whole) {
    if (!fraction.empty()) return failed(substitute(kHintFraction, {s}));
    const std::string digits = (plain->negative ? "-" : "") + strip_leading_zeros(plain->whole);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc{} || end != digits.data() + digits.size()) return failed(kHintTooLarge);
    reading.integer = value;
    reading.value = static_cast<double>(value);
    reading.display = std::to_string(value);
    reading.ok = true;
    return reading;
  }
  if (rules.max_decimals >= 0 && fraction.size() > static_cast<std::size_t>(rules.max_decimals)) {
    const auto places = static_cast<std::size_t>(rules.max_decimals);
    return failed(substitute(kHintTooManyDecimals,
                             {std::to_string(fraction.size()), std::to_string(places), round_number(*plain, places)}));
  }
  reading.display = canonical_number(plain->negative, plain->whole, plain->fraction);
  double value = 0;
  const auto [end, error] = std::from_chars(reading.display.data(), reading.display.data() + reading.display.size(), value);
  if (error != std::errc{} || end != reading.display.data() + reading.display.size()) return failed(kHintTooLarge);
  reading.value = value;
  reading.ok = true;
  return reading;
}

/// The cell prepared for number parsing: NFKC, trimmed, U+2212 MINUS SIGN read as '-'.
std::string prepare_number(std::string_view text) { return replace_all(prepare(text), "−", "-"); }

Localized decimal_expected(int max_decimals) {
  if (max_decimals < 0) return {"数字", "a number"};
  if (max_decimals == 0) return {"不带小数的金额", "an amount without decimal places"};
  const std::string n = std::to_string(max_decimals);
  return {"最多 " + n + " 位小数的金额",
          "an amount with at most " + n + (max_decimals == 1 ? " decimal place" : " decimal places")};
}

// ---------------------------------------------------------------------------------------------
// Dates

const Localized kDateExpected{"日期", "a date"};
const Localized kHintDateGeneric{"请写成 2021-03-05 或 2021年3月5日", "write the date as 2021-03-05 or 2021年3月5日"};
const Localized kHintDateYearRange{"年份应在 1900 到 2100 之间", "the year must be between 1900 and 2100"};
const Localized kHintDateMonth{"没有{0}月；月份应为 1 到 12", "there is no month {0}; the month must be 1 to 12"};
const Localized kHintDateDay{"{0}年{1}月没有{2}日", "{0}-{1} has no day {2}"};
const Localized kHintDateMonthOnly{"缺少日：请填写完整日期，如 {0}年{1}月1日",
                                   "the day is missing: enter a full date such as {0}-{2}-01"};
const Localized kHintDateYearOnly{"缺少月和日：请填写完整日期，如 {0}年1月1日",
                                  "the month and day are missing: enter a full date such as {0}-01-01"};
const Localized kHintDateDayMark{"日期末尾缺少“日”：请写成 {0}年{1}月{2}日",
                                 "the date must end with 日: write {0}年{1}月{2}日 or {0}-{3}-{4}"};
const Localized kHintDateSerial{"Excel 把日期存成了数字（{0} 即 {1}）：请把该列设为日期格式后重新导出",
                                "Excel stored the date as a number ({0} is {1}): format the column as a date and "
                                "export again"};
const Localized kHintDateSerialPlain{"Excel 把日期存成了数字（{0}）：请把该列设为日期格式后重新导出",
                                     "Excel stored the date as a number ({0}): format the column as a date and export "
                                     "again"};
const Localized kHintDateCompact{"请在年、月、日之间加分隔符：是不是 {0}？",
                                 "separate year, month and day: did you mean {0}?"};
const Localized kHintDateChinese{"请用阿拉伯数字写日期，如 2021年3月5日", "write the date in digits, e.g. 2021年3月5日"};
const Localized kHintDateTwo{"单元格里有两个日期（一个时间段）；请只填一个日期",
                             "the cell holds two dates (a period); enter one date"};
const Localized kHintDateYearFirst{"请把年份写在前面，如 2021-03-05", "write the year first, e.g. 2021-03-05"};
const Localized kHintDateTime{"无法识别日期后面的时间“{0}”；请只填写日期，如 2021-03-05",
                              "the time \"{0}\" after the date cannot be read; enter the date alone, e.g. 2021-03-05"};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<std::int64_t>(y - era * 400);
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/// The date `days` after 1970-01-01 (H. Hinnant's civil_from_days).
Date civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

/// The date an Excel serial day number (1900 date system) stands for, when it is in 1900–2100.
std::optional<Date> from_excel_serial(std::int64_t serial) {
  if (serial < 1 || serial == 60 || serial > 80000) return std::nullopt;  // 60 is Excel's fictitious 1900-02-29
  const std::int64_t base = days_from_civil(1899, 12, serial < 60 ? 31 : 30);
  const Date date = civil_from_days(base + serial);
  if (date.year < 1900 || date.year > 2100) return std::nullopt;
  return date;
}

/// The shapes a date cell takes, from complete to barely a date.
enum class DateShape { none, full, month_only, year_only, missing_day_mark };

struct DateReading {
  DateShape shape = DateShape::none;
  int year = 0;
  int month = 0;
  int day = 0;
};

/// A cursor over a compact (space-free) date text.
struct Cursor {
  std::string_view text;
  std::size_t at = 0;

  [[nodiscard]] bool done() const { return at == text.size(); }
  std::string_view digits() {
    const std::size_t start = at;
    while (at < text.size() && is_digit(text[at])) ++at;
    return text.substr(start, at - start);
  }
  bool take(std::string_view literal) {
    if (text.substr(at).starts_with(literal)) {
      at += literal.size();
      return true;
    }
    return false;
  }
};

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

/// Reads year, month and day from `compact` as far as they are written.
DateReading read_date_shape(std::string_view compact) {
  DateReading r;
  Cursor c{compact};
  const std::string_view year = c.digits();
  if (year.size() != 4) return r;
  r.year = to_int(year);
  if (c.done()) {
    r.shape = DateShape::year_only;
    return r;
  }
  if (c.take("年")) {
    if (c.done()) {
      r.shape = DateShape::year_only;
      return r;
    }
    const std::string_view month = c.digits();
    if (month.empty() || month.size() > 2 || !c.take("月")) return r;
    r.month = to_int(month);
    if (c.done() || (c.take("份") && c.done())) {
      r.shape = DateShape::month_only;
      return r;
    }
    const std::string_view day = c.digits();
    if (day.empty() || day.size() > 2) return r;
    r.day = to_int(day);
    if (c.done() || (c.take("号") && c.done())) {
      r.shape = DateShape::missing_day_mark;
    } else if (c.take("日") && c.done()) {
      r.shape = DateShape::full;
    }
    return r;
  }
  for (const std::string_view separator : {"-", "/", "."}) {
    if (!c.take(separator)) continue;
    const std::string_view month = c.digits();
    if (month.empty() || month.size() > 2) return r;
    r.month = to_int(month);
    if (c.done()) {
      r.shape = DateShape::month_only;
      return r;
    }
    if (!c.take(separator)) return r;
    const std::string_view day = c.digits();
    if (day.empty() || day.size() > 2 || !c.done()) return r;
    r.day = to_int(day);
    r.shape = DateShape::full;
    return r;
  }
  return r;
}

std::string two_digits(int n) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d", n);
  return buffer;
}

/// The date, or why year, month and day do not make one.
core::Expected<Date, Localized> make_date(int year, int month, int day) {
  if (year < 1900 || year > 2100) return core::unexpected(kHintDateYearRange);
  if (month < 1 || month > 12) return core::unexpected(substitute(kHintDateMonth, {std::to_string(month)}));
  if (day < 1 || day > days_in_month(year, month)) {
    Localized hint;
    hint.zh = substitute(kHintDateDay.zh, {std::to_string(year), std::to_string(month), std::to_string(day)});
    hint.en = substitute(kHintDateDay.en, {std::to_string(year), two_digits(month), std::to_string(day)});
    return core::unexpected(std::move(hint));
  }
  return Date{year, month, day};
}

/// True for "8:00", "08:00:00" or "08:00:00.000".
bool is_time_of_day(std::string_view text) {
  Cursor c{text};
  const std::string_view hours = c.digits();
  if (hours.empty() || hours.size() > 2 || to_int(hours) > 23 || !c.take(":")) return false;
  const std::string_view minutes = c.digits();
  if (minutes.size() != 2 || to_int(minutes) > 59) return false;
  if (c.done()) return true;
  if (!c.take(":")) return false;
  const std::string_view seconds = c.digits();
  if (seconds.size() != 2 || to_int(seconds) > 59) return false;
  if (c.done()) return true;
  return c.take(".") && !c.digits().empty() && c.done();
}

core::Expected<Date, Localized> read_date(std::string_view text);

/// Explains why `compact` (a date cell without its spaces) is not a date.
Localized diagnose_date(std::string_view compact) {
  if (compact.empty()) return kHintEmpty;
  const DateReading r = read_date_shape(compact);
  if (r.shape == DateShape::month_only) {
    if (r.month < 1 || r.month > 12) return substitute(kHintDateMonth, {std::to_string(r.month)});
    return substitute(kHintDateMonthOnly, {std::to_string(r.year), std::to_string(r.month), two_digits(r.month)});
  }
  if (r.shape == DateShape::missing_day_mark) {
    return substitute(kHintDateDayMark, {std::to_string(r.year), std::to_string(r.month), std::to_string(r.day),
                                         two_digits(r.month), two_digits(r.day)});
  }
  if (r.shape == DateShape::year_only && r.year >= 1900 && r.year <= 2100) {
    return substitute(kHintDateYearOnly, {std::to_string(r.year)});
  }
  // Excel serial day numbers: 43525, 43525.5
  {
    const std::size_t point = compact.find('.');
    const std::string_view whole = compact.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : compact.substr(point + 1);
    if (all_digits(whole) && whole.size() <= 6 && (point == std::string_view::npos || all_digits(fraction))) {
      if (const auto date = from_excel_serial(to_int(whole))) {
        return substitute(kHintDateSerial, {compact, date->iso()});
      }
      return substitute(kHintDateSerialPlain, {compact});
    }
  }
  if (compact.size() == 8 && all_digits(compact)) {
    if (const auto date = make_date(to_int(compact.substr(0, 4)), to_int(compact.substr(4, 2)), to_int(compact.substr(6, 2)))) {
      return substitute(kHintDateCompact, {date->iso()});
    }
  }
  if (has_chinese_numeral(compact)) return kHintDateChinese;
  for (const std::string_view connector : {"至", "到", "~", "〜", "——", "—", "–", "--"}) {
    const std::size_t at = compact.find(connector);
    if (at == std::string_view::npos) continue;
    if (read_date(compact.substr(0, at)) && read_date(compact.substr(at + connector.size()))) return kHintDateTwo;
  }
  // Day first: 05/03/2021, 5.3.2021
  {
    Cursor c{compact};
    const std::string_view first = c.digits();
    bool separated = false;
    for (const std::string_view separator : {"-", "/", "."}) {
      if (first.empty() || first.size() > 2 || !c.take(separator)) continue;
      const std::string_view second = c.digits();
      separated = !second.empty() && second.size() <= 2 && c.take(separator) && c.digits().size() == 4 && c.done();
      break;
    }
    if (separated) return kHintDateYearFirst;
  }
  return kHintDateGeneric;
}

/// Reads a date from a prepared cell; the error is the hint.
core::Expected<Date, Localized> read_date(std::string_view text) {
  std::string_view s = core::trim(text);
  if (const std::size_t colon = s.find(':'); colon != std::string_view::npos) {
    const std::size_t split = s.substr(0, colon).find_last_of(" \t\nT");
    if (split != std::string_view::npos) {
      const std::string_view time = core::trim(s.substr(split + 1));
      if (!is_time_of_day(time)) return core::unexpected(substitute(kHintDateTime, {time}));
      s = core::trim(s.substr(0, split));
    }
  }
  const std::string compact = without_spaces(s);
  const DateReading r = read_date_shape(compact);
  if (r.shape == DateShape::full) return make_date(r.year, r.month, r.day);
  return core::unexpected(diagnose_date(compact));
}

// ---------------------------------------------------------------------------------------------
// Phones

const Localized kPhoneExpected{"中国大陆的固定电话、手机或 400/800 号码", "a mainland landline, mobile or 400/800 number"};
const Localized kHintPhoneSeveral{"单元格里有{0}个电话号码（{1}）；每个单元格只填一个号码",
                                  "the cell holds {0} phone numbers ({1}); one number per cell"};
const Localized kHintPhoneAreaCode{"缺少区号：请写成“区号-号码”，如 0571-{0}",
                                   "the area code is missing: write the area code, a hyphen and the number, e.g. "
                                   "0571-{0}"};
const Localized kHintPhoneMobileLength{"手机号应为 11 位，这里有 {0} 位",
                                       "a mobile number has 11 digits; this one has {0}"};
const Localized kHintPhoneMobilePrefix{"手机号以 13 至 19 开头；请核对号码", "a mobile number starts with 13 to 19; check the number"};
const Localized kHintPhoneLandline{"固定电话应为区号加 7 至 8 位号码，如 0571-88888888",
                                   "a landline is an area code and a 7- or 8-digit number, e.g. 0571-88888888"};
const Localized kHintPhoneScientific{
    "Excel 把号码变成了科学计数法（{0}），已丢失数字：请把该列设为“文本”格式后重新填写号码",
    "Excel turned the number into scientific notation ({0}), which loses digits: format the column as Text and "
    "enter the number again"};
const Localized kHintPhoneText{"请删除号码以外的文字“{0}”，填写 {1}", "remove the text \"{0}\"; enter {1}"};
const Localized kHintPhoneGeneric{"请填写一个号码，如 0571-88888888、13800138000 或 400-123-4567",
                                  "enter one number such as 0571-88888888, 13800138000 or 400-123-4567"};

/// The cell prepared for phone parsing: NFKC, trimmed, every dash read as '-'.
std::string prepare_phone(std::string_view text) {
  std::string s = prepare(text);
  for (const std::string_view dash : {"—", "–", "―", "‐", "−"}) s = replace_all(std::move(s), dash, "-");
  return s;
}

/// "0571-88888888" when `digits` is an area code followed by a subscriber number of the right length.
std::optional<std::string> landline(std::string_view digits) {
  if (digits.size() < 3 || digits[0] != '0' || digits[1] == '0') return std::nullopt;
  const bool short_area = digits.starts_with("010") || digits.starts_with("02");
  const std::size_t area = short_area ? 3 : 4;
  if (digits.size() <= area) return std::nullopt;
  const std::size_t number = digits.size() - area;
  if (short_area ? number != 8 : (number < 7 || number > 8)) return std::nullopt;
  return std::string(digits.substr(0, area)) + "-" + std::string(digits.substr(area));
}

/// The display form of one phone number in a prepared cell, or nothing.
std::optional<std::string> read_phone(std::string_view s) {
  std::string_view main = core::trim(s);
  std::string extension;
  for (const std::string_view marker : {"转", "分机", "ext.", "ext", "EXT.", "EXT", "Ext.", "Ext"}) {
    const std::size_t at = main.find(marker);
    if (at == std::string_view::npos) continue;
    const std::string_view rest = core::trim(main.substr(at + marker.size()));
    if (!all_digits(rest) || rest.size() > 6) return std::nullopt;
    extension = std::string(rest);
    main = core::trim(main.substr(0, at));
    break;
  }
  bool international = false;
  for (const std::string_view prefix : {"(+86)", "+86", "0086"}) {
    if (main.starts_with(prefix)) {
      main.remove_prefix(prefix.size());
      international = true;
      break;
    }
  }
  std::vector<std::string> groups;
  std::string current;
  const auto close_group = [&] {
    if (!current.empty()) groups.push_back(std::move(current));
    current.clear();
  };
  bool parenthesis_open = false;
  bool parenthesis_seen = false;
  for (std::size_t i = 0; i < main.size(); ++i) {
    const char c = main[i];
    if (is_digit(c)) {
      current += c;
    } else if (c == ' ' || c == '-') {
      close_group();
    } else if (c == '(' && !parenthesis_seen && groups.empty() && current.empty()) {
      parenthesis_open = parenthesis_seen = true;
    } else if (c == ')' && parenthesis_open && !current.empty()) {
      parenthesis_open = false;
      close_group();
    } else {
      return std::nullopt;
    }
  }
  if (parenthesis_open) return std::nullopt;
  close_group();
  std::string digits;
  for (const auto& group : groups) digits += group;
  if (digits.empty()) return std::nullopt;
  if (!international && digits.size() == 13 && digits.starts_with("861")) {
    digits.erase(0, 2);
    groups = {digits};
  }
  const bool mobile_shape = digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
  const bool toll_free_shape = digits.size() == 10 && (digits.starts_with("400") || digits.starts_with("800"));
  if (international && digits[0] != '0' && !mobile_shape && !toll_free_shape) {  // +86 10 … drops the trunk 0
    digits.insert(digits.begin(), '0');
    groups.front().insert(groups.front().begin(), '0');
  }
  const std::string extension_text = extension.empty() ? "" : "转" + extension;

  if (mobile_shape) {
    if (!extension.empty()) return std::nullopt;
    return digits;
  }
  if (toll_free_shape) {
    return digits.substr(0, 3) + "-" + digits.substr(3, 3) + "-" + digits.substr(6) + extension_text;
  }
  if (!international && digits.size() == 5 && digits.starts_with("12") && extension.empty()) return digits;
  if (digits[0] != '0') return std::nullopt;
  if (extension.empty() && groups.size() == 3 && landline(groups[0] + groups[1]) &&
      landline(groups[0] + groups[1])->starts_with(groups[0] + "-") && groups[2].size() <= 6) {
    return *landline(groups[0] + groups[1]) + "转" + groups[2];  // 0571-8888888-8: the last group is an extension
  }
  if (const auto number = landline(digits)) return *number + extension_text;
  if (extension.empty() && groups.size() >= 2 && groups.back().size() <= 6) {
    const std::string without = digits.substr(0, digits.size() - groups.back().size());
    if (const auto number = landline(without)) return *number + "转" + groups.back();
  }
  return std::nullopt;
}

/// Explains why a prepared phone cell that holds no single number cannot be read.
Localized diagnose_phone(std::string_view s) {
  if (s.empty()) return kHintEmpty;
  if (is_scientific(s)) return substitute(kHintPhoneScientific, {s});

  // Two numbers: split at separators, or at spaces when every piece is a number of its own.
  const auto count_digits = [](std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), is_digit));
  };
  const auto report_several = [](const std::vector<std::string>& parts) {
    const Localized listed = join_and(parts);
    Localized hint = kHintPhoneSeveral;
    hint.zh = substitute(hint.zh, {count_word_zh(parts.size()), listed.zh});
    hint.en = substitute(hint.en, {count_word_en(parts.size()), listed.en});
    return hint;
  };
  {
    std::string unified(s);
    for (const std::string_view separator : {"、", ",", ";", "/", "|", "\n", "或", "和", "及"}) {
      unified = replace_all(std::move(unified), separator, "\x1f");
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= unified.size()) {
      const std::size_t end = std::min(unified.find('\x1f', start), unified.size());
      const std::string_view part = core::trim(std::string_view(unified).substr(start, end - start));
      if (count_digits(part) >= 5) parts.emplace_back(part);
      start = end + 1;
    }
    if (parts.size() >= 2) return report_several(parts);
  }
  {
    std::vector<std::string> parts;
    bool all_numbers = true;
    std::size_t start = 0;
    const std::string compact_spaces = replace_all(std::string(s), "\t", " ");
    while (start <= compact_spaces.size()) {
      const std::size_t end = std::min(compact_spaces.find(' ', start), compact_spaces.size());
      const std::string_view part = std::string_view(compact_spaces).substr(start, end - start);
      if (!part.empty()) {
        parts.emplace_back(part);
        all_numbers = all_numbers && read_phone(part).has_value();
      }
      start = end + 1;
    }
    if (parts.size() >= 2 && all_numbers) return report_several(parts);
  }

  // Text around a number: 电话：0571-88888888, 13800138000（张老师）
  {
    std::string kept;
    std::string removed;
    const std::u32string points = decode(s);
    for (const char32_t c : points) {
      const bool phone_char = (c >= U'0' && c <= U'9') || c == U' ' || c == U'-' || c == U'(' || c == U')' ||
                              c == U'+' || c == U'转';
      (phone_char ? kept : removed) += encode(std::u32string(1, c));
    }
    if (!removed.empty()) {
      kept = replace_all(std::move(kept), "()", "");
      std::string_view kept_view = core::trim(kept);
      while (!kept_view.empty() && (kept_view.back() == '(' || kept_view.back() == '-')) kept_view.remove_suffix(1);
      if (const auto number = read_phone(kept_view)) return substitute(kHintPhoneText, {core::trim(removed), *number});
    }
  }

  const std::string digits = [&] {
    std::string out;
    for (const char c : s) {
      if (is_digit(c)) out += c;
    }
    return out;
  }();
  const bool only_number_chars = std::all_of(s.begin(), s.end(), [](char c) {
    return is_digit(c) || c == ' ' || c == '-' || c == '(' || c == ')' || c == '+';
  });
  if (only_number_chars) {
    if ((digits.size() == 7 || digits.size() == 8) && digits[0] >= '2') {
      return substitute(kHintPhoneAreaCode, {digits});
    }
    if (digits.size() == 11 && digits[0] == '1') return kHintPhoneMobilePrefix;
    if (digits.size() >= 9 && digits.size() <= 13 && digits[0] == '1' && !s.starts_with("+")) {
      return substitute(kHintPhoneMobileLength, {std::to_string(digits.size())});
    }
    if (!digits.empty() && digits[0] == '0') return kHintPhoneLandline;
  }
  return kHintPhoneGeneric;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string Date::iso() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

core::Expected<std::int64_t, ValueProblem> parse_integer(std::string_view text) {
  const Reading reading = read_number(prepare_number(text), NumberRules{true, 0});
  if (!reading.ok) return core::unexpected(ValueProblem{{"整数", "a whole number"}, reading.hint});
  return reading.integer;
}

core::Expected<Decimal, ValueProblem> parse_decimal(std::string_view text, int max_decimals) {
  const Reading reading = read_number(prepare_number(text), NumberRules{false, max_decimals});
  if (!reading.ok) return core::unexpected(ValueProblem{decimal_expected(max_decimals), reading.hint});
  return Decimal{reading.value, reading.display};
}

core::Expected<Date, ValueProblem> parse_date(std::string_view text) {
  auto date = read_date(prepare(text));
  if (!date) return core::unexpected(ValueProblem{kDateExpected, std::move(date.error())});
  return date.value();
}

core::Expected<bool, ValueProblem> parse_boolean(std::string_view text, std::span<const std::string> true_values,
                                                 std::span<const std::string> false_values) {
  const std::string value = core::ascii_lower(prepare(text));
  const auto matches = [&](std::span<const std::string> values) {
    return std::any_of(values.begin(), values.end(),
                       [&](const std::string& candidate) { return core::ascii_lower(prepare(candidate)) == value; });
  };
  if (matches(true_values)) return true;
  if (matches(false_values)) return false;

  // The accepted values, each spelling once regardless of case: 是、true、1、y、yes.
  const auto distinct = [](std::span<const std::string> values) {
    std::vector<std::string> out;
    std::vector<std::string> seen;
    for (const auto& candidate : values) {
      const std::string key = core::ascii_lower(prepare(candidate));
      if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      out.push_back(prepare(candidate));
    }
    return out;
  };
  const auto join = [](const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i > 0 ? std::string(separator) : "") + items[i];
    return out;
  };
  const std::vector<std::string> yes = distinct(true_values);
  const std::vector<std::string> no = distinct(false_values);
  ValueProblem problem;
  if (!yes.empty() && !no.empty()) {
    problem.expected = substitute(Localized{"是否值（如 {0}/{1}）", "a yes/no value such as {0}/{1}"}, {yes[0], no[0]});
  } else {
    problem.expected = {"是否值", "a yes/no value"};
  }
  problem.hint = {"可填写：" + join(yes, "、") + "（表示是）；" + join(no, "、") + "（表示否）",
                  "accepted values: " + join(yes, ", ") + " for yes; " + join(no, ", ") + " for no"};
  return core::unexpected(std::move(problem));
}

std::vector<std::string> split_list(std::string_view text, std::span<const std::string> delimiters) {
  const std::string s = core::nfkc(text);
  std::vector<std::string> normal;
  for (const auto& delimiter : delimiters) {
    std::string n = core::nfkc(delimiter);
    if (!n.empty()) normal.push_back(std::move(n));
  }
  std::vector<std::string> items;
  const auto keep = [&](std::string_view item) {
    const std::string_view trimmed = core::trim(item);
    if (!trimmed.empty()) items.emplace_back(trimmed);
  };
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t longest = 0;
    for (const auto& delimiter : normal) {
      if (delimiter.size() > longest && s.compare(i, delimiter.size(), delimiter) == 0) longest = delimiter.size();
    }
    if (longest == 0) {
      ++i;
      continue;
    }
    keep(std::string_view(s).substr(start, i - start));
    i += longest;
    start = i;
  }
  keep(std::string_view(s).substr(start));
  return items;
}

UsccCheck check_uscc(std::string_view text) {
  static constexpr std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr std::array<int, 17> weights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  UsccCheck check;
  check.normalized = ascii_upper(prepare(text));
  if (core::count_code_points(check.normalized) != 18) {
    check.verdict = UsccVerdict::wrong_length;
    return check;
  }
  int sum = 0;
  for (std::size_t i = 0; i < check.normalized.size(); ++i) {
    const std::size_t value = alphabet.find(check.normalized[i]);
    if (value == std::string_view::npos) {
      check.verdict = UsccVerdict::wrong_alphabet;
      return check;
    }
    if (i < weights.size()) sum += static_cast<int>(value) * weights[i];
  }
  check.expected_check = alphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
  check.verdict = check.normalized[17] == check.expected_check ? UsccVerdict::valid : UsccVerdict::wrong_check_character;
  return check;
}

core::Expected<std::string, ValueProblem> parse_phone(std::string_view text) {
  const std::string s = prepare_phone(text);
  if (auto number = read_phone(s)) return std::move(*number);
  return core::unexpected(ValueProblem{kPhoneExpected, diagnose_phone(s)});
}

}  // namespace tuoyu::validate
