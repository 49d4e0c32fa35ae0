#ifndef EDS_FILE_SYSTEM_H_
#define EDS_FILE_SYSTEM_H_

#include <cstdint>
#include <map>
#include <optional>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "eds/diagnostics.h"
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

  // Where `path` leads once every symbolic link in it is followed, as a
  // canonical absolute path; nullopt when it cannot be followed to the end
  // (missing, a broken link, a folder that cannot be searched, a loop). The
  // default has no links: the path made absolute and normal.
  virtual std::optional<std::string> RealPath(const std::string& path);

  // True when `path` itself is a symbolic link (followed or not). The
  // default has no links.
  virtual bool IsLink(const std::string& path);

  // The same text for every path to one file, links and hard links
  // included; "" when there is no such file. The default: the path made
  // absolute and normal.
  virtual std::string FileIdentity(const std::string& path);
};

// The real disk. Remembers which files it read, so that a command can refuse
// to write an output over one of its own inputs.
class DiskFileSystem : public FileSystem {
 public:
  Status ReadFile(const std::string& path, std::string* contents) override;
  bool IsFile(const std::string& path) override;
  std::optional<std::string> RealPath(const std::string& path) override;
  bool IsLink(const std::string& path) override;
  std::string FileIdentity(const std::string& path) override;

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

// Adds the failure to read `path` (a Status from ReadFile, whose message is
// "path: error: why") to `diag` as an error located at the file.
void AddReadError(const std::string& path, const Status& read,
                  Diagnostics& diag);

// Where a file named inside an input file lies, for the rule that such files
// stay in the submitted folder.
enum class Containment {
  kInside,   // it resolves, after links, inside the folder
  kOutside,  // it is written, or leads, outside the folder
  kMissing,  // written inside, in a folder inside, and not there at all
};

// Where `path` (as it would be opened) lies relative to `folder`. `written`
// is the path as the input file wrote it: an absolute path or one starting
// with '~' is outside whatever it leads to, and so is one whose '..' leave
// the folder. Then every link is followed through `fs`. Whether a path
// outside exists, or can be read, is never told apart: a link that cannot
// be followed to its end is kOutside, whatever the reason, and only a name
// missing from a folder inside is kMissing.
Containment Locate(FileSystem& fs, const std::string& written,
                   const std::string& path, const std::string& folder);

}  // namespace eds

#endif  // EDS_FILE_SYSTEM_H_
