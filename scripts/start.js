// `npm start`: checks its options, the Node version and that the port is free before anything is
// installed, built or written; then installs what is missing (Debian packages, npm dependencies),
// and hands over to scripts/serve.ts, which packages GELU Lab and serves it in code-server.
// Uses only Node built-ins until `npm ci` has run. `npm start -- --help` lists the options.
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { HELP, NODE_REQUIREMENT, StartUsageError, assertPortFree, nodeVersionSupported, parseStartArgs } = require('./startOptions');

const root = path.resolve(__dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

async function main() {
  const options = parseStartArgs(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return;
  }
  if (!nodeVersionSupported()) fail(`GELU Lab's tools (ESLint 10, mocha 12) need Node ${NODE_REQUIREMENT}; this is Node ${process.versions.node}.`);
  await assertPortFree(options.port);

  run('bash', ['scripts/install-system.sh']);
  const lock = path.join(root, 'package-lock.json');
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs) {
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  }
  // One process (no tsx launcher in between), so a signal sent to `npm start` reaches the server.
  const args = ['--import', 'tsx', 'scripts/serve.ts', '--port', String(options.port), ...(options.web ? ['--web'] : [])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  // Ctrl+C reaches both processes through the terminal; `kill -INT` on this one only reaches it.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { child.kill(signal); });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
  if (error instanceof StartUsageError) fail(error.message);
  console.error(error);
  process.exit(1);
});
