#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace tuoyu::publish {

/// A new output tree written into a staging folder beside the destination and swapped in whole by
/// `commit`; until then the previous site stays exactly as it was, and an uncommitted stage is
/// removed when this object is destroyed (a killed build's stage is removed by the next build).
class StagedOutput {
 public:
  /// Prepares an empty staging folder next to `destination` and removes stages left by killed builds.
  explicit StagedOutput(std::filesystem::path destination);
  ~StagedOutput();
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  /// Writes `bytes` to `relative_path` in the stage, creating folders; throws std::runtime_error when
  /// the path is unsafe (absolute, "..", empty segments, control characters) or the write fails.
  void write(std::string_view relative_path, std::string_view bytes);

  /// Replaces the destination with the stage atomically (rename exchange), then removes the old tree.
  void commit();

  /// Number of files written so far.
  [[nodiscard]] std::size_t files_written() const { return files_; }
  /// Bytes written so far.
  [[nodiscard]] std::size_t bytes_written() const { return bytes_; }

  /// True when `relative_path` is a safe relative output path ("a/b.html"; never "../x" or "/x").
  static bool is_safe_relative_path(std::string_view relative_path);

 private:
  std::filesystem::path destination_;
  std::filesystem::path stage_;
  bool committed_ = false;
  std::size_t files_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace tuoyu::publish
