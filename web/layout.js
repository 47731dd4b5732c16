// The interaction network's layout, computed in the worker (web/worker.js) so the page stays
// responsive: the core's edge list (Session.graphEdgeList(), report::RenderEdgeList) is parsed,
// cut to the kMaxNodes most active people (hosts always kept) and laid out with ForceAtlas2.
// Deterministic: the same edge list gives the same positions.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

const kMaxNodes = 4000;
// The strongest ties only, beyond this many: the drawing stays readable and the layout quick.
const kMaxEdges = 12000;
// About a second of layout on this kind of machine: iterations x the cost of one (pairs of
// nodes, or n log n with Barnes-Hut, plus the edges).
const kLayoutBudget = 4e6;

// Parses "node\tindex\tis_host\tmessages" and
// "edge\tsource\ttarget\treplies\tmentions\treactions\tinferred" lines (tie lines are not drawn).
// People met only in edge lines get 0 messages. Edges are undirected, weighted by all ties.
export function parseEdgeList(text) {
  const people = new Map();   // index -> {host, messages}
  const weights = new Map();  // "a b" (a < b) -> weight
  const person = (index) => {
    if (!people.has(index))
      people.set(index, {host: false, messages: 0});
    return people.get(index);
  };
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'node') {
      Object.assign(person(Number(f[1])), {host: f[2] === '1', messages: Number(f[3])});
    } else if (f[0] === 'edge') {
      const a = Number(f[1]), b = Number(f[2]);
      person(a);
      person(b);
      if (a === b)
        continue;
      const key = a < b ? `${a} ${b}` : `${b} ${a}`;
      weights.set(key, (weights.get(key) ?? 0) + Number(f[3]) + Number(f[4]) + Number(f[5]));
    }
  }
  return {people, weights};
}

// {total, ties, nodes: [{index, host, messages, x, y}], edges: [[i, j, weight]]} (i, j
// positions in nodes; total people and ties before the cut), ready for structured cloning.
export function layoutNetwork(text) {
  const {people, weights} = parseEdgeList(text);
  const kept = [...people.entries()]
                   .sort(
                       (a, b) => Number(b[1].host) - Number(a[1].host) ||
                           b[1].messages - a[1].messages || a[0] - b[0])
                   .slice(0, kMaxNodes);
  const graph = new Graph({type: 'undirected'});
  // A golden-angle spiral as the (deterministic) start; the most active people in the middle.
  kept.forEach(([index, p], rank) => {
    const r = Math.sqrt(rank + 1) * 10, angle = rank * 2.399963;
    graph.addNode(index, {x: r * Math.cos(angle), y: r * Math.sin(angle), ...p});
  });
  const strongest = [...weights.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  for (const [key, weight] of strongest) {
    const [a, b] = key.split(' ').map(Number);
    if (graph.size < kMaxEdges && graph.hasNode(a) && graph.hasNode(b))
      graph.addEdge(a, b, {weight: Math.max(1, weight)});
  }
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
  return {total: people.size, ties: weights.size, nodes, edges};
}
