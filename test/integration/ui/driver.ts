import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { UiContext } from './context';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the workbench is up and the extension host has our extension (its command is in the palette). */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.statusbar', { timeout: 60_000 });
}

export function createUiContext(page: Page, workspace: string, artifacts: string, host: UiContext['host'], log: (m: string) => void): UiContext {
  const closeQuickInput = async () => {
    if (await page.locator('.quick-input-widget').isVisible().catch(() => false)) await page.keyboard.press('Escape');
  };

  const runCommand = async (title: string): Promise<void> => {
    const deadline = Date.now() + 30_000;
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        await closeQuickInput();
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(`>${title}`);
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
        await row.waitFor({ state: 'visible', timeout: 3_000 });
        await page.keyboard.press('Enter');
        return;
      } catch (error) {
        lastError = error;
        await sleep(1_000);
      }
    }
    await closeQuickInput();
    throw new Error(`command "${title}" never appeared in the palette: ${String(lastError)}`);
  };

  /**
   * Opens a workspace file through Quick Open. The workbench learns of files written behind its
   * back through its watcher, and under load its first search can miss one: the search is retried.
   * `textEditor: false` for a file that opens in a custom editor.
   */
  const openFile = async (relativePath: string, { textEditor = true }: { textEditor?: boolean } = {}): Promise<void> => {
    const base = path.basename(relativePath);
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
    for (let attempt = 1; ; attempt++) {
      await closeQuickInput();
      await page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(relativePath);
      try {
        await row.waitFor({ state: 'visible', timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 4) throw error;
        log(`Quick Open does not list ${relativePath} yet (attempt ${attempt})`);
      }
    }
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: base }).waitFor({ state: 'visible', timeout: 15_000 });
    if (textEditor) await page.locator('.editor-instance .view-lines').first().waitFor({ state: 'visible', timeout: 15_000 });
  };

  return { page, workspace, artifacts, host, runCommand, openFile, log };
}
