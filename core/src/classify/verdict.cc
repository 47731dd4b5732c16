#include "classify/verdict.h"

#include <algorithm>
#include <cmath>

#include "base/plural.h"
#include "classify/constants.h"

namespace meshcheck::classify {
namespace {

using metrics::Measure;

std::string Percent(double share) {
  return std::to_string(static_cast<long long>(std::floor(share * 100 + 0.5))) + "%";
}

uint64_t Evidence(const Measure& m, const std::string& name) {
  for (const auto& [key, value] : m.evidence) {
    if (key == name)
      return value;
  }
  return 0;
}

std::vector<Component> Components(const metrics::StructureMeasures& m) {
  std::vector<Component> out;
  auto add = [&](const char* id, const Measure& measure, Anchor anchor, double weight) {
    Component c;
    c.id = id;
    c.available = measure.available;
    c.raw = measure.value;
    c.score = measure.available ? Normalize(measure.value, anchor.a, anchor.c) : 0;
    c.weight = weight;
    out.push_back(c);
  };
  add("PRS", m.peer_reply_share, kPrsAnchor, kPrsWeight);
  add("ORR", m.organic_response, kOrrAnchor, kOrrWeight);
  if (!out.back().available && out.front().available) {
    out.back().available = true;  // C.1: ORR falls back to PRS_n without member discussions.
    out.back().raw = out.front().raw;
    out.back().score = out.front().score;
    out.back().note = "fallback: PRS";
  }
  add("PRC", m.peer_reciprocity, kPrcAnchor, kPrcWeight);
  add("MIS", m.member_initiated, kMisAnchor, kMisWeight);
  return out;
}

// C.2 item 1: members (non-hosts) write at least kParticipationShare of the messages.
bool MembersTakePart(const metrics::GroupFacts& facts, const metrics::HostSet& hosts) {
  const uint64_t member_messages = facts.messages - hosts.host_messages;
  return facts.messages > 0 && static_cast<double>(member_messages) >=
                                   kParticipationShare * static_cast<double>(facts.messages);
}

// "6 of 11 replies".
std::string OfWhole(uint64_t part, uint64_t whole, const char* one, const char* many) {
  return std::to_string(part) + " of " + base::Plural(whole, one, many);
}

// " (55%)": part / whole as a rounded percentage; whole > 0.
std::string PercentOf(uint64_t part, uint64_t whole) {
  return " (" + Percent(static_cast<double>(part) / static_cast<double>(whole)) + ")";
}

void Reasons(const metrics::GroupFacts& facts,
             const metrics::HostSet& hosts,
             const metrics::StructureMeasures& m,
             Verdict* v) {
  const bool has_host = !hosts.members.empty();
  if (facts.messages > 0 && !MembersTakePart(facts, hosts)) {
    v->reasons.push_back(
        "Members wrote only " +
        OfWhole(facts.messages - hosts.host_messages, facts.messages, "message", "messages") +
        " (under " + Percent(kParticipationShare) + "): the host does nearly all the talking.");
  }
  const Measure& prs = m.peer_reply_share;
  const uint64_t replies = Evidence(prs, "replies");
  if (!prs.available) {
    v->reasons.push_back("Nobody replied to anybody with an explicit reply link in " +
                         base::Plural(facts.messages, "message", "messages") + ".");
  } else if (has_host) {
    const uint64_t peer = Evidence(prs, "peer_replies");
    v->reasons.push_back(OfWhole(peer, replies, "reply", "replies") + " between people" +
                         PercentOf(peer, replies) + (peer == 1 ? " is" : " are") +
                         " between members, not to or from the host.");
  } else if (replies == 1) {
    v->reasons.push_back(
        "Nobody posts like a host, so the only reply between people counts as a reply between "
        "members.");
  } else {
    v->reasons.push_back("Nobody posts like a host, so all " +
                         base::Plural(replies, "reply", "replies") +
                         " between people count as replies between members.");
  }
  const Measure& mis = m.member_initiated;
  if (mis.available && has_host) {
    const uint64_t by_members = Evidence(mis, "started_by_members");
    const uint64_t discussions = Evidence(mis, "discussions");
    v->reasons.push_back("Members, not the host, started " +
                         OfWhole(by_members, discussions, "discussion", "discussions") +
                         " that drew a reply" + PercentOf(by_members, discussions) + ".");
  }
  const Measure& orr = m.organic_response;
  if (orr.available && has_host) {
    const uint64_t started = Evidence(orr, "member_discussions");
    const uint64_t answered = Evidence(orr, "first_answered_by_member");
    v->reasons.push_back("When a member started a discussion, another member answered first in " +
                         OfWhole(answered, started, "discussion", "discussions") +
                         PercentOf(answered, started) +
                         (answered < started ? "; the host answered first in the others." : "."));
  }
  const Measure& prc = m.peer_reciprocity;
  if (prc.available) {
    const uint64_t mutual = Evidence(prc, "mutual_peer_pairs");
    const uint64_t pairs = Evidence(prc, "peer_pairs");
    v->reasons.push_back("Replies went both ways between " +
                         OfWhole(mutual, pairs, "pair", "pairs") +
                         " of members who replied to each other" + PercentOf(mutual, pairs) + ".");
  }
}

// "Only 3 people besides the host" / "Only 3 people" / "Only 1 person".
std::string PostersPhrase(uint32_t n, bool has_host) {
  return "Only " + base::Plural(n, "person", "people") + (has_host ? " besides the host" : "");
}

// C.2 item 1 with C.7 fix 3: the floors are about evidence. Returns the floors missed.
std::vector<std::string> Floors(const metrics::GroupFacts& facts,
                                const metrics::HostSet& hosts,
                                const metrics::StructureMeasures& m) {
  std::vector<std::string> missed;
  if (facts.messages == 0) {
    missed.push_back("There are no messages from people to judge.");
    return missed;
  }
  if (!MembersTakePart(facts, hosts)) {
    // A broadcast: members' silence is the evidence, given enough history.
    if (facts.messages < kMinBroadcastMessages || facts.span_days < kMinBroadcastSpanDays) {
      missed.push_back("Only " + base::Plural(facts.messages, "message", "messages") + " over " +
                       base::Plural(facts.span_days, "day", "days") +
                       ": too little history to call it a broadcast (at least " +
                       std::to_string(kMinBroadcastMessages) + " messages over " +
                       std::to_string(kMinBroadcastSpanDays) + " days are needed).");
    }
    return missed;
  }
  const bool has_host = !hosts.members.empty();
  if (hosts.non_host_posters < kMinNonHostPosters) {
    missed.push_back(PostersPhrase(hosts.non_host_posters, has_host) + " posted; at least " +
                     std::to_string(kMinNonHostPosters) + " are needed.");
  }
  if (m.reply_links < kMinReplyLinks) {
    const std::string links =
        m.reply_links == 0 ? std::string("No reply links")
                           : "Only " + base::Plural(m.reply_links, "reply link", "reply links");
    missed.push_back(links + " between people; at least " + std::to_string(kMinReplyLinks) +
                     " are needed.");
  }
  return missed;
}

Label AudienceLabel(const metrics::GroupFacts& facts,
                    const metrics::HostSet& hosts,
                    const metrics::StructureMeasures& m,
                    double index) {
  const uint64_t member_messages = facts.messages - hosts.host_messages;
  const bool members_write = static_cast<double>(member_messages) >=
                             kEngagedMinMemberShare * static_cast<double>(facts.messages);
  const bool host_answers = m.host_response.available && m.host_response.value >= kEngagedMinHrr;
  if (members_write && m.reply_links >= kEngagedMinReplies &&
      (host_answers || index >= kEngagedMinIndex)) {
    return Label::kEngagedAudience;
  }
  return Label::kBroadcastAudience;
}

// C.3 item 2 (structural uncertainty) and C.4 (recommended data): each is one caveat.
std::vector<std::string> Caveats(const metrics::GroupFacts& facts, const metrics::HostSet& hosts) {
  std::vector<std::string> caveats;
  if (hosts.source == metrics::HostSource::kData) {
    caveats.push_back(
        "The host was inferred from the data (the most active poster), not named by you or the "
        "export.");
  } else if (hosts.source == metrics::HostSource::kNone) {
    caveats.push_back(
        "No host was found (nobody posts like one), so every reply counts as a reply between "
        "members; name the host if there is one.");
  }
  if (!hosts.unmatched.empty()) {
    caveats.push_back(
        "A host name you gave matches nobody in the export; check its spelling or use the "
        "member id.");
  }
  if (facts.messages < kConfidentMessages) {
    caveats.push_back("Only " + base::Plural(facts.messages, "message", "messages") + "; " +
                      std::to_string(kConfidentMessages) + " or more give a firmer reading.");
  }
  if (facts.span_days < kConfidentSpanDays) {
    caveats.push_back("The history spans " + base::Plural(facts.span_days, "day", "days") + "; " +
                      std::to_string(kConfidentSpanDays) +
                      " or more (four weekly cycles) give a firmer reading.");
  }
  if (hosts.non_host_posters < kConfidentNonHostPosters) {
    caveats.push_back(PostersPhrase(hosts.non_host_posters, !hosts.members.empty()) + " posted; " +
                      std::to_string(kConfidentNonHostPosters) + " or more give a firmer reading.");
  }
  return caveats;
}

}  // namespace

double Normalize(double raw, double a, double c) {
  return std::clamp((raw - a) / (c - a), 0.0, 1.0);
}

const char* LabelName(Label label) {
  switch (label) {
    case Label::kInsufficientData:
      return "insufficient_data";
    case Label::kBroadcastAudience:
      return "broadcast_audience";
    case Label::kEngagedAudience:
      return "engaged_audience";
    case Label::kEmergingCommunity:
      return "emerging_community";
    case Label::kCommunity:
      return "community";
  }
  return "insufficient_data";
}

const char* LabelTitle(Label label) {
  switch (label) {
    case Label::kInsufficientData:
      return "Insufficient data";
    case Label::kBroadcastAudience:
      return "Broadcast audience";
    case Label::kEngagedAudience:
      return "Engaged audience (hub-and-spoke)";
    case Label::kEmergingCommunity:
      return "Emerging community";
    case Label::kCommunity:
      return "Community";
  }
  return "Insufficient data";
}

const char* ConfidenceName(Confidence confidence) {
  switch (confidence) {
    case Confidence::kLow:
      return "low";
    case Confidence::kMedium:
      return "medium";
    case Confidence::kHigh:
      return "high";
  }
  return "low";
}

Verdict Classify(const metrics::GroupFacts& facts,
                 const metrics::HostSet& hosts,
                 const metrics::StructureMeasures& measures) {
  Verdict v;
  v.components = Components(measures);
  double weighted = 0;
  double weights = 0;
  for (const Component& c : v.components) {
    if (!c.available)
      continue;
    weighted += c.weight * c.score;
    weights += c.weight;
  }
  // C.1: weights are renormalised over the available components. With no reply at all, the
  // index is 0: nobody talks to anybody.
  v.has_index = facts.messages > 0;
  v.index = weights > 0 ? 100 * weighted / weights : 0;

  if (facts.messages > 0 && !MembersTakePart(facts, hosts)) {
    // C.2 item 1 and C.7 fix 2: when the host does nearly all the talking, a few stray replies
    // between members do not make a community, whatever their share of the replies.
    v.provisional = Label::kBroadcastAudience;
  } else if (v.index >= kCommunityMin) {
    v.provisional = measures.peer_reply_share.value >= kCommunityMinPrs ? Label::kCommunity
                                                                        : Label::kEmergingCommunity;
  } else if (v.index >= kEmergingMin) {
    v.provisional = Label::kEmergingCommunity;
  } else {
    v.provisional = AudienceLabel(facts, hosts, measures, v.index);
  }
  v.insufficient = Floors(facts, hosts, measures);
  v.label = v.insufficient.empty() ? v.provisional : Label::kInsufficientData;

  Reasons(facts, hosts, measures, &v);
  v.caveats = Caveats(facts, hosts);
  if (!v.insufficient.empty() || v.caveats.size() > kMediumMaxCaveats) {
    v.confidence = Confidence::kLow;
  } else {
    v.confidence = v.caveats.empty() ? Confidence::kHigh : Confidence::kMedium;
  }
  return v;
}

}  // namespace meshcheck::classify
