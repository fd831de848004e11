/**
 * Gated units of LLM feed-forward blocks, built from the one-variable registry:
 *
 *     y(g, u) = act(g′)·(u′ + bias),   g′ = min(g, gateMax),   u′ = clamp(u, −limit, limit)
 *
 * where g is the activated input (the gate) and u the linear one (up). Without clamps and bias
 * this is GLU (σ), ReGLU (ReLU), GEGLU (GELU) and SwiGLU (SiLU); gpt-oss clamps g above at 7 and
 * u to ±7, adds 1 to u, and gates with x·σ(1.702x) (`swiglu_oai`).
 *
 * Partial derivatives, as PyTorch autograd takes them through `clamp` (the bounds themselves
 * pass the gradient):
 *
 *     ∂y/∂g = act′(g)·(u′ + bias) where g ≤ gateMax, else 0
 *     ∂y/∂u = act(g′)              where |u| ≤ limit, else 0
 *
 * Accuracy: y is one product of two values each within about one ulp (u′ + bias rounds once), so
 * within about 2 ulp, the partials within about 3. NaN in either input gives NaN; never throws.
 */
import { activations } from './activations';
import type { FunctionId, GatedId, Params } from './types';

/** How a gated unit is made from a registry function. */
export interface GatedSpec {
  readonly id: GatedId;
  readonly label: string;
  readonly shortLabel: string;
  /** The registry function applied to the gate, and its parameters (its defaults when absent). */
  readonly act: FunctionId;
  readonly actParams?: Params;
  /** g′ = min(g, gateMax); no clamp when absent. */
  readonly gateMax?: number;
  /** u′ = clamp(u, −limit, limit); no clamp when absent. */
  readonly limit?: number;
  /** Added to u′ (gpt-oss: 1); 0 when absent. */
  readonly bias?: number;
}

/** A gated unit's value and partial derivatives. */
export interface GatedUnit {
  readonly spec: GatedSpec;
  /** y(g, u). */
  f(g: number, u: number): number;
  /** ∂y/∂g. */
  dg(g: number, u: number): number;
  /** ∂y/∂u. */
  du(g: number, u: number): number;
}

/** The gated units of `../shared/reference/gated.jsonl`. */
export const GATED_SPECS: Readonly<Record<GatedId, GatedSpec>> = {
  glu: { id: 'glu', label: 'GLU: σ(g)·u', shortLabel: 'GLU', act: 'sigmoid' },
  reglu: { id: 'reglu', label: 'ReGLU: ReLU(g)·u', shortLabel: 'ReGLU', act: 'relu' },
  geglu: { id: 'geglu', label: 'GEGLU: GELU(g)·u (exact GELU)', shortLabel: 'GEGLU', act: 'gelu' },
  swiglu: { id: 'swiglu', label: 'SwiGLU: SiLU(g)·u', shortLabel: 'SwiGLU', act: 'silu' },
  swiglu_oai: {
    id: 'swiglu_oai',
    label: 'SwiGLU (gpt-oss): g′·σ(1.702·g′)·(u′ + 1), g′ = min(g, 7), u′ = clamp(u, −7, 7)',
    shortLabel: 'SwiGLU gpt-oss',
    act: 'gelu_sigmoid',
    actParams: { k: 1.702 },
    gateMax: 7,
    limit: 7,
    bias: 1,
  },
};

/** The unit `spec` describes, evaluated through the registry's f and f′ of `spec.act`. */
export function gatedUnit(spec: GatedSpec): GatedUnit {
  const act = activations[spec.act];
  const p = spec.actParams;
  const gateMax = spec.gateMax ?? Infinity;
  const limit = spec.limit ?? Infinity;
  const bias = spec.bias ?? 0;
  // Comparisons written so that NaN passes through unclamped.
  const gate = (g: number): number => (g > gateMax ? gateMax : g);
  const up = (u: number): number => (u > limit ? limit : u < -limit ? -limit : u) + bias;
  return {
    spec,
    f: (g, u) => act.f(gate(g), p) * up(u),
    dg: (g, u) => (g > gateMax ? 0 * up(u) : act.df(g, p) * up(u)),
    du: (g, u) => (u > limit || u < -limit ? 0 * act.f(gate(g), p) : u === u ? act.f(gate(g), p) : NaN),
  };
}

/** Every gated unit of GATED_SPECS, ready to evaluate. */
export const gated: Readonly<Record<GatedId, GatedUnit>> = {
  glu: gatedUnit(GATED_SPECS.glu),
  reglu: gatedUnit(GATED_SPECS.reglu),
  geglu: gatedUnit(GATED_SPECS.geglu),
  swiglu: gatedUnit(GATED_SPECS.swiglu),
  swiglu_oai: gatedUnit(GATED_SPECS.swiglu_oai),
};
