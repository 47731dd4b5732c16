// The Content-Security-Policy of the page and its worker, in one place. scripts/serve.mjs sends
// it as a header on every response (a <meta> CSP does not govern a worker); web/build.mjs also
// writes it into index.html's <meta> for hosts that send no header; tests/e2e checks both.
// 'wasm-unsafe-eval' lets the worker compile the .wasm; nothing may connect beyond the origin.
// img-src blob: lets a chart's SVG be drawn onto a canvas for its PNG download (a blob URL is
// made by the page itself from its own data; nothing is fetched).
export const CSP = [
  'default-src \'self\'',
  'connect-src \'self\'',
  'script-src \'self\' \'wasm-unsafe-eval\'',
  'style-src \'self\'',
  'img-src \'self\' blob:',
  'object-src \'none\'',
  'base-uri \'none\'',
].join('; ');
