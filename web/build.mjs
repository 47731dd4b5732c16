// Builds the static site into build/web (or $MESHCHECK_WEB_OUT): index.html (strings and CSP
// filled in), app.js and worker.js bundled by esbuild (third-party code only from npm, never a
// CDN), the wasm module, styles, favicon and examples/*.json.
//   node web/build.mjs      (after `cmake --build --preset wasm`; $MESHCHECK_WASM_DIR overrides
//                            build/wasm/wasm)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {CSP} from './csp.mjs';
import {strings} from './strings.js';

const web = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(web);
const out = path.resolve(process.env.MESHCHECK_WEB_OUT ?? path.join(root, 'build/web'));
const wasmDir = path.resolve(process.env.MESHCHECK_WASM_DIR ?? path.join(root, 'build/wasm/wasm'));
const wasmGlue = path.join(wasmDir, 'meshcheck.mjs');
const wasmBinary = path.join(wasmDir, 'meshcheck.wasm');

function fail(message) {
  console.error(`web/build.mjs: ${message}`);
  process.exit(1);
}

for (const file of [wasmGlue, wasmBinary]) {
  if (!fs.existsSync(file))
    fail(`${file} is missing; build it first: cmake --build --preset wasm`);
}

const escapeHtml = (text) => text.replace(
    /[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;'})[c]);

// index.html with every {{name}} replaced by strings[name] (or the CSP); an unknown name fails.
function renderIndex() {
  const values = {...strings, csp: CSP};
  return fs.readFileSync(path.join(web, 'index.html'), 'utf8')
      .replace(/\{\{(\w+)\}\}/g, (_, name) => {
        if (typeof values[name] !== 'string')
          fail(`index.html: no string named '${name}'`);
        return escapeHtml(values[name]);
      });
}

// `import ... from 'meshcheck-wasm'` resolves to the emscripten ES module.
const wasmModule = {
  name: 'meshcheck-wasm',
  setup(build) {
    build.onResolve({filter: /^meshcheck-wasm$/}, () => ({path: wasmGlue}));
  },
};

const started = performance.now();
fs.rmSync(out, {recursive: true, force: true});
fs.mkdirSync(out, {recursive: true});
const result = await esbuild.build({
  entryPoints: {app: path.join(web, 'app.js'), worker: path.join(web, 'worker.js')},
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome100', 'firefox115', 'safari16'],
  minify: true,
  external: ['node:*'],  // only reached under node (wasm/node_esm_shim.js)
  plugins: [wasmModule],
  metafile: true,
  logLevel: 'warning',
});
if (result.errors.length > 0)
  fail('esbuild failed');

fs.writeFileSync(path.join(out, 'index.html'), renderIndex());
for (const file of ['styles.css', 'favicon.svg'])
  fs.copyFileSync(path.join(web, file), path.join(out, file));
fs.copyFileSync(wasmBinary, path.join(out, 'meshcheck.wasm'));
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
