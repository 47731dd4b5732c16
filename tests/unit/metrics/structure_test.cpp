// metrics::ComputeStructure on hand-built groups whose measures are worked out by hand
// (ANALYSIS.md B.1 items 1, 2, 5 and 7).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis.h"

namespace {

using meshcheck::metrics::FreemanCentralization;
using meshcheck::testing::Analysis;
using meshcheck::testing::Analyze;
using meshcheck::testing::DatasetBuilder;
using meshcheck::testing::EvidenceOf;
using meshcheck::testing::Msg;
using meshcheck::testing::Who;

// A group with a declared host "host" and members a..f, plus a bot (minute = message number):
//   conversation A, started by the host:  1 host; 2 a->host; 3 host->a; 4 b->a; 5 a->b;
//                                          11 b->host
//   conversation B, started by c:          6 c; 7 d->c; 8 host->c; 10 c->d; 14 e->c
//   conversation C, started by e:          9 e; 12 bot->e (a bot: no discussion)
//   conversation D:                        13 e, mentioning a and g (g never posts)
//   conversation E, started by f:          15 f; 16 host->f; 17 a->f; 18 d reacts to 17
Analysis HandGroup() {
  DatasetBuilder b;
  b.Say("1", "host", 1);
  b.Reply("2", "a", "1", 2);
  b.Reply("3", "host", "2", 3);
  b.Reply("4", "b", "2", 4);
  b.Reply("5", "a", "4", 5);
  b.Say("6", "c", 6);
  b.Reply("7", "d", "6", 7);
  b.Reply("8", "host", "6", 8);
  b.Say("9", "e", 9);
  b.Reply("10", "c", "7", 10);
  b.Reply("11", "b", "1", 11);
  b.Post(Msg("12", Who("bot").Bot(), 12).ReplyTo("9").Mention(Who("c")));
  b.Post(Msg("13", Who("e"), 13).Mention(Who("a")).Mention(Who("g")));
  b.Reply("14", "e", "6", 14);
  b.Say("15", "f", 15);
  b.Reply("16", "host", "15", 16);
  b.Post(Msg("17", Who("a"), 17).ReplyTo("15").React(Who("d")));
  return Analyze(b, {"host"});
}

// "m<i>": the i-th member of a generated group. (Appending avoids a GCC 12 -Wrestrict false
// positive on `"m" + std::to_string(i)`.)
std::string Person(int i) {
  std::string name = "m";
  name.append(std::to_string(i));
  return name;
}

}  // namespace

TEST_CASE("peer reply share counts replies between non-hosts among replies between people") {
  const auto a = HandGroup();
  const auto& prs = a.measures.peer_reply_share;
  // R = {2, 3, 4, 5, 7, 8, 10, 11, 14, 16, 17}; the bot's reply 12 is not a person's.
  // Peer: 4, 5, 7, 10, 14, 17. To the host: 2, 11. By the host: 3, 8, 16.
  REQUIRE(prs.available);
  CHECK(prs.value == 6.0 / 11.0);
  CHECK(EvidenceOf(prs, "replies") == 11);
  CHECK(EvidenceOf(prs, "peer_replies") == 6);
  CHECK(EvidenceOf(prs, "replies_to_host") == 2);
  CHECK(EvidenceOf(prs, "replies_by_host") == 3);
  CHECK(EvidenceOf(prs, "inferred_replies") == 0);
  CHECK(a.measures.reply_links == 11);
}

TEST_CASE("peer reciprocity is mutual non-host pairs over non-host pairs with a reply") {
  const auto a = HandGroup();
  const auto& prc = a.measures.peer_reciprocity;
  // Pairs: {a,b} both ways, {c,d} both ways, e->c, a->f. Host pairs do not count.
  REQUIRE(prc.available);
  CHECK(prc.value == 0.5);
  CHECK(EvidenceOf(prc, "peer_pairs") == 4);
  CHECK(EvidenceOf(prc, "mutual_peer_pairs") == 2);
}

TEST_CASE("discussions: who starts them and who answers members first") {
  const auto a = HandGroup();
  // Discussions (a second person wrote in them): A (host), B (c), E (f). C's only other voice
  // is a bot; D has one voice.
  const auto& mis = a.measures.member_initiated;
  REQUIRE(mis.available);
  CHECK(mis.value == 2.0 / 3.0);
  CHECK(EvidenceOf(mis, "discussions") == 3);
  CHECK(EvidenceOf(mis, "started_by_members") == 2);
  // B is first answered by d (a member), E by the host.
  const auto& orr = a.measures.organic_response;
  REQUIRE(orr.available);
  CHECK(orr.value == 0.5);
  CHECK(EvidenceOf(orr, "member_discussions") == 2);
  CHECK(EvidenceOf(orr, "first_answered_by_member") == 1);
}

