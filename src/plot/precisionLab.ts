/**
 * What the host computes for the plot's Precision view, from the core's implementations and
 * sweeps: the error in ulps of a format at values of the format across the visible range, the x
 * intervals where an implementation gives NaN, ±∞, 0 or the wrong sign, and the sweep table
 * (whole format, against the implementation's own function and against exact GELU). Pure (no
 * vscode, no DOM): the browser tests' stub host and the benchmark run this code.
 */
import { activations } from '../core/activations';
import { implementations, IMPLEMENTATION_IDS, type ImplementationId, type Mode } from '../core/implementations';
import { FORMAT_INFO, roundToFormat, ulpIn, type Format } from '../core/precision';
import { sweep, sweepInputs, type SweepResult } from '../core/sweep';
import {
  type Band, type BandKind, type ImplementationInfo, MAX_BANDS, MAX_PRECISION_POINTS, type PrecisionData, type PrecisionRequest, type PrecisionRow,
  type PrecisionSeries,
} from '../protocol';

/** The implementations as data for the webview's picker, in core order. */
export function implementationCatalogue(): ImplementationInfo[] {
  return IMPLEMENTATION_IDS.map((id) => {
    const impl = implementations[id];
    return { id, label: impl.label, fn: impl.fn, expression: impl.expression };
  });
}

/** Formats whose every value the sweeps enumerate (the others are sampled). */
const ENUMERATED: ReadonlySet<Format> = new Set<Format>(['bfloat16', 'float16', 'float8_e4m3fn', 'float8_e5m2']);

/** Points per CSS pixel when the range holds more format values than the plot can show. */
const POINTS_PER_PIXEL = 2;

/** Values of the format in [min, max], ascending, sorted and without duplicates (−0 dropped for +0). */
function ascendingUnique(values: Iterable<number>): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]! === 0 ? 0 : sorted[i]!;
    if (Number.isNaN(v) || (n > 0 && sorted[n - 1] === v)) continue;
    sorted[n++] = v;
  }
  return sorted.slice(0, n);
}

/**
 * The x values of the curve: every value of an enumerable format inside the range when there
 * are at most {@link POINTS_PER_PIXEL} per pixel (and {@link MAX_PRECISION_POINTS}); otherwise
 * evenly spaced points rounded to the format (so still values of the format).
 */
export function precisionGrid(format: Format, min: number, max: number, widthPx: number): Float64Array {
  const cap = Math.min(MAX_PRECISION_POINTS, Math.max(2, widthPx * POINTS_PER_PIXEL));
  if (ENUMERATED.has(format)) {
    const all = sweepInputs(format);
    const inside: number[] = [];
    for (let i = 0; i < all.length && inside.length <= cap; i++) {
      const v = all[i]!;
      if (v >= min && v <= max) inside.push(v);
    }
    if (inside.length <= cap) return ascendingUnique(inside);
  }
  const step = (max - min) / (cap - 1);
  const out: number[] = [];
  for (let i = 0; i < cap; i++) {
    const v = roundToFormat(i === cap - 1 ? max : min + i * step, format);
    if (Number.isFinite(v)) out.push(v);
  }
  return ascendingUnique(out);
}

/** How output y fails against the correctly rounded true value r, or null when it does not. */
export function failureOf(y: number, r: number): BandKind | null {
  if (y === r) return null;
  if (y !== y) return 'nan';
  if (y === Infinity || y === -Infinity) return 'inf';
  if (y === 0) return 'zero';
  if ((y > 0 && r < 0) || (y < 0 && r > 0)) return 'sign';
  return null;
}

/** Runs of the same failure at consecutive grid points, as x intervals reaching halfway to the neighbours. */
function bandsOf(impl: ImplementationId, xs: Float64Array, kinds: (BandKind | null)[], out: Band[]): void {
  const edge = (i: number, side: -1 | 1): number => {
    const j = i + side;
    return j < 0 || j >= xs.length ? xs[i]! : (xs[i]! + xs[j]!) / 2;
  };
  let count = 0;
  let i = 0;
  while (i < xs.length) {
    const kind = kinds[i];
    if (kind === null || kind === undefined) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < xs.length && kinds[j + 1] === kind) j++;
    const band: Band = { impl, kind, from: edge(i, -1), to: edge(j, 1) };
    if (count < MAX_BANDS) {
      out.push(band);
      count++;
    } else {
      // Past the cap, widen the last band of this implementation rather than drop failures silently.
      const last = out[out.length - 1]!;
      out[out.length - 1] = { ...last, to: band.to };
    }
    i = j + 1;
  }
}

