#ifndef EDS_OUTPUT_FILE_H_
#define EDS_OUTPUT_FILE_H_

#include <deque>
#include <string>
#include <vector>

#include "eds/diagnostics.h"
#include "eds/status.h"

namespace eds {

// A file written in full beside its destination and renamed into place, so a
// reader sees the old file or the whole new one, never a partial one
// (SPEC §2: "Nothing is lost on failure").
class StagedFile {
 public:
  // Reserves a temporary name in the destination's folder. A destination
  // that is a link stands for the file it points to, which is replaced (the
  // link stays). Returns IoError when the folder cannot be written, or the
  // destination is a folder, a device, a pipe or a socket, or a link to
  // nothing. Like every failure here, its reason names no file: the caller
  // knows the destination and reports it with WriteProblem.
  static Status Create(const std::string& destination, StagedFile* staged);

  StagedFile() = default;
  StagedFile(StagedFile&& other) noexcept;
  StagedFile& operator=(StagedFile&& other) noexcept;
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  // Removes the temporary file unless committed.
  ~StagedFile();

  // Where to write the content (an empty file exists there already).
  const std::string& temp_path() const { return temp_path_; }
  const std::string& destination() const { return destination_; }

  // Flushes the temporary file to disk and renames it onto the destination,
  // keeping the permissions of the file it replaces: Sync() then Publish().
  // On failure the destination is unchanged and the temporary is removed.
  Status Commit();
  // The two halves of Commit(), so that a set of files can all be synced
  // before any is renamed.
  Status Sync();
  Status Publish();

 private:
  std::string destination_;  // as the user named it, for messages
  std::string target_;       // the file replaced: destination_, links followed
  std::string temp_path_;
};

// The failure to write `destination` as an error located at it:
// "cannot write: why".
Diagnostic WriteProblem(const std::string& destination, const Status& write);

// Writes `contents` to the staged file's temporary path.
Status WriteStaged(const StagedFile& staged, const std::string& contents);

// A set of outputs produced by one run: all are staged first, and only when
// every one was written are they renamed into place, so a failure in the
// last leaves the first untouched too.
class OutputSet {
 public:
  // Stages `destination`; the returned pointer stays valid until Commit.
  Status Stage(const std::string& destination, StagedFile** staged);
  // Renames every staged file into place, in the order staged. On failure
  // adds the problem, located at the destination that failed, to `problems`.
  Status Commit(Diagnostics& problems);

 private:
  std::deque<StagedFile> files_;  // a deque keeps pointers stable
};

}  // namespace eds

#endif  // EDS_OUTPUT_FILE_H_
