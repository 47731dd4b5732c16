// The page (main thread): takes files from the drop zone (files or whole folders), the pickers
// or the bundled example, hands them to the worker (web/worker.js), shows per-file progress and
// renders the report (web/render.js, charts.js, network.js).
//
// Contract used by tests and benchmarks (keep it exactly):
// - document.body.dataset.state: 'loading' | 'ready' | 'running' | 'done' | 'error' |
//   'cancelled'. Files are accepted in every state but 'running'; 'cancelled' is such a
//   resting state (a fresh worker is started behind it).
// - After 'done', window.meshcheck.last = {report, reportJson, bytes, ms, mbps, wasmHeapBytes,
//   phases, readStalls}; phases (seconds): the worker's read, tokenize, model, graph, metrics,
//   classify and report (web/protocol.js), and render: the page's, from the report's arrival to
//   'done'.
// - After 'done', #result gets the class 'laid-out' once the verdict is painted: from then on
//   the whole result is laid out and nothing in it moves by itself.
// - #network's data-state: 'laying-out', then 'webgl', 'canvas' or 'empty' once drawn, or
//   'failed' when the layout worker answered with an error or failed (the reason is shown in
//   its place; the verdict stays).
// - ?example=1 loads the bundled example (examples/demo-server.json) once ready.
// - window.meshcheck.show(reportJson) shows a saved report (no analysis; no graph); tests use
//   it for report fields the core does not write yet.
// Everything taken from a report or a file name is shown with textContent, never as HTML.
// Names revealed by the toggle live only in this page's memory: nothing is stored.
import {svgToPng} from './charts.js';
import {download, membersCsvFromReport} from './exports.js';
import {clearNetwork, networkPng, showNetwork} from './network.js';
import {makeRequest, networkBuffers, Request, Response} from './protocol.js';
import {fillList, html, inputTexts, renderComparison, renderReport} from './render.js';
import {strings} from './strings.js';

// The memory ceiling of an analysis when the options leave it empty, in MB.
const kDefaultMemoryMb = 1024;

const kExampleUrl = 'examples/demo-server.json';

const $ = (id) => document.getElementById(id);
const meshcheck = {
  last: null
};
window.meshcheck = meshcheck;
meshcheck.show = (json) => {
  if (running)
    return;
  begin('');
  showReport(
      {
        json,
        csv: null,
        stats: {bytes: 0, ms: 0, mbps: 0, wasmHeapBytes: 0, phases: {}, readStalls: 0},
      },
      -1);
  showGraph({total: 0, ties: 0, nodes: [], edges: []});
};

let worker = null;
let running = null;  // the ANALYZE request in flight
let generation = 0;  // bumped by cancel(): an example still being fetched is then dropped
let downloadUrl = null;
let lastFiles = [];   // the inputs of the last analysis ([{file, name}]), for re-analysis
let current = null;   // {report, csv, network, name} of the result shown
let comparison = [];  // [{name, report}]
let exampleRequested = new URLSearchParams(location.search).get('example') === '1';

function setState(state) {
  document.body.dataset.state = state;
  const busy = state === 'running';
  if (busy)
    $('result').classList.remove('laid-out');
  $('progress-row').hidden = !busy;
  for (const id of ['file', 'folder', 'example', 'result-reanalyse', 'reveal-names'])
    $(id).disabled = busy;
}

function setStatus(text) {
  $('status-text').textContent = text;
}

function startWorker() {
  worker = new Worker(new URL('./worker.js', import.meta.url), {type: 'module'});
  const started = worker;  // messages of a terminated worker are ignored
  worker.onmessage = (event) => {
    if (worker === started)
      onResponse(event.data);
  };
  worker.onerror = (event) => {
    if (worker !== started)
      return;
    event.preventDefault();
    const message = event.message || 'worker error';
    if (!running && layoutPending())
      networkFailed(message);  // The fresh worker behind a report: the verdict stays.
    else
      showError({message: strings.workerFailed(message), id: 'page.worker'});
  };
  worker.postMessage(makeRequest(Request.INIT));
}

// A fresh worker (the old one's memory is released): after cancel, after a memory error and
// after each report.
function restartWorker() {
  worker.terminate();
  startWorker();
}

