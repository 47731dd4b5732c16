// model::Dataset on hand-built event streams: deduplication, time order, reference resolution,
// people and channels.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dataset_builder.h"
#include "model/dataset.h"

namespace {

using meshcheck::model::ChannelKind;
using meshcheck::model::Dataset;
using meshcheck::model::kNone;
using meshcheck::model::kNoTime;
using meshcheck::model::LinkKind;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::kBaseMs;
using meshcheck::testing::kMinuteMs;
using meshcheck::testing::Msg;
using meshcheck::testing::Nameless;
using meshcheck::testing::TestPerson;
using meshcheck::testing::Who;

// The key of the author of every message, in the dataset's order.
std::vector<std::string> Authors(const Dataset& data) {
  std::vector<std::string> out;
  for (const auto& m : data.messages())
    out.emplace_back(data.Text(data.members()[m.author].key));
  return out;
}

// The author key of message i's reply target ("" if none).
std::string ParentAuthor(const Dataset& data, size_t i) {
  const uint32_t p = data.messages()[i].parent;
  return p == kNone ? "" : std::string(data.Text(data.members()[data.messages()[p].author].key));
}

}  // namespace

TEST_CASE("a message id repeated in one channel is counted once") {
  DatasetBuilder b;
  const uint32_t other = b.Channel("other");
  b.Say("1", "alice", 0);
  b.Say("1", "bob", 1);           // Same id, same channel: a duplicate, dropped.
  b.Say("1", "carol", 2, other);  // Same id in another channel: a different message.
  b.Say("", "dave", 3);           // No id: never a duplicate.
  b.Say("", "erin", 4);
  const Dataset& data = b.Finalize();
  CHECK(Authors(data) == std::vector<std::string>{"alice", "carol", "dave", "erin"});
  CHECK(data.duplicates() == 1);
  CHECK(b.diagnostics().Count("model.duplicate_message") == 1);
  // The dropped duplicate's author was never seen as a person.
  CHECK(b.MemberIndex("bob") == kNone);
}

TEST_CASE("messages are sorted by time, stably, and reply and thread targets follow them") {
  DatasetBuilder b;
  // Arrival order: newest first, with two messages at the same minute (c1 before c2).
  b.Post(Msg("d", Who("dan"), 30).Thread("a"));
  b.Reply("c2", "cat", "a", 20);
  b.Reply("c1", "bea", "a", 20);
  b.Reply("b", "bob", "a", 10);
  b.Say("a", "ann", 0);
  const Dataset& data = b.Finalize();
  // Same minute: c2 arrived before c1, so it stays first.
  CHECK(Authors(data) == std::vector<std::string>{"ann", "bob", "cat", "bea", "dan"});
  for (size_t i = 1; i <= 3; ++i)
    CHECK(ParentAuthor(data, i) == "ann");
  CHECK(data.messages()[4].parent == kNone);
  CHECK(data.messages()[4].thread == 0);
  for (size_t i = 0; i + 1 < data.messages().size(); ++i) {
    CHECK(data.messages()[i].time_ms <= data.messages()[i + 1].time_ms);
  }
  CHECK(data.messages()[0].time_ms == kBaseMs);
  CHECK(data.messages()[4].time_ms == kBaseMs + 30 * kMinuteMs);
}

TEST_CASE("references to messages that arrive later are resolved at Finalize") {
  DatasetBuilder b;
  b.Reply("3", "carol", "2", 2);  // Newest-first export: targets come after their replies.
  b.Reply("2", "bob", "1", 1);
  b.Say("1", "alice", 0);
  const Dataset& data = b.Finalize();
  CHECK(Authors(data) == std::vector<std::string>{"alice", "bob", "carol"});
  CHECK(data.messages()[1].parent == 0);
  CHECK(data.messages()[2].parent == 1);
  CHECK(b.diagnostics().Count("model.reply_target_outside") == 0);
}

TEST_CASE("references to messages outside the export are counted, not linked") {
  DatasetBuilder b;
  const uint32_t other = b.Channel("other");
  b.Say("1", "alice", 0, other);
  b.Reply("2", "bob", "1", 1);  // "1" exists only in another channel.
  b.Reply("3", "carol", "99", 2);
  b.Post(Msg("4", Who("dan"), 3).Thread("98"));
  b.Reply("5", "erin", "5", 4);  // A message naming itself is no reference at all.
  b.Reply("6", "fay", "3", 5);
  const Dataset& data = b.Finalize();
  for (size_t i = 0; i < 5; ++i) {
    CHECK(data.messages()[i].parent == kNone);
    CHECK(data.messages()[i].thread == kNone);
  }
  CHECK(data.messages()[5].parent == 2);
  CHECK(b.diagnostics().Count("model.reply_target_outside") == 3);
  CHECK(b.diagnostics().entries().at("model.reply_target_outside").severity ==
        meshcheck::base::Severity::kInfo);
}

TEST_CASE("implausible and missing times stay out of the timeline, undated messages last") {
  DatasetBuilder b;
  b.Post(Msg("old", Who("a"), 0).At(1000));  // 1970.
  b.Say("t2", "b", 20);
  b.Post(Msg("none", Who("c"), 0).Undated());
  b.Post(Msg("future", Who("d"), 0).At(5000000000000));  // 2128.
  b.Say("t1", "e", 10);
  const Dataset& data = b.Finalize();
  CHECK(Authors(data) == std::vector<std::string>{"e", "b", "a", "c", "d"});
  CHECK(data.messages()[2].time_ms == kNoTime);
  CHECK(data.messages()[3].time_ms == kNoTime);
  CHECK(data.messages()[4].time_ms == kNoTime);
  CHECK(b.diagnostics().Count("model.implausible_time") == 2);
  CHECK(b.diagnostics().Count("model.missing_time") == 1);
  // An undated message still counts as the author's message, with no first/last time.
  const auto& a = data.members()[b.MemberIndex("a")];
  CHECK(a.messages == 1);
  CHECK(a.first_ms == kNoTime);
}

