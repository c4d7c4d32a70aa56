#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tuoyu::io {

/// The whole file as bytes, or nothing when it cannot be read (missing, a folder, no permission).
std::optional<std::string> read_file(const std::filesystem::path& path);

/// Regular files directly in `folder` whose names end with `extension`, sorted by name (never by
/// file-system order); empty when the folder does not exist.
std::vector<std::filesystem::path> list_files(const std::filesystem::path& folder, const std::string& extension);

/// True when `inner` is `outer` or lies below it, comparing path elements (no file-system access).
bool contains_path(const std::filesystem::path& outer, const std::filesystem::path& inner);

/// True when `path`, after resolving symbolic links, lies inside `root` (also resolved).
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace tuoyu::io
