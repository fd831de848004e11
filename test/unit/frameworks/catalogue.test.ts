import * as assert from 'node:assert/strict';
import { activations } from '../../../src/core';
import { paramProblems } from '../../../src/text/resolver';
import { FUNCTION_IDS } from '../../../src/core/types';
import { argumentFor, defaultParams, entriesComputing, FRAMEWORK_CATALOGUE, GATED_VARIANTS, gatedCallFor, hardSigmoidFromOnnx, isGatedVariant, xieluFromGgml } from '../../../src/frameworks/catalogue';

describe('frameworks: catalogue', () => {
  it("every framework's own defaults lie inside the registry's ranges (so a call without arguments is never refused)", () => {
    for (const e of FRAMEWORK_CATALOGUE) assert.deepEqual(paramProblems(e.defaultVariant, defaultParams(e)), [], e.id);
  });

  it('has unique ids, known variants, parameter keys the registry knows, and https docs', () => {
    const ids = new Set<string>();
    for (const e of FRAMEWORK_CATALOGUE) {
      assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
      ids.add(e.id);
      assert.ok(e.names.length > 0, e.id);
      assert.match(e.docUrl, /^https:\/\//, e.id);
      const known = (v: string) => (FUNCTION_IDS as readonly string[]).includes(v) || isGatedVariant(v);
      assert.ok(known(e.defaultVariant), e.id);
      for (const v of Object.values(e.variantArg?.values ?? {})) assert.ok(known(v), e.id);
      const dv = e.defaultVariant;
      if (isGatedVariant(dv)) {
        assert.ok(e.gate !== undefined, `${e.id}: a gated entry names its gate`);
        const gatedKeys = new Set(['alpha', 'limit', 'threshold']);
        for (const p of e.paramArgs ?? []) assert.ok(gatedKeys.has(p.key), `${e.id}: ${p.key}`);
      } else {
        const keys = new Set(activations[dv].params.map((p) => p.key));
        // Arguments that are converted are the framework's own; what they convert to is the registry's.
        if (e.convert === undefined) for (const p of e.paramArgs ?? []) assert.ok(keys.has(p.key), `${e.id}: ${p.key} is a parameter of ${dv}`);
        for (const k of Object.keys(defaultParams(e))) assert.ok(keys.has(k), `${e.id}: default ${k}`);
        for (const k of Object.keys(e.fixedParams ?? {})) assert.ok(keys.has(k), `${e.id}: fixed ${k}`);
      }
    }
  });

  it('records the defaults that differ between frameworks', () => {
    const byId = new Map(FRAMEWORK_CATALOGUE.map((e) => [e.id, e]));
    const defaultVariants: [id: string, variant: string][] = [
      ['torch.nn.functional.gelu', 'gelu'],
      ['torch.nn.GELU', 'gelu'],
      ['tf.nn.gelu', 'gelu'],
      ['keras.activations.gelu', 'gelu'],
      ['keras.ops.gelu', 'gelu_tanh'],
      ['jax.nn.gelu', 'gelu_tanh'],
      ['flax.linen.gelu', 'gelu_tanh'],
      ['hf:gelu_new', 'gelu_tanh'],
      ['hf:quick_gelu', 'gelu_sigmoid'],
      ['ort:FastGelu', 'gelu_tanh'],
      ['ggml_gelu', 'gelu_tanh'],
      ['ggml_gelu_quick', 'gelu_sigmoid'],
      ['ggml_gelu_erf', 'gelu'],
    ];
    for (const [id, variant] of defaultVariants) assert.equal(byId.get(id)?.defaultVariant, variant, id);
    const defaultSlopes: [id: string, slope: number][] = [
      ['torch.nn.functional.leaky_relu', 0.01],
      ['tf.nn.leaky_relu', 0.2],
      ['keras.activations.leaky_relu', 0.2],
      ['keras.layers.LeakyReLU', 0.3],
      ['jax.nn.leaky_relu', 0.01],
      ['onnx:LeakyRelu', 0.01],
    ];
    for (const [id, slope] of defaultSlopes) assert.equal(defaultParams(byId.get(id) ?? assert.fail(id))['slope'], slope, id);
  });

  it('tells the snippet generator how to ask each framework for a variant', () => {
    const torch = FRAMEWORK_CATALOGUE.find((e) => e.id === 'torch.nn.functional.gelu') ?? assert.fail();
    assert.deepEqual(argumentFor(torch, 'gelu_tanh'), { text: "approximate='tanh'", isDefault: false });
    assert.deepEqual(argumentFor(torch, 'gelu'), { text: "approximate='none'", isDefault: true });
    const jax = FRAMEWORK_CATALOGUE.find((e) => e.id === 'jax.nn.gelu') ?? assert.fail();
    assert.deepEqual(argumentFor(jax, 'gelu'), { text: 'approximate=False', isDefault: false });
    const quick = FRAMEWORK_CATALOGUE.find((e) => e.id === 'hf:quick_gelu') ?? assert.fail();
    assert.deepEqual(argumentFor(quick, 'gelu_sigmoid'), { text: '', isDefault: true });
    assert.equal(argumentFor(quick, 'gelu'), undefined);
    const tanh = entriesComputing('gelu_tanh').map((e) => e.id);
    for (const id of ['torch.nn.functional.gelu', 'tf.nn.gelu', 'jax.nn.gelu', 'hf:gelu_new', 'ort:FastGelu', 'ggml_gelu', 'onnx:Gelu']) assert.ok(tanh.includes(id), id);
    assert.ok(!entriesComputing('gelu_tanh').some((e) => e.id === 'hf:quick_gelu'));
  });

  it('knows the issue-12 names with their real defaults', () => {
    const byId = new Map(FRAMEWORK_CATALOGUE.map((e) => [e.id, e]));
    const get = (id: string) => byId.get(id) ?? assert.fail(`missing ${id}`);
    const cases: [string, string, Record<string, number>][] = [
      ['torch.nn.functional.celu', 'celu', { alpha: 1 }],
      ['torch.nn.Hardtanh', 'hardtanh', { min: -1, max: 1 }],
      ['torch.nn.Softshrink', 'softshrink', { lambda: 0.5 }],
      ['torch.nn.Hardshrink', 'hardshrink', { lambda: 0.5 }],
      ['torch.nn.PReLU', 'leaky_relu', { slope: 0.25 }],
      ['torch.nn.Hardsigmoid', 'hard_sigmoid', {}],
      ['keras.activations.squareplus', 'squareplus', { b: 4 }],
      ['keras.activations.soft_shrink', 'softshrink', { lambda: 0.5 }],
      ['jax.nn.squareplus', 'squareplus', { b: 4 }],
      ['jax.nn.hard_tanh', 'hardtanh', {}],
      ['hf:relu2', 'relu2', {}],
      ['hf:laplace', 'laplace', {}],
      ['onnx:HardSigmoid', 'hard_sigmoid', { h: 2.5 }],
      ['onnx:Celu', 'celu', { alpha: 1 }],
      ['vllm:SwigluOAIAndMul', 'swiglu_oai', { alpha: 1.702, limit: 7 }],
      ['vllm:FatreluAndMul', 'reglu', { threshold: 0 }],
      ['ggml_hardsigmoid', 'hard_sigmoid', {}],
      ['ggml_geglu', 'geglu_tanh', {}],
      ['ggml_geglu_erf', 'geglu', {}],
    ];
    for (const [id, variant, params] of cases) {
      assert.equal(get(id).defaultVariant, variant, id);
      assert.deepEqual(defaultParams(get(id)), params, id);
    }
    assert.equal(get('vllm:SiluAndMul').gate, 'first-half');
    assert.equal(get('vllm:MulAndSilu').gate, 'second-half');
    assert.equal(get('torch.nn.functional.glu').gate, 'second-half');
    assert.equal(get('vllm:SwigluOAIAndMul').gate, 'interleaved');
    assert.equal(get('ggml_swiglu').gate, 'first-half');
    assert.equal(get('onnx:SwiGLU').gate, 'first-argument');
  });

  it('turns a gated variant and its parameters into the core unit', () => {
    assert.equal(GATED_VARIANTS.get('geglu_tanh')?.act, 'gelu_tanh');
    assert.deepEqual(gatedCallFor('swiglu_oai', { alpha: 2, limit: 5 }), { unit: 'swiglu_oai', act: 'gelu_sigmoid', actParams: { k: 2 }, unitParams: { alpha: 2, limit: 5 } });
    assert.deepEqual(gatedCallFor('swiglu_oai', {}).unitParams, { alpha: 1.702, limit: 7 });
    assert.deepEqual(gatedCallFor('geglu_tanh', {}).unitParams, { tanh: 1 });
    assert.deepEqual(gatedCallFor('geglu', {}).unitParams, { tanh: 0 });
    // Forms the registry unit has no parameter for are act(g)·u.
    assert.equal(gatedCallFor('geglu_quick', {}).unitParams, undefined);
    assert.deepEqual(gatedCallFor('swiglu', { alpha: 1.5 }), { unit: 'swiglu', act: 'silu', actParams: { beta: 1.5 } });
    // Own properties only: a prototype key is no parameter.
    assert.deepEqual(gatedCallFor('swiglu_oai', Object.create({ alpha: 9 }) as Record<string, number>).unitParams, { alpha: 1.702, limit: 7 });
  });

  it('turns ONNX HardSigmoid attributes into h, float32 attributes included, and refuses what is no hard sigmoid of GELU Lab', () => {
    const f32 = hardSigmoidFromOnnx(Math.fround(0.2), Math.fround(0.5));
    assert.ok(f32.ok && Math.abs((f32.params['h'] as number) - 2.5) < 1e-6, JSON.stringify(f32));
    assert.deepEqual(hardSigmoidFromOnnx(1 / 6, 0.5), { ok: true, params: { h: 3 }, how: 'HardSigmoid alpha = 0.1666667, beta = 0.5: h = 1/(2·alpha) = 3' });
    for (const [a, b] of [[0.2, 0.6], [-0.2, 0.5], [0, 0.5], [NaN, 0.5], [0.2, NaN]] as const) {
      const r = hardSigmoidFromOnnx(a, b);
      assert.ok(!r.ok && /not of the form alpha = 1\/\(2h\), beta = 0\.5/.test(r.refused), `${a}, ${b}`);
    }
    const flat = hardSigmoidFromOnnx(2, 0.5);
    assert.ok(!flat.ok && /h must be between 0\.5 and 10 \(got 0\.25\)/.test(flat.refused));
  });

  it('converts ggml_xielu raw arguments as ggml.c does, in float32, and reads only what was written', () => {
    assert.deepEqual(xieluFromGgml({}), { ok: true, params: {} });
    const raw = xieluFromGgml({ alpha_p: Math.log(Math.expm1(0.8)), alpha_n: Math.log(Math.expm1(0.3)), beta: 0.5, eps: -1e-6 });
    assert.ok(raw.ok);
    assert.ok(Math.abs((raw.params['alphaP'] as number) - 0.8) < 1e-6 && Math.abs((raw.params['alphaN'] as number) - 0.8) < 1e-6, JSON.stringify(raw.params));
    // Only β written: αₙ keeps its effective default 0.8, which must still exceed the new β.
    const onlyBeta = xieluFromGgml({ beta: 0.9 });
    assert.ok(!onlyBeta.ok && /αn must be greater than β/.test(onlyBeta.refused));
    // Own properties only.
    assert.deepEqual(xieluFromGgml(Object.create({ alpha_n: -30 }) as Record<string, number>), { ok: true, params: {} });
  });
});
