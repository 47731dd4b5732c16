// The tally: the sufficient statistics of the Community Index components (ANALYSIS.md C.1),
// gathered once over the conversations and days of a group and kept per block of weeks (for
// the jackknife of C.3) and per period (for the timeline). Counts add up; the peer networks
// (PRC, HRC) do not and are computed per set of conversations by PeerNetwork.
//
// A conversation belongs to the block and period of its first message; a day to its own.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/interaction_graph.h"
#include "metrics/calendar.h"
#include "metrics/facts.h"
#include "metrics/host_calendar.h"
#include "metrics/hosts.h"
#include "metrics/peer_network.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

struct Counts {
  uint64_t messages = 0;               // People's messages.
  uint64_t host_messages = 0;          // ...by hosts.
  uint64_t replies = 0;                // |R|: replies from one person to another (B.0).
  uint64_t peer_replies = 0;           // |R_peer|: neither end a host.
  uint64_t replies_to_host = 0;        // ...whose target is a host.
  uint64_t replies_by_host = 0;        // ...whose author is a host.
  uint64_t inferred_replies = 0;       // Among replies: inferred by turn-taking (B.6).
  uint64_t discussions = 0;            // Conversations started by a person with a second person in.
  uint64_t member_discussions = 0;     // ...started by a non-host (MIS).
  uint64_t member_first_answered = 0;  // ...whose first other voice is a non-host (ORR).
  uint64_t sustained_discussions = 0;  // Discussions with >= 3 people (B.1 item 7).
  uint64_t multi_party = 0;            // Conversations with >= 2 people (MOC's denominator).
  uint64_t multi_party_hostless = 0;   // ...without a host message (MOC).
  uint64_t posts_to_host = 0;          // Member roots and member replies to a host (HRR).
  uint64_t answered_by_host = 0;       // ...that a host answered directly (HRR).
  // Days (B.1 item 9): host-silent and host-active days and the peer replies written on them.
  uint64_t silent_days = 0;
  uint64_t active_days = 0;
  uint64_t silent_peer_replies = 0;
  uint64_t active_peer_replies = 0;

  Counts& operator+=(const Counts& o);
  Counts& operator-=(const Counts& o);
};

struct Tally {
  bool has_host = false;  // The group has a host (else HRR is undefined).
  Counts counts;
  Network peers;                   // PRC's network: over the tally's conversations.
  Network connectivity;            // HRC's network: over the tally's conversations in HRC's window.
  uint32_t connectivity_days = 0;  // That window in days (periods: 0, the whole period).
};

// What happened in a timeline period, by the time of each message.
struct PeriodActivity {
  uint32_t days = 0;  // Days of the group's span in the period.
  uint64_t host_messages = 0;
  uint64_t member_messages = 0;
  uint32_t active_posters = 0;   // People who posted in it.
  uint32_t active_non_host = 0;  // ...who are not hosts.
};

struct TallyTable {
  Tally all;
  DayBuckets blocks;             // Jackknife blocks (empty without dates or when not asked).
  std::vector<Tally> leave_out;  // Per block: the tally without it.
  DayBuckets periods;            // Timeline periods (idem).
  std::vector<Tally> by_period;  // Per period; HRC over the whole period.
  std::vector<PeriodActivity> activity;  // Per period.
};

// HRC's window (B.1 item 4): per conversation, 0 if it started in the last
// kConnectivityWindowDays days of the span (or is undated), else model::kNone.
std::vector<uint32_t> ConnectivityWindow(const model::Dataset& data,
                                         const graph::InteractionGraph& graph,
                                         const GroupFacts& facts);

// The non-host people who wrote in each tally's conversations (what PRC's and HRC's networks
// are divided by): counted apart from the peer network, which holds only replies.
struct TallyPosters {
  bool partitions = false;  // Per block and period too.
  uint32_t all = 0;
  uint32_t recent = 0;                         // In HRC's window.
  std::vector<uint32_t> without_block;         // Per jackknife block: all but the block's.
  std::vector<uint32_t> recent_without_block;  // ...in HRC's window.
  std::vector<uint32_t> by_period;             // Per timeline period.
};

// `partitions`: also per block and period. One walk conversation by conversation, with a few
// words per member (no row per poster): reads graph.ConversationMessages, so call before
// ReleaseConversationMessages.
TallyPosters CountTallyPosters(const model::Dataset& data,
                               const graph::InteractionGraph& graph,
                               const GroupFacts& facts,
                               const HostSet& hosts,
                               bool partitions);

// `network` is the peer network of the same graph and hosts, `posters` their posters; the
// blocks and periods are filled when posters.partitions. Linear in messages, days and replies,
// plus one union-find over HRC's repeated ties per block whose removal breaks one.
TallyTable BuildTallies(const model::Dataset& data,
                        const graph::InteractionGraph& graph,
                        const GroupFacts& facts,
                        const HostSet& hosts,
                        const HostCalendar& calendar,
                        const PeerNetwork& network,
                        const TallyPosters& posters);

}  // namespace meshcheck::metrics
