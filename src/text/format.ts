/**
 * Number formatting and table builders (Markdown, CSV) for hovers, the evaluation document and
 * the clipboard. Pure; no `vscode`, no DOM.
 */

/** Below this magnitude (and above {@link EXPONENT_ABOVE}) numbers print in exponent form. */
export const EXPONENT_BELOW = 1e-4;
export const EXPONENT_ABOVE = 1e16;

/**
 * The shortest decimal string that parses back to exactly `x` (JavaScript's shortest
 * round-trip digits), in plain form for 1e-4 ≤ |x| < 1e16 and in exponent form (`1.5e-7`,
 * `2e+300` written `2e300`) otherwise. −0 prints as `0`; `NaN`, `Infinity` and `-Infinity` as
 * such, so that `Number(formatNumber(x))` is `x` for every x but −0.
 */
export function formatNumber(x: number): string {
  if (x === 0) return '0';
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  const a = Math.abs(x);
  if (a >= EXPONENT_BELOW && a < EXPONENT_ABOVE) return String(x);
  return x.toExponential().replace('e+', 'e');
}

/**
 * `x` with `digits` significant digits (1–17), trailing zeros of the fraction dropped, in the
 * same plain/exponent forms as {@link formatNumber}. For errors and summaries, not for values
 * that must round-trip.
 */
export function formatSignificant(x: number, digits = 3): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return formatNumber(x);
  const d = Math.min(17, Math.max(1, Math.floor(digits)));
  const a = Math.abs(x);
  if (a >= EXPONENT_BELOW && a < EXPONENT_ABOVE) {
    const rounded = Number(x.toPrecision(d));
    if (Math.abs(rounded) < EXPONENT_ABOVE) return String(rounded);
  }
  return trimExponent(x.toExponential(d - 1));
}

function trimExponent(s: string): string {
  const e = s.indexOf('e');
  const mantissa = s.slice(0, e);
  const exp = s.slice(e + 1).replace('+', '');
  const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${m}e${exp}`;
}

/** An error in ulps: `0`, `0.5`, `12`, `3.4e10`… (two significant digits). */
export function formatUlps(u: number): string {
  if (Number.isNaN(u)) return 'NaN';
  const a = Math.abs(u);
  if (a === 0) return '0';
  if (a < 100) return formatSignificant(a, 2);
  if (a < 1e6) return String(Math.round(a));
  return trimExponent(a.toExponential(1));
}

/** `text` cut to at most `max` characters, keeping both ends: `1234…7890`. */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const keep = Math.max(2, max - 1);
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}

// ---------------------------------------------------------------------------------------------
// Markdown.

/** Cell content that is already Markdown and must not be escaped (inline code, links). */
export interface RawMarkdown {
  readonly markdown: string;
}

export type Cell = string | RawMarkdown;

export type Align = 'left' | 'right' | 'center';

/** Marks Markdown that must not be escaped. */
export function raw(markdown: string): RawMarkdown {
  return { markdown };
}

/**
 * Escapes inline text for Markdown so it renders literally: backslash-escapes the ASCII
 * punctuation that has a meaning inside a line or a table cell (\\ ` * _ [ ] < > | ~ &) and
 * turns newlines into spaces. Characters that matter only at the start of a line (`#`, `-`,
 * `+`) or only after an escaped one (`(` after `]`, `!` before `[`) are left as they are.
 */
export function escapeMarkdown(text: string): string {
  let i = 0;
  while (i < text.length && !needsEscape(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) out += ' ';
    else if (needsEscape(c)) out += `\\${text.charAt(i)}`;
    else out += text.charAt(i);
  }
  return out;
}

/** \\ ` * _ [ ] < > | ~ & and line breaks. */
function needsEscape(c: number): boolean {
  return c === 92 || c === 96 || c === 42 || c === 95 || c === 91 || c === 93 || c === 60 || c === 62 || c === 124 || c === 126 || c === 38 || c === 10 || c === 13;
}

/** `text` as inline code: a backtick fence longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  let longest = 0;
  let run = 0;
  for (let i = 0; i < flat.length; i++) {
    run = flat.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function cellText(cell: Cell): string {
  // A pipe inside inline code still splits a table row: escape it there too.
  return typeof cell === 'string' ? escapeMarkdown(cell) : cell.markdown.replace(/(?<!\\)\|/g, '\\|');
}

/**
 * A GitHub-flavoured Markdown table. Strings are escaped, {@link RawMarkdown} cells are not.
 * With `pad`, columns are padded to equal width so the source reads as a table too. Missing
 * cells of a short row are empty. Plain loops: hovers build one of these on every call.
 */
export function markdownTable(headers: readonly Cell[], rows: readonly (readonly Cell[])[], options?: { readonly align?: readonly Align[]; readonly pad?: boolean }): string {
  const columns = headers.length;
  const align = options?.align ?? [];
  const pad = options?.pad === true;
  const head: string[] = new Array<string>(columns);
  for (let j = 0; j < columns; j++) head[j] = cellText(headers[j] as Cell);
  const body: string[][] = new Array<string[]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly Cell[];
    const cells: string[] = new Array<string>(columns);
    for (let j = 0; j < columns; j++) cells[j] = cellText(row[j] ?? '');
    body[i] = cells;
  }
  const widths: number[] = new Array<number>(columns);
  for (let j = 0; j < columns; j++) {
    let w = 3;
    if (pad) {
      w = Math.max(w, (head[j] as string).length);
      for (const cells of body) w = Math.max(w, (cells[j] as string).length);
    }
    widths[j] = w;
  }
  const line = (cells: readonly string[]): string => {
    let out = '|';
    for (let j = 0; j < columns; j++) {
      const c = cells[j] as string;
      const w = widths[j] as number;
      out += ` ${pad ? ((align[j] ?? 'left') === 'right' ? c.padStart(w) : c.padEnd(w)) : c} |`;
    }
    return out;
  };
  let rule = '|';
  for (let j = 0; j < columns; j++) {
    const w = widths[j] as number;
    const a = align[j] ?? 'left';
    rule += ` ${a === 'right' ? `${'-'.repeat(w - 1)}:` : a === 'center' ? `:${'-'.repeat(w - 2)}:` : '-'.repeat(w)} |`;
  }
  let out = `${line(head)}\n${rule}`;
  for (const cells of body) out += `\n${line(cells)}`;
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180).

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV with a header row and CRLF line ends; fields quoted only where needed. */
export function csvTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headers, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
