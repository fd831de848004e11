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

describe('framework hover: arguments the framework converts, and FatreluAndMul\'s threshold', () => {
  it('ONNX HardSigmoid reads alpha and beta: beta = 0.5 is h = 1/(2·alpha); any other pair is said to be no hard sigmoid of GELU Lab, with no numbers', () => {
    const byDefault = hoverOn('helper.make_node("HardSigmoid", ["x"], ["y"])', 'HardSigmoid');
    assert.deepEqual(byDefault.call.params, { h: 2.5 });
    const wide = hoverOn('helper.make_node("HardSigmoid", ["x"], ["y"], alpha=0.1)', 'HardSigmoid');
    assert.deepEqual(wide.call.params, { h: 5 });
    assert.match(wide.markdown, /h = 1\/\(2·alpha\) = 5/);
    assert.match(wide.markdown, /h = 5/);
    const other = hoverOn('helper.make_node("HardSigmoid", ["x"], ["y"], alpha=0.1, beta=0.6)', 'HardSigmoid');
    assert.match(other.call.refused ?? '', /alpha = 0\.1, beta = 0\.6 is not of the form alpha = 1\/\(2h\), beta = 0\.5/);
    assert.match(other.markdown, /not of the form alpha = 1\/\(2h\), beta = 0\.5/);
    assert.doesNotMatch(other.markdown, /data:image|h = 2\.5\b|Constants:/, 'no curve, no constants of another h');
    const steep = hoverOn('helper.make_node("HardSigmoid", ["x"], ["y"], alpha=0.01, beta=0.5)', 'HardSigmoid');
    assert.match(steep.markdown, /h must be between 0\.5 and 10 \(got 50\)/);
    assert.match(steep.markdown, /alpha between 0\.05 and 1/);
    assert.doesNotMatch(steep.markdown, /data:image/);
  });

  it('ggml_xielu(ctx, a, 0.8f, 0.8f, 0.5f, -1e-6f) shows the effective parameters ggml computes: softplus of the raw values, αₙ including β', () => {
    const h = hoverOn('cur = ggml_xielu(ctx, cur, 0.8f, 0.8f, 0.5f, -1e-6f);', 'ggml_xielu');
    const softplus08 = Math.fround(Math.log1p(Math.exp(0.8)));
    const p = h.call.params;
    assert.ok(Math.abs((p['alphaP'] as number) - softplus08) <= 2 ** -22, `αₚ = ${p['alphaP']}`);
    assert.ok(Math.abs((p['alphaN'] as number) - (0.5 + softplus08)) <= 2 ** -21, `αₙ = ${p['alphaN']}`);
    assert.equal(p['beta'], 0.5);
    assert.match(h.markdown, /αₚ = softplus\(0\.8\) = 1\.171101, αₙ = β \+ softplus\(0\.8\) = 1\.671101/);
    // Above 20 ggml's softplus returns its argument, which is then out of range.
    assert.match(hoverOn('ggml_xielu(ctx, a, 1.0f, 25.0f, 0.5f, -1e-6f)', 'ggml_xielu').call.refused ?? '', /softplus\(25\) = 25\b.*\(got 25\)/);
    const asWritten = hoverOn('ggml_xielu(ctx, cur, alpha_n, alpha_p, beta, eps)', 'ggml_xielu');
    assert.deepEqual(asWritten.call.params, {}, 'variables: transformers\' effective defaults');
  });

  it('ggml_xielu with αₙ ≤ β is refused with the range, not drawn (softplus of −30 is 0 in float32)', () => {
    const h = hoverOn('ggml_xielu(ctx, a, -30.0f, 0.8f, 0.5f, -1e-6f)', 'ggml_xielu');
    assert.match(h.call.refused ?? '', /αn must be greater than β \(got αn = 0\.5, β = 0\.5\)/);
    assert.doesNotMatch(h.markdown, /data:image/);
    const large = hoverOn('ggml_xielu(ctx, a, 0.8f, 30.0f, 0.5f, -1e-6f)', 'ggml_xielu');
    assert.match(large.call.refused ?? '', /αp must be between 0 and 10 \(got 30\)/);
  });

  it('FatreluAndMul(threshold=0.5) draws FATReLU, not ReGLU: y(g) at u = 1 is 0 up to g = 0.5 and jumps there', () => {
    const h = hoverOn('self.act_fn = FatreluAndMul(threshold=0.5)', 'FatreluAndMul');
    assert.match(h.markdown, /threshold t = 0\.5: y = g·u where g > 0\.5, else 0/);
    assert.match(h.markdown, /jumps from 0 to 0\.5·u/);
    assert.match(h.markdown, /∂y\/∂g = u where g > 0\.5, else 0/);
    const call = gatedCallFor('reglu', h.call.params);
    assert.equal(call.threshold, 0.5);
    const y = gatedEvaluator(call);
    assert.equal(y(0.4, 1), 0, 'ReGLU would give 0.4');
    assert.equal(y(0.6, 2), 1.2);
    const relu = hoverOn('self.act_fn = FatreluAndMul()', 'FatreluAndMul');
    assert.notEqual(relu.markdown, h.markdown, 'another threshold draws another image');
    assert.match(relu.markdown, /ReGLU/);
    assert.equal(gatedCallFor('reglu', relu.call.params).threshold, undefined);
  });

  it('ACT2FN["linear"] is the identity (leaky ReLU with slope 1)', () => {
    const h = hoverOn('self.act = ACT2FN["linear"]', 'linear');
    assert.deepEqual(h.call.params, { slope: 1 });
    assert.match(h.markdown, /identity/);
  });
});
