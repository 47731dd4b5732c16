// The wasm heap of an analysis, outside the browser: streams each FILE through the module's
// Session in the page worker's 2 MiB pushes and prints, per file, one line
//   file=PATH bytes=N messages=M ingest_heap_bytes=H finish_heap_bytes=F seconds=S
//   out_heap_bytes=O people=P ties=T
// ingest_heap_bytes: wasm linear memory after the last push (before finish); finish_heap_bytes:
// after finish; seconds: until then. out_heap_bytes: after also taking the members CSV and the
// network to draw out, as the page's worker does after the verdict (memory grows and never
// shrinks, so this is the peak); people and ties: the whole network's (Session.drawnNetwork).
//
//   node bench/wasm_heap.mjs [--wasm DIR] FILE...    (DIR: build/wasm/wasm)
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kChunkBytes = 2 << 20;  // As web/worker.js.

let wasmDir = path.join(repo, 'build/wasm/wasm');
const files = [];
for (let i = 2; i < process.argv.length; ++i) {
  if (process.argv[i] === '--wasm')
    wasmDir = path.resolve(process.argv[++i]);
  else
    files.push(path.resolve(process.argv[i]));
}
if (!files.length) {
  console.error('usage: node bench/wasm_heap.mjs [--wasm DIR] FILE...');
  process.exit(2);
}
const {default: createMeshcheck} = await import(path.join(wasmDir, 'meshcheck.mjs'));

for (const file of files) {
  // A fresh module per file: its memory starts small.
  const M =
      await createMeshcheck({wasmBinary: fs.readFileSync(path.join(wasmDir, 'meshcheck.wasm'))});
  const started = performance.now();
  const session = new M.Session([], true);
  const size = fs.statSync(file).size;
  const check = (status, what) => {
    if (!status.ok)
      throw new Error(`${file}: ${what}: ${status.message}`);
  };
  check(session.beginInput(path.basename(file), size, ''), 'beginInput');
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.alloc(kChunkBytes);
  for (;;) {
    const got = fs.readSync(fd, chunk, 0, kChunkBytes, null);
    if (got === 0)
      break;
    session.buffer(got).set(chunk.subarray(0, got));  // Fetched again: memory may have grown.
    check(session.pushBuffer(got), 'push');
  }
  fs.closeSync(fd);
  check(session.endInput(), 'endInput');
  const ingest = M.wasmHeapBytes();
  check(session.finish(), 'finish');
  const finish = M.wasmHeapBytes();
  const seconds = (performance.now() - started) / 1000;
  const messages = session.progress().events;
  session.membersCsvBytes();
  const {people, ties} = session.drawnNetwork();
  const out = M.wasmHeapBytes();
  session.delete();
  console.log(`file=${file} bytes=${size} messages=${messages} ingest_heap_bytes=${
      ingest} finish_heap_bytes=${finish} seconds=${seconds.toFixed(3)} out_heap_bytes=${
      out} people=${people} ties=${ties}`);
}
