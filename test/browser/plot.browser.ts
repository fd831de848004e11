/**
 * The plot panel and the side-bar view as a person uses them: curves drawn in their colours,
 * parameters, views, zoom and pan, pins, exports, themes, and messages that are not valid.
 * The tests share one page in order, as a session would; the last ones open their own.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { activations } from '../../src/core/activations';
import type { FunctionId } from '../../src/core/types';
import type { PlotData } from '../../src/protocol';
import { swatchOf } from '../../webview/palette';
import * as a11y from './a11y';
import { artifacts, canvasPixels, draws, lastSampleRequest, open, settled, shot, test, type TestEnv, type TestPage } from './harness';

// The plot's colours, read from the registry's slots and the webview palette (one source of truth).
const colours = (variant: 'dark' | 'light', ids: readonly FunctionId[]): Record<string, string> =>
  Object.fromEntries(ids.map((id) => [id, swatchOf(activations[id].colorSlot)[variant]]));
const DARK = colours('dark', ['gelu', 'gelu_tanh', 'gelu_sigmoid', 'tanh', 'sigmoid']) as Record<'gelu' | 'gelu_tanh' | 'gelu_sigmoid' | 'tanh' | 'sigmoid', string>;
const LIGHT = colours('light', ['gelu', 'gelu_tanh', 'gelu_sigmoid']) as Record<'gelu' | 'gelu_tanh' | 'gelu_sigmoid', string>;

/** The a11y checks' `open`, over this tier's shared server. */
const opener = (env: TestEnv): a11y.Open => (browser: Browser, options) => open({ ...env, browser }, options);

let page: TestPage;

/** A host reply as the tests read it. */
type Reply = { readonly type: string; readonly requestId?: number; readonly message?: string };

test('renders f, f′, f″ as three stacked charts with every default function drawn', async (env) => {
  page = await open(env);
  const last = await page.evaluate(() => window.geluPlot.lastDraw);
  assert.equal(last.charts, 3);
  assert.equal(last.datasets, 9);
  const pixels = await canvasPixels(page, [DARK.gelu, DARK.gelu_tanh, DARK.gelu_sigmoid]);
  assert.equal(pixels.length, 3, 'three canvases');
  for (const [i, c] of pixels.entries()) {
    assert.ok(c.width > 800 && c.height > 150, `chart ${i} has a usable size (${c.width}×${c.height})`);
    for (const [k, n] of c.near.entries()) assert.ok(n > 40, `chart ${i}: curve ${k} drawn (${n} pixels of its colour)`);
  }
  await shot(page, 'panel-dark');
});

test('sends samples at one to four points per pixel of the reported width', async () => {
  const req = await lastSampleRequest(page);
  const data = await page.evaluate(() => [...window.__stub.received].reverse().find((m) => m.type === 'plot/data') as PlotData);
  assert.ok(req.widthPx > 800, `width ${req.widthPx}`);
  assert.ok(data.x instanceof Object && data.x.length >= req.widthPx && data.x.length <= 4 * req.widthPx, `${data.x.length} samples for ${req.widthPx} px`);
});

test('marks GELU\'s minimum and inflections from the host (−0.7518, ±√2)', async () => {
  const points = await page.evaluate(() => {
    const data = [...window.__stub.received].reverse().find((m) => m.type === 'plot/data') as PlotData;
    return data.keyPoints.filter((p) => p.fn === 'gelu');
  });
  const min = points.find((p) => p.kind === 'minimum');
  assert.ok(min && Math.abs(min.x + 0.7517915246935645) < 1e-12 && Math.abs(min.y[0] + 0.16997120747990366) < 1e-12, JSON.stringify(min));
  const inflections = points.filter((p) => p.kind === 'inflection').map((p) => p.x);
  assert.equal(inflections.length, 2);
  assert.ok(inflections.every((x) => Math.abs(Math.abs(x) - Math.SQRT2) < 1e-12), inflections.join());
});

