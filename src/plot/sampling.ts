/**
 * What the plot host computes for the webview, from the numeric core: sampled curves, errors,
 * key points, pinned values, CSV. Pure (no vscode, no DOM), so the browser tests' stub host and
 * the benchmark run exactly this code.
 */
import type { Config } from '../configModel';
import { activations, approximationError, checkParams as checkParamValues, evaluate, evaluateArrayInPrecision, evaluateInPrecision, linspace, resolveParams, type Format, ulpIn as coreUlpIn } from '../core';
import { findKeyPointsOnGrid } from '../core/keyPoints';
import { FUNCTION_IDS, type FunctionId, type Order, type Params } from '../core/types';
import {
  type Curve, DEFAULT_PRECISION_SELECTION, type ErrorKind, type ErrorSeries, type EvaluateRequest, type FunctionInfo, type HostKind, type KeyPoint, MAX_SAMPLES_PER_REQUEST,
  type ParamValues, type PlotData, type PlotState, type PointValue, type Precision, type SampleRequest,
} from '../protocol';

/** The most points of one curve, whatever the width and samples per pixel. */
export const MAX_POINTS = 32_768;

/** The registry as data for the webview, GELU family first (registry order within a family). */
export function catalogue(): FunctionInfo[] {
  const ids = [...FUNCTION_IDS].sort((a, b) => Number(activations[a].family !== 'gelu') - Number(activations[b].family !== 'gelu'));
  return ids.map((id) => {
    const fn = activations[id];
    return {
      id,
      label: fn.label,
      shortLabel: fn.shortLabel,
      family: fn.family,
      ...(fn.approximates ? { approximates: fn.approximates } : {}),
      formula: { text: fn.formula.text, latex: fn.formula.latex },
      params: fn.params.map((p) => ({ ...p })),
      colorSlot: fn.colorSlot,
    };
  });
}

/** The state a new plot starts from: the configured functions and range, everything else fixed. */
export function defaultState(plot: Config['plot'], mode: HostKind): PlotState {
  const range = { min: plot.xMin, max: plot.xMax };
  return {
    functions: FUNCTION_IDS.filter((id) => plot.functions.includes(id)),
    params: {},
    range,
    home: range,
    view: 'curves',
    // The side bar is narrow and short: one chart of f; the panel shows all three orders stacked.
    layout: mode === 'panel' ? 'stacked' : 'overlay',
    orders: mode === 'panel' ? [0, 1, 2] : [0],
    // Relative error: what an approximation costs a model, comparable across magnitudes.
    errorKind: 'rel',
    precision: 'float64',
    pins: [],
    lightExport: false,
    precisionView: DEFAULT_PRECISION_SELECTION,
  };
}

/**
 * Checks the webview's parameter values with the core's checkParams (known key, inside the
 * spec's range, values that go together) and completes them with defaults. Returns a sentence
 * for the first problem instead.
 */
export function checkParams(functions: readonly FunctionId[], params: ParamValues): Map<FunctionId, Params> | string {
  const out = new Map<FunctionId, Params>();
  for (const [id, values] of Object.entries(params) as [FunctionId, Params][]) {
    const problems = checkParamValues(id, values);
    if (problems.length > 0) return problems[0]!;
  }
  for (const id of functions) out.set(id, resolveParams(id, params[id]));
  return out;
}

/**
 * Values one redraw may draw before the setting's samples per pixel is lowered (never below one
 * per pixel): chart.js's time grows with the points it draws, and at this many a redraw of six
 * functions × (f, f′, f″) at 2000 px stays within a 60 fps frame (`npm run bench -- webview`).
 * Below it (e.g. 18 curves at 1000 px × 2) the setting is used as given.
 */
export const DRAW_BUDGET = 36_000;

/**
 * Number of samples for a chart `widthPx` wide at `samplesPerPixel` (1–4), lowered towards one
 * per pixel where `series` curves of that length would exceed {@link DRAW_BUDGET}; at least 2, and
 * few enough that the series hold at most {@link MAX_SAMPLES_PER_REQUEST} values.
 */
export function sampleCount(widthPx: number, samplesPerPixel: number, series = 1): number {
  const n = Math.max(1, series);
  const spp = Math.max(1, Math.min(4, samplesPerPixel, DRAW_BUDGET / (n * Math.max(1, widthPx))));
  const budget = Math.floor(MAX_SAMPLES_PER_REQUEST / n);
  return Math.max(2, Math.min(MAX_POINTS, budget, Math.round(widthPx * spp)));
}

