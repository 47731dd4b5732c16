#include "metrics/structure.h"

#include <algorithm>

#include "base/hash.h"
#include "metrics/params.h"

namespace meshcheck::metrics {
namespace {

uint64_t PairKey(uint32_t a, uint32_t b) {
  return (static_cast<uint64_t>(a) << 32) | b;
}

void PeerReplies(const model::Dataset& data,
                 const graph::InteractionGraph& graph,
                 const HostSet& hosts,
                 StructureMeasures* out) {
  const auto& members = data.members();
  const auto& messages = data.messages();
  uint64_t replies = 0, peer = 0, to_host = 0, by_host = 0;
  for (size_t i = 0; i < messages.size(); ++i) {
    const uint32_t target = graph.reply_target()[i];
    if (target == model::kNone)
      continue;
    const uint32_t source = messages[i].author;
    if (!IsPerson(members[source]) || !IsPerson(members[target]))
      continue;
    ++replies;
    const bool source_host = hosts.is_host[source];
    const bool target_host = hosts.is_host[target];
    peer += !source_host && !target_host;
    to_host += target_host;
    by_host += source_host;
  }
  out->reply_links = replies;
  Measure& prs = out->peer_reply_share;
  prs.Count("replies", replies);
  prs.Count("peer_replies", peer);
  prs.Count("replies_to_host", to_host);
  prs.Count("replies_by_host", by_host);
  prs.Ratio(peer, replies, "No person replied to another person with an explicit reply link.");
}

void Reciprocity(const model::Dataset& data,
                 const graph::InteractionGraph& graph,
                 const HostSet& hosts,
                 StructureMeasures* out) {
  const auto& members = data.members();
  base::FlatMap64 replied;  // Ordered peer pairs with at least one reply.
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (const graph::Edge& e : graph.edges()) {
    if (e.weights.replies == 0 || hosts.is_host[e.from] || hosts.is_host[e.to] ||
        !IsPerson(members[e.from]) || !IsPerson(members[e.to])) {
      continue;
    }
    replied.Insert(PairKey(e.from, e.to), 1);
    pairs.emplace_back(e.from, e.to);
  }
  uint64_t unordered = 0, mutual = 0;
  for (const auto& [a, b] : pairs) {
    const bool back = replied.Find(PairKey(b, a)) != base::FlatMap64::kMissing;
    if (!back) {
      ++unordered;
    } else if (a < b) {  // Count a mutual pair once.
      ++unordered;
      ++mutual;
    }
  }
  Measure& prc = out->peer_reciprocity;
  prc.Count("peer_pairs", unordered);
  prc.Count("mutual_peer_pairs", mutual);
  prc.Ratio(mutual, unordered, "No two members (outside the host) replied to each other.");
}

void Discussions(const model::Dataset& data,
                 const graph::InteractionGraph& graph,
                 const HostSet& hosts,
                 StructureMeasures* out) {
  const auto& members = data.members();
  const auto& messages = data.messages();
  const auto& roots = graph.conversation_root();
  // Per conversation: the first reply by someone other than the initiator (a person).
  std::vector<uint32_t> first_other(roots.size(), model::kNone);
  for (uint32_t i = 0; i < messages.size(); ++i) {
    const uint32_t c = graph.conversation()[i];
    if (c == model::kNone || first_other[c] != model::kNone)
      continue;
    const uint32_t author = messages[i].author;
    if (author != messages[roots[c]].author && IsPerson(members[author]))
      first_other[c] = author;
  }
  uint64_t discussions = 0, by_members = 0, member_answered = 0;
  for (uint32_t c = 0; c < roots.size(); ++c) {
    const uint32_t initiator = messages[roots[c]].author;
    if (first_other[c] == model::kNone || !IsPerson(members[initiator]))
      continue;
    ++discussions;
    if (hosts.is_host[initiator])
      continue;
    ++by_members;
    member_answered += !hosts.is_host[first_other[c]];
  }
  Measure& mis = out->member_initiated;
  mis.Count("discussions", discussions);
  mis.Count("started_by_members", by_members);
  mis.Ratio(by_members, discussions, "No conversation drew a reply from a second person.");
  Measure& orr = out->organic_response;
  orr.Count("member_discussions", by_members);
  orr.Count("first_answered_by_member", member_answered);
  orr.Ratio(member_answered, by_members, "No discussion was started by a member.");
}

void Centralization(const model::Dataset& data,
                    const graph::InteractionGraph& graph,
                    const GroupFacts& facts,
                    const HostSet& hosts,
                    StructureMeasures* out) {
  // Undirected simple graph over people who posted; reply and mention ties.
  const size_t n_members = data.members().size();
  std::vector<uint32_t> degree(n_members, 0);
  base::FlatMap64 seen;
  uint64_t edges = 0;
  for (const graph::Edge& e : graph.edges()) {
    if (e.weights.replies + e.weights.mentions == 0)
      continue;
    if (!facts.is_poster[e.from] || !facts.is_poster[e.to])
      continue;
    const uint64_t key = PairKey(std::min(e.from, e.to), std::max(e.from, e.to));
    if (seen.Find(key) != base::FlatMap64::kMissing)
      continue;
    seen.Insert(key, 1);
    ++degree[e.from];
    ++degree[e.to];
    ++edges;
  }
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
  const auto& members = data.members();
  uint64_t interactions = 0, with_host = 0;
  for (const graph::Edge& e : graph.edges()) {
    if (!IsPerson(members[e.from]) || !IsPerson(members[e.to]))
      continue;
    const uint64_t n = e.weights.replies + e.weights.mentions;
    interactions += n;
    if (hosts.is_host[e.from] || hosts.is_host[e.to])
      with_host += n;
  }
  Measure& h = out->host_share;
  h.Count("interactions", interactions);
  h.Count("with_host", with_host);
  h.Ratio(with_host, interactions, "No replies or mentions between people.");
}

void HostResponse(const model::Dataset& data,
                  const graph::InteractionGraph& graph,
                  const HostSet& hosts,
                  StructureMeasures* out) {
  const auto& members = data.members();
  const auto& messages = data.messages();
  Measure& hrr = out->host_response;
  if (hosts.members.empty()) {
    hrr.Count("member_posts_to_host", 0);
    hrr.Count("answered_by_host", 0);
    hrr.why_unavailable = "There is no host to respond.";
    return;
  }
  std::vector<bool> host_replied(messages.size(), false);
  for (const model::MessageRecord& m : messages) {
    if (!m.is_system() && m.parent != model::kNone && hosts.is_host[m.author]) {
      host_replied[m.parent] = true;
    }
  }
  uint64_t addressed = 0, answered = 0;
  for (uint32_t i = 0; i < messages.size(); ++i) {
    const model::MessageRecord& m = messages[i];
    if (m.is_system() || hosts.is_host[m.author] || !IsPerson(members[m.author]))
      continue;
    const bool root = graph.conversation_root()[graph.conversation()[i]] == i;
    const uint32_t target = graph.reply_target()[i];
    if (!root && (target == model::kNone || !hosts.is_host[target]))
      continue;
    ++addressed;
    answered += host_replied[i];
  }
  hrr.Count("member_posts_to_host", addressed);
  hrr.Count("answered_by_host", answered);
  hrr.Ratio(answered, addressed, "No member post was addressed to the host.");
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

StructureMeasures ComputeStructure(const model::Dataset& data,
                                   const graph::InteractionGraph& graph,
                                   const GroupFacts& facts,
                                   const HostSet& hosts) {
  StructureMeasures out;
  PeerReplies(data, graph, hosts, &out);
  Reciprocity(data, graph, hosts, &out);
  Discussions(data, graph, hosts, &out);
  Centralization(data, graph, facts, hosts, &out);
  HostShare(data, graph, hosts, &out);
  HostResponse(data, graph, hosts, &out);
  return out;
}

}  // namespace meshcheck::metrics
