// The interaction network's layout, computed in workers (web/worker.js) so the page stays
// responsive: the core's edge list (report::WriteEdgeList, as Session.writeGraphEdgeList()) is
// parsed into typed arrays by the analysing worker (EdgeListParser), piece by piece, then cut to
// the kMaxNodes most active people (hosts always kept) and laid out with ForceAtlas2 by a fresh one
// (layoutNetwork). Deterministic: the same edge list gives the same positions.
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

const kSeen = 1, kHost = 2;            // person flags
const kTab = 9, kNewline = 10;         // bytes
const kNodeTag = 110, kEdgeTag = 101;  // 'n', 'e': a line's first byte

// A starting guess of the edge lines in a list of `bytes` bytes (an edge line takes about 30-40
// bytes, and node and tie lines come besides): the arrays grow by half when it falls short.
const kBytesPerEdgeGuess = 32;

// Parses the edge list (ASCII) piece by piece, as Session.writeGraphEdgeList hands it over:
// size(bytes) first (optional: it sizes the arrays), then piece(bytes) per piece of whole lines
// (a view that is read at once, never kept). Lines: "node\tindex\tis_host\tmessages" and
// "edge\tsource\ttarget\treplies\tmentions\treactions\tinferred" (tie lines are not drawn).
// People met only in edge lines get 0 messages. result() returns typed arrays only (transferable;
// no string and no object per line, a large export's list runs to hundreds of thousands of
// lines): {count (people seen), flags and messages (by person index; flags kSeen | kHost), pairs
// (one per edge line between two people, kPairStride) and weights (its replies + mentions +
// reactions)}; the same pair may come several times.
export class EdgeListParser {
  constructor() {
    this.pairs = new Float64Array(0);
    this.weights = new Float64Array(0);
    this.edges = 0;
    this.flags = new Uint8Array(1024);
    this.messages = new Float64Array(1024);
    this.count = 0;
  }

  size(bytes) {
    this.grow(Math.ceil(bytes / kBytesPerEdgeGuess));
  }

  piece(bytes) {
    let i = 0;
    // The unsigned integer after the separator at i; leaves i on the byte after it.
    const field = () => {
      let value = 0;
      for (++i; i < bytes.length; ++i) {
        const digit = bytes[i] - 48;
        if (digit < 0 || digit > 9)
          break;
        value = value * 10 + digit;
      }
      return value;
    };
    while (i < bytes.length) {
      const tag = bytes[i];
      i = bytes.indexOf(kTab, i);
      if (i < 0)
        break;
      if (tag === kNodeTag) {
        const index = field(), host = field() === 1;
        this.see(index);
        this.flags[index] = host ? kSeen | kHost : kSeen;
        this.messages[index] = field();
      } else if (tag === kEdgeTag) {
        const a = field(), b = field();
        const weight = field() + field() + field();
        this.see(a);
        this.see(b);
        if (a !== b) {
          if (this.edges === this.pairs.length)
            this.grow(Math.max(64, Math.ceil(this.pairs.length * 1.5)));
          this.pairs[this.edges] = Math.min(a, b) * kPairStride + Math.max(a, b);
          this.weights[this.edges++] = weight;
        }
      }
      i = bytes.indexOf(kNewline, i);
      if (i < 0)
        break;
      ++i;
    }
  }

  result() {
    const {count, flags, messages, pairs, weights, edges} = this;
    return {
      count,
      flags,
      messages,
      pairs: pairs.subarray(0, edges),
      weights: weights.subarray(0, edges)
    };
  }

  // Room for `capacity` edges.
  grow(capacity) {
    if (capacity <= this.pairs.length)
      return;
    const pairs = new Float64Array(capacity), weights = new Float64Array(capacity);
    pairs.set(this.pairs.subarray(0, this.edges));
    weights.set(this.weights.subarray(0, this.edges));
    this.pairs = pairs;
    this.weights = weights;
  }

  // Marks person `index` seen, making room for it.
  see(index) {
    if (index >= this.flags.length) {
      const size = 2 ** Math.ceil(Math.log2(index + 1));
      const f = new Uint8Array(size), m = new Float64Array(size);
      f.set(this.flags);
      m.set(this.messages);
      this.flags = f;
      this.messages = m;
    }
    if (!(this.flags[index] & kSeen)) {
      this.flags[index] = kSeen;
      ++this.count;
    }
  }
}

// The people seen (ascending indexes).
function seenPeople({count, flags}) {
  const out = new Uint32Array(count);
  for (let i = 0, k = 0; k < count; ++i) {
    if (flags[i] & kSeen)
      out[k++] = i;
  }
  return out;
}

// Distinct values of a Float64Array (sorted in place).
function distinct(values) {
  values.sort();
  let n = 0;
  for (let i = 0; i < values.length; ++i) {
    if (i === 0 || values[i] !== values[i - 1])
      ++n;
  }
  return n;
}

// {total, ties, nodes: [{index, host, messages, x, y}], edges: [[i, j, weight]]} (i, j
// positions in nodes; total people and ties before the cut), ready for structured cloning.
// list: an EdgeListParser's result; its pairs are sorted in place.
export function layoutNetwork(list) {
  const {flags, messages, pairs, weights} = list;
  const host = (i) => (flags[i] & kHost) !== 0;
  const kept =
      seenPeople(list)
          .sort((a, b) => Number(host(b)) - Number(host(a)) || messages[b] - messages[a] || a - b)
          .subarray(0, kMaxNodes);
  const isKept = new Set(kept);
  // The weight of each tie between kept people, all its edge lines summed.
  const keptTies = new Map();
  for (let k = 0; k < pairs.length; ++k) {
    const pair = pairs[k];
    if (isKept.has(Math.floor(pair / kPairStride)) && isKept.has(pair % kPairStride))
      keptTies.set(pair, (keptTies.get(pair) ?? 0) + weights[k]);
  }
  const ties = distinct(pairs);
  const graph = new Graph({type: 'undirected'});
  // A golden-angle spiral as the (deterministic) start; the most active people in the middle.
  kept.forEach((index, rank) => {
    const r = Math.sqrt(rank + 1) * 10, angle = rank * 2.399963;
    graph.addNode(index, {
      x: r * Math.cos(angle),
      y: r * Math.sin(angle),
      host: host(index),
      messages: messages[index],
    });
  });
  // The strongest ties between kept people (ties broken by the pair), without an array per tie.
  const keptPairs = Float64Array.from(keptTies.keys());
  const tieWeights = Float64Array.from(keptTies.values());
  const order = Uint32Array.from(keptPairs.keys())
                    .sort((x, y) => tieWeights[y] - tieWeights[x] || keptPairs[x] - keptPairs[y])
                    .subarray(0, kMaxEdges);
  for (const k of order) {
    graph.addEdge(
        Math.floor(keptPairs[k] / kPairStride), keptPairs[k] % kPairStride,
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
  return {total: list.count, ties, nodes, edges};
}
