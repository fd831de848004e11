import * as path from 'node:path';
import type { UiContext } from './context';
import { draws, painted, plotFrame, waitForDraw } from './plot.ui';

/**
 * A new user's look at a gated unit: open the plot, click "Gated", pick SwiGLU, see its heat map,
 * take the slice y(g) at u = 1 and read a value off it with the pointer. The readout's y at g must
 * be g·σ(g) (SiLU) to the six digits it shows, and its bfloat16 value a bfloat16 number a few bfloat16 steps from it at most.
 */
export default async function check({ page, runCommand, artifacts, log }: UiContext): Promise<void> {
  await runCommand('GELU Lab: Open Plot');
  const frame = plotFrame(page);
  await frame.locator('.plot canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
  let n = await waitForDraw(frame, 0);
  await frame.getByRole('radiogroup', { name: 'View' }).getByText('Gated', { exact: true }).click();
  const view = frame.locator('section.gated');
  await view.waitFor({ state: 'visible', timeout: 15_000 });
  n = await waitForDraw(frame, n, 30_000);
  await view.getByLabel('Gated unit', { exact: true }).selectOption('swiglu');
  n = await waitForDraw(frame, n, 30_000).catch(() => draws(frame));
  const heat = view.locator('canvas.gated-heat');
  const heatPixels = await painted(heat);
  if (heatPixels < 20_000) throw new Error(`the heat map looks blank (${heatPixels} painted pixels)`);
  const heatName = (await heat.getAttribute('aria-label')) ?? '';
  if (!/Heat map of y\(g, u\) for SwiGLU/.test(heatName)) throw new Error(`the heat map is not SwiGLU's: ${heatName}`);
  log(`heat map drawn (${heatPixels} painted pixels): ${heatName}`);

  const held = view.getByLabel('Slice y(g) at u', { exact: true });
  await held.fill('3');
  await held.press('Tab');
  n = await waitForDraw(frame, n, 30_000);
  await held.fill('1');
  await held.press('Tab');
  await waitForDraw(frame, n, 30_000);
  const slice = view.locator('.slice-plot[data-along="g"] canvas');
  const box = await slice.boundingBox();
  if (!box) throw new Error('the y(g) slice has no box');
  const slicePixels = await painted(slice);
  if (slicePixels < 2000) throw new Error(`the y(g) slice looks blank (${slicePixels} painted pixels)`);
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.5);
  const readout = view.locator('.slice-plot[data-along="g"] .readout');
  await readout.waitFor({ state: 'visible', timeout: 10_000 });
  const text = (await readout.innerText()).replace(/−/g, '-');
  const g = Number(/g = (-?[\d.e-]+)/.exec(text)?.[1]);
  const y = Number(/^y\s+(-?[\d.e-]+)/m.exec(text)?.[1]);
  const yBf16 = Number(/^y \(bfloat16\)\s+(-?[\d.e-]+)/m.exec(text)?.[1]);
  if (!/SwiGLU at u = 1/.test(text)) throw new Error(`the readout is not of the slice at u = 1: ${text}`);
  const silu = g / (1 + Math.exp(-g));
  if (!Number.isFinite(y) || Math.abs(y - silu) > 1e-5 * Math.max(1, Math.abs(silu))) throw new Error(`y at g = ${g} reads ${y}, SiLU(g) is ${silu}: ${text}`);
  // The readout shows 6 significant digits: the nearest bfloat16 number (8 significant bits) must agree to those,
  // and a bfloat16 kernel (σ, x·σ and the product each rounded) stays within a few bfloat16 steps of SiLU(g).
  const step = 2 ** (Math.floor(Math.log2(Math.abs(yBf16))) - 7);
  const nearest = Math.round(yBf16 / step) * step;
  if (!(Math.abs(yBf16 - nearest) <= 5e-6 * Math.abs(nearest)) || Math.abs(nearest - silu) > 4 * step) throw new Error(`y (bfloat16) ${yBf16} is not SiLU(g) = ${silu} in bfloat16 (nearest ${nearest})`);
  log(`slice y(g) at u = 1, read at g = ${g}: y = ${y} (SiLU(g) = ${silu}), in bfloat16 ${yBf16}`);
  await page.screenshot({ path: path.join(artifacts, 'gated-swiglu-slice.png') });
}
