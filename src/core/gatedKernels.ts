/**
 * Gated linear units of LLM feed-forward blocks, y = act(g)·u, with both partial derivatives
 * ∂y/∂g = act′(g)·u and ∂y/∂u = act(g), built from the one-variable kernels (kernels.ts, erf.ts).
 *
 * g is the activated input (the "gate"), u the linear one ("up"). Which half of a fused
 * [..., 2d] tensor is the gate is the caller's business and differs between libraries (vLLM
 * `*AndMul` and ggml: the first half; PyTorch/Keras/JAX `glu`: the sigmoid on the second half;
 * vLLM `MulAndSilu`: the second half; gpt-oss: interleaved, even elements are the gate).
 *
 * Accuracy (test/unit/core/gatedKernels.test.ts against ../shared/reference/gated.jsonl): y
 * within 2 ulp and each partial within 4; in practice about 1 ulp (the activation's own
 * error, about half an ulp, plus the rounding of one product). NaN in either input gives NaN;
 * 0·∞ (e.g. σ(−∞)·∞) is NaN, as in IEEE arithmetic and every framework.
 */
import * as coefficients from './coefficients';
import * as dd from './dd';
import * as erfModule from './erf';
import * as kernels from './kernels';
import { decimalTail } from './kernelsAdded';
import type { GatedId } from './types';

// Local bindings (imported bindings are getter calls under CommonJS transpilation).
const { add22, div22, expKernelDD, ldexp, mul22, R, twoProd, twoSum } = dd;
const { geluDerivative, geluValue } = erfModule;
const { geluTanh, geluTanhD1, sigmoid, sigmoidD1, xSigmoid, xSigmoidD1 } = kernels;
const { GELU_TANH_C_HI, GELU_TANH_C_LO, INV_SQRT_2PI_HI, INV_SQRT_2PI_LO, SQRT_2_OVER_PI_HI, SQRT_2_OVER_PI_LO } = coefficients;

// ---------------------------------------------------------------------------------------------
// Deep gate tails. Where act(g) is subnormal (σ(g), SiLU(g) below g ≈ −708, exact GELU below
// g ≈ −37.5), act(g)·u computed from the rounded act(g) would keep only its few subnormal bits
// although u can lift the product back into the normal range (g = −38, u = 1e300 gives 1e−14).
// There the product is formed from e^v = 2^m·(mh + ml), scaled back once at the end.
// ---------------------------------------------------------------------------------------------

/** EX = [mh, ml, m] with e^(vh + vl) = 2^m·(mh + ml), for −1500 ≤ vh ≤ 0 (|vl| ≤ 2^−30). */
const EX = new Float64Array(3);
function expScaled(vh: number, vl: number): void {
  if (vh >= -800) {
    expKernelDD(vh, vl);
    EX[0] = R[0]!;
    EX[1] = R[1]!;
    EX[2] = R[2]!;
    return;
  }
  expKernelDD(vh / 2, vl / 2);
  const m = R[2]!;
  mul22(R[0]!, R[1]!, R[0]!, R[1]!);
  EX[0] = R[0]!;
  EX[1] = R[1]!;
  EX[2] = 2 * m;
}

/** (h + l)·2^m, rounded to double and then scaled (a second rounding only for subnormal results). */
function scaled(h: number, l: number, m: number): number {
  const v = h + l;
  if (v === 0 || !Number.isFinite(v)) return v;
  const e = Math.floor(Math.log2(Math.abs(v)));
  if (m + e < -1100) return v * 0;
  return ldexp(v * 2 ** -e, m + e);
}

/** Below this v = β·g, σ(v) = e^v·(1 − e^v + …) is e^v to far better than an ulp. */
const SIGMOID_TAIL = -708;

/** e^v·(ch + cl)·u for v = vh + vl < SIGMOID_TAIL (the factor c as a double-double, u a double). */
function expTimesTail(vh: number, vl: number, ch: number, cl: number, u: number): number {
  if (vh < -1500 || u === 0) return 0 * ch * u;
  if (!Number.isFinite(u)) return ch === 0 ? NaN : ch * u > 0 ? Infinity : -Infinity;
  expScaled(vh, vl);
  mul22(EX[0]!, EX[1]!, ch, cl);
  const au = Math.abs(u);
  // u split as 2^eu·us so that the products stay in range.
  const eu = Math.floor(Math.log2(au));
  mul22(R[0]!, R[1]!, u * 2 ** -eu, 0);
  return scaled(R[0]!, R[1]!, EX[2]! + eu);
}

// ---------------------------------------------------------------------------------------------
// GLU: σ(g)·u
// ---------------------------------------------------------------------------------------------

