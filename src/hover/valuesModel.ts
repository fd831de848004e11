/**
 * Values of the configured functions at given x, and their tables (Markdown, CSV), shared by
 * the number hover, "Evaluate Selection" and "Copy values". Pure: no `vscode`; every number
 * comes from the core.
 */
import { activations, normalCdf } from '../core';
import type { FunctionId } from '../core/types';
import { isFunctionId } from '../core/types';
import { csvTable, formatNumber, formatSignificant, markdownTable, type Align } from '../text/format';
import { literalOptionsFor } from '../text/languages';
import { literalsIn, looksBinary, type NumberLiteral } from '../text/scanner';

/** f, f′ and, for an approximation of GELU, its error against exact GELU at one x. */
export interface FunctionValue {
  readonly id: FunctionId;
  readonly f: number;
  readonly df: number;
  /** Signed f(x) − GELU(x); only for approximations of GELU. */
  readonly error?: number;
  /** The same error relative to |GELU(x)|. */
  readonly errorRelative?: number;
}

export interface Evaluation {
  readonly x: number;
  /** Φ(x), the standard normal CDF. */
  readonly phi: number;
  readonly functions: readonly FunctionValue[];
}

/** Short column labels. */
export function shortLabel(id: FunctionId): string {
  switch (id) {
    case 'gelu':
      return 'GELU';
    case 'gelu_tanh':
      return 'GELU tanh';
    case 'gelu_sigmoid':
      return 'QuickGELU';
    default:
      return activations[id].label;
  }
}

/** Whether `id` approximates exact GELU, so that its error against GELU means something. */
export function isGeluApproximation(id: FunctionId): boolean {
  return activations[id].approximates === 'gelu';
}

/**
 * Evaluates Φ and every function of `ids` (f, f′, and for approximations of GELU the error
 * against exact GELU, measured as the core's `approximationError` does: y − e, in ulps of e by
 * `ulpOf`, 0 where both are equal, infinities included) at each x of `xs`.
 */
export function evaluateAll(xs: readonly number[], ids: readonly FunctionId[]): Evaluation[] {
  // Plain loops and one object shape per kind of row: this runs on every hover.
  const approximates = ids.map(isGeluApproximation);
  const needsExact = approximates.includes(true);
  const gelu = activations.gelu;
  const rows: Evaluation[] = new Array<Evaluation>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const exact = needsExact ? gelu.f(x) : NaN;
    const functions: FunctionValue[] = new Array<FunctionValue>(ids.length);
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j] as FunctionId;
      const fn = activations[id];
      const f = fn.f(x);
      const df = fn.df(x);
      if (approximates[j] === true) {
        const error = f === exact ? 0 : f - exact;
        functions[j] = { id, f, df, error, errorRelative: error === 0 ? 0 : error / Math.abs(exact) };
      } else {
        functions[j] = { id, f, df };
      }
    }
    rows[i] = { x, phi: normalCdf(x), functions };
  }
  return rows;
}

/**
 * `−1.7e-5 (rel −4.9e-5)`: absolute, then relative to GELU(x). Not float64 ulps: an
 * approximation's error is billions of them, which tells nobody anything.
 */
export function formatError(error: number | undefined, relative: number | undefined): string {
  if (error === undefined) return '';
  if (Number.isNaN(error)) return 'NaN';
  if (error === 0) return '0';
  return `${formatSignificant(error, 2)} (rel ${formatSignificant(relative ?? NaN, 2)})`;
}

export type TableFormat = 'markdown' | 'csv';

/**
 * The full table of an evaluation: x, Φ(x), then for each function f(x) and f′(x), and for
 * approximations of GELU the error against it (absolute and in ulps). Markdown (padded, for the
 * evaluation document and the clipboard) or RFC 4180 CSV with plain numbers.
 */
export function valuesTable(rows: readonly Evaluation[], ids: readonly FunctionId[], format: TableFormat): string {
  const headers: string[] = ['x', 'Φ(x)'];
  for (const id of ids) {
    const l = shortLabel(id);
    headers.push(`${l} f(x)`, `${l} f′(x)`);
    if (isGeluApproximation(id)) headers.push(...(format === 'csv' ? [`${l} error`, `${l} error (relative)`] : [`${l} − GELU`]));
  }
  const body = rows.map((r) => {
    const cells: string[] = [formatNumber(r.x), formatNumber(r.phi)];
    for (const v of r.functions) {
      cells.push(formatNumber(v.f), formatNumber(v.df));
      if (isGeluApproximation(v.id)) {
        if (format === 'csv') cells.push(formatNumber(v.error ?? NaN), formatNumber(v.errorRelative ?? NaN));
        else cells.push(formatError(v.error, v.errorRelative));
      }
    }
    return cells;
  });
  if (format === 'csv') return csvTable(headers, body);
  return markdownTable(headers, body, { align: headers.map((): Align => 'right'), pad: true });
}

