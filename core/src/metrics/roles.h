// Roles: those that put the host set in question (ANALYSIS.md C.2 item 5 flags, B.1 items 4
// and 12), and every poster's role in the group (connectors, peer helpers, regulars,
// newcomers, one-time posters; metrics/params.h defines them).
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

enum RoleBit : uint8_t {
  kRoleHost = 1,
  kRoleConnector = 2,
  kRolePeerHelper = 4,
  kRoleRegular = 8,
  kRoleNewcomer = 16,
  kRoleOneTime = 32,
};
inline constexpr RoleBit kAllRoles[] = {kRoleHost,    kRoleConnector, kRolePeerHelper,
                                        kRoleRegular, kRoleNewcomer,  kRoleOneTime};
const char* RoleName(RoleBit role);  // "host", "connector", "peer_helper", ...

// What one person who posted did.
struct Person {
  uint32_t member = 0;
  uint8_t roles = 0;  // RoleBit flags.
  uint32_t messages = 0;
  uint32_t replies_to_members = 0;  // Replies written to non-host people.
  uint32_t replies_received = 0;    // Replies from other people.
  uint32_t peer_answers = 0;        // Discussions others started where they answered first.
  uint32_t people_answered = 0;     // Distinct people they replied to.
  uint32_t active_weeks = 0;        // Distinct weeks (of the export's calendar) with a message.
};

struct Roles {
  HostBridge bridge;
  // Members with the answer-person signature (B.1 item 12): possible undeclared staff.
  std::vector<uint32_t> staff_candidates;  // Member indices, ascending.
  std::vector<Person> people;              // Every person who posted, by member index.
  std::vector<uint32_t> recognise;         // Indices into `people`: whom to recognise first.
};

// What the answer-person signature (B.1 item 12) reads from the conversations, per member:
// counted apart, so that the conversation numbers and the peer network can be freed before the
// edges are collected.
struct AnsweringCounts {
  std::vector<uint32_t> messages;       // Messages in conversations others started.
  std::vector<uint32_t> conversations;  // Non-host people: conversations written in...
  std::vector<uint32_t> answering;      // ...of which others started.
};

// One walk conversation by conversation: reads graph.ConversationMessages, so call before
// ReleaseConversationMessages.
AnsweringCounts CountAnswering(const model::Dataset& data,
                               const graph::InteractionGraph& graph,
                               const HostSet& hosts);

// Reads the graph's edges only.
Roles ComputeRoles(const model::Dataset& data,
                   const graph::InteractionGraph& graph,
                   const GroupFacts& facts,
                   const HostSet& hosts,
                   const AnsweringCounts& answering,
                   const std::vector<uint32_t>& first_answerers,  // FirstAnswerers() (grouping.h)
                   const PeerPairs& ties);

}  // namespace meshcheck::metrics
