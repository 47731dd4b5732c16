// model::Dataset on hand-built event streams: deduplication, time order, reference resolution,
// people and channels.
#include <catch2/catch.hpp>

#include <limits>
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
using meshcheck::testing::TestPost;
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
  const uint32_t p = data.parent(i);
  return p == kNone ? "" : std::string(data.Text(data.members()[data.messages()[p].author].key));
}

}  // namespace

TEST_CASE("a message record keeps any time within 2^47 ms exactly, and kNoTime") {
  using meshcheck::model::MessageRecord;
  MessageRecord r;
  CHECK(r.time_ms() == kNoTime);  // The default.
  const int64_t limit = int64_t{1} << 47;
  // 1980 and 2099 (the plausible range), 1970, before 1970, and the ends of the range.
  for (const int64_t ms :
       {int64_t{315532800000}, int64_t{4102444799999}, int64_t{0}, int64_t{-1}, int64_t{-86400000},
        limit - 1, -limit + 1, int64_t{1} << 32, (int64_t{1} << 32) - 1, -(int64_t{1} << 32)}) {
    INFO(ms);
    r.set_time_ms(ms);
    CHECK(r.time_ms() == ms);
  }
  for (const int64_t ms : {kNoTime, limit, -limit, std::numeric_limits<int64_t>::max()}) {
    INFO(ms);
    r.set_time_ms(0);
    r.set_time_ms(ms);
    CHECK(r.time_ms() == kNoTime);
  }
  CHECK(sizeof(MessageRecord) == 12);
}

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
  CHECK(data.parent(4) == kNone);
  CHECK(data.thread(4) == 0);
  for (size_t i = 0; i + 1 < data.messages().size(); ++i) {
    CHECK(data.messages()[i].time_ms() <= data.messages()[i + 1].time_ms());
  }
  CHECK(data.messages()[0].time_ms() == kBaseMs);
  CHECK(data.messages()[4].time_ms() == kBaseMs + 30 * kMinuteMs);
}

TEST_CASE("references to messages that arrive later are resolved at Finalize") {
  DatasetBuilder b;
  b.Reply("3", "carol", "2", 2);  // Newest-first export: targets come after their replies.
  b.Reply("2", "bob", "1", 1);
  b.Say("1", "alice", 0);
  const Dataset& data = b.Finalize();
  CHECK(Authors(data) == std::vector<std::string>{"alice", "bob", "carol"});
  CHECK(data.parent(1) == 0);
  CHECK(data.parent(2) == 1);
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
    CHECK(data.parent(i) == kNone);
    CHECK(data.thread(i) == kNone);
  }
  CHECK(data.parent(5) == 2);
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
  CHECK(data.messages()[2].time_ms() == kNoTime);
  CHECK(data.messages()[3].time_ms() == kNoTime);
  CHECK(data.messages()[4].time_ms() == kNoTime);
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
  CHECK(data.reactions(1) == 4);
  // Mentioned and reacting people are members, but they wrote nothing.
  CHECK(data.members()[b.MemberIndex("cat")].messages == 0);
}

TEST_CASE("a large shuffled export is sorted in place with its references and links") {
  // More messages than the radix sort's threshold, in a scrambled order with many equal times
  // and long permutation cycles. Each message's reaction count is its arrival number, so the
  // expected order (time, then arrival) and every reference can be checked independently.
  constexpr uint32_t kCount = 70000;
  DatasetBuilder b;
  for (uint32_t i = 0; i < kCount; ++i) {
    TestPost post = Msg("m" + std::to_string(i), Who("p" + std::to_string(i % 50)),
                        static_cast<int64_t>((i * 7919u) % 1000))
                        .Reactions(i);
    if (i > 0)
      post.ReplyTo("m" + std::to_string(i - 1));
    if (i % 3 == 0)
      post.Mention(Who("p" + std::to_string((i + 1) % 50)));
    b.Post(post);
  }
  const Dataset& data = b.Finalize();
  const auto& messages = data.messages();
  REQUIRE(messages.size() == kCount);
  size_t checked_links = 0;
  for (uint32_t k = 0; k < kCount; ++k) {
    const uint32_t arrival = data.reactions(k);
    CHECK(messages[k].time_ms() ==
          kBaseMs + static_cast<int64_t>((arrival * 7919u) % 1000) * kMinuteMs);
    if (k > 0) {
      const bool before =
          messages[k - 1].time_ms() < messages[k].time_ms() ||
          (messages[k - 1].time_ms() == messages[k].time_ms() && data.reactions(k - 1) < arrival);
      CHECK(before);
    }
    if (arrival == 0) {
      CHECK(data.parent(k) == kNone);
    } else {
      REQUIRE(data.parent(k) != kNone);
      CHECK(data.reactions(data.parent(k)) == arrival - 1);
    }
  }
  for (size_t l = 0; l < data.links().size(); ++l) {
    const auto& link = data.links()[l];
    const uint32_t arrival = data.reactions(link.message);
    CHECK(arrival % 3 == 0);
    CHECK(data.Text(data.members()[link.person].key) == "p" + std::to_string((arrival + 1) % 50));
    if (l > 0)
      CHECK(data.links()[l - 1].message < link.message);
    ++checked_links;
  }
  CHECK(checked_links == (kCount + 2) / 3);
}

