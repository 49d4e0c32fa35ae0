// libFuzzer target: the fast YAML scan against yaml-cpp. Whatever the scan
// reads (it leaves anything unusual to yaml-cpp), yaml-cpp must read too,
// with the very same events at the very same places; a difference would be a
// file that eds3 reads differently depending on which path it took.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "simple_yaml.h"
#include "yaml_differential.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<eds::YamlEvent> scanned;
  std::deque<std::string> decoded;
  if (!eds::ScanSimpleYaml(text, &scanned, &decoded)) return 0;
  std::vector<eds::testing::Event> expected;
  if (!eds::testing::YamlCppRead(text, &expected).empty()) __builtin_trap();
  if (!(eds::testing::ScannedEvents(scanned) == expected)) __builtin_trap();
  return 0;
}
