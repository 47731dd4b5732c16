#include "metrics/roles.h"

#include <algorithm>

#include "graph/disjoint_sets.h"
#include "metrics/grouping.h"
#include "metrics/params.h"

namespace meshcheck::metrics {
namespace {

HostBridge Bridge(const model::Dataset& data,
                  const graph::InteractionGraph& graph,
                  const GroupFacts& facts,
                  const HostSet& hosts,
                  const std::vector<PeerTie>& ties) {
  const auto& members = data.members();
  HostBridge b;
  b.posters = facts.posters;
  graph::DisjointSets sets(members.size());
  for (const PeerTie& t : ties)
    sets.Union(t.a, t.b);
  std::vector<uint32_t> size(members.size(), 0);
  for (uint32_t i = 0; i < members.size(); ++i) {
    if (facts.is_poster[i] && !hosts.is_host[i])
      ++size[sets.Find(i)];
  }
  for (uint32_t s : size) {
    if (s > b.largest_group) {
      b.second_group = b.largest_group;
      b.largest_group = s;
    } else if (s > b.second_group) {
      b.second_group = s;
    }
  }
  const double large = kBridgeMinComponentShare * facts.posters;
  std::vector<uint8_t> bridged(members.size(), 0);
  for (const graph::Edge& e : graph.edges()) {
    if (e.weights.replies == 0 || hosts.is_host[e.from] == hosts.is_host[e.to])
      continue;
    const uint32_t member = hosts.is_host[e.from] ? e.to : e.from;
    if (!IsPerson(members[member]) || !facts.is_poster[member])
      continue;
    const uint32_t root = sets.Find(member);
    if (!bridged[root] && facts.posters > 0 && size[root] >= large) {
      bridged[root] = 1;
      ++b.bridged_groups;
    }
  }
  b.only_bridge = b.bridged_groups >= 2;
  return b;
}

std::vector<uint32_t> StaffCandidates(const model::Dataset& data,
                                      const graph::InteractionGraph& graph,
                                      const HostSet& hosts) {
  const auto& members = data.members();
  const auto& messages = data.messages();
  const auto& roots = graph.conversation_root();
  const size_t n = members.size();
  // Reply ties between people (either way): each person's number of distinct partners.
  const Kinds kinds(data, hosts);
  const std::vector<uint32_t> ties = UndirectedDegrees(graph, n, [&](const graph::Edge& e) {
    return e.weights.replies > 0 && kinds.person(e.from) && kinds.person(e.to);
  });
  // Per person: conversations written in, of which started by others, and messages there.
  std::vector<uint32_t> conversations(n, 0), answering(n, 0), answering_messages(n, 0);
  FirstInGroup first_in_conversation(n);
  for (uint32_t c = 0; c < roots.size(); ++c) {
    for (uint32_t i : graph.ConversationMessages(c)) {
      const uint32_t a = messages[i].author;
      const bool others = messages[roots[c]].author != a;
      answering_messages[a] += others;
      if (first_in_conversation(a, c)) {
        ++conversations[a];
        answering[a] += others;
      }
    }
  }
  // Correspondents: the people each member replied to, and how many are relative isolates.
  std::vector<uint32_t> correspondents(n, 0), isolates(n, 0);
  for (const graph::Edge& e : graph.edges()) {
    if (e.weights.replies == 0 || !kinds.person(e.to))
      continue;
    ++correspondents[e.from];
    isolates[e.from] += ties[e.to] <= kIsolateMaxTies;
  }
  std::vector<uint32_t> out;
  for (uint32_t m = 0; m < n; ++m) {
    if (hosts.is_host[m] || !IsPerson(members[m]) || correspondents[m] < kStaffMinCorrespondents)
      continue;
    if (answering[m] < kStaffMinAnsweringShare * conversations[m] ||
        answering_messages[m] > kStaffMaxMessagesPerConversation * answering[m] ||
        isolates[m] < kStaffMinIsolateShare * correspondents[m]) {
      continue;
    }
    out.push_back(m);
  }
  return out;
}

}  // namespace

Roles ComputeRoles(const model::Dataset& data,
                   const graph::InteractionGraph& graph,
                   const GroupFacts& facts,
                   const HostSet& hosts,
                   const std::vector<PeerTie>& ties) {
  Roles r;
  r.bridge = Bridge(data, graph, facts, hosts, ties);
  r.staff_candidates = StaffCandidates(data, graph, hosts);
  return r;
}

}  // namespace meshcheck::metrics
