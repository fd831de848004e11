// Runs the integration tier in a real VS Code: code-server (installed from npm into .e2e-cache/)
// driven by Debian's Chromium through playwright-core.
//   1. package the extension as a .vsix and install it into a fresh, throw-away profile;
//   2. UI checks (test/integration/ui/*.ui.ts): a person's use of the workbench, one page each;
//   3. VS Code's own extension tests (test/integration/suite/*.test.ts, mocha in the extension host);
//   4. the UI checks again with the extension's `main` taken out of the installed manifest, so
//      that its `browser` bundle runs in the workbench's web worker extension host (as on
//      vscode.dev). The mocha suites are Node bundles and do not run there.
// Everything lives under .e2e-cache/ (ignored); nothing is written to the user's home.
// Env: GELU_GREP filters suites and UI checks; GELU_KEEP=1 keeps the run folder; GELU_WEB=0 skips
// step 4.
// Output ends with `integration: N passed, N failed` and test-artifacts/integration-summary.json.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { UiCheck } from './ui/context';
import { createUiContext, waitForWorkbench } from './ui/driver';

const root = path.resolve(__dirname, '../..');
const artifactsRoot = path.join(root, 'test-artifacts', 'integration');
const grep = process.env.GELU_GREP ? new RegExp(process.env.GELU_GREP) : undefined;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

interface Counts { passed: number; failed: number; skipped: number }

function log(message: string): void {
  console.log(`[integration] ${message}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s `chromium` package (or set CHROMIUM_PATH).');
  return found;
}

/** Installs (once) and returns code-server's launcher and the Node 24 it needs. */
export function ensureCodeServer(): { bin: string; nodeBin: string } {
  const out = execFileSync('bash', [path.join(root, 'scripts/setup-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = out.trim().split('\n').pop() ?? '';
  const nodeDir = fs.readdirSync(path.join(root, '.e2e-cache')).find((d) => d.startsWith('node-'));
  if (!fs.existsSync(bin) || !nodeDir) throw new Error(`code-server setup failed: ${out}`);
  return { bin, nodeBin: path.join(root, '.e2e-cache', nodeDir, 'bin') };
}

/** Builds the production bundle and the .vsix; returns its path. */
export function packageExtension(): string {
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  const vsix = path.join(root, `gelu-lab-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} was not produced`);
  return vsix;
}

export interface CodeServer {
  readonly url: string;
  readonly workspace: string;
  readonly extensionPath: string;
  stop(): Promise<void>;
}

/** Starts code-server on a free loopback port with a fresh profile and the .vsix installed. */
export async function startCodeServer(runDir: string, vsix: string, options: { port?: number; keepWorkspace?: boolean; webOnly?: boolean } = {}): Promise<CodeServer> {
  const { bin, nodeBin } = ensureCodeServer();
  const env = {
    ...process.env,
    PATH: `${nodeBin}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(runDir, 'xdg/config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg/data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg/cache'),
  };
  const userData = path.join(runDir, 'user-data');
  const extensions = path.join(runDir, 'extensions');
  const workspace = path.join(runDir, 'workspace');
  if (!(options.keepWorkspace && fs.existsSync(workspace))) fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
    'editor.hover.delay': 300,
    'window.commandCenter': false,
    'chat.disableAIFeatures': true,
    'git.openRepositoryInParentFolders': 'never',
  }, null, 2));
  execFileSync(bin, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix, '--force'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const installed = fs.readdirSync(extensions).find((d) => d.startsWith('gelu-lab.gelu-lab-'));
  if (!installed) throw new Error('the .vsix did not install into code-server');
  if (options.webOnly) {
    // Without `main`, the workbench runs the extension from its `browser` entry in a web worker.
    const manifestPath = path.join(extensions, installed, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    if (typeof manifest.browser !== 'string') throw new Error('the manifest has no `browser` entry');
    delete manifest.main;
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  }

  const port = options.port ?? (await freePort());
  const serverLog = fs.openSync(path.join(runDir, 'code-server.log'), 'w');
  const child: ChildProcess = spawn(bin, [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--reconnection-grace-time', '5', '--vscode-option', 'enable-smoke-test-driver',
  ], { env, stdio: ['ignore', serverLog, serverLog], detached: true });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); see ${runDir}/code-server.log`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`code-server ${url} (profile ${runDir})`);
  return {
    url,
    workspace,
    extensionPath: path.join(extensions, installed),
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
        await new Promise((r) => setTimeout(r, 500));
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      }
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

export async function openWorkbench(browser: Browser, server: CodeServer, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}${query}`);
  await waitForWorkbench(page);
  return page;
}

