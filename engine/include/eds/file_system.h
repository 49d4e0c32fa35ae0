#ifndef EDS_FILE_SYSTEM_H_
#define EDS_FILE_SYSTEM_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "eds/status.h"

namespace eds {

// File access behind a small interface so that tests can load from memory.
class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Reads the whole file into `contents`. Returns IoError when the path is
  // missing, a folder, not a regular file (a FIFO or a device, which could
  // block or never end) or unreadable, and InvalidInput when the file is
  // larger than kMaxFileBytes (reading stops there even if it grows).
  // `contents` is unchanged on failure.
  virtual Status ReadFile(const std::string& path, std::string* contents) = 0;

  // True when `path` names an existing regular file.
  virtual bool IsFile(const std::string& path) = 0;
};

// The real disk. Remembers which files it read, so that a command can refuse
// to write an output over one of its own inputs.
class DiskFileSystem : public FileSystem {
 public:
  Status ReadFile(const std::string& path, std::string* contents) override;
  bool IsFile(const std::string& path) override;

  // True when `path` names a file this object has read (or opened to read):
  // the same file however the path is spelt, linked or hard-linked.
  bool HasRead(const std::string& path) const;

 private:
  mutable std::mutex mutex_;  // ReadFile may be called from several threads
  std::set<std::pair<std::uint64_t, std::uint64_t>> read_;  // device, inode
};

// Files held in memory, keyed by path exactly as asked for.
class MemoryFileSystem : public FileSystem {
 public:
  void Add(const std::string& path, std::string contents) {
    files_[path] = std::move(contents);
  }
  Status ReadFile(const std::string& path, std::string* contents) override;
  bool IsFile(const std::string& path) override {
    return files_.count(path) > 0;
  }

 private:
  std::map<std::string, std::string> files_;
};

// The folder part of a path ("a/b.yaml" -> "a", "b.yaml" -> ""), and a path
// joined to a base folder (an absolute `path` is returned unchanged).
std::string DirName(const std::string& path);
std::string JoinPath(const std::string& dir, const std::string& path);

}  // namespace eds

#endif  // EDS_FILE_SYSTEM_H_