/** GLU (Dauphin et al.; PyTorch `F.glu`, Keras 3, JAX `glu`): y = σ(g)·u. */
export function glu(g: number, u: number): number {
  if (g < SIGMOID_TAIL) return expTimesTail(g, 0, 1, 0, u);
  return sigmoid(g) * u;
}

/** ∂GLU/∂g = σ′(g)·u = σ(g)σ(−g)·u. */
export function gluDg(g: number, u: number): number {
  if (g < SIGMOID_TAIL) return expTimesTail(g, 0, 1, 0, u);
  return sigmoidD1(g) * u;
}

/** ∂GLU/∂u = σ(g). */
export function gluDu(g: number, _u: number): number {
  return sigmoid(g);
}

// ---------------------------------------------------------------------------------------------
// ReGLU: max(0, g)·u
// ---------------------------------------------------------------------------------------------

/**
 * ReGLU (Shazeer, arXiv 2002.05202; ggml `ggml_reglu`): y = max(0, g)·u. With a threshold t,
 * vLLM's `FatreluAndMul(threshold=t)`: y = g·u where g > t, else 0 (`F.threshold(g, t, 0)·u`),
 * which jumps from 0 to t·u at g = t when t ≠ 0; t = 0 is ReGLU. Correctly rounded.
 */
export function reglu(g: number, u: number, threshold = 0): number {
  if (g > threshold) return g * u;
  return g === g ? 0 * u : NaN;
}

/** ∂y/∂g = u where g > t, else 0 (0 at g = t: PyTorch's relu′(0) and threshold_backward). */
export function regluDg(g: number, u: number, threshold = 0): number {
  if (g > threshold) return u;
  return g === g ? 0 * u : NaN;
}

/** ∂y/∂u = g where g > t, else 0 (t = 0: max(0, g)). */
export function regluDu(g: number, _u: number, threshold = 0): number {
  if (g > threshold) return g;
  return g === g ? 0 : NaN;
}

// ---------------------------------------------------------------------------------------------
// GEGLU: GELU(g)·u, exact or tanh form
// ---------------------------------------------------------------------------------------------

/**
 * Which GELU a GEGLU uses: 'none' = exact erf form (vLLM `GeluAndMul()`, ggml `ggml_geglu_erf`,
 * the reference values), 'tanh' = the tanh approximation with c = 0.044715 (Gemma; vLLM
 * `GeluAndMul(approximate="tanh")`, ggml `ggml_geglu`).
 */
export type GeluApproximate = 'none' | 'tanh';

function geluOf(g: number, approximate: GeluApproximate): number {
  return approximate === 'tanh' ? geluTanh(g, GELU_TANH_C_HI, GELU_TANH_C_LO, SQRT_2_OVER_PI_HI, SQRT_2_OVER_PI_LO) : geluValue(g);
}

function geluD1Of(g: number, approximate: GeluApproximate): number {
  return approximate === 'tanh' ? geluTanhD1(g, GELU_TANH_C_HI, GELU_TANH_C_LO, SQRT_2_OVER_PI_HI, SQRT_2_OVER_PI_LO) : geluDerivative(g);
}

/** Below this g the exact GELU's tail is taken from its asymptotic series (see geluTail). */
const GELU_TAIL = -30;
/** Below this g the tanh form's tail is taken from g·e^w (see tanhTail). */
const TANH_TAIL = -18;

/**
 * The tanh form g·σ(w), w = 2√(2/π)·(g + c·g³), for g < −18 (w < −440, so σ(w) = e^w·(1 − e^w + …)
 * is e^w to far below an ulp): g·e^w·u, or its derivative (1 + g·w′)·e^w·u with w′ = 2√(2/π)(1 + 3c·g²).
 */
function tanhTail(g: number, u: number, derivative: boolean): number {
  if (g !== g || u !== u) return NaN;
  if (g < -30) return 0 * (derivative ? -g : g) * u;
  twoProd(g, g);
  mul22(R[0]!, R[1]!, GELU_TANH_C_HI, GELU_TANH_C_LO);
  const ch = R[0]!;
  const cl = R[1]!;
  twoProd(g, 2 * SQRT_2_OVER_PI_HI);
  const kgh = R[0]!;
  const kgl = R[1]! + 2 * g * SQRT_2_OVER_PI_LO;
  // w = (2k·g)·(1 + c·g²)
  add22(1, 0, ch, cl);
  mul22(R[0]!, R[1]!, kgh, kgl);
  const wh = R[0]!;
  const wl = R[1]!;
  if (!derivative) return expTimesTail(wh, wl, g, 0, u);
  // 1 + g·w′ = 1 + 2k·g·(1 + 3c·g²)
  mul22(ch, cl, 3, 0);
  add22(1, 0, R[0]!, R[1]!);
  mul22(R[0]!, R[1]!, kgh, kgl);
  add22(1, 0, R[0]!, R[1]!);
  return expTimesTail(wh, wl, R[0]!, R[1]!, u);
}

