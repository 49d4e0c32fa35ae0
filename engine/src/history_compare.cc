// Compare: one organisation's years side by side, and the changes between
// them in words.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "eds/history.h"
#include "history_internal.h"

namespace eds {
namespace {

const char* UpOrDown(Movement movement) {
  return movement == Movement::kDown ? "fell" : "rose";
}

}  // namespace

Movement MovementOf(const std::optional<Rational>& from,
                    const std::optional<Rational>& to) {
  if (!from && !to) return Movement::kNeverScored;
  if (!from) return Movement::kNewlyScored;
  if (!to) return Movement::kNoLongerScored;
  if (*to > *from) return Movement::kUp;
  if (*to < *from) return Movement::kDown;
  return Movement::kSame;
}

Status Compare(std::vector<OrganisationYear> years,
               const std::string& tool_version, Diagnostics& diag,
               CompareResult* result) {
  if (years.size() < 2) {
    const std::string message = "compare needs at least two years";
    diag.Error({}, message);
    return Status::InvalidInput(message);
  }
  // Every file is checked against the first, so each problem names the two
  // files involved and all are reported together.
  const OrganisationYear& first = years.front();
  std::map<std::string, const OrganisationYear*> by_year;
  std::size_t problems = 0;
  for (const OrganisationYear& year : years) {
    if (year.identity != first.identity) {
      std::string hint;
      if (year.organisation.name == first.organisation.name) {
        hint =
            "an organisation is identified by its code, or by its name "
            "when it has none; give both files the same organisation.code";
      }
      diag.Error(
          WholeFile(year.source),
          fmt::format("organisation {} is not {} of {}; compare takes "
                      "the years of one organisation",
                      DescribeOrganisation(year.organisation),
                      DescribeOrganisation(first.organisation), first.source),
          hint);
      ++problems;
      continue;
    }
    auto [it, fresh] = by_year.emplace(year.year, &year);
    if (!fresh) {
      diag.Error(WholeFile(year.source),
                 fmt::format("year {} is also the year of {}; compare needs "
                             "each year once",
                             year.year, it->second->source));
      ++problems;
    }
  }
  if (problems > 0) {
    return Status::InvalidInput(
        fmt::format("{} problem{} with the files to compare", problems,
                    problems == 1 ? "" : "s"));
  }

  std::stable_sort(years.begin(), years.end(), EarlierYear);
  CompareResult out;
  out.organisation = years.back().organisation;
  out.rubric = years.back().rubric;
  out.tool_version = tool_version;
  std::vector<const OrganisationYear*> newest_first;
  for (auto it = years.rbegin(); it != years.rend(); ++it) {
    newest_first.push_back(&*it);
  }
  std::vector<const OrganisationYear*> oldest_first(newest_first.rbegin(),
                                                    newest_first.rend());
  CollectRubricsAndPolicies(oldest_first, &out.rubrics, &out.policies);

  for (const OutcomeInfo& info : OutcomeUnion(*out.rubric, newest_first)) {
    TrendRow row;
    row.outcome = info;
    row.comparable = true;
    for (const OrganisationYear& year : years) {
      const IdScore* entry = year.FindOutcome(info.id);
      row.assessed.push_back(entry != nullptr);
      row.scores.push_back(entry == nullptr ? std::nullopt : entry->score);
      row.comparable = row.comparable && entry != nullptr;
    }
    if (row.comparable) {
      const std::size_t last = years.size() - 1;
      row.change = Difference(row.scores[last - 1], row.scores[last]);
      row.change_since_first = Difference(row.scores[0], row.scores[last]);
    } else {
      out.not_comparable.push_back(info.id);
    }
    out.outcomes.push_back(std::move(row));
  }

  for (std::size_t i = 1; i < years.size(); ++i) {
    const OrganisationYear& before = years[i - 1];
    const OrganisationYear& after = years[i];
    for (const TrendRow& row : out.outcomes) {
      if (!row.comparable) continue;
      const Movement movement = MovementOf(row.scores[i - 1], row.scores[i]);
      if (movement == Movement::kSame || movement == Movement::kNeverScored) {
        continue;
      }
      OutcomeChange change;
      change.outcome = row.outcome;
      change.from_year = before.year;
      change.to_year = after.year;
      change.from = row.scores[i - 1];
      change.to = row.scores[i];
      change.difference = Difference(change.from, change.to);
      change.from_level = {ScoreLevel::Of(*before.rubric, change.from),
                           before.rubric};
      change.to_level = {ScoreLevel::Of(*after.rubric, change.to),
                         after.rubric};
      change.movement = movement;
      out.changes.push_back(std::move(change));
    }
    RatingChange rating;
    rating.from_year = before.year;
    rating.to_year = after.year;
    rating.from = before.Rating();
    rating.to = after.Rating();
    rating.from_total = before.total;
    rating.to_total = after.total;
    rating.movement = MovementOf(before.total, after.total);
    rating.from_max = before.rubric->MaxTotal();
    rating.to_max = after.rubric->MaxTotal();
    rating.same_scale = rating.from_max == rating.to_max;
    if (!rating.same_scale) {
      rating.no_change = NoChange::kDifferentMaxima;
    } else {
      rating.change = Difference(rating.from_total, rating.to_total);
      if (!rating.change) rating.no_change = NoChange::kIncomplete;
    }
    out.rating_changes.push_back(std::move(rating));
  }
  out.years = std::move(years);
  *result = std::move(out);
  return Status::Ok();
}

std::string DescribeChange(const OutcomeChange& change) {
  const std::string what =
      fmt::format("{} {}", change.outcome.id, change.outcome.name);
  switch (change.movement) {
    case Movement::kNewlyScored:
      return fmt::format(
          "{} was scored {} ({}) in {}; it was not scored in {}.", what,
          change.to_level.Name(), change.to->ToString(), change.to_year,
          change.from_year);
    case Movement::kNoLongerScored:
      return fmt::format("{} was not scored in {}; it was {} ({}) in {}.", what,
                         change.to_year, change.from_level.Name(),
                         change.from->ToString(), change.from_year);
    case Movement::kSame:
    case Movement::kNeverScored:
      return fmt::format("{} did not change in {}.", what, change.to_year);
    case Movement::kUp:
    case Movement::kDown:
      break;
  }
  return fmt::format("{} {} from {} ({}) to {} ({}) in {}.", what,
                     UpOrDown(change.movement), change.from_level.Name(),
                     change.from->ToString(), change.to_level.Name(),
                     change.to->ToString(), change.to_year);
}

std::string DescribeRatingChange(const RatingChange& change) {
  if (!change.same_scale && change.from_total && change.to_total) {
    const std::string from = fmt::format(
        "{} of {}", change.from_total->ToString(), change.from_max.ToString());
    const std::string to = fmt::format("{} of {}", change.to_total->ToString(),
                                       change.to_max.ToString());
    const std::string rating =
        change.from.Name() == change.to.Name()
            ? fmt::format("The rating stayed {} in {} ({}, after {} in {})",
                          change.to.Name(), change.to_year, to, from,
                          change.from_year)
            : fmt::format("The rating went from {} ({}) in {} to {} ({}) in {}",
                          change.from.Name(), from, change.from_year,
                          change.to.Name(), to, change.to_year);
    return rating +
           "; the two years' rubrics have different maximum totals, so the "
           "totals are not on one scale.";
  }
  switch (change.movement) {
    case Movement::kNeverScored:
      return fmt::format("{} and {} are both incomplete.", change.from_year,
                         change.to_year);
    case Movement::kNewlyScored:
      return fmt::format("{} was incomplete; {} is rated {} ({}).",
                         change.from_year, change.to_year, change.to.Name(),
                         change.to_total->ToString());
    case Movement::kNoLongerScored:
      return fmt::format("{} is incomplete; {} was rated {} ({}).",
                         change.to_year, change.from_year, change.from.Name(),
                         change.from_total->ToString());
    case Movement::kSame:
      return fmt::format("The rating stayed {} in {}, with the total at {}.",
                         change.to.Name(), change.to_year,
                         change.to_total->ToString());
    case Movement::kUp:
    case Movement::kDown:
      break;
  }
  if (change.from.Name() == change.to.Name()) {
    return fmt::format(
        "The rating stayed {} in {}; the total {} from {} to {}.",
        change.to.Name(), change.to_year, UpOrDown(change.movement),
        change.from_total->ToString(), change.to_total->ToString());
  }
  return fmt::format("The rating {} from {} ({}) in {} to {} ({}) in {}.",
                     UpOrDown(change.movement), change.from.Name(),
                     change.from_total->ToString(), change.from_year,
                     change.to.Name(), change.to_total->ToString(),
                     change.to_year);
}

}  // namespace eds
