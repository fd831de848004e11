import * as path from 'node:path';
import type { UiContext } from './context';

/**
 * A person opens an empty .cu file, runs "GELU Lab: Insert GELU Code…" from the palette, types
 * "SwiGLU" at the first pick and presses Enter at each of the others (CUDA — offered first for a
 * CUDA file —, forward only, the fused form over [..., 2d], float): the editor shows the fused
 * kernel with the half convention in its name, and the __device__ SwiGLU it calls.
 */
export default async function check({ page, runCommand, openFile, artifacts, log }: UiContext): Promise<void> {
  await openFile('snippets/empty.cu');
  await runCommand('GELU Lab: Insert GELU Code');
  const input = page.locator('.quick-input-widget input');
  const typed: Readonly<Record<string, string>> = { 'Which function?': 'SwiGLU' };
  for (const placeholder of ['Which function?', 'For which framework or language?', 'Forward only, or with the derivative?', 'Also the fused form over a [..., 2d] input?', 'Which precision?']) {
    await page.locator(`.quick-input-widget input[placeholder="${placeholder}"]`).waitFor({ state: 'visible', timeout: 15_000 });
    const text = Object.hasOwn(typed, placeholder) ? typed[placeholder] : undefined;
    if (text !== undefined) {
      await page.keyboard.type(text);
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first().waitFor({ state: 'visible', timeout: 10_000 });
    }
    const active = await page.locator('.quick-input-list .monaco-list-row.focused').first().innerText().catch(() => '?');
    log(`${placeholder} → ${active.split('\n')[0]}`);
    await page.keyboard.press('Enter');
  }
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
  const lines = page.locator('.editor-instance .view-lines').first();
  await lines.locator('.view-line', { hasText: '__global__ void swiglu_gate_first_half_kernel' }).first().waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
    // The kernel may be below the fold of a short editor: scroll to the end and look again.
    await page.keyboard.press('Control+End');
    await lines.locator('.view-line', { hasText: '__global__ void swiglu_gate_first_half_kernel' }).first().waitFor({ state: 'visible', timeout: 10_000 });
  });
  log('the editor shows __global__ void swiglu_gate_first_half_kernel(…)');
  await page.screenshot({ path: path.join(artifacts, 'snippets-cuda-kernel.png') });
  await page.keyboard.press('Control+Home');
  await lines.locator('.view-line', { hasText: 'fused [..., 2d]: gate = first half' }).first().waitFor({ state: 'visible', timeout: 10_000 });
  log('whose header names the gate: the first half');
  await page.screenshot({ path: path.join(artifacts, 'snippets-cuda.png') });
}
