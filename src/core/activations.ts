/**
 * The registry of activation functions, one record per function (types.ts `Activation`): labels,
 * family, formula, parameters, kinks, code names and source for the snippets, colour slot, and
 * f, f′, f″ with a batch form. Framework spellings live in the framework catalogue, not here.
 * Adding a function: its id in FUNCTION_IDS (types.ts), its record here. The numerics live in erf.ts (exact
 * GELU) and kernels.ts (the others); every function is accurate to about one ulp over all
 * doubles (see test/unit/core/accuracy.test.ts), gives the mathematical limits at ±∞ and NaN
 * for NaN, and never throws.
 *
 * Parameters: a missing key takes its default. Every parameter value, default or given, means
 * the decimal it prints as (`String(v)`), not its nearest double: 0.044715, 1.702, 0.01, or a
 * user's 0.1, is carried as a double-double (the double and decimalTail(v), kernelsAdded.ts)
 * wherever the difference can show in the result (inside an exponential, a comparison with x, a
 * cancellation); the reference values are computed from the same decimals. The registry
 * functions accept any values and never throw; checkParams (params.ts) is what refuses values
 * outside a ParamSpec's range before they reach the plot, the hovers or the snippets.
 */
import {
  GELU_TANH_C_HI, GELU_TANH_C_LO, LEAKY_SLOPE_HI, LEAKY_SLOPE_LO, QUICK_GELU_K_HI, QUICK_GELU_K_LO, SELU_LAMBDA_ALPHA_HI,
  SELU_LAMBDA_ALPHA_LO, SELU_LAMBDA_HI, SELU_LAMBDA_LO, SQRT_2_OVER_PI_HI, SQRT_2_OVER_PI_LO,
} from './coefficients';
import { geluDerivative, geluSecondDerivative, geluValue } from './erf';
import {
  eluScaled, eluScaledD1, eluScaledD2, geluTanh, geluTanhD1, geluTanhD2, hardswish, hardswishD1, leaky, mish, mishD1, mishD2,
  sigmoid, sigmoidD1, sigmoidD2, softplus, softplusD2, tanh, tanhD1, tanhD2, xSigmoid, xSigmoidD1, xSigmoidD2,
} from './kernels';
import {
  celu, celuD1, celuD2, decimalTail, geluIbert, geluIbertD1, geluIbertD2, hardshrink, hardshrinkD1, hardshrinkD2, hardSigmoid, hardSigmoidD1,
  hardSigmoidD2, hardtanh, hardtanhD1, hardtanhD2, laplace, laplaceD1, laplaceD2, logSigmoid, logSigmoidD1, logSigmoidD2, relu2, relu2D1,
  relu2D2, snake, snakeD1, snakeD2, softshrink, softshrinkD1, softshrinkD2, softsign, softsignD1, softsignD2, sparsePlus, sparsePlusD1,
  sparsePlusD2, squareplus, squareplusD1, squareplusD2, tanhshrink, tanhshrinkD1, tanhshrinkD2, xielu, xieluD1, xieluD2,
} from './kernelsAdded';
import type { Activation, FunctionId, Order, Params } from './types';

/** A record as written below: the batch form is optional (a loop over the scalar one by default). */
type ActivationRecord = Omit<Activation, 'batch'> & { readonly batch?: Activation['batch'] };

/** The value of parameter `key`, or `fallback` when it is missing. */
function param(p: Params | undefined, key: string, fallback: number): number {
  const v = p?.[key];
  return typeof v === 'number' ? v : fallback;
}

/**
 * PAR[0] + PAR[1]: parameter `key` as the decimal it prints as (the registry's one convention,
 * see the file comment): the given double v and decimalTail(v), or the default's decimal dh + dl
 * when missing (a typed array, as storing a double into a closure variable allocates).
 */
const PAR = new Float64Array(2);
function decimalParam(p: Params | undefined, key: string, dh: number, dl: number): void {
  const v = p?.[key];
  const given = typeof v === 'number' && v !== dh;
  PAR[0] = given ? v : dh;
  PAR[1] = given ? decimalTail(v) : dl;
}

function define(spec: ActivationRecord): Activation {
  const { f, df, d2f } = spec;
  return {
    ...spec,
    batch: spec.batch ?? function batch(xs: Float64Array, order: Order, p?: Params, out?: Float64Array): Float64Array {
      const res = out ?? new Float64Array(xs.length);
      const g = order === 0 ? f : order === 1 ? df : d2f;
      const n = Math.min(xs.length, res.length);
      for (let i = 0; i < n; i++) res[i] = g(xs[i]!, p);
      return res;
    },
  };
}

const tanhC = (p?: Params): void => decimalParam(p, 'c', GELU_TANH_C_HI, GELU_TANH_C_LO);
const quickK = (p?: Params): void => decimalParam(p, 'k', QUICK_GELU_K_HI, QUICK_GELU_K_LO);
const leakyA = (p?: Params): void => decimalParam(p, 'slope', LEAKY_SLOPE_HI, LEAKY_SLOPE_LO);

