#ifndef EDS_FILE_SYSTEM_H_
#define EDS_FILE_SYSTEM_H_

#include <map>
#include <string>

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

// The real disk.
class DiskFileSystem : public FileSystem {
 public:
  Status ReadFile(const std::string& path, std::string* contents) override;
  bool IsFile(const std::string& path) override;
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
