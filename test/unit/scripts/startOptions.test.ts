import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../../support/repo';
import { DEFAULT_PORT, HELP, StartUsageError, assertPortFree, claimDemoDir, demoDir, nodeVersionSupported, parseStartArgs } from '../../../scripts/startOptions';

function listen(server: http.Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (typeof address === 'object' && address) resolve(address.port); else reject(new Error('no port'));
    });
  });
}

describe('npm start options', () => {
  it('serves on the stable default port without options', () => {
    assert.deepEqual(parseStartArgs([]), { help: false, port: DEFAULT_PORT, web: false });
  });

  it('takes --port N, --port=N and --web', () => {
    assert.deepEqual(parseStartArgs(['--port', '9001', '--web']), { help: false, port: 9001, web: true });
    assert.deepEqual(parseStartArgs(['--port=65535']), { help: false, port: 65535, web: false });
    assert.deepEqual(parseStartArgs(['--port', '1']), { help: false, port: 1, web: false });
  });

  it('refuses --port abc by name', () => {
    assert.throws(() => parseStartArgs(['--port', 'abc']), (error: unknown) =>
      error instanceof StartUsageError && error.message === "--port: 'abc' is not a port number (1–65535)");
  });

  it('refuses ports out of range, fractions, signs and a missing value', () => {
    for (const bad of ['0', '65536', '99999', '80.5', '-1', '+80', '1e3', ' 80', '0x50', '']) {
      assert.throws(() => parseStartArgs(['--port', bad]), StartUsageError, `--port '${bad}'`);
    }
    assert.throws(() => parseStartArgs(['--port']), /--port: a port number \(1–65535\) must follow/);
    assert.throws(() => parseStartArgs(['--port=']), /must follow/);
  });

  it('refuses an unknown option, naming it and --help', () => {
    assert.throws(() => parseStartArgs(['--prot', '80']), /unknown option '--prot' \(npm start -- --help/);
    assert.throws(() => parseStartArgs(['8080']), /unknown option '8080'/);
  });

  it('answers --help, even after other options, with the port, --port and --web documented', () => {
    assert.deepEqual(parseStartArgs(['--web', '--help']), { help: true });
    assert.deepEqual(parseStartArgs(['-h']), { help: true });
    assert.match(HELP, new RegExp(`default ${DEFAULT_PORT}`));
    assert.match(HELP, /--port N/);
    assert.match(HELP, /--web/);
  });
});

describe('npm start on a busy port', () => {
  let server: http.Server;
  afterEach(() => new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve())));

  it('refuses a port another HTTP server holds on 127.0.0.1, naming the port and --port', async () => {
    server = http.createServer((_req, res) => res.end('{"status":"alive"}'));
    const port = await listen(server, '127.0.0.1');
    await assert.rejects(assertPortFree(port), (error: unknown) =>
      error instanceof StartUsageError && error.message.includes(`port ${port} on 127.0.0.1 is already in use`) && error.message.includes('npm start -- --port N'));
    // The other server is left alone.
    const body = await (await fetch(`http://127.0.0.1:${port}/healthz`)).text();
    assert.equal(body, '{"status":"alive"}');
  });

  it('refuses a port a server holds on every interface', async () => {
    server = http.createServer((_req, res) => res.end());
    const port = await listen(server, '0.0.0.0');
    await assert.rejects(assertPortFree(port), StartUsageError);
  });

  it('accepts the port once it is free again', async () => {
    server = http.createServer((_req, res) => res.end());
    const port = await listen(server, '127.0.0.1');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await assertPortFree(port);
  });
});

describe('npm start run folders', () => {
  let root: string;
  beforeEach(() => { root = fs.mkdtempSync(path.join(os.tmpdir(), 'gelu-start-')); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('gives each port its own folder', () => {
    assert.notEqual(demoDir(root, 8137), demoDir(root, 8138));
    assert.ok(demoDir(root, 8137).startsWith(path.join(root, '.e2e-cache')));
  });

  it('refuses a folder a live process holds and leaves its files as they were', () => {
    const dir = demoDir(root, 8137);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'code-server.log'), 'the other run\n');
    const release = claimDemoDir(dir, 8137);
    // process.ppid is alive and is not this process: another npm start.
    assert.throws(() => claimDemoDir(dir, 8137, process.ppid), (error: unknown) =>
      error instanceof StartUsageError && error.message.includes(`process ${process.pid}`) && error.message.includes('--port N'));
    assert.equal(fs.readFileSync(path.join(dir, 'code-server.log'), 'utf8'), 'the other run\n');
    release();
    assert.equal(fs.existsSync(path.join(dir, 'lock')), false);
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = demoDir(root, 8137);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'lock'), '2147483646\n');
    const release = claimDemoDir(dir, 8137);
    assert.equal(fs.readFileSync(path.join(dir, 'lock'), 'utf8').trim(), String(process.pid));
    release();
  });
});

describe('npm start Node requirement', () => {
  it('accepts what ESLint 10 and mocha 12 accept and refuses the rest', () => {
    for (const ok of ['20.19.0', '20.20.2', '22.13.0', '22.20.1', '24.0.0', '25.1.0']) assert.equal(nodeVersionSupported(ok), true, ok);
    for (const no of ['18.20.0', '20.18.3', '21.7.0', '22.12.0', '23.11.0']) assert.equal(nodeVersionSupported(no), false, no);
  });
});

describe('npm start, the command', () => {
  const start = (args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'scripts/start.js'), ...args], { encoding: 'utf8', timeout: 15_000 });

  it('prints its help and exits 0 without installing anything', () => {
    const result = start(['--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage: npm start/);
  });

  it('refuses --port abc by name with a non-zero exit', () => {
    const result = start(['--port', 'abc']);
    assert.equal(result.status, 1);
    assert.equal(result.stderr.trim(), "npm start: --port: 'abc' is not a port number (1–65535)");
  });

  it('refuses a busy port before installing or building anything, and never says it is running', async () => {
    const server = http.createServer((_req, res) => res.end('{"status":"alive"}'));
    const port = await listen(server, '127.0.0.1');
    try {
      const result = await new Promise<{ status: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(REPO, 'scripts/start.js'), '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
        child.stderr.on('data', (chunk: Buffer) => { out += chunk.toString(); });
        child.on('exit', (status) => resolve({ status, out }));
      });
      assert.equal(result.status, 1);
      assert.match(result.out, new RegExp(`^npm start: port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(result.out, /npm start -- --port N/);
      assert.doesNotMatch(result.out, /running|Ctrl\+C|Installing|Packaging/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
