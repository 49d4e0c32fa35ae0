#include "file_walk.h"

#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <utility>

#include "eds/file_system.h"

namespace eds::cli {
namespace {

using FileId = std::pair<dev_t, ino_t>;

bool HasYamlName(const std::string& name) {
  std::string lower;
  for (char c : name) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  auto ends_with = [&lower](const std::string& suffix) {
    return lower.size() > suffix.size() &&
           lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) ==
               0;
  };
  return ends_with(".yaml") || ends_with(".yml");
}

class Walker {
 public:
  Walker(std::vector<FoundFile>* files, Diagnostics& diag)
      : files_(files), diag_(diag) {}

  void AddPath(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
      CannotRead(path, std::strerror(errno));
      return;
    }
    if (!S_ISDIR(info.st_mode)) {
      AddFile(path, {info.st_dev, info.st_ino}, /*named=*/true);
      return;
    }
    if (!folders_seen_.insert({info.st_dev, info.st_ino}).second) return;
    std::vector<std::pair<std::string, FileId>> found;
    const std::size_t errors_before = diag_.error_count();
    Walk(path, &found);
    // A folder that could not be read in full has said so already.
    if (found.empty() && diag_.error_count() == errors_before) {
      const std::string why = "no .yaml or .yml file in this folder or below";
      diag_.Error({path, 0, 0}, why);
      status_ =
          Worse(status_,
                Status::InvalidInput(fmt::format("{}: error: {}", path, why)));
    }
    std::sort(found.begin(), found.end());
    for (const auto& [file, id] : found) AddFile(file, id, /*named=*/false);
  }

  const Status& status() const { return status_; }

 private:
  void CannotRead(const std::string& path, const std::string& why) {
    diag_.Error({path, 0, 0}, "cannot read: " + why);
    status_ = Worse(status_, Status::IoError(fmt::format(
                                 "{}: error: cannot read: {}", path, why)));
  }

  void AddFile(const std::string& path, FileId id, bool named) {
    auto [it, fresh] = files_seen_.emplace(id, files_->size());
    if (fresh) {
      files_->push_back({path, named});
    } else if (named) {
      (*files_)[it->second] = {path, true};
    }
  }

  // Adds the YAML files in `folder` and below to `found`, unsorted.
  void Walk(const std::string& folder,
            std::vector<std::pair<std::string, FileId>>* found) {
    std::vector<std::string> names;
    DIR* dir = ::opendir(folder.c_str());
    if (dir == nullptr) {
      CannotRead(folder, std::strerror(errno));
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
    for (const std::string& name : names) {
      const std::string path = JoinPath(folder, name);
      struct stat info {};
      if (::stat(path.c_str(), &info) != 0) {
        // A broken link (or a file gone since listing) matters only when it
        // would have been read; it is listed, and reading it says why it
        // cannot be read, as for any unreadable file found.
        struct stat link {};
        if (HasYamlName(name) && ::lstat(path.c_str(), &link) == 0) {
          found->push_back({path, {link.st_dev, link.st_ino}});
        }
        continue;
      }
      if (S_ISDIR(info.st_mode)) {
        if (folders_seen_.insert({info.st_dev, info.st_ino}).second) {
          Walk(path, found);
        }
      } else if (S_ISREG(info.st_mode) && HasYamlName(name)) {
        found->push_back({path, {info.st_dev, info.st_ino}});
      }
    }
  }

  std::vector<FoundFile>* files_;
  Diagnostics& diag_;
  Status status_;
  std::set<FileId> folders_seen_;
  std::map<FileId, std::size_t> files_seen_;  // index into files_
};

}  // namespace

Status FindYamlFiles(const std::vector<std::string>& paths,
                     std::vector<FoundFile>* files, Diagnostics& diag) {
  Walker walker(files, diag);
  for (const std::string& path : paths) walker.AddPath(path);
  return walker.status();
}

}  // namespace eds::cli
