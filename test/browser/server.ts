/**
 * Serves the built plot webview (dist/) on a loopback port, as VS Code would: the page from
 * src/plot/webviewHtml.ts (same CSP, the port's origin standing for webview.cspSource), with
 * the stub host (test/browser/stubHost.ts) loaded just before dist/webview.js under the page's
 * nonce. Used by the browser tier (test/browser/run.ts) and bench/webview.ts.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeNonce, webviewHtml } from '../../src/plot/webviewHtml';
import { REPO as root } from '../support/repo';

const TYPES: ReadonlyMap<string, string> = new Map([
  ['.js', 'text/javascript'], ['.css', 'text/css'], ['.woff2', 'font/woff2'], ['.map', 'application/json'], ['.svg', 'image/svg+xml'], ['.png', 'image/png'],
]);

export interface WebviewServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the server. Needs `npm run build` (dist/webview.js) first. */
export async function startServer(): Promise<WebviewServer> {
  for (const f of ['dist/webview.js', 'dist/webview.css']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gelu-webview-'));
  const stub = path.join(tmp, 'stub.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'test/browser/stubHost.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'chrome120',
    outfile: stub, logLevel: 'error',
  });
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
    const file = url.pathname === '/stub.js' ? stub : path.join(root, path.normalize(url.pathname));
    const allowed = file === stub || file.startsWith(path.join(root, 'dist') + path.sep) || file.startsWith(path.join(root, 'media') + path.sep);
    if (!allowed || !fs.existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES.get(path.extname(file)) ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url: origin,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      fs.rmSync(tmp, { recursive: true, force: true });
    }),
  };
}
