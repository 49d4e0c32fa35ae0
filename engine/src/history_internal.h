#ifndef EDS_ENGINE_SRC_HISTORY_INTERNAL_H_
#define EDS_ENGINE_SRC_HISTORY_INTERNAL_H_

// What history_compare.cc and history_rollup.cc both use; defined in
// history.cc. Declared in eds itself, not a namespace of their own, so that
// neither user repeats a list of using-declarations; the header is private
// to the engine, so the names stay out of its public API.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "eds/history.h"

namespace eds {

// Years written YYYY/YY sort chronologically as text.
bool EarlierYear(const OrganisationYear& a, const OrganisationYear& b);

// "'Name' (code RXX)" or "'Name' (no code)", to tell organisations apart in
// a message.
std::string DescribeOrganisation(const Organisation& organisation);

template <typename T>
void AddOnce(std::vector<T>& list, const T& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(value);
  }
}

// The rubrics and policies of `years`, each once, in order of first use.
void CollectRubricsAndPolicies(
    const std::vector<const OrganisationYear*>& years,
    std::vector<RubricRef>* rubrics, std::vector<Policy>* policies);

// Every outcome of the rubrics of `years`: the reference rubric's in its
// order, then those only the others have, in the order `years` lists them.
std::vector<OutcomeInfo> OutcomeUnion(
    const Rubric& reference, const std::vector<const OrganisationYear*>& years);

std::optional<Rational> Difference(const std::optional<Rational>& from,
                                   const std::optional<Rational>& to);

// Diagnostics about a whole file carry no line: the problem is the file
// against another one.
SourceLocation WholeFile(const std::string& file);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_HISTORY_INTERNAL_H_
