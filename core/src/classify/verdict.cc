#include "classify/verdict.h"

#include <algorithm>
#include <cmath>

#include "classify/constants.h"

namespace meshcheck::classify {
namespace {

using metrics::Measure;

std::string Percent(double share) {
  return std::to_string(static_cast<long long>(std::floor(share * 100 + 0.5))) + "%";
}

uint64_t Evidence(const Measure& m, const std::string& name) {
  for (const auto& [key, value] : m.evidence) {
    if (key == name) return value;
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

void Reasons(const metrics::GroupFacts& facts, const metrics::StructureMeasures& m,
             Verdict* v) {
  const Measure& prs = m.peer_reply_share;
  if (prs.available) {
    v->reasons.push_back(Percent(prs.value) + " of the " +
                         std::to_string(Evidence(prs, "replies")) +
                         " replies are between members, not with the host.");
  } else {
    v->reasons.push_back("Nobody replied to anybody with an explicit reply link in " +
                         std::to_string(facts.messages) + " messages.");
  }
  const Measure& mis = m.member_initiated;
  if (mis.available) {
    v->reasons.push_back("Members started " + Percent(mis.value) + " of the " +
                         std::to_string(Evidence(mis, "discussions")) +
                         " discussions that drew a reply.");
  }
  const Measure& orr = m.organic_response;
  if (orr.available) {
    v->reasons.push_back("When a member started a discussion, another member answered first " +
                         Percent(orr.value) + " of the time (" +
                         std::to_string(Evidence(orr, "member_discussions")) + " discussions).");
  }
  const Measure& prc = m.peer_reciprocity;
  if (prc.available) {
    v->reasons.push_back("Members replied back and forth in " + Percent(prc.value) + " of the " +
                         std::to_string(Evidence(prc, "peer_pairs")) +
                         " member pairs that exchanged replies.");
  }
}

// C.2 item 1 with C.7 fix 3: the floors are about evidence. Returns the floors missed.
std::vector<std::string> Floors(const metrics::GroupFacts& facts, const metrics::HostSet& hosts,
                                const metrics::StructureMeasures& m) {
  std::vector<std::string> missed;
  const uint64_t member_messages = facts.messages - hosts.host_messages;
  const bool participation = facts.messages > 0 &&
                             static_cast<double>(member_messages) >=
                                 kParticipationShare * static_cast<double>(facts.messages);
  if (facts.messages == 0) {
    missed.push_back("There are no messages from people to judge.");
    return missed;
  }
  if (!participation) {
    // A broadcast: members' silence is the evidence, given enough history.
    if (facts.messages < kMinBroadcastMessages || facts.span_days < kMinBroadcastSpanDays) {
      missed.push_back("Only " + std::to_string(facts.messages) + " messages over " +
                       std::to_string(facts.span_days) +
                       " day(s): too little history to call it a broadcast.");
    }
    return missed;
  }
  if (hosts.non_host_posters < kMinNonHostPosters) {
    missed.push_back("Only " + std::to_string(hosts.non_host_posters) +
                     " people besides the host posted; at least " +
                     std::to_string(kMinNonHostPosters) + " are needed.");
  }
  if (m.reply_links < kMinReplyLinks) {
    missed.push_back("Only " + std::to_string(m.reply_links) +
                     " reply links between people; at least " + std::to_string(kMinReplyLinks) +
                     " are needed.");
  }
  return missed;
}

Label AudienceLabel(const metrics::GroupFacts& facts, const metrics::HostSet& hosts,
                    const metrics::StructureMeasures& m, double index) {
  const uint64_t member_messages = facts.messages - hosts.host_messages;
  const bool members_write = static_cast<double>(member_messages) >=
                             kEngagedMinMemberShare * static_cast<double>(facts.messages);
  const bool host_answers =
      m.host_response.available && m.host_response.value >= kEngagedMinHrr;
  if (members_write && m.reply_links >= kEngagedMinReplies &&
      (host_answers || index >= kEngagedMinIndex)) {
    return Label::kEngagedAudience;
  }
  return Label::kBroadcastAudience;
}

std::vector<std::string> Caveats(const metrics::GroupFacts& facts, const metrics::HostSet& hosts) {
  std::vector<std::string> caveats;
  if (hosts.source == metrics::HostSource::kData) {
    caveats.push_back("The host was inferred from the data, not named by you or the export.");
  }
  if (facts.messages < kConfidentMessages) {
    caveats.push_back("Fewer than " + std::to_string(kConfidentMessages) + " messages.");
  }
  if (facts.span_days < kConfidentSpanDays) {
    caveats.push_back("The history spans fewer than " + std::to_string(kConfidentSpanDays) +
                      " days (four weekly cycles).");
  }
  if (hosts.non_host_posters < kConfidentNonHostPosters) {
    caveats.push_back("Fewer than " + std::to_string(kConfidentNonHostPosters) +
                      " people besides the host posted.");
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

Verdict Classify(const metrics::GroupFacts& facts, const metrics::HostSet& hosts,
                 const metrics::StructureMeasures& measures) {
  Verdict v;
  v.components = Components(measures);
  double weighted = 0;
  double weights = 0;
  for (const Component& c : v.components) {
    if (!c.available) continue;
    weighted += c.weight * c.score;
    weights += c.weight;
  }
  // C.1: weights are renormalised over the available components. With no reply at all, the
  // index is 0: nobody talks to anybody.
  v.has_index = facts.messages > 0;
  v.index = weights > 0 ? 100 * weighted / weights : 0;

  if (v.index >= kCommunityMin) {
    v.provisional = measures.peer_reply_share.value >= kCommunityMinPrs
                        ? Label::kCommunity
                        : Label::kEmergingCommunity;
  } else if (v.index >= kEmergingMin) {
    v.provisional = Label::kEmergingCommunity;
  } else {
    v.provisional = AudienceLabel(facts, hosts, measures, v.index);
  }
  v.insufficient = Floors(facts, hosts, measures);
  v.label = v.insufficient.empty() ? v.provisional : Label::kInsufficientData;

  Reasons(facts, measures, &v);
  v.caveats = Caveats(facts, hosts);
  if (!v.insufficient.empty() || v.caveats.size() > 1) {
    v.confidence = Confidence::kLow;
  } else {
    v.confidence = v.caveats.empty() ? Confidence::kHigh : Confidence::kMedium;
  }
  return v;
}

}  // namespace meshcheck::classify
