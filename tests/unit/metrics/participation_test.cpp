// Participation (ANALYSIS.md B.1 item 6, Article 2, C.5): Gini, Lorenz curve, 90-9-1 shares,
// the Contributor Absence Factor on peer answers, weekly active posters, repeat participation,
// coverage and the roster, on groups counted by hand.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis.h"
#include "metrics/participation.h"

namespace {

using meshcheck::metrics::Gini;
using meshcheck::metrics::LorenzAt;
using meshcheck::model::SystemAction;
using meshcheck::testing::AnalyzeAll;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::EvidenceOf;
using meshcheck::testing::Id;
using meshcheck::testing::kDayMinutes;
using meshcheck::testing::Msg;
using meshcheck::testing::Who;

int64_t Day(int64_t day, int64_t minute = 0) {
  return day * kDayMinutes + minute;
}

// 2024-01-01 is a Monday: days 0-6 are week 0, 7-13 week 1, 14-20 week 2.
// Non-host messages: a 1, b 2, c 3, d 4. Peer replies: b -> a twice, c -> a, d -> b.
// The roster lists e and f, who never post.
void Group(DatasetBuilder* b) {
  for (int i = 0; i < 10; ++i)
    b->Say(Id("h", i), "host", Day(0, i));
  b->Say("a1", "a", Day(0, 30));
  b->Reply("b1", "b", "a1", Day(1));
  b->Reply("b2", "b", "a1", Day(2));
  b->Say("d0", "d", Day(3));
  b->Reply("c1", "c", "a1", Day(8));
  b->Say("c2", "c", Day(9));
  b->Say("c3", "c", Day(10));
  b->Reply("d1", "d", "b1", Day(15));
  b->Say("d2", "d", Day(15, 5));
  b->Say("d3", "d", Day(16));
  b->Member(Who("e"));
  b->Member(Who("f"));
}

}  // namespace

TEST_CASE("Gini with the small-sample correction, and the Lorenz curve") {
  CHECK(Gini({1, 1, 1, 1}, 4) == Approx(0).margin(1e-15));
  CHECK(Gini({0, 0, 0, 4}, 4) == Approx(1).margin(1e-15));
  // 2 * (1 + 4 + 9 + 16) / (4 * 10) - 5/4 = 0.25, times 4/3.
  CHECK(Gini({1, 2, 3, 4}, 10) == Approx(1.0 / 3.0).margin(1e-15));
  CHECK(LorenzAt({1, 2, 3, 4}, 10, 0) == 0);
  CHECK(LorenzAt({1, 2, 3, 4}, 10, 0.5) == Approx(0.3).margin(1e-15));
  CHECK(LorenzAt({1, 2, 3, 4}, 10, 0.9) == Approx(0.84).margin(1e-15));  // 6 + 0.6 * 4.
  CHECK(LorenzAt({1, 2, 3, 4}, 10, 1) == 1);
}

TEST_CASE("participation of a hand-counted group") {
  DatasetBuilder b;
  Group(&b);
  const auto a = AnalyzeAll(b, {"host"});
  const auto& p = a.m.participation;
  REQUIRE(p.gini.available);
  CHECK(p.gini.value == Approx(1.0 / 3.0).margin(1e-15));
  CHECK(EvidenceOf(p.gini, "non_host_posters") == 4);
  CHECK(EvidenceOf(p.gini, "messages") == 10);
  CHECK(p.top10_share.value == Approx(0.16).margin(1e-15));
  const std::vector<double> lorenz = {0, 0.04, 0.08, 0.14, 0.22, 0.3, 0.42, 0.54, 0.68, 0.84, 1};
  REQUIRE(p.lorenz.size() == lorenz.size());
  for (size_t k = 0; k < lorenz.size(); ++k)
    CHECK(p.lorenz[k] == Approx(lorenz[k]).margin(1e-12));
  // 90-9-1 over six people (e and f write nothing): counts 0 0 1 2 3 4.
  // Top 1%: 1 - L(0.99) = 1 - (6 + 0.94 * 4) / 10; top 10%: 1 - (6 + 0.4 * 4) / 10.
  const auto& n = p.nine_nine_one;
  CHECK(n.population == 6);
  CHECK(n.silent_members == 2);
  CHECK(n.top1_share == Approx(0.024).margin(1e-12));
  CHECK(n.next9_share == Approx(0.216).margin(1e-12));
  CHECK(n.rest90_share == Approx(0.76).margin(1e-12));
  // Peer answers: a1's discussion, answered first by b (c's and d's later replies are not first
  // answers). b gave the only one: the absence factor is 1.
  REQUIRE(p.answer_absence_factor.available);
  CHECK(p.answer_absence_factor.value == 1);
  CHECK(EvidenceOf(p.answer_absence_factor, "peer_answers") == 1);
  CHECK(EvidenceOf(p.answer_absence_factor, "answerers") == 1);
  CHECK(EvidenceOf(p.answer_absence_factor, "top_answerer_answers") == 1);
}

