// libFuzzer target: the assessment loader (YAML, and the CSV and rubric
// files it names through "#@csv" / "#@rubric" parts) followed by grading.
// The harness is RunAssessment and its siblings in fuzz_support.h.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (!eds::fuzz::RunAssessment(input)) __builtin_trap();
  return 0;
}