test('renders each selected function\'s formula with KaTeX and its fonts', async () => {
  const formulas = await page.locator('.formula .katex-html').count();
  assert.equal(formulas, 3);
  const fontsOk = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px KaTeX_Main') && [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded');
  });
  assert.ok(fontsOk, 'a KaTeX font loaded from dist/fonts');
});

test('picking tanh and sigmoid adds their curves', async () => {
  const before = await draws(page);
  await page.getByRole('checkbox', { name: 'Tanh', exact: true }).check();
  await settled(page, before);
  const mid = await draws(page);
  await page.getByRole('checkbox', { name: 'Sigmoid', exact: true }).check();
  await settled(page, mid);
  const last = await page.evaluate(() => window.geluPlot.lastDraw);
  assert.equal(last.datasets, 15);
  const pixels = await canvasPixels(page, [DARK.tanh, DARK.sigmoid]);
  for (const c of pixels) for (const n of c.near) assert.ok(n > 150, `tanh and sigmoid drawn (${c.near})`);
  assert.equal(await page.locator('.formula').count(), 5);
  await shot(page, 'panel-dark-five');
});

test('dragging the 1.702 slider sends the new k and redraws with new data', async () => {
  const slider = page.getByRole('slider', { name: /^k of QuickGELU/ });
  const beforeData = await page.evaluate(() => {
    const d = [...window.__stub.received].reverse().find((m) => m.type === 'plot/data') as PlotData;
    const c = d.curves.find((k) => k.fn === 'gelu_sigmoid' && k.order === 0)!;
    return c.y[Math.floor(c.y.length / 4)];
  });
  const before = await draws(page);
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await slider.fill('1');
  await settled(page, before);
  const req = await lastSampleRequest(page);
  assert.equal(req.params['gelu_sigmoid']?.['k'], 1);
  const afterData = await page.evaluate(() => {
    const d = [...window.__stub.received].reverse().find((m) => m.type === 'plot/data') as PlotData;
    const c = d.curves.find((k) => k.fn === 'gelu_sigmoid' && k.order === 0)!;
    return c.y[Math.floor(c.y.length / 4)];
  });
  assert.notEqual(afterData, beforeData, 'QuickGELU values changed with k');
  assert.equal(await page.getByRole('spinbutton', { name: /^k of QuickGELU, typed/ }).inputValue(), '1');
  await shot(page, 'panel-dark-k1');
  const reset = await draws(page);
  await page.getByRole('button', { name: 'Reset parameters' }).click();
  await settled(page, reset);
  assert.deepEqual((await lastSampleRequest(page)).params, {});
});

test('a typed parameter out of range is refused with a message', async () => {
  const typed = page.getByRole('spinbutton', { name: /^k of QuickGELU, typed/ });
  const sentBefore = await page.evaluate(() => window.__stub.sent.length);
  await typed.fill('99');
  await typed.press('Enter');
  await page.waitForTimeout(200);
  assert.equal(await typed.getAttribute('aria-invalid'), 'true');
  assert.match((await page.locator('.param[data-fn="gelu_sigmoid"] .message').textContent()) ?? '', /from 0\.5 to 4/);
  const sent = await page.evaluate((n) => window.__stub.sent.slice(n).filter((m) => (m as { type?: unknown }).type === 'plot/sample').length, sentBefore);
  assert.equal(sent, 0, 'no request for a refused value');
});

