/** Names, sources and header text shared by every target. */
import { activations, formulaText } from '../core/activations';
import type { FunctionId } from '../core/types';
import { wrapText } from './emit';
import type { RenderContext, TargetInfo } from './types';

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const pascal = (snake: string): string => {
  const c = camel(snake);
  return c.charAt(0).toUpperCase() + c.slice(1);
};

/** Default names of a variant in a target's case convention. */
export function defaultNames(id: FunctionId, naming: TargetInfo['naming']): { forward: string; derivative: string; className: string } {
  const { baseName, className } = activations[id].code;
  const conv = naming === 'snake' ? (s: string) => s : naming === 'camel' ? camel : pascal;
  return { forward: conv(baseName), derivative: conv(`${baseName}_grad`), className };
}

/** Header sentences common to all targets (comment syntax added by the target). */
export function headerSentences(ctx: Omit<RenderContext, 'header'>): string[] {
  const { activation, algorithm, env, options } = ctx;
  const lines: string[] = [];
  lines.push(`${activation.label}: ${formulaText(activation.id, options.params)}`);
  lines.push(`Computed as ${algorithm.method}.`);
  if (algorithm.constants.length > 0) lines.push(`Constants: ${algorithm.constants.join('; ')}.`);
  lines.push(`Source: ${activation.code.source}`);
  const exponential = algorithm.exponentialTail === true;
  if (env.compensated) {
    // Below these magnitudes the exponential inside has underflowed to a subnormal first, and the
    // result keeps only the subnormal's absolute precision.
    lines.push(
      env.precision === 'float'
        ? `Accurate to a few float ulps, tails included${exponential ? ', for results above about 1e-34 in magnitude' : ''}.`
        : `Accurate to a few ulps in double precision, tails included${exponential ? ', for results above about 1e-303 in magnitude' : ''} (do not compile with fast-math: it breaks the exact-product steps).`,
    );
  } else if (exponential) {
    lines.push(
      "Tensor code in the input's dtype, with no overflow and no cancellation (x is clamped where the exponential is already 0 or 1). It lacks the hi + lo steps of the scalar targets, so in the negative tail the rounding of the exponent's argument costs ulps that grow at least like x², on values that are already tiny: tens near x = −5, up to about 200 in float32 and about 2,000 in float64 just above underflow.",
    );
  }
  for (const b of ctx.builtins) lines.push(b);
  return lines;
}

/** Prefixes wrapped header sentences with a line-comment marker. */
export function commentBlock(sentences: readonly string[], prefix: string, width = 96): string {
  return sentences.flatMap((s) => wrapText(s, width - prefix.length - 1).map((l, i) => `${prefix} ${i > 0 ? '  ' : ''}${l}`)).join('\n');
}
