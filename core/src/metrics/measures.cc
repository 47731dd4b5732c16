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
                         graph::EdgeList* edges) {
  const base::ScopedPhase phase(base::Phase::kMetrics);
  auto done = [&step_done](const char* step) {
    if (step_done)
      step_done(step);
  };
  // The peer network is built beside the host calendar and the people's measures; then each
  // part of the graph and of the network goes as soon as no remaining stage needs it. The
  // network reads only the conversation numbers and the replies, so the conversations' message
  // lists go as soon as the people's measures are in: in wasm, where the network is built
  // inside get(), they are never in memory beside it.
  std::future<PeerNetwork> aside = base::RunAside([&] { return PeerNetwork(data, graph, hosts); });
  Measures m;
  m.calendar = BuildHostCalendar(data, facts, hosts);
  PeopleMeasures people = ComputePeople(data, graph, facts, hosts);
  m.participation = std::move(people.participation);
  m.responses = std::move(people.responses);
  // Who wrote in which conversations, read from the conversations' lists: the network holds
  // no row per poster (in wasm, whose memory never shrinks, they set the heap's top).
  const AnsweringCounts answering = CountAnswering(data, graph, hosts);
  const TallyPosters posters = CountTallyPosters(data, graph, facts, hosts, true);
  done("people");
  graph.ReleaseConversationMessages();
  std::optional<PeerNetwork> network(aside.get());
  done("peer network (wait)");
  m.table = BuildTallies(data, graph, facts, hosts, m.calendar, *network, posters);
  done("tallies + jackknife");
  // The conversation numbers go before the ties are made, which leaves them room there, and
  // the network after: in wasm, whose memory never shrinks, the edges then fit where the
  // network was (for the 200 MB WhatsApp bench text, ties with their conversation counts went
  // on top of the heap, and the edges above them: 7 MiB more).
  graph.ReleaseConversations();
  base::ReturnFreedMemory();  // The conversation lists and the tallies' scratch (free_memory.h).
  m.ties = network->TiePairs();
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
  const TallyPosters posters = CountTallyPosters(data, graph, facts, hosts, false);
  graph.ReleaseConversationMessages();
  const PeerNetwork network(data, graph, hosts);
  base::ReturnFreedMemory();
  return BuildTallies(data, graph, facts, hosts, calendar, network, posters).all;
}

std::vector<PeerTie> PeerTies(const model::Dataset& data,
                              const graph::InteractionGraph& graph,
                              const GroupFacts& facts,
                              const HostSet& hosts) {
  return PeerNetwork(data, graph, hosts).Ties(ConnectivityWindow(data, graph, facts));
}

}  // namespace meshcheck::metrics
