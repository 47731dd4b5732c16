#include "graph/interaction_graph.h"

#include <algorithm>

#include "base/phase_timer.h"
#include "graph/disjoint_sets.h"

namespace meshcheck::graph {
namespace {

enum class TieKind : uint8_t { kReply, kInferredReply, kMention, kReaction };

// Calls f(from, to, kind) for every tie: the replies (per message, its reply target), then the
// mentions and reactions of people's messages. Self-ties never count.
template <typename F>
void ForEachTie(const model::Dataset& data,
                const std::vector<uint32_t>& reply_target,
                const std::vector<uint8_t>& inferred,
                F f) {
  const auto& messages = data.messages();
  for (uint32_t i = 0; i < messages.size(); ++i) {
    if (reply_target[i] != model::kNone) {
      f(messages[i].author, reply_target[i],
        inferred[i] ? TieKind::kInferredReply : TieKind::kReply);
    }
  }
  for (const model::PersonLink& link : data.links()) {
    const model::MessageRecord& m = messages[link.message];
    if (m.is_system() || link.person == m.author)
      continue;
    if (link.kind == model::LinkKind::kMention) {
      f(m.author, link.person, TieKind::kMention);
    } else {
      f(link.person, m.author, TieKind::kReaction);
    }
  }
}

void AddTie(TieKind kind, EdgeWeights* w) {
  switch (kind) {
    case TieKind::kInferredReply:
      ++w->inferred_replies;
      [[fallthrough]];
    case TieKind::kReply:
      ++w->replies;
      break;
    case TieKind::kMention:
      ++w->mentions;
      break;
    case TieKind::kReaction:
      ++w->reactions;
      break;
  }
}

// The ties reduced to weighted edges sorted by (from, to), without a hash table or a sort of
// millions of ties: a counting sort lays the ties out by source, a per-target stamp merges
// each source's ties, and only each source's distinct targets are sorted.
std::vector<Edge> CollectEdges(const model::Dataset& data,
                               const std::vector<uint32_t>& reply_target,
                               const std::vector<uint8_t>& inferred,
                               uint32_t nodes) {
  struct Tie {
    uint32_t to;
    TieKind kind;
  };
  std::vector<size_t> begin(static_cast<size_t>(nodes) + 1, 0);
  ForEachTie(data, reply_target, inferred,
             [&](uint32_t from, uint32_t, TieKind) { ++begin[from + 1]; });
  for (size_t u = 1; u < begin.size(); ++u)
    begin[u] += begin[u - 1];
  std::vector<Tie> ties(begin.back());
  std::vector<size_t> next(begin.begin(), begin.end() - 1);
  ForEachTie(data, reply_target, inferred, [&](uint32_t from, uint32_t to, TieKind kind) {
    ties[next[from]++] = {to, kind};
  });
  // Per target: the source whose row last saw it, and its edge there.
  std::vector<uint32_t> seen(nodes, model::kNone);
  size_t distinct = 0;
  for (uint32_t u = 0; u < nodes; ++u) {
    for (size_t k = begin[u]; k < begin[u + 1]; ++k) {
      distinct += seen[ties[k].to] != u;
      seen[ties[k].to] = u;
    }
  }
  std::vector<Edge> edges;
  edges.reserve(distinct);
  std::fill(seen.begin(), seen.end(), model::kNone);
  std::vector<uint32_t> slot(nodes);
  for (uint32_t u = 0; u < nodes; ++u) {
    const size_t first = edges.size();
    for (size_t k = begin[u]; k < begin[u + 1]; ++k) {
      const Tie& t = ties[k];
      if (seen[t.to] != u) {
        seen[t.to] = u;
        slot[t.to] = static_cast<uint32_t>(edges.size());
        edges.push_back({u, t.to, {}});
      }
      AddTie(t.kind, &edges[slot[t.to]].weights);
    }
    std::sort(edges.begin() + static_cast<std::ptrdiff_t>(first), edges.end(),
              [](const Edge& x, const Edge& y) { return x.to < y.to; });
  }
  return edges;
}

}  // namespace

InteractionGraph InteractionGraph::Build(const model::Dataset& data,
                                         const InferenceOptions& inference,
                                         bool with_edges) {
  const base::ScopedPhase phase(base::Phase::kGraph);
  const auto& messages = data.messages();
  const size_t n = messages.size();
  InteractionGraph g;
  g.node_count_ = static_cast<uint32_t>(data.members().size());
  g.parent_.assign(n, model::kNone);
  g.inferred_.assign(n, 0);
  g.reply_target_.assign(n, model::kNone);
  g.conversation_.assign(n, model::kNone);
  for (uint32_t i = 0; i < n; ++i) {
    const model::MessageRecord& m = messages[i];
    if (!m.is_system() && m.parent != model::kNone && !messages[m.parent].is_system())
      g.parent_[i] = m.parent;
  }
  g.inferred_channel_ = ChannelsToInfer(data, inference);
  InferTurns(data, inference, g.inferred_channel_, with_edges, &g.parent_, &g.inferred_,
             &g.inference_);

  // Conversations: union-find over message indices, so that links pointing forward in time
  // (clock skew between exports) still merge; the earliest message becomes the root.
  DisjointSets sets(n);
  for (uint32_t i = 0; i < n; ++i) {
    const model::MessageRecord& m = messages[i];
    if (m.is_system())
      continue;
    if (g.parent_[i] != model::kNone) {
      sets.Union(i, g.parent_[i]);
      const uint32_t target = messages[g.parent_[i]].author;
      if (target != m.author)
        g.reply_target_[i] = target;
    }
    if (m.thread != model::kNone && !messages[m.thread].is_system()) {
      sets.Union(i, m.thread);
    }
  }
  // Threads that live in their own channel (Discord thread files): one conversation each.
  std::vector<uint32_t> first_in_channel(data.channels().size(), model::kNone);
  for (uint32_t i = 0; i < n; ++i) {
    const model::MessageRecord& m = messages[i];
    if (m.is_system() || data.channels()[m.channel].kind != model::ChannelKind::kThread)
      continue;
    uint32_t& first = first_in_channel[m.channel];
    if (first == model::kNone) {
      first = i;
    } else {
      sets.Union(i, first);
    }
  }

  // A root is the earliest message of its set and speaks (only people's messages are joined),
  // so it is numbered before the rest of its conversation.
  for (uint32_t i = 0; i < n; ++i) {
    if (messages[i].is_system())
      continue;
    const uint32_t root = sets.Find(i);
    if (root == i) {
      g.conversation_[i] = static_cast<uint32_t>(g.conversation_root_.size());
      g.conversation_root_.push_back(i);
    } else {
      g.conversation_[i] = g.conversation_[root];
    }
  }
  // Messages by conversation (counting sort: each keeps time order).
  g.conversation_begin_.assign(g.conversation_root_.size() + 1, 0);
  for (uint32_t c : g.conversation_) {
    if (c != model::kNone)
      ++g.conversation_begin_[c + 1];
  }
  for (size_t c = 1; c < g.conversation_begin_.size(); ++c)
    g.conversation_begin_[c] += g.conversation_begin_[c - 1];
  g.conversation_messages_.resize(g.conversation_begin_.back());
  std::vector<uint32_t> next(g.conversation_begin_.begin(), g.conversation_begin_.end() - 1);
  for (uint32_t i = 0; i < n; ++i) {
    if (g.conversation_[i] != model::kNone)
      g.conversation_messages_[next[g.conversation_[i]]++] = i;
  }

  if (with_edges)
    g.edges_ = CollectEdges(data, g.reply_target_, g.inferred_, g.node_count_);
  return g;
}

}  // namespace meshcheck::graph
