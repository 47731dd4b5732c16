// classify::Classify on hand-set measures: the Community Index (ANALYSIS.md C.1), the labels and
// gates (C.2 with C.7 fix 3), the caveats (C.3 item 2, C.4) and the plain-language text. The
// measures are set by hand, without a tally: the jackknife, flags and confidence on real
// datasets are in confidence_test.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "classify/constants.h"
#include "classify/recommend.h"
#include "classify/verdict.h"
#include "metrics/measures.h"

namespace {

using meshcheck::classify::Classify;
using meshcheck::classify::Confidence;
using meshcheck::classify::Label;
using meshcheck::classify::Normalize;
using meshcheck::classify::Verdict;
using meshcheck::metrics::HostSource;
using meshcheck::metrics::Measure;

// Sets a measure to num / den with its evidence counts named `num_name` and `den_name`.
void Set(Measure* m, const char* den_name, uint64_t den, const char* num_name, uint64_t num) {
  m->evidence = {{den_name, den}, {num_name, num}};
  m->Ratio(num, den, "unavailable");
}

// A large, long, well-documented group with a declared host: no floor missed, and as caveats
// only what hand-set measures cannot give (the practical test, the jackknife). Measures are set
// per test.
struct Group {
  meshcheck::metrics::GroupFacts facts;
  meshcheck::metrics::HostSet hosts;
  meshcheck::metrics::Measures all;
  meshcheck::metrics::StructureMeasures& m = all.structure;

