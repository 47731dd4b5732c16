// The weighted edges of an interaction graph, and the list that holds them in 16 bytes each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace meshcheck::graph {

struct EdgeWeights {
  uint32_t replies = 0;
  uint32_t mentions = 0;
  uint32_t reactions = 0;
  uint32_t inferred_replies = 0;  // Among replies: inferred by turn-taking.
};

struct Edge {
  uint32_t from;
  uint32_t to;
  EdgeWeights weights;
};

// Edges in 16 bytes each instead of Edge's 24: weights below 2^16 - 1 are kept in 16 bits, and
// an edge with a larger one (a pair's replies over years: few edges) keeps its weights apart.
// In wasm, whose memory never shrinks, the edges' room sets the heap's top (24.5 MiB of 24-byte
// edges for the 200 MB WhatsApp bench text). Read by value: list[k] and iteration give Edges.
class EdgeList {
 public:
  class Iterator {
   public:
    Iterator(const EdgeList* list, size_t k) : list_(list), k_(k) {}
    Edge operator*() const { return (*list_)[k_]; }
    Iterator& operator++() {
      ++k_;
      return *this;
    }
    bool operator==(const Iterator& o) const { return k_ == o.k_; }
    bool operator!=(const Iterator& o) const { return k_ != o.k_; }

   private:
    const EdgeList* list_;
    size_t k_;
  };

  EdgeList() = default;
  // `size` edges, each to be Set once.
  explicit EdgeList(size_t size) : packed_(size) {}

  size_t size() const { return packed_.size(); }
  bool empty() const { return packed_.empty(); }
  Edge operator[](size_t k) const {
    const Packed& p = packed_[k];
    if (p.weights[0] == kWide)
      return {p.from, p.to, wide_[p.weights[1] | uint32_t{p.weights[2]} << 16]};
    return {p.from, p.to, {p.weights[0], p.weights[1], p.weights[2], p.weights[3]}};
  }
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, packed_.size()}; }

  void Set(size_t k, const Edge& e) {
    Packed& p = packed_[k];
    p.from = e.from;
    p.to = e.to;
    const EdgeWeights& w = e.weights;
    if (w.replies < kWide && w.mentions < kWide && w.reactions < kWide &&
        w.inferred_replies < kWide) {
      p.weights[0] = static_cast<uint16_t>(w.replies);
      p.weights[1] = static_cast<uint16_t>(w.mentions);
      p.weights[2] = static_cast<uint16_t>(w.reactions);
      p.weights[3] = static_cast<uint16_t>(w.inferred_replies);
      return;
    }
    const auto at = static_cast<uint32_t>(wide_.size());
    wide_.push_back(w);
    p.weights[0] = kWide;
    p.weights[1] = static_cast<uint16_t>(at);
    p.weights[2] = static_cast<uint16_t>(at >> 16);
    p.weights[3] = 0;
  }

 private:
  // weights[0] == kWide: the weights are wide_[weights[1] | weights[2] << 16].
  static constexpr uint16_t kWide = 0xFFFF;
  struct Packed {
    uint32_t from = 0;
    uint32_t to = 0;
    uint16_t weights[4] = {0, 0, 0, 0};  // replies, mentions, reactions, inferred_replies.
  };
  static_assert(sizeof(Packed) == 16);

  std::vector<Packed> packed_;
  std::vector<EdgeWeights> wide_;
};

}  // namespace meshcheck::graph
