// The replies between non-host people, conversation by conversation: what peer reciprocity
// (PRC, ANALYSIS.md B.1 item 2) and host-removed connectivity (HRC, B.1 item 4) are made of.
// Both can be computed over any set of conversations: all, a recent window, each period of the
// timeline, or all but one block of weeks at a time (the jackknife of C.3).
//
// Conversations are chosen, and grouped, by a per-conversation bucket that must not decrease
// with the conversation index. Time buckets never do (conversations are numbered in time
// order), which lets every computation here run in one pass over the sorted replies.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "graph/interaction_graph.h"
#include "metrics/grouping.h"
#include "metrics/hosts.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

// The peer network of a set of conversations.
struct Network {
  uint64_t peer_pairs = 0;         // Unordered non-host pairs with a reply either way (PRC).
  uint64_t mutual_peer_pairs = 0;  // ...with replies both ways (PRC).
  uint64_t repeated_ties = 0;      // ...who replied in >= 2 distinct conversations (HRC).
  uint32_t largest_component = 0;  // People in the largest connected group of repeated ties.
  // Non-host people who wrote in these conversations: not PeerNetwork's, which holds only
  // replies (it leaves 0), but the tallies' (CountTallyPosters, metrics/tally.h).
  uint32_t non_host_posters = 0;
};

// Two non-host people who replied to each other (either way): member indices, first < second.
using PeerPairs = std::vector<std::pair<uint32_t, uint32_t>>;

// A PeerPairs entry with the conversations it was made in (for the edge list).
struct PeerTie {
  uint32_t a = 0;  // Member indices, a < b.
  uint32_t b = 0;
  uint32_t conversations = 0;         // Distinct conversations with a reply between them...
  uint32_t chosen_conversations = 0;  // ...and among the chosen ones (see Ties).
};

class PeerNetwork {
 public:
  PeerNetwork(const model::Dataset& data,
              const graph::InteractionGraph& graph,
              const HostSet& hosts);

  // The network of each bucket: bucket_of[c] < buckets, or model::kNone to leave conversation
  // c out.
  std::vector<Network> ByBucket(const std::vector<uint32_t>& bucket_of, uint32_t buckets) const;
  // Per block b < blocks: the network of the chosen conversations without those of block b.
  // block_of[c]: a block, kKeepBlock (chosen but in no block: never left out, e.g. undated), or
  // model::kNone (not chosen).
  std::vector<Network> LeaveOneOut(const std::vector<uint32_t>& block_of, uint32_t blocks) const;
  // Every tie over all conversations, sorted by (a, b); chosen_conversations counts those with
  // chosen[c] != model::kNone.
  std::vector<PeerTie> Ties(const std::vector<uint32_t>& chosen) const;
  // Every tie's pair, sorted: half the memory of Ties, for what needs only who is tied.
  PeerPairs TiePairs() const;

 private:
  // A reply between two peers a < b, in 8 bytes: a is the row it lies in (event_begin_).
  // Conversation indices stay below 2^31: there are no more conversations than messages, and
  // 2^31 messages would take 56 GiB of records.
  struct Event {
    Event() {}  // Fields unset: the millions of events are sized, then filled by a scatter.
    Event(uint32_t partner, uint32_t c, bool a_replied)
        : b(partner), conversation(c), forward(a_replied) {}
    uint32_t b;                  // The pair's higher member index.
    uint32_t conversation : 31;  // Where the reply was written.
    uint32_t forward : 1;        // a replied to b (else b to a).
  };
  // Puts each row of events_ in (b, conversation) order. Call once, after the rows are filled.
  void SortRows();
  // Calls f(a, b, first, end) for the events [first, end) of each pair, in (a, b) order.
  template <typename F>
  void ForEachPair(F f) const;
  // The number of pairs: Ties and TiePairs reserve exactly that (in wasm, memory that has grown
  // never shrinks, so a vector's doubling would cost for good).
  size_t PairCount() const;

  std::vector<uint32_t> event_begin_;  // Per member a: its row of events_ (fewer than 2^32).
  std::vector<Event> events_;          // Sorted by (a, b, conversation).
  size_t members_ = 0;
};

// The number of people in the largest connected group formed by `edges` (member index pairs
// below `members`); 0 without edges. Union-find: near-linear.
uint32_t LargestComponent(const PeerPairs& edges, size_t members);

}  // namespace meshcheck::metrics
