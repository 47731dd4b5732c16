// Small counting tools shared by the measures, linear and cache-friendly at millions of
// messages (no hash set per message).
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "base/radix_sort.h"
#include "graph/interaction_graph.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

// Who each member is, one byte each: a cache-friendly copy of Member::is_bot (IsPerson) and
// HostSet::is_host for loops over millions of messages.
class Kinds {
 public:
  Kinds(const model::Dataset& data, const HostSet& hosts) : kind_(data.members().size(), 0) {
    for (size_t m = 0; m < kind_.size(); ++m) {
      kind_[m] = static_cast<uint8_t>((IsPerson(data.members()[m]) ? kPerson : 0) |
                                      (hosts.is_host[m] ? kHost : 0));
    }
  }
  bool person(uint32_t m) const { return kind_[m] & kPerson; }
  bool host(uint32_t m) const { return kind_[m] & kHost; }
  // A person who is not a host.
  bool peer(uint32_t m) const { return kind_[m] == kPerson; }

 private:
  static constexpr uint8_t kPerson = 1;
  static constexpr uint8_t kHost = 2;
  std::vector<uint8_t> kind_;
};

// For walks conversation by conversation, whose messages are scattered across the export:
// asks the cache for the records of conversation `c` (if any) ahead of their use. A hint only;
// walks ask for the conversation kPrefetchConversations ahead of the current one.
inline constexpr size_t kPrefetchConversations = 4;
inline void PrefetchConversation(const graph::InteractionGraph& graph,
                                 const model::Dataset& data,
                                 size_t c) {
  if (c >= graph.conversation_root().size())
    return;
  for (uint32_t i : graph.ConversationMessages(static_cast<uint32_t>(c)))
    __builtin_prefetch(&data.messages()[i]);
}

// Per conversation of `graph`: its first answerer, the first person other than the opener to
// post a message in it (system messages aside), in message order (time order within a
// conversation); model::kNone where nobody answered or the opener is not a person. One
// sequential walk over the messages.
inline std::vector<uint32_t> FirstAnswerers(const model::Dataset& data,
                                            const graph::InteractionGraph& graph,
                                            const Kinds& kinds) {
  const auto& messages = data.messages();
  const auto& roots = graph.conversation_root();
  std::vector<uint32_t> first(roots.size(), model::kNone);
  std::vector<uint8_t> done(roots.size());
  for (uint32_t c = 0; c < roots.size(); ++c)
    done[c] = !kinds.person(messages[roots[c]].author);
  for (uint32_t i = 0; i < messages.size(); ++i) {
    const uint32_t c = graph.conversation()[i];
    if (c == model::kNone || done[c])
      continue;
    const uint32_t a = messages[i].author;
    if (a == messages[roots[c]].author || !kinds.person(a) || messages[i].is_system())
      continue;
    first[c] = a;
    done[c] = 1;
  }
  return first;
}

// Sees each person once per group: a per-person stamp instead of a set of (group, person).
// Valid when a group, once left, never comes back: conversations walked one after another,
// or weeks and periods walked in time order.
class FirstInGroup {
 public:
  explicit FirstInGroup(size_t people) : last_(people, kNever) {}
  // True the first time `person` is seen in `group`.
  bool operator()(uint32_t person, uint64_t group) {
    if (last_[person] == group)
      return false;
    last_[person] = group;
    return true;
  }

 private:
  static constexpr uint64_t kNever = std::numeric_limits<uint64_t>::max();
  std::vector<uint64_t> last_;
};

// Walks the conversations in order, each one's messages in time order (system messages are in
// none), and calls f(c, author, first) for each message: `first` the first time its author
// wrote in conversation c. The records are read in a scattered order, so the walk asks for
// them ahead. Reads graph.ConversationMessages.
template <typename F>
void WalkConversations(const model::Dataset& data, const graph::InteractionGraph& graph, F f) {
  const auto& messages = data.messages();
  const auto conversations = static_cast<uint32_t>(graph.conversation_root().size());
  FirstInGroup in_conversation(data.members().size());
  for (uint32_t c = 0; c < conversations; ++c) {
    PrefetchConversation(graph, data, c + kPrefetchConversations);
    for (uint32_t i : graph.ConversationMessages(c)) {
      const uint32_t a = messages[i].author;
      f(c, a, in_conversation(a, c));
    }
  }
}

// A block value meaning "in no block": seen there, it is never left out (the jackknife's
// undated conversations).
inline constexpr uint32_t kKeepBlock = model::kNone - 1;

// Where something was seen among blocks, for the jackknife: in exactly one block (it goes when
// that block is left out), or not (it always stays). Order does not matter.
class BlockPresence {
 public:
  void See(uint32_t block) {
    if (!seen_) {
      seen_ = true;
      block_ = block;
    } else if (block != block_) {
      block_ = kKeepBlock;
    }
  }
  bool seen() const { return seen_; }
  // The block whose removal removes it, or kKeepBlock.
  uint32_t sole_block() const { return seen_ ? block_ : kKeepBlock; }

 private:
  bool seen_ = false;
  uint32_t block_ = kKeepBlock;
};

using base::StableSortByKey;

// Per member (of `members`): the number of distinct people tied to it by an edge with
// keep(edge), either way: out-degree + in-degree - mutual pairs. Linear: the edges come sorted
// by (from, to), and a counting sort lists each member's sources in ascending order.
template <typename Keep>
std::vector<uint32_t> UndirectedDegrees(const graph::InteractionGraph& graph,
                                        size_t members,
                                        Keep keep) {
  const auto& edges = graph.edges();
  std::vector<uint32_t> begin(members + 1, 0);
  for (const graph::Edge& e : edges) {
    if (keep(e))
      ++begin[e.to + 1];
  }
  for (size_t m = 1; m <= members; ++m)
    begin[m] += begin[m - 1];
  std::vector<uint32_t> sources(begin.back());
  std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
  for (const graph::Edge& e : edges) {
    if (keep(e))
      sources[next[e.to]++] = e.from;
  }
  std::vector<uint32_t> degree(members, 0);
  for (size_t m = 0; m < members; ++m)
    degree[m] = begin[m + 1] - begin[m];  // In-degree.
  for (size_t k = 0; k < edges.size();) {
    const uint32_t u = edges[k].from;
    uint32_t in = begin[u];
    for (; k < edges.size() && edges[k].from == u; ++k) {
      if (!keep(edges[k]))
        continue;
      while (in < begin[u + 1] && sources[in] < edges[k].to)
        ++in;
      // Out-degree, less the targets that are also sources (counted once already).
      degree[u] += in < begin[u + 1] && sources[in] == edges[k].to ? 0 : 1;
    }
  }
  return degree;
}

}  // namespace meshcheck::metrics
