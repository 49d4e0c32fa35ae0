#include "eds/pipeline.h"

#include <algorithm>
#include <utility>

#include "eds/completeness.h"
#include "eds/grade.h"
#include "eds/parallel.h"

namespace eds {

std::shared_ptr<const Rubric> SharedRubrics::Share(Rubric rubric) {
  if (rubric.source != "built-in") {
    return std::make_shared<const Rubric>(std::move(rubric));
  }
  const std::lock_guard<std::mutex> lock(mutex_);
  for (const std::shared_ptr<const Rubric>& known : builtin_) {
    if (known->id == rubric.id) return known;
  }
  builtin_.push_back(std::make_shared<const Rubric>(std::move(rubric)));
  return builtin_.back();
}

namespace {

// Grades a valid assessment and keeps only its summary, so that a national
// rollup holds a small record a file, not every file's ratings and
// evidence. Under require_complete an incomplete one becomes invalid.
FileVerdict GradeAndSummarise(const InputFile& file, LoadedAssessment loaded,
                              const PipelineOptions& options,
                              SharedRubrics& rubrics, FileOutcome* outcome) {
  GradeResult result = Grade(loaded.assessment, loaded.rubric);
  if (options.require_complete &&
      !RequireComplete(result, loaded.rubric, file.path, outcome->problems)) {
    return FileVerdict::kInvalid;
  }
  outcome->incomplete = IncompleteSummary(result);
  outcome->year = SummariseYear(
      loaded.assessment, rubrics.Share(std::move(loaded.rubric)), result);
  return FileVerdict::kAssessment;
}

// A file that holds neither an assessment nor (for validate) a rubric:
// skipped with a note when found in a folder, an error when named.
FileVerdict NotAnInput(const InputFile& file, const PipelineOptions& options,
                       FileOutcome* outcome) {
  const bool rubrics = options.mode == PipelineMode::kAssessmentsAndRubrics;
  if (file.named) {
    if (rubrics) {
      outcome->problems.Error(
          {file.path, 0, 0}, "neither an assessment nor a rubric",
          "an assessment starts with 'eds3: 1'; a rubric has 'levels' and "
          "'domains' at the top");
    } else {
      outcome->problems.Error(
          {file.path, 0, 0},
          "not an assessment: there is no 'eds3' key at the top",
          "an assessment starts with 'eds3: 1'");
    }
    return FileVerdict::kInvalid;
  }
  outcome->notes.Note(
      {file.path, 0, 0},
      rubrics ? "skipped: not an assessment (no 'eds3' key at the top) or a "
                "rubric (no 'levels' and 'domains')"
              : "skipped: not an assessment (no 'eds3' key at the top)");
  return FileVerdict::kSkipped;
}

// Reads and judges one file into `outcome`, returning its verdict.
FileVerdict Judge(const InputFile& file, const PipelineOptions& options,
                  FileSystem& fs, SharedRubrics& rubrics,
                  FileOutcome* outcome) {
  Diagnostics& problems = outcome->problems;
  if (!file.problem.empty()) {
    problems.Error({file.path, 0, 0}, file.problem);
    return FileVerdict::kUnreadable;
  }
  if (options.mode == PipelineMode::kAssessments) {
    Status status;
    std::optional<LoadedAssessment> loaded =
        LoadAssessment(file.path, fs, problems, &status, options.load);
    if (!loaded) {
      return status.code() == Status::Code::kIoError ? FileVerdict::kUnreadable
                                                     : FileVerdict::kInvalid;
    }
    outcome->kind = InputKind::kAssessment;
    return GradeAndSummarise(file, std::move(*loaded), options, rubrics,
                             outcome);
  }
  LoadOptions load = options.load;
  load.folder = file.folder;
  std::string text;
  const Status read = fs.ReadFile(file.path, &text);
  if (!read.ok()) {
    problems.Add(ReadProblem(file.path, read));
    return read.code() == Status::Code::kIoError ? FileVerdict::kUnreadable
                                                 : FileVerdict::kInvalid;
  }
  // A file that is not a YAML mapping at all is invalid, found or named.
  std::optional<LoadedAssessment> loaded;
  outcome->kind =
      ClassifyAndParseAssessment(text, file.path, fs, problems, &loaded, load);
  if (!outcome->kind || (*outcome->kind == InputKind::kAssessment && !loaded)) {
    // So that an invalid file's organisation is still named in the outputs.
    outcome->claimed = ReadClaimedIdentity(text);
    return FileVerdict::kInvalid;
  }
  switch (*outcome->kind) {
    case InputKind::kAssessment:
      return GradeAndSummarise(file, std::move(*loaded), options, rubrics,
                               outcome);
    case InputKind::kRubric:
      if (options.mode == PipelineMode::kAssessmentsAndRubrics) {
        return ParseRubric(text, file.path, problems) ? FileVerdict::kRubric
                                                      : FileVerdict::kInvalid;
      }
      break;
    case InputKind::kOther:
      break;
  }
  return NotAnInput(file, options, outcome);
}

}  // namespace

Status FailedFileStatus(FileVerdict verdict, const std::string& path) {
  return verdict == FileVerdict::kUnreadable ? Status::IoError(path)
                                             : Status::InvalidInput(path);
}

void RunPipeline(const std::vector<InputFile>& files,
                 const PipelineOptions& options, FileSystem& fs,
                 SharedRubrics& rubrics,
                 const std::function<void(std::size_t, FileOutcome&)>& take) {
  const std::size_t threads =
      options.threads > 0 ? options.threads : ThreadsFor(files.size());
  // Each file is judged into its own slot, a few files a thread at a time
  // (an invalid file's problems can hold megabytes of quoted lines), then
  // taken in order.
  const std::size_t batch = threads * 8;
  std::vector<FileOutcome> slots;
  for (std::size_t first = 0; first < files.size(); first += batch) {
    const std::size_t count = std::min(batch, files.size() - first);
    slots.clear();
    slots.reserve(count);
    for (std::size_t k = 0; k < count; ++k) {
      slots.push_back(FileOutcome{FileVerdict::kSkipped, std::nullopt,
                                  Diagnostics(options.max_errors_per_file),
                                  Diagnostics(), std::nullopt, "",
                                  ClaimedIdentity()});
    }
    ForEachIndex(count, threads, [&](std::size_t k) {
      FileOutcome& slot = slots[k];
      slot.verdict = Judge(files[first + k], options, fs, rubrics, &slot);
    });
    for (std::size_t k = 0; k < count; ++k) take(first + k, slots[k]);
  }
}

std::vector<FileOutcome> RunPipeline(const std::vector<InputFile>& files,
                                     const PipelineOptions& options,
                                     FileSystem& fs, SharedRubrics& rubrics) {
  std::vector<FileOutcome> outcomes;
  outcomes.reserve(files.size());
  RunPipeline(files, options, fs, rubrics,
              [&outcomes](std::size_t, FileOutcome& outcome) {
                outcomes.push_back(std::move(outcome));
              });
  return outcomes;
}

}  // namespace eds