/**
 * GELU(−t)·u (derivative = false) or GELU′(−t)·u for t > 30, with φ(t) = e^(−t²/2)/√(2π)
 * scaled and S(t) = t·Φ(−t)/φ(t) = Σ (−1)^k (2k − 1)!!/t^(2k) (20 terms: truncation below
 * 2^−110 at t = 30): GELU(−t) = −φ(t)·S, GELU′(−t) = −φ(t)·(t² − S)/t.
 */
function geluTail(t: number, u: number, derivative: boolean): number {
  if (t !== t || u !== u) return NaN;
  if (t > 54) return u === 0 || !Number.isFinite(t) ? -0 * u : 0 * -u;
  const w = 1 / (t * t);
  let p = 1;
  for (let k = 20; k >= 2; k--) p = 1 - (2 * k - 1) * w * p;
  twoSum(1, -w * p);
  let sh = R[0]!;
  let sl = R[1]!;
  twoProd(t, t);
  const t2h = R[0]!;
  const t2l = R[1]!;
  if (derivative) {
    add22(t2h, t2l, -sh, -sl);
    div22(R[0]!, R[1]!, t, 0);
    sh = R[0]!;
    sl = R[1]!;
  }
  expScaled(-0.5 * t2h, -0.5 * t2l);
  const m = EX[2]!;
  mul22(EX[0]!, EX[1]!, sh, sl);
  mul22(R[0]!, R[1]!, -INV_SQRT_2PI_HI, -INV_SQRT_2PI_LO);
  if (u === 0 || !Number.isFinite(u)) return (R[0]! + R[1]!) * u;
  const eu = Math.floor(Math.log2(Math.abs(u)));
  mul22(R[0]!, R[1]!, u * 2 ** -eu, 0);
  return scaled(R[0]!, R[1]!, m + eu);
}

/** GEGLU (Shazeer, arXiv 2002.05202): y = GELU(g)·u. */
export function geglu(g: number, u: number, approximate: GeluApproximate = 'none'): number {
  if (approximate === 'none' ? g < GELU_TAIL : g < TANH_TAIL) return approximate === 'none' ? geluTail(-g, u, false) : tanhTail(g, u, false);
  return geluOf(g, approximate) * u;
}

/** ∂GEGLU/∂g = GELU′(g)·u. */
export function gegluDg(g: number, u: number, approximate: GeluApproximate = 'none'): number {
  if (approximate === 'none' ? g < GELU_TAIL : g < TANH_TAIL) return approximate === 'none' ? geluTail(-g, u, true) : tanhTail(g, u, true);
  return geluD1Of(g, approximate) * u;
}

/** ∂GEGLU/∂u = GELU(g). */
export function gegluDu(g: number, _u: number, approximate: GeluApproximate = 'none'): number {
  return geluOf(g, approximate);
}

// ---------------------------------------------------------------------------------------------
// SwiGLU: SiLU(g)·u
// ---------------------------------------------------------------------------------------------

/** SwiGLU (Llama, Mistral, Qwen; vLLM `SiluAndMul`, ggml `ggml_swiglu`): y = g·σ(g)·u. */
export function swiglu(g: number, u: number): number {
  if (g < SIGMOID_TAIL) return expTimesTail(g, 0, g, 0, u);
  return xSigmoid(g, 1, 0) * u;
}

/** ∂SwiGLU/∂g = SiLU′(g)·u = σ(g)(1 + g·σ(−g))·u. */
export function swigluDg(g: number, u: number): number {
  if (g < SIGMOID_TAIL) return expTimesTail(g, 0, 1 + g, 0, u);
  return xSigmoidD1(g, 1, 0) * u;
}

/** ∂SwiGLU/∂u = SiLU(g). */
export function swigluDu(g: number, _u: number): number {
  return xSigmoid(g, 1, 0);
}

// ---------------------------------------------------------------------------------------------
// gpt-oss clamped SwiGLU
// ---------------------------------------------------------------------------------------------

/** v·(u′ + 1) rounded once: u′ + 1 is exact as a double-double, so u ≈ −1 does not cancel. */
function timesUPlusOne(v: number, up: number): number {
  if (!Number.isFinite(v)) return v * (up + 1);
  twoSum(up, 1);
  mul22(v, 0, R[0]!, R[1]!);
  return R[0]! + R[1]!;
}

