#include "publish/staged_output.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace tuoyu::publish {
namespace {

namespace fs = std::filesystem;

const std::string kStageMarker = ".tuoyu-staging-";
const std::string kOldMarker = ".tuoyu-old-";

/// The name prefix of this destination's stages: ".site.tuoyu-staging-".
std::string stage_prefix(const fs::path& destination, const std::string& marker) {
  return "." + destination.filename().string() + marker;
}

/// Removes stages of builds whose process is gone (killed or crashed).
void remove_abandoned_stages(const fs::path& destination) {
  const fs::path parent = destination.parent_path();
  std::error_code error;
  for (const auto& marker : {kStageMarker, kOldMarker}) {
    const std::string prefix = stage_prefix(destination, marker);
    for (fs::directory_iterator it(parent, error), end; !error && it != end; it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (name.rfind(prefix, 0) != 0) continue;
      const std::string pid_text = name.substr(prefix.size());
      const long pid = std::strtol(pid_text.c_str(), nullptr, 10);
      if (pid > 0 && pid != static_cast<long>(::getpid()) && ::kill(static_cast<pid_t>(pid), 0) == 0) continue;  // Still building.
      std::error_code ignore;
      fs::remove_all(it->path(), ignore);
    }
  }
}

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error_number) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(error_number));
}

}  // namespace

StagedOutput::StagedOutput(fs::path destination) : destination_(fs::absolute(std::move(destination)).lexically_normal()) {
  if (destination_.filename().empty()) destination_ = destination_.parent_path();
  std::error_code error;
  fs::create_directories(destination_.parent_path(), error);
  if (error) fail("cannot create", destination_.parent_path(), error.value());
  remove_abandoned_stages(destination_);
  stage_ = destination_.parent_path() / (stage_prefix(destination_, kStageMarker) + std::to_string(::getpid()));
  fs::remove_all(stage_, error);
  if (!fs::create_directory(stage_, error) || error) fail("cannot create the staging folder", stage_, error ? error.value() : EEXIST);
}

StagedOutput::~StagedOutput() {
  if (committed_) return;
  std::error_code ignore;
  fs::remove_all(stage_, ignore);
}

bool StagedOutput::is_safe_relative_path(std::string_view relative_path) {
  if (relative_path.empty() || relative_path.front() == '/' || relative_path.back() == '/') return false;
  std::size_t start = 0;
  while (start <= relative_path.size()) {
    const std::size_t end = std::min(relative_path.find('/', start), relative_path.size());
    const std::string_view segment = relative_path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    for (const char c : segment) {
      if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7F) return false;
    }
    if (segment.rfind(".tuoyu-", 0) == 0) return false;
    start = end + 1;
  }
  return true;
}

void StagedOutput::write(std::string_view relative_path, std::string_view bytes) {
  if (!is_safe_relative_path(relative_path)) {
    throw std::runtime_error("refusing to write outside the output folder: \"" + std::string(relative_path) + "\"");
  }
  const fs::path target = stage_ / fs::path(std::string(relative_path));
  std::error_code error;
  fs::create_directories(target.parent_path(), error);
  if (error) fail("cannot create folder", target.parent_path(), error.value());
  const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) fail("cannot write", target, errno);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      ::close(fd);
      fail("cannot write", target, saved);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) fail("cannot write", target, errno);
  ++files_;
  bytes_ += bytes.size();
}

void StagedOutput::commit() {
  std::error_code error;
  const bool had_previous = fs::exists(fs::symlink_status(destination_, error));
  if (had_previous) {
    // Swap the two trees in one step: at every moment the destination is a complete site.
    if (::renameat2(AT_FDCWD, stage_.c_str(), AT_FDCWD, destination_.c_str(), RENAME_EXCHANGE) == 0) {
      committed_ = true;
      const fs::path old = destination_.parent_path() / (stage_prefix(destination_, kOldMarker) + std::to_string(::getpid()));
      if (::rename(stage_.c_str(), old.c_str()) == 0) {
        fs::remove_all(old, error);
      } else {
        fs::remove_all(stage_, error);
      }
      return;
    }
    if (errno != EINVAL && errno != ENOSYS) fail("cannot replace", destination_, errno);
    // File systems without rename exchange: move the old tree aside, then the new one in.
    const fs::path old = destination_.parent_path() / (stage_prefix(destination_, kOldMarker) + std::to_string(::getpid()));
    if (::rename(destination_.c_str(), old.c_str()) != 0) fail("cannot move aside", destination_, errno);
    if (::rename(stage_.c_str(), destination_.c_str()) != 0) {
      const int saved = errno;
      ::rename(old.c_str(), destination_.c_str());
      fail("cannot replace", destination_, saved);
    }
    committed_ = true;
    fs::remove_all(old, error);
    return;
  }
  if (::rename(stage_.c_str(), destination_.c_str()) != 0) fail("cannot create", destination_, errno);
  committed_ = true;
}

}  // namespace tuoyu::publish
