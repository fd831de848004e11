import * as path from 'node:path';
import type { UiContext } from './context';

/**
 * A person runs "GELU Lab: Evaluate at x…" from the palette, types a bad then a good x, and reads
 * the values in the GELU Lab log ("GELU Lab: Show Log"). The log is read rather than the
 * notification: headless code-server (4.139.1) did not render this extension's toasts here.
 */
export default async function check({ page, runCommand, artifacts, log }: UiContext): Promise<void> {
  await runCommand('GELU Lab: Evaluate at x');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('abc');
  await page.locator('.quick-input-message', { hasText: 'Type a number' }).waitFor({ timeout: 10_000 });
  log('a bad x is refused with a message');
  await input.fill('-0.7517915');
  // Enter is ignored while the input still carries the last validation error.
  await page.locator('.quick-input-message', { hasText: 'Type a number' }).waitFor({ state: 'hidden', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
  await runCommand('GELU Lab: Show Log');
  // GELU(-0.7517915) = -0.169971207479903…, the minimum of exact GELU.
  const line = page.locator('.part.panel .view-lines', { hasText: 'gelu(-0.7517915) = -0.16997' }).first();
  await line.waitFor({ state: 'visible', timeout: 15_000 });
  log(`log shows: ${(await line.innerText()).split('\n').find((l) => l.includes('gelu(-0.75')) ?? ''}`);
  await page.screenshot({ path: path.join(artifacts, 'evaluate.png') });
}
