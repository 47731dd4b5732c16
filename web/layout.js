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

// A pair of people as one number: a * kPairStride + b (a < b). Indexes stay below 2^26.
const kPairStride = 2 ** 26;

// Parses "node\tindex\tis_host\tmessages" and
// "edge\tsource\ttarget\treplies\tmentions\treactions\tinferred" lines (tie lines are not drawn).
// People met only in edge lines get 0 messages. Edges are undirected, weighted by all ties.
// One pass over the text, no string per line or field: the list of a large export runs to
// hundreds of thousands of lines.
export function parseEdgeList(text) {
  const people = new Map();   // index -> {host, messages}
  const weights = new Map();  // pair (kPairStride) -> weight
  const person = (index) => {
    if (!people.has(index))
      people.set(index, {host: false, messages: 0});
    return people.get(index);
  };
  let i = 0;
  // The unsigned integer after the separator at i; leaves i on the character after it.
  const field = () => {
    let value = 0;
    for (++i; i < text.length; ++i) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9)
        break;
      value = value * 10 + digit;
    }
    return value;
  };
  while (i < text.length) {
    const tag = text[i];
    i = text.indexOf('\t', i);
    if (i < 0)
      break;
    if (tag === 'n') {
      Object.assign(person(field()), {host: field() === 1, messages: field()});
    } else if (tag === 'e') {
      const a = field(), b = field();
      const weight = field() + field() + field();
      person(a);
      person(b);
      if (a !== b) {
        const pair = Math.min(a, b) * kPairStride + Math.max(a, b);
        weights.set(pair, (weights.get(pair) ?? 0) + weight);
      }
    }
    i = text.indexOf('\n', i);
    if (i < 0)
      break;
    ++i;
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
  // The strongest ties between kept people (ties broken by the pair), without an array per tie.
  const pairs = [], tieWeights = [];
  for (const [pair, weight] of weights) {
    if (graph.hasNode(Math.floor(pair / kPairStride)) && graph.hasNode(pair % kPairStride)) {
      pairs.push(pair);
      tieWeights.push(weight);
    }
  }
  const order = Uint32Array.from(pairs.keys())
                    .sort((x, y) => tieWeights[y] - tieWeights[x] || pairs[x] - pairs[y])
                    .subarray(0, kMaxEdges);
  for (const k of order) {
    graph.addEdge(
        Math.floor(pairs[k] / kPairStride), pairs[k] % kPairStride,
        {weight: Math.max(1, tieWeights[k])});
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
