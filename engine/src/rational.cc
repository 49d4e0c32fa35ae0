#include "eds/rational.h"

#include <cstdlib>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

namespace eds {

Rational::Rational(std::int64_t num, std::int64_t den) {
  if (den == 0) throw std::invalid_argument("Rational: zero denominator");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const std::int64_t g = std::gcd(num < 0 ? -num : num, den);
  num_ = g == 0 ? 0 : num / g;
  den_ = g == 0 ? 1 : den / g;
}

Rational Rational::operator+(const Rational& o) const {
  const std::int64_t g = std::gcd(den_, o.den_);
  return Rational(num_ * (o.den_ / g) + o.num_ * (den_ / g), den_ / g * o.den_);
}

Rational Rational::operator-(const Rational& o) const {
  return *this + Rational(-o.num_, o.den_);
}

Rational Rational::operator*(const Rational& o) const {
  return Rational(num_ * o.num_, den_ * o.den_);
}

Rational Rational::operator/(const Rational& o) const {
  return Rational(num_ * o.den_, den_ * o.num_);
}

bool Rational::operator<(const Rational& o) const {
  // Both denominators are positive, so cross-multiplying keeps the order.
  return num_ * o.den_ < o.num_ * den_;
}

std::int64_t Rational::Floor() const {
  std::int64_t q = num_ / den_;
  if (num_ % den_ != 0 && num_ < 0) --q;
  return q;
}

Rational Rational::FloorToHalf() const {
  return Rational((*this * 2).Floor(), 2);
}

std::string Rational::ToString() const {
  // Round half away from zero at two decimals, in exact arithmetic.
  const std::int64_t scaled_num = std::llabs(num_) * 100;
  std::int64_t hundredths = scaled_num / den_;
  if ((scaled_num % den_) * 2 >= den_) ++hundredths;
  const std::int64_t whole = hundredths / 100;
  const std::int64_t frac = hundredths % 100;
  const char* sign = (num_ < 0 && hundredths != 0) ? "-" : "";
  if (frac == 0) return fmt::format("{}{}", sign, whole);
  if (frac % 10 == 0) return fmt::format("{}{}.{}", sign, whole, frac / 10);
  return fmt::format("{}{}.{:02d}", sign, whole, frac);
}

}  // namespace eds
