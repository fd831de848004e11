/**
 * Gated units y(g, u) = act(g′)·(u′ + bias) (src/core/gated.ts) as snippets: the gated
 * functions are IR of two parameters that call the one-variable activation and its derivative
 * by name, so the numerics of act are its one algorithm (algorithms.ts) in every target.
 *
 *     y      = act(min(g, L))·(clamp(u, −L, L) + bias)      (no clamps and bias 0 but gpt-oss)
 *     ∂y/∂g  = act′(g)·(u′ + bias)   where g ≤ L, else 0
 *     ∂y/∂u  = act(g′)               where −L ≤ u ≤ L, else 0
 *
 * The clamp bounds pass the gradient, as PyTorch's `clamp` backward and src/core do.
 */
import { GATED_SPECS, gatedParam, type GatedSpec } from '../core/gated';
import type { FunctionId, GatedId, Params } from '../core/types';
import { isGatedId } from '../core/types';
import type { ScalarType } from './exact';
import { Block, type Expr, type Fn, add, callFn, clamp, cmp, mul, num, select, v } from './ir';
import type { HalfLayout, NamedFn, TargetId, TargetInfo } from './types';

export { isGatedId };

/** Targets that print a fused `[..., 2d]` form. */
export const FUSED_TARGETS: readonly TargetId[] = ['pytorch', 'cpp', 'cuda'];

/** The one-variable activation of the gate and its parameters, for the unit's parameters. */
export function gateActivation(id: GatedId, params: Params): { readonly id: FunctionId; readonly params: Params; readonly baseName: string } {
  const spec = GATED_SPECS[id];
  if (id === 'geglu') return params.tanh === 1 ? { id: 'gelu_tanh', params: {}, baseName: 'gelu_tanh' } : { id: 'gelu', params: {}, baseName: 'gelu' };
  // gpt-oss: x·σ(α·x), Swish with β = α (the registry's QuickGELU record with k = α).
  if (id === 'swiglu_oai') return { id: spec.act, params: { k: gatedParam(id, params, 'alpha') }, baseName: 'swish' };
  return { id: spec.act, params: spec.actParams ?? {}, baseName: spec.act };
}

/** The clamp limit L (gpt-oss) and the bias on u, at the unit's parameters. */
function clampAndBias(spec: GatedSpec, params: Params): { limit: number | undefined; bias: number } {
  const limit = spec.limit === undefined ? undefined : (params.limit ?? spec.limit);
  return { limit, bias: spec.bias ?? 0 };
}

/** Which half of a fused row is the gate: PyTorch/Keras/JAX glu the second, gpt-oss interleaved, the rest (vLLM `*AndMul`, ggml) the first. */
export function halfLayout(id: GatedId): HalfLayout {
  return id === 'glu' ? 'gate-second' : id === 'swiglu_oai' ? 'interleaved' : 'gate-first';
}

const LAYOUT_SUFFIX: Readonly<Record<HalfLayout, string>> = { 'gate-first': 'gate_first_half', 'gate-second': 'gate_second_half', interleaved: 'gate_even' };

/** The fused form's name: the layout is part of it. */
export function fusedName(forward: string, layout: HalfLayout): string {
  return `${forward}_${LAYOUT_SUFFIX[layout]}`;
}

/** The layout in a few words, for the short header. */
export function shortLayout(layout: HalfLayout): string {
  return layout === 'gate-first' ? 'gate = first half' : layout === 'gate-second' ? 'gate = second half (torch glu)' : 'interleaved, even = gate (gpt-oss)';
}

/** One sentence on the layout of a fused row. */
export function layoutSentence(id: GatedId, layout: HalfLayout): string {
  switch (layout) {
    case 'gate-first':
      return `gate g = first half of the last dimension, u = second half (vLLM ${id === 'geglu' ? 'GeluAndMul' : id === 'reglu' ? 'ReluAndMul-style' : 'SiluAndMul'}, ggml)`;
    case 'gate-second':
      return 'gate g = SECOND half of the last dimension, u = first half (PyTorch F.glu, Keras, JAX glu)';
    case 'interleaved':
      return 'interleaved as in gpt-oss: even elements are the gate g, odd ones u (vLLM SwigluOAIAndMul)';
  }
}

