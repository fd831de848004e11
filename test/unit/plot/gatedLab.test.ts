import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/configModel';
import { activations } from '../../../src/core/activations';
import { gated } from '../../../src/core/gated';
import { GATED_IDS } from '../../../src/core/types';
import { implementations } from '../../../src/core/implementations';
import { roundTo, ulpIn } from '../../../src/core/precision';
import { gatedCatalogue, gatedCsv, gatedGuides, sampleGated, SLICE_POINTS } from '../../../src/plot/gatedLab';
import { restoreState } from '../../../src/plot/session';
import { defaultState, errorAgainst as errorOf } from '../../../src/plot/sampling';
import { PlotSession } from '../../../src/plot/session';
import { DEFAULT_GATED_SELECTION, type GatedSampleRequest, type HostToWebview, parseGatedData, parsePlotState, parseWebviewMessage } from '../../../src/protocol';
import { contourLevels, contourSegments } from '../../../webview/contours';

const swiglu: GatedSampleRequest = { fn: 'swiglu', g: { min: -8, max: 8 }, u: { min: -8, max: 8 }, gCount: 33, uCount: 17, slices: [{ along: 'g', at: 1 }, { along: 'u', at: 1 }] };

describe('plot Gated view (host side)', () => {
  it('fills the grid with exactly gated[id].f at each grid point, g the slow index, for every unit', () => {
    for (const fn of GATED_IDS) {
      const data = sampleGated({ ...swiglu, fn });
      assert.ok(typeof data !== 'string', String(data));
      const { g, u, y } = data.grid;
      assert.equal(g.length, 33);
      assert.equal(u.length, 17);
      assert.equal(g[0], -8);
      assert.equal(g[32], 8);
      assert.equal(u[8], 0);
      for (let i = 0; i < g.length; i++) for (let j = 0; j < u.length; j++) assert.equal(y[i * u.length + j], gated[fn].f(g[i]!, u[j]!), `${fn} at (${g[i]}, ${u[j]})`);
      assert.ok(parseGatedData({ type: 'gated/data', requestId: 1, ...data }).ok, fn);
    }
  });

  it('gives the SwiGLU slice at u = 1 as SiLU(g) with ∂y/∂g = SiLU′(g) and ∂y/∂u = SiLU(g)', () => {
    const data = sampleGated(swiglu);
    assert.ok(typeof data !== 'string');
    const [alongG, alongU] = data.slices;
    assert.equal(alongG?.x.length, SLICE_POINTS);
    for (let k = 0; k < alongG!.x.length; k++) {
      const x: number = alongG!.x[k]!;
      assert.equal(alongG!.y[k], gated.swiglu.f(x, 1));
      assert.ok(Math.abs(alongG!.y[k]! - activations.silu.f(x)) <= 2 * Number.EPSILON * Math.max(1, Math.abs(x)), `SiLU(${x})`);
      assert.ok(Math.abs(alongG!.dg[k]! - activations.silu.df(x)) <= 1e-15, `SiLU′(${x})`);
      assert.equal(alongG!.du[k], gated.swiglu.du(x, 1));
    }
    // y(u) at g = 1 is a line through 0 with slope SiLU(1).
    assert.equal(alongU?.along, 'u');
    assert.ok(Math.abs(alongU!.du[0]! - activations.silu.f(1)) < 1e-15);
  });

  it('uses the chosen parameters (gpt-oss limit 5 clamps there) and draws the clamps where they are', () => {
    const data = sampleGated({ ...swiglu, fn: 'swiglu_oai', params: { limit: 5 }, slices: [{ along: 'u', at: 1 }] });
    assert.ok(typeof data !== 'string');
    const { u, y } = data.grid;
    const row = 20; // g = 2
    const at = (j: number) => y[row * u.length + j]!;
    assert.equal(at(0), at(1), 'u below −5 is clamped');
    assert.equal(at(0), gated.swiglu_oai.f(2, -5, { limit: 5 }));
    assert.deepEqual(data.guides.map((x) => [x.axis, x.at]), [['g', 5], ['u', 5], ['u', -5]]);
    assert.deepEqual(gatedGuides('swiglu_oai', {}).map((x) => x.at), [7, 7, -7]);
    assert.deepEqual(gatedGuides('reglu', {}).map((x) => [x.axis, x.at]), [['g', 0]]);
    assert.deepEqual(gatedGuides('swiglu', {}), []);
  });

  it('refuses a parameter out of range or unknown with the range in the message', () => {
    const out = sampleGated({ ...swiglu, fn: 'swiglu_oai', params: { limit: 100 } });
    assert.equal(typeof out, 'string');
    assert.match(String(out), /limit/);
    assert.match(String(out), /20/);
    assert.equal(typeof sampleGated({ ...swiglu, params: { alpha: 1 } }), 'string');
  });

  it('lists every gated unit for the picker with its gate convention', () => {
    const units = gatedCatalogue();
    assert.deepEqual(units.map((u) => u.id), [...GATED_IDS]);
    assert.match(units.find((u) => u.id === 'glu')!.gate, /SECOND half/);
  });

  it('answers gated/sample through the session, and refuses a bad one with an error reply', async () => {
    const posted: HostToWebview[] = [];
    const session = new PlotSession({
      mode: 'panel', plotConfig: () => DEFAULT_CONFIG.plot, post: (m) => posted.push(m), save: () => Promise.resolve(null),
      writeClipboard: () => Promise.resolve(), log: () => undefined,
    });
    await session.handle({ type: 'ready', state: null });
    const init = posted.find((m) => m.type === 'plot/init');
    assert.ok(init?.type === 'plot/init' && init.gated?.length === GATED_IDS.length);
    await session.handle({ type: 'gated/sample', requestId: 7, request: swiglu });
    const reply = posted.at(-1);
    assert.ok(reply?.type === 'gated/data' && reply.requestId === 7 && reply.grid.y.length === 33 * 17);
    await session.handle({ type: 'gated/sample', requestId: 8, request: { ...swiglu, fn: 'swiglu_oai', params: { alpha: 9 } } });
    const refused = posted.at(-1);
    assert.ok(refused?.type === 'error' && refused.requestId === 8, JSON.stringify(refused));
  });
});

