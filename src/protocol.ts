/**
 * The one protocol between the extension host and the plot webview (panel and side-bar view).
 *
 * Pure TypeScript, no `vscode`, no DOM: the host imports it to validate what the webview sends,
 * the webview imports it for the types and to check what the host sends.
 *
 * Conversation:
 *   webview → `ready` (its persisted state, if any)          host → `plot/init`
 *   webview → `plot/sample` {requestId}                        host → `plot/data` | `error`
 *   webview → `plot/evaluate` {requestId}                      host → `plot/values` | `error`
 *   webview → `export/png` | `export/csv` {requestId}          host → `export/done` | `error`
 *   webview → `clipboard/write` {requestId}                    host → `clipboard/done` | `error`
 *   webview → `plot/drawn`, `log` (notifications, no reply)
 *   webview → `precision/sample` {requestId}                   host → `precision/data` | `error`
 *   host → `plot/pin` (crosshair to a number), `plot/refresh` (settings changed: ask again),
 *   `plot/show` (functions, view, range or Precision choices to apply)
 * Every request carries a positive integer `requestId`; exactly one reply with the same id
 * follows, the matching success message or `error`. A message the host cannot parse is answered
 * with `error` carrying the request id when one could be read, otherwise `null`.
 *
 * Numbers travel as `Float64Array` (postMessage clones typed arrays), never as arrays of objects.
 */
import {
  type Curve, FAMILIES, type Family, FUNCTION_IDS, type FunctionId, type GatedId, isEntryOf, isFunctionId, isGatedId, type KeyPointKind, type Order,
  type ParamSpec, type Params,
} from './core/types';
import type { ImplementationId, Mode } from './core/implementations';
import type { Format } from './core/precision';
import type { Reference, SweepResult } from './core/sweep';

export type { Curve, KeyPointKind };
export type { Format, ImplementationId, Mode };

/*
 * The core's implementation ids, formats and modes, repeated here as data because importing
 * core/implementations.ts would bundle every implementation into the webview. The `satisfies`
 * clauses and the checks below fail the build when a list loses or gains an entry against the
 * core's types; test/unit/protocol.test.ts checks the order against the core's lists.
 */
export const IMPLEMENTATION_IDS = [
  'gelu_erf', 'gelu_erfc', 'gelu_tanh', 'gelu_tanh_sigmoid', 'gelu_fast', 'gelu_onnx_tanh', 'gelu_ggml', 'gelu_quick_ggml',
  'quick_gelu', 'silu', 'silu_div', 'softplus_log1pexp', 'softplus_torch', 'mish',
] as const satisfies readonly ImplementationId[];
export const FORMATS = ['float64', 'float32', 'bfloat16', 'float16', 'float8_e4m3fn', 'float8_e5m2'] as const satisfies readonly Format[];
export const MODES = ['per-op', 'fp32-opmath'] as const satisfies readonly Mode[];
type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const LISTS_COMPLETE: [
  Covers<ImplementationId, (typeof IMPLEMENTATION_IDS)[number]>, Covers<Format, (typeof FORMATS)[number]>, Covers<Mode, (typeof MODES)[number]>,
] = [true, true, true];
void LISTS_COMPLETE;

/** An own entry of the implementation list (`constructor`, `__proto__` are not ids). */
export function isImplementationId(value: unknown): value is ImplementationId {
  return isEntryOf(IMPLEMENTATION_IDS, value);
}

export const VIEW_MODES = ['curves', 'error', 'precision', 'gated'] as const;
/**
 * `curves`: f, f′, f″ of each function; `error`: error of each approximation against its
 * reference; `precision`: the error in format ulps of implementations (op by op in a format).
 */
export type ViewMode = (typeof VIEW_MODES)[number];

export const LAYOUTS = ['stacked', 'overlay'] as const;
/** `stacked`: one chart per derivative order sharing the x axis; `overlay`: one chart. */
export type Layout = (typeof LAYOUTS)[number];

export const ERROR_KINDS = ['abs', 'rel', 'ulp'] as const;
/** Absolute |a − r|, relative |a − r|/|r|, or in units in the last place of r (in the chosen precision). */
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const PRECISIONS = ['float64', 'float32', 'bfloat16', 'float16'] as const;
/** The arithmetic a function is shown in: input and output rounded to this format. */
export type Precision = (typeof PRECISIONS)[number];

export const ORDERS: readonly Order[] = [0, 1, 2];

/** Where the webview runs: the editor panel or the compact side-bar view. */
export type HostKind = 'panel' | 'view';

/** Largest |x| of any range: beyond it every function here is flat or overflows. */
export const X_LIMIT = 10_000;
/** Chart width in CSS pixels a request may name. */
export const MIN_WIDTH_PX = 16;
export const MAX_WIDTH_PX = 8192;
export const MAX_PINS = 50;
/**
 * Most values (series × points) one `plot/data` reply holds. The host thins the points of each
 * series to stay below it rather than refuse, so every valid request is answered in bounded time
 * and memory: 14 functions × f, f′, f″ × 8192 px × 4 would be 1.4 M values (22 MB in float16
 * with the rounded copies, ~0.5 s); capped, the worst case is 2¹⁸ = 262,144 values, about 6,200
 * points a series. Ordinary requests (a few functions, a chart under 4,000 px) are far below it.
 */
export const MAX_SAMPLES_PER_REQUEST = 262_144;
/** Longest text the webview may put on the clipboard or a data URL may have (bytes of UTF-16). */
export const MAX_TEXT = 1_000_000;
export const MAX_DATA_URL = 64_000_000;

export interface XRange {
  readonly min: number;
  readonly max: number;
}

/** Parameter values per function; a missing function or key takes the registry default. */
export type ParamValues = Readonly<Partial<Record<FunctionId, Params>>>;

/** What the webview persists with `setState` and the serializer hands back after a reload. */
export interface PlotState {
  /** Selected functions, in registry order, at least one. */
  readonly functions: readonly FunctionId[];
  readonly params: ParamValues;
  /** The visible x range (changes with zoom and pan). */
  readonly range: XRange;
  /** The range typed or picked from a preset; double-click returns to it. */
  readonly home: XRange;
  readonly view: ViewMode;
  readonly layout: Layout;
  /** Derivative orders shown, ascending, at least one. */
  readonly orders: readonly Order[];
  readonly errorKind: ErrorKind;
  readonly precision: Precision;
  /** Pinned x values, shown as rows of the value table. */
  readonly pins: readonly number[];
  /** PNG export on a light background whatever the theme. */
  readonly lightExport: boolean;
  /**
   * What the Precision view shows; absent means {@link DEFAULT_PRECISION_SELECTION} (states saved
   * before the view existed, and states written by code that does not know it).
   */
  readonly precisionView?: PrecisionSelection;
  /** What the Gated view shows; absent means {@link DEFAULT_GATED_SELECTION}. */
  readonly gatedView?: GatedSelection;
}

