#include "metrics/roles.h"

#include <algorithm>
#include <span>

#include "base/time.h"
#include "graph/disjoint_sets.h"
#include "metrics/grouping.h"
#include "metrics/params.h"

namespace meshcheck::metrics {
namespace {

HostBridge Bridge(const model::Dataset& data,
                  const graph::InteractionGraph& graph,
                  const GroupFacts& facts,
                  const HostSet& hosts,
                  const PeerPairs& ties) {
  const auto& members = data.members();
  HostBridge b;
  b.posters = facts.posters;
  graph::DisjointSets sets(members.size());
  for (const auto& [x, y] : ties)
    sets.Union(x, y);
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
                                      const HostSet& hosts,
                                      const AnsweringCounts& answering) {
  const auto& members = data.members();
  const size_t n = members.size();
  // Reply ties between members (either way; a tie to the host connects nobody to the other
  // members): each member's number of distinct partners.
  const Kinds kinds(data, hosts);
  const std::vector<uint32_t> ties = UndirectedDegrees(graph, n, [&](const graph::Edge& e) {
    return e.weights.replies > 0 && kinds.peer(e.from) && kinds.peer(e.to);
  });
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
    if (answering.answering[m] < kStaffMinAnsweringShare * answering.conversations[m] ||
        answering.messages[m] > kStaffMaxMessagesPerConversation * answering.answering[m] ||
        isolates[m] < kStaffMinIsolateShare * correspondents[m]) {
      continue;
    }
    out.push_back(m);
  }
  return out;
}

// Connectors: non-host articulation points of the peer ties with two sides of
// >= kConnectorMinSide people (Tarjan's lowpoints, iterative, with subtree sizes). Linear.
std::vector<bool> Connectors(size_t n, const PeerPairs& ties) {
  std::vector<uint32_t> begin(n + 1, 0);
  for (const auto& [a, b] : ties) {
    ++begin[a + 1];
    ++begin[b + 1];
  }
  for (size_t v = 1; v <= n; ++v)
    begin[v] += begin[v - 1];
  std::vector<uint32_t> adjacent(begin.back());
  std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
  for (const auto& [a, b] : ties) {
    adjacent[fill[a]++] = b;
    adjacent[fill[b]++] = a;
  }
  std::vector<uint32_t> disc(n, 0), low(n, 0), size(n, 0), parent(n, model::kNone);
  std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
  std::vector<uint32_t> separated(n, 0), big_sides(n, 0);  // Sizes cut off below each vertex.
  std::vector<bool> out(n, false);
  std::vector<uint32_t> stack, component;
  uint32_t clock = 0;
  for (uint32_t root = 0; root < n; ++root) {
    if (disc[root] != 0 || begin[root] == begin[root + 1])
      continue;
    component.clear();
    stack.push_back(root);
    disc[root] = low[root] = ++clock;
    size[root] = 1;
    while (!stack.empty()) {
      const uint32_t u = stack.back();
      if (next[u] < begin[u + 1]) {
        const uint32_t v = adjacent[next[u]++];
        if (disc[v] == 0) {
          parent[v] = u;
          disc[v] = low[v] = ++clock;
          size[v] = 1;
          stack.push_back(v);
        } else if (v != parent[u]) {
          low[u] = std::min(low[u], disc[v]);
        }
        continue;
      }
      stack.pop_back();
      component.push_back(u);
      const uint32_t p = parent[u];
      if (p == model::kNone)
        continue;
      size[p] += size[u];
      low[p] = std::min(low[p], low[u]);
      if (low[u] >= disc[p]) {
        separated[p] += size[u];
        big_sides[p] += size[u] >= kConnectorMinSide;
      }
    }
    const uint32_t people = size[root];
    for (uint32_t u : component) {
      const uint32_t rest = people - 1 - separated[u];  // The side holding the parent.
      out[u] = big_sides[u] + (rest >= kConnectorMinSide ? 1 : 0) >= 2;
    }
  }
  return out;
}

// Every poster's counts and roles, and whom to recognise first.
void People(const model::Dataset& data,
            const graph::InteractionGraph& graph,
            const GroupFacts& facts,
            const HostSet& hosts,
            const std::vector<uint32_t>& first_answerers,
            const PeerPairs& ties,
            Roles* r) {
  const auto& members = data.members();
  const auto& messages = data.messages();
  const size_t n = members.size();
  const Kinds kinds(data, hosts);
  std::vector<uint32_t> slot(n, model::kNone);
  for (uint32_t m = 0; m < n; ++m) {
    if (!facts.is_poster[m])
      continue;
    slot[m] = static_cast<uint32_t>(r->people.size());
    Person p;
    p.member = m;
    p.messages = members[m].messages;
    r->people.push_back(p);
  }
  for (const graph::Edge& e : graph.edges()) {
    if (e.weights.replies == 0 || !kinds.person(e.from) || !kinds.person(e.to))
      continue;
    if (slot[e.from] != model::kNone) {
      Person& from = r->people[slot[e.from]];
      from.replies_to_members += kinds.peer(e.to) ? e.weights.replies : 0;
      ++from.people_answered;
    }
    if (slot[e.to] != model::kNone)
      r->people[slot[e.to]].replies_received += e.weights.replies;
  }
  for (const uint32_t a : first_answerers) {
    if (a != model::kNone && kinds.peer(a) && slot[a] != model::kNone)
      ++r->people[slot[a]].peer_answers;
  }
  FirstInGroup first_in_week(n);
  for (const model::MessageRecord& m : messages) {
    if (m.is_system() || m.time_ms() == model::kNoTime || slot[m.author] == model::kNone)
      continue;
    const auto week =
        static_cast<uint64_t>((base::DayOf(m.time_ms()) - base::DayOf(facts.first_ms)) / 7);
    r->people[slot[m.author]].active_weeks += first_in_week(m.author, week);
  }
  const std::vector<bool> connector = Connectors(n, ties);
  const bool newcomers = facts.span_days >= 2 * kNewcomerDays;
  // Only with newcomers (a span, so last_ms is a date): kNoTime minus days would overflow.
  const int64_t recent =
      newcomers ? facts.last_ms - int64_t{kNewcomerDays} * base::kMsPerDay : model::kNoTime;
  for (Person& p : r->people) {
    const model::Member& m = members[p.member];
    p.roles = static_cast<uint8_t>(
        (hosts.is_host[p.member] ? kRoleHost : 0) | (connector[p.member] ? kRoleConnector : 0) |
        (kinds.peer(p.member) && p.peer_answers >= kPeerHelperMinAnswers ? kRolePeerHelper : 0) |
        (p.active_weeks >= kRegularMinWeeks ? kRoleRegular : 0) |
        (newcomers && m.first_ms != model::kNoTime && m.first_ms > recent ? kRoleNewcomer : 0) |
        (p.messages == 1 ? kRoleOneTime : 0));
  }
  for (uint32_t i = 0; i < r->people.size(); ++i) {
    if (r->people[i].roles & (kRoleConnector | kRolePeerHelper))
      r->recognise.push_back(i);
  }
  std::stable_sort(r->recognise.begin(), r->recognise.end(), [&](uint32_t a, uint32_t b) {
    const Person& x = r->people[a];
    const Person& y = r->people[b];
    if (x.peer_answers != y.peer_answers)
      return x.peer_answers > y.peer_answers;
    return x.people_answered > y.people_answered;
  });
  if (r->recognise.size() > kRecogniseCount)
    r->recognise.resize(kRecogniseCount);
}

}  // namespace

