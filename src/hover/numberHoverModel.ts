/**
 * The number hover as a pure function of (text, position or selection, language, settings):
 * finds the literal(s), evaluates them through the core and builds the Markdown. The VS Code
 * provider (numberHover.ts), the unit tests and the bench all call this.
 */
import { activations } from '../core';
import type { FunctionId } from '../core/types';
import { codeSpan, escapeMarkdown, formatNumber, formatSignificant, markdownTable, truncateMiddle, type Align, type Cell } from '../text/format';
import { commentStyleFor, literalOptionsFor } from '../text/languages';
import { enclosingCall } from '../text/resolver';
import { literalAt, literalsIn, looksBinary, type NumberLiteral } from '../text/scanner';
import { CommandId } from '../commands/ids';
import { commandUri, encodeX, evaluateAll, formatError, isGeluApproximation, largestError, shortLabel, type CopyValuesArgs, type Evaluation } from './valuesModel';

/** The settings the hover reads (a slice of `Config['hover']`). */
export interface NumberHoverSettings {
  readonly functions: readonly FunctionId[];
  /** Most values of a selection evaluated (beyond: "first N of M"). */
  readonly maxValues: number;
}

export interface NumberHover {
  readonly markdown: string;
  /** Offsets of what the hover is about, in the text given (a line, or the selection). */
  readonly start: number;
  readonly end: number;
  /** The x values evaluated. */
  readonly values: readonly number[];
}

/** Commands the hover's links may run (for `isTrusted: { enabledCommands }`). */
export const NUMBER_HOVER_COMMANDS: readonly string[] = [CommandId.plotAtX, CommandId.copyValues, CommandId.evaluateSelection];

/** Longest literal text quoted in a hover. */
const SHOWN_LITERAL = 40;

/** Characters of a selection scanned for numbers. */
export const SELECTION_SCAN_LIMIT = 1_000_000;

function noteFor(lit: NumberLiteral): string | undefined {
  if (lit.note === 'overflow') return `${codeSpan(truncateMiddle(lit.text, SHOWN_LITERAL))} is beyond the largest double (≈1.8e308): it reads as ${lit.value < 0 ? '−∞' : '+∞'}.`;
  if (lit.note === 'underflow') return `${codeSpan(truncateMiddle(lit.text, SHOWN_LITERAL))} is below the smallest subnormal double (≈4.9e-324): it reads as 0 (underflow).`;
  return undefined;
}

function copyLinks(xs: readonly number[], functions: readonly FunctionId[]): string {
  const arg = (format: 'markdown' | 'csv'): CopyValuesArgs => ({ values: xs.map(encodeX), functions, format });
  return `[Copy values](${commandUri(CommandId.copyValues, [arg('markdown')])} "Copy the table as Markdown") · [CSV](${commandUri(CommandId.copyValues, [arg('csv')])} "Copy the table as CSV")`;
}

/** Markdown of the hover for one value. */
export function singleValueMarkdown(lit: Pick<NumberLiteral, 'text' | 'value' | 'note'>, functions: readonly FunctionId[]): string {
  const x = lit.value;
  const [row] = evaluateAll([x], functions) as [Evaluation];
  const shownX = formatNumber(x);
  const written = truncateMiddle(lit.text, SHOWN_LITERAL);
  const head = written === shownX ? `**x = ${escapeMarkdown(shownX)}**` : `${codeSpan(written)} → **x = ${escapeMarkdown(shownX)}**`;
  const lines = [`${head} · Φ(x) = ${escapeMarkdown(formatNumber(row.phi))}`];
  const note = noteFor(lit as NumberLiteral);
  if (note !== undefined) lines.push('', note);
  const hasError = functions.some(isGeluApproximation);
  const headers: Cell[] = ['', 'f(x)', 'f′(x)', ...(hasError ? ['− GELU(x)'] : [])];
  const align: Align[] = ['left', 'right', 'right', 'right'];
  const rows = row.functions.map((v) => {
    const cells: Cell[] = [activations[v.id].label, formatNumber(v.f), formatNumber(v.df)];
    if (hasError) cells.push(formatError(v.error, v.errorRelative));
    return cells;
  });
  lines.push('', markdownTable(headers, rows, { align }));
  const links: string[] = [];
  if (Number.isFinite(x)) links.push(`[Plot at x](${commandUri(CommandId.plotAtX, [x])} "Open the plot with the crosshair at x = ${shownX}")`);
  links.push(copyLinks([x], functions));
  lines.push('', links.join(' · '));
  return lines.join('\n');
}