/**
 * Unit in the last place of `r` in `precision` (the core's {@link ulpIn}; for float64 the
 * reference README's metric). NaN for non-finite `r`.
 */
export const ulpIn: (r: number, precision: Precision) => number = coreUlpIn;

/** |error| of one kind from the signed difference d = y − r; NaN stays NaN, and so is a relative error against r = 0 (undefined). */
function magnitude(d: number, r: number, kind: ErrorKind, format: Format): number {
  if (d === 0) return 0;
  switch (kind) {
    case 'abs':
      return Math.abs(d);
    case 'rel':
      return r === 0 ? NaN : Math.abs(d) / Math.abs(r);
    case 'ulp':
      return Math.abs(d) / coreUlpIn(r, format);
  }
}

/**
 * Error of `approx` against `exact` at each x, of one kind (ulps of `format`), with the largest
 * (∞ included: an overflow is an error worth naming) and its x; NaN, NaN when every error is NaN.
 * Used by the Error view and the Gated view's slices.
 */
export function errorAgainst(approx: Float64Array, exact: Float64Array, x: Float64Array, kind: ErrorKind, format: Format): { y: Float64Array; max: number; argmax: number } {
  const y = new Float64Array(x.length);
  let max = NaN;
  let argmax = NaN;
  for (let i = 0; i < x.length; i++) {
    const a = approx[i] as number;
    const r = exact[i] as number;
    const m = a === r ? 0 : magnitude(a - r, r, kind, format);
    y[i] = m;
    if (!Number.isNaN(m) && !(m <= max)) {
      max = m;
      argmax = x[i] as number;
    }
  }
  return { y, max, argmax };
}

/**
 * Error series of the request: each function that approximates another (the GELU
 * approximations, against exact GELU) and, in a precision other than float64, every function
 * against its own exact values. The approximation is evaluated in the request's precision; the
 * reference is exact (double).
 */
function errorSeries(req: SampleRequest, xs: Float64Array, params: Map<FunctionId, Params>): { series: ErrorSeries[]; notes: string[] } {
  const series: ErrorSeries[] = [];
  for (const id of req.functions) {
    const reference = activations[id].approximates ?? id;
    if (reference === id && req.precision === 'float64') continue;
    const p = params.get(id);
    for (const order of req.orders) {
      if (req.precision === 'float64') {
        // Exact arithmetic, an approximation against exact GELU: the core's measure.
        const e = approximationError(id, xs, p, order);
        const signed = req.errorKind === 'abs' ? e.abs : req.errorKind === 'rel' ? e.rel : e.ulp;
        const max = req.errorKind === 'abs' ? e.maxAbs : req.errorKind === 'rel' ? e.maxRel : e.maxUlp;
        const y = signed.map(Math.abs);
        series.push({ fn: id, reference, order, kind: req.errorKind, y, max: max.index < 0 ? NaN : max.value, argmax: max.x });
        continue;
      }
      const approx = evaluateArrayInPrecision(id, order, xs, req.precision, p);
      const exact = evaluate(reference, order, xs, params.get(reference) ?? (reference === id ? p : undefined));
      series.push({ fn: id, reference, order, kind: req.errorKind, ...errorAgainst(approx, exact, xs, req.errorKind, req.precision) });
    }
  }
  const notes: string[] = [];
  if (series.length === 0) {
    notes.push('No error to show: pick an approximation (GELU tanh or sigmoid) to compare with exact GELU, or a precision other than float64 to see rounding error.');
  }
  return { series, notes };
}

/**
 * Samples everything the webview draws for `req`: `sampleCount` points spanning the range, the
 * curves (exact, and rounded when a precision is chosen) or the error series, and the key points
 * of each function in the range. Throws only the core's `CoreArgumentError` (bad arguments).
 */
