#include "eds/grade.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <utility>

#include "eds/agreement.h"

namespace eds {
namespace {

// SPEC §4.7: a `services` list shorter than this raises `few-services`. The
// number is the contract's, not the rubric's: rubric files have no field
// for it.
constexpr std::size_t kFewServices = 3;

// SPEC §4.7: ratings this far apart (max - min) raise `disagreement`, and an
// agreed score this far from the combined ratings raises `agreed-differs`.
constexpr int kDisagreementSpan = 2;
constexpr int kAgreedDiffers = 1;

// SPEC §4.7: a total this close below a band's lower bound raises
// `near-boundary`.
constexpr int kNearBoundary = 1;

// The scoring of one outcome entry (SPEC §4.1), before any flags.
struct EntryScore {
  std::optional<Rational> score;
  std::optional<Rational> combined;  // the combined ratings before rounding
  bool from_agreed = false;
  int rating_count = 0;
};

EntryScore ScoreEntry(const OutcomeEntry* entry, const Policy& policy) {
  EntryScore result;
  if (entry == nullptr) return result;
  result.rating_count = static_cast<int>(entry->ratings.size());
  if (!entry->ratings.empty()) {
    std::vector<Rational> points;
    points.reserve(entry->ratings.size());
    for (const Rating& rating : entry->ratings)
      points.emplace_back(rating.points);
    result.combined = CombineRatings(std::move(points), policy.raters);
  }
  if (entry->agreed) {
    result.score = Rational(*entry->agreed);
    result.from_agreed = true;
  } else if (result.combined) {
    result.score = ApplyRounding(*result.combined, policy.rounding);
  }
  return result;
}

Rational Median(std::vector<Rational> values) {
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  if (values.size() % 2 == 1) return values[mid];
  return (values[mid - 1] + values[mid]) / Rational(2);
}

Rational Mean(const std::vector<Rational>& values) {
  Rational sum;
  for (const Rational& value : values) sum += value;
  return sum / Rational(static_cast<std::int64_t>(values.size()));
}

// "1 point", "0.5 points".
std::string Points(const Rational& value) {
  return fmt::format("{} point{}", value.ToString(),
                     value == Rational(1) ? "" : "s");
}

// "2 (Achieving)", or "2" for points no level gives.
std::string PointsWithLevel(const Rubric& rubric, int points) {
  const Level* level = rubric.LevelForPoints(points);
  if (level == nullptr) return std::to_string(points);
  return fmt::format("{} ({})", points, level->name);
}

std::string ServiceLabel(const Service& service) {
  if (service.name.empty()) return fmt::format("'{}'", service.id);
  return fmt::format("'{}' ({})", service.name, service.id);
}

// Applies the rules of SPEC §4 to one assessment, filling one GradeResult.
class Grader {
 public:
  Grader(const Assessment& assessment, const Rubric& rubric,
         GradeResult& result)
      : assessment_(assessment), rubric_(rubric), result_(result) {}

  void Run() {
    result_.max = rubric_.MaxTotal();
    bool complete = true;
    Rational total;
    for (const Domain& domain : rubric_.domains) {
      DomainResult domain_result =
          domain.per_service && !assessment_.services.empty()
              ? GradePerServiceDomain(domain)
              : GradeDirectDomain(domain);
      domain_result.id = domain.id;
      domain_result.name = domain.name;
      domain_result.max =
          Rational(static_cast<std::int64_t>(domain.outcomes.size()) *
                   rubric_.MaxPoints());
      if (domain_result.score && !domain.outcomes.empty()) {
        domain_result.level = ScoreLevel::Of(
            rubric_, *domain_result.score / Rational(static_cast<std::int64_t>(
                                                domain.outcomes.size())));
      }
      if (domain_result.score) {
        total += *domain_result.score;
      } else {
        complete = false;
      }
      result_.domains.push_back(std::move(domain_result));
    }
    result_.complete = complete;
    if (complete) {
      result_.total = total;
      result_.rating = OrganisationRating::Of(rubric_, total);
    }
    AddFewServicesFlag();
    if (complete) AddNearBoundaryFlag(total);
    std::vector<double> levels;
    for (const Level& level : rubric_.levels) levels.push_back(level.points);
    result_.agreement = MeasureAgreement(units_, levels);
  }

 private:
  // A domain whose outcomes are rated once each, from assessment.outcomes.
  DomainResult GradeDirectDomain(const Domain& domain) {
    DomainResult result;
    std::optional<Rational> sum = Rational();
    for (const Outcome& outcome : domain.outcomes) {
      const OutcomeEntry* entry = FindEntry(assessment_.outcomes, outcome.id);
      const EntryScore scored = ScoreEntry(entry, assessment_.policy);
      OutcomeResult outcome_result;
      outcome_result.id = outcome.id;
      outcome_result.title = outcome.title;
      outcome_result.score = scored.score;
      outcome_result.level = ScoreLevel::Of(rubric_, scored.score);
      outcome_result.combined = scored.combined;
      outcome_result.from_agreed = scored.from_agreed;
      outcome_result.rating_count = scored.rating_count;
      if (entry != nullptr) {
        outcome_result.flags = EntryFlags(outcome, nullptr, *entry, scored);
        AddUnit(*entry);
      }
      if (scored.score) {
        if (sum) *sum += *scored.score;
      } else {
        sum.reset();
        result_.missing.push_back(
            fmt::format("{} is not rated", OutcomeLabel(outcome)));
      }
      result.outcomes.push_back(std::move(outcome_result));
    }
    result.score = sum;
    return result;
  }

