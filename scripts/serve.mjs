#!/usr/bin/env node
// A small static server for the page (no dependencies).
//   node scripts/serve.mjs [ROOT] [--port N]      ROOT defaults to build/web; the port to $PORT,
//                                                  else 8080; --port 0 picks a free port.
//                          [--cors-allow ORIGIN]  pages on ORIGIN ('*': any) may load these files
//                                                  (the quiz element's script and wasm): CORS.
//                          [--csp-allow ORIGIN]   the pages served embed meshcheck from ORIGIN:
//                                                  the CSP lets them load its scripts, wasm and
//                                                  frames. Both options may repeat.
// Binds 127.0.0.1 only. The first line on stdout is the base URL ("http://127.0.0.1:N/"), for
// scripts and tests to read. Every response carries the Content-Security-Policy header of
// web/csp.mjs (a <meta> CSP does not reach the page's worker), widened by --csp-allow. Serves GET
// and HEAD of files under ROOT only: paths that leave ROOT, directly or through a link, get 404.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {CSP} from '../web/csp.mjs';

const kHost = '127.0.0.1';
const kTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};
const kHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// `text` if it is exactly an http(s) origin ("http://127.0.0.1:8081"), else null.
function exactOrigin(text) {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text ? text : null;
  } catch {
    return null;
  }
}

function parseArgs(argv) {
  const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const args = {
    root: path.join(repo, 'build/web'),
    port: Number(process.env.PORT ?? 8080),
    corsAllow: [],
    cspAllow: [],
  };
  for (let i = 0; i < argv.length; ++i) {
    const flag = argv[i];
    if (flag === '--port') {
      args.port = Number(argv[++i]);
    } else if (flag.startsWith('--port=')) {
      args.port = Number(flag.slice(7));
    } else if (flag === '--cors-allow' || flag === '--csp-allow') {
      const origin = argv[++i] ?? '';
      if (!exactOrigin(origin) && !(origin === '*' && flag === '--cors-allow'))
        usage(`${flag} needs an origin such as http://127.0.0.1:8081, not '${origin}'`);
      (flag === '--cors-allow' ? args.corsAllow : args.cspAllow).push(origin);
    } else if (!flag.startsWith('-')) {
      args.root = path.resolve(flag);
    } else {
      usage(`unknown option ${flag}`);
    }
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)
    usage('bad port');
  if (!fs.existsSync(args.root))
    usage(`${args.root} does not exist (build it: make web)`);
  args.root = fs.realpathSync(args.root);
  return args;
}

function usage(problem) {
  console.error(
      `serve.mjs: ${problem}\nusage: node scripts/serve.mjs [ROOT] [--port N] ` +
      '[--cors-allow ORIGIN]... [--csp-allow ORIGIN]...');
  process.exit(2);
}

// web/csp.mjs's policy, also allowing scripts, fetches and frames from `origins`.
function cspAllowing(origins) {
  if (origins.length === 0)
    return CSP;
  const extra = origins.join(' ');
  const directives =
      CSP.split('; ').map((d) => (/^(script-src|connect-src) /.test(d) ? `${d} ${extra}` : d));
  return [...directives, `frame-src ${extra}`].join('; ');
}

// The headers of every response to `req`.
function headersFor(args, req) {
  const headers = {...kHeaders, 'Content-Security-Policy': cspAllowing(args.cspAllow)};
  const origin = req.headers.origin;
  if (args.corsAllow.includes('*')) {
    headers['Access-Control-Allow-Origin'] = '*';
  } else if (args.corsAllow.length > 0) {
    headers['Vary'] = 'Origin';
    if (args.corsAllow.includes(origin))
      headers['Access-Control-Allow-Origin'] = origin;
  }
  return headers;
}

function send(res, headers, status, text) {
  res.writeHead(status, {...headers, 'Content-Type': 'text/plain; charset=utf-8'});
  res.end(`${text}\n`);
}

// The real path of the file the URL names inside root, or null.
function resolveFile(root, url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0'))
    return null;
  let file = path.join(root, path.normalize(pathname));
  try {
    if (fs.statSync(file).isDirectory())
      file = path.join(file, 'index.html');
    file = fs.realpathSync(file);
  } catch {
    return null;
  }
  const inside = file.startsWith(root + path.sep);
  return inside && fs.statSync(file).isFile() ? file : null;
}

function serve(args, req, res) {
  const headers = headersFor(args, req);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, headers, 405, 'method not allowed');
  }
  const file = resolveFile(args.root, req.url);
  if (!file)
    return send(res, headers, 404, 'not found');
  const stat = fs.statSync(file);
  res.writeHead(200, {
    ...headers,
    'Content-Type': kTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Last-Modified': stat.mtime.toUTCString(),
  });
  if (req.method === 'HEAD')
    return res.end();
  fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

const args = parseArgs(process.argv.slice(2));
const server = http.createServer((req, res) => serve(args, req, res));
server.on('error', (e) => {
  console.error(
      e.code === 'EADDRINUSE' ?
          `serve.mjs: port ${args.port} is in use; choose another with PORT=... or --port` :
          `serve.mjs: ${e.message}`);
  process.exit(1);
});
server.listen(args.port, kHost, () => {
  console.log(`http://${kHost}:${server.address().port}/`);
  console.error(`serve.mjs: serving ${args.root} (Ctrl-C to stop)`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
