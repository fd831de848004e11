/**
 * The Gated view's slices as a person uses them: ordinary 1-D charts with a crosshair readout,
 * y in a chosen format and its error with a unit, CSV and PNG export that say what they hold;
 * the selection survives a reload and bad values are refused with the allowed range; the
 * controls of the Curves view that do nothing here are out of the way.
 */
import * as assert from 'node:assert/strict';
import type { GatedData, PlotState } from '../../src/protocol';
import { axeViolations } from './a11y';
import { draws, open, settled, shot, test, type TestPage } from './harness';

let page: TestPage;

const lastGated = (p: TestPage): Promise<GatedData | undefined> =>
  p.evaluate(() => [...window.__stub.received].reverse().find((m) => m.type === 'gated/data') as GatedData | undefined);

/** The Gated view's format picker (the Precision view has its own "Format"). */
const gatedFormat = (p: TestPage) => p.getByRole('region', { name: 'Gated view: y(g, u)' }).getByLabel('Format', { exact: true });

const savedGated = (p: TestPage): Promise<PlotState['gatedView']> => p.evaluate(() => window.__stub.state?.gatedView);

/** Types `value` into the field labelled `label` and commits it (change event). */
async function type(p: TestPage, label: string, value: string): Promise<void> {
  const input = p.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.dispatchEvent('change');
}

/** The controls of the Show section that are visible, by their labels. */
const visibleShowControls = (p: TestPage): Promise<string[]> =>
  p.evaluate(() => [...document.querySelectorAll<HTMLElement>('aside .field')]
    .filter((f) => f.offsetParent !== null)
    .map((f) => f.querySelector('label, .label')?.textContent ?? ''));

test('Curves-only controls (Layout, Derivatives, Measure, Precision) hide in the Precision and Gated views and come back', async (env) => {
  page = await open(env, { init: { plot: { xMin: -8, xMax: 8 } } });
  const curves = await visibleShowControls(page);
  for (const label of ['Layout', 'Derivatives', 'Measure', 'Precision']) assert.ok(curves.includes(label), `${label} in ${curves.join(', ')}`);
  let before = await draws(page);
  await page.getByRole('radiogroup', { name: 'View' }).getByText('Precision').click();
  await settled(page, before, 60_000);
  const precision = await visibleShowControls(page);
  for (const label of ['Layout', 'Derivatives', 'Measure', 'Precision']) assert.ok(!precision.includes(label), `${label} hidden in the Precision view: ${precision.join(', ')}`);
  assert.ok(precision.includes('x min'), 'the Precision view keeps its x range');
  before = await draws(page);
  await page.getByRole('radiogroup', { name: 'View' }).getByText('Gated').click();
  await settled(page, before, 30_000);
  const gated = await visibleShowControls(page);
  assert.deepEqual(gated.filter((l) => ['Layout', 'Derivatives', 'Measure', 'Precision', 'x min', 'x max'].includes(l)), [], gated.join(', '));
  assert.equal(await page.getByRole('heading', { name: 'Functions' }).isVisible(), false, 'no function picker: the unit is picked in the view');
  before = await draws(page);
  await page.getByRole('radiogroup', { name: 'View' }).getByText('Curves').click();
  await settled(page, before, 30_000);
  assert.deepEqual(await visibleShowControls(page), curves);
});

