// Browser test of the quiz (web/quiz, docs/quiz.md) in headless Debian Chromium through
// playwright-core: the standalone page (quiz.html), the analyser page's "you say / your data
// says", and the embed example (examples/embed) served from a second origin. See
// tests/e2e/README.md.
//
//   node tests/e2e/quiz.test.mjs [--cli PATH] [--web DIR]
// Defaults: build/native/cli/meshcheck and build/web ($MESHCHECK_CLI, $MESHCHECK_WEB_DIR).
// Every quiz is completed with the keyboard only; results are compared with the CLI's
// `meshcheck quiz --json` for the same answers. Exits non-zero if a test fails.
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The bundled example (a generated community export): the data measures most components.
const kExport = path.join(repo, 'examples/demo-server.json');
const definition =
    JSON.parse(fs.readFileSync(path.join(repo, 'core/quiz/default.v1.json'), 'utf8'));
const outputDir = path.join(repo, 'build/test-output');

function option(name, env, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return path.resolve(i > 0 ? process.argv[i + 1] : process.env[env] ?? fallback);
}
const cli = option('cli', 'MESHCHECK_CLI', path.join(repo, 'build/native/cli/meshcheck'));
const webDir = option('web', 'MESHCHECK_WEB_DIR', path.join(repo, 'build/web'));

// ------------------------------------------------------------------------------- answers

const kScale = ['yes', 'partly', 'no'];  // the radios' order in part 2

// A visitor's plan: persona, part 1 answers (0-4) and part 2 answers for the checklist.
function plan(persona, diagnostic, practices) {
  const own = definition.personas.find((p) => p.id === persona).practices;
  const ids = [...own, ...definition.practices.shared.items].map((p) => p.id);
  assert.equal(practices.length, ids.length);
  return {
    persona,
    diagnostic,
    practices: Object.fromEntries(ids.map((id, i) => [id, practices[i]])),
  };
}

function answersJson(p) {
  return {
    persona: p.persona,
    diagnostic: Object.fromEntries(p.diagnostic.map((v, i) => [`q${i + 1}`, v])),
    practices: p.practices,
  };
}

