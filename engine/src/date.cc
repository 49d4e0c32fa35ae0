#include "eds/date.h"

#include <fmt/format.h>

namespace eds {
namespace {

bool AllDigits(std::string_view text, std::size_t from, std::size_t count) {
  if (from + count > text.size()) return false;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int Number(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsDateShaped(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!AllDigits(text, 0, 4) || !AllDigits(text, 5, 2) ||
      !AllDigits(text, 8, 2)) {
    return false;
  }
  const int month = Number(text, 5, 2);
  return month >= 1 && month <= 12;
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (!IsDateShaped(text)) return std::nullopt;
  Date date;
  date.year = Number(text, 0, 4);
  date.month = Number(text, 5, 2);
  date.day = Number(text, 8, 2);
  if (date.day < 1 || date.day > DaysInMonth(date.year, date.month)) {
    return std::nullopt;
  }
  return date;
}

std::string Date::ToIso() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

// Howard Hinnant's days_from_civil, without the time zone that mktime()
// would apply.
std::int64_t Date::DaysSinceEpoch() const {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string IsoOrEmpty(const std::optional<Date>& date) {
  return date ? date->ToIso() : std::string();
}

std::vector<std::string> IsoDates(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  out.reserve(dates.size());
  for (const Date& date : dates) out.push_back(date.ToIso());
  return out;
}

}  // namespace eds