/** Most implementations the Precision view compares at once. */
export const MAX_PRECISION_IMPLEMENTATIONS = 8;
/** Most x values of one Precision curve. */
export const MAX_PRECISION_POINTS = 16_384;
/** Most shaded bands per implementation (runs beyond it are merged into the last). */
export const MAX_BANDS = 256;

/** The Precision view's choices: implementations (core ids), the working format and the compute mode. */
export interface PrecisionSelection {
  readonly implementations: readonly ImplementationId[];
  readonly format: Format;
  readonly mode: Mode;
}

export const DEFAULT_PRECISION_SELECTION: PrecisionSelection = { implementations: ['gelu_erf', 'gelu_tanh'], format: 'bfloat16', mode: 'per-op' };

/** What the Precision view asks for: its choices, the visible range and the chart width. */
export interface PrecisionRequest extends PrecisionSelection {
  readonly range: XRange;
  readonly widthPx: number;
}

/** The kinds of failure the Precision view shades: NaN, ±∞, 0 where the true value is not, wrong sign. */
export const BAND_KINDS = ['nan', 'inf', 'zero', 'sign'] as const;
export type BandKind = (typeof BAND_KINDS)[number];

/** An x interval where an implementation fails in one way. */
export interface Band {
  readonly impl: ImplementationId;
  readonly kind: BandKind;
  readonly from: number;
  readonly to: number;
}

/** Error of one implementation at the x values of the reply, in ulps of the format (NaN: not measurable there). */
export interface PrecisionSeries {
  readonly impl: ImplementationId;
  readonly y: Float64Array;
}

/** One row of the sweep table: an implementation over every value of the format (a ≥ 10⁶ sample for float32/float64). */
export interface PrecisionRow extends SweepResult {
  readonly impl: ImplementationId;
  /** Against the implementation's own function or against exact GELU. */
  readonly reference: Reference;
  readonly referenceFn: FunctionId;
}

export interface PrecisionData {
  readonly format: Format;
  readonly mode: Mode;
  /** Ascending values of the format inside the range. */
  readonly x: Float64Array;
  readonly series: readonly PrecisionSeries[];
  readonly bands: readonly Band[];
  readonly table: readonly PrecisionRow[];
  /** The table as Markdown, for "Copy table". */
  readonly markdown: string;
  readonly notes: readonly string[];
  readonly samplingMs: number;
}

/** What the webview needs to know of an implementation: its id, its name and the function it approximates. */
export interface ImplementationInfo {
  readonly id: ImplementationId;
  readonly label: string;
  readonly fn: FunctionId;
  readonly expression: string;
}

/**
 * What `geluLab.openPlot` may be given (and `plot/show` carries): functions to select, a view,
 * an x range, and Precision view choices; every field optional, the rest of the state kept.
 */
export interface PlotShow {
  readonly functions?: readonly FunctionId[];
  readonly view?: ViewMode;
  readonly range?: XRange;
  readonly precision?: Partial<PrecisionSelection>;
}

/** What to sample: the webview's choices plus the chart width it measured. */
export interface SampleRequest {
  readonly functions: readonly FunctionId[];
  readonly params: ParamValues;
  readonly range: XRange;
  /** Width of the plotting area in CSS pixels; the host samples 1–4 points per pixel. */
  readonly widthPx: number;
  readonly orders: readonly Order[];
  readonly precision: Precision;
  readonly view: ViewMode;
  readonly errorKind: ErrorKind;
}

/**
 * What the webview needs to know of a registry function: no code, only data. The webview takes
 * every name and colour from here (it keeps no table of its own).
 */
export interface FunctionInfo {
  readonly id: FunctionId;
  /** For the picker. */
  readonly label: string;
  /** For legends, tables, slider hints and aria labels. */
  readonly shortLabel: string;
  readonly family: Family;
  readonly approximates?: FunctionId;
  readonly formula: { readonly text: string; readonly latex: string };
  readonly params: readonly ParamSpec[];
  /** Index into the webview's palette. */
  readonly colorSlot: number;
}

/** Error of `fn` (in the request's precision) against `reference` (exact), order `order`. */
export interface ErrorSeries {
  readonly fn: FunctionId;
  readonly reference: FunctionId;
  readonly order: Order;
  readonly kind: ErrorKind;
  /** Non-negative; NaN where undefined (relative error at a zero of the reference). */
  readonly y: Float64Array;
  /** Largest error over the range and the x where it occurs (NaN when every value is NaN). */
  readonly max: number;
  readonly argmax: number;
}

/** A point of f worth a label: local extrema (zeros of f′) and inflections (zeros of f″). */
export interface KeyPoint {
  readonly fn: FunctionId;
  readonly kind: KeyPointKind;
  readonly x: number;
  /** f(x), f′(x), f″(x) at the point. */
  readonly y: readonly [number, number, number];
}

export interface PlotData {
  readonly x: Float64Array;
  readonly curves: readonly Curve[];
  readonly errors: readonly ErrorSeries[];
  readonly keyPoints: readonly KeyPoint[];
  /** Sentences for the user, e.g. why the error view is empty. */
  readonly notes: readonly string[];
  /** Host time spent sampling, for the record. */
  readonly samplingMs: number;
}

/** A pinned row: values at one x, exact and (for a precision other than float64) rounded. */
export interface PointValue {
  readonly fn: FunctionId;
  readonly order: Order;
  readonly value: number;
  readonly rounded?: number;
}

export interface EvaluateRequest {
  readonly x: number;
  readonly functions: readonly FunctionId[];
  readonly params: ParamValues;
  readonly orders: readonly Order[];
  readonly precision: Precision;
}

/** What the webview reports after drawing, for tests and the benchmark. */
export interface DrawReport {
  /** The `plot/data` reply drawn (its request id). */
  readonly requestId: number;
  /** Milliseconds from receiving the data to the end of the synchronous chart redraw. */
  readonly ms: number;
  readonly charts: number;
  readonly datasets: number;
  readonly points: number;
  readonly view: ViewMode;
  readonly layout: Layout;
  /** The x range drawn and the number of pinned rows. */
  readonly range: XRange;
  readonly pins: number;
  /** The functions selected when it drew (the curves drawn, or kept for the other views). */
  readonly functions?: readonly FunctionId[];
}

// ─── Host → webview ──────────────────────────────────────────────────────────────────────

