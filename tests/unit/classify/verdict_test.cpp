// classify::Classify on hand-set measures: the Community Index (ANALYSIS.md C.1), the labels and
// gates (C.2 with C.7 fix 3), the confidence (C.3) and the plain-language text.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "classify/constants.h"
#include "classify/verdict.h"

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

// A large, long, well-documented group with a declared host: no caveat, no floor missed.
// Measures are set per test.
struct Group {
  meshcheck::metrics::GroupFacts facts;
  meshcheck::metrics::HostSet hosts;
  meshcheck::metrics::StructureMeasures m;

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
  Group& Hrr(uint64_t answered, uint64_t addressed) {
    Set(&m.host_response, "member_posts_to_host", addressed, "answered_by_host", answered);
    return *this;
  }
  Verdict Run() const { return Classify(facts, hosts, m); }
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
  REQUIRE(v.components.size() == 4);
  CHECK(v.components[0].id == "PRS");
  CHECK(v.components[0].weight == meshcheck::classify::kPrsWeight);
  CHECK(v.components[1].score == Approx(0.5).margin(1e-12));
  CHECK(v.has_index);
  CHECK(v.index == Approx(100 * 0.375 / 0.65).margin(1e-9));
  CHECK(v.label == Label::kEmergingCommunity);
}

TEST_CASE("without member discussions ORR falls back to PRS's score and weights renormalise") {
  // PRS 0.325 -> 0.5; ORR unavailable -> 0.5; PRC 0.4 -> 1; MIS unavailable.
  // CI = 100 * (0.25 * 0.5 + 0.15 * 0.5 + 0.15 * 1) / 0.55 = 63.6...
  const Verdict v = Group().Prs(65).Prc(20, 50).Run();
  CHECK(v.components[1].available);
  CHECK(v.components[1].note == "fallback: PRS");
  CHECK(v.components[1].raw == v.components[0].raw);
  CHECK_FALSE(v.components[3].available);
  CHECK(v.index == Approx(100 * 0.35 / 0.55).margin(1e-9));

  // Without replies at all there is nothing to fall back on: the index is 0.
  Group silent;
  silent.m.reply_links = 0;
  const Verdict s = silent.Run();
  CHECK_FALSE(s.components[1].available);
  CHECK(s.components[1].note.empty());
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
  few_links.m.reply_links = 1;
  few_links.hosts.non_host_posters = 1;
  CHECK(few_links.Run().insufficient ==
        std::vector<std::string>{"Only 1 person besides the host posted; at least 5 are needed.",
                                 "Only 1 reply link between people; at least 30 are needed."});
  few_links.m.reply_links = 0;
  CHECK(Contains(few_links.Run().insufficient, "No reply links between people"));
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

TEST_CASE("confidence: high without caveats, medium with one, low with more (C.3)") {
  auto community = [] { return Group().Prs(120).Orr(7, 10).Prc(20, 50).Mis(60, 100); };
  const Verdict high = community().Run();
  CHECK(high.caveats.empty());
  CHECK(high.confidence == Confidence::kHigh);

  Group inferred = community();
  inferred.hosts.source = HostSource::kData;
  CHECK(inferred.Run().confidence == Confidence::kMedium);

  Group short_span = community();
  short_span.facts.span_days = 27;
  const Verdict s = short_span.Run();
  CHECK(s.caveats ==
        std::vector<std::string>{
            "The history spans 27 days; 28 or more (four weekly cycles) give a firmer reading."});
  CHECK(s.confidence == Confidence::kMedium);

  Group two = short_span;
  two.facts.messages = 499;
  two.hosts.host_messages = 100;
  CHECK(two.Run().caveats.size() == 2);
  CHECK(two.Run().confidence == Confidence::kLow);

  Group few = community();
  few.hosts.non_host_posters = 19;
  CHECK(few.Run().caveats ==
        std::vector<std::string>{
            "Only 19 people besides the host posted; 20 or more give a firmer reading."});

  Group unmatched = community();
  unmatched.hosts.unmatched = {"Zed"};
  CHECK(unmatched.Run().confidence == Confidence::kMedium);
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
                         "Nobody posts like a host, so the only reply between people counts as a "
                         "reply between members.",
                         "Replies went both ways between 0 of 1 pair of members who replied to "
                         "each other (0%)."});
  CHECK(v.insufficient ==
        std::vector<std::string>{"Only 3 people posted; at least 5 are needed.",
                                 "Only 1 reply link between people; at least 30 are needed."});
  CHECK(Contains(v.caveats, "No host was found"));
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
            "(67%)."});
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
  CHECK(none.Run().reasons ==
        std::vector<std::string>{
            "Nobody replied to anybody with an explicit reply link in 1000 messages."});
}
