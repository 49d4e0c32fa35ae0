// The rubric reader: a rubric file's YAML into a Rubric, every problem
// reported (the rules it holds are applied by rubric.cc).

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "eds/limits.h"
#include "eds/rubric.h"
#include "eds/text.h"
#include "yaml_reader.h"
#include "yaml_tree.h"

namespace eds {
namespace {

bool IsId(const std::string& text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool IsOutcomeId(const std::string& text) {
  if (text.empty() || text.size() > 16) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

bool IsColour(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return false;
  return std::all_of(text.begin() + 1, text.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c));
  });
}

// Reads the fields of a rubric file into `rubric`, reporting every problem.
class RubricReader {
 public:
  RubricReader(const YamlFile& file, Diagnostics& diag)
      : file_(file), diag_(diag) {}

  void Read(Rubric& rubric) {
    // An assessment given where a rubric belongs would otherwise be a page
    // of missing and unknown keys.
    if (const YamlNode* key =
            file_.root().IsMapping() ? file_.root().FindKey("eds3") : nullptr) {
      file_.Error(diag_, *key, "this is an assessment file, not a rubric",
                  "a rubric file starts with 'rubric: 1' and lists levels, "
                  "bands and domains");
      return;
    }
    MappingReader top(file_, file_.root(), diag_, "the rubric",
                      {"rubric", "id", "version", "title", "levels", "bands",
                       "stakeholder_groups", "reviewer_roles", "policy",
                       "blocking_flags", "domains"});
    if (!top.ok()) return;
    if (const YamlNode* format = top.Required("rubric")) {
      std::optional<std::string> text =
          ReadText(file_, *format, "rubric", diag_);
      if (text && *text != "1") {
        file_.Error(diag_, *format,
                    fmt::format("unsupported rubric file format '{}'", *text),
                    "this version of eds3 reads rubric format 1");
      }
    }
    if (const YamlNode* id = top.Required("id")) {
      std::optional<std::string> text =
          ReadNonEmptyText(file_, *id, "id", diag_);
      if (text && !IsId(*text)) {
        file_.Error(diag_, *id,
                    fmt::format("rubric id '{}' must use only a-z, 0-9 and '-'",
                                *text));
      } else if (text) {
        rubric.id = *text;
      }
    }
    ReadRequiredText(top, "version", &rubric.version);
    ReadRequiredText(top, "title", &rubric.title);
    if (const YamlNode* levels = top.Required("levels"))
      ReadLevels(*levels, rubric);
    if (const YamlNode* bands = top.Required("bands"))
      ReadBands(*bands, rubric);
    if (const YamlNode* groups = top.Required("stakeholder_groups")) {
      ReadIdList(*groups, "stakeholder_groups", rubric.stakeholder_groups);
    }
    if (const YamlNode* roles = top.Required("reviewer_roles")) {
      ReadIdList(*roles, "reviewer_roles", rubric.reviewer_roles);
    }
    if (const YamlNode* policy = top.Optional("policy")) {
      ReadPolicy(file_, *policy, diag_, &rubric.default_policy);
    }
    if (const YamlNode* blocking = top.Optional("blocking_flags")) {
      ReadBlockingFlags(*blocking, rubric);
    }
    if (const YamlNode* domains = top.Required("domains"))
      ReadDomains(*domains, rubric);
    top.Finish();
    CheckBandsFitLevels(rubric);
  }

 private:
  void ReadBlockingFlags(const YamlNode& node, Rubric& rubric) {
    static const std::vector<std::string> kFlags = {
        "disagreement", "single-rater", "agreed-differs", "near-boundary",
        "few-services"};
    if (!ExpectList(file_, node, "blocking_flags", true, diag_)) return;
    for (const YamlNode& item : node.items) {
      std::optional<std::string> code =
          ReadNonEmptyText(file_, item, "blocking_flags", diag_);
      if (!code) continue;
      if (std::find(kFlags.begin(), kFlags.end(), *code) == kFlags.end()) {
        file_.Error(diag_, item,
                    fmt::format("unknown flag '{}'{}", *code,
                                DidYouMean(*code, kFlags)),
                    fmt::format("the flags: {}", fmt::join(kFlags, ", ")));
        continue;
      }
      rubric.blocking_flags.push_back(*code);
    }
  }

