import * as path from 'node:path';
import type { UiContext } from './context';
import { painted, plotFrame } from './plot.ui';

/**
 * A person opens the plot, clicks the "Precision" view and reads what the tanh GELU computes op by
 * op in bfloat16: an error curve in ulps of bfloat16 and the sweep table over every bfloat16 value,
 * whose worst error is far above a correctly rounded result's half ulp (1 + tanh(u) cancels).
 */
export default async function check({ page, runCommand, artifacts, log }: UiContext): Promise<void> {
  await runCommand('GELU Lab: Open Plot');
  const frame = plotFrame(page);
  await frame.locator('.plot canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
  await frame.locator('.segmented label', { hasText: /^Precision$/ }).click();
  const view = frame.locator('section.precision');
  await view.waitFor({ state: 'visible', timeout: 15_000 });
  const row = view.locator('table.precision-sweep tbody tr', { hasText: 'gelu_tanh' }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  const caption = await view.locator('table.precision-sweep caption').innerText();
  if (!/bfloat16/.test(caption) || !/ulps of bfloat16/.test(caption)) throw new Error(`the table does not name its format and unit: ${caption}`);
  const cells = (await row.locator('td, th').allInnerTexts()).map((t) => t.trim());
  const maxUlps = cells.map(Number).find((v) => Number.isFinite(v) && v > 1);
  if (maxUlps === undefined || maxUlps < 100) throw new Error(`gelu_tanh in bfloat16 per-op should be off by hundreds of ulps; row: ${cells.join(' | ')}`);
  const canvas = view.locator('canvas').first();
  const pixels = await painted(canvas);
  if (pixels < 500) throw new Error(`the error chart looks blank (${pixels} painted pixels)`);
  log(`precision view: ${caption}; gelu_tanh row: ${cells.join(' | ')}`);
  await page.screenshot({ path: path.join(artifacts, 'precision-view.png') });
}
