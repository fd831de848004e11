/**
 * The registry of activation functions: id → metadata, f, f′, f″ and a batch form.
 * PROVISIONAL numerics (textbook formulas); the metadata and signatures are final.
 */
import { erfc, normalCdf, normalPdf } from './erf';
import type { Activation, FrameworkName, FunctionId, Order, ParamSpec, Params } from './types';

type Scalar = (x: number, p?: Params) => number;

interface Spec {
  readonly id: FunctionId;
  readonly label: string;
  readonly family: 'gelu' | 'relative';
  readonly approximates?: 'gelu';
  readonly formula: { readonly text: string; readonly latex: string };
  readonly params: readonly ParamSpec[];
  readonly aliases: readonly FrameworkName[];
  readonly kinkConvention?: string;
  readonly f: Scalar;
  readonly df: Scalar;
  readonly d2f: Scalar;
}

function param(p: Params | undefined, key: string, fallback: number): number {
  const v = p?.[key];
  return v === undefined ? fallback : v;
}

function define(spec: Spec): Activation {
  const { f, df, d2f } = spec;
  return {
    ...spec,
    batch(xs: Float64Array, order: Order, p?: Params, out?: Float64Array): Float64Array {
      const res = out ?? new Float64Array(xs.length);
      const g = order === 0 ? f : order === 1 ? df : d2f;
      for (let i = 0; i < xs.length; i++) res[i] = g(xs[i] as number, p);
      return res;
    },
  };
}

const a = (framework: string, name: string): FrameworkName => ({ framework, name });

const SQRT_2_OVER_PI = 0.7978845608028654;
const SELU_LAMBDA = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;

function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

