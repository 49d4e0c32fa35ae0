// What a rollup says needs a commissioner's attention (docs/commissioners.md),
// and the system row of the heat map.

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "eds/grade.h"
#include "eds/history.h"

namespace eds {
namespace {

// The position of `rating` in the rollup's ordered ratings (bands, then
// incomplete), so that a rating's movement has a direction.
std::ptrdiff_t RankOf(const RollupResult& rollup, const std::string& rating) {
  return std::find(rollup.ratings.begin(), rollup.ratings.end(), rating) -
         rollup.ratings.begin();
}

std::string OrganisationText(const Organisation& organisation) {
  if (organisation.code.empty()) return organisation.name;
  return fmt::format("{} ({})", organisation.name, organisation.code);
}

AttentionItem ItemFor(AttentionReason reason,
                      const RollupOrganisation& organisation) {
  AttentionItem item;
  item.reason = reason;
  item.organisation = organisation.organisation;
  item.file = organisation.latest().source;
  item.year = organisation.latest().year;
  item.rating = organisation.latest().Rating();
  return item;
}

// The biggest changes in one direction: at least `threshold` in size, at
// most kBiggestChanges, largest first (rollup order among equals).
void AddBiggestChanges(const RollupResult& rollup, bool rises,
                       const Rational& threshold, Attention& attention) {
  std::vector<const RollupOrganisation*> found;
  for (const RollupOrganisation& organisation : rollup.organisations) {
    if (!organisation.change) continue;
    const Rational size =
        rises ? *organisation.change : Rational(0) - *organisation.change;
    if (size >= threshold) found.push_back(&organisation);
  }
  std::stable_sort(
      found.begin(), found.end(),
      [rises](const RollupOrganisation* a, const RollupOrganisation* b) {
        return rises ? *a->change > *b->change : *a->change < *b->change;
      });
  if (found.size() > static_cast<std::size_t>(kBiggestChanges)) {
    found.resize(kBiggestChanges);
  }
  for (const RollupOrganisation* organisation : found) {
    AttentionItem item =
        ItemFor(rises ? AttentionReason::kBigRise : AttentionReason::kBigFall,
                *organisation);
    item.from_year = organisation->previous()->year;
    item.change = organisation->change;
    const Rational size = rises ? *item.change : Rational(0) - *item.change;
    item.message = fmt::format(
        "{}'s total {} by {} from {} ({}) to {} ({}).",
        OrganisationText(item.organisation), rises ? "rose" : "fell",
        size.ToString(), organisation->previous()->total->ToString(),
        item.from_year, organisation->latest().total->ToString(), item.year);
    attention.items.push_back(std::move(item));
  }
}

}  // namespace

const char* AttentionCode(AttentionReason reason) {
  switch (reason) {
    case AttentionReason::kLowestBand:
      return "lowest-band";
    case AttentionReason::kBandDown:
      return "band-down";
    case AttentionReason::kBandUp:
      return "band-up";
    case AttentionReason::kBigFall:
      return "big-fall";
    case AttentionReason::kBigRise:
      return "big-rise";
    case AttentionReason::kOutOfDate:
      return "out-of-date";
    case AttentionReason::kIncomplete:
      return "incomplete";
    case AttentionReason::kExcluded:
      return "excluded";
    case AttentionReason::kMissing:
      return "missing";
  }
  return "";
}

std::vector<OutcomeSpread> SpreadsOf(const RollupResult& rollup) {
  std::vector<OutcomeSpread> spreads;
  for (const OutcomeInfo& outcome : rollup.outcomes) {
    OutcomeSpread spread;
    spread.outcome_id = outcome.id;
    spread.levels.assign(rollup.levels.size(), 0);
    std::vector<Rational> scores;
    for (const RollupOrganisation& organisation : rollup.organisations) {
      const IdScore* entry = organisation.latest().FindOutcome(outcome.id);
      if (entry == nullptr || !entry->score) {
        ++spread.unscored;
        continue;
      }
      scores.push_back(*entry->score);
      // By name: an organisation's latest year may have another rubric.
      const auto level =
          std::find(rollup.levels.begin(), rollup.levels.end(),
                    entry->level.Name(*organisation.latest().rubric));
      if (level != rollup.levels.end()) {
        ++spread
              .levels[static_cast<std::size_t>(level - rollup.levels.begin())];
      }
      ++spread.scored;
    }
    if (!scores.empty()) {
      spread.median =
          CombineServices(std::move(scores), ServicesPolicy::kMedian);
      spread.median_level = ScoreLevel::Of(*rollup.rubric, spread.median);
    }
    spreads.push_back(std::move(spread));
  }
  return spreads;
}

Attention BuildAttention(const RollupResult& rollup,
                         const std::vector<Organisation>& missing) {
  Attention attention;
  const Rubric& rubric = *rollup.rubric;
  const std::string lowest_band = rubric.bands.front().name;
  const std::string lowest_level = rubric.levels.front().name;
  const Rational threshold = rubric.MaxTotal() / Rational(10);
  const std::string latest_year =
      rollup.years.empty() ? "" : rollup.years.back();
  attention.rules = {
      fmt::format("Rated {}: the latest year's rating is the lowest band.",
                  lowest_band),
      "Moved a band: the rating differs from the organisation's previous "
      "year in the roll-up.",
      fmt::format("Biggest falls and rises: a total that moved by {} or more "
                  "(a tenth of {}), at most {} each way, largest first.",
                  threshold.ToString(), rubric.MaxTotal().ToString(),
                  kBiggestChanges),
      fmt::format("Out of date: the latest year is older than {}, the "
                  "roll-up's latest year.",
                  latest_year),
      "Incomplete: the latest year has outcomes not scored.",
      "Excluded: the file is invalid and was left out (--skip-invalid).",
      "Missing: expected, but no file was found.",
      fmt::format("Outcomes: rated {} by more than a quarter of the "
                  "organisations scored on it (latest years).",
                  lowest_level)};

  for (const RollupOrganisation& organisation : rollup.organisations) {
    const OrganisationYear& latest = organisation.latest();
    if (latest.complete && latest.rating == OrganisationRating::AtBand(0)) {
      AttentionItem item = ItemFor(AttentionReason::kLowestBand, organisation);
      item.message =
          fmt::format("{} is rated {} ({} of {}) in {}.",
                      OrganisationText(item.organisation), item.rating.Name(),
                      latest.total->ToString(),
                      latest.rubric->MaxTotal().ToString(), latest.year);
      attention.items.push_back(std::move(item));
    }
  }
  for (const bool down : {true, false}) {
    for (const RollupOrganisation& organisation : rollup.organisations) {
      const OrganisationYear* previous = organisation.previous();
      const OrganisationYear& latest = organisation.latest();
      if (previous == nullptr || !previous->complete || !latest.complete) {
        continue;
      }
      // By name: the two years may be graded with different rubrics.
      const std::string from = previous->Rating().Name();
      const std::string to = latest.Rating().Name();
      if (from == to) continue;
      const bool fell = RankOf(rollup, to) < RankOf(rollup, from);
      if (fell != down) continue;
      AttentionItem item =
          ItemFor(down ? AttentionReason::kBandDown : AttentionReason::kBandUp,
                  organisation);
      item.from_year = previous->year;
      item.from_rating = previous->Rating();
      item.message = fmt::format("{}'s rating {} from {} in {} to {} in {}.",
                                 OrganisationText(item.organisation),
                                 down ? "fell" : "rose", from, previous->year,
                                 to, latest.year);
      attention.items.push_back(std::move(item));
    }
  }
  AddBiggestChanges(rollup, /*rises=*/false, threshold, attention);
  AddBiggestChanges(rollup, /*rises=*/true, threshold, attention);
  for (const RollupOrganisation& organisation : rollup.organisations) {
    const OrganisationYear& latest = organisation.latest();
    if (latest.year >= latest_year) continue;
    AttentionItem item = ItemFor(AttentionReason::kOutOfDate, organisation);
    item.message = fmt::format(
        "{}'s latest assessment is for {}, not {}{}.",
        OrganisationText(item.organisation), latest.year, latest_year,
        organisation.out_of_date ? ": " + organisation.out_of_date->message
                                 : std::string());
    attention.items.push_back(std::move(item));
  }
  for (const RollupOrganisation& organisation : rollup.organisations) {
    if (organisation.latest().complete) continue;
    AttentionItem item = ItemFor(AttentionReason::kIncomplete, organisation);
    item.message = fmt::format("{}'s assessment for {} is incomplete.",
                               OrganisationText(item.organisation), item.year);
    attention.items.push_back(std::move(item));
  }
  for (const ExcludedFile& file : rollup.excluded) {
    AttentionItem item;
    item.reason = AttentionReason::kExcluded;
    item.file = file.file;
    // Who the file says it is about, so that its organisation is named.
    item.organisation = {file.claimed.name, file.claimed.code,
                         file.claimed.system};
    item.year = file.claimed.year;
    const std::size_t errors = file.problems.size() + file.more_errors;
    item.message = fmt::format(
        "{} was left out as invalid ({} error{}{}).", file.file, errors,
        errors == 1 ? "" : "s",
        file.problems.empty()
            ? ""
            : fmt::format("; the first: {}", file.problems.front().message));
    attention.items.push_back(std::move(item));
  }
  for (const Organisation& organisation : missing) {
    AttentionItem item;
    item.reason = AttentionReason::kMissing;
    item.organisation = organisation;
    item.message = fmt::format("{} has no assessment in the roll-up.",
                               OrganisationText(organisation));
    attention.items.push_back(std::move(item));
  }

  const auto lowest =
      std::find(rollup.levels.begin(), rollup.levels.end(), lowest_level);
  if (lowest != rollup.levels.end()) {
    const std::size_t index =
        static_cast<std::size_t>(lowest - rollup.levels.begin());
    for (std::size_t i = 0; i < rollup.spreads.size(); ++i) {
      const OutcomeSpread& spread = rollup.spreads[i];
      const int count = spread.levels[index];
      if (spread.scored == 0 || count * 4 <= spread.scored) continue;
      OutcomeAttention outcome;
      outcome.outcome = rollup.outcomes[i];
      outcome.lowest = count;
      outcome.scored = spread.scored;
      outcome.level = lowest_level;
      outcome.message = fmt::format(
          "{} {} is rated {} by {} of {} organisations.", outcome.outcome.id,
          outcome.outcome.name, lowest_level, count, spread.scored);
      attention.outcomes.push_back(std::move(outcome));
    }
  }
  return attention;
}

}  // namespace eds
