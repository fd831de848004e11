/**
 * Activation functions as real code writes them, evaluated operation by operation in a
 * floating-point format, and lookup-table implementations (llama.cpp's CPU GELU).
 *
 * Arithmetic model (stated in the README):
 * - Every operation (+, −, ×, ÷, √) is computed exactly and rounded once to the working format
 *   (the double result of two format values, rounded again: innocuous for these operations,
 *   as double has more than 2p + 2 significand bits for every format below float64).
 * - Constants are rounded to the working format before use.
 * - Elementary functions (exp, log, log1p, tanh, erf, erfc, sigmoid) return the true value
 *   rounded to the working format: the core's accurate double functions (erf, erfc, tanh,
 *   sigmoid within about 1 ulp; exp, log, log1p from the JavaScript engine, below 1 ulp) then
 *   one rounding. A result within about 2⁻⁵² relative of a rounding boundary may round the other
 *   way; for float32 and narrower formats this is a one-in-millions event.
 * - Modes: `per-op` computes every operation in the format; `fp32-opmath` widens the input to
 *   float32, computes everything in float32 and rounds the output to the format (PyTorch's
 *   `opmath_type` for bfloat16/float16 tensors). For float64 and float32, opmath is the format
 *   itself, so both modes agree.
 */
import { erf, erfc } from './erf';
import { sigmoid as sigmoidExact, tanh as tanhExact } from './kernels';
import { rounderOf, roundToFormat, type Format } from './precision';
import { type FunctionId, isEntryOf } from './types';

export const MODES = ['per-op', 'fp32-opmath'] as const;

export type Mode = (typeof MODES)[number];

export function isMode(value: unknown): value is Mode {
  return isEntryOf(MODES, value);
}

export const IMPLEMENTATION_IDS = [
  'gelu_erf',
  'gelu_erfc',
  'gelu_tanh',
  'gelu_tanh_sigmoid',
  'gelu_fast',
  'gelu_onnx_tanh',
  'gelu_ggml',
  'gelu_quick_ggml',
  'quick_gelu',
  'silu',
  'silu_div',
  'softplus_log1pexp',
  'softplus_torch',
  'mish',
] as const;

export type ImplementationId = (typeof IMPLEMENTATION_IDS)[number];

export function isImplementationId(value: unknown): value is ImplementationId {
  return isEntryOf(IMPLEMENTATION_IDS, value);
}

/** Rounded arithmetic in one working format: `r` rounds, `k` rounds a constant, the rest are elementary functions rounded once. */
export interface Arithmetic {
  readonly format: Format;
  readonly r: (v: number) => number;
  readonly exp: (v: number) => number;
  readonly log: (v: number) => number;
  readonly log1p: (v: number) => number;
  readonly tanh: (v: number) => number;
  readonly erf: (v: number) => number;
  readonly erfc: (v: number) => number;
  readonly sigmoid: (v: number) => number;
  readonly sqrt: (v: number) => number;
}

function arithmetic(format: Format): Arithmetic {
  const r = rounderOf(format);
  return {
    format,
    r,
    exp: (v) => r(Math.exp(v)),
    log: (v) => r(Math.log(v)),
    log1p: (v) => r(Math.log1p(v)),
    tanh: (v) => r(tanhExact(v)),
    erf: (v) => r(erf(v)),
    erfc: (v) => r(erfc(v)),
    sigmoid: (v) => r(sigmoidExact(v)),
    sqrt: (v) => r(Math.sqrt(v)),
  };
}

const ARITHMETIC = new Map<Format, Arithmetic>();

/** The (cached) rounded arithmetic of `format`. */
export function arithmeticOf(format: Format): Arithmetic {
  let a = ARITHMETIC.get(format);
  if (a === undefined) {
    a = arithmetic(format);
    ARITHMETIC.set(format, a);
  }
  return a;
}

/** A formula compiled for one arithmetic: constants rounded once, then x ↦ y in that arithmetic. */
type Formula = (A: Arithmetic) => (x: number) => number;

const geluErf: Formula = (A) => {
  const { r, erf: e } = A;
  const half = r(0.5);
  const s = r(0.7071067811865476);
  return (x) => {
    const t = r(x * half);
    return r(t * r(1 + e(r(x * s))));
  };
};

const geluErfc: Formula = (A) => {
  const { r, erfc: ec } = A;
  const half = r(0.5);
  const s = r(-0.7071067811865476);
  return (x) => r(r(x * half) * ec(r(x * s)));
};

/** inner = 0.7978845608028654*(x + 0.044715*(x*x*x)), shared by the tanh and sigmoid forms. */
function tanhInner(A: Arithmetic): (x: number) => number {
  const { r } = A;
  const k = r(0.7978845608028654);
  const c = r(0.044715);
  return (x) => r(k * r(x + r(c * r(r(x * x) * x))));
}

const geluTanh: Formula = (A) => {
  const { r, tanh } = A;
  const inner = tanhInner(A);
  const half = r(0.5);
  return (x) => r(r(x * half) * r(1 + tanh(inner(x))));
};

