// Roles that question the host set (ANALYSIS.md C.2 item 5): the host as the only bridge
// between groups of members, and the answer-person signature of undeclared staff (B.1 item 12).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis.h"

namespace {

using meshcheck::testing::AnalyzeAll;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::Id;

// Two cliques {a, b, c} and {d, e, f} whose members reply within their clique, and a host who
// replies into both (A12 in miniature).
void Cliques(DatasetBuilder* b, bool cross_tie) {
  int id = 0;
  auto reply = [&](const std::string& who, const std::string& to_id) {
    ++id;
    b->Reply(Id("", id), who, to_id, id);
    return Id("", id);
  };
  auto say = [&](const std::string& who) {
    ++id;
    b->Say(Id("", id), who, id);
    return Id("", id);
  };
  for (const auto& clique : {std::vector<std::string>{"a", "b", "c"}, {"d", "e", "f"}}) {
    const std::string root = say(clique[0]);
    const std::string r1 = reply(clique[1], root);
    reply(clique[2], r1);
    reply("host", root);
  }
  if (cross_tie)
    reply("d", say("c"));
}

}  // namespace

TEST_CASE("the host is the only bridge between two large groups of members") {
  DatasetBuilder b;
  Cliques(&b, false);
  const auto a = AnalyzeAll(b, {"host"});
  const auto& bridge = a.m.roles.bridge;
  // 7 posters; without the host, groups of 3 and 3 (each >= 20% of 7), both tied to the host.
  CHECK(bridge.posters == 7);
  CHECK(bridge.largest_group == 3);
  CHECK(bridge.second_group == 3);
  CHECK(bridge.bridged_groups == 2);
  CHECK(bridge.only_bridge);

  DatasetBuilder joined;
  Cliques(&joined, true);  // c and d talk: one group of 6.
  const auto j = AnalyzeAll(joined, {"host"});
  CHECK(j.m.roles.bridge.largest_group == 6);
  CHECK(j.m.roles.bridge.bridged_groups == 1);
  CHECK_FALSE(j.m.roles.bridge.only_bridge);
}

TEST_CASE("the answer-person signature marks possible undeclared staff") {
  // "staff" answers ten askers once each; each asker talks to nobody else (an isolate).
  DatasetBuilder b;
  for (int i = 0; i < 10; ++i) {
    const std::string q = Id("q", i);
    b.Say(q, Id("asker", i), 10 * i);
    b.Reply(Id("r", i), "staff", q, 10 * i + 1);
  }
  b.Say("h", "host", 200);
  const auto a = AnalyzeAll(b, {"host"});
  REQUIRE(a.m.roles.staff_candidates.size() == 1);
  CHECK(a.m.roles.staff_candidates[0] == b.MemberIndex("staff"));

  // The same answers to ten people who also talk among themselves (three ties each) are a
  // regular's, not staff's.
  DatasetBuilder c;
  for (int i = 0; i < 10; ++i) {
    const std::string q = Id("q", i);
    c.Say(q, Id("p", i), 10 * i);
    c.Reply(Id("r", i), "helper", q, 10 * i + 1);
    c.Reply(Id("s", i), Id("p", (i + 1) % 10), q, 10 * i + 2);
    c.Reply(Id("t", i), Id("p", (i + 2) % 10), q, 10 * i + 3);
  }
  c.Say("h", "host", 200);
  const auto r = AnalyzeAll(c, {"host"});
  CHECK(r.m.roles.staff_candidates.empty());

  // Nine people are too few to tell.
  DatasetBuilder d;
  for (int i = 0; i < 9; ++i) {
    const std::string q = Id("q", i);
    d.Say(q, Id("asker", i), 10 * i);
    d.Reply(Id("r", i), "staff", q, 10 * i + 1);
  }
  CHECK(AnalyzeAll(d, {"host"}).m.roles.staff_candidates.empty());
}

namespace {

// The roles of the person with key `key` (fails if they did not post).
uint8_t RolesOf(const meshcheck::testing::FullAnalysis& a, uint32_t member) {
  for (const meshcheck::metrics::Person& p : a.m.roles.people) {
    if (p.member == member)
      return p.roles;
  }
  FAIL("member " << member << " did not post");
  return 0;
}

}  // namespace

TEST_CASE("connectors hold apart two sides of two people or more") {
  using meshcheck::metrics::kRoleConnector;
  // A chain of reply ties a - b - c - d - e among members: b and d each cut off one person
  // only; c cuts the chain into {a, b} and {d, e}.
  DatasetBuilder chain;
  chain.Say("1", "a", 0);
  chain.Reply("2", "b", "1", 1);
  chain.Reply("3", "c", "2", 2);
  chain.Reply("4", "d", "3", 3);
  chain.Reply("5", "e", "4", 4);
  chain.Say("6", "host", 5);
  const auto a = AnalyzeAll(chain, {"host"});
  for (const char* person : {"a", "b", "d", "e", "host"})
    CHECK_FALSE(RolesOf(a, chain.MemberIndex(person)) & kRoleConnector);
  CHECK(RolesOf(a, chain.MemberIndex("c")) & kRoleConnector);

  // A triangle {a, b, c} hanging off c - d - e: c separates {a, b} from {d, e}; inside the
  // triangle nobody is a cut vertex, and d cuts off e alone.
  DatasetBuilder hub;
  hub.Say("1", "a", 0);
  hub.Reply("2", "b", "1", 1);
  hub.Reply("3", "c", "2", 2);
  hub.Reply("4", "a", "3", 3);
  hub.Reply("5", "d", "3", 4);
  hub.Reply("6", "e", "5", 5);
  const auto h = AnalyzeAll(hub);
  REQUIRE(h.hosts.members.empty());  // Nobody holds a host-like share.
  std::vector<std::string> connectors;
  for (const char* person : {"a", "b", "c", "d", "e"}) {
    if (RolesOf(h, hub.MemberIndex(person)) & kRoleConnector)
      connectors.emplace_back(person);
  }
  CHECK(connectors == std::vector<std::string>{"c"});
}

