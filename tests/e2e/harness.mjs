// Shared harness of the page's browser tests (page.test.mjs, app.test.mjs): paths and options,
// the static server (scripts/serve.mjs), headless Debian Chromium through playwright-core, and
// the helpers that wait for the page's state and check screenshots. See tests/e2e/README.md.
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpus = process.env.MESHCHECK_CORPUS ?? path.join(repo, '../shared/corpus');
export const outputDir = path.join(repo, 'build/test-output');

function option(name, env, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return path.resolve(i > 0 ? process.argv[i + 1] : process.env[env] ?? fallback);
}
// --cli / $MESHCHECK_CLI, --web / $MESHCHECK_WEB_DIR, --gen / $MESHCHECK_GEN.
export const cli = option('cli', 'MESHCHECK_CLI', path.join(repo, 'build/native/cli/meshcheck'));
export const webDir = option('web', 'MESHCHECK_WEB_DIR', path.join(repo, 'build/web'));
export const generator =
    option('gen', 'MESHCHECK_GEN', path.join(repo, 'build/native/bench/meshcheck_gen'));

// The CLI's report (text) for one path or several (one session), with extra flags.
export function cliReport(files, flags = []) {
  const r = spawnSync(cli, ['analyze', ...[files].flat(), '--json', ...flags], {encoding: 'utf8'});
  assert.equal(r.status, 0, `CLI failed on ${files}: ${r.stderr}`);
  return r.stdout;
}

// People and ties in the CLI's edge list (--edges) of `files`, counted here as the page should:
// everyone in a node or edge line, and the distinct unordered pairs of two people in edge lines.
export function edgeListCounts(files, edgeFile) {
  cliReport(files, ['--edges', edgeFile]);
  const people = new Set();
  const pairs = new Set();
  for (const f of fs.readFileSync(edgeFile, 'utf8').split('\n').map((l) => l.split('\t'))) {
    if (f[0] === 'node')
      people.add(f[1]);
    if (f[0] === 'edge') {
      people.add(f[1]).add(f[2]);
      if (f[1] !== f[2])
        pairs.add([f[1], f[2]].sort().join(' '));
    }
  }
  return {people: people.size, ties: pairs.size};
}

// Writes a generated export of `size` ("200M") to `file`: bench's meshcheck_gen, archetype
// `community` (bench/README.md), deterministic.
export function generateExport(file, size) {
  const r = spawnSync(
      generator, ['--archetype', 'community', '--seed', '1', '--bytes', size, '--out', file],
      {encoding: 'utf8'});
  assert.equal(r.status, 0, `meshcheck_gen failed: ${r.error ?? r.stderr}`);
}

// Starts scripts/serve.mjs over webDir on a free port; resolves to {server, origin}.
export async function startServer() {
  const server = spawn(
      process.execPath, [path.join(repo, 'scripts/serve.mjs'), webDir, '--port', '0'],
      {stdio: ['ignore', 'pipe', 'inherit']});
  const firstLine = await new Promise((resolve, reject) => {
    readline.createInterface({input: server.stdout}).once('line', resolve);
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return {server, origin: new URL(firstLine).origin};
}

// A browser with a fresh profile in a scratch folder: {context, tmp, close()}. Options go to
// launchPersistentContext (viewport, colorScheme, acceptDownloads...).
export async function launchBrowser(options = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'meshcheck-e2e-'));
  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    env: {...process.env, TMPDIR: tmp},  // else Chromium leaves folders in /tmp
    viewport: {width: 1000, height: 1100},
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
    ],
    ...options,
  });
  return {
    context,
    tmp,
    async close() {
      await context.close();
      fs.rmSync(tmp, {recursive: true, force: true});
    },
  };
}

// Counts the distinct colours of a PNG (or of each of an array of PNGs), decoded by the browser
// in a blank page.
export async function distinctColours(context, png) {
  const page = await context.newPage();
  try {
    const counts = await page.evaluate(async (images) => {
      const out = [];
      for (const b64 of images) {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], {type: 'image/png'}));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const g = canvas.getContext('2d');
        g.drawImage(bitmap, 0, 0);
        const pixels =
            new Uint32Array(g.getImageData(0, 0, bitmap.width, bitmap.height).data.buffer);
        out.push(new Set(pixels).size);
      }
      return out;
    }, [png].flat().map((p) => Buffer.from(p).toString('base64')));
    return Array.isArray(png) ? counts : counts[0];
  } finally {
    await page.close();
  }
}

// Saves a full-page screenshot to build/test-output/NAME.png and checks it is not blank.
export async function screenshot(page, name, options = {}) {
  const png = await page.screenshot({
    path: path.join(outputDir, `${name}.png`),
    fullPage: true,
    ...options,
  });
  assert.ok(await distinctColours(page.context(), png) > 8, `${name}.png is not blank`);
  return png;
}

export const waitForState = (page, states, timeout = 15000) =>
    page.waitForFunction((s) => s.includes(document.body.dataset.state), states, {timeout});

// Waits until no network is being laid out: on a report the page replaces the analysing worker
// by a fresh one that lays out the network (web/protocol.js); #network then leaves
// 'laying-out' (or there is none).
export const networkDrawn = (page, timeout = 15000) => page.waitForFunction(
    () => document.getElementById('network')?.dataset.state !== 'laying-out', null, {timeout});

// Runs `action` (which starts an analysis) and waits for its outcome; returns the final state.
// The state is first set to a marker, so the previous run's 'done' cannot be mistaken for this
// one's. After 'done' it also waits for the result's final layout (#result.laid-out), so a
// control the test clicks next cannot move while it is clicked.
export async function analyzeWith(page, action, timeout = 15000) {
  await page.evaluate(() => {
    document.body.dataset.state = 'test-marker';
  });
  await action();
  await waitForState(page, ['done', 'error'], timeout);
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state === 'done')
    await page.waitForSelector('#result.laid-out', {state: 'attached', timeout});
  return state;
}

// Dispatches a real drop event on #drop carrying `files` ([{name, bytes (a Buffer)}]).
export async function dropFiles(page, files) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const {name, b64} of list) {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([data], name));
    }
    return dt;
  }, files.map(({name, bytes}) => ({name, b64: bytes.toString('base64')})));
  await page.dispatchEvent('#drop', 'drop', {dataTransfer});
}
