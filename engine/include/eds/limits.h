#ifndef EDS_LIMITS_H_
#define EDS_LIMITS_H_

#include <cstddef>

namespace eds {

// Bounds on input, so that no file, however hostile, can exhaust memory or
// time. (The exact arithmetic needs no bound: see rational.h.) Each is
// documented in docs/assessment-format.md and tested end to end.
inline constexpr std::size_t kMaxFileBytes = 10485760;  // 10 MiB, SPEC §3
inline constexpr int kMaxNestingDepth =
    32;  // YAML collections inside each other
inline constexpr std::size_t kMaxStakeholders = 200;
inline constexpr std::size_t kMaxServices = 50;
inline constexpr std::size_t kMaxItemsPerList =
    1000;  // evidence, actions, reviewers, ...
inline constexpr std::size_t kMaxCsvFiles = 100;
inline constexpr std::size_t kMaxCsvRows = 100000;
// The ratings CSV files of one assessment, together: a rollup reads at most
// this much (and one more file) for any assessment.
inline constexpr std::size_t kMaxCsvBytesPerAssessment = kMaxFileBytes;
inline constexpr std::size_t kMaxTextBytes = 65536;  // one scalar value
inline constexpr std::size_t kMaxRubricOutcomes = 200;
// Ratings, evidence items and actions in one assessment, each: every one is
// a row of a workbook sheet, and a sheet holds at most 1,048,576 rows.
inline constexpr std::size_t kMaxItemsPerAssessment = 100000;

}  // namespace eds

#endif  // EDS_LIMITS_H_
