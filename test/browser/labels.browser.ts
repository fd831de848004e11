/**
 * Key-point labels on the canvas: never on top of each other, clear of the curves where there is
 * room, shortened or left out (with the full text as the marker's tooltip) where there is not.
 * Reads the boxes the chart drew from window.geluPlot.charts.labelLayouts().
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { LabelLayout } from '../../webview/chart';
import { open, shot, test } from './harness';

const ALL = ['gelu', 'gelu_tanh', 'gelu_sigmoid', 'silu', 'mish', 'softplus', 'sigmoid', 'tanh', 'elu', 'selu', 'relu', 'leaky_relu', 'relu6', 'hardswish'];

const layouts = (page: Page): Promise<LabelLayout[]> =>
  page.evaluate(() => (window.geluPlot.charts as unknown as { labelLayouts(): LabelLayout[] }).labelLayouts());

/** Pairs of drawn labels whose boxes share any area, per chart. */
function collisions(all: readonly LabelLayout[]): string[] {
  const out: string[] = [];
  for (const [c, { boxes }] of all.entries()) {
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b) out.push(`chart ${c}: "${a.text}" overlaps "${b.text}"`);
      }
    }
  }
  return out;
}

/** Labels outside their chart's plotting area. */
async function outside(page: Page, all: readonly LabelLayout[]): Promise<string[]> {
  const areas = await page.evaluate(() => window.geluPlot.charts.slots.map((s) => s.chart.chartArea));
  return all.flatMap(({ boxes }, c) => boxes.filter((b) => {
    const a = areas[c]!;
    return b.l < a.left || b.r > a.right || b.t < a.top || b.b > a.bottom;
  }).map((b) => `chart ${c}: "${b.text}" leaves the plotting area`));
}

test('key-point labels never overlap, with the default functions and with all fourteen at every width', async (env) => {
  for (const [functions, widths] of [[['gelu', 'gelu_tanh', 'gelu_sigmoid'], [1400, 700]], [ALL, [1400, 700, 320, 170]]] as const) {
    for (const width of widths) {
      const page = await open(env, { viewport: { width, height: 900 }, init: { plot: { functions } } });
      try {
        const all = await layouts(page);
        const drawn = all.reduce((n, l) => n + l.boxes.length, 0);
        assert.ok(drawn > 0, `${functions.length} functions at ${width} px: some label is drawn`);
        assert.deepEqual(collisions(all), [], `${functions.length} functions at ${width} px`);
        assert.deepEqual(await outside(page, all), []);
        if (functions.length === ALL.length) await shot(page, `labels-all-${width}`);
      } finally {
        await page.close();
      }
    }
  }
});

test('with the default functions at full width every label is drawn whole and clear of the curves', async (env) => {
  const page = await open(env, { viewport: { width: 1400, height: 900 } });
  try {
    await shot(page, 'labels-default-1400');
    const all = await layouts(page);
    const boxes = all.flatMap((l) => l.boxes);
    assert.deepEqual(all.flatMap((l) => l.tips), [], 'no label shortened or hidden');
    assert.deepEqual(boxes.filter((b) => b.short).map((b) => b.text), []);
    assert.deepEqual(boxes.filter((b) => b.curveCells > 0).map((b) => `${b.text} covers ${b.curveCells} curve cells`), []);
  } finally {
    await page.close();
  }
});

test('a label with no room is hidden and its marker shows the full text as a tooltip', async (env) => {
  const page = await open(env, { viewport: { width: 320, height: 900 }, init: { plot: { functions: ALL } } });
  try {
    const all = await layouts(page);
    const chart = all.findIndex((l) => l.tips.length > 0);
    assert.ok(chart >= 0, 'fourteen functions at 320 px leave some label without room');
    const tip = all[chart]!.tips[0]!;
    const canvas = page.locator('.plot canvas').nth(chart);
    await canvas.hover({ position: { x: tip.x, y: tip.y } });
    assert.equal(await canvas.getAttribute('title'), tip.text, 'the marker\'s tooltip is the full label');
    await canvas.hover({ position: { x: 5, y: 5 } });
    assert.equal(await canvas.getAttribute('title'), null, 'away from markers there is no tooltip');
    // The text list below the plot still has every key point.
    const listed = await page.locator('.keypoints li').allInnerTexts();
    assert.ok(listed.length > 0, 'key points are listed as text');
  } finally {
    await page.close();
  }
});

test('labels of two pins a pixel apart do not overlap', async (env) => {
  const page = await open(env, { viewport: { width: 1400, height: 900 } });
  try {
    await page.locator('.plot').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(600);
    const all = await layouts(page);
    const pins = all[0]!.boxes.filter((b) => b.text.startsWith('x = '));
    assert.equal(pins.length, 2, `two pin labels on the first chart: ${all[0]!.boxes.map((b) => b.text).join(' | ')}`);
    assert.deepEqual(collisions(all), []);
  } finally {
    await page.close();
  }
});
