#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>

#include "eds/assessment.h"
#include "eds/builtin_rubrics.h"
#include "sha256.h"

namespace eds {
namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Rubric files parsed lately, with what parsing them reported, so that a
// rollup of many assessments naming one rubric file parses it once. An entry
// is used only for the same path and the same text, so a changed file (or a
// test's in-memory file) is parsed afresh. A few entries are kept: one
// folder of assessments names one or two rubric files.
class RubricFileCache {
 public:
  std::optional<Rubric> Parse(const std::string& path, std::string text,
                              Diagnostics& diag) {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const Entry& entry : entries_) {
      if (entry.path == path && entry.text == text) {
        diag.Append(entry.problems);
        return entry.rubric;
      }
    }
    Entry entry{path, std::move(text), std::nullopt, {}};
    entry.rubric = ParseRubric(entry.text, path, entry.problems);
    diag.Append(entry.problems);
    if (entries_.size() == kEntries) entries_.pop_front();
    entries_.push_back(std::move(entry));
    return entries_.back().rubric;
  }

 private:
  static constexpr std::size_t kEntries = 4;
  struct Entry {
    std::string path;
    std::string text;
    std::optional<Rubric> rubric;
    Diagnostics problems;
  };
  std::mutex mutex_;
  std::deque<Entry> entries_;
};

std::vector<std::string> BuiltinNames() {
  std::vector<std::string> names;
  for (const BuiltinRubric& rubric : BuiltinRubrics()) {
    names.emplace_back(rubric.name);
  }
  return names;
}

}  // namespace

std::optional<Rubric> LoadBuiltinRubric(const std::string& id) {
  // Each built-in rubric is parsed once a process: a rollup names the same
  // one in every file, and parsing it cost a fifth of a national rollup.
  static std::mutex mutex;
  static std::map<std::string, std::optional<Rubric>, std::less<>> parsed;
  const std::lock_guard<std::mutex> lock(mutex);
  if (auto found = parsed.find(id); found != parsed.end()) return found->second;
  for (const BuiltinRubric& builtin : BuiltinRubrics()) {
    if (builtin.name != id) continue;
    Diagnostics diag;
    std::optional<Rubric> rubric =
        ParseRubric(std::string(builtin.text), "rubrics/" + id + ".yaml", diag);
    // Built-in rubrics are checked by the test suite; a broken one is a
    // build defect, reported as "no such rubric" rather than a crash.
    if (rubric) rubric->source = "built-in";
    parsed.emplace(id, rubric);
    return rubric;
  }
  return std::nullopt;
}

bool IsRubricPath(const std::string& ref) {
  return ref.find('/') != std::string::npos || EndsWith(ref, ".yaml") ||
         EndsWith(ref, ".yml");
}

std::optional<Rubric> ResolveRubric(const std::string& ref,
                                    const std::string& base_dir,
                                    const SourceLocation& where,
                                    const std::string& source_line,
                                    FileSystem& fs, Diagnostics& diag) {
  if (!IsRubricPath(ref)) {
    if (std::optional<Rubric> rubric = LoadBuiltinRubric(ref)) return rubric;
    const std::vector<std::string> names = BuiltinNames();
    diag.Error(
        where,
        fmt::format("unknown rubric '{}'{}", ref, DidYouMean(ref, names)),
        fmt::format("built-in rubrics: {}; or give a path to a rubric "
                    "file ending in .yaml",
                    fmt::join(names, ", ")),
        source_line);
    return std::nullopt;
  }
  const std::string path = JoinPath(base_dir, ref);
  std::string text;
  Status status = fs.ReadFile(path, &text);
  if (!status.ok()) {
    diag.Error(
        where,
        fmt::format("cannot read rubric file '{}': {}", path, status.message()),
        ref.front() == '/'
            ? ""
            : "a rubric path is relative to the assessment file's folder",
        source_line);
    return std::nullopt;
  }
  const std::string sha256 = Sha256Hex(text);
  static RubricFileCache cache;
  std::optional<Rubric> rubric = cache.Parse(path, text, diag);
  if (!rubric) {
    diag.Error(where,
               fmt::format("rubric file '{}' is not valid (see above)", path),
               "", source_line);
    return rubric;
  }
  // A file may not pass for a built-in rubric with other bands or points:
  // every output would name the built-in one.
  for (const BuiltinRubric& builtin : BuiltinRubrics()) {
    if (builtin.name == rubric->id && builtin.text != text) {
      diag.Error(where,
                 fmt::format("rubric file '{}' has the id '{}' of a built-in "
                             "rubric but differs from it",
                             path, rubric->id),
                 fmt::format("write 'rubric: {}' for the built-in rubric, or "
                             "give the file an id of its own",
                             rubric->id),
                 source_line);
      return std::nullopt;
    }
  }
  rubric->sha256 = sha256;
  return rubric;
}

}  // namespace eds