const SWEEPS = new Map<string, SweepResult>();
/** Sweep results kept (each is a few numbers; the cost is the time to compute them). */
const KEPT_SWEEPS = 256;

/** {@link sweep}, remembered: a table redraw after a zoom costs nothing. */
export function cachedSweep(id: ImplementationId, format: Format, mode: Mode, reference: 'own' | 'gelu'): SweepResult {
  const key = `${id}/${format}/${mode}/${reference}`;
  let result = SWEEPS.get(key);
  if (result === undefined) {
    result = sweep(id, format, mode, reference);
    SWEEPS.set(key, result);
    while (SWEEPS.size > KEPT_SWEEPS) SWEEPS.delete(SWEEPS.keys().next().value as string);
  }
  return result;
}

/** Numbers of the Markdown table: ulps to 3 significant digits, counts whole. */
function md(v: number, digits = 3): string {
  if (Number.isNaN(v)) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1);
}

/** The sweep table as Markdown: one row per implementation and reference. */
export function precisionMarkdown(format: Format, mode: Mode, table: readonly PrecisionRow[]): string {
  const sample = ENUMERATED.has(format) ? `every finite ${format} value` : `a stratified sample of ${table[0]?.count ?? 0} ${format} values`;
  const lines = [
    `Error in ulps of ${format}, mode ${mode}, over ${sample} (GELU Lab).`,
    '',
    '| implementation | against | maxUlp | argMax | meanUlp | NaN | ±∞ | zero where nonzero | wrong sign |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of table) {
    const against = r.reference === 'own' ? `own (${r.referenceFn})` : 'exact GELU';
    lines.push(`| ${r.impl} | ${against} | ${md(r.maxUlp)} | ${md(r.argMax, 6)} | ${md(r.meanUlp)} | ${r.nan} | ${r.inf} | ${r.zeroWhereNonzero} | ${r.wrongSign} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Everything the Precision view draws for `req`. The curve's reference is each implementation's
 * own function, correctly rounded to the format at the (format-valued) x; points where the error
 * is not a finite number of ulps (NaN or infinite output, infinite reference) are NaN in the
 * series and shaded as bands where they are failures.
 */
export function precisionPlot(req: PrecisionRequest): PrecisionData {
  const started = performance.now();
  const { format, mode } = req;
  const xs = precisionGrid(format, req.range.min, req.range.max, req.widthPx);
  const series: PrecisionSeries[] = [];
  const bands: Band[] = [];
  const table: PrecisionRow[] = [];
  const notes: string[] = [];
  const refs = new Map<string, Float64Array>();
  for (const id of req.implementations) {
    const impl = implementations[id];
    let ref = refs.get(impl.fn);
    if (ref === undefined) {
      ref = activations[impl.fn].batch(xs, 0);
      for (let i = 0; i < ref.length; i++) ref[i] = roundToFormat(ref[i]!, format);
      refs.set(impl.fn, ref);
    }
    const y = new Float64Array(xs.length);
    const kinds: (BandKind | null)[] = new Array<BandKind | null>(xs.length);
    let exact = 0;
    for (let i = 0; i < xs.length; i++) {
      const out = impl.evaluate(xs[i]!, format, mode);
      const r = ref[i]!;
      kinds[i] = failureOf(out, r);
      if (out === r) {
        y[i] = 0;
        exact++;
      } else if (Number.isFinite(out) && Number.isFinite(r)) {
        y[i] = Math.abs(out - r) / ulpIn(r, format);
      } else {
        y[i] = NaN;
      }
    }
    series.push({ impl: id, y });
    bandsOf(id, xs, kinds, bands);
    if (exact > 0) notes.push(`${id}: exact (0 ulps, not drawn on the log axis) at ${exact} of ${xs.length} points.`);
    for (const reference of ['own', 'gelu'] as const) {
      const s = cachedSweep(id, format, mode, reference);
      table.push({ impl: id, reference, referenceFn: reference === 'own' ? impl.fn : 'gelu', ...s });
    }
  }
  if (!FORMAT_INFO[format].infinities) notes.push(`${format} has no infinities: overflow gives NaN.`);
  return { format, mode, x: xs, series, bands, table, markdown: precisionMarkdown(format, mode, table), notes, samplingMs: performance.now() - started };
}
