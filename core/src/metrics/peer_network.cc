#include "metrics/peer_network.h"

#include <algorithm>
#include <utility>

#include "graph/disjoint_sets.h"
#include "metrics/grouping.h"

namespace meshcheck::metrics {
namespace {

// How far ahead the walk over the messages asks for the rows it is about to write.
constexpr uint32_t kPrefetchMessages = 16;

// Largest components of many small edge sets over one large node range: the union-find and
// its counters are reset only where a round touched them.
class ComponentCounter {
 public:
  explicit ComponentCounter(size_t members)
      : sets_(members), counted_(members, 0), count_(members, 0) {}

  // Over the edges[i] with keep(i).
  template <typename Keep>
  uint32_t Largest(const PeerPairs& edges, Keep keep) {
    for (size_t i = 0; i < edges.size(); ++i) {
      if (!keep(i))
        continue;
      sets_.Union(edges[i].first, edges[i].second);
      touched_.push_back(edges[i].first);
      touched_.push_back(edges[i].second);
    }
    uint32_t largest = 0;
    for (uint32_t x : touched_) {
      if (counted_[x])
        continue;
      counted_[x] = 1;
      largest = std::max(largest, ++count_[sets_.Find(x)]);
    }
    for (uint32_t x : touched_) {
      counted_[x] = 0;
      count_[sets_.Find(x)] = 0;
    }
    for (uint32_t x : touched_)
      sets_.Isolate(x);
    touched_.clear();
    return largest;
  }

 private:
  graph::DisjointSets sets_;
  std::vector<uint8_t> counted_;
  std::vector<uint32_t> count_;
  std::vector<uint32_t> touched_;
};

// The largest component of a graph once without each of `blocks` sets of edges at a time (the
// jackknife's leave-one-block-out graphs), all at once: an edge missing from the replicates of
// a few blocks is present in at most three ranges of the others, so offline over a segment tree
// of blocks, each edge is joined in O(log blocks) nodes, and a depth-first walk joins a node's
// edges on entry and undoes them on exit (union by size, no path compression, so that a union
// can be undone). O((edges + removals log blocks) log members), instead of a union-find over
// all edges per block.
class ComponentsWithout {
 public:
  // Per block b < blocks: the largest component over edges[t] for t not in without[b].
  static std::vector<uint32_t> Largest(const PeerPairs& edges,
                                       const std::vector<std::vector<uint32_t>>& without,
                                       size_t members) {
    const auto blocks = static_cast<uint32_t>(without.size());
    std::vector<uint32_t> out(blocks, 0);
    if (blocks == 0)
      return out;
    ComponentsWithout c(members, blocks);
    // Each edge's missing blocks, ascending (rows filled block by block); few, usually none.
    std::vector<uint32_t> begin(edges.size() + 1, 0);
    for (const std::vector<uint32_t>& ties : without) {
      for (uint32_t t : ties)
        ++begin[t + 1];
    }
    for (size_t t = 1; t < begin.size(); ++t)
      begin[t] += begin[t - 1];
    std::vector<uint32_t> missing(begin.back());
    std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
    for (uint32_t b = 0; b < blocks; ++b) {
      for (uint32_t t : without[b])
        missing[next[t]++] = b;
    }
    for (uint32_t t = 0; t < edges.size(); ++t) {
      uint32_t from = 0;
      for (uint32_t k = begin[t]; k < begin[t + 1]; ++k) {
        c.Add(1, 0, blocks, from, missing[k], t);
        from = missing[k] + 1;
      }
      c.Add(1, 0, blocks, from, blocks, t);
    }
    c.Walk(edges, 1, 0, blocks, &out);
    return out;
  }

 private:
  ComponentsWithout(size_t members, uint32_t blocks)
      : parent_(members), size_(members, 1), node_edges_(4 * static_cast<size_t>(blocks)) {
    for (size_t i = 0; i < members; ++i)
      parent_[i] = static_cast<uint32_t>(i);
  }

  // Puts edge t in the nodes covering blocks [from, to) of node `node` (blocks [lo, hi)).
  void Add(size_t node, uint32_t lo, uint32_t hi, uint32_t from, uint32_t to, uint32_t t) {
    if (from >= to || to <= lo || hi <= from)
      return;
    if (from <= lo && hi <= to) {
      node_edges_[node].push_back(t);
      return;
    }
    const uint32_t mid = lo + (hi - lo) / 2;
    Add(2 * node, lo, mid, from, to, t);
    Add(2 * node + 1, mid, hi, from, to, t);
  }

