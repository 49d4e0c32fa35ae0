#ifndef EDS_DATE_H_
#define EDS_DATE_H_

// A day of the calendar, as assessments write it (YYYY-MM-DD). The loader
// parses and checks each date once; the model and every writer carry this
// value, never the text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace eds {

// True for a leap year of the proleptic Gregorian calendar: divisible by 4,
// but not by 100 unless by 400 (2000 is one, 1900 is not).
bool IsLeapYear(int year);

// The number of days in `month` (1-12) of `year`.
int DaysInMonth(int year, int month);

struct Date {
  int year = 0;   // 0-9999
  int month = 0;  // 1-12
  int day = 0;    // 1-DaysInMonth(year, month)

  // The date `text` names when it is exactly YYYY-MM-DD and a real day of
  // the calendar; nullopt otherwise ("2025-02-30", "2025-2-14", " 2025-02-14").
  static std::optional<Date> Parse(std::string_view text);

  // "2025-02-14": the text Parse() read, byte for byte.
  std::string ToIso() const;

  // Days from 1970-01-01 to this date (negative before it).
  std::int64_t DaysSinceEpoch() const;

  friend bool operator==(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) == std::tie(b.year, b.month, b.day);
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
  }
};

// True when `text` is written like a date, YYYY-MM-DD with a month from 01
// to 12, whether or not the day exists ("2025-02-30" is shaped like a date
// but is none): the loader tells the two mistakes apart.
bool IsDateShaped(std::string_view text);

// ToIso() of `date`, or "" when there is none (how an optional date prints
// where an optional text would).
std::string IsoOrEmpty(const std::optional<Date>& date);

// ToIso() of each of `dates`, in order.
std::vector<std::string> IsoDates(const std::vector<Date>& dates);

}  // namespace eds

#endif  // EDS_DATE_H_
