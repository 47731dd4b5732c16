#include "classify/index.h"

#include <algorithm>

#include "base/plural.h"
#include "classify/constants.h"

namespace meshcheck::classify {
namespace {

using metrics::Measure;

Component Plain(const char* id, const Measure& m, Anchor anchor, double weight) {
  Component c;
  c.id = id;
  c.available = m.available;
  c.raw = m.value;
  c.score = m.available ? Normalize(m.value, anchor.a, anchor.c) : 0;
  c.weight = weight;
  return c;
}

// C.1 component 2: 0.6 HSR_n + 0.4 MOC_n with a silent window observed, else MOC_n.
Component Autonomy(const metrics::StructureMeasures& m) {
  Component c;
  c.id = "AUT";
  c.weight = kAutWeight;
  const Measure& hsr = m.host_silent_survival;
  const Measure& moc = m.hostless_conversations;
  const double hsr_n = Normalize(hsr.value, kHsrAnchor.a, kHsrAnchor.c);
  const double moc_n = Normalize(moc.value, kMocAnchor.a, kMocAnchor.c);
  if (hsr.available && moc.available) {
    c.score = kAutHsrShare * hsr_n + (1 - kAutHsrShare) * moc_n;
    c.note = "HSR and MOC";
  } else if (hsr.available) {
    c.score = hsr_n;
    c.note = "HSR only";
  } else if (moc.available) {
    c.score = moc_n;
    c.note = "MOC only: the practical test is not observed";
  } else {
    return c;
  }
  c.available = true;
  c.raw = c.score;
  return c;
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

std::vector<Component> IndexComponents(const metrics::StructureMeasures& m, bool small_group) {
  std::vector<Component> out;
  out.push_back(Plain("PRS", m.peer_reply_share, kPrsAnchor, kPrsWeight));
  out.push_back(Autonomy(m));
  out.push_back(Plain("ORR", m.organic_response, kOrrAnchor, kOrrWeight));
  if (!out.back().available && out.front().available) {
    out.back().available = true;  // C.1: ORR falls back to PRS_n without member discussions.
    out.back().raw = out.front().raw;
    out.back().score = out.front().score;
    out.back().note = "fallback: PRS";
  }
  out.push_back(Plain("HRC", m.host_removed_connectivity, kHrcAnchor, kHrcWeight));
  out.push_back(Plain("PRC", m.peer_reciprocity, kPrcAnchor, kPrcWeight));
  out.push_back(Plain("MIS", m.member_initiated, kMisAnchor, kMisWeight));
  if (small_group) {
    for (Component& c : out) {
      if (c.id == "ORR" || c.id == "HRC" || c.id == "MIS") {
        c.available = false;
        c.note = "small-group mode";
      }
    }
  }
  return out;
}

double IndexOf(const std::vector<Component>& components) {
  double weighted = 0;
  double weights = 0;
  for (const Component& c : components) {
    if (!c.available)
      continue;
    weighted += c.weight * c.score;
    weights += c.weight;
  }
  return weights > 0 ? 100 * weighted / weights : 0;
}

bool MembersTakePart(uint64_t messages, uint64_t host_messages) {
  return messages > 0 && static_cast<double>(messages - host_messages) >=
                             kParticipationShare * static_cast<double>(messages);
}

bool PeopleConverse(uint64_t messages, uint64_t reply_links) {
  return static_cast<double>(reply_links) >= kParticipationShare * static_cast<double>(messages);
}

LabelInputs LabelInputsOf(uint64_t messages,
                          uint64_t host_messages,
                          const metrics::StructureMeasures& m,
                          double index) {
  LabelInputs in;
  in.index = index;
  in.messages = messages;
  in.member_share =
      messages == 0 ? 0
                    : static_cast<double>(messages - host_messages) / static_cast<double>(messages);
  in.reply_links = m.reply_links;
  in.prs_available = m.peer_reply_share.available;
  in.prs = m.peer_reply_share.value;
  in.hsr_available = m.host_silent_survival.available;
  in.hsr = m.host_silent_survival.value;
  in.hrr_available = m.host_response.available;
  in.hrr = m.host_response.value;
  return in;
}

Label DecideLabel(const LabelInputs& in) {
  if (in.messages > 0 &&
      (in.member_share < kParticipationShare || !PeopleConverse(in.messages, in.reply_links))) {
    // C.2 item 1 and C.7 fix 2: when the host does nearly all the talking, or nearly nothing
    // answers anyone, a few stray replies between members do not make a community, whoever is
    // host and whatever their share of the replies.
    return Label::kBroadcastAudience;
  }
  if (in.index >= kCommunityMin) {
    const bool prs_ok = in.prs_available && in.prs >= kCommunityMinPrs;
    const bool hsr_ok = !in.hsr_available || in.hsr >= kCommunityMinHsr;
    return prs_ok && hsr_ok ? Label::kCommunity : Label::kEmergingCommunity;
  }
  if (in.index >= kEmergingMin)
    return Label::kEmergingCommunity;
  const bool members_write = in.member_share >= kEngagedMinMemberShare;
  const bool host_answers = in.hrr_available && in.hrr >= kEngagedMinHrr;
  if (members_write && in.reply_links >= kEngagedMinReplies &&
      (host_answers || in.index >= kEngagedMinIndex)) {
    return Label::kEngagedAudience;
  }
  return Label::kBroadcastAudience;
}

namespace {

// C.7 fix 3: "a year of host posts with almost no member reply is plenty for broadcast
// audience". A broadcast reading where under kSparseReplyShare of the messages answer anyone
// is judged on its history, like a broadcast without member messages; the floors on people and
// reply links guard the structural (many-to-many) readings only.
bool SparseBroadcast(const FloorInputs& in) {
  return in.has_host && in.provisional == Label::kBroadcastAudience &&
         static_cast<double>(in.reply_links) < kSparseReplyShare * static_cast<double>(in.messages);
}

}  // namespace

std::vector<std::string> Floors(const FloorInputs& in) {
  std::vector<std::string> missed;
  if (in.messages == 0) {
    missed.push_back("There are no messages from people to judge.");
    return missed;
  }
  if (!MembersTakePart(in.messages, in.host_messages) || SparseBroadcast(in)) {
    // A broadcast: members' silence is the evidence, given enough history.
    if (in.messages < kMinBroadcastMessages || in.span_days < kMinBroadcastSpanDays) {
      missed.push_back("Only " + base::Plural(in.messages, "message", "messages") + " over " +
                       base::Plural(in.span_days, "day", "days") +
                       ": too little history to call it a broadcast (at least " +
                       std::to_string(kMinBroadcastMessages) + " messages over " +
                       std::to_string(kMinBroadcastSpanDays) + " days are needed).");
    }
    return missed;
  }
  if (in.non_host_posters < kMinNonHostPosters) {
    missed.push_back("Only " + base::Plural(in.non_host_posters, "person", "people") +
                     (in.has_host ? " besides the host" : "") + " posted; at least " +
                     std::to_string(kMinNonHostPosters) + " are needed.");
  }
  if (in.reply_links < kMinReplyLinks) {
    const std::string links =
        in.reply_links == 0 ? std::string("No reply links")
                            : "Only " + base::Plural(in.reply_links, "reply link", "reply links");
    missed.push_back(links + " between people; at least " + std::to_string(kMinReplyLinks) +
                     " are needed.");
  }
  return missed;
}

}  // namespace meshcheck::classify