  void Walk(const PeerPairs& edges,
            size_t node,
            uint32_t lo,
            uint32_t hi,
            std::vector<uint32_t>* out) {
    const size_t mark = undo_.size();
    for (uint32_t t : node_edges_[node])
      Union(edges[t].first, edges[t].second);
    if (hi - lo == 1) {
      (*out)[lo] = largest_;
    } else {
      const uint32_t mid = lo + (hi - lo) / 2;
      Walk(edges, 2 * node, lo, mid, out);
      Walk(edges, 2 * node + 1, mid, hi, out);
    }
    while (undo_.size() > mark) {
      const Undo u = undo_.back();
      undo_.pop_back();
      size_[parent_[u.child]] -= size_[u.child];
      parent_[u.child] = u.child;
      largest_ = u.largest;
    }
  }

  uint32_t Find(uint32_t x) const {
    while (parent_[x] != x)
      x = parent_[x];
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b)
      return;
    if (size_[a] < size_[b])
      std::swap(a, b);
    undo_.push_back({b, largest_});
    parent_[b] = a;
    size_[a] += size_[b];
    largest_ = std::max(largest_, size_[a]);
  }

  struct Undo {
    uint32_t child;    // The root that was joined under another.
    uint32_t largest;  // largest_ before the union.
  };
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> size_;
  std::vector<std::vector<uint32_t>> node_edges_;  // Segment tree nodes, 1-based.
  std::vector<Undo> undo_;
  uint32_t largest_ = 0;  // Largest component with an edge (0: no edge yet).
};

// A per-conversation bucket list (a bucket, kKeepBlock or model::kNone each), read in
// the random conversation order of the events: one byte per conversation when the buckets fit
// (blocks of weeks and periods: a few dozen), which keeps the lookups in the faster caches.
class Buckets {
 public:
  Buckets(const std::vector<uint32_t>& of, uint32_t buckets)
      : of_(of), narrow_(buckets < kKeepCode) {
    if (!narrow_)
      return;
    codes_.resize(of.size());
    for (size_t c = 0; c < of.size(); ++c) {
      codes_[c] = of[c] == model::kNone ? kNoneCode
                  : of[c] == kKeepBlock ? kKeepCode
                                        : static_cast<uint8_t>(of[c]);
    }
  }
  uint32_t operator[](uint32_t c) const {
    if (!narrow_)
      return of_[c];
    const uint8_t code = codes_[c];
    return code < kKeepCode ? code : code == kKeepCode ? kKeepBlock : model::kNone;
  }

 private:
  static constexpr uint8_t kKeepCode = 254;
  static constexpr uint8_t kNoneCode = 255;
  const std::vector<uint32_t>& of_;
  const bool narrow_;
  std::vector<uint8_t> codes_;
};

}  // namespace

uint32_t LargestComponent(const PeerPairs& edges, size_t members) {
  ComponentCounter counter(members);
  return counter.Largest(edges, [](size_t) { return true; });
}

PeerNetwork::PeerNetwork(const model::Dataset& data,
                         const graph::InteractionGraph& graph,
                         const HostSet& hosts)
    : members_(data.members().size()) {
  const auto& messages = data.messages();
  const auto& conversation = graph.conversation();
  const Kinds kinds(data, hosts);
  auto peer = [&](uint32_t x) { return kinds.peer(x); };
  // A walk in message order fills a row of events per person a (the lower index of the pair);
  // SortRows then puts each in order. Only conversation() is read, so the conversations'
  // message lists may be freed before.
  event_begin_.assign(members_ + 1, 0);
  for (uint32_t i = 0; i < messages.size(); ++i) {
    const uint32_t a = messages[i].author;
    if (conversation[i] == model::kNone || !peer(a))
      continue;
    const uint32_t t = graph.ReplyTarget(i);
    if (t != model::kNone && peer(t))
      ++event_begin_[std::min(a, t) + 1];
  }
  for (size_t m = 1; m <= members_; ++m)
    event_begin_[m] += event_begin_[m - 1];
  events_.resize(event_begin_.back());
  {  // next_event goes before SortRows' scratch.
    std::vector<uint32_t> next_event(event_begin_.begin(), event_begin_.end() - 1);
    for (uint32_t i = 0; i < messages.size(); ++i) {
      // The rows are far apart: a miss each. Asked for ahead: the author's row, where the event
      // goes when the author has the lower index of the pair.
      if (i + kPrefetchMessages < messages.size())
        __builtin_prefetch(events_.data() + next_event[messages[i + kPrefetchMessages].author]);
      const uint32_t a = messages[i].author;
      const uint32_t c = conversation[i];
      if (c == model::kNone || !peer(a))
        continue;
      const uint32_t t = graph.ReplyTarget(i);
      if (t == model::kNone || !peer(t))
        continue;
      const uint32_t lo = std::min(a, t);
      events_[next_event[lo]++] = Event(std::max(a, t), c, a == lo);
    }
  }
  SortRows();
}

