/**
 * The framework-call resolver: from a position in code to the catalogue entry called there,
 * the variant it computes and the parameters its literal arguments set. The catalogue itself
 * (data) is src/frameworks/catalogue.ts.
 */
import { checkParams } from '../core/params';
import { isFunctionId, type Params } from '../core/types';
import { defaultParams, FRAMEWORK_CATALOGUE, gatedCallFor, type CatalogueVariant, type EntryKind, type FrameworkEntry } from '../frameworks/catalogue';
import type { CommentStyle } from './languages';
import { isSpace, literalsIn } from './scanner';

/** One argument of the call that the resolver looked at. */
export interface ArgRead {
  /** The documented parameter name (`approximate`, `negative_slope`). */
  readonly name: string;
  /** The value as written. */
  readonly text: string;
  /** False when the value is not a literal the resolver can read (a variable, an expression). */
  readonly understood: boolean;
}

export interface ResolvedCall {
  readonly entry: FrameworkEntry;
  /** The variant the call computes, given the arguments read. */
  readonly variant: CatalogueVariant;
  /** Parameter values the call uses (the framework's defaults unless an argument says otherwise). */
  readonly params: Params;
  readonly argsRead: readonly ArgRead[];
  /** How `params` follow from the call's own arguments, for an entry whose arguments are converted (ONNX HardSigmoid α, β). */
  readonly derivation?: string;
  /** Why no values can be shown for the arguments as written (the range or form they miss); nothing is computed from `params` then. */
  readonly refused?: string;
  /** The hovered name's offsets in the text. */
  readonly start: number;
  readonly end: number;
}

/** Longest name looked at on either side of the position. */
const MAX_NAME = 200;
/** Longest argument list parsed. */
const MAX_ARGS = 4000;

