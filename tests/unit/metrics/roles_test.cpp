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