  // A domain rated for each service (SPEC §4.2). The domain score combines
  // the service totals; each outcome's score combines the services' scores
  // for it and is informational only. Flags and missing lines are in rubric
  // order of outcome, then services in file order.
  DomainResult GradePerServiceDomain(const Domain& domain) {
    const Policy& policy = assessment_.policy;
    DomainResult result;
    for (const Service& service : assessment_.services) {
      ServiceResult service_result;
      service_result.id = service.id;
      service_result.name = service.name;
      result.services.push_back(std::move(service_result));
    }
    for (const Outcome& outcome : domain.outcomes) {
      OutcomeResult outcome_result;
      outcome_result.id = outcome.id;
      outcome_result.title = outcome.title;
      std::vector<Rational> service_scores;
      bool all_scored = true;
      for (std::size_t i = 0; i < assessment_.services.size(); ++i) {
        const Service& service = assessment_.services[i];
        const OutcomeEntry* entry = FindEntry(service.outcomes, outcome.id);
        const EntryScore scored = ScoreEntry(entry, policy);
        ServiceOutcomeResult service_outcome;
        service_outcome.score = scored.score;
        service_outcome.level = ScoreLevel::Of(rubric_, scored.score);
        service_outcome.combined = scored.combined;
        service_outcome.from_agreed = scored.from_agreed;
        service_outcome.rating_count = scored.rating_count;
        if (entry != nullptr) {
          service_outcome.flags = EntryFlags(outcome, &service, *entry, scored);
          outcome_result.flags.insert(outcome_result.flags.end(),
                                      service_outcome.flags.begin(),
                                      service_outcome.flags.end());
          AddUnit(*entry);
        }
        if (scored.score) {
          service_scores.push_back(*scored.score);
        } else {
          all_scored = false;
          result_.missing.push_back(
              fmt::format("{} is not rated for service {}",
                          OutcomeLabel(outcome), ServiceLabel(service)));
        }
        result.services[i].outcomes[outcome.id] = std::move(service_outcome);
      }
      if (all_scored) {
        outcome_result.score = ApplyRounding(
            CombineServices(service_scores, policy.services), policy.rounding);
        outcome_result.level = ScoreLevel::Of(rubric_, outcome_result.score);
      }
      SortUnique(outcome_result.flags);
      result.outcomes.push_back(std::move(outcome_result));
    }
    std::vector<Rational> totals;
    for (ServiceResult& service_result : result.services) {
      Rational total;
      bool scored = true;
      for (const Outcome& outcome : domain.outcomes) {
        const std::optional<Rational>& score =
            service_result.outcomes[outcome.id].score;
        if (score) {
          total += *score;
        } else {
          scored = false;
        }
      }
      if (scored) {
        service_result.total = total;
        totals.push_back(total);
      }
    }
    if (totals.size() == result.services.size()) {
      result.score = ApplyRounding(CombineServices(totals, policy.services),
                                   policy.rounding);
    }
    return result;
  }

  // Raises the per-entry flags of SPEC §4.7 in the top-level list and returns
  // their codes, sorted.
  std::vector<std::string> EntryFlags(const Outcome& outcome,
                                      const Service* service,
                                      const OutcomeEntry& entry,
                                      const EntryScore& scored) {
    std::vector<std::string> codes;
    const std::string subject =
        service == nullptr ? outcome.id
                           : fmt::format("{} in service {}", outcome.id,
                                         ServiceLabel(*service));
    const std::string service_id = service == nullptr ? "" : service->id;
    auto raise = [&](const char* code, std::string message) {
      result_.flags.push_back(
          Flag{code, outcome.id, service_id, std::move(message)});
      codes.push_back(code);
    };
    if (!entry.ratings.empty()) {
      const auto [low, high] = std::minmax_element(
          entry.ratings.begin(), entry.ratings.end(),
          [](const Rating& a, const Rating& b) { return a.points < b.points; });
      if (high->points - low->points >= kDisagreementSpan) {
        const std::string span = fmt::format(
            "Ratings for {} span {} to {}", subject, low->points, high->points);
        const Level* low_level = rubric_.LevelForPoints(low->points);
        const Level* high_level = rubric_.LevelForPoints(high->points);
        const std::string levels =
            low_level != nullptr && high_level != nullptr
                ? fmt::format(" ({} to {})", low_level->name, high_level->name)
                : "";
        raise("disagreement",
              entry.agreed
                  ? fmt::format("{}{}; the panel agreed {}: record the "
                                "reasons in the notes.",
                                span, levels,
                                PointsWithLevel(rubric_, *entry.agreed))
                  : fmt::format("{}{}: discuss and agree a score.", span,
                                levels));
      }
    }
    if (entry.ratings.size() == 1 && !entry.agreed) {
      raise(
          "single-rater",
          fmt::format("{} is scored from a single rating (by {}): gather "
                      "more views or agree a score as a panel.",
                      subject, StakeholderName(entry.ratings[0].stakeholder)));
    }
    if (entry.agreed && scored.combined) {
      const Rational agreed(*entry.agreed);
      const Rational gap = (agreed - *scored.combined).Abs();
      if (gap >= Rational(kAgreedDiffers)) {
        raise("agreed-differs",
              fmt::format("The agreed score for {} ({}) is {} away from the "
                          "combined ratings ({}): record why the panel "
                          "agreed a different score.",
                          subject, *entry.agreed, Points(gap),
                          scored.combined->ToString()));
      }
    }
    SortUnique(codes);
    return codes;
  }

