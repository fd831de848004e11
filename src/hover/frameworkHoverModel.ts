/**
 * The framework-call hover as a pure function of (text, position): resolves the call through
 * the catalogue (src/frameworks/catalogue.ts) and explains what it computes: the variant and its
 * formula and constants, the framework's default, how far it is from exact GELU (the core's
 * approximation error over a range) and a sparkline of f and f′.
 */
import { activations, approximationError, fatreluGated, formulaText, gated, GATED_SPECS, linspace } from '../core';
import type { FunctionId, Params } from '../core/types';
import { codeSpan, escapeMarkdown, formatNumber, formatSignificant } from '../text/format';
import { GATE_LAYOUT_TEXT, gatedCallFor, isGatedVariant, type GatedCall, type FrameworkEntry, type GatedVariant } from '../frameworks/catalogue';
import { analyseConfig, configHoverAt } from '../models/configModel';
import { commentStyleFor } from '../text/languages';
import { resolveCall, type ResolvedCall } from '../text/resolver';
import { SPARK_COLORS, sparklineSvg, svgDataUri } from './sparkline';

export interface FrameworkHover {
  readonly markdown: string;
  /** Offsets of the hovered name in the text. */
  readonly start: number;
  readonly end: number;
  readonly call: ResolvedCall;
}

/** Where the error against exact GELU is measured. */
export const ERROR_RANGE: readonly [number, number] = [-8, 8];
/** A grid of step 0.02 over {@link ERROR_RANGE}, then 41 points around its maximum (step 0.001). */
const ERROR_POINTS = 801;
const REFINE_POINTS = 41;
/** Where the sparkline is drawn. */
export const SPARK_RANGE: readonly [number, number] = [-4, 4];
const SPARK_POINTS = 161;

interface ErrorSummary {
  readonly f: { readonly value: number; readonly x: number };
  readonly df: { readonly value: number; readonly x: number };
}

/** Small caches: the hover is asked for again and again while the mouse rests on a name. */
const MAX_CACHED = 64;
const errorCache = new Map<string, ErrorSummary>();
const sparkCache = new Map<string, string>();

function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

function cacheKey(variant: FunctionId, params: Params): string {
  return `${variant}|${Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join(',')}`;
}

/** The largest |error| of derivative `order` on the grid, refined around it. */
function largestError(variant: FunctionId, params: Params, order: 0 | 1): { value: number; x: number } {
  const step = (ERROR_RANGE[1] - ERROR_RANGE[0]) / (ERROR_POINTS - 1);
  const coarse = approximationError(variant, linspace(ERROR_RANGE[0], ERROR_RANGE[1], ERROR_POINTS), params, order).maxAbs;
  if (!Number.isFinite(coarse.x)) return { value: coarse.value, x: coarse.x };
  const lo = Math.max(ERROR_RANGE[0], coarse.x - step);
  const hi = Math.min(ERROR_RANGE[1], coarse.x + step);
  const fine = approximationError(variant, linspace(lo, hi, REFINE_POINTS), params, order).maxAbs;
  return fine.value > coarse.value ? { value: fine.value, x: fine.x } : { value: coarse.value, x: coarse.x };
}

/** Max |f − GELU| and max |f′ − GELU′| of `variant` over {@link ERROR_RANGE} (cached). */
export function errorAgainstGelu(variant: FunctionId, params: Params): ErrorSummary {
  return remember(errorCache, cacheKey(variant, params), () => ({ f: largestError(variant, params, 0), df: largestError(variant, params, 1) }));
}

/** The `data:` URI of a sparkline of f (solid) and f′ (dashed) over {@link SPARK_RANGE}. */
export function sparklineFor(variant: FunctionId, params: Params): string {
  return remember(sparkCache, cacheKey(variant, params), () => {
    const xs = linspace(SPARK_RANGE[0], SPARK_RANGE[1], SPARK_POINTS);
    const fn = activations[variant];
    const svg = sparklineSvg({
      xs,
      series: [
        { ys: fn.batch(xs, 0, params), color: SPARK_COLORS.f },
        { ys: fn.batch(xs, 1, params), color: SPARK_COLORS.df, dashed: true },
      ],
      width: 200,
      height: 60,
      title: `${variant} and its derivative on [-4, 4]`,
    });
    return svgDataUri(svg);
  });
}

function paramLines(entry: FrameworkEntry, variant: FunctionId, params: Params): string[] {
  const specs = activations[variant].params;
  const out: string[] = [];
  for (const spec of specs) {
    const value = params[spec.key] ?? spec.default;
    const own = entry.paramArgs?.find((p) => p.key === spec.key);
    let text = `${escapeMarkdown(spec.label)} = ${escapeMarkdown(formatNumber(value))} (${escapeMarkdown(spec.description.toLowerCase())})`;
    if (own !== undefined && own.default !== spec.default && value === own.default) {
      text += `: ${escapeMarkdown(entry.framework)}'s default; GELU Lab's default is ${escapeMarkdown(formatNumber(spec.default))}`;
    }
    out.push(text);
  }
  return out;
}

