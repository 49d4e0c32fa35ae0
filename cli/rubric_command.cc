#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <boost/program_options/options_description.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "eds/assessment.h"
#include "eds/builtin_rubrics.h"
#include "eds/diagnostics.h"
#include "eds/file_system.h"
#include "eds/method_text.h"
#include "eds/rubric.h"
#include "messages.h"
#include "options.h"

namespace eds::cli {
namespace {

const CommandSpec kRubric = {
    "rubric",
    "eds3 rubric list | eds3 rubric show ID",
    "List the built-in rubrics, or show one: its levels, rating bands, "
    "domains and outcomes.",
    "",
    0,
    2,
    "ID is a built-in rubric's id, or the path of a rubric file (a path\n"
    "contains '/' or ends in .yaml or .yml).\n"
    "Exit status: 0 shown, 1 unknown id or invalid rubric file, 2 usage\n"
    "error, 3 the file cannot be read.\n"};

// The same rule as an assessment's `rubric:` (SPEC §3).
bool IsPath(const std::string& ref) {
  auto ends_with = [&ref](const std::string& suffix) {
    return ref.size() >= suffix.size() &&
           ref.compare(ref.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ref.find('/') != std::string::npos || ends_with(".yaml") ||
         ends_with(".yml");
}

ExitStatus List(std::ostream& out, std::ostream& err) {
  std::vector<Rubric> rubrics;
  for (const BuiltinRubric& builtin : BuiltinRubrics()) {
    std::optional<Rubric> rubric = LoadBuiltinRubric(std::string(builtin.name));
    if (!rubric) {
      PrintRunProblem(
          FileError("", fmt::format("the built-in rubric '{}' does not load",
                                    builtin.name)),
          err);
      return ExitStatus::kCannotReadOrWrite;
    }
    rubrics.push_back(std::move(*rubric));
  }
  std::size_t id_width = 0;
  std::size_t version_width = 0;
  for (const Rubric& rubric : rubrics) {
    id_width = std::max(id_width, rubric.id.size());
    version_width = std::max(version_width, rubric.version.size());
  }
  for (const Rubric& rubric : rubrics) {
    out << fmt::format("{:<{}}  {:<{}}  {}\n", rubric.id, id_width,
                       rubric.version, version_width, rubric.title);
  }
  return ExitStatus::kSuccess;
}

// "0 to under 8", and for the last band "33" (or "30 to 33").
std::string BandRange(const Rubric& rubric, std::size_t index) {
  const Rational& lower = rubric.bands[index].lower;
  if (index + 1 < rubric.bands.size()) {
    return fmt::format("{} to under {}", lower.ToString(),
                       rubric.bands[index + 1].lower.ToString());
  }
  const Rational max = rubric.MaxTotal();
  if (lower >= max) return lower.ToString();
  return fmt::format("{} to {}", lower.ToString(), max.ToString());
}

std::string Describe(const Rubric& rubric) {
  std::string text =
      fmt::format("{} {}: {}\nSource: {}\n\nLevels:\n", rubric.id,
                  rubric.version, rubric.title, rubric.source);
  for (const Level& level : rubric.levels) {
    text += fmt::format("  {}  {}", level.points, level.name);
    if (!level.aliases.empty()) {
      text += fmt::format(" (also {})", fmt::join(level.aliases, ", "));
    }
    text += "\n";
  }
  text += fmt::format("\nOrganisation rating, from the total of {}:\n",
                      rubric.MaxTotal().ToString());
  std::size_t width = 0;
  for (const Band& band : rubric.bands)
    width = std::max(width, band.name.size());
  for (std::size_t i = 0; i < rubric.bands.size(); ++i) {
    text += fmt::format("  {:<{}}  {}\n", rubric.bands[i].name, width,
                        BandRange(rubric, i));
  }
  const Policy& policy = rubric.default_policy;
  text += fmt::format(
      "\nDefault policy: {}\n"
      "Stakeholder groups: {}\nReviewer roles: {}\n",
      PolicySummary(policy), fmt::join(rubric.stakeholder_groups, ", "),
      fmt::join(rubric.reviewer_roles, ", "));
  for (const Domain& domain : rubric.domains) {
    const Rational max =
        Rational(static_cast<std::int64_t>(domain.outcomes.size())) *
        Rational(rubric.MaxPoints());
    text += fmt::format("\nDomain {}: {} (out of {}{})\n", domain.id,
                        domain.name, max.ToString(),
                        domain.per_service ? "; rated per service" : "");
    for (const Outcome& outcome : domain.outcomes) {
      text += fmt::format("  {}  {}\n      {}\n", outcome.id, outcome.name,
                          outcome.title);
    }
  }
  return text;
}

ExitStatus Show(const std::string& ref, std::ostream& out, std::ostream& err) {
  DiskFileSystem fs;
  Diagnostics diag;
  std::optional<Rubric> rubric;
  if (IsPath(ref)) {
    std::string text;
    const Status read = fs.ReadFile(ref, &text);
    if (!read.ok()) {
      PrintRunProblem(ReadProblem(ref, read), err);
      return read.exit_status();
    }
    rubric = ParseRubric(text, ref, diag);
    if (rubric) rubric->source = ref;
  } else {
    rubric = ResolveRubric(ref, "", {}, "", fs, diag);
  }
  PrintDiagnostics(diag, err);
  if (!rubric) return ExitStatus::kInvalidInput;
  out << Describe(*rubric);
  return ExitStatus::kSuccess;
}

}  // namespace

ExitStatus RunRubric(const std::vector<std::string>& args, std::ostream& out,
                     std::ostream& err) {
  boost::program_options::options_description options;
  ParsedCommand parsed;
  ExitStatus exit_status = ExitStatus::kSuccess;
  if (!ParseCommand(kRubric, options, args, &parsed, out, err, &exit_status)) {
    return exit_status;
  }
  const std::vector<std::string>& operands = parsed.operands;
  if (operands.empty()) {
    return UsageError(kRubric, "missing what to do: 'list' or 'show ID'", err);
  }
  const std::string& action = operands[0];
  if (action == "list") {
    if (operands.size() > 1) {
      return UsageError(
          kRubric, fmt::format("unexpected argument '{}'", operands[1]), err);
    }
    return List(out, err);
  }
  if (action == "show") {
    if (operands.size() < 2) return UsageError(kRubric, "missing ID", err);
    return Show(operands[1], out, err);
  }
  return UsageError(kRubric,
                    fmt::format("unknown action '{}'{}", action,
                                DidYouMean(action, {"list", "show"})),
                    err);
}

}  // namespace eds::cli
