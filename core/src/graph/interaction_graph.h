// InteractionGraph: who responds to whom, built from the Dataset. Nodes are member indices;
// edges are directed and weighted by kind. The graph never knows formats.
//
// Edges (self-loops never count, system messages never speak):
// - reply:    author(m) -> author(parent(m)) for an explicit reply.
// - mention:  author(m) -> each person m mentions.
// - reaction: reactor -> author(m).
// A message in a thread without an explicit target answers the conversation, not the person
// who opened it (ANALYSIS.md C.7 fix 1): it joins the conversation but adds no reply edge.
#pragma once

#include <cstdint>
#include <vector>

#include "model/dataset.h"

namespace meshcheck::graph {

struct EdgeWeights {
  uint32_t replies = 0;
  uint32_t mentions = 0;
  uint32_t reactions = 0;
};

struct Edge {
  uint32_t from;
  uint32_t to;
  EdgeWeights weights;
};

class InteractionGraph {
 public:
  // `data` must be finalized.
  static InteractionGraph Build(const model::Dataset& data);

  uint32_t node_count() const { return node_count_; }
  // Sorted by (from, to); one entry per ordered pair.
  const std::vector<Edge>& edges() const { return edges_; }

  // Per message of the dataset (same index): the member it explicitly replies to, or
  // model::kNone (no explicit target, self-reply, system message).
  const std::vector<uint32_t>& reply_target() const { return reply_target_; }
  // Per message: its conversation (reply tree or thread), or model::kNone for system messages.
  const std::vector<uint32_t>& conversation() const { return conversation_; }
  // Per conversation: the index of its first message.
  const std::vector<uint32_t>& conversation_root() const { return conversation_root_; }

 private:
  uint32_t node_count_ = 0;
  std::vector<Edge> edges_;
  std::vector<uint32_t> reply_target_;
  std::vector<uint32_t> conversation_;
  std::vector<uint32_t> conversation_root_;
};

}  // namespace meshcheck::graph