/** Where the gated slices are drawn, and the value the other input is held at. */
export const GATED_SLICE_RANGE: readonly [number, number] = [-4, 4];
export const GATED_SLICE_AT = 1;

/** y(g, u) of a gated call: the registry unit where it computes the call, else act(g)·u from the registry's act. */
export function gatedEvaluator(call: GatedCall): (g: number, u: number) => number {
  if (call.threshold !== undefined) return fatreluGated(call.threshold).f;
  const unitParams = call.unitParams;
  if (unitParams !== undefined) {
    const unit = gated[call.unit];
    return (g, u) => unit.f(g, u, unitParams);
  }
  const act = activations[call.act];
  return (g, u) => act.f(g, call.actParams) * u;
}

/** The `data:` URI of two slices of a gated unit: y(g) at u = 1 (solid) and y(u) at g = 1 (dashed). */
export function gatedSlicesFor(variant: GatedVariant, params: Params): string {
  return remember(sparkCache, `gated:${cacheKey(variant as FunctionId, params)}`, () => {
    const y = gatedEvaluator(gatedCallFor(variant, params));
    const xs = linspace(GATED_SLICE_RANGE[0], GATED_SLICE_RANGE[1], SPARK_POINTS);
    const alongG = new Float64Array(xs.length);
    const alongU = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      alongG[i] = y(xs[i] as number, GATED_SLICE_AT);
      alongU[i] = y(GATED_SLICE_AT, xs[i] as number);
    }
    const svg = sparklineSvg({
      xs,
      series: [
        { ys: alongG, color: SPARK_COLORS.f },
        { ys: alongU, color: SPARK_COLORS.df, dashed: true },
      ],
      width: 200,
      height: 60,
      title: `${variant}: y(g) at u = 1 and y(u) at g = 1 on [-4, 4]`,
    });
    return svgDataUri(svg);
  });
}

function argLines(argsRead: ResolvedCall['argsRead']): string[] {
  const lines: string[] = [];
  for (const a of argsRead) {
    const shown = codeSpan(`${a.name}=${a.text.length > 40 ? `${a.text.slice(0, 39)}…` : a.text}`);
    lines.push('', a.understood ? `Read from the call: ${shown}.` : `Read from the call: ${shown}, not a literal: assuming the default.`);
  }
  return lines;
}

/** What a FatreluAndMul threshold t ≠ 0 computes, in words a user checks against F.threshold. */
function thresholdLines(t: number): string[] {
  const ts = escapeMarkdown(formatNumber(t));
  return [
    '',
    `Computes **FATReLU(g)·u** with threshold t = ${ts}: y = g·u where g > ${ts}, else 0 (ReGLU is t = 0).`,
    '',
    `At g = ${ts}, y jumps from 0 to ${ts}·u; ∂y/∂g = u where g > ${ts}, else 0 (0 at g = ${ts}, as PyTorch's threshold backward); ∂y/∂u = g where g > ${ts}, else 0.`,
  ];
}

/** Markdown explaining a call that computes a gated unit y = act(g)·u. */
function gatedMarkdown(call: ResolvedCall, variant: GatedVariant): string {
  const { entry, params, argsRead } = call;
  const gc = gatedCallFor(variant, params);
  const spec = GATED_SPECS[gc.unit];
  const act = activations[gc.act];
  const lines: string[] = [];
  lines.push(entryHeading(entry));
  if (gc.threshold !== undefined) lines.push(...thresholdLines(gc.threshold));
  else lines.push('', `Computes the gated unit **${escapeMarkdown(spec.label)}**: y = act(g)·u with act = ${escapeMarkdown(act.label)}, ${codeSpan(formulaText(gc.act, gc.actParams))}.`);
  if (entry.gate !== undefined) lines.push('', `Gate: ${escapeMarkdown(GATE_LAYOUT_TEXT[entry.gate])}.`);
  const shown = Object.keys(params).filter((k) => Number.isFinite(params[k]));
  if (shown.length > 0) lines.push('', `Parameters: ${shown.map((k) => `${escapeMarkdown(k)} = ${escapeMarkdown(formatNumber(params[k] as number))}`).join('; ')}.`);
  const va = entry.variantArg;
  if (va !== undefined) lines.push('', `Default: ${codeSpan(`${va.name}=${va.default}`)}.`);
  lines.push(...argLines(argsRead));
  if (entry.note !== undefined) lines.push('', `*${escapeMarkdown(entry.note)}*`);
  const name = gc.threshold === undefined ? spec.shortLabel : `FATReLU(g)·u, t = ${formatNumber(gc.threshold)}`;
  lines.push('', `![${escapeMarkdown(`${name}: y(g) at u = 1 solid, y(u) at g = 1 dashed, from −4 to 4`)}](${gatedSlicesFor(variant, params)})`);
  lines.push('', `*Solid: y(g) at u = ${GATED_SLICE_AT}; dashed: y(u) at g = ${GATED_SLICE_AT}; from ${GATED_SLICE_RANGE[0]} to ${GATED_SLICE_RANGE[1]}.*`);
  return lines.join('\n');
}

