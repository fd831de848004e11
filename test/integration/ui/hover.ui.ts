import * as path from 'node:path';
import type { UiContext } from './context';
import { lineWith, waitForHover } from './editor';

/**
 * A person opens a Python file and rests the mouse on the `0.5` inside `F.gelu(torch.tensor(0.5))`
 * (with the default `hover.numbers: "selection"`, numbers in an activation call's arguments get
 * a hover without selecting them) and reads the values in the hover; then rests it on
 * `jax.nn.gelu` and reads that it is the tanh form, with the sparkline image.
 */
export default async function check({ page, openFile, artifacts, log }: UiContext): Promise<void> {
  await openFile('hover/sample.py');
  const probeText = 'probe = F.gelu(torch.tensor(0.5), approximate="none")';
  const probe = lineWith(page, probeText);
  const numberHover = await waitForHover(page, probe, probeText.indexOf('0.5') + 1, 'x = 0.5');
  const text = await numberHover.innerText();
  // GELU(0.5) = 0.345731230637006551818852305304… (reference); the hover prints the double.
  if (!text.includes('0.34573123063700')) throw new Error(`GELU(0.5) is not in the hover:\n${text}`);
  if (!/Plot at x/.test(text) || !/Copy values/.test(text)) throw new Error(`links missing:\n${text}`);
  log(`number hover: ${text.split('\n').slice(0, 4).join(' | ')}`);
  await page.screenshot({ path: path.join(artifacts, 'number-hover.png') });

  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  const jaxLine = lineWith(page, 'a = jax.nn.gelu(x)');
  const frameworkHover = await waitForHover(page, jaxLine, '    a = jax.nn.gelu(x)'.indexOf('gelu') + 1, 'jax.nn.gelu');
  const fText = await frameworkHover.innerText();
  if (!/tanh approximation/.test(fText)) throw new Error(`jax.nn.gelu is not explained as the tanh form:\n${fText}`);
  const images = await frameworkHover.locator('img').evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src.slice(0, 30)));
  log(`framework hover: ${fText.split('\n').slice(0, 3).join(' | ')}; images: ${JSON.stringify(images)}`);
  if (!images.some((src) => src.startsWith('data:image/svg+xml'))) log('note: the sparkline image was not rendered in this hover');
  await page.screenshot({ path: path.join(artifacts, 'framework-hover.png') });
}
