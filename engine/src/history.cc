// What compare (history_compare.cc) and roll-up (history_rollup.cc) share:
// one organisation's year summarised, and the helpers both use.

#include "eds/history.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <utility>

#include "history_internal.h"
#include "text_checks.h"

namespace eds {
namespace {

bool SamePolicy(const Policy& a, const Policy& b) {
  return a.raters == b.raters && a.services == b.services &&
         a.rounding == b.rounding;
}

OutcomeInfo InfoOf(const Domain& domain, const Outcome& outcome) {
  return {outcome.id, domain.id, outcome.name, outcome.title};
}

}  // namespace

// Years written YYYY/YY sort chronologically as text.
bool EarlierYear(const OrganisationYear& a, const OrganisationYear& b) {
  return a.year < b.year;
}

// "'Name' (code RXX)" or "'Name' (no code)", to tell organisations apart in
// a message.
std::string DescribeOrganisation(const Organisation& organisation) {
  if (organisation.code.empty()) {
    return fmt::format("'{}' (no code)", organisation.name);
  }
  return fmt::format("'{}' (code {})", organisation.name, organisation.code);
}

// The rubrics and policies of `years`, each once, in order of first use.
void CollectRubricsAndPolicies(
    const std::vector<const OrganisationYear*>& years,
    std::vector<RubricRef>* rubrics, std::vector<Policy>* policies) {
  for (const OrganisationYear* year : years) {
    AddOnce(*rubrics, RubricRef{year->rubric->id, year->rubric->version,
                                year->rubric->Provenance()});
    const bool known = std::any_of(
        policies->begin(), policies->end(),
        [&](const Policy& policy) { return SamePolicy(policy, year->policy); });
    if (!known) policies->push_back(year->policy);
  }
}

// Every outcome of the rubrics of `years`: the reference rubric's in its
// order, then those only the others have, in the order `years` lists them.
std::vector<OutcomeInfo> OutcomeUnion(
    const Rubric& reference,
    const std::vector<const OrganisationYear*>& years) {
  std::vector<OutcomeInfo> infos;
  std::set<std::string> seen;
  auto add_rubric = [&](const Rubric& rubric) {
    for (const Domain& domain : rubric.domains) {
      for (const Outcome& outcome : domain.outcomes) {
        if (seen.insert(outcome.id).second) {
          infos.push_back(InfoOf(domain, outcome));
        }
      }
    }
  };
  add_rubric(reference);
  for (const OrganisationYear* year : years) add_rubric(*year->rubric);
  return infos;
}

std::optional<Rational> Difference(const std::optional<Rational>& from,
                                   const std::optional<Rational>& to) {
  if (!from || !to) return std::nullopt;
  return *to - *from;
}

// Diagnostics about a whole file carry no line: the problem is the file
// against another one.
SourceLocation WholeFile(const std::string& file) { return {file, 0, 0}; }

const IdScore* OrganisationYear::FindOutcome(
    const std::string& outcome_id) const {
  for (const IdScore& entry : outcomes) {
    if (entry.id == outcome_id) return &entry;
  }
  return nullptr;
}

const IdScore* OrganisationYear::FindDomain(
    const std::string& domain_id) const {
  for (const IdScore& entry : domains) {
    if (entry.id == domain_id) return &entry;
  }
  return nullptr;
}

OrganisationYear SummariseYear(const Assessment& assessment,
                               std::shared_ptr<const Rubric> rubric,
                               const GradeResult& result) {
  OrganisationYear year;
  year.organisation = assessment.organisation;
  year.identity = assessment.Identity();
  year.year = assessment.year;
  year.year_where = assessment.year_where;
  year.complete = result.complete;
  if (result.complete) {
    year.total = result.total;
    year.rating = result.rating;
  }
  for (const DomainResult& domain : result.domains) {
    year.domains.push_back({domain.id, domain.score, domain.level});
    for (const OutcomeResult& outcome : domain.outcomes) {
      year.outcomes.push_back({outcome.id, outcome.score, outcome.level});
    }
  }
  year.agreement = result.agreement;
  year.source = assessment.source;
  year.completed = assessment.completed;
  year.policy = assessment.policy;
  year.rubric = std::move(rubric);
  return year;
}

bool IsAssessmentYear(const std::string& text) { return IsAcademicYear(text); }

std::string DescribeYears(const std::vector<std::string>& years) {
  if (years.empty()) return "";
  if (years.front() == years.back()) return years.front();
  return fmt::format("{} to {}", years.front(), years.back());
}

}  // namespace eds