const byName = new Map<string, FrameworkEntry[]>();
const byKey = new Map<EntryKind, Map<string, FrameworkEntry>>();
for (const e of FRAMEWORK_CATALOGUE) {
  if (e.kind === 'hf-key' || e.kind === 'keras-key') {
    let m = byKey.get(e.kind);
    if (m === undefined) byKey.set(e.kind, (m = new Map()));
    for (const n of e.names) m.set(n, e);
  } else {
    for (const n of e.names) {
      const list = byName.get(n);
      if (list === undefined) byName.set(n, [e]);
      else list.push(e);
    }
  }
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** The dotted name (`a.b.c`) around `column`, or undefined. */
function dottedNameAt(text: string, column: number): { start: number; end: number } | undefined {
  const n = text.length;
  let i = Math.min(Math.max(0, Math.floor(column)), n);
  const inName = (k: number): boolean => k >= 0 && k < n && (isNameChar(text.charCodeAt(k)) || text.charCodeAt(k) === 46);
  if (!inName(i)) {
    if (inName(i - 1)) i -= 1;
    else return undefined;
  }
  let start = i;
  while (start > 0 && i - start < MAX_NAME && inName(start - 1)) start--;
  let end = i + 1;
  while (end < n && end - i < MAX_NAME && inName(end)) end++;
  while (start < end && text.charCodeAt(start) === 46) start++;
  while (end > start && text.charCodeAt(end - 1) === 46) end--;
  if (start >= end || (start > 0 && inName(start - 1)) || (end < n && inName(end))) return undefined;
  return { start, end };
}

/** The quoted word (`"gelu_new"`, `'Gelu'`) around `column`: its content and the quote offsets. */
function quotedWordAt(text: string, column: number): { start: number; end: number; open: number } | undefined {
  const n = text.length;
  const c = Math.min(Math.max(0, Math.floor(column)), n);
  let s = c;
  while (s > 0 && c - s < 64 && isNameChar(text.charCodeAt(s - 1))) s--;
  let e = c;
  while (e < n && e - c < 64 && isNameChar(text.charCodeAt(e))) e++;
  if (s === e && s > 0 && (text.charCodeAt(s - 1) === 34 || text.charCodeAt(s - 1) === 39)) {
    // On the closing quote: the word ends here.
    e = s - 1;
    s = e;
    while (s > 0 && e - s < 64 && isNameChar(text.charCodeAt(s - 1))) s--;
    if (s === e) return undefined;
    return checkQuotes(text, s, e);
  }
  if (s === e) {
    // On an opening quote.
    const q = text.charCodeAt(c);
    if ((q === 34 || q === 39) && c + 1 < n) {
      let e2 = c + 1;
      while (e2 < n && e2 - c < 64 && isNameChar(text.charCodeAt(e2))) e2++;
      return e2 > c + 1 ? checkQuotes(text, c + 1, e2) : undefined;
    }
    return undefined;
  }
  return checkQuotes(text, s, e);
}

function checkQuotes(text: string, s: number, e: number): { start: number; end: number; open: number } | undefined {
  if (s === 0 || e >= text.length) return undefined;
  const q = text.charCodeAt(s - 1);
  if ((q !== 34 && q !== 39) || text.charCodeAt(e) !== q) return undefined;
  return { start: s, end: e, open: s - 1 };
}

/** The identifier that ends just before `i` (skipping spaces), and where it starts. */
function wordBefore(text: string, i: number): { word: string; start: number } {
  let e = i;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > 0 && e - s < MAX_NAME && (isNameChar(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 46)) s--;
  return { word: text.slice(s, e), start: s };
}

/** The last non-space character before `i` and its offset (-1 when none). */
function charBefore(text: string, i: number): { c: number; at: number } {
  let p = i - 1;
  while (p >= 0 && isSpace(text.charCodeAt(p))) p--;
  return { c: p >= 0 ? text.charCodeAt(p) : -1, at: p };
}

const HF_ASSIGN_KEYS: ReadonlySet<string> = new Set(['hidden_act', 'hidden_activation', 'activation_function', 'hidden_act_fn', 'act_fn', 'projector_hidden_act', 'mlp_hidden_act']);

/**
 * What kind of name the quoted word at `open` is, judged from what precedes it: a Hugging Face
 * activation key, a Keras activation name, an ONNX operator type, or nothing (any other string).
 */
function keyContext(text: string, open: number): 'hf-key' | 'keras-key' | 'operator' | undefined {
  const before = charBefore(text, open);
  if (before.c === 91 /* [ */) {
    const w = wordBefore(text, before.at).word;
    return /(?:^|\.)(?:ACT2FN|ACT2CLS)$/.test(w) ? 'hf-key' : undefined;
  }
  if (before.c === 40 /* ( */) {
    const w = wordBefore(text, before.at).word;
    if (/(?:^|\.)get_activation$/.test(w)) return 'hf-key';
    if (/(?:^|\.)(?:Activation|activations\.get|get_activation_fn)$/.test(w)) return 'keras-key';
    if (/(?:^|\.)(?:make_node|NodeProto|Node)$/.test(w)) return 'operator';
    return undefined;
  }
  if (before.c === 61 /* = */ || before.c === 58 /* : */) {
    // `hidden_act="gelu"`, `activation: "gelu"`, JSON `"hidden_act": "gelu"`, `op_type == "Gelu"`.
    let k = before.at;
    if (before.c === 61 && k > 0 && text.charCodeAt(k - 1) === 61) k--;
    const q = charBefore(text, k);
    if (before.c === 58 && (q.c === 34 || q.c === 39)) k = q.at;
    const w = wordBefore(text, k).word;
    const last = w.slice(w.lastIndexOf('.') + 1);
    if (HF_ASSIGN_KEYS.has(last)) return 'hf-key';
    if (last === 'activation' || last === 'recurrent_activation') return 'keras-key';
    if (last === 'op_type') return 'operator';
  }
  return undefined;
}

/** Offset past the comment starting at `i`, or `i` when none starts there. */
function skipComment(text: string, i: number, end: number, comments: CommentStyle): number {
  const c = text.charCodeAt(i);
  if (comments === 'hash' && c === 35 /* # */) {
    const nl = text.indexOf('\n', i);
    return nl < 0 || nl > end ? end : nl;
  }
  if (comments === 'slash' && c === 47 /* / */ && i + 1 < end) {
    const next = text.charCodeAt(i + 1);
    if (next === 47) {
      const nl = text.indexOf('\n', i);
      return nl < 0 || nl > end ? end : nl;
    }
    if (next === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      return close < 0 || close + 2 > end ? end : close + 2;
    }
  }
  return i;
}

/** One argument of a call: its name when given by keyword, and its text. */
interface CallArg {
  readonly name?: string;
  readonly value: string;
}

/**
 * Splits the argument list that opens at `open` (a `(`) at top-level commas, respecting
 * brackets, string literals and the language's comments (left out of the arguments' text).
 * Stops at the matching `)`, at the end of the text or after {@link MAX_ARGS} characters. Linear.
 */
function splitArgs(text: string, open: number, comments: CommentStyle): CallArg[] {
  const args: CallArg[] = [];
  const end = Math.min(text.length, open + 1 + MAX_ARGS);
  let depth = 0;
  let quote = 0;
  let start = open + 1;
  /** Text of the current argument before its last comment. */
  let kept = '';
  let i = open + 1;
  const push = (to: number): void => {
    const raw = (kept + text.slice(start, to)).trim();
    kept = '';
    if (raw === '') return;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:=(?!=)|:)\s*([^]*)$/.exec(raw);
    args.push(m ? { name: m[1] as string, value: (m[2] as string).trim() } : { value: raw });
  };
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92 /* \ */) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    const afterComment = comments === 'none' ? i : skipComment(text, i, end, comments);
    if (afterComment > i) {
      kept += `${text.slice(start, i)} `;
      start = afterComment;
      i = afterComment - 1;
      continue;
    }
    if (c === 34 || c === 39 || c === 96) quote = c;
    else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) break;
      depth--;
    } else if (c === 44 /* , */ && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(i);
  return args;
}

