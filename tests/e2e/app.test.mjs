// Browser tests of the web app's flows (issue 5; the wrong-input and host flows of issues 8 and
// 4) in headless Debian Chromium. See tests/e2e/README.md.
//
//   node tests/e2e/app.test.mjs [--cli PATH] [--web DIR]
// Screenshots and downloads go to build/test-output/app-*.{png,pdf,json,csv}; each screenshot is
// checked to be non-blank. Exits non-zero if a test fails.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';

import {CSP} from '../../web/csp.mjs';

import {analyzeWith, cli, cliReport, corpus, distinctColours, edgeListCounts, generateExport, launchBrowser, networkDrawn, outputDir, screenshot, startServer, waitForState} from './harness.mjs';

const kSlackZip = path.join(corpus, 'slack/rcwg-r-contributors-subset.zip');
const kSlackFolderZip = path.join(corpus, 'slack/houstondatavis-2016.zip');
const kDiscord = path.join(corpus, 'discord/dcef-example-guild-general.json');
const kTelegram = path.join(corpus, 'telegram/chat-analytics-DM_2A_7M.json');
const kAxe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server, origin, browser, context, page, tmp;
const requests = [];  // every URL the browser (pages and workers) asked for
const headers = [];   // [url, response headers] of the page's origin
const problems = [];  // page errors, console errors and dialogs (an alert() would be one)

function watch(p) {
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  p.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  return p;
}

async function openPage(url = `${origin}/`) {
  await page.goto(url);
  await waitForState(page, ['ready']);
}

// The file `name` in the scratch folder with `content`.
function scratch(name, content) {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, content);
  return file;
}

// The message the CLI prints for a file it cannot read (without its "meshcheck: FILE: ").
function cliError(file, flags = []) {
  const r = spawnSync(cli, ['analyze', file, ...flags], {encoding: 'utf8'});
  assert.notEqual(r.status, 0);
  return r.stderr.trim().replace(`meshcheck: ${file}: `, '');
}

// Waits for the download `action` triggers; saves it to build/test-output/NAME; returns bytes.
async function downloaded(action, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const file = path.join(outputDir, name);
  await download.saveAs(file);
  return fs.readFileSync(file);
}

