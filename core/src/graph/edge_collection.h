// The weighted edges of a graph's ties: its replies (explicit or inferred), and the dataset's
// mentions and reactions. What InteractionGraph::edges() holds.
#pragma once

#include <cstddef>
#include <vector>

#include "graph/interaction_graph.h"
#include "model/dataset.h"

namespace meshcheck::graph {

// The blocks of sources the edges are collected in, at most. Each block after the first costs
// two more passes over the messages and links, and cuts the scratch of one tie per 4 bytes that
// lies beside the edges: in wasm, whose memory never shrinks, the whole of it sat at the heap's
// top (9 MiB of 125 for the 200 MB WhatsApp bench text, over the 128 MB bound). Natively it is
// returned to the system and one block does (graph_bench's analysis: 0.3-0.6 s more in four).
#ifdef __EMSCRIPTEN__
inline constexpr size_t kEdgeBlocks = 4;
#else
inline constexpr size_t kEdgeBlocks = 1;
#endif

// The edges, sorted by (from, to), one per ordered pair with a tie; self-ties never count.
// Reads graph.ReplyTarget() and inferred(): call before ReleaseReplies. `max_blocks` >= 1: a
// block holds at most 1/max_blocks of the ties, and at least 2^19 of them.
EdgeList EdgesOf(const model::Dataset& data,
                 const InteractionGraph& graph,
                 size_t max_blocks = kEdgeBlocks);

}  // namespace meshcheck::graph
