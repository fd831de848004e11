/**
 * Browser checks of issue 9: axe-core in every theme and width, keyboard operation of the
 * controls, the live region, parameters in formula cards and legends, a refused change that
 * keeps the last plot, the CSV header, focus after removing a pin, and screenshots at 170, 320,
 * 700 and 1400 px in the four themes. Called from plot.browser.ts; each function takes what that file has
 * (the browser, its `open`, a screenshot folder) and throws on failure.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export type ThemeName = 'dark' | 'light' | 'hc-dark' | 'hc-light';
export const THEMES: readonly ThemeName[] = ['dark', 'light', 'hc-dark', 'hc-light'];
export const WIDTHS: readonly number[] = [170, 320, 700, 1400];

export interface OpenOptions {
  mode?: 'panel' | 'view';
  viewport?: { width: number; height: number };
  init?: { theme?: ThemeName; plot?: Record<string, unknown> };
}
export type Open = (browser: Browser, options?: OpenOptions) => Promise<Page & { problems: string[] }>;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page (injected through the debugger, so the page's CSP does not apply). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

function describe(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

/**
 * axe in the panel at every width and theme, and in the side bar at its widths, with a
 * screenshot of each; returns one line per page (`panel dark 1400: 0 violations`).
 */
export async function axeEverywhere(browser: Browser, open: Open, shots: string): Promise<string[]> {
  const results: string[] = [];
  const failures: string[] = [];
  const pages: { mode: 'panel' | 'view'; theme: ThemeName; width: number }[] = [];
  for (const theme of THEMES) for (const width of WIDTHS) pages.push({ mode: 'panel', theme, width });
  for (const theme of THEMES) for (const width of [170, 320]) pages.push({ mode: 'view', theme, width });
  for (const { mode, theme, width } of pages) {
    const page = await open(browser, { mode, viewport: { width, height: mode === 'view' ? 720 : 900 }, init: { theme } });
    try {
      const violations = await axeViolations(page);
      await page.screenshot({ path: path.join(shots, `${mode}-${theme}-${width}.png`) });
      results.push(`${mode} ${theme} ${width}: ${violations.length} violations${violations.length ? ` (${violations.map((v) => v.id).join(', ')})` : ''}`);
      if (violations.length > 0) failures.push(`${mode} ${theme} ${width}px:\n${describe(violations)}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) failures.push(`${mode} ${theme} ${width}px: ${overflow}px of horizontal overflow`);
      const chart = await page.evaluate(() => {
        const c = document.querySelector('.plot canvas');
        const r = c?.getBoundingClientRect();
        return r ? { top: r.top, height: r.height } : undefined;
      });
      if (!chart || chart.height < 80 || chart.top > 200) failures.push(`${mode} ${theme} ${width}px: the first chart is not at the top with a usable height (${JSON.stringify(chart)})`);
    } finally {
      await page.close();
    }
  }
  assert.equal(failures.length, 0, failures.join('\n\n'));
  return results;
}

/** axe in the error view with bfloat16 ulps (summary, units, log axes) and with a pinned row. */
export async function axeErrorViewAndPins(page: Page): Promise<void> {
  // A person clicks the segment's label; the visually hidden radios are 1 px and stacked.
  await page.locator('.segmented label', { hasText: /^Error$/ }).click();
  assert.equal(await page.getByRole('radio', { name: 'Error' }).isChecked(), true);
  await page.getByLabel('Measure').selectOption('ulp');
  await page.getByRole('combobox', { name: 'Precision' }).selectOption('bfloat16');
  await page.waitForTimeout(600);
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, describe(violations));
}

/** The View and Layout switches are radio groups: one Tab stop each, arrow keys pick. */
export async function radioGroupsByKeyboard(page: Page): Promise<void> {
  const curves = page.getByRole('radio', { name: 'Curves' });
  await curves.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('radio', { name: 'Error' }).isChecked(), true, 'ArrowRight picks Error');
  assert.equal(await page.evaluate(() => (window as unknown as { geluPlot: { state: { view: string } } }).geluPlot.state.view), 'error');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await curves.isChecked(), true, 'ArrowLeft goes back to Curves');
  const names = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('.segmented')].map((g) => new Set([...g.querySelectorAll('input')].map((i) => i.name)).size));
  // View and Layout, then the Precision view's Mode: one name per group.
  assert.deepEqual(names, [1, 1, 1], 'one name per group');
  // Tab leaves the group from the selected radio rather than visiting the other one.
  await curves.focus();
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
  assert.ok(!/^view-/.test(next), `Tab leaves the View group (focus on ${next})`);
}

/** Every kind of control works from the keyboard: checkbox, slider, select, disclosure, button. */
export async function controlsByKeyboard(page: Page): Promise<void> {
  const tanh = page.getByRole('checkbox', { name: 'Tanh', exact: true });
  await tanh.focus();
  await page.keyboard.press('Space');
  assert.equal(await tanh.isChecked(), true, 'Space checks a function');
  await page.keyboard.press('Space');
  assert.equal(await tanh.isChecked(), false);
  const slider = page.getByRole('slider', { name: 'k of QuickGELU' });
  const before = Number(await slider.inputValue());
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  const after = Number(await slider.inputValue());
  assert.ok(after > before, `ArrowRight raises k (${before} → ${after})`);
  assert.equal(await page.evaluate(() => (window as unknown as { geluPlot: { state: { params: Record<string, Record<string, number>> } } }).geluPlot.state.params.gelu_sigmoid?.k), after);
  await page.getByRole('button', { name: 'Reset parameters' }).press('Enter');
  const summary = page.locator('summary', { hasText: 'Export' });
  const details = page.locator('details.section', { has: summary });
  const open = await details.evaluate((d) => (d as HTMLDetailsElement).open);
  await summary.press('Enter');
  assert.equal(await details.evaluate((d) => (d as HTMLDetailsElement).open), !open, 'Enter toggles a section');
  await summary.press('Enter');
  const precision = page.getByRole('combobox', { name: 'Precision' });
  await precision.focus();
  await precision.selectOption('float32');
  assert.equal(await page.evaluate(() => (window as unknown as { geluPlot: { state: { precision: string } } }).geluPlot.state.precision), 'float32');
  await precision.selectOption('float64');
}

/** The polite live region says the crosshair's values, a pin and a zoom, in words. */
export async function liveRegion(page: Page): Promise<void> {
  const live = page.locator('.plot [aria-live="polite"]');
  assert.equal(await live.count(), 1, 'one polite live region in the plot');
  await page.locator('.plot').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(700);
  assert.match(await live.innerText(), /^x = .*GELU/, 'the crosshair is announced with its values');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(700);
  assert.match(await live.innerText(), /^Pinned x = /, 'a pin is announced');
  await page.keyboard.press('+');
  await page.waitForTimeout(700);
  assert.match(await live.innerText(), /^x from .* to /, 'a zoom is announced');
  await page.keyboard.press('0');
  await page.waitForTimeout(400);
}

/** Removing a pinned row keeps the focus in the table (the next row's button), then on the plot. */
export async function focusAfterRemovingPins(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Clear' }).click().catch(() => undefined);
  await page.locator('.plot').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  const buttons = page.getByRole('button', { name: /^Remove the row at x = / });
  assert.equal(await buttons.count(), 2);
  await buttons.first().focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.match(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? ''), /^Remove the row at x = /, 'focus moves to the remaining row');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('plot')), true, 'focus goes to the plot when no row is left');
}

/** A parameter change shows in the formula card and the legend; the formula's KaTeX is not rebuilt. */
export async function parametersShown(page: Page): Promise<void> {
  const card = page.locator('.formula', { hasText: 'QuickGELU' });
  const math = await card.locator('.math').elementHandle();
  assert.match(await card.locator('.formula-params').innerText(), /^k = 1\.702$/);
  assert.match(await page.locator('.formula', { hasText: 'GELU tanh' }).locator('.formula-params').innerText(), /^c = 0\.044715$/);
  const typed = page.getByRole('spinbutton', { name: 'k of QuickGELU, typed' });
  await typed.fill('1.5');
  await typed.press('Enter');
  await page.waitForTimeout(600);
  assert.match(await card.locator('.formula-params').innerText(), /^k = 1\.5$/);
  assert.equal(await card.locator('.math').evaluate((m, old) => m === old, math), true, 'the rendered formula is reused');
  const labels = await page.evaluate(() => (window as unknown as { geluPlot: { charts: { slots: { chart: { data: { datasets: { label: string }[] } } }[] } } }).geluPlot.charts.slots[0]?.chart.data.datasets.map((d) => d.label));
  assert.ok(labels?.includes('QuickGELU (k = 1.5)'), `legend: ${labels?.join(' | ')}`);
  // The parameters in force are never hidden in a scrolled box (c = 0.044715 was).
  const clipped = await page.locator('.formula-params').evaluateAll((ms) => ms.filter((m) => m.scrollWidth > m.clientWidth + 1).map((m) => m.textContent));
  assert.deepEqual(clipped, [], 'parameter lines fit their card');
  // A formula wider than its card can be scrolled from the keyboard (axe: scrollable-region-focusable).
  const unreachable = await page.locator('.formula .math').evaluateAll((ms) => ms.filter((m) => m.scrollWidth > m.clientWidth + 1 && (m as HTMLElement).tabIndex < 0).length);
  assert.equal(unreachable, 0);
  await page.getByRole('button', { name: 'Reset parameters' }).click();
  await page.waitForTimeout(400);
}

/** A parameter the host refuses leaves the last good plot and a message next to the parameters. */
export async function refusedChangeKeepsPlot(page: Page): Promise<void> {
  const draws = await page.evaluate(() => (window as unknown as { geluPlot: { draws: number } }).geluPlot.draws);
  await page.evaluate(() => {
    const stub = (window as unknown as { __stub: { refuse?: (m: { type?: string }) => string | undefined } }).__stub;
    stub.refuse = (m) => (m.type === 'plot/sample' ? 'k is out of range for this host' : undefined);
  });
  const typed = page.getByRole('spinbutton', { name: 'k of QuickGELU, typed' });
  await typed.fill('2.5');
  await typed.press('Enter');
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    (window as unknown as { __stub: { refuse?: unknown } }).__stub.refuse = undefined;
  });
  const params = page.locator('.section', { hasText: 'Parameters' }).locator('.message').first();
  assert.match(await params.innerText(), /Not applied: k is out of range/);
  const state = await page.evaluate(() => (window as unknown as { geluPlot: { state: { params: Record<string, Record<string, number>> } } }).geluPlot.state);
  assert.notEqual(state.params.gelu_sigmoid?.k, 2.5, 'the state went back to the last good one');
  assert.equal(await typed.inputValue(), String(state.params.gelu_sigmoid?.k ?? 1.702), 'the input shows the value in force');
  assert.equal(await page.locator('.loading').count(), 0);
  const pixels = await page.evaluate(() => [...document.querySelectorAll('.plot canvas')].length);
  assert.ok(pixels > 0 && draws > 0, 'the plot is still there');
}

/** The exported CSV opens with comment lines naming what was sampled. */
export function checkCsvHeader(lines: readonly string[], req: { readonly functions: readonly string[]; readonly precision: string; readonly range: { readonly min: number; readonly max: number } }): void {
  const header = lines.filter((l) => l.startsWith('#'));
  assert.equal(header[0], '# GELU Lab export');
  assert.ok(header.includes(`# functions: ${req.functions.join(' ')}`), header.join('\n'));
  assert.ok(header.some((l) => /^# parameters: .*gelu_sigmoid\.k=1\.702/.test(l)), header.join('\n'));
  assert.ok(header.some((l) => l.startsWith(`# format: ${req.precision}`)), header.join('\n'));
  assert.ok(header.includes(`# range: x from ${req.range.min} to ${req.range.max}`), header.join('\n'));
  assert.ok(lines.findIndex((l) => !l.startsWith('#')) === header.length, 'comments come first');
}

/**
 * With every function selected, each KaTeX font the formulas ask for is shipped and loaded
 * (esbuild.js keeps only the fonts in its KATEX_FONTS list).
 */
export async function formulaFontsShipped(browser: Browser, open: Open): Promise<void> {
  const all = ['gelu', 'gelu_tanh', 'gelu_sigmoid', 'silu', 'mish', 'softplus', 'sigmoid', 'tanh', 'elu', 'selu', 'relu', 'leaky_relu', 'relu6', 'hardswish'];
  const page = await open(browser, { init: { plot: { functions: all } } });
  try {
    assert.equal(await page.locator('.formula .katex-html').count(), all.length);
    const missing = await page.evaluate(async () => {
      await document.fonts.ready;
      const wanted = new Set<string>();
      for (const e of document.querySelectorAll('.formula .katex-html *')) {
        if (!e.textContent || e.children.length > 0) continue;
        const cs = getComputedStyle(e);
        const family = cs.fontFamily.split(',')[0]?.trim().replace(/"/g, '') ?? '';
        if (family.startsWith('KaTeX')) wanted.add(`${cs.fontStyle} ${cs.fontWeight} 16px ${family}`);
      }
      const faces = [...document.fonts];
      return [...wanted].filter((f) => {
        const family = f.split(' ').pop() as string;
        return !faces.some((face) => face.family.replace(/"/g, '') === family && face.status === 'loaded');
      });
    });
    assert.deepEqual(missing, [], `fonts the formulas use but dist/ lacks: ${missing.join(', ')}`);
  } finally {
    await page.close();
  }
}
