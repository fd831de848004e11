/**
 * The plot's Precision view as a person uses it: switch the view, pick gelu_tanh in bfloat16
 * per-op, see its error curve (log axis in ulps of bfloat16), the flush-to-zero band and the
 * sweep table with a nonzero max, copy the table as Markdown; in dark, light and at 320 px.
 */
import * as assert from 'node:assert/strict';
import type { PrecisionData } from '../../src/protocol';
import { swatchOf } from '../../webview/palette';
import { axeViolations } from './a11y';
import { canvasPixels, draws, open, settled, shot, test, type TestPage } from './harness';

let page: TestPage;

/** The last precision/data reply the stub host sent. */
const lastPrecision = (p: TestPage): Promise<PrecisionData | undefined> =>
  p.evaluate(() => [...window.__stub.received].reverse().find((m) => m.type === 'precision/data') as PrecisionData | undefined);

/** Selects the Precision view and gelu_tanh alone, bfloat16, per-op; waits for the draw. */
async function pickTanhBf16(p: TestPage): Promise<void> {
  let before = await draws(p);
  await p.getByRole('radio', { name: 'Precision' }).check();
  before = await settled(p, before, 30_000);
  const box = (id: string) => p.getByRole('checkbox', { name: id, exact: true });
  if (!(await box('gelu_tanh').isChecked())) {
    await box('gelu_tanh').check();
    before = await settled(p, before, 30_000);
  }
  for (const other of ['gelu_erf', 'gelu_erfc']) {
    if (await box(other).isChecked()) {
      await box(other).uncheck();
      before = await settled(p, before, 30_000);
    }
  }
  const format = p.getByLabel('Format', { exact: true });
  if ((await format.inputValue()) !== 'bfloat16') {
    await format.selectOption('bfloat16');
    before = await settled(p, before, 30_000);
  }
  const perOp = p.getByRole('radio', { name: 'per-op' });
  if (!(await perOp.isChecked())) {
    await perOp.check();
    await settled(p, before, 30_000);
  }
}

test('Precision view: gelu_tanh in bfloat16 per-op draws its ulp error, the flush-to-zero band and a table with a nonzero max', async (env) => {
  page = await open(env, { init: { plot: { xMin: -12, xMax: 4 } } });
  await pickTanhBf16(page);
  const last = await page.evaluate(() => window.geluPlot.lastDraw);
  assert.equal(last.view, 'precision');
  assert.equal(last.datasets, 1);
  assert.ok(last.points > 10, `${last.points} points drawn`);
  const data = await lastPrecision(page);
  assert.ok(data, 'a precision/data reply');
  assert.deepEqual(data.series.map((s) => s.impl), ['gelu_tanh']);
  assert.ok(data.bands.some((b) => b.kind === 'zero' && b.from < -7), 'the 1 + tanh(u) = 0 region is shaded');
  // The curve in its colour (gelu_tanh is the 3rd implementation: palette slot 2).
  const [pixels] = await canvasPixels(page, [swatchOf(2).dark]);
  assert.ok(pixels && pixels.near[0]! > 30, `curve pixels: ${JSON.stringify(pixels)}`);
  const axis = await page.evaluate(() => (document.querySelector('.precision-chart canvas') as HTMLCanvasElement).getAttribute('aria-label') ?? '');
  assert.match(axis, /ulps of bfloat16 \(log scale\)/);
  const rows = page.locator('table.precision-sweep tbody tr');
  assert.equal(await rows.count(), 2);
  const maxOwn = Number((await rows.nth(0).locator('td').nth(1).textContent())?.replace('−', '-'));
  assert.ok(maxOwn > 0, `max ulps ${maxOwn}`);
  assert.match((await rows.nth(1).locator('td').first().textContent()) ?? '', /exact GELU/);
  assert.deepEqual(page.problems, []);
  await shot(page, 'precision-dark');
});

test('Precision view: Copy table puts the Markdown sweep table on the clipboard', async () => {
  await page.getByRole('button', { name: 'Copy table' }).click();
  await page.waitForFunction(() => window.__stub.clipboard.length > 0);
  const text = await page.evaluate(() => window.__stub.clipboard.at(-1) ?? '');
  assert.match(text, /^Error in ulps of bfloat16, mode per-op/);
  assert.match(text, /\| gelu_tanh \| own \(gelu_tanh\) \| [1-9]/);
});

test('Precision view: axe finds no violation (dark, light) and it reads at 320 px', async (env) => {
  assert.deepEqual((await axeViolations(page)).map((v) => v.id), []);
  const before = await draws(page);
  await page.evaluate(() => window.__stub.setTheme('light'));
  await page.waitForTimeout(300);
  await settled(page, before - 1).catch(() => undefined);
  assert.deepEqual((await axeViolations(page)).map((v) => v.id), []);
  await shot(page, 'precision-light');
  await page.close();
  const narrow = await open(env, { viewport: { width: 320, height: 900 }, init: { plot: { xMin: -12, xMax: 4 } } });
  await pickTanhBf16(narrow);
  assert.deepEqual((await axeViolations(narrow)).map((v) => v.id), []);
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px`);
  await shot(narrow, 'precision-320');
  await narrow.close();
});

test('openPlot with functions and the Precision view (plot/show) applies them', async (env) => {
  const p = await open(env);
  const before = await draws(p);
  await p.evaluate(() => window.__stub.show({ functions: ['gelu', 'gelu_tanh'], view: 'precision', precision: { implementations: ['gelu_ggml'], format: 'float16' } }));
  await settled(p, before, 30_000);
  const state = await p.evaluate(() => window.geluPlot.state);
  assert.deepEqual(state?.functions, ['gelu', 'gelu_tanh']);
  assert.equal(state?.view, 'precision');
  assert.deepEqual(state?.precisionView, { implementations: ['gelu_ggml'], format: 'float16', mode: 'per-op' });
  assert.ok(await p.getByRole('checkbox', { name: 'gelu_ggml', exact: true }).isChecked());
  await p.close();
});