void PeerNetwork::SortRows() {
  // Events: a counting sort per row over the row's distinct partners (`slot` is indexed by
  // member and reset after each row, `row` holds one row at a time), then each pair's events by
  // conversation. Events of one pair and conversation are interchangeable.
  std::vector<uint32_t> slot(members_, 0);
  std::vector<uint32_t> partners;
  std::vector<Event> row;
  auto by_conversation = [](const Event& x, const Event& y) {
    return x.conversation < y.conversation;
  };
  for (size_t a = 0; a < members_; ++a) {
    const uint32_t first = event_begin_[a];
    const uint32_t end = event_begin_[a + 1];
    partners.clear();
    for (uint32_t k = first; k < end; ++k) {
      if (slot[events_[k].b]++ == 0)
        partners.push_back(events_[k].b);
    }
    if (partners.size() > 1) {
      std::sort(partners.begin(), partners.end());
      uint32_t at = 0;
      for (uint32_t b : partners)
        at += std::exchange(slot[b], at);
      row.assign(events_.begin() + first, events_.begin() + end);
      for (const Event& e : row)
        events_[first + slot[e.b]++] = e;
    }
    for (uint32_t b : partners)
      slot[b] = 0;
    for (uint32_t k = first; k < end;) {
      uint32_t j = k + 1;
      while (j < end && events_[j].b == events_[k].b)
        ++j;
      if (!std::is_sorted(events_.begin() + k, events_.begin() + j, by_conversation))
        std::sort(events_.begin() + k, events_.begin() + j, by_conversation);
      k = j;
    }
  }
}

template <typename F>
void PeerNetwork::ForEachPair(F f) const {
  for (uint32_t a = 0; a < members_; ++a) {
    const uint32_t end = event_begin_[a + 1];
    for (uint32_t i = event_begin_[a]; i < end;) {
      uint32_t j = i + 1;
      while (j < end && events_[j].b == events_[i].b)
        ++j;
      f(a, events_[i].b, i, j);
      i = j;
    }
  }
}

std::vector<Network> PeerNetwork::ByBucket(const std::vector<uint32_t>& bucket_of,
                                           uint32_t buckets) const {
  const Buckets bucket(bucket_of, buckets);
  std::vector<Network> out(buckets);
  std::vector<PeerPairs> repeated(buckets);
  ForEachPair([&](uint32_t a, uint32_t partner, uint32_t i, uint32_t j) {
    // One sub-run per bucket (buckets do not decrease along the run).
    uint32_t current = model::kNone;
    uint8_t mask = 0;
    uint32_t distinct = 0;
    uint32_t last = model::kNone;
    auto flush = [&] {
      if (current == model::kNone)
        return;
      Network& n = out[current];
      ++n.peer_pairs;
      n.mutual_peer_pairs += mask == 3;
      if (distinct >= 2) {
        ++n.repeated_ties;
        repeated[current].emplace_back(a, partner);
      }
    };
    for (uint32_t k = i; k < j; ++k) {
      const uint32_t b = bucket[events_[k].conversation];
      if (b == model::kNone)
        continue;
      if (b != current) {
        flush();
        current = b;
        mask = 0;
        distinct = 0;
        last = model::kNone;
      }
      mask |= events_[k].forward ? 1 : 2;
      if (events_[k].conversation != last) {
        ++distinct;
        last = events_[k].conversation;
      }
    }
    flush();
  });
  ComponentCounter counter(members_);
  for (uint32_t b = 0; b < buckets; ++b)
    out[b].largest_component = counter.Largest(repeated[b], [](size_t) { return true; });
  return out;
}