TEST_CASE("people whose keys end alike stay apart, however often they alternate") {
  // Keys of equal length sharing their last 8 bytes (which once shared a slot of a person cache),
  // more people than fit in a small table, revisited in an order that jumps between them.
  constexpr int kPeople = 3000;
  constexpr int kRounds = 4;
  auto key = [](int p) { return std::to_string(10000 + p) + "-same-tail"; };
  auto author_of = [](int n) { return (n % kPeople * 7 + n / kPeople) % kPeople; };
  DatasetBuilder b;
  for (int n = 0; n < kPeople * kRounds; ++n) {
    const int who = author_of(n);
    TestPost post = Msg("m" + std::to_string(n), Who(key(who)), n);
    post.Mention(Who(key((who + 1) % kPeople)));
    post.Mention(Nameless(key(who)));  // By name: another person, keyed "name:...".
    b.Post(post);
  }
  const Dataset& data = b.Finalize();
  REQUIRE(data.messages().size() == static_cast<size_t>(kPeople * kRounds));
  CHECK(data.members().size() == static_cast<size_t>(2 * kPeople));
  const std::vector<std::string> authors = Authors(data);
  std::vector<std::string> expected;
  for (int n = 0; n < kPeople * kRounds; ++n)
    expected.push_back(key(author_of(n)));
  CHECK(authors == expected);
  for (const auto& member : data.members()) {
    const bool by_name = data.Text(member.key).substr(0, 5) == "name:";
    CHECK(member.messages == (by_name ? 0u : static_cast<uint32_t>(kRounds)));
  }
  REQUIRE(data.links().size() == static_cast<size_t>(2 * kPeople * kRounds));
  for (size_t l = 0; l < data.links().size(); l += 2) {
    const int n = static_cast<int>(l / 2);
    const auto& links = data.links();
    CHECK(data.Text(data.members()[links[l].person].key) == key((author_of(n) + 1) % kPeople));
    CHECK(data.Text(data.members()[links[l + 1].person].key) == "name:" + key(author_of(n)));
  }
}

TEST_CASE("message ids of every size, one byte apart, stay apart and match their replies") {
  // Ids of 1 to 40 bytes, each also with one byte changed at every position: around the sizes
  // where the id hash changes its reading (8, 16, 24 bytes), every byte must count.
  std::vector<std::string> ids;
  for (size_t n = 1; n <= 40; ++n) {
    const std::string id(n, '5');
    ids.push_back(id);
    for (size_t k = 0; k < n; ++k) {
      std::string other = id;
      other[k] = '6';
      ids.push_back(other);
    }
  }
  const int count = static_cast<int>(ids.size());
  DatasetBuilder b;
  for (int i = 0; i < count; ++i)
    b.Say(ids[i], "a" + std::to_string(i), i);
  for (int i = 0; i < count; ++i)
    b.Reply("r" + std::to_string(i), "b" + std::to_string(i), ids[i], count + i);
  for (int i = 0; i < count; ++i)
    b.Say(ids[i], "dup", 2 * count + i);  // Each id again: a duplicate.
  const Dataset& data = b.Finalize();
  REQUIRE(data.messages().size() == 2 * ids.size());
  CHECK(data.duplicates() == ids.size());
  CHECK(b.MemberIndex("dup") == kNone);
  for (int i = 0; i < count; ++i) {
    INFO(ids[i]);
    CHECK(ParentAuthor(data, count + i) == "a" + std::to_string(i));
  }
}

