// `npm test`: every tier in order — static checks, unit (mocha on src/core and friends),
// browser (the webview in headless Chromium), integration (the packaged extension in code-server,
// then desktop VS Code through @vscode/test-electron where one exists). Each tier's output is
// streamed; its counts are read from its closing lines. Ends with `N passed, N failed[, N skipped]`
// and exits non-zero when anything failed.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const npx = (...args) => ['npx', ['--no-install', ...args]];

const tiers = [
  { name: 'typecheck', command: ['npm', ['run', '--silent', 'typecheck']] },
  { name: 'lint', command: ['npm', ['run', '--silent', 'lint']] },
  { name: 'unit', command: npx('mocha') },
  { name: 'browser', command: ['npm', ['run', '--silent', 'test:browser']] },
  { name: 'integration (code-server)', command: ['npm', ['run', '--silent', 'test:integration']] },
  { name: 'integration (desktop VS Code)', command: npx('tsx', 'test/integration/electron.ts') },
];

/** Counts from a tier's output: a `N passed, N failed[, N skipped]` line, else mocha's summary. */
function countsOf(output, exitCode) {
  const lines = output.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/.exec(lines[i]);
    if (m) return { passed: +m[1], failed: +m[2], skipped: +(m[3] ?? 0) };
  }
  const passing = /^\s*(\d+) passing/m.exec(output);
  if (passing) {
    const failing = /^\s*(\d+) failing/m.exec(output);
    const pending = /^\s*(\d+) pending/m.exec(output);
    return { passed: +passing[1], failed: failing ? +failing[1] : 0, skipped: pending ? +pending[1] : 0 };
  }
  return exitCode === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

function run([command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d) => { output += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { output += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main() {
  const only = process.env.GELU_TIERS ? new RegExp(process.env.GELU_TIERS) : undefined;
  const total = { passed: 0, failed: 0, skipped: 0 };
  const rows = [];
  for (const tier of tiers) {
    if (only && !only.test(tier.name)) continue;
    console.log(`\n━━ ${tier.name} ━━`);
    const started = Date.now();
    const { code, output } = await run(tier.command);
    const counts = countsOf(output, code);
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    total.passed += counts.passed; total.failed += counts.failed; total.skipped += counts.skipped;
    rows.push(`${tier.name.padEnd(32)} ${String(counts.passed).padStart(5)} passed ${String(counts.failed).padStart(3)} failed ${String(counts.skipped).padStart(3)} skipped  ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log('\n━━ summary ━━');
  for (const row of rows) console.log(row);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(total.failed === 0 ? 0 : 1);
}

main();