function onResponse(response) {
  const {type, data} = response;
  if (type === Response.READY) {
    if (document.body.dataset.state === 'loading') {
      setState('ready');
      setStatus(strings.ready);
    }
    if (exampleRequested) {
      exampleRequested = false;
      loadExample();
    }
    return;
  }
  if (current && response.requestId === current.layoutId) {
    if (type === Response.GRAPH)
      showGraph(data);
    else if (type === Response.ERROR)
      networkFailed(data.message);
    return;
  }
  if (!running || response.requestId !== running.id) {
    if (type === Response.ERROR)
      showError(data);  // INIT failed
    return;
  }
  if (type === Response.PROGRESS) {
    showProgress(data);
  } else if (type === Response.REPORT) {
    const requestId = running.id;
    running = null;
    // The analysing worker is done: replaced before rendering, so its wasm memory is released
    // first; the fresh one lays out the network.
    restartWorker();
    showReport(data, requestId);
    layOutNetwork(data.network);
  } else if (type === Response.ERROR) {
    running = null;
    showError(data);
    // A memory limit (session.memory_limit, wasm.out_of_memory; code 4, limit_exceeded): a fresh
    // worker, so the next file starts with the memory released.
    if (data.code === 4 || /memory/.test(data.id ?? ''))
      restartWorker();
  }
}

// ------------------------------------------------------------------------------ the file list

// One row per input: name, size, detected format (after the analysis), its progress.
function showFileList(files) {
  $('file-list')
      .replaceChildren(...files.map(
          ({file, name}, i) => html(
              'li', {
                'data-index': i,
                'data-state': 'waiting',
              },
              [
                html('span', {class: 'file-name'}, [name]),
                html('span', {class: 'file-size'}, [strings.fileSize(file.size)]),
                html('span', {class: 'file-status'}, [strings.fileWaiting]),
                html('progress', {'max': Math.max(1, file.size), 'value': 0, 'aria-label': name}),
              ])));
}

function fileRow(i) {
  return $('file-list').children[i] ?? null;
}

function setFileRow(i, state, text, value) {
  const row = fileRow(i);
  if (!row)
    return;
  row.dataset.state = state;
  row.querySelector('.file-status').textContent = text;
  const bar = row.querySelector('progress');
  if (value !== undefined)
    bar.value = value;
}

// After the analysis: each input's detected format and records, or its own error.
function finishFileList(inputs) {
  inputs.forEach((input, i) => {
    const ok = input.status === 'ok';
    setFileRow(
        i, ok ? 'done' : 'error', ok ? strings.fileDone(input) : strings.fileFailed(input),
        ok ? Number(fileRow(i)?.querySelector('progress').max) : undefined);
  });
}

// ------------------------------------------------------------------------------ the analysis

// Clears the last result and shows the page as busy.
function begin(status) {
  $('quiz').report = null;
  $('result').hidden = true;
  $('error').hidden = true;
  clearNetwork();
  current = null;
  setState('running');
  setStatus(status);
  showProgress({bytes: 0, totalBytes: 0, percent: 0, mbps: 0, events: 0, input: ''});
}

const hostsWanted = () => $('hosts').value.split(',').map((h) => h.trim()).filter(Boolean);

// files: [{file: File, name}] (name: the path inside a folder, else the file name).
function analyze(files) {
  if (running || files.length === 0)
    return;
  lastFiles = files;
  running = makeRequest(Request.ANALYZE, {
    files,
    hosts: hostsWanted(),
    pseudonymize: !$('names').checked,
    detectBots: $('detect-bots').checked,
    // A ceiling by default (docs/limits.md): the analysis ends with session.memory_limit and a
    // message, well before the browser would kill the worker.
    maxMemoryBytes: (Math.max(0, Number($('max-memory').value) || 0) || kDefaultMemoryMb) * 2 ** 20,
  });
  begin(strings.starting(files.length));
  showFileList(files);
  worker.postMessage(running);
}

const plainFiles = (list) => [...list].map((file) => ({file, name: file.name}));

// Name order with digit runs compared as numbers (1.csv, 2.csv, ... 10.csv), as the CLI reads a
// folder (cli/main.cpp NaturalLess): leading zeros dropped, a shorter number is smaller.
function naturalLess(a, b) {
  const digit = (c) => c >= '0' && c <= '9';
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (digit(a[i]) && digit(b[j])) {
      let ei = i, ej = j;
      while (ei < a.length && digit(a[ei]))
        ++ei;
      while (ej < b.length && digit(b[ej]))
        ++ej;
      const na = a.slice(i, ei).replace(/^0+(?=\d)/, '');
      const nb = b.slice(j, ej).replace(/^0+(?=\d)/, '');
      if (na.length !== nb.length)
        return na.length < nb.length;
      if (na !== nb)
        return na < nb;
      i = ei;
      j = ej;
    } else {
      if (a[i] !== b[j])
        return a.charCodeAt(i) < b.charCodeAt(j);
      ++i;
      ++j;
    }
  }
  return a.length - i < b.length - j;
}