TEST_CASE("peer answers are first answers by members to discussions members started") {
  DatasetBuilder b;
  b.Say("q1", "a", 0);  // Answered first by b, then c: b's.
  b.Reply("r1", "b", "q1", 5);
  b.Reply("r2", "c", "q1", 6);
  b.Say("q2", "c", 10);  // The opener follows up first; b answers: b's.
  b.Reply("r3", "c", "q2", 11);
  b.Reply("r4", "b", "q2", 12);
  b.Say("q3", "a", 20);  // c's.
  b.Reply("r5", "c", "q3", 21);
  b.Say("q4", "b", 30);  // The host answers first: nobody's.
  b.Reply("r6", "host", "q4", 31);
  b.Reply("r7", "d", "q4", 32);
  b.Say("q5", "host", 40);  // Started by the host: not a member's discussion.
  b.Reply("r8", "d", "q5", 41);
  b.Say("q6", "d", 50);  // a answers d: a's.
  b.Reply("r9", "a", "q6", 51);
  const auto& caf = AnalyzeAll(b, {"host"}).m.participation.answer_absence_factor;
  // b 2, c 1, a 1 of 4: b alone gives half, so the absence factor is 1.
  REQUIRE(caf.available);
  CHECK(caf.value == 1);
  CHECK(EvidenceOf(caf, "peer_answers") == 4);
  CHECK(EvidenceOf(caf, "answerers") == 3);
  CHECK(EvidenceOf(caf, "top_answerer_answers") == 2);
}

TEST_CASE("weekly active posters, repeat participation and coverage") {
  DatasetBuilder b;
  Group(&b);
  const auto a = AnalyzeAll(b, {"host"});
  const auto& p = a.m.participation;
  // Week 0: host, a, b, d; week 1: c; week 2: d. Median of (1, 1, 4): 1.
  REQUIRE(p.weekly_active_posters.available);
  CHECK(p.weekly_active_posters.value == 1);
  CHECK(EvidenceOf(p.weekly_active_posters, "weeks") == 3);
  CHECK(EvidenceOf(p.weekly_active_posters, "max") == 4);
  CHECK(EvidenceOf(p.weekly_active_posters, "last_week") == 1);
  // Only d posted in two distinct weeks: 1 of 4 members.
  CHECK(p.repeat_participation.value == 0.25);
  CHECK(EvidenceOf(p.repeat_participation, "active_in_two_weeks") == 1);
  // The roster: e and f listed, and the five posters: seven people. All five posted within
  // the last 28 days.
  CHECK(p.roster.known);
  CHECK(p.roster.listed == 2);
  CHECK(p.roster.size == 7);
  CHECK(p.coverage.value == 5.0 / 7.0);
  CHECK(EvidenceOf(p.coverage, "recent_posters") == 5);
  CHECK(EvidenceOf(p.coverage, "roster") == 7);
}

TEST_CASE("the roster from join and leave events; none without them") {
  DatasetBuilder b;
  b.Say("1", "a", 0);
  b.Post(Msg("2", Who("x"), 1).System(SystemAction::kJoin));
  b.Post(Msg("3", Who("y"), 2).System(SystemAction::kLeave));
  b.Post(Msg("4", Who("z"), 3).System(SystemAction::kOther));  // A rename: not a roster event.
  b.Post(Msg("5", Who("bot").Bot(), 4).System(SystemAction::kJoin));  // Bots never count.
  const auto a = AnalyzeAll(b);
  const auto& r = a.m.participation.roster;
  CHECK(r.known);
  CHECK(r.listed == 0);
  CHECK(r.joined_or_left == 2);
  CHECK(r.size == 3);  // x, y and the poster a.
  CHECK(r.silent_members == 2);

  DatasetBuilder plain;
  plain.Say("1", "a", 0);
  const auto p = AnalyzeAll(plain);
  CHECK_FALSE(p.m.participation.roster.known);
  CHECK(p.m.participation.roster.size == 0);
  CHECK_FALSE(p.m.participation.coverage.available);
}
