/** Names, sources and header text shared by every target. */
import { activations, formulaText } from '../core/activations';
import { GATED_SPECS } from '../core/gated';
import { type FunctionId, type GatedId, isGatedId } from '../core/types';
import { gatedFormula, shortLayout } from './gated';
import { wrapText } from './emit';
import type { RenderContext, TargetInfo } from './types';

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const pascal = (snake: string): string => {
  const c = camel(snake);
  return c.charAt(0).toUpperCase() + c.slice(1);
};

/** Default names of a variant in a target's case convention. */
export function defaultNames(id: FunctionId | GatedId, naming: TargetInfo['naming']): { forward: string; derivative: string; className: string } {
  const { baseName, className } = isGatedId(id) ? GATED_SPECS[id].code : activations[id].code;
  return { ...conventionNames(baseName, naming), className };
}

/** `base` and `base_grad` in a target's case convention. */
export function conventionNames(baseName: string, naming: TargetInfo['naming']): { forward: string; derivative: string } {
  const conv = naming === 'snake' ? (s: string) => s : naming === 'camel' ? camel : pascal;
  return { forward: conv(baseName), derivative: conv(`${baseName}_grad`) };
}

/**
 * Where a target's math library, not the snippet, limits the accuracy on the dense sweep
 * (test/unit/snippets/run.test.ts keeps the same numbers as its allowances), as a clause.
 */
function libraryFloor(ctx: Omit<RenderContext, 'header'>): string | undefined {
  const { activation, env, options } = ctx;
  // f′ = q·(1 + w·p) rounds five times on the way (x ≈ −3.56: 5 ulps); float targets stay within 4.
  if (activation.id === 'gelu_tanh') return options.withDerivative && env.compensated && env.precision === 'double' ? 'f′ up to 5 ulps near x ≈ −3.56' : undefined;
  if (activation.id === 'laplace' && env.erfc === 'helper') return 'up to 6 ulps near x ≈ 0 from the Cody erfc';
  if (activation.id === 'laplace' && env.erfc === 'scipy') return "up to 6 ulps near x ≈ 0 from SciPy's erfc";
  if (activation.id !== 'gelu') return undefined;
  switch (env.erfc) {
    case 'scipy':
      return "up to 8 ulps near x ≈ −1.37 from SciPy's erfc";
    case 'helper':
      return 'up to 6 ulps near x ≈ −4.95 from the Cody erfc';
    case 'pnorm':
      return `up to 600 ulps below x ≈ −37.5 where Φ is subnormal${options.withDerivative ? '; f′ 1e-16 absolute near its root −0.75' : ''}`;
    default:
      return undefined;
  }
}

/**
 * What tensor code (the input's dtype, no hi + lo steps) costs where a function's form is ill
 * conditioned, as measured by test/unit/snippets/torch.test.ts (GELU_SNIPPET_REPORT=1).
 */
function tensorAccuracy(ctx: Omit<RenderContext, 'header'>, detailed: boolean): string | undefined {
  if (ctx.env.compensated) return undefined;
  const dtype = "Computed in the input's dtype";
  switch (ctx.activation.id) {
    case 'gelu_ibert':
      return detailed
        ? `${dtype}, without the hi + lo step for t = |x|/√2 + b: next to the kinks x ≈ ±2.50, where t → 0, up to ~120 ulps in float64 and ~180 in float32.`
        : `${dtype}: up to ~120 ulps (float64) next to the kinks x ≈ ±2.50.`;
    case 'xielu':
      return detailed
        ? `${dtype}, without the hi + lo steps: near the root x ≈ −2.43 the two terms of order 1 cancel, up to ~1,300 ulps in float64 and ~500 in float32 there.`
        : `${dtype}: up to ~1,300 ulps (float64) near the root x ≈ −2.43.`;
    case 'laplace':
      return detailed
        ? `${dtype}, without the hi + lo steps: in the left tail erfc amplifies the rounding of w = (μ − x)/(σ√2) ~w² times, up to ~2,000 ulps in float64 on tiny values.`
        : `${dtype}: up to ~2,000 ulps (float64) on tiny left-tail values.`;
    case 'snake':
      return detailed
        ? `${dtype}: next to the double roots of f′ (αx = kπ − π/4) its error is about one unit roundoff absolute, so its relative error grows there.`
        : `${dtype}; f′ next to its double roots: ~1 unit roundoff absolute.`;
    default:
      return undefined;
  }
}

/** Room for the source on one comment line of the short header (96 columns less `// Source: `). */
const SHORT_SOURCE_CHARS = 84;

/**
 * The source without paper titles, cut after the last clause that fits in `max` characters
 * (whole citations, `; `, first; then `, `): the first citation always stays.
 */
export function shortSource(source: string, max: number): string {
  const text = source.replace(/, "[^"]*"/g, '').replace(/\.$/, '');
  const fit = (separator: string): string => {
    const clauses = text.split(separator);
    let out = clauses[0] as string;
    for (const c of clauses.slice(1)) {
      if (`${out}${separator}${c}`.length + 1 > max) break;
      out = `${out}${separator}${c}`;
    }
    return out;
  };
  const byCitation = fit('; ');
  return `${byCitation.length + 1 <= max ? byCitation : fit(', ')}.`;
}

/** Targets a compiler could build with fast-math, which breaks the exact-product steps. */
const FAST_MATH = new Set(['c', 'cpp', 'cuda', 'fortran']);

