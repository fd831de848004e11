/**
 * code-server for the integration tier and for `npm run serve`-style demos (scripts/serve.ts):
 * installed from npm into .e2e-cache/ by scripts/setup-code-server.sh, started on a loopback
 * port with a throw-away profile and the packaged .vsix installed. Nothing is written to the
 * user's home.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { REPO as root } from './repo';

export function freePort(): Promise<number> {
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

/** Installs (once) and returns code-server's launcher and the Node 24 it needs. */
export function ensureCodeServer(): { bin: string; nodeBin: string } {
  const out = execFileSync('bash', [path.join(root, 'scripts/setup-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = out.trim().split('\n').pop() ?? '';
  const nodeDir = fs.readdirSync(path.join(root, '.e2e-cache')).find((d) => d.startsWith('node-'));
  if (!fs.existsSync(bin) || !nodeDir) throw new Error(`code-server setup failed: ${out}`);
  return { bin, nodeBin: path.join(root, '.e2e-cache', nodeDir, 'bin') };
}

/**
 * Builds the production bundle and the .vsix; returns its path. `quiet` keeps the build's and
 * vsce's output (the packaged file tree) to itself unless packaging fails.
 */
export function packageExtension(options: { quiet?: boolean } = {}): string {
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  if (options.quiet) {
    const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) {
      process.stderr.write(`${result.stdout}${result.stderr}`);
      throw new Error(`packaging failed (exit ${result.status ?? result.signal})`);
    }
  } else {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  }
  const vsix = path.join(root, `gelu-lab-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} was not produced`);
  return vsix;
}

export interface CodeServer {
  readonly url: string;
  readonly workspace: string;
  readonly extensionPath: string;
  /** code-server's own output (this run's; created afresh in the run folder). */
  readonly logFile: string;
  /** Settles with code-server's exit code when it stops, for whatever reason. */
  readonly exited: Promise<number | null>;
  /** SIGTERM to code-server's process group; SIGKILL to what is left of it once it exits or after 5 s. */
  stop(): Promise<void>;
}

/**
 * Starts code-server on a loopback port (a free one unless `port` is given) with a fresh profile and
 * the .vsix installed. It counts as up only when /healthz answers AND this child's own log says it
 * listens on that port, so another server already on the port is never mistaken for it.
 * `quiet` leaves announcing the URL to the caller.
 */
export async function startCodeServer(runDir: string, vsix: string, options: { port?: number; keepWorkspace?: boolean; webOnly?: boolean; quiet?: boolean } = {}): Promise<CodeServer> {
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
  const logFile = path.join(runDir, 'code-server.log');
  const serverLog = fs.openSync(logFile, 'w');
  const child: ChildProcess = spawn(bin, [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--reconnection-grace-time', '5', '--vscode-option', 'enable-smoke-test-driver',
  ], { env, stdio: ['ignore', serverLog, serverLog], detached: true });
  fs.closeSync(serverLog);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const listening = `HTTP server listening on ${url}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}); ${logFile}:\n${tail}`);
    }
    if (fs.readFileSync(logFile, 'utf8').includes(listening)) {
      try {
        const response = await fetch(`${url}/healthz`);
        if (response.ok) break;
      } catch { /* not up yet */ }
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!options.quiet) console.log(`[code-server] ${url} (profile ${runDir})`);
  return {
    url,
    workspace,
    extensionPath: path.join(extensions, installed),
    logFile,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the whole group is gone */ }
    },
  };
}
