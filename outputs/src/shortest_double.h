#ifndef EDS_OUTPUTS_SHORTEST_DOUBLE_H_
#define EDS_OUTPUTS_SHORTEST_DOUBLE_H_

#include <string>

namespace eds {

// The text std::to_chars(first, last, value) writes: the shortest digits
// that read back as `value`, in fixed or scientific notation, whichever is
// shorter (fixed on a tie). Independent of the locale. `value` is finite.
std::string ShortestDouble(double value);

// The same text computed from fmt's shortest scientific form, for standard
// libraries without a floating-point std::to_chars (emscripten's libc++).
// ShortestDouble uses it there; a native test holds it to std::to_chars.
std::string ShortestDoubleFromFmt(double value);

}  // namespace eds

#endif  // EDS_OUTPUTS_SHORTEST_DOUBLE_H_
