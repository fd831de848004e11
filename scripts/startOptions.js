// The options of `npm start` and the checks it makes before anything is installed, built or
// written: plain CommonJS with Node built-ins only, because scripts/start.js runs it before
// `npm ci` (scripts/serve.ts uses it again right before code-server starts).
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

/** The port `npm start` serves on unless `--port` names another; stable, so a bookmark keeps working. */
const DEFAULT_PORT = 8137;
const HOST = '127.0.0.1';
/**
 * What the tools `npm start` and `npm test` run accept: ESLint 10 declares ^20.19 || ^22.13 || >=24,
 * mocha 12 ^20.19 || >=22.12. (katex's command-line tool pulls in commander 15, which declares
 * >=22.12; GELU Lab only bundles katex's renderer, so npm's EBADENGINE warning for it is harmless.)
 */
const NODE_REQUIREMENT = '^20.19 || ^22.13 || >=24';

const HELP = `Usage: npm start [-- OPTIONS]

Installs what is missing (Debian packages, npm dependencies, code-server into .e2e-cache/),
packages GELU Lab and serves it in VS Code (code-server) on http://${HOST}:PORT with a sample
workspace open. Ctrl+C stops it.

Options:
  --port N   serve on port N (1–65535; default ${DEFAULT_PORT}). A port in use is refused, never shared.
  --web      run the extension from its browser bundle in a web worker extension host, as
             VS Code for the Web (vscode.dev) does.
  --help     show this help.

Each port has its own profile and log: .e2e-cache/demo-<port>/ (code-server.log there).`;

class StartUsageError extends Error {}

/**
 * Reads `npm start` arguments. Returns `{ help: true }` for --help/-h, otherwise
 * `{ help: false, port, web }`; throws StartUsageError naming the bad argument.
 */
function parseStartArgs(argv) {
  let port = DEFAULT_PORT;
  let web = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--web') { web = true; continue; }
    if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      if (value === undefined || value === '') throw new StartUsageError('--port: a port number (1–65535) must follow');
      port = parsePort(value);
      continue;
    }
    throw new StartUsageError(`unknown option '${arg}' (npm start -- --help lists the options)`);
  }
  return { help: false, port, web };
}

function parsePort(text) {
  const port = /^[0-9]{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new StartUsageError(`--port: '${text}' is not a port number (1–65535)`);
  return port;
}

/**
 * Resolves when `port` can be bound on 127.0.0.1 right now (the listener is closed again at once);
 * rejects with StartUsageError naming the port and `--port` when something holds it.
 */
function assertPortFree(port, host = HOST) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        reject(new StartUsageError(`port ${port} on ${host} is already in use (another GELU Lab or another server).\n`
          + `Stop that one, open it if it is GELU Lab (http://${host}:${port}), or choose another port: npm start -- --port N`));
      } else if (error.code === 'EACCES') {
        reject(new StartUsageError(`port ${port} on ${host} may not be used by this user; choose another: npm start -- --port N`));
      } else {
        reject(error);
      }
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** The folder one `npm start` on `port` owns: profile, workspace, log and lock. */
function demoDir(root, port) {
  return path.join(root, '.e2e-cache', `demo-${port}`);
}

function processAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (error) { return error.code === 'EPERM'; }
}

/**
 * Claims `dir` for this process (a `lock` file holding its PID, created exclusively); a lock whose
 * process is gone is taken over. Throws StartUsageError when a live process holds it. Returns the
 * function that releases the claim (it removes the lock only while it is still ours).
 */
function claimDemoDir(dir, port, pid = process.pid) {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, `${pid}\n`, { flag: 'wx' });
      return () => {
        try { if (fs.readFileSync(lock, 'utf8').trim() === String(pid)) fs.rmSync(lock); } catch { /* already gone */ }
      };
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) {
        throw new StartUsageError(`another npm start (process ${holder}) is using port ${port} and ${dir}; stop it, or choose another port: npm start -- --port N`);
      }
      fs.rmSync(lock, { force: true });
    }
  }
  throw new StartUsageError(`could not claim ${dir}; is another npm start starting on port ${port}?`);
}

/** True when `version` (as process.versions.node) satisfies NODE_REQUIREMENT. */
function nodeVersionSupported(version = process.versions.node) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 13;
  return major >= 24;
}

module.exports = { DEFAULT_PORT, HOST, HELP, NODE_REQUIREMENT, StartUsageError, parseStartArgs, assertPortFree, demoDir, claimDemoDir, nodeVersionSupported };
