#include "metrics/measures.h"

#include "base/phase_timer.h"
#include "metrics/grouping.h"

namespace meshcheck::metrics {

Measures ComputeMeasures(const model::Dataset& data,
                         const graph::InteractionGraph& graph,
                         const GroupFacts& facts,
                         const HostSet& hosts) {
  const base::ScopedPhase phase(base::Phase::kMetrics);
  Measures m;
  m.calendar = BuildHostCalendar(data, facts, hosts);
  const PeerNetwork network(data, graph, hosts);
  m.table = BuildTallies(data, graph, facts, hosts, m.calendar, network, true);
  m.structure = ComputeStructure(data, graph, facts, hosts, m.calendar, m.table);
  const std::vector<uint32_t> first_answerers = FirstAnswerers(data, graph, Kinds(data, hosts));
  m.participation = ComputeParticipation(data, graph, facts, hosts, first_answerers);
  m.responses = ComputeResponses(data, graph, facts, hosts, m.participation.roster);
  m.ties = network.Ties(ConnectivityWindow(data, graph, facts));
  m.roles = ComputeRoles(data, graph, facts, hosts, network, first_answerers, m.ties);
  m.inference = graph.inference();
  m.inferred_channels = graph.inferred_channel();
  return m;
}

Tally ComputeTally(const model::Dataset& data,
                   const graph::InteractionGraph& graph,
                   const GroupFacts& facts,
                   const HostSet& hosts) {
  const base::ScopedPhase phase(base::Phase::kMetrics);
  const HostCalendar calendar = BuildHostCalendar(data, facts, hosts);
  const PeerNetwork network(data, graph, hosts);
  return BuildTallies(data, graph, facts, hosts, calendar, network, false).all;
}

}  // namespace meshcheck::metrics
