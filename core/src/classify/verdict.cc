#include "classify/verdict.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "base/free_memory.h"
#include "base/plural.h"
#include "base/time.h"
#include "classify/constants.h"
#include "classify/percent.h"
#include "metrics/params.h"

namespace meshcheck::classify {
namespace {

using metrics::Measure;

std::string Fixed(double value, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

// A daily rate: "12.5", or "0.04" below 1.
std::string PerDay(double rate) {
  return Fixed(rate, rate < 1 ? 2 : 1);
}

uint64_t Evidence(const Measure& m, const std::string& name) {
  for (const auto& [key, value] : m.evidence) {
    if (key == name)
      return value;
  }
  return 0;
}

// "6 of 11 replies".
std::string OfWhole(uint64_t part, uint64_t whole, const char* one, const char* many) {
  return std::to_string(part) + " of " + base::Plural(whole, one, many);
}

// " (55%)": part / whole as a rounded percentage; whole > 0.
std::string PercentOf(uint64_t part, uint64_t whole) {
  return " (" + Percent(static_cast<double>(part) / static_cast<double>(whole)) + ")";
}

// "Only 3 people besides the host" / "Only 3 people" / "Only 1 person".
std::string PostersPhrase(uint32_t n, bool has_host) {
  return "Only " + base::Plural(n, "person", "people") + (has_host ? " besides the host" : "");
}

void StructureReasons(const metrics::GroupFacts& facts,
                      const metrics::HostSet& hosts,
                      const metrics::StructureMeasures& m,
                      Verdict* v) {
  const bool has_host = !hosts.members.empty();
  if (facts.messages > 0 && !MembersTakePart(facts.messages, hosts.host_messages)) {
    v->reasons.push_back(
        "Members wrote only " +
        OfWhole(facts.messages - hosts.host_messages, facts.messages, "message", "messages") +
        " (under " + Percent(kParticipationShare) + "): the host does nearly all the talking.");
  }
  if (facts.messages > 0 && MembersTakePart(facts.messages, hosts.host_messages) &&
      !PeopleConverse(facts.messages, m.reply_links) && m.reply_links > 0) {
    v->reasons.push_back("Only " + OfWhole(m.reply_links, facts.messages, "message", "messages") +
                         PercentOf(m.reply_links, facts.messages) +
                         (m.reply_links == 1 ? " answers" : " answer") +
                         " someone else: nearly everything is posted, not discussed.");
  }
  const Measure& prs = m.peer_reply_share;
  const uint64_t replies = Evidence(prs, "replies");
  if (!prs.available) {
    v->reasons.push_back("Nobody replied to anybody in " +
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

// The practical test (B.1 item 9) and the other autonomy evidence (MOC, HRC).
void AutonomyReasons(const metrics::HostSet& hosts,
                     const metrics::StructureMeasures& m,
                     Verdict* v) {
  const Measure& hsr = m.host_silent_survival;
  if (hsr.available) {
    const uint64_t silent = Evidence(hsr, "silent_days");
    const uint64_t active = Evidence(hsr, "active_days");
    const double per_silent =
        static_cast<double>(Evidence(hsr, "peer_replies_silent")) / static_cast<double>(silent);
    const double per_active =
        static_cast<double>(Evidence(hsr, "peer_replies_active")) / static_cast<double>(active);
    v->reasons.push_back("The practical test: on the " + base::Plural(silent, "day", "days") +
                         " the host was silent (a week or more at a time), members wrote " +
                         PerDay(per_silent) + " replies to each other a day, against " +
                         PerDay(per_active) + " on the host's " +
                         base::Plural(active, "day", "days") + ": activity " +
                         (hsr.value >= kCommunityMinHsr ? "continued" : "faded") + " at " +
                         Percent(hsr.value) + ".");
  } else if (!hosts.members.empty()) {
    v->reasons.push_back(
        std::string("The practical test (\"if you stopped posting, would activity continue?\") "
                    "is not observed: ") +
        (Evidence(hsr, "silent_days") < metrics::kSilentWindowDays
             ? "the host was never silent for a week or more"
             : "the host posted on too few days to compare with") +
        ". A planned two-week pause would show it.");
  }
  const Measure& moc = m.hostless_conversations;
  if (moc.available && !hosts.members.empty()) {
    const uint64_t without = Evidence(moc, "without_host");
    const uint64_t all = Evidence(moc, "conversations");
    v->reasons.push_back(OfWhole(without, all, "conversation", "conversations") +
                         " between two people or more" + PercentOf(without, all) +
                         (without == 1 ? " went" : " went") + " on without the host.");
  }
  const Measure& hrc = m.host_removed_connectivity;
  if (hrc.available && !hosts.members.empty()) {
    const uint64_t largest = Evidence(hrc, "largest_component");
    const uint64_t posters = Evidence(hrc, "non_host_posters");
    v->reasons.push_back(
        "Without the host, the largest group of members tied by replies in two "
        "conversations or more holds " +
        OfWhole(largest, posters, "member", "members") + PercentOf(largest, posters) +
        " of the last " + base::Plural(Evidence(hrc, "window_days"), "day", "days") + ".");
  }
}

double BotShare(const metrics::GroupFacts& facts) {
  const uint64_t raw = facts.messages + facts.bot_messages;
  return raw == 0 ? 0 : static_cast<double>(facts.bot_messages) / static_cast<double>(raw);
}

bool BotFeed(const metrics::GroupFacts& facts, const metrics::StructureMeasures& m) {
  return BotShare(facts) >= kBotFeedShare && m.reply_links < kMinReplyLinks;
}

double Concurrency(const graph::InferenceStats& s) {
  return s.messages == 0 ? 0 : static_cast<double>(s.concurrent) / static_cast<double>(s.messages);
}

// C.2 item 5.
std::vector<FlagNote> Flags(const metrics::GroupFacts& facts,
                            const metrics::Measures& m,
                            const Verdict& v) {
  std::vector<FlagNote> out;
  const metrics::HostBridge& bridge = m.roles.bridge;
  if (bridge.only_bridge) {
    out.push_back({Flag::kHostOnlyBridge,
                   "The host is the only bridge: without the host, members fall apart into " +
                       std::to_string(bridge.bridged_groups) + " groups (the largest " +
                       base::Plural(bridge.largest_group, "person", "people") + " and " +
                       base::Plural(bridge.second_group, "person", "people") +
                       ") that only the host connects."});
  }
  const Measure& caf = m.participation.answer_absence_factor;
  const uint64_t peer_answers = Evidence(caf, "peer_answers");
  if (caf.available && caf.value == 1 && peer_answers >= kAnswerPersonMinPeerAnswers) {
    const uint64_t top = Evidence(caf, "top_answerer_answers");
    out.push_back({Flag::kSingleAnswerPerson,
                   "A single answer person: one member gave " +
                       OfWhole(top, peer_answers, "first answer", "first answers") +
                       " to discussions members started" + PercentOf(top, peer_answers) +
                       "; without them, peer answers would halve."});
  }
  if (BotShare(facts) > kBotFlagShare) {
    out.push_back({Flag::kManyBots,
                   "Bots wrote " +
                       OfWhole(facts.bot_messages, facts.messages + facts.bot_messages, "message",
                               "messages") +
                       " (" + Percent(BotShare(facts)) + "); they are left out of every measure."});
  }
  const size_t staff = m.roles.staff_candidates.size();
  if (staff > 0) {
    out.push_back({Flag::kPossibleUndeclaredStaff,
                   "Possible undeclared staff: " + base::Plural(staff, "member", "members") +
                       " answer many people who talk to nobody else, as staff do. If they work "
                       "for the group, name them as hosts."});
  }
  const graph::InferenceStats& inf = m.inference;
  if (inf.replies > 0 && Concurrency(inf) > kMaxConcurrency) {
    out.push_back({Flag::kInferredHighConcurrency,
                   "Replies were inferred where conversations overlap: " +
                       OfWhole(inf.concurrent, inf.messages, "message", "messages") +
                       PercentOf(inf.concurrent, inf.messages) +
                       " had two other people writing in the 15 minutes before (kappa " +
                       Fixed(Concurrency(inf), 2) + ", above " + Fixed(kMaxConcurrency, 1) +
                       "). Inferred links then tend to make members look more connected."});
  }
  if (v.uncertainty.estimated) {
    for (double edge : kBandEdges) {
      if (v.uncertainty.lower < edge && edge < v.uncertainty.upper) {
        out.push_back({Flag::kBorderline,
                       "Borderline: the index's 90% interval (" + Fixed(v.uncertainty.lower, 0) +
                           " to " + Fixed(v.uncertainty.upper, 0) + ") crosses the band edge at " +
                           Fixed(edge, 0) + "."});
        break;
      }
    }
  }
  return out;
}

// C.3 item 2 (structural uncertainty) and C.4 (recommended data): each is one caveat.
std::vector<std::string> Caveats(const metrics::GroupFacts& facts,
                                 const metrics::HostSet& hosts,
                                 const metrics::Measures& m,
                                 const Verdict& v) {
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
  const metrics::Counts& k = m.table.all.counts;
  if (k.inferred_replies > 0) {
    caveats.push_back(OfWhole(k.inferred_replies, k.replies, "reply", "replies") +
                      " between people" + (k.inferred_replies == 1 ? " was" : " were") +
                      " inferred from turn-taking, because the export keeps no reply links in " +
                      base::Plural(m.inference.channels, "channel", "channels") + ".");
  }
  if (v.sensitivity_spread > kMaxSensitivitySpread) {
    caveats.push_back("The index moves by " + Fixed(v.sensitivity_spread, 0) +
                      " points when replies are inferred within 5 to 30 minutes instead of 15.");
  }
  if (BotShare(facts) > kBotFlagShare) {
    caveats.push_back("Bots wrote " + Percent(BotShare(facts)) +
                      " of the messages: if some bots are not marked as bots, they count as "
                      "members.");
  }
  // A pure broadcast (members write under kParticipationShare) is judged on the members'
  // silence (C.2 item 1): what members would show (the practical test, network measures, their
  // number) is no caveat there.
  const bool broadcast = !MembersTakePart(facts.messages, hosts.host_messages);
  if (!broadcast && !hosts.members.empty() && !m.structure.host_silent_survival.available) {
    caveats.push_back(
        "The practical test is not observed: the host was never silent for a week or more "
        "while the group went on.");
  }
  if (v.small_group && !broadcast) {
    caveats.push_back("Small-group mode (" + base::Plural(facts.posters, "poster", "posters") +
                      ", at most " + std::to_string(kSmallGroupMaxPosters) +
                      "): network measures saturate, so only PRS, PRC and autonomy count.");
  }
  if (!v.uncertainty.estimated && facts.messages > 0) {
    caveats.push_back(
        "The history covers a single week, so the index's uncertainty cannot be estimated.");
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
  if (!broadcast && hosts.non_host_posters < kConfidentNonHostPosters) {
    caveats.push_back(PostersPhrase(hosts.non_host_posters, !hosts.members.empty()) + " posted; " +
                      std::to_string(kConfidentNonHostPosters) + " or more give a firmer reading.");
  }
  return caveats;
}

// C.3 item 3 with B.6's mitigations.
Confidence Rate(const Verdict& v, const metrics::Measures& m) {
  const Uncertainty& u = v.uncertainty;
  const bool concurrent = m.inference.replies > 0 && Concurrency(m.inference) > kMaxConcurrency;
  if (!v.insufficient.empty() || concurrent || v.sensitivity_spread > kMaxSensitivitySpread)
    return Confidence::kLow;
  if (v.caveats.empty() && u.estimated && u.width <= kHighMaxWidth &&
      u.label_stability >= kHighMinStability) {
    return Confidence::kHigh;
  }
  const bool statistics_ok =
      !u.estimated || (u.width <= kMediumMaxWidth && u.label_stability >= kMediumMinStability);
  return statistics_ok && v.caveats.size() <= kMediumMaxCaveats ? Confidence::kMedium
                                                                : Confidence::kLow;
}

}  // namespace

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

const char* FlagName(Flag flag) {
  switch (flag) {
    case Flag::kHostOnlyBridge:
      return "host_only_bridge";
    case Flag::kSingleAnswerPerson:
      return "single_answer_person";
    case Flag::kManyBots:
      return "many_bots";
    case Flag::kPossibleUndeclaredStaff:
      return "possible_undeclared_staff";
    case Flag::kInferredHighConcurrency:
      return "inferred_high_concurrency";
    case Flag::kBorderline:
      return "borderline";
  }
  return "borderline";
}

Verdict Classify(const metrics::GroupFacts& facts,
                 const metrics::HostSet& hosts,
                 const metrics::Measures& measures,
                 const std::vector<SensitivityPoint>& sensitivity,
                 const ExportTraits& traits) {
  const metrics::StructureMeasures& m = measures.structure;
  Verdict v;
  v.small_group = facts.posters <= kSmallGroupMaxPosters;
  v.components = IndexComponents(m, v.small_group);
  // C.1: weights are renormalised over the available components. With no reply at all, the
  // index is 0: nobody talks to anybody.
  v.has_index = facts.messages > 0;
  v.index = IndexOf(v.components);
  const LabelInputs inputs = LabelInputsOf(facts.messages, hosts.host_messages, m, v.index);
  v.provisional = DecideLabel(inputs);
  FloorInputs floors;
  floors.messages = facts.messages;
  floors.host_messages = hosts.host_messages;
  floors.non_host_posters = hosts.non_host_posters;
  floors.reply_links = m.reply_links;
  floors.span_days = facts.span_days;
  floors.has_host = !hosts.members.empty();
  if (BotFeed(facts, m)) {
    // The bots are the broadcaster.
    v.provisional = Label::kBroadcastAudience;
    floors.messages = facts.messages + facts.bot_messages;
    floors.host_messages = facts.bot_messages;
    floors.has_host = true;
    floors.span_days = facts.span_days_with_bots;
    v.reasons.push_back("Bots wrote " +
                        OfWhole(facts.bot_messages, floors.messages, "message", "messages") +
                        PercentOf(facts.bot_messages, floors.messages) +
                        ": this is a feed, and people answer it too little to make it a "
                        "conversation.");
  }
  floors.provisional = v.provisional;
  v.insufficient = Floors(floors);
  v.label = v.insufficient.empty() ? v.provisional : Label::kInsufficientData;

  v.uncertainty = Jackknife(measures.table, inputs, v.small_group);
  v.sensitivity = sensitivity;
  if (!sensitivity.empty()) {
    const auto [lo, hi] = std::minmax_element(
        sensitivity.begin(), sensitivity.end(),
        [](const SensitivityPoint& a, const SensitivityPoint& b) { return a.index < b.index; });
    v.sensitivity_spread = hi->index - lo->index;
  }
  StructureReasons(facts, hosts, m, &v);
  AutonomyReasons(hosts, m, &v);
  v.flags = Flags(facts, measures, v);
  v.caveats = Caveats(facts, hosts, measures, v);
  v.confidence = Rate(v, measures);

  v.boundary = ComputeBoundary(facts, measures.participation, traits);
  v.placement = Place(v.has_index, v.index, v.boundary, v.label == Label::kInsufficientData);
  v.timeline =
      BuildTimeline(measures.table, facts.span_days < metrics::kMonthlyTimelineMinSpanDays);
  return v;
}

std::vector<SensitivityPoint> OtherWindowsSensitivity(const model::Dataset& data,
                                                      const metrics::GroupFacts& facts,
                                                      const metrics::HostSet& hosts) {
  std::vector<SensitivityPoint> out;
  const std::vector<bool> inferred = graph::ChannelsToInfer(data, metrics::kInference);
  if (std::find(inferred.begin(), inferred.end(), true) == inferred.end())
    return out;
  const bool small_group = facts.posters <= kSmallGroupMaxPosters;
  for (int64_t minutes : metrics::kSensitivityWindowsMinutes) {
    const int64_t window = minutes * base::kMsPerMinute;
    if (window == metrics::kInference.window_ms)
      continue;                 // The headline's own window: WithHeadlineWindow.
    base::ReturnFreedMemory();  // The previous graph's, before the next one.
    graph::InteractionGraph g =
        graph::InteractionGraph::Build(data, metrics::InferenceWithWindow(window),
                                       graph::EdgeCollection::kNone);  // The tally's part.
    const metrics::Tally tally = metrics::ComputeTally(data, std::move(g), facts, hosts);
    out.push_back({minutes, IndexOf(IndexComponents(metrics::MeasuresOf(tally), small_group))});
  }
  return out;
}

std::vector<SensitivityPoint> WithHeadlineWindow(std::vector<SensitivityPoint> others,
                                                 const metrics::GroupFacts& facts,
                                                 const metrics::Measures& measures) {
  if (others.empty())
    return others;
  const SensitivityPoint headline = {
      metrics::kInference.window_ms / base::kMsPerMinute,
      IndexOf(IndexComponents(measures.structure, facts.posters <= kSmallGroupMaxPosters))};
  const auto later = std::find_if(others.begin(), others.end(), [&](const SensitivityPoint& p) {
    return p.window_minutes > headline.window_minutes;
  });
  others.insert(later, headline);
  return others;
}

std::vector<SensitivityPoint> InferenceSensitivity(const model::Dataset& data,
                                                   const metrics::GroupFacts& facts,
                                                   const metrics::HostSet& hosts,
                                                   const metrics::Measures& measures) {
  return WithHeadlineWindow(OtherWindowsSensitivity(data, facts, hosts), facts, measures);
}

Verdict Assess(const model::Dataset& data,
               const metrics::GroupFacts& facts,
               const metrics::HostSet& hosts,
               const metrics::Measures& measures,
               const std::vector<Format>& formats) {
  return Classify(facts, hosts, measures, InferenceSensitivity(data, facts, hosts, measures),
                  TraitsOf(data, formats));
}

void MarkSeparateGroups(uint32_t groups, const std::vector<std::string>& names, Verdict* v) {
  std::string list;
  for (const std::string& name : names)
    list += (list.empty() ? "" : ", ") + name;
  if (names.size() < groups)
    list += ", ...";
  v->insufficient.insert(v->insufficient.begin(),
                         "This export holds " + std::to_string(groups) + " separate groups (" +
                             list +
                             "): a verdict needs one group. Each group's own reading is listed; "
                             "analyse one group at a time for its full report.");
  v->label = Label::kInsufficientData;
  v->confidence = Confidence::kLow;
  v->placement = Place(v->has_index, v->index, v->boundary, true);
}

}  // namespace meshcheck::classify
