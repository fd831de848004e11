import * as assert from 'node:assert/strict';
import { gated } from '../../../src/core';
import { gatedCallFor } from '../../../src/frameworks/catalogue';
import { frameworkHoverAt, gatedEvaluator } from '../../../src/hover/frameworkHoverModel';

/** The hover at the first character of `name` in `text`. */
function hoverOn(text: string, name: string) {
  const at = text.indexOf(name);
  assert.ok(at >= 0, name);
  return frameworkHoverAt(text, at + 1, 'python') ?? assert.fail(`no hover on ${name} in ${text}`);
}

describe('framework hover: the new functions and the gated units', () => {
  it('SiluAndMul() says SwiGLU with the gate in the first half', () => {
    const h = hoverOn('act = SiluAndMul()', 'SiluAndMul');
    assert.equal(h.call.variant, 'swiglu');
    assert.match(h.markdown, /SwiGLU/);
    assert.match(h.markdown, /gate is the FIRST half/);
    assert.match(h.markdown, /data:image\/svg\+xml;base64,/);
  });

  it('MulAndSilu() says the SECOND half is the gate', () => {
    const h = hoverOn('self.act_fn = MulAndSilu()', 'MulAndSilu');
    assert.equal(h.call.variant, 'swiglu');
    assert.match(h.markdown, /gate is the SECOND half/);
  });

  it('ACT2FN["relu2"] is squared ReLU', () => {
    const h = hoverOn('self.act = ACT2FN["relu2"]', 'relu2');
    assert.equal(h.call.variant, 'relu2');
    assert.equal(h.call.entry.framework, 'Hugging Face');
    assert.match(h.markdown, /max\(0, x\)²/);
  });

  it('F.hardtanh(x, -2, 2) reads both bounds', () => {
    const h = hoverOn('y = F.hardtanh(x, -2, 2)', 'hardtanh');
    assert.equal(h.call.variant, 'hardtanh');
    assert.deepEqual(h.call.params, { min: -2, max: 2 });
    assert.match(h.markdown, /min = -2/);
  });

  it('keras.activations.sparse_plus is SparsePlus', () => {
    const h = hoverOn('Dense(8, activation=keras.activations.sparse_plus)', 'sparse_plus');
    assert.equal(h.call.variant, 'sparse_plus');
    assert.equal(h.call.entry.framework, 'Keras');
  });

  it('ggml_swiglu_oai(ctx, a, b, 1.702, 7) reads alpha and limit and names a as the gate', () => {
    const h = hoverOn('cur = ggml_swiglu_oai(ctx, a, b, 1.702f, 7.0f);', 'ggml_swiglu_oai');
    assert.equal(h.call.variant, 'swiglu_oai');
    assert.deepEqual(h.call.params, { alpha: 1.702, limit: 7 });
    assert.match(h.markdown, /gate is the FIRST tensor argument/);
    const other = hoverOn('cur = ggml_swiglu_oai(ctx, a, b, 1.5, 5);', 'ggml_swiglu_oai');
    assert.deepEqual(other.call.params, { alpha: 1.5, limit: 5 });
    assert.notEqual(other.markdown, h.markdown, 'other parameters draw other slices');
  });

  it('GeluAndMul(approximate="tanh") gates with the tanh GELU', () => {
    assert.equal(hoverOn('GeluAndMul()', 'GeluAndMul').call.variant, 'geglu');
    const h = hoverOn('GeluAndMul(approximate="tanh")', 'GeluAndMul');
    assert.equal(h.call.variant, 'geglu_tanh');
    assert.match(h.markdown, /tanh/);
  });

  it('draws the slices from the registry: the gpt-oss hover evaluates gated.swiglu_oai at the call\'s parameters', () => {
    const h = hoverOn('SwigluOAIAndMul()', 'SwigluOAIAndMul');
    assert.equal(h.call.variant, 'swiglu_oai');
    assert.match(h.markdown, /INTERLEAVED/);
    const y = gatedEvaluator(gatedCallFor('swiglu_oai', h.call.params));
    for (const [g, u] of [[2, 1], [9, -9], [-3, 0.5]] as const) assert.equal(y(g, u), gated.swiglu_oai.f(g, u));
    const quick = gatedEvaluator(gatedCallFor('geglu_quick', {}));
    const expected = (2 / (1 + Math.exp(-1.702 * 2))) * 3;
    assert.ok(Math.abs(quick(2, 3) - expected) <= 4 * Number.EPSILON * expected, 'ggml_geglu_quick: x·σ(1.702x)·u');
  });
});
