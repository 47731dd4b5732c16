// Builds the static site into build/web (or $MESHCHECK_WEB_OUT): index.html, quiz.html and
// quiz-frame.html (strings and CSP filled in), app.js, worker.js, meshcheck-quiz.js and
// quiz-frame.js bundled by esbuild (third-party code only from npm, never a CDN), the wasm
// module, styles, favicon and examples/*.json.
//   node web/build.mjs [--out DIR] [--wasm DIR]   (after `cmake --build --preset wasm`)
// --out (or $MESHCHECK_WEB_OUT) defaults to build/web, --wasm (or $MESHCHECK_WASM_DIR) to
// build/wasm/wasm.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {CSP} from './csp.mjs';
import {pageStrings as quizStrings} from './quiz/strings.js';
import {strings} from './strings.js';

const web = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(web);
function option(name, env, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return path.resolve(i > 0 ? process.argv[i + 1] : process.env[env] ?? fallback);
}
const out = option('out', 'MESHCHECK_WEB_OUT', path.join(root, 'build/web'));
const wasmDir = option('wasm', 'MESHCHECK_WASM_DIR', path.join(root, 'build/wasm/wasm'));
const wasmGlue = path.join(wasmDir, 'meshcheck.mjs');
const wasmBinary = path.join(wasmDir, 'meshcheck.wasm');
// The quiz-only module the <meshcheck-quiz> element loads (a third of the size).
const quizGlue = path.join(wasmDir, 'meshcheck-quiz.mjs');
const quizBinary = path.join(wasmDir, 'meshcheck-quiz.wasm');

function fail(message) {
  console.error(`web/build.mjs: ${message}`);
  process.exit(1);
}

for (const file of [wasmGlue, wasmBinary, quizGlue, quizBinary]) {
  if (!fs.existsSync(file))
    fail(`${file} is missing; build it first: cmake --build --preset wasm`);
}

const escapeHtml = (text) => text.replace(
    /[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;'})[c]);

// An HTML page of web/ with every {{name}} replaced by strings[name] (the page's, then the
// quiz's) or the CSP; an unknown name fails.
function renderPage(page) {
  const values = {...strings, ...quizStrings, csp: CSP};
  return fs.readFileSync(path.join(web, page), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (typeof values[name] !== 'string')
      fail(`${page}: no string named '${name}'`);
    return escapeHtml(values[name]);
  });
}

// `import ... from 'meshcheck-wasm'` resolves to the emscripten ES module, and
// 'meshcheck-quiz-wasm' to the quiz-only one.
const wasmModule = {
  name: 'meshcheck-wasm',
  setup(build) {
    build.onResolve({filter: /^meshcheck-wasm$/}, () => ({path: wasmGlue}));
    build.onResolve({filter: /^meshcheck-quiz-wasm$/}, () => ({path: quizGlue}));
  },
};

const started = performance.now();
fs.rmSync(out, {recursive: true, force: true});
fs.mkdirSync(out, {recursive: true});
const result = await esbuild.build({
  entryPoints: {
    'app': path.join(web, 'app.js'),
    'worker': path.join(web, 'worker.js'),
    // The quiz element (docs/quiz.md): one script a landing page loads; and its iframe page.
    'meshcheck-quiz': path.join(web, 'quiz/meshcheck-quiz.js'),
    'quiz-frame': path.join(web, 'quiz/frame.js'),
  },
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome100', 'firefox115', 'safari16.4'],  // 16.4: wasm SIMD (top CMakeLists.txt)
  minify: true,
  external: ['node:*'],  // only reached under node (wasm/node_esm_shim.js)
  plugins: [wasmModule],
  loader: {'.css': 'text'},  // the quiz element adopts its shadow styles from a string
  metafile: true,
  logLevel: 'warning',
});
if (result.errors.length > 0)
  fail('esbuild failed');

for (const page of ['index.html', 'quiz.html', 'quiz-frame.html'])
  fs.writeFileSync(path.join(out, page), renderPage(page));
fs.copyFileSync(path.join(web, 'quiz/frame.css'), path.join(out, 'quiz-frame.css'));
for (const file of ['styles.css', 'favicon.svg'])
  fs.copyFileSync(path.join(web, file), path.join(out, file));
fs.copyFileSync(wasmBinary, path.join(out, 'meshcheck.wasm'));
fs.copyFileSync(quizBinary, path.join(out, 'meshcheck-quiz.wasm'));
const examples = path.join(root, 'examples');
const exampleFiles =
    fs.existsSync(examples) ? fs.readdirSync(examples).filter((f) => f.endsWith('.json')) : [];
if (exampleFiles.length > 0) {
  fs.mkdirSync(path.join(out, 'examples'));
  for (const f of exampleFiles)
    fs.copyFileSync(path.join(examples, f), path.join(out, 'examples', f));
}

const sizes = fs.readdirSync(out)
                  .filter((f) => fs.statSync(path.join(out, f)).isFile())
                  .map((f) => `${f} ${fs.statSync(path.join(out, f)).size}`);
console.log(
    `web/build.mjs: ${path.relative(root, out)} in ${Math.round(performance.now() - started)} ms` +
    ` (${sizes.join(', ')}; examples: ${exampleFiles.length})`);
