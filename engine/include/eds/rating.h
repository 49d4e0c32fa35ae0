#ifndef EDS_RATING_H_
#define EDS_RATING_H_

// What a score is in its rubric's words: the level of an outcome's or a
// domain's score, and the organisation rating of a total. The grader and the
// history code decide each once; writers take names and colours from them
// instead of looking them up again by name or score. Each holds an index
// into its rubric's levels or bands, not a pointer (a GradeReport copies its
// Rubric), so its accessors are given the rubric it was decided with.

#include <memory>
#include <optional>
#include <string>

#include "eds/rational.h"
#include "eds/rubric.h"

namespace eds {

// What an incomplete year is called where a rating would stand (SPEC §4.6).
inline constexpr char kIncompleteRating[] = "Incomplete";
// What a cell shows where a sum of scores would stand (a service total, a
// domain score, a total) when any of its outcomes is not rated: a word of a
// sentence, so in lower case.
inline constexpr char kIncompleteSum[] = "incomplete";

// The level of a score, rounded down (1.5 is the level of 1), or none: no
// score, or a score below the lowest level.
class ScoreLevel {
 public:
  ScoreLevel() = default;  // none
  static ScoreLevel Of(const Rubric& rubric,
                       const std::optional<Rational>& score);
  // The level at `index` of rubric.levels.
  static ScoreLevel At(int index);

  bool has_value() const { return index_ >= 0; }
  // The index into rubric.levels; -1 for none.
  int index() const { return index_; }
  // The level's name and colour; "" for none.
  std::string Name(const Rubric& rubric) const;
  std::string Colour(const Rubric& rubric) const;

  bool operator==(const ScoreLevel& other) const {
    return index_ == other.index_;
  }
  bool operator!=(const ScoreLevel& other) const { return !(*this == other); }

 private:
  int index_ = -1;
};

// An organisation rating: the band of a complete year's total, or
// Incomplete.
class OrganisationRating {
 public:
  OrganisationRating() = default;  // Incomplete
  // The band holding `total` (half-open bands; SPEC §4.4).
  static OrganisationRating Of(const Rubric& rubric, const Rational& total);
  // The band at `index` of rubric.bands.
  static OrganisationRating AtBand(int index);

  bool complete() const { return band_ >= 0; }
  // The index into rubric.bands; -1 when incomplete.
  int band() const { return band_; }
  // The band's name, or kIncompleteRating.
  std::string Name(const Rubric& rubric) const;
  // The band's colour; "" when incomplete (each writer has its own).
  std::string Colour(const Rubric& rubric) const;

  bool operator==(const OrganisationRating& other) const {
    return band_ == other.band_;
  }
  bool operator!=(const OrganisationRating& other) const {
    return !(*this == other);
  }

 private:
  int band_ = -1;
};

// A level with the rubric it is of, where a model puts years graded with
// different rubrics side by side (a change from one year to the next).
struct RubricLevel {
  ScoreLevel level;
  std::shared_ptr<const Rubric> rubric;  // null: no year, so no level
  std::string Name() const { return rubric ? level.Name(*rubric) : ""; }
  std::string Colour() const { return rubric ? level.Colour(*rubric) : ""; }
};

// A rating with the rubric it is of, as RubricLevel.
struct RubricRating {
  OrganisationRating rating;
  std::shared_ptr<const Rubric> rubric;  // null: no year, so no rating
  // The band's name or kIncompleteRating; "" without a year.
  std::string Name() const { return rubric ? rating.Name(*rubric) : ""; }
  std::string Colour() const { return rubric ? rating.Colour(*rubric) : ""; }
};

}  // namespace eds

#endif  // EDS_RATING_H_