// The CLI's result for the plan (and a report file), parsed.
function cliResult(p, reportFile) {
  const answers = path.join(tmp, 'answers.json');
  fs.writeFileSync(answers, JSON.stringify(answersJson(p)));
  const args = ['quiz', '--json', '--answers', answers];
  if (reportFile)
    args.push('--report', reportFile);
  const r = spawnSync(cli, args, {encoding: 'utf8'});
  assert.equal(r.status, 0, `meshcheck quiz failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// ------------------------------------------------------------------------------- keyboard

// What has the focus, through shadow roots: {tag, type, name, index, checked} (index of the
// radio in its group, checked = index of the group's checked radio or -1), {iframe} when it is
// an iframe. Runs in the page or in a frame.
function describeFocus() {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement)
    a = a.shadowRoot.activeElement;
  if (!a)
    return {};
  if (a.tagName === 'IFRAME')
    return {iframe: true};
  const group = a.type === 'radio' ?
      [...a.getRootNode().querySelectorAll(`input[type=radio][name="${a.name}"]`)] :
      [];
  return {
    tag: a.tagName,
    type: a.type ?? '',
    name: a.name ?? '',
    text: a.textContent,
    index: group.indexOf(a),
    checked: group.findIndex((r) => r.checked),
    ticked: a.type === 'checkbox' ? a.checked : undefined,
  };
}

const quizFrame = (page) => page.frames().find((f) => f.url().includes('/quiz-frame.html'));

async function focused(page) {
  const onPage = await page.evaluate(describeFocus);
  return onPage.iframe ? {...await quizFrame(page).evaluate(describeFocus), inFrame: true} : onPage;
}

// Presses Tab until `match(focused)`; fails after `limit` presses.
async function tabTo(page, match, what, limit = 80) {
  for (let i = 0; i < limit; ++i) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f))
      return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

// Tabs to the radio group `name` and picks answer `index` with Space and the arrow keys.
async function choose(page, name, index) {
  let f = await tabTo(page, (x) => x.type === 'radio' && x.name === name, name);
  if (f.checked < 0) {
    await page.keyboard.press('Space');
    f = await focused(page);
  }
  while (f.index !== index) {
    await page.keyboard.press(f.index < index ? 'ArrowDown' : 'ArrowUp');
    f = await focused(page);
  }
  assert.equal(f.checked, index, `${name}: answer ${index} is checked`);
}

// Answers the whole quiz by keyboard (persona only if the element asks for it) and submits.
async function completeByKeyboard(page, p, {choosePersona}) {
  if (choosePersona) {
    await choose(page, 'persona', definition.personas.findIndex((x) => x.id === p.persona));
  }
  for (const [i, value] of p.diagnostic.entries())
    await choose(page, `d-q${i + 1}`, value);
  for (const [id, answer] of Object.entries(p.practices))
    await choose(page, `p-${id}`, kScale.indexOf(answer));
  await tabTo(page, (x) => x.tag === 'BUTTON' && x.type === 'submit', 'the submit button');
  await page.keyboard.press('Enter');
}

// ------------------------------------------------------------------------------- the page

// In the page (or frame): the quiz element's state and what it shows.
function readQuiz() {
  const quiz = document.querySelector('meshcheck-quiz');
  const root = quiz.shadowRoot;
  const text = (selector) => root.querySelector(selector)?.textContent ?? null;
  const checked = {};
  for (const r of root.querySelectorAll('input[type=radio]:checked'))
    checked[r.name] = r.value;
  return {
    state: quiz.dataset.state,
    level: text('.result .level'),
    steps: [...root.querySelectorAll('.result > .steps > li')].map((li) => li.textContent),
    share: root.querySelector('.share input')?.value ?? null,
    rows: [...root.querySelectorAll('.comparison tbody tr')].map(
        (tr) => [...tr.children].map((c) => c.textContent)),
    disagreements: [...root.querySelectorAll('.disagreements li')].map((li) => li.textContent),
    checked,
    remember: root.querySelector('input[name=remember]')?.checked ?? null,
    error: text('.error'),
    title: text('h2'),
    images: root.querySelectorAll('img').length,
  };
}

const waitQuiz = (target, states, timeout = 15000) => target.waitForFunction(
    (s) => s.includes(document.querySelector('meshcheck-quiz')?.dataset.state), states, {timeout});

// The radios a plan checks, as readQuiz().checked shows them.
function checkedFor(p, withPersona) {
  const out = withPersona ? {persona: p.persona} : {};
  p.diagnostic.forEach((v, i) => out[`d-q${i + 1}`] = String(v));
  for (const [id, answer] of Object.entries(p.practices))
    out[`p-${id}`] = answer;
  return out;
}

// The result as the element shows it, checked against the CLI's result.
function assertShows(shown, expected) {
  assert.equal(shown.state, 'result');
  assert.equal(shown.level, expected.self_view.title);
  const roadmap = expected.practices.roadmap;
  assert.equal(shown.steps.length, Math.min(3, roadmap.length));
  shown.steps.forEach((text, i) => {
    assert.ok(text.includes(roadmap[i].question), `step ${i + 1}: ${roadmap[i].id}`);
    assert.ok(text.includes(roadmap[i].first_step), `step ${i + 1} shows its first step`);
  });
  assert.ok(shown.share.endsWith(`#meshcheck-quiz=${expected.code}`), shown.share);
}

// ------------------------------------------------------------------------------- servers

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(root, port, extra) {
  const server = spawn(
      process.execPath,
      [path.join(repo, 'scripts/serve.mjs'), root, '--port', String(port), ...extra],
      {stdio: ['ignore', 'pipe', 'inherit']});
  const firstLine = await new Promise((resolve, reject) => {
    readline.createInterface({input: server.stdout}).once('line', resolve);
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return {server, origin: new URL(firstLine).origin};
}

let quizServer, pageServer, quizOrigin, pageOrigin, context, tmp, embedDir;
const requests = [];        // {url} of every request the browser made (pages, frames, workers)
const headers = new Map();  // URL -> response headers
const problems = [];        // page errors and console errors, on every page

function watch(page) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return page;
}

async function newPage() {
  return watch(await context.newPage());
}

before(async () => {
  for (const p
           of [cli, path.join(webDir, 'quiz.html'), path.join(webDir, 'meshcheck-quiz.js'),
               kExport]) {
    assert.ok(fs.existsSync(p), `${p} is missing (make build)`);
  }
  fs.mkdirSync(outputDir, {recursive: true});
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'meshcheck-quiz-e2e-'));
  // Two origins (two ports): the quiz's site, and a landing page that embeds it.
  const [quizPort, pagePort] = [await freePort(), await freePort()];
  quizOrigin = `http://127.0.0.1:${quizPort}`;
  pageOrigin = `http://127.0.0.1:${pagePort}`;
  embedDir = path.join(tmp, 'embed');
  const rendered = spawnSync(
      process.execPath,
      [path.join(repo, 'examples/embed/render.mjs'), embedDir, quizOrigin, pageOrigin],
      {encoding: 'utf8'});
  assert.equal(rendered.status, 0, rendered.stderr);
  ({server: quizServer} = await startServer(webDir, quizPort, ['--cors-allow', pageOrigin]));
  ({server: pageServer} = await startServer(embedDir, pagePort, ['--csp-allow', quizOrigin]));
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    env: {...process.env, TMPDIR: tmp},
    viewport: {width: 1000, height: 1100},
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
    ],
  });
  context.on('request', (r) => requests.push({url: r.url()}));
  context.on('response', (r) => headers.set(r.url(), r.headers()));
});

