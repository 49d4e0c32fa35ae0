#include "eds/rating.h"

#include <cstddef>
#include <vector>

namespace eds {
namespace {

// The item at `index`, or nullptr for none (-1) or an index out of range.
template <typename T>
const T* Entry(const std::vector<T>& items, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= items.size()) {
    return nullptr;
  }
  return &items[static_cast<std::size_t>(index)];
}

}  // namespace

ScoreLevel ScoreLevel::Of(const Rubric& rubric,
                          const std::optional<Rational>& score) {
  ScoreLevel level;
  if (!score) return level;
  if (const Level* found = rubric.LevelOf(*score)) {
    level.index_ = static_cast<int>(found - rubric.levels.data());
  }
  return level;
}

ScoreLevel ScoreLevel::At(int index) {
  ScoreLevel level;
  level.index_ = index;
  return level;
}

std::string ScoreLevel::Name(const Rubric& rubric) const {
  const Level* level = Entry(rubric.levels, index_);
  return level == nullptr ? "" : level->name;
}

std::string ScoreLevel::Colour(const Rubric& rubric) const {
  const Level* level = Entry(rubric.levels, index_);
  return level == nullptr ? "" : level->colour;
}

OrganisationRating OrganisationRating::Of(const Rubric& rubric,
                                          const Rational& total) {
  OrganisationRating rating;
  rating.band_ = static_cast<int>(&rubric.BandOf(total) - rubric.bands.data());
  return rating;
}

OrganisationRating OrganisationRating::AtBand(int index) {
  OrganisationRating rating;
  rating.band_ = index;
  return rating;
}

std::string OrganisationRating::Name(const Rubric& rubric) const {
  if (!complete()) return kIncompleteRating;
  const Band* band = Entry(rubric.bands, band_);
  return band == nullptr ? "" : band->name;
}

std::string OrganisationRating::Colour(const Rubric& rubric) const {
  const Band* band = Entry(rubric.bands, band_);
  return band == nullptr ? "" : band->colour;
}

}  // namespace eds
