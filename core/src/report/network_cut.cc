#include "report/network_cut.h"

#include <algorithm>
#include <queue>
#include <tuple>
#include <vector>

#include "metrics/facts.h"
#include "model/dataset.h"

namespace meshcheck::report {
namespace {

// Calls f(e, reverse) for each edge e of `edges` (sorted by source, then target) with its
// reverse edge (e.to -> e.from), or nullptr: each source's edges are merged with the edges into
// it, laid out by a stable counting sort by target (so by source within each target). Linear;
// 4 bytes per edge beside them.
template <typename F>
void ForEachWithReverse(const graph::EdgeList& edges, uint32_t members, F f) {
  std::vector<size_t> in_begin(members + size_t{1}, 0);
  for (const graph::Edge& e : edges)
    ++in_begin[e.to + 1];
  for (size_t v = 1; v < in_begin.size(); ++v)
    in_begin[v] += in_begin[v - 1];
  std::vector<uint32_t> in(edges.size());  // Edge indices, by target.
  {
    std::vector<size_t> next(in_begin.begin(), in_begin.end() - 1);
    for (uint32_t k = 0; k < edges.size(); ++k)
      in[next[edges[k].to]++] = k;
  }
  for (size_t k = 0; k < edges.size();) {
    const uint32_t u = edges[k].from;
    size_t j = in_begin[u];  // The edges into u, by source.
    for (; k < edges.size() && edges[k].from == u; ++k) {
      while (j < in_begin[u + 1] && edges[in[j]].from < edges[k].to)
        ++j;
      const graph::Edge e = edges[k];
      if (j < in_begin[u + 1] && edges[in[j]].from == e.to) {
        const graph::Edge reverse = edges[in[j]];
        f(e, &reverse);
      } else {
        f(e, nullptr);
      }
    }
  }
}

double Weight(const graph::Edge& e) {
  return static_cast<double>(uint64_t{e.weights.replies} + e.weights.mentions +
                             e.weights.reactions);
}

// A tie between kept people: member indices a < b.
struct Tie {
  double weight;
  uint32_t a;
  uint32_t b;
};
// Heavier first, then by the pair.
bool Before(const Tie& x, const Tie& y) {
  return std::tuple(-x.weight, x.a, x.b) < std::tuple(-y.weight, y.a, y.b);
}

}  // namespace

bool HasNodeLine(const model::Dataset& data,
                 const metrics::GroupFacts& facts,
                 const metrics::HostSet& hosts,
                 uint32_t member) {
  return metrics::IsPerson(data.members()[member]) &&
         (facts.is_poster[member] || hosts.is_host[member]);
}

bool IsPeopleEdge(const model::Dataset& data, const graph::Edge& e) {
  const auto& members = data.members();
  return metrics::IsPerson(members[e.from]) && metrics::IsPerson(members[e.to]);
}

NetworkCut CutNetwork(const model::Dataset& data,
                      const metrics::GroupFacts& facts,
                      const metrics::HostSet& hosts,
                      const graph::EdgeList& edges,
                      size_t max_people,
                      size_t max_ties) {
  const uint32_t member_count = static_cast<uint32_t>(data.members().size());
  auto node = [&](uint32_t i) { return HasNodeLine(data, facts, hosts, i); };
  NetworkCut cut;

  // Everyone in the network.
  std::vector<bool> seen(member_count);
  for (uint32_t i = 0; i < member_count; ++i)
    seen[i] = node(i);
  for (const graph::Edge& e : edges) {
    if (IsPeopleEdge(data, e))
      seen[e.from] = seen[e.to] = true;
  }

  auto host = [&](uint32_t i) { return node(i) && hosts.is_host[i]; };
  auto messages = [&](uint32_t i) { return node(i) ? data.members()[i].messages : 0; };
  std::vector<uint32_t> people;
  for (uint32_t i = 0; i < member_count; ++i) {
    if (seen[i])
      people.push_back(i);
  }
  cut.people = static_cast<uint32_t>(people.size());
  const size_t kept = std::min(max_people, people.size());
  std::partial_sort(people.begin(), people.begin() + static_cast<std::ptrdiff_t>(kept),
                    people.end(), [&](uint32_t x, uint32_t y) {
                      return std::tuple(!host(x), -int64_t{messages(x)}, x) <
                             std::tuple(!host(y), -int64_t{messages(y)}, y);
                    });
  people.resize(kept);
  std::vector<uint32_t> position(member_count, model::kNone);
  for (uint32_t k = 0; k < kept; ++k) {
    position[people[k]] = k;
    cut.member.push_back(people[k]);
    cut.host.push_back(host(people[k]) ? 1 : 0);
    cut.messages.push_back(messages(people[k]));
  }

  // The ties, each once (an edge whose reverse exists counts from its lower end), and the
  // heaviest between kept people: a heap whose top is the lightest kept so far.
  std::priority_queue<Tie, std::vector<Tie>, decltype(&Before)> heaviest(&Before);
  ForEachWithReverse(edges, member_count, [&](const graph::Edge& e, const graph::Edge* reverse) {
    if (e.from == e.to || (e.from > e.to && reverse) || !IsPeopleEdge(data, e))
      return;
    ++cut.ties;
    if (position[e.from] == model::kNone || position[e.to] == model::kNone)
      return;
    const Tie tie{Weight(e) + (reverse ? Weight(*reverse) : 0), std::min(e.from, e.to),
                  std::max(e.from, e.to)};
    if (heaviest.size() < max_ties) {
      heaviest.push(tie);
    } else if (max_ties > 0 && Before(tie, heaviest.top())) {
      heaviest.pop();
      heaviest.push(tie);
    }
  });
  std::vector<Tie> ties;
  for (; !heaviest.empty(); heaviest.pop())
    ties.push_back(heaviest.top());
  std::reverse(ties.begin(), ties.end());
  for (const Tie& t : ties) {
    cut.tie_a.push_back(position[t.a]);
    cut.tie_b.push_back(position[t.b]);
    cut.weight.push_back(t.weight);
  }
  return cut;
}

}  // namespace meshcheck::report
