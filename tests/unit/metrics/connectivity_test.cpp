// Host-removed connectivity (ANALYSIS.md B.1 item 4) and peer reciprocity over sets of
// conversations: metrics::PeerNetwork, LargestComponent and the HRC measure, on hand-built
// groups whose networks are drawn out in the comments.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "analysis.h"
#include "metrics/peer_network.h"

namespace {

using meshcheck::metrics::kKeepBlock;
using meshcheck::metrics::LargestComponent;
using meshcheck::metrics::Network;
using meshcheck::metrics::PeerNetwork;
using meshcheck::model::kNone;
using meshcheck::testing::Analyze;
using meshcheck::testing::AnalyzeAll;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::EvidenceOf;
using meshcheck::testing::kDayMinutes;

// Conversations (host "host" declared), day offsets in the second argument:
//   0: a; b -> a; c -> b          2: c; b -> c          4: d; e -> d
//   1: b; a -> b                  3: d; e -> d          5: f; host -> f; g -> f
// Peer pairs: {a,b} both ways (convs 0, 1), {b,c} both ways (0, 2), {d,e} e->d (3, 4),
// {f,g} g->f (5). Repeated ties (>= 2 conversations): {a,b}, {b,c}, {d,e}.
void Build(DatasetBuilder* b, int64_t day_of_d_and_e, int64_t late) {
  auto at = [](int64_t day, int64_t minute) { return day * kDayMinutes + minute; };
  b->Say("a0", "a", at(late, 0));
  b->Reply("b0", "b", "a0", at(late, 1));
  b->Reply("c0", "c", "b0", at(late, 2));
  b->Say("b1", "b", at(late, 10));
  b->Reply("a1", "a", "b1", at(late, 11));
  b->Say("c2", "c", at(late, 20));
  b->Reply("b2", "b", "c2", at(late, 21));
  b->Say("d3", "d", at(day_of_d_and_e, 30));
  b->Reply("e3", "e", "d3", at(day_of_d_and_e, 31));
  b->Say("d4", "d", at(day_of_d_and_e, 40));
  b->Reply("e4", "e", "d4", at(day_of_d_and_e, 41));
  b->Say("f5", "f", at(late, 50));
  b->Reply("h5", "host", "f5", at(late, 51));
  b->Reply("g5", "g", "f5", at(late, 52));
}

// The peer network of Build(&b, 0, 0) with "host" declared (it keeps no reference to the data).
PeerNetwork BuiltNetwork() {
  DatasetBuilder b;
  Build(&b, 0, 0);
  const auto& data = b.Finalize();
  const auto a = Analyze(b, {"host"});
  REQUIRE(a.graph.conversation_root().size() == 6);
  return PeerNetwork(data, a.graph, a.hosts);
}

bool SameNetwork(const Network& x, const Network& y) {
  return x.peer_pairs == y.peer_pairs && x.mutual_peer_pairs == y.mutual_peer_pairs &&
         x.repeated_ties == y.repeated_ties && x.largest_component == y.largest_component;
}

}  // namespace

TEST_CASE("the largest component of an edge list") {
  using Edges = std::vector<std::pair<uint32_t, uint32_t>>;
  CHECK(LargestComponent(Edges{}, 5) == 0);
  CHECK(LargestComponent(Edges{{0, 1}}, 5) == 2);
  CHECK(LargestComponent(Edges{{0, 1}, {2, 3}, {3, 4}, {1, 0}}, 5) == 3);
  CHECK(LargestComponent(Edges{{0, 1}, {1, 2}, {2, 0}, {3, 4}}, 5) == 3);
}

TEST_CASE("HRC: the largest group of members tied in two conversations or more") {
  DatasetBuilder b;
  Build(&b, 0, 0);  // Everything on one day.
  const auto a = Analyze(b, {"host"});
  const auto& hrc = a.measures.host_removed_connectivity;
  // Repeated ties {a,b}, {b,c}, {d,e}: groups {a,b,c} and {d,e}; 7 non-host posters.
  REQUIRE(hrc.available);
  CHECK(hrc.value == 3.0 / 7.0);
  CHECK(EvidenceOf(hrc, "non_host_posters") == 7);
  CHECK(EvidenceOf(hrc, "peer_ties") == 4);
  CHECK(EvidenceOf(hrc, "repeated_ties") == 3);
  CHECK(EvidenceOf(hrc, "largest_component") == 3);
  CHECK(EvidenceOf(hrc, "window_days") == 1);
  // PRC over the same network: {a,b} and {b,c} are mutual, {d,e} and {f,g} one way.
  CHECK(a.measures.peer_reciprocity.value == 0.5);
}

TEST_CASE("HRC covers the last 90 days only; PRC the whole history") {
  DatasetBuilder b;
  Build(&b, 0, 100);  // d and e talked on day 0, everyone else on day 100.
  const auto a = Analyze(b, {"host"});
  const auto& hrc = a.measures.host_removed_connectivity;
  // Window: days 11..100. Left: a, b, c, f, g; repeated ties {a,b}, {b,c}.
  CHECK(hrc.value == 3.0 / 5.0);
  CHECK(EvidenceOf(hrc, "window_days") == 90);
  CHECK(EvidenceOf(hrc, "non_host_posters") == 5);
  CHECK(EvidenceOf(hrc, "peer_ties") == 3);
  CHECK(EvidenceOf(hrc, "repeated_ties") == 2);
  CHECK(EvidenceOf(a.measures.peer_reciprocity, "peer_pairs") == 4);
  CHECK(a.measures.peer_reciprocity.value == 0.5);

  // The ties the edge list writes: all pairs, with their conversations in and out of the
  // window; the measures keep the same pairs.
  const auto full = AnalyzeAll(b, {"host"});
  auto key = [&](uint32_t m) { return std::string(b.data().Text(b.data().members()[m].key)); };
  std::vector<std::string> ties;
  for (const auto& t : meshcheck::metrics::PeerTies(b.data(), full.graph, full.facts, full.hosts)) {
    ties.push_back(key(t.a) + "-" + key(t.b) + " " + std::to_string(t.conversations) + "/" +
                   std::to_string(t.chosen_conversations));
  }
  CHECK(ties == std::vector<std::string>{"a-b 2/2", "b-c 2/2", "d-e 2/0", "f-g 1/1"});
  std::vector<std::string> pairs;
  for (const auto& [x, y] : full.m.ties)
    pairs.push_back(key(x) + "-" + key(y));
  CHECK(pairs == std::vector<std::string>{"a-b", "b-c", "d-e", "f-g"});
}

