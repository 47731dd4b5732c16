// Who takes part, how unequally and how regularly (ANALYSIS.md B.1 item 6, Article 2's weekly
// active posters, C.5's repeat participation and coverage), and the roster they come from.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/interaction_graph.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measure.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

// The members the export enumerates (C.5 component E): people it lists (EventSink::OnMember)
// or names in join and leave events. Bots never count.
struct Roster {
  bool known = false;           // The export lists people or has join/leave events.
  uint32_t listed = 0;          // People listed.
  uint32_t joined_or_left = 0;  // People named by join or leave events.
  uint32_t size = 0;            // Listed, joining/leaving or posting people (if known).
  uint32_t non_host_size = 0;   // ...who are not hosts.
  uint32_t silent_members = 0;  // Non-host roster people who never posted (lurkers).
};

Roster ComputeRoster(const model::Dataset& data, const GroupFacts& facts, const HostSet& hosts);

// 90-9-1 (B.1 item 6, van Mierlo 2014): the share of non-host messages written by the top 1%
// and the next 9% of the population, and by the other 90%. The population is the non-host
// posters plus, with a roster, its silent members.
struct NineNineOne {
  uint32_t population = 0;
  uint32_t silent_members = 0;
  double top1_share = 0;
  double next9_share = 0;
  double rest90_share = 0;
};

struct Participation {
  Roster roster;
  // Median of people (hosts included) posting per Monday week over the span.
  Measure weekly_active_posters;
  // C.5 component P: non-host posters active in >= 2 distinct weeks / non-host posters.
  Measure repeat_participation;
  // C.5 component C: people posting in the last 28 days / roster (only with a roster).
  Measure coverage;
  // B.1 item 6, over non-host posters' message counts: Gini with the small-sample correction
  // n / (n - 1), and the top 10%'s share of messages.
  Measure gini;
  Measure top10_share;
  // The Lorenz curve of non-host posters' messages: the share of messages written by the
  // lowest k/10 of them, k = 0..10 (empty without non-host messages).
  std::vector<double> lorenz;
  NineNineOne nine_nine_one;
  // CHAOSS Contributor Absence Factor on peer answers: the fewest members who wrote 50% of
  // the replies between members.
  Measure answer_absence_factor;
};

// first_answerers: FirstAnswerers() of the graph (metrics/grouping.h).
Participation ComputeParticipation(const model::Dataset& data,
                                   const graph::InteractionGraph& graph,
                                   const GroupFacts& facts,
                                   const HostSet& hosts,
                                   const std::vector<uint32_t>& first_answerers);

// Share of the total held by the lowest fraction `p` of `ascending` (a Lorenz curve, linear
// between people). `ascending` is sorted; total > 0.
double LorenzAt(const std::vector<uint64_t>& ascending, uint64_t total, double p);
// Gini coefficient of `ascending` with the small-sample correction n / (n - 1); n >= 2, total
// > 0.
double Gini(const std::vector<uint64_t>& ascending, uint64_t total);

}  // namespace meshcheck::metrics
