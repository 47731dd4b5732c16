// Messages between the page (app.js) and the worker (worker.js). Plain objects only.
//
// Requests, page -> worker:   {id, type, data}
//   INIT     data: {}                                        -> READY {version} or ERROR
//   ANALYZE  data: {files: File[], hosts: string[], pseudonymize: boolean}
//            -> PROGRESS* then REPORT or ERROR
// Responses, worker -> page:  {id, requestId, type, data}
//   PROGRESS {bytes, totalBytes, percent, mbps, events, input}   at least 4 times a second
//   REPORT   {json, stats: {bytes, ms, mbps, wasmHeapBytes}}
//   ERROR    {code, name, id, message, input, byte, line, inputs}  (inputs: the report's
//            per-input list when the core produced one, else [])
// Ids are unique per sender; requestId is the id of the request being answered.
export const Request = Object.freeze({INIT: 'INIT', ANALYZE: 'ANALYZE'});
export const Response = Object.freeze({
  READY: 'READY',
  PROGRESS: 'PROGRESS',
  REPORT: 'REPORT',
  ERROR: 'ERROR',
});

let nextId = 1;

export function makeRequest(type, data = {}) {
  return {id: nextId++, type, data};
}

export function makeResponse(requestId, type, data = {}) {
  return {id: nextId++, requestId, type, data};
}

// Bytes per second as MB/s (10^6 bytes), 0 when no time has passed.
export function megabytesPerSecond(bytes, ms) {
  return ms > 0 ? bytes / 1e6 / (ms / 1000) : 0;
}
