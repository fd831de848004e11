/**
 * Gated units of LLM feed-forward blocks as registry data, one record per unit:
 *
 *     y(g, u) = act(g′)·(u′ + bias),   g′ = min(g, gateMax),   u′ = clamp(u, −limit, limit)
 *
 * g is the activated input (the gate), u the linear one (up). Without clamps and bias this is GLU
 * (σ), ReGLU (ReLU), GEGLU (GELU) and SwiGLU (SiLU); gpt-oss clamps g above at 7 and u to ±7,
 * adds 1 to u, and gates with x·σ(1.702x) (`swiglu_oai`). Which half of a fused [..., 2d] tensor
 * is the gate differs between libraries; each record says so in `gate`.
 *
 * One implementation per unit: the numerics are gatedKernels.ts's, which keep their accuracy
 * where act(g) is subnormal and u large (GEGLU at g = −38, u = 1e300). Partial derivatives as
 * PyTorch autograd takes them through `clamp` (the bounds themselves pass the gradient):
 *
 *     ∂y/∂g = act′(g)·(u′ + bias) where g ≤ gateMax, else 0
 *     ∂y/∂u = act(g′)              where |u| ≤ limit, else 0
 *
 * Accuracy (test/unit/core/gated.test.ts, every line of ../shared/reference/gated.jsonl): y within
 * 2 ulp, each partial within 4; in practice about 1. NaN in either input gives NaN; never throws.
 * Parameters follow the registry's convention (activations.ts): a missing key takes its default,
 * a value is the decimal it prints as; checkParams (params.ts) refuses values out of range.
 */
import {
  geglu, gegluDg, gegluDu, glu, gluDg, gluDu, reglu, regluDg, regluDu, swiglu, swigluDg, swigluDu, swigluOai, swigluOaiDg, swigluOaiDu,
} from './gatedKernels';
import type { CodeInfo, FunctionId, GatedId, ParamSpec, Params } from './types';

/** A gated unit's record. */
export interface GatedSpec {
  readonly id: GatedId;
  /** Full name with the formula, for pickers. */
  readonly label: string;
  /** Name for legends. */
  readonly shortLabel: string;
  /** One line for settings and pickers. */
  readonly summary: string;
  readonly formula: { readonly text: string; readonly latex: string };
  /** The registry function applied to the gate, and its parameters (its defaults when absent), at the unit's defaults. */
  readonly act: FunctionId;
  readonly actParams?: Params;
  /** g′ = min(g, gateMax) at the defaults; no clamp when absent. */
  readonly gateMax?: number;
  /** u′ = clamp(u, −limit, limit) at the defaults; no clamp when absent. */
  readonly limit?: number;
  /** Added to u′ (gpt-oss: 1); 0 when absent. */
  readonly bias?: number;
  /** What a user may vary (ranges refused outside by checkParams). */
  readonly params: readonly ParamSpec[];
  /** Which input is the gate, and which half of a fused tensor each library activates. */
  readonly gate: string;
  /** Where y is not differentiable, and which one-sided partials are returned there. */
  readonly kinks?: string;
  readonly code: CodeInfo;
}

/** A gated unit's value and partial derivatives; `p` as the record's params (defaults when omitted). */
export interface GatedUnit {
  readonly spec: GatedSpec;
  /** y(g, u). */
  f(g: number, u: number, p?: Params): number;
  /** ∂y/∂g. */
  dg(g: number, u: number, p?: Params): number;
  /** ∂y/∂u. */
  du(g: number, u: number, p?: Params): number;
}

const FIRST_HALF = 'g is the first half of a fused [..., 2d] input in vLLM *AndMul and ggml; vLLM MulAndSilu gates the second half';

