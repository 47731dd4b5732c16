#include "metrics/structure.h"

#include <algorithm>

#include "base/plural.h"
#include "metrics/grouping.h"
#include "metrics/params.h"

namespace meshcheck::metrics {
namespace {

// HSR (B.1 item 9): mean peer replies per host-silent day over the same per host-active day,
// capped at 1; 0 when nothing continues in silence. Needs peer replies on active days.
double SilentSurvival(const Counts& k) {
  const double silent =
      static_cast<double>(k.silent_peer_replies) / static_cast<double>(k.silent_days);
  const double active =
      static_cast<double>(k.active_peer_replies) / static_cast<double>(k.active_days);
  return std::min(1.0, silent / active);
}

void FromTally(const Tally& t, StructureMeasures* out) {
  const Counts& k = t.counts;
  out->reply_links = k.replies;
  Measure& prs = out->peer_reply_share;
  prs.Count("replies", k.replies);
  prs.Count("peer_replies", k.peer_replies);
  prs.Count("replies_to_host", k.replies_to_host);
  prs.Count("replies_by_host", k.replies_by_host);
  prs.Count("inferred_replies", k.inferred_replies);
  prs.Ratio(k.peer_replies, k.replies,
            "No person replied to another person (no reply link, explicit or inferred).");

  Measure& prc = out->peer_reciprocity;
  prc.Count("peer_pairs", t.peers.peer_pairs);
  prc.Count("mutual_peer_pairs", t.peers.mutual_peer_pairs);
  prc.Ratio(t.peers.mutual_peer_pairs, t.peers.peer_pairs,
            "No two members (outside the host) replied to each other.");

  Measure& mis = out->member_initiated;
  mis.Count("discussions", k.discussions);
  mis.Count("started_by_members", k.member_discussions);
  mis.Ratio(k.member_discussions, k.discussions,
            "No conversation drew a reply from a second person.");
  Measure& orr = out->organic_response;
  orr.Count("member_discussions", k.member_discussions);
  orr.Count("first_answered_by_member", k.member_first_answered);
  orr.Ratio(k.member_first_answered, k.member_discussions,
            "No discussion was started by a member.");
  Measure& sustained = out->sustained_discussions;
  sustained.Count("discussions", k.discussions);
  sustained.Count("sustained", k.sustained_discussions);
  sustained.Ratio(k.sustained_discussions, k.discussions,
                  "No conversation drew a reply from a second person.");

  Measure& hrr = out->host_response;
  hrr.Count("member_posts_to_host", t.has_host ? k.posts_to_host : 0);
  hrr.Count("answered_by_host", t.has_host ? k.answered_by_host : 0);
  if (t.has_host) {
    hrr.Ratio(k.answered_by_host, k.posts_to_host, "No member post was addressed to the host.");
  } else {
    hrr.why_unavailable = "There is no host to respond.";
  }

  Measure& moc = out->hostless_conversations;
  moc.Count("conversations", k.multi_party);
  moc.Count("without_host", k.multi_party_hostless);
  moc.Ratio(k.multi_party_hostless, k.multi_party, "No conversation had two people in it.");

  Measure& hrc = out->host_removed_connectivity;
  const Network& n = t.connectivity;
  hrc.Count("window_days", t.connectivity_days);
  hrc.Count("non_host_posters", n.non_host_posters);
  hrc.Count("peer_ties", n.peer_pairs);
  hrc.Count("repeated_ties", n.repeated_ties);
  hrc.Count("largest_component", n.largest_component);
  if (n.non_host_posters >= 2) {
    hrc.Ratio(n.largest_component, n.non_host_posters, "");
  } else {
    hrc.why_unavailable = t.connectivity_days > 0
                              ? "Fewer than two members posted in the last " +
                                    base::Plural(t.connectivity_days, "day", "days") + "."
                              : "Fewer than two members posted.";
  }

  Measure& hsr = out->host_silent_survival;
  hsr.Count("silent_days", k.silent_days);
  hsr.Count("active_days", k.active_days);
  hsr.Count("peer_replies_silent", k.silent_peer_replies);
  hsr.Count("peer_replies_active", k.active_peer_replies);
  if (!t.has_host) {
    hsr.why_unavailable = "There is no host whose silence could be tested.";
  } else if (k.silent_days < kSilentWindowDays) {
    hsr.why_unavailable = "The host was never silent for " + std::to_string(kSilentWindowDays) +
                          " days or more in a row: the practical test is not observed in this "
                          "export.";
  } else if (k.active_days < kSilentWindowDays) {
    hsr.why_unavailable = "The host posted on fewer than " + std::to_string(kSilentWindowDays) +
                          " days: there is too little host activity to compare with.";
  } else if (k.active_peer_replies == 0) {
    hsr.why_unavailable =
        "Members never replied to each other on the host's days: there is nothing to compare "
        "the silent days with.";
  } else {
    hsr.available = true;
    hsr.value = SilentSurvival(k);
  }
}

void Centralization(const model::Dataset& data,
                    const graph::InteractionGraph& graph,
                    const GroupFacts& facts,
                    const HostSet& hosts,
                    StructureMeasures* out) {
  // Undirected simple graph over people who posted; reply and mention ties.
  const size_t n_members = data.members().size();
  const std::vector<uint32_t> degree =
      UndirectedDegrees(graph, n_members, [&](const graph::Edge& e) {
        return e.weights.replies + e.weights.mentions > 0 && facts.is_poster[e.from] &&
               facts.is_poster[e.to];
      });
  uint64_t edges = 0;
  for (uint32_t d : degree)
    edges += d;
  edges /= 2;
  std::vector<uint32_t> poster_degrees;
  uint32_t top = model::kNone;
  for (uint32_t i = 0; i < n_members; ++i) {
    if (!facts.is_poster[i])
      continue;
    poster_degrees.push_back(degree[i]);
    if (top == model::kNone || degree[i] > degree[top])
      top = i;
  }
  Measure& c = out->degree_centralization;
  c.Count("nodes", poster_degrees.size());
  c.Count("edges", edges);
  c.Count("max_degree", top == model::kNone ? 0 : degree[top]);
  c.Count("max_degree_is_host", top != model::kNone && hosts.is_host[top] ? 1 : 0);
  if (poster_degrees.size() < kMinNodesForCentralization || edges == 0) {
    c.why_unavailable = "Too few connected people (fewer than 5 posters or no ties).";
    return;
  }
  c.available = true;
  c.value = FreemanCentralization(poster_degrees);
}

void HostShare(const model::Dataset& data,
               const graph::InteractionGraph& graph,
               const HostSet& hosts,
               StructureMeasures* out) {
  const Kinds kinds(data, hosts);
  uint64_t interactions = 0, with_host = 0;
  for (const graph::Edge& e : graph.edges()) {
    if (!kinds.person(e.from) || !kinds.person(e.to))
      continue;
    const uint64_t n = e.weights.replies + e.weights.mentions;
    interactions += n;
    if (kinds.host(e.from) || kinds.host(e.to))
      with_host += n;
  }
  Measure& h = out->host_share;
  h.Count("interactions", interactions);
  h.Count("with_host", with_host);
  h.Ratio(with_host, interactions, "No replies or mentions between people.");
}

}  // namespace

double FreemanCentralization(const std::vector<uint32_t>& degrees) {
  const size_t n = degrees.size();
  if (n < 3)
    return 0;
  const uint32_t dmax = *std::max_element(degrees.begin(), degrees.end());
  uint64_t sum = 0;
  for (uint32_t d : degrees)
    sum += dmax - d;
  return static_cast<double>(sum) / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
}

StructureMeasures MeasuresOf(const Tally& tally) {
  StructureMeasures out;
  FromTally(tally, &out);
  return out;
}

StructureMeasures ComputeStructure(const model::Dataset& data,
                                   const graph::InteractionGraph& graph,
                                   const GroupFacts& facts,
                                   const HostSet& hosts,
                                   const HostCalendar& calendar,
                                   const TallyTable& table) {
  StructureMeasures out = MeasuresOf(table.all);
  out.host_silent_survival.Count("silent_windows", calendar.silent_windows);
  out.host_silent_survival.Count("missing_days", calendar.missing_days);
  Centralization(data, graph, facts, hosts, &out);
  HostShare(data, graph, hosts, &out);
  return out;
}

StructureMeasures ComputeStructure(const model::Dataset& data,
                                   const graph::InteractionGraph& graph,
                                   const GroupFacts& facts,
                                   const HostSet& hosts) {
  const HostCalendar calendar = BuildHostCalendar(data, facts, hosts);
  const PeerNetwork network(data, graph, hosts);
  const TallyPosters posters = CountTallyPosters(data, graph, facts, hosts, false);
  const TallyTable table = BuildTallies(data, graph, facts, hosts, calendar, network, posters);
  return ComputeStructure(data, graph, facts, hosts, calendar, table);
}

}  // namespace meshcheck::metrics