TEST_CASE("deleted accounts are never merged, with each other or with anyone") {
  DatasetBuilder b;
  const TestPerson deleted = Who("456226577798135808").Named("Deleted User").Deleted();
  b.Post(Msg("1", deleted, 0));
  b.Post(Msg("2", deleted, 1).Mention(deleted).React(deleted).React(deleted));
  b.Post(Msg("", deleted, 2));
  b.Post(Msg("", deleted, 3));
  const Dataset& data = b.Finalize();
  // 4 authors + 1 mentioned + 2 reactors, all distinct people.
  REQUIRE(data.members().size() == 7);
  for (const auto& m : data.members())
    CHECK(m.is_deleted);
  for (const auto& l : data.links())
    CHECK(l.person != data.messages()[l.message].author);
  CHECK(data.links().size() == 3);
}

TEST_CASE("people without an id are keyed by their name, case and spaces aside") {
  DatasetBuilder b;
  b.Post(Msg("1", Nameless("Alice"), 0));
  b.Post(Msg("2", Nameless(" alice "), 1));
  b.Post(Msg("3", Nameless("ALICE"), 2));
  b.Post(Msg("4", Nameless("Bob"), 3));
  b.Post(Msg("5", Who("Alice"), 4));  // An id, not a name.
  const Dataset& data = b.Finalize();
  REQUIRE(data.members().size() == 3);
  const auto& alice = data.members()[data.messages()[0].author];
  CHECK(data.Text(alice.key) == "name:alice");
  CHECK(alice.messages == 3);
  CHECK(data.Text(alice.name) == "ALICE");  // The latest name seen.
  CHECK(alice.first_ms == kBaseMs);
  CHECK(alice.last_ms == kBaseMs + 2 * kMinuteMs);
  CHECK(data.messages()[4].author != data.messages()[0].author);
}

TEST_CASE("person flags accumulate and system messages are not speech") {
  DatasetBuilder b;
  b.Post(Msg("1", Who("x"), 0));
  b.Post(Msg("2", Who("x").Bot(), 1));
  b.Post(Msg("3", Who("y").Staff(), 2));
  b.Post(Msg("4", Who("y"), 3).System());
  const Dataset& data = b.Finalize();
  const auto& x = data.members()[b.MemberIndex("x")];
  const auto& y = data.members()[b.MemberIndex("y")];
  CHECK(x.is_bot);
  CHECK(x.messages == 2);
  CHECK(y.is_host_hint);
  CHECK(y.messages == 1);
  CHECK(y.last_ms == kBaseMs + 2 * kMinuteMs);
  CHECK(data.messages()[3].is_system());
  CHECK(data.channels()[0].messages == 3);
}

TEST_CASE("a channel declared again keeps its handle and fills only empty fields") {
  DatasetBuilder b;
  meshcheck::model::ChannelInfo first;
  first.key = "c9";
  first.name = "";
  first.group_name = "Guild";
  const uint32_t handle = b.data().OnChannel(first);
  meshcheck::model::ChannelInfo again;
  again.key = "c9";
  again.name = "help";
  again.group_key = "g1";
  again.group_name = "Other guild";
  again.parent_key = "c1";
  again.kind = ChannelKind::kThread;
  CHECK(b.data().OnChannel(again) == handle);
  meshcheck::model::ChannelInfo third;
  third.key = "c9";
  third.name = "renamed";
  third.kind = ChannelKind::kChat;
  CHECK(b.data().OnChannel(third) == handle);
  const Dataset& data = b.Finalize();
  REQUIRE(data.channels().size() == 2);  // "general" from the builder, then c9.
  const auto& c = data.channels()[handle];
  CHECK(data.Text(c.name) == "help");
  CHECK(data.Text(c.group_key) == "g1");
  CHECK(data.Text(c.group_name) == "Guild");
  CHECK(data.Text(c.parent_key) == "c1");
  CHECK(c.kind == ChannelKind::kThread);
}

TEST_CASE("a message in an undeclared channel is skipped with a diagnostic") {
  DatasetBuilder b;
  b.Say("1", "alice", 0, 7);
  const Dataset& data = b.Finalize();
  CHECK(data.messages().empty());
  CHECK(data.members().empty());
  CHECK(b.diagnostics().Count("model.unknown_channel") == 1);
}

TEST_CASE("mentions and reactions follow their message through the sort") {
  DatasetBuilder b;
  b.Post(Msg("late", Who("ann"), 9).Mention(Who("bob")).React(Who("cat")).Reactions(4));
  b.Post(Msg("early", Who("bob"), 1).Mention(Who("ann")));
  const Dataset& data = b.Finalize();
  REQUIRE(data.links().size() == 3);
  CHECK(data.links()[0].message == 0);
  CHECK(data.links()[0].kind == LinkKind::kMention);
  CHECK(data.links()[0].person == b.MemberIndex("ann"));
  CHECK(data.links()[1].message == 1);
  CHECK(data.links()[1].person == b.MemberIndex("bob"));
  CHECK(data.links()[2].message == 1);
  CHECK(data.links()[2].kind == LinkKind::kReaction);
  CHECK(data.messages()[1].reactions == 4);
  // Mentioned and reacting people are members, but they wrote nothing.
  CHECK(data.members()[b.MemberIndex("cat")].messages == 0);
}
