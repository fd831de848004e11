import * as path from 'node:path';
import type { UiContext } from './context';
import { dragSelect, lineWith, waitForHover } from './editor';

/**
 * True values from shared/reference/activations.jsonl (120-digit arithmetic, 30 digits kept).
 */
const GELU: ReadonlyMap<number, number> = new Map([
  [-3, Number('-4.04969409489028357995544430278e-3')],
  [-1, Number('-1.58655253931457051414767454368e-1')],
  [0, 0],
  [1, Number('8.41344746068542948585232545632e-1')],
  [3, Number('2.9959503059051097164200445557')],
]);

/** Whether `shown` is within one unit in the last place of `exact`. */
function withinUlp(shown: number, exact: number): boolean {
  if (exact === 0) return shown === 0;
  const ulp = 2 ** (Math.floor(Math.log2(Math.abs(exact))) - 52);
  return Math.abs(shown - exact) <= ulp;
}

/**
 * A person drags the mouse across `[-3, -1, 0, 1, 3]` in a Python file, rests it on the
 * selection and reads the list hover; runs "GELU Lab: Evaluate Selection" from the palette and
 * reads GELU at each x in the table it opens (checked against the reference); then copies the
 * table with the editor-title action "Copy Evaluation as CSV" and sees the status bar confirm it.
 */
export default async function check({ page, openFile, runCommand, artifacts, log }: UiContext): Promise<void> {
  await openFile('hover/sample.py');
  const lineText = 'values = [-3, -1, 0, 1, 3]';
  const line = lineWith(page, lineText);
  const from = lineText.indexOf('[');
  const to = lineText.length;

  await dragSelect(page, line, from, to);
  const selectedChars = to - from;
  await page.locator('.statusbar', { hasText: `(${selectedChars} selected)` }).waitFor({ state: 'visible', timeout: 10_000 });
  log(`dragged across the list: the status bar says ${selectedChars} selected`);

  const listHover = await waitForHover(page, line, from + 5, '5 values');
  const hoverText = await listHover.innerText();
  if (!hoverText.includes('0.8413447460685429')) throw new Error(`GELU(1) is not in the list hover:\n${hoverText}`);
  log(`list hover: ${hoverText.split('\n').slice(0, 2).join(' | ')}`);
  await page.screenshot({ path: path.join(artifacts, 'list-hover.png') });
  await page.mouse.move(5, 5);

  await runCommand('GELU Lab: Evaluate Selection');
  await page.locator('.tab', { hasText: 'Evaluation' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  // One table row per editor line: the document opens unwrapped.
  const table = page.locator('.editor-instance .view-lines', { hasText: 'evaluation of 5 values' }).first();
  await table.waitFor({ state: 'visible', timeout: 15_000 });
  // The editor may still be laying the document out (word wrap is turned off just after it
  // opens): read the rows until every x is there, or give up after 15 s.
  const found = new Map<number, number>();
  let rows: string[] = [];
  for (const deadline = Date.now() + 15_000; found.size < GELU.size && Date.now() < deadline; ) {
    rows = (await table.locator('.view-line').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
    found.clear();
    for (const row of rows) {
      const cells = row.split('|').map((c) => c.trim());
      // | x | Φ(x) | GELU f(x) | …
      const x = Number(cells[1]);
      if (cells.length > 4 && cells[1] !== '' && GELU.has(x)) found.set(x, Number(cells[3]));
    }
    if (found.size < GELU.size) await page.waitForTimeout(300);
  }
  for (const [x, exact] of GELU) {
    const shown = found.get(x);
    if (shown === undefined || !withinUlp(shown, exact)) throw new Error(`GELU(${x}) in the table is ${shown}, reference ${exact}:\n${rows.join('\n')}`);
  }
  log(`table: GELU at ${[...found].map(([x, y]) => `${x} → ${y}`).join(', ')} (each within 1 ulp of the reference)`);
  await page.screenshot({ path: path.join(artifacts, 'evaluation.png') });

  await page.locator('.editor-actions .action-label[aria-label^="Copy Evaluation as CSV"]').first().click();
  await page.locator('.statusbar', { hasText: 'copied 5 values as CSV' }).waitFor({ state: 'visible', timeout: 10_000 });
  log('Copy Evaluation as CSV: the status bar confirms 5 values copied');
}
