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
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browsers';
import { ensureCodeServer, packageExtension, startCodeServer, type CodeServer } from '../support/codeServer';
import type { UiCheck } from './ui/context';
import { createUiContext, waitForWorkbench } from './ui/driver';
import { REPO } from '../support/repo';

const root = REPO;
const artifactsRoot = path.join(root, 'test-artifacts', 'integration');
const grep = process.env.GELU_GREP ? new RegExp(process.env.GELU_GREP) : undefined;

interface Counts { passed: number; failed: number; skipped: number }

function log(message: string): void {
  console.log(`[integration] ${message}`);
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
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
      const mod = (await import(path.join(dir, file))) as { default: UiCheck; hosts?: readonly ('node' | 'web')[] };
      if (mod.hosts !== undefined && !mod.hosts.includes(host)) {
        counts.skipped++;
        log(`- ${label}/${name}: runs in the ${mod.hosts.join(' and ')} host only`);
        continue;
      }
      page = await openWorkbench(browser, server);
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
