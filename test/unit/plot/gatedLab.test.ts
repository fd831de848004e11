import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/configModel';
import { activations } from '../../../src/core/activations';
import { gated } from '../../../src/core/gated';
import { GATED_IDS } from '../../../src/core/types';
import { gatedCatalogue, gatedGuides, sampleGated, SLICE_POINTS } from '../../../src/plot/gatedLab';
import { PlotSession } from '../../../src/plot/session';
import { type GatedSampleRequest, type HostToWebview, parseGatedData } from '../../../src/protocol';
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