test('the error view draws on a log axis and writes each maximum', async () => {
  const before = await draws(page);
  await page.locator('.segmented label', { hasText: 'Error' }).click();
  await settled(page, before);
  const last = await page.evaluate(() => window.geluPlot.lastDraw);
  assert.equal(last.view, 'error');
  const types = await page.evaluate(() => window.geluPlot.charts.slots.map((s) => s.chart.scales['y']!.type));
  assert.ok(types.length > 0 && types.every((t) => t === 'logarithmic'), types.join());
  assert.match(await page.locator('.summary').innerText(), /GELU tanh vs GELU:\s*max [\d.]+ \(relative\) at x = /, 'relative error by default');
  const beforeAbs = await draws(page);
  await page.getByLabel('Measure').selectOption('abs');
  await settled(page, beforeAbs);
  const summary = await page.locator('.summary').innerText();
  assert.match(summary, /GELU tanh vs GELU:\s*max 0\.000473\d \(absolute\) at x = −2\.70\d*/);
  assert.match(summary, /QuickGELU vs GELU:\s*max 0\.02\d* \(absolute\) at x = /);
  const pixels = await canvasPixels(page, [DARK.gelu_tanh, DARK.gelu_sigmoid]);
  for (const c of pixels) for (const n of c.near) assert.ok(n > 100, `error curves drawn (${c.near})`);
  await shot(page, 'error-dark');
});

test('the error maximum matches the data sent (QuickGELU abs error ≈ 0.02)', async () => {
  const err = await page.evaluate(() => {
    const d = [...window.__stub.received].reverse().find((m) => m.type === 'plot/data') as PlotData;
    return d.errors.find((e) => e.fn === 'gelu_sigmoid' && e.order === 0)!;
  });
  assert.ok(err.max > 0.015 && err.max < 0.025, `max ${err.max}`);
  let m = 0;
  for (const v of Object.values(err.y)) if (v > m) m = v;
  assert.equal(err.max, m, 'the reported max is the largest sample');
});

test('ulp errors in bfloat16 are shown and explained', async () => {
  let before = await draws(page);
  await page.getByLabel('Measure').selectOption('ulp');
  await settled(page, before);
  before = await draws(page);
  await page.getByRole('combobox', { name: 'Precision' }).selectOption('bfloat16');
  await settled(page, before);
  const summary = await page.locator('.summary').innerText();
  assert.match(summary, /\(ulps of bfloat16\) at x =/);
  assert.match(summary, /GELU vs exact GELU/, 'exact GELU in bfloat16 against itself');
  await shot(page, 'error-ulp-bfloat16');
});

test('bfloat16 curves show the staircase beside the exact curve', async () => {
  let before = await draws(page);
  await page.locator('.segmented label', { hasText: 'Curves' }).click();
  await settled(page, before);
  before = await draws(page);
  await page.getByRole('button', { name: '±3' }).click();
  await settled(page, before);
  const last = await page.evaluate(() => window.geluPlot.lastDraw);
  assert.equal(last.datasets, 30, 'exact and rounded for 5 functions × 3 orders');
  const steps = await page.evaluate(() => {
    const d = [...window.__stub.received].reverse().find((m) => m.type === 'plot/data') as PlotData;
    const c = d.curves.find((k) => k.fn === 'gelu' && k.order === 0)!;
    const rounded = c.rounded!;
    return new Set(rounded).size / rounded.length;
  });
  assert.ok(steps < 0.5, `bfloat16 values repeat (distinct ratio ${steps.toFixed(2)})`);
  await shot(page, 'curves-bfloat16');
  before = await draws(page);
  await page.getByRole('combobox', { name: 'Precision' }).selectOption('float64');
  await settled(page, before);
});

test('overlay layout puts f, f′, f″ in one chart', async () => {
  let before = await draws(page);
  await page.locator('.segmented label', { hasText: 'Overlay' }).click();
  await settled(page, before);
  const last = await page.evaluate(() => window.geluPlot.lastDraw);
  assert.equal(last.charts, 1);
  assert.equal(last.datasets, 15);
  await shot(page, 'overlay-dark');
  before = await draws(page);
  await page.locator('.segmented label', { hasText: 'Stacked' }).click();
  await settled(page, before);
});

