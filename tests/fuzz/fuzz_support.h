#ifndef EDS_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define EDS_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "csv.h"
#include "eds/assessment.h"
#include "eds/builtin_rubrics.h"
#include "eds/diagnostics.h"
#include "eds/file_system.h"
#include "eds/grade.h"
#include "eds/limits.h"

// The harness shared by the libFuzzer targets (tests/fuzz/fuzz_*.cc) and by
// the regression test that replays every input they ever crashed on
// (tests/fuzz_regressions_test.cc), so a kept input runs exactly as found.
namespace eds::fuzz {

// A fuzz input may carry more than one file: the first part is the main
// file, and a line "#@csv" or "#@rubric" starts the text served for every
// CSV path or every rubric path the main file names. A YAML comment line,
// so a plain seed file is still a valid input.
struct FuzzFiles {
  std::string main;
  std::string csv;
  std::string rubric;
  bool has_csv = false;
  bool has_rubric = false;
};

inline FuzzFiles SplitInput(const std::string& input) {
  FuzzFiles files;
  std::string* target = &files.main;
  std::size_t start = 0;
  while (start <= input.size()) {
    std::size_t end = input.find('\n', start);
    const bool last = end == std::string::npos;
    if (last) end = input.size();
    const std::string line = input.substr(start, end - start);
    if (line == "#@csv") {
      target = &files.csv;
      files.has_csv = true;
    } else if (line == "#@rubric") {
      target = &files.rubric;
      files.has_rubric = true;
    } else {
      *target += line;
      if (!last) *target += '\n';
    }
    if (last) break;
    start = end + 1;
  }
  return files;
}

inline std::string BuiltinText(const std::string& id) {
  for (const BuiltinRubric& rubric : BuiltinRubrics()) {
    if (rubric.name == id) return std::string(rubric.text);
  }
  return "";
}

// Serves every path the loader asks for: a CSV path gets the input's CSV
// part, a rubric path its rubric part (or the built-in EDS 2022 rubric), and
// a path with "missing" in it does not exist, so the not-found paths run too.
class FuzzFileSystem : public FileSystem {
 public:
  explicit FuzzFileSystem(const FuzzFiles& files) : files_(files) {}

  Status ReadFile(const std::string& path, std::string* contents) override {
    if (!IsFile(path)) {
      return Status::IoError("No such file or directory");
    }
    const std::string& text =
        EndsWith(path, ".csv") ? files_.csv : RubricText();
    if (text.size() > kMaxFileBytes) {
      return Status::InvalidInput("file is too large");
    }
    *contents = text;
    return Status::Ok();
  }

  bool IsFile(const std::string& path) override {
    return path.find("missing") == std::string::npos;
  }

 private:
  static bool EndsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) ==
               0;
  }

  const std::string& RubricText() {
    if (files_.has_rubric) return files_.rubric;
    if (builtin_.empty()) builtin_ = BuiltinText("eds2022");
    return builtin_;
  }

  const FuzzFiles& files_;
  std::string builtin_;
};

// What the command line does with a load: render every diagnostic, and
// grade what loaded. Returns false when the load ended with neither a result
// nor an error, or with both; a crash, leak or undefined behaviour on the way
// is a finding of its own.
inline bool CheckLoad(const std::optional<LoadedAssessment>& loaded,
                      const Diagnostics& diag) {
  for (const Diagnostic& d : diag.items()) FormatDiagnostic(d);
  if (loaded) Grade(loaded->assessment, loaded->rubric);
  return loaded.has_value() != diag.HasErrors();
}

// The assessment loader on an input split by SplitInput: the main part is
// the assessment, read through a FuzzFileSystem.
inline bool RunAssessment(const std::string& input) {
  const FuzzFiles files = SplitInput(input);
  FuzzFileSystem fs(files);
  Diagnostics diag;
  const std::optional<LoadedAssessment> loaded =
      ParseAssessment(files.main, "fuzz/assessment.yaml", fs, diag);
  return CheckLoad(loaded, diag);
}

// Declares what a panel sheet usually names, so fuzzed rows reach the
// duplicate, service and per-service checks rather than stopping at
// "unknown stakeholder".
inline constexpr char kCsvAssessment[] = R"(eds3: 1
rubric: eds2022
organisation: {name: Fuzz Trust}
year: 2024/25
ratings_csv: [panel.csv]
stakeholders:
  - {id: patients-forum, name: Forum, group: patients}
  - {id: staff-networks, name: Networks, group: staff}
  - {id: a, name: A, group: other}
services:
  - id: nhs-111
    name: NHS 111
  - id: s
    name: S
outcomes:
  2A:
    ratings: {a: 2}
)";

// The ratings CSV reader on the whole input, then the same text as the
// `ratings_csv` of kCsvAssessment, so every row check runs too.
inline bool RunCsv(const std::string& input) {
  Diagnostics csv_diag;
  std::vector<CsvRecord> records;
  const bool parsed = ParseCsv(input, "panel.csv", csv_diag, &records);
  for (const Diagnostic& d : csv_diag.items()) FormatDiagnostic(d);
  if (parsed == csv_diag.HasErrors()) return false;

  FuzzFiles files;
  files.main = kCsvAssessment;
  files.csv = input;
  files.has_csv = true;
  FuzzFileSystem fs(files);
  Diagnostics diag;
  const std::optional<LoadedAssessment> loaded =
      ParseAssessment(files.main, "assessment.yaml", fs, diag);
  return CheckLoad(loaded, diag);
}

// Rates the EDS 2022 outcome ids with digits and words, so a fuzzed rubric
// that keeps some of them is graded with real numbers.
inline constexpr char kRubricAssessment[] = R"(eds3: 1
rubric: custom.yaml
organisation: {name: Fuzz Trust}
year: 2024/25
stakeholders:
  - {id: a, name: A, group: staff}
  - {id: b, name: B, group: patients}
outcomes:
  1A: {ratings: {a: 0, b: 3}}
  1B: {ratings: {a: Excelling, b: developing activity}}
  2A: {ratings: {a: 1}, agreed: 3}
  2B: {ratings: {a: 9, b: 2}}
  3A:
)";

// The rubric loader on the whole input and, when the rubric loads,
// kRubricAssessment graded against it (a rubric decides the arithmetic).
inline bool RunRubric(const std::string& input) {
  Diagnostics rubric_diag;
  const std::optional<Rubric> rubric =
      ParseRubric(input, "custom.yaml", rubric_diag);
  for (const Diagnostic& d : rubric_diag.items()) FormatDiagnostic(d);
  if (rubric.has_value() == rubric_diag.HasErrors()) return false;
  if (!rubric) return true;

  FuzzFiles files;
  files.main = kRubricAssessment;
  files.rubric = input;
  files.has_rubric = true;
  FuzzFileSystem fs(files);
  Diagnostics diag;
  const std::optional<LoadedAssessment> loaded =
      ParseAssessment(files.main, "assessment.yaml", fs, diag);
  return CheckLoad(loaded, diag);
}

}  // namespace eds::fuzz

#endif  // EDS_TESTS_FUZZ_FUZZ_SUPPORT_H_
