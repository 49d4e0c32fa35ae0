// The policy and levels of a rubric: the words of the scoring rules, and
// the lookups of levels and bands that grading uses. A rubric file is read by
// rubric_reader.cc.

#include "eds/rubric.h"

#include <fmt/format.h>

#include <cstdint>

#include "eds/text.h"

namespace eds {

const char* PolicyWord(RatersPolicy value) {
  switch (value) {
    case RatersPolicy::kMedian:
      return "median";
    case RatersPolicy::kMean:
      return "mean";
    case RatersPolicy::kMin:
      return "min";
  }
  return "median";
}

const char* PolicyWord(ServicesPolicy value) {
  return value == ServicesPolicy::kMean ? "mean" : "median";
}

const char* PolicyWord(RoundingPolicy value) {
  switch (value) {
    case RoundingPolicy::kHalf:
      return "half";
    case RoundingPolicy::kDown:
      return "down";
    case RoundingPolicy::kNone:
      return "none";
  }
  return "half";
}

std::optional<RatersPolicy> ParseRatersPolicy(const std::string& word) {
  if (word == "median") return RatersPolicy::kMedian;
  if (word == "mean") return RatersPolicy::kMean;
  if (word == "min") return RatersPolicy::kMin;
  return std::nullopt;
}

std::optional<ServicesPolicy> ParseServicesPolicy(const std::string& word) {
  if (word == "median") return ServicesPolicy::kMedian;
  if (word == "mean") return ServicesPolicy::kMean;
  return std::nullopt;
}

std::optional<RoundingPolicy> ParseRoundingPolicy(const std::string& word) {
  if (word == "half") return RoundingPolicy::kHalf;
  if (word == "down") return RoundingPolicy::kDown;
  if (word == "none") return RoundingPolicy::kNone;
  return std::nullopt;
}

std::string Rubric::Provenance() const {
  if (sha256.empty())
    return fmt::format("{} version {}, {}", id, version, source);
  return fmt::format("{} version {}, file {}, SHA-256 {}", id, version, source,
                     sha256);
}

int Rubric::MaxPoints() const {
  return levels.empty() ? 0 : levels.back().points;
}

Rational Rubric::MaxTotal() const {
  std::int64_t outcomes = 0;
  for (const Domain& domain : domains) {
    outcomes += static_cast<std::int64_t>(domain.outcomes.size());
  }
  return Rational(outcomes * MaxPoints());
}

const Outcome* Rubric::FindOutcome(const std::string& outcome_id) const {
  for (const Domain& domain : domains) {
    for (const Outcome& outcome : domain.outcomes) {
      if (outcome.id == outcome_id) return &outcome;
    }
  }
  return nullptr;
}

const Domain* Rubric::DomainOf(const std::string& outcome_id) const {
  for (const Domain& domain : domains) {
    for (const Outcome& outcome : domain.outcomes) {
      if (outcome.id == outcome_id) return &domain;
    }
  }
  return nullptr;
}

std::vector<std::string> Rubric::OutcomeIds() const {
  std::vector<std::string> ids;
  for (const Domain& domain : domains) {
    for (const Outcome& outcome : domain.outcomes) ids.push_back(outcome.id);
  }
  return ids;
}

const Level* Rubric::LevelForPoints(int points) const {
  for (const Level& level : levels) {
    if (level.points == points) return &level;
  }
  return nullptr;
}

const Level* Rubric::LevelOf(const Rational& score) const {
  const Level* found = nullptr;
  for (const Level& level : levels) {
    if (Rational(level.points) <= score) found = &level;
  }
  return found;
}

const Band& Rubric::BandOf(const Rational& total) const {
  const Band* found = &bands.front();
  for (const Band& band : bands) {
    if (band.lower <= total) found = &band;
  }
  return *found;
}

const Band* Rubric::FindBand(const std::string& name) const {
  for (const Band& band : bands) {
    if (band.name == name) return &band;
  }
  return nullptr;
}

std::optional<int> Rubric::ParseRating(const std::string& text) const {
  if (text.size() == 1 && text[0] >= '0' && text[0] <= '9') {
    const Level* level = LevelForPoints(text[0] - '0');
    if (level == nullptr) return std::nullopt;
    return level->points;
  }
  std::string word = LowerAscii(text);
  const std::string suffix = " activity";
  if (word.size() > suffix.size() &&
      word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
    word.erase(word.size() - suffix.size());
  }
  for (const Level& level : levels) {
    if (LowerAscii(level.name) == word) return level.points;
    for (const std::string& alias : level.aliases) {
      if (LowerAscii(alias) == word) return level.points;
    }
  }
  return std::nullopt;
}

std::vector<std::string> Rubric::RatingWords() const {
  std::vector<std::string> words;
  for (const Level& level : levels) {
    words.push_back(std::to_string(level.points));
    words.push_back(level.name);
    for (const std::string& alias : level.aliases) words.push_back(alias);
  }
  return words;
}

}  // namespace eds
