#include "eds/skeleton.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <sstream>
#include <vector>

#include "eds/limits.h"
#include "text_checks.h"
#include "yaml_tree.h"

namespace eds {
namespace {

// Comment lines are wrapped to fit an 80-column editor.
constexpr std::size_t kWidth = 79;

// Appends `text` as comment lines, each starting with `prefix` ("  # "),
// words wrapped at kWidth. Line breaks in `text` count as spaces, so rubric
// text cannot end a comment early.
void AddComment(const std::string& prefix, const std::string& text,
                std::string* out) {
  std::istringstream words(text);
  std::string word;
  std::string line;
  while (words >> word) {
    if (!line.empty() &&
        prefix.size() + line.size() + 1 + word.size() > kWidth) {
      *out += prefix + line + "\n";
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) *out += prefix + line + "\n";
}

// True when `text` holds no control character and no Unicode line break,
// so it stays one line in the file and in every output.
bool IsOneLine(const std::string& text) {
  for (char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return false;
  }
  for (const char* line_break : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    if (text.find(line_break) != std::string::npos) return false;
  }
  return true;
}

Status CheckRequest(const SkeletonRequest& request) {
  const std::string& name = request.organisation;
  int line = 0;
  int column = 0;
  if (name.find_first_not_of(' ') == std::string::npos) {
    return Status::Usage("the organisation name is empty");
  }
  if (!IsValidText(name, &line, &column) || !IsOneLine(name)) {
    return Status::Usage(
        "the organisation name must be one line of UTF-8 text, without "
        "control characters");
  }
  if (name.size() > kMaxTextBytes) {
    return Status::Usage(fmt::format(
        "the organisation name is longer than {} bytes", kMaxTextBytes));
  }
  if (!IsAcademicYear(request.year)) {
    return Status::Usage(fmt::format(
        "year '{}' is not YYYY/YY with YY the year after YYYY (for example "
        "2024/25)",
        request.year));
  }
  if (request.services > kMaxServices) {
    return Status::Usage(fmt::format("{} services is more than the limit of {}",
                                     request.services, kMaxServices));
  }
  return Status::Ok();
}

// "0 or Undeveloped (also Underdeveloped), 1 or Developing, ..."
std::string LevelsPhrase(const Rubric& rubric) {
  std::vector<std::string> parts;
  for (const Level& level : rubric.levels) {
    std::string part = fmt::format("{} or {}", level.points, level.name);
    if (!level.aliases.empty()) {
      part += fmt::format(" (also {})", fmt::join(level.aliases, ", "));
    }
    parts.push_back(std::move(part));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

struct ExampleStakeholder {
  const char* id;
  const char* name;
  const char* group;  // used when the rubric has it, else its first group
};

constexpr ExampleStakeholder kExampleStakeholders[] = {
    {"patients-forum", "Patient and public forum", "patients"},
    {"staff-networks", "Staff network chairs", "staff"},
};

std::string GroupFor(const Rubric& rubric, const std::string& wanted) {
  const auto& groups = rubric.stakeholder_groups;
  return std::find(groups.begin(), groups.end(), wanted) != groups.end()
             ? wanted
             : groups.front();
}

// The outcome that the worked example in the header comment uses: the first
// one rated once per organisation, as most of a file's outcomes are.
const Outcome& ExampleOutcome(const Rubric& rubric) {
  for (const Domain& domain : rubric.domains) {
    if (!domain.per_service && !domain.outcomes.empty()) {
      return domain.outcomes.front();
    }
  }
  return rubric.domains.front().outcomes.front();
}

void AddHeader(const Rubric& rubric, const SkeletonRequest& request,
               int next_year, std::string* out) {
  AddComment("# ",
             fmt::format("{} assessment: {}, {}.", rubric.title,
                         request.organisation, request.year),
             out);
  *out +=
      "# Made by eds3 init. Fill it in with the panel, then check it with\n"
      "#   eds3 validate FILE\n"
      "# and grade it with\n"
      "#   eds3 grade FILE\n"
      "#\n"
      "# How to rate an outcome\n";
  AddComment("#   ",
             fmt::format("A rating is one of: {}. A level name may be followed "
                         "by \"activity\", and letter case does not matter.",
                         LevelsPhrase(rubric)),
             out);
  AddComment("#   ",
             "Under an outcome's key, give each stakeholder's rating by "
             "stakeholder id. The panel may also give an agreed score, which "
             "then is the outcome's score. Evidence, notes and actions are "
             "optional.",
             out);
  AddComment("#   ",
             "An outcome with nothing after its key is unrated: eds3 grades "
             "the file as Incomplete and lists what is missing.",
             out);
  const Outcome& example = ExampleOutcome(rubric);
  const Level& level = rubric.levels[rubric.levels.size() / 2];
  *out += fmt::format(
      "#\n"
      "# A filled-in outcome looks like this:\n"
      "#   {id}:\n"
      "#     ratings:\n"
      "#       {first}: {points}\n"
      "#       {second}: {name}\n"
      "#     agreed: {points}\n"
      "#     evidence:\n"
      "#       - title: Staff survey {year}, results by protected "
      "characteristic\n"
      "#         link: https://example.org/staff-survey\n"
      "#     notes: The panel's reasoning.\n"
      "#     actions:\n"
      "#       - action: What will be done, and for whom\n"
      "#         owner: Who leads it\n"
      "#         due: {next}-09-30\n"
      "#\n",
      fmt::arg("id", example.id), fmt::arg("first", kExampleStakeholders[0].id),
      fmt::arg("second", kExampleStakeholders[1].id),
      fmt::arg("points", level.points), fmt::arg("name", level.name),
      fmt::arg("year", next_year - 1), fmt::arg("next", next_year));
  AddComment("# ",
             "Panel score sheets (CSV or xlsx) may give ratings instead: add "
             "\"score_sheets: [panel.csv]\" with the columns service, outcome, "
             "stakeholder, score and, optionally, comment; \"eds3 init "
             "--score-sheet panel.xlsx\" writes one to fill in.",
             out);
  *out += "\n";
}

void AddIdentity(const Rubric& rubric, const SkeletonRequest& request,
                 int next_year, std::string* out) {
  *out += fmt::format(
      "eds3: 1\n"
      "rubric: {rubric}\n"
      "organisation:\n"
      "  name: {name}\n"
      "  # code: RXX            # optional: ODS code, the same every year\n"
      "  # system: Example ICS  # optional: integrated care system\n"
      "year: {year}\n"
      "# Optional details, shown at the top of the outputs:\n"
      "# completed: {next}-02-14\n"
      "# lead: Head of EDI\n"
      "# sponsor: Director of People\n"
      "# partners: [Example ICB]\n"
      "# engagement: [{this}-11-05, {this}-12-10]\n"
      "# published: {next}-03\n"
      "# authorised: {next}-02-27\n"
      "# review_due: {later}-02-28\n"
      "# How ratings are combined (the rubric's defaults):\n"
      "# policy:\n"
      "#   raters: {raters:<8}  # median | mean | min\n"
      "#   services: {services:<6}  # median | mean\n"
      "#   rounding: {rounding:<6}  # half | down | none\n"
      "\n",
      fmt::arg("rubric", rubric.id),
      fmt::arg("name", YamlQuote(request.organisation)),
      fmt::arg("year", request.year), fmt::arg("this", next_year - 1),
      fmt::arg("next", next_year), fmt::arg("later", next_year + 1),
      fmt::arg("raters", PolicyWord(rubric.default_policy.raters)),
      fmt::arg("services", PolicyWord(rubric.default_policy.services)),
      fmt::arg("rounding", PolicyWord(rubric.default_policy.rounding)));
}

void AddStakeholders(const Rubric& rubric, std::string* out) {
  // Without groups no stakeholder can be declared; an unrated file needs none.
  if (rubric.stakeholder_groups.empty()) return;
  AddComment("# ",
             "Who rates: replace these examples with the panel. An id is "
             "lower-case letters, digits and '-'; ratings name it. A group is "
             "one of: " +
                 fmt::format("{}.", fmt::join(rubric.stakeholder_groups, ", ")),
             out);
  *out += "stakeholders:\n";
  for (const ExampleStakeholder& example : kExampleStakeholders) {
    *out += fmt::format("  - id: {}\n    name: {}\n    group: {}\n", example.id,
                        example.name, GroupFor(rubric, example.group));
  }
  *out += "\n";
}

// Each outcome's title and prompt as comments, then its key with no value.
void AddOutcome(const Outcome& outcome, const std::string& indent,
                std::string* out) {
  AddComment(indent + "# ",
             fmt::format("{} {}: {}", outcome.id, outcome.name, outcome.title),
             out);
  if (!outcome.prompt.empty()) {
    AddComment(indent + "#   ", "Evidence: " + outcome.prompt, out);
  }
  *out += fmt::format("{}{}:\n", indent, outcome.id);
}

void AddServices(const Rubric& rubric, std::size_t count, std::string* out) {
  for (const Domain& domain : rubric.domains) {
    if (!domain.per_service) continue;
    AddComment("# ",
               fmt::format("Domain {}: {}, rated for each service.", domain.id,
                           domain.name),
               out);
    for (const Outcome& outcome : domain.outcomes) {
      AddComment(
          "#   ",
          fmt::format("{} {}: {}", outcome.id, outcome.name, outcome.title),
          out);
      if (!outcome.prompt.empty()) {
        AddComment("#     ", "Evidence: " + outcome.prompt, out);
      }
    }
  }
  AddComment("# ",
             "Replace each service's name (and, if you like, its id: "
             "lower-case letters, digits and '-'). To rate these outcomes "
             "once for the organisation instead, remove the services list and "
             "give the outcomes under \"outcomes:\".",
             out);
  *out += "services:\n";
  for (std::size_t i = 1; i <= count; ++i) {
    *out += fmt::format(
        "  - id: service-{0}\n    name: \"Service {0}\"\n    outcomes:\n", i);
    for (const Domain& domain : rubric.domains) {
      if (!domain.per_service) continue;
      for (const Outcome& outcome : domain.outcomes) {
        *out += fmt::format("      {}:    # {}\n", outcome.id, outcome.name);
      }
    }
  }
  *out += "\n";
}

void AddOutcomes(const Rubric& rubric, bool with_services, std::string* out) {
  bool any = false;
  for (const Domain& domain : rubric.domains) {
    if (domain.per_service && with_services) continue;
    *out += any ? "\n" : "outcomes:\n";
    any = true;
    AddComment("  # ", fmt::format("Domain {}: {}", domain.id, domain.name),
               out);
    if (domain.per_service) {
      AddComment("  # ",
                 "Rated once for the organisation. To rate it for each "
                 "service instead, see \"eds3 init --help\".",
                 out);
    }
    for (const Outcome& outcome : domain.outcomes) {
      *out += "\n";
      AddOutcome(outcome, "  ", out);
    }
  }
}

}  // namespace

std::string YamlQuote(const std::string& text) {
  std::string quoted = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += static_cast<char>(c);
    } else if (c == '\n') {
      quoted += "\\n";
    } else if (c == '\t') {
      quoted += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      quoted += fmt::format("\\x{:02X}", c);
    } else if (text.compare(i, 2, "\xC2\x85") == 0) {
      quoted += "\\N";
      ++i;
    } else if (text.compare(i, 3, "\xE2\x80\xA8") == 0) {
      quoted += "\\L";
      i += 2;
    } else if (text.compare(i, 3, "\xE2\x80\xA9") == 0) {
      quoted += "\\P";
      i += 2;
    } else {
      quoted += static_cast<char>(c);
    }
  }
  return quoted + "\"";
}

std::vector<ScoreSheetRow> ScoreSheetRows(const Rubric& rubric,
                                          const SkeletonRequest& request) {
  std::vector<ScoreSheetRow> rows;
  if (rubric.stakeholder_groups.empty()) return rows;
  const auto add = [&](const std::string& service,
                       const std::string& service_name,
                       const Outcome& outcome) {
    for (const ExampleStakeholder& example : kExampleStakeholders) {
      rows.push_back({service, service_name, outcome.id, outcome.name,
                      example.id, example.name});
    }
  };
  const auto per_service = [&](const Domain& domain) {
    return domain.per_service && request.services > 0;
  };
  for (std::size_t i = 1; i <= request.services; ++i) {
    for (const Domain& domain : rubric.domains) {
      if (!per_service(domain)) continue;
      for (const Outcome& outcome : domain.outcomes) {
        add(fmt::format("service-{}", i), fmt::format("Service {}", i),
            outcome);
      }
    }
  }
  for (const Domain& domain : rubric.domains) {
    if (per_service(domain)) continue;
    for (const Outcome& outcome : domain.outcomes) add("", "", outcome);
  }
  return rows;
}

Status AssessmentSkeleton(const Rubric& rubric, const SkeletonRequest& request,
                          std::string* yaml, const std::string& score_sheet) {
  Status status = CheckRequest(request);
  if (!status.ok()) return status;
  const int next_year = std::stoi(request.year.substr(0, 4)) + 1;
  const bool has_per_service =
      std::any_of(rubric.domains.begin(), rubric.domains.end(),
                  [](const Domain& domain) { return domain.per_service; });
  const bool with_services = has_per_service && request.services > 0;

  std::string out;
  AddHeader(rubric, request, next_year, &out);
  AddIdentity(rubric, request, next_year, &out);
  AddStakeholders(rubric, &out);
  if (!score_sheet.empty()) {
    AddComment("# ",
               "The panel's ratings: fill in the score sheet, then grade this "
               "file. Ratings may also be written below.",
               &out);
    out += fmt::format("score_sheets: [{}]\n\n", YamlQuote(score_sheet));
  }
  if (with_services) AddServices(rubric, request.services, &out);
  AddOutcomes(rubric, with_services, &out);
  *yaml = std::move(out);
  return Status::Ok();
}

}  // namespace eds