test('theme changes apply live: light, then high contrast', async () => {
  const colorBefore = await page.evaluate(() => window.geluPlot.charts.slots[0]!.chart.options.scales!['x']!.ticks!.color);
  const before = await draws(page);
  await page.evaluate(() => window.__stub.setTheme('light'));
  await page.waitForFunction((c) => window.geluPlot.charts.slots[0]!.chart.options.scales!['x']!.ticks!.color !== c, colorBefore);
  const pixels = await canvasPixels(page, [LIGHT.gelu, LIGHT.gelu_sigmoid]);
  for (const c of pixels) for (const n of c.near) assert.ok(n > 100, `light colours drawn (${c.near})`);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(255, 255, 255)');
  assert.equal(await draws(page), before, 'no new samples requested for a theme change');
  await shot(page, 'panel-light');
  await page.evaluate(() => window.__stub.setTheme('hc-dark'));
  await page.waitForFunction(() => window.geluPlot.charts.slots[0]!.chart.data.datasets[0]!.borderWidth === 2.5);
  await shot(page, 'panel-hc');
  await page.evaluate(() => window.__stub.setTheme('dark'));
  await page.waitForFunction(() => window.geluPlot.charts.slots[0]!.chart.data.datasets[0]!.borderWidth === 1.75);
});

test('clicking the chart pins a row of exact values; the table copies', async () => {
  await page.getByRole('button', { name: '±6' }).click();
  await page.waitForTimeout(400);
  const box = (await page.locator('.plot canvas').first().boundingBox()) ?? assert.fail('the chart has no box');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.waitForSelector('.readout:not([hidden])');
  assert.match(await page.locator('.readout').innerText(), /x = /);
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.waitForSelector('.pins-table tbody tr');
  await page.waitForFunction(() => !document.querySelector('.pins-table tbody td.mono')?.textContent?.includes('…'));
  const row = await page.locator('.pins-table tbody tr').first().innerText();
  assert.match(row, /−?\d/);
  await page.getByRole('button', { name: 'Copy table' }).click();
  await page.waitForFunction(() => window.__stub.clipboard.length > 0);
  const text = await page.evaluate(() => window.__stub.clipboard.at(-1) ?? '');
  const lines = text.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /^x\tGELU f\tGELU f′\tGELU f″\t/);
  const [x = NaN, geluF = NaN] = lines[1]!.split('\t').map(Number);
  // The host's exact GELU at the pinned x, compared with the definition x·Φ(x) through erf's series.
  const phi = (t: number): number => 0.5 * (1 + erfSeries(t / Math.SQRT2));
  assert.ok(Math.abs(geluF - x * phi(x)) < 1e-12, `GELU(${x}) = ${geluF}`);
  await shot(page, 'pinned');
});

test('the keyboard reaches the chart: arrows move the crosshair, Enter pins', async () => {
  const pinsBefore = await page.locator('.pins-table tbody tr').count();
  await page.locator('.plot').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.readout:not([hidden])');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.pins-table tbody tr').length === n + 1, pinsBefore);
  const outline = await page.evaluate(() => getComputedStyle(document.querySelector('.plot')!).outlineStyle);
  assert.equal(outline, 'solid', 'focus ring on the chart');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.pins-table').length === 0);
});

test('the crosshair stays on its x when the panel is resized', async () => {
  await page.evaluate(() => window.geluPlot.charts.setCrosshair(1));
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.waitForTimeout(800);
  const [line, expected] = await page.evaluate(() => {
    const slot = window.geluPlot.charts.slots[0]!;
    const xs = window.geluPlot.charts.frame.x;
    const i = Math.round(((1 - xs[0]!) / (xs[xs.length - 1]! - xs[0]!)) * (xs.length - 1));
    const m = /translateX\((-?[\d.]+)px\)/.exec(slot.line.style.transform);
    return [Number(m && m[1]), Math.round(slot.chart.scales['x']!.getPixelForValue(xs[i]!))];
  });
  assert.ok(Math.abs(line - expected) <= 1, `line at ${line}px, x = 1 is at ${expected}px`);
  await page.evaluate(() => window.geluPlot.charts.setCrosshair(null));
  const before = await draws(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await settled(page, before);
});

test('wheel zoom asks for samples of the visible range; double-click resets', async () => {
  const box = (await page.locator('.plot canvas').first().boundingBox()) ?? assert.fail('the chart has no box');
  const before = await draws(page);
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(30);
  }
  await settled(page, before);
  const req = await lastSampleRequest(page);
  assert.ok(req.range.max - req.range.min < 8, `zoomed range ${req.range.min}…${req.range.max}`);
  assert.ok(req.range.min > -6 && req.range.max < 6, 'inside the previous range');
  const inputs = await page.getByLabel('x min').inputValue();
  assert.equal(Number(inputs), Number(req.range.min.toPrecision(6)), 'the range inputs follow the zoom');
  await shot(page, 'zoomed');
  const zoomed = await draws(page);
  await page.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await settled(page, zoomed);
  const reset = await lastSampleRequest(page);
  assert.deepEqual(reset.range, { min: -6, max: 6 });
});

