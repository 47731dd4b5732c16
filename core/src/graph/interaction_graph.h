// InteractionGraph: who responds to whom, built from the Dataset. Nodes are member indices;
// edges are directed and weighted by kind. The graph never knows formats.
//
// Edges (self-loops never count, system messages never speak):
// - reply:    author(m) -> author(parent(m)), where parent(m) is m's explicit reply target or,
//             in a channel without reply links, the turn it answers by turn-taking inference
//             (ANALYSIS.md B.6, graph/turn_taking.h); such replies are also counted apart.
// - mention:  author(m) -> each person m mentions.
// - reaction: reactor -> author(m).
// A message in a thread without an explicit target answers the conversation, not the person
// who opened it (ANALYSIS.md C.7 fix 1): it joins the conversation but adds no reply edge.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/edge_list.h"
#include "graph/turn_taking.h"
#include "model/dataset.h"

namespace meshcheck::graph {

// What InteractionGraph::Build does about the edges.
enum class EdgeCollection {
  kNow,
  // Left for CollectEdges: for callers that free other parts of the graph first (the edges of
  // a large export are tens of megabytes).
  kLater,
  // Never: edges() stays empty and inference() counts no concurrency (kappa, stats.concurrent
  // stays 0), for callers that need only replies and conversations (the tallies).
  kNone,
};

class InteractionGraph {
 public:
  // `data` must be finalized, and outlive the graph (which reads its records). `inference`
  // parameterises turn-taking inference (the values the analysis uses are metrics::kInference,
  // metrics/params.h).
  static InteractionGraph Build(const model::Dataset& data,
                                const InferenceOptions& inference,
                                EdgeCollection edges = EdgeCollection::kNow);
  // Collects the edges that Build left for later (EdgeCollection::kLater), after returning the
  // memory freed so far to the system (base/free_memory.h); else does nothing. Reads parent()
  // and inferred(): call before ReleaseReplies.
  void CollectEdges(const model::Dataset& data);

  uint32_t node_count() const { return node_count_; }
  // Sorted by (from, to); one entry per ordered pair. Empty until collected (Build, or
  // CollectEdges).
  const EdgeList& edges() const { return edges_; }
  // Moves the edges out; edges() is empty afterwards.
  EdgeList TakeEdges() { return std::move(edges_); }

  // Per message of the dataset (same index): the message it answers or continues (explicit
  // reply target, or inferred), or model::kNone (none, or a system message on either side).
  const std::vector<uint32_t>& parent() const { return parent_; }
  // Per message: whether parent() was inferred by turn-taking (a bit each).
  const std::vector<bool>& inferred() const { return inferred_; }
  // The member message i replies to (author of parent(), explicit or inferred), or model::kNone
  // (no parent, a self-reply, a system message). Derived from parent(), not stored.
  uint32_t ReplyTarget(uint32_t i) const {
    const uint32_t p = parent_[i];
    if (p == model::kNone)
      return model::kNone;
    const uint32_t to = (*messages_)[p].author;
    return to != (*messages_)[i].author ? to : model::kNone;
  }
  // Per message: its conversation (reply tree or thread), or model::kNone for system messages.
  // Conversations are numbered in the order of their first message (so in time order).
  const std::vector<uint32_t>& conversation() const { return conversation_; }
  // Per conversation: the index of its first message.
  const std::vector<uint32_t>& conversation_root() const { return conversation_root_; }
  // The messages of conversation `c`, in time order (the root first).
  std::span<const uint32_t> ConversationMessages(uint32_t c) const {
    return {conversation_messages_.data() + conversation_begin_[c],
            conversation_begin_[c + 1] - conversation_begin_[c]};
  }

  // For the stages that need only the rest, each frees a part: from then on its accessors
  // must not be called. ReleaseConversationMessages: ConversationMessages.
  // ReleaseConversations: conversation() and ConversationMessages (conversation_root() stays).
  // ReleaseReplies: parent(), inferred() and so ReplyTarget.
  void ReleaseConversationMessages();
  void ReleaseConversations();
  void ReleaseReplies();

  // Per channel of the dataset: whether its replies were inferred.
  const std::vector<bool>& inferred_channel() const { return inferred_channel_; }
  const InferenceStats& inference() const { return inference_; }

 private:
  // Fills conversation_ and conversation_root_ from parent_.
  void NumberConversations(const model::Dataset& data);
  // Fills conversation_begin_ and conversation_messages_ from conversation_.
  void ListConversations();

  const base::RecordArray<model::MessageRecord>* messages_ = nullptr;  // The dataset's.
  uint32_t node_count_ = 0;
  bool edges_pending_ = false;  // Build left them to CollectEdges.
  EdgeList edges_;
  std::vector<uint32_t> parent_;
  std::vector<bool> inferred_;
  std::vector<uint32_t> conversation_;
  std::vector<uint32_t> conversation_root_;
  std::vector<uint32_t> conversation_begin_;     // Rows of conversation_messages_.
  std::vector<uint32_t> conversation_messages_;  // Message indices, by conversation.
  std::vector<bool> inferred_channel_;
  InferenceStats inference_;
};

}  // namespace meshcheck::graph
