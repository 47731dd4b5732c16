#include "metrics/measures.h"

#include <future>
#include <optional>
#include <utility>

#include "base/aside.h"
#include "base/free_memory.h"
#include "base/phase_timer.h"
#include "metrics/grouping.h"

namespace meshcheck::metrics {

namespace {

// The measures of people: they read the conversations, but no peer network.
struct PeopleMeasures {
  std::vector<uint32_t> first_answerers;  // The roles need them too.
  Participation participation;
  ResponseMeasures responses;
};

PeopleMeasures ComputePeople(const model::Dataset& data,
                             const graph::InteractionGraph& graph,
                             const GroupFacts& facts,
                             const HostSet& hosts) {
  PeopleMeasures p;
  p.first_answerers = FirstAnswerers(data, graph, Kinds(data, hosts));
  p.participation = ComputeParticipation(data, graph, facts, hosts, p.first_answerers);
  p.responses = ComputeResponses(data, graph, facts, hosts, p.participation.roster);
  return p;
}

}  // namespace

Measures ComputeMeasures(const model::Dataset& data,
                         graph::InteractionGraph graph,
                         const GroupFacts& facts,
                         const HostSet& hosts,
                         const StepDone& step_done,
                         std::vector<graph::Edge>* edges) {
  const base::ScopedPhase phase(base::Phase::kMetrics);
  auto done = [&step_done](const char* step) {
    if (step_done)
      step_done(step);
  };
  // The people's measures are computed beside the host calendar and the peer network. Nothing
  // changes the graph until they are in; then each part of the graph and of the network goes as
  // soon as no remaining stage needs it.
  std::future<PeopleMeasures> aside =
      base::RunAside([&] { return ComputePeople(data, graph, facts, hosts); });
  Measures m;
  m.calendar = BuildHostCalendar(data, facts, hosts);
  std::optional<PeerNetwork> network(std::in_place, data, graph, hosts);
  done("peer network");
  PeopleMeasures people = aside.get();
  m.participation = std::move(people.participation);
  m.responses = std::move(people.responses);
  done("people (wait)");
  graph.ReleaseConversationMessages();
  m.table = BuildTallies(data, graph, facts, hosts, m.calendar, *network, true);
  done("tallies + jackknife");
  std::vector<uint32_t> window = ConnectivityWindow(data, graph, facts);
  const AnsweringCounts answering = CountAnswering(data, graph, *network);
  // The conversation numbers go before the ties are made, which leaves them room there (in wasm,
  // whose memory never shrinks, the ties went on top of the network: 15 MiB of heap for the
  // 200 MB WhatsApp bench text).
  graph.ReleaseConversations();
  base::ReturnFreedMemory();  // The conversation lists and the tallies' scratch (free_memory.h).
  m.ties = network->Ties(window);
  std::vector<uint32_t>().swap(window);
  network.reset();           // The roles need only the counts.
  graph.CollectEdges(data);  // Where the network and the conversation numbers were.
  graph.ReleaseReplies();
  done("ties, edges");
  m.structure = ComputeStructure(data, graph, facts, hosts, m.calendar, m.table);
  done("structure");
  m.roles = ComputeRoles(data, graph, facts, hosts, answering, people.first_answerers, m.ties);
  m.inference = graph.inference();
  m.inferred_channels = graph.inferred_channel();
  done("roles");
  if (edges)
    *edges = graph.TakeEdges();
  return m;
}

Tally ComputeTally(const model::Dataset& data,
                   graph::InteractionGraph graph,
                   const GroupFacts& facts,
                   const HostSet& hosts) {
  const base::ScopedPhase phase(base::Phase::kMetrics);
  const HostCalendar calendar = BuildHostCalendar(data, facts, hosts);
  const PeerNetwork network(data, graph, hosts);
  graph.ReleaseConversationMessages();
  base::ReturnFreedMemory();
  return BuildTallies(data, graph, facts, hosts, calendar, network, false).all;
}

}  // namespace meshcheck::metrics