const geluTanhSigmoid: Formula = (A) => {
  const { r, sigmoid } = A;
  const inner = tanhInner(A);
  const two = r(2);
  return (x) => r(x * sigmoid(r(two * inner(x))));
};

/** Hugging Face `gelu_fast`: (0.5*x)*(1 + tanh((x*0.7978845608)*(1 + (0.044715*x)*x))). */
const geluFast: Formula = (A) => {
  const { r, tanh } = A;
  const half = r(0.5);
  const k = r(0.7978845608);
  const c = r(0.044715);
  return (x) => r(r(half * x) * r(1 + tanh(r(r(x * k) * r(1 + r(r(c * x) * x))))));
};

/**
 * ONNX Gelu(approximate="tanh"), the function body of opset 20 (onnx/onnx
 * onnx/defs/math/defs.cc): float constants CastLike'd to X's type (so rounded to float32, then to
 * the format), SqrtTwoOverPi = Sqrt(0.63661977236) computed in the format, XCubed = Pow(X, 3)
 * (one rounding of x³), then Mul(C0, XCubed), Add(X, ·), Mul(SqrtTwoOverPi, ·), Tanh, Add(One, ·),
 * Mul(Mul(Half, X), ·).
 */
const geluOnnxTanh: Formula = (A) => {
  const { r, tanh, sqrt } = A;
  const cast = (v: number): number => r(Math.fround(v));
  const half = cast(0.5);
  const c0 = cast(0.044715);
  const sqrtTwoOverPi = sqrt(cast(0.63661977236));
  return (x) => {
    const cube = r(x * x * x);
    const phi = r(1 + tanh(r(sqrtTwoOverPi * r(x + r(c0 * cube)))));
    return r(r(half * x) * phi);
  };
};

/*
 * llama.cpp / ggml CPU GELU (ggml/src/ggml-cpu/vec.h, with GGML_GELU_FP16 and
 * GGML_GELU_QUICK_FP16 defined, as they are by default):
 *   ggml_gelu_f32(x)       = 0.5f*x*(1.0f + tanhf(SQRT_2_OVER_PI*x*(1.0f + GELU_COEF_A*x*x)))
 *   ggml_gelu_quick_f32(x) = x*(1.0f/(1.0f + expf(GELU_QUICK_COEF*x))), GELU_QUICK_COEF = -1.702f
 *   ggml_vec_gelu_f32:       x <= -10 → 0, x >= 10 → x, else table_gelu_f16[fp16(x)] widened
 *   ggml_vec_gelu_quick_f32: table_gelu_quick_f16[fp16(x)] for every x (no thresholds)
 * Each table entry is fp16(f(fp32(h))) for the float16 value h (built once in ggml-cpu.c,
 * ggml_cpu_init: table_gelu_f16[i] = FP32_TO_FP16(ggml_gelu_f32(f))), f evaluated in float32 (C
 * evaluates left to right: (0.5f*x)*(…), (SQRT_2_OVER_PI*x)*(1 + (GELU_COEF_A*x)*x)).
 * The kernel's output is float32; it is then rounded to the working format.
 */
const F32 = arithmeticOf('float32');
const ggmlGeluF32 = ((): ((x: number) => number) => {
  const { r, tanh } = F32;
  const half = r(0.5);
  const a = r(0.044715);
  const s = r(0.7978845608028654); // SQRT_2_OVER_PI, written in ggml with 32 digits: the same float
  return (x) => r(r(half * x) * r(1 + tanh(r(r(s * x) * r(1 + r(r(a * x) * x))))));
})();
const ggmlGeluQuickF32 = ((): ((x: number) => number) => {
  const { r, exp } = F32;
  const c = r(-1.702);
  return (x) => r(x * r(1 / r(1 + exp(r(c * x)))));
})();
const fp16 = (v: number): number => roundToFormat(v, 'float16');

const geluGgml: Formula = (A) => (x) => {
  if (x <= -10) return 0;
  if (x >= 10) return A.r(x);
  return A.r(fp16(ggmlGeluF32(fp16(x))));
};

const geluQuickGgml: Formula = (A) => (x) => A.r(fp16(ggmlGeluQuickF32(fp16(x))));

const quickGelu: Formula = (A) => {
  const { r, sigmoid } = A;
  const k = r(1.702);
  return (x) => r(x * sigmoid(r(k * x)));
};

const silu: Formula = (A) => {
  const { r, sigmoid } = A;
  return (x) => r(x * sigmoid(x));
};

const siluDiv: Formula = (A) => {
  const { r, exp } = A;
  return (x) => r(x / r(1 + exp(-x)));
};

const softplusLog1pExp: Formula = (A) => {
  const { r, log, exp } = A;
  return (x) => log(r(1 + exp(x)));
};

/** PyTorch's softplus with beta = 1, threshold = 20: x > 20 ? x : log1p(exp(x)). */
const softplusTorch: Formula = (A) => {
  const { log1p, exp, r } = A;
  const threshold = r(20);
  return (x) => (x > threshold ? x : log1p(exp(x)));
};

const mish: Formula = (A) => {
  const { r, tanh } = A;
  const sp = softplusTorch(A);
  return (x) => r(x * tanh(sp(x)));
};

