/**
 * Forced colours (Windows high contrast), emulated by Chromium: the system replaces the page's
 * colours with its own, so swatches, disclosure triangles, the selected segment and the canvas
 * text must survive that. The dangerous case is a dark VS Code theme under a light system
 * palette: colours taken from the editor theme would draw light text on the light Canvas.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations } from './a11y';
import { open, shot, test, type TestEnv } from './harness';

/** WCAG contrast ratio of two `rgb(…)` colours (alpha ignored). */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(c);
    if (!m) throw new Error(`not an rgb colour: ${c}`);
    const [r, g, bl] = [m[1], m[2], m[3]].map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** Opens the panel in a VS Code theme, then switches the system to forced colours with a palette. */
async function forced(env: TestEnv, theme: 'dark' | 'light' | 'hc-dark', scheme: 'light' | 'dark'): Promise<Page> {
  const page = await open(env, { viewport: { width: 1000, height: 900 }, init: { theme } });
  // The switch arrives as a media-query change; the theme is read again and the charts repainted.
  await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
  await page.waitForTimeout(500);
  return page;
}

/** The system's Canvas colour and colours the charts draw with (resolved to rgb by the page). */
async function canvasColours(page: Page): Promise<{ canvas: string; body: string; text: string[]; curves: string[] }> {
  return page.evaluate(() => {
    const chart = window.geluPlot.charts.slots[0]!.chart;
    const o = chart.options as unknown as { color: string; scales: { x: { ticks: { color: string } }; y: { ticks: { color: string }; title: { color: string } } } };
    const text = [o.color, o.scales.x.ticks.color, o.scales.y.ticks.color, o.scales.y.title.color];
    const curves = chart.data.datasets.map((d) => String(d.borderColor));
    // Anonymous callbacks only: tsx would wrap a named one in a `__name` helper the page lacks.
    const [canvas, ...rest] = ['Canvas', ...text, ...curves].map((c) => {
      const probe = document.createElement('span');
      probe.style.color = c;
      probe.style.setProperty('forced-color-adjust', 'none');
      document.body.append(probe);
      const v = getComputedStyle(probe).color;
      probe.remove();
      return v;
    });
    return { canvas: canvas!, body: getComputedStyle(document.body).backgroundColor, text: rest.slice(0, text.length), curves: rest.slice(text.length) };
  });
}

for (const [theme, scheme] of [['dark', 'light'], ['light', 'dark'], ['hc-dark', 'dark']] as const) {
  test(`under forced colours (${scheme} system palette, ${theme} VS Code theme) canvas text and curves stand out from Canvas`, async (env) => {
    const page = await forced(env, theme, scheme);
    try {
      assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true, 'forced colours are emulated');
      const c = await canvasColours(page);
      assert.equal(c.body, c.canvas, 'the page sits on the system Canvas');
      for (const t of c.text) assert.ok(contrast(t, c.canvas) >= 4.5, `canvas text ${t} on ${c.canvas}: ${contrast(t, c.canvas).toFixed(2)}:1`);
      for (const k of c.curves) assert.ok(contrast(k, c.canvas) >= 3, `curve ${k} on ${c.canvas}: ${contrast(k, c.canvas).toFixed(2)}:1`);
      await shot(page, `forced-${scheme}-on-${theme}`);
    } finally {
      await page.close();
    }
  });
}

test('under forced colours swatches stay visible, disclosure triangles tell open from closed, the selected segment stands out', async (env) => {
  const page = await forced(env, 'dark', 'light');
  try {
    const swatches = await page.locator('.swatch').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => {
      const cs = getComputedStyle(e);
      return { bg: cs.backgroundColor, adjust: cs.getPropertyValue('forced-color-adjust'), w: (e as HTMLElement).offsetWidth, h: (e as HTMLElement).offsetHeight };
    }));
    assert.ok(swatches.length >= 14, `${swatches.length} swatches`);
    for (const s of swatches) {
      assert.equal(s.adjust, 'none', 'a swatch keeps its colour');
      assert.ok(!/rgba\(.*,\s*0\)$/.test(s.bg) && s.bg !== 'transparent', `swatch background ${s.bg}`);
      assert.ok(s.w > 0 && s.h > 0);
    }
    const triangles = await page.evaluate(() => [...document.querySelectorAll<HTMLDetailsElement>('details.section')].map((d) => ({
      open: d.open,
      content: getComputedStyle(d.querySelector('summary')!, '::before').content,
    })));
    const openMarks = new Set(triangles.filter((t) => t.open).map((t) => t.content));
    const closedMarks = new Set(triangles.filter((t) => !t.open).map((t) => t.content));
    assert.ok(openMarks.size === 1 && ![...openMarks].some((m) => m === 'none' || m === '""'), `open sections: ${[...openMarks].join()}`);
    // Close one section to compare, whatever was closed at first.
    await page.locator('details.section > summary', { hasText: 'Range' }).click();
    const closed = await page.evaluate(() => {
      const d = [...document.querySelectorAll<HTMLDetailsElement>('details.section')].find((e) => !e.open);
      return d ? getComputedStyle(d.querySelector('summary')!, '::before').content : '';
    });
    closedMarks.add(closed);
    assert.ok(![...closedMarks].some((m) => openMarks.has(m)), `open ${[...openMarks].join()} vs closed ${[...closedMarks].join()}`);
    const segments = await page.evaluate(() => [...document.querySelectorAll('.segmented')].map((g) => [...g.querySelectorAll('input')].map((i) => {
      const label = g.querySelector(`label[for="${i.id}"]`) ?? i.nextElementSibling!;
      const cs = getComputedStyle(label);
      return { checked: i.checked, bg: cs.backgroundColor, color: cs.color };
    })));
    for (const group of segments) {
      const on = group.find((s) => s.checked)!;
      const off = group.find((s) => !s.checked)!;
      assert.notEqual(on.bg, off.bg, 'the selected segment has another background');
      assert.ok(contrast(on.color, on.bg) >= 4.5, `selected segment text ${on.color} on ${on.bg}`);
    }
    // axe's color-contrast reads the author colours under forced colours (it reports #cccccc text
    // where the page paints CanvasText, rgb(0, 0, 0)), so it is off here; the system palette owns
    // text contrast, and what the page paints itself (canvas, selected segment) is measured above.
    await axeViolations(page);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } })).violations;
    });
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`), [], 'axe under forced colours');
    // Segments are checked above on their own background.
    const painted = await page.locator('.controls label, .controls h2, .controls .hint').evaluateAll((els) => els.filter((e) => e.closest('.segmented') === null).slice(0, 40).map((e) => getComputedStyle(e).color));
    const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    for (const c of new Set(painted)) assert.ok(contrast(c, canvas) >= 4.5, `control text painted ${c} on ${canvas}`);
    await shot(page, 'forced-controls');
  } finally {
    await page.close();
  }
});