function entryHeading(entry: FrameworkEntry): string {
  return `**${escapeMarkdown(entry.qualifiedName)}** · ${escapeMarkdown(entry.framework)} · [docs](${entry.docUrl})`;
}

/** A call whose arguments give no values: what it is and why, but no formula with numbers, no constants, no curve (they would be some other function's). */
function refusedMarkdown(call: ResolvedCall, why: string): string {
  const { entry, variant } = call;
  const label = isGatedVariant(variant) ? GATED_SPECS[gatedCallFor(variant, call.params).unit].label : activations[variant].label;
  const lines = [entryHeading(entry), '', `**${escapeMarkdown(label)}**, but ⚠ no values for these arguments: ${escapeMarkdown(why)}`, ...argLines(call.argsRead)];
  if (entry.note !== undefined) lines.push('', `*${escapeMarkdown(entry.note)}*`);
  return lines.join('\n');
}

/** Markdown explaining a resolved call. */
export function frameworkMarkdown(call: ResolvedCall): string {
  if (call.refused !== undefined) return refusedMarkdown(call, call.refused);
  if (isGatedVariant(call.variant)) return gatedMarkdown(call, call.variant);
  const { entry, params, argsRead } = call;
  const variant = call.variant as FunctionId;
  const fn = activations[variant];
  const lines: string[] = [];
  lines.push(entryHeading(entry));
  lines.push('', `Computes **${escapeMarkdown(fn.label)}**: ${codeSpan(formulaText(variant, params))}`);
  if (call.derivation !== undefined) lines.push('', `${escapeMarkdown(call.derivation)}.`);
  const constants = paramLines(entry, variant, params);
  if (constants.length > 0) lines.push('', `Constants: ${constants.join('; ')}.`);
  const va = entry.variantArg;
  if (va !== undefined) {
    const def = isGatedVariant(entry.defaultVariant) ? entry.defaultVariant : activations[entry.defaultVariant].label;
    lines.push('', `Default: ${codeSpan(`${va.name}=${va.default}`)} → ${escapeMarkdown(def)}.`);
  }
  lines.push(...argLines(argsRead));
  if (fn.family === 'gelu') {
    if (variant === 'gelu') {
      lines.push('', 'Exact GELU: no approximation error.');
    } else {
      const e = errorAgainstGelu(variant, params);
      lines.push(
        '',
        `Differs from exact GELU by up to ${escapeMarkdown(formatSignificant(e.f.value, 2))} (at x = ${escapeMarkdown(formatSignificant(e.f.x, 3))}); ` +
          `f′ by up to ${escapeMarkdown(formatSignificant(e.df.value, 2))} (at x = ${escapeMarkdown(formatSignificant(e.df.x, 3))}), on [${ERROR_RANGE[0]}, ${ERROR_RANGE[1]}].`,
      );
    }
  }
  if (entry.note !== undefined) lines.push('', `*${escapeMarkdown(entry.note)}*`);
  lines.push('', `![${escapeMarkdown(`${fn.label}: f solid, f′ dashed, x from −4 to 4`)}](${sparklineFor(variant, params)})`);
  return lines.join('\n');
}

/**
 * Computes (and caches) what the first hovers over the common GELU calls need: the error
 * summaries and sparklines of the tanh and sigmoid forms and exact GELU. For idle time after
 * activation, so that the first hover does not pay for them (and for the JIT's warm-up).
 */
export function warmFrameworkHover(): void {
  for (const variant of ['gelu_tanh', 'gelu_sigmoid'] as const) errorAgainstGelu(variant, {});
  for (const variant of ['gelu', 'gelu_tanh', 'gelu_sigmoid'] as const) sparklineFor(variant, {});
  frameworkHoverAt('jax.nn.gelu(x, approximate=False)', 1);
}

/**
 * The hover for the framework call named at `column` of `text` (a line, or a line and the
 * following ones so that arguments there are read) in a document of `languageId` (its comments
 * are skipped inside the arguments), or `undefined`.
 */
export function frameworkHoverAt(text: string, column: number, languageId = 'plaintext'): FrameworkHover | undefined {
  const call = resolveCall(text, column, commentStyleFor(languageId));
  if (call === undefined) return undefined;
  return { markdown: frameworkMarkdown(call), start: call.start, end: call.end, call };
}

/** JSON languages in which a model config's own hover (src/models/configHover.ts) may answer. */
const CONFIG_LANGUAGES: ReadonlySet<string> = new Set(['json', 'jsonc']);

/**
 * Whether the model-config hover answers at `offset` of a document (`"hidden_act": "gelu"` in
 * a config.json): the framework hover then steps aside, so that one hover explains the key.
 */
export function configHoverAnswers(text: string, fileName: string, languageId: string, offset: number): boolean {
  if (!CONFIG_LANGUAGES.has(languageId)) return false;
  const analysis = analyseConfig(text, fileName);
  return analysis.isModelConfig && configHoverAt(analysis, offset) !== undefined;
}
