// The interaction network's layout, computed in a worker (web/worker.js) so the page stays
// responsive. The core cuts the graph to what is drawn (Session.drawnNetwork,
// report/network_cut.h: the 4,000 most active people, hosts always kept, and the 12,000
// strongest ties between them), so the page never holds the whole graph; a fresh worker lays
// that out with ForceAtlas2 (layoutNetwork). Deterministic: the same cut gives the same
// positions.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

// About a second of layout on this kind of machine: iterations x the cost of one (pairs of
// nodes, or n log n with Barnes-Hut, plus the edges).
const kLayoutBudget = 4e6;

// {total, ties, nodes: [{index, host, messages, x, y}], edges: [[i, j, weight]]} (i, j
// positions in nodes; total people and ties before the cut), ready for structured cloning.
// cut: Session.drawnNetwork's result.
export function layoutNetwork(cut) {
  const graph = new Graph({type: 'undirected'});
  // A golden-angle spiral as the (deterministic) start; the most active people in the middle.
  cut.member.forEach((index, rank) => {
    const r = Math.sqrt(rank + 1) * 10, angle = rank * 2.399963;
    graph.addNode(index, {
      x: r * Math.cos(angle),
      y: r * Math.sin(angle),
      host: cut.host[rank] === 1,
      messages: cut.messages[rank],
    });
  });
  cut.weight.forEach((weight, k) => {
    graph.addEdge(cut.member[cut.tieA[k]], cut.member[cut.tieB[k]], {weight: Math.max(1, weight)});
  });
  const n = graph.order;
  if (n > 1) {
    const barnesHut = n > 300;
    const cost = (barnesHut ? 12 * n * Math.log2(n) : n * n) + graph.size;
    forceAtlas2.assign(graph, {
      iterations: Math.round(Math.min(200, Math.max(20, kLayoutBudget / cost))),
      getEdgeWeight: 'weight',
      settings: {...forceAtlas2.inferSettings(graph), barnesHutOptimize: barnesHut},
    });
  }
  const position = new Map();
  const nodes = [];
  graph.forEachNode((index, a) => {
    position.set(index, nodes.length);
    nodes.push({index: Number(index), host: a.host, messages: a.messages, x: a.x, y: a.y});
  });
  const edges = [];
  graph.forEachEdge((e, a, source, target) => {
    edges.push([position.get(source), position.get(target), a.weight]);
  });
  return {total: cut.people, ties: cut.ties, nodes, edges};
}
