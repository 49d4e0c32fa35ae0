#ifndef EDS_RATIONAL_H_
#define EDS_RATIONAL_H_

#include <cstdint>
#include <string>

namespace eds {

// An exact fraction, always in lowest terms with a positive denominator.
// Scores are rationals so that a mean of 1, 2 and 2 stays 5/3 and rounding
// and bands apply to the exact value (SPEC §4.6). Inputs are bounded
// (see limits.h), so 64-bit parts cannot overflow.
class Rational {
 public:
  Rational() = default;
  Rational(std::int64_t whole) : num_(whole) {}  // NOLINT: implicit by design
  Rational(std::int64_t num, std::int64_t den);

  std::int64_t num() const { return num_; }
  std::int64_t den() const { return den_; }

  Rational operator+(const Rational& o) const;
  Rational operator-(const Rational& o) const;
  Rational operator*(const Rational& o) const;
  Rational operator/(const Rational& o) const;
  Rational& operator+=(const Rational& o) { return *this = *this + o; }

  bool operator==(const Rational& o) const {
    return num_ == o.num_ && den_ == o.den_;
  }
  bool operator!=(const Rational& o) const { return !(*this == o); }
  bool operator<(const Rational& o) const;
  bool operator<=(const Rational& o) const { return !(o < *this); }
  bool operator>(const Rational& o) const { return o < *this; }
  bool operator>=(const Rational& o) const { return !(*this < o); }

  // The largest integer not above this value.
  std::int64_t Floor() const;
  // The largest multiple of 1/2 not above this value.
  Rational FloorToHalf() const;
  Rational Abs() const { return num_ < 0 ? Rational(-num_, den_) : *this; }
  double ToDouble() const { return static_cast<double>(num_) / static_cast<double>(den_); }
  bool IsInteger() const { return den_ == 1; }

  // Decimal text with at most two decimals, trailing zeros dropped, rounded
  // half away from zero: 22, 7.5, 1.67.
  std::string ToString() const;

 private:
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

}  // namespace eds

#endif  // EDS_RATIONAL_H_
