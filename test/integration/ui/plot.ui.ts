import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { UiContext } from './context';

/** The plot webview's document: VS Code nests it in `iframe.webview.ready` → `#active-frame`. */
export function plotFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Painted pixels of a canvas (alpha ≥ 128): a chart with curves has thousands. */
export function painted(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const { data } = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] as number) >= 128) n++;
    return n;
  });
}

export function draws(frame: FrameLocator): Promise<number> {
  return frame.locator('body').evaluate(() => (window as unknown as { geluPlot?: { draws: number } }).geluPlot?.draws ?? 0);
}

export async function waitForDraw(frame: FrameLocator, after: number, timeout = 20_000): Promise<number> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const n = await draws(frame).catch(() => 0);
    if (n > after) {
      await new Promise((r) => setTimeout(r, 300));
      return draws(frame);
    }
    if (Date.now() > deadline) throw new Error(`the plot did not redraw within ${timeout} ms (draws ${n})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Picks a colour theme by name through Preferences: Color Theme. */
export async function pickColorTheme(page: Page, theme: string): Promise<void> {
  // Not runCommand: Enter there takes the first row, which the fuzzy match ranks "Browse Color Themes in Marketplace".
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget input');
  await palette.waitFor({ state: 'visible', timeout: 10_000 });
  await palette.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row', { has: page.getByText('Preferences: Color Theme', { exact: true }) }).first().click({ timeout: 10_000 });
  const picker = page.locator('.quick-input-widget input');
  await picker.waitFor({ state: 'visible', timeout: 10_000 });
  await picker.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { has: page.getByText(theme, { exact: true }) }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/**
 * A new user's tour of the plot, driven through the real workbench: palette → Open Plot; the
 * panel's canvases hold drawn curves; pick Tanh and Sigmoid; switch to the error view and read
 * the maximum; move the QuickGELU slider; zoom into the tail; export a PNG through the save
 * dialog; reload the window and find the panel back with its choices. (Screenshots at four widths
 * in four themes: plotWidths.ui.ts, which gets its own time budget.)
 */
export default async function check({ page, runCommand, artifacts, workspace, log }: UiContext): Promise<void> {
  await runCommand('GELU Lab: Open Plot');
  const frame = plotFrame(page);
  const canvases = frame.locator('.plot canvas');
  await canvases.nth(2).waitFor({ state: 'visible', timeout: 30_000 });
  await waitForDraw(frame, 0);
  for (let i = 0; i < 3; i++) {
    const n = await painted(canvases.nth(i));
    if (n < 2000) throw new Error(`chart ${i} looks blank (${n} painted pixels)`);
  }
  log('the panel opened with three drawn charts (f, f′, f″)');
  await page.screenshot({ path: path.join(artifacts, 'plot-opened.png') });

  let n = await draws(frame);
  await frame.getByRole('checkbox', { name: 'Tanh', exact: true }).check();
  n = await waitForDraw(frame, n);
  await frame.getByRole('checkbox', { name: 'Sigmoid', exact: true }).check();
  n = await waitForDraw(frame, n);
  const formulas = await frame.locator('.formula .katex').count();
  if (formulas !== 5) throw new Error(`expected 5 formulas, found ${formulas}`);
  log('Tanh and Sigmoid added; five KaTeX formulas shown');
  await page.screenshot({ path: path.join(artifacts, 'plot-five-functions.png') });

  await frame.locator('.segmented label', { hasText: 'Error' }).click();
  n = await waitForDraw(frame, n);
  const summary = await frame.locator('.summary').innerText();
  // The error view opens on relative error and names the unit beside each maximum.
  if (!/QuickGELU vs GELU:\s*max [\d.]+(?:e[−-]?\d+)? \(relative\) at x = /.test(summary)) throw new Error(`no maximum written: ${summary}`);
  log(`error view: ${summary.split('\n').slice(0, 2).join(' ')}`);
  await page.screenshot({ path: path.join(artifacts, 'plot-error.png') });
  await frame.locator('.segmented label', { hasText: 'Curves' }).click();
  n = await waitForDraw(frame, n);

  const slider = frame.getByRole('slider', { name: /^k of QuickGELU/ });
  await slider.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  n = await waitForDraw(frame, n);
  const k = await frame.getByRole('spinbutton', { name: /^k of QuickGELU, typed/ }).inputValue();
  if (Number(k) <= 1.702) throw new Error(`the slider did not move k (${k})`);
  log(`QuickGELU k moved to ${k}`);

  await frame.getByRole('button', { name: '±40' }).click();
  n = await waitForDraw(frame, n);
  const box = await canvases.first().boundingBox();
  if (!box) throw new Error('no chart box');
  await page.mouse.move(box.x + box.width * 0.12, box.y + box.height * 0.5);
  for (let i = 0; i < 8; i++) {
    await page.mouse.wheel(0, -150);
    await page.waitForTimeout(40);
  }
  n = await waitForDraw(frame, n);
  const min = Number(await frame.getByLabel('x min').inputValue());
  const max = Number(await frame.getByLabel('x max').inputValue());
  if (!(max - min < 40 && max < 0)) throw new Error(`wheel zoom into the tail gave ${min}…${max}`);
  log(`zoomed into the tail: x from ${min} to ${max}`);
  await page.screenshot({ path: path.join(artifacts, 'plot-tail.png') });

  // Export a PNG through VS Code's save dialog (code-server's simple dialog: a path in a quick input).
  // The dialog fills in the suggested path once it has listed the folder; type over it after that.
  const target = path.join(workspace, 'gelu-plot.png');
  const suggested = path.join(workspace, 'gelu-lab-curves.png');
  await frame.getByRole('button', { name: 'Export PNG…' }).click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  const initDeadline = Date.now() + 10_000;
  while (!(await input.inputValue()).endsWith('gelu-lab-curves.png') && Date.now() < initDeadline) await page.waitForTimeout(200);
  await input.fill(target);
  await page.waitForTimeout(500);
  if ((await input.inputValue()) !== target) log(`the dialog shows ${await input.inputValue()} instead of the typed path`);
  await page.keyboard.press('Enter');
  const deadline = Date.now() + 20_000;
  let written = '';
  while (!written && Date.now() < deadline) {
    await page.waitForTimeout(300);
    written = [target, suggested].find((f) => fs.existsSync(f)) ?? '';
  }
  const bytes = written ? fs.readFileSync(written) : Buffer.alloc(0);
  if (bytes.length < 1000 || bytes.readUInt32BE(0) !== 0x89504e47) throw new Error(`no PNG was written to ${target}`);
  fs.copyFileSync(written, path.join(artifacts, 'exported.png'));
  log(`exported ${path.basename(written)}: ${bytes.length} bytes of PNG (${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)})`);
  await frame.locator('.status', { hasText: 'Saved' }).waitFor({ timeout: 10_000 });

  await frame.getByRole('button', { name: '±6' }).click();
  await waitForDraw(frame, n);
  await page.screenshot({ path: path.join(artifacts, 'plot-default-theme.png') });

  // Reload the window: the serializer brings the panel back, with Tanh and Sigmoid still picked.
  await runCommand('Developer: Reload Window');
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const again = plotFrame(page);
  await again.locator('.plot canvas').first().waitFor({ state: 'visible', timeout: 60_000 });
  await waitForDraw(again, 0, 30_000);
  if (!(await again.getByRole('checkbox', { name: 'Sigmoid', exact: true }).isChecked())) throw new Error('the restored panel lost its functions');
  const restored = await painted(again.locator('.plot canvas').first());
  if (restored < 2000) throw new Error(`the restored chart looks blank (${restored})`);
  log('after Reload Window the panel is back, drawn, with its functions');
  await page.screenshot({ path: path.join(artifacts, 'plot-restored.png') });

  // A theme change reaches the open webview without a reload: body class and chart colours follow.
  const body = again.locator('body');
  const tickColor = () => body.evaluate(() => {
    const charts = (window as unknown as { geluPlot: { charts: { slots: { chart: { options: { scales: { x: { ticks: { color: string } } } } } }[] } } }).geluPlot.charts;
    return charts.slots[0]?.chart.options.scales.x.ticks.color ?? '';
  });
  const before = await tickColor();
  const wasDark = ((await body.getAttribute('class')) ?? '').includes('vscode-dark');
  const theme = wasDark ? 'Light Modern' : 'Dark Modern';
  await pickColorTheme(page, theme);
  const themeDeadline = Date.now() + 15_000;
  while ((await tickColor()) === before && Date.now() < themeDeadline) await page.waitForTimeout(200);
  if ((await tickColor()) === before) throw new Error(`the chart kept its colours after switching to ${theme}`);
  const bodyClass = (await body.getAttribute('class')) ?? '';
  log(`switched to ${theme}: webview body class "${bodyClass}", chart tick colour ${before} → ${await tickColor()}`);
  await page.screenshot({ path: path.join(artifacts, wasDark ? 'plot-light.png' : 'plot-dark.png') });

  // "Plot at x…" from the palette: the input box refuses a non-number, then pins the minimum of GELU.
  await runCommand('GELU Lab: Plot at x');
  const xInput = page.locator('.quick-input-widget input');
  await xInput.waitFor({ state: 'visible', timeout: 10_000 });
  await xInput.fill('abc');
  await page.locator('.quick-input-message', { hasText: 'Type a number' }).waitFor({ timeout: 10_000 });
  await xInput.fill('-0.7518');
  await page.locator('.quick-input-message', { hasText: 'Type a number' }).waitFor({ state: 'hidden', timeout: 10_000 });
  await page.keyboard.press('Enter');
  const row = again.locator('.pins-table tbody tr', { hasText: '−0.7518' }).first();
  await row.waitFor({ timeout: 15_000 });
  await again.locator('.pins-table tbody td', { hasText: '…' }).first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  log(`Plot at x pinned: ${(await row.innerText()).replace(/\s+/g, ' ').slice(0, 120)}`);

  // The panel alone, side bar closed, for the README.
  await page.keyboard.press('Control+B');
  await page.waitForTimeout(1500);
  await page.locator('.part.editor').screenshot({ path: path.join(artifacts, wasDark ? 'plot-light-panel.png' : 'plot-dark-panel.png') });
}
