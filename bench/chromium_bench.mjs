// The headless-Chromium row of scripts/bench.sh: analyses each FILE with the page (build/web)
// in Debian's Chromium through playwright-core and prints, per file, one line
//   file=PATH bytes=N seconds=S mbps=R peak_kb=K done_peak_kb=D network_s=G page_ms=M
//   page_mbps=P wasm_heap_bytes=H read_stalls=N read=S tokenize=S model=S graph=S metrics=S
//   classify=S report=S render=S
// seconds: from handing the file to the page's #file input to document.body.dataset.state
// 'done' (the verdict), best of --runs; mbps = bytes / seconds (MB = 10^6 bytes); peak_kb: the
// largest peak RSS (VmHWM) of the renderer processes (the page's runs its workers too) over the
// whole run: until the network, laid out after the verdict, is drawn (#network's data-state
// leaves 'laying-out') and 1 s more; done_peak_kb: the same peak read at the verdict; both the
// highest over the runs. network_s: from handing the file over to the network drawn, in the
// best run. Each run starts a fresh browser, so each peak belongs to one analysis. page_ms,
// page_mbps, wasm_heap_bytes and the phases are the page's own figures (window.meshcheck.last) of
// the best run; read_stalls: the reads of the file the worker gave up and started again
// (web/worker.js, FileChunks), summed over the runs. Phases, in seconds: the worker's
// (web/protocol.js: read is waiting for the file and copying it into wasm memory; the others are
// the core's, as the CLI's --timings, report also taking the report out of wasm) and render, the
// page's from the report's arrival to 'done'. Time in none of them: handing the file over,
// messages, Chromium's layout and paint.
// --trace FILE appends, per run, the largest renderer VmRSS every 50 ms: lines
// "file run ms rss_kb phase" (phase: running, done (the verdict shown) or network (drawn)).
// A run that does not reach the verdict in 30 minutes, or the drawn network 2 minutes after it,
// ends the benchmark with the page's state: body and #network data-state, the status, progress
// and error texts, the page's errors, console errors and workers, and each renderer's scheduler
// state and CPU seconds (so a hang shows where it waits and whether anything still runs).
//
//   node bench/chromium_bench.mjs [--runs N] [--web DIR] [--trace FILE] FILE...
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kTimeoutMs = 30 * 60 * 1000;
const kNetworkTimeoutMs = 2 * 60 * 1000;  // the layout takes about a second
const kSampleMs = 50;
const kAfterNetworkMs = 1000;  // late frees and paints after the network is drawn
const kPhases = ['read', 'tokenize', 'model', 'graph', 'metrics', 'classify', 'report', 'render'];

function parseArgs(argv) {
  const args = {runs: 3, web: path.join(repo, 'build/web'), trace: null, files: []};
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--runs')
      args.runs = Number(argv[++i]);
    else if (argv[i] === '--web')
      args.web = path.resolve(argv[++i]);
    else if (argv[i] === '--trace')
      args.trace = path.resolve(argv[++i]);
    else
      args.files.push(path.resolve(argv[i]));
  }
  if (!args.files.length || !(args.runs >= 1)) {
    console.error(
        'usage: node bench/chromium_bench.mjs [--runs N] [--web DIR] [--trace FILE] FILE...');
    process.exit(2);
  }
  return args;
}

// Starts scripts/serve.mjs on a free port; resolves to {server, origin}.
async function startServer(webDir) {
  const server = spawn(
      process.execPath, [path.join(repo, 'scripts/serve.mjs'), webDir, '--port', '0'],
      {stdio: ['ignore', 'pipe', 'inherit']});
  const firstLine = await new Promise((resolve, reject) => {
    readline.createInterface({input: server.stdout}).once('line', resolve);
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return {server, origin: new URL(firstLine).origin};
}

// The fields of /proc/PID/stat after the command name (state, parent id, ...), or null once the
// process is gone.
function statFields(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;  // The process ended meanwhile.
  }
}

// Processes descending from `root` (by /proc/PID/stat parent ids).
function descendants(root) {
  const parent = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    const fields = /^\d+$/.test(entry) ? statFields(entry) : null;
    if (fields)
      parent.set(Number(entry), Number(fields[1]));
  }
  const found = [];
  for (const pid of parent.keys()) {
    for (let p = parent.get(pid); p; p = parent.get(p)) {
      if (p === root) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}

// The renderer processes of the browser whose process id is `browserPid`.
function renderers(browserPid) {
  return descendants(browserPid).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;  // The process ended meanwhile.
    }
  });
}

// A /proc/PID/status field in kB (0 once the process is gone).
function statusKb(pid, field) {
  try {
    const match =
        new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

// The largest VmHWM (kB) among the renderer processes of the browser whose process id is
// `browserPid`.
function rendererPeakKb(browserPid) {
  return Math.max(0, ...renderers(browserPid).map((pid) => statusKb(pid, 'VmHWM')));
}

// The browser process started with `userDataDir`.
function browserPid(userDataDir) {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry))
      continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes(`--user-data-dir=${userDataDir}`) &&
          !args.some((a) => a.startsWith('--type=')))
        return Number(entry);
    } catch {
      // The process ended meanwhile.
    }
  }
  throw new Error('cannot find the Chromium browser process');
}

// Each renderer's scheduler state (R running, S sleeping, ...) and CPU seconds so far.
function rendererActivity(browserPid) {
  return renderers(browserPid).map((pid) => {
    const fields = statFields(pid);
    if (!fields)
      return {pid, state: 'gone'};
    const ticks = Number(fields[11]) + Number(fields[12]);  // utime + stime
    return {pid, state: fields[0], cpu_s: ticks / 100};     // USER_HZ is 100 on Linux
  });
}

