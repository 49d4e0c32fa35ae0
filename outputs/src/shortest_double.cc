#include "shortest_double.h"

#include <fmt/format.h>

#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace eds {

std::string ShortestDoubleFromFmt(double value) {
  // fmt's "{}" is the shortest round trip, in fixed or scientific notation by
  // its own rule: read its digits and decimal exponent back.
  const std::string text = fmt::format("{}", value);
  const bool negative = text[0] == '-';
  const std::size_t e = text.find('e');
  const std::size_t end = e == std::string::npos ? text.size() : e;
  std::string digits;
  int point = 0;  // the decimal point's place after the first digit written
  bool seen_point = false;
  for (std::size_t i = negative ? 1 : 0; i < end; ++i) {
    if (text[i] == '.') {
      seen_point = true;
    } else if (digits.empty() && text[i] == '0') {
      if (seen_point) --point;  // a leading zero after the point
    } else {
      digits += text[i];
      if (!seen_point) ++point;
    }
  }
  if (e != std::string::npos) point += std::atoi(text.c_str() + e + 1);
  while (digits.size() > 1 && digits.back() == '0') {
    digits.pop_back();
  }
  if (digits.empty()) return negative ? "-0" : "0";
  const std::string sign = negative ? "-" : "";
  // Scientific as std::to_chars writes it: d[.ddd]e+XX, two digits at least.
  const int exponent = point - 1;
  std::string scientific = sign + digits.substr(0, 1);
  if (digits.size() > 1) scientific += "." + digits.substr(1);
  scientific += fmt::format("e{}{:02}", exponent < 0 ? '-' : '+',
                            exponent < 0 ? -exponent : exponent);
  const int count = static_cast<int>(digits.size());
  std::string fixed = sign;
  if (point <= 0) {
    fixed += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (point >= count) {
    // An integer: std::to_chars writes its exact digits, not zeros.
    fixed = fmt::format("{:.0f}", value);
  } else {
    fixed += digits.substr(0, static_cast<std::size_t>(point)) + "." +
             digits.substr(static_cast<std::size_t>(point));
  }
  return fixed.size() <= scientific.size() ? fixed : scientific;
}

#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
std::string ShortestDouble(double value) {
  char buffer[64];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof buffer, value);
  if (result.ec != std::errc()) {
    throw std::logic_error("JsonWriter: cannot format a number");
  }
  return std::string(buffer, result.ptr);
}
#else
std::string ShortestDouble(double value) {
  return ShortestDoubleFromFmt(value);
}
#endif

}  // namespace eds