export const activations: Readonly<Record<FunctionId, Activation>> = {
  gelu: define({
    id: 'gelu',
    label: 'GELU (exact)',
    family: 'gelu',
    formula: { text: 'GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))', latex: '\\mathrm{GELU}(x) = x\\,\\Phi(x) = \\tfrac12 x\\left(1 + \\operatorname{erf}(x/\\sqrt2)\\right)' },
    params: [],
    aliases: [
      a('PyTorch', "torch.nn.GELU(approximate='none')"),
      a('PyTorch', 'torch.nn.functional.gelu'),
      a('Hugging Face', 'gelu'),
      a('TensorFlow', 'tf.nn.gelu(approximate=False)'),
      a('Keras', 'keras.activations.gelu'),
      a('JAX', 'jax.nn.gelu(approximate=False)'),
      a('ONNX', 'Gelu'),
      a('onnxruntime', 'Gelu'),
      a('onnxruntime', 'BiasGelu'),
      a('ggml', 'ggml_gelu_erf'),
    ],
    f: (x) => x * normalCdf(x),
    df: (x) => normalCdf(x) + x * normalPdf(x),
    d2f: (x) => normalPdf(x) * (2 - x * x),
  }),
  gelu_tanh: define({
    id: 'gelu_tanh',
    label: 'GELU (tanh approximation)',
    family: 'gelu',
    approximates: 'gelu',
    formula: { text: '½·x·(1 + tanh(√(2/π)·(x + c·x³))), c = 0.044715', latex: '\\tfrac12 x\\left(1 + \\tanh\\!\\left(\\sqrt{2/\\pi}\\,(x + c\\,x^3)\\right)\\right)' },
    params: [{ key: 'c', label: 'c', description: 'Cubic coefficient inside tanh', default: 0.044715, min: 0, max: 0.1, step: 0.0001 }],
    aliases: [
      a('PyTorch', "torch.nn.GELU(approximate='tanh')"),
      a('PyTorch', "F.gelu(approximate='tanh')"),
      a('Hugging Face', 'gelu_new'),
      a('Hugging Face', 'gelu_fast'),
      a('Hugging Face', 'gelu_pytorch_tanh'),
      a('TensorFlow', 'tf.nn.gelu(approximate=True)'),
      a('JAX', 'jax.nn.gelu (default approximate=True)'),
      a('onnxruntime', 'FastGelu'),
      a('ggml', 'ggml_gelu'),
    ],
    f: (x, p) => {
      const c = param(p, 'c', 0.044715);
      return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + c * x * x * x)));
    },
    df: (x, p) => {
      const c = param(p, 'c', 0.044715);
      const t = Math.tanh(SQRT_2_OVER_PI * (x + c * x * x * x));
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * c * x * x);
    },
    d2f: (x, p) => {
      const c = param(p, 'c', 0.044715);
      const t = Math.tanh(SQRT_2_OVER_PI * (x + c * x * x * x));
      const s = 1 - t * t;
      const up = SQRT_2_OVER_PI * (1 + 3 * c * x * x);
      const upp = SQRT_2_OVER_PI * 6 * c * x;
      return s * up + 0.5 * x * (s * upp - 2 * t * s * up * up);
    },
  }),
  gelu_sigmoid: define({
    id: 'gelu_sigmoid',
    label: 'GELU (sigmoid approximation, QuickGELU)',
    family: 'gelu',
    approximates: 'gelu',
    formula: { text: 'x·σ(k·x), k = 1.702', latex: 'x\\,\\sigma(k x)' },
    params: [{ key: 'k', label: 'k', description: 'Slope inside the sigmoid', default: 1.702, min: 0.5, max: 4, step: 0.001 }],
    aliases: [a('Hugging Face', 'quick_gelu'), a('ggml', 'ggml_gelu_quick'), a('onnxruntime', 'QuickGelu'), a('OpenAI CLIP', 'QuickGELU')],
    f: (x, p) => x * sigmoid(param(p, 'k', 1.702) * x),
    df: (x, p) => {
      const k = param(p, 'k', 1.702);
      const s = sigmoid(k * x);
      return s + k * x * s * (1 - s);
    },
    d2f: (x, p) => {
      const k = param(p, 'k', 1.702);
      const s = sigmoid(k * x);
      const ds = s * (1 - s);
      return 2 * k * ds + k * k * x * ds * (1 - 2 * s);
    },
  }),
  silu: define({
    id: 'silu',
    label: 'SiLU / Swish',
    family: 'relative',
    formula: { text: 'x·σ(β·x), β = 1', latex: 'x\\,\\sigma(\\beta x)' },
    params: [{ key: 'beta', label: 'β', description: 'Swish-β slope (β = 1 is SiLU)', default: 1, min: 0, max: 10, step: 0.01 }],
    aliases: [a('PyTorch', 'torch.nn.SiLU'), a('PyTorch', 'F.silu'), a('Hugging Face', 'silu'), a('Hugging Face', 'swish'), a('TensorFlow', 'tf.nn.silu'), a('Keras', 'swish'), a('JAX', 'jax.nn.silu'), a('ggml', 'ggml_silu')],
    f: (x, p) => x * sigmoid(param(p, 'beta', 1) * x),
    df: (x, p) => {
      const k = param(p, 'beta', 1);
      const s = sigmoid(k * x);
      return s + k * x * s * (1 - s);
    },
    d2f: (x, p) => {
      const k = param(p, 'beta', 1);
      const s = sigmoid(k * x);
      const ds = s * (1 - s);
      return 2 * k * ds + k * k * x * ds * (1 - 2 * s);
    },
  }),
  mish: define({
    id: 'mish',
    label: 'Mish',
    family: 'relative',
    formula: { text: 'x·tanh(softplus(x))', latex: 'x\\tanh(\\ln(1 + e^x))' },
    params: [],
    aliases: [a('PyTorch', 'torch.nn.Mish'), a('Hugging Face', 'mish'), a('Keras', 'keras.activations.mish')],
    f: (x) => x * Math.tanh(softplus(x)),
    df: (x) => {
      const t = Math.tanh(softplus(x));
      return t + x * (1 - t * t) * sigmoid(x);
    },
    d2f: (x) => {
      const t = Math.tanh(softplus(x));
      const s = sigmoid(x);
      const sech2 = 1 - t * t;
      return 2 * sech2 * s + x * (sech2 * s * (1 - s) - 2 * t * sech2 * s * s);
    },
  }),
  softplus: define({
    id: 'softplus',
    label: 'Softplus',
    family: 'relative',
    formula: { text: 'log(1 + eˣ)', latex: '\\ln(1 + e^x)' },
    params: [],
    aliases: [a('PyTorch', 'torch.nn.Softplus'), a('TensorFlow', 'tf.nn.softplus'), a('JAX', 'jax.nn.softplus'), a('ONNX', 'Softplus')],
    f: (x) => softplus(x),
    df: (x) => sigmoid(x),
    d2f: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
  }),
  sigmoid: define({
    id: 'sigmoid',
    label: 'Sigmoid',
    family: 'relative',
    formula: { text: 'σ(x) = 1/(1 + e⁻ˣ)', latex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}' },
    params: [],
    aliases: [a('PyTorch', 'torch.sigmoid'), a('PyTorch', 'torch.nn.Sigmoid'), a('TensorFlow', 'tf.math.sigmoid'), a('JAX', 'jax.nn.sigmoid'), a('Hugging Face', 'sigmoid'), a('ONNX', 'Sigmoid')],
    f: (x) => sigmoid(x),
    df: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
    d2f: (x) => {
      const s = sigmoid(x);
      return s * (1 - s) * (1 - 2 * s);
    },
  }),
  tanh: define({
    id: 'tanh',
    label: 'Tanh',
    family: 'relative',
    formula: { text: 'tanh(x)', latex: '\\tanh x' },
    params: [],
    aliases: [a('PyTorch', 'torch.tanh'), a('PyTorch', 'torch.nn.Tanh'), a('TensorFlow', 'tf.math.tanh'), a('JAX', 'jax.numpy.tanh'), a('Hugging Face', 'tanh'), a('ONNX', 'Tanh')],
    f: (x) => Math.tanh(x),
    df: (x) => {
      const t = Math.tanh(x);
      return 1 - t * t;
    },
    d2f: (x) => {
      const t = Math.tanh(x);
      return -2 * t * (1 - t * t);
    },
  }),
  elu: define({
    id: 'elu',
    label: 'ELU',
    family: 'relative',
    formula: { text: 'x if x > 0, else α·(eˣ − 1), α = 1', latex: 'x \\text{ if } x > 0 \\text{ else } \\alpha(e^x - 1)' },
    params: [{ key: 'alpha', label: 'α', description: 'Saturation value for negative inputs', default: 1, min: 0, max: 5, step: 0.01 }],
    aliases: [a('PyTorch', 'torch.nn.ELU'), a('TensorFlow', 'tf.nn.elu'), a('JAX', 'jax.nn.elu'), a('ONNX', 'Elu'), a('ggml', 'ggml_elu')],
    kinkConvention: 'At x = 0 the derivatives take the x ≤ 0 branch, as PyTorch autograd does: f′(0) = α, f″(0) = α.',
    f: (x, p) => (x > 0 ? x : param(p, 'alpha', 1) * Math.expm1(x)),
    df: (x, p) => (x > 0 ? 1 : param(p, 'alpha', 1) * Math.exp(x)),
    d2f: (x, p) => (x > 0 ? 0 : param(p, 'alpha', 1) * Math.exp(x)),
  }),
  selu: define({
    id: 'selu',
    label: 'SELU',
    family: 'relative',
    formula: { text: 'λ·x if x > 0, else λ·α·(eˣ − 1), λ ≈ 1.0507, α ≈ 1.6733', latex: '\\lambda x \\text{ if } x > 0 \\text{ else } \\lambda\\alpha(e^x - 1)' },
    params: [],
    aliases: [a('PyTorch', 'torch.nn.SELU'), a('TensorFlow', 'tf.nn.selu'), a('JAX', 'jax.nn.selu'), a('ONNX', 'Selu')],
    kinkConvention: 'At x = 0 the derivatives take the x ≤ 0 branch, as PyTorch autograd does: f′(0) = f″(0) = λα.',
    f: (x) => (x > 0 ? SELU_LAMBDA * x : SELU_LAMBDA * SELU_ALPHA * Math.expm1(x)),
    df: (x) => (x > 0 ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * Math.exp(x)),
    d2f: (x) => (x > 0 ? 0 : SELU_LAMBDA * SELU_ALPHA * Math.exp(x)),
  }),
  relu: define({
    id: 'relu',
    label: 'ReLU',
    family: 'relative',
    formula: { text: 'max(0, x)', latex: '\\max(0, x)' },
    params: [],
    aliases: [a('PyTorch', 'torch.nn.ReLU'), a('TensorFlow', 'tf.nn.relu'), a('JAX', 'jax.nn.relu'), a('Hugging Face', 'relu'), a('ONNX', 'Relu'), a('ggml', 'ggml_relu')],
    kinkConvention: "f′(0) = 0, as PyTorch autograd's threshold_backward returns.",
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
    d2f: () => 0,
  }),
  leaky_relu: define({
    id: 'leaky_relu',
    label: 'Leaky ReLU',
    family: 'relative',
    formula: { text: 'x if x > 0, else a·x, a = 0.01', latex: 'x \\text{ if } x > 0 \\text{ else } a x' },
    params: [{ key: 'slope', label: 'a', description: 'Slope for negative inputs', default: 0.01, min: 0, max: 1, step: 0.001 }],
    aliases: [a('PyTorch', 'torch.nn.LeakyReLU'), a('TensorFlow', 'tf.nn.leaky_relu'), a('JAX', 'jax.nn.leaky_relu'), a('ONNX', 'LeakyRelu'), a('Hugging Face', 'leaky_relu'), a('ggml', 'ggml_leaky_relu')],
    kinkConvention: 'f′(0) = a (the x ≤ 0 branch), as PyTorch autograd returns.',
    f: (x, p) => (x > 0 ? x : param(p, 'slope', 0.01) * x),
    df: (x, p) => (x > 0 ? 1 : param(p, 'slope', 0.01)),
    d2f: () => 0,
  }),
  relu6: define({
    id: 'relu6',
    label: 'ReLU6',
    family: 'relative',
    formula: { text: 'min(max(0, x), 6)', latex: '\\min(\\max(0, x), 6)' },
    params: [],
    aliases: [a('PyTorch', 'torch.nn.ReLU6'), a('TensorFlow', 'tf.nn.relu6'), a('JAX', 'jax.nn.relu6'), a('Hugging Face', 'relu6')],
    kinkConvention: 'f′(0) = f′(6) = 0, as PyTorch autograd (hardtanh_backward) returns.',
    f: (x) => (x > 0 ? (x < 6 ? x : 6) : 0),
    df: (x) => (x > 0 && x < 6 ? 1 : 0),
    d2f: () => 0,
  }),
  hardswish: define({
    id: 'hardswish',
    label: 'Hardswish',
    family: 'relative',
    formula: { text: 'x·relu6(x + 3)/6', latex: 'x\\,\\frac{\\operatorname{ReLU6}(x + 3)}{6}' },
    params: [],
    aliases: [a('PyTorch', 'torch.nn.Hardswish'), a('JAX', 'jax.nn.hard_swish'), a('ONNX', 'HardSwish'), a('ggml', 'ggml_hardswish')],
    kinkConvention: 'PyTorch convention: f′(−3) = −0.5, f′(3) = 1.5 (inner branch), f″(±3) = 0.',
    f: (x) => (x <= -3 ? 0 : x >= 3 ? x : (x * (x + 3)) / 6),
    df: (x) => (x < -3 ? 0 : x <= 3 ? x / 3 + 0.5 : 1),
    d2f: (x) => (x > -3 && x < 3 ? 1 / 3 : 0),
  }),
};

void erfc;