/** `'tanh'` → `tanh`, `True` → `true`; other text lower-cased and trimmed. */
function normaliseLiteral(value: string): string {
  const v = value.trim();
  const q = v.charCodeAt(0);
  if (v.length >= 2 && (q === 34 || q === 39) && v.charCodeAt(v.length - 1) === q) return v.slice(1, -1).toLowerCase();
  return v.toLowerCase();
}

/** A numeric argument (`0.2`, `-1e-2`, `0.1f`), or undefined when it is not a single literal. */
function numericArg(value: string): number | undefined {
  // A unary plus (`negative_slope=+0.2`) changes nothing.
  const v = value.trim().replace(/^\+(?=[\d.])/, '');
  if (v.length > 64) return undefined;
  const found = literalsIn(v, { limit: 1 });
  const lit = found.literals[0];
  if (found.total !== 1 || lit === undefined || lit.kind === 'word' || lit.start !== 0 || lit.end !== v.length) return undefined;
  return Number.isFinite(lit.value) ? lit.value : undefined;
}

/**
 * Finds the call's arguments: after the name (`F.gelu(x, approximate="tanh")`), or those of an
 * enclosing `partial(` (`partial(jax.nn.gelu, approximate=False)`; its first argument is the
 * function), or, for operators named in a string, those of the enclosing call
 * (`make_node("Gelu", ["X"], ["Y"], approximate="tanh")`: keyword arguments only).
 */
function argumentsOf(text: string, nameStart: number, nameEnd: number, quoted: boolean, comments: CommentStyle): { args: CallArg[]; positional: boolean } {
  let k = nameEnd + (quoted ? 1 : 0);
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (!quoted && text.charCodeAt(k) === 40) return { args: splitArgs(text, k, comments), positional: true };
  const open = enclosingParen(text, nameStart - (quoted ? 1 : 0));
  if (open < 0) return { args: [], positional: false };
  if (quoted) return { args: splitArgs(text, open, comments).filter((a) => a.name !== undefined), positional: false };
  const callee = wordBefore(text, open).word;
  if (/(?:^|\.)partial$/.test(callee)) {
    const args = splitArgs(text, open, comments);
    return { args: args.slice(1), positional: true };
  }
  return { args: [], positional: false };
}

/** The `(` that encloses offset `i` (bracket-aware, bounded), or -1. */
function enclosingParen(text: string, i: number): number {
  let depth = 0;
  const stop = Math.max(0, i - MAX_ARGS);
  for (let p = i - 1; p >= stop; p--) {
    const c = text.charCodeAt(p);
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth === 0) return c === 40 ? p : -1;
      depth--;
    }
  }
  return -1;
}

function pickArg(args: readonly CallArg[], positional: boolean, names: readonly string[], position: number | undefined): CallArg | undefined {
  const named = args.find((a) => a.name !== undefined && names.includes(a.name));
  if (named !== undefined) return named;
  if (!positional || position === undefined) return undefined;
  // Positional arguments precede keyword ones; the position counts only the positional ones.
  let index = 0;
  for (const a of args) {
    if (a.name !== undefined) return undefined;
    if (a.value.startsWith('*')) return undefined; // *args, **kwargs: positions unknown from here
    if (index === position) return a;
    index++;
  }
  return undefined;
}

function applyArguments(entry: FrameworkEntry, args: readonly CallArg[], positional: boolean): Pick<ResolvedCall, 'variant' | 'params' | 'argsRead' | 'derivation' | 'refused'> {
  let variant = entry.defaultVariant;
  let params: Record<string, number> = { ...defaultParams(entry) };
  const argsRead: ArgRead[] = [];
  const va = entry.variantArg;
  if (va !== undefined) {
    const a = pickArg(args, positional, [va.name], va.position);
    if (a !== undefined) {
      // Own properties only: `approximate=constructor` must not find Object.prototype's.
      const key = normaliseLiteral(a.value);
      const chosen = Object.hasOwn(va.values, key) ? va.values[key] : undefined;
      if (chosen !== undefined) variant = chosen;
      argsRead.push({ name: va.name, text: a.value, understood: chosen !== undefined });
    }
  }
  // Arguments of an entry with `convert` are the framework's own parameters, converted below.
  const read: Record<string, number> = {};
  for (const p of entry.paramArgs ?? []) {
    const a = pickArg(args, positional, [p.name, ...(p.aliases ?? [])], p.position);
    if (a === undefined) continue;
    const v = numericArg(a.value);
    if (v !== undefined) (entry.convert === undefined ? params : read)[p.key] = v;
    argsRead.push({ name: a.name ?? p.name, text: a.value, understood: v !== undefined });
  }
  if (entry.convert === undefined) return withRangeCheck({ variant, params, argsRead });
  const converted = entry.convert(read);
  if (!converted.ok) return { variant, params, argsRead, refused: converted.refused };
  params = { ...params, ...converted.params };
  return withRangeCheck(converted.how === undefined ? { variant, params, argsRead } : { variant, params, argsRead, derivation: converted.how });
}