/** u clamped to [−limit, limit] (NaN stays NaN). */
function clampUp(u: number, limit: number): number {
  return u > limit ? limit : u < -limit ? -limit : u;
}

/**
 * gpt-oss SwiGLU (vLLM `SwigluOAIAndMul`, ggml `ggml_swiglu_oai`):
 *
 *     g′ = min(g, limit),  u′ = clamp(u, −limit, limit),  y = g′·σ(α·g′)·(u′ + 1)
 *
 * with α = 1.702 (the decimal) and limit = 7. Kinks at g = limit and u = ±limit. Note the +1:
 * leaving it out is a known serving bug. Within 1 ulp.
 */
export function swigluOai(g: number, u: number, alpha = 1.702, limit = 7): number {
  const gp = g > limit ? limit : g;
  const al = decimalTail(alpha);
  if (alpha * gp < SIGMOID_TAIL) return oaiTail(gp, u, alpha, al, limit, false);
  return timesUPlusOne(xSigmoid(gp, alpha, al), clampUp(u, limit));
}

/** g·e^(αg)·(u′ + 1) (derivative = false) or (1 + αg)·e^(αg)·(u′ + 1), for αg < SIGMOID_TAIL. */
function oaiTail(g: number, u: number, ah: number, al: number, limit: number, derivative: boolean): number {
  if (u !== u) return NaN;
  if (ah * g < -1500) return 0 * (derivative ? 1 + ah * g : g) * (clampUp(u, limit) + 1);
  twoProd(ah, g);
  const vh = R[0]!;
  const vl = R[1]! + al * g;
  twoSum(clampUp(u, limit), 1);
  const uh = R[0]!;
  const ul = R[1]!;
  let ch = g;
  let cl = 0;
  if (derivative) {
    twoSum(1, vh);
    ch = R[0]!;
    cl = R[1]! + vl;
  }
  mul22(ch, cl, uh, ul);
  const h = R[0]!;
  const l = R[1]!;
  if (h === 0) return 0 * h;
  expScaled(vh, vl);
  mul22(EX[0]!, EX[1]!, h, l);
  return scaled(R[0]!, R[1]!, EX[2]!);
}

/**
 * ∂y/∂g = SiLUα′(g′)·(u′ + 1) for g ≤ limit, 0 above. At g = limit the gradient passes (PyTorch's
 * `clamp` backward masks min ≤ x ≤ max inclusively).
 */
export function swigluOaiDg(g: number, u: number, alpha = 1.702, limit = 7): number {
  if (g > limit) return u === u ? 0 : NaN;
  const al = decimalTail(alpha);
  if (alpha * g < SIGMOID_TAIL) return oaiTail(g, u, alpha, al, limit, true);
  return timesUPlusOne(xSigmoidD1(g, alpha, al), clampUp(u, limit));
}

/** ∂y/∂u = g′·σ(α·g′) for −limit ≤ u ≤ limit (inclusive, as PyTorch's `clamp`), 0 outside. */
export function swigluOaiDu(g: number, u: number, alpha = 1.702, limit = 7): number {
  if (u !== u) return NaN;
  if (u > limit || u < -limit) return g === g ? 0 : NaN;
  const gp = g > limit ? limit : g;
  return xSigmoid(gp, alpha, decimalTail(alpha));
}

// ---------------------------------------------------------------------------------------------
// By id, at default parameters.
// ---------------------------------------------------------------------------------------------

/** y(g, u) with its partial derivatives. */
export interface GatedKernel {
  readonly f: (g: number, u: number) => number;
  readonly dg: (g: number, u: number) => number;
  readonly du: (g: number, u: number) => number;
}


/** Every gated unit at its default parameters (GEGLU: the exact GELU). */
export const gatedKernels: Readonly<Record<GatedId, GatedKernel>> = {
  glu: { f: glu, dg: gluDg, du: gluDu },
  reglu: { f: (g, u) => reglu(g, u), dg: (g, u) => regluDg(g, u), du: (g, u) => regluDu(g, u) },
  geglu: { f: (g, u) => geglu(g, u), dg: (g, u) => gegluDg(g, u), du: (g, u) => gegluDu(g, u) },
  swiglu: { f: swiglu, dg: swigluDg, du: swigluDu },
  swiglu_oai: { f: (g, u) => swigluOai(g, u), dg: (g, u) => swigluOaiDg(g, u), du: (g, u) => swigluOaiDu(g, u) },
};