test('drag pans the x range', async () => {
  const box = (await page.locator('.plot canvas').nth(1).boundingBox()) ?? assert.fail('the chart has no box');
  const before = await draws(page);
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * 0.6 - i * 20, box.y + box.height * 0.5);
  await page.mouse.up();
  await settled(page, before);
  const req = await lastSampleRequest(page);
  assert.ok(req.range.min > -6 && Math.abs(req.range.max - req.range.min - 12) < 1e-6, `panned to ${req.range.min}…${req.range.max}`);
  const b2 = await draws(page);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await settled(page, b2);
});

test('the tail preset ±40 draws the whole range', async () => {
  const before = await draws(page);
  await page.getByRole('button', { name: '±40' }).click();
  await settled(page, before);
  assert.deepEqual((await lastSampleRequest(page)).range, { min: -40, max: 40 });
  const pixels = await canvasPixels(page, [DARK.gelu]);
  for (const c of pixels) assert.ok(c.near[0]! > 150);
  await shot(page, 'tail-40');
});

test('tick labels stay short enough for the axis in the far tail', async () => {
  const before = await draws(page);
  await page.getByLabel('x min').fill('-40');
  await page.getByLabel('x max').fill('-11');
  await page.getByLabel('x max').press('Enter');
  await settled(page, before);
  const labels = await page.evaluate(() => window.geluPlot.charts.slots.flatMap((s) => s.chart.scales['y']!.ticks.map((t) => String(t.label))));
  assert.ok(labels.length > 6, labels.join(' '));
  for (const l of labels) assert.ok(l.length <= 8, `y tick "${l}" is too long for the axis`);
  assert.ok(labels.some((l) => /e−\d/.test(l)), `tiny values in e-notation: ${labels.join(' ')}`);
  await shot(page, 'tail-far');
});

test('a typed range is validated: min ≥ max is refused with a message', async () => {
  await page.getByLabel('x min').fill('5');
  await page.getByLabel('x max').fill('1');
  await page.getByLabel('x max').press('Enter');
  assert.match(await page.locator('.section .message[role=alert]').first().innerText(), /must be less than/);
  const before = await draws(page);
  await page.getByLabel('x min').fill('-2');
  await page.getByLabel('x max').fill('1');
  await page.getByLabel('x max').press('Enter');
  await settled(page, before);
  assert.deepEqual((await lastSampleRequest(page)).range, { min: -2, max: 1 });
});

test('exports a PNG through the host, on a light background when asked', async () => {
  await page.getByRole('button', { name: 'Export PNG…' }).click();
  await page.waitForFunction(() => window.__stub.saved.some((s) => s.kind === 'png'));
  await page.waitForSelector('.status:has-text("Saved")');
  await page.getByRole('checkbox', { name: 'PNG on a light background' }).check();
  await page.getByRole('button', { name: 'Export PNG…' }).click();
  await page.waitForFunction(() => window.__stub.saved.filter((s) => s.kind === 'png').length === 2);
  const saved = await page.evaluate(() => window.__stub.saved.filter((s) => s.kind === 'png').map((s) => ({ name: s.name, bytes: Array.from(s.bytes) })));
  for (const [i, s] of saved.entries()) {
    const bytes = Buffer.from(s.bytes);
    assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    assert.ok(width >= 1600 && height >= 800, `${width}×${height} at twice the resolution`);
    assert.match(s.name, /^gelu-lab-curves\.png$/);
    fs.writeFileSync(path.join(artifacts, i === 0 ? 'export-theme.png' : 'export-light.png'), bytes);
  }
  // The light export's corner pixel is white whatever the theme (the page is dark now).
  const corner = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return Array.from(ctx.getImageData(2, 2, 1, 1).data);
  }, Buffer.from(saved[1]!.bytes).toString('base64'));
  assert.deepEqual(corner, [255, 255, 255, 255]);
  await page.getByRole('checkbox', { name: 'PNG on a light background' }).uncheck();
  const afterExport = await canvasPixels(page, [DARK.gelu]);
  assert.ok(afterExport[0]!.near[0]! > 150, 'the screen is back in the dark theme after a light export');
});

