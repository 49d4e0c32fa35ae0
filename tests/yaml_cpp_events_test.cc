#include "yaml_cpp_events.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "yaml_differential.h"
#include "yaml_event.h"

namespace eds {
namespace {

using Type = YamlEvent::Type;
using ::eds::testing::Recorder;

// The events yaml-cpp gives for the first document of `text`, as the
// adapter passes them on: anchors, aliases and tags kept for the tree
// builder to refuse.
struct Read {
  YamlCppEvents::Result result;
  Recorder recorder;
  std::vector<bool> anchored;
  std::vector<std::string> tags;
};

class Keeper : public YamlEventSink {
 public:
  explicit Keeper(Read* read) : read_(read) {}
  void OnEvent(const YamlEvent& event) override {
    read_->anchored.push_back(event.anchored);
    read_->tags.emplace_back(event.tag);
    read_->recorder.OnEvent(event);
  }

 private:
  Read* read_;
};

Read First(const std::string& text) {
  Read read;
  Keeper keeper(&read);
  YamlCppEvents parser(text);
  std::size_t start = 0;
  read.result = parser.NextDocument(keeper, &start);
  return read;
}

TEST(YamlCppEventsTest, GivesKindsStylesAndMarks) {
  const Read read = First("a: 'q'\nb: [1]\nc:\n");
  ASSERT_EQ(read.result, YamlCppEvents::Result::kDocument);
  const auto& e = read.recorder.events;
  ASSERT_EQ(e.size(), 10u);
  EXPECT_EQ(e[0].type, Type::kMapStart);
  EXPECT_FALSE(e[0].flow);
  EXPECT_EQ(e[1].type, Type::kScalar);
  EXPECT_EQ(e[1].value, "a");
  EXPECT_FALSE(e[1].quoted);
  EXPECT_EQ(e[2].value, "q");
  EXPECT_TRUE(e[2].quoted);
  EXPECT_EQ(e[2].pos, 3u);
  EXPECT_EQ(e[2].line, 0);
  EXPECT_EQ(e[2].column, 3);
  EXPECT_EQ(e[4].type, Type::kSequenceStart);
  EXPECT_TRUE(e[4].flow);
  EXPECT_EQ(e[4].pos, 10u);
  EXPECT_EQ(e[4].line, 1);
  EXPECT_EQ(e[4].column, 3);
  EXPECT_EQ(e[6].type, Type::kSequenceEnd);
  EXPECT_EQ(e[8].type, Type::kNull);
  EXPECT_EQ(e[9].type, Type::kMapEnd);
  EXPECT_FALSE(read.recorder.unplain);
}

TEST(YamlCppEventsTest, KeepsAnchorsAliasesAndTags) {
  Read read = First("a: &x 1\nb: *x\n");
  ASSERT_EQ(read.result, YamlCppEvents::Result::kDocument);
  EXPECT_TRUE(read.anchored[2]);
  EXPECT_EQ(read.recorder.events[4].type, Type::kAlias);

  read = First("a: !!int 1\n");
  EXPECT_EQ(read.tags[2], "tag:yaml.org,2002:int");
  EXPECT_FALSE(read.recorder.events[2].quoted);
  // A bare "!" on a collection is kept; on a scalar it reads as quoted,
  // as yaml-cpp cannot tell the two apart.
  read = First("a: ! {b: 1}\nc: ! d\n");
  EXPECT_EQ(read.tags[2], "!");
  EXPECT_EQ(read.tags[7], "");
  EXPECT_TRUE(read.recorder.events[7].quoted);
}

TEST(YamlCppEventsTest, ReportsDocumentsAndSyntaxErrors) {
  EXPECT_EQ(First("").result, YamlCppEvents::Result::kNoDocument);
  EXPECT_EQ(First("# only a comment\n").result,
            YamlCppEvents::Result::kNoDocument);

  YamlCppEvents two("a: 1\n---\nb: 2\n");
  Recorder sink;
  std::size_t start = 99;
  EXPECT_EQ(two.NextDocument(sink, &start), YamlCppEvents::Result::kDocument);
  EXPECT_EQ(two.NextDocument(sink, &start), YamlCppEvents::Result::kDocument);
  EXPECT_EQ(start, 5u);
  EXPECT_EQ(two.NextDocument(sink, &start), YamlCppEvents::Result::kNoDocument);

  const struct {
    std::string text;
    YamlSyntaxError::Kind kind;
  } errors[] = {
      {"a: [1, 2\n", YamlSyntaxError::Kind::kEndOfFlowSequence},
      {"a: {b: 1\n", YamlSyntaxError::Kind::kEndOfFlowMap},
      {"a: ]\n", YamlSyntaxError::Kind::kFlowEnd},
      {"a: b: c\n", YamlSyntaxError::Kind::kMapValue},
      {"a: *x\n", YamlSyntaxError::Kind::kUnknownAnchor},
      {"a:\n  b: 1\n c: 2\n", YamlSyntaxError::Kind::kEndOfMap},
      {"a: \"x\\q\"\n", YamlSyntaxError::Kind::kOther},
  };
  for (const auto& error : errors) {
    SCOPED_TRACE(error.text);
    YamlCppEvents parser(error.text);
    Recorder ignored;
    ASSERT_EQ(parser.NextDocument(ignored, &start),
              YamlCppEvents::Result::kSyntaxError);
    EXPECT_EQ(parser.error().kind, error.kind) << parser.error().message;
    EXPECT_FALSE(parser.error().message.empty());
  }
}

}  // namespace
}  // namespace eds