test('a slice reads out y, y in bfloat16, ∂y/∂g and ∂y/∂u under the crosshair, the host\'s values at that g', async () => {
  const before = await draws(page);
  await page.getByRole('radiogroup', { name: 'View' }).getByText('Gated').click();
  await settled(page, before, 30_000);
  const data = await lastGated(page);
  const slice = data?.slices.find((s) => s.along === 'g');
  assert.ok(slice?.rounded, 'y(g) at u = 1 with its bfloat16 curve');
  const canvas = page.locator('.slice-plot[data-along="g"] canvas');
  const box = await canvas.boundingBox();
  assert.ok(box);
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5);
  const readout = page.locator('.slice-plot[data-along="g"] .readout');
  await readout.waitFor({ state: 'visible' });
  const text = await readout.innerText();
  const g = /g = (−?[\d.]+)/.exec(text);
  assert.ok(g, text);
  const x = Number(g[1]!.replace('−', '-'));
  const k = slice.x.findIndex((v) => Math.abs(v - x) <= 1e-6 * Math.max(1, Math.abs(v)));
  assert.ok(k >= 0, `g = ${x} is a sample of the slice`);
  const shown = (name: string): number => {
    const m = new RegExp(`(?:^|\\n)${name.replace(/[()∂/]/g, '\\$&')}\\s+(−?[\\d.e−]+)`).exec(text);
    assert.ok(m, `${name} in ${text}`);
    return Number(m[1]!.replace(/−/g, '-'));
  };
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));
  assert.ok(close(shown('y'), slice.y[k]!), `y ${shown('y')} vs ${slice.y[k]}`);
  assert.ok(close(shown('y (bfloat16)'), slice.rounded[k]!));
  assert.ok(close(shown('∂y/∂g'), slice.dg[k]!));
  assert.ok(close(shown('∂y/∂u'), slice.du[k]!));
  assert.match(text, /SwiGLU at u = 1/);
  // The live region says the same in words.
  await page.waitForFunction(() => /SwiGLU at u = 1, g = .*: y /.test(document.querySelector('.slice-plot[data-along="g"] [aria-live]')?.textContent ?? ''));
  await page.mouse.move(5, 5);
  await readout.waitFor({ state: 'hidden' });
});

test('a slice in the error view shows y\'s bfloat16 error in ulps with its maximum; axe finds nothing in dark and light', async () => {
  const before = await draws(page);
  await page.getByRole('radiogroup', { name: 'Slices show' }).getByText('Error').click();
  await settled(page, before, 30_000);
  const data = await lastGated(page);
  const slice = data?.slices.find((s) => s.along === 'g');
  assert.ok(slice?.error && slice.error.kind === 'ulp' && slice.error.format === 'bfloat16');
  assert.ok(slice.error.max > 0 && slice.error.max < 64, `max ${slice.error.max}`);
  const label = (await page.locator('.slice-plot[data-along="g"] canvas').getAttribute('aria-label')) ?? '';
  assert.match(label, /bfloat16 ulps of y in bfloat16 against g from −8 to 8 at u = 1/);
  assert.equal((await savedGated(page))?.show, 'error');
  assert.deepEqual((await axeViolations(page)).map((v) => v.id), []);
  await shot(page, 'gated-slice-error-dark');
  await page.evaluate(() => window.__stub.setTheme('light'));
  await page.waitForTimeout(400);
  assert.deepEqual((await axeViolations(page)).map((v) => v.id), []);
  await shot(page, 'gated-slice-error-light');
  await page.evaluate(() => window.__stub.setTheme('dark'));
  assert.deepEqual(page.problems, []);
});

