/**
 * The plot's Gated view as a person uses it: switch to Gated, SwiGLU is drawn as a heat map (many
 * colours, not one), the slice at u = 1 is SiLU(g), the gpt-oss unit shows its clamps; axe finds
 * nothing in dark, light and both High Contrast themes; the four view segments fit the 286 px
 * settings column; at 320 px the view reads without sideways scrolling.
 */
import * as assert from 'node:assert/strict';
import type { GatedData } from '../../src/protocol';
import { axeViolations } from './a11y';
import { draws, open, settled, shot, test, type TestPage } from './harness';

let page: TestPage;

const lastGated = (p: TestPage): Promise<GatedData | undefined> =>
  p.evaluate(() => [...window.__stub.received].reverse().find((m) => m.type === 'gated/data') as GatedData | undefined);

/** Distinct colours (quantised to 4 bits a channel) inside the heat map's plot area. */
const heatColours = (p: TestPage): Promise<number> =>
  p.evaluate(() => {
    const c = document.querySelector('canvas.gated-heat') as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(Math.round(c.width * 0.2), Math.round(c.height * 0.2), Math.round(c.width * 0.6), Math.round(c.height * 0.5));
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
    return seen.size;
  });

test('Gated view: SwiGLU draws a heat map of many colours and its slice at u = 1 is SiLU(g)', async (env) => {
  page = await open(env, { init: { plot: { xMin: -8, xMax: 8 } } });
  const before = await draws(page);
  await page.getByRole('radio', { name: 'Gated' }).check();
  await settled(page, before, 30_000);
  assert.equal(await page.getByLabel('Gated unit', { exact: true }).inputValue(), 'swiglu');
  const last = await page.evaluate(() => window.geluPlot.lastDraw);
  assert.equal(last.view, 'gated');
  const data = await lastGated(page);
  assert.ok(data, 'a gated/data reply');
  assert.equal(data.grid.fn, 'swiglu');
  assert.ok(data.grid.g.length > 100 && data.grid.u.length > 100, `grid ${data.grid.g.length} × ${data.grid.u.length}`);
  const colours = await heatColours(page);
  assert.ok(colours > 20, `${colours} colours in the heat map`);
  const slice = data.slices.find((s) => s.along === 'g');
  assert.equal(slice?.at, 1);
  for (let k = 0; k < slice!.x.length; k++) {
    const g = slice!.x[k]!;
    const silu = g / (1 + Math.exp(-g));
    assert.ok(Math.abs(slice!.y[k]! - silu) <= 1e-14 * Math.max(1, Math.abs(g)), `SiLU(${g})`);
  }
  const label = await page.locator('canvas.gated-heat').getAttribute('aria-label');
  assert.match(label ?? '', /Heat map of y\(g, u\) for SwiGLU/);
  assert.match(await page.locator('.gated').textContent() ?? '', /MulAndSilu activates the second half/);
  assert.deepEqual(page.problems, []);
  await shot(page, 'gated-dark');
});

test('Gated view: gpt-oss SwiGLU lists its clamps; a limit out of range is refused with the range', async () => {
  let before = await draws(page);
  await page.getByLabel('Gated unit', { exact: true }).selectOption('swiglu_oai');
  before = await settled(page, before, 30_000);
  const data = await lastGated(page);
  assert.deepEqual(data?.guides.map((g) => [g.axis, g.at]), [['g', 7], ['u', 7], ['u', -7]]);
  assert.match((await page.locator('canvas.gated-heat').getAttribute('aria-label')) ?? '', /dashed: g = 7/);
  const limit = page.getByLabel('SwiGLU gpt-oss limit');
  await limit.fill('50');
  await limit.dispatchEvent('change');
  await page.waitForFunction(() => (document.querySelector('.gated-message')?.textContent ?? '') !== '');
  assert.match((await page.locator('.gated-message').textContent()) ?? '', /limit.*20/);
  await limit.fill('5');
  await limit.dispatchEvent('change');
  await settled(page, before, 30_000);
  assert.deepEqual((await lastGated(page))?.guides.map((g) => g.at), [5, 5, -5]);
  before = await draws(page);
  await page.getByLabel('Gated unit', { exact: true }).selectOption('swiglu');
  await settled(page, before, 30_000);
  const back = await lastGated(page);
  assert.equal(back?.grid.fn, 'swiglu');
  assert.deepEqual(back?.guides, []);
});

test('Gated view: axe finds no violation (dark, light) and the view segments fit the settings column', async () => {
  assert.deepEqual((await axeViolations(page)).map((v) => v.id), []);
  const fit = await page.evaluate(() => {
    const seg = document.querySelector('[role="radiogroup"][aria-label="View"]') as HTMLElement;
    const aside = document.querySelector('aside.controls') as HTMLElement;
    return { seg: seg.getBoundingClientRect().right, aside: aside.getBoundingClientRect().right, scroll: aside.scrollWidth - aside.clientWidth };
  });
  assert.ok(fit.seg <= fit.aside + 0.5 && fit.scroll <= 1, JSON.stringify(fit));
  const before = await draws(page);
  await page.evaluate(() => window.__stub.setTheme('light'));
  await settled(page, before - 1).catch(() => undefined);
  await page.waitForTimeout(300);
  assert.deepEqual((await axeViolations(page)).map((v) => v.id), []);
  assert.ok((await heatColours(page)) > 20);
  await shot(page, 'gated-light');
  for (const theme of ['hc-dark', 'hc-light'] as const) {
    const n = await draws(page);
    await page.evaluate((t) => window.__stub.setTheme(t), theme);
    await settled(page, n - 1).catch(() => undefined);
    await page.waitForTimeout(300);
    assert.deepEqual((await axeViolations(page)).map((v) => `${theme}: ${v.id}`), []);
    await shot(page, `gated-${theme}`);
  }
  await page.close();
});

test('Gated view at 320 px: heat map and slices drawn, no sideways scrolling, axe finds nothing', async (env) => {
  const narrow = await open(env, { viewport: { width: 320, height: 1100 }, init: { plot: { xMin: -8, xMax: 8 } } });
  const before = await draws(narrow);
  await narrow.getByRole('radio', { name: 'Gated' }).check();
  await settled(narrow, before, 30_000);
  assert.ok((await heatColours(narrow)) > 20);
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px`);
  assert.deepEqual((await axeViolations(narrow)).map((v) => v.id), []);
  await shot(narrow, 'gated-320');
  await narrow.close();
});
