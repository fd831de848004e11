import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import type { UiContext } from './context';
import { lineWith, waitForHover } from './editor';

/**
 * A person opens a Python file and rests the mouse on the `0.5` inside `F.gelu(torch.tensor(0.5))`
 * (with the default `hover.numbers: "selection"`, numbers in an activation call's arguments get
 * a hover without selecting them) and reads the values in the hover; then rests it on
 * `jax.nn.gelu` and reads that it is the tanh form, with the sparkline image. Then, in a Llama-style
 * feed-forward block, rests it on vLLM's `SiluAndMul()` (SwiGLU: which half is the gate, the slices
 * image) and on `ACT2FN["relu2"]` (squared ReLU, Nemotron's activation).
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

  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await openFile('hover/llm_mlp.py');
  const swigluText = '        self.act_fn = SiluAndMul()';
  const gatedHover = await waitForHover(page, lineWith(page, 'self.act_fn = SiluAndMul()'), swigluText.indexOf('SiluAndMul') + 2, 'SiluAndMul');
  const gText = await gatedHover.innerText();
  if (!/SwiGLU/.test(gText) || !/gate is the FIRST half/.test(gText)) throw new Error(`SiluAndMul() does not say SwiGLU with the gate in the first half:\n${gText}`);
  const slices = await renderedImages(gatedHover);
  log(`gated hover: ${gText.split('\n').slice(0, 5).join(' | ')}; images: ${JSON.stringify(slices)}`);
  if (!slices.some((img) => img.src.startsWith('data:image/svg+xml') && img.width > 0)) throw new Error(`the slices image of SiluAndMul() was not drawn: ${JSON.stringify(slices)}`);
  await gatedHover.screenshot({ path: path.join(artifacts, 'siluandmul-hover.png') });

  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  const relu2Text = '        self.act_fn = ACT2FN["relu2"]';
  const relu2Hover = await waitForHover(page, lineWith(page, 'ACT2FN["relu2"]'), relu2Text.indexOf('relu2') + 1, 'relu2');
  const rText = await relu2Hover.innerText();
  if (!/ReLU²|squared ReLU/i.test(rText) || !rText.includes('max(0, x)²')) throw new Error(`ACT2FN["relu2"] is not explained as squared ReLU:\n${rText}`);
  const curve = await renderedImages(relu2Hover);
  log(`relu2 hover: ${rText.split('\n').slice(0, 4).join(' | ')}; images: ${JSON.stringify(curve)}`);
  if (!curve.some((img) => img.src.startsWith('data:image/svg+xml') && img.width > 0)) throw new Error(`the relu2 sparkline was not drawn: ${JSON.stringify(curve)}`);
  await relu2Hover.screenshot({ path: path.join(artifacts, 'relu2-hover.png') });
}

/** The images in a hover: the start of their source and their drawn width (0 when not drawn). */
function renderedImages(hover: Locator): Promise<{ src: string; width: number }[]> {
  return hover.locator('img').evaluateAll((els) => els.map((e) => ({ src: (e as HTMLImageElement).src.slice(0, 30), width: (e as HTMLImageElement).naturalWidth })));
}
