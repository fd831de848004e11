/**
 * Finding and parsing numeric literals in text, for hovers and for evaluating selections.
 *
 * Pure, and linear by construction: one hand-written scanner, no regular expressions over the
 * text. {@link literalAt} touches only the run of word characters around the position;
 * {@link literalsIn} looks at each character of (at most `maxScan` characters of) the text once
 * and parses at most `limit` values. A 100,000-character line costs a few hundred microseconds.
 *
 * Literal forms: `42`, `-2.5` (the minus only where it is unary), `.5`, `3.`, `1e-3`, `1E+10`,
 * `1_000.5`, `1'000.5` (C/C++), `0x1F`, `0b101`, `0o17`, hexadecimal floats `0x1.8p-3` where the
 * language has them, Fortran's `1.0d-3`, and type suffixes (`1.5f`, `2.0d`, `1.0L`, `3.0f32`,
 * `10u8`, `7n`…). Imaginary literals (`2j`, `3i`), version strings (`1.2.3`), numbers glued to
 * identifiers (`x1`, `3px`) and `#`-prefixed tokens (`#1e3`, `#12`) are not numbers.
 */

/** What the scanner accepts, by language. */
export interface LiteralOptions {
  /** Hexadecimal floating literals such as `0x1p-3` (C, C++, Java, Go, Swift…). Default true. */
  readonly hexFloats?: boolean;
  /** `'` as a digit separator (C++14, C23). Default false: elsewhere it is a quote. */
  readonly apostropheSeparators?: boolean;
}

/** Where a value is not the literal's mathematical value. */
export type LiteralNote =
  /** |literal| exceeds the largest double: the value is ±Infinity. */
  | 'overflow'
  /** A nonzero literal below half the smallest subnormal: the value is ±0. */
  | 'underflow';

export interface NumberLiteral {
  /** Offset of the first character (the minus sign when one belongs to the number). */
  readonly start: number;
  /** Offset just past the last character (suffix included). */
  readonly end: number;
  /** The literal as written. */
  readonly text: string;
  /** The nearest double (correctly rounded; ties to even). */
  readonly value: number;
  readonly kind: 'decimal' | 'hex' | 'hexFloat' | 'binary' | 'octal' | 'word';
  readonly note?: LiteralNote;
}

/** The literals of a text, the first `limit` of them, and how many there are in all. */
export interface LiteralList {
  readonly literals: readonly NumberLiteral[];
  /** Every literal found in the scanned part (≥ `literals.length`). */
  readonly total: number;
  /** False when the text was longer than `maxScan` and only its beginning was scanned. */
  readonly complete: boolean;
  /** Characters scanned. */
  readonly scanned: number;
}

const HEX_FLOAT_LANGUAGES: ReadonlySet<string> = new Set([
  'c', 'cpp', 'cuda-cpp', 'objective-c', 'objective-cpp', 'java', 'go', 'swift', 'julia', 'zig', 'lua',
  'plaintext', 'markdown', 'csv', 'tsv', 'log',
]);
const APOSTROPHE_LANGUAGES: ReadonlySet<string> = new Set(['c', 'cpp', 'cuda-cpp', 'objective-c', 'objective-cpp']);

/**
 * The scanner options for a VS Code language id: hexadecimal floats only where the language has
 * them as literals (not Python, where `float.fromhex` takes a string, nor JavaScript/TypeScript,
 * Rust, C#), `'` separators only in the C family.
 */
export function literalOptionsFor(languageId: string): LiteralOptions {
  return { hexFloats: HEX_FLOAT_LANGUAGES.has(languageId), apostropheSeparators: APOSTROPHE_LANGUAGES.has(languageId) };
}

// ---------------------------------------------------------------------------------------------
// Character classes (char codes; no regular expressions on the hot path).

const C_0 = 48, C_9 = 57, C_A = 65, C_Z = 90, C_a = 97, C_z = 122;
const C_UNDERSCORE = 95, C_DOLLAR = 36, C_DOT = 46, C_MINUS = 45, C_PLUS = 43, C_HASH = 35, C_APOS = 39;
const C_UNICODE_MINUS = 0x2212;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}
function isHexDigit(c: number): boolean {
  return (c >= C_0 && c <= C_9) || (c >= C_A && c <= 70) || (c >= C_a && c <= 102);
}
function isLetter(c: number): boolean {
  return (c >= C_A && c <= C_Z) || (c >= C_a && c <= C_z);
}
/**
 * Identifier characters: ASCII letters, digits, `_`, `$`, and every non-ASCII character except
 * spaces, punctuation and symbols that commonly sit next to numbers (−, ×, ·, …, general
 * punctuation, CJK punctuation, U+FFFD). Decided by code ranges: no per-character regex.
 */
function isIdentChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isLetter(c) || isDigit(c) || c === C_UNDERSCORE || c === C_DOLLAR;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba; // Latin-1 punctuation and symbols, but ª µ º
  if (c === 0xd7 || c === 0xf7) return false; // × ÷
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, super/subscripts, currency, arrows, math operators
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK symbols and punctuation
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates (emoji and other astral characters)
  return c !== 0xfeff && c !== 0xfffd;
}
function isMinus(c: number): boolean {
  return c === C_MINUS || c === C_UNICODE_MINUS;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0;
}
function lower(c: number): number {
  return c >= C_A && c <= C_Z ? c + 32 : c;
}

/** Type suffixes of C, C++, Java, Kotlin, C#, Rust, JavaScript (BigInt), C23 decimal floats. */
const SUFFIXES: ReadonlySet<string> = new Set([
  'f', 'd', 'l', 'm', 'u', 'ul', 'lu', 'ull', 'llu', 'll', 'z', 'uz', 'zu', 'n',
  'f16', 'f32', 'f64', 'f80', 'f128', 'bf16', 'df', 'dd', 'dl',
  'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize',
]);
/** Suffixes that make a literal an integer type; they are refused on literals with a fraction. */
const INTEGER_ONLY_SUFFIXES: ReadonlySet<string> = new Set(['u', 'ul', 'lu', 'ull', 'llu', 'll', 'z', 'uz', 'zu', 'n',
  'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize']);

/** Words before a minus that make it unary (`return -1`, `x in -2`, `case -3:`). */
const PREFIX_KEYWORDS: ReadonlySet<string> = new Set([
  'return', 'yield', 'case', 'in', 'of', 'and', 'or', 'not', 'else', 'then', 'do', 'await', 'typeof', 'void',
  'print', 'if', 'elif', 'while', 'assert', 'throw', 'when', 'is', 'lambda', 'echo', 'to', 'by', 'step', 'from', 'as',
]);

// ---------------------------------------------------------------------------------------------
// The scanner.

/** A token found by {@link scanToken}: a literal (without its sign yet) or text to skip. */
interface Token {
  /** Offset after the token (or after the skipped text). */
  readonly end: number;
  readonly literal?: RawLiteral;
}

interface RawLiteral {
  readonly start: number;
  readonly end: number;
  readonly kind: NumberLiteral['kind'];
  /** Computes the value on demand (parsing is skipped for literals beyond a list's limit). */
  readonly parse: () => { value: number; note?: LiteralNote };
}

/** Skips a maximal run of identifier characters starting at `i`. */
function skipIdent(text: string, i: number, end: number): number {
  while (i < end && isIdentChar(text, i)) i++;
  return i;
}

/** Skips the rest of a malformed number-like run: word characters and dots. */
function skipJunk(text: string, i: number, end: number): number {
  while (i < end && (isIdentChar(text, i) || text.charCodeAt(i) === C_DOT)) i++;
  return i;
}

/** True when a literal may start at `i` given what precedes it. */
function mayStartNumber(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (p === C_HASH) return false;
  return !isIdentChar(text, i - 1);
}

/**
 * Reads digits of a base with separators (`_`, and `'` when allowed) between digits.
 * Returns the offset after them and the digits without separators.
 */
function readDigits(text: string, i: number, end: number, hex: boolean, apos: boolean): { end: number; digits: string } {
  const start = i;
  const ok = hex ? isHexDigit : isDigit;
  let clean = '';
  let segment = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (ok(c)) {
      i++;
    } else if ((c === C_UNDERSCORE || (apos && c === C_APOS)) && i > start && i + 1 < end && ok(text.charCodeAt(i + 1))) {
      clean += text.slice(segment, i);
      i++;
      segment = i;
    } else {
      break;
    }
  }
  return { end: i, digits: segment === start ? text.slice(start, i) : clean + text.slice(segment, i) };
}

/**
 * Reads an optional type suffix at `i` (with Rust's optional `_` before it). Returns the offset
 * after it, or -1 when word characters follow the number that are not a known suffix.
 */