describe('plot Gated view: slices in a format, their error, export and the saved selection', () => {
  it('gives each slice y as a bfloat16 SwiGLU kernel computes it (silu op by op, product rounded) and its error in ulps of bfloat16', () => {
    const data = sampleGated({ ...swiglu, format: 'bfloat16', errorKind: 'ulp' });
    assert.ok(typeof data !== 'string');
    for (const s of data.slices) {
      assert.ok(s.rounded && s.error, 'a rounded curve and its error');
      assert.equal(s.error.format, 'bfloat16');
      for (let k = 0; k < s.x.length; k += 20) {
        const [g, u] = s.along === 'g' ? [s.x[k]!, s.at] : [s.at, s.x[k]!];
        const want = roundTo(implementations.silu.evaluate(g, 'bfloat16', 'per-op') * roundTo(u, 'bfloat16'), 'bfloat16');
        assert.equal(s.rounded[k], want, `${s.along} = ${s.x[k]}`);
        const exact = s.y[k]!;
        if (exact !== 0) assert.equal(s.error.y[k], Math.abs(want - exact) / ulpIn(exact, 'bfloat16'));
      }
      // A few bfloat16 roundings (σ, x·σ, the product) plus the rounded inputs where |∂y| is large.
      assert.ok(s.error.max > 0.05 && s.error.max < 64, `max ${s.error.max} ulps`);
      assert.ok(s.x.includes(s.error.argmax));
    }
    assert.ok(parseGatedData({ type: 'gated/data', requestId: 1, ...data }).ok);
    // float64 or no format: exact slices only.
    const exact = sampleGated({ ...swiglu, format: 'float64' });
    assert.ok(typeof exact !== 'string' && exact.slices.every((s) => s.rounded === undefined && s.error === undefined));
  });

  it('covers FP8 (e4m3fn) slices: every value an e4m3 number, relative error of a few e4m3 roundings', () => {
    const data = sampleGated({ ...swiglu, g: { min: -4, max: 4 }, u: { min: -4, max: 4 }, format: 'float8_e4m3fn', errorKind: 'rel' });
    assert.ok(typeof data !== 'string');
    const s = data.slices[0]!;
    assert.ok(s.rounded!.every((v) => v === roundTo(v, 'float8_e4m3fn')), 'every value is an e4m3 number');
    assert.ok(s.error!.max > 0.01 && s.error!.max < 1, `max relative error ${s.error!.max}`);
  });

  it('measures absolute and relative error, NaN where the relative error is undefined', () => {
    const x = new Float64Array([0, 1, 2]);
    const exact = new Float64Array([0, 1, 4]);
    const approx = new Float64Array([0.5, 1.25, 4]);
    assert.deepEqual([...errorOf(approx, exact, x, 'abs', 'float32').y], [0.5, 0.25, 0]);
    const rel = errorOf(approx, exact, x, 'rel', 'float32');
    assert.ok(Number.isNaN(rel.y[0]!));
    assert.equal(rel.y[1], 0.25);
    assert.deepEqual([rel.max, rel.argmax], [0.25, 1]);
  });

  it('exports the slices as CSV opening with # lines naming the unit, every parameter, the format, the error unit and each held input', () => {
    const req: GatedSampleRequest = { ...swiglu, fn: 'swiglu_oai', params: { limit: 5 }, format: 'float16', errorKind: 'rel' };
    const data = sampleGated(req);
    assert.ok(typeof data !== 'string');
    const lines = gatedCsv(data, req).split('\r\n');
    const comments = lines.filter((l) => l.startsWith('#'));
    assert.match(comments.join('\n'), /# unit: swiglu_oai/);
    assert.match(comments.join('\n'), /# parameters: .*alpha=1\.702.*limit=5/);
    assert.match(comments.join('\n'), /# format: float16/);
    assert.match(comments.join('\n'), /# error: relative of y_float16 against y/);
    assert.ok(comments.includes('# slice: y(g) at u = 1, g from -8 to 8'), comments.join('\n'));
    assert.ok(comments.includes('# slice: y(u) at g = 1, u from -8 to 8'));
    const head = lines.indexOf('g,y,dy_dg,dy_du,y_float16,error_rel');
    assert.ok(head > 0);
    const first = lines[head + 1]!.split(',').map(Number);
    assert.equal(first[0], -8);
    assert.equal(first[1], gated.swiglu_oai.f(-8, 1, { limit: 5 }));
  });

  it('saves a CSV through the session for gated/export-csv, and refuses a bad name', async () => {
    const posted: HostToWebview[] = [];
    const saved: string[] = [];
    const session = new PlotSession({
      mode: 'panel', plotConfig: () => DEFAULT_CONFIG.plot, post: (m) => posted.push(m),
      save: (bytes, name) => {
        saved.push(`${name}:${new TextDecoder().decode(bytes).slice(0, 40)}`);
        return Promise.resolve(`/tmp/${name}`);
      },
      writeClipboard: () => Promise.resolve(), log: () => undefined,
    });
    await session.handle({ type: 'ready', state: null });
    await session.handle({ type: 'gated/export-csv', requestId: 3, request: swiglu, suggestedName: 'swiglu.csv' });
    assert.deepEqual(posted.at(-1), { type: 'export/done', requestId: 3, path: '/tmp/swiglu.csv' });
    assert.match(saved[0]!, /^swiglu\.csv:# GELU Lab export: gated unit/);
    assert.equal(parseWebviewMessage({ type: 'gated/export-csv', requestId: 4, request: swiglu, suggestedName: '../x.csv' }).ok, false);
  });

  it('keeps the Gated selection in a saved state and refuses bad values with the range in the message', () => {
    const defaults = defaultState(DEFAULT_CONFIG.plot, 'panel');
    const sel = { ...DEFAULT_GATED_SELECTION, fn: 'swiglu_oai' as const, params: { limit: 5 }, sliceU: 2.5, g: { min: -3, max: 9 }, show: 'error' as const, format: 'float8_e5m2' as const };
    const saved = { ...defaults, gatedView: sel };
    assert.deepEqual(restoreState(saved, defaults), { state: saved, problems: [] });
    // A parameter out of its range: dropped (the view starts from its defaults), the problem names the range.
    const badParam = restoreState({ ...defaults, gatedView: { ...sel, params: { limit: 50 } } }, defaults);
    assert.equal(badParam.state?.gatedView, undefined);
    assert.match(badParam.problems.join(' '), /limit.*20/);
    // A held input beyond ±10000, an empty g range, an unknown format: refused with what is allowed; the rest of the state kept.
    const far = parsePlotState({ ...saved, gatedView: { ...sel, sliceU: 1e6 } });
    assert.ok(!far.ok && /sliceU must lie within ±10000/.test(far.error), JSON.stringify(far));
    const empty = parsePlotState({ ...saved, gatedView: { ...sel, g: { min: 3, max: 3 } } });
    assert.ok(!empty.ok && /gatedView\.g: the range start \(3\) must be less than its end/.test(empty.error), JSON.stringify(empty));
    const fmt = restoreState({ ...saved, pins: [1], gatedView: { ...sel, format: 'float128' } }, defaults);
    assert.deepEqual(fmt.state?.pins, [1]);
    assert.equal(fmt.state?.gatedView, undefined);
    assert.match(fmt.problems.join(' '), /gatedView\.format must be one of float64, float32, bfloat16, float16, float8_e4m3fn, float8_e5m2/);
    // `__proto__` as a parameter name is refused, not turned into a prototype.
    assert.equal(parsePlotState({ ...saved, gatedView: { ...sel, params: JSON.parse('{"__proto__": 1}') as object } }).ok, false);
  });
});

describe('plot Gated view (webview drawing helpers)', () => {
  it('traces the 0 contour of y = g·u along both axes (marching squares on the host grid)', () => {
    const n = 5; // g, u ∈ {−2, −1, 0, 1, 2}
    const y = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[i * n + j] = (i - 2 + 0.5) * (j - 2 + 0.5);
    const seg = contourSegments(y, n, n, 0);
    assert.ok(seg.length > 0 && seg.length % 4 === 0);
    for (let k = 0; k < seg.length; k += 2) {
      // Every crossing lies on i = 1.5 or j = 1.5, where g·u changes sign.
      assert.ok(Math.abs(seg[k]! - 1.5) < 1e-12 || Math.abs(seg[k + 1]! - 1.5) < 1e-12, `${seg[k]}, ${seg[k + 1]}`);
    }
    assert.deepEqual(contourSegments(new Float64Array(9).fill(1), 3, 3, 0), []);
  });

  it('picks round contour levels symmetric about 0', () => {
    assert.deepEqual(contourLevels(10), [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]);
    assert.deepEqual(contourLevels(0), [0]);
    assert.deepEqual(contourLevels(NaN), [0]);
  });
});
