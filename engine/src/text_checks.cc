#include "text_checks.h"

#include <algorithm>

namespace eds {
namespace {

bool AllDigits(const std::string& text, std::size_t from, std::size_t count) {
  if (from + count > text.size()) return false;
  return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                     text.begin() + static_cast<std::ptrdiff_t>(from + count),
                     [](char c) { return c >= '0' && c <= '9'; });
}

int Number(const std::string& text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i)
    value = value * 10 + (text[i] - '0');
  return value;
}

}  // namespace

bool IsAcademicYear(const std::string& text) {
  if (text.size() != 7 || text[4] != '/') return false;
  if (!AllDigits(text, 0, 4) || !AllDigits(text, 5, 2)) return false;
  return (Number(text, 0, 4) + 1) % 100 == Number(text, 5, 2);
}

bool IsYearMonth(const std::string& text) {
  if (text.size() != 7 || text[4] != '-') return false;
  if (!AllDigits(text, 0, 4) || !AllDigits(text, 5, 2)) return false;
  const int month = Number(text, 5, 2);
  return month >= 1 && month <= 12;
}

bool IsSlug(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool IsOdsCodeForm(const std::string& text) {
  return text.size() >= 3 && text.size() <= 5 &&
         std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  (c >= '0' && c <= '9');
         });
}

int ReportingYearStart(int year, int month) {
  return month >= 4 ? year : year - 1;
}

}  // namespace eds
