// graph::InteractionGraph on hand-built datasets: which edges exist, with what weights, and how
// messages group into conversations.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "dataset_builder.h"
#include "graph/edge_collection.h"
#include "graph/interaction_graph.h"

namespace {

using meshcheck::graph::Edge;
using meshcheck::graph::EdgeCollection;
using meshcheck::graph::InferenceOptions;
using meshcheck::graph::InteractionGraph;
using meshcheck::model::ChannelKind;
using meshcheck::model::kNone;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::Msg;
using meshcheck::testing::Who;

constexpr int64_t kMinute = meshcheck::testing::kMinuteMs;

// The inference parameters of ANALYSIS.md B.6 (metrics/params.h holds the ones in use): turns
// merge within 2 min, W = 15 min, kappa looks back 15 min, unlinked channels of >= 50 messages.
constexpr InferenceOptions kOptions{2 * kMinute, 15 * kMinute, 15 * kMinute, 50};

InteractionGraph Build(const meshcheck::model::Dataset& data,
                       const InferenceOptions& options = kOptions) {
  return InteractionGraph::Build(data, options);
}

// InteractionGraph::ReplyTarget of every message.
std::vector<uint32_t> ReplyTargets(const InteractionGraph& g) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < g.parent().size(); ++i)
    out.push_back(g.ReplyTarget(i));
  return out;
}

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

// Inferred replies per edge, "from->to" -> count (edges with none left out).
std::map<std::string, uint32_t> InferredEdges(const meshcheck::model::Dataset& data,
                                              const InteractionGraph& g) {
  std::map<std::string, uint32_t> out;
  for (const auto& e : g.edges()) {
    if (e.weights.inferred_replies > 0) {
      out[std::string(data.Text(data.members()[e.from].key)) + "->" +
          std::string(data.Text(data.members()[e.to].key))] = e.weights.inferred_replies;
    }
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
  const InteractionGraph g = Build(data);
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
  CHECK(g.ReplyTarget(0) == kNone);
  CHECK(g.ReplyTarget(1) == b.MemberIndex("ann"));
  CHECK(g.ReplyTarget(3) == b.MemberIndex("bob"));
  CHECK(g.ReplyTarget(4) == kNone);
}

TEST_CASE("a person never gets an edge to themselves") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Reply("2", "ann", "1", 1);  // Replying to oneself.
  b.Post(Msg("3", Who("ann"), 2).Mention(Who("ann")).React(Who("ann")).ReplyTo("2"));
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
  CHECK(g.edges().empty());
  CHECK(ReplyTargets(g) == std::vector<uint32_t>{kNone, kNone, kNone});
  // A self-reply still continues the conversation.
  CHECK(g.conversation_root().size() == 1);
}

TEST_CASE("system messages neither speak nor are answered") {
  DatasetBuilder b;
  b.Post(Msg("1", Who("ann"), 0).System().Mention(Who("bob")).React(Who("cat")));
  b.Reply("2", "bob", "1", 1);  // A reply to a join notice.
  b.Post(Msg("3", Who("cat"), 2).System().ReplyTo("2"));
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
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
  const InteractionGraph g = Build(data);
  CHECK(g.conversation() == std::vector<uint32_t>{0, 1, 0, 0, 1, 2});
  CHECK(g.conversation_root() == std::vector<uint32_t>{0, 1, 5});
  auto messages = [&](uint32_t c) {
    const auto span = g.ConversationMessages(c);
    return std::vector<uint32_t>(span.begin(), span.end());
  };
  CHECK(messages(0) == std::vector<uint32_t>{0, 2, 3});
  CHECK(messages(1) == std::vector<uint32_t>{1, 4});
  CHECK(messages(2) == std::vector<uint32_t>{5});
}

TEST_CASE("a reply dated before its target still joins the target's conversation") {
  DatasetBuilder b;
  b.Reply("2", "bob", "1", 0);  // Clock skew: the reply is older than what it answers.
  b.Say("1", "ann", 5);
  b.Reply("3", "cat", "1", 6);
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
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
  const InteractionGraph g = Build(data);
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
  const InteractionGraph g = Build(data);
  CHECK(g.conversation() == std::vector<uint32_t>{0, 0, 0, 1});
  CHECK(g.ReplyTarget(1) == kNone);
  CHECK(Edges(data, g) == EdgeMap{{"cat->bob", {1, 0, 0}}});
}

TEST_CASE("bots are nodes like anyone: the measures decide whom to count") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Post(Msg("2", Who("feed").Bot(), 1).ReplyTo("1"));
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
  CHECK(Edges(data, g) == EdgeMap{{"feed->ann", {1, 0, 0}}});
}

