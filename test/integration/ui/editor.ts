import type { Locator, Page } from 'playwright-core';

/** Where the mouse goes in an editor line: the line's box, and its text as rendered. */
interface LineGeometry {
  readonly x: number;
  readonly y: number;
  readonly height: number;
  readonly charWidth: number;
}

/** The editor line (a `.view-line`) whose text contains `text`. */
export function lineWith(page: Page, text: string): Locator {
  return page.locator('.editor-instance .view-lines .view-line', { hasText: text }).first();
}

/**
 * The geometry of a rendered line. The editor font is monospace, so a character's place follows
 * from the line's box and its text length. The editor re-renders its lines while it settles: a
 * line can briefly have no box, hence the retries.
 */
async function geometry(page: Page, line: Locator): Promise<LineGeometry> {
  for (let tries = 0; tries < 20; tries++) {
    await line.waitFor({ state: 'visible', timeout: 15_000 });
    const text = (await line.innerText()).replace(/\u00a0/g, ' ');
    const box = await line.locator('span').first().boundingBox().catch(() => null);
    if (box && text.length > 0) return { x: box.x, y: box.y, height: box.height, charWidth: box.width / text.length };
    await page.waitForTimeout(250);
  }
  throw new Error('the line has no box');
}

/** The page coordinates of the middle of character `index` of the line. */
export async function characterPoint(page: Page, line: Locator, index: number): Promise<{ x: number; y: number }> {
  const g = await geometry(page, line);
  return { x: g.x + g.charWidth * (index + 0.5), y: g.y + g.height / 2 };
}

/** Moves the mouse, from a little away, over character `index` of the line. */
export async function hoverCharacter(page: Page, line: Locator, index: number): Promise<void> {
  const { x, y } = await characterPoint(page, line, index);
  await page.mouse.move(x - 40, y + 30);
  await page.mouse.move(x, y, { steps: 5 });
}

/** Selects characters [from, to) of the line by dragging the mouse across them. */
export async function dragSelect(page: Page, line: Locator, from: number, to: number): Promise<void> {
  const a = await characterPoint(page, line, from);
  const b = await characterPoint(page, line, to - 1);
  const g = await geometry(page, line);
  await page.mouse.move(a.x - g.charWidth / 2 + 1, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x + g.charWidth / 2 - 1, b.y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Hovers character `index` until a hover containing `text` shows (the editor may drop the first
 * attempt while it settles); returns that hover.
 */
export async function waitForHover(page: Page, line: Locator, index: number, text: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: text });
  for (let attempt = 0; ; attempt++) {
    await hoverCharacter(page, line, index);
    try {
      await hover.waitFor({ state: 'visible', timeout: 8_000 });
      return hover;
    } catch (error) {
      if (attempt === 2) throw error;
      await page.mouse.move(5, 5);
    }
  }
}
