import * as assert from 'node:assert/strict';
import { activations } from '../../../src/core/activations';
import { FUNCTION_IDS } from '../../../src/core/types';
import { DEFAULT_CONFIG } from '../../../src/configModel';
import { checkRange, type HostToWebview, MAX_SAMPLES_PER_REQUEST, parsePlotState, type PlotState, type SampleRequest } from '../../../src/protocol';
import { csvNumber, defaultState, DRAW_BUDGET, samplePlot, sampleCount, toCsv, ulpIn } from '../../../src/plot/sampling';
import { restoreState } from '../../../src/plot/session';
import { decodeBase64, PlotSession, type SessionEnv } from '../../../src/plot/session';
import { sampleRequest } from '../../support/fixtures';

/** The functions of the state a plot/init message carries. */
function initFunctions(m: HostToWebview | undefined): readonly string[] {
  assert.equal(m?.type, 'plot/init');
  return m?.type === 'plot/init' ? m.state.functions : [];
}

function fakeEnv(overrides: Partial<SessionEnv> = {}): SessionEnv & { posted: HostToWebview[]; logs: string[]; saved: { name: string; bytes: Uint8Array }[] } {
  const posted: HostToWebview[] = [];
  const logs: string[] = [];
  const saved: { name: string; bytes: Uint8Array }[] = [];
  return {
    mode: 'panel',
    plotConfig: () => DEFAULT_CONFIG.plot,
    post: (m) => posted.push(m),
    save: async (bytes, name) => {
      saved.push({ name, bytes });
      return `/tmp/${name}`;
    },
    writeClipboard: async () => undefined,
    log: (level, message) => logs.push(`${level}: ${message}`),
    posted,
    logs,
    saved,
    ...overrides,
  };
}

const request = sampleRequest({ functions: ['gelu', 'gelu_tanh', 'gelu_sigmoid'], widthPx: 500 });

