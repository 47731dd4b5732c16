#include "graph/edge_collection.h"

#include <algorithm>
#include <span>

namespace meshcheck::graph {
namespace {

enum class TieKind : uint8_t { kReply, kInferredReply, kMention, kReaction };

// Calls f(from, to, kind) for every tie: the replies (per message, its reply target), then the
// mentions and reactions of people's messages. Self-ties never count.
template <typename F>
void ForEachTie(const model::Dataset& data, const InteractionGraph& graph, F f) {
  const auto& messages = data.messages();
  for (uint32_t i = 0; i < messages.size(); ++i) {
    const uint32_t target = graph.ReplyTarget(i);
    if (target != model::kNone) {
      f(messages[i].author, target,
        graph.inferred()[i] ? TieKind::kInferredReply : TieKind::kReply);
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

// A tie in 4 bytes: its target and kind. Member indices stay below 2^30: a billion members
// would take 32 GiB of Member records.
struct Tie {
  Tie() {}  // Unset: the ties are sized, then filled by a scatter.
  Tie(uint32_t target, TieKind k) : to(target), kind_bits(static_cast<uint32_t>(k)) {}
  TieKind kind() const { return static_cast<TieKind>(kind_bits); }
  uint32_t to : 30;
  uint32_t kind_bits : 2;
};
static_assert(sizeof(Tie) == 4);

// A block holds at least this many ties (2 MiB of scratch): below it, one block does.
constexpr size_t kMinBlockTies = size_t{1} << 19;

// The ties reduced to weighted edges sorted by (from, to), without a hash table or a sort of
// millions of ties: a counting sort lays each block's ties out by source, a per-target stamp
// merges each source's ties, and only each source's distinct targets are sorted.
class EdgeCollector {
 public:
  EdgeCollector(const model::Dataset& data, const InteractionGraph& graph, size_t max_blocks)
      : data_(data),
        graph_(graph),
        begin_(static_cast<size_t>(graph.node_count()) + 1, 0),
        seen_(graph.node_count(), model::kNone),
        slot_(graph.node_count()) {
    const uint32_t nodes = graph.node_count();
    ForEachTie(data, graph, [&](uint32_t from, uint32_t, TieKind) { ++begin_[from + 1]; });
    for (size_t u = 1; u < begin_.size(); ++u)
      begin_[u] += begin_[u - 1];
    const size_t limit = std::max(kMinBlockTies, (begin_.back() + max_blocks - 1) / max_blocks);
    block_first_.push_back(0);
    for (uint32_t u = 0; u < nodes; ++u) {
      if (u > block_first_.back() && begin_[u + 1] - begin_[block_first_.back()] > limit)
        block_first_.push_back(u);
    }
    block_first_.push_back(nodes);
    size_t largest = 0;
    for (size_t b = 0; b + 1 < block_first_.size(); ++b)
      largest = std::max(largest, begin_[block_first_[b + 1]] - begin_[block_first_[b]]);
    ties_.reserve(largest + 1);
  }

  // Call once.
  EdgeList Collect() {
    const size_t blocks = block_first_.size() - 1;
    // Where each block's edges start: the distinct targets of the sources before it.
    std::vector<size_t> first_edge(blocks + 1, 0);
    for (size_t b = 0; b < blocks; ++b) {
      Scatter(b);
      first_edge[b + 1] = first_edge[b] + CountDistinct(b);
    }
    EdgeList edges(first_edge[blocks]);
    std::fill(seen_.begin(), seen_.end(), model::kNone);
    // The last block's ties are still laid out: it goes first, then the others from the start.
    for (size_t k = 0; k < blocks; ++k) {
      const size_t b = (blocks - 1 + k) % blocks;
      if (k > 0)
        Scatter(b);
      Merge(b, first_edge[b], &edges);
    }
    return edges;
  }

 private:
  // Source u's ties, once its block is scattered.
  std::span<const Tie> Row(uint32_t u, uint32_t block_first) const {
    return {ties_.data() + (begin_[u] - begin_[block_first]), begin_[u + 1] - begin_[u]};
  }

  // Lays out the ties of block b's sources by source. Every tie is visited and written, the
  // other blocks' to a last slot, unread: a test of the source would mispredict at random.
  void Scatter(size_t b) {
    const uint32_t lo = block_first_[b];
    const uint32_t width = block_first_[b + 1] - lo;
    const size_t first = begin_[lo];
    ties_.resize(begin_[lo + width] - first + 1);
    std::vector<size_t> next(width + 1, ties_.size() - 1);
    for (uint32_t u = 0; u < width; ++u)
      next[u] = begin_[lo + u] - first;
    Tie* const out = ties_.data();
    size_t* const at = next.data();
    ForEachTie(data_, graph_, [out, at, lo, width](uint32_t from, uint32_t to, TieKind kind) {
      const uint32_t row = std::min(from - lo, width);  // width for a source outside the block.
      out[at[row]] = Tie(to, kind);
      at[row] += row != width;
    });
  }

  // The distinct targets of each source of block b, summed (the block scattered).
  size_t CountDistinct(size_t b) {
    size_t distinct = 0;
    for (uint32_t u = block_first_[b]; u < block_first_[b + 1]; ++u) {
      for (const Tie& t : Row(u, block_first_[b])) {
        distinct += seen_[t.to] != u;
        seen_[t.to] = u;
      }
    }
    return distinct;
  }

  // Writes the edges of block b (scattered) from (*edges)[at] on. Each source's are summed in
  // full width in row_, then set in order.
  void Merge(size_t b, size_t at, EdgeList* edges) {
    for (uint32_t u = block_first_[b]; u < block_first_[b + 1]; ++u) {
      row_.clear();
      for (const Tie& t : Row(u, block_first_[b])) {
        if (seen_[t.to] != u) {
          seen_[t.to] = u;
          slot_[t.to] = static_cast<uint32_t>(row_.size());
          row_.push_back({u, t.to, {}});
        }
        AddTie(t.kind(), &row_[slot_[t.to]].weights);
      }
      std::sort(row_.begin(), row_.end(), [](const Edge& x, const Edge& y) { return x.to < y.to; });
      for (const Edge& e : row_)
        edges->Set(at++, e);
    }
  }

  const model::Dataset& data_;
  const InteractionGraph& graph_;
  std::vector<size_t> begin_;          // Per source: where its ties start, over all sources.
  std::vector<uint32_t> block_first_;  // The first source of each block, then the node count.
  std::vector<uint32_t> seen_;         // Per target: the source whose row last saw it...
  std::vector<uint32_t> slot_;         // ...and its edge in row_.
  std::vector<Tie> ties_;              // The block's, laid out by source.
  std::vector<Edge> row_;              // One source's edges, being summed.
};

}  // namespace

EdgeList EdgesOf(const model::Dataset& data, const InteractionGraph& graph, size_t max_blocks) {
  return EdgeCollector(data, graph, max_blocks).Collect();
}

}  // namespace meshcheck::graph
