#include "eds/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

namespace eds {
namespace {

// The text of a document holding one scalar written by `write`.
template <typename Write>
std::string Scalar(Write write) {
  JsonWriter json;
  write(json);
  return json.Text();
}

TEST(JsonWriterTest, RationalsPrintExactlyOrAsShortestDouble) {
  struct Case {
    Rational value;
    std::string want;
  };
  const Case cases[] = {
      {Rational(22), "22"},
      {Rational(0), "0"},
      {Rational(-3), "-3"},
      {Rational(15, 2), "7.5"},
      {Rational(-1, 2), "-0.5"},
      {Rational(1, 4), "0.25"},
      {Rational(33, 8), "4.125"},
      {Rational(5, 3), "1.6666666666666667"},
      {Rational(2, 3), "0.6666666666666666"},
      {Rational(1, 10), "0.1"},
      // Integers never pass through a double, so large ones stay exact.
      {Rational(INT64_C(9007199254740993)), "9007199254740993"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Scalar([&](JsonWriter& j) { j.Number(c.value); }), c.want + "\n")
        << c.value.ToFraction();
  }
}

TEST(JsonWriterTest, DoublesPrintShortestAndNonFiniteAsNull) {
  struct Case {
    double value;
    std::string want;
  };
  const Case cases[] = {
      {0.631, "0.631"},
      {1.0, "1"},
      {-0.125, "-0.125"},
      {-0.0, "0"},
      {1e21, "1e+21"},
      {std::numeric_limits<double>::quiet_NaN(), "null"},
      {std::numeric_limits<double>::infinity(), "null"},
      {-std::numeric_limits<double>::infinity(), "null"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Scalar([&](JsonWriter& j) { j.Double(c.value); }), c.want + "\n")
        << c.value;
  }
}

TEST(JsonWriterTest, ScalarsAndNulls) {
  EXPECT_EQ(Scalar([](JsonWriter& j) { j.Bool(true); }), "true\n");
  EXPECT_EQ(Scalar([](JsonWriter& j) { j.Bool(false); }), "false\n");
  EXPECT_EQ(Scalar([](JsonWriter& j) { j.Null(); }), "null\n");
  EXPECT_EQ(Scalar([](JsonWriter& j) { j.Int(-42); }), "-42\n");
  EXPECT_EQ(Scalar([](JsonWriter& j) { j.NumberOrNull(std::nullopt); }),
            "null\n");
  EXPECT_EQ(Scalar([](JsonWriter& j) { j.NumberOrNull(Rational(7, 2)); }),
            "3.5\n");
  EXPECT_EQ(Scalar([](JsonWriter& j) { j.StringOrNull(""); }), "null\n");
  EXPECT_EQ(Scalar([](JsonWriter& j) { j.StringOrNull("RXX"); }), "\"RXX\"\n");
}

TEST(JsonWriterTest, StringEscaping) {
  struct Case {
    std::string input;
    std::string want;  // the JSON literal, quotes included
  };
  const Case cases[] = {
      {"", R"("")"},
      {"plain text", R"("plain text")"},
      {"say \"hi\"", R"("say \"hi\"")"},
      {"back\\slash", R"("back\\slash")"},
      {"a/b", R"("a/b")"},
      {"line\nnext\r\n", R"("line\nnext\r\n")"},
      {"tab\there", R"("tab\there")"},
      {"\b\f", R"("\b\f")"},
      {std::string("nul\0byte", 8), R"("nul\u0000byte")"},
      {"\x01\x1f", R"("\u0001\u001f")"},
      {"del\x7f", R"("del\u007f")"},
      // Valid UTF-8 passes through unchanged: 2, 3 and 4 byte sequences.
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},
      {"a \xE2\x80\x94 b", "\"a \xE2\x80\x94 b\""},
      {"\xF0\x9F\x98\x80", "\"\xF0\x9F\x98\x80\""},
      // Line and paragraph separators are escaped for JavaScript's sake.
      {"x\xE2\x80\xA8y\xE2\x80\xA9", R"("x\u2028y\u2029")"},
      // Invalid UTF-8: each offending byte becomes U+FFFD.
      {"\xFF", "\"\xEF\xBF\xBD\""},
      {"ab\xC3", "\"ab\xEF\xBF\xBD\""},
      {"\xC0\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"\xF4\x90\x80\x80",
       "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"\x80z", "\"\xEF\xBF\xBDz\""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(JsonQuote(c.input), c.want) << c.input;
    EXPECT_EQ(Scalar([&](JsonWriter& j) { j.String(c.input); }), c.want + "\n")
        << c.input;
  }
}

TEST(JsonWriterTest, KeysAreEscapedLikeStrings) {
  JsonWriter json;
  json.BeginObject().Key("a\"b\n").Int(1).EndObject();
  EXPECT_EQ(json.Text(), "{\n  \"a\\\"b\\n\": 1\n}\n");
}

TEST(JsonWriterTest, PrettyPrintsWithTwoSpacesInWrittenOrder) {
  JsonWriter json;
  json.BeginObject();
  json.Key("z").String("first");
  json.Key("a").BeginArray().Int(1).Number(Rational(3, 2)).Null().EndArray();
  json.Key("empty_object").BeginObject().EndObject();
  json.Key("empty_array").BeginArray().EndArray();
  json.Key("nested").BeginArray();
  json.BeginObject().Key("k").Bool(true).EndObject();
  json.BeginArray().EndArray();
  json.EndArray();
  json.EndObject();
  EXPECT_EQ(json.Text(),
            "{\n"
            "  \"z\": \"first\",\n"
            "  \"a\": [\n"
            "    1,\n"
            "    1.5,\n"
            "    null\n"
            "  ],\n"
            "  \"empty_object\": {},\n"
            "  \"empty_array\": [],\n"
            "  \"nested\": [\n"
            "    {\n"
            "      \"k\": true\n"
            "    },\n"
            "    []\n"
            "  ]\n"
            "}\n");
}

TEST(JsonWriterTest, TopLevelContainersMayBeEmpty) {
  JsonWriter object;
  object.BeginObject().EndObject();
  EXPECT_EQ(object.Text(), "{}\n");
  JsonWriter array;
  array.BeginArray().EndArray();
  EXPECT_EQ(array.Text(), "[]\n");
}

TEST(JsonWriterTest, MisuseThrows) {
  {
    JsonWriter json;
    EXPECT_THROW(json.Key("k"), std::logic_error);  // no object open
  }
  {
    JsonWriter json;
    json.BeginArray();
    EXPECT_THROW(json.Key("k"), std::logic_error);  // key inside an array
  }
  {
    JsonWriter json;
    json.BeginObject();
    EXPECT_THROW(json.Int(1), std::logic_error);  // member without a key
  }
  {
    JsonWriter json;
    json.BeginObject().Key("a");
    EXPECT_THROW(json.Key("b"), std::logic_error);  // two keys in a row
  }
  {
    JsonWriter json;
    json.BeginObject().Key("a");
    EXPECT_THROW(json.EndObject(), std::logic_error);  // key without value
  }
  {
    JsonWriter json;
    json.BeginObject();
    EXPECT_THROW(json.EndArray(), std::logic_error);  // mismatched end
  }
  {
    JsonWriter json;
    EXPECT_THROW(json.EndObject(), std::logic_error);  // nothing open
  }
  {
    JsonWriter json;
    json.Null();
    EXPECT_THROW(json.Null(), std::logic_error);  // second top-level value
  }
  {
    JsonWriter json;
    EXPECT_THROW(json.Text(), std::logic_error);  // nothing written
    json.BeginObject();
    EXPECT_THROW(json.Text(), std::logic_error);  // still open
  }
}

}  // namespace
}  // namespace eds
