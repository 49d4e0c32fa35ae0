#include "eds/rational.h"

#include <fmt/format.h>

#include <boost/multiprecision/cpp_int.hpp>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <type_traits>

namespace eds {

struct Rational::Big {
  boost::multiprecision::cpp_rational value;
};

namespace {

using BigInt = boost::multiprecision::cpp_int;
using BigRational = boost::multiprecision::cpp_rational;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// Held in 64-bit parts only within ±kMax, so that negating a part can never
// overflow.
bool FitsSmall(const BigInt& value) { return value >= -kMax && value <= kMax; }

// num/den as a big value; den must not be zero. cpp_rational refuses a
// negative denominator, so the sign moves to the numerator first.
BigRational MakeBig(BigInt num, BigInt den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  return BigRational(num, den);
}

// a * b + c * d, or false when it does not fit within ±kMax.
bool CrossSum(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d,
              std::int64_t* out) {
  std::int64_t left, right;
  return !__builtin_mul_overflow(a, b, &left) &&
         !__builtin_mul_overflow(c, d, &right) &&
         !__builtin_add_overflow(left, right, out) && *out >= -kMax;
}

bool Product(std::int64_t a, std::int64_t b, std::int64_t* out) {
  return !__builtin_mul_overflow(a, b, out) && *out >= -kMax;
}

// Decimal text of |num|/den rounded half away from zero at two decimals, for
// any integer type.
template <typename Int>
std::string TwoDecimals(bool negative, const Int& magnitude, const Int& den) {
  const Int scaled = magnitude * 100;
  Int hundredths = scaled / den;
  if ((scaled % den) * 2 >= den) hundredths += 1;
  const Int whole = hundredths / 100;
  const int frac = static_cast<int>(hundredths % 100);
  const char* sign = (negative && hundredths != 0) ? "-" : "";
  std::string whole_text;
  if constexpr (std::is_same_v<Int, BigInt>) {
    whole_text = whole.str();
  } else {
    whole_text = std::to_string(whole);
  }
  if (frac == 0) return fmt::format("{}{}", sign, whole_text);
  if (frac % 10 == 0)
    return fmt::format("{}{}.{}", sign, whole_text, frac / 10);
  return fmt::format("{}{}.{:02d}", sign, whole_text, frac);
}

}  // namespace

Rational::Rational(std::int64_t whole) {
  if (whole >= -kMax) {
    num_ = whole;
  } else {
    *this = FromBig(Big{BigRational(BigInt(whole))});
  }
}

Rational::Rational(std::int64_t num, std::int64_t den) {
  if (den == 0) throw std::invalid_argument("Rational: zero denominator");
  if (num < -kMax || den < -kMax) {
    *this = FromBig(Big{MakeBig(BigInt(num), BigInt(den))});
    return;
  }
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const std::int64_t g = std::gcd(num < 0 ? -num : num, den);
  num_ = num / g;
  den_ = den / g;
}

Rational Rational::FromBig(const Big& value) {
  const BigInt num = boost::multiprecision::numerator(value.value);
  const BigInt den = boost::multiprecision::denominator(value.value);
  Rational result;
  if (FitsSmall(num) && FitsSmall(den)) {
    // Already in lowest terms with a positive denominator.
    result.num_ = static_cast<std::int64_t>(num);
    result.den_ = static_cast<std::int64_t>(den);
  } else {
    result.big_ = std::make_shared<const Big>(value);
  }
  return result;
}

Rational::Big Rational::ToBig() const {
  if (big_) return *big_;
  return Big{MakeBig(BigInt(num_), BigInt(den_))};
}

Rational Rational::operator+(const Rational& o) const {
  if (!big_ && !o.big_) {
    const std::int64_t g = std::gcd(den_, o.den_);
    std::int64_t num, den;
    if (CrossSum(num_, o.den_ / g, o.num_, den_ / g, &num) &&
        Product(den_ / g, o.den_, &den)) {
      return Rational(num, den);
    }
  }
  return FromBig(Big{ToBig().value + o.ToBig().value});
}

Rational Rational::operator-(const Rational& o) const {
  if (!o.big_) {
    Rational negated = o;
    negated.num_ = -o.num_;  // safe: parts stay within ±kMax
    return *this + negated;
  }
  return FromBig(Big{ToBig().value - o.ToBig().value});
}

Rational Rational::operator*(const Rational& o) const {
  if (!big_ && !o.big_) {
    std::int64_t num, den;
    if (Product(num_, o.num_, &num) && Product(den_, o.den_, &den)) {
      return Rational(num, den);
    }
  }
  return FromBig(Big{ToBig().value * o.ToBig().value});
}

Rational Rational::operator/(const Rational& o) const {
  if (!o.big_ && o.num_ == 0) {
    throw std::invalid_argument("Rational: division by zero");
  }
  if (!big_ && !o.big_) {
    std::int64_t num, den;
    if (Product(num_, o.den_, &num) && Product(den_, o.num_, &den)) {
      return Rational(num, den);
    }
  }
  return FromBig(Big{ToBig().value / o.ToBig().value});
}

bool Rational::operator==(const Rational& o) const {
  if (!big_ && !o.big_) return num_ == o.num_ && den_ == o.den_;
  // A value that fits is always small, so a big and a small value differ.
  if (!big_ || !o.big_) return false;
  return big_->value == o.big_->value;
}

bool Rational::operator<(const Rational& o) const {
  if (!big_ && !o.big_) {
    // Both denominators are positive, so cross-multiplying keeps the order.
    std::int64_t left, right;
    if (Product(num_, o.den_, &left) && Product(o.num_, den_, &right)) {
      return left < right;
    }
  }
  return ToBig().value < o.ToBig().value;
}

std::int64_t Rational::Floor() const {
  if (!big_) {
    std::int64_t q = num_ / den_;
    if (num_ % den_ != 0 && num_ < 0) --q;
    return q;
  }
  const BigInt num = boost::multiprecision::numerator(big_->value);
  const BigInt den = boost::multiprecision::denominator(big_->value);
  BigInt q = num / den;  // truncates towards zero
  if (num % den != 0 && num < 0) q -= 1;
  if (!FitsSmall(q)) throw std::overflow_error("Rational: floor out of range");
  return static_cast<std::int64_t>(q);
}

Rational Rational::FloorToHalf() const {
  return Rational((*this * 2).Floor(), 2);
}

Rational Rational::Abs() const {
  if (!big_) return num_ < 0 ? Rational(-num_, den_) : *this;
  return FromBig(Big{boost::multiprecision::abs(big_->value)});
}

double Rational::ToDouble() const {
  if (!big_) return static_cast<double>(num_) / static_cast<double>(den_);
  return big_->value.convert_to<double>();
}

bool Rational::IsInteger() const {
  if (!big_) return den_ == 1;
  return boost::multiprecision::denominator(big_->value) == 1;
}

std::string Rational::ToString() const {
  // Scaling by 100 must not overflow the 64-bit path.
  if (!big_ && num_ <= kMax / 100 && num_ >= -kMax / 100) {
    return TwoDecimals<std::int64_t>(num_ < 0, num_ < 0 ? -num_ : num_, den_);
  }
  const Big big = ToBig();
  const BigInt num = boost::multiprecision::numerator(big.value);
  return TwoDecimals<BigInt>(num < 0, boost::multiprecision::abs(num),
                             boost::multiprecision::denominator(big.value));
}

std::string Rational::ToFraction() const {
  if (!big_) return fmt::format("{}/{}", num_, den_);
  return boost::multiprecision::numerator(big_->value).str() + "/" +
         boost::multiprecision::denominator(big_->value).str();
}

}  // namespace eds
