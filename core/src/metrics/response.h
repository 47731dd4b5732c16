// How members are answered (ANALYSIS.md B.1 item 8, CHAOSS time to first response; Article 2's
// time-to-first-reply and response rate; C.5's response rate to host prompts).
//
// A member question is a conversation a non-host person started. Conversations started in the
// last kCensorDays days of the export are left out: their answers may still be coming
// (B.1 item 8, right-censoring). Durations are whole seconds; medians and 90th percentiles are
// nearest-rank (the value at rank ceil(p * n)).
#pragma once

#include <cstdint>

#include "graph/interaction_graph.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measure.h"
#include "metrics/participation.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

struct Durations {
  uint64_t count = 0;
  int64_t median_seconds = 0;  // Meaningful only if count > 0.
  int64_t p90_seconds = 0;
};

// Time to first reply (TTFR): from a member question to the first message in it by another
// person, split by who that person was.
struct ResponseTimes {
  uint64_t questions = 0;  // Member questions old enough to judge.
  uint64_t censored = 0;   // Member questions left out as too recent.
  uint64_t answered = 0;   // Questions someone else wrote in.
  uint64_t answered_within_24h = 0;
  Durations all;
  Durations by_peer;  // First answered by a non-host person.
  Durations by_host;  // First answered by a host.
};

struct ResponseMeasures {
  ResponseTimes times;
  // Member questions where another member (not a host, not the asker) wrote / questions.
  Measure peer_answer_rate;
  // C.5: for host prompts (host-started conversations, censored alike), the share of the
  // non-host roster writing in them within kPromptResponseDays days; needs a roster.
  Measure response_rate;
};

ResponseMeasures ComputeResponses(const model::Dataset& data,
                                  const graph::InteractionGraph& graph,
                                  const GroupFacts& facts,
                                  const HostSet& hosts,
                                  const Roster& roster);

// Nearest-rank percentile `percent` (1..100) of `sorted` (ascending, non-empty).
int64_t NearestRank(const std::vector<int64_t>& sorted, int percent);

}  // namespace meshcheck::metrics
