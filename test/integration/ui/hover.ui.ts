import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { UiContext } from './context';

/**
 * A person opens a Python file, rests the mouse on `0.5` and reads the values in the hover;
 * then rests it on `jax.nn.gelu` and reads that it is the tanh form, with the sparkline image.
 */

/** The editor line (a `.view-line`) whose text contains `text`. */
function lineWith(page: Page, text: string): Locator {
  return page.locator('.editor-instance .view-lines .view-line', { hasText: text }).first();
}

/**
 * Moves the mouse over character `index` of the line: the editor font is monospace, so the
 * character's place follows from the line's box and its text length.
 */
async function hoverCharacter(page: Page, line: Locator, index: number): Promise<void> {
  // The editor re-renders its lines while it settles: a line can briefly have no box.
  let box: { x: number; y: number; width: number; height: number } | null = null;
  let text = '';
  for (let tries = 0; tries < 20 && !box; tries++) {
    await line.waitFor({ state: 'visible', timeout: 15_000 });
    text = (await line.innerText()).replace(/\u00a0/g, ' ');
    box = await line.locator('span').first().boundingBox().catch(() => null);
    if (!box) await page.waitForTimeout(250);
  }
  if (!box) throw new Error('the line has no box');
  const charWidth = box.width / text.length;
  const x = box.x + charWidth * (index + 0.5);
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 40, y + 30);
  await page.mouse.move(x, y, { steps: 5 });
}

export default async function check({ page, openFile, artifacts, log }: UiContext): Promise<void> {
  await openFile('hover/sample.py');
  const hover = page.locator('.monaco-hover:not(.hidden)');

  const threshold = lineWith(page, 'THRESHOLD = 0.5');
  const lineText = 'THRESHOLD = 0.5';
  for (let attempt = 0; attempt < 3; attempt++) {
    await hoverCharacter(page, threshold, lineText.indexOf('0.5') + 1);
    try {
      await hover.filter({ hasText: 'x = 0.5' }).waitFor({ state: 'visible', timeout: 8_000 });
      break;
    } catch (error) {
      if (attempt === 2) throw error;
      await page.mouse.move(5, 5);
    }
  }
  const numberHover = hover.filter({ hasText: 'x = 0.5' });
  const text = await numberHover.innerText();
  // GELU(0.5) = 0.345731230637006551818852305304… (reference); the hover prints the double.
  if (!text.includes('0.34573123063700')) throw new Error(`GELU(0.5) is not in the hover:\n${text}`);
  if (!/Plot at x/.test(text) || !/Copy values/.test(text)) throw new Error(`links missing:\n${text}`);
  log(`number hover: ${text.split('\n').slice(0, 4).join(' | ')}`);
  await page.screenshot({ path: path.join(artifacts, 'number-hover.png') });

  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  const jaxLine = lineWith(page, 'a = jax.nn.gelu(x)');
  const jaxText = '    a = jax.nn.gelu(x)';
  for (let attempt = 0; attempt < 3; attempt++) {
    await hoverCharacter(page, jaxLine, jaxText.indexOf('gelu') + 1);
    try {
      await hover.filter({ hasText: 'jax.nn.gelu' }).waitFor({ state: 'visible', timeout: 8_000 });
      break;
    } catch (error) {
      if (attempt === 2) throw error;
      await page.mouse.move(5, 5);
    }
  }
  const frameworkHover = hover.filter({ hasText: 'jax.nn.gelu' });
  const fText = await frameworkHover.innerText();
  if (!/tanh approximation/.test(fText)) throw new Error(`jax.nn.gelu is not explained as the tanh form:\n${fText}`);
  const images = await frameworkHover.locator('img').evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src.slice(0, 30)));
  log(`framework hover: ${fText.split('\n').slice(0, 3).join(' | ')}; images: ${JSON.stringify(images)}`);
  if (!images.some((src) => src.startsWith('data:image/svg+xml'))) log('note: the sparkline image was not rendered in this hover');
  await page.screenshot({ path: path.join(artifacts, 'framework-hover.png') });
}
