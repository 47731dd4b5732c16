// metrics/grouping.h: the counting tools the measures share (stable radix sort, first-in-group
// stamps, member kinds, undirected degrees), checked against plain definitions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "analysis.h"
#include "metrics/grouping.h"

namespace {

using meshcheck::metrics::FirstInGroup;
using meshcheck::metrics::Kinds;
using meshcheck::metrics::StableSortByKey;
using meshcheck::metrics::UndirectedDegrees;
using meshcheck::testing::Analyze;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::Msg;
using meshcheck::testing::Who;

}  // namespace

TEST_CASE("the radix sort orders by key and keeps equal keys in their order") {
  std::vector<std::pair<uint64_t, int>> items;
  uint64_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    // Keys spread over all four 16-bit digits, with many repeats.
    items.emplace_back((x >> 20) % 97 * 0x0001000100010001ULL + (x >> 50) % 3, i);
  }
  auto expected = items;
  std::stable_sort(expected.begin(), expected.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  StableSortByKey(&items, [](const auto& p) { return p.first; });
  CHECK(items == expected);
  std::vector<uint64_t> same = {5, 5, 5};
  StableSortByKey(&same, [](uint64_t v) { return v; });  // Every digit shared: no pass at all.
  CHECK(same == std::vector<uint64_t>{5, 5, 5});
}

TEST_CASE("first in group: once per person and group, groups walked one after another") {
  FirstInGroup first(3);
  CHECK(first(0, 7));
  CHECK_FALSE(first(0, 7));
  CHECK(first(1, 7));
  CHECK(first(0, 8));
  CHECK_FALSE(first(0, 8));
  CHECK(first(2, 0));
}

TEST_CASE("member kinds and undirected degrees from the graph") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Reply("2", "bob", "1", 1);
  b.Reply("3", "ann", "2", 2);                                       // ann <-> bob: one tie.
  b.Post(Msg("4", Who("cat"), 3).ReplyTo("1").Mention(Who("dan")));  // cat -> ann, cat @ dan.
  b.Post(Msg("5", Who("feed").Bot(), 4).ReplyTo("4"));               // A bot.
  const auto a = Analyze(b, {"bob"});
  const auto& data = b.data();
  const Kinds kinds(data, a.hosts);
  const uint32_t ann = b.MemberIndex("ann"), bob = b.MemberIndex("bob");
  const uint32_t cat = b.MemberIndex("cat"), dan = b.MemberIndex("dan");
  const uint32_t feed = b.MemberIndex("feed");
  CHECK(kinds.peer(ann));
  CHECK(kinds.host(bob));
  CHECK_FALSE(kinds.peer(bob));
  CHECK(kinds.person(bob));
  CHECK_FALSE(kinds.person(feed));
  CHECK_FALSE(kinds.host(feed));
  // Reply ties: ann-bob (both ways, once), ann-cat, feed-cat.
  const auto replies = UndirectedDegrees(a.graph, data.members().size(),
                                         [](const auto& e) { return e.weights.replies > 0; });
  CHECK(replies[ann] == 2);
  CHECK(replies[bob] == 1);
  CHECK(replies[cat] == 2);
  CHECK(replies[dan] == 0);
  CHECK(replies[feed] == 1);
  // With mentions: cat-dan too.
  const auto all = UndirectedDegrees(a.graph, data.members().size(), [](const auto& e) {
    return e.weights.replies + e.weights.mentions > 0;
  });
  CHECK(all[cat] == 3);
  CHECK(all[dan] == 1);
}
