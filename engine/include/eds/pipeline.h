#ifndef EDS_PIPELINE_H_
#define EDS_PIPELINE_H_

// The per-file pipeline of `rollup`, `validate` and `compare`: each file is
// read, told apart (assessment, rubric, other), loaded, graded and
// summarised, on every core, and handed back in the order given, so that
// nothing depends on the threads' timing. The caller (the command line, the
// web page) finds the files, judges the outcomes and prints or writes.

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "eds/assessment.h"
#include "eds/diagnostics.h"
#include "eds/file_system.h"
#include "eds/history.h"
#include "eds/input_kind.h"
#include "eds/rubric.h"
#include "eds/status.h"

namespace eds {

// A file to read, and how it came to be listed.
struct InputFile {
  std::string path;    // as named, or a named folder joined with names below it
  bool named = false;  // named on the command line, not found in a folder
  // The folder named on the command line it was found in; "" when named.
  std::string folder;
  // Why it cannot be read, when that is known from the walk (a folder below
  // the one named that cannot be listed); "" otherwise. Such an entry is
  // reported like a file that cannot be read.
  std::string problem;
};

// What a run makes of each file.
enum class PipelineMode {
  // Every file is an assessment; none is told apart (`compare`).
  kAssessments,
  // Assessments; another YAML file found in a folder is skipped with a note
  // and one named is an error (`rollup`).
  kFoundAssessments,
  // Assessments and rubrics, each checked; another file is skipped or an
  // error as above (`validate`).
  kAssessmentsAndRubrics,
};

// One copy of each built-in rubric for every year graded with it, shared by
// the threads that load files: a national rollup names one rubric in
// thousands of files.
class SharedRubrics {
 public:
  // `rubric` itself when it is a file's; the one copy of a built-in one.
  std::shared_ptr<const Rubric> Share(Rubric rubric);

 private:
  std::mutex mutex_;
  std::vector<std::shared_ptr<const Rubric>> builtin_;
};

struct PipelineOptions {
  PipelineMode mode = PipelineMode::kFoundAssessments;
  // What a file may make eds3 read; `folder` is set per file from
  // InputFile::folder (except in kAssessments, where files are named).
  // Its score-sheet cache, when given, is shared by every file.
  LoadOptions load;
  // An assessment with an outcome not rated (or a blocking flag) is
  // invalid, with an error listing what is missing.
  bool require_complete = false;
  // The errors (and as many warnings) kept of one file: a batch of hostile
  // files then holds little.
  std::size_t max_errors_per_file = Diagnostics::kMaxErrors;
  // Threads to load on; 0: as many as are worth it (ThreadsFor).
  std::size_t threads = 0;
};

// What became of one file.
enum class FileVerdict {
  kAssessment,  // a valid assessment, graded
  kRubric,      // a valid rubric (kAssessmentsAndRubrics only)
  kSkipped,     // found in a folder and not an eds3 file: a note says so
  kInvalid,     // its problems are errors
  kUnreadable,  // it cannot be read (exit 3 when it fails a run)
};

// What a file that fails the run weighs on its exit status (SPEC §2):
// IoError (exit 3) when it cannot be read, else InvalidInput (exit 1). Its
// problems are reported from FileOutcome::problems; this names only `path`.
Status FailedFileStatus(FileVerdict verdict, const std::string& path);

struct FileOutcome {
  FileVerdict verdict = FileVerdict::kSkipped;
  // What the file holds; nullopt when it could not be told (unreadable,
  // not a YAML mapping, or not told apart in kAssessments).
  std::optional<InputKind> kind;
  // Its errors and warnings, in the order found.
  Diagnostics problems;
  // The note of a file skipped.
  Diagnostics notes;
  // A valid assessment's graded summary (its warnings are in `problems`).
  std::optional<OrganisationYear> year;
  // "N outcomes not rated" for a valid assessment not fully rated; "".
  std::string incomplete;
  // Who an invalid assessment says it is about, read from its text.
  ClaimedIdentity claimed;
};

// Reads and judges every file of `files` through `fs`, `options.threads`
// at a time, and calls `take(i, outcome)` for each in the order of `files`,
// on the caller's thread. A few files are held at a time, so that hostile
// files' problems never pile up. Built-in rubrics are shared through
// `rubrics`. An exception thrown by loading (memory) is rethrown here.
void RunPipeline(const std::vector<InputFile>& files,
                 const PipelineOptions& options, FileSystem& fs,
                 SharedRubrics& rubrics,
                 const std::function<void(std::size_t, FileOutcome&)>& take);

// The same, every outcome kept, in the order of `files`.
std::vector<FileOutcome> RunPipeline(const std::vector<InputFile>& files,
                                     const PipelineOptions& options,
                                     FileSystem& fs, SharedRubrics& rubrics);

}  // namespace eds

#endif  // EDS_PIPELINE_H_
