/**
 * The registry of activation functions, one record per function (types.ts `Activation`): labels,
 * family, formula, parameters, kinks, code names and source for the snippets, colour slot, and
 * f, f′, f″ with a batch form. Framework spellings live in the framework catalogue, not here.
 * Adding a function: its id in FUNCTION_IDS (types.ts), its record here. The numerics live in erf.ts (exact
 * GELU) and kernels.ts (the others); every function is accurate to about one ulp over all
 * doubles (see test/unit/core/accuracy.test.ts), gives the mathematical limits at ±∞ and NaN
 * for NaN, and never throws.
 *
 * Parameters: a missing key takes its default; any number given is used as is (ranges in the
 * ParamSpec are for sliders and settings; see resolveParams in sample.ts). Where a default is
 * a decimal constant (0.044715, 1.702, 0.01) the default is the decimal itself, carried as a
 * double-double, not its nearest double.
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
import type { Activation, FunctionId, Order, Params } from './types';

/** A record as written below: the batch form is optional (a loop over the scalar one by default). */
type ActivationRecord = Omit<Activation, 'batch'> & { readonly batch?: Activation['batch'] };

/** The value of parameter `key`, or `fallback` when it is missing. */
function param(p: Params | undefined, key: string, fallback: number): number {
  const v = p?.[key];
  return typeof v === 'number' ? v : fallback;
}

/**
 * PAR[0] + PAR[1]: a parameter whose default is a decimal constant dh + dl (a typed array, as
 * storing a double into a closure variable allocates). The default, or a value equal to its
 * head, means the decimal itself; any other value is used as the double given.
 */
const PAR = new Float64Array(2);
function decimalParam(p: Params | undefined, key: string, dh: number, dl: number): void {
  const v = p?.[key];
  const given = typeof v === 'number' && v !== dh;
  PAR[0] = given ? v : dh;
  PAR[1] = given ? 0 : dl;
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
    f: (x, p) => xSigmoid(x, param(p, 'beta', 1), 0),
    df: (x, p) => xSigmoidD1(x, param(p, 'beta', 1), 0),
    d2f: (x, p) => xSigmoidD2(x, param(p, 'beta', 1), 0),
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
      const al = param(p, 'alpha', 1);
      return eluScaled(x, 1, 0, al, 0);
    },
    df: (x, p) => eluScaledD1(x, 1, param(p, 'alpha', 1), 0),
    d2f: (x, p) => eluScaledD2(x, param(p, 'alpha', 1), 0),
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
    params: [{ key: 'slope', label: 'a', description: 'Slope for negative inputs', default: 0.01, min: 0, max: 1, step: 0.001 }],
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
