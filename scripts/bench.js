// `npm run bench`: every benchmark in bench/*.ts, one process each, in a fixed order. Each prints
// its own figures and ratios against baselines measured in the same run; none fails the build.
// Usage: npm run bench [-- name ...] to run some of them (core, hover, webview).
// core and hover time the code as it ships: each is bundled and minified by esbuild (as
// esbuild.js --production bundles the extension) into out/bench/ and run with node. Through
// tsx, cross-module getters cost up to ~5x in hot loops and would time the tooling instead.
// webview bundles what it needs itself.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const wanted = process.argv.slice(2);
const order = ['core', 'hover', 'webview'];
const all = fs.readdirSync(path.join(root, 'bench')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''))
  .filter((n) => !n.startsWith('_'))
  .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
const chosen = wanted.length ? all.filter((n) => wanted.includes(n)) : all;
if (chosen.includes('webview')) execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
let failed = 0;
for (const name of chosen) {
  console.log(`\n━━ bench: ${name} ━━`);
  try {
    if (name === 'webview') {
      execFileSync('npx', ['--no-install', 'tsx', `bench/${name}.ts`], { cwd: root, stdio: 'inherit' });
    } else {
      const outfile = path.join(root, 'out', 'bench', `${name}.js`);
      require('esbuild').buildSync({ entryPoints: [path.join(root, 'bench', `${name}.ts`)], bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
      execFileSync(process.execPath, [outfile], { cwd: root, stdio: 'inherit' });
    }
  } catch {
    failed++;
    console.error(`bench ${name} did not complete`);
  }
}
process.exit(failed ? 1 : 0);
