// The structural measures of ANALYSIS.md B.1: who replies to whom, who starts discussions,
// whether members' ties survive without the host, how centralized the network is, and the
// practical test of host silence. Bots never count as people. Each measure carries the counts
// behind it.
#pragma once

#include <vector>

#include "graph/interaction_graph.h"
#include "metrics/facts.h"
#include "metrics/host_calendar.h"
#include "metrics/hosts.h"
#include "metrics/measure.h"
#include "metrics/tally.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

struct StructureMeasures {
  Measure peer_reply_share;           // PRS = |R_peer| / |R| (B.1 item 5).
  Measure peer_reciprocity;           // PRC (B.1 item 2).
  Measure member_initiated;           // MIS (B.1 items 5 and 7).
  Measure organic_response;           // ORR (B.1 item 5).
  Measure degree_centralization;      // Freeman, undirected (B.1 item 1); diagnostic only.
  Measure host_share;                 // Share of person-to-person interactions involving a host.
  Measure host_response;              // HRR (B.1 item 5).
  Measure host_removed_connectivity;  // HRC on repeated ties, fixed window (B.1 item 4).
  Measure host_silent_survival;       // HSR, the practical test (B.1 item 9).
  Measure hostless_conversations;     // MOC (B.1 item 5).
  Measure sustained_discussions;      // Discussions with >= 3 people (B.1 item 7).
  uint64_t reply_links = 0;           // |R|: person-to-person replies, explicit or inferred.
};

// The measures a tally defines (all but centralization and host share, left unavailable).
StructureMeasures MeasuresOf(const Tally& tally);

// The headline measures: MeasuresOf(table.all), HSR's evidence with the calendar's silent
// windows and missing days, and the graph's centralization and host share.
StructureMeasures ComputeStructure(const model::Dataset& data,
                                   const graph::InteractionGraph& graph,
                                   const GroupFacts& facts,
                                   const HostSet& hosts,
                                   const HostCalendar& calendar,
                                   const TallyTable& table);
// The same, building the calendar and an unpartitioned tally first.
StructureMeasures ComputeStructure(const model::Dataset& data,
                                   const graph::InteractionGraph& graph,
                                   const GroupFacts& facts,
                                   const HostSet& hosts);

// Freeman degree centralization of an undirected simple graph given its node degrees:
// sum(d_max - d_i) / ((n - 1)(n - 2)). Requires n >= 3.
double FreemanCentralization(const std::vector<uint32_t>& degrees);

}  // namespace meshcheck::metrics
