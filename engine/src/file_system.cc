#include "eds/file_system.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "eds/limits.h"

namespace eds {
namespace {

Status TooLarge() {
  return Status::InvalidInput(fmt::format(
      "file is larger than {} bytes (10 MiB), the limit for an input file",
      kMaxFileBytes));
}

}  // namespace

Status DiskFileSystem::ReadFile(const std::string& path,
                                std::string* contents) {
  const auto cannot_read = [](const std::string& why) {
    return Status::IoError(why);
  };
  // Opened without blocking, so that a FIFO named as an input (or as a
  // ratings CSV or rubric inside one) is refused instead of waiting forever
  // for a writer; what was opened is then checked, not the name.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return cannot_read(std::strerror(errno));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(::fdopen(fd, "rb"),
                                                       &std::fclose);
  if (!file) {
    const int error = errno;
    ::close(fd);
    return cannot_read(std::strerror(error));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) return cannot_read(std::strerror(errno));
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    read_.emplace(info.st_dev, info.st_ino);
  }
  if (S_ISDIR(info.st_mode)) return cannot_read("it is a folder");
  if (!S_ISREG(info.st_mode)) return cannot_read("it is not a regular file");
  if (static_cast<unsigned long long>(info.st_size) > kMaxFileBytes) {
    return TooLarge();
  }
  // Read at most one byte past the limit, so a file that grows while it is
  // read cannot make us read forever.
  std::string data;
  // One allocation for what the file holds now (copying as it grew cost a
  // third of reading a large file).
  data.reserve(static_cast<std::size_t>(info.st_size) + 1);
  char buffer[65536];
  while (data.size() <= kMaxFileBytes) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
    if (n == 0) break;
    data.append(buffer, n);
  }
  if (std::ferror(file.get())) return cannot_read(std::strerror(errno));
  if (data.size() > kMaxFileBytes) return TooLarge();
  *contents = std::move(data);
  return Status::Ok();
}

bool DiskFileSystem::IsFile(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

bool DiskFileSystem::HasRead(const std::string& path) const {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return false;
  const std::lock_guard<std::mutex> lock(mutex_);
  return read_.count({info.st_dev, info.st_ino}) > 0;
}

std::optional<std::string> FileSystem::RealPath(const std::string& path) {
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) return std::nullopt;
  return absolute.lexically_normal().string();
}

std::optional<std::string> DiskFileSystem::RealPath(const std::string& path) {
  char resolved[PATH_MAX];
  if (::realpath(path.empty() ? "." : path.c_str(), resolved) == nullptr) {
    return std::nullopt;
  }
  return std::string(resolved);
}

bool FileSystem::IsLink(const std::string&) { return false; }

std::string FileSystem::FileIdentity(const std::string& path) {
  return RealPath(path).value_or("");
}

std::string DiskFileSystem::FileIdentity(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return "";
  return fmt::format("{}:{}", info.st_dev, info.st_ino);
}

bool DiskFileSystem::IsLink(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode);
}

Containment Locate(FileSystem& fs, const std::string& written,
                   const std::string& path, const std::string& folder) {
  if (written.empty() || written.front() == '/' || written.front() == '~') {
    return Containment::kOutside;
  }
  namespace stdfs = std::filesystem;
  const stdfs::path base = stdfs::path(folder.empty() ? "." : folder);
  const stdfs::path relative =
      stdfs::path(path).lexically_normal().lexically_relative(
          base.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") {
    return Containment::kOutside;
  }
  const std::optional<std::string> real_folder = fs.RealPath(base.string());
  if (!real_folder) return Containment::kOutside;
  const auto under = [&inside = *real_folder](const std::string& real) {
    return real == inside ||
           (real.size() > inside.size() &&
            real.compare(0, inside.size(), inside) == 0 &&
            (inside.back() == '/' || real[inside.size()] == '/'));
  };
  if (const std::optional<std::string> real = fs.RealPath(path)) {
    return under(*real) && *real != *real_folder ? Containment::kInside
                                                 : Containment::kOutside;
  }
  const std::optional<std::string> real_dir = fs.RealPath(DirName(path));
  if (real_dir && under(*real_dir) && !fs.IsLink(path)) {
    return Containment::kMissing;
  }
  return Containment::kOutside;
}

Status MemoryFileSystem::ReadFile(const std::string& path,
                                  std::string* contents) {
  auto it = files_.find(path);
  if (it == files_.end()) {
    return Status::IoError("No such file or directory");
  }
  if (it->second.size() > kMaxFileBytes) return TooLarge();
  *contents = it->second;
  return Status::Ok();
}

Diagnostic ReadProblem(const std::string& path, const Status& read) {
  return FileError(path, read.code() == Status::Code::kIoError
                             ? "cannot read: " + read.message()
                             : read.message());
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
