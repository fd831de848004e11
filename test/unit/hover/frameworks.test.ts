import * as assert from 'node:assert/strict';
import { activations } from '../../../src/core';
import { FRAMEWORK_CATALOGUE, argumentFor, commentStyleFor, defaultParams, entriesComputing, resolveCall } from '../../../src/core/frameworks';
import { frameworkHoverAt } from '../../../src/hover/frameworkHoverModel';
import { FUNCTION_IDS } from '../../../src/core/types';

/** Resolves the call whose name contains `marker` (column at its first character). */
function resolve(line: string, marker: string) {
  const col = line.indexOf(marker);
  assert.ok(col >= 0, `${marker} in ${line}`);
  return resolveCall(line, col);
}

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

describe('frameworks: resolveCall', () => {
  it('reads approximate from the call, by keyword or position', () => {
    assert.equal(resolve('y = torch.nn.functional.gelu(x, approximate="tanh")', 'functional')?.variant, 'gelu_tanh');
    assert.equal(resolve("y = F.gelu(x, approximate='none')", 'gelu')?.variant, 'gelu');
    assert.equal(resolve('y = F.gelu(x)', 'gelu')?.variant, 'gelu');
    assert.equal(resolve("act = nn.GELU('tanh')", 'GELU')?.variant, 'gelu_tanh');
    assert.equal(resolve('y = jax.nn.gelu(x)', 'gelu')?.variant, 'gelu_tanh');
    assert.equal(resolve('y = jax.nn.gelu(x, approximate=False)', 'gelu')?.variant, 'gelu');
    assert.equal(resolve('y = jax.nn.gelu(x, False)', 'gelu')?.variant, 'gelu');
    assert.equal(resolve('y = tf.nn.gelu(x, approximate=True)', 'gelu')?.variant, 'gelu_tanh');
    assert.equal(resolve('y = keras.ops.gelu(x)', 'gelu')?.variant, 'gelu_tanh');
    assert.equal(resolve('y = tf.keras.activations.gelu(x)', 'gelu')?.variant, 'gelu');
    assert.equal(resolve('f = partial(jax.nn.gelu, approximate=False)', 'gelu')?.variant, 'gelu');
  });

  it('reads arguments on following lines', () => {
    const text = 'y = F.gelu(\n    x,\n    approximate="tanh",\n)';
    assert.equal(resolve(text, 'gelu')?.variant, 'gelu_tanh');
  });

  it('reports arguments it cannot read and keeps the default', () => {
    const r = resolve('y = F.gelu(x, approximate=mode)', 'gelu');
    assert.equal(r?.variant, 'gelu');
    assert.deepEqual(r?.argsRead, [{ name: 'approximate', text: 'mode', understood: false }]);
  });

  it('reads slopes and constants', () => {
    assert.deepEqual(resolve('y = F.leaky_relu(x, 0.2)', 'leaky')?.params, { slope: 0.2 });
    assert.deepEqual(resolve('y = F.leaky_relu(x, negative_slope=-1e-1)', 'leaky')?.params, { slope: -0.1 });
    assert.deepEqual(resolve('y = tf.nn.leaky_relu(x)', 'leaky')?.params, { slope: 0.2 });
    assert.deepEqual(resolve('l = keras.layers.LeakyReLU(alpha=0.1)', 'Leaky')?.params, { slope: 0.1 });
    assert.deepEqual(resolve('cur = ggml_leaky_relu(ctx, cur, 0.1f, true);', 'ggml')?.params, { slope: 0.1 });
    assert.deepEqual(resolve('y = F.elu(x, alpha=0.5)', 'elu')?.params, { alpha: 0.5 });
  });

  it('finds Hugging Face keys, Keras activation strings and ONNX operators in strings', () => {
    assert.equal(resolve('self.act = ACT2FN["gelu_new"]', 'gelu_new')?.entry.id, 'hf:gelu_new');
    assert.equal(resolve("act = ACT2FN[ 'quick_gelu' ]", 'quick')?.variant, 'gelu_sigmoid');
    assert.equal(resolve('  "hidden_act": "gelu_pytorch_tanh",', 'gelu_p')?.variant, 'gelu_tanh');
    assert.equal(resolve('config = Config(hidden_act="gelu_10")', 'gelu_10')?.entry.id, 'hf:gelu_10');
    assert.equal(resolve('act = get_activation("gelu_fast")', 'gelu_fast')?.variant, 'gelu_tanh');
    assert.equal(resolve('Dense(64, activation="gelu")', 'gelu')?.entry.id, 'keras-key:gelu');
    const onnx = resolve('n = helper.make_node("Gelu", ["X"], ["Y"], approximate="tanh")', 'Gelu');
    assert.equal(onnx?.entry.id, 'onnx:Gelu');
    assert.equal(onnx?.variant, 'gelu_tanh');
    assert.equal(resolve('n = make_node("FastGelu", inputs, outputs, domain="com.microsoft")', 'Fast')?.variant, 'gelu_tanh');
  });

  it('skips comments inside a call spread over lines, in the language of the document', () => {
    const py = (text: string, marker: string) => resolveCall(text, text.indexOf(marker), commentStyleFor('python'));
    assert.equal(py("y = F.gelu(\n    x,  # input\n    approximate='tanh')", 'gelu')?.variant, 'gelu_tanh');
    assert.equal(py("act = nn.GELU(  # don't use erf\n approximate='tanh')", 'GELU')?.variant, 'gelu_tanh');
    assert.equal(py('y = F.gelu(x // 2, approximate="tanh")', 'gelu')?.variant, 'gelu_tanh'); // floor division, not a comment
    const c = 'cur = ggml_leaky_relu(ctx, // the input\n cur, /* slope */ 0.1f, false);';
    assert.deepEqual(resolveCall(c, c.indexOf('ggml'), commentStyleFor('cpp'))?.params, { slope: 0.1 });
    const read = py("y = F.gelu(\n    x,  # input\n    approximate='tanh')", 'gelu')?.argsRead;
    assert.deepEqual(read, [{ name: 'approximate', text: "'tanh'", understood: true }]);
  });

  it('shows the call’s constants in the formula, not the defaults', () => {
    const md = (line: string, marker: string) => frameworkHoverAt(line, line.indexOf(marker), 'python')?.markdown ?? '';
    assert.match(md('act = keras.layers.LeakyReLU()', 'Leaky'), /a·x, a = 0\.3`/);
    assert.match(md('y = F.leaky_relu(x, negative_slope=0.2)', 'leaky'), /a·x, a = 0\.2`/);
    assert.match(md('y = F.elu(x, alpha=0.5)', 'elu'), /α = 0\.5`/);
    assert.match(md('y = F.gelu(x)', 'gelu'), /erf\(x\/√2\)\)`/);
  });

  it('reads keras Activation("gelu") and ONNX operator types only where they name one', () => {
    assert.equal(resolve("x = keras.layers.Activation('gelu')(x)", 'gelu')?.entry.id, 'keras-key:gelu');
    assert.equal(resolve('if node.op_type == "Gelu":', 'Gelu')?.entry.id, 'onnx:Gelu');
    assert.equal(resolve("x = 'Gelu'", 'Gelu'), undefined);
    assert.equal(resolve('name = "Gelu"', 'Gelu'), undefined);
  });

  it('reads approximate only as a keyword in F.gelu (it is keyword-only there), positionally in nn.GELU', () => {
    assert.equal(resolve("y = F.gelu(x, 'tanh')", 'gelu')?.variant, 'gelu');
    assert.equal(resolve("act = nn.GELU('tanh')", 'GELU')?.variant, 'gelu_tanh');
    assert.equal(resolve("y = functional.gelu(x, approximate='tanh')", 'gelu')?.variant, 'gelu_tanh');
    assert.deepEqual(resolve('act = nn.LeakyReLU(negative_slope=+0.2)', 'Leaky')?.params, { slope: 0.2 });
  });

  it('finds C calls and class names', () => {
    assert.equal(resolve('cur = ggml_gelu(ctx, cur);', 'ggml')?.variant, 'gelu_tanh');
    assert.equal(resolve('cur = ggml_gelu_quick(ctx, cur);', 'ggml')?.variant, 'gelu_sigmoid');
    assert.equal(resolve('self.act = NewGELUActivation()', 'NewGELU')?.variant, 'gelu_tanh');
  });

  it('matches nothing that is not a known call', () => {
    assert.equal(resolve('class Gelu: pass', 'Gelu'), undefined);
    assert.equal(resolve('y = my_F.gelu(x)', 'gelu'), undefined);
    assert.equal(resolve('y = gelu(x)', 'gelu'), undefined);
    assert.equal(resolve('print("gelu_new")', 'gelu'), undefined);
    assert.equal(resolve('x = ACT2FN["no_such_key"]', 'no_such'), undefined);
    assert.equal(resolveCall('', 0), undefined);
  });

  it('reports the hovered name and is bounded on hostile lines', () => {
    const line = 'y = torch.nn.functional.gelu(x)';
    const r = resolve(line, 'torch');
    assert.equal(line.slice(r?.start, r?.end), 'torch.nn.functional.gelu');
    const hostile = `F.gelu(${'('.repeat(100_000)}`;
    const t0 = performance.now();
    assert.equal(resolveCall(hostile, 3)?.variant, 'gelu');
    resolveCall('a.'.repeat(50_000), 50_000);
    resolveCall('"'.repeat(100_000), 50_000);
    assert.ok(performance.now() - t0 < 100);
  });
});
