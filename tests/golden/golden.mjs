// Golden parity test: the native CLI and the wasm module (run under node through the same
// buffer()/pushBuffer() path as the page's worker) must give byte-identical reports, and the
// same error for inputs they cannot read. See tests/golden/README.md.
//
//   node tests/golden/golden.mjs [--cli PATH] [--wasm DIR] [--corpus DIR]
// Defaults: build/native/cli/meshcheck, build/wasm/wasm, ../shared/corpus (from the checkout);
// also $MESHCHECK_CLI, $MESHCHECK_WASM_DIR, $MESHCHECK_CORPUS. Exits 1 if any check fails.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const kChunkSizes = [
  {bytes: 1, upTo: 64 << 10},  // every split point, on small files
  {bytes: 7, upTo: 4 << 20},   // splits inside tokens and UTF-8 sequences
  {bytes: 4096, upTo: Infinity}, {bytes: 2 << 20, upTo: Infinity},  // the worker's chunk size
];

function parseArgs(argv) {
  const args = {
    cli: process.env.MESHCHECK_CLI ?? path.join(repo, 'build/native/cli/meshcheck'),
    wasm: process.env.MESHCHECK_WASM_DIR ?? path.join(repo, 'build/wasm/wasm'),
    corpus: process.env.MESHCHECK_CORPUS ?? path.join(repo, '../shared/corpus'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || argv[i + 1] === undefined) {
      console.error('usage: node tests/golden/golden.mjs [--cli PATH] [--wasm DIR] [--corpus DIR]');
      process.exit(2);
    }
    args[key] = path.resolve(argv[i + 1]);
  }
  return args;
}

function listFiles(dir, keep = () => true) {
  if (!fs.existsSync(dir))
    return [];
  return fs.readdirSync(dir, {withFileTypes: true})
      .flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? listFiles(p, keep) : keep(p) ? [p] : [];
      })
      .sort();
}

// {status, stdout, stderr} of `meshcheck analyze FILES... --json [extra]`.
function runCli(cli, files, extra = []) {
  const r = spawnSync(cli, ['analyze', ...files, '--json', ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.error)
    throw r.error;
  return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}

// Analyses `files` in one wasm Session, pushing each in `chunk`-byte pieces through the C++
// buffer. Returns {finish, ends, reportJson}.
function runWasm(M, files, chunk, {hosts = [], pseudonymize = true} = {}) {
  const session = new M.Session(hosts, pseudonymize);
  try {
    const ends = [];
    for (const file of files) {
      const data = fs.readFileSync(file);
      const begun = session.beginInput(path.basename(file), data.length, '');
      for (let at = 0; begun.ok && at < data.length; at += chunk) {
        const n = Math.min(chunk, data.length - at);
        session.buffer(n).set(data.subarray(at, at + n));  // fetched again: memory may grow
        if (!session.pushBuffer(n).ok)
          break;
      }
      ends.push(session.endInput());
    }
    const finish = session.finish();
    return {finish, ends, reportJson: session.reportJson()};
  } finally {
    session.delete();
  }
}

// The CLI's one-line reason for a failed input (cli/main.cpp) built from a wasm status.
const cliReason = (file, status) => `meshcheck: ${file}: ${status.message} [${status.id}]`;

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i])
    ++i;
  return `first difference at char ${i}: cli ${JSON.stringify(a.slice(i, i + 60))} ` +
      `vs wasm ${JSON.stringify(b.slice(i, i + 60))}`;
}

const results = [];
function check(name, problem) {
  results.push({name, problem});
  console.log(`${problem ? 'FAIL' : 'ok  '}  ${name}${problem ? `\n      ${problem}` : ''}`);
}

const chunkSizesFor = (files) => {
  const size = Math.max(...files.map((f) => fs.statSync(f).size));
  return kChunkSizes.filter((c) => size <= c.upTo).map((c) => c.bytes);
};

// The CLI must accept `files` and the wasm module must give the identical report at every
// chunk size. Returns the report.
function checkReports(M, cli, name, files, options = {}, extra = []) {
  const native = runCli(cli, files, extra);
  const sizes = chunkSizesFor(files);
  if (native.status !== 0) {
    check(name, `CLI exit ${native.status}: ${native.stderr.trim()}`);
    return native.stdout;
  }
  const problems =
      sizes
          .map((bytes) => {
            const wasm = runWasm(M, files, bytes, options);
            if (!wasm.finish.ok)
              return `[${bytes} B] wasm finish: ${wasm.finish.id}: ${wasm.finish.message}`;
            if (wasm.reportJson !== native.stdout)
              return `[${bytes} B] ${firstDifference(native.stdout, wasm.reportJson)}`;
            return null;
          })
          .filter(Boolean);
  check(`${name} (chunks of ${sizes.join(', ')} B)`, problems.join('\n      ') || null);
  return native.stdout;
}