  void AddFewServicesFlag() {
    const std::size_t count = assessment_.services.size();
    if (count == 0 || count >= kFewServices) return;
    std::string where;
    for (const Domain& domain : rubric_.domains) {
      if (domain.per_service) {
        where = fmt::format(" for Domain {} ({})", domain.id, domain.name);
        break;
      }
    }
    result_.flags.push_back(Flag{
        "few-services", "", "",
        fmt::format("Only {} service{} {} assessed{}: choose at least {} so "
                    "that the score reflects the organisation's services.",
                    count, count == 1 ? "" : "s", count == 1 ? "was" : "were",
                    where, kFewServices)});
  }

  // Only the next band above the total can be within reach: any higher band
  // is at least as far.
  void AddNearBoundaryFlag(const Rational& total) {
    for (const Band& band : rubric_.bands) {
      if (!(total < band.lower)) continue;
      const Rational gap = band.lower - total;
      if (gap <= Rational(kNearBoundary)) {
        result_.flags.push_back(Flag{
            "near-boundary", "", "",
            fmt::format("The total of {} is {} below the {} band, which "
                        "starts at {}: check the evidence for outcomes that "
                        "sit between two levels.",
                        total.ToString(), Points(gap), band.name,
                        band.lower.ToString())});
      }
      return;
    }
  }

  // Ratings of one unit for the agreement measure; agreed scores are not
  // ratings (SPEC §5).
  void AddUnit(const OutcomeEntry& entry) {
    std::vector<double> values;
    values.reserve(entry.ratings.size());
    for (const Rating& rating : entry.ratings) values.push_back(rating.points);
    units_.push_back(std::move(values));
  }

  std::string StakeholderName(const std::string& id) const {
    for (const Stakeholder& stakeholder : assessment_.stakeholders) {
      if (stakeholder.id == id && !stakeholder.name.empty()) {
        return stakeholder.name;
      }
    }
    return id;
  }

  static std::string OutcomeLabel(const Outcome& outcome) {
    if (outcome.name.empty()) return outcome.id;
    return fmt::format("{} {}", outcome.id, outcome.name);
  }

  static const OutcomeEntry* FindEntry(
      const std::map<std::string, OutcomeEntry>& entries,
      const std::string& id) {
    const auto it = entries.find(id);
    return it == entries.end() ? nullptr : &it->second;
  }

  static void SortUnique(std::vector<std::string>& codes) {
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  }

  const Assessment& assessment_;
  const Rubric& rubric_;
  GradeResult& result_;
  std::vector<std::vector<double>> units_;
};

}  // namespace

GradeResult Grade(const Assessment& assessment, const Rubric& rubric) {
  GradeResult result;
  Grader(assessment, rubric, result).Run();
  return result;
}

// An empty `values` breaks the contract; it yields 0 rather than undefined
// behaviour.
Rational CombineRatings(std::vector<Rational> values, RatersPolicy policy) {
  if (values.empty()) return Rational();
  switch (policy) {
    case RatersPolicy::kMedian:
      return Median(std::move(values));
    case RatersPolicy::kMean:
      return Mean(values);
    case RatersPolicy::kMin:
      return *std::min_element(values.begin(), values.end());
  }
  return Median(std::move(values));
}

Rational CombineServices(std::vector<Rational> values, ServicesPolicy policy) {
  if (values.empty()) return Rational();
  switch (policy) {
    case ServicesPolicy::kMedian:
      return Median(std::move(values));
    case ServicesPolicy::kMean:
      return Mean(values);
  }
  return Median(std::move(values));
}

Rational ApplyRounding(const Rational& value, RoundingPolicy policy) {
  switch (policy) {
    case RoundingPolicy::kHalf:
      return value.FloorToHalf();
    case RoundingPolicy::kDown:
      return Rational(value.Floor());
    case RoundingPolicy::kNone:
      return value;
  }
  return value;
}

}  // namespace eds
