#include "opendata/checksums.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace tuoyu::opendata {

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 digest failed");
  }
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

std::string sha256sums(const std::vector<std::pair<std::string, std::string>>& path_and_digest) {
  std::string out;
  for (const auto& [path, digest] : path_and_digest) out += digest + "  " + path + "\n";
  return out;
}

}  // namespace tuoyu::opendata
