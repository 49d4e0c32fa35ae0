#include "eds/completeness.h"

#include <fmt/format.h>

#include <algorithm>

namespace eds {

std::string IncompleteSummary(const GradeResult& result) {
  if (result.missing.empty()) return "";
  return fmt::format("{} outcome{} not rated", result.missing.size(),
                     result.missing.size() == 1 ? "" : "s");
}

bool RequireComplete(const GradeResult& result, const Rubric& rubric,
                     const std::string& source, Diagnostics& diag) {
  bool ok = true;
  if (!result.missing.empty()) {
    diag.Error(
        {source, 0, 0},
        fmt::format("incomplete: {}, and --require-complete asks for "
                    "every outcome",
                    IncompleteSummary(result)),
        "rate each outcome listed below, or leave out --require-complete "
        "to grade it as Incomplete");
    for (const std::string& missing : result.missing) {
      diag.Note({source, 0, 0}, missing);
    }
    ok = false;
  }
  for (const Flag& flag : result.flags) {
    const auto& blocking = rubric.blocking_flags;
    if (std::find(blocking.begin(), blocking.end(), flag.code) ==
        blocking.end()) {
      continue;
    }
    diag.Error({source, 0, 0},
               fmt::format("flag '{}' blocks completion (rubric '{}' lists it "
                           "under blocking_flags): {}",
                           flag.code, rubric.id, flag.message),
               "resolve it with the panel, for example with an agreed score");
    ok = false;
  }
  return ok;
}

}  // namespace eds
