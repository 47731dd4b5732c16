// Roles that put the host set in question (ANALYSIS.md C.2 item 5 flags, B.1 items 4 and 12).
#pragma once

#include <cstdint>
#include <vector>

#include "graph/interaction_graph.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/peer_network.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

// Is the host the only bridge (C.2 item 5, B.1 item 4's articulation check)? Over the reply
// ties between people, without the hosts: the groups of members that remain, and how many of
// those holding >= kBridgeMinComponentShare of the posters a host has a reply tie into.
struct HostBridge {
  uint32_t posters = 0;         // People who posted.
  uint32_t largest_group = 0;   // Members in the largest group left without the hosts.
  uint32_t second_group = 0;    // ...in the second largest.
  uint32_t bridged_groups = 0;  // Large groups a host ties into.
  bool only_bridge = false;     // bridged_groups >= 2.
};

struct Roles {
  HostBridge bridge;
  // Members with the answer-person signature (B.1 item 12): possible undeclared staff.
  std::vector<uint32_t> staff_candidates;  // Member indices, ascending.
};

Roles ComputeRoles(const model::Dataset& data,
                   const graph::InteractionGraph& graph,
                   const GroupFacts& facts,
                   const HostSet& hosts,
                   const std::vector<PeerTie>& ties);

}  // namespace meshcheck::metrics
