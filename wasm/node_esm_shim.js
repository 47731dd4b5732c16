// Prepended to the ES module (--extern-pre-js). emscripten 3.1.6's EXPORT_ES6 output still calls
// require() and reads __dirname when it runs under node; an ES module has neither, so define them
// there. Browsers (page and worker) skip the block.
var require, __dirname, __filename;
if (typeof process == 'object' && process.versions && process.versions.node) {
  const {createRequire} = await import('node:module');
  require = createRequire(import.meta.url);
  __filename = require('node:url').fileURLToPath(import.meta.url);
  __dirname = require('node:path').dirname(__filename);
}
