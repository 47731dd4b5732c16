// The part of the interaction graph that a page draws (web/layout.js): the most active people
// and the strongest ties between them, cut from the graph while the analysis holds its edges
// (session/analysis.h), so that neither the page nor the core holds the whole graph for it
// afterwards (1.07 million edge lines, 41 MB of text, for the 200 MB WhatsApp bench export).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/interaction_graph.h"
#include "meshcheck/network_cut.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "model/dataset.h"

namespace meshcheck::report {

// What the page draws at most: beyond these, a drawing is unreadable and its layout slow.
inline constexpr size_t kDrawnPeople = 4000;
inline constexpr size_t kDrawnTies = 12000;

// Whether member `member` has a node line in the edge list (RenderEdgeList): a person who posted,
// or a host.
bool HasNodeLine(const model::Dataset& data,
                 const metrics::GroupFacts& facts,
                 const metrics::HostSet& hosts,
                 uint32_t member);
// Whether edge `e` is in the edge list: between two people (bots never appear).
bool IsPeopleEdge(const model::Dataset& data, const graph::Edge& e);

// The network of RenderEdgeList's lines, cut:
// - people: everyone with a node line or in an edge line; kept: the first `max_people` of them,
//   hosts first, then by messages (the node line's; 0 for people only in edge lines,
//   descending), then by member index;
// - ties: the distinct unordered pairs of two different people in edge lines, each weighing
//   the replies, mentions and reactions of its edge lines in both directions; kept: the
//   `max_ties` heaviest between kept people (ties broken by the pair, lowest first), heaviest
//   first.
// `edges`: the graph's, sorted by source, then target (as InteractionGraph::edges()). Time
// O(E log max_ties + P log P) for E edges and P people; memory O(E + P + max_ties) (4 bytes per
// edge to find each edge's reverse).
NetworkCut CutNetwork(const model::Dataset& data,
                      const metrics::GroupFacts& facts,
                      const metrics::HostSet& hosts,
                      const graph::EdgeList& edges,
                      size_t max_people,
                      size_t max_ties);

}  // namespace meshcheck::report
