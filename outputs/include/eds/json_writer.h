#ifndef EDS_JSON_WRITER_H_
#define EDS_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eds/rational.h"

namespace eds {

// A small streaming JSON emitter for eds3's result files. Output is
// deterministic: keys appear in the order they are written, numbers and
// strings always print the same way, and the layout is fixed.
//
// Layout: two-space indentation, one member or element per line, "key": value
// with one space after the colon, empty containers as {} and [], and a final
// newline after the top-level value.
//
// Strings are escaped as RFC 8259 requires: '"' and '\\' with a backslash,
// \n \r \t \b \f in their short forms, every other control character below
// U+0020 and U+007F as \u00XX (lower-case hex), and U+2028/U+2029 as \u2028
// and \u2029 (so the text is also valid JavaScript). Valid UTF-8 passes
// through unchanged; each byte of an invalid UTF-8 sequence is replaced by
// U+FFFD, so the output is always valid UTF-8 JSON.
//
// Misuse (a key outside an object, a value without a key inside an object,
// an unbalanced End..., two top-level values, or Text() before the value is
// complete) is a programming error and throws std::logic_error.
//
// Usage:
//   JsonWriter json;
//   json.BeginObject().Key("total").Number(Rational(15, 2)).EndObject();
//   std::string text = json.Text();  // "{\n  \"total\": 7.5\n}\n"
class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();

  // The name of the next member; only directly inside an object.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  JsonWriter& Int(std::int64_t value);
  // An exact score. An integer prints as one ("22", "-3"); any other value
  // prints as the shortest decimal that reads back as the same IEEE double
  // (7/2 -> "3.5", 1/4 -> "0.25", 5/3 -> "1.6666666666666667").
  JsonWriter& Number(const Rational& value);
  // A measured value: the shortest decimal that reads back as the same
  // double ("0.63", "-0.125"). A negative zero prints as 0; NaN and the
  // infinities, which JSON cannot hold, print as null.
  JsonWriter& Double(double value);

  // null for nullopt (an unrated score) or an empty string, else the value.
  JsonWriter& NumberOrNull(const std::optional<Rational>& value);
  JsonWriter& StringOrNull(std::string_view value);

  // The document written so far. Throws std::logic_error unless exactly one
  // complete top-level value has been written.
  std::string Text() const;

 private:
  struct Frame {
    bool is_object = false;
    bool empty = true;      // no member or element written yet
    bool have_key = false;  // an object's key waits for its value
  };

  // Writes the separator and indentation that precede a value, and checks
  // that a value is allowed here.
  void BeforeValue();
  void Indent();
  // Writes one complete non-container value, already in JSON form.
  void Scalar(std::string_view literal);

  std::string out_;
  std::vector<Frame> stack_;
  bool done_ = false;  // the top-level value is complete
};

// `text` as a JSON string literal, quotes included, escaped as JsonWriter
// escapes strings.
std::string JsonQuote(std::string_view text);

}  // namespace eds

#endif  // EDS_JSON_WRITER_H_
