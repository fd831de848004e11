import * as path from 'node:path';
import type { UiContext } from './context';

/**
 * A person opens an empty .cu file, runs "GELU Lab: Insert GELU Code…" from the palette and
 * presses Enter at each pick (exact GELU, CUDA — offered first for a CUDA file —, forward only,
 * float): the editor shows the __device__ function and the elementwise kernel.
 */
export default async function check({ page, runCommand, openFile, artifacts, log }: UiContext): Promise<void> {
  await openFile('snippets/empty.cu');
  await runCommand('GELU Lab: Insert GELU Code');
  const input = page.locator('.quick-input-widget input');
  for (const placeholder of ['Which function?', 'For which framework or language?', 'Forward only, or with the derivative?', 'Which precision?']) {
    await page.locator(`.quick-input-widget input[placeholder="${placeholder}"]`).waitFor({ state: 'visible', timeout: 15_000 });
    const active = await page.locator('.quick-input-list .monaco-list-row.focused').first().innerText().catch(() => '?');
    log(`${placeholder} → ${active.split('\n')[0]}`);
    await page.keyboard.press('Enter');
  }
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
  const lines = page.locator('.editor-instance .view-lines').first();
  await lines.locator('.view-line', { hasText: '__global__ void gelu_kernel' }).first().waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
    // The kernel may be below the fold of a short editor: scroll to the end and look again.
    await page.keyboard.press('Control+End');
    await lines.locator('.view-line', { hasText: '__global__ void gelu_kernel' }).first().waitFor({ state: 'visible', timeout: 10_000 });
  });
  log('the editor shows __global__ void gelu_kernel(…)');
  await page.keyboard.press('Control+Home');
  await lines.locator('.view-line', { hasText: '__device__ __forceinline__ float gelu(float x)' }).first().waitFor({ state: 'visible', timeout: 10_000 });
  log('and the __device__ function gelu(float)');
  await page.screenshot({ path: path.join(artifacts, 'snippets-cuda.png') });
}
