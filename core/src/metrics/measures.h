// Every measure of a group (ANALYSIS.md B.1), computed once from the dataset, its graph, its
// facts and its hosts: the entry point of the metrics module.
#pragma once

#include <functional>
#include <vector>

#include "graph/interaction_graph.h"
#include "metrics/facts.h"
#include "metrics/host_calendar.h"
#include "metrics/hosts.h"
#include "metrics/participation.h"
#include "metrics/peer_network.h"
#include "metrics/response.h"
#include "metrics/roles.h"
#include "metrics/structure.h"
#include "metrics/tally.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

struct Measures {
  HostCalendar calendar;
  TallyTable table;  // The index's statistics, with jackknife blocks and timeline periods.
  StructureMeasures structure;
  ResponseMeasures responses;
  Participation participation;
  Roles roles;
  // Reply ties between non-host people over all conversations (PeerTies has their
  // conversations).
  PeerPairs ties;
  graph::InferenceStats inference;      // The graph's turn-taking inference (B.6)...
  std::vector<bool> inferred_channels;  // ...and, per channel, whether it was inferred.
};

// Called with a step's name when it is done ("peer network", ...): benchmarks time the steps.
using StepDone = std::function<void(const char* step)>;

// Takes the graph (move it in, or pass a copy): it frees the graph's parts, and its own
// auxiliaries, as soon as the remaining stages no longer need them, and collects the edges
// when the graph was built with EdgeCollection::kLater (after the peer network and the
// tallies, whose memory they then reuse). The peer network is built on a second thread, beside
// the host calendar and the measures of people (participation, responses), where the build has
// threads (native; not wasm). With `edges`, the graph's edges are moved there
// at the end instead of being freed.
Measures ComputeMeasures(const model::Dataset& data,
                         graph::InteractionGraph graph,
                         const GroupFacts& facts,
                         const HostSet& hosts,
                         const StepDone& step_done = {},
                         graph::EdgeList* edges = nullptr);

// The index's statistics over all conversations only (no blocks, no periods): what the
// sensitivity of the index to the inference window needs (B.6). Takes the graph as
// ComputeMeasures does, counts the posters from its conversation lists, and frees them before
// the peer network is built.
Tally ComputeTally(const model::Dataset& data,
                   graph::InteractionGraph graph,
                   const GroupFacts& facts,
                   const HostSet& hosts);

// Measures::ties with the distinct conversations of each, overall and in HRC's window (what the
// edge list writes). Reads the graph's conversation numbers and replies.
std::vector<PeerTie> PeerTies(const model::Dataset& data,
                              const graph::InteractionGraph& graph,
                              const GroupFacts& facts,
                              const HostSet& hosts);

}  // namespace meshcheck::metrics