const char* RoleName(RoleBit role) {
  switch (role) {
    case kRoleHost:
      return "host";
    case kRoleConnector:
      return "connector";
    case kRolePeerHelper:
      return "peer_helper";
    case kRoleRegular:
      return "regular";
    case kRoleNewcomer:
      return "newcomer";
    case kRoleOneTime:
      return "one_time";
  }
  return "one_time";
}

AnsweringCounts CountAnswering(const model::Dataset& data,
                               const graph::InteractionGraph& graph,
                               const HostSet& hosts) {
  const auto& messages = data.messages();
  const auto& roots = graph.conversation_root();
  const size_t n = data.members().size();
  const Kinds kinds(data, hosts);
  AnsweringCounts out;
  out.messages.assign(n, 0);
  out.conversations.assign(n, 0);
  out.answering.assign(n, 0);
  WalkConversations(data, graph, [&](uint32_t c, uint32_t a, bool first) {
    const bool others = messages[roots[c]].author != a;
    out.messages[a] += others;
    if (first && kinds.peer(a)) {
      ++out.conversations[a];
      out.answering[a] += others;
    }
  });
  return out;
}

Roles ComputeRoles(const model::Dataset& data,
                   const graph::InteractionGraph& graph,
                   const GroupFacts& facts,
                   const HostSet& hosts,
                   const AnsweringCounts& answering,
                   const std::vector<uint32_t>& first_answerers,
                   const PeerPairs& ties) {
  Roles r;
  r.bridge = Bridge(data, graph, facts, hosts, ties);
  r.staff_candidates = StaffCandidates(data, graph, hosts, answering);
  People(data, graph, facts, hosts, first_answerers, ties, &r);
  return r;
}

}  // namespace meshcheck::metrics