// A folder's files by their path from the folder ("export/general/2016-01-01.json"), in the
// CLI's name order.
const byPath = (files) => files.sort(
    (a, b) =>
        (naturalLess(a.name, b.name)     ? -1 :
             naturalLess(b.name, a.name) ? 1 :
                                           0));

function cancel() {
  if (document.body.dataset.state !== 'running')
    return;
  ++generation;
  running = null;
  restartWorker();
  for (const row of $('file-list').children) {
    if (row.dataset.state !== 'done' && row.dataset.state !== 'error')
      setFileRow(Number(row.dataset.index), 'cancelled', strings.fileCancelled);
  }
  setState('cancelled');
  setStatus(strings.cancelled);
  $('speed').textContent = '';
}

async function loadExample() {
  if (running)
    return;
  const ticket = ++generation;
  begin(strings.loadingExample);
  try {
    const response = await fetch(kExampleUrl);
    if (!response.ok)
      throw new Error(String(response.status));
    const blob = await response.blob();
    if (ticket === generation) {
      const name = kExampleUrl.split('/').pop();
      analyze([{file: new File([blob], name, {type: 'application/json'}), name}]);
    }
  } catch {
    if (ticket === generation)
      showError({message: strings.exampleMissing, id: 'page.example_missing'});
  }
}

function showProgress(p) {
  $('progress').value = p.percent;
  $('percent').textContent = `${Math.floor(p.percent)}%`;
  $('speed').textContent = strings.progress(p);
  if (p.inputIndex >= 0) {
    for (let i = 0; i < p.inputIndex; ++i) {
      if (fileRow(i)?.dataset.state === 'reading')
        setFileRow(i, 'read', '', Number(fileRow(i).querySelector('progress').max));
    }
    setFileRow(p.inputIndex, 'reading', strings.fileReading, p.inputBytes);
  }
}

function showReport({json, csv, stats}, requestId) {
  const rendering = performance.now();
  const report = JSON.parse(json);
  renderReport(report, json, stats);
  finishFileList(report.inputs);
  if (downloadUrl)
    URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([json], {type: 'application/json'}));
  $('download').href = downloadUrl;
  current = {report, csv, requestId, layoutId: null, network: null, name: exportName(report)};
  $('download-csv').disabled = !(csv ?? membersCsvFromReport(report));
  $('result-hosts').value = $('hosts').value;
  $('reveal-names').checked = $('names').checked;
  $('result').hidden = false;
  $('quiz').report = json;  // the quiz shows "you say / your data says" (web/quiz)
  setStatus(strings.ready);
  $('speed').textContent = '';
  const render = (performance.now() - rendering) / 1000;
  meshcheck.last = {report, reportJson: json, ...stats, phases: {...stats.phases, render}};
  setState('done');
  layOutAfterPaint(requestId);
}

// The sections below the verdict are skipped by layout until near the viewport (styles.css);
// after the verdict's first paint they are all laid out, so none shifts later under the pointer.
function layOutAfterPaint(requestId) {
  requestAnimationFrame(() => setTimeout(() => {
                          if (current?.requestId === requestId &&
                              document.body.dataset.state === 'done')
                            $('result').classList.add('laid-out');
                        }));
}

function exportName(report) {
  const names = report.inputs.map((i) => i.name.split('/')[0]);
  return names.length === 1 ? names[0] : `${names[0]} +${names.length - 1}`;
}

// Asks the (fresh) worker to lay out the network of the result shown (a REPORT's).
function layOutNetwork(network) {
  const request = makeRequest(Request.LAYOUT, {network});
  current.layoutId = request.id;
  worker.postMessage(request, networkBuffers(network));
}

// Whether the network of the result shown is still being laid out.
function layoutPending() {
  return current?.layoutId != null && $('network')?.dataset.state === 'laying-out';
}

// The layout failed: the reason takes the drawing's place, the rest of the result stays.
function networkFailed(message) {
  const view = $('network');
  if (!view)
    return;
  view.replaceChildren(html('p', {class: 'hint'}, [strings.networkFailed(message)]));
  view.dataset.state = 'failed';
}

function showGraph(network) {
  current.network = network;
  const view = $('network');
  if (!view)
    return;
  const button = view.parentElement.querySelector('button[data-png=network]');
  if (network.nodes.length === 0) {
    view.replaceChildren(html('p', {class: 'hint'}, [strings.networkEmpty]));
    view.dataset.state = 'empty';
    return;
  }
  const links = network.edges.length;
  view.setAttribute('aria-label', strings.networkDesc(network.nodes.length, links));
  view.dataset.state = showNetwork(view, network);
  const cut = network.total > network.nodes.length || network.ties > links;
  $('network-note').textContent = cut ? strings.networkTruncated(network) : '';
  button.disabled = false;
}