/**
 * Refuses parameters outside the registry's ranges with the core's own sentence (the plot and
 * the snippets refuse the same values).
 */
function withRangeCheck<T extends { readonly variant: CatalogueVariant; readonly params: Params }>(call: T): T & { readonly refused?: string } {
  const problems = paramProblems(call.variant, call.params);
  return problems.length === 0 ? call : { ...call, refused: problems.join(' ') };
}

/** The core's sentences about `params` of a catalogue variant; a gated one is checked as the unit and the gate's activation it runs. */
export function paramProblems(variant: CatalogueVariant, params: Params): string[] {
  if (isFunctionId(variant)) return checkParams(variant, params);
  const gc = gatedCallFor(variant, params);
  return [...checkParams(gc.act, gc.actParams), ...(gc.unitParams === undefined ? [] : checkParams(gc.unit, gc.unitParams))];
}

/**
 * The framework call named at `column` of `text` (a line, or a line and the few after it so
 * that arguments on following lines are read): the catalogue entry, the variant it computes
 * given the literal arguments in the call (`approximate="tanh"`, `approximate=True`,
 * `negative_slope=0.2`, positional ones too), the parameter values, and what was read.
 * `comments` says how the language writes comments, which are skipped inside the arguments.
 * `undefined` when no known call is there. Bounded work: names of at most 200 characters and
 * argument lists of at most 4,000.
 */
export function resolveCall(text: string, column: number, comments: CommentStyle = 'none'): ResolvedCall | undefined {
  const quoted = quotedWordAt(text, column);
  if (quoted !== undefined) {
    const word = text.slice(quoted.start, quoted.end);
    const context = keyContext(text, quoted.open);
    let e: FrameworkEntry | undefined;
    if (context === 'operator') e = (byName.get(word) ?? []).find((x) => x.kind === 'operator');
    else if (context !== undefined) e = byKey.get(context)?.get(word);
    if (e === undefined) return undefined;
    const { args, positional } = e.kind === 'operator' ? argumentsOf(text, quoted.start, quoted.end, true, comments) : { args: [], positional: false };
    return { entry: e, ...applyArguments(e, args, positional), start: quoted.start, end: quoted.end };
  }
  const span = dottedNameAt(text, column);
  if (span === undefined) return undefined;
  const name = text.slice(span.start, span.end);
  // The longest catalogue name that the written name ends with, at a dot boundary.
  let dot = -1;
  let found: FrameworkEntry | undefined;
  for (;;) {
    const candidate = name.slice(dot + 1);
    // Standard ONNX operator names (`Gelu`, `Elu`…) are too generic to match unqualified in code.
    const list = byName.get(candidate)?.filter((e) => !(e.id.startsWith('onnx:') && candidate === e.qualifiedName));
    if (list !== undefined && list.length > 0) {
      found = list[0];
      break;
    }
    dot = name.indexOf('.', dot + 1);
    if (dot < 0) break;
  }
  if (found === undefined) return undefined;
  const { args, positional } = argumentsOf(text, span.start, span.end, false, comments);
  return { entry: found, ...applyArguments(found, args, positional), start: span.start, end: span.end };
}

/** Opening brackets looked through outwards from a position before giving up. */
const MAX_ENCLOSING = 8;

/**
 * The recognised framework call whose argument list holds `offset` of `text`
 * (`F.leaky_relu(x, 0.2)` for an offset in `0.2`; through nested calls such as
 * `F.gelu(torch.tensor(0.5))`), or `undefined`. Looks back at most {@link MAX_ARGS} characters
 * and through at most {@link MAX_ENCLOSING} opening brackets. String literals are not tracked:
 * a bracket inside a string can hide a call, never invent one.
 */
export function enclosingCall(text: string, offset: number, comments: CommentStyle = 'none'): ResolvedCall | undefined {
  const stop = Math.max(0, offset - MAX_ARGS);
  let depth = 0;
  let opened = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 91 || c === 123) {
      if (depth > 0) depth--;
    } else if (c === 40 /* ( */) {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (++opened > MAX_ENCLOSING) return undefined;
      const name = wordBefore(text, i);
      if (name.word === '') continue;
      const call = resolveCall(text, name.start + name.word.length - 1, comments);
      if (call !== undefined && call.end === name.start + name.word.length) return call;
    }
  }
  return undefined;
}
