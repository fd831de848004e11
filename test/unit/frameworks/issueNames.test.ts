import * as assert from 'node:assert/strict';
import { defaultParams } from '../../../src/frameworks/catalogue';
import type { Framework } from '../../../src/frameworks/catalogue';
import { resolveCall } from '../../../src/text/resolver';

/**
 * Every name issue 12 ("Hovers") lists, written as code writes it, with the framework, the variant
 * and the default parameters the real sources give (torch/nn/modules/activation.py, Keras 3
 * keras/src/activations/activations.py, jax/_src/nn/functions.py, transformers activations.py
 * ACT2CLS, vLLM model_executor/layers/activation.py, ggml.h / ggml.c, ONNX Operators.md).
 */
const ISSUE_NAMES: readonly (readonly [code: string, name: string, framework: Framework, variant: string, params?: Record<string, number>])[] = [
  // torch.nn and F.
  ['nn.CELU()', 'CELU', 'PyTorch', 'celu', { alpha: 1 }],
  ['F.celu(x)', 'celu', 'PyTorch', 'celu', { alpha: 1 }],
  ['nn.Softsign()', 'Softsign', 'PyTorch', 'softsign'],
  ['F.softsign(x)', 'softsign', 'PyTorch', 'softsign'],
  ['nn.Hardtanh()', 'Hardtanh', 'PyTorch', 'hardtanh', { min: -1, max: 1 }],
  ['F.hardtanh(x)', 'hardtanh', 'PyTorch', 'hardtanh', { min: -1, max: 1 }],
  ['nn.Hardsigmoid()', 'Hardsigmoid', 'PyTorch', 'hard_sigmoid'],
  ['F.hardsigmoid(x)', 'hardsigmoid', 'PyTorch', 'hard_sigmoid'],
  ['nn.LogSigmoid()', 'LogSigmoid', 'PyTorch', 'log_sigmoid'],
  ['F.logsigmoid(x)', 'logsigmoid', 'PyTorch', 'log_sigmoid'],
  ['nn.Tanhshrink()', 'Tanhshrink', 'PyTorch', 'tanhshrink'],
  ['F.tanhshrink(x)', 'tanhshrink', 'PyTorch', 'tanhshrink'],
  ['nn.Softshrink()', 'Softshrink', 'PyTorch', 'softshrink', { lambda: 0.5 }],
  ['F.softshrink(x)', 'softshrink', 'PyTorch', 'softshrink', { lambda: 0.5 }],
  ['nn.Hardshrink()', 'Hardshrink', 'PyTorch', 'hardshrink', { lambda: 0.5 }],
  ['F.hardshrink(x)', 'hardshrink', 'PyTorch', 'hardshrink', { lambda: 0.5 }],
  ['nn.PReLU()', 'PReLU', 'PyTorch', 'leaky_relu', { slope: 0.25 }],
  ['F.prelu(x, w)', 'prelu', 'PyTorch', 'leaky_relu'],
  ['nn.GLU()', 'GLU', 'PyTorch', 'glu'],
  ['F.glu(x)', 'glu', 'PyTorch', 'glu'],
  // Keras 3
  ['keras.activations.celu(x)', 'celu', 'Keras', 'celu', { alpha: 1 }],
  ['keras.activations.hard_sigmoid(x)', 'hard_sigmoid', 'Keras', 'hard_sigmoid'],
  ['keras.activations.hard_silu(x)', 'hard_silu', 'Keras', 'hardswish'],
  ['keras.activations.hard_swish(x)', 'hard_swish', 'Keras', 'hardswish'],
  ['keras.activations.log_sigmoid(x)', 'log_sigmoid', 'Keras', 'log_sigmoid'],
  ['keras.activations.soft_shrink(x)', 'soft_shrink', 'Keras', 'softshrink', { lambda: 0.5 }],
  ['keras.activations.hard_shrink(x)', 'hard_shrink', 'Keras', 'hardshrink', { lambda: 0.5 }],
  ['keras.activations.tanh_shrink(x)', 'tanh_shrink', 'Keras', 'tanhshrink'],
  ['keras.activations.sparse_plus(x)', 'sparse_plus', 'Keras', 'sparse_plus'],
  ['keras.activations.squareplus(x)', 'squareplus', 'Keras', 'squareplus', { b: 4 }],
  ['keras.activations.glu(x)', 'glu', 'Keras', 'glu'],
  // jax.nn
  ['jax.nn.celu(x)', 'celu', 'JAX', 'celu', { alpha: 1 }],
  ['jax.nn.soft_sign(x)', 'soft_sign', 'JAX', 'softsign'],
  ['jax.nn.hard_tanh(x)', 'hard_tanh', 'JAX', 'hardtanh'],
  ['jax.nn.log_sigmoid(x)', 'log_sigmoid', 'JAX', 'log_sigmoid'],
  ['jax.nn.sparse_plus(x)', 'sparse_plus', 'JAX', 'sparse_plus'],
  ['jax.nn.squareplus(x)', 'squareplus', 'JAX', 'squareplus', { b: 4 }],
  ['jax.nn.glu(x)', 'glu', 'JAX', 'glu'],
  // Hugging Face ACT2FN keys, the GELU names included
  ['ACT2FN["relu2"]', 'relu2', 'Hugging Face', 'relu2'],
  ['ACT2FN["xielu"]', 'xielu', 'Hugging Face', 'xielu'],
  ['ACT2FN["laplace"]', 'laplace', 'Hugging Face', 'laplace'],
  ['ACT2FN["gelu_10"]', 'gelu_10', 'Hugging Face', 'gelu'],
  ['ACT2FN["prelu"]', 'prelu', 'Hugging Face', 'leaky_relu', { slope: 0.25 }],
  ['ACT2FN["linear"]', 'linear', 'Hugging Face', 'leaky_relu', { slope: 1 }],
  ['ACT2FN["gelu"]', 'gelu', 'Hugging Face', 'gelu'],
  ['ACT2FN["gelu_fast"]', 'gelu_fast', 'Hugging Face', 'gelu_tanh'],
  ['ACT2FN["gelu_new"]', 'gelu_new', 'Hugging Face', 'gelu_tanh'],
  ['ACT2FN["gelu_python"]', 'gelu_python', 'Hugging Face', 'gelu'],
  ['ACT2FN["gelu_pytorch_tanh"]', 'gelu_pytorch_tanh', 'Hugging Face', 'gelu_tanh'],
  ['ACT2FN["gelu_python_tanh"]', 'gelu_python_tanh', 'Hugging Face', 'gelu_tanh'],
  ['ACT2FN["gelu_accurate"]', 'gelu_accurate', 'Hugging Face', 'gelu_tanh'],
  ['ACT2FN["quick_gelu"]', 'quick_gelu', 'Hugging Face', 'gelu_sigmoid'],
  // vLLM
  ['SiluAndMul()', 'SiluAndMul', 'vLLM', 'swiglu'],
  ['MulAndSilu()', 'MulAndSilu', 'vLLM', 'swiglu'],
  ['GeluAndMul(approximate="tanh")', 'GeluAndMul', 'vLLM', 'geglu_tanh'],
  ['FatreluAndMul(threshold=0.0)', 'FatreluAndMul', 'vLLM', 'reglu', { threshold: 0 }],
  ['SwigluOAIAndMul()', 'SwigluOAIAndMul', 'vLLM', 'swiglu_oai', { alpha: 1.702, limit: 7 }],
  ['ReLUSquaredActivation()', 'ReLUSquaredActivation', 'vLLM', 'relu2'],
  ['XIELU()', 'XIELU', 'vLLM', 'xielu'],
  ['QuickGELU()', 'QuickGELU', 'vLLM', 'gelu_sigmoid'],
  ['NewGELU()', 'NewGELU', 'vLLM', 'gelu_tanh'],
  ['FastGELU()', 'FastGELU', 'vLLM', 'gelu_tanh'],
  // ggml
  ['ggml_swiglu(ctx, cur)', 'ggml_swiglu', 'ggml', 'swiglu'],
  ['ggml_geglu(ctx, cur)', 'ggml_geglu', 'ggml', 'geglu_tanh'],
  ['ggml_geglu_erf(ctx, cur)', 'ggml_geglu_erf', 'ggml', 'geglu'],
  ['ggml_geglu_quick(ctx, cur)', 'ggml_geglu_quick', 'ggml', 'geglu_quick'],
  ['ggml_swiglu_oai(ctx, a, b, alpha, limit)', 'ggml_swiglu_oai', 'ggml', 'swiglu_oai'],
  ['ggml_reglu(ctx, cur)', 'ggml_reglu', 'ggml', 'reglu'],
  ['ggml_xielu(ctx, cur, an, ap, b, e)', 'ggml_xielu', 'ggml', 'xielu'],
  ['ggml_hardsigmoid(ctx, cur)', 'ggml_hardsigmoid', 'ggml', 'hard_sigmoid'],
  ['ggml_hardswish(ctx, cur)', 'ggml_hardswish', 'ggml', 'hardswish'],
  // ONNX operators
  ['helper.make_node("Celu", ["x"], ["y"])', 'Celu', 'ONNX', 'celu', { alpha: 1 }],
  ['helper.make_node("Softsign", ["x"], ["y"])', 'Softsign', 'ONNX', 'softsign'],
  ['helper.make_node("HardSigmoid", ["x"], ["y"])', 'HardSigmoid', 'ONNX', 'hard_sigmoid', { h: 2.5 }],
  ['helper.make_node("HardSwish", ["x"], ["y"])', 'HardSwish', 'ONNX', 'hardswish'],
  ['helper.make_node("Shrink", ["x"], ["y"])', 'Shrink', 'ONNX', 'hardshrink', { lambda: 0.5 }],
  ['helper.make_node("PRelu", ["x", "slope"], ["y"])', 'PRelu', 'ONNX', 'leaky_relu'],
  ['helper.make_node("Mish", ["x"], ["y"])', 'Mish', 'ONNX', 'mish'],
  ['helper.make_node("SwiGLU", ["a", "b"], ["y"])', 'SwiGLU', 'ONNX', 'swiglu'],
];

describe('frameworks: every name issue 12 lists under Hovers', () => {
  for (const [code, name, framework, variant, params] of ISSUE_NAMES) {
    it(`hovering ${name} in \`${code}\` explains ${framework}'s ${variant}`, () => {
      const call = resolveCall(code, code.indexOf(name) + 1, 'hash') ?? assert.fail(`no hover on ${name} in ${code}`);
      assert.equal(call.entry.framework, framework);
      assert.equal(call.variant, variant);
      if (params !== undefined) assert.deepEqual(defaultParams(call.entry), params);
    });
  }
});
