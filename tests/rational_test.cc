#include "eds/rational.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace eds {
namespace {

TEST(RationalTest, ConstructionReducesToLowestTermsWithPositiveDenominator) {
  struct Case {
    std::int64_t num, den, want_num, want_den;
  };
  const Case cases[] = {
      {2, 4, 1, 2},   {6, 3, 2, 1},   {0, 5, 0, 1},   {0, -7, 0, 1},
      {1, -2, -1, 2}, {-3, -9, 1, 3}, {-4, 6, -2, 3}, {10, 1, 10, 1},
  };
  for (const Case& c : cases) {
    const Rational r(c.num, c.den);
    EXPECT_EQ(r.num(), c.want_num) << c.num << "/" << c.den;
    EXPECT_EQ(r.den(), c.want_den) << c.num << "/" << c.den;
  }
}

TEST(RationalTest, DefaultIsZeroAndWholeNumbersConvertImplicitly) {
  EXPECT_EQ(Rational(), Rational(0, 1));
  const Rational seven = 7;
  EXPECT_EQ(seven.num(), 7);
  EXPECT_EQ(seven.den(), 1);
  EXPECT_TRUE(seven.IsInteger());
  EXPECT_FALSE(Rational(7, 2).IsInteger());
}

TEST(RationalTest, ZeroDenominatorThrows) {
  EXPECT_THROW(Rational(1, 0), std::invalid_argument);
  EXPECT_THROW(Rational(1) / Rational(0), std::invalid_argument);
}

TEST(RationalTest, Arithmetic) {
  struct Case {
    Rational a, b;
    char op;
    Rational want;
  };
  const Case cases[] = {
      {Rational(1, 2), Rational(1, 3), '+', Rational(5, 6)},
      {Rational(1, 6), Rational(1, 3), '+', Rational(1, 2)},
      {Rational(-1, 2), Rational(1, 2), '+', Rational(0)},
      {Rational(15, 2), Rational(1, 2), '+', Rational(8)},
      {Rational(1, 2), Rational(1, 3), '-', Rational(1, 6)},
      {Rational(1, 3), Rational(1, 2), '-', Rational(-1, 6)},
      {Rational(22), Rational(43, 2), '-', Rational(1, 2)},
      {Rational(2, 3), Rational(3, 4), '*', Rational(1, 2)},
      {Rational(-2, 3), Rational(3), '*', Rational(-2)},
      {Rational(5), Rational(3), '/', Rational(5, 3)},
      {Rational(1, 2), Rational(-1, 4), '/', Rational(-2)},
      {Rational(0), Rational(7), '/', Rational(0)},
  };
  for (const Case& c : cases) {
    Rational got;
    switch (c.op) {
      case '+':
        got = c.a + c.b;
        break;
      case '-':
        got = c.a - c.b;
        break;
      case '*':
        got = c.a * c.b;
        break;
      default:
        got = c.a / c.b;
        break;
    }
    EXPECT_EQ(got, c.want) << c.a.ToString() << " " << c.op << " "
                           << c.b.ToString() << " gave " << got.num() << "/"
                           << got.den();
  }
}

TEST(RationalTest, PlusEqualsAccumulatesExactly) {
  Rational sum;
  sum += Rational(1);
  sum += Rational(2);
  sum += Rational(2);
  EXPECT_EQ(sum / Rational(3), Rational(5, 3));
}

TEST(RationalTest, Comparisons) {
  struct Case {
    Rational a, b;
    bool less, equal;
  };
  const Case cases[] = {
      {Rational(1, 3), Rational(1, 2), true, false},
      {Rational(43, 2), Rational(22), true, false},
      {Rational(22), Rational(43, 2), false, false},
      {Rational(2, 4), Rational(1, 2), false, true},
      {Rational(-1, 2), Rational(-1, 3), true, false},
      {Rational(-1), Rational(0), true, false},
      {Rational(0), Rational(0, -3), false, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.a.ToString() + " vs " + c.b.ToString());
    EXPECT_EQ(c.a < c.b, c.less);
    EXPECT_EQ(c.a == c.b, c.equal);
    EXPECT_EQ(c.a != c.b, !c.equal);
    EXPECT_EQ(c.a <= c.b, c.less || c.equal);
    EXPECT_EQ(c.a > c.b, !c.less && !c.equal);
    EXPECT_EQ(c.a >= c.b, !c.less);
  }
}

TEST(RationalTest, FloorAndFloorToHalf) {
  struct Case {
    Rational value;
    std::int64_t floor;
    Rational floor_to_half;
  };
  const Case cases[] = {
      {Rational(0), 0, Rational(0)},
      {Rational(2), 2, Rational(2)},
      {Rational(5, 3), 1, Rational(3, 2)},
      {Rational(3, 2), 1, Rational(3, 2)},
      {Rational(7, 4), 1, Rational(3, 2)},
      {Rational(4, 3), 1, Rational(1)},
      {Rational(47, 6), 7, Rational(15, 2)},
      {Rational(1, 3), 0, Rational(0)},
      {Rational(-1, 3), -1, Rational(-1, 2)},
      {Rational(-1, 2), -1, Rational(-1, 2)},
      {Rational(-2, 3), -1, Rational(-1)},
      {Rational(-3), -3, Rational(-3)},
      {Rational(-7, 4), -2, Rational(-2)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::to_string(c.value.num()) + "/" +
                 std::to_string(c.value.den()));
    EXPECT_EQ(c.value.Floor(), c.floor);
    EXPECT_EQ(c.value.FloorToHalf(), c.floor_to_half);
  }
}

TEST(RationalTest, AbsAndToDouble) {
  EXPECT_EQ(Rational(-3, 2).Abs(), Rational(3, 2));
  EXPECT_EQ(Rational(3, 2).Abs(), Rational(3, 2));
  EXPECT_DOUBLE_EQ(Rational(15, 2).ToDouble(), 7.5);
  EXPECT_DOUBLE_EQ(Rational(-1, 4).ToDouble(), -0.25);
}

TEST(RationalTest, ToStringShowsAtMostTwoDecimalsRoundedHalfAwayFromZero) {
  struct Case {
    Rational value;
    const char* want;
  };
  const Case cases[] = {
      {Rational(22), "22"},       {Rational(0), "0"},
      {Rational(15, 2), "7.5"},   {Rational(5, 3), "1.67"},
      {Rational(2, 3), "0.67"},   {Rational(1, 8), "0.13"},
      {Rational(-1, 8), "-0.13"}, {Rational(1, 3), "0.33"},
      {Rational(1, 4), "0.25"},   {Rational(1, 200), "0.01"},
      {Rational(1, 201), "0"},    {Rational(-1, 1000), "0"},
      {Rational(199, 200), "1"},  {Rational(-15, 2), "-7.5"},
      {Rational(47, 6), "7.83"},  {Rational(101, 10), "10.1"},
      {Rational(-33), "-33"},     {Rational(1, 20), "0.05"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.value.ToString(), c.want)
        << c.value.num() << "/" << c.value.den();
  }
}

}  // namespace
}  // namespace eds