// Whatever the CLI does with one file (report or error), the wasm module must do the same.
function checkOutcome(M, cli, file, rel) {
  const native = runCli(cli, [file]);
  if (native.status === 0) {
    checkReports(M, cli, rel, [file]);
    return;
  }
  const expected = native.stderr.trim();
  const sizes = chunkSizesFor([file]);
  const problems = sizes
                       .map((bytes) => {
                         const wasm = runWasm(M, [file], bytes);
                         const got = cliReason(file, wasm.finish);
                         if (wasm.finish.ok)
                           return `[${bytes} B] CLI failed (${expected}) but wasm succeeded`;
                         if (got !== expected)
                           return `[${bytes} B] cli: ${expected}\n      wasm: ${got}`;
                         if (wasm.ends[0].id !== wasm.finish.id)
                           return `[${bytes} B] endInput gave ${wasm.ends[0].id}`;
                         return null;
                       })
                       .filter(Boolean);
  check(`${rel}: same error (chunks of ${sizes.join(', ')} B)`, problems.join('\n      ') || null);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  for (const p of [args.cli, path.join(args.wasm, 'meshcheck.mjs'), args.corpus]) {
    if (!fs.existsSync(p)) {
      console.error(`golden: ${p} is missing (build with make build; corpus in ../shared/corpus)`);
      process.exit(1);
    }
  }
  const {default: createMeshcheck} = await import(path.join(args.wasm, 'meshcheck.mjs'));
  const M =
      await createMeshcheck({wasmBinary: fs.readFileSync(path.join(args.wasm, 'meshcheck.wasm'))});
  const rel = (f) => path.relative(path.dirname(args.corpus), f);

  const discord = listFiles(path.join(args.corpus, 'discord'), (f) => f.endsWith('.json'));
  const examples = listFiles(path.join(repo, 'examples'), (f) => f.endsWith('.json'));
  if (discord.length === 0)
    check('corpus has Discord JSON files', `none in ${args.corpus}/discord`);
  if (examples.length === 0)
    console.log('note  examples/*.json: none yet, skipped');
  for (const f of [...discord, ...examples])
    checkReports(M, args.cli, rel(f), [f]);
  if (discord.length > 1)
    checkReports(M, args.cli, 'all Discord JSON files in one session', discord);

  // Options reach the core the same way: a declared host (a real author of the file, read
  // from it here) and real names.
  const sample = discord.find((f) => f.endsWith('dcef-example-guild-general.json')) ?? discord[0];
  if (sample) {
    const host = JSON.parse(fs.readFileSync(sample, 'utf8')).messages[0].author.name;
    const plain = runCli(args.cli, [sample]).stdout;
    const withOptions = checkReports(
        M, args.cli, `${rel(sample)} --host ${host} --names`, [sample],
        {hosts: [host], pseudonymize: false}, ['--host', host, '--names']);
    check('the options change the report', withOptions !== plain ? null : 'same report');
  }

  // An input that is no export must be refused, as unsupported, with the same error on both
  // sides...
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'meshcheck-golden-'));
  try {
    const notAnExport = path.join(scratch, 'notes.txt');
    fs.writeFileSync(notAnExport, 'Shopping list\n- milk\n- bread\n');
    const native = runCli(args.cli, [notAnExport]);
    const wasm = runWasm(M, [notAnExport], 7);
    const same = native.stderr.trim() === cliReason(notAnExport, wasm.finish);
    check(
        'a plain text file is refused as unsupported by both, with the same error',
        native.status === 1 && wasm.finish.name === 'unsupported_format' && same ?
            null :
            `cli exit ${native.status}: ${native.stderr.trim()}\n      wasm: ${wasm.finish.name} ` +
                cliReason(notAnExport, wasm.finish));
  } finally {
    fs.rmSync(scratch, {recursive: true, force: true});
  }
  // ...and every other corpus file the same outcome, whatever the formats supported today.
  const covered = new Set([...discord]);
  for (const f of listFiles(args.corpus, (p) => !p.endsWith('.md') && !covered.has(p))) {
    checkOutcome(M, args.cli, f, rel(f));
  }

  const failed = results.filter((r) => r.problem);
  console.log(`golden: ${results.length - failed.length} of ${results.length} checks passed`);
  process.exit(failed.length > 0 ? 1 : 0);
}

await main();
