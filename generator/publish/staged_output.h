#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/localized.h"

namespace tuoyu::publish {

/// The file every tuoyu output folder holds, so a folder tuoyu did not make is never replaced.
inline constexpr std::string_view kMarkerName = ".tuoyu-site";

/// Why `destination` may not receive a site (it is a file, or a non-empty folder tuoyu did not
/// make), or nothing when it may. Symbolic links are judged by their target.
std::optional<core::Localized> refuse_destination(const std::filesystem::path& destination);

/// A new output tree written into a staging folder beside the destination and swapped in whole by
/// `commit`; until then the previous site stays exactly as it was. While it exists it holds a lock
/// beside the destination, so two builds never write the same output; stages and half-finished
/// swaps left by killed builds are cleaned up (or restored) when the next one takes the lock.
class StagedOutput {
 public:
  /// Takes the lock and prepares an empty stage; throws std::runtime_error with a message for the
  /// clerk when the destination is refused, locked by another build, or cannot be written.
  explicit StagedOutput(std::filesystem::path destination);
  ~StagedOutput();
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  /// Writes `bytes` to a new file at `relative_path` in the stage, creating folders; throws
  /// std::runtime_error when the path is unsafe (absolute, "..", empty segments, control characters),
  /// was already written in this build, or the write fails.
  void write(std::string_view relative_path, std::string_view bytes);

  /// Replaces the destination with the stage atomically (rename exchange), then removes the old tree.
  void commit();

  /// The folder the site is published to, after resolving a symbolic link.
  [[nodiscard]] const std::filesystem::path& destination() const { return destination_; }
  /// Number of files written so far.
  [[nodiscard]] std::size_t files_written() const { return files_; }
  /// Bytes written so far.
  [[nodiscard]] std::size_t bytes_written() const { return bytes_; }

  /// True when `relative_path` is a safe relative output path ("a/b.html"; never "../x" or "/x").
  static bool is_safe_relative_path(std::string_view relative_path);

 private:
  std::filesystem::path destination_;
  std::filesystem::path stage_;
  int lock_fd_ = -1;
  bool committed_ = false;
  std::size_t files_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace tuoyu::publish