  Group() {
    facts.messages = 1000;
    facts.posters = 31;
    facts.span_days = 60;
    hosts.source = HostSource::kDeclared;
    hosts.members = {0};
    hosts.host_messages = 300;
    hosts.non_host_posters = 30;
    m.reply_links = 200;
  }
  // PRS = peer / 200 replies.
  Group& Prs(uint64_t peer) {
    m.peer_reply_share.evidence = {{"replies", 200},
                                   {"peer_replies", peer},
                                   {"replies_to_host", 200 - peer},
                                   {"replies_by_host", 0}};
    m.peer_reply_share.Ratio(peer, 200, "none");
    return *this;
  }
  Group& Orr(uint64_t answered, uint64_t started) {
    Set(&m.organic_response, "member_discussions", started, "first_answered_by_member", answered);
    return *this;
  }
  Group& Prc(uint64_t mutual, uint64_t pairs) {
    Set(&m.peer_reciprocity, "peer_pairs", pairs, "mutual_peer_pairs", mutual);
    return *this;
  }
  Group& Mis(uint64_t by_members, uint64_t discussions) {
    Set(&m.member_initiated, "discussions", discussions, "started_by_members", by_members);
    return *this;
  }
  // HSR observed: `per_silent` and 1.0 peer replies a day over 10 silent and 20 active days.
  Group& Hsr(uint64_t silent_replies) {
    Measure& h = m.host_silent_survival;
    h.evidence = {{"silent_days", 10},
                  {"active_days", 20},
                  {"peer_replies_silent", silent_replies},
                  {"peer_replies_active", 20}};
    h.available = true;
    h.value = std::min(1.0, static_cast<double>(silent_replies) / 10.0);
    return *this;
  }
  Group& Hrr(uint64_t answered, uint64_t addressed) {
    Set(&m.host_response, "member_posts_to_host", addressed, "answered_by_host", answered);
    return *this;
  }
  Verdict Run() const { return Classify(facts, hosts, all, {}, {}); }
  Group(const Group& o) : facts(o.facts), hosts(o.hosts), all(o.all) {}
};

bool Contains(const std::vector<std::string>& lines, const std::string& text) {
  for (const auto& l : lines) {
    if (l.find(text) != std::string::npos)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Normalize maps a to 0 and c to 1, linearly, clamped") {
  CHECK(Normalize(0.05, 0.05, 0.60) == 0.0);
  CHECK(Normalize(0.60, 0.05, 0.60) == 1.0);
  CHECK(Normalize(0.325, 0.05, 0.60) == Approx(0.5).margin(1e-12));
  CHECK(Normalize(0.0, 0.05, 0.60) == 0.0);
  CHECK(Normalize(1.0, 0.05, 0.60) == 1.0);
  CHECK(Normalize(0.16, 0.10, 0.70) == Approx(0.1).margin(1e-12));
}

TEST_CASE("the index is the weighted mean of the available components (C.1)") {
  // PRS 0.6 -> 1; ORR 0.4 -> 0.5; PRC 0.02 -> 0; MIS 0.35 -> 0.5.
  // CI = 100 * (0.25 * 1 + 0.15 * 0.5 + 0.15 * 0 + 0.10 * 0.5) / 0.65 = 57.69...
  const Verdict v = Group().Prs(120).Orr(4, 10).Prc(1, 50).Mis(35, 100).Run();
  REQUIRE(v.components.size() == 6);
  std::vector<std::string> ids;
  for (const auto& c : v.components)
    ids.push_back(c.id);
  CHECK(ids == std::vector<std::string>{"PRS", "AUT", "ORR", "HRC", "PRC", "MIS"});
  CHECK(v.components[0].weight == meshcheck::classify::kPrsWeight);
  CHECK(v.components[2].score == Approx(0.5).margin(1e-12));
  // AUT and HRC are not set: their weights leave the sum.
  CHECK_FALSE(v.components[1].available);
  CHECK_FALSE(v.components[3].available);
  CHECK(v.has_index);
  CHECK(v.index == Approx(100 * 0.375 / 0.65).margin(1e-9));
  CHECK(v.label == Label::kEmergingCommunity);
}

TEST_CASE("without member discussions ORR falls back to PRS's score and weights renormalise") {
  // PRS 0.325 -> 0.5; ORR unavailable -> 0.5; PRC 0.4 -> 1; MIS unavailable.
  // CI = 100 * (0.25 * 0.5 + 0.15 * 0.5 + 0.15 * 1) / 0.55 = 63.6...
  const Verdict v = Group().Prs(65).Prc(20, 50).Run();
  CHECK(v.components[2].available);
  CHECK(v.components[2].note == "fallback: PRS");
  CHECK(v.components[2].raw == v.components[0].raw);
  CHECK_FALSE(v.components[5].available);
  CHECK(v.index == Approx(100 * 0.35 / 0.55).margin(1e-9));

  // Without replies at all there is nothing to fall back on: the index is 0.
  Group silent;
  silent.m.reply_links = 0;
  const Verdict s = silent.Run();
  CHECK_FALSE(s.components[2].available);
  CHECK(s.components[2].note.empty());
  CHECK(s.has_index);
  CHECK(s.index == 0);
}

TEST_CASE("label bands: community at 70 and above, emerging from 45, audience below") {
  CHECK(Group().Prs(120).Orr(7, 10).Prc(20, 50).Mis(60, 100).Run().label == Label::kCommunity);
  // Everything at its anchor c except MIS at 0.1 (score 0): 100 * 0.55 / 0.65 = 84.6.
  CHECK(Group().Prs(120).Orr(7, 10).Prc(20, 50).Mis(10, 100).Run().label == Label::kCommunity);
  // PRS 0.325 (0.5), ORR 0.4 (0.5), PRC 0.21 (0.5), MIS 0.35 (0.5): CI 50.
  const Verdict mid = Group().Prs(65).Orr(4, 10).Prc(21, 100).Mis(35, 100).Run();
  CHECK(mid.index == Approx(50).margin(1e-9));
  CHECK(mid.label == Label::kEmergingCommunity);
  // All at anchor a: CI 0.
  const Verdict low = Group().Prs(10).Orr(1, 10).Prc(1, 50).Mis(10, 100).Hrr(50, 100).Run();
  CHECK(low.index == 0);
  CHECK(low.label == Label::kEngagedAudience);
}

TEST_CASE("community gate: a Community label needs PRS >= 0.40 (C.2 item 2)") {
  // PRS 0.39 (score 0.618), the rest at 1: CI 85, but PRS < 0.40.
  const Verdict gated = Group().Prs(78).Orr(7, 10).Prc(20, 50).Mis(60, 100).Run();
  CHECK(gated.index >= 70);
  CHECK(gated.label == Label::kEmergingCommunity);
  const Verdict passed = Group().Prs(80).Orr(7, 10).Prc(20, 50).Mis(60, 100).Run();
  CHECK(passed.label == Label::kCommunity);
}

TEST_CASE("engaged audience needs member messages, replies and host answers or some index") {
  // CI 0: every component at its anchor a.
  auto base = [] { return Group().Prs(10).Orr(1, 10).Prc(1, 50).Mis(10, 100); };
  CHECK(base().Hrr(25, 100).Run().label == Label::kEngagedAudience);  // HRR 0.25.
  CHECK(base().Hrr(24, 100).Run().label == Label::kBroadcastAudience);
  CHECK(base().Run().label == Label::kBroadcastAudience);  // HRR unavailable.

  Group few_replies = base().Hrr(90, 100);
  few_replies.m.reply_links = 9;
  few_replies.facts.messages = 40;  // Keep the floors out of the way: a broadcast-sized group.
  few_replies.hosts.host_messages = 39;
  few_replies.facts.span_days = 400;
  CHECK(few_replies.Run().label == Label::kBroadcastAudience);

  Group quiet_members = base().Hrr(90, 100);
  quiet_members.hosts.host_messages = 901;  // Members write 9.9% of the messages.
  CHECK(quiet_members.Run().label == Label::kBroadcastAudience);
  quiet_members.hosts.host_messages = 900;  // 10%.
  CHECK(quiet_members.Run().label == Label::kEngagedAudience);

  // CI >= 20 without host answers: PRS 0.21 (score 0.29), ORR 0.3 (0.33), PRC 0.1 (0.21),
  // MIS 0.3 (0.4): CI = 100 * (0.0727 + 0.05 + 0.0316 + 0.04) / 0.65 = 29.9.
  const Verdict ci = Group().Prs(42).Orr(3, 10).Prc(10, 100).Mis(30, 100).Run();
  CHECK(ci.index >= 20);
  CHECK(ci.index < 45);
  CHECK(ci.label == Label::kEngagedAudience);
}

TEST_CASE("data floors: enough people and reply links when members take part (C.2, C.7 fix 3)") {
  auto community = [] { return Group().Prs(120).Orr(7, 10).Prc(20, 50).Mis(60, 100); };
  // Small and short, but with 30 reply links among 5 members: judged (C.7 fix 3).
  Group small = community();
  small.facts.messages = 50;
  small.facts.span_days = 3;
  small.hosts.host_messages = 10;
  small.hosts.non_host_posters = 5;
  small.m.reply_links = 30;
  const Verdict judged = small.Run();
  CHECK(judged.insufficient.empty());
  CHECK(judged.label == Label::kCommunity);
  CHECK(judged.confidence == Confidence::kLow);  // Three caveats: messages, span, posters.

  Group few_people = small;
  few_people.hosts.non_host_posters = 4;
  const Verdict p = few_people.Run();
  CHECK(p.label == Label::kInsufficientData);
  CHECK(p.provisional == Label::kCommunity);
  CHECK(p.insufficient ==
        std::vector<std::string>{"Only 4 people besides the host posted; at least 5 are needed."});
  CHECK(p.confidence == Confidence::kLow);

  Group few_links = small;
  few_links.m.reply_links = 29;
  CHECK(few_links.Run().insufficient ==
        std::vector<std::string>{"Only 29 reply links between people; at least 30 are needed."});
  few_links.m.reply_links = 6;  // 12% of the 50 messages answer someone: a conversation.
  few_links.hosts.non_host_posters = 1;
  CHECK(few_links.Run().insufficient ==
        std::vector<std::string>{"Only 1 person besides the host posted; at least 5 are needed.",
                                 "Only 6 reply links between people; at least 30 are needed."});
  // Under 10% answering anyone reads as a broadcast (C.7 fix 3), which 3 days cannot show.
  few_links.m.reply_links = 1;
  CHECK(few_links.Run().provisional == Label::kBroadcastAudience);
  CHECK(few_links.Run().insufficient ==
        std::vector<std::string>{
            "Only 50 messages over 3 days: too little history to call it a broadcast (at least "
            "10 messages over 14 days are needed)."});
  // With no reply link and no member beyond the host's reach, the same.
  Group silent = few_links;
  silent.m.reply_links = 0;
  silent.hosts.members.clear();
  silent.hosts.source = HostSource::kNone;
  silent.hosts.host_messages = 0;
  CHECK(Contains(silent.Run().insufficient, "No reply links between people"));
}

TEST_CASE("a broadcast is judged on its silence, given enough history (C.2 item 1, C.7 fix 2)") {
  Group b;
  b.facts.messages = 200;
  b.hosts.host_messages = 191;  // Members write 4.5%: below the 5% participation share.
  b.hosts.non_host_posters = 2;
  b.m.reply_links = 3;
  b.Prs(1);
  b.m.peer_reply_share.evidence[0].second = 3;
  b.m.peer_reply_share.Ratio(1, 3, "");
  const Verdict judged = b.Run();
  CHECK(judged.insufficient.empty());
  // One of the 3 replies is between members: PRS 0.33 alone gives CI 51, but a stray reply in
  // a feed does not make a community (C.7 fix 2).
  CHECK(judged.index > 45);
  CHECK(judged.label == Label::kBroadcastAudience);
  CHECK(judged.reasons[0] ==
        "Members wrote only 9 of 200 messages (under 5%): the host does nearly all the talking.");

  Group young = b;
  young.facts.span_days = 13;
  CHECK(young.Run().label == Label::kInsufficientData);
  Group tiny = b;
  tiny.facts.messages = 9;
  tiny.hosts.host_messages = 9;
  CHECK(tiny.Run().insufficient ==
        std::vector<std::string>{
            "Only 9 messages over 60 days: too little history to call it a broadcast (at least "
            "10 messages over 14 days are needed)."});
  tiny.facts.messages = 10;
  tiny.hosts.host_messages = 10;
  CHECK(tiny.Run().insufficient.empty());

  Group nothing;
  nothing.facts.messages = 0;
  nothing.hosts.host_messages = 0;
  const Verdict n = nothing.Run();
  CHECK_FALSE(n.has_index);
  CHECK(n.label == Label::kInsufficientData);
  CHECK(n.insufficient == std::vector<std::string>{"There are no messages from people to judge."});
}

TEST_CASE("caveats: structural uncertainty (C.3 item 2) and recommended data (C.4)") {
  auto community = [] { return Group().Prs(120).Orr(7, 10).Prc(20, 50).Mis(60, 100).Hsr(9); };
  const std::string no_jackknife =
      "The history covers a single week, so the index's uncertainty cannot be estimated.";
  // Hand-set measures come without a tally: no jackknife, the only caveat; one caveat and no
  // statistics to contradict it make Medium.
  const Verdict base = community().Run();
  CHECK(base.caveats == std::vector<std::string>{no_jackknife});
  CHECK(base.confidence == Confidence::kMedium);

  Group inferred = community();
  inferred.hosts.source = HostSource::kData;
  CHECK(inferred.Run().caveats.size() == 2);
  CHECK(inferred.Run().confidence == Confidence::kLow);

  Group short_span = community();
  short_span.facts.span_days = 27;
  CHECK(short_span.Run().caveats ==
        std::vector<std::string>{
            no_jackknife,
            "The history spans 27 days; 28 or more (four weekly cycles) give a firmer reading."});

  Group few = community();
  few.hosts.non_host_posters = 19;
  few.facts.messages = 499;
  few.hosts.host_messages = 100;
  CHECK(few.Run().caveats ==
        std::vector<std::string>{
            no_jackknife, "Only 499 messages; 500 or more give a firmer reading.",
            "Only 19 people besides the host posted; 20 or more give a firmer reading."});

  Group unmatched = community();
  unmatched.hosts.unmatched = {"Zed"};
  CHECK(unmatched.Run().caveats.front() ==
        "A host name you gave matches nobody in the export; check its spelling or use the "
        "member id.");

  // Without the practical test (the host never silent for a week): one more caveat.
  const Verdict untested = Group().Prs(120).Orr(7, 10).Prc(20, 50).Mis(60, 100).Run();
  CHECK(untested.caveats.front() ==
        "The practical test is not observed: the host was never silent for a week or more while "
        "the group went on.");

  // Bots writing more than 20% of the raw messages: a caveat and a flag (C.2 item 5).
  Group bots = community();
  bots.facts.bot_messages = 251;  // 251 of 1251.
  const Verdict b = bots.Run();
  CHECK(b.caveats.size() == 2);
  REQUIRE(b.flags.size() == 1);
  CHECK(b.flags[0].flag == meshcheck::classify::Flag::kManyBots);
  CHECK(b.flags[0].text ==
        "Bots wrote 251 of 1251 messages (20%); they are left out of every measure.");
  bots.facts.bot_messages = 250;  // 250 of 1250: exactly 20% is not more.
  CHECK(bots.Run().flags.empty());

  // Small-group mode (B.4 item 7): <= 10 posters score PRS, PRC and AUT only.
  Group small = community();
  small.facts.posters = 10;
  const Verdict s = small.Run();
  CHECK(s.small_group);
  CHECK(s.components[2].note == "small-group mode");
  CHECK_FALSE(s.components[3].available);
  CHECK_FALSE(s.components[5].available);
  CHECK(s.caveats[0] ==
        "Small-group mode (10 posters, at most 10): network measures saturate, so only PRS, PRC "
        "and autonomy count.");
}

TEST_CASE("the practical test: AUT blends HSR and MOC, and the community gate needs HSR >= 0.5") {
  auto community = [] { return Group().Prs(120).Orr(7, 10).Prc(20, 50).Mis(60, 100); };
  // HSR 0.45 -> (0.45 - 0.15) / 0.6 = 0.5; MOC 0.275 -> (0.275 - 0.05) / 0.45 = 0.5.
  Group g = community().Hsr(4);
  g.m.host_silent_survival.value = 0.45;
  g.m.hostless_conversations.evidence = {{"conversations", 40}, {"without_host", 11}};
  g.m.hostless_conversations.Ratio(11, 40, "");
  const Verdict v = g.Run();
  CHECK(v.components[1].id == "AUT");
  CHECK(v.components[1].score == Approx(0.5).margin(1e-12));
  CHECK(v.components[1].note == "HSR and MOC");
  // HRC is not set; every other component is at 1: CI = 100 * (0.25 + 0.2 * 0.5 + 0.15 * 2 +
  // 0.1) / 0.85 = 88.2, but HSR < 0.5 keeps it Emerging (C.2 item 2).
  CHECK(v.index == Approx(100 * 0.75 / 0.85).margin(1e-9));
  CHECK(v.label == Label::kEmergingCommunity);
  g.m.host_silent_survival.value = 0.5;
  CHECK(g.Run().label == Label::kCommunity);
  // MOC alone when the test is not observed: 0.5.
  Group moc_only = community();
  moc_only.m.hostless_conversations = g.m.hostless_conversations;
  const Verdict m = moc_only.Run();
  CHECK(m.components[1].score == Approx(0.5).margin(1e-12));
  CHECK(m.components[1].note == "MOC only: the practical test is not observed");
  CHECK(m.label == Label::kCommunity);  // Not observed: no gate.
  // HSR's reason cites the days and the replies a day.
  CHECK(Contains(community().Hsr(9).Run().reasons,
                 "The practical test: on the 10 days the host was silent (a week or more at a "
                 "time), members wrote 0.90 replies to each other a day, against 1.0 on the host's "
                 "20 days: activity continued at 90%."));
}

TEST_CASE("without a host the text never mentions one, and counts are plural-correct") {
  Group g = Group().Prs(1).Prc(0, 1).Mis(1, 1).Orr(1, 1);
  g.hosts.source = HostSource::kNone;
  g.hosts.members.clear();
  g.hosts.host_messages = 0;
  g.hosts.non_host_posters = 3;
  g.m.reply_links = 1;
  g.m.peer_reply_share.evidence = {{"replies", 1}, {"peer_replies", 1}};
  g.m.peer_reply_share.Ratio(1, 1, "");
  const Verdict v = g.Run();
  for (const auto& list : {v.reasons, v.caveats, v.insufficient}) {
    for (const auto& line : list) {
      INFO(line);
      CHECK(line.find("besides the host") == std::string::npos);
      CHECK(line.find("(s)") == std::string::npos);
    }
  }
  CHECK(v.reasons == std::vector<std::string>{
                         "Only 1 of 1000 messages (0%) answers someone else: nearly everything "
                         "is posted, not discussed.",
                         "Nobody posts like a host, so the only reply between people counts as a "
                         "reply between members.",
                         "Replies went both ways between 0 of 1 pair of members who replied to "
                         "each other (0%)."});
  CHECK(v.insufficient ==
        std::vector<std::string>{"Only 3 people posted; at least 5 are needed.",
                                 "Only 1 reply link between people; at least 30 are needed."});
  CHECK(Contains(v.caveats, "No host was found"));
  // C.7 fix 2: a feed with a stray reply stays an audience whoever is host.
  CHECK(v.index > 45);
  CHECK(v.provisional == Label::kBroadcastAudience);
}

TEST_CASE("reasons cite the numbers behind each measure") {
  const Verdict v = Group().Prs(1).Orr(1, 1).Prc(2, 3).Mis(1, 1).Run();
  CHECK(v.reasons ==
        std::vector<std::string>{
            "1 of 200 replies between people (1%) is between members, not to or from the host.",
            "Members, not the host, started 1 of 1 discussion that drew a reply (100%).",
            "When a member started a discussion, another member answered first in 1 of 1 "
            "discussion (100%).",
            "Replies went both ways between 2 of 3 pairs of members who replied to each other "
            "(67%).",
            "The practical test (\"if you stopped posting, would activity continue?\") is not "
            "observed: the host was never silent for a week or more. A planned two-week pause "
            "would show it."});
  const Verdict w = Group().Prs(100).Orr(1, 4).Mis(3, 7).Run();
  CHECK(w.reasons[0] ==
        "100 of 200 replies between people (50%) are between members, not to or from the host.");
  CHECK(w.reasons[1] ==
        "Members, not the host, started 3 of 7 discussions that drew a reply (43%).");
  CHECK(w.reasons[2] ==
        "When a member started a discussion, another member answered first in 1 of 4 discussions "
        "(25%); the host answered first in the others.");
  Group none;
  none.m.reply_links = 0;
  CHECK(none.Run().reasons[0] == "Nobody replied to anybody in 1000 messages.");
}

TEST_CASE("members who write but almost never answer anyone: a broadcast, judged (C.7 fix 3)") {
  // r-announce-2010 in miniature: 18 messages over a year, 6 by members, one reply.
  Group feed;
  feed.facts.messages = 18;
  feed.facts.posters = 6;
  feed.facts.span_days = 357;
  feed.hosts.host_messages = 12;
  feed.hosts.non_host_posters = 5;
  feed.m.reply_links = 1;
  feed.m.peer_reply_share.evidence = {{"replies", 1}, {"peer_replies", 0}};
  feed.m.peer_reply_share.Ratio(0, 1, "");
  const Verdict v = feed.Run();
  CHECK(v.provisional == Label::kBroadcastAudience);
  CHECK(v.insufficient.empty());
  CHECK(v.label == Label::kBroadcastAudience);

  // Replies from 10% of the messages up are a conversation to judge: the floors apply.
  Group talk = feed;
  talk.m.reply_links = 2;  // 2 of 18: 11%.
  CHECK(talk.Run().label == Label::kInsufficientData);
  // Without a host there is no broadcaster: too little to judge.
  Group hostless = feed;
  hostless.hosts.members.clear();
  hostless.hosts.source = HostSource::kNone;
  hostless.hosts.host_messages = 0;
  hostless.hosts.non_host_posters = 6;
  CHECK(hostless.Run().label == Label::kInsufficientData);
}

TEST_CASE("a bot feed that people barely answer is a broadcast by the bots") {
  // #weblate-updates in miniature: 61 bot messages over 40 days, one person's message.
  Group feed;
  feed.facts.messages = 1;
  feed.facts.bot_messages = 61;
  feed.facts.posters = 1;
  feed.facts.span_days = 1;
  feed.facts.span_days_with_bots = 40;
  feed.hosts.members.clear();
  feed.hosts.source = HostSource::kNone;
  feed.hosts.host_messages = 0;
  feed.hosts.non_host_posters = 1;
  feed.m.reply_links = 0;
  const Verdict v = feed.Run();
  CHECK(v.label == Label::kBroadcastAudience);
  CHECK(Contains(v.reasons, "Bots wrote 61 of 62 messages (98%): this is a feed"));
  // A young feed is still too little history.
  Group young = feed;
  young.facts.span_days_with_bots = 5;
  CHECK(young.Run().label == Label::kInsufficientData);
  // Where people converse (30 reply links or more), bots' volume does not make it a feed.
  Group busy = feed;
  busy.facts.messages = 400;
  busy.facts.bot_messages = 2000;
  busy.facts.posters = 31;
  busy.facts.span_days = 60;
  busy.hosts = Group().hosts;
  busy.m.reply_links = 200;
  busy.Prs(150).Orr(40, 50).Prc(20, 50).Mis(80, 100);
  CHECK(busy.Run().label == Label::kCommunity);
}

TEST_CASE("several separate groups read together get no verdict of their own") {
  Group g;
  g.Prs(150).Orr(40, 50).Prc(20, 50).Mis(80, 100);
  Verdict v = g.Run();
  REQUIRE(v.label == Label::kCommunity);
  meshcheck::classify::MarkSeparateGroups(7, {"r/a", "r/b"}, &v);
  CHECK(v.label == Label::kInsufficientData);
  CHECK(v.provisional == Label::kCommunity);
  CHECK(v.confidence == Confidence::kLow);
  CHECK(v.placement.provisional);
  REQUIRE_FALSE(v.insufficient.empty());
  CHECK(v.insufficient[0].rfind("This export holds 7 separate groups (r/a, r/b, ...)", 0) == 0);
}

TEST_CASE("recommendations name the weakest components first, citing their values") {
  Group g;
  // PRS 40/200 = 0.20 (score 0.27, gap 0.18); ORR 5/50 = 0.10 (score 0, gap 0.15); PRC
  // 4/50 = 0.08 (score 0.16, gap 0.13); MIS 50/100 = 0.5 (score 0.8, gap 0.02).
  g.Prs(40).Orr(5, 50).Prc(4, 50).Mis(50, 100);
  const auto weak = meshcheck::classify::Weaknesses(g.Run(), g.all);
  REQUIRE(weak.size() == 3);
  CHECK(weak[0].component == "PRS");
  CHECK(weak[0].measure == "peer_reply_share");
  CHECK(weak[0].value == Approx(0.2));
  CHECK(weak[0].target == meshcheck::classify::kPrsAnchor.c);
  CHECK(weak[0].text.rfind("20% of replies are between members (a community reaches 60%)", 0) == 0);
  CHECK(weak[1].component == "ORR");
  CHECK(weak[2].component == "PRC");
  CHECK(weak[0].gap >= weak[1].gap);
  CHECK(weak[1].gap >= weak[2].gap);
}