TEST_CASE("peer helpers answer first in discussions others start; hosts are never peer helpers") {
  using meshcheck::metrics::kRoleHost;
  using meshcheck::metrics::kRoleOneTime;
  using meshcheck::metrics::kRolePeerHelper;
  DatasetBuilder b;
  // "helper" answers first in three askers' discussions, and the host answers after them.
  for (int i = 0; i < 3; ++i) {
    b.Say(Id("q", i), Id("asker", i), 10 * i);
    b.Reply(Id("r", i), "helper", Id("q", i), 10 * i + 1);
    b.Reply(Id("h", i), "host", Id("q", i), 10 * i + 2);
  }
  // Two more discussions the host answers first, before "late".
  for (int i = 3; i < 5; ++i) {
    b.Say(Id("q", i), Id("asker", i), 10 * i);
    b.Reply(Id("h", i), "host", Id("q", i), 10 * i + 1);
    b.Reply(Id("r", i), "late", Id("q", i), 10 * i + 2);
  }
  const auto a = AnalyzeAll(b, {"host"});
  const auto& people = a.m.roles.people;
  auto person = [&](const std::string& key) {
    for (const auto& p : people) {
      if (p.member == b.MemberIndex(key))
        return p;
    }
    FAIL("no " << key);
    return people.front();
  };
  CHECK(person("helper").peer_answers == 3);
  CHECK(person("helper").people_answered == 3);
  CHECK(person("helper").replies_to_members == 3);
  CHECK(person("helper").roles & kRolePeerHelper);
  CHECK(person("late").peer_answers == 0);
  CHECK_FALSE(person("late").roles & kRolePeerHelper);
  CHECK(person("host").peer_answers == 0);
  CHECK(person("host").roles & kRoleHost);
  CHECK_FALSE(person("host").roles & kRolePeerHelper);
  CHECK(person("asker0").replies_received == 2);  // The helper's and the host's.
  CHECK(person("asker0").roles & kRoleOneTime);
  // The helper is the one to recognise first.
  REQUIRE(a.m.roles.recognise.size() == 1);
  CHECK(people[a.m.roles.recognise[0]].member == b.MemberIndex("helper"));
}

TEST_CASE("regulars come back week after week; newcomers arrive in the last four weeks") {
  using meshcheck::metrics::kRoleNewcomer;
  using meshcheck::metrics::kRoleRegular;
  using meshcheck::testing::kDayMinutes;
  DatasetBuilder b;
  // "weekly" posts on days 0, 7, 14, 21 and 70: five distinct weeks. "twice" posts in two.
  int id = 0;
  for (int day : {0, 7, 14, 21, 70})
    b.Say(Id("w", ++id), "weekly", day * kDayMinutes);
  b.Say(Id("t", ++id), "twice", 1 * kDayMinutes);
  b.Say(Id("t", ++id), "twice", 8 * kDayMinutes);
  // "new" first posts on day 60 of a 71-day history (within the last 28 days).
  b.Say(Id("n", ++id), "new", 60 * kDayMinutes);
  b.Say(Id("n", ++id), "new", 61 * kDayMinutes);
  const auto a = AnalyzeAll(b);
  CHECK(RolesOf(a, b.MemberIndex("weekly")) & kRoleRegular);
  CHECK_FALSE(RolesOf(a, b.MemberIndex("twice")) & kRoleRegular);
  CHECK(RolesOf(a, b.MemberIndex("new")) & kRoleNewcomer);
  CHECK_FALSE(RolesOf(a, b.MemberIndex("weekly")) & kRoleNewcomer);
  CHECK_FALSE(RolesOf(a, b.MemberIndex("twice")) & kRoleNewcomer);
}

TEST_CASE("answering counts: messages and conversations in those others started") {
  DatasetBuilder b;
  Cliques(&b, false);
  const auto a = AnalyzeAll(b, {"host"});
  const auto& data = b.data();
  const auto counts = meshcheck::metrics::CountAnswering(data, a.graph, a.hosts);
  for (const char* opener : {"a", "d"}) {
    INFO(opener);
    CHECK(counts.messages[b.MemberIndex(opener)] == 0);
    CHECK(counts.conversations[b.MemberIndex(opener)] == 1);
    CHECK(counts.answering[b.MemberIndex(opener)] == 0);
  }
  for (const char* answerer : {"b", "c", "e", "f"}) {
    INFO(answerer);
    CHECK(counts.messages[b.MemberIndex(answerer)] == 1);
    CHECK(counts.conversations[b.MemberIndex(answerer)] == 1);
    CHECK(counts.answering[b.MemberIndex(answerer)] == 1);
  }
  // The host answered in both; hosts are in no poster list.
  CHECK(counts.messages[b.MemberIndex("host")] == 2);
  CHECK(counts.conversations[b.MemberIndex("host")] == 0);
}