TEST_CASE(
    "channels, reply targets, threads and reaction counts take memory only where the export has "
    "them") {
  DatasetBuilder plain;
  plain.Say("1", "ann", 0);
  plain.Say("2", "bob", 1);
  const Dataset& without = plain.Finalize();
  CHECK(without.ColumnBytes() == 0);
  CHECK(without.channel_of(1) == 0);
  CHECK(without.parent(1) == kNone);
  CHECK(without.thread(0) == kNone);
  CHECK(without.thread(1) == kNone);
  CHECK(without.reactions(1) == 0);

  DatasetBuilder replied;
  replied.Say("1", "ann", 0);
  replied.Reply("2", "bob", "1", 1);
  const Dataset& with_reply = replied.Finalize();
  CHECK(with_reply.ColumnBytes() == 2 * sizeof(uint32_t));  // One column, its slack returned.
  CHECK(with_reply.parent(0) == kNone);
  CHECK(with_reply.parent(1) == 0);
  CHECK(with_reply.thread(1) == kNone);

  DatasetBuilder b;
  const uint32_t other = b.Channel("other");
  b.Say("1", "ann", 0);
  b.Say("2", "bob", 1, other);
  b.Post(Msg("3", Who("cat"), 2).Thread("1").Reactions(5));
  b.Reply("4", "dan", "3", 3);
  b.Post(Msg("5", Who("eve"), 4).Thread("1"));
  const Dataset& data = b.Finalize();
  CHECK(data.ColumnBytes() > 0);
  const std::vector<uint32_t> channels = {data.channel_of(0), data.channel_of(1),
                                          data.channel_of(2), data.channel_of(3),
                                          data.channel_of(4)};
  CHECK(channels == std::vector<uint32_t>{0, other, 0, 0, 0});
  CHECK(data.parent(3) == 2);
  const std::vector<uint32_t> threads = {data.thread(0), data.thread(1), data.thread(2),
                                         data.thread(3), data.thread(4)};
  CHECK(threads == std::vector<uint32_t>{kNone, kNone, 0, kNone, 0});
  const std::vector<uint32_t> reactions = {data.reactions(0), data.reactions(1), data.reactions(2),
                                           data.reactions(3), data.reactions(4)};
  CHECK(reactions == std::vector<uint32_t>{0, 0, 5, 0, 0});
  // The part without channel "other": the messages after bob's move down by one.
  meshcheck::base::Diagnostics diagnostics;
  const Dataset part = data.Subset({true, false}, &diagnostics);
  REQUIRE(part.messages().size() == 4);
  CHECK(part.thread(1) == 0);
  CHECK(part.thread(2) == kNone);
  CHECK(part.parent(2) == 1);
  CHECK(part.parent(3) == kNone);
  CHECK(part.thread(3) == 0);
  CHECK(part.reactions(1) == 5);
  CHECK(part.reactions(3) == 0);
  for (size_t i = 0; i < part.messages().size(); ++i)
    CHECK(part.channel_of(i) == 0);

  // Out of time order in two channels: each message's channel follows it through the sort, and
  // the column is one slot per message.
  DatasetBuilder late;
  const uint32_t second = late.Channel("second");
  late.Say("1", "ann", 5, second);
  late.Say("2", "bob", 1);
  late.Say("3", "cat", 3, second);
  const Dataset& sorted = late.Finalize();
  CHECK(Authors(sorted) == std::vector<std::string>{"bob", "cat", "ann"});
  CHECK(sorted.channel_of(0) == 0);
  CHECK(sorted.channel_of(1) == second);
  CHECK(sorted.channel_of(2) == second);
  CHECK(sorted.ColumnBytes() == 3 * sizeof(uint32_t));

  // A part without a middle channel: the channels after it move down by one.
  DatasetBuilder three;
  const uint32_t middle = three.Channel("middle");
  const uint32_t last = three.Channel("last");
  three.Say("1", "ann", 0, last);
  three.Say("2", "bob", 1, middle);
  three.Say("3", "cat", 2);
  const Dataset& all = three.Finalize();
  REQUIRE(last == 2);
  const Dataset without_middle = all.Subset({true, false, true}, &diagnostics);
  REQUIRE(without_middle.messages().size() == 2);
  CHECK(without_middle.channel_of(0) == 1);  // ann's, in "last".
  CHECK(without_middle.channel_of(1) == 0);  // cat's, in the first channel.
}

TEST_CASE("a member's name is the latest given, back and forth; an empty one changes nothing") {
  meshcheck::base::Diagnostics diagnostics;
  Dataset data(&diagnostics);
  meshcheck::model::ChannelInfo channel;
  channel.key = "c";
  const uint32_t c = data.OnChannel(channel);
  auto post = [&](std::string id, std::string_view name, std::string_view reactor_name) {
    meshcheck::model::Message m;
    m.channel = c;
    m.id = id;
    m.author.key = "u1";
    m.author.name = name;
    m.has_time = true;
    m.time_ms = kBaseMs;
    const meshcheck::model::PersonRef reactor{"u2", reactor_name};
    m.reactors = {&reactor, 1};
    data.OnMessage(m);
  };
  auto name_of = [&](std::string_view key) -> std::string {
    for (const auto& member : data.members()) {
      if (data.Text(member.key) == key)
        return std::string(data.Text(member.name));
    }
    return "(absent)";
  };
  post("1", "Ann", "Cy");
  CHECK(name_of("u1") == "Ann");
  CHECK(name_of("u2") == "Cy");
  post("2", "Bea", "Cyril");  // Renamed, as an author and as a reactor.
  CHECK(name_of("u1") == "Bea");
  CHECK(name_of("u2") == "Cyril");
  post("3", "Ann", "Cy");  // And back.
  CHECK(name_of("u1") == "Ann");
  CHECK(name_of("u2") == "Cy");
  post("4", "", "");  // An export that omits the name keeps the one known.
  CHECK(name_of("u1") == "Ann");
  CHECK(name_of("u2") == "Cy");
  CHECK(data.members().size() == 2);
}