/** One sentence on the accuracy, with any floor of the target's math library. */
export function accuracySentence(ctx: Omit<RenderContext, 'header'>): string | undefined {
  const { algorithm, env, options } = ctx;
  const exponential = algorithm.exponentialTail === true;
  const floor = libraryFloor(ctx);
  const within = floor === undefined ? '' : ` (${floor})`;
  const fastMath = FAST_MATH.has(options.target) ? '; no fast-math' : '';
  if (env.compensated) {
    // Below these magnitudes the exponential inside has underflowed to a subnormal first, and the
    // result keeps only the subnormal's absolute precision.
    if (env.precision === 'float') return `Accurate to a few float ulps${exponential ? ' for results above 1e-34' : ''}${within}${fastMath}.`;
    return `Accurate to a few ulps in double${exponential ? ' for results above 1e-303' : ''}${within}${fastMath}.`;
  }
  if (exponential) return "Computed in the input's dtype; tiny tail values (x < −5) lose up to ~2,000 ulps.";
  const tensor = tensorAccuracy(ctx, false);
  if (tensor !== undefined) return tensor;
  return floor === undefined ? undefined : `Accurate to a few ulps${within}.`;
}

/** Header sentences common to all targets (comment syntax added by the target). */
export function headerSentences(ctx: Omit<RenderContext, 'header'>): string[] {
  const { activation, algorithm, env, options } = ctx;
  const lines: string[] = [];
  const formula = `${activation.label}: ${formulaText(activation.id, options.params)}`;
  if (!options.detailedComments) {
    // At most 4 lines: what it is, where it comes from, how good it is, what to call instead.
    lines.push(formula);
    lines.push(`Source: ${shortSource(activation.code.source, SHORT_SOURCE_CHARS)}`);
    const accuracy = accuracySentence(ctx);
    if (accuracy !== undefined) lines.push(accuracy);
    if (ctx.builtinCalls.length > 0) lines.push(`Built in: ${ctx.builtinCalls.join(', ')}.`);
    return lines;
  }
  lines.push(formula);
  lines.push(`Computed as ${algorithm.method}.`);
  if (algorithm.constants.length > 0) lines.push(`Constants: ${algorithm.constants.join('; ')}.`);
  lines.push(`Source: ${activation.code.source}`);
  const exponential = algorithm.exponentialTail === true;
  const floor = libraryFloor(ctx);
  const within = floor === undefined ? '' : ` (${floor})`;
  if (env.compensated) {
    lines.push(
      env.precision === 'float'
        ? `Accurate to a few float ulps, tails included${exponential ? ', for results above about 1e-34 in magnitude' : ''}${within}.`
        : `Accurate to a few ulps in double precision, tails included${exponential ? ', for results above about 1e-303 in magnitude' : ''}${within} (do not compile with fast-math: it breaks the exact-product steps).`,
    );
  } else if (exponential) {
    lines.push(
      "Tensor code in the input's dtype, with no overflow and no cancellation (x is clamped where the exponential is already 0 or 1). It lacks the hi + lo steps of the scalar targets, so in the negative tail the rounding of the exponent's argument costs ulps that grow at least like x², on values that are already tiny: tens near x = −5, up to about 200 in float32 and about 2,000 in float64 just above underflow.",
    );
  } else if (tensorAccuracy(ctx, true) !== undefined) lines.push(tensorAccuracy(ctx, true) as string);
  else if (floor !== undefined) lines.push(`Accurate to a few ulps${within}.`);
  for (const b of ctx.builtins) lines.push(b);
  return lines;
}

/** Prefixes wrapped header sentences with a line-comment marker. */
export function commentBlock(sentences: readonly string[], prefix: string, width = 96): string {
  return sentences.flatMap((s) => wrapText(s, width - prefix.length - 1).map((l, i) => `${prefix} ${i > 0 ? '  ' : ''}${l}`)).join('\n');
}

/**
 * Header sentences of a gated unit: its formula, which input is the gate (and the fused
 * layout), the source and the accuracy; at most 4 lines unless `detailedComments`.
 */
export function gatedHeaderSentences(ctx: Omit<RenderContext, 'header'>, id: GatedId): string[] {
  const spec = GATED_SPECS[id];
  const { options, activation, algorithm } = ctx;
  const fused = ctx.gated?.fused;
  const gate = fused === undefined ? 'g is the gate (activated), u the linear input.' : `g is the gate, u the linear input; fused [..., 2d]: ${shortLayout(fused.layout)}.`;
  const accuracy = gatedAccuracy(ctx);
  if (!options.detailedComments) {
    const lines = [`${spec.shortLabel}: y(g, u) = ${gatedFormula(id, options.params)}`, gate, `Source: ${shortSource(spec.code.source, SHORT_SOURCE_CHARS)}`];
    if (accuracy !== undefined) lines.push(accuracy);
    return lines;
  }
  const lines = [`${spec.label}: y(g, u) = ${gatedFormula(id, options.params)}.`, fused === undefined ? gate : `g is the gate, u the linear input; fused: ${fused.doc}.`, spec.gate];
  lines.push(`The gate's activation (${activation.label}) is computed as ${algorithm.method}.`);
  if (algorithm.constants.length > 0) lines.push(`Constants: ${algorithm.constants.join('; ')}.`);
  if (spec.kinks !== undefined) lines.push(spec.kinks);
  lines.push(`Source: ${spec.code.source}`);
  if (accuracy !== undefined) lines.push(accuracy);
  return lines;
}

/** The one-variable accuracy sentence, and where act(g)·u loses what it cannot hold. */
function gatedAccuracy(ctx: Omit<RenderContext, 'header'>): string | undefined {
  const one = accuracySentence(ctx);
  if (!ctx.env.compensated) return one === undefined ? undefined : one.replace('tiny tail values (x < −5)', 'tiny tail values (g < −5)');
  const unit = ctx.env.precision === 'float' ? 'float ulps' : 'ulps in double';
  return `y and its partials to a few ${unit} while act(g) is not subnormal${FAST_MATH.has(ctx.options.target) ? '; no fast-math' : ''}.`;
}
