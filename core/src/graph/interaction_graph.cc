#include "graph/interaction_graph.h"

#include <algorithm>
#include <numeric>

#include "base/hash.h"

namespace meshcheck::graph {
namespace {

// Union-find over message indices, used to merge conversations whose links point forward in
// time (clock skew between exports).
class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  // The smaller index (earlier message) becomes the root.
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b)
      return;
    if (b < a)
      std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<uint32_t> parent_;
};

class EdgeAccumulator {
 public:
  EdgeWeights& At(uint32_t from, uint32_t to) {
    const uint64_t key = (static_cast<uint64_t>(from) << 32) | to;
    uint32_t index = index_.Find(key);
    if (index == base::FlatMap64::kMissing) {
      index = static_cast<uint32_t>(edges_.size());
      index_.Insert(key, index);
      edges_.push_back({from, to, {}});
    }
    return edges_[index].weights;
  }
  std::vector<Edge> Take() {
    std::sort(edges_.begin(), edges_.end(), [](const Edge& a, const Edge& b) {
      return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    return std::move(edges_);
  }

 private:
  base::FlatMap64 index_;
  std::vector<Edge> edges_;
};

}  // namespace

InteractionGraph InteractionGraph::Build(const model::Dataset& data) {
  const auto& messages = data.messages();
  const size_t n = messages.size();
  InteractionGraph g;
  g.node_count_ = static_cast<uint32_t>(data.members().size());
  g.reply_target_.assign(n, model::kNone);
  g.conversation_.assign(n, model::kNone);

  EdgeAccumulator acc;
  DisjointSets sets(n);
  for (uint32_t i = 0; i < n; ++i) {
    const model::MessageRecord& m = messages[i];
    if (m.is_system())
      continue;
    if (m.parent != model::kNone && !messages[m.parent].is_system()) {
      sets.Union(i, m.parent);
      const uint32_t target = messages[m.parent].author;
      if (target != m.author) {
        g.reply_target_[i] = target;
        ++acc.At(m.author, target).replies;
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

  for (const model::PersonLink& link : data.links()) {
    const model::MessageRecord& m = messages[link.message];
    if (m.is_system())
      continue;
    if (link.kind == model::LinkKind::kMention && link.person != m.author) {
      ++acc.At(m.author, link.person).mentions;
    } else if (link.kind == model::LinkKind::kReaction && link.person != m.author) {
      ++acc.At(link.person, m.author).reactions;
    }
  }
  g.edges_ = acc.Take();
  return g;
}

}  // namespace meshcheck::graph
