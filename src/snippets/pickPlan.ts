/**
 * What "Insert GELU Code…" shows in its quick picks, as data (pure: no `vscode`, unit-tested):
 * the order of the function list and the step counter.
 */
import { GATED_SPECS, type GatedSpec } from '../core/gated';
import { type Activation, type FunctionId, GATED_IDS, type GatedId, isGatedId } from '../core/types';
import { FUSED_TARGETS } from './gated';
import { TARGETS, VARIANTS } from './index';
import type { SnippetOptions, TargetInfo } from './types';

export interface VariantEntry {
  /** A group heading (a separator) when `id` is absent. */
  readonly label: string;
  readonly description?: string;
  readonly id?: FunctionId | GatedId;
}

/** The gated units, in registry order. */
export const GATED_VARIANTS: readonly GatedSpec[] = GATED_IDS.map((id) => GATED_SPECS[id]);

/**
 * The function list: the GELU family first, then its relatives, each in registry order, so the
 * first match of a query is a GELU when one matches ("tanh" → "GELU (tanh approximation)", not
 * Mish, whose formula has tanh, nor Tanh itself).
 */
export function variantEntries(variants: readonly Activation[] = VARIANTS, gated: readonly GatedSpec[] = GATED_VARIANTS): VariantEntry[] {
  const entry = (v: Activation): VariantEntry => ({ label: v.label, description: v.formula.text, id: v.id });
  return [
    { label: 'GELU' },
    ...variants.filter((v) => v.family === 'gelu').map(entry),
    { label: 'Relatives' },
    ...variants.filter((v) => v.family !== 'gelu').map(entry),
    ...(gated.length === 0 ? [] : [{ label: 'Gated units y(g, u)' }, ...gated.map((g): VariantEntry => ({ label: g.label, description: g.summary, id: g.id }))]),
  ];
}

/**
 * The entries a query leaves, best first: every word of the query appears in the label or the
 * description (case-insensitive), separators dropped, the list's own order kept. The quick pick
 * makes the first one active, so Enter takes it.
 */
export function filterEntries(entries: readonly VariantEntry[], query: string): VariantEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  return entries.filter((e) => e.id !== undefined && words.every((w) => e.label.toLowerCase().includes(w) || (e.description ?? '').toLowerCase().includes(w)));
}

/** The option steps that follow the target pick for `target`, given what is already fixed. */
export function optionSteps(given: Partial<SnippetOptions>, target: TargetInfo): number {
  if (isGatedId(given.variant)) {
    const fusedAsked = given.fused === undefined && FUSED_TARGETS.includes(target.id);
    // Gated units: no vectorised step; a module only in PyTorch; the fused form where offered.
    return (
      (given.withDerivative === undefined ? 1 : 0) +
      (given.form === undefined && target.id === 'pytorch' ? 1 : 0) +
      (fusedAsked ? 1 : 0) +
      (given.precision === undefined && target.precisions.length > 1 ? 1 : 0)
    );
  }
  return (
    (given.withDerivative === undefined ? 1 : 0) +
    (given.form === undefined && target.forms.length > 1 ? 1 : 0) +
    (given.vectorised === undefined && target.vectorisable ? 1 : 0) +
    (given.precision === undefined && target.precisions.length > 1 ? 1 : 0)
  );
}

/** Whether the fused [..., 2d] form is offered for this variant and target. */
export function offersFused(variant: FunctionId | GatedId | undefined, target: TargetInfo): boolean {
  return isGatedId(variant) && FUSED_TARGETS.includes(target.id);
}

/**
 * The total number of steps, or undefined while it is not known yet (the target is still to be
 * picked and targets differ in their options): the counter then shows the step alone, so a
 * total once shown never changes (no "2/5" followed by "3/4").
 */
export function totalSteps(given: Partial<SnippetOptions>, target: TargetInfo | undefined, targets: readonly TargetInfo[] = TARGETS): number | undefined {
  const before = (given.variant === undefined ? 1 : 0) + (given.target === undefined ? 1 : 0);
  if (target !== undefined) return before + optionSteps(given, target);
  const after = new Set(targets.map((t) => optionSteps(given, t)));
  return after.size === 1 ? before + (after.values().next().value as number) : undefined;
}