test('CSV and PNG export of the Gated view say the unit, its parameters, the format and the held input', async () => {
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  await page.waitForFunction(() => window.__stub.saved.some((s) => s.kind === 'csv'));
  const csv = await page.evaluate(() => {
    const s = window.__stub.saved.find((x) => x.kind === 'csv')!;
    return { name: s.name, text: new TextDecoder().decode(s.bytes) };
  });
  assert.equal(csv.name, 'gelu-lab-gated-swiglu.csv');
  const head = csv.text.split('\r\n').filter((l) => l.startsWith('#'));
  assert.ok(head.includes('# unit: swiglu (SwiGLU), y = act(g)·u; g is the gate'), head.join('\n'));
  assert.ok(head.some((l) => /^# parameters: /.test(l)));
  assert.ok(head.some((l) => l.startsWith('# format: bfloat16')));
  assert.ok(head.includes('# error: ulps of bfloat16 of y_bfloat16 against y'));
  assert.ok(head.includes('# slice: y(g) at u = 1, g from -8 to 8'), head.join('\n'));
  assert.ok(csv.text.includes('\r\ng,y,dy_dg,dy_du,y_bfloat16,error_ulp\r\n'));
  await page.getByRole('button', { name: 'Export PNG…' }).click();
  await page.waitForFunction(() => window.__stub.saved.some((s) => s.kind === 'png'));
  const png = await page.evaluate(() => window.__stub.saved.find((x) => x.kind === 'png')!.bytes.length);
  assert.ok(png > 10_000, `${png} bytes of PNG`);
  const caption = await page.evaluate(() => window.geluPlot.gated?.caption() ?? []);
  assert.match(caption.join('\n'), /SwiGLU; g from −8 to 8, u from −8 to 8\nslices: y\(g\) at u = 1, y\(u\) at g = 1; error of y in bfloat16 \(ulps of the format\)/);
});

test('bad Gated values are refused with the allowed range and change nothing; a parameter the host refuses names its range', async () => {
  const before = await savedGated(page);
  await type(page, 'Slice y(g) at u', '1e6');
  assert.match((await page.locator('.gated-message').textContent()) ?? '', /u must lie within ±10000 \(got 1000000\)/);
  assert.equal(await page.getByLabel('Slice y(g) at u', { exact: true }).inputValue(), '1');
  await type(page, 'g from', '9');
  assert.match((await page.locator('.gated-message').textContent()) ?? '', /g range: the range start \(9\) must be less than its end \(8\)/);
  assert.deepEqual(await savedGated(page), before);
  const n = await draws(page);
  await page.getByLabel('Gated unit', { exact: true }).selectOption('swiglu_oai');
  await settled(page, n, 30_000);
  await type(page, 'SwiGLU gpt-oss limit', '50');
  await page.waitForFunction(() => /limit/.test(document.querySelector('.gated-message')?.textContent ?? ''));
  assert.match((await page.locator('.gated-message').textContent()) ?? '', /limit.*20/);
  assert.equal((await savedGated(page))?.params.limit, undefined, 'the refused limit is not saved');
});

test('the Gated selection (unit, parameters, held inputs, g and u ranges, format) comes back after a reload', async (env) => {
  let n = await draws(page);
  await type(page, 'SwiGLU gpt-oss limit', '5');
  n = await settled(page, n, 30_000);
  await type(page, 'Slice y(g) at u', '2.5');
  n = await settled(page, n, 30_000);
  await type(page, 'u to', '4');
  n = await settled(page, n, 30_000);
  await gatedFormat(page).selectOption('float8_e4m3fn');
  await settled(page, n, 30_000);
  const state = await page.evaluate(() => window.__stub.state);
  assert.deepEqual(state?.gatedView, {
    fn: 'swiglu_oai', params: { limit: 5 }, sliceU: 2.5, sliceG: 1, g: { min: -8, max: 8 }, u: { min: -8, max: 4 }, show: 'error', format: 'float8_e4m3fn', errorKind: 'ulp',
  });
  await page.close();
  page = await open(env, { init: { savedState: state } });
  assert.equal(await page.getByLabel('Gated unit', { exact: true }).inputValue(), 'swiglu_oai');
  assert.equal(await page.getByLabel('SwiGLU gpt-oss limit', { exact: true }).inputValue(), '5');
  assert.equal(await page.getByLabel('Slice y(g) at u', { exact: true }).inputValue(), '2.5');
  assert.equal(await page.getByLabel('u to', { exact: true }).inputValue(), '4');
  assert.equal(await gatedFormat(page).inputValue(), 'float8_e4m3fn');
  const data = await lastGated(page);
  assert.equal(data?.grid.fn, 'swiglu_oai');
  assert.equal(data?.grid.u[data.grid.u.length - 1], 4);
  assert.deepEqual(data?.slices.map((s) => [s.along, s.at, s.error?.format]), [['g', 2.5, 'float8_e4m3fn'], ['u', 1, 'float8_e4m3fn']]);
  assert.deepEqual(page.problems, []);
  await page.close();
});