std::vector<Network> PeerNetwork::LeaveOneOut(const std::vector<uint32_t>& block_of,
                                              uint32_t blocks) const {
  const Buckets block(block_of, blocks);
  Network total;
  std::vector<uint64_t> lost_pairs(blocks, 0);
  std::vector<uint64_t> lost_mutual(blocks, 0);
  PeerPairs repeated;
  std::vector<std::vector<uint32_t>> killed(blocks);     // Per block: repeated ties it removes.
  std::vector<std::pair<uint32_t, uint32_t>> per_block;  // (block, distinct conversations).
  ForEachPair([&](uint32_t a, uint32_t partner, uint32_t i, uint32_t j) {
    BlockPresence direction[2];
    uint32_t distinct = 0;
    uint32_t last = model::kNone;
    per_block.clear();
    for (uint32_t k = i; k < j; ++k) {
      const uint32_t b = block[events_[k].conversation];
      if (b == model::kNone)
        continue;
      direction[events_[k].forward ? 0 : 1].See(b);
      if (events_[k].conversation == last)
        continue;
      last = events_[k].conversation;
      ++distinct;
      if (per_block.empty() || per_block.back().first != b)
        per_block.emplace_back(b, 0);
      ++per_block.back().second;
    }
    if (distinct == 0)
      return;
    const uint8_t mask =
        static_cast<uint8_t>((direction[0].seen() ? 1 : 0) | (direction[1].seen() ? 2 : 0));
    ++total.peer_pairs;
    total.mutual_peer_pairs += mask == 3;
    for (int d = 0; d < 2; ++d) {
      const uint32_t x = direction[d].sole_block();
      if (x == kKeepBlock || (d == 1 && x == direction[0].sole_block()))
        continue;  // Never lost, or already counted with direction 0.
      uint8_t left = mask;
      for (int e = 0; e < 2; ++e) {
        if (direction[e].sole_block() == x)
          left &= static_cast<uint8_t>(~(1 << e));
      }
      lost_pairs[x] += left == 0;
      lost_mutual[x] += mask == 3 && left != 3;
    }
    if (distinct >= 2) {
      const auto t = static_cast<uint32_t>(repeated.size());
      repeated.emplace_back(a, partner);
      for (const auto& [b, count] : per_block) {
        if (b != kKeepBlock && distinct - count < 2)
          killed[b].push_back(t);
      }
    }
  });
  ComponentCounter counter(members_);
  total.repeated_ties = repeated.size();
  total.largest_component = counter.Largest(repeated, [](size_t) { return true; });

  std::vector<Network> out(blocks, total);
  const std::vector<uint32_t> largest = ComponentsWithout::Largest(repeated, killed, members_);
  for (uint32_t b = 0; b < blocks; ++b) {
    Network& n = out[b];
    n.peer_pairs -= lost_pairs[b];
    n.mutual_peer_pairs -= lost_mutual[b];
    n.repeated_ties -= killed[b].size();
    n.largest_component = largest[b];
  }
  return out;
}

size_t PeerNetwork::PairCount() const {
  size_t pairs = 0;
  ForEachPair([&](uint32_t, uint32_t, uint32_t, uint32_t) { ++pairs; });
  return pairs;
}

std::vector<PeerTie> PeerNetwork::Ties(const std::vector<uint32_t>& chosen) const {
  std::vector<PeerTie> out;
  out.reserve(PairCount());
  ForEachPair([&](uint32_t a, uint32_t b, uint32_t i, uint32_t j) {
    PeerTie t{a, b, 0, 0};
    uint32_t last = model::kNone;
    for (uint32_t k = i; k < j; ++k) {
      const uint32_t c = events_[k].conversation;
      if (c == last)
        continue;
      last = c;
      ++t.conversations;
      t.chosen_conversations += chosen[c] != model::kNone;
    }
    out.push_back(t);
  });
  return out;
}

PeerPairs PeerNetwork::TiePairs() const {
  PeerPairs out;
  out.reserve(PairCount());
  ForEachPair([&](uint32_t a, uint32_t b, uint32_t, uint32_t) { out.emplace_back(a, b); });
  return out;
}

}  // namespace meshcheck::metrics
