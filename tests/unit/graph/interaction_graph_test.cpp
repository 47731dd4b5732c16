// graph::InteractionGraph on hand-built datasets: which edges exist, with what weights, and how
// messages group into conversations.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "dataset_builder.h"
#include "graph/interaction_graph.h"

namespace {

using meshcheck::graph::InteractionGraph;
using meshcheck::model::ChannelKind;
using meshcheck::model::kNone;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::Msg;
using meshcheck::testing::Who;

// Edges as "from->to" keyed by member keys: (replies, mentions, reactions).
using EdgeMap = std::map<std::string, std::tuple<uint32_t, uint32_t, uint32_t>>;

EdgeMap Edges(const meshcheck::model::Dataset& data, const InteractionGraph& g) {
  EdgeMap out;
  for (const auto& e : g.edges()) {
    const std::string key = std::string(data.Text(data.members()[e.from].key)) + "->" +
                            std::string(data.Text(data.members()[e.to].key));
    out[key] = {e.weights.replies, e.weights.mentions, e.weights.reactions};
  }
  return out;
}

}  // namespace

TEST_CASE("replies, mentions and reactions make directed weighted edges") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Reply("2", "bob", "1", 1);
  b.Reply("3", "bob", "1", 2);
  b.Post(Msg("4", Who("cat"), 3).ReplyTo("2").Mention(Who("ann")).Mention(Who("dan")));
  b.Post(Msg("5", Who("dan"), 4).React(Who("ann")).React(Who("bob")).Reactions(7));
  const auto& data = b.Finalize();
  const InteractionGraph g = InteractionGraph::Build(data);
  CHECK(g.node_count() == 4);
  const EdgeMap expected = {
      {"bob->ann", {2, 0, 0}},                           // Two replies.
      {"cat->bob", {1, 0, 0}},                           // A reply...
      {"cat->ann", {0, 1, 0}},                           // ...that mentions two people.
      {"cat->dan", {0, 1, 0}}, {"ann->dan", {0, 0, 1}},  // Reactors point at the author.
      {"bob->dan", {0, 0, 1}},
  };
  CHECK(Edges(data, g) == expected);
  // Sorted by (from, to).
  for (size_t i = 1; i < g.edges().size(); ++i) {
    const auto& p = g.edges()[i - 1];
    const auto& e = g.edges()[i];
    CHECK((p.from < e.from || (p.from == e.from && p.to < e.to)));
  }
  CHECK(g.reply_target()[0] == kNone);
  CHECK(g.reply_target()[1] == b.MemberIndex("ann"));
  CHECK(g.reply_target()[3] == b.MemberIndex("bob"));
  CHECK(g.reply_target()[4] == kNone);
}

TEST_CASE("a person never gets an edge to themselves") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Reply("2", "ann", "1", 1);  // Replying to oneself.
  b.Post(Msg("3", Who("ann"), 2).Mention(Who("ann")).React(Who("ann")).ReplyTo("2"));
  const auto& data = b.Finalize();
  const InteractionGraph g = InteractionGraph::Build(data);
  CHECK(g.edges().empty());
  CHECK(g.reply_target() == std::vector<uint32_t>{kNone, kNone, kNone});
  // A self-reply still continues the conversation.
  CHECK(g.conversation_root().size() == 1);
}

TEST_CASE("system messages neither speak nor are answered") {
  DatasetBuilder b;
  b.Post(Msg("1", Who("ann"), 0).System().Mention(Who("bob")).React(Who("cat")));
  b.Reply("2", "bob", "1", 1);  // A reply to a join notice.
  b.Post(Msg("3", Who("cat"), 2).System().ReplyTo("2"));
  const auto& data = b.Finalize();
  const InteractionGraph g = InteractionGraph::Build(data);
  CHECK(g.edges().empty());
  CHECK(g.conversation()[0] == kNone);
  CHECK(g.conversation()[2] == kNone);
  REQUIRE(g.conversation_root().size() == 1);
  CHECK(g.conversation_root()[0] == 1);  // bob's message starts its own conversation.
}

TEST_CASE("conversations are reply trees rooted at their first message") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Say("2", "bob", 1);
  b.Reply("3", "cat", "1", 2);
  b.Reply("4", "dan", "3", 3);
  b.Reply("5", "ann", "2", 4);
  b.Say("6", "eve", 5);
  const auto& data = b.Finalize();
  const InteractionGraph g = InteractionGraph::Build(data);
  CHECK(g.conversation() == std::vector<uint32_t>{0, 1, 0, 0, 1, 2});
  CHECK(g.conversation_root() == std::vector<uint32_t>{0, 1, 5});
}

TEST_CASE("a reply dated before its target still joins the target's conversation") {
  DatasetBuilder b;
  b.Reply("2", "bob", "1", 0);  // Clock skew: the reply is older than what it answers.
  b.Say("1", "ann", 5);
  b.Reply("3", "cat", "1", 6);
  const auto& data = b.Finalize();
  const InteractionGraph g = InteractionGraph::Build(data);
  CHECK(g.conversation() == std::vector<uint32_t>{0, 0, 0});
  CHECK(g.conversation_root() == std::vector<uint32_t>{0});  // The earliest message.
  CHECK(Edges(data, g) == EdgeMap{{"bob->ann", {1, 0, 0}}, {"cat->ann", {1, 0, 0}}});
}

TEST_CASE("a thread channel is one conversation, and its messages answer no one in particular") {
  DatasetBuilder b;
  const uint32_t thread = b.Channel("t1", ChannelKind::kThread);
  b.Say("1", "ann", 0, thread);
  b.Say("2", "bob", 1, thread);
  b.Say("3", "cat", 2);  // Channel 0 is a chat: a message of its own.
  b.Say("4", "dan", 3, thread);
  b.Say("5", "eve", 4);
  const auto& data = b.Finalize();
  const InteractionGraph g = InteractionGraph::Build(data);
  CHECK(g.conversation() == std::vector<uint32_t>{0, 0, 1, 0, 2});
  CHECK(g.conversation_root() == std::vector<uint32_t>{0, 2, 4});
  // ANALYSIS.md C.7 fix 1: a message without an explicit target adds no reply edge.
  CHECK(g.edges().empty());
}

TEST_CASE("a message in a thread without an explicit target joins it but adds no reply edge") {
  DatasetBuilder b;
  b.Say("root", "ann", 0);
  b.Post(Msg("a", Who("bob"), 1).Thread("root"));
  b.Post(Msg("b", Who("cat"), 2).Thread("root").ReplyTo("a"));
  b.Say("other", "dan", 3);
  const auto& data = b.Finalize();
  const InteractionGraph g = InteractionGraph::Build(data);
  CHECK(g.conversation() == std::vector<uint32_t>{0, 0, 0, 1});
  CHECK(g.reply_target()[1] == kNone);
  CHECK(Edges(data, g) == EdgeMap{{"cat->bob", {1, 0, 0}}});
}

TEST_CASE("bots are nodes like anyone: the measures decide whom to count") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Post(Msg("2", Who("feed").Bot(), 1).ReplyTo("1"));
  const auto& data = b.Finalize();
  const InteractionGraph g = InteractionGraph::Build(data);
  CHECK(Edges(data, g) == EdgeMap{{"feed->ann", {1, 0, 0}}});
}