/** The gated units of `../shared/reference/gated.jsonl`. */
export const GATED_SPECS: Readonly<Record<GatedId, GatedSpec>> = {
  glu: {
    id: 'glu',
    label: 'GLU: σ(g)·u',
    shortLabel: 'GLU',
    summary: 'GLU: σ(g)·u (PyTorch, Keras, JAX glu)',
    formula: { text: 'σ(g)·u', latex: '\\sigma(g)\\,u' },
    act: 'sigmoid',
    params: [],
    gate: 'g is the SECOND half in PyTorch F.glu, Keras 3 and JAX glu (glu(a ‖ b) = a·σ(b)); the first half in ggml.',
    code: { baseName: 'glu', className: 'GLU', source: 'Dauphin et al. (2017), "Language Modeling with Gated Convolutional Networks", arXiv:1612.08083.' },
  },
  reglu: {
    id: 'reglu',
    label: 'ReGLU: ReLU(g)·u',
    shortLabel: 'ReGLU',
    summary: 'ReGLU: max(0, g)·u',
    formula: { text: 'max(0, g)·u', latex: '\\max(0, g)\\,u' },
    act: 'relu',
    params: [],
    gate: `${FIRST_HALF} (ggml_reglu).`,
    kinks: 'At g = 0: ∂y/∂g = 0, as PyTorch autograd (relu′(0) = 0).',
    code: { baseName: 'reglu', className: 'ReGLU', source: 'Shazeer (2020), "GLU Variants Improve Transformer", arXiv:2002.05202.' },
  },
  geglu: {
    id: 'geglu',
    label: 'GEGLU: GELU(g)·u (exact GELU)',
    shortLabel: 'GEGLU',
    summary: 'GEGLU: GELU(g)·u, exact GELU (tanh form as a parameter: Gemma)',
    formula: { text: 'GELU(g)·u, exact GELU (tanh = 0)', latex: '\\operatorname{GELU}(g)\\,u = g\\,\\Phi(g)\\,u' },
    act: 'gelu',
    params: [{ key: 'tanh', label: 'tanh', description: '0: exact GELU (vLLM GeluAndMul(), ggml_geglu_erf); 1: tanh form (GeluAndMul(approximate="tanh"), ggml_geglu, Gemma)', default: 0, min: 0, max: 1, step: 1 }],
    gate: `${FIRST_HALF} (GeluAndMul, ggml_geglu).`,
    code: { baseName: 'geglu', className: 'GEGLU', source: 'Shazeer (2020), "GLU Variants Improve Transformer", arXiv:2002.05202.' },
  },
  swiglu: {
    id: 'swiglu',
    label: 'SwiGLU: SiLU(g)·u',
    shortLabel: 'SwiGLU',
    summary: 'SwiGLU: SiLU(g)·u (Llama, Mistral, Qwen)',
    formula: { text: 'g·σ(g)·u', latex: 'g\\,\\sigma(g)\\,u' },
    act: 'silu',
    params: [],
    gate: `${FIRST_HALF} (SiluAndMul, ggml_swiglu).`,
    code: { baseName: 'swiglu', className: 'SwiGLU', source: 'Shazeer (2020), "GLU Variants Improve Transformer", arXiv:2002.05202.' },
  },
  swiglu_oai: {
    id: 'swiglu_oai',
    label: 'SwiGLU (gpt-oss): g′·σ(1.702·g′)·(u′ + 1), g′ = min(g, 7), u′ = clamp(u, −7, 7)',
    shortLabel: 'SwiGLU gpt-oss',
    summary: 'gpt-oss SwiGLU: g′·σ(αg′)·(u′ + 1), g′ = min(g, limit), u′ = clamp(u, ±limit)',
    formula: {
      text: "g′·σ(α·g′)·(u′ + 1), g′ = min(g, limit), u′ = clamp(u, −limit, limit), α = 1.702, limit = 7",
      latex: "g'\\,\\sigma(\\alpha g')\\,(u' + 1),\\ g' = \\min(g, L),\\ u' = \\operatorname{clamp}(u, -L, L),\\quad \\alpha = 1.702,\\ L = 7",
    },
    act: 'gelu_sigmoid',
    actParams: { k: 1.702 },
    gateMax: 7,
    limit: 7,
    bias: 1,
    params: [
      { key: 'alpha', label: 'α', description: 'Slope inside the sigmoid (1.702 in gpt-oss)', default: 1.702, min: 0.5, max: 4, step: 0.001 },
      { key: 'limit', label: 'limit', description: 'Clamp of g (above) and u (both sides); a clamp bound is used as the double given', default: 7, min: 0.5, max: 20, step: 0.5 },
    ],
    gate: 'Interleaved in gpt-oss: even elements are the gate g, odd ones u; vLLM SwigluOAIAndMul and ggml_swiglu_oai take the same convention. Note the +1 on u.',
    kinks: 'At g = limit and u = ±limit the gradient passes (PyTorch clamp backward is inclusive).',
    code: { baseName: 'swiglu_oai', className: 'SwigluOAI', source: 'OpenAI (2025), gpt-oss model card and reference implementation (clamped SwiGLU with α = 1.702, limit = 7).' },
  },
};

