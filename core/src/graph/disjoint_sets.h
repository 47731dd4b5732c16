// DisjointSets: union-find over dense indices 0..n-1 (path halving; the smaller index becomes
// the root, so a set's root is its earliest element). Near-constant time per operation; used
// for conversations (graph) and for connected components (metrics).
#pragma once

#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace meshcheck::graph {

class DisjointSets {
 public:
  explicit DisjointSets(size_t n = 0) { Reset(n); }

  // Every element in a set of its own.
  void Reset(size_t n) {
    parent_.resize(n);
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  // Puts `x` back in a set of its own. Isolating every element a round of unions touched
  // restores all singletons, so one large structure serves many small rounds cheaply.
  void Isolate(uint32_t x) { parent_[x] = x; }

  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  // Merges the sets of a and b; returns false if they were already one.
  bool Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b)
      return false;
    if (b < a)
      std::swap(a, b);
    parent_[b] = a;
    return true;
  }
  size_t size() const { return parent_.size(); }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace meshcheck::graph
