import * as assert from 'node:assert/strict';
import { activations } from '../../../src/core';
import { FUNCTION_IDS } from '../../../src/core/types';
import { argumentFor, defaultParams, entriesComputing, FRAMEWORK_CATALOGUE } from '../../../src/frameworks/catalogue';

describe('frameworks: catalogue', () => {
  it('has unique ids, known variants, parameter keys the registry knows, and https docs', () => {
    const ids = new Set<string>();
    for (const e of FRAMEWORK_CATALOGUE) {
      assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
      ids.add(e.id);
      assert.ok((FUNCTION_IDS as readonly string[]).includes(e.defaultVariant), e.id);
      assert.ok(e.names.length > 0, e.id);
      assert.match(e.docUrl, /^https:\/\//, e.id);
      const keys = new Set(activations[e.defaultVariant].params.map((p) => p.key));
      for (const p of e.paramArgs ?? []) assert.ok(keys.has(p.key), `${e.id}: ${p.key} is a parameter of ${e.defaultVariant}`);
      for (const v of Object.values(e.variantArg?.values ?? {})) assert.ok((FUNCTION_IDS as readonly string[]).includes(v), e.id);
    }
  });

  it('records the defaults that differ between frameworks', () => {
    const byId = new Map(FRAMEWORK_CATALOGUE.map((e) => [e.id, e]));
    const variant = (id: string) => byId.get(id)?.defaultVariant;
    assert.equal(variant('torch.nn.functional.gelu'), 'gelu');
    assert.equal(variant('torch.nn.GELU'), 'gelu');
    assert.equal(variant('tf.nn.gelu'), 'gelu');
    assert.equal(variant('keras.activations.gelu'), 'gelu');
    assert.equal(variant('keras.ops.gelu'), 'gelu_tanh');
    assert.equal(variant('jax.nn.gelu'), 'gelu_tanh');
    assert.equal(variant('flax.linen.gelu'), 'gelu_tanh');
    assert.equal(variant('hf:gelu_new'), 'gelu_tanh');
    assert.equal(variant('hf:quick_gelu'), 'gelu_sigmoid');
    assert.equal(variant('ort:FastGelu'), 'gelu_tanh');
    assert.equal(variant('ggml_gelu'), 'gelu_tanh');
    assert.equal(variant('ggml_gelu_quick'), 'gelu_sigmoid');
    assert.equal(variant('ggml_gelu_erf'), 'gelu');
    const slope = (id: string) => defaultParams(byId.get(id) ?? assert.fail(id))['slope'];
    assert.equal(slope('torch.nn.functional.leaky_relu'), 0.01);
    assert.equal(slope('tf.nn.leaky_relu'), 0.2);
    assert.equal(slope('keras.activations.leaky_relu'), 0.2);
    assert.equal(slope('keras.layers.LeakyReLU'), 0.3);
    assert.equal(slope('jax.nn.leaky_relu'), 0.01);
    assert.equal(slope('onnx:LeakyRelu'), 0.01);
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
});
