#include "file_walk.h"

#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <utility>

#include "eds/file_system.h"
#include "eds/text.h"

namespace eds::cli {
namespace {

using FileId = std::pair<dev_t, ino_t>;

bool HasYamlName(const std::string& name) {
  // More than the suffix: ".yaml" alone names no file.
  auto ends_with = [&name](std::string_view suffix) {
    return name.size() > suffix.size() && EndsWithNoCase(name, suffix);
  };
  return ends_with(".yaml") || ends_with(".yml");
}

// A file or unreadable folder found below a folder named, with its identity.
struct Found {
  std::string path;
  FileId id;
  std::string problem;  // FoundFile::problem
};

class Walker {
 public:
  Walker(std::vector<FoundFile>* files, Diagnostics& diag,
         const WalkOptions& options)
      : files_(files), diag_(diag), options_(options) {}

  void AddPath(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
      CannotRead(path, std::strerror(errno));
      return;
    }
    if (!S_ISDIR(info.st_mode)) {
      AddFile({path, {info.st_dev, info.st_ino}, ""}, "", /*named=*/true);
      return;
    }
    if (!folders_seen_.insert({info.st_dev, info.st_ino}).second) return;
    char real[PATH_MAX];
    if (::realpath(path.c_str(), real) == nullptr) {
      CannotRead(path, std::strerror(errno));
      return;
    }
    real_root_ = real;
    std::vector<Found> found;
    const std::size_t errors_before = diag_.error_count();
    Walk(path, &found);
    // A folder that could not be read in full has said so already.
    if (found.empty() && diag_.error_count() == errors_before) {
      const std::string why = "no .yaml or .yml file in this folder or below";
      diag_.Add(FileError(path, why));
      status_ = Worse(status_, Status::InvalidInput(why));
    }
    std::sort(found.begin(), found.end(),
              [](const Found& a, const Found& b) { return a.path < b.path; });
    for (const Found& entry : found) AddFile(entry, path, /*named=*/false);
  }

  const Status& status() const { return status_; }

 private:
  void CannotRead(const std::string& path, const std::string& why) {
    const Status read = Status::IoError(why);
    diag_.Add(ReadProblem(path, read));
    status_ = Worse(status_, read);
  }

  void AddFile(const Found& entry, const std::string& folder, bool named) {
    auto [it, fresh] = files_seen_.emplace(entry.id, files_->size());
    if (fresh) {
      files_->push_back({entry.path, named, folder, entry.problem});
    } else if (named) {
      (*files_)[it->second] = {entry.path, true, "", ""};
    }
  }

  // True when the link at `path` is to be followed: it leads inside the
  // folder named, or links are followed wherever they lead.
  bool FollowLink(const std::string& path) {
    if (options_.follow_links) return true;
    char real[PATH_MAX];
    if (::realpath(path.c_str(), real) != nullptr) {
      const std::string target = real;
      if (target == real_root_ ||
          (target.size() > real_root_.size() &&
           target.compare(0, real_root_.size(), real_root_) == 0 &&
           (real_root_.back() == '/' || target[real_root_.size()] == '/'))) {
        return true;
      }
    }
    diag_.Warning({path, 0, 0},
                  "skipped: a symbolic link that does not lead to a file or "
                  "folder inside the folder named",
                  "--follow-links follows links wherever they lead");
    return false;
  }

  // Adds the YAML files in `folder` and below to `found`, unsorted.
  void Walk(const std::string& folder, std::vector<Found>* found) {
    std::vector<std::string> names;
    DIR* dir = ::opendir(folder.c_str());
    if (dir == nullptr) {
      const int error = errno;
      if (found_root_listed_) {
        // Below the folder named: listed, so that a rollup under
        // --skip-invalid can leave it out like a file it cannot read.
        struct stat info {};
        ::stat(folder.c_str(), &info);
        found->push_back(
            {folder,
             {info.st_dev, info.st_ino},
             fmt::format("cannot read the folder: {}", std::strerror(error))});
      } else {
        CannotRead(folder, std::strerror(error));
      }
      return;
    }
    while (const dirent* entry = ::readdir(dir)) {
      const std::string name = entry->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    ::closedir(dir);
    // Sorted so that which of two links to one folder is followed does not
    // depend on the order the disk lists them.
    std::sort(names.begin(), names.end());
    const bool root = !found_root_listed_;
    found_root_listed_ = true;
    for (const std::string& name : names) {
      const std::string path = JoinPath(folder, name);
      struct stat link {};
      if (::lstat(path.c_str(), &link) != 0) {
        if (errno == ENAMETOOLONG) {
          // Listed like a folder that cannot be read, so that a rollup
          // under --skip-invalid excludes it (and says so) rather than
          // failing the run or passing over it.
          found->push_back({path,
                            {0, static_cast<ino_t>(++too_long_)},
                            "cannot read: the path is longer than the system "
                            "allows; move the files to a folder less deep"});
        }
        continue;  // gone since it was listed
      }
      struct stat info {};
      const bool followed = ::stat(path.c_str(), &info) == 0;
      // Only a link that would be walked or read matters.
      if (S_ISLNK(link.st_mode) &&
          (HasYamlName(name) || (followed && S_ISDIR(info.st_mode))) &&
          !FollowLink(path)) {
        continue;
      }
      if (!followed) {
        // A broken link followed with --follow-links matters only when it
        // would have been read; it is listed, and reading it says why it
        // cannot be read, as for any unreadable file found.
        if (HasYamlName(name)) {
          found->push_back({path, {link.st_dev, link.st_ino}, ""});
        }
        continue;
      }
      if (S_ISDIR(info.st_mode)) {
        if (folders_seen_.insert({info.st_dev, info.st_ino}).second) {
          Walk(path, found);
        }
      } else if (S_ISREG(info.st_mode) && HasYamlName(name)) {
        found->push_back({path, {info.st_dev, info.st_ino}, ""});
      }
    }
    if (root) found_root_listed_ = false;
  }

  std::vector<FoundFile>* files_;
  Diagnostics& diag_;
  const WalkOptions& options_;
  Status status_;
  std::string real_root_;  // the folder named being walked, links followed
  bool found_root_listed_ = false;  // inside the walk of a folder named
  std::set<FileId> folders_seen_;
  std::size_t too_long_ = 0;  // paths too long to stat, each its own id
  std::map<FileId, std::size_t> files_seen_;  // index into files_
};

}  // namespace

Status FindYamlFiles(const std::vector<std::string>& paths,
                     std::vector<FoundFile>* files, Diagnostics& diag,
                     const WalkOptions& options) {
  Walker walker(files, diag, options);
  for (const std::string& path : paths) walker.AddPath(path);
  return walker.status();
}

}  // namespace eds::cli