export type HostToWebview =
  /** Answer to `ready`: the catalogue and the state to start from (restored or from settings). */
  | {
    readonly type: 'plot/init'; readonly mode: HostKind; readonly catalogue: readonly FunctionInfo[]; readonly state: PlotState; readonly defaults: PlotState;
    /** For the Precision view's picker (absent from hosts that predate it: no implementations offered). */
    readonly implementations?: readonly ImplementationInfo[];
    /** For the Gated view's picker (absent from hosts that predate it). */
    readonly gated?: readonly GatedInfo[];
  }
  /** Answer to `precision/sample`. */
  | ({ readonly type: 'precision/data'; readonly requestId: number } & PrecisionData)
  /** Answer to `gated/sample`. */
  | GatedToWebview
  /** Select functions, a view, a range or Precision choices (from `geluLab.openPlot` with an argument). */
  | { readonly type: 'plot/show'; readonly show: PlotShow }
  /** Answer to `plot/sample`. */
  | ({ readonly type: 'plot/data'; readonly requestId: number } & PlotData)
  /** Answer to `plot/evaluate`. */
  | { readonly type: 'plot/values'; readonly requestId: number; readonly x: number; readonly values: readonly PointValue[] }
  /** Answer to `export/png` and `export/csv`: the saved file's path, or null when the user cancelled. */
  | { readonly type: 'export/done'; readonly requestId: number; readonly path: string | null }
  /** Answer to `clipboard/write`. */
  | { readonly type: 'clipboard/done'; readonly requestId: number }
  /** Error reply to any request (or to a message whose id could not be read: `null`). */
  | { readonly type: 'error'; readonly requestId: number | null; readonly message: string }
  /** Move the crosshair to x (bringing it into range) and pin a row there. */
  | { readonly type: 'plot/pin'; readonly x: number }
  /** Settings that change sampling were edited: request the data again. */
  | { readonly type: 'plot/refresh' };

// ─── Webview → host ──────────────────────────────────────────────────────────────────────

export type WebviewToHost =
  /** First message once the page's script runs; `state` is whatever `getState()` returned (validated by the host). */
  | { readonly type: 'ready'; readonly state: unknown }
  /** Sample curves, errors and key points for a range and width. Reply: `plot/data`. */
  | { readonly type: 'plot/sample'; readonly requestId: number; readonly request: SampleRequest }
  /** Error in format ulps of implementations over the range, failure bands and the sweep table. Reply: `precision/data`. */
  | { readonly type: 'precision/sample'; readonly requestId: number; readonly request: PrecisionRequest }
  /** A gated unit's heat-map grid and slices. Reply: `gated/data`. */
  | GatedToHost
  /** Exact values at one x for a pinned row. Reply: `plot/values`. */
  | { readonly type: 'plot/evaluate'; readonly requestId: number; readonly request: EvaluateRequest }
  /** Save a PNG (a `data:image/png;base64,` URL) through the save dialog. Reply: `export/done`. */
  | { readonly type: 'export/png'; readonly requestId: number; readonly dataUrl: string; readonly suggestedName: string }
  /** Sample `request` and save it as CSV through the save dialog. Reply: `export/done`. */
  | { readonly type: 'export/csv'; readonly requestId: number; readonly request: SampleRequest; readonly suggestedName: string }
  /** Put text (the pinned table) on the clipboard. Reply: `clipboard/done`. */
  | { readonly type: 'clipboard/write'; readonly requestId: number; readonly text: string }
  /** A redraw finished (notification). */
  | { readonly type: 'plot/drawn'; readonly report: DrawReport }
  /** Something the host should log (CSP violations, rejected host messages). Notification. */
  | { readonly type: 'log'; readonly level: 'info' | 'warn' | 'error'; readonly message: string };

export type WebviewRequest = Extract<WebviewToHost, { readonly requestId: number }>;

/** Result of validating a message: the typed message, or why not (with the request id when readable). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string; readonly requestId: number | null };

/** For exhaustive switches over the unions above. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

// ─── Validation ──────────────────────────────────────────────────────────────────────────

class Invalid extends Error {}

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string): never {
  throw new Invalid(message);
}

function obj(value: unknown, what: string): Obj {
  return isObj(value) ? value : fail(`${what} must be an object`);
}

function finite(value: unknown, what: string): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fail(`${what} must be a finite number`);
}

function oneOf<T extends string>(value: unknown, options: readonly T[], what: string): T {
  return isEntryOf(options, value) ? value : fail(`${what} must be one of ${options.join(', ')}`);
}

function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') fail(`${what} must be a string`);
  if (value.length > max) fail(`${what} is longer than ${max} characters`);
  return value;
}

function requestIdOf(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : fail('requestId must be a positive integer');
}

function list(value: unknown, what: string): unknown[] {
  return Array.isArray(value) ? value : fail(`${what} must be a list`);
}

function integerFrom(value: unknown, what: string, min: number, max: number): number {
  const n = finite(value, what);
  return Number.isInteger(n) && n >= min && n <= max ? n : fail(`${what} must be an integer from ${min} to ${max}`);
}

/** Refuses any key outside `known`, so that a typo is not silently ignored. */
function onlyKeys(r: Obj, known: ReadonlySet<string>, what: string): void {
  for (const key of Object.keys(r)) if (!known.has(key)) fail(`${what}: unknown key ${JSON.stringify(key.slice(0, 40))} (known: ${[...known].join(', ')})`);
}

/** The `{ ok: false }` of a validator that caught `error`. */
function failure(error: unknown, requestId: number | null = null): Parsed<never> {
  return { ok: false, error: error instanceof Error ? error.message : String(error), requestId };
}

/** A kind of id a message may list: its noun for messages, its canonical order, its membership test. */
interface IdKind<T extends string> {
  readonly noun: string;
  readonly order: readonly T[];
  readonly is: (value: unknown) => value is T;
  /** The sentence after `what:` for a value that is not an id. */
  readonly unknown: (value: unknown) => string;
  readonly max?: number;
}

/** A non-empty list of distinct ids, returned in the kind's order so that colours, legends and columns do not depend on click order. */
function idList<T extends string>(value: unknown, what: string, kind: IdKind<T>): T[] {
  if (!Array.isArray(value)) fail(`${what} must be a list of ${kind.noun} ids`);
  if (value.length === 0) fail(`${what} must name at least one ${kind.noun}`);
  if (kind.max !== undefined && value.length > kind.max) fail(`${what} names more than ${kind.max} ${kind.noun}s`);
  const seen = new Set<T>();
  for (const v of value) {
    if (!kind.is(v)) fail(`${what}: ${kind.unknown(v)}`);
    if (seen.has(v)) fail(`${what}: ${v} appears twice`);
    seen.add(v);
  }
  return kind.order.filter((id) => seen.has(id));
}

/**
 * Parameter values by name: own keys that look like identifiers, finite numbers. `__proto__`
 * would set the prototype instead of a key: refused like any malformed name.
 */
function paramRecord(value: unknown, what: string): Params {
  const entries = obj(value, what);
  const p: Record<string, number> = {};
  for (const [key, v] of Object.entries(entries)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(key) || key === '__proto__') fail(`${what}: bad parameter name ${JSON.stringify(key)}`);
    p[key] = finite(v, `${what}.${key}`);
  }
  return p;
}