function readSuffix(text: string, i: number, end: number, integer: boolean): number {
  if (i >= end) return i;
  let j = i;
  if (text.charCodeAt(j) === C_UNDERSCORE && j + 1 < end && isLetter(text.charCodeAt(j + 1))) j++;
  if (!isIdentChar(text, j)) return j === i ? i : -1;
  const wordEnd = skipIdent(text, j, end);
  if (wordEnd - j > 5) return -1;
  let word = '';
  for (let k = j; k < wordEnd; k++) word += String.fromCharCode(lower(text.charCodeAt(k)));
  if (!SUFFIXES.has(word)) return -1;
  if (!integer && INTEGER_ONLY_SUFFIXES.has(word)) return -1;
  return wordEnd;
}

/** After a literal: `1.2.3` (versions, addresses) makes the whole dotted run not a number. */
function followedByDottedDigits(text: string, i: number, end: number): boolean {
  return i + 1 < end && text.charCodeAt(i) === C_DOT && isDigit(text.charCodeAt(i + 1));
}

const MAX_EXPONENT_DIGITS = 12;

/** Parses a run of decimal exponent digits, saturating far beyond any double's range. */
function exponentValue(digits: string): number {
  let k = 0;
  while (k < digits.length - 1 && digits.charCodeAt(k) === C_0) k++;
  const d = digits.slice(k);
  return d.length > MAX_EXPONENT_DIGITS ? 1e12 : Number(d);
}

/**
 * Scans one token at `i`, which must not be inside an identifier (callers start at run
 * boundaries). Never throws; every path advances by at least one character.
 */
function scanToken(text: string, i: number, end: number, o: Required<LiteralOptions>, words: boolean): Token {
  const c = text.charCodeAt(i);
  if (isDigit(c) || (c === C_DOT && i + 1 < end && isDigit(text.charCodeAt(i + 1)) && mayStartLeadingDot(text, i))) {
    if (!mayStartNumber(text, i)) return { end: skipJunk(text, i, end) };
    return scanNumber(text, i, end, o);
  }
  if (isIdentChar(text, i)) {
    const wordEnd = skipIdent(text, i, end);
    if (words && wordEnd - i <= 8) {
      const w = text.slice(i, wordEnd).toLowerCase();
      if (w === 'nan' || w === 'inf' || w === 'infinity') {
        const value = w === 'nan' ? NaN : Infinity;
        return { end: wordEnd, literal: { start: i, end: wordEnd, kind: 'word', parse: () => ({ value }) } };
      }
    }
    return { end: wordEnd };
  }
  return { end: i + 1 };
}

/** A `.5` may start a number only after something that cannot end an operand. */
function mayStartLeadingDot(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (p === C_DOT || p === 41 /* ) */ || p === 93 /* ] */ || p === 125 /* } */ || p === C_HASH) return false;
  return !isIdentChar(text, i - 1);
}

function scanNumber(text: string, start: number, end: number, o: Required<LiteralOptions>): Token {
  const c0 = text.charCodeAt(start);
  const c1 = start + 1 < end ? lower(text.charCodeAt(start + 1)) : 0;
  if (c0 === C_0 && (c1 === 120 /* x */ || c1 === 98 /* b */ || c1 === 111 /* o */)) {
    return c1 === 120 ? scanHex(text, start, end, o) : scanBinOct(text, start, end, c1 === 98 ? 2 : 8);
  }
  let i = start;
  const intPart = readDigits(text, i, end, false, o.apostropheSeparators);
  i = intPart.end;
  let frac = '';
  let hasDot = false;
  if (i < end && text.charCodeAt(i) === C_DOT) {
    const n = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    if (isDigit(n)) {
      const f = readDigits(text, i + 1, end, false, o.apostropheSeparators);
      frac = f.digits;
      i = f.end;
      hasDot = true;
    } else if (intPart.digits.length > 0 && n !== C_DOT && dotEndsNumber(text, i, end)) {
      // `3.`, `1.e5`, `1.f`; not `3..5` (a range) nor `3.real` (a member).
      i += 1;
      hasDot = true;
    }
  }
  let exp = '';
  let expNegative = false;
  if (startsExponent(text, i, end)) {
    let j = i + 1;
    const s = text.charCodeAt(j);
    if (s === C_PLUS || s === C_MINUS) {
      expNegative = s === C_MINUS;
      j++;
    }
    const e = readDigits(text, j, end, false, false);
    exp = e.digits;
    i = e.end;
  }
  const isInteger = !hasDot && exp === '';
  const suffixEnd = readSuffix(text, i, end, isInteger);
  if (suffixEnd < 0) return { end: skipJunk(text, i, end) };
  if (followedByDottedDigits(text, suffixEnd, end)) return { end: skipJunk(text, suffixEnd, end) };
  const intDigits = intPart.digits;
  const literalEnd = suffixEnd;
  return {
    end: literalEnd,
    literal: {
      start,
      end: literalEnd,
      kind: 'decimal',
      parse: () => parseDecimal(intDigits, frac, exp, expNegative),
    },
  };
}

