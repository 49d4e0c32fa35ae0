#ifndef EDS_RATIONAL_H_
#define EDS_RATIONAL_H_

#include <cstdint>
#include <memory>
#include <string>

namespace eds {

// An exact fraction, always in lowest terms with a positive denominator.
// Scores are rationals so that a mean of 1, 2 and 2 stays 5/3 and rounding
// and bands apply to the exact value (SPEC §4.6).
//
// A value is held in two 64-bit parts while they fit, which is every value a
// real assessment gives, and in arbitrary precision otherwise: means of means
// over panels of different sizes multiply denominators (the least common
// multiple of 1..60 alone needs 84 bits), and no input may make the
// arithmetic wrap. Every operation is exact whatever the sizes.
class Rational {
 public:
  Rational() = default;
  Rational(std::int64_t whole);  // NOLINT: implicit by design
  // Throws std::invalid_argument when `den` is zero.
  Rational(std::int64_t num, std::int64_t den);

  Rational operator+(const Rational& o) const;
  Rational operator-(const Rational& o) const;
  Rational operator*(const Rational& o) const;
  // Throws std::invalid_argument when `o` is zero.
  Rational operator/(const Rational& o) const;
  Rational& operator+=(const Rational& o) { return *this = *this + o; }

  bool operator==(const Rational& o) const;
  bool operator!=(const Rational& o) const { return !(*this == o); }
  bool operator<(const Rational& o) const;
  bool operator<=(const Rational& o) const { return !(o < *this); }
  bool operator>(const Rational& o) const { return o < *this; }
  bool operator>=(const Rational& o) const { return !(*this < o); }

  // The largest integer not above this value. Throws std::overflow_error if
  // that integer does not fit in 64 bits (no score comes near).
  std::int64_t Floor() const;
  // The largest multiple of 1/2 not above this value.
  Rational FloorToHalf() const;
  Rational Abs() const;
  // The nearest double (to within one rounding for very large parts).
  double ToDouble() const;
  bool IsInteger() const;

  // Decimal text with at most two decimals, trailing zeros dropped, rounded
  // half away from zero: 22, 7.5, 1.67.
  std::string ToString() const;
  // The exact value as "num/den" ("5/3", "7/1"), for tests and diagnostics.
  std::string ToFraction() const;

 private:
  struct Big;  // an arbitrary-precision value, in rational.cc

  static Rational FromBig(const Big& value);
  Big ToBig() const;

  // The value is num_/den_ unless big_ is set. A value that fits in 64-bit
  // parts is always held in them, so equal values have equal forms.
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
  std::shared_ptr<const Big> big_;
};

}  // namespace eds

#endif  // EDS_RATIONAL_H_
