/**
 * Browser tier: the built plot webview (dist/webview.js, dist/webview.css) in headless Chromium
 * with a stub host that answers through the real PlotSession. Runs every test/browser/*.browser.ts
 * (each drives the page as a person would and checks what is drawn; see harness.ts), in file
 * order, and saves screenshots to test-artifacts/browser/ — look at them: a blank, clipped or
 * unreadable chart is a failure even when assertions pass.
 * Ends with `N passed, N failed`. Run: `npm run test:browser` (builds first). GELU_GREP filters.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchChromium } from '../support/browsers';
import { REPO } from '../support/repo';
import { artifacts, lastPage, loadingFile, tests } from './harness';
import { startServer } from './server';

const only = process.env['GELU_GREP'] ? new RegExp(process.env['GELU_GREP']) : undefined;

async function main(): Promise<number> {
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.browser.ts')).sort()) {
    loadingFile(file);
    await import(path.join(__dirname, file));
  }
  fs.mkdirSync(artifacts, { recursive: true });
  const server = await startServer();
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    for (const t of tests) {
      if (only && !only.test(t.name)) continue;
      const started = Date.now();
      try {
        await t.fn({ browser, server });
        passed++;
        console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        const text = error instanceof Error && error.stack !== undefined ? error.stack : String(error);
        console.log(`  ✗ ${t.name} (${t.file})\n    ${text.split('\n').slice(0, 6).join('\n    ')}`);
        const page = lastPage;
        if (page && !page.isClosed()) await page.screenshot({ path: path.join(artifacts, `failure-${passed + failed}.png`) }).catch(() => undefined);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\nbrowser: screenshots in ${path.relative(REPO, artifacts)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
