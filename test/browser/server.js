// Serves the built plot webview (dist/) on a loopback port, as VS Code would: the page from
// src/plot/webviewHtml.ts (same CSP, the port's origin standing for webview.cspSource), with
// the stub host (test/browser/stubHost.ts) loaded just before dist/webview.js under the page's
// nonce. Used by test/browser/run.js and bench/webview.ts.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** Starts the server; resolves with `{ url, close() }`. Needs `npm run build` (dist/webview.js) first. */
async function startServer() {
  for (const f of ['dist/webview.js', 'dist/webview.css']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gelu-webview-'));
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'stubHost.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'chrome120',
    outfile: path.join(tmp, 'stub.js'), logLevel: 'error',
  });
  await esbuild.build({
    entryPoints: [path.join(root, 'src/plot/webviewHtml.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    outfile: path.join(tmp, 'html.js'), logLevel: 'error',
  });
  const { webviewHtml, makeNonce } = require(path.join(tmp, 'html.js'));
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/') {
      const nonce = makeNonce();
      const mode = url.searchParams.get('mode') === 'view' ? 'view' : 'panel';
      const html = webviewHtml({ cspSource: origin, scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/dist/webview.css`, nonce, mode })
        .replace(`<script nonce="${nonce}" src=`, `<script nonce="${nonce}" src="${origin}/stub.js"></script>\n<script nonce="${nonce}" src=`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      // Browsers ask for it; a VS Code webview never does.
      res.writeHead(204);
      res.end();
      return;
    }
    const file = url.pathname === '/stub.js' ? path.join(tmp, 'stub.js') : path.join(root, path.normalize(url.pathname));
    const allowed = file === path.join(tmp, 'stub.js') || file.startsWith(path.join(root, 'dist') + path.sep) || file.startsWith(path.join(root, 'media') + path.sep);
    if (!allowed || !fs.existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url: origin,
    close: () => new Promise((resolve) => {
      server.close(() => resolve(undefined));
      fs.rmSync(tmp, { recursive: true, force: true });
    }),
  };
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

function chromiumPath() {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean).find((p) => fs.existsSync(p));
  if (!found) throw new Error("Chromium not found: install Debian's `chromium` package (or set CHROMIUM_PATH).");
  return found;
}

module.exports = { startServer, chromiumPath, CHROMIUM_ARGS, root };