async function runUiChecks(browser: Browser, server: CodeServer, host: 'node' | 'web'): Promise<Counts> {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  const label = host === 'web' ? 'ui-web' : 'ui';
  const dir = path.join(__dirname, 'ui');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ui.ts')).sort();
  for (const file of files) {
    const name = file.replace(/\.ui\.ts$/, '');
    if (grep && !grep.test(name)) continue;
    const artifacts = path.join(artifactsRoot, label, name);
    fs.mkdirSync(artifacts, { recursive: true });
    const started = Date.now();
    let page: Page | undefined;
    try {
      page = await openWorkbench(browser, server);
      const mod = (await import(path.join(dir, file))) as { default: UiCheck };
      const check = mod.default;
      const ctx = createUiContext(page, server.workspace, artifacts, host, (m) => log(`  ${name}: ${m}`));
      await withTimeout(check(ctx), 120_000, `UI check ${name}`);
      counts.passed++;
      log(`✓ ${label}/${name} (${Date.now() - started} ms)`);
    } catch (error) {
      counts.failed++;
      log(`✗ ${label}/${name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      await page?.screenshot({ path: path.join(artifacts, 'failure.png') }).catch(() => undefined);
    } finally {
      await page?.close().catch(() => undefined);
    }
  }
  return counts;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Applies console.log's `%s`/`%d`/`%o` substitutions, as the host's console did before forwarding. */
function formatConsoleArgs(args: unknown[]): string {
  const rest = [...args];
  const show = (a: unknown) => (typeof a === 'string' ? a : JSON.stringify(a));
  let text = typeof rest[0] === 'string' ? String(rest.shift()) : '';
  text = text.replace(/%[sdifoOjc%]/g, (token) => {
    if (token === '%%') return '%';
    if (rest.length === 0) return token;
    const value = rest.shift();
    return token === '%c' ? '' : show(value);
  });
  return [text, ...rest.map(show)].filter((part) => part !== '').join(' ');
}

async function runExtensionTests(browser: Browser, server: CodeServer): Promise<Counts> {
  const remote = (p: string) => `vscode-remote://${new URL(server.url).host}${p}`;
  const environment: Record<string, string> = { GELU_TEST_WORKSPACE: server.workspace, GELU_PACKAGED: '1' };
  if (process.env.GELU_GREP) environment.GELU_GREP = process.env.GELU_GREP;
  const payload = [
    ['extensionDevelopmentPath', remote(server.extensionPath)],
    ['extensionTestsPath', remote(path.join(root, 'out/test/integration/index'))],
    ['skipWelcome', 'true'],
    ['extensionEnvironment', JSON.stringify(environment)],
  ];
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const lines: string[] = [];
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => { resolveExit = resolve; });
  const hostLog = fs.openSync(path.join(artifactsRoot, 'extension-host.log'), 'w');
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const text = formatConsoleArgs(args);
    fs.writeSync(hostLog, `[${type}] ${text}\n`);
    // The workbench's own complaints (no gallery, no network) go to the log file only.
    const workbenchNoise = type === 'error' && /\/static\/out\/vs\/|\[lifecycle\]|marketplace|gallery/i.test(text);
    for (const line of text.split('\n')) {
      lines.push(line);
      if (!workbenchNoise && !line.startsWith('GELU_RESULTS')) console.log(type === 'error' ? `  ! ${line}` : `  ${line}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
  await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const code = await withTimeout(exited, 8 * 60_000, 'extension tests');
  await page.close().catch(() => undefined);
  fs.closeSync(hostLog);
  const summary = lines.find((l) => l.startsWith('GELU_RESULTS '));
  if (!summary) {
    log(`the extension tests ended (exit ${code}) without a result line`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const counts = JSON.parse(summary.slice('GELU_RESULTS '.length)) as Counts;
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

async function main(): Promise<number> {
  fs.rmSync(artifactsRoot, { recursive: true, force: true });
  fs.mkdirSync(artifactsRoot, { recursive: true });
  const started = Date.now();
  ensureCodeServer();
  const vsix = packageExtension();
  execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--tests'], { cwd: root, stdio: 'inherit' });
  fs.mkdirSync(path.join(root, '.e2e-cache'), { recursive: true });
  const runDir = fs.mkdtempSync(path.join(root, '.e2e-cache', 'run-'));
  const server = await startCodeServer(runDir, vsix);
  const browser = await launchBrowser();
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (c: Counts) => { total.passed += c.passed; total.failed += c.failed; total.skipped += c.skipped; };
  let webServer: CodeServer | undefined;
  const webRunDir = path.join(runDir, 'web');
  try {
    add(await runUiChecks(browser, server, 'node'));
    add(await runExtensionTests(browser, server));
    await server.stop();
    if (process.env.GELU_WEB !== '0') {
      log('the same UI checks with only the `browser` entry: the extension in a web worker extension host');
      fs.mkdirSync(webRunDir, { recursive: true });
      webServer = await startCodeServer(webRunDir, vsix, { webOnly: true });
      add(await runUiChecks(browser, webServer, 'web'));
    }
  } catch (error) {
    log(`harness error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    total.failed++;
  } finally {
    await browser.close().catch(() => undefined);
    // stop() does nothing for a server already stopped: this covers an error before the web pass.
    await server.stop();
    await webServer?.stop();
    if (!process.env.GELU_KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(root, 'test-artifacts', 'integration-summary.json'), JSON.stringify(total));
  log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`integration: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

if (require.main === module) {
  main().then((code) => process.exit(code), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
