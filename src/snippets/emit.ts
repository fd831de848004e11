/**
 * Printing IR as source text, shared by every target: expressions with each language's
 * precedence, statements, and VS Code snippet tab stops.
 */
import { literal } from './exact';
import type { BinOp, CmpOp, Cond, Expr, Fn, HelperName, MathFn, Stmt } from './ir';
import { clampAsSelect, isConstant, usedVars } from './ir';

/** How a language writes expressions. */
export interface ExprDialect {
  /** A literal (already rounded to the target precision). */
  num(value: number): string;
  call(fn: MathFn, args: readonly string[]): string;
  helper(name: HelperName, args: readonly string[]): string;
  /** The operator text (`.*` in MATLAB). */
  op?(op: BinOp): string;
  cmp?(op: CmpOp, a: string, b: string): string;
  /** Parenthesise unary minus after a binary operator (Fortran forbids `a * -b`). */
  readonly parenUnary?: boolean;
  /** Parenthesise every nested binary operation (Fortran may re-associate otherwise). */
  readonly fullParens?: boolean;
}

/** How a language writes statements; `select` arrives split into its parts. */
export interface StmtDialect extends ExprDialect {
  let(name: string, value: string): string[];
  ret(value: string): string[];
  /** A select as an expression; languages without one override `letSelect`/`retSelect`. */
  select?(cond: string, then: string, otherwise: string, thenConst: boolean, elseConst: boolean): string;
  letSelect?(name: string, cond: string, then: string, otherwise: string, thenConst: boolean, elseConst: boolean): string[];
  retSelect?(cond: string, then: string, otherwise: string, thenConst: boolean, elseConst: boolean): string[];
  ifReturn(cond: string, value: string): string[];
  comment(text: string): string[];
  /** The language's clamp (NaN must pass through); without it a clamp is printed as selects. */
  clamp?(value: string, lo: string | undefined, hi: string | undefined): string;
}

/** A language's names of the IR's math functions; a function it lacks is absent. */
export type CallTable = Partial<Record<MathFn, string>>;

/** The math functions the C library has, under C's names (most languages spell them the same). */
type LibmFn = Exclude<MathFn, 'erfcx' | 'Phi' | 'phi' | 'logPhi'>;
const LIBM: Readonly<Record<LibmFn, string>> = {
  exp: 'exp',
  expm1: 'expm1',
  log1p: 'log1p',
  erfc: 'erfc',
  tanh: 'tanh',
  sin: 'sin',
  cos: 'cos',
  sqrt: 'sqrt',
  abs: 'abs',
  floor: 'floor',
  fma: 'fma',
};

/**
 * A call table from the C library's names: `prefix` before each (`math.`, `np.`), the first
 * letter upper-cased with `capitalise` (Go), without the functions in `omit`, and `rename`
 * (applied last, prefix not added) for the spellings that differ.
 */
export function libmTable(options: { prefix?: string; capitalise?: boolean; omit?: readonly MathFn[]; rename?: CallTable }): CallTable {
  const table: CallTable = {};
  for (const [fn, name] of Object.entries(LIBM) as [LibmFn, string][]) {
    if (options.omit?.includes(fn)) continue;
    table[fn] = `${options.prefix ?? ''}${options.capitalise ? `${name.charAt(0).toUpperCase()}${name.slice(1)}` : name}`;
  }
  return { ...table, ...options.rename };
}

/** `call` printing `name(args)` from a table; a function missing from it is an error naming the language. */
export function tableCall(language: string, table: CallTable): ExprDialect['call'] {
  return (fn, args) => {
    const name = table[fn];
    if (name === undefined) throw new Error(`${language} has no ${fn}`);
    return `${name}(${args.join(', ')})`;
  };
}

/** `helper` for a language whose library has every function its snippets call. */
export function noHelper(language: string): ExprDialect['helper'] {
  return (name) => {
    throw new Error(`${language} has ${name}; no helper expected`);
  };
}