const FUNCTION_KIND: IdKind<FunctionId> = {
  noun: 'function', order: FUNCTION_IDS, is: isFunctionId, unknown: (v) => `unknown function id ${JSON.stringify(v)}`,
};

function functionList(value: unknown, what: string): FunctionId[] {
  return idList(value, what, FUNCTION_KIND);
}

function orderList(value: unknown, what: string): Order[] {
  if (!Array.isArray(value) || value.length === 0) fail(`${what} must be a non-empty list of 0, 1, 2`);
  const seen = new Set<Order>();
  for (const v of value) {
    if (v !== 0 && v !== 1 && v !== 2) fail(`${what} must hold only 0, 1, 2`);
    seen.add(v);
  }
  return ORDERS.filter((o) => seen.has(o));
}

function paramValues(value: unknown, what: string): ParamValues {
  const raw = obj(value, what);
  const out: Partial<Record<FunctionId, Params>> = {};
  for (const [id, values] of Object.entries(raw)) {
    if (!isFunctionId(id)) fail(`${what}: unknown function id ${JSON.stringify(id)}`);
    out[id] = paramRecord(values, `${what}.${id}`);
  }
  return out;
}

/** A range inside ±X_LIMIT, min < max, and wide enough to hold distinct doubles per pixel. */
export function checkRange(min: number, max: number): string | null {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return 'the range ends must be finite numbers';
  if (!(min < max)) return `the range start (${min}) must be less than its end (${max})`;
  if (min < -X_LIMIT || max > X_LIMIT) return `the range must lie within ±${X_LIMIT}`;
  if (max - min < 1e-9 * Math.max(1, Math.abs(min), Math.abs(max))) return 'the range is too narrow to plot';
  return null;
}

/**
 * The range to show so that x (within ±X_LIMIT) is visible — what "Plot at x" moves to: `range`
 * itself when it holds x, otherwise a window of the same width centred on x, widened to what
 * {@link checkRange} accepts at x's magnitude (a range of 0…1e−8 cannot move to 5000 as is) and
 * shifted inside ±X_LIMIT. For any valid `range` the result passes {@link checkRange}.
 */
export function rangeRevealing(range: XRange, x: number): XRange {
  if (range.min <= x && x <= range.max) return range;
  // 4× the narrowest width the rule allows around x, so rounding x ± width/2 cannot undercut it.
  const width = Math.min(2 * X_LIMIT, Math.max(range.max - range.min, 4e-9 * Math.max(1, Math.abs(x))));
  if (x - width / 2 < -X_LIMIT) return { min: -X_LIMIT, max: -X_LIMIT + width };
  if (x + width / 2 > X_LIMIT) return { min: X_LIMIT - width, max: X_LIMIT };
  return { min: x - width / 2, max: x + width / 2 };
}

function range(value: unknown, what: string): XRange {
  const r = obj(value, what);
  const min = finite(r.min, `${what}.min`);
  const max = finite(r.max, `${what}.max`);
  const problem = checkRange(min, max);
  if (problem) fail(`${what}: ${problem}`);
  return { min, max };
}

function sampleRequest(value: unknown): SampleRequest {
  const r = obj(value, 'request');
  const widthPx = widthOf(r.widthPx, 'request.widthPx');
  return {
    functions: functionList(r.functions, 'request.functions'),
    params: paramValues(r.params, 'request.params'),
    range: range(r.range, 'request.range'),
    widthPx,
    orders: orderList(r.orders, 'request.orders'),
    precision: oneOf(r.precision, PRECISIONS, 'request.precision'),
    view: oneOf(r.view, VIEW_MODES, 'request.view'),
    errorKind: oneOf(r.errorKind, ERROR_KINDS, 'request.errorKind'),
  };
}

function evaluateRequest(value: unknown): EvaluateRequest {
  const r = obj(value, 'request');
  const x = finite(r.x, 'request.x');
  if (Math.abs(x) > X_LIMIT) fail(`request.x must lie within ±${X_LIMIT}`);
  return {
    x,
    functions: functionList(r.functions, 'request.functions'),
    params: paramValues(r.params, 'request.params'),
    orders: orderList(r.orders, 'request.orders'),
    precision: oneOf(r.precision, PRECISIONS, 'request.precision'),
  };
}

function fileName(value: unknown, extension: string): string {
  const name = text(value, 'suggestedName', 200);
  if (!new RegExp(`^[\\w.\\-]+\\.${extension}$`).test(name)) fail(`suggestedName must be a plain file name ending in .${extension}`);
  return name;
}

function drawReport(value: unknown): DrawReport {
  const r = obj(value, 'report');
  const count = (v: unknown, what: string): number => {
    const n = finite(v, what);
    return Number.isInteger(n) && n >= 0 ? n : fail(`${what} must be a non-negative integer`);
  };
  const ms = finite(r.ms, 'report.ms');
  if (ms < 0) fail('report.ms must not be negative');
  return {
    requestId: requestIdOf(r.requestId),
    ms,
    charts: count(r.charts, 'report.charts'),
    datasets: count(r.datasets, 'report.datasets'),
    points: count(r.points, 'report.points'),
    view: oneOf(r.view, VIEW_MODES, 'report.view'),
    layout: oneOf(r.layout, LAYOUTS, 'report.layout'),
    range: range(r.range, 'report.range'),
    pins: count(r.pins, 'report.pins'),
    ...(r.functions === undefined ? {} : { functions: functionList(r.functions, 'report.functions') }),
  };
}

const IMPLEMENTATION_KIND: IdKind<ImplementationId> = {
  noun: 'implementation',
  order: IMPLEMENTATION_IDS,
  is: isImplementationId,
  unknown: (v) => `unknown implementation ${JSON.stringify(typeof v === 'string' ? v.slice(0, 60) : v)} (known: ${IMPLEMENTATION_IDS.join(', ')})`,
  max: MAX_PRECISION_IMPLEMENTATIONS,
};

function implementationList(value: unknown, what: string): ImplementationId[] {
  return idList(value, what, IMPLEMENTATION_KIND);
}

function precisionSelection(value: unknown, what: string): PrecisionSelection {
  const r = obj(value, what);
  return {
    implementations: implementationList(r.implementations, `${what}.implementations`),
    format: oneOf(r.format, FORMATS, `${what}.format`),
    mode: oneOf(r.mode, MODES, `${what}.mode`),
  };
}

function widthOf(value: unknown, what: string): number {
  return integerFrom(value, what, MIN_WIDTH_PX, MAX_WIDTH_PX);
}

function precisionRequest(value: unknown): PrecisionRequest {
  const r = obj(value, 'request');
  return { ...precisionSelection(r, 'request'), range: range(r.range, 'request.range'), widthPx: widthOf(r.widthPx, 'request.widthPx') };
}