/** GELU's batch loops, written out so that the hot path stays monomorphic. */
function geluBatch(xs: Float64Array, order: Order, _p?: Params, out?: Float64Array): Float64Array {
  const res = out ?? new Float64Array(xs.length);
  const n = Math.min(xs.length, res.length);
  if (order === 0) for (let i = 0; i < n; i++) res[i] = geluValue(xs[i]!);
  else if (order === 1) for (let i = 0; i < n; i++) res[i] = geluDerivative(xs[i]!);
  else for (let i = 0; i < n; i++) res[i] = geluSecondDerivative(xs[i]!);
  return res;
}

export const activations: Readonly<Record<FunctionId, Activation>> = {
  gelu: define({
    id: 'gelu',
    label: 'GELU (exact)',
    shortLabel: 'GELU',
    summary: 'Exact GELU: x·Φ(x)',
    family: 'gelu',
    formula: {
      text: 'GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))',
      latex: '\\operatorname{GELU}(x) = x\\,\\Phi(x) = \\tfrac{1}{2}\\,x\\left(1 + \\operatorname{erf}\\!\\left(\\tfrac{x}{\\sqrt{2}}\\right)\\right)',
    },
    params: [],
    code: { baseName: 'gelu', className: 'GELU', source: 'Hendrycks & Gimpel (2016), "Gaussian Error Linear Units (GELUs)", arXiv:1606.08415.' },
    colorSlot: 0,
    f: (x) => geluValue(x),
    df: (x) => geluDerivative(x),
    d2f: (x) => geluSecondDerivative(x),
    batch: geluBatch,
  }),
  gelu_tanh: define({
    id: 'gelu_tanh',
    label: 'GELU (tanh approximation)',
    shortLabel: 'GELU tanh',
    summary: 'GELU, tanh approximation',
    family: 'gelu',
    approximates: 'gelu',
    formula: {
      text: '½·x·(1 + tanh(√(2/π)·(x + c·x³))), c = 0.044715',
      latex: '\\tfrac{1}{2}\\,x\\left(1 + \\tanh\\!\\left(\\sqrt{2/\\pi}\\,\\left(x + c\\,x^{3}\\right)\\right)\\right),\\quad c = 0.044715',
    },
    params: [{ key: 'c', label: 'c', description: 'Cubic coefficient inside tanh', default: 0.044715, min: 0, max: 0.1, step: 0.0001 }],
    code: { baseName: 'gelu', className: 'GeluTanh', source: 'Hendrycks & Gimpel (2016), arXiv:1606.08415, the tanh approximation (also BERT/GPT-2 "gelu_new").' },
    colorSlot: 1,
    f: (x, p) => {
      tanhC(p);
      return geluTanh(x, PAR[0]!, PAR[1]!, SQRT_2_OVER_PI_HI, SQRT_2_OVER_PI_LO);
    },
    df: (x, p) => {
      tanhC(p);
      return geluTanhD1(x, PAR[0]!, PAR[1]!, SQRT_2_OVER_PI_HI, SQRT_2_OVER_PI_LO);
    },
    d2f: (x, p) => {
      tanhC(p);
      return geluTanhD2(x, PAR[0]!, PAR[1]!, SQRT_2_OVER_PI_HI, SQRT_2_OVER_PI_LO);
    },
  }),
  gelu_sigmoid: define({
    id: 'gelu_sigmoid',
    label: 'GELU (sigmoid approximation, QuickGELU)',
    shortLabel: 'QuickGELU',
    summary: 'GELU, sigmoid approximation (QuickGELU): x·σ(1.702x)',
    family: 'gelu',
    approximates: 'gelu',
    formula: {
      text: 'x·σ(k·x), k = 1.702',
      latex: 'x\\,\\sigma(k x) = \\frac{x}{1 + e^{-k x}},\\quad k = 1.702',
    },
    params: [{ key: 'k', label: 'k', description: 'Slope inside the sigmoid', default: 1.702, min: 0.5, max: 4, step: 0.001 }],
    code: { baseName: 'gelu', className: 'QuickGELU', source: 'Hendrycks & Gimpel (2016), arXiv:1606.08415, the sigmoid approximation; "QuickGELU" in OpenAI CLIP.' },
    colorSlot: 2,
    f: (x, p) => {
      quickK(p);
      return xSigmoid(x, PAR[0]!, PAR[1]!);
    },
    df: (x, p) => {
      quickK(p);
      return xSigmoidD1(x, PAR[0]!, PAR[1]!);
    },
    d2f: (x, p) => {
      quickK(p);
      return xSigmoidD2(x, PAR[0]!, PAR[1]!);
    },
  }),
  silu: define({
    id: 'silu',
    label: 'SiLU / Swish',
    shortLabel: 'SiLU',
    summary: 'SiLU / Swish: x·σ(βx)',
    family: 'smooth',
    formula: {
      text: 'x·σ(β·x), β = 1',
      latex: 'x\\,\\sigma(\\beta x) = \\frac{x}{1 + e^{-\\beta x}},\\quad \\beta = 1',
    },
    params: [{ key: 'beta', label: 'β', description: 'Swish-β slope (β = 1 is SiLU)', default: 1, min: 0, max: 10, step: 0.01 }],
    code: { baseName: 'silu', className: 'SiLU', source: 'Hendrycks & Gimpel (2016); Elfwing, Uchibe & Doya (2018); "Swish", Ramachandran, Zoph & Le (2017).' },
    colorSlot: 3,
    f: (x, p) => {
      decimalParam(p, 'beta', 1, 0);
      return xSigmoid(x, PAR[0]!, PAR[1]!);
    },
    df: (x, p) => {
      decimalParam(p, 'beta', 1, 0);
      return xSigmoidD1(x, PAR[0]!, PAR[1]!);
    },
    d2f: (x, p) => {
      decimalParam(p, 'beta', 1, 0);
      return xSigmoidD2(x, PAR[0]!, PAR[1]!);
    },
  }),
  mish: define({
    id: 'mish',
    label: 'Mish',
    shortLabel: 'Mish',
    summary: 'Mish: x·tanh(softplus(x))',
    family: 'smooth',
    formula: { text: 'x·tanh(softplus(x))', latex: 'x\\,\\tanh\\!\\left(\\ln\\left(1 + e^{x}\\right)\\right)' },
    params: [],
    code: { baseName: 'mish', className: 'Mish', source: 'Misra (2019), "Mish: A Self Regularized Non-Monotonic Activation Function", arXiv:1908.08681.' },
    colorSlot: 4,
    f: (x) => mish(x),
    df: (x) => mishD1(x),
    d2f: (x) => mishD2(x),
  }),
  softplus: define({
    id: 'softplus',
    label: 'Softplus',
    shortLabel: 'Softplus',
    summary: 'Softplus: log(1+eˣ)',
    family: 'smooth',
    formula: { text: 'log(1 + eˣ)', latex: '\\operatorname{softplus}(x) = \\ln\\left(1 + e^{x}\\right)' },
    params: [],
    code: { baseName: 'softplus', className: 'Softplus', source: 'Dugas et al. (2001), "Incorporating Second-Order Functional Knowledge for Better Option Pricing".' },
    colorSlot: 5,
    f: (x) => softplus(x),
    df: (x) => sigmoid(x),
    d2f: (x) => softplusD2(x),
  }),
  sigmoid: define({
    id: 'sigmoid',
    label: 'Sigmoid',
    shortLabel: 'Sigmoid',
    summary: 'Sigmoid σ(x)',
    family: 'squashing',
    formula: { text: 'σ(x) = 1/(1 + e⁻ˣ)', latex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}' },
    params: [],
    code: { baseName: 'sigmoid', className: 'Sigmoid', source: 'the logistic function.' },
    colorSlot: 6,
    f: (x) => sigmoid(x),
    df: (x) => sigmoidD1(x),
    d2f: (x) => sigmoidD2(x),
  }),
  tanh: define({
    id: 'tanh',
    label: 'Tanh',
    shortLabel: 'Tanh',
    summary: 'tanh(x)',
    family: 'squashing',
    formula: { text: 'tanh(x)', latex: '\\tanh x = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}' },
    params: [],
    code: { baseName: 'tanh_act', className: 'Tanh', source: 'the hyperbolic tangent.' },
    colorSlot: 7,
    f: (x) => tanh(x),
    df: (x) => tanhD1(x),
    d2f: (x) => tanhD2(x),
  }),
  elu: define({
    id: 'elu',
    label: 'ELU',
    shortLabel: 'ELU',
    summary: 'ELU',
    family: 'relu',
    formula: {
      text: 'x if x > 0, else α·(eˣ − 1), α = 1',
      latex: '\\operatorname{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\left(e^{x} - 1\\right) & x \\le 0 \\end{cases},\\quad \\alpha = 1',
    },
    params: [{ key: 'alpha', label: 'α', description: 'Saturation value for negative inputs', default: 1, min: 0, max: 5, step: 0.01 }],
    code: { baseName: 'elu', className: 'ELU', source: 'Clevert, Unterthiner & Hochreiter (2015), "Exponential Linear Units", arXiv:1511.07289.' },
    colorSlot: 8,
    kinks: { at: [0], convention: 'At x = 0, as PyTorch autograd: f′(0) = α (the x ≤ 0 branch), f″(0) = 0 (the double backward masks x < 0).' },
    f: (x, p) => {
      decimalParam(p, 'alpha', 1, 0);
      return eluScaled(x, 1, 0, PAR[0]!, PAR[1]!);
    },
    df: (x, p) => {
      decimalParam(p, 'alpha', 1, 0);
      return eluScaledD1(x, 1, PAR[0]!, PAR[1]!);
    },
    d2f: (x, p) => {
      decimalParam(p, 'alpha', 1, 0);
      return eluScaledD2(x, PAR[0]!, PAR[1]!);
    },
  }),
  // SELU's λ and α are fixed, not parameters: self-normalisation (zero mean, unit variance
  // kept from layer to layer) holds only for these values.
  selu: define({
    id: 'selu',
    label: 'SELU',
    shortLabel: 'SELU',
    summary: 'SELU',
    family: 'relu',
    formula: {
      text: 'λ·x if x > 0, else λ·α·(eˣ − 1), λ ≈ 1.0507, α ≈ 1.6733',
      latex: '\\operatorname{SELU}(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\left(e^{x} - 1\\right) & x \\le 0 \\end{cases},\\quad \\lambda \\approx 1.0507,\\ \\alpha \\approx 1.6733',
    },
    params: [],
    code: { baseName: 'selu', className: 'SELU', source: 'Klambauer et al. (2017), "Self-Normalizing Neural Networks", arXiv:1706.02515.' },
    colorSlot: 9,
    kinks: { at: [0], convention: 'At x = 0, as PyTorch autograd: f′(0) = λα (the x ≤ 0 branch), f″(0) = 0 (the double backward masks x < 0).' },
    f: (x) => eluScaled(x, SELU_LAMBDA_HI, SELU_LAMBDA_LO, SELU_LAMBDA_ALPHA_HI, SELU_LAMBDA_ALPHA_LO),
    df: (x) => eluScaledD1(x, SELU_LAMBDA_HI, SELU_LAMBDA_ALPHA_HI, SELU_LAMBDA_ALPHA_LO),
    d2f: (x) => eluScaledD2(x, SELU_LAMBDA_ALPHA_HI, SELU_LAMBDA_ALPHA_LO),
  }),
  relu: define({
    id: 'relu',
    label: 'ReLU',
    shortLabel: 'ReLU',
    summary: 'ReLU',
    family: 'relu',
    formula: { text: 'max(0, x)', latex: '\\operatorname{ReLU}(x) = \\max(0, x)' },
    params: [],
    code: { baseName: 'relu', className: 'ReLU', source: 'Nair & Hinton (2010), "Rectified Linear Units Improve Restricted Boltzmann Machines".' },
    colorSlot: 10,
    kinks: { at: [0], convention: "f′(0) = 0, as PyTorch autograd's threshold_backward returns." },
    f: (x) => (x > 0 ? x : x === x ? 0 : NaN),
    df: (x) => (x > 0 ? 1 : x === x ? 0 : NaN),
    d2f: (x) => (x === x ? 0 : NaN),
  }),
  leaky_relu: define({
    id: 'leaky_relu',
    label: 'Leaky ReLU',
    shortLabel: 'Leaky ReLU',
    summary: 'Leaky ReLU',
    family: 'relu',
    formula: {
      text: 'x if x > 0, else a·x, a = 0.01',
      latex: '\\operatorname{LeakyReLU}(x) = \\begin{cases} x & x > 0 \\\\ a\\,x & x \\le 0 \\end{cases},\\quad a = 0.01',
    },
    params: [{ key: 'slope', label: 'a', description: 'Slope for negative inputs (PReLU learns it: PyTorch starts at 0.25, Keras at 0)', default: 0.01, min: 0, max: 1, step: 0.001 }],
    code: { baseName: 'leaky_relu', className: 'LeakyReLU', source: 'Maas, Hannun & Ng (2013), "Rectifier Nonlinearities Improve Neural Network Acoustic Models".' },
    colorSlot: 11,
    kinks: { at: [0], convention: 'f′(0) = a (the x ≤ 0 branch), as PyTorch autograd returns.' },
    f: (x, p) => {
      leakyA(p);
      return leaky(x, PAR[0]!, PAR[1]!);
    },
    df: (x, p) => (x > 0 ? 1 : x === x ? param(p, 'slope', LEAKY_SLOPE_HI) : NaN),
    d2f: (x) => (x === x ? 0 : NaN),
  }),
  relu6: define({
    id: 'relu6',
    label: 'ReLU6',
    shortLabel: 'ReLU6',
    summary: 'ReLU6',
    family: 'relu',
    formula: { text: 'min(max(0, x), 6)', latex: '\\operatorname{ReLU6}(x) = \\min\\left(\\max(0, x), 6\\right)' },
    params: [],
    code: { baseName: 'relu6', className: 'ReLU6', source: 'Krizhevsky (2010), "Convolutional Deep Belief Networks on CIFAR-10".' },
    colorSlot: 12,
    kinks: { at: [0, 6], convention: 'f′(0) = f′(6) = 0, as PyTorch autograd (hardtanh_backward) returns.' },
    f: (x) => (x > 0 ? (x < 6 ? x : 6) : x === x ? 0 : NaN),
    df: (x) => (x > 0 && x < 6 ? 1 : x === x ? 0 : NaN),
    d2f: (x) => (x === x ? 0 : NaN),
  }),
  hardswish: define({
    id: 'hardswish',
    label: 'Hardswish',
    shortLabel: 'Hardswish',
    summary: 'Hardswish',
    family: 'smooth',
    formula: {
      text: 'x·relu6(x + 3)/6',
      latex: '\\operatorname{Hardswish}(x) = x\\,\\frac{\\operatorname{ReLU6}(x + 3)}{6}',
    },
    params: [],
    code: { baseName: 'hardswish', className: 'Hardswish', source: 'Howard et al. (2019), "Searching for MobileNetV3", arXiv:1905.02244.' },
    colorSlot: 13,
    kinks: { at: [-3, 3], convention: 'PyTorch convention: f′(−3) = −0.5, f′(3) = 1.5 (inner branch), f″(±3) = 0.' },
    f: (x) => hardswish(x),
    df: (x) => hardswishD1(x),
    d2f: (x) => (x > -3 && x < 3 ? 1 / 3 : x === x ? 0 : NaN),
  }),  relu2: define({
    id: 'relu2',
    label: 'Squared ReLU (relu2)',
    shortLabel: 'ReLU²',
    summary: 'Squared ReLU: max(0, x)² (Primer; Nemotron, BitNet)',
    family: 'relu',
    formula: { text: 'max(0, x)²', latex: '\\operatorname{ReLU}(x)^{2} = \\max(0, x)^{2}' },
    params: [],
    code: { baseName: 'relu2', className: 'ReLUSquared', source: 'So et al. (2021), "Primer: Searching for Efficient Transformers for Language Modeling", arXiv:2109.08668.' },
    colorSlot: 14,
    kinks: { at: [0], convention: 'A kink of f″ at 0: f′(0) = 0, f″(0) = 0 (the x ≤ 0 branch, as PyTorch autograd through relu then square).' },
    f: (x) => relu2(x),
    df: (x) => relu2D1(x),
    d2f: (x) => relu2D2(x),
  }),
  // xIELU's parameters are the EFFECTIVE ones (αₚ = softplus(raw αₚ), αₙ = β + softplus(raw αₙ) in
  // transformers' XIELUActivation, which stores the raw values): the ones the formula uses.
  xielu: define({
    id: 'xielu',
    label: 'xIELU (expanded integral of ELU)',
    shortLabel: 'xIELU',
    summary: 'xIELU: αₚx² + βx (x > 0), αₙ(expm1(min(x, ε)) − x) + βx (x ≤ 0) (Apertus); effective αₚ, αₙ',
    family: 'smooth',
    formula: {
      text: 'αp·x² + β·x if x > 0, else αn·(expm1(min(x, ε)) − x) + β·x, αp = 0.8, αn = 0.8, β = 0.5, ε = -0.000001',
      latex: '\\begin{cases} \\alpha_p x^{2} + \\beta x & x > 0 \\\\ \\alpha_n\\left(e^{\\min(x, \\varepsilon)} - 1 - x\\right) + \\beta x & x \\le 0 \\end{cases},\\quad \\alpha_p = \\alpha_n = 0.8,\\ \\beta = 0.5,\\ \\varepsilon = -10^{-6}',
    },
    params: [
      { key: 'alphaP', label: 'αp', description: 'Effective αₚ = softplus(raw αₚ), the x² coefficient for x > 0 (transformers stores the raw value)', default: 0.8, min: 0, max: 10, step: 0.01 },
      { key: 'alphaN', label: 'αn', description: 'Effective αₙ = β + softplus(raw αₙ), must exceed β (transformers stores the raw value)', default: 0.8, min: 0, max: 10, step: 0.01 },
      { key: 'beta', label: 'β', description: 'Linear coefficient on both sides', default: 0.5, min: 0, max: 2, step: 0.01 },
      { key: 'eps', label: 'ε', description: 'Where expm1 stops following x (≤ 0)', default: -1e-6, min: -0.01, max: 0, step: 1e-6 },
    ],
    code: { baseName: 'xielu', className: 'XIELU', source: 'Huang & Schlag (2025), "Deriving Activation Functions Using Integration", arXiv:2411.13010; transformers XIELUActivation (Apertus).' },
    colorSlot: 15,
    kinks: {
      at: [-1e-6, 0],
      convention: 'A jump at 0 and a kink at ε: at x = 0 the x ≤ 0 branch (f(0) = αₙ·expm1(ε), f′(0) = β − αₙ, f″(0) = 0), at x = ε the exp branch (f′(ε) = αₙ·expm1(ε) + β), as transformers\' torch.where(x > 0, …) gives.',
    },
    f: (x, p) => xielu(x, param(p, 'alphaP', 0.8), param(p, 'alphaN', 0.8), param(p, 'beta', 0.5), param(p, 'eps', -1e-6)),
    df: (x, p) => xieluD1(x, param(p, 'alphaP', 0.8), param(p, 'alphaN', 0.8), param(p, 'beta', 0.5), param(p, 'eps', -1e-6)),
    d2f: (x, p) => xieluD2(x, param(p, 'alphaP', 0.8), param(p, 'alphaN', 0.8), param(p, 'beta', 0.5), param(p, 'eps', -1e-6)),
  }),
  snake: define({
    id: 'snake',
    label: 'Snake',
    shortLabel: 'Snake',
    summary: 'Snake: x + sin²(αx)/(α + ε) (ε = 0 the paper; BigVGAN ε = 1e−9)',
    family: 'periodic',
    formula: {
      text: 'x + sin²(α·x)/(α + ε), α = 1, ε = 0',
      latex: 'x + \\frac{\\sin^{2}(\\alpha x)}{\\alpha + \\varepsilon},\\quad \\alpha = 1,\\ \\varepsilon = 0',
    },
    params: [
      { key: 'alpha', label: 'α', description: 'Frequency (BigVGAN learns it per channel, optionally as log α)', default: 1, min: 0.05, max: 10, step: 0.05 },
      { key: 'eps', label: 'ε', description: 'Added to α in the denominator: 0 in the paper, 1e−9 in BigVGAN', default: 0, min: 0, max: 0.000001, step: 1e-9 },
    ],
    code: { baseName: 'snake', className: 'Snake', source: 'Ziyin, Hartwig & Ueda (2020), "Neural Networks Fail to Learn Periodic Functions and How to Fix It", arXiv:2006.08195; BigVGAN adds 1e-9 to α in the denominator.' },
    colorSlot: 16,
    f: (x, p) => snake(x, param(p, 'alpha', 1), param(p, 'eps', 0)),
    df: (x, p) => snakeD1(x, param(p, 'alpha', 1), param(p, 'eps', 0)),
    d2f: (x, p) => snakeD2(x, param(p, 'alpha', 1), param(p, 'eps', 0)),
  }),
  celu: define({
    id: 'celu',
    label: 'CELU',
    shortLabel: 'CELU',
    summary: 'CELU: max(0, x) + min(0, α·(e^(x/α) − 1))',
    family: 'relu',
    formula: {
      text: 'max(0, x) + min(0, α·(exp(x/α) − 1)), α = 1',
      latex: '\\operatorname{CELU}(x) = \\max(0, x) + \\min\\left(0, \\alpha\\left(e^{x/\\alpha} - 1\\right)\\right),\\quad \\alpha = 1',
    },
    params: [{ key: 'alpha', label: 'α', description: 'Saturation value for negative inputs (> 0)', default: 1, min: 0.01, max: 5, step: 0.01 }],
    code: { baseName: 'celu', className: 'CELU', source: 'Barron (2017), "Continuously Differentiable Exponential Linear Units", arXiv:1704.07483.' },
    colorSlot: 17,
    kinks: { at: [0], convention: 'A kink of f″ at 0: f′(0) = 1, f″(0) = 0, as PyTorch autograd (its double backward masks x < 0, as for ELU).' },
    f: (x, p) => celu(x, param(p, 'alpha', 1)),
    df: (x, p) => celuD1(x, param(p, 'alpha', 1)),
    d2f: (x, p) => celuD2(x, param(p, 'alpha', 1)),
  }),
  softsign: define({
    id: 'softsign',
    label: 'Softsign',
    shortLabel: 'Softsign',
    summary: 'Softsign: x/(1 + |x|)',
    family: 'squashing',
    formula: { text: 'x/(1 + |x|)', latex: '\\operatorname{softsign}(x) = \\frac{x}{1 + |x|}' },
    params: [],
    code: { baseName: 'softsign', className: 'Softsign', source: 'Bergstra et al. (2009), "Quadratic Polynomials Learn Better Image Features"; Glorot & Bengio (2010).' },
    colorSlot: 18,
    kinks: { at: [0], convention: 'A kink of f″ at 0: f″(0) = 0 (PyTorch autograd, sign(0) = 0).' },
    f: (x) => softsign(x),
    df: (x) => softsignD1(x),
    d2f: (x) => softsignD2(x),
  }),
  hardtanh: define({
    id: 'hardtanh',
    label: 'Hardtanh',
    shortLabel: 'Hardtanh',
    summary: 'Hardtanh: clamp(x, min, max), default [−1, 1]',
    family: 'squashing',
    formula: { text: 'clamp(x, min, max), min = -1, max = 1', latex: '\\min\\left(\\max(x, m_{-}), m_{+}\\right),\\quad m_{-} = -1,\\ m_{+} = 1' },
    params: [
      { key: 'min', label: 'min', description: 'Lower bound (below max)', default: -1, min: -10, max: 0, step: 0.1 },
      { key: 'max', label: 'max', description: 'Upper bound (above min)', default: 1, min: 0, max: 10, step: 0.1 },
    ],
    code: { baseName: 'hardtanh', className: 'Hardtanh', source: 'Collobert (2004), "Large Scale Machine Learning" (PhD thesis); PyTorch nn.Hardtanh.' },
    colorSlot: 19,
    kinks: { at: [-1, 1], convention: 'f′(min) = f′(max) = 0, as PyTorch autograd (hardtanh_backward) returns.' },
    f: (x, p) => hardtanh(x, param(p, 'min', -1), param(p, 'max', 1)),
    df: (x, p) => hardtanhD1(x, param(p, 'min', -1), param(p, 'max', 1)),
    d2f: (x) => hardtanhD2(x),
  }),
  // One id with the ramp's half-width h as a parameter, not two ids: both variants are
  // clamp((x + h)/(2h), 0, 1) (PyTorch/Keras 3/JAX h = 3, Keras 2/ONNX h = 2.5), so a slider
  // moves between them and ONNX's HardSigmoid(α, β = 0.5) is h = 1/(2α).
  hard_sigmoid: define({
    id: 'hard_sigmoid',
    label: 'Hard sigmoid',
    shortLabel: 'Hard sigmoid',
    summary: 'Hard sigmoid: relu6(x + 3)/6 (PyTorch, Keras 3, JAX); half-width h = 2.5 gives clip(0.2x + 0.5, 0, 1) (Keras 2, ONNX)',
    family: 'squashing',
    formula: {
      text: 'clamp((x + h)/(2h), 0, 1), h = 3',
      latex: '\\min\\left(\\max\\left(\\frac{x + h}{2h}, 0\\right), 1\\right),\\quad h = 3',
    },
    params: [{ key: 'h', label: 'h', description: 'Half-width of the ramp: 3 is relu6(x + 3)/6 (PyTorch, Keras 3, JAX), 2.5 is clip(0.2x + 0.5) (Keras 2, ONNX)', default: 3, min: 0.5, max: 10, step: 0.5 }],
    code: { baseName: 'hard_sigmoid', className: 'Hardsigmoid', source: 'Courbariaux, Bengio & David (2015), "BinaryConnect", arXiv:1511.00363; relu6(x + 3)/6 as in Howard et al. (2019), arXiv:1905.02244.' },
    colorSlot: 20,
    kinks: { at: [-3, 3], convention: 'f′(±h) = 0, as PyTorch autograd (hardsigmoid_backward) returns.' },
    f: (x, p) => hardSigmoid(x, param(p, 'h', 3)),
    df: (x, p) => hardSigmoidD1(x, param(p, 'h', 3)),
    d2f: (x) => hardSigmoidD2(x),
  }),
  log_sigmoid: define({
    id: 'log_sigmoid',
    label: 'Log-sigmoid',
    shortLabel: 'Log-sigmoid',
    summary: 'Log-sigmoid: log σ(x) = −softplus(−x)',
    family: 'squashing',
    formula: { text: 'log σ(x) = −log(1 + e⁻ˣ)', latex: '\\log\\sigma(x) = -\\ln\\left(1 + e^{-x}\\right)' },
    params: [],
    code: { baseName: 'log_sigmoid', className: 'LogSigmoid', source: 'the logarithm of the logistic function.' },
    colorSlot: 21,
    f: (x) => logSigmoid(x),
    df: (x) => logSigmoidD1(x),
    d2f: (x) => logSigmoidD2(x),
  }),
  tanhshrink: define({
    id: 'tanhshrink',
    label: 'Tanhshrink',
    shortLabel: 'Tanhshrink',
    summary: 'Tanhshrink: x − tanh(x)',
    family: 'shrinkage',
    formula: { text: 'x − tanh(x)', latex: 'x - \\tanh x' },
    params: [],
    code: { baseName: 'tanhshrink', className: 'Tanhshrink', source: 'PyTorch nn.Tanhshrink (Torch7 TanhShrink).' },
    colorSlot: 22,
    f: (x) => tanhshrink(x),
    df: (x) => tanhshrinkD1(x),
    d2f: (x) => tanhshrinkD2(x),
  }),
  softshrink: define({
    id: 'softshrink',
    label: 'Softshrink',
    shortLabel: 'Softshrink',
    summary: 'Softshrink: x − λ·sign(x) where |x| > λ, else 0',
    family: 'shrinkage',
    formula: {
      text: 'x − λ if x > λ, x + λ if x < −λ, else 0, λ = 0.5',
      latex: '\\begin{cases} x - \\lambda & x > \\lambda \\\\ x + \\lambda & x < -\\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases},\\quad \\lambda = 0.5',
    },
    params: [{ key: 'lambda', label: 'λ', description: 'Half-width of the band set to 0', default: 0.5, min: 0, max: 5, step: 0.01 }],
    code: { baseName: 'softshrink', className: 'Softshrink', source: 'Donoho (1995), "De-noising by soft-thresholding"; PyTorch nn.Softshrink.' },
    colorSlot: 23,
    kinks: { at: [-0.5, 0.5], convention: 'f′(±λ) = 0 (the inner branch), as PyTorch autograd returns.' },
    f: (x, p) => softshrink(x, param(p, 'lambda', 0.5)),
    df: (x, p) => softshrinkD1(x, param(p, 'lambda', 0.5)),
    d2f: (x) => softshrinkD2(x),
  }),
  hardshrink: define({
    id: 'hardshrink',
    label: 'Hardshrink',
    shortLabel: 'Hardshrink',
    summary: 'Hardshrink: x where |x| > λ, else 0',
    family: 'shrinkage',
    formula: {
      text: 'x if |x| > λ, else 0, λ = 0.5',
      latex: '\\begin{cases} x & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases},\\quad \\lambda = 0.5',
    },
    params: [{ key: 'lambda', label: 'λ', description: 'Half-width of the band set to 0', default: 0.5, min: 0, max: 5, step: 0.01 }],
    code: { baseName: 'hardshrink', className: 'Hardshrink', source: 'Donoho & Johnstone (1994), hard thresholding; PyTorch nn.Hardshrink.' },
    colorSlot: 24,
    kinks: { at: [-0.5, 0.5], convention: 'Jumps at ±λ: f(±λ) = 0 and f′(±λ) = 0 (the inner branch), as PyTorch returns.' },
    f: (x, p) => hardshrink(x, param(p, 'lambda', 0.5)),
    df: (x, p) => hardshrinkD1(x, param(p, 'lambda', 0.5)),
    d2f: (x) => hardshrinkD2(x),
  }),
  sparse_plus: define({
    id: 'sparse_plus',
    label: 'Sparse plus',
    shortLabel: 'Sparse plus',
    summary: 'Sparse plus: 0, (x + 1)²/4, x on x ≤ −1, |x| < 1, x ≥ 1 (Keras 3, JAX)',
    family: 'smooth',
    formula: {
      text: '0 if x ≤ −1, (x + 1)²/4 if −1 < x < 1, x if x ≥ 1',
      latex: '\\begin{cases} 0 & x \\le -1 \\\\ \\tfrac{1}{4}(x + 1)^{2} & -1 < x < 1 \\\\ x & x \\ge 1 \\end{cases}',
    },
    params: [],
    code: { baseName: 'sparse_plus', className: 'SparsePlus', source: 'Blondel, Martins & Niculae (2020), "Learning with Fenchel-Young Losses" (the sparsemax-induced softplus); Keras 3 and JAX sparse_plus.' },
    colorSlot: 25,
    kinks: { at: [-1, 1], convention: 'Kinks of f″ at ±1, which take the outer branches (f″(±1) = 0), as JAX\'s where gives.' },
    f: (x) => sparsePlus(x),
    df: (x) => sparsePlusD1(x),
    d2f: (x) => sparsePlusD2(x),
  }),
  squareplus: define({
    id: 'squareplus',
    label: 'Squareplus',
    shortLabel: 'Squareplus',
    summary: 'Squareplus: (x + √(x² + b))/2',
    family: 'smooth',
    formula: { text: '(x + √(x² + b))/2, b = 4', latex: '\\tfrac{1}{2}\\left(x + \\sqrt{x^{2} + b}\\right),\\quad b = 4' },
    params: [{ key: 'b', label: 'b', description: 'Curvature at 0 (b = 0 is ReLU)', default: 4, min: 0, max: 16, step: 0.1 }],
    code: { baseName: 'squareplus', className: 'Squareplus', source: 'Barron (2021), "Squareplus: A Softplus-Like Algebraic Rectifier", arXiv:2112.11687.' },
    colorSlot: 26,
    f: (x, p) => squareplus(x, param(p, 'b', 4)),
    df: (x, p) => squareplusD1(x, param(p, 'b', 4)),
    d2f: (x, p) => squareplusD2(x, param(p, 'b', 4)),
  }),
  laplace: define({
    id: 'laplace',
    label: 'Laplace activation',
    shortLabel: 'Laplace',
    summary: 'Laplace: ½(1 + erf((x − μ)/(σ√2))), μ = 0.707107, σ = 0.282095 (transformers)',
    family: 'gelu',
    formula: {
      text: '½·(1 + erf((x − μ)/(σ·√2))), μ = 0.707107, σ = 0.282095',
      latex: '\\tfrac{1}{2}\\left(1 + \\operatorname{erf}\\!\\left(\\frac{x - \\mu}{\\sigma\\sqrt{2}}\\right)\\right),\\quad \\mu = 0.707107,\\ \\sigma = 0.282095',
    },
    params: [
      { key: 'mu', label: 'μ', description: 'Centre (≈ √½)', default: 0.707107, min: -5, max: 5, step: 0.001 },
      { key: 'sigma', label: 'σ', description: 'Width (≈ 1/(2√π)), > 0', default: 0.282095, min: 0.01, max: 5, step: 0.001 },
    ],
    code: { baseName: 'laplace', className: 'LaplaceActivation', source: 'Chen et al. (2022), "Approximate ReLU with the Laplace function" (MEGA, arXiv:2209.10655); transformers LaplaceActivation.' },
    colorSlot: 27,
    f: (x, p) => laplace(x, param(p, 'mu', 0.707107), param(p, 'sigma', 0.282095)),
    df: (x, p) => laplaceD1(x, param(p, 'mu', 0.707107), param(p, 'sigma', 0.282095)),
    d2f: (x, p) => laplaceD2(x, param(p, 'mu', 0.707107), param(p, 'sigma', 0.282095)),
  }),
  // I-BERT's a and b are fixed (fitted to GELU for integer arithmetic), not parameters.
  gelu_ibert: define({
    id: 'gelu_ibert',
    label: 'GELU (I-BERT integer polynomial)',
    shortLabel: 'GELU I-BERT',
    summary: 'GELU, I-BERT second-order polynomial: (x/2)(1 + L(x/√2))',
    family: 'gelu',
    approximates: 'gelu',
    formula: {
      text: '(x/2)·(1 + L(x/√2)), L(z) = sgn(z)·(a·(min(|z|, −b) + b)² + 1), a = −0.2888, b = −1.769',
      latex: '\\tfrac{x}{2}\\left(1 + L\\!\\left(\\tfrac{x}{\\sqrt{2}}\\right)\\right),\\ L(z) = \\operatorname{sgn}(z)\\left(a\\left(\\min(|z|, -b) + b\\right)^{2} + 1\\right),\\ a = -0.2888,\\ b = -1.769',
    },
    params: [],
    code: { baseName: 'gelu', className: 'IBertGELU', source: 'Kim et al. (2021), "I-BERT: Integer-only BERT Quantization", arXiv:2101.01321, the i-GELU polynomial (in real arithmetic).' },
    colorSlot: 28,
    kinks: {
      at: [-2.501743791838005, 0, 2.501743791838005],
      convention: 'Kinks of f″ at ±1.769·√2 (f″ takes the outer branch, 0) and of f′ at 0, where f′(0) = ½ and f″(0) = the inner value, as PyTorch autograd with sign(0) = 0 gives.',
    },
    f: (x) => geluIbert(x),
    df: (x) => geluIbertD1(x),
    d2f: (x) => geluIbertD2(x),
  }),
};

/**
 * The plain-text formula of `id` with the given parameter values in place of the defaults it
 * ends with (`x·σ(β·x), β = 1` with β = 2 → `x·σ(β·x), β = 2`). Values equal to the default,
 * or missing, leave the text as it is.
 */
export function formulaText(id: FunctionId, params: Params = {}): string {
  const fn = activations[id];
  let text = fn.formula.text;
  for (const spec of fn.params) {
    const value = params[spec.key];
    if (value === undefined || value === spec.default) continue;
    text = text.replace(`${spec.label} = ${spec.default}`, `${spec.label} = ${value}`);
  }
  return text;
}
