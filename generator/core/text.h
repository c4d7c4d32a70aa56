#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/expected.h"

namespace tuoyu::core {

/// Unicode NFKC of valid UTF-8 text: full-width digits, letters, spaces and punctuation become their
/// ordinary forms ("１２３" → "123", "　" → " ", "／" → "/"). Invalid UTF-8 is returned unchanged.
std::string nfkc(std::string_view utf8);

/// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// Number of Unicode code points in valid UTF-8 text (what a person counts as characters).
std::size_t count_code_points(std::string_view utf8);

/// `text` without leading and trailing white space, ASCII or Unicode (U+3000, U+00A0, U+FEFF …).
std::string_view trim(std::string_view text);

/// ASCII letters lowered; other bytes unchanged.
std::string ascii_lower(std::string_view text);

/// Edit distance between two UTF-8 strings in code points: insertions, deletions, substitutions and
/// swaps of two neighbours each count 1 (optimal string alignment).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Values longer than this many code points get no suggestion from did_you_mean.
inline constexpr std::size_t kMaxSuggestionCodePoints = 64;

/// The candidate closest to `value` when it is close enough to be a likely typo
/// (distance ≤ max(1, length/3)), else nothing. Ties go to the earlier candidate. Values longer than
/// kMaxSuggestionCodePoints get nothing, and candidates whose length differs by more than the limit
/// are skipped without measuring, so the cost stays small for any cell and any number of candidates.
std::optional<std::string> did_you_mean(std::string_view value, std::span<const std::string> candidates);

/// A regular expression matched against whole UTF-8 values, code point by code point (so [一-龥] is a
/// class of characters, not of bytes). The syntax is ICU's, which for the patterns a schema uses
/// ([0-9]{6}, a|b, [A-Za-z_-], \d, \p{Han}) is that of ECMAScript and XML Schema. Matching keeps its
/// backtracking stack on the heap with a limit and stops after a time limit, so no value, however
/// long, and no pattern, however nested, can overflow the stack or hang a run. Copies share the
/// compiled pattern; match() may be called from several threads.
class Pattern {
 public:
  /// The outcome of matching one value.
  enum class Match { yes, no, gave_up };

  /// Compiles `pattern`; on failure, says what is wrong and where ("missing ] (U_REGEX_MISSING_CLOSE_BRACKET) at character 4").
  static Expected<Pattern, std::string> compile(std::string_view pattern);
  /// Whether all of `utf8` matches; gave_up when the match needed too much memory or time.
  [[nodiscard]] Match match(std::string_view utf8) const;

 private:
  struct Compiled;
  explicit Pattern(std::shared_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}
  std::shared_ptr<const Compiled> compiled_;
};

/// `text` quoted for a message: wrapped in ASCII double quotes, control characters shown as \n, \t,
/// \xNN, and cut to `max_code_points` with "…" so a 10 MB cell never floods the terminal.
std::string quote_for_message(std::string_view text, std::size_t max_code_points = 60);

}  // namespace tuoyu::core
