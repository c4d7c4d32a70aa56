#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#pragma GCC diagnostic ignored "-Wconversion"  // ICU's U8_NEXT/U8_PREV macros narrow ints.

namespace tuoyu::core {
namespace {

/// Decodes valid UTF-8 into code points (invalid bytes become U+FFFD).
std::vector<UChar32> code_points(std::string_view utf8) {
  std::vector<UChar32> out;
  out.reserve(utf8.size());
  int32_t i = 0;
  const auto length = static_cast<int32_t>(utf8.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, length, c);
    out.push_back(c < 0 ? 0xFFFD : c);
  }
  return out;
}

bool is_space(UChar32 c) { return u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B; }

icu::UnicodeString to_unicode(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

/// The ICU regular expression errors a schema author is likely to make, in words.
std::string describe_regex_error(UErrorCode status) {
  switch (status) {
    case U_REGEX_MISSING_CLOSE_BRACKET: return "missing ]";
    case U_REGEX_MISMATCHED_PAREN: return "unbalanced parentheses";
    case U_REGEX_RULE_SYNTAX: return "syntax error";
    case U_REGEX_BAD_INTERVAL: return "malformed {m,n}";
    case U_REGEX_MAX_LT_MIN: return "in {m,n}, n is less than m";
    case U_REGEX_NUMBER_TOO_BIG: return "a repeat count is too large";
    case U_REGEX_BAD_ESCAPE_SEQUENCE: return "unknown escape sequence";
    case U_REGEX_PROPERTY_SYNTAX: return "malformed \\p{...}";
    case U_REGEX_INVALID_RANGE: return "a range runs backwards, as in [z-a]";
    case U_REGEX_INVALID_FLAG: return "unknown flag";
    case U_REGEX_LOOK_BEHIND_LIMIT: return "look-behind without a bounded length";
    default: return "invalid";
  }
}

/// Bounds on one match: heap used for backtracking, and work (ICU counts it in steps of a few million operations).
constexpr int32_t kRegexStackLimitKB = 8 * 1024;
constexpr int32_t kRegexTimeLimit = 200;

}  // namespace

std::string nfkc(std::string_view utf8) {
  bool ascii = true;
  for (const char ch : utf8) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii || !is_valid_utf8(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  const auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const icu::UnicodeString normal = normalizer->normalize(source, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  normal.toUTF8String(out);
  return out;
}

bool is_valid_utf8(std::string_view bytes) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(bytes.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes.data(), i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::size_t count_code_points(std::string_view utf8) {
  std::size_t count = 0;
  for (const char ch : utf8) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string_view trim(std::string_view text) {
  int32_t begin = 0;
  const auto length = static_cast<int32_t>(text.size());
  while (begin < length) {
    int32_t next = begin;
    UChar32 c;
    U8_NEXT(text.data(), next, length, c);
    if (c < 0 || !is_space(c)) break;
    begin = next;
  }
  int32_t end = length;
  while (end > begin) {
    int32_t previous = end;
    UChar32 c;
    U8_PREV(text.data(), 0, previous, c);
    if (c < 0 || !is_space(c)) break;
    end = previous;
  }
  return text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus adjacent transpositions ("titel" → "title" is 1).
  const auto x = code_points(a);
  const auto y = code_points(b);
  const std::size_t width = y.size() + 1;
  std::vector<std::size_t> d((x.size() + 1) * width);
  for (std::size_t i = 0; i <= x.size(); ++i) d[i * width] = i;
  for (std::size_t j = 0; j <= y.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      std::size_t best = std::min({d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) best = std::min(best, d[(i - 2) * width + j - 2] + 1);
      d[i * width + j] = best;
    }
  }
  return d[x.size() * width + y.size()];
}

std::optional<std::string> did_you_mean(std::string_view value, std::span<const std::string> candidates) {
  // Cells can be megabytes long and candidate lists thousands long; the distance costs
  // length × length, so long values get no suggestion and far-off lengths are skipped unmeasured.
  if (value.size() > 4 * kMaxSuggestionCodePoints) return std::nullopt;
  const std::size_t length = count_code_points(value);
  if (length > kMaxSuggestionCodePoints) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(1, length / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    // The distance is at least the difference in length, so such a candidate could never be close enough.
    if (candidate.size() > 4 * (length + limit)) continue;
    const std::size_t candidate_length = count_code_points(candidate);
    if (candidate_length > length + limit || length > candidate_length + limit) continue;
    const std::size_t distance = edit_distance(value, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

struct Pattern::Compiled {
  std::unique_ptr<icu::RegexPattern> pattern;
};

Expected<Pattern, std::string> Pattern::compile(std::string_view pattern) {
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(to_unicode(pattern), 0, where, status));
  if (U_FAILURE(status) || compiled == nullptr) {
    std::string text = describe_regex_error(status) + " (" + u_errorName(status) + ")";
    if (where.offset >= 0) text += " at character " + std::to_string(where.offset + 1);
    return unexpected(std::move(text));
  }
  auto shared = std::make_shared<Compiled>();
  shared->pattern = std::move(compiled);
  return Pattern(std::move(shared));
}

Pattern::Match Pattern::match(std::string_view utf8) const {
  const icu::UnicodeString input = to_unicode(utf8);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(compiled_->pattern->matcher(input, status));
  if (U_FAILURE(status) || matcher == nullptr) return Match::gave_up;
  matcher->setStackLimit(kRegexStackLimitKB * 1024, status);
  matcher->setTimeLimit(kRegexTimeLimit, status);
  const bool matched = matcher->matches(status) != 0;
  if (U_FAILURE(status)) return Match::gave_up;
  return matched ? Match::yes : Match::no;
}

std::string quote_for_message(std::string_view text, std::size_t max_code_points) {
  std::string out = "\"";
  std::size_t shown = 0;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    if (shown == max_code_points) {
      out += "…";
      break;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    ++shown;
    if (c < 0) {
      // Show every byte the decoder skipped, not only the first one of a cut-off sequence.
      for (int32_t k = start; k < i; ++k) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(text[static_cast<std::size_t>(k)]));
        out += buffer;
      }
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(c));
      out += buffer;
    } else if (c == '"') {
      out += "\\\"";
    } else {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return out + "\"";
}

}  // namespace tuoyu::core