export interface Implementation {
  readonly id: ImplementationId;
  readonly label: string;
  /** The registry function it approximates (its "own" function). */
  readonly fn: FunctionId;
  /** The expression as written, for reports. */
  readonly expression: string;
  /** Where this form comes from. */
  readonly source: string;
  /**
   * y for input x stored in `format` (x is first rounded to the format), computed as `mode` says;
   * the result is a value of `format`.
   */
  readonly evaluate: (x: number, format: Format, mode: Mode) => number;
}

function define(
  id: ImplementationId,
  label: string,
  fn: FunctionId,
  expression: string,
  source: string,
  formula: Formula,
): Implementation {
  const compiled = new Map<Format, (x: number) => number>();
  const compiledIn = (format: Format): ((x: number) => number) => {
    let f = compiled.get(format);
    if (f === undefined) {
      f = formula(arithmeticOf(format));
      compiled.set(format, f);
    }
    return f;
  };
  return {
    id,
    label,
    fn,
    expression,
    source,
    evaluate: (x, format, mode) => {
      const xr = roundToFormat(x, format);
      if (mode === 'per-op' || format === 'float64' || format === 'float32') return compiledIn(format)(xr);
      return roundToFormat(compiledIn('float32')(xr), format);
    },
  };
}

/** Every implementation by id; check user-typed ids with {@link isImplementationId} before indexing. */
export const implementations: Readonly<Record<ImplementationId, Implementation>> = {
  gelu_erf: define('gelu_erf', 'GELU erf (PyTorch CPU)', 'gelu', 't = x*0.5; y = t*(1 + erf(x*0.7071067811865476))', 'PyTorch CPU kernel (aten/src/ATen/native/cpu/Activation.cpp)', geluErf),
  gelu_erfc: define('gelu_erfc', 'GELU erfc (JAX exact)', 'gelu', 'y = (x*0.5)*erfc(x*-0.7071067811865476)', 'jax.nn.gelu(approximate=False)', geluErfc),
  gelu_tanh: define('gelu_tanh', 'GELU tanh', 'gelu_tanh', 'inner = 0.7978845608028654*(x + 0.044715*(x*x*x)); y = (x*0.5)*(1 + tanh(inner))', "F.gelu(approximate='tanh')", geluTanh),
  gelu_tanh_sigmoid: define('gelu_tanh_sigmoid', 'GELU tanh as x·σ(2u)', 'gelu_tanh', 'inner as gelu_tanh; y = x*sigmoid(2*inner)', 'the stable rewrite of 1 + tanh(u) = 2σ(2u)', geluTanhSigmoid),
  gelu_fast: define('gelu_fast', 'GELU fast (Hugging Face)', 'gelu_tanh', 'y = (0.5*x)*(1 + tanh((x*0.7978845608)*(1 + (0.044715*x)*x)))', 'transformers activations.FastGELUActivation', geluFast),
  gelu_onnx_tanh: define('gelu_onnx_tanh', 'GELU tanh (ONNX Gelu)', 'gelu_tanh', 'Mul(Mul(0.5, X), Add(1, Tanh(Mul(Sqrt(0.63661977236), Add(X, Mul(0.044715, Pow(X, 3)))))))', 'ONNX Gelu(approximate="tanh") function body, opset 20', geluOnnxTanh),
  gelu_ggml: define('gelu_ggml', 'GELU ggml (llama.cpp CPU table)', 'gelu_tanh', 'x ≤ −10 → 0; x ≥ 10 → x; else fp16 table of the float32 tanh form at fp16(x)', 'ggml/src/ggml-cpu/vec.h ggml_vec_gelu_f32', geluGgml),
  gelu_quick_ggml: define('gelu_quick_ggml', 'Quick GELU ggml (llama.cpp CPU table)', 'gelu_sigmoid', 'fp16 table of x*(1/(1 + exp(-1.702*x))) in float32 at fp16(x)', 'ggml/src/ggml-cpu/vec.h ggml_vec_gelu_quick_f32', geluQuickGgml),
  quick_gelu: define('quick_gelu', 'Quick GELU', 'gelu_sigmoid', 'y = x*sigmoid(1.702*x)', 'Hugging Face quick_gelu, OpenAI CLIP QuickGELU', quickGelu),
  silu: define('silu', 'SiLU x·σ(x)', 'silu', 'y = x*sigmoid(x)', 'F.silu', silu),
  silu_div: define('silu_div', 'SiLU x/(1 + e⁻ˣ)', 'silu', 'y = x/(1 + exp(-x))', 'ggml_silu_f32 and hand-written kernels', siluDiv),
  softplus_log1pexp: define('softplus_log1pexp', 'softplus log(1 + eˣ)', 'softplus', 'y = log(1 + exp(x))', 'the textbook form', softplusLog1pExp),
  softplus_torch: define('softplus_torch', 'softplus (PyTorch)', 'softplus', 'y = x > 20 ? x : log1p(exp(x))', 'F.softplus (beta = 1, threshold = 20)', softplusTorch),
  mish: define('mish', 'Mish', 'mish', 'y = x*tanh(softplus_torch(x))', 'F.mish', mish),
};
