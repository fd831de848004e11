import * as path from 'node:path';
import type { UiContext } from './context';

/**
 * The extension runs in the extension host the harness set it up for: the Node host through its
 * `main` bundle, or a web worker (as on vscode.dev) through its `browser` bundle when `main` is
 * taken out. Read from the line the extension logs at activation ("GELU Lab: Show Log").
 */
export default async function check({ page, runCommand, artifacts, host, log }: UiContext): Promise<void> {
  const expected = host === 'web' ? 'activated in a web worker extension host' : 'activated in the Node extension host';
  const line = page.locator('.part.panel .view-lines', { hasText: expected }).first();
  // A web worker host starts later than the workbench: the first attempt may come too early.
  for (let attempt = 0; ; attempt++) {
    await runCommand('GELU Lab: Show Log');
    try {
      await line.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 2) throw error;
      log(`no "${expected}" line yet (attempt ${attempt + 1})`);
    }
  }
  log(`log: ${(await line.innerText()).replace(/\u00a0/g, ' ').split('\n').find((l) => l.includes('activated in')) ?? ''}`);
  await page.screenshot({ path: path.join(artifacts, 'host.png') });
}