TEST_CASE("explicit links are the parents; nothing is inferred where the export has links") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Say("2", "bob", 1);  // Right after ann, but the channel has links: no inference.
  b.Reply("3", "cat", "1", 2);
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
  CHECK(g.parent() == std::vector<uint32_t>{kNone, kNone, 0});
  CHECK(g.inferred() == std::vector<bool>{false, false, false});
  CHECK(g.inferred_channel() == std::vector<bool>{false});
  CHECK(g.inference().channels == 0);
  CHECK(g.inference().replies == 0);
  CHECK(InferredEdges(data, g).empty());
}

TEST_CASE("turn-taking: same-author turns merge, a turn answers the last other speaker in W") {
  DatasetBuilder b;
  const uint32_t chat = b.UnlinkedChannel("whatsapp");
  b.Say("1", "ann", 0, chat);
  b.Say("2", "ann", 1, chat);   // Within 2 min of 1: the same turn, continuing 1.
  b.Say("3", "bob", 5, chat);   // Answers ann's turn (ended at 1, 4 min before).
  b.Say("4", "cat", 8, chat);   // Answers bob.
  b.Say("5", "bob", 30, chat);  // 22 min after cat's turn: a new conversation.
  b.Say("6", "ann", 31, chat);  // Answers bob.
  b.Say("7", "ann", 34, chat);  // 3 min after 6: a turn of its own; its latest other speaker is
                                // bob (ended at 30, 4 min before): answers bob.
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
  CHECK(g.inferred_channel() == std::vector<bool>{false, true});
  CHECK(g.parent() == std::vector<uint32_t>{kNone, 0, 0, 2, kNone, 4, 4});
  CHECK(g.inferred() == std::vector<bool>{false, true, true, true, false, true, true});
  const uint32_t ann = b.MemberIndex("ann");
  const uint32_t bob = b.MemberIndex("bob");
  CHECK(ReplyTargets(g) == std::vector<uint32_t>{kNone, kNone, ann, bob, kNone, bob, bob});
  CHECK(g.conversation() == std::vector<uint32_t>{0, 0, 0, 0, 1, 1, 1});
  CHECK(g.conversation_root() == std::vector<uint32_t>{0, 4});
  const EdgeMap edges = {{"bob->ann", {1, 0, 0}}, {"cat->bob", {1, 0, 0}}, {"ann->bob", {2, 0, 0}}};
  CHECK(Edges(data, g) == edges);
  CHECK(InferredEdges(data, g) ==
        std::map<std::string, uint32_t>{{"bob->ann", 1}, {"cat->bob", 1}, {"ann->bob", 2}});
  const auto& s = g.inference();
  CHECK(s.channels == 1);
  CHECK(s.channels_without_links == 0);
  CHECK(s.messages == 7);
  CHECK(s.turns == 6);
  CHECK(s.replies == 4);
  CHECK(s.replies_by_mention == 0);
  // Kappa: only message 4 (minute 8) has two other authors (ann, bob) in the 15 minutes
  // before it. Message 7 (minute 34) sees bob and ann, but ann is its author.
  CHECK(s.concurrent == 1);
}

TEST_CASE("turn-taking: the window W decides what a pause means") {
  DatasetBuilder b;
  const uint32_t chat = b.UnlinkedChannel("chat");
  b.Say("1", "ann", 0, chat);
  b.Say("2", "bob", 6, chat);   // 6 min later.
  b.Say("3", "cat", 26, chat);  // 20 min later.
  const auto& data = b.Finalize();
  InferenceOptions narrow = kOptions;
  narrow.window_ms = 5 * kMinute;
  CHECK(Build(data, narrow).parent() == std::vector<uint32_t>{kNone, kNone, kNone});
  CHECK(Build(data).parent() == std::vector<uint32_t>{kNone, 0, kNone});
  InferenceOptions wide = kOptions;
  wide.window_ms = 30 * kMinute;
  CHECK(Build(data, wide).parent() == std::vector<uint32_t>{kNone, 0, 1});
  // Exactly W apart still answers.
  InferenceOptions six = kOptions;
  six.window_ms = 6 * kMinute;
  CHECK(Build(data, six).parent() == std::vector<uint32_t>{kNone, 0, kNone});
}

