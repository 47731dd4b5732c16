#include "graph/interaction_graph.h"

#include <algorithm>

#include "base/free_memory.h"
#include "base/phase_timer.h"
#include "graph/disjoint_sets.h"
#include "graph/edge_collection.h"

namespace meshcheck::graph {

InteractionGraph InteractionGraph::Build(const model::Dataset& data,
                                         const InferenceOptions& inference,
                                         EdgeCollection edges) {
  const base::ScopedPhase phase(base::Phase::kGraph);
  const auto& messages = data.messages();
  const size_t n = messages.size();
  InteractionGraph g;
  g.messages_ = &messages;
  g.node_count_ = static_cast<uint32_t>(data.members().size());
  // Each per-message array is allocated when its stage begins and each stage's scratch is
  // freed before the next, so Build never holds more than its result's size (wasm memory never
  // shrinks).
  g.parent_.assign(n, model::kNone);
  g.inferred_.assign(n, false);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t target = data.parent(i);
    if (!messages[i].is_system() && target != model::kNone && !messages[target].is_system())
      g.parent_[i] = target;
  }
  g.inferred_channel_ = ChannelsToInfer(data, inference);
  InferTurns(data, inference, g.inferred_channel_, edges != EdgeCollection::kNone, &g.parent_,
             &g.inferred_, &g.inference_);

  g.NumberConversations(data);
  g.ListConversations();
  g.edges_pending_ = edges == EdgeCollection::kLater;
  if (edges == EdgeCollection::kNow)
    g.edges_ = EdgesOf(data, g);
  return g;
}

void InteractionGraph::CollectEdges(const model::Dataset& data) {
  if (!edges_pending_)
    return;
  const base::ScopedPhase phase(base::Phase::kGraph);
  edges_pending_ = false;
  base::ReturnFreedMemory();  // What the stages before freed: the edges are the largest part.
  edges_ = EdgesOf(data, *this);
}

void InteractionGraph::ReleaseConversationMessages() {
  std::vector<uint32_t>().swap(conversation_begin_);
  std::vector<uint32_t>().swap(conversation_messages_);
}

void InteractionGraph::ReleaseConversations() {
  ReleaseConversationMessages();
  std::vector<uint32_t>().swap(conversation_);
}

void InteractionGraph::ReleaseReplies() {
  std::vector<uint32_t>().swap(parent_);
  std::vector<bool>().swap(inferred_);
}

void InteractionGraph::NumberConversations(const model::Dataset& data) {
  const auto& messages = data.messages();
  const size_t n = messages.size();
  // The numbers are allocated before the union-find's scratch, which then goes on top of them
  // and is freed there: in wasm the peer network built next reuses that room.
  conversation_.assign(n, model::kNone);
  // Union-find over message indices, so that links pointing forward in time (clock skew
  // between exports) still merge; the earliest message becomes the root.
  DisjointSets sets(n);
  for (uint32_t i = 0; i < n; ++i) {
    const model::MessageRecord& m = messages[i];
    if (m.is_system())
      continue;
    if (parent_[i] != model::kNone)
      sets.Union(i, parent_[i]);
    const uint32_t root = data.thread(i);
    if (root != model::kNone && !messages[root].is_system())
      sets.Union(i, root);
  }
  // Threads that live in their own channel (Discord thread files): one conversation each.
  std::vector<uint32_t> first_in_channel(data.channels().size(), model::kNone);
  for (uint32_t i = 0; i < n; ++i) {
    const model::MessageRecord& m = messages[i];
    const uint32_t channel = data.channel_of(i);
    if (m.is_system() || data.channels()[channel].kind != model::ChannelKind::kThread)
      continue;
    uint32_t& first = first_in_channel[channel];
    if (first == model::kNone) {
      first = i;
    } else {
      sets.Union(i, first);
    }
  }

  // A root is the earliest message of its set and speaks (only people's messages are joined),
  // so it is numbered before the rest of its conversation.
  size_t roots = 0;
  for (uint32_t i = 0; i < n; ++i)
    roots += !messages[i].is_system() && sets.Find(i) == i;
  conversation_root_.reserve(roots);
  for (uint32_t i = 0; i < n; ++i) {
    if (messages[i].is_system())
      continue;
    const uint32_t root = sets.Find(i);
    if (root == i) {
      conversation_[i] = static_cast<uint32_t>(conversation_root_.size());
      conversation_root_.push_back(i);
    } else {
      conversation_[i] = conversation_[root];
    }
  }
}

void InteractionGraph::ListConversations() {
  // Messages by conversation (counting sort: each keeps time order).
  conversation_begin_.assign(conversation_root_.size() + 1, 0);
  for (uint32_t c : conversation_) {
    if (c != model::kNone)
      ++conversation_begin_[c + 1];
  }
  for (size_t c = 1; c < conversation_begin_.size(); ++c)
    conversation_begin_[c] += conversation_begin_[c - 1];
  conversation_messages_.resize(conversation_begin_.back());
  std::vector<uint32_t> next(conversation_begin_.begin(), conversation_begin_.end() - 1);
  for (uint32_t i = 0; i < conversation_.size(); ++i) {
    if (conversation_[i] != model::kNone)
      conversation_messages_[next[conversation_[i]]++] = i;
  }
}

}  // namespace meshcheck::graph