/** Names of the gated functions in a target's convention (`swiglu_grad_g`, `swigluGradG`). */
export function partialName(derivative: string, which: 'g' | 'u', naming: TargetInfo['naming']): string {
  return naming === 'snake' ? `${derivative}_${which}` : `${derivative}${which.toUpperCase()}`;
}

const G = v('g');
const U = v('u');

function lit(value: number, precision: ScalarType): Expr {
  return num(precision === 'float' ? Math.fround(value) : value);
}

function twoParams(b: Block, value: Expr): Fn {
  const { body } = b.ret(value);
  return { param: 'g', params: ['g', 'u'], body };
}

export interface GatedFnNames {
  /** The one-variable activation and its derivative, as printed. */
  readonly act: string;
  readonly actGrad: string;
  readonly forward: string;
  readonly gradG: string;
  readonly gradU: string;
}

/**
 * y(g, u) and, with the derivative, ∂y/∂g and ∂y/∂u as IR calling `names.act`/`names.actGrad`.
 * Selects and clamps keep ir.ts's contract (whole right-hand sides; both arms finite).
 */
export function gatedFns(id: GatedId, params: Params, names: GatedFnNames, precision: ScalarType, withDerivative: boolean): NamedFn[] {
  const spec = GATED_SPECS[id];
  const { limit, bias } = clampAndBias(spec, params);
  const c = (x: number): Expr => lit(x, precision);
  /** u′ + bias, as a let in `b` (u itself when there is neither clamp nor bias). */
  const up = (b: Block): Expr => {
    if (limit === undefined) return bias === 0 ? U : b.let('ub', add(U, c(bias)));
    const below = b.let('ul', clamp(U, { lo: c(-limit) }));
    const uc = b.let('uc', clamp(U, { lo: c(-limit), hi: c(limit), below }));
    return bias === 0 ? uc : b.let('ub', add(uc, c(bias)));
  };
  const gate = (b: Block): Expr => (limit === undefined ? G : b.let('gc', clamp(G, { hi: c(limit) })));
  const gateDoc = 'g is the gate (activated), u the linear input';
  const out: NamedFn[] = [];
  {
    const b = new Block();
    const gc = gate(b);
    const ub = up(b);
    out.push({ name: names.forward, fn: twoParams(b, mul(callFn(names.act, gc), ub)), doc: `${spec.shortLabel}: y(g, u) = ${gatedFormula(id, params).split(',')[0]}; ${gateDoc}.` });
  }
  if (!withDerivative) return out;
  {
    const b = new Block();
    const ub = up(b);
    if (limit === undefined) out.push({ name: names.gradG, fn: twoParams(b, mul(callFn(names.actGrad, G), ub)), doc: `∂y/∂g of ${spec.shortLabel}.` });
    else {
      const d = b.let('d', mul(callFn(names.actGrad, G), ub));
      out.push({ name: names.gradG, fn: twoParams(b, select(cmp('>', G, c(limit)), c(0), d)), doc: `∂y/∂g of ${spec.shortLabel} (0 above the clamp; g = limit passes, as PyTorch's clamp).` });
    }
  }
  {
    const b = new Block();
    if (limit === undefined) out.push({ name: names.gradU, fn: twoParams(b, callFn(names.act, G)), doc: `∂y/∂u of ${spec.shortLabel}.` });
    else {
      const gc = gate(b);
      const a = b.let('a', callFn(names.act, gc));
      const above = b.let('da', select(cmp('>', U, c(limit)), c(0), a));
      out.push({ name: names.gradU, fn: twoParams(b, select(cmp('<', U, c(-limit)), c(0), above)), doc: `∂y/∂u of ${spec.shortLabel} (0 outside ±limit; the bounds pass, as PyTorch's clamp).` });
    }
  }
  return out;
}

/** The unit's formula with its parameters, for headers. */
export function gatedFormula(id: GatedId, params: Params): string {
  const spec = GATED_SPECS[id];
  if (id === 'geglu') return params.tanh === 1 ? 'GELU_tanh(g)·u, the tanh form (Gemma; GeluAndMul(approximate="tanh"))' : 'GELU(g)·u, exact GELU';
  if (id === 'swiglu_oai') {
    const alpha = gatedParam(id, params, 'alpha');
    const limit = gatedParam(id, params, 'limit');
    return `g′·σ(${alpha}·g′)·(u′ + 1), g′ = min(g, ${limit}), u′ = clamp(u, −${limit}, ${limit})`;
  }
  return spec.formula.text;
}

export { GATED_SPECS };
