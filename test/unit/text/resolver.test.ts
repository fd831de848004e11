import * as assert from 'node:assert/strict';
import { frameworkHoverAt } from '../../../src/hover/frameworkHoverModel';
import { commentStyleFor } from '../../../src/text/languages';
import { resolveCall } from '../../../src/text/resolver';

/** Resolves the call whose name contains `marker` (column at its first character). */
function resolve(line: string, marker: string) {
  const col = line.indexOf(marker);
  assert.ok(col >= 0, `${marker} in ${line}`);
  return resolveCall(line, col);
}

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
