#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

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

/// The candidate closest to `value` when it is close enough to be a likely typo
/// (distance ≤ max(1, length/3)), else nothing. Ties go to the earlier candidate.
std::optional<std::string> did_you_mean(std::string_view value, std::span<const std::string> candidates);

/// `text` quoted for a message: wrapped in ASCII double quotes, control characters shown as \n, \t,
/// \xNN, and cut to `max_code_points` with "…" so a 10 MB cell never floods the terminal.
std::string quote_for_message(std::string_view text, std::size_t max_code_points = 60);

}  // namespace tuoyu::core
