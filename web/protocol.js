// Messages between the page (app.js) and the worker (worker.js). Plain objects only.
//
// Requests, page -> worker:   {id, type, data}
//   INIT     data: {}                                        -> READY {version} or ERROR
//   ANALYZE  data: {files: [{file: File, name}], hosts: string[], pseudonymize: boolean,
//                   maxMemoryBytes: number (0: no ceiling; else Options::max_memory_bytes)}
//            (name: the file's name, or its path in a dropped or chosen folder)
//            -> PROGRESS* then REPORT or ERROR
//   LAYOUT   data: {network: a REPORT's network (transferred)}  -> GRAPH or ERROR (answered at
//            once: it needs no module, so it does not wait for the fresh worker's INIT)
// On REPORT the page replaces the worker, before rendering the report: the analysis's wasm
// memory, its largest holder, is released first. The fresh worker lays out the network
// (web/layout.js) on LAYOUT, so neither the rendering nor the layout adds to that memory.
// Responses, worker -> page:  {id, requestId, type, data}
//   PROGRESS {bytes, totalBytes, percent, mbps, events, input, inputIndex, inputBytes}
//            at least 4 times a second (inputBytes: bytes of input inputIndex read so far)
//   REPORT   {json, csv, network, stats: {bytes, ms, mbps, wasmHeapBytes, phases, readStalls}}
//            (readStalls: reads of the files given up and started again, web/worker.js; csv: a
//            Blob of the core's members CSV, Session::MembersCsv, or null when it is empty;
//            network: the part of the interaction graph to draw, Session.drawnNetwork
//            (report::CutNetwork), as typed arrays (transferred); wasmHeapBytes: the wasm memory
//            once all is taken out; phases: seconds per phase, as the CLI's --timings: read
//            (waiting for the file and copying it into wasm memory), tokenize, model, graph,
//            metrics, classify and report (the core's, plus taking the report, CSV and network
//            out))
//   GRAPH    {total, ties, nodes: [{index, host, messages, x, y}], edges: [[i, j, weight]]}
//   ERROR    {code, name, id, message, input, byte, line, inputs}  (inputs: the report's
//            per-input list when the core produced one, else [])
// Ids are unique per sender; requestId is the id of the request being answered.
export const Request = Object.freeze({INIT: 'INIT', ANALYZE: 'ANALYZE', LAYOUT: 'LAYOUT'});
export const Response = Object.freeze({
  READY: 'READY',
  PROGRESS: 'PROGRESS',
  REPORT: 'REPORT',
  GRAPH: 'GRAPH',
  ERROR: 'ERROR',
});

let nextId = 1;

export function makeRequest(type, data = {}) {
  return {id: nextId++, type, data};
}

export function makeResponse(requestId, type, data = {}) {
  return {id: nextId++, requestId, type, data};
}

// The buffers of a REPORT's network (Session.drawnNetwork), to transfer it.
export const networkBuffers =
    (network) => ['member', 'host', 'messages', 'tieA', 'tieB', 'weight'].map(
        (key) => network[key].buffer);

// Bytes per second as MB/s (10^6 bytes), 0 when no time has passed.
export function megabytesPerSecond(bytes, ms) {
  return ms > 0 ? bytes / 1e6 / (ms / 1000) : 0;
}