const SHOW_KEYS: ReadonlySet<string> = new Set(['functions', 'view', 'range', 'precision']);
const SELECTION_KEYS: ReadonlySet<string> = new Set(['implementations', 'format', 'mode']);

/** The fields of a {@link PlotShow}; unknown keys are refused. */
function plotShow(value: unknown, what: string): PlotShow {
  const r = obj(value, what);
  onlyKeys(r, SHOW_KEYS, what);
  const out: { -readonly [K in keyof PlotShow]: PlotShow[K] } = {};
  if (r.functions !== undefined) out.functions = functionList(r.functions, `${what}.functions`);
  if (r.view !== undefined) out.view = oneOf(r.view, VIEW_MODES, `${what}.view`);
  if (r.range !== undefined) out.range = range(r.range, `${what}.range`);
  if (r.precision !== undefined) {
    const p = obj(r.precision, `${what}.precision`);
    onlyKeys(p, SELECTION_KEYS, `${what}.precision`);
    const sel: { -readonly [K in keyof PrecisionSelection]?: PrecisionSelection[K] } = {};
    if (p.implementations !== undefined) sel.implementations = implementationList(p.implementations, `${what}.precision.implementations`);
    if (p.format !== undefined) sel.format = oneOf(p.format, FORMATS, `${what}.precision.format`);
    if (p.mode !== undefined) sel.mode = oneOf(p.mode, MODES, `${what}.precision.mode`);
    out.precision = sel;
  }
  return out;
}

/**
 * Validates what `geluLab.openPlot` was given (untrusted: a command link or another extension):
 * `{ functions?, view?, range?, precision?: { implementations?, format?, mode? } }`. Never throws.
 */
export function parsePlotShow(raw: unknown): Parsed<PlotShow> {
  try {
    return { ok: true, value: plotShow(raw, 'argument') };
  } catch (error) {
    return failure(error);
  }
}

/** Applies a {@link PlotShow} to a state: a new range becomes the home range too; Precision choices merge. */
export function applyShow(state: PlotState, show: PlotShow): PlotState {
  return {
    ...state,
    ...(show.functions ? { functions: show.functions } : {}),
    ...(show.view ? { view: show.view } : {}),
    ...(show.range ? { range: show.range, home: show.range } : {}),
    ...(show.precision ? { precisionView: { ...(state.precisionView ?? DEFAULT_PRECISION_SELECTION), ...show.precision } } : {}),
  };
}

const PNG_PREFIX = 'data:image/png;base64,';

function pngDataUrl(value: unknown): string {
  const url = text(value, 'dataUrl', MAX_DATA_URL);
  if (!url.startsWith(PNG_PREFIX)) fail('dataUrl must be a data:image/png;base64, URL');
  const body = url.slice(PNG_PREFIX.length);
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) fail('dataUrl holds no valid base64');
  return url;
}

/**
 * Validates a message from the webview (untrusted input). Never throws: a malformed message gives
 * `{ ok: false }` with a sentence naming the first problem and the request id when it was readable.
 */
export function parseWebviewMessage(raw: unknown): Parsed<WebviewToHost> {
  let requestId: number | null = null;
  try {
    const m = obj(raw, 'message');
    if ('requestId' in m) {
      try {
        requestId = requestIdOf(m.requestId);
      } catch {
        requestId = null;
      }
    }
    const type = typeof m.type === 'string' ? m.type : fail('message.type must be a string');
    const value = ((): WebviewToHost => {
      switch (type) {
        case 'ready':
          return { type, state: m.state };
        case 'plot/sample':
          return { type, requestId: requestIdOf(m.requestId), request: sampleRequest(m.request) };
        case 'plot/evaluate':
          return { type, requestId: requestIdOf(m.requestId), request: evaluateRequest(m.request) };
        case 'precision/sample':
          return { type, requestId: requestIdOf(m.requestId), request: precisionRequest(m.request) };
        case 'gated/sample':
          return { type, requestId: requestIdOf(m.requestId), request: gatedSampleRequest(m.request) };
        case 'gated/export-csv':
          return { type, requestId: requestIdOf(m.requestId), request: gatedSampleRequest(m.request), suggestedName: fileName(m.suggestedName, 'csv') };
        case 'export/png':
          return { type, requestId: requestIdOf(m.requestId), dataUrl: pngDataUrl(m.dataUrl), suggestedName: fileName(m.suggestedName, 'png') };
        case 'export/csv':
          return { type, requestId: requestIdOf(m.requestId), request: sampleRequest(m.request), suggestedName: fileName(m.suggestedName, 'csv') };
        case 'clipboard/write':
          return { type, requestId: requestIdOf(m.requestId), text: text(m.text, 'text', MAX_TEXT) };
        case 'plot/drawn':
          return { type, report: drawReport(m.report) };
        case 'log':
          return { type, level: oneOf(m.level, ['info', 'warn', 'error'] as const, 'level'), message: text(m.message, 'message', 10_000) };
        default:
          return fail(`unknown message type ${JSON.stringify(type.slice(0, 40))}`);
      }
    })();
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message, requestId };
    return { ok: false, error: `malformed message (${String(error)})`, requestId };
  }
}

/**
 * Validates a persisted {@link PlotState} (from `getState()` or the serializer). Anything that is
 * not a whole, valid state gives `{ ok: false }`; the caller then starts from the defaults.
 */
export function parsePlotState(raw: unknown): Parsed<PlotState> {
  try {
    const s = obj(raw, 'state');
    const pins = list(s.pins, 'state.pins');
    if (pins.length > MAX_PINS) fail(`state.pins holds more than ${MAX_PINS} values`);
    return {
      ok: true,
      value: {
        functions: functionList(s.functions, 'state.functions'),
        params: paramValues(s.params, 'state.params'),
        range: range(s.range, 'state.range'),
        home: range(s.home, 'state.home'),
        view: oneOf(s.view, VIEW_MODES, 'state.view'),
        layout: oneOf(s.layout, LAYOUTS, 'state.layout'),
        orders: orderList(s.orders, 'state.orders'),
        errorKind: oneOf(s.errorKind, ERROR_KINDS, 'state.errorKind'),
        precision: oneOf(s.precision, PRECISIONS, 'state.precision'),
        pins: pins.map((p, i) => {
          const x = finite(p, `state.pins[${i}]`);
          return Math.abs(x) <= X_LIMIT ? x : fail(`state.pins[${i}] must lie within ±${X_LIMIT}`);
        }),
        lightExport: typeof s.lightExport === 'boolean' ? s.lightExport : fail('state.lightExport must be true or false'),
        ...(s.precisionView === undefined ? {} : { precisionView: precisionSelection(s.precisionView, 'state.precisionView') }),
        ...(s.gatedView === undefined ? {} : { gatedView: gatedSelection(s.gatedView, 'state.gatedView') }),
      },
    };
  } catch (error) {
    return failure(error);
  }
}