/** Markdown of the hover for a list of values (the first `maxValues` of `total`). */
export function listMarkdown(literals: readonly NumberLiteral[], total: number, complete: boolean, functions: readonly FunctionId[]): string {
  const xs = literals.map((l) => l.value);
  const rows = evaluateAll(xs, functions);
  const count = total === literals.length && complete ? `${total} values` : `first ${literals.length} of ${complete ? '' : 'at least '}${total} values`;
  const lines = [`**GELU Lab** · ${count}`];
  const notes = literals.filter((l) => l.note !== undefined).slice(0, 3).map(noteFor).filter((s): s is string => s !== undefined);
  if (notes.length > 0) lines.push('', ...notes);
  const headers: Cell[] = ['x', 'Φ(x)', ...functions.map(shortLabel)];
  const body = rows.map((r): Cell[] => [formatNumber(r.x), formatNumber(r.phi), ...r.functions.map((v) => formatNumber(v.f))]);
  lines.push('', markdownTable(headers, body, { align: headers.map((): Align => 'right') }));
  const worst = functions
    .filter(isGeluApproximation)
    .map((id) => {
      const w = largestError(rows, id);
      if (w === undefined) return undefined;
      if (w.error === 0) return `${escapeMarkdown(shortLabel(id))} 0`;
      return `${escapeMarkdown(shortLabel(id))} ${escapeMarkdown(formatSignificant(w.error, 2))} (rel ${escapeMarkdown(formatSignificant(w.relative, 2))}) at x = ${escapeMarkdown(formatNumber(w.x))}`;
    })
    .filter((s): s is string => s !== undefined);
  if (worst.length > 0) lines.push('', `Largest error against exact GELU here: ${worst.join('; ')}. f′ and all errors: *Copy values* or *Evaluate Selection*.`);
  if (total > literals.length) lines.push('', `Only the first ${literals.length} values are shown (setting \`geluLab.hover.maxValues\`).`);
  if (!complete) lines.push('', `The selection is longer than ${SELECTION_SCAN_LIMIT.toLocaleString('en-US')} characters: only its beginning was read.`);
  lines.push('', `${copyLinks(xs, functions)} · [Evaluate Selection](${commandUri(CommandId.evaluateSelection)} "Open all values in a table")`);
  return lines.join('\n');
}

/**
 * The hover for the literal at `column` of `line`, or `undefined` when there is none.
 * Work: proportional to the word around `column`, plus the evaluation of one value.
 */
export function numberHoverAt(line: string, column: number, languageId: string, settings: NumberHoverSettings): NumberHover | undefined {
  if (settings.functions.length === 0) return undefined;
  const lit = literalAt(line, column, literalOptionsFor(languageId));
  if (lit === undefined) return undefined;
  return { markdown: singleValueMarkdown(lit, settings.functions), start: lit.start, end: lit.end, values: [lit.value] };
}

/**
 * The hover for a selection: one value as {@link numberHoverAt} shows it, several as a list
 * (the first `maxValues`, and how many there are), none → `undefined`. Binary-looking text
 * gets no hover. At most {@link SELECTION_SCAN_LIMIT} characters are scanned.
 */
export function selectionHover(text: string, languageId: string, settings: NumberHoverSettings): NumberHover | undefined {
  if (settings.functions.length === 0 || looksBinary(text)) return undefined;
  const limit = Number.isFinite(settings.maxValues) ? Math.max(1, Math.floor(settings.maxValues)) : 64;
  const found = literalsIn(text, { ...literalOptionsFor(languageId), limit, maxScan: SELECTION_SCAN_LIMIT });
  const first = found.literals[0];
  if (first === undefined) return undefined;
  if (found.total === 1 && found.complete) {
    return { markdown: singleValueMarkdown(first, settings.functions), start: first.start, end: first.end, values: [first.value] };
  }
  const last = found.literals[found.literals.length - 1] as NumberLiteral;
  return { markdown: listMarkdown(found.literals, found.total, found.complete, settings.functions), start: first.start, end: last.end, values: found.literals.map((l) => l.value) };
}

/**
 * Whether `offset` of `text` lies in the arguments of a recognised activation call
 * (`F.leaky_relu(x, 0.2)`, `nn.ELU(alpha=1.5)`): where `hover.numbers: "selection"` still
 * shows the hover of a number nobody selected. `text` may hold the lines before the hovered
 * one, for calls spread over lines.
 */
export function insideActivationCall(text: string, offset: number, languageId: string): boolean {
  return enclosingCall(text, offset, commentStyleFor(languageId)) !== undefined;
}
