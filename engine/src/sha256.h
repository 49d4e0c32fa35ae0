#ifndef EDS_ENGINE_SRC_SHA256_H_
#define EDS_ENGINE_SRC_SHA256_H_

#include <string>
#include <string_view>

namespace eds {

// The SHA-256 digest (FIPS 180-4) of `data`, as 64 lower-case hex digits.
// Names a rubric file in every output, so that a reader can tell two files
// of one name apart. (Why not a library: docs/design.md.)
std::string Sha256Hex(std::string_view data);

}  // namespace eds

#endif  // EDS_ENGINE_SRC_SHA256_H_