/** Checks one catalogue entry enough that the webview can label, colour and group with it. */
function functionInfo(value: unknown, what: string): void {
  const f = obj(value, what);
  if (!isFunctionId(f.id)) fail(`${what}.id: unknown function id ${JSON.stringify(f.id)}`);
  text(f.label, `${what}.label`, 200);
  text(f.shortLabel, `${what}.shortLabel`, 60);
  oneOf(f.family, FAMILIES, `${what}.family`);
  if (f.approximates !== undefined && !isFunctionId(f.approximates)) fail(`${what}.approximates must be a function id`);
  const formula = obj(f.formula, `${what}.formula`);
  text(formula.text, `${what}.formula.text`, 2000);
  text(formula.latex, `${what}.formula.latex`, 4000);
  list(f.params, `${what}.params`);
  const slot = finite(f.colorSlot, `${what}.colorSlot`);
  if (!Number.isInteger(slot) || slot < 0) fail(`${what}.colorSlot must be a non-negative integer`);
}

const HOST_TYPES: ReadonlySet<string> = new Set<HostToWebview['type']>([
  'plot/init', 'plot/data', 'plot/values', 'export/done', 'clipboard/done', 'error', 'plot/pin', 'plot/refresh', 'precision/data', 'plot/show', 'gated/data',
]);

/** A string the webview may use as an implementation id (the host's catalogue is the authority). */
function implId(value: unknown, what: string): void {
  if (!isImplementationId(value)) fail(`${what} must be an implementation id`);
}

/**
 * Checks the shape of a message from the host, enough that the webview can use it without
 * crashing: the tag, the request id, and the typed arrays of `plot/data` (matching lengths).
 * The host is trusted code; this guards against other senders and version skew.
 */
export function parseHostMessage(raw: unknown): Parsed<HostToWebview> {
  try {
    const m = obj(raw, 'message');
    if (typeof m.type !== 'string' || !HOST_TYPES.has(m.type)) fail(`unknown message type ${JSON.stringify(String(m.type).slice(0, 40))}`);
    const type = m.type as HostToWebview['type'];
    switch (type) {
      case 'plot/init': {
        if (m.mode !== 'panel' && m.mode !== 'view') fail('plot/init.mode must be panel or view');
        if (!Array.isArray(m.catalogue) || m.catalogue.length === 0) fail('plot/init.catalogue must be a non-empty list');
        m.catalogue.forEach((f, i) => functionInfo(f, `plot/init.catalogue[${i}]`));
        const state = parsePlotState(m.state);
        const defaults = parsePlotState(m.defaults);
        if (!state.ok) fail(`plot/init.${state.error}`);
        if (!defaults.ok) fail(`plot/init.defaults: ${defaults.error}`);
        if (m.implementations !== undefined && !Array.isArray(m.implementations)) fail('plot/init.implementations must be a list');
        (m.implementations ?? []).forEach((f, i) => {
          const info = obj(f, `plot/init.implementations[${i}]`);
          implId(info.id, `plot/init.implementations[${i}].id`);
          text(info.label, `plot/init.implementations[${i}].label`, 200);
          text(info.expression, `plot/init.implementations[${i}].expression`, 2000);
          if (!isFunctionId(info.fn)) fail(`plot/init.implementations[${i}].fn must be a function id`);
        });
        if (m.gated !== undefined && !Array.isArray(m.gated)) fail('plot/init.gated must be a list');
        (m.gated ?? []).forEach((f, i) => {
          const info = obj(f, `plot/init.gated[${i}]`);
          gatedId(info.id, `plot/init.gated[${i}].id`);
          text(info.label, `plot/init.gated[${i}].label`, 200);
          text(info.shortLabel, `plot/init.gated[${i}].shortLabel`, 200);
          text(info.gate, `plot/init.gated[${i}].gate`, 2000);
          list(info.params, `plot/init.gated[${i}].params`);
        });
        break;
      }
      case 'gated/data': {
        const gated = parseGatedData(m);
        if (!gated.ok) fail(gated.error);
        break;
      }
      case 'precision/data': {
        requestIdOf(m.requestId);
        oneOf(m.format, FORMATS, 'precision/data.format');
        oneOf(m.mode, MODES, 'precision/data.mode');
        if (!(m.x instanceof Float64Array)) fail('precision/data.x must be a Float64Array');
        const n = m.x.length;
        if (!Array.isArray(m.series) || !Array.isArray(m.bands) || !Array.isArray(m.table) || !Array.isArray(m.notes)) fail('precision/data.series, bands, table and notes must be lists');
        for (const c of m.series) {
          if (!isObj(c) || !(c.y instanceof Float64Array) || c.y.length !== n) fail('precision/data.series holds a malformed series');
          implId(c.impl, 'precision/data.series[].impl');
        }
        for (const b of m.bands) {
          if (!isObj(b)) fail('precision/data.bands holds a malformed band');
          implId(b.impl, 'precision/data.bands[].impl');
          oneOf(b.kind, BAND_KINDS, 'precision/data.bands[].kind');
          finite(b.from, 'precision/data.bands[].from');
          finite(b.to, 'precision/data.bands[].to');
        }
        for (const row of m.table) {
          if (!isObj(row)) fail('precision/data.table holds a malformed row');
          implId(row.impl, 'precision/data.table[].impl');
          oneOf(row.reference, ['own', 'gelu'] as const, 'precision/data.table[].reference');
          for (const k of ['count', 'maxUlp', 'argMax', 'meanUlp', 'nan', 'inf', 'zeroWhereNonzero', 'wrongSign']) {
            if (typeof row[k] !== 'number') fail(`precision/data.table[].${k} must be a number`);
          }
        }
        text(m.markdown, 'precision/data.markdown', MAX_TEXT);
        break;
      }
      case 'plot/show':
        plotShow(m.show, 'plot/show.show');
        break;
      case 'plot/data': {
        requestIdOf(m.requestId);
        if (!(m.x instanceof Float64Array)) fail('plot/data.x must be a Float64Array');
        const n = m.x.length;
        const series = (value: unknown, what: string): void => {
          for (const c of list(value, `plot/data.${what}`)) {
            if (!isObj(c) || !isFunctionId(c.fn) || !(c.y instanceof Float64Array) || c.y.length !== n) fail(`plot/data.${what} holds a malformed series`);
            if (c.rounded !== undefined && (!(c.rounded instanceof Float64Array) || c.rounded.length !== n)) fail(`plot/data.${what} holds a malformed rounded series`);
            if (c.order !== 0 && c.order !== 1 && c.order !== 2) fail(`plot/data.${what} holds a bad order`);
          }
        };
        series(m.curves, 'curves');
        series(m.errors, 'errors');
        if (!Array.isArray(m.keyPoints) || !Array.isArray(m.notes)) fail('plot/data.keyPoints and notes must be lists');
        break;
      }
      case 'plot/values':
        requestIdOf(m.requestId);
        finite(m.x, 'plot/values.x');
        list(m.values, 'plot/values.values');
        break;
      case 'export/done':
        requestIdOf(m.requestId);
        if (m.path !== null && typeof m.path !== 'string') fail('export/done.path must be a string or null');
        break;
      case 'clipboard/done':
        requestIdOf(m.requestId);
        break;
      case 'error':
        if (m.requestId !== null) requestIdOf(m.requestId);
        text(m.message, 'error.message', 10_000);
        break;
      case 'plot/pin':
        finite(m.x, 'plot/pin.x');
        break;
      case 'plot/refresh':
        break;
      default:
        assertNever(type);
    }
    return { ok: true, value: m as unknown as HostToWebview };
  } catch (error) {
    return failure(error);
  }
}