describe('plot session (host side, without VS Code)', () => {
  it('answers ready with the catalogue (GELU family first) and the configured defaults', async () => {
    const env = fakeEnv();
    const session = new PlotSession(env);
    await session.handle({ type: 'ready', state: null });
    const init = env.posted[0];
    assert.equal(init?.type, 'plot/init');
    if (init?.type !== 'plot/init') return;
    assert.deepEqual(init.catalogue.slice(0, 3).map((f) => f.id), ['gelu', 'gelu_tanh', 'gelu_sigmoid']);
    assert.equal(init.catalogue.length, FUNCTION_IDS.length);
    assert.deepEqual(init.state, defaultState(DEFAULT_CONFIG.plot, 'panel'));
    assert.deepEqual(init.state.functions, ['gelu', 'gelu_tanh', 'gelu_sigmoid']);
    assert.equal(init.catalogue.find((f) => f.id === 'gelu_sigmoid')?.params[0]?.default, 1.702);
  });

  it('prefers the webview\'s saved state, then the serializer\'s, then the settings', async () => {
    const saved = { ...defaultState(DEFAULT_CONFIG.plot, 'panel'), functions: ['tanh'] as const, pins: [1] };
    const fromWebview = fakeEnv();
    await new PlotSession(fromWebview, { ...saved, functions: ['silu'] }).handle({ type: 'ready', state: saved });
    assert.deepEqual(initFunctions(fromWebview.posted[0]), ['tanh']);
    const fromSerializer = fakeEnv();
    await new PlotSession(fromSerializer, saved).handle({ type: 'ready', state: null });
    assert.deepEqual(initFunctions(fromSerializer.posted[0]), ['tanh']);
    const broken = fakeEnv();
    await new PlotSession(broken, { functions: 3 }).handle({ type: 'ready', state: { nonsense: true } });
    assert.deepEqual(initFunctions(broken.posted[0]), ['gelu', 'gelu_tanh', 'gelu_sigmoid']);
    assert.equal(broken.logs.filter((l) => l.startsWith('warn')).length, 2);
  });

  it('restores a saved state whose range the host refuses (0…1e-8 moved to 5000) with the home range, keeping the rest', async () => {
    const saved = {
      ...defaultState(DEFAULT_CONFIG.plot, 'panel'), functions: ['silu', 'mish'], pins: [5000], home: { min: 0, max: 1e-8 },
      range: { min: 5000 - 5e-9, max: 5000 + 5e-9 },
    };
    assert.notEqual(checkRange(saved.range.min, saved.range.max), null);
    for (const [restored, fromWebview] of [[saved, null], [undefined, saved]] as const) {
      const env = fakeEnv();
      await new PlotSession(env, restored).handle({ type: 'ready', state: fromWebview });
      const init = env.posted[0];
      assert.ok(init?.type === 'plot/init');
      assert.ok(parsePlotState(init.state).ok);
      assert.deepEqual(init.state.functions, ['silu', 'mish']);
      assert.deepEqual(init.state.pins, [5000]);
      assert.deepEqual(init.state.range, { min: 0, max: 1e-8 });
      assert.deepEqual(init.state.home, { min: 0, max: 1e-8 });
      assert.equal(env.logs.length, 1);
      assert.match(env.logs[0] ?? '', /^warn: .*state\.range.*too narrow/);
    }
  });

  it('replaces each unusable field of a saved state by the default and keeps the valid ones', () => {
    const defaults = defaultState(DEFAULT_CONFIG.plot, 'panel');
    const home = { min: -1, max: 1 };
    const { state, problems } = restoreState({ ...defaults, functions: ['constructor'], home, range: 'wide', view: 'error', pins: [1, NaN], precision: 'bfloat16' }, defaults);
    assert.ok(state);
    const expected: PlotState = { ...defaults, home, range: home, view: 'error', precision: 'bfloat16' };
    assert.deepEqual(state, expected);
    assert.equal(problems.length, 3);
    assert.deepEqual(restoreState({ nonsense: true }, defaults).state, undefined);
    assert.deepEqual(restoreState(7, defaults).state, undefined);
    assert.deepEqual(restoreState({ ...defaults, pins: [2] }, defaults), { state: { ...defaults, pins: [2] }, problems: [] });
  });

  it('queues host notifications (Plot at x) until the webview is ready', async () => {
    const env = fakeEnv();
    const session = new PlotSession(env);
    session.send({ type: 'plot/pin', x: 2 });
    assert.equal(env.posted.length, 0);
    await session.handle({ type: 'ready', state: null });
    assert.deepEqual(env.posted.map((m) => m.type), ['plot/init', 'plot/pin']);
  });

  it('answers every request exactly once: data, or an error reply with the same id', async () => {
    const env = fakeEnv();
    const session = new PlotSession(env);
    await session.handle({ type: 'plot/sample', requestId: 1, request });
    await session.handle({ type: 'plot/sample', requestId: 2, request: { ...request, params: { gelu_sigmoid: { k: 99 } } } });
    await session.handle({ type: 'plot/sample', requestId: 3, request: { ...request, widthPx: -5 } });
    await session.handle({ type: 'plot/evaluate', requestId: 4, request: { x: 1, functions: ['gelu'], params: {}, orders: [0], precision: 'float64' } });
    await session.handle({ type: 'bogus', requestId: 5 });
    await session.handle(undefined);
    assert.deepEqual(env.posted.map((m) => [m.type, 'requestId' in m ? m.requestId : undefined]), [
      ['plot/data', 1], ['error', 2], ['error', 3], ['plot/values', 4], ['error', 5], ['error', null],
    ]);
    assert.match((env.posted[1] as { message: string }).message, /k must be between 0\.5 and 4 \(got 99\)/);
  });

  it('turns an unexpected failure into an error reply, never a throw', async () => {
    const env = fakeEnv({ save: async () => { throw new Error('disk full'); } });
    await new PlotSession(env).handle({ type: 'export/png', requestId: 9, dataUrl: 'data:image/png;base64,iVBORw0KGgo=', suggestedName: 'a.png' });
    assert.deepEqual(env.posted, [{ type: 'error', requestId: 9, message: 'disk full' }]);
    assert.ok(env.logs.some((l) => /export\/png failed: disk full/.test(l)));
  });

  it('saves the PNG bytes it was sent, and CSV of freshly sampled data', async () => {
    const env = fakeEnv();
    const session = new PlotSession(env);
    await session.handle({ type: 'export/png', requestId: 1, dataUrl: 'data:image/png;base64,iVBORw0KGgo=', suggestedName: 'p.png' });
    assert.deepEqual([...(env.saved[0]?.bytes ?? [])], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await session.handle({ type: 'export/csv', requestId: 2, request: { ...request, widthPx: 16 }, suggestedName: 'd.csv' });
    const csv = new TextDecoder().decode(env.saved[1]?.bytes);
    const lines = csv.split('\r\n').filter((l) => !l.startsWith('#'));
    assert.equal(lines[0], 'x,gelu,gelu_d1,gelu_d2,gelu_tanh,gelu_tanh_d1,gelu_tanh_d2,gelu_sigmoid,gelu_sigmoid_d1,gelu_sigmoid_d2');
    assert.equal(lines.length, 32 + 2);
    assert.equal(lines[1]?.split(',')[1], String(activations.gelu.f(-4)));
    assert.deepEqual(env.posted.map((m) => m.type), ['export/done', 'export/done']);
  });
});

describe('plot sampling', () => {
  it('samples 1–4 points per pixel across the whole range, with the core\'s values', () => {
    assert.equal(sampleCount(1000, 2), 2000);
    assert.equal(sampleCount(1000, 9), 4000);
    assert.equal(sampleCount(1000, 0), 1000);
  });

  it(`lowers the samples per pixel towards 1 when the curves would draw more than ${DRAW_BUDGET} values (redraws stay within a frame)`, () => {
    // 6 functions × (f, f′, f″) at 2000 px: 2 per pixel would be 72,000 values.
    assert.equal(sampleCount(2000, 2, 18), Math.round(DRAW_BUDGET / 18));
    assert.ok(sampleCount(2000, 2, 18) * 18 <= DRAW_BUDGET);
    // Never below one per pixel: 29 functions × 3 orders at 2000 px still get 2000 samples.
    assert.equal(sampleCount(2000, 2, 87), 2000);
    // A small plot keeps the setting.
    assert.equal(sampleCount(800, 2, 9), 1600);
  });

  it('samples the whole range with the core\'s values', () => {
    const data = samplePlot(request, 2);
    assert.ok(typeof data !== 'string');
    assert.equal(data.x.length, 1000);
    assert.equal(data.x[0], -4);
    assert.equal(data.x[999], 4);
    assert.equal(data.curves.length, 9);
    const geluF = data.curves.find((c) => c.fn === 'gelu' && c.order === 0);
    assert.equal(geluF?.y[500], activations.gelu.f(data.x[500] as number));
    assert.equal(geluF?.rounded, undefined);
  });

  it(`answers the largest valid request (every function, f f′ f″, 8192 px × 4, float16) with at most ${MAX_SAMPLES_PER_REQUEST} values`, () => {
    const largest: SampleRequest = { ...request, functions: [...FUNCTION_IDS], widthPx: 8192, precision: 'float16' };
    const data = samplePlot(largest, 4);
    assert.ok(typeof data !== 'string');
    assert.equal(data.curves.length, FUNCTION_IDS.length * 3);
    assert.ok(data.curves.length * data.x.length <= MAX_SAMPLES_PER_REQUEST, `${data.curves.length} × ${data.x.length}`);
    assert.ok(data.x.length >= Math.floor(MAX_SAMPLES_PER_REQUEST / data.curves.length) - 1, `${data.x.length} points a curve`);
    assert.equal(data.x[0], -4);
    assert.equal(data.x[data.x.length - 1], 4);
    const errors = samplePlot({ ...largest, view: 'error' }, 4);
    assert.ok(typeof errors !== 'string');
    assert.ok(errors.errors.length * errors.x.length <= MAX_SAMPLES_PER_REQUEST);
    // An ordinary request keeps the setting: 3 functions × 3 orders × 1000 px × 4 is within the draw budget.
    assert.equal(sampleCount(1000, 4, 9), 4000);
  });

  it('rounds input and output in a narrower precision (bfloat16 keeps 8 significant bits)', () => {
    const data = samplePlot({ ...request, functions: ['gelu'], orders: [0], precision: 'bfloat16' }, 2);
    assert.ok(typeof data !== 'string');
    const c = data.curves[0];
    assert.ok(c?.rounded);
    for (const v of c.rounded) {
      if (v === 0) continue;
      const scaled = Math.abs(v) / 2 ** (Math.floor(Math.log2(Math.abs(v))) - 7);
      assert.equal(scaled, Math.round(scaled), `${v} is a bfloat16`);
    }
    assert.ok(data.notes.some((n) => /bfloat16/.test(n)));
  });

  it('measures each approximation against exact GELU, with its maximum and where', () => {
    const data = samplePlot({ ...request, view: 'error', orders: [0] }, 4);
    assert.ok(typeof data !== 'string');
    assert.deepEqual(data.errors.map((e) => [e.fn, e.reference]), [['gelu_tanh', 'gelu'], ['gelu_sigmoid', 'gelu']]);
    const tanh = data.errors[0];
    // mpmath: max |tanh approximation − GELU| on [−4, 4] is 4.7323e−4 near x = ±2.698 (the error is even).
    assert.ok(tanh && Math.abs(tanh.max - 4.7323e-4) < 2e-7 && Math.abs(Math.abs(tanh.argmax) - 2.698) < 0.01, `${tanh?.max} at ${tanh?.argmax}`);
    const quick = data.errors[1];
    // mpmath: max |QuickGELU − GELU| on [−4, 4] is 2.0335e−2 near x = ±2.27.
    assert.ok(quick && Math.abs(quick.max - 2.0335e-2) < 1e-5 && Math.abs(Math.abs(quick.argmax) - 2.27) < 0.01, `${quick?.max} at ${quick?.argmax}`);
    assert.ok(data.keyPoints.length === 0 && data.curves.length === 0);
  });

  it('explains an empty error view', () => {
    const data = samplePlot({ ...request, functions: ['gelu', 'tanh'], view: 'error' }, 1);
    assert.ok(typeof data !== 'string');
    assert.equal(data.errors.length, 0);
    assert.match(data.notes[0] ?? '', /pick an approximation/);
  });

  it('gives rounding error in ulps of the narrow format: float16 rounding is at most half an ulp', () => {
    const data = samplePlot({ ...request, functions: ['tanh'], orders: [0], view: 'error', errorKind: 'ulp', precision: 'float16', range: { min: 0.5, max: 3 } }, 4);
    assert.ok(typeof data !== 'string');
    const e = data.errors[0];
    // Only the output rounding counts at x where the input is a float16 already; overall the
    // input rounding adds up to |tanh′|·ulp(x)/2, so stay generous but far below 1 ulp·2^13.
    assert.ok(e && e.max > 0.2 && e.max < 4, `max ${e?.max} ulp`);
    assert.equal(ulpIn(1, 'float16'), 2 ** -10);
    assert.equal(ulpIn(1, 'bfloat16'), 2 ** -7);
    assert.equal(ulpIn(3, 'float32'), 2 ** -22);
    assert.equal(ulpIn(0, 'float16'), 2 ** -24);
  });

  it('writes CSV numbers that round-trip, and non-finite values as NumPy reads them', () => {
    assert.equal(csvNumber(-0.16997120747990366), '-0.16997120747990366');
    assert.equal(Number(csvNumber(0.1 + 0.2)), 0.1 + 0.2);
    assert.deepEqual([NaN, Infinity, -Infinity].map(csvNumber), ['nan', 'inf', '-inf']);
    const req = { ...request, functions: ['gelu_tanh'], view: 'error', orders: [1], errorKind: 'rel', widthPx: 16 } as const;
    const data = samplePlot(req, 1);
    assert.ok(typeof data !== 'string');
    const lines = toCsv(data, req).split('\r\n');
    assert.match(lines.find((l) => !l.startsWith('#')) ?? '', /^x,gelu_tanh_d1_rel_error_vs_gelu$/);
  });

  it('opens an exported CSV with comment lines naming functions, parameters in force, format and range', () => {
    const req = { ...request, functions: ['gelu_tanh', 'gelu_sigmoid'], params: { gelu_sigmoid: { k: 1.5 } }, precision: 'bfloat16', view: 'error', errorKind: 'ulp', range: { min: -3, max: 2.5 }, widthPx: 16 } as const;
    const data = samplePlot(req, 1);
    assert.ok(typeof data !== 'string');
    const header = toCsv(data, req).split('\r\n').filter((l) => l.startsWith('#'));
    assert.ok(header.includes('# functions: gelu_tanh gelu_sigmoid'), header.join('\n'));
    assert.ok(header.includes('# parameters: gelu_tanh.c=0.044715 gelu_sigmoid.k=1.5'), header.join('\n'));
    assert.ok(header.some((l) => l.startsWith('# format: bfloat16')), header.join('\n'));
    assert.ok(header.includes('# range: x from -3 to 2.5'), header.join('\n'));
    assert.ok(header.includes('# error: ulps of bfloat16'), header.join('\n'));
  });

  it('decodes base64 exactly', () => {
    assert.deepEqual([...decodeBase64('AAEC/w==')], [0, 1, 2, 255]);
  });
});
