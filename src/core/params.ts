/**
 * The one parameter check shared by the plot, the hovers and the snippets: a value outside its
 * ParamSpec's [min, max] is refused with the range in the message, never clamped silently, and
 * so are the combinations a formula cannot take (xIELU with αₙ ≤ β, hardtanh with min ≥ max, a
 * GEGLU form other than 0 or 1). Missing keys mean the defaults, which always pass.
 */
import { activations } from './activations';
import { GATED_SPECS } from './gated';
import { type FunctionId, type GatedId, isFunctionId, type ParamSpec } from './types';

/** Problems with `params` for function or gated unit `id`, one sentence each; empty when they are fine. */
export function checkParams(id: FunctionId | GatedId, params?: Readonly<Record<string, unknown>>): string[] {
  const record = isFunctionId(id) ? activations[id] : GATED_SPECS[id];
  const name = record.label;
  const specs: readonly ParamSpec[] = record.params;
  const problems: string[] = [];
  const values = new Map<string, number>(specs.map((s) => [s.key, s.default]));
  for (const key of Object.keys(params ?? {})) {
    const v = params?.[key];
    if (v === undefined) continue;
    const spec = specs.find((s) => s.key === key);
    if (spec === undefined) {
      problems.push(specs.length === 0 ? `${name} has no parameters (got "${key}").` : `${name} has no parameter "${key}" (it has ${specs.map((s) => s.key).join(', ')}).`);
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push(`${name}: ${spec.label} must be a finite number between ${spec.min} and ${spec.max} (got ${String(v)}).`);
      continue;
    }
    if (v < spec.min || v > spec.max) {
      problems.push(`${name}: ${spec.label} must be between ${spec.min} and ${spec.max} (got ${v}).`);
      continue;
    }
    if (spec.step === 1 && spec.min === 0 && spec.max === 1 && v !== 0 && v !== 1) {
      problems.push(`${name}: ${spec.label} must be 0 or 1 (got ${v}).`);
      continue;
    }
    values.set(key, v);
  }
  if (problems.length > 0) return problems;
  if (id === 'xielu' && !(values.get('alphaN')! > values.get('beta')!)) {
    problems.push(`${name}: αn must be greater than β (got αn = ${values.get('alphaN')}, β = ${values.get('beta')}); transformers' αn = β + softplus(raw αn) always is.`);
  }
  if (id === 'hardtanh' && !(values.get('min')! < values.get('max')!)) {
    problems.push(`${name}: min must be below max (got min = ${values.get('min')}, max = ${values.get('max')}).`);
  }
  return problems;
}
