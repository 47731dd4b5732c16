#include "graph/interaction_graph.h"

#include <algorithm>

#include "base/phase_timer.h"
#include "base/radix_sort.h"
#include "graph/disjoint_sets.h"

namespace meshcheck::graph {
namespace {

// Collects ties as (pair, kind) items and reduces them to weighted edges by sorting: sequential
// memory instead of a hash table, for millions of ties.
class EdgeAccumulator {
 public:
  enum class Kind : uint8_t { kReply, kInferredReply, kMention, kReaction };

  explicit EdgeAccumulator(size_t expected) { items_.reserve(expected); }
  void Add(uint32_t from, uint32_t to, Kind kind) {
    items_.push_back({(static_cast<uint64_t>(from) << 32) | to, kind});
  }
  // Sorted by (from, to); one edge per ordered pair.
  std::vector<Edge> Take() {
    base::StableSortByKey(&items_, [](const Item& item) { return item.pair; });
    size_t distinct = 0;
    for (size_t k = 0; k < items_.size(); ++k)
      distinct += k == 0 || items_[k].pair != items_[k - 1].pair;
    std::vector<Edge> edges;
    edges.reserve(distinct);
    for (const Item& item : items_) {
      if (edges.empty() ||
          item.pair != ((static_cast<uint64_t>(edges.back().from) << 32) | edges.back().to)) {
        edges.push_back(
            {static_cast<uint32_t>(item.pair >> 32), static_cast<uint32_t>(item.pair), {}});
      }
      EdgeWeights& w = edges.back().weights;
      switch (item.kind) {
        case Kind::kInferredReply:
          ++w.inferred_replies;
          [[fallthrough]];
        case Kind::kReply:
          ++w.replies;
          break;
        case Kind::kMention:
          ++w.mentions;
          break;
        case Kind::kReaction:
          ++w.reactions;
          break;
      }
    }
    std::vector<Item>().swap(items_);
    return edges;
  }

 private:
  struct Item {
    uint64_t pair;
    Kind kind;
  };
  std::vector<Item> items_;
};

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
  InferTurns(data, inference, g.inferred_channel_, &g.parent_, &g.inferred_, &g.inference_);

  EdgeAccumulator acc(with_edges ? n + data.links().size() : 0);
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
      if (target != m.author) {
        g.reply_target_[i] = target;
        if (with_edges)
          acc.Add(m.author, target,
                  g.inferred_[i] ? EdgeAccumulator::Kind::kInferredReply
                                 : EdgeAccumulator::Kind::kReply);
      }
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

  std::vector<uint32_t> id_of_root(n, model::kNone);
  for (uint32_t i = 0; i < n; ++i) {
    if (messages[i].is_system())
      continue;
    const uint32_t root = sets.Find(i);
    if (id_of_root[root] == model::kNone) {
      id_of_root[root] = static_cast<uint32_t>(g.conversation_root_.size());
      g.conversation_root_.push_back(root);
    }
    g.conversation_[i] = id_of_root[root];
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

  if (!with_edges)
    return g;
  for (const model::PersonLink& link : data.links()) {
    const model::MessageRecord& m = messages[link.message];
    if (m.is_system())
      continue;
    if (link.kind == model::LinkKind::kMention && link.person != m.author) {
      acc.Add(m.author, link.person, EdgeAccumulator::Kind::kMention);
    } else if (link.kind == model::LinkKind::kReaction && link.person != m.author) {
      acc.Add(link.person, m.author, EdgeAccumulator::Kind::kReaction);
    }
  }
  g.edges_ = acc.Take();
  return g;
}

}  // namespace meshcheck::graph
