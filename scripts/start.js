// `npm start`: installs everything (Debian packages, npm dependencies, code-server from npm),
// builds and packages GELU Lab, installs the .vsix into a local code-server and opens the sample
// workspace. Prints the URL; Ctrl+C stops it. Uses only Node built-ins until `npm ci` has run.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run('bash', ['scripts/install-system.sh']);
const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
const result = spawnSync('npx', ['--no-install', 'tsx', 'scripts/serve.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
