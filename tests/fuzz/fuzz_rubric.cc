// libFuzzer target: the rubric loader, and an assessment graded against the
// rubric when it loads.
// The harness is RunAssessment and its siblings in fuzz_support.h.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (!eds::fuzz::RunRubric(input)) __builtin_trap();
  return 0;
}
