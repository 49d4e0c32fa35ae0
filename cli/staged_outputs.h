#ifndef EDS_CLI_STAGED_OUTPUTS_H_
#define EDS_CLI_STAGED_OUTPUTS_H_

// The outputs of `grade`, `compare` and `rollup`: staged before any input is
// read, so that an unwritable output is reported with the inputs' problems
// (SPEC §2: 3 wins over 1), then written all or none.

#include <ostream>
#include <string>
#include <utility>

#include "eds/output_file.h"
#include "eds/parallel.h"
#include "eds/status.h"
#include "messages.h"

namespace eds::cli {

// The files one run writes: each is empty unless asked for, and "-" is
// standard output.
struct OutputFiles {
  std::string workbook;
  std::string json;
  std::string markdown;
  std::string html;
};

// The staged outputs of one run: Stage() first, before the inputs are read,
// then WriteAndCommit() once the model is built.
// Destroying it uncommitted removes every temporary file, so a failed run
// leaves existing outputs untouched.
class StagedOutputs {
 public:
  explicit StagedOutputs(OutputFiles paths) : paths_(std::move(paths)) {}

  // Stages every output file; prints each failure to `err` and returns the
  // worst.
  Status Stage(std::ostream& err);

  // Writes the model's outputs into the staged files and renames them all
  // into place, then writes the one named "-" to `out` (only when every file
  // was written). On failure the problem is printed to `err`. `Model` is
  // GradeReport, CompareResult or RollupResult.
  template <typename Model>
  Status WriteAndCommit(const Model& model,
                        Status (*workbook)(const Model&, const std::string&),
                        std::string (*json)(const Model&),
                        std::string (*markdown)(const Model&),
                        std::string (*html)(const Model&), std::ostream& out,
                        std::ostream& err) {
    // The workbook takes most of the time and the text outputs the rest:
    // they are written on two cores at once, each into its staged file, and
    // nothing is renamed into place unless every one was written. The first
    // failure in the order workbook, JSON, Markdown, HTML is the one
    // reported, as when they were written one after another; it is printed
    // after both are done, so the threads never share `err`.
    Status workbook_status;
    Status text_status;
    std::string failed_text_path;
    std::string to_out;
    const auto write_workbook = [&] {
      if (workbook_ != nullptr) {
        workbook_status = workbook(model, workbook_->temp_path());
      }
    };
    const auto write_texts = [&] {
      const auto write = [&](const std::string& path, StagedFile* staged,
                             std::string (*render)(const Model&)) {
        if (!text_status.ok() || path.empty()) return;
        if (staged == nullptr) {
          to_out = render(model);
        } else {
          text_status = WriteStaged(*staged, render(model));
          if (!text_status.ok()) failed_text_path = path;
        }
      };
      write(paths_.json, json_, json);
      write(paths_.markdown, markdown_, markdown);
      write(paths_.html, html_, html);
    };
    const bool texts = !paths_.json.empty() || !paths_.markdown.empty() ||
                       !paths_.html.empty();
    ForEachIndex(
        2, workbook_ != nullptr && texts ? ThreadsAvailable() : 1,
        [&](std::size_t i) { i == 0 ? write_workbook() : write_texts(); });
    if (!workbook_status.ok()) {
      PrintRunProblem(WriteProblem(paths_.workbook, workbook_status), err);
      return workbook_status;
    }
    if (!text_status.ok()) {
      PrintRunProblem(WriteProblem(failed_text_path, text_status), err);
      return text_status;
    }
    Diagnostics problems;
    Status status = set_.Commit(problems);
    for (const Diagnostic& problem : problems.items()) {
      PrintRunProblem(problem, err);
    }
    if (status.ok()) out << to_out << std::flush;
    return status;
  }

  // True when an output goes to standard output, so that the summary goes
  // to standard error.
  bool WritesStandardOutput() const;

  // "Wrote:" and one line per output, for the summary.
  std::string WroteText() const;

 private:
  OutputFiles paths_;
  OutputSet set_;
  StagedFile* workbook_ = nullptr;
  StagedFile* json_ = nullptr;
  StagedFile* markdown_ = nullptr;
  StagedFile* html_ = nullptr;
};

}  // namespace eds::cli

#endif  // EDS_CLI_STAGED_OUTPUTS_H_