TEST_CASE("HRC needs two members; without a host it covers everyone") {
  DatasetBuilder one;
  one.Say("1", "host", 0);
  one.Reply("2", "a", "1", 1);
  const auto a = Analyze(one, {"host"});
  CHECK_FALSE(a.measures.host_removed_connectivity.available);
  CHECK(a.measures.host_removed_connectivity.why_unavailable ==
        "Fewer than two members posted in the last 1 day.");

  DatasetBuilder b;
  Build(&b, 0, 0);
  const auto no_host = Analyze(b);  // Nobody dominates: no host; h5 is a member's reply now.
  REQUIRE(no_host.hosts.members.empty());
  // host -> f joins {f, g, host} by one conversation only: the groups stay {a,b,c}, {d,e}.
  CHECK(no_host.measures.host_removed_connectivity.value == 3.0 / 8.0);
}

TEST_CASE("a peer network per bucket of conversations") {
  const PeerNetwork network = BuiltNetwork();
  const auto nets = network.ByBucket({0, 0, 0, 1, 1, 1}, 2);
  // Bucket 0 (conversations 0-2): {a,b} and {b,c}, both mutual and repeated.
  CHECK(nets[0].peer_pairs == 2);
  CHECK(nets[0].mutual_peer_pairs == 2);
  CHECK(nets[0].repeated_ties == 2);
  CHECK(nets[0].largest_component == 3);
  // Bucket 1 (3-5): {d,e} repeated, {f,g} once.
  CHECK(nets[1].peer_pairs == 2);
  CHECK(nets[1].mutual_peer_pairs == 0);
  CHECK(nets[1].repeated_ties == 1);
  CHECK(nets[1].largest_component == 2);
  // Leaving conversations out: bucket kNone.
  const auto some = network.ByBucket({kNone, 0, 0, kNone, 0, kNone}, 1);
  CHECK(some[0].peer_pairs == 3);  // a->b (1), b->c (2), e->d (4).
  CHECK(some[0].mutual_peer_pairs == 0);
  CHECK(some[0].repeated_ties == 0);
  CHECK(some[0].largest_component == 0);
}

TEST_CASE("a peer network leaving one block out at a time (the jackknife)") {
  const PeerNetwork network = BuiltNetwork();
  // Blocks: conversation 0 | 1 and 2 | 3 and 4; conversation 5 is always kept.
  const auto loo = network.LeaveOneOut({0, 1, 1, 2, 2, kKeepBlock}, 3);
  REQUIRE(loo.size() == 3);
  // Without block 0: b->a and c->b go, so {a,b} and {b,c} stay one way and are repeated no
  // more; {d,e} remains.
  CHECK(loo[0].peer_pairs == 4);
  CHECK(loo[0].mutual_peer_pairs == 0);
  CHECK(loo[0].repeated_ties == 1);
  CHECK(loo[0].largest_component == 2);
  // Without block 1: a->b and b->c go; the same.
  CHECK(loo[1].peer_pairs == 4);
  CHECK(loo[1].mutual_peer_pairs == 0);
  CHECK(loo[1].repeated_ties == 1);
  CHECK(loo[1].largest_component == 2);
  // Without block 2: {d,e} goes entirely.
  CHECK(loo[2].peer_pairs == 3);
  CHECK(loo[2].mutual_peer_pairs == 2);
  CHECK(loo[2].repeated_ties == 2);
  CHECK(loo[2].largest_component == 3);
  // Each replicate equals the network computed from scratch without the block.
  CHECK(SameNetwork(network.ByBucket({0, 0, 0, kNone, kNone, 0}, 1)[0], loo[2]));
}

TEST_CASE("a peer network over hundreds of buckets or blocks, as over a few") {
  const PeerNetwork network = BuiltNetwork();
  // More buckets than one byte per conversation holds (the cases above take that path).
  const auto few = network.ByBucket({0, 0, 0, 1, kNone, 1}, 2);
  const auto many = network.ByBucket({0, 0, 0, 299, kNone, 299}, 300);
  REQUIRE(many.size() == 300);
  CHECK(SameNetwork(many[0], few[0]));
  CHECK(SameNetwork(many[299], few[1]));
  CHECK(many[1].peer_pairs == 0);
  const auto loo = network.LeaveOneOut({0, 1, 1, 2, 2, kKeepBlock}, 3);
  const auto wide = network.LeaveOneOut({0, 150, 150, 299, 299, kKeepBlock}, 300);
  REQUIRE(wide.size() == 300);
  CHECK(SameNetwork(wide[0], loo[0]));
  CHECK(SameNetwork(wide[150], loo[1]));
  CHECK(SameNetwork(wide[299], loo[2]));
  // Leaving out an empty block leaves everything: the network of all conversations.
  CHECK(SameNetwork(wide[1], network.ByBucket({0, 0, 0, 0, 0, 0}, 1)[0]));
}