after(async () => {
  await context?.close();
  quizServer?.kill();
  pageServer?.kill();
  if (tmp)
    fs.rmSync(tmp, {recursive: true, force: true});
});

describe('the quiz', () => {
  const creator = plan(
      'creator', [2, 1, 4, 0, 2],
      ['no', 'partly', 'no', 'yes', 'no', 'partly', 'no', 'yes', 'partly']);
  const nonprofit = plan(
      'nonprofit', [4, 4, 3, 4, 4],
      ['yes', 'yes', 'partly', 'yes', 'yes', 'no', 'yes', 'yes', 'yes']);
  let shareLink;

  it('is completed by keyboard alone on quiz.html, without sending the result anywhere',
     async () => {
       const page = await newPage();
       await page.goto(`${quizOrigin}/quiz.html`);
       await waitQuiz(page, ['ready']);
       // quiz.html does not opt in: no result event may reach the page.
       await page.evaluate(() => {
         window.events = [];
         document.addEventListener('meshcheck-quiz-result', (e) => window.events.push(e));
       });
       await completeByKeyboard(page, creator, {choosePersona: true});
       await waitQuiz(page, ['result']);
       const shown = await page.evaluate(readQuiz);
       const expected = cliResult(creator);
       assertShows(shown, expected);
       assert.equal(shown.level, 'Engaged audience (hub-and-spoke)');  // PCS 42.5
       assert.ok(shown.share.startsWith(`${quizOrigin}/quiz.html#`));
       const focus = await focused(page);
       assert.equal(focus.tag, 'H3', 'the result heading has the focus');
       assert.equal(await page.evaluate(() => window.events.length), 0);
       assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored');
       shareLink = shown.share;
       await page.screenshot({path: path.join(outputDir, 'e2e-quiz-result.png'), fullPage: true});
       await page.close();
     });

  it('restores the answers and the result from a share link', async () => {
    const page = await newPage();
    await page.goto(shareLink);
    await waitQuiz(page, ['result']);
    const shown = await page.evaluate(readQuiz);
    assertShows(shown, cliResult(creator));
    assert.deepEqual(shown.checked, checkedFor(creator, true));
    // A damaged code (a new document: a changed fragment alone would not reload the page).
    await page.goto(
        `${quizOrigin}/quiz.html?damaged#meshcheck-quiz=meshcheck-default.1.creator.9.`);
    await waitQuiz(page, ['ready']);
    const damaged = await page.evaluate(readQuiz);
    assert.match(damaged.error, /The quiz share code is not valid: .*holds 1 answers to part 1/);
    await page.close();
  });

  it('keeps progress over a reload only while the visitor allows it', async () => {
    const page = await newPage();
    await page.goto(`${quizOrigin}/quiz.html`);
    await waitQuiz(page, ['ready']);
    await choose(page, 'persona', 2);
    await choose(page, 'd-q1', 3);
    await page.reload();
    await waitQuiz(page, ['ready']);
    let shown = await page.evaluate(readQuiz);
    assert.deepEqual(shown.checked, {}, 'not allowed: nothing kept');
    assert.equal(await page.evaluate(() => localStorage.length), 0);

    await tabTo(page, (f) => f.name === 'remember', 'the remember box');
    await page.keyboard.press('Space');
    await choose(page, 'persona', 2);
    await choose(page, 'd-q1', 3);
    await choose(page, 'd-q2', 1);
    await page.reload();
    await waitQuiz(page, ['ready']);
    shown = await page.evaluate(readQuiz);
    assert.deepEqual(shown.checked, {'persona': 'nonprofit', 'd-q1': '3', 'd-q2': '1'});
    assert.equal(shown.remember, true);

    const f = await tabTo(page, (x) => x.name === 'remember', 'the remember box');
    assert.equal(f.ticked, true);
    await page.keyboard.press('Space');  // untick: forget
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await page.reload();
    await waitQuiz(page, ['ready']);
    assert.deepEqual((await page.evaluate(readQuiz)).checked, {});
    await page.close();
  });

  it('sets "you say" beside "your data says" on the analyser page', async () => {
    const reportFile = path.join(tmp, 'report.json');
    const analysed = spawnSync(cli, ['analyze', '--json', kExport], {encoding: 'utf8'});
    assert.equal(analysed.status, 0, analysed.stderr);
    fs.writeFileSync(reportFile, analysed.stdout);
    const expected = cliResult(nonprofit, reportFile);

    const page = await newPage();
    await page.goto(`${quizOrigin}/`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    await waitQuiz(page, ['ready']);
    await page.setInputFiles('#file', kExport);
    await page.waitForFunction(() => document.body.dataset.state === 'done');
    assert.equal(await page.evaluate(() => window.meshcheck.last.reportJson), analysed.stdout);
    await completeByKeyboard(page, nonprofit, {choosePersona: true});
    await waitQuiz(page, ['result']);
    const shown = await page.evaluate(readQuiz);
    assertShows(shown, expected);
    const c = expected.comparison;
    assert.equal(shown.rows.length, c.items.length);
    const verdicts = {consistent: 'Agree', contradicted: 'Disagree', not_measurable: 'Cannot tell'};
    c.items.forEach((item, i) => {
      assert.deepEqual(
          shown.rows[i], [item.dimension, item.you_say, item.data_says, verdicts[item.verdict]]);
    });
    assert.deepEqual(shown.disagreements, c.disagreements);
    const text =
        await page.evaluate(() => document.querySelector('meshcheck-quiz').shadowRoot.textContent);
    assert.ok(text.includes(c.outcome_text) && text.includes(c.lead_text));
    await page.screenshot({path: path.join(outputDir, 'e2e-quiz-compare.png'), fullPage: true});

    // Answers arriving by link first, then the export: the comparison follows.
    await page.goto(`${quizOrigin}/?x=1#meshcheck-quiz=${expected.code}`);
    await waitQuiz(page, ['result']);
    assert.equal((await page.evaluate(readQuiz)).rows.length, 0);
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    await page.setInputFiles('#file', kExport);
    await page.waitForFunction(() => document.body.dataset.state === 'done');
    await page.waitForFunction(
        () => document.querySelector('meshcheck-quiz')
                  .shadowRoot.querySelectorAll('.comparison tbody tr')
                  .length > 0);
    assert.deepEqual((await page.evaluate(readQuiz)).disagreements, c.disagreements);
    await page.close();
  });

  it('runs embedded on another origin, by element and by iframe, handing results on opt-in',
     async () => {
       const firstRequest = requests.length;
       const page = await newPage();
       await page.goto(`${pageOrigin}/`);
       await waitQuiz(page, ['ready']);
       await page.evaluate(() => {
         window.got = [];
         window.messages = [];
         document.querySelector('meshcheck-quiz')
             .addEventListener('meshcheck-quiz-result', (e) => window.got.push(e.detail));
         window.addEventListener(
             'message', (e) => window.messages.push({origin: e.origin, data: e.data}));
       });
       // The element: persona fixed by the page (creator), the result event opted into.
       await completeByKeyboard(page, creator, {choosePersona: false});
       await waitQuiz(page, ['result']);
       const expected = cliResult(creator);
       const shown = await page.evaluate(readQuiz);
       assertShows(shown, expected);
       assert.ok(shown.share.startsWith(`${pageOrigin}/#`), 'share links open the landing page');
       const got = await page.evaluate(() => window.got);
       assert.equal(got.length, 1);
       assert.deepEqual(got[0], expected, 'the event carries the result, equal to the CLI\'s');
       assert.match(await page.textContent('#thanks-element'), /Engaged audience/);

       // The iframe: persona startup from its URL; Tab goes on from the element into the frame.
       const startup = plan(
           'startup', [0, 0, 1, 0, 0], ['no', 'no', 'partly', 'no', 'yes', 'no', 'no', 'no', 'no']);
       await waitQuiz(quizFrame(page), ['ready']);
       await completeByKeyboard(page, startup, {choosePersona: false});
       await waitQuiz(quizFrame(page), ['result']);
       const expectedFrame = cliResult(startup);
       assertShows(await quizFrame(page).evaluate(readQuiz), expectedFrame);
       await page.waitForFunction(
           () => window.messages.some((m) => m.data?.type === 'meshcheck-quiz-result'));
       const messages = await page.evaluate(() => window.messages);
       assert.ok(messages.every((m) => m.origin === quizOrigin), 'messages come from the frame');
       const results = messages.filter((m) => m.data.type === 'meshcheck-quiz-result');
       assert.equal(results.length, 1);
       assert.deepEqual(results[0].data.result, expectedFrame);
       assert.ok(messages.some((m) => m.data.type === 'meshcheck-quiz-height'));
       assert.match(await page.textContent('#thanks-iframe'), /Broadcast audience/);
       await page.screenshot({path: path.join(outputDir, 'e2e-quiz-embed.png'), fullPage: true});
       await page.close();
       // The landing page's own files, and from the quiz's site its script, its wasm and its
       // frame's files: nothing else.
       const fetched = requests.slice(firstRequest).map((r) => r.url);
       const quizFiles = new Set(
           fetched.filter((u) => u.startsWith(`${quizOrigin}/`)).map((u) => new URL(u).pathname));
       assert.deepEqual([...quizFiles].sort(), [
         '/meshcheck-quiz.js', '/meshcheck-quiz.wasm', '/quiz-frame.css', '/quiz-frame.html',
         '/quiz-frame.js'
       ]);
       const pageFiles = new Set(
           fetched.filter((u) => u.startsWith(`${pageOrigin}/`)).map((u) => new URL(u).pathname));
       assert.deepEqual(
           [...pageFiles].sort(), ['/', '/favicon.svg', '/landing.css', '/landing.js']);
     });

  it('renders a landing page\'s own definition as text and names a broken one', async () => {
    const custom = structuredClone(definition);
    custom.id = 'print-farm';
    custom.title = '<img src="x.png" onerror="window.injected = 1">Our quiz';
    custom.diagnostic.items[0].question = '<b>bold?</b>';
    const broken = {...definition, version: 'one'};
    const json = (value) => JSON.stringify(value).replaceAll('<', '\\u003c');
    fs.writeFileSync(
        path.join(embedDir, 'custom.html'),
        `<!doctype html><html><head><meta charset="utf-8"><title>custom</title>
        <link rel="icon" href="favicon.svg">
        <script type="module" src="${quizOrigin}/meshcheck-quiz.js"></script></head><body>
        <script type="application/json" id="mine">${json(custom)}</script>
        <script type="application/json" id="broken">${json(broken)}</script>
        <meshcheck-quiz definition-id="mine" persona="startup"></meshcheck-quiz>
        <meshcheck-quiz id="second" definition-id="broken"></meshcheck-quiz></body></html>`);
    const page = await newPage();
    await page.goto(`${pageOrigin}/custom.html`);
    await waitQuiz(page, ['ready']);
    const shown = await page.evaluate(readQuiz);
    assert.equal(shown.title, custom.title);
    assert.equal(shown.images, 0);
    const legend = await page.evaluate(
        () => document.querySelector('meshcheck-quiz')
                  .shadowRoot.querySelector('legend')
                  .textContent);
    assert.equal(legend, '1/5. <b>bold?</b>');
    await page.waitForFunction(() => document.getElementById('second').dataset.state === 'error');
    const error =
        await page.evaluate(() => document.getElementById('second').shadowRoot.textContent);
    assert.match(error, /The quiz definition is not valid: at \/version, expected a whole number/);
    assert.equal(await page.evaluate(() => window.injected), undefined);
    await page.close();
  });

  it('made no request beyond the quiz\'s origin and the landing page\'s own files', () => {
    const pageFiles = new Set(['/', '/landing.css', '/landing.js', '/favicon.svg', '/custom.html']);
    const foreign = requests.filter(({url}) => {
      if (/^(data|blob):/.test(url) || url.startsWith(`${quizOrigin}/`))
        return false;
      return !(url.startsWith(`${pageOrigin}/`) && pageFiles.has(new URL(url).pathname));
    });
    assert.deepEqual(foreign, []);
    assert.ok(requests.length > 20, `requests seen: ${requests.length}`);
    assert.deepEqual(problems, []);
  });

  it('sends the CSP on both origins and CORS only to the landing page', () => {
    const landing = headers.get(`${pageOrigin}/`);
    assert.ok(landing, 'the landing page was served');
    const csp = landing['content-security-policy'];
    assert.match(csp, new RegExp(`script-src 'self' 'wasm-unsafe-eval' ${quizOrigin}`));
    assert.match(csp, new RegExp(`frame-src ${quizOrigin}`));
    const script = headers.get(`${quizOrigin}/meshcheck-quiz.js`);
    assert.equal(script['access-control-allow-origin'], pageOrigin);
    assert.ok(script['content-security-policy'].startsWith('default-src \'self\''));
    assert.equal(
        headers.get(`${quizOrigin}/meshcheck-quiz.wasm`)['content-type'], 'application/wasm');
  });
});