export function samplePlot(req: SampleRequest, samplesPerPixel: number): PlotData | string {
  const started = performance.now();
  const params = checkParams(req.functions, req.params);
  if (typeof params === 'string') return params;
  const xs = linspace(req.range.min, req.range.max, sampleCount(req.widthPx, samplesPerPixel, req.functions.length * req.orders.length));
  const curves: Curve[] = [];
  let errors: ErrorSeries[] = [];
  const keyPoints: KeyPoint[] = [];
  let notes: string[] = [];
  if (req.view === 'curves') {
    for (const id of req.functions) {
      const p = params.get(id);
      const exact: Partial<Record<Order, Float64Array>> = {};
      for (const order of req.orders) {
        const y = evaluate(id, order, xs, p);
        exact[order] = y;
        curves.push(req.precision === 'float64' ? { fn: id, order, y } : { fn: id, order, y, rounded: evaluateArrayInPrecision(id, order, xs, req.precision, p) });
      }
      // Key points from the same grid (≥ 1 sample per pixel): f′ and f″ are reused when shown.
      const df = exact[1] ?? evaluate(id, 1, xs, p);
      const d2f = exact[2] ?? evaluate(id, 2, xs, p);
      for (const k of findKeyPointsOnGrid(activations[id], p, xs, df, d2f)) {
        keyPoints.push({ fn: id, kind: k.kind, x: k.x, y: [k.f, k.df, k.d2f] });
      }
    }
    if (req.precision !== 'float64') {
      notes.push(`Steps: each function evaluated in ${req.precision} (input and output rounded to ${req.precision}); faint lines: the exact values.`);
    }
  } else {
    ({ series: errors, notes } = errorSeries(req, xs, params));
  }
  return { x: xs, curves, errors, keyPoints, notes, samplingMs: performance.now() - started };
}

/** Exact (and rounded) values of every requested function and order at one x, for a pinned row. */
export function evaluatePoint(req: EvaluateRequest): PointValue[] | string {
  const params = checkParams(req.functions, req.params);
  if (typeof params === 'string') return params;
  const values: PointValue[] = [];
  const one = new Float64Array([req.x]);
  for (const id of req.functions) {
    const p = params.get(id);
    for (const order of req.orders) {
      const value = evaluate(id, order, one, p)[0] as number;
      values.push(req.precision === 'float64' ? { fn: id, order, value } : { fn: id, order, value, rounded: evaluateInPrecision(id, order, req.x, req.precision, p) });
    }
  }
  return values;
}

const ORDER_SUFFIX: Readonly<Record<Order, string>> = { 0: '', 1: '_d1', 2: '_d2' };

/** A double as CSV text: shortest round-trip decimal; `nan`, `inf`, `-inf` as NumPy and pandas read them. */
export function csvNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

/**
 * The `#` comment lines that open an exported CSV: what was sampled, so the file explains itself
 * (pandas reads it with `comment='#'`, NumPy's loadtxt skips them by default).
 */
export function csvHeader(req: SampleRequest): string[] {
  const params: string[] = [];
  for (const id of req.functions) {
    for (const spec of activations[id].params) params.push(`${id}.${spec.key}=${req.params[id]?.[spec.key] ?? spec.default}`);
  }
  const lines = [
    '# GELU Lab export',
    `# functions: ${req.functions.join(' ')}`,
    `# parameters: ${params.length === 0 ? 'none' : params.join(' ')}`,
    `# format: ${req.precision}${req.precision === 'float64' ? '' : ' (input and output rounded; unsuffixed columns are exact)'}`,
    `# range: x from ${csvNumber(req.range.min)} to ${csvNumber(req.range.max)}`,
  ];
  if (req.view === 'error') {
    const unit = req.errorKind === 'ulp' ? `ulps of ${req.precision}` : req.errorKind === 'rel' ? 'relative' : 'absolute';
    lines.push(`# error: ${unit}`);
  }
  return lines;
}

/**
 * The sampled data as CSV (RFC 4180, `\r\n`) after the {@link csvHeader} comment lines: a
 * header `x,<id>[_d1|_d2][_<precision>]…` for curves or
 * `x,<id>[_d1|_d2]_<kind>_error_vs_<reference>…` for errors, one row per sample.
 */
export function toCsv(data: PlotData, req: SampleRequest): string {
  const precision = req.precision;
  const columns: { name: string; values: Float64Array }[] = [];
  for (const c of data.curves) {
    columns.push({ name: `${c.fn}${ORDER_SUFFIX[c.order]}`, values: c.y });
    if (c.rounded) columns.push({ name: `${c.fn}${ORDER_SUFFIX[c.order]}_${precision}`, values: c.rounded });
  }
  for (const e of data.errors) {
    columns.push({ name: `${e.fn}${ORDER_SUFFIX[e.order]}_${precision === 'float64' ? '' : `${precision}_`}${e.kind}_error_vs_${e.reference}`, values: e.y });
  }
  const lines = [...csvHeader(req), ['x', ...columns.map((c) => c.name)].join(',')];
  for (let i = 0; i < data.x.length; i++) {
    const row = [csvNumber(data.x[i] as number)];
    for (const c of columns) row.push(csvNumber(c.values[i] as number));
    lines.push(row.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