TEST_CASE("turn-taking: an @mention of an earlier speaker names the parent, at any distance") {
  DatasetBuilder b;
  const uint32_t chat = b.UnlinkedChannel("chat");
  b.Say("1", "ann", 0, chat);
  b.Say("2", "bob", 3, chat);
  b.Post(Msg("3", Who("cat"), 4).In(chat).Mention(Who("ann")));  // Answers ann, not bob.
  // Mentions eve (never spoke here) and itself: neither counts; the window applies (cat).
  b.Post(Msg("4", Who("dan"), 5).In(chat).Mention(Who("eve")).Mention(Who("dan")));
  // Three hours later, far outside W: the mention still reaches bob's latest turn.
  b.Post(Msg("5", Who("ann"), 180).In(chat).Mention(Who("bob")));
  // A turn's later message may carry the mention: 6 and 7 are one turn, answering dan.
  b.Say("6", "bob", 200, chat);
  b.Post(Msg("7", Who("bob"), 201).In(chat).Mention(Who("dan")));
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
  CHECK(g.parent() == std::vector<uint32_t>{kNone, 0, 0, 2, 1, 3, 5});
  CHECK(g.inferred() == std::vector<bool>{false, true, true, true, true, true, true});
  CHECK(g.inference().replies == 5);             // 2, 3, 4, 5 and the turn 6-7.
  CHECK(g.inference().replies_by_mention == 3);  // 3, 5 and 6-7.
  CHECK(g.inference().turns == 6);
  CHECK(g.conversation() == std::vector<uint32_t>{0, 0, 0, 0, 0, 0, 0});
}

TEST_CASE("turn-taking: bots, system events and undated messages take no turn") {
  DatasetBuilder b;
  const uint32_t chat = b.UnlinkedChannel("chat");
  b.Say("1", "ann", 0, chat);
  b.Post(Msg("2", Who("bot").Bot(), 1).In(chat));
  b.Post(Msg("3", Who("cat"), 2).In(chat).System(meshcheck::model::SystemAction::kJoin));
  b.Say("4", "bob", 3, chat);  // Answers ann: the bot and the join are not turns.
  b.Post(Msg("5", Who("dan"), 4).In(chat).Undated());
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
  CHECK(g.parent() == std::vector<uint32_t>{kNone, kNone, kNone, 0, kNone});
  CHECK(g.inference().messages == 2);
  CHECK(g.inference().turns == 2);
  CHECK(Edges(data, g) == EdgeMap{{"bob->ann", {1, 0, 0}}});
  CHECK(g.conversation() == std::vector<uint32_t>{0, 1, kNone, 0, 2});
}

TEST_CASE("an explicit link in an inferred channel is kept; the rest of its turn continues it") {
  DatasetBuilder b;
  const uint32_t chat = b.UnlinkedChannel("chat");
  b.Say("1", "ann", 0, chat);
  b.Say("2", "bob", 1, chat);
  b.Post(Msg("3", Who("cat"), 2).In(chat).ReplyTo("1"));  // Explicit: to ann, not bob.
  b.Say("4", "cat", 3, chat);                             // Same turn: continues 3.
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
  CHECK(g.parent() == std::vector<uint32_t>{kNone, 0, 0, 2});
  CHECK(g.inferred() == std::vector<bool>{false, true, false, true});
  CHECK(Edges(data, g) == EdgeMap{{"bob->ann", {1, 0, 0}}, {"cat->ann", {1, 0, 0}}});
  CHECK(InferredEdges(data, g) == std::map<std::string, uint32_t>{{"bob->ann", 1}});
  CHECK(g.inference().replies == 1);
}

TEST_CASE("a linkless channel of 50+ messages is inferred (C.7 fix 4), announcements never") {
  auto build = [](int messages, bool one_link, ChannelKind kind) {
    DatasetBuilder b;
    const uint32_t c = b.Channel("c", kind);
    for (int i = 0; i < messages; ++i)
      b.Say(std::to_string(i), i % 2 == 0 ? "ann" : "bob", i, c);
    if (one_link)
      b.Reply("link", "cat", "0", messages, c);
    b.Post(Msg("bot", Who("bot").Bot(), messages + 1).In(c));  // Bots do not count.
    const auto& data = b.Finalize();
    return Build(data);
  };
  const InteractionGraph fifty = build(50, false, ChannelKind::kChat);
  CHECK(fifty.inferred_channel() == std::vector<bool>{false, true});
  CHECK(fifty.inference().channels == 1);
  CHECK(fifty.inference().channels_without_links == 1);
  CHECK(fifty.inference().replies == 49);  // Alternating speakers a minute apart.
  CHECK(build(49, false, ChannelKind::kChat).inferred_channel() == std::vector<bool>{false, false});
  CHECK(build(60, true, ChannelKind::kChat).inferred_channel() == std::vector<bool>{false, false});
  CHECK(build(60, false, ChannelKind::kAnnouncement).inferred_channel() ==
        std::vector<bool>{false, false});
  CHECK(build(60, false, ChannelKind::kThread).inferred_channel() ==
        std::vector<bool>{false, true});

  // An announcement channel is never inferred, even from an export without links.
  DatasetBuilder b;
  const uint32_t news = b.Channel("news", ChannelKind::kAnnouncement, "", false);
  b.Say("1", "ann", 0, news);
  b.Say("2", "bob", 1, news);
  const auto& data = b.Finalize();
  CHECK(Build(data).inferred_channel() == std::vector<bool>{false, false});
}