function showError(error) {
  running = null;
  clearNetwork();
  const inputs = error.inputs ?? [];
  $('error-text').textContent = inputs.length > 1 ? strings.noInputRead : strings.error(error);
  fillList('error-inputs', inputs.length > 1 ? inputTexts(inputs) : []);
  finishFileList(inputs);
  $('error').hidden = false;
  $('result').hidden = true;
  setStatus(strings.ready);
  $('speed').textContent = '';
  setState('error');
}

// ------------------------------------------------------------------------------ take it away

async function savePng(button) {
  const name = button.dataset.png;
  const blob = name === 'network' ? await networkPng(current.network) :
                                    await svgToPng(button.parentElement.querySelector('svg'));
  download(blob, `meshcheck-${name}.png`);
}

// The core's CSV (a Blob from the worker), else the one built from the report.
function saveCsv() {
  const fromReport = current?.csv ? '' : membersCsvFromReport(current?.report ?? {});
  const csv = current?.csv ?? (fromReport ? new Blob([fromReport], {type: 'text/csv'}) : null);
  if (csv)
    download(csv, 'meshcheck-members.csv');
}

// Printing (the button or the browser's own command) opens the collapsible panels, so the PDF
// holds everything shown; they close again afterwards.
let openedForPrint = [];
function openForPrint() {
  openedForPrint = [...document.querySelectorAll('#result details:not([open])')];
  for (const d of openedForPrint)
    d.open = true;
}
function closeAfterPrint() {
  for (const d of openedForPrint)
    d.open = false;
  openedForPrint = [];
}

function addToComparison() {
  if (!current)
    return;
  comparison = [...comparison.filter((e) => e.report !== current.report), current].slice(-6);
  renderComparison(comparison);
}

function reanalyse() {
  if (lastFiles.length > 0 && !running)
    analyze(lastFiles);
}

// ------------------------------------------------------------------------------ input

// The files of a dropped item, recursing into folders (named by their path from the folder).
async function entryFiles(entry) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    return [{file, name: entry.fullPath.replace(/^\//, '')}];
  }
  const reader = entry.createReader();
  const children = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0)
      break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(entryFiles))).flat();
}

async function droppedFiles(dataTransfer) {
  const entries =
      [...(dataTransfer?.items ?? [])].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.some((e) => e.isDirectory))
    return plainFiles(dataTransfer?.files ?? []);
  return byPath((await Promise.all(entries.map(entryFiles))).flat());
}

function setUpInput() {
  const drop = $('drop');
  // A file dropped outside the zone must not make the browser navigate away to it.
  for (const type of ['dragover', 'drop'])
    window.addEventListener(type, (e) => e.preventDefault());
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    analyze(await droppedFiles(e.dataTransfer));
  });
  $('file').addEventListener('change', (e) => {
    analyze(plainFiles(e.target.files));
    e.target.value = '';  // choosing the same file again fires 'change' again
  });
  $('folder').addEventListener('change', (e) => {
    analyze(byPath([...e.target.files].map((file) => ({
                                             file,
                                             name: file.webkitRelativePath || file.name,
                                           }))));
    e.target.value = '';
  });
  $('example').addEventListener('click', loadExample);
  $('cancel').addEventListener('click', cancel);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape')
      cancel();
  });
  for (const id of ['result', 'compare']) {
    $(id).addEventListener('click', (e) => {
      const button = e.target.closest('button.png');
      if (button)
        savePng(button);
    });
  }
  $('download-csv').addEventListener('click', saveCsv);
  $('print').addEventListener('click', () => window.print());
  window.addEventListener('beforeprint', openForPrint);
  window.addEventListener('afterprint', closeAfterPrint);
  $('compare-add').addEventListener('click', addToComparison);
  $('compare-clear').addEventListener('click', () => {
    comparison = [];
    renderComparison(comparison);
  });
  $('reveal-names').addEventListener('change', (e) => {
    $('names').checked = e.target.checked;
    reanalyse();
  });
  $('result-reanalyse').addEventListener('click', () => {
    $('hosts').value = $('result-hosts').value;
    reanalyse();
  });
  $('result-hosts').addEventListener('keydown', (e) => {
    if (e.key === 'Enter')
      $('result-reanalyse').click();
  });
  // Charts follow the colour scheme; the network is redrawn in the new colours.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (current?.network)
      showGraph(current.network);
  });
}

setUpInput();
setState('loading');
startWorker();