test('exports the sampled data as CSV through the host', async () => {
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  await page.waitForFunction(() => window.__stub.saved.some((s) => s.kind === 'csv'));
  const csv = await page.evaluate(() => new TextDecoder().decode(window.__stub.saved.find((s) => s.kind === 'csv')!.bytes));
  const all = csv.trim().split('\r\n');
  a11y.checkCsvHeader(all, await lastSampleRequest(page));
  const lines = all.filter((l) => !l.startsWith('#'));
  assert.match(lines[0]!, /^x,gelu,gelu_d1,gelu_d2,gelu_tanh,/);
  const req = await lastSampleRequest(page);
  assert.ok(lines.length - 1 >= req.widthPx, `${lines.length - 1} rows`);
  assert.equal(Number(lines[1]!.split(',')[0]), -2);
});

test('a malformed message from the host is rejected, and the plot keeps working', async () => {
  const warnings = await page.evaluate(() => window.__stub.logs.length);
  await page.evaluate(() => window.__stub.toWebview({ type: 'plot/data', requestId: 1, x: [1, 2, 3], curves: 'no' }));
  await page.evaluate(() => window.__stub.toWebview({ type: 'nonsense' }));
  await page.evaluate(() => window.__stub.toWebview('just a string'));
  await page.waitForFunction((n) => window.__stub.logs.length >= n + 3, warnings);
  const logs = await page.evaluate((n) => window.__stub.logs.slice(n), warnings);
  assert.ok(logs.every((l) => /ignored a malformed message/.test(l)), logs.join('\n'));
  const before = await draws(page);
  await page.getByRole('checkbox', { name: 'Tanh', exact: true }).uncheck();
  await settled(page, before);
});

test('the host answers a malformed request with an error reply carrying its id', async () => {
  const replies = await page.evaluate(() => window.__stub.toHost({ type: 'plot/sample', requestId: 77, request: { functions: ['gelu'], range: { min: 3, max: 1 } } }));
  assert.equal(replies.length, 1);
  assert.equal((replies[0] as Reply | undefined)?.type, 'error');
  assert.equal((replies[0] as Reply | undefined)?.requestId, 77);
  const unknown = await page.evaluate(() => window.__stub.toHost({ type: 'plot/sample', requestId: 78, request: { functions: ['gelu'], params: { gelu_sigmoid: { zz: 1 } }, range: { min: -1, max: 1 }, widthPx: 100, orders: [0], precision: 'float64', view: 'curves', errorKind: 'abs' } }));
  assert.equal((unknown[0] as Reply | undefined)?.type, 'error');
  assert.match((unknown[0] as Reply | undefined)?.message ?? '', /no parameter "zz"/);
});

test('a plot/pin from the host (Plot at x) brings x into range and pins it', async () => {
  const before = await draws(page);
  await page.evaluate(() => window.__stub.toWebview({ type: 'plot/pin', x: 10 }));
  await settled(page, before);
  const req = await lastSampleRequest(page);
  assert.ok(req.range.min <= 10 && req.range.max >= 10, `range ${req.range.min}…${req.range.max}`);
  await page.waitForSelector('.pins-table tbody tr');
  assert.match(await page.locator('.pins-table tbody th').first().innerText(), /^10$/);
  await page.waitForSelector('.readout:not([hidden])');
});