/** After digits, whether the `.` at `dot` belongs to the number: not before a member name. */
function dotEndsNumber(text: string, dot: number, end: number): boolean {
  const next = dot + 1;
  if (next >= end || !isIdentChar(text, next)) return true;
  if (startsExponent(text, next, end)) return true;
  return readSuffix(text, next, end, false) > next;
}

/** `e`/`E` (or Fortran's `d`/`D`) followed by an optionally signed digit. */
function startsExponent(text: string, i: number, end: number): boolean {
  if (i >= end) return false;
  const c = lower(text.charCodeAt(i));
  if (c !== 101 /* e */ && c !== 100 /* d */) return false;
  let j = i + 1;
  if (j < end && (text.charCodeAt(j) === C_PLUS || text.charCodeAt(j) === C_MINUS)) j++;
  return j < end && isDigit(text.charCodeAt(j));
}

function hasNonZeroDigit(digits: string): boolean {
  for (let k = 0; k < digits.length; k++) if (digits.charCodeAt(k) !== C_0) return true;
  return false;
}

function parseDecimal(intDigits: string, frac: string, exp: string, expNegative: boolean): { value: number; note?: LiteralNote } {
  const mantissa = (intDigits === '' ? '0' : intDigits) + (frac === '' ? '' : `.${frac}`);
  const value = Number(exp === '' ? mantissa : `${mantissa}e${expNegative ? '-' : ''}${exp}`);
  if (value === Infinity) return { value, note: 'overflow' };
  if (value === 0 && (hasNonZeroDigit(intDigits) || hasNonZeroDigit(frac))) return { value, note: 'underflow' };
  return { value };
}

function scanBinOct(text: string, start: number, end: number, base: 2 | 8): Token {
  let i = start + 2;
  let digits = '';
  const ok = (c: number): boolean => c >= C_0 && c < C_0 + base;
  let last = -1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (ok(c)) {
      digits += text.charAt(i);
      last = i;
      i++;
    } else if (c === C_UNDERSCORE && last === i - 1 && i + 1 < end && ok(text.charCodeAt(i + 1))) {
      i++;
    } else {
      break;
    }
  }
  if (digits === '') return { end: skipJunk(text, i, end) };
  const suffixEnd = readSuffix(text, i, end, true);
  if (suffixEnd < 0 || followedByDottedDigits(text, suffixEnd, end)) return { end: skipJunk(text, Math.max(i, suffixEnd), end) };
  return {
    end: suffixEnd,
    literal: {
      start,
      end: suffixEnd,
      kind: base === 2 ? 'binary' : 'octal',
      parse: () => parseInteger(digits, base),
    },
  };
}

/** Digits beyond which an integer of the base certainly exceeds the largest double. */
const MAX_INTEGER_DIGITS: Readonly<Record<number, number>> = { 2: 1025, 8: 342, 16: 257 };

function parseInteger(digits: string, base: 2 | 8 | 16): { value: number; note?: LiteralNote } {
  let k = 0;
  while (k < digits.length - 1 && digits.charCodeAt(k) === C_0) k++;
  const d = digits.slice(k);
  if (d.length >= (MAX_INTEGER_DIGITS[base] as number)) return { value: Infinity, note: 'overflow' };
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  // BigInt → Number rounds to nearest, ties to even.
  const value = Number(BigInt(prefix + d));
  return value === Infinity ? { value, note: 'overflow' } : { value };
}