/** The largest |error| against GELU of approximation `id` over `rows`, and where. */
export function largestError(rows: readonly Evaluation[], id: FunctionId): { error: number; relative: number; x: number } | undefined {
  let best: { error: number; relative: number; x: number } | undefined;
  for (const r of rows) {
    const v = r.functions.find((f) => f.id === id);
    if (v?.error === undefined || Number.isNaN(v.error)) continue;
    if (best === undefined || Math.abs(v.error) > Math.abs(best.error)) best = { error: v.error, relative: v.errorRelative ?? NaN, x: r.x };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Arguments of `geluLab.copyValues` (they travel in command URIs, so they are checked).

/** What a "Copy values" link carries: x values as strings (JSON has no ∞, NaN or −0). */
export interface CopyValuesArgs {
  readonly values: readonly string[];
  readonly functions: readonly FunctionId[];
  readonly format: TableFormat;
}

/** Most values a copy request may carry (the setting `hover.maxValues` allows up to 1000). */
export const MAX_COPY_VALUES = 1000;

/** x as a string that `Number()` turns back into exactly x (−0 included). */
export function encodeX(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/**
 * Validates the argument of `geluLab.copyValues`; returns the x values, functions and format,
 * or a sentence saying what is wrong.
 */
export function parseCopyValuesArgs(arg: unknown): { xs: number[]; functions: FunctionId[]; format: TableFormat } | string {
  if (typeof arg !== 'object' || arg === null) return 'Copy values needs an object { values, functions, format }.';
  const a = arg as Record<string, unknown>;
  const values = a['values'];
  if (!Array.isArray(values) || values.length === 0 || values.length > MAX_COPY_VALUES) return `Copy values needs 1 to ${MAX_COPY_VALUES} values.`;
  const xs: number[] = [];
  for (const v of values) {
    if (typeof v !== 'string' || v.length > 40) return 'Copy values: each value must be a short number string.';
    const x = Number(v);
    if (Number.isNaN(x) && v !== 'NaN') return `Copy values: ${JSON.stringify(v)} is not a number.`;
    xs.push(x);
  }
  const fns = a['functions'];
  if (!Array.isArray(fns) || fns.length === 0 || fns.length > 20 || !fns.every(isFunctionId)) return 'Copy values: functions must be a list of known function ids.';
  const format = a['format'] ?? 'markdown';
  if (format !== 'markdown' && format !== 'csv') return 'Copy values: format must be "markdown" or "csv".';
  return { xs, functions: [...new Set(fns)], format };
}

/** A `command:` URI for `command` with `args` (JSON, URI-encoded). */
export function commandUri(command: string, args?: readonly unknown[]): string {
  return args === undefined ? `command:${command}` : `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

// ---------------------------------------------------------------------------------------------
// "Evaluate Selection".

/** Most values "Evaluate Selection" puts in its document. */
export const EVALUATE_LIMIT = 10_000;

export interface EvaluationReport {
  /** The document: a title, where the numbers came from, the full table. */
  readonly markdown: string;
  readonly xs: readonly number[];
  /** How many numbers the text holds (≥ `xs.length`). */
  readonly total: number;
}

/**
 * Finds the numbers of `text` (at most {@link EVALUATE_LIMIT}) and writes the evaluation
 * document, or returns a sentence when there is nothing to evaluate. `source` says where the
 * text came from (shown in the document).
 */
export function evaluationReport(text: string, languageId: string, functions: readonly FunctionId[], source: string): EvaluationReport | string {
  if (functions.length === 0) return NO_FUNCTIONS;
  if (looksBinary(text)) return 'The selection looks like binary data, not numbers.';
  const found = literalsIn(text, { ...literalOptionsFor(languageId), limit: EVALUATE_LIMIT });
  if (found.literals.length === 0) return 'The selection holds no numbers. Select a number, a list such as [-3, -1, 0, 1, 3], or a CSV row.';
  return evaluationReportOf(found.literals, found.total, found.complete, functions, source);
}

const NO_FUNCTIONS = 'No functions are configured (setting geluLab.hover.functions).';

/** A value to evaluate: as written, as read, and why the two differ (if they do). */
export type EvaluatedLiteral = Pick<NumberLiteral, 'text' | 'value' | 'note'>;

/**
 * The evaluation document of values already read: a literal found by the hover (a quoted
 * `"1,234.5"` is one value), or the x typed into "Evaluate at x". `total` and `complete` say how
 * many the source held, as {@link literalsIn} reports them.
 */
export function evaluationReportOf(literals: readonly EvaluatedLiteral[], total: number, complete: boolean, functions: readonly FunctionId[], source: string): EvaluationReport | string {
  if (functions.length === 0) return NO_FUNCTIONS;
  if (literals.length === 0) return 'There are no numbers to evaluate.';
  const xs = literals.map((l) => l.value);
  const rows = evaluateAll(xs, functions);
  const shown = total === xs.length && complete ? `${xs.length} value${xs.length === 1 ? '' : 's'}` : `the first ${xs.length} of ${complete ? '' : 'at least '}${total} values`;
  const lines = [`# GELU Lab: evaluation of ${shown}`, '', `Source: ${source}`, ''];
  const notes = literals.filter((l) => l.note !== undefined);
  for (const l of notes.slice(0, 10)) {
    lines.push(`- \`${l.text.length > 40 ? `${l.text.slice(0, 39)}…` : l.text}\` ${l.note === 'overflow' ? 'overflows a double: it reads as ' + (l.value < 0 ? '-Infinity' : 'Infinity') : 'underflows a double: it reads as 0'}.`);
  }
  if (notes.length > 0) lines.push('');
  lines.push(valuesTable(rows, functions, 'markdown'), '');
  lines.push('Columns: f(x) and f′(x) of each function; for approximations of GELU, f(x) − GELU(x) and the same relative to |GELU(x)|. Values print as the shortest decimal that reads back as the same double.');
  return { markdown: lines.join('\n') + '\n', xs, total };
}
