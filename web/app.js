// The page (main thread): takes files from the drop zone, the picker or the bundled example,
// hands them to the worker (web/worker.js) and shows its progress and report.
//
// Contract used by tests and benchmarks (keep it exactly):
// - document.body.dataset.state: 'loading' | 'ready' | 'running' | 'done' | 'error' |
//   'cancelled'. Files are accepted in every state but 'running'; 'cancelled' is such a
//   resting state (a fresh worker is started behind it).
// - After 'done', window.meshcheck.last = {report, reportJson, bytes, ms, mbps, wasmHeapBytes}.
// - ?example=1 loads the bundled example (examples/demo-server.json) once ready.
// Everything taken from a report is shown with textContent, never parsed as HTML.
import {makeRequest, Request, Response} from './protocol.js';
import {strings} from './strings.js';

const kExampleUrl = 'examples/demo-server.json';

const $ = (id) => document.getElementById(id);
const meshcheck = {
  last: null
};
window.meshcheck = meshcheck;

let worker = null;
let running = null;  // the ANALYZE request in flight
let generation = 0;  // bumped by cancel(): an example still being fetched is then dropped
let downloadUrl = null;
let exampleRequested = new URLSearchParams(location.search).get('example') === '1';

function setState(state) {
  document.body.dataset.state = state;
  const busy = state === 'running';
  $('progress-row').hidden = !busy;
  $('file').disabled = busy;
  $('example').disabled = busy;
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
    showError({message: strings.workerFailed(event.message || 'worker error'), id: 'page.worker'});
  };
  worker.postMessage(makeRequest(Request.INIT));
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
  if (!running || response.requestId !== running.id) {
    if (type === Response.ERROR)
      showError(data);  // INIT failed
    return;
  }
  if (type === Response.PROGRESS) {
    showProgress(data);
  } else if (type === Response.REPORT) {
    running = null;
    showReport(data);
  } else if (type === Response.ERROR) {
    running = null;
    showError(data);
  }
}

// Clears the last result and shows the page as busy.
function begin(status) {
  $('quiz').report = null;
  $('result').hidden = true;
  $('error').hidden = true;
  setState('running');
  setStatus(status);
  showProgress({bytes: 0, totalBytes: 0, percent: 0, mbps: 0, events: 0, input: ''});
}

function analyze(files) {
  if (running || files.length === 0)
    return;
  const hosts = $('hosts').value.split(',').map((h) => h.trim()).filter(Boolean);
  running = makeRequest(Request.ANALYZE, {files, hosts, pseudonymize: !$('names').checked});
  begin(strings.starting(files.length));
  worker.postMessage(running);
}

function cancel() {
  if (document.body.dataset.state !== 'running')
    return;
  ++generation;
  worker.terminate();
  running = null;
  startWorker();
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
    if (ticket === generation)
      analyze([new File([blob], kExampleUrl.split('/').pop(), {type: 'application/json'})]);
  } catch {
    if (ticket === generation)
      showError({message: strings.exampleMissing, id: 'page.example_missing'});
  }
}

function showProgress(p) {
  $('progress').value = p.percent;
  $('percent').textContent = `${Math.floor(p.percent)}%`;
  $('speed').textContent = strings.progress(p);
}

// Fills list `id` with one <li> per text; hides `blockId` when there is none.
function fillList(id, texts, blockId) {
  $(id).replaceChildren(...texts.map((text) => {
    const li = document.createElement('li');
    li.textContent = text;
    return li;
  }));
  if (blockId)
    $(blockId).hidden = texts.length === 0;
}

function inputTexts(inputs) {
  return inputs.map((i) => (i.status === 'ok' ? strings.input(i) : strings.inputError(i)));
}

function hostText(hosts, group) {
  if (!hosts || hosts.members.length === 0)
    return strings.hostNone(hosts?.how ?? '');
  const share = group.messages > 0 ? strings.share(hosts.messages / group.messages) : '0%';
  return strings.hostFound(hosts.members.map((m) => m.id), share, hosts.how);
}

function showReport({json, stats}) {
  const report = JSON.parse(json);
  const {verdict, hosts, group} = report;
  $('verdict-title').textContent = verdict.title;
  $('verdict-title').dataset.label = verdict.label;
  $('index').textContent = strings.communityIndex(verdict.community_index);
  $('confidence').textContent = strings.confidence(verdict.confidence);
  const provisional = verdict.label === 'insufficient_data' && verdict.provisional_label;
  $('provisional').textContent = provisional ? strings.provisional(verdict.provisional_label) : '';
  fillList('insufficient', verdict.insufficient ?? [], 'insufficient-block');
  fillList('reasons', verdict.reasons ?? []);
  fillList('caveats', verdict.caveats ?? [], 'caveats-block');
  $('host').textContent = hostText(hosts, group);
  if (hosts?.unmatched?.length)
    $('host').textContent += ` ${strings.hostsUnmatched(hosts.unmatched)}`;
  $('group').textContent = strings.group(group);
  fillList('channels', (group.channels ?? []).map(strings.channel));
  fillList('inputs', inputTexts(report.inputs));
  fillList('diagnostics', (report.diagnostics ?? []).map(strings.diagnostic), 'diagnostics-block');
  $('stats').textContent = strings.done(stats);
  $('raw').textContent = json;
  if (downloadUrl)
    URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([json], {type: 'application/json'}));
  $('download').href = downloadUrl;
  $('result').hidden = false;
  meshcheck.last = {report, reportJson: json, ...stats};
  $('quiz').report = json;  // the quiz shows "you say / your data says" (web/quiz)
  setStatus(strings.ready);
  $('speed').textContent = '';
  setState('done');
}

function showError(error) {
  running = null;
  const inputs = error.inputs ?? [];
  $('error-text').textContent = inputs.length > 1 ? strings.noInputRead : strings.error(error);
  fillList('error-inputs', inputs.length > 1 ? inputTexts(inputs) : []);
  $('error').hidden = false;
  $('result').hidden = true;
  setStatus(strings.ready);
  $('speed').textContent = '';
  setState('error');
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
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    analyze([...(e.dataTransfer?.files ?? [])]);
  });
  $('file').addEventListener('change', (e) => {
    analyze([...e.target.files]);
    e.target.value = '';  // choosing the same file again fires 'change' again
  });
  $('example').addEventListener('click', loadExample);
  $('cancel').addEventListener('click', cancel);
}

setUpInput();
setState('loading');
startWorker();
