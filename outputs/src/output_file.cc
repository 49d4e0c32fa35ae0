#include "eds/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace eds {
namespace {

std::string BaseName(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A staged file's temporary name is the destination's, hidden and marked:
// "dir/.name.eds3-XXXXXX" for "dir/name" (mkstemp fills in the X's).
constexpr char kTempMark[] = ".eds3-";
constexpr std::size_t kTempRandom = 6;

// The reason names no file: the caller that knows which builds the message
// (WriteProblem).
Status CannotWrite(const std::string& why) { return Status::IoError(why); }

}  // namespace

Status StagedFile::Create(const std::string& destination, StagedFile* staged) {
  if (destination.empty() || destination.back() == '/') {
    return CannotWrite("the name is a folder, not a file");
  }
  // A link is followed: the file it points to is replaced and the link kept.
  std::string target = destination;
  char resolved[PATH_MAX];
  struct stat link {};
  if (::lstat(destination.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    if (::realpath(destination.c_str(), resolved) == nullptr) {
      return CannotWrite(
          "it is a link to a file or folder that does not exist");
    }
    target = resolved;
  }
  struct stat info {};
  if (::stat(target.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) return CannotWrite("it is a folder");
    // Renaming over a device or a pipe would replace it (as root, /dev/null
    // itself) rather than write to it.
    if (!S_ISREG(info.st_mode)) {
      return CannotWrite(
          "it is a device, pipe or socket, not a file; name an "
          "ordinary file");
    }
  }
  // A hidden name in the same folder, so the rename stays on one file system.
  const std::size_t slash = target.find_last_of('/');
  const std::string folder =
      slash == std::string::npos ? "" : target.substr(0, slash + 1);
  std::string pattern = folder + "." + BaseName(target) + kTempMark +
                        std::string(kTempRandom, 'X');
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) return CannotWrite(std::strerror(errno));
  ::close(fd);
  StagedFile result;
  result.destination_ = destination;
  result.target_ = target;
  result.temp_path_ = pattern;
  *staged = std::move(result);
  return Status::Ok();
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : destination_(std::move(other.destination_)),
      target_(std::move(other.target_)),
      temp_path_(std::move(other.temp_path_)) {
  other.temp_path_.clear();
}

StagedFile& StagedFile::operator=(StagedFile&& other) noexcept {
  if (this != &other) {
    if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
    destination_ = std::move(other.destination_);
    target_ = std::move(other.target_);
    temp_path_ = std::move(other.temp_path_);
    other.temp_path_.clear();
  }
  return *this;
}

StagedFile::~StagedFile() {
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
}

Status StagedFile::Commit() {
  Status status = Sync();
  return status.ok() ? Publish() : status;
}

Status StagedFile::Sync() {
  // Keep the permissions of the file replaced, or those a new file would
  // have had (mkstemp makes it 0600).
  struct stat existing {};
  if (::stat(target_.c_str(), &existing) == 0) {
    ::chmod(temp_path_.c_str(), existing.st_mode & 07777);
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temp_path_.c_str(), 0666 & ~mask);
  }
  const int fd = ::open(temp_path_.c_str(), O_RDONLY);
  if (fd >= 0) {
    const int synced = ::fsync(fd);
    ::close(fd);
    if (synced != 0) {
      const std::string why = std::strerror(errno);
      ::unlink(temp_path_.c_str());
      temp_path_.clear();
      return CannotWrite(why);
    }
  }
  return Status::Ok();
}

Status StagedFile::Publish() {
  if (::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp_path_.c_str());
    temp_path_.clear();
    return CannotWrite(why);
  }
  temp_path_.clear();
  return Status::Ok();
}

Status WriteStaged(const StagedFile& staged, const std::string& contents) {
  std::FILE* file = std::fopen(staged.temp_path().c_str(), "wb");
  if (file == nullptr) {
    return CannotWrite(std::strerror(errno));
  }
  const std::size_t written =
      std::fwrite(contents.data(), 1, contents.size(), file);
  const bool flushed = std::fflush(file) == 0;
  const int saved_errno = errno;
  const bool closed = std::fclose(file) == 0;
  if (written != contents.size() || !flushed || !closed) {
    return CannotWrite(std::strerror(saved_errno));
  }
  return Status::Ok();
}

Diagnostic WriteProblem(const std::string& destination, const Status& write) {
  return FileError(destination, "cannot write: " + write.message());
}

Status OutputSet::Stage(const std::string& destination, StagedFile** staged) {
  StagedFile file;
  Status status = StagedFile::Create(destination, &file);
  if (!status.ok()) return status;
  files_.push_back(std::move(file));
  *staged = &files_.back();
  return Status::Ok();
}

Status OutputSet::Commit(Diagnostics& problems) {
  // Every file reaches the disk before any is renamed: one wait on the disk
  // rather than one a file, and a failure to sync leaves every destination
  // as it was.
  for (StagedFile& file : files_) {
    Status status = file.Sync();
    if (!status.ok()) {
      problems.Add(WriteProblem(file.destination(), status));
      return status;
    }
  }
  for (StagedFile& file : files_) {
    Status status = file.Publish();
    if (!status.ok()) {
      problems.Add(WriteProblem(file.destination(), status));
      return status;
    }
  }
  files_.clear();
  return Status::Ok();
}

}  // namespace eds
