// The first structural measures of ANALYSIS.md B.1: who replies to whom, who starts
// discussions, how centralized the network is. Bots never count as people.
#pragma once

#include "graph/interaction_graph.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measure.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

struct StructureMeasures {
  Measure peer_reply_share;       // PRS = |R_peer| / |R| (B.1 item 5).
  Measure peer_reciprocity;       // PRC (B.1 item 2).
  Measure member_initiated;       // MIS (B.1 items 5 and 7).
  Measure organic_response;       // ORR (B.1 item 5).
  Measure degree_centralization;  // Freeman, undirected (B.1 item 1); diagnostic only.
  Measure host_share;             // Share of person-to-person interactions involving a host.
  Measure host_response;          // HRR (B.1 item 5).
  uint64_t reply_links = 0;       // |R|: person-to-person explicit replies.
};

StructureMeasures ComputeStructure(const model::Dataset& data,
                                   const graph::InteractionGraph& graph,
                                   const GroupFacts& facts,
                                   const HostSet& hosts);

// Freeman degree centralization of an undirected simple graph given its node degrees:
// sum(d_max - d_i) / ((n - 1)(n - 2)). Requires n >= 3.
double FreemanCentralization(const std::vector<uint32_t>& degrees);

}  // namespace meshcheck::metrics
