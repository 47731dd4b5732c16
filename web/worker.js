// The analysis worker: owns the wasm module and one meshcheck Session per ANALYZE request.
// Files are streamed with a BYOB reader into two recycled ArrayBuffers (one is read into while
// the other is parsed) and copied into the Session's C++ buffer, so a file is never held whole
// in memory. The members CSV leaves wasm memory as bytes, never as a JS string, and of the
// network only the part drawn leaves. After REPORT the worker is done: the page replaces it, and
// asks the fresh one (LAYOUT, which needs no module) to lay out the network. Protocol:
// web/protocol.js.
import createMeshcheck from 'meshcheck-wasm';

import {layoutNetwork} from './layout.js';
import {makeResponse, megabytesPerSecond, networkBuffers, Request, Response} from './protocol.js';
import {strings} from './strings.js';

// 2 MiB: the most a Blob stream hands over in one read here (its data pipe), so while one chunk
// is parsed the next is read whole in the background; memory stays flat (TOOLCHAIN.md section 4).
const kChunkBytes = 2 << 20;
const kProgressMs = 125;  // PROGRESS eight times a second (at least 4 even when busy).

let modulePromise = null;
function loadModule() {
  modulePromise ??= createMeshcheck({locateFile: (file) => new URL(file, import.meta.url).href});
  return modulePromise;
}

// Requests run one after another. onmessage is set before the module loads so none is lost.
let queue = Promise.resolve();
self.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(() => handle(request));
};

function reply(request, type, data, transfer = []) {
  self.postMessage(makeResponse(request.id, type, data), transfer);
}

function errorData(status, inputs = []) {
  const {code, name, id, message, input, byte, line} = status;
  return {code, name, id, message, input, byte, line, inputs};
}

const kOutOfMemory = {
  code: 4,
  name: 'limit_exceeded',
  id: 'wasm.out_of_memory',
  message: strings.outOfMemory,
  input: -1,
  byte: 0,
  line: 0,
};

function internalError(id, message) {
  return errorData({code: 6, name: 'internal', id, message, input: -1, byte: 0, line: 0});
}

async function handle(request) {
  try {
    if (request.type === Request.LAYOUT) {
      reply(request, Response.GRAPH, layoutNetwork(request.data.network));
      return;
    }
    const M = await loadModule();
    if (request.type === Request.INIT) {
      reply(request, Response.READY, {version: M.version()});
    } else if (request.type === Request.ANALYZE) {
      await analyze(M, request);
    } else {
      reply(request, Response.ERROR, internalError('worker.unknown_request', String(request.type)));
    }
  } catch (e) {
    reply(request, Response.ERROR, internalError('worker.exception', String(e?.message ?? e)));
  }
}

