#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tuoyu::opendata {

/// The SHA-256 digest of `bytes` as 64 lower-case hex digits (OpenSSL).
std::string sha256_hex(std::string_view bytes);

/// A `sha256sum -c` file: one "<digest>  <path>" line per (path, hex digest), in the order given.
std::string sha256sums(const std::vector<std::pair<std::string, std::string>>& path_and_digest);

}  // namespace tuoyu::opendata