test('the state persists through setState and comes back after a reload', async (env) => {
  const saved = (await page.evaluate(() => window.__stub.state)) ?? assert.fail('no saved state');
  assert.deepEqual(saved.pins, [10]);
  const restored = await open(env, { init: { savedState: saved } });
  try {
    const req = await lastSampleRequest(restored);
    assert.deepEqual(req.functions, saved.functions);
    assert.deepEqual(req.range, saved.range);
    await restored.waitForSelector('.pins-table tbody tr');
    assert.equal(await restored.getByRole('checkbox', { name: 'Sigmoid', exact: true }).isChecked(), true);
    assert.deepEqual(restored.problems, []);
  } finally {
    await restored.close();
  }
});

test('no CSP violation, page error or failed request in the panel', async () => {
  const errors = await page.evaluate(() => window.geluPlot.errors);
  assert.deepEqual(errors, []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a saved state that is not valid is replaced by the settings, with a warning', async (env) => {
  const p = await open(env, { init: { savedState: { functions: ['nope'] }, plot: { functions: ['silu', 'mish'], xMin: -6, xMax: 2 } } });
  try {
    const req = await lastSampleRequest(p);
    assert.deepEqual(req.functions, ['silu', 'mish']);
    assert.deepEqual(req.range, { min: -6, max: 2 });
    const logs = await p.evaluate(() => window.__stub.logs);
    assert.ok(logs.some((l) => /saved state was (?:not usable|partly unusable)/.test(l)), logs.join('\n'));
  } finally {
    await p.close();
  }
});

test('the side-bar view: one compact chart of f in a narrow column', async (env) => {
  const p = await open(env, { mode: 'view', viewport: { width: 320, height: 720 } });
  try {
    const last = await p.evaluate(() => window.geluPlot.lastDraw);
    assert.equal(last.charts, 1);
    assert.equal(last.datasets, 3);
    const pixels = await canvasPixels(p, [DARK.gelu, DARK.gelu_tanh, DARK.gelu_sigmoid]);
    assert.ok(pixels[0]!.width >= 250, `canvas ${pixels[0]!.width} wide`);
    for (const n of pixels[0]!.near) assert.ok(n > 15, `drawn (${pixels[0]!.near})`);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal overflow (${overflow}px)`);
    await shot(p, 'view-dark');
    assert.deepEqual(p.problems, []);
  } finally {
    await p.close();
  }
});

test('axe finds no violation in any theme at 170, 320, 700 and 1400 px, nor in the side bar', async (env) => {
  for (const line of await a11y.axeEverywhere(env.browser, opener(env), artifacts)) console.log(`      ${line}`);
});
test('every formula is drawn in a KaTeX font the extension ships', (env) => a11y.formulaFontsShipped(env.browser, opener(env)));
test('the View and Layout switches are radio groups driven by arrow keys', async (env) => {
  if (!page.isClosed()) await page.close();
  page = await open(env);
  await a11y.radioGroupsByKeyboard(page);
});
test('every control works from the keyboard', () => a11y.controlsByKeyboard(page));
test('the live region announces crosshair values, pins and zoom', () => a11y.liveRegion(page));
test('removing a pinned row keeps the keyboard focus', () => a11y.focusAfterRemovingPins(page));
test('a parameter change shows in the formula card and the legend', () => a11y.parametersShown(page));
test('a change the host refuses keeps the last plot and says why next to the control', () => a11y.refusedChangeKeepsPlot(page));
test('axe finds no violation in the error view in bfloat16 ulps', () => a11y.axeErrorViewAndPins(page));

/** erf by its Maclaurin series (|z| ≤ 3 here), an independent check of the host's values. */
function erfSeries(z: number): number {
  let sum = 0;
  let term = z;
  for (let n = 0; n < 200; n++) {
    sum += term / (2 * n + 1);
    term *= (-z * z) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