function scanHex(text: string, start: number, end: number, o: Required<LiteralOptions>): Token {
  let i = start + 2;
  const intPart = readDigits(text, i, end, true, o.apostropheSeparators);
  i = intPart.end;
  let frac = '';
  let isFloat = false;
  if (i < end && text.charCodeAt(i) === C_DOT && o.hexFloats) {
    const f = readDigits(text, i + 1, end, true, o.apostropheSeparators);
    frac = f.digits;
    i = f.end;
    isFloat = true;
  }
  if (intPart.digits === '' && frac === '') return { end: skipJunk(text, i, end) };
  let exp = '';
  let expNegative = false;
  if (o.hexFloats && i < end && lower(text.charCodeAt(i)) === 112 /* p */) {
    let j = i + 1;
    const s = j < end ? text.charCodeAt(j) : 0;
    if (s === C_PLUS || s === C_MINUS) {
      expNegative = s === C_MINUS;
      j++;
    }
    if (j < end && isDigit(text.charCodeAt(j))) {
      const e = readDigits(text, j, end, false, false);
      exp = e.digits;
      i = e.end;
      isFloat = true;
    }
  }
  // A hexadecimal float needs its binary exponent (C, C++, Java, Go all require the `p`).
  if (isFloat && exp === '') return { end: skipJunk(text, i, end) };
  const suffixEnd = readSuffix(text, i, end, !isFloat);
  if (suffixEnd < 0 || followedByDottedDigits(text, suffixEnd, end)) return { end: skipJunk(text, Math.max(i, suffixEnd), end) };
  const intDigits = intPart.digits;
  return {
    end: suffixEnd,
    literal: isFloat
      ? { start, end: suffixEnd, kind: 'hexFloat', parse: () => parseHexFloat(intDigits, frac, exponentValue(exp) * (expNegative ? -1 : 1)) }
      : { start, end: suffixEnd, kind: 'hex', parse: () => parseInteger(intDigits, 16) },
  };
}

/** x · 2^k for an integer-valued double x ≥ 1 and a result known to be representable. */
function scaleByPowerOfTwo(x: number, k: number): number {
  if (k > 1000) return x * 2 ** 1000 * 2 ** (k - 1000);
  if (k < -1000) return x * 2 ** -1000 * 2 ** (k + 1000);
  return x * 2 ** k;
}

/**
 * The double nearest to 0x(int).(frac)p(exp), rounded once (ties to even), subnormals included:
 * the mantissa is kept as a BigInt of at most 30 hexadecimal digits plus a sticky bit.
 */
