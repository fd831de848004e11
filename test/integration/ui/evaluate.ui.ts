import * as path from 'node:path';
import type { UiContext } from './context';

/**
 * A person runs "GELU Lab: Evaluate at x…" from the palette, types a bad then a good x, and reads
 * the value in the evaluation document it opens (the same table as Evaluate Selection), not in a
 * notification that headless and busy users never see.
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
  await page.locator('.tab', { hasText: 'Evaluation' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  // GELU(-0.7517915) = -0.169971207479903…, the minimum of exact GELU.
  // The row itself, not the "Source:" line that names the same x: the editor may render it a moment later.
  const rowLine = page.locator('.editor-instance .view-line', { hasText: /-0\.7517915\s*\|.*-0\.16997/ }).first();
  await rowLine.waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
    const shown = await page.locator('.editor-instance .view-lines').first().innerText().catch(() => '');
    throw new Error(`no row with GELU(-0.7517915) = -0.16997…:\n${shown}`);
  });
  const row = (await rowLine.innerText()).replace(/\u00a0/g, ' ');
  log(`evaluation document shows: ${row.trim()}`);
  await page.screenshot({ path: path.join(artifacts, 'evaluate.png') });
}
