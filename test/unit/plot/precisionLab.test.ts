import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/configModel';
import { implementations } from '../../../src/core/implementations';
import { activations } from '../../../src/core/activations';
import { roundToFormat, ulpIn } from '../../../src/core/precision';
import { sweep } from '../../../src/core/sweep';
import { failureOf, implementationCatalogue, precisionGrid, precisionPlot } from '../../../src/plot/precisionLab';
import { PlotSession } from '../../../src/plot/session';
import type { HostToWebview, PrecisionRequest } from '../../../src/protocol';

const tanhBf16: PrecisionRequest = { implementations: ['gelu_tanh'], format: 'bfloat16', mode: 'per-op', range: { min: -12, max: 4 }, widthPx: 400 };

describe('plot Precision view (host side)', () => {
  it('samples values of the format, ascending, inside the range', () => {
    const xs = precisionGrid('bfloat16', -12, 4, 400);
    assert.ok(xs.length > 100 && xs.length <= 800);
    for (let i = 0; i < xs.length; i++) {
      assert.equal(roundToFormat(xs[i]!, 'bfloat16'), xs[i]);
      assert.ok(xs[i]! >= -12 && xs[i]! <= 4);
      if (i > 0) assert.ok(xs[i]! > xs[i - 1]!);
    }
    // A narrow range of an 8-bit format holds few values: every one of them is sent.
    assert.deepEqual([...precisionGrid('float8_e4m3fn', 1, 2, 400)], [1, 1.125, 1.25, 1.375, 1.5, 1.625, 1.75, 1.875, 2]);
    const f32 = precisionGrid('float32', -1, 1, 300);
    assert.ok(f32.length > 500 && f32.length <= 600);
  });

  it('shows bfloat16 gelu_tanh per-op flushing to zero below x ≈ −6 (1 + tanh(u) = 0) while the true value is not 0', () => {
    const data = precisionPlot(tanhBf16);
    const zero = data.bands.filter((b) => b.impl === 'gelu_tanh' && b.kind === 'zero');
    assert.ok(zero.length > 0, JSON.stringify(data.bands));
    assert.ok(zero.some((b) => b.from < -8 && b.to > -7), JSON.stringify(zero));
    assert.ok(zero.every((b) => b.to < -3), JSON.stringify(zero));
    // The curve at a point inside the band is not measured as ulps (y = 0 there is a failure, shaded).
    const [series] = data.series;
    assert.equal(series?.y.length, data.x.length);
    assert.ok(series!.y.some((v) => v > 0));
  });

  it('gives each curve point as |y − r| / ulp(r) against the correctly rounded own function', () => {
    const data = precisionPlot({ ...tanhBf16, range: { min: 0.5, max: 3 } });
    const truth = activations.gelu_tanh.batch(data.x, 0);
    let nonzero = 0;
    for (let i = 0; i < data.x.length; i++) {
      const y = implementations.gelu_tanh.evaluate(data.x[i]!, 'bfloat16', 'per-op');
      const r = roundToFormat(truth[i]!, 'bfloat16');
      assert.equal(data.series[0]!.y[i], Math.abs(y - r) / ulpIn(r, 'bfloat16'), `x = ${data.x[i]}`);
      if (y !== r) nonzero++;
    }
    assert.ok(nonzero > 0, 'bfloat16 per-op gelu_tanh is not exact everywhere');
  });

  it('puts the core sweep in the table against the own function and exact GELU, and as Markdown', () => {
    const data = precisionPlot({ ...tanhBf16, implementations: ['gelu_erf', 'gelu_tanh'] });
    assert.deepEqual(data.table.map((r) => `${r.impl}/${r.reference}`), ['gelu_erf/own', 'gelu_erf/gelu', 'gelu_tanh/own', 'gelu_tanh/gelu']);
    const own = data.table[2]!;
    const expected = sweep('gelu_tanh', 'bfloat16', 'per-op', 'own');
    assert.equal(own.maxUlp, expected.maxUlp);
    assert.equal(own.zeroWhereNonzero, expected.zeroWhereNonzero);
    assert.equal(own.count, 65536 - 256); // every finite bfloat16 value: all but the 2 × 128 patterns of exponent 255
    assert.ok(own.maxUlp > 0);
    assert.ok(own.zeroWhereNonzero > 0);
    assert.match(data.markdown, /^Error in ulps of bfloat16, mode per-op, over every finite bfloat16 value/);
    assert.match(data.markdown, /\| gelu_tanh \| own \(gelu_tanh\) \| /);
    assert.match(data.markdown, /\| gelu_tanh \| exact GELU \| /);
    assert.equal(data.markdown.trim().split('\n').length, 4 + 4);
  });

  it('classifies failures: NaN, ±∞, zero where nonzero, wrong sign', () => {
    assert.equal(failureOf(NaN, 1), 'nan');
    assert.equal(failureOf(Infinity, 3), 'inf');
    assert.equal(failureOf(0, -1e-30), 'zero');
    assert.equal(failureOf(-0.5, 0.5), 'sign');
    assert.equal(failureOf(1.5, 1), null);
    assert.equal(failureOf(Infinity, Infinity), null);
  });

  it('e4m3fn overflow shows as NaN (the format has no infinities)', () => {
    const data = precisionPlot({ implementations: ['gelu_tanh'], format: 'float8_e4m3fn', mode: 'per-op', range: { min: -448, max: 448 }, widthPx: 200 });
    assert.ok(data.bands.some((b) => b.kind === 'nan'), JSON.stringify(data.bands.slice(0, 5)));
    assert.ok(data.notes.some((n) => /no infinities/.test(n)));
  });

  it('offers every core implementation to the picker', () => {
    assert.equal(implementationCatalogue().length, Object.keys(implementations).length);
  });

  it('answers precision/sample through the session, and refuses an unknown id with an error reply', async () => {
    const posted: HostToWebview[] = [];
    const session = new PlotSession({
      mode: 'panel', plotConfig: () => DEFAULT_CONFIG.plot, post: (m) => posted.push(m), save: async () => null, writeClipboard: async () => undefined, log: () => undefined,
    });
    await session.handle({ type: 'ready', state: null });
    const init = posted[0];
    assert.ok(init?.type === 'plot/init' && (init.implementations?.length ?? 0) > 0);
    await session.handle({ type: 'precision/sample', requestId: 7, request: tanhBf16 });
    const reply = posted.at(-1);
    assert.equal(reply?.type, 'precision/data');
    assert.ok(reply?.type === 'precision/data' && reply.requestId === 7 && reply.series.length === 1);
    await session.handle({ type: 'precision/sample', requestId: 8, request: { ...tanhBf16, implementations: ['constructor'] } });
    const refusal = posted.at(-1);
    assert.ok(refusal?.type === 'error' && refusal.requestId === 8 && /unknown implementation/.test(refusal.message));
  });

  it('queues plot/show until the webview is ready', async () => {
    const posted: HostToWebview[] = [];
    const session = new PlotSession({
      mode: 'panel', plotConfig: () => DEFAULT_CONFIG.plot, post: (m) => posted.push(m), save: async () => null, writeClipboard: async () => undefined, log: () => undefined,
    });
    session.send({ type: 'plot/show', show: { functions: ['gelu', 'gelu_tanh'] } });
    assert.equal(posted.length, 0);
    await session.handle({ type: 'ready', state: null });
    assert.deepEqual(posted.map((m) => m.type), ['plot/init', 'plot/show']);
  });
});
