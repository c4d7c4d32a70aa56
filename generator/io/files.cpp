#include "io/files.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>

namespace tuoyu::io {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

std::vector<std::filesystem::path> list_files(const std::filesystem::path& folder, const std::string& extension) {
  std::vector<std::filesystem::path> out;
  std::error_code error;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const auto& path = it->path();
    const std::string name = path.filename().string();
    if (name.empty() || name.front() == '.') continue;
    if (name.size() < extension.size() || name.compare(name.size() - extension.size(), extension.size(), extension) != 0) continue;
    if (it->is_regular_file(error) || it->is_symlink(error)) out.push_back(path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool contains_path(const std::filesystem::path& outer, const std::filesystem::path& inner) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // A trailing separator yields an empty last element.
    if (i == inner.end() || *o != *i) return false;
  }
  return true;
}

bool is_inside(const std::filesystem::path& root, const std::filesystem::path& path) {
  std::error_code error;
  const auto real_root = std::filesystem::weakly_canonical(root, error);
  if (error) return false;
  const auto real_path = std::filesystem::weakly_canonical(path, error);
  if (error) return false;
  return contains_path(real_root, real_path);
}

}  // namespace tuoyu::io