TEST_CASE("conversations without the host (MOC) and sustained discussions") {
  const auto a = HandGroup();
  // People per conversation: A {host, a, b}, B {c, d, host, e}, C {e} (the bot is nobody),
  // D {e}, E {f, host, a}. Three have two people or more, and the host wrote in all three.
  const auto& moc = a.measures.hostless_conversations;
  REQUIRE(moc.available);
  CHECK(moc.value == 0.0);
  CHECK(EvidenceOf(moc, "conversations") == 3);
  CHECK(EvidenceOf(moc, "without_host") == 0);
  // The three discussions (A, B, E) each have three people or more.
  const auto& sustained = a.measures.sustained_discussions;
  CHECK(sustained.value == 1.0);
  CHECK(EvidenceOf(sustained, "discussions") == 3);
  CHECK(EvidenceOf(sustained, "sustained") == 3);
  // No pair of members replied to each other in two distinct conversations: HRC is 0 of 6.
  const auto& hrc = a.measures.host_removed_connectivity;
  REQUIRE(hrc.available);
  CHECK(hrc.value == 0.0);
  CHECK(EvidenceOf(hrc, "window_days") == 1);
  CHECK(EvidenceOf(hrc, "non_host_posters") == 6);
  CHECK(EvidenceOf(hrc, "peer_ties") == 4);
  CHECK(EvidenceOf(hrc, "repeated_ties") == 0);
  CHECK(EvidenceOf(hrc, "largest_component") == 0);
  // One day of history: the host was never silent for a week.
  const auto& hsr = a.measures.host_silent_survival;
  CHECK_FALSE(hsr.available);
  CHECK(EvidenceOf(hsr, "active_days") == 1);
  CHECK(EvidenceOf(hsr, "silent_windows") == 0);
}

TEST_CASE("host response rate: member posts addressed to the host that the host answered") {
  const auto a = HandGroup();
  // Addressed: the member roots 6, 9, 13, 15 and the replies to the host 2, 11.
  // The host answered 2 (by 3), 6 (by 8) and 15 (by 16).
  const auto& hrr = a.measures.host_response;
  REQUIRE(hrr.available);
  CHECK(hrr.value == 0.5);
  CHECK(EvidenceOf(hrr, "member_posts_to_host") == 6);
  CHECK(EvidenceOf(hrr, "answered_by_host") == 3);
}

TEST_CASE("host share counts replies and mentions between people that involve a host") {
  const auto a = HandGroup();
  // 11 replies + 2 mentions by e (a, g); the bot's and the reaction do not count.
  // With the host: 2, 3, 8, 11, 16.
  const auto& h = a.measures.host_share;
  REQUIRE(h.available);
  CHECK(h.value == 5.0 / 13.0);
  CHECK(EvidenceOf(h, "interactions") == 13);
  CHECK(EvidenceOf(h, "with_host") == 5);
}

TEST_CASE("degree centralization of the hand group, over people who posted") {
  const auto a = HandGroup();
  // Undirected ties among the 7 posters: host-a, host-b, host-c, host-f, a-b, a-e, a-f, c-d,
  // c-e. Degrees: host 4, a 4, b 2, c 3, d 1, e 2, f 2. Sum(4 - d) = 10 over 6 * 5.
  const auto& c = a.measures.degree_centralization;
  REQUIRE(c.available);
  CHECK(c.value == Approx(1.0 / 3.0).margin(1e-15));
  CHECK(EvidenceOf(c, "nodes") == 7);
  CHECK(EvidenceOf(c, "edges") == 9);
  CHECK(EvidenceOf(c, "max_degree") == 4);
  CHECK(EvidenceOf(c, "max_degree_is_host") == 1);
}

TEST_CASE("Freeman centralization is 1 for a star and 0 for complete graphs and rings") {
  CHECK(FreemanCentralization({5, 1, 1, 1, 1, 1}) == 1.0);
  CHECK(FreemanCentralization({2, 1, 1}) == 1.0);
  CHECK(FreemanCentralization({4, 4, 4, 4, 4}) == 0.0);
  CHECK(FreemanCentralization({2, 2, 2, 2, 2, 2}) == 0.0);
  // A path of 4: degrees 1, 2, 2, 1; (1 + 0 + 0 + 1) / (3 * 2).
  CHECK(FreemanCentralization({1, 2, 2, 1}) == Approx(1.0 / 3.0).margin(1e-15));
}