/** `ifReturn` for a target that prints no scalar helpers (array languages). */
export function noEarlyReturn(language: string): StmtDialect['ifReturn'] {
  return () => {
    throw new Error(`no early returns in ${language} snippets`);
  };
}

/** The expression part every double-precision target shares: literals, calls from its table, no helper. */
export function doubleDialect(language: string, table: CallTable): Pick<ExprDialect, 'num' | 'call' | 'helper'> {
  return { num: (v) => literal(v, 'double'), call: tableCall(language, table), helper: noHelper(language) };
}

/** Statements of the C family (C, C++, CUDA, Java, JavaScript): `declare name = value;`, `?:`, `//`. */
export function braceStatements(declare: string): Pick<StmtDialect, 'let' | 'ret' | 'select' | 'ifReturn' | 'comment'> {
  return {
    let: (name, value) => [`${declare} ${name} = ${value};`],
    ret: (value) => [`return ${value};`],
    select: (cond, a, b) => `${cond} ? ${a} : ${b}`,
    ifReturn: (cond, value) => [`if (${cond}) return ${value};`],
    comment: (text) => [`// ${text}`],
  };
}

interface Printed {
  readonly text: string;
  /** 1: + −, 2: × ÷, 3: unary minus (and negative literals), 4: atoms and calls. */
  readonly prec: number;
}

function printExprP(e: Expr, d: ExprDialect): Printed {
  switch (e.kind) {
    case 'num': {
      const text = d.num(e.value);
      return { text, prec: text.startsWith('-') ? 3 : 4 };
    }
    case 'var':
      return { text: e.name, prec: 4 };
    case 'neg': {
      const a = printExprP(e.a, d);
      return { text: `-${a.prec < 4 ? `(${a.text})` : a.text}`, prec: 3 };
    }
    case 'bin': {
      const p = e.op === '+' || e.op === '-' ? 1 : 2;
      const a = printExprP(e.a, d);
      const b = printExprP(e.b, d);
      // Floating point is not associative: the right operand keeps its parentheses whenever it
      // is itself a binary operation of this or lower precedence.
      const left = a.prec < p || (d.fullParens === true && a.prec <= 2) ? `(${a.text})` : a.text;
      const right = b.prec <= p || (b.prec === 3 && d.parenUnary === true) || (d.fullParens === true && b.prec <= 2) ? `(${b.text})` : b.text;
      const op = d.op ? d.op(e.op) : e.op;
      return { text: `${left} ${op} ${right}`, prec: p };
    }
    case 'call':
      return { text: d.call(e.fn, e.args.map((a) => printExprP(a, d).text)), prec: 4 };
    case 'helper':
      return { text: d.helper(e.name, e.args.map((a) => printExprP(a, d).text)), prec: 4 };
    case 'fn':
      return { text: `${e.name}(${e.args.map((a) => printExprP(a, d).text).join(', ')})`, prec: 4 };
    case 'select':
    case 'clamp':
      throw new Error(`${e.kind} is only allowed as the value of a let or a return`);
  }
}

export function printExpr(e: Expr, d: ExprDialect): string {
  return printExprP(e, d).text;
}

export function printCond(c: Cond, d: ExprDialect): string {
  const a = printExpr(c.a, d);
  const b = printExpr(c.b, d);
  return d.cmp ? d.cmp(c.op, a, b) : `${a} ${c.op} ${b}`;
}