async function analyze(M, request) {
  const {files, hosts = [], pseudonymize = true, maxMemoryBytes = 0, detectBots = true} =
      request.data;
  const totalBytes = files.reduce((sum, f) => sum + f.file.size, 0);
  const session = new M.Session(hosts, pseudonymize, maxMemoryBytes, detectBots);
  session.enableTimings();
  const started = performance.now();
  const at = {name: '', index: -1, startBytes: 0};  // the input being read
  let posted = 0;                                   // when PROGRESS was last posted
  const postProgress = () => {
    const {bytes, events} = session.progress();
    posted = performance.now();
    const ms = posted - started;
    reply(request, Response.PROGRESS, {
      bytes,
      totalBytes,
      percent: totalBytes > 0 ? (100 * bytes) / totalBytes : 100,
      mbps: megabytesPerSecond(bytes, ms),
      events,
      input: at.name,
      inputIndex: at.index,
      inputBytes: bytes - at.startBytes,
    });
  };
  // The timer alone is not enough: reads of bytes already buffered never yield to it.
  const timer = setInterval(postProgress, kProgressMs);
  const reading = makeReading(() => {
    if (performance.now() - posted >= kProgressMs)
      postProgress();
  });
  try {
    postProgress();
    for (const [index, {file, name}] of files.entries()) {
      Object.assign(at, {name, index, startBytes: session.progress().bytes});
      // An input error stays with its input (in the report's input list) and the next file is
      // read; a session error makes every later call, and finish(), return it.
      if (session.beginInput(name, file.size, '').ok && !(await pushFile(session, file, reading))) {
        reply(request, Response.ERROR, errorData(kOutOfMemory));
        return;
      }
      session.endInput();
    }
    const finished = session.finish();
    postProgress();
    const ms = performance.now() - started;
    const extracting = performance.now();
    const json = session.reportJson();
    if (!finished.ok) {
      reply(request, Response.ERROR, errorData(finished, json ? JSON.parse(json).inputs : []));
      return;
    }
    const bytes = session.progress().bytes;
    const csvBytes = session.membersCsvBytes();
    const csv = csvBytes.length ? new Blob([csvBytes], {type: 'text/csv'}) : null;
    // The network too (only the part drawn), before the report: the page replaces this worker
    // (and its wasm memory) as the report arrives, before rendering it, and a fresh one lays
    // the network out.
    const network = session.drawnNetwork();
    const phases = {
      read: reading.ms / 1000,
      ...session.timings(),
    };
    phases.report += (performance.now() - extracting) / 1000;
    const wasmHeapBytes = M.wasmHeapBytes();
    session.delete();
    reply(
        request, Response.REPORT, {
          json,
          csv,
          network,
          stats: {bytes, ms, mbps: megabytesPerSecond(bytes, ms), wasmHeapBytes, phases},
        },
        networkBuffers(network));
  } finally {
    clearInterval(timer);
    if (!session.isDeleted())
      session.delete();
  }
}

// Two read buffers (one is read into while the other's bytes are parsed), the time spent
// reading, and what to call after each push.
function makeReading(onPushed) {
  return {buffers: [new ArrayBuffer(kChunkBytes), new ArrayBuffer(kChunkBytes)], ms: 0, onPushed};
}

// Streams `file` into the session in pushes of at most kChunkBytes and stops at the input's
// first error (the session keeps it for endInput() and the report). The next chunk is being read
// while one is parsed. Returns false only if the wasm memory cannot hold the read buffer.
// reading.ms grows by the time spent waiting for the file and copying it into wasm memory.
async function pushFile(session, file, reading) {
  const reader = file.stream().getReader({mode: 'byob'});
  let next = fill(reader, reading, 0);
  for (let i = 0;; i ^= 1) {
    const waiting = performance.now();
    const {filled, done} = await next;
    if (!done)
      next = fill(reader, reading, i ^ 1);
    if (filled > 0) {
      const view = session.buffer(filled);  // fetched again each time: memory may have grown
      if (view === null) {
        await settle(reader, next);
        return false;
      }
      view.set(new Uint8Array(reading.buffers[i], 0, filled));
      reading.ms += performance.now() - waiting;
      if (!session.pushBuffer(filled).ok) {
        await settle(reader, next);
        return true;
      }
      reading.onPushed();
    } else {
      reading.ms += performance.now() - waiting;
    }
    if (done)
      return true;
  }
}

// Cancels the stream and waits for the read in flight, so its buffer is handed back.
async function settle(reader, pending) {
  await reader.cancel();
  await pending;
}

// Reads until reading.buffers[i] is full or the stream ends. A BYOB read transfers the buffer
// into the stream and hands it back in the result, so the same memory is reused for every chunk.
async function fill(reader, reading, i) {
  let filled = 0;
  while (filled < kChunkBytes) {
    const {value, done} =
        await reader.read(new Uint8Array(reading.buffers[i], filled, kChunkBytes - filled));
    reading.buffers[i] = value ? value.buffer : new ArrayBuffer(kChunkBytes);
    if (done)
      return {filled, done: true};
    filled += value.byteLength;
  }
  return {filled, done: false};
}
