// The network the page draws, under node (no browser): the wasm module's cut of the graph
// (Session.drawnNetwork, report::CutNetwork) of corpus exports equals the cut computed here, in
// plain JS, from the CLI's edge list (--edges) of the same export; and web/layout.js lays a cut
// out deterministically, drawing exactly the people and ties kept. (Cuts that keep less than
// the whole network: tests/unit/report/report_test.cpp.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';

import {layoutNetwork} from '../../web/layout.js';
import {cliReport, corpus, outputDir, repo} from '../e2e/harness.mjs';

const kFiles = [
  'slack/rcwg-r-contributors-subset.zip',
  'discord/dcef-example-guild-general.json',
  'whatsapp/whatstk-pokemon-dotted-date.txt',
];
const [kDrawnPeople, kDrawnTies] = [4000, 12000];  // As report/network_cut.h.
const wasmDir = process.env.MESHCHECK_WASM_DIR ?? path.join(repo, 'build/wasm/wasm');
const {default: createMeshcheck} = await import(path.join(wasmDir, 'meshcheck.mjs'));
const M =
    await createMeshcheck({wasmBinary: fs.readFileSync(path.join(wasmDir, 'meshcheck.wasm'))});

// The wasm module's cut of `file`'s network.
function wasmCut(file) {
  const session = new M.Session([], true);
  try {
    assert.ok(session.beginInput(path.basename(file), 0, '').ok);
    const bytes = fs.readFileSync(file);
    session.buffer(bytes.length).set(bytes);
    assert.ok(session.pushBuffer(bytes.length).ok);
    assert.ok(session.endInput().ok);
    assert.ok(session.finish().ok);
    return session.drawnNetwork();
  } finally {
    session.delete();
  }
}

// The cut as the edge list's lines say, in plain JS: people are node lines and the ends of edge
// lines (0 messages for the latter); ties are unordered pairs of two people, weighing replies +
// mentions + reactions over both directions.
function referenceCut(text, maxPeople, maxTies) {
  const people = new Map();  // index -> {host, messages}
  const ties = new Map();    // 'a b' (a < b) -> weight
  for (const f of text.split('\n').map((l) => l.split('\t'))) {
    if (f[0] === 'node')
      people.set(Number(f[1]), {host: f[2] === '1', messages: Number(f[3])});
    if (f[0] !== 'edge')
      continue;
    const [a, b] = [Number(f[1]), Number(f[2])];
    for (const p of [a, b]) {
      if (!people.has(p))
        people.set(p, {host: false, messages: 0});
    }
    if (a !== b) {
      const key = `${Math.min(a, b)} ${Math.max(a, b)}`;
      ties.set(key, (ties.get(key) ?? 0) + Number(f[3]) + Number(f[4]) + Number(f[5]));
    }
  }
  const member = [...people.keys()]
                     .sort(
                         (x, y) => Number(people.get(y).host) - Number(people.get(x).host) ||
                             people.get(y).messages - people.get(x).messages || x - y)
                     .slice(0, maxPeople);
  const position = new Map(member.map((m, k) => [m, k]));
  const kept = [...ties]
                   .map(([key, weight]) => [...key.split(' ').map(Number), weight])
                   .filter(([a, b]) => position.has(a) && position.has(b))
                   .sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1])
                   .slice(0, maxTies);
  return {
    people: people.size,
    ties: ties.size,
    member,
    host: member.map((m) => (people.get(m).host ? 1 : 0)),
    messages: member.map((m) => people.get(m).messages),
    tieA: kept.map((t) => position.get(t[0])),
    tieB: kept.map((t) => position.get(t[1])),
    weight: kept.map((t) => t[2]),
  };
}

const plain = (cut) => Object.fromEntries(Object.entries(cut).map(
    ([key, value]) => [key, ArrayBuffer.isView(value) ? Array.from(value) : value]));

describe('the network the page draws', () => {
  for (const name of kFiles) {
    it(`cuts ${name}'s network as its edge list says`, () => {
      const file = path.join(corpus, name);
      fs.mkdirSync(outputDir, {recursive: true});
      const edgeFile = path.join(outputDir, 'layout-test-edges.tsv');
      cliReport(file, ['--edges', edgeFile]);
      const text = fs.readFileSync(edgeFile, 'utf8');
      fs.rmSync(edgeFile);
      const want = referenceCut(text, kDrawnPeople, kDrawnTies);
      assert.ok(want.ties > 0, 'the network has ties');
      assert.deepEqual(plain(wasmCut(file)), want);
    });
  }

  it('lays a cut out deterministically, drawing what was kept', () => {
    const cut = wasmCut(path.join(corpus, kFiles[1]));
    const [first, second] = [layoutNetwork(cut), layoutNetwork(cut)];
    assert.deepEqual(first, second);
    assert.equal(first.total, cut.people);
    assert.equal(first.ties, cut.ties);
    assert.deepEqual(first.nodes.map((n) => n.index), Array.from(cut.member));
    assert.deepEqual(first.nodes.map((n) => n.messages), Array.from(cut.messages));
    assert.equal(first.edges.length, cut.weight.length);
    for (const node of first.nodes)
      assert.ok(Number.isFinite(node.x) && Number.isFinite(node.y), `node ${node.index} placed`);
  });
});