TEST_CASE("a star of replies to the host is fully centralized, a clique not at all") {
  DatasetBuilder star;
  star.Say("0", "host", 0);
  for (int i = 1; i <= 5; ++i)
    star.Reply(std::to_string(i), Person(i), "0", i);
  const auto s = Analyze(star);
  REQUIRE(s.measures.degree_centralization.available);
  CHECK(s.measures.degree_centralization.value == 1.0);

  DatasetBuilder clique;  // Everyone mentions everyone else: K5.
  const std::vector<std::string> people = {"p1", "p2", "p3", "p4", "p5"};
  for (size_t i = 0; i < people.size(); ++i) {
    auto post = Msg(std::to_string(i), Who(people[i]), static_cast<int64_t>(i));
    for (const auto& other : people) {
      if (other != people[i])
        post.Mention(Who(other));
    }
    clique.Post(post);
  }
  const auto k = Analyze(clique);
  REQUIRE(k.measures.degree_centralization.available);
  CHECK(k.measures.degree_centralization.value == 0.0);
  CHECK(EvidenceOf(k.measures.degree_centralization, "edges") == 10);
}

TEST_CASE("centralization is not reported for fewer than five posters or no ties") {
  DatasetBuilder small;
  small.Say("0", "host", 0);
  for (int i = 1; i <= 3; ++i)
    small.Reply(std::to_string(i), Person(i), "0", i);
  CHECK_FALSE(Analyze(small).measures.degree_centralization.available);

  DatasetBuilder silent;
  for (int i = 0; i < 6; ++i)
    silent.Say(std::to_string(i), Person(i), i);
  const auto s = Analyze(silent);
  CHECK_FALSE(s.measures.degree_centralization.available);
  CHECK_FALSE(s.measures.peer_reply_share.available);
  CHECK_FALSE(s.measures.peer_reciprocity.available);
  CHECK_FALSE(s.measures.member_initiated.available);
  CHECK_FALSE(s.measures.organic_response.available);
  CHECK_FALSE(s.measures.host_share.available);
  CHECK(s.measures.peer_reply_share.why_unavailable ==
        "No person replied to another person (no reply link, explicit or inferred).");
}

TEST_CASE("bots are never counted as people") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Reply("2", "bob", "1", 1);
  // A chatty bot: replies, gets replies, mentions, starts conversations.
  b.Post(Msg("3", Who("bot").Bot(), 2).ReplyTo("2").Mention(Who("ann")));
  b.Reply("4", "cat", "3", 3);
  for (int i = 5; i < 30; ++i)
    b.Post(Msg(std::to_string(i), Who("bot").Bot(), i));
  b.Reply("30", "ann", "29", 30);
  const auto a = Analyze(b);
  CHECK(a.facts.posters == 3);
  CHECK(a.hosts.members.empty());      // The bot wrote most messages but is nobody's host.
  CHECK(a.measures.reply_links == 1);  // bob -> ann only.
  CHECK(EvidenceOf(a.measures.host_share, "interactions") == 1);
  // Conversation of 1 holds 2, 3 and 4: a discussion (bob answered ann). Conversation 29 was
  // started by the bot: no discussion whoever answers.
  CHECK(EvidenceOf(a.measures.member_initiated, "discussions") == 1);
  CHECK(EvidenceOf(a.measures.degree_centralization, "nodes") == 3);
}

TEST_CASE("without a host, every reply is a peer reply and nobody answers for the host") {
  DatasetBuilder b;
  b.Say("1", "ann", 0);
  b.Reply("2", "bob", "1", 1);
  b.Reply("3", "cat", "2", 2);
  b.Reply("4", "bob", "3", 3);
  const auto a = Analyze(b);
  REQUIRE(a.hosts.members.empty());
  CHECK(a.measures.peer_reply_share.value == 1.0);
  CHECK(a.measures.peer_reciprocity.value == 0.5);  // {bob,cat} mutual, {bob,ann} one way.
  CHECK(a.measures.member_initiated.value == 1.0);
  CHECK(a.measures.organic_response.value == 1.0);
  CHECK_FALSE(a.measures.host_response.available);
  CHECK(a.measures.host_response.why_unavailable == "There is no host to respond.");
  CHECK(a.measures.host_share.value == 0.0);
}