function parseHexFloat(intDigits: string, frac: string, exp: number): { value: number; note?: LiteralNote } {
  let digits = intDigits + frac;
  let e2 = exp - 4 * frac.length;
  let k = 0;
  while (k < digits.length && digits.charCodeAt(k) === C_0) k++;
  digits = digits.slice(k);
  if (digits === '') return { value: 0 };
  const KEEP = 30;
  let sticky = false;
  if (digits.length > KEEP) {
    sticky = /[1-9a-f]/i.test(digits.slice(KEEP));
    e2 += 4 * (digits.length - KEEP);
    digits = digits.slice(0, KEEP);
  }
  let m = BigInt(`0x${digits}`);
  if (sticky) {
    m = (m << 1n) | 1n;
    e2 -= 1;
  }
  const bits = m.toString(2).length;
  const lead = bits - 1 + e2; // exponent of the leading bit
  if (lead >= 1024) return { value: Infinity, note: 'overflow' };
  if (lead < -1075) return { value: 0, note: 'underflow' };
  const precision = lead >= -1022 ? 53 : 53 - (-1022 - lead);
  const shift = bits - precision;
  let q = m;
  let scale = e2;
  if (shift > 0) {
    const s = BigInt(shift);
    q = m >> s;
    const rem = m & ((1n << s) - 1n);
    const half = 1n << (s - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    scale += shift;
  }
  if (q === 0n) return { value: 0, note: 'underflow' };
  const value = scaleByPowerOfTwo(Number(q), scale);
  if (value === Infinity) return { value, note: 'overflow' };
  return { value };
}

// ---------------------------------------------------------------------------------------------
// Signs.

/**
 * Whether the minus at `minus` (just before a literal) is unary: after an operator, an opening
 * bracket, a separator, a quote, a keyword such as `return`, or at the start of the text; not
 * after an operand (`a-2`, `f(x) -2`, `2 -2`) and not as the second of `--` (decrement).
 */
function minusIsUnary(text: string, minus: number): boolean {
  if (minus > 0 && isMinus(text.charCodeAt(minus - 1))) return false;
  let p = minus - 1;
  while (p >= 0 && isSpace(text.charCodeAt(p))) p--;
  if (p < 0) return true;
  const c = text.charCodeAt(p);
  if (c === 41 /* ) */ || c === 93 /* ] */ || c === 125 /* } */ || c === C_DOT) return false;
  if (!isIdentChar(text, p)) return true;
  let w = p;
  while (w > 0 && p - w < 8 && isIdentChar(text, w - 1)) w--;
  if (w > 0 && isIdentChar(text, w - 1)) return false;
  return PREFIX_KEYWORDS.has(text.slice(w, p + 1));
}

function finish(text: string, raw: RawLiteral): NumberLiteral {
  let start = raw.start;
  const { value: magnitude, note } = raw.parse();
  let value = magnitude;
  if (start > 0 && isMinus(text.charCodeAt(start - 1)) && minusIsUnary(text, start - 1)) {
    start -= 1;
    value = -magnitude;
  }
  const literal = { start, end: raw.end, text: text.slice(start, raw.end), value, kind: raw.kind };
  return note === undefined ? literal : { ...literal, note };
}

function fullOptions(options: LiteralOptions | undefined): Required<LiteralOptions> {
  return { hexFloats: options?.hexFloats ?? true, apostropheSeparators: options?.apostropheSeparators ?? false };
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** Characters a literal can span (besides the sign of an exponent). */
function isRunChar(text: string, i: number, apos: boolean): boolean {
  const c = text.charCodeAt(i);
  return c === C_DOT || (apos && c === C_APOS) || isIdentChar(text, i);
}

/** A `+`/`-` at `i` that is the sign of an exponent (`1e-5`, `0x1p+3`). */
function isExponentSign(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== C_PLUS && c !== C_MINUS) return false;
  if (i < 2) return false;
  const e = lower(text.charCodeAt(i - 1));
  if (e !== 101 && e !== 100 && e !== 112) return false;
  const before = text.charCodeAt(i - 2);
  return isHexDigit(before) || before === C_DOT;
}

/**
 * The literal under offset `column` of `line` (the character at `column`, or the one just
 * before it when `column` is at the end of a literal), or `undefined`.
 * Work: proportional to the run of word characters around `column`.
 */
export function literalAt(line: string, column: number, options?: LiteralOptions): NumberLiteral | undefined {
  const o = fullOptions(options);
  const n = line.length;
  if (!(column >= 0) || n === 0) return undefined;
  let anchor = Math.min(Math.floor(column), n);
  const atRun = (i: number): boolean => i >= 0 && i < n && (isRunChar(line, i, o.apostropheSeparators) || isExponentSign(line, i));
  if (!atRun(anchor)) {
    const c = anchor < n ? line.charCodeAt(anchor) : 0;
    if (isMinus(c) && anchor + 1 < n && (isDigit(line.charCodeAt(anchor + 1)) || line.charCodeAt(anchor + 1) === C_DOT)) anchor += 1;
    else if (atRun(anchor - 1)) anchor -= 1;
    else return undefined;
  }
  let s = anchor;
  while (s > 0 && atRun(s - 1)) s--;
  // Scan forward through the run to the token that covers the anchor.
  let i = s;
  while (i <= anchor && i < n) {
    const t = scanToken(line, i, n, o, false);
    if (t.literal !== undefined && t.literal.start <= anchor && anchor < t.literal.end) {
      const lit = finish(line, t.literal);
      return column >= lit.start && column <= lit.end ? lit : undefined;
    }
    i = t.end;
  }
  return undefined;
}

/** Default and largest characters of a selection that {@link literalsIn} scans. */
export const MAX_SCAN = 1_000_000;

/**
 * Every literal in `text` (a selection: a number, a list, an array or tensor literal, a CSV
 * row…), in order. The words `nan`, `inf` and `infinity` count as values too (any case, with an
 * optional unary minus). Only the first `limit` (default 64) are parsed and returned; `total`
 * counts them all. At most `maxScan` characters (default and cap {@link MAX_SCAN}) are scanned.
 */
export function literalsIn(text: string, options?: LiteralOptions & { readonly limit?: number; readonly maxScan?: number }): LiteralList {
  const o = fullOptions(options);
  const limit = Math.max(0, Math.floor(options?.limit ?? 64));
  const maxScan = Math.min(MAX_SCAN, Math.max(0, Math.floor(options?.maxScan ?? MAX_SCAN)));
  const end = Math.min(text.length, maxScan);
  const literals: NumberLiteral[] = [];
  let total = 0;
  let i = 0;
  while (i < end) {
    // Fast path over characters that can neither start a token nor belong to one.
    const c = text.charCodeAt(i);
    if (c < 0x80 && !isDigit(c) && !isLetter(c) && c !== C_DOT && c !== C_UNDERSCORE && c !== C_DOLLAR) {
      i++;
      continue;
    }
    const t = scanToken(text, i, end, o, true);
    if (t.literal !== undefined) {
      total++;
      if (literals.length < limit) literals.push(finish(text, t.literal));
    }
    i = t.end;
  }
  return { literals, total, complete: end === text.length, scanned: end };
}
