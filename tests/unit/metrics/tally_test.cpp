// The tally (metrics/tally.h): its jackknife replicates are the whole minus one block of weeks,
// its periods add up to the whole, and its figures match the headline measures.
#include <catch2/catch.hpp>

#include <string>

#include "analysis.h"

namespace {

using meshcheck::metrics::Counts;
using meshcheck::testing::AnalyzeAll;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::kDayMinutes;

int64_t Day(int64_t day, int64_t minute = 0) {
  return day * kDayMinutes + minute;
}

// Three weeks (2024-01-01 is a Monday). Week 0: a asks, b answers, a answers back; week 1: the
// host posts, c answers; week 2: b asks, nobody answers.
void Group(DatasetBuilder* b) {
  b->Say("1", "a", Day(0));
  b->Reply("2", "b", "1", Day(0, 5));
  b->Reply("3", "a", "2", Day(1));
  b->Say("4", "host", Day(8));
  b->Reply("5", "c", "4", Day(8, 1));
  b->Say("6", "b", Day(15));
}

}  // namespace

TEST_CASE("jackknife replicates leave one block of weeks out") {
  DatasetBuilder b;
  Group(&b);
  const auto a = AnalyzeAll(b, {"host"});
  const auto& t = a.m.table;
  REQUIRE(t.blocks.count() == 3);
  REQUIRE(t.leave_out.size() == 3);
  CHECK(t.all.counts.messages == 6);
  CHECK(t.all.counts.replies == 3);
  CHECK(t.all.counts.peer_replies == 2);
  // Without week 0: only the host's conversation and b's unanswered one remain.
  const Counts& w0 = t.leave_out[0].counts;
  CHECK(w0.messages == 3);
  CHECK(w0.replies == 1);
  CHECK(w0.peer_replies == 0);
  CHECK(w0.replies_to_host == 1);
  CHECK(t.leave_out[0].peers.peer_pairs == 0);
  CHECK(t.leave_out[0].peers.non_host_posters == 2);  // c, and b (week 2).
  // Without week 1: the host's conversation goes.
  CHECK(t.leave_out[1].counts.messages == 4);
  CHECK(t.leave_out[1].counts.replies_to_host == 0);
  CHECK(t.leave_out[1].peers.peer_pairs == 1);
  CHECK(t.leave_out[1].peers.mutual_peer_pairs == 1);
  CHECK(t.leave_out[1].peers.non_host_posters == 2);  // a and b.
  // Without week 2: b still posted in week 0.
  CHECK(t.leave_out[2].counts.messages == 5);
  CHECK(t.leave_out[2].peers.non_host_posters == 3);
}

TEST_CASE("the whole's tally alone (the inference windows') is the headline's") {
  DatasetBuilder b;
  Group(&b);
  const auto a = AnalyzeAll(b, {"host"});
  const meshcheck::metrics::Tally alone =
      meshcheck::metrics::ComputeTally(b.Finalize(), a.graph, a.facts, a.hosts);
  const meshcheck::metrics::Tally& all = a.m.table.all;
  CHECK(alone.counts.messages == all.counts.messages);
  CHECK(alone.counts.peer_replies == all.counts.peer_replies);
  CHECK(alone.peers.peer_pairs == all.peers.peer_pairs);
  CHECK(alone.peers.non_host_posters == 3);  // a, b and c.
  CHECK(alone.peers.non_host_posters == all.peers.non_host_posters);
  CHECK(alone.connectivity.non_host_posters == all.connectivity.non_host_posters);
  CHECK(alone.connectivity.repeated_ties == all.connectivity.repeated_ties);
}

TEST_CASE("timeline periods add up to the whole") {
  DatasetBuilder b;
  Group(&b);
  const auto a = AnalyzeAll(b, {"host"});
  const auto& t = a.m.table;
  // 16 days: weekly periods.
  REQUIRE(t.periods.count() == 3);
  Counts sum;
  for (const auto& p : t.by_period)
    sum += p.counts;
  CHECK(sum.messages == t.all.counts.messages);
  CHECK(sum.replies == t.all.counts.replies);
  CHECK(sum.discussions == t.all.counts.discussions);
  CHECK(t.by_period[0].peers.mutual_peer_pairs == 1);
  CHECK(t.by_period[1].counts.host_messages == 1);
  CHECK(t.by_period[2].counts.discussions == 0);
  // The headline measures are the whole tally's.
  CHECK(a.m.structure.reply_links == 3);
  CHECK(a.m.structure.peer_reply_share.value == 2.0 / 3.0);
}

TEST_CASE("each period and replicate counts its posters once, in whatever order they wrote") {
  // Week 0: a opens a conversation. Week 1: b opens one, answers a's (so writes in week 0's
  // conversation after week 1's), opens another, which c answers. Week 2: a opens one.
  DatasetBuilder b;
  b.Say("1", "a", Day(0));
  b.Say("2", "b", Day(8));
  b.Reply("3", "b", "1", Day(8, 5));
  b.Say("4", "b", Day(9));
  b.Reply("5", "c", "4", Day(9, 1));
  b.Say("6", "a", Day(15));
  const auto a = AnalyzeAll(b);
  REQUIRE(a.hosts.members.empty());
  const auto& t = a.m.table;
  REQUIRE(t.periods.count() == 3);
  CHECK(t.by_period[0].peers.non_host_posters == 2);  // a, and b's late answer.
  CHECK(t.by_period[1].peers.non_host_posters == 2);  // b once, and c.
  CHECK(t.by_period[2].peers.non_host_posters == 1);
  CHECK(t.by_period[1].connectivity.non_host_posters == 2);
  CHECK(t.all.peers.non_host_posters == 3);
  CHECK(t.all.connectivity.non_host_posters == 3);
  REQUIRE(t.leave_out.size() == 3);
  // Only c wrote in one week alone (week 1): b answered in week 0's conversation too.
  for (uint32_t w = 0; w < 3; ++w) {
    INFO("without week " << w);
    const uint32_t posters = w == 1 ? 2 : 3;
    CHECK(t.leave_out[w].peers.non_host_posters == posters);
    CHECK(t.leave_out[w].connectivity.non_host_posters == posters);
  }
}