function printStmt(s: Stmt, d: StmtDialect): string[] {
  switch (s.kind) {
    case 'comment':
      return d.comment(s.text);
    case 'ifReturn':
      return d.ifReturn(printCond(s.cond, d), printExpr(s.value, d));
    case 'let':
    case 'return': {
      const value = s.value;
      if (value.kind === 'clamp') {
        if (d.clamp === undefined) return printStmt({ ...s, value: clampAsSelect(value) }, d);
        const text = d.clamp(printExpr(value.a, d), value.lo && printExpr(value.lo, d), value.hi && printExpr(value.hi, d));
        return s.kind === 'let' ? d.let(s.name, text) : d.ret(text);
      }
      if (value.kind === 'select') {
        const cond = printCond(value.cond, d);
        const a = printExpr(value.then, d);
        const b = printExpr(value.else, d);
        const ac = isConstant(value.then);
        const bc = isConstant(value.else);
        if (s.kind === 'let') {
          if (d.letSelect) return d.letSelect(s.name, cond, a, b, ac, bc);
          if (d.select) return d.let(s.name, d.select(cond, a, b, ac, bc));
        } else {
          if (d.retSelect) return d.retSelect(cond, a, b, ac, bc);
          if (d.select) return d.ret(d.select(cond, a, b, ac, bc));
        }
        throw new Error('dialect cannot print select');
      }
      const text = printExpr(value, d);
      return s.kind === 'let' ? d.let(s.name, text) : d.ret(text);
    }
  }
}

/** The body of a function, one statement per entry (unindented lines). */
export function printBody(fn: Fn, d: StmtDialect): string[] {
  return (d.clamp === undefined ? fn.body : withoutBelow(fn.body)).flatMap((s) => printStmt(s, d));
}

/**
 * For a dialect with a clamp call: drops each clamp's `below` and then the lets nothing reads
 * any more (the one-sided clamp a two-sided clamp's selects would have started from).
 */
function withoutBelow(body: readonly Stmt[]): Stmt[] {
  const stripped = body.map((s): Stmt => (s.kind === 'let' && s.value.kind === 'clamp' ? { ...s, value: { kind: 'clamp', a: s.value.a, ...(s.value.lo ? { lo: s.value.lo } : {}), ...(s.value.hi ? { hi: s.value.hi } : {}) } } : s));
  const read = new Set<string>();
  const kept: Stmt[] = [];
  for (let i = stripped.length - 1; i >= 0; i--) {
    const s = stripped[i] as Stmt;
    if (s.kind === 'let' && !read.has(s.name)) continue;
    if (s.kind === 'let' || s.kind === 'return' || s.kind === 'ifReturn') usedVars(s.value, read);
    if (s.kind === 'ifReturn') {
      usedVars(s.cond.a, read);
      usedVars(s.cond.b, read);
    }
    kept.push(s);
  }
  return kept.reverse();
}

/** Names of local variables in order of definition (for declarations in Fortran). */
export function localNames(fn: Fn): string[] {
  return fn.body.flatMap((s) => (s.kind === 'let' ? [s.name] : []));
}

export const indent = (lines: readonly string[], by: string): string[] => lines.map((l) => (l === '' ? l : `${by}${l}`));

// ---------------------------------------------------------------------------------------------
// Tab stops

const OPEN = '\uE000';
const SEP = '\uE001';
const CLOSE = '\uE002';

/**
 * A name the user may want to change: a VS Code tab stop (`${n:name}`) in the snippet, the
 * plain name in `plainCode`. The same index everywhere makes VS Code mirror the edits.
 */
export function tabStop(index: number, name: string): string {
  return `${OPEN}${index}${SEP}${name}${CLOSE}`;
}

const MARKER = new RegExp(`${OPEN}(\\d+)${SEP}([^${CLOSE}]*)${CLOSE}`, 'g');

/** The text with every tab stop replaced by its default name. */
export function resolvePlain(text: string): string {
  return text.replace(MARKER, (_m, _i: string, name: string) => name);
}

/** Escapes `$`, `}` and `\` for the VS Code snippet grammar (anywhere in the body). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** The VS Code snippet string: text escaped, tab stops as `${n:name}`, the final cursor `$0` at the end. */
export function toSnippetSyntax(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    out += escapeSnippetText(text.slice(last, m.index));
    out += `\${${m[1]}:${m[2]}}`;
    last = (m.index ?? 0) + m[0].length;
  }
  out += escapeSnippetText(text.slice(last));
  return `${out}$0`;
}

/** Splits a long comment sentence into lines of at most `width` characters. */
export function wrapText(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line.length > 0 && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line.length > 0 ? `${line} ${w}` : w;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
