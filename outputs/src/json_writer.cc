#include "eds/json_writer.h"

#include <cmath>
#include <cstddef>
#include <stdexcept>

#include "eds/text.h"
#include "shortest_double.h"

namespace eds {
namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void AppendEscaped(std::string_view text, std::string* out) {
  out->push_back('"');
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = Utf8SequenceLength(text, i);
      if (length == 0) {
        out->append(kReplacement);
        ++i;
        continue;
      }
      const std::string_view sequence = text.substr(i, length);
      if (sequence == "\xE2\x80\xA8") {
        out->append("\\u2028");
      } else if (sequence == "\xE2\x80\xA9") {
        out->append("\\u2029");
      } else {
        out->append(sequence);
      }
      i += length;
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

}  // namespace

std::string JsonQuote(std::string_view text) {
  std::string out;
  AppendEscaped(text, &out);
  return out;
}

void JsonWriter::Indent() {
  out_.push_back('\n');
  out_.append(2 * stack_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (done_) throw std::logic_error("JsonWriter: a second top-level value");
  if (stack_.empty()) return;
  Frame& frame = stack_.back();
  if (frame.is_object) {
    if (!frame.have_key) {
      throw std::logic_error("JsonWriter: an object member without a key");
    }
    frame.have_key = false;
    return;  // Key() already wrote the separator and indentation
  }
  if (!frame.empty) out_.push_back(',');
  frame.empty = false;
  Indent();
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  if (stack_.empty() || !stack_.back().is_object) {
    throw std::logic_error("JsonWriter: a key outside an object");
  }
  Frame& frame = stack_.back();
  if (frame.have_key) throw std::logic_error("JsonWriter: two keys in a row");
  if (!frame.empty) out_.push_back(',');
  frame.empty = false;
  frame.have_key = true;
  Indent();
  AppendEscaped(key, &out_);
  out_.append(": ");
  return *this;
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_.push_back('{');
  stack_.push_back(Frame{true, true, false});
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_.push_back('[');
  stack_.push_back(Frame{false, true, false});
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  if (stack_.empty() || !stack_.back().is_object || stack_.back().have_key) {
    throw std::logic_error("JsonWriter: EndObject without an open object");
  }
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) Indent();
  out_.push_back('}');
  if (stack_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  if (stack_.empty() || stack_.back().is_object) {
    throw std::logic_error("JsonWriter: EndArray without an open array");
  }
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) Indent();
  out_.push_back(']');
  if (stack_.empty()) done_ = true;
  return *this;
}

void JsonWriter::Scalar(std::string_view literal) {
  BeforeValue();
  out_.append(literal);
  if (stack_.empty()) done_ = true;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  Scalar(JsonQuote(value));
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  Scalar(value ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Scalar("null");
  return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
  Scalar(std::to_string(value));
  return *this;
}

JsonWriter& JsonWriter::Number(const Rational& value) {
  // Integers print exactly, never through a double.
  if (value.IsInteger()) return Int(value.Floor());
  Scalar(ShortestDouble(value.ToDouble()));
  return *this;
}

JsonWriter& JsonWriter::Double(double value) {
  if (!std::isfinite(value)) return Null();
  Scalar(ShortestDouble(value == 0.0 ? 0.0 : value));
  return *this;
}

JsonWriter& JsonWriter::NumberOrNull(const std::optional<Rational>& value) {
  return value ? Number(*value) : Null();
}

JsonWriter& JsonWriter::StringOrNull(std::string_view value) {
  return value.empty() ? Null() : String(value);
}

std::string JsonWriter::Text() const {
  if (!done_) throw std::logic_error("JsonWriter: the document is incomplete");
  return out_ + "\n";
}

}  // namespace eds