// Runs axe-core (evaluated through the DevTools protocol: the page's CSP forbids inline
// scripts) and returns the serious and critical violations.
async function axeViolations() {
  if (!(await page.evaluate(() => typeof window.axe === 'object')))
    await page.evaluate(fs.readFileSync(kAxe, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, {resultTypes: ['violations']}));
  return result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// A small DiscordChatExporter export whose people are named `names` (the first is the host,
// who posts; the others reply to each other and to the host).
function dceExport(names) {
  const messages = [];
  const base = 1000000000000000000n;
  for (let i = 0; i < 60; ++i) {
    const author = i % names.length;
    const reply = i > 0 ? {reference: {messageId: String(base + BigInt(i - 1))}} : {};
    messages.push({
      id: String(base + BigInt(i)),
      type: i > 0 ? 'Reply' : 'Default',
      timestamp: new Date(Date.UTC(2024, 0, 1) + i * 3600e3 * 7).toISOString(),
      content: `message ${i}`,
      author: {id: String(9000 + author), name: names[author], isBot: false},
      reactions: [],
      mentions: [],
      ...reply,
    });
  }
  return JSON.stringify({
    guild: {id: '1', name: 'Test'},
    channel: {id: '2', type: 'GuildTextChat', name: 'general'},
    messages,
  });
}

before(async () => {
  fs.mkdirSync(outputDir, {recursive: true});
  ({server, origin} = await startServer());
  browser = await launchBrowser({acceptDownloads: true});
  ({context, tmp} = browser);
  context.on('request', (r) => requests.push(r.url()));
  context.on('response', (r) => {
    if (r.url().startsWith(origin))
      headers.push([r.url(), r.headers()]);
  });
  page = watch(context.pages()[0] ?? await context.newPage());
  await openPage();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

describe('web app', () => {
  it('lists each file with its format, size and progress; a bad file does not stop the others',
     async () => {
       const bad = scratch('notes.txt', 'Shopping list\n- milk\n');
       const files = [kDiscord, bad, kTelegram];
       assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', files)), 'done');
       const expected = JSON.parse(cliReport([kDiscord, kTelegram]));
       const rows = await page.$$eval(
           '#file-list li', (lis) => lis.map((li) => ({
                                               state: li.dataset.state,
                                               name: li.querySelector('.file-name').textContent,
                                               size: li.querySelector('.file-size').textContent,
                                               status: li.querySelector('.file-status').textContent,
                                             })));
       assert.equal(rows.length, 3);
       assert.deepEqual(rows.map((r) => r.state), ['done', 'error', 'done']);
       assert.match(rows[0].status, /^discord-json, \d+ records$/);
       assert.match(rows[2].status, /^telegram-json, \d+ records$/);
       assert.equal(`${rows[1].status} [ingest.unsupported_format]`, cliError(bad));
       assert.equal(rows[0].size, `${(fs.statSync(kDiscord).size / 1e6).toFixed(2)} MB`);
       const report = await page.evaluate(() => window.meshcheck.last.report);
       assert.equal(report.group.messages, expected.group.messages, 'the good files were read');
     });

  it('reads on after a large bad file whose error comes while its next chunk is read', async () => {
    // The worker reads a file in 2 MiB chunks into two buffers, the next chunk while one is
    // parsed. This file's error comes with its first chunk, so the read of its second is
    // cancelled, and the next file, larger than a chunk, needs both buffers back.
    const bad = scratch('notes-large.txt', 'Shopping list\n- milk\n'.repeat(250000));
    const big = path.join(outputDir, 'app-generated-5MB.json');
    generateExport(big, '5M');
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', [bad, big])), 'done');
    const report = await page.evaluate(() => window.meshcheck.last.report);
    assert.deepEqual(
        report.inputs.map((i) => i.name), ['notes-large.txt', 'app-generated-5MB.json']);
    assert.equal(report.group.messages, JSON.parse(cliReport([big])).group.messages);
    fs.rmSync(big);
  });

  it('reads a Slack zip like the CLI and shows the verdict, the map and every evidence card',
     async () => {
       assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', kSlackZip)), 'done');
       const expectedJson = cliReport(kSlackZip);
       const expected = JSON.parse(expectedJson);
       assert.equal(await page.evaluate(() => window.meshcheck.last.reportJson), expectedJson);
       assert.equal(await page.textContent('#verdict-title'), expected.verdict.title);
       assert.equal(
           await page.textContent('#index'),
           `Community Index: ${Math.round(expected.verdict.community_index)} / 100`);
       const summary = await page.$$eval('#summary p', (ps) => ps.map((p) => p.textContent));
       assert.ok(summary.length >= 2 && summary.length <= 3, summary.join('|'));
       assert.ok(summary[0].includes(String(Math.round(expected.verdict.community_index))));
       assert.ok(summary.every((s) => /\d/.test(s)), 'every sentence cites a number');
       // The map: the dot at (index, boundary) in a 260-unit square with a 26-unit margin.
       const dot =
           await page.$eval('#card-map circle', (c) => [c.cx.baseVal.value, c.cy.baseVal.value]);
       const p = expected.placement;
       assert.ok(Math.abs(dot[0] - (26 + p.community_index * 2.6)) < 0.01);
       assert.ok(Math.abs(dot[1] - (26 + 260 - p.boundary_index * 2.6)) < 0.01);
       assert.ok((await page.textContent('#card-map desc')).includes(p.title));
       // The cards: a chart each (with a text alternative) and a "what this means" line.
       const cards = await page.$$eval(
           '#cards > figure',
           (fs) => fs.map((f) => ({
                            id: f.id,
                            charts: f.querySelectorAll('svg[role=img] title').length,
                            means: f.querySelector('figcaption').textContent,
                          })));
       assert.deepEqual(cards.map((c) => c.id), [
         'card-activity', 'card-index', 'card-network', 'card-participation', 'card-practical',
         'card-responses'
       ]);
       for (const c of cards)
         assert.ok(c.means.length > 20 && (c.id === 'card-network' || c.charts > 0), c.id);
       // Activity: one host bar and one member bar per period, the host's adding up.
       const periods = expected.timeline.periods;
       assert.equal(
           await page.$$eval('#card-activity rect.c-host:not(.c-legend)', (r) => r.length),
           periods.length);
       const host = periods.reduce((s, q) => s + q.messages_by_host, 0);
       const all = periods.reduce((s, q) => s + q.messages_by_host + q.messages_by_members, 0);
       assert.ok((await page.textContent('#card-activity figcaption'))
                     .includes(`${Math.round((100 * host) / all)}%`));
       // The practical test before/after, from the measure's evidence.
       const e = expected.measures.host_silent_survival.evidence;
       assert.ok((await page.textContent('#card-practical desc'))
                     .includes((e.peer_replies_silent / e.silent_days).toFixed(2)));
       // The network, drawn from the core's cut of the graph (Session.drawnNetwork).
       await page.waitForFunction(
           () => document.getElementById('network').dataset.state !== 'laying-out');
       const drawn = await page.$eval('#network', (n) => n.dataset.state);
       assert.ok(['webgl', 'canvas'].includes(drawn), drawn);
       // Everyone in the CLI's edge list: posters, and people only mentioned or reacting.
       const {people, ties} = edgeListCounts(kSlackZip, path.join(tmp, 'edges.tsv'));
       assert.ok(people < 4000 && ties < 12000, 'drawn whole, not cut');
       assert.match(
           await page.getAttribute('#network', 'aria-label'),
           new RegExp(`: ${people} people, ${ties} ties;`));
       const net = await page.locator('#network').screenshot();
       assert.ok(await distinctColours(context, net) > 8, 'the network is drawn');
       console.log(`# network drawn with ${drawn}`);
       await screenshot(page, 'app-result');
     });

  it('reads a whole Slack export folder chosen with the folder picker like the CLI', async () => {
    const folder = path.join(tmp, 'houston');
    fs.mkdirSync(folder);
    const unzip = spawnSync('python3', ['-m', 'zipfile', '-e', kSlackFolderZip, folder]);
    assert.equal(unzip.status, 0, String(unzip.stderr));
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#folder', folder)), 'done');
    // The trailing separator: the CLI then names the files from the folder's own name.
    const expected = JSON.parse(cliReport(`${folder}${path.sep}`));
    const report = await page.evaluate(() => window.meshcheck.last.report);
    assert.equal(report.inputs.length, expected.inputs.length);
    assert.deepEqual(report.inputs.map((i) => i.name), expected.inputs.map((i) => i.name));
    assert.deepEqual(report.verdict, expected.verdict);
    assert.equal(await page.$$eval('#file-list li', (l) => l.length), expected.inputs.length);
  });

  it('shows its own message for each wrong input and recovers for the next file', async () => {
    const wrong = {
      'empty.json': '',
      'binary.bin': Buffer.from([0, 1, 2, 255, 254, 0, 7, 8, 0, 0, 13, 200, 201, 0, 3, 4]),
      'document.pdf': '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n',
      'page.html': '<!doctype html>\n<html><head><title>x</title></head><body>hi</body></html>\n',
      'package.json': '{"name":"package","version":"1.0.0","dependencies":{"a":"1"}}\n',
    };
    const shown = new Set();
    for (const [name, content] of Object.entries(wrong)) {
      const file = scratch(name, content);
      assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', file)), 'error', name);
      const text = await page.textContent('#error-text');
      assert.equal(text, cliError(file), name);
      shown.add(text.replace(name, ''));
      assert.ok(await page.isVisible('#error-text'));
      assert.equal(await page.$eval('#file-list li', (li) => li.dataset.state), 'error');
      // The page recovers: the next file is analysed.
      assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', kDiscord)), 'done');
      assert.ok(await page.isHidden('#error'));
    }
    assert.equal(shown.size, Object.keys(wrong).length, 'each message is specific');

    // The core's memory ceiling (session.memory_limit, set in the options): its message, then a
    // fresh worker takes the next file. The message count in it depends on the chunk size.
    const big = path.join(outputDir, 'app-generated-30MB.json');
    generateExport(big, '30M');
    const setLimit = (mb) => page.$eval('#max-memory', (input, value) => {
      input.value = value;
    }, mb);
    const workers = () => requests.filter((u) => u.endsWith('/worker.js')).length;
    await networkDrawn(page);
    const before = workers();
    await setLimit('1');
    try {
      assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', big), 60000), 'error');
    } finally {
      await setLimit('');
    }
    const anyCount = (text) => text.replace(/after \d+ messages/, 'after N messages');
    const text = await page.textContent('#error-text');
    assert.match(text, /\[session\.memory_limit\]$/);
    assert.equal(anyCount(text), anyCount(cliError(big, ['--max-memory', '1'])));
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', kDiscord)), 'done');
    await networkDrawn(page);
    // One after the memory error, one replacing the analysing worker once its report came.
    assert.equal(workers(), before + 2, 'fresh workers after the memory error and the report');
    fs.rmSync(big);
  });

  it('keeps the verdict when the network cannot be laid out', async () => {
    // The worker that replaces the analysing one lays out the network (web/protocol.js). Here
    // the replacement is swapped once: for one whose layout answers with an error, as
    // web/worker.js does when the layout throws, then for one that fails as it starts.
    const layoutError = {code: 6, name: 'internal', id: 'worker.layout', message: 'no layout here'};
    const answersWithError = `self.onmessage = ({data: r}) => self.postMessage({id: 0,
        requestId: r.id, type: r.type === 'LAYOUT' ? 'ERROR' : 'READY',
        data: r.type === 'LAYOUT' ? ${JSON.stringify(layoutError)} : {version: 'test'}});`;
    const cases = [
      [answersWithError, /no layout here/],
      ['throw new Error("this worker does not start");', /this worker does not start/],
    ];
    const expected = JSON.parse(cliReport([kDiscord])).verdict.label;
    const known = problems.length;
    for (const [script, reason] of cases) {
      // The server's response (its headers: the CSP) with another body.
      await page.route(
          `${origin}/worker.js`, async (route) => route.fulfill({
            response: await route.fetch(),
            body: script,
          }),
          {times: 1});
      assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', kDiscord)), 'done');
      await networkDrawn(page);
      assert.equal(await page.$eval('#network', (n) => n.dataset.state), 'failed');
      assert.match(await page.textContent('#network'), reason);
      assert.ok(await page.isVisible('#result') && await page.isHidden('#error'), 'verdict kept');
      assert.equal(await page.evaluate(() => window.meshcheck.last.report.verdict.label), expected);
      await openPage();  // a working worker again
    }
    // The failing worker's own error may reach the console; nothing else may.
    const added = problems.splice(known);
    assert.ok(added.every((p) => /this worker does not start/.test(p)), added.join('\n'));
  });

  it('reads on when the browser stalls a file, and says so when it never resumes', async () => {
    // The page's worker is swapped, once, for the real one behind a patch: its first `stalls`
    // file streams hand over 1000 bytes, then nothing ever again (as Chromium's did, rarely,
    // in the benchmark), and a read is given up after 300 ms instead of 10 s.
    const stalling = (stalls) => `self.meshcheckReadStallMs = 300;
        { const stream = Blob.prototype.stream; let stalling = ${stalls};
          Blob.prototype.stream = function() {
            if (stalling-- <= 0) return stream.call(this);
            const inner = stream.call(this).getReader();
            let sent = 0;
            return new ReadableStream({type: 'bytes',
              async pull(controller) {
                if (sent >= 1000) return new Promise(() => {});
                const {value} = await inner.read();
                const part = value.subarray(0, 1000 - sent);
                sent += part.length;
                controller.enqueue(part);
              },
              cancel: (reason) => inner.cancel(reason)});
          }; }\n`;
    const withWorker = async (patch) => {
      await page.route(`${origin}/worker.js`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({response, body: patch + await response.text()});
      }, {times: 1});
      await openPage();  // its worker is the patched one
    };
    // Two stalls: each time the file is opened again where its chunk began; the report is the
    // CLI's, so no byte was lost or read twice.
    await withWorker(stalling(2));
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', kDiscord)), 'done');
    assert.equal(await page.evaluate(() => window.meshcheck.last.reportJson), cliReport(kDiscord));
    // Every stream stalls: the third stall in one chunk ends the analysis with its message.
    await withWorker(stalling(Infinity));
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', kDiscord)), 'error');
    assert.match(
        await page.textContent('#error-text'),
        /stalled 3 times at the same place \(0\.3 s without data each time\).*\[worker\.read_stalled\]$/);
    await openPage();
  });

  it('re-analyses with the host the user names', async () => {
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', kDiscord)), 'done');
    const before = await page.evaluate(() => window.meshcheck.last.report.hosts);
    await page.fill('#result-hosts', 'Thomas');
    assert.equal(await analyzeWith(page, () => page.click('#result-reanalyse')), 'done');
    const expected = cliReport(kDiscord, ['--host', 'Thomas']);
    assert.equal(await page.evaluate(() => window.meshcheck.last.reportJson), expected);
    assert.notDeepEqual(JSON.parse(expected).hosts, before);
    assert.equal(await page.inputValue('#result-hosts'), 'Thomas');
    await page.fill('#result-hosts', '');
    assert.equal(await analyzeWith(page, () => page.press('#result-hosts', 'Enter')), 'done');
    assert.equal(await page.evaluate(() => window.meshcheck.last.reportJson), cliReport(kDiscord));
  });

  it('reveals names only on request, and stores nothing', async () => {
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', kSlackZip)), 'done');
    const named = JSON.parse(cliReport(kSlackZip, ['--names']));
    const host = named.hosts.members[0].id;
    assert.ok(!(await page.textContent('#result')).includes(host));
    assert.equal(await analyzeWith(page, () => page.check('#reveal-names')), 'done');
    assert.equal(
        await page.evaluate(() => window.meshcheck.last.reportJson),
        cliReport(kSlackZip, ['--names']));
    assert.ok((await page.textContent('#host')).includes(host));
    assert.equal(await analyzeWith(page, () => page.uncheck('#reveal-names')), 'done');
    assert.equal(await page.evaluate(() => window.meshcheck.last.reportJson), cliReport(kSlackZip));
    assert.ok(!(await page.textContent('#result')).includes(host));
    const stored = await page.evaluate(async () => ({
                                         local: localStorage.length,
                                         session: sessionStorage.length,
                                         cookies: document.cookie,
                                         databases: (await indexedDB.databases()).length,
                                       }));
    assert.deepEqual(stored, {local: 0, session: 0, cookies: '', databases: 0});
  });

  it('counts an unmarked bot as a bot unless the option is off', async () => {
    const file = scratch('bots.json', dceExport(['Host', 'MEE6', 'Ann', 'Bob']));
    const detect = (on) => page.evaluate((value) => {
      document.getElementById('detect-bots').checked = value;
    }, on);
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', file)), 'done');
    const found = await page.evaluate(() => window.meshcheck.last.reportJson);
    assert.equal(found, cliReport(file));
    assert.equal(JSON.parse(found).group.bots, 1);
    await detect(false);
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', file)), 'done');
    await detect(true);
    const off = await page.evaluate(() => window.meshcheck.last.reportJson);
    assert.equal(off, cliReport(file, ['--no-bot-detection']));
    assert.equal(JSON.parse(off).group.bots, 0);
  });

  it('shows member names with markup as text', async () => {
    const names = ['<img src=x onerror=alert(1)>', '</script><b id=bold>x</b>', 'Plain Name'];
    const file = scratch('markup.json', dceExport(names));
    // Names revealed, the first person named as the host: the names are on the page.
    const setOptions = (host, on) => page.evaluate(([h, value]) => {
      document.getElementById('hosts').value = h;
      document.getElementById('names').checked = value;
    }, [host, on]);
    await setOptions(names[0], true);
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', file)), 'done');
    await setOptions('', false);
    const text = await page.textContent('#result');
    assert.ok(text.includes(names[0]), 'the markup is shown as text');
    assert.equal(await page.$$eval('img, #bold', (found) => found.length), 0);
    const members = await page.evaluate(() => window.meshcheck.last.report.members);
    if (members?.top) {
      const cells =
          await page.$$eval('#members-table tbody th', (t) => t.map((c) => c.textContent));
      assert.ok(cells.includes(names[1]), cells.join('|'));
    }
    assert.deepEqual(problems.filter((p) => p.startsWith('dialog')), []);
  });

  it('renders members, recommendations and groups when the report has them', async () => {
    // The fields of report_shape.md, added to a real report: hostile names and CSV cells.
    const report = JSON.parse(cliReport(kSlackZip));
    const hostile = [
      '<img src=x onerror=alert(1)>', '</script><b id=bold>x</b>', '=HYPERLINK("x")', '+1', '-2',
      '@SUM(A1)', 'a,"quoted"'
    ];
    report.members = {
      counts: {host: 1, connector: 2, peer_helper: 1, regular: 3, newcomer: 0, one_time: 0},
      total: 7,
      listed: hostile.length,
      recognise: [hostile[0]],
      top: hostile.map((id, i) => ({
                         id,
                         roles: i === 0 ? ['host'] : ['peer_helper', 'connector'],
                         messages: 10 - i,
                         replies_to_members: i,
                         replies_received: 2 * i,
                         peer_answers: i,
                         people_answered: i,
                         active_weeks: 3,
                         first_day: '2024-01-01',
                         last_day: '2024-02-01',
                       })),
    };
    report.recommendations = [{
      id: 'answer_faster',
      measure: 'peer_answer_rate',
      value: 0.3,
      target: 0.5,
      text: 'Members answered 30% of questions; aim for half.',
      practices: ['p1'],
    }];
    report.groups = [
      {
        key: 'a',
        name: 'general',
        group_name: '',
        kind: 'chat',
        messages: 10,
        posters: 4,
        host_share: 0.5,
        label: 'engaged_audience',
        title: 'Engaged audience',
        community_index: 40,
        confidence: 'low'
      },
      {
        key: 'b',
        name: '<i>help</i>',
        group_name: 'ws',
        kind: 'forum',
        messages: 5,
        posters: 3,
        host_share: 0.1,
        label: 'community',
        title: 'Community',
        community_index: null,
        confidence: 'low'
      },
    ];
    report.scope = {separate_groups: 2, channels: 2, one_group: false, note: 'Two groups.'};
    await page.evaluate((json) => window.meshcheck.show(json), JSON.stringify(report));
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'done');
    const ids = await page.$$eval('#members-table tbody th', (t) => t.map((c) => c.textContent));
    assert.deepEqual(ids, hostile);
    assert.equal(await page.$$eval('#result img, #bold, #result i', (found) => found.length), 0);
    assert.equal(await page.textContent('#recognise'), hostile[0]);
    assert.ok((await page.textContent('#role-counts')).includes('Peer helper: 1'));
    assert.ok(
        (await page.textContent('#recommendations')).includes(report.recommendations[0].text));
    assert.ok((await page.textContent('#recommendations'))
                  .includes('peer answer rate: 30% (target 50%)'));
    assert.deepEqual(
        await page.$$eval('#groups-table tbody th', (t) => t.map((c) => c.textContent)),
        ['general', 'ws / <i>help</i>']);
    const csv = (await downloaded(() => page.click('#download-csv'), 'app-members-from-report.csv'))
                    .toString()
                    .split('\r\n');
    assert.equal(
        csv[0],
        'id,roles,messages,replies_to_members,replies_received,peer_answers,' +
            'people_answered,active_weeks,first_day,last_day');
    const firstCells = csv.slice(1, -1).map((row) => row.match(/^("(?:[^"]|"")*"|[^,]*)/)[0]);
    assert.deepEqual(firstCells, [
      '<img src=x onerror=alert(1)>',
      '</script><b id=bold>x</b>',
      '"\'=HYPERLINK(""x"")"',
      '\'+1',
      '\'-2',
      '\'@SUM(A1)',
      '"a,""quoted"""',
    ]);
    await screenshot(page, 'app-members');
  });

  it('downloads the report, the members CSV, each chart as PNG and prints a clean PDF',
     async () => {
       assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', kSlackZip)), 'done');
       const json = await downloaded(() => page.click('#download'), 'app-report.json');
       assert.equal(json.toString(), cliReport(kSlackZip));
       const report = JSON.parse(json);
       if (!(await page.isDisabled('#download-csv'))) {
         const csv =
             (await downloaded(() => page.click('#download-csv'), 'app-members.csv')).toString();
         assert.ok(csv.startsWith('id,roles,messages,replies_to_members,'), csv.slice(0, 80));
       } else {
         assert.equal(report.members, undefined, 'the CSV is offered whenever members exist');
       }
       await page.waitForFunction(
           () => document.getElementById('network').dataset.state !== 'laying-out');
       const buttons = await page.$$eval('#result button.png', (b) => b.map((x) => x.dataset.png));
       assert.ok(buttons.length >= 7, buttons.join(' '));
       const pngs = [];
       for (const name of buttons) {
         pngs.push(await downloaded(
             () => page.click(`#result button[data-png="${name}"]`), `app-chart-${name}.png`));
         assert.equal(pngs.at(-1).subarray(1, 4).toString(), 'PNG', name);
       }
       const colours = await distinctColours(context, pngs);
       buttons.forEach((name, i) => assert.ok(colours[i] > 3, `${name}.png is not blank`));
       await page.emulateMedia({media: 'print'});
       await screenshot(page, 'app-print');
       assert.ok(await page.isHidden('#drop'), 'the print layout leaves the controls out');
       await page.emulateMedia({media: 'screen'});
       const pdf = await page.pdf({path: path.join(outputDir, 'app-report.pdf')});
       assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
       assert.ok(pdf.length > 20000, `PDF of ${pdf.length} bytes`);
     });

  it('compares several exports side by side', async () => {
    if (await page.isVisible('#compare-clear'))
      await page.click('#compare-clear');
    for (const file of [kSlackZip, kDiscord]) {
      assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', file)), 'done');
      await page.click('#compare-add');
    }
    const columns = await page.$$eval(
        '#compare-table tr:first-child th[scope=col]', (t) => t.map((c) => c.textContent));
    assert.deepEqual(columns, [`1. ${path.basename(kSlackZip)}`, `2. ${path.basename(kDiscord)}`]);
    const verdicts =
        await page.$$eval('#compare-table tr:nth-child(2) td', (t) => t.map((c) => c.textContent));
    assert.deepEqual(
        verdicts, [kSlackZip, kDiscord].map((f) => JSON.parse(cliReport(f)).verdict.title));
    const placed = [kSlackZip, kDiscord].filter((f) => JSON.parse(cliReport(f)).placement.placed);
    assert.equal(await page.$$eval('#card-compare-map circle', (c) => c.length), placed.length);
    await screenshot(
        page, 'app-compare', {fullPage: false, clip: await page.locator('#compare').boundingBox()});
  });

  it('works by keyboard alone', async () => {
    await openPage();
    await page.keyboard.press('Tab');  // the skip link
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    let chooser = null;
    page.once('filechooser', (c) => {
      chooser = c;
    });
    for (let i = 0; i < 10 && !chooser; ++i) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement.id === 'file'))
        await page.keyboard.press('Space');
    }
    await page.waitForTimeout(200);
    assert.ok(chooser, 'Tab and Space open the file chooser');
    assert.equal(await analyzeWith(page, () => chooser.setFiles(kDiscord)), 'done');
    // Tab on to the report download and take it with Enter.
    let reached = false;
    for (let i = 0; i < 60 && !reached; ++i) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement.id === 'download');
    }
    assert.ok(reached, 'Tab reaches the report download');
    const json = await downloaded(() => page.keyboard.press('Enter'), 'app-keyboard-report.json');
    assert.equal(json.toString(), cliReport(kDiscord));
    // Escape cancels a running analysis.
    await page.setInputFiles('#file', kSlackZip);
    await page.keyboard.press('Escape');
    await waitForState(page, ['cancelled', 'done']);
  });

  it('passes an axe-core scan in light and dark mode, and fits 360 px', async () => {
    await openPage();
    assert.deepEqual(await axeViolations(), [], 'the empty page');
    assert.equal(await analyzeWith(page, () => page.setInputFiles('#file', kSlackZip)), 'done');
    await page.waitForFunction(
        () => document.getElementById('network').dataset.state !== 'laying-out');
    assert.deepEqual(await axeViolations(), [], 'the result, light');
    await page.emulateMedia({colorScheme: 'dark'});
    await page.waitForTimeout(300);  // transitions end
    assert.deepEqual(await axeViolations(), [], 'the result, dark');
    await screenshot(page, 'app-dark', {clip: {x: 0, y: 0, width: 1000, height: 3000}});
    await page.setViewportSize({width: 360, height: 800});
    await page.waitForTimeout(200);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${width} px wide at 360`);
    await page.emulateMedia({colorScheme: 'light'});
    assert.deepEqual(await axeViolations(), [], 'the result at 360 px');
    await screenshot(page, 'app-360', {clip: {x: 0, y: 0, width: 360, height: 3000}});
    await page.setViewportSize({width: 1000, height: 1100});
  });

  it('keeps its privacy promise: CSP everywhere, offline once loaded, no foreign request',
     async () => {
       await openPage();
       assert.ok(await page.isVisible('#privacy-badge'));
       assert.ok(headers.length > 5);
       for (const [url, h] of headers)
         assert.equal(h['content-security-policy'], CSP, url);
       await context.setOffline(true);
       try {
         assert.equal(
             await analyzeWith(page, () => page.setInputFiles('#file', kSlackZip)), 'done');
         assert.equal(
             await page.evaluate(() => window.meshcheck.last.reportJson), cliReport(kSlackZip));
       } finally {
         await context.setOffline(false);
       }
       const foreign =
           requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
       assert.deepEqual(foreign, []);
       console.log(`# ${requests.length} requests, all to ${origin}`);
       assert.deepEqual(problems, []);
     });
});
