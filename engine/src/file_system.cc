#include "eds/file_system.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "eds/limits.h"

namespace eds {
namespace {

Status TooLarge(const std::string& path) {
  return Status::InvalidInput(fmt::format(
      "{}: error: file is larger than {} bytes (10 MiB), the limit for an "
      "input file",
      path, kMaxFileBytes));
}

}  // namespace

Status DiskFileSystem::ReadFile(const std::string& path,
                                std::string* contents) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return Status::IoError(fmt::format("{}: error: cannot read: {}", path,
                                       std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) {
    return Status::IoError(
        fmt::format("{}: error: cannot read: it is a folder", path));
  }
  if (S_ISREG(info.st_mode) &&
      static_cast<unsigned long long>(info.st_size) > kMaxFileBytes) {
    return TooLarge(path);
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(
      std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    return Status::IoError(fmt::format("{}: error: cannot read: {}", path,
                                       std::strerror(errno)));
  }
  // Read at most one byte past the limit, so a growing file or a device
  // cannot make us read forever.
  std::string data;
  char buffer[65536];
  while (data.size() <= kMaxFileBytes) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
    if (n == 0) break;
    data.append(buffer, n);
  }
  if (std::ferror(file.get())) {
    return Status::IoError(fmt::format("{}: error: cannot read: {}", path,
                                       std::strerror(errno)));
  }
  if (data.size() > kMaxFileBytes) return TooLarge(path);
  *contents = std::move(data);
  return Status::Ok();
}

bool DiskFileSystem::IsFile(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

Status MemoryFileSystem::ReadFile(const std::string& path,
                                  std::string* contents) {
  auto it = files_.find(path);
  if (it == files_.end()) {
    return Status::IoError(
        fmt::format("{}: error: cannot read: No such file or directory", path));
  }
  if (it->second.size() > kMaxFileBytes) return TooLarge(path);
  *contents = it->second;
  return Status::Ok();
}

std::string DirName(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return "";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string JoinPath(const std::string& dir, const std::string& path) {
  if (dir.empty() || (!path.empty() && path[0] == '/')) return path;
  if (dir.back() == '/') return dir + path;
  return dir + "/" + path;
}

}  // namespace eds
