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
// A read of the file that brings nothing for this long is given up and the file reopened where
// its chunk began: Chromium's reads of a chosen file were seen to stall for good, rarely (once
// in a few dozen 1 GB reads, bench/README.md). A 2 MiB read normally takes milliseconds. The
// browser tests, which make reads stall on purpose, shorten it (self.meshcheckReadStallMs).
const kStallMs = self.meshcheckReadStallMs ?? 10000;
const kMaxStalls = 3;  // in one chunk: the analysis then ends with an error

let modulePromise = null;
function loadModule() {
  modulePromise ??= createMeshcheck({locateFile: (file) => new URL(file, import.meta.url).href});
  return modulePromise;
}

// INIT and ANALYZE run one after another; LAYOUT needs no module, so it runs at once instead of
// waiting behind the fresh worker's INIT (loading and compiling the module). onmessage is set
// before the module loads so no request is lost.
let queue = Promise.resolve();
self.onmessage = (event) => {
  const request = event.data;
  if (request.type === Request.LAYOUT)
    layOut(request);
  else
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

function internalError(id, message, byte = 0) {
  return errorData({code: 6, name: 'internal', id, message, input: -1, byte, line: 0});
}

function layOut(request) {
  try {
    reply(request, Response.GRAPH, layoutNetwork(request.data.network));
  } catch (e) {
    reply(request, Response.ERROR, internalError('worker.layout', String(e?.message ?? e)));
  }
}

async function handle(request) {
  try {
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
      const failure = session.beginInput(name, file.size, '').ok ?
          await pushFile(session, file, name, reading) :
          null;
      if (failure) {
        reply(request, Response.ERROR, failure);
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
          stats: {
            bytes,
            ms,
            mbps: megabytesPerSecond(bytes, ms),
            wasmHeapBytes,
            phases,
            readStalls: reading.stalls,
          },
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
  return {
    buffers: [new ArrayBuffer(kChunkBytes), new ArrayBuffer(kChunkBytes)],
    ms: 0,
    stalls: 0,  // reads given up (FileChunks)
    onPushed,
  };
}

// Streams `file` into the session in pushes of at most kChunkBytes and stops at the input's
// first error (the session keeps it for endInput() and the report). The next chunk is being read
// while one is parsed. Returns null, or the ERROR data that ends the analysis: the wasm memory
// cannot hold the read buffer, or the file's reads stalled (FileChunks). reading.ms grows by the
// time spent waiting for the file and copying it into wasm memory.
async function pushFile(session, file, name, reading) {
  const chunks = new FileChunks(file);
  let next = chunks.fill(reading, 0);
  for (let i = 0;; i ^= 1) {
    const waiting = performance.now();
    const {filled, done, stalled} = await next;
    if (stalled) {
      return internalError(
          'worker.read_stalled', strings.readStalled(name, kMaxStalls, kStallMs / 1000),
          chunks.offset);
    }
    if (!done)
      next = chunks.fill(reading, i ^ 1);
    if (filled > 0) {
      const view = session.buffer(filled);  // fetched again each time: memory may have grown
      if (view === null) {
        await chunks.settle(next);
        return errorData(kOutOfMemory);
      }
      view.set(new Uint8Array(reading.buffers[i], 0, filled));
      reading.ms += performance.now() - waiting;
      if (!session.pushBuffer(filled).ok) {
        await chunks.settle(next);
        return null;
      }
      reading.onPushed();
    } else {
      reading.ms += performance.now() - waiting;
    }
    if (done)
      return null;
  }
}

// A file read chunk by chunk through a BYOB reader, into the caller's recycled buffers: a read
// hands its buffer back in its result, so the same memory is reused for every chunk. A read that
// brings nothing for kStallMs is cancelled (its buffer goes with it), and the chunk is read
// again from a fresh stream of the file from the chunk's start.
class FileChunks {
  constructor(file) {
    this.file = file;
    this.offset = 0;  // where the chunk being filled begins in the file
    this.stalls = 0;  // reads given up while filling this chunk
    this.settled = false;
    this.reader = this.open();
  }

  open() {
    const rest = this.offset > 0 ? this.file.slice(this.offset) : this.file;
    return rest.stream().getReader({mode: 'byob'});
  }

  // Fills reading.buffers[i] with the next chunk, until it is full or the file ends; resolves to
  // {filled, done}, or {stalled: true} once kMaxStalls reads were given up in this chunk.
  async fill(reading, i) {
    let filled = 0;
    while (filled < kChunkBytes) {
      const view = new Uint8Array(reading.buffers[i], filled, kChunkBytes - filled);
      const result = await this.read(view);
      // A read hands its buffer back (the reading goes on with the next file); one given up
      // keeps it.
      reading.buffers[i] = result?.value ? result.value.buffer : new ArrayBuffer(kChunkBytes);
      if (this.settled)
        return {filled: 0, done: true};
      if (result === null) {
        ++reading.stalls;
        if (++this.stalls >= kMaxStalls)
          return {filled: 0, done: true, stalled: true};
        filled = 0;
        this.reader = this.open();
        continue;
      }
      if (result.done)
        return {filled, done: true};
      filled += result.value.byteLength;
    }
    this.offset += filled;
    this.stalls = 0;
    return {filled, done: false};
  }

  // The reader's read(view), or null if it brought nothing for kStallMs: the reader is then
  // cancelled (not awaited: a stalled source may never settle its cancel).
  async read(view) {
    let timer;
    const stalled = new Promise((resolve) => {
      timer = setTimeout(resolve, kStallMs, null);
    });
    try {
      const result = await Promise.race([this.reader.read(view), stalled]);
      if (result === null)
        this.reader.cancel().catch(() => {});
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  // Ends the reading: cancels the stream and waits for the fill in flight (`pending`).
  // Not awaiting the cancel: a stalled source may never settle it, while the fill in flight ends
  // at the cancel or, at the latest, when its read is given up.
  async settle(pending) {
    this.settled = true;
    this.reader.cancel().catch(() => {});
    await pending;
  }
}