function param(p: Params | undefined, key: string, fallback: number): number {
  const v = p?.[key];
  return typeof v === 'number' ? v : fallback;
}

const tanhForm = (p?: Params): 'none' | 'tanh' => (param(p, 'tanh', 0) === 1 ? 'tanh' : 'none');

/** Every gated unit at its record's parameters (defaults when `p` is omitted). */
export const gated: Readonly<Record<GatedId, GatedUnit>> = {
  glu: { spec: GATED_SPECS.glu, f: (g, u) => glu(g, u), dg: (g, u) => gluDg(g, u), du: (g, u) => (u === u ? gluDu(g, u) : NaN) },
  reglu: { spec: GATED_SPECS.reglu, f: (g, u) => reglu(g, u), dg: (g, u) => regluDg(g, u), du: (g, u) => (u === u ? regluDu(g, u) : NaN) },
  geglu: {
    spec: GATED_SPECS.geglu,
    f: (g, u, p) => geglu(g, u, tanhForm(p)),
    dg: (g, u, p) => gegluDg(g, u, tanhForm(p)),
    du: (g, u, p) => (u === u ? gegluDu(g, u, tanhForm(p)) : NaN),
  },
  swiglu: { spec: GATED_SPECS.swiglu, f: (g, u) => swiglu(g, u), dg: (g, u) => swigluDg(g, u), du: (g, u) => (u === u ? swigluDu(g, u) : NaN) },
  swiglu_oai: {
    spec: GATED_SPECS.swiglu_oai,
    f: (g, u, p) => swigluOai(g, u, param(p, 'alpha', 1.702), param(p, 'limit', 7)),
    dg: (g, u, p) => swigluOaiDg(g, u, param(p, 'alpha', 1.702), param(p, 'limit', 7)),
    du: (g, u, p) => swigluOaiDu(g, u, param(p, 'alpha', 1.702), param(p, 'limit', 7)),
  },
};

/**
 * vLLM `FatreluAndMul(threshold=t)`: FATReLU(g)·u with FATReLU(g) = g where g > t, else 0. Not
 * a registry record (no library but vLLM has it, MiniCPM-S its one user): ReGLU's kernels with a
 * threshold, t = 0 being ReGLU itself. y jumps from 0 to t·u at g = t when t ≠ 0; ∂y/∂g = u
 * where g > t, else 0 (0 at g = t, as PyTorch's threshold_backward); ∂y/∂u = FATReLU(g).
 */
export function fatreluGated(threshold: number): Omit<GatedUnit, 'spec'> {
  return {
    f: (g, u) => reglu(g, u, threshold),
    dg: (g, u) => regluDg(g, u, threshold),
    du: (g, u) => (u === u ? regluDu(g, u, threshold) : NaN),
  };
}

/** `p[key]` when it is an own numeric entry, else the registry's default of `id`'s parameter `key`. */
export function gatedParam(id: GatedId, p: Params, key: string): number {
  const v = Object.hasOwn(p, key) ? p[key] : undefined;
  if (typeof v === 'number') return v;
  const spec = GATED_SPECS[id].params.find((s) => s.key === key);
  if (spec === undefined) throw new Error(`${id} has no parameter ${key}`);
  return spec.default;
}
