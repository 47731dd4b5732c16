// Response measures (ANALYSIS.md B.1 item 8, C.5): time to first reply by responder type,
// the peer answer rate and the response rate to host prompts, worked out by hand.
#include <catch2/catch.hpp>

#include <vector>

#include "analysis.h"
#include "metrics/response.h"

namespace {

using meshcheck::metrics::NearestRank;
using meshcheck::testing::AnalyzeAll;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::EvidenceOf;
using meshcheck::testing::kDayMinutes;
using meshcheck::testing::Who;

int64_t Day(int64_t day, int64_t minute = 0) {
  return day * kDayMinutes + minute;
}

// Host "host" declared. Member questions Q1-Q4 and a recent Q5; host prompts P1, P2 and a
// recent one. The export ends on day 30, so conversations after day 23 are too recent.
void Group(DatasetBuilder* b) {
  b->Say("q1", "a", Day(0));
  b->Reply("q1h", "host", "q1", Day(0, 10));  // Host first, after 600 s.
  b->Say("q2", "b", Day(1));
  b->Reply("q2c", "c", "q2", Day(1, 60));     // A member first, after 3600 s...
  b->Reply("q2h", "host", "q2", Day(1, 90));  // ...then the host.
  b->Say("q3", "c", Day(2));                  // Never answered.
  b->Say("q4", "d", Day(3));
  b->Reply("q4e", "e", "q4", Day(5));  // A member, after two days.
  b->Say("p1", "host", Day(5, 30));
  b->Reply("p1a", "a", "p1", Day(5, 90));
  b->Reply("p1b", "b", "p1", Day(7, 30));
  b->Reply("p1c", "c", "p1", Day(13, 30));  // After 8 days: too late to count.
  b->Reply("p1a2", "a", "p1", Day(6));      // a again: one responder.
  b->Say("p2", "host", Day(6));             // Nobody answers.
  b->Say("q5", "a", Day(28));               // Too recent to judge...
  b->Reply("q5b", "b", "q5", Day(28, 1));   // ...even though answered.
  b->Say("p3", "host", Day(30));
}

}  // namespace

TEST_CASE("nearest-rank percentiles") {
  CHECK(NearestRank({7}, 50) == 7);
  CHECK(NearestRank({1, 2, 3}, 50) == 2);
  CHECK(NearestRank({1, 2, 3, 4}, 50) == 2);
  CHECK(NearestRank({1, 2, 3, 4}, 90) == 4);
  const std::vector<int64_t> ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(NearestRank(ten, 90) == 9);
  CHECK(NearestRank(ten, 100) == 10);
  CHECK(NearestRank(ten, 1) == 1);
}

TEST_CASE("time to first reply, split by who answered first, with recent questions left out") {
  DatasetBuilder b;
  Group(&b);
  const auto a = AnalyzeAll(b, {"host"});
  const auto& t = a.m.responses.times;
  CHECK(t.questions == 4);
  CHECK(t.censored == 1);
  CHECK(t.answered == 3);
  CHECK(t.answered_within_24h == 2);
  // All: 600, 3600, 172800 s. Median: rank 2; 90th percentile: rank 3.
  CHECK(t.all.count == 3);
  CHECK(t.all.median_seconds == 3600);
  CHECK(t.all.p90_seconds == 172800);
  CHECK(t.by_peer.count == 2);
  CHECK(t.by_peer.median_seconds == 3600);
  CHECK(t.by_peer.p90_seconds == 172800);
  CHECK(t.by_host.count == 1);
  CHECK(t.by_host.median_seconds == 600);
  CHECK(t.by_host.p90_seconds == 600);
}

TEST_CASE("peer answer rate: questions another member wrote in") {
  DatasetBuilder b;
  Group(&b);
  const auto a = AnalyzeAll(b, {"host"});
  const auto& par = a.m.responses.peer_answer_rate;
  // Q2 (c) and Q4 (e); Q1 only had the host, Q3 nobody.
  REQUIRE(par.available);
  CHECK(par.value == 0.5);
  CHECK(EvidenceOf(par, "questions") == 4);
  CHECK(EvidenceOf(par, "answered_by_member") == 2);
}

TEST_CASE("response rate to host prompts needs a roster") {
  DatasetBuilder b;
  Group(&b);
  const auto without = AnalyzeAll(b, {"host"});
  const auto& none = without.m.responses.response_rate;
  CHECK_FALSE(none.available);
  CHECK(EvidenceOf(none, "prompts") == 2);
  CHECK(EvidenceOf(none, "prompts_answered") == 1);
  CHECK(EvidenceOf(none, "responses") == 2);  // a and b within 7 days of P1.
  CHECK(EvidenceOf(none, "roster") == 0);

  DatasetBuilder r;
  Group(&r);
  for (const char* who : {"host", "a", "b", "c", "d", "e", "f"})
    r.Member(Who(who));  // f never posts.
  const auto with = AnalyzeAll(r, {"host"});
  const auto& rr = with.m.responses.response_rate;
  // Two prompts, six non-host roster members: 2 responses of 12 possible.
  REQUIRE(rr.available);
  CHECK(rr.value == 2.0 / 12.0);
  CHECK(EvidenceOf(rr, "roster") == 6);
  CHECK(with.m.participation.roster.known);
  CHECK(with.m.participation.roster.listed == 7);
  CHECK(with.m.participation.roster.size == 7);
  CHECK(with.m.participation.roster.non_host_size == 6);
  CHECK(with.m.participation.roster.silent_members == 1);
}