TEST_CASE("kappa counts messages with two other recent speakers, channel by channel") {
  DatasetBuilder b;
  const uint32_t one = b.UnlinkedChannel("one");
  const uint32_t two = b.UnlinkedChannel("two");
  b.Say("1", "ann", 0, one);
  b.Say("2", "bob", 0, two);  // Another channel: not seen from channel one.
  b.Say("3", "cat", 1, one);
  b.Say("4", "dan", 2, one);   // ann and cat before it: concurrent.
  b.Say("5", "ann", 16, one);  // Window from minute 1: cat and dan: concurrent.
  b.Say("6", "eve", 18, one);  // Window from minute 3: only ann.
  b.Say("7", "bob", 19, two);  // Only itself (bob) before it.
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
  CHECK(g.inference().channels == 2);
  CHECK(g.inference().messages == 7);
  CHECK(g.inference().concurrent == 2);
}

namespace {

// A linked channel (a reply with a mention and a reaction) and an unlinked one where ann, then
// bob and cat speak at the given minutes.
void LinkedAndUnlinked(DatasetBuilder* b, int64_t bob_minute, int64_t cat_minute) {
  const uint32_t chat = b->UnlinkedChannel("whatsapp");
  b->Say("1", "ann", 0);
  b->Reply("2", "bob", "1", 1);
  b->Post(Msg("3", Who("cat"), 3).ReplyTo("2").Mention(Who("ann")).React(Who("dan")));
  b->Say("4", "ann", 10, chat);
  b->Say("5", "bob", bob_minute, chat);
  b->Say("6", "cat", cat_minute, chat);
}

}  // namespace

TEST_CASE("without edges, a graph keeps the same replies and conversations") {
  DatasetBuilder b;
  LinkedAndUnlinked(&b, 12, 40);  // bob's is inferred to answer ann; cat's starts anew.
  const auto& data = b.Finalize();
  const InteractionGraph full = Build(data);
  const InteractionGraph bare = InteractionGraph::Build(data, kOptions, EdgeCollection::kNone);
  // bob->ann (a reply in each channel), cat->bob, cat->ann (mention), dan->cat (reaction).
  CHECK(full.edges().size() == 4);
  CHECK(bare.edges().empty());
  CHECK(bare.parent() == full.parent());
  CHECK(bare.inferred() == full.inferred());
  CHECK(ReplyTargets(bare) == ReplyTargets(full));
  CHECK(bare.conversation() == full.conversation());
  CHECK(bare.conversation_root() == full.conversation_root());
  for (uint32_t c = 0; c < full.conversation_root().size(); ++c) {
    const auto a = full.ConversationMessages(c);
    const auto z = bare.ConversationMessages(c);
    CHECK(std::vector<uint32_t>(a.begin(), a.end()) == std::vector<uint32_t>(z.begin(), z.end()));
  }
  CHECK(bare.inference().replies == full.inference().replies);
  CHECK(bare.inference().concurrent == 0);  // Kappa is the full graph's business.
  CHECK(bare.node_count() == full.node_count());
}

TEST_CASE("edges left for later are the same edges once collected, with kappa's counts") {
  DatasetBuilder b;
  LinkedAndUnlinked(&b, 11, 12);  // cat's has two other authors within the window: concurrent.
  const auto& data = b.Finalize();
  const InteractionGraph full = Build(data);
  InteractionGraph later = InteractionGraph::Build(data, kOptions, EdgeCollection::kLater);
  CHECK(later.edges().empty());
  CHECK(later.inference().concurrent == full.inference().concurrent);
  CHECK(full.inference().concurrent > 0);
  later.CollectEdges(data);
  CHECK(Edges(data, later) == Edges(data, full));
  CHECK(InferredEdges(data, later) == InferredEdges(data, full));
  CHECK(later.edges().size() == full.edges().size());
  later.CollectEdges(data);  // Collected once: nothing more.
  CHECK(later.edges().size() == full.edges().size());
  InteractionGraph bare = InteractionGraph::Build(data, kOptions, EdgeCollection::kNone);
  bare.CollectEdges(data);  // Never collected.
  CHECK(bare.edges().empty());
}