// ─── Two-variable functions (gated units) ────────────────────────────────────────────────
//
// The messages that carry a gated unit y(g, u) = act(g)·u: a grid for the heat map and slices
// for ordinary curves (the plot's Gated view; host side in src/plot/gatedLab.ts).
//
//   webview → `gated/sample` {requestId}                       host → `gated/data` | `error`

/** Most samples along one axis of a grid (so a grid holds at most 512² values). */
export const MAX_GRID_SIDE = 512;
/** Most slices one request may ask for. */
export const MAX_SLICES = 8;

/** Which input a slice varies: `g` (the gate, u fixed) or `u` (the linear input, g fixed). */
export type SliceAxis = 'g' | 'u';

/** A slice asked for: y along `along` with the other input fixed at `at`. */
export interface SliceSpec {
  readonly along: SliceAxis;
  readonly at: number;
}

export interface GatedSampleRequest {
  readonly fn: GatedId;
  readonly g: XRange;
  readonly u: XRange;
  /** Samples along g and along u, each 2 to MAX_GRID_SIDE. */
  readonly gCount: number;
  readonly uCount: number;
  readonly slices: readonly SliceSpec[];
  /** The unit's parameters (own keys, finite numbers); missing keys take the record's defaults. */
  readonly params?: Params;
  /**
   * The slices also in this format (a fused kernel op by op in it: inputs, activation and product
   * rounded), with its error against the exact y measured as `errorKind`; absent: exact only.
   */
  readonly format?: Format;
  readonly errorKind?: ErrorKind;
}

/** What the Gated view's slices show: the curves y, ∂y/∂g, ∂y/∂u, or the error of y in a format. */
export const GATED_SHOWS = ['curves', 'error'] as const;
export type GatedShow = (typeof GATED_SHOWS)[number];

/**
 * The Gated view's choices, persisted in {@link PlotState}: the unit and its parameters, the held
 * input of each slice (u of the y(g) slice, g of the y(u) slice), the g and u ranges, what the
 * slices show and in which format and error measure.
 */
export interface GatedSelection {
  readonly fn: GatedId;
  readonly params: Params;
  readonly sliceU: number;
  readonly sliceG: number;
  readonly g: XRange;
  readonly u: XRange;
  readonly show: GatedShow;
  readonly format: Format;
  readonly errorKind: ErrorKind;
}

export const DEFAULT_GATED_SELECTION: GatedSelection = {
  fn: 'swiglu', params: {}, sliceU: 1, sliceG: 1, g: { min: -8, max: 8 }, u: { min: -8, max: 8 }, show: 'curves', format: 'bfloat16', errorKind: 'ulp',
};

/** y over the grid g × u: `y[i·u.length + j] = y(g[i], u[j])` (row-major, g the slow index). */
export interface GatedGrid {
  readonly fn: GatedId;
  /** Axes, ascending. */
  readonly g: Float64Array;
  readonly u: Float64Array;
  /** `g.length · u.length` values. */
  readonly y: Float64Array;
}

/** One slice: y, ∂y/∂g and ∂y/∂u at every point of `x`, the varying input. */
export interface GatedSlice extends SliceSpec {
  readonly fn: GatedId;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly dg: Float64Array;
  readonly du: Float64Array;
  /** y in the request's format (present when it named one other than float64). */
  readonly rounded?: Float64Array;
  /** Error of `rounded` against `y` in the request's measure (NaN where undefined), its largest value and where. */
  readonly error?: { readonly y: Float64Array; readonly max: number; readonly argmax: number; readonly kind: ErrorKind; readonly format: Format };
}

/** A gated unit for the Gated view's picker: its record's labels, parameters and gate convention. */
export interface GatedInfo {
  readonly id: GatedId;
  readonly label: string;
  readonly shortLabel: string;
  readonly params: readonly ParamSpec[];
  /** Which half of a fused tensor each library activates. */
  readonly gate: string;
}

/** Where y has a kink or a clamp starts (gpt-oss g = limit, u = ±limit; ReGLU g = 0): drawn dashed. */
export interface GatedGuide {
  readonly axis: SliceAxis;
  readonly at: number;
  readonly label: string;
}

export interface GatedData {
  readonly grid: GatedGrid;
  readonly slices: readonly GatedSlice[];
  /** Kinks and clamps at the request's parameters (may lie outside the grid). */
  readonly guides: readonly GatedGuide[];
}

/** Webview → host: sample a gated unit (reply: `gated/data` or `error`), or save its slices as CSV (reply: `export/done` or `error`). */
export type GatedToHost =
  | { readonly type: 'gated/sample'; readonly requestId: number; readonly request: GatedSampleRequest }
  | { readonly type: 'gated/export-csv'; readonly requestId: number; readonly request: GatedSampleRequest; readonly suggestedName: string };
/** Host → webview: the answer to `gated/sample`. */
export type GatedToWebview = { readonly type: 'gated/data'; readonly requestId: number } & GatedData;

function gatedId(value: unknown, what: string): GatedId {
  return isGatedId(value) ? value : fail(`${what}: unknown gated unit ${JSON.stringify(value)}`);
}

function gridCount(value: unknown, what: string): number {
  return integerFrom(value, what, 2, MAX_GRID_SIDE);
}

function sliceSpec(value: unknown, what: string): SliceSpec {
  const s = obj(value, what);
  const along = oneOf(s.along, ['g', 'u'] as const, `${what}.along`);
  const at = finite(s.at, `${what}.at`);
  if (Math.abs(at) > X_LIMIT) fail(`${what}.at must lie within ±${X_LIMIT}`);
  return { along, at };
}