// Records what the page reports while it runs: its uncaught errors, console errors, crashes and
// its workers' comings and goings.
function watchPage(page) {
  const events = [];
  const note = (text) => events.push(`${Math.round(performance.now())} ms: ${text}`);
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      note(`console ${m.type()}: ${m.text()}`);
  });
  page.on('crash', () => note('the page crashed'));
  page.on('worker', (w) => {
    note(`worker started: ${w.url()}`);
    w.on('close', () => note(`worker closed: ${w.url()}`));
  });
  return events;
}

// Waits for `predicate` in the page; on a timeout, throws with the page's state.
async function waitOrExplain(page, browser, events, what, predicate, timeout) {
  try {
    await page.waitForFunction(predicate, null, {timeout, polling: 50});
  } catch (e) {
    const state = await page
                      .evaluate(() => ({
                                  body: document.body.dataset.state,
                                  network: document.getElementById('network')?.dataset.state,
                                  status: document.getElementById('status-text')?.textContent,
                                  percent: document.getElementById('percent')?.textContent,
                                  speed: document.getElementById('speed')?.textContent,
                                  error: document.getElementById('error-text')?.textContent,
                                }))
                      .catch((err) => ({unreadable: String(err)}));
    throw new Error(`${what}: ${e.message}\npage: ${JSON.stringify(state)}\nworkers alive: ${
        page.workers().length}\nrenderers: ${
        JSON.stringify(rendererActivity(browser))}\nevents:\n  ${events.join('\n  ')}`);
  }
}

async function runOnce(origin, file, tmpDir) {
  const userDataDir = fs.mkdtempSync(path.join(tmpDir, 'profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    env: {...process.env, TMPDIR: tmpDir},
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
    ],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const events = watchPage(page);
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    const browser = browserPid(userDataDir);
    const pids = renderers(browser);
    const samples = [];
    let phase = 'running';
    const started = performance.now();
    const sampler = setInterval(() => {
      const rss = Math.max(0, ...pids.map((pid) => statusKb(pid, 'VmRSS')));
      samples.push([Math.round(performance.now() - started), rss, phase]);
    }, kSampleMs);
    try {
      await page.setInputFiles('#file', file);
      await waitOrExplain(
          page, browser, events, `${file}: no verdict`,
          () => ['done', 'error'].includes(document.body.dataset.state), kTimeoutMs);
      const seconds = (performance.now() - started) / 1000;
      const donePeakKb = rendererPeakKb(browser);
      phase = 'done';
      const state = await page.evaluate(() => document.body.dataset.state);
      if (state !== 'done')
        throw new Error(`${file}: the page ended in state '${state}'`);
      const last = await page.evaluate(() => {
        const {bytes, ms, mbps, wasmHeapBytes, phases, readStalls} = window.meshcheck.last;
        return {bytes, ms, mbps, wasmHeapBytes, phases, readStalls};
      });
      await waitOrExplain(
          page, browser, events, `${file}: the network was not drawn`,
          () => document.getElementById('network')?.dataset.state !== 'laying-out',
          kNetworkTimeoutMs);
      const network = await page.evaluate(() => {
        const view = document.getElementById('network');
        return {state: view.dataset.state, text: view.textContent};
      });
      if (network.state === 'failed')
        throw new Error(`${file}: ${network.text}\nevents:\n  ${events.join('\n  ')}`);
      const networkSeconds = (performance.now() - started) / 1000;
      phase = 'network';
      await new Promise((resolve) => setTimeout(resolve, kAfterNetworkMs));
      return {seconds, networkSeconds, donePeakKb, peakKb: rendererPeakKb(browser), last, samples};
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await context.close();
    fs.rmSync(userDataDir, {recursive: true, force: true});
  }
}

const args = parseArgs(process.argv.slice(2));
const tmpDir = fs.mkdtempSync(path.join(repo, 'build/chromium-bench-'));
const {server, origin} = await startServer(args.web);
try {
  for (const file of args.files) {
    let best = null;
    let peakKb = 0, donePeakKb = 0, readStalls = 0;
    for (let run = 0; run < args.runs; ++run) {
      const r = await runOnce(origin, file, tmpDir);
      peakKb = Math.max(peakKb, r.peakKb);
      donePeakKb = Math.max(donePeakKb, r.donePeakKb);
      readStalls += r.last.readStalls;
      if (!best || r.seconds < best.seconds)
        best = r;
      if (args.trace) {
        fs.appendFileSync(
            args.trace, r.samples.map((s) => `${file} ${run} ${s.join(' ')}\n`).join(''));
      }
    }
    const bytes = fs.statSync(file).size;
    const phases = kPhases.map((p) => `${p}=${(best.last.phases?.[p] ?? 0).toFixed(3)}`);
    console.log(`file=${file} bytes=${bytes} seconds=${best.seconds.toFixed(3)} mbps=${
        (bytes / 1e6 / best.seconds).toFixed(1)} peak_kb=${peakKb} done_peak_kb=${
        donePeakKb} network_s=${best.networkSeconds.toFixed(3)} page_ms=${
        Math.round(best.last.ms)} page_mbps=${best.last.mbps.toFixed(1)} wasm_heap_bytes=${
        best.last.wasmHeapBytes} read_stalls=${readStalls} ${phases.join(' ')}`);
  }
} finally {
  server.kill();
  fs.rmSync(tmpDir, {recursive: true, force: true});
}