TEST_CASE("releasing parts of a graph frees them and keeps the edges and conversations") {
  DatasetBuilder b;
  const uint32_t chat = b.UnlinkedChannel("whatsapp");
  b.Say("1", "ann", 0);
  b.Reply("2", "bob", "1", 1);
  b.Post(Msg("3", Who("cat"), 3).ReplyTo("2").Mention(Who("ann")));
  b.Say("4", "ann", 10, chat);
  b.Say("5", "bob", 12, chat);
  const auto& data = b.Finalize();
  const InteractionGraph full = Build(data);
  InteractionGraph released = full;
  released.ReleaseConversationMessages();
  CHECK(released.parent() == full.parent());
  CHECK(ReplyTargets(released) == ReplyTargets(full));
  released.ReleaseReplies();
  CHECK(released.parent().empty());
  CHECK(released.inferred().empty());
  CHECK(Edges(data, released) == Edges(data, full));
  CHECK(released.conversation() == full.conversation());
  CHECK(released.conversation_root() == full.conversation_root());
  CHECK(released.inferred_channel() == full.inferred_channel());
  CHECK(released.inference().replies == full.inference().replies);
  CHECK(released.inference().concurrent == full.inference().concurrent);
  CHECK(released.node_count() == full.node_count());
  released.ReleaseConversations();
  CHECK(released.conversation().empty());
  CHECK(!full.conversation().empty());
  CHECK(released.conversation_root() == full.conversation_root());
  CHECK(Edges(data, released) == Edges(data, full));
}

TEST_CASE("edges collected a block of sources at a time sum every tie once") {
  // 2.1 million ties. In four blocks at most, a block holds a quarter of them (and 2^19 at the
  // least, edge_collection.h): ann, with more, makes a block alone, and the others fill two
  // after hers. In two, half of them: ann's block, then the others'.
  constexpr uint32_t kMessages = 700'000;
  constexpr uint32_t kPeople = 997;
  auto person = [](uint32_t i) { return Who("p" + std::to_string((i * 7919) % kPeople)); };
  DatasetBuilder b;
  for (uint32_t i = 0; i < kMessages; ++i) {
    const bool ann = i % 2 == 0;
    auto post = Msg(std::to_string(i), ann ? Who("ann") : person(i), i / 10);
    if (i > 0)
      post.ReplyTo(std::to_string(i - 1 - (i * 31) % std::min(i, 50u)));
    if (ann)
      post.Mention(person(i + 1)).Mention(person(i + 2));
    else
      post.React(Who("ann")).Mention(person(i + 3));
    b.Post(post);
  }
  const auto& data = b.Finalize();
  const InteractionGraph g = Build(data);
  // The ties summed by a map, straight from the replies and links.
  std::map<std::pair<uint32_t, uint32_t>, std::tuple<uint32_t, uint32_t, uint32_t>> expected;
  for (uint32_t i = 0; i < kMessages; ++i) {
    if (g.ReplyTarget(i) != kNone)
      ++std::get<0>(expected[{data.messages()[i].author, g.ReplyTarget(i)}]);
  }
  for (const auto& link : data.links()) {
    const uint32_t author = data.messages()[link.message].author;
    if (link.kind == meshcheck::model::LinkKind::kMention)
      ++std::get<1>(expected[{author, link.person}]);
    else
      ++std::get<2>(expected[{link.person, author}]);
  }
  uint64_t ties = 0;
  uint64_t ann_ties = 0;
  for (const auto& [pair, w] : expected) {
    const uint32_t n = std::get<0>(w) + std::get<1>(w) + std::get<2>(w);
    ties += n;
    ann_ties += pair.first == b.MemberIndex("ann") ? n : 0;
  }
  const uint64_t quarter = std::max<uint64_t>(1u << 19, (ties + 3) / 4);
  CHECK(ann_ties > quarter);
  CHECK(ties - ann_ties > quarter);
  for (const size_t blocks : {size_t{1}, size_t{2}, size_t{4}}) {
    CAPTURE(blocks);
    const auto edges = meshcheck::graph::EdgesOf(data, g, blocks);
    REQUIRE(edges.size() == expected.size());
    auto next = expected.begin();
    for (const auto& e : edges) {
      REQUIRE(std::pair(e.from, e.to) == next->first);  // Sorted by (from, to), as the map.
      REQUIRE(std::tuple(e.weights.replies, e.weights.mentions, e.weights.reactions) ==
              next->second);
      ++next;
    }
  }
  CHECK(Edges(data, g) == Edges(data, Build(data)));
}
