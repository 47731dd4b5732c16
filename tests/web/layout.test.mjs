// web/layout.js's EdgeListParser under node (no browser): the core's edge lists of corpus
// exports (the CLI's --edges), handed over whole and in pieces of whole lines as
// Session.writeGraphEdgeList does, parse to the same arrays, and those arrays say what the
// lines say.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';

import {EdgeListParser} from '../../web/layout.js';
import {cliReport, corpus, outputDir} from '../e2e/harness.mjs';

const kFiles = [
  'slack/rcwg-r-contributors-subset.zip',
  'discord/dcef-example-guild-general.json',
  'whatsapp/whatstk-pokemon-dotted-date.txt',
];
const kPairStride = 2 ** 26;  // As layout.js.

// The list cut into pieces of whole lines of about `size` bytes (at least one line each).
function pieces(bytes, size) {
  const out = [];
  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(10, Math.min(bytes.length, start + size) - 1);
    const end = newline < 0 ? bytes.length : newline + 1;
    out.push(bytes.subarray(start, end));
    start = end;
  }
  return out;
}

function parse(bytes, size, announced = true) {
  const parser = new EdgeListParser();
  if (announced)
    parser.size(bytes.length);
  for (const piece of pieces(bytes, size))
    parser.piece(piece);
  return parser.result();
}

// What the lines say, read as text: people (index -> [host, messages]) and the edges between
// two people as [pair, replies + mentions + reactions], in list order.
function readLines(text) {
  const people = new Map(), edges = [];
  for (const f of text.split('\n').map((l) => l.split('\t'))) {
    if (f[0] === 'node')
      people.set(Number(f[1]), [f[2] === '1', Number(f[3])]);
    if (f[0] === 'edge') {
      const [a, b] = [Number(f[1]), Number(f[2])];
      for (const p of [a, b]) {
        if (!people.has(p))
          people.set(p, [false, 0]);
      }
      if (a !== b)
        edges.push([
          Math.min(a, b) * kPairStride + Math.max(a, b), Number(f[3]) + Number(f[4]) + Number(f[5])
        ]);
    }
  }
  return {people, edges};
}

describe('the edge list parser', () => {
  for (const name of kFiles) {
    it(`reads ${name}'s edge list the same whole and in pieces`, () => {
      fs.mkdirSync(outputDir, {recursive: true});
      const edgeFile = path.join(outputDir, 'layout-test-edges.tsv');
      cliReport(path.join(corpus, name), ['--edges', edgeFile]);
      const bytes = new Uint8Array(fs.readFileSync(edgeFile));
      const text = fs.readFileSync(edgeFile, 'utf8');
      fs.rmSync(edgeFile);
      const whole = parse(bytes, bytes.length);
      const {people, edges} = readLines(text);
      assert.ok(edges.length > 0, 'the list has edges');
      assert.equal(whole.count, people.size);
      for (const [index, [host, messages]] of people) {
        assert.equal(whole.flags[index], host ? 3 : 1, `person ${index}'s flags`);
        assert.equal(whole.messages[index], messages, `person ${index}'s messages`);
      }
      assert.deepEqual(Array.from(whole.pairs), edges.map((e) => e[0]));
      assert.deepEqual(Array.from(whole.weights), edges.map((e) => e[1]));
      // Without size(), the arrays grow as the edges come.
      for (const [size, announced] of [[1, true], [7, true], [4096, true], [4096, false]]) {
        const cut = parse(bytes, size, announced);
        const how = `pieces of ${size} B, ${announced ? '' : 'not '}announced`;
        assert.equal(cut.count, whole.count, how);
        for (const key of ['flags', 'messages', 'pairs', 'weights'])
          assert.deepEqual(cut[key], whole[key], `${key}, ${how}`);
      }
    });
  }
});