  void ReadLevels(const YamlNode& node, Rubric& rubric) {
    if (!ExpectList(file_, node, "levels", false, diag_)) return;
    std::set<std::string> words;
    for (const YamlNode& item : node.items) {
      MappingReader reader(file_, item, diag_, "a level",
                           {"id", "name", "points", "aliases", "colour"});
      if (!reader.ok()) continue;
      Level level;
      bool ok = true;
      if (const YamlNode* id = reader.Required("id")) {
        auto text = ReadNonEmptyText(file_, *id, "id", diag_);
        if (text && !IsId(*text)) {
          file_.Error(
              diag_, *id,
              fmt::format("level id '{}' must use only a-z, 0-9 and '-'",
                          *text));
          ok = false;
        } else if (text) {
          level.id = *text;
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
      if (const YamlNode* name = reader.Required("name")) {
        auto text = ReadNonEmptyText(file_, *name, "name", diag_);
        if (text)
          level.name = *text;
        else
          ok = false;
        if (text) ok &= AddRatingWord(*name, *text, words);
      } else {
        ok = false;
      }
      if (const YamlNode* points = reader.Required("points")) {
        auto text = ReadText(file_, *points, "points", diag_);
        std::optional<int> value =
            text ? ParseWholeNumber(*text) : std::nullopt;
        if (text && (!value || *value > 9)) {
          file_.Error(
              diag_, *points,
              fmt::format(
                  "level points must be a whole number from 0 to 9, not '{}'",
                  *text));
        }
        if (value && *value <= 9) {
          level.points = *value;
          if (!rubric.levels.empty() &&
              level.points <= rubric.levels.back().points) {
            file_.Error(
                diag_, *points,
                "levels must be listed in ascending points, each different");
            ok = false;
          }
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
      if (const YamlNode* aliases = reader.Optional("aliases")) {
        if (auto list = ReadTextList(file_, *aliases, "aliases", diag_)) {
          for (std::size_t i = 0; i < list->size(); ++i) {
            ok &= AddRatingWord(aliases->items[i], (*list)[i], words);
          }
          level.aliases = *list;
        }
      }
      ReadColour(reader, &level.colour);
      reader.Finish();
      if (ok) rubric.levels.push_back(level);
    }
    if (!rubric.levels.empty() && rubric.levels.front().points != 0) {
      file_.Error(diag_, node, "the lowest level must be worth 0 points");
    }
  }

  // Level names and aliases must be distinct ignoring case, must not be
  // digits (digits are read as points), and must not end in " activity"
  // (which a rating may add to any name, so such a name could never match).
  bool AddRatingWord(const YamlNode& where, const std::string& word,
                     std::set<std::string>& words) {
    if (word.find_first_not_of("0123456789") == std::string::npos) {
      file_.Error(diag_, where,
                  fmt::format("level name '{}' must not be a number", word));
      return false;
    }
    const std::string lower = LowerAscii(word);
    const std::string suffix = " activity";
    if (lower.size() >= suffix.size() &&
        lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) ==
            0) {
      file_.Error(
          diag_, where,
          fmt::format("level name '{}' must not end in ' activity'", word),
          "a rating may add ' activity' to any level name, so give the "
          "name without it");
      return false;
    }
    if (!words.insert(LowerAscii(word)).second) {
      file_.Error(diag_, where,
                  fmt::format("level name '{}' is given twice", word));
      return false;
    }
    return true;
  }

  void ReadBands(const YamlNode& node, Rubric& rubric) {
    if (!ExpectList(file_, node, "bands", false, diag_)) return;
    std::map<std::string, int> names;  // band name -> line
    for (const YamlNode& item : node.items) {
      MappingReader reader(file_, item, diag_, "a band",
                           {"name", "from", "colour"});
      if (!reader.ok()) continue;
      Band band;
      bool ok = true;
      if (const YamlNode* name = reader.Required("name")) {
        auto text = ReadNonEmptyText(file_, *name, "name", diag_);
        if (text)
          band.name = *text;
        else
          ok = false;
        if (text) {
          if (auto [it, fresh] = names.emplace(*text, name->line); !fresh) {
            file_.Error(
                diag_, *name,
                fmt::format("band name '{}' is given twice (first on line {})",
                            *text, it->second));
            ok = false;
          }
        }
      } else {
        ok = false;
      }
      if (const YamlNode* from = reader.Required("from")) {
        auto text = ReadText(file_, *from, "from", diag_);
        std::optional<int> value =
            text ? ParseWholeNumber(*text) : std::nullopt;
        if (text && !value) {
          file_.Error(
              diag_, *from,
              fmt::format("a band's 'from' must be a whole number, not '{}'",
                          *text));
        }
        if (value) {
          band.lower = *value;
          // "First" is the first listed, so that a bad first band is reported
          // once rather than again for every band after it.
          const bool first = &item == &node.items.front();
          if (first && *value != 0) {
            file_.Error(diag_, *from, "the first band must start from 0");
            ok = false;
          } else if (!first && !rubric.bands.empty() &&
                     band.lower <= rubric.bands.back().lower) {
            file_.Error(
                diag_, *from,
                "bands must be listed in ascending 'from', each different");
            ok = false;
          }
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
      ReadColour(reader, &band.colour);
      reader.Finish();
      if (ok) {
        top_band_from_ = reader.Optional("from");
        rubric.bands.push_back(band);
      }
    }
  }

  void ReadIdList(const YamlNode& node, const std::string& what,
                  std::vector<std::string>& out) {
    if (!ExpectList(file_, node, what, false, diag_)) return;
    std::set<std::string> seen;
    for (const YamlNode& item : node.items) {
      auto text = ReadNonEmptyText(file_, item, what, diag_);
      if (!text) continue;
      if (!IsId(*text)) {
        file_.Error(diag_, item,
                    fmt::format("'{}' must use only a-z, 0-9 and '-'", *text));
      } else if (!seen.insert(*text).second) {
        file_.Error(diag_, item, fmt::format("'{}' is listed twice", *text));
      } else {
        out.push_back(*text);
      }
    }
  }

  void ReadDomains(const YamlNode& node, Rubric& rubric) {
    if (!ExpectList(file_, node, "domains", false, diag_)) return;
    std::set<std::string> domain_ids, outcome_ids;
    std::size_t outcome_count = 0;
    for (const YamlNode& item : node.items) {
      MappingReader reader(file_, item, diag_, "a domain",
                           {"id", "name", "per_service", "outcomes"});
      if (!reader.ok()) continue;
      Domain domain;
      ReadUniqueId(reader, "domain", domain_ids, &domain.id);
      ReadRequiredText(reader, "name", &domain.name);
      if (const YamlNode* per_service = reader.Optional("per_service")) {
        auto text = ReadText(file_, *per_service, "per_service", diag_);
        if (text && (*text == "true" || *text == "false")) {
          domain.per_service = *text == "true";
        } else if (text) {
          file_.Error(
              diag_, *per_service,
              fmt::format("'per_service' must be true or false, not '{}'",
                          *text));
        }
      }
      if (const YamlNode* outcomes = reader.Required("outcomes")) {
        if (ExpectList(file_, *outcomes, "outcomes", false, diag_)) {
          for (const YamlNode& entry : outcomes->items) {
            if (++outcome_count > kMaxRubricOutcomes) {
              file_.Error(diag_, entry,
                          fmt::format("a rubric may have at most {} outcomes",
                                      kMaxRubricOutcomes));
              break;
            }
            ReadOutcome(entry, outcome_ids, domain);
          }
        }
      }
      reader.Finish();
      rubric.domains.push_back(domain);
    }
    if (std::count_if(rubric.domains.begin(), rubric.domains.end(),
                      [](const Domain& d) { return d.per_service; }) > 1) {
      file_.Error(diag_, node, "at most one domain may be rated per service");
    }
  }

  void ReadOutcome(const YamlNode& node, std::set<std::string>& ids,
                   Domain& domain) {
    MappingReader reader(file_, node, diag_, "an outcome",
                         {"id", "name", "title", "prompt"});
    if (!reader.ok()) return;
    Outcome outcome;
    ReadUniqueId(reader, "outcome", ids, &outcome.id);
    ReadRequiredText(reader, "name", &outcome.name);
    ReadRequiredText(reader, "title", &outcome.title);
    if (const YamlNode* prompt = reader.Optional("prompt")) {
      if (auto text = ReadText(file_, *prompt, "prompt", diag_))
        outcome.prompt = *text;
    }
    reader.Finish();
    domain.outcomes.push_back(outcome);
  }

  // The text of a required key that must not be empty into `out`; left as
  // it is when the key is missing or its value wrong (both reported).
  void ReadRequiredText(MappingReader& reader, const char* key,
                        std::string* out) {
    const YamlNode* node = reader.Required(key);
    if (node == nullptr) return;
    if (auto text = ReadNonEmptyText(file_, *node, key, diag_)) *out = *text;
  }

  // A level's or band's required colour, #RRGGBB, into `out`.
  void ReadColour(MappingReader& reader, std::string* out) {
    const YamlNode* colour = reader.Required("colour");
    if (colour == nullptr) return;
    auto text = ReadText(file_, *colour, "colour", diag_);
    if (text && IsColour(*text)) {
      *out = *text;
    } else if (text) {
      file_.Error(diag_, *colour,
                  fmt::format("colour '{}' must be written #RRGGBB", *text));
    }
  }

  // A domain's or outcome's required id (`what` says which) into `out`:
  // letters, digits, '-' or '_', and not already among `ids`, which it joins.
  void ReadUniqueId(MappingReader& reader, const char* what,
                    std::set<std::string>& ids, std::string* out) {
    const YamlNode* id = reader.Required("id");
    if (id == nullptr) return;
    auto text = ReadNonEmptyText(file_, *id, "id", diag_);
    if (text && !IsOutcomeId(*text)) {
      file_.Error(diag_, *id,
                  fmt::format("{} id '{}' must be letters, digits, '-' or '_'",
                              what, *text));
    } else if (text && !ids.insert(*text).second) {
      file_.Error(diag_, *id,
                  fmt::format("{} id '{}' is given twice", what, *text));
    } else if (text) {
      *out = *text;
    }
  }

  // The last band's lower bound must be reachable: no higher than the maximum
  // total, or the top rating could never be given.
  void CheckBandsFitLevels(const Rubric& rubric) {
    if (diag_.HasErrors() || rubric.bands.empty() || rubric.levels.empty())
      return;
    if (rubric.bands.back().lower > rubric.MaxTotal()) {
      file_.Error(diag_, *top_band_from_,
                  fmt::format("the top band starts from {}, above the highest "
                              "possible total {}",
                              rubric.bands.back().lower.ToString(),
                              rubric.MaxTotal().ToString()));
    }
  }

  const YamlFile& file_;
  Diagnostics& diag_;
  const YamlNode* top_band_from_ = nullptr;  // the last band's 'from'
};

}  // namespace

void ReadPolicy(const YamlFile& file, const YamlNode& node, Diagnostics& diag,
                Policy* policy) {
  MappingReader reader(file, node, diag, "policy",
                       {"raters", "services", "rounding"});
  if (!reader.ok()) return;
  const auto read = [&](const char* key, auto parse, auto* out,
                        const char* allowed) {
    const YamlNode* value = reader.Optional(key);
    if (value == nullptr) return;
    auto text = ReadText(file, *value, key, diag);
    if (!text) return;
    if (auto parsed = parse(*text)) {
      *out = *parsed;
    } else {
      file.Error(diag, *value,
                 fmt::format("unknown {} policy '{}'", key, *text),
                 fmt::format("use one of: {}", allowed));
    }
  };
  read("raters", ParseRatersPolicy, &policy->raters, "median, mean, min");
  read("services", ParseServicesPolicy, &policy->services, "median, mean");
  read("rounding", ParseRoundingPolicy, &policy->rounding, "half, down, none");
  reader.Finish();
}

std::optional<Rubric> ParseRubric(const std::string& text,
                                  const std::string& file, Diagnostics& diag) {
  Diagnostics local;
  std::optional<YamlFile> yaml = YamlFile::Parse(text, file, local);
  Rubric rubric;
  if (yaml) {
    if (yaml->root().IsNull()) {
      local.Error({file, 1, 1}, "the rubric file is empty");
    } else {
      RubricReader(*yaml, local).Read(rubric);
    }
  }
  diag.Append(local);
  if (local.HasErrors()) return std::nullopt;
  rubric.source = file;
  return rubric;
}

}  // namespace eds