function gatedSampleRequest(value: unknown): GatedSampleRequest {
  const r = obj(value, 'request');
  const slices = list(r.slices, 'request.slices');
  if (slices.length > MAX_SLICES) fail(`request.slices holds more than ${MAX_SLICES} slices`);
  return {
    fn: gatedId(r.fn, 'request.fn'),
    g: range(r.g, 'request.g'),
    u: range(r.u, 'request.u'),
    gCount: gridCount(r.gCount, 'request.gCount'),
    uCount: gridCount(r.uCount, 'request.uCount'),
    slices: slices.map((s, i) => sliceSpec(s, `request.slices[${i}]`)),
    ...(r.params === undefined ? {} : { params: paramRecord(r.params, 'request.params') }),
    ...(r.format === undefined ? {} : { format: oneOf(r.format, FORMATS, 'request.format') }),
    ...(r.errorKind === undefined ? {} : { errorKind: oneOf(r.errorKind, ERROR_KINDS, 'request.errorKind') }),
  };
}

/** A held slice input: finite and within ±X_LIMIT. */
function heldValue(value: unknown, what: string): number {
  const v = finite(value, what);
  return Math.abs(v) <= X_LIMIT ? v : fail(`${what} must lie within ±${X_LIMIT} (got ${v})`);
}

function gatedSelection(value: unknown, what: string): GatedSelection {
  const r = obj(value, what);
  return {
    fn: gatedId(r.fn, `${what}.fn`),
    params: paramRecord(r.params, `${what}.params`),
    sliceU: heldValue(r.sliceU, `${what}.sliceU`),
    sliceG: heldValue(r.sliceG, `${what}.sliceG`),
    g: range(r.g, `${what}.g`),
    u: range(r.u, `${what}.u`),
    show: oneOf(r.show, GATED_SHOWS, `${what}.show`),
    format: oneOf(r.format, FORMATS, `${what}.format`),
    errorKind: oneOf(r.errorKind, ERROR_KINDS, `${what}.errorKind`),
  };
}

/** Validates a Gated view selection (from a saved state or a control). Never throws. */
export function parseGatedSelection(raw: unknown): Parsed<GatedSelection> {
  try {
    return { ok: true, value: gatedSelection(raw, 'gatedView') };
  } catch (error) {
    return failure(error);
  }
}

function gatedGuide(value: unknown, what: string): GatedGuide {
  const g = obj(value, what);
  return { axis: oneOf(g.axis, ['g', 'u'] as const, `${what}.axis`), at: finite(g.at, `${what}.at`), label: text(g.label, `${what}.label`, 200) };
}

/** A Float64Array axis of 2 to MAX_GRID_SIDE finite values, strictly ascending. */
function axis(value: unknown, what: string): Float64Array {
  if (!(value instanceof Float64Array)) fail(`${what} must be a Float64Array`);
  if (value.length < 2 || value.length > MAX_GRID_SIDE) fail(`${what} must hold 2 to ${MAX_GRID_SIDE} values`);
  for (let i = 0; i < value.length; i++) {
    if (!Number.isFinite(value[i]!)) fail(`${what}[${i}] must be finite`);
    if (i > 0 && !(value[i]! > value[i - 1]!)) fail(`${what} must be strictly ascending`);
  }
  return value;
}

function values(value: unknown, length: number, what: string): Float64Array {
  if (!(value instanceof Float64Array)) fail(`${what} must be a Float64Array`);
  if (value.length !== length) fail(`${what} must hold ${length} values, not ${value.length}`);
  return value;
}

function gatedGrid(value: unknown, what: string): GatedGrid {
  const g = obj(value, what);
  const ga = axis(g.g, `${what}.g`);
  const ua = axis(g.u, `${what}.u`);
  return { fn: gatedId(g.fn, `${what}.fn`), g: ga, u: ua, y: values(g.y, ga.length * ua.length, `${what}.y`) };
}

function gatedSlice(value: unknown, what: string): GatedSlice {
  const s = obj(value, what);
  const spec = sliceSpec(s, what);
  const x = axis(s.x, `${what}.x`);
  let error: GatedSlice['error'];
  if (s.error !== undefined) {
    const e = obj(s.error, `${what}.error`);
    const num = (v: unknown, w: string): number => (typeof v === 'number' ? v : fail(`${w} must be a number`));
    error = {
      y: values(e.y, x.length, `${what}.error.y`), max: num(e.max, `${what}.error.max`), argmax: num(e.argmax, `${what}.error.argmax`),
      kind: oneOf(e.kind, ERROR_KINDS, `${what}.error.kind`), format: oneOf(e.format, FORMATS, `${what}.error.format`),
    };
  }
  return {
    ...spec,
    fn: gatedId(s.fn, `${what}.fn`),
    x,
    y: values(s.y, x.length, `${what}.y`),
    dg: values(s.dg, x.length, `${what}.dg`),
    du: values(s.du, x.length, `${what}.du`),
    ...(s.rounded === undefined ? {} : { rounded: values(s.rounded, x.length, `${what}.rounded`) }),
    ...(error ? { error } : {}),
  };
}

/** Validates a `gated/sample` message from the webview (untrusted input). Never throws. */
export function parseGatedSample(raw: unknown): Parsed<GatedToHost> {
  let requestId: number | null = null;
  try {
    const m = obj(raw, 'message');
    if (m.type !== 'gated/sample') fail('message.type must be gated/sample');
    requestId = requestIdOf(m.requestId);
    return { ok: true, value: { type: 'gated/sample', requestId, request: gatedSampleRequest(m.request) } };
  } catch (error) {
    return failure(error, requestId);
  }
}

/**
 * Checks a `gated/data` message from the host: axes finite and ascending, the grid's y of
 * g.length · u.length values, each slice's arrays as long as its x, and every slice of the
 * grid's unit. Never throws.
 */
export function parseGatedData(raw: unknown): Parsed<GatedToWebview> {
  try {
    const m = obj(raw, 'message');
    if (m.type !== 'gated/data') fail('message.type must be gated/data');
    const requestId = requestIdOf(m.requestId);
    const grid = gatedGrid(m.grid, 'gated/data.grid');
    if (!Array.isArray(m.slices)) fail('gated/data.slices must be a list');
    if (m.slices.length > MAX_SLICES) fail(`gated/data.slices holds more than ${MAX_SLICES} slices`);
    const slices = m.slices.map((s, i) => gatedSlice(s, `gated/data.slices[${i}]`));
    for (const [i, s] of slices.entries()) if (s.fn !== grid.fn) fail(`gated/data.slices[${i}].fn must be the grid's ${grid.fn}`);
    if (!Array.isArray(m.guides) || m.guides.length > 16) fail('gated/data.guides must be a list of at most 16');
    const guides = m.guides.map((g, i) => gatedGuide(g, `gated/data.guides[${i}]`));
    return { ok: true, value: { type: 'gated/data', requestId, grid, slices, guides } };
  } catch (error) {
    return failure(error);
  }
}
