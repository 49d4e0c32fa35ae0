#ifndef EDS_ENGINE_SRC_RUBRIC_INTERNAL_H_
#define EDS_ENGINE_SRC_RUBRIC_INTERNAL_H_

#include <string>

namespace eds::rubric_internal {

// ASCII lower case: level names are matched in any case, by the reader
// (rubric_reader.cc) and by Rubric::ParseRating (rubric.cc).
std::string Lower(std::string text);

}  // namespace eds::rubric_internal

#endif  // EDS_ENGINE_SRC_RUBRIC_INTERNAL_H_
