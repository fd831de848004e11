/**
 * Which built-in framework call computes the snippet's function, taken from the shared
 * catalogue `src/frameworks/catalogue.ts` (the same data the hovers explain calls with).
 */
import { argumentFor, entriesComputing, type Framework, type FrameworkEntry } from '../frameworks/catalogue';
import type { Activation, Params } from '../core/types';
import { literal } from './exact';
import type { TargetId } from './types';

const FRAMEWORKS: Partial<Record<TargetId, readonly Framework[]>> = {
  pytorch: ['PyTorch'],
  tensorflow: ['TensorFlow', 'Keras'],
  jax: ['JAX'],
};

/** Python spelling of a parameter value. */
const py = (v: number): string => literal(v, 'double');

/** The call text for `entry`, or undefined when it cannot compute the function with these parameters. */
function callText(entry: FrameworkEntry, activation: Activation, params: Params): string | undefined {
  const arg = argumentFor(entry, activation.id);
  if (arg === undefined) return undefined;
  const args: string[] = entry.kind === 'function' ? ['x'] : [];
  if (arg.text !== '') args.push(arg.text);
  for (const spec of activation.params) {
    const value = params[spec.key] ?? spec.default;
    const pa = entry.paramArgs?.find((p) => p.key === spec.key);
    if (pa === undefined) {
      // The framework computes the registry's default only.
      if (value !== spec.default) return undefined;
      continue;
    }
    if (value !== pa.default) args.push(`${pa.name}=${py(value)}`);
  }
  return `${entry.qualifiedName}(${args.join(', ')})`;
}

/**
 * The shortest spelling of each framework's built-in for this variant (the function when there
 * is one, else the module), for the short header.
 */
export function builtinCalls(target: TargetId, activation: Activation, params: Params): string[] {
  const out: string[] = [];
  for (const fw of FRAMEWORKS[target] ?? []) {
    const entries = entriesComputing(activation.id).filter((e) => e.framework === fw && (e.kind === 'function' || e.kind === 'module'));
    for (const kind of ['function', 'module'] as const) {
      const e = entries.find((x) => x.kind === kind && callText(x, activation, params) !== undefined);
      if (e === undefined) continue;
      out.push(callText(e, activation, params) as string);
      break;
    }
  }
  return out;
}

/**
 * Header sentences naming the built-in calls of the target's framework that compute this
 * variant with these parameters (one function and one module spelling per framework at most).
 */
export function builtinSentences(target: TargetId, activation: Activation, params: Params): string[] {
  const frameworks = FRAMEWORKS[target];
  if (frameworks === undefined) return [];
  const out: string[] = [];
  for (const fw of frameworks) {
    const entries = entriesComputing(activation.id).filter((e) => e.framework === fw && (e.kind === 'function' || e.kind === 'module'));
    const calls: string[] = [];
    const notes: string[] = [];
    for (const kind of ['function', 'module'] as const) {
      const e = entries.find((x) => x.kind === kind && callText(x, activation, params) !== undefined);
      if (e === undefined) continue;
      calls.push(callText(e, activation, params) as string);
      if (e.note !== undefined && !notes.includes(e.note)) notes.push(e.note);
    }
    if (calls.length === 0) continue;
    out.push(`${fw} has it built in: ${calls.join(', or ')}.${notes.length > 0 ? ` Note: ${notes.join(' ')}` : ''}`);
  }
  if (out.length > 0) out.push('The explicit code below computes the same function, for reading, porting and the derivative.');
  else out.push(`${frameworks.join('/')} has no built-in ${activation.label} with these parameters; the code below is it.`);
  return out;
}
