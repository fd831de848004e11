/**
 * Finding and parsing numeric literals in text, for hovers and for evaluating selections.
 *
 * Pure, and linear by construction: one hand-written scanner, no regular expressions over the
 * text. {@link literalAt} touches only the run of word characters around the position;
 * {@link literalsIn} looks at each character of (at most `maxScan` characters of) the text once
 * and parses at most `limit` values. A 100,000-character line costs about a millisecond.
 *
 * Literal forms: `42`, `-2.5` (the minus only where it is unary), `.5`, `3.`, `1e-3`, `1E+10`,
 * `1e−5` (U+2212), `1_000.5`, `1'000.5` (C/C++), `0x1F`, `0b101`, `0o17`, C-family octal `0755`,
 * hexadecimal floats `0x1.8p-3` where the language has them, Fortran's `1.0d-3` and `1.0_dp`,
 * Julia's `1.5f0`, and the type suffixes of the language (`1.5f`, `2.0d`, `1.0L`, `3.0f32`,
 * `10u8`, `7n`…). Imaginary literals (`2j`, `3i`), version strings (`1.2.3`, `v4.40.0`,
 * `python3.10`), numbers glued to identifiers (`x1`, `3px`, `125M`) and `#`-prefixed tokens
 * (`#1e3`, `#12`) are not numbers. ANSI colour sequences (`ESC[32m`) separate tokens.
 *
 * A minus is a sign at the start, after an operator, a bracket or a separator, and wherever it
 * follows white space and touches the digits (`[ 0.5 -0.5]` as NumPy prints, `loss -0.25`,
 * a column of values); it is an operator between operands (`a-2`, `f(x) - 2`, `2-2`).
 */

/** What the scanner accepts, by language. */
export interface LiteralOptions {
  /** Hexadecimal floating literals such as `0x1p-3` (C, C++, Java, Go, Swift…). Default true. */
  readonly hexFloats?: boolean;
  /** `'` as a digit separator (C++14, C23). Default false: elsewhere it is a quote. */
  readonly apostropheSeparators?: boolean;
  /** `0755` as octal (C, C++, Java, Go). Default false: a decimal with a leading zero. */
  readonly leadingZeroOctal?: boolean;
  /**
   * Type suffixes the language has, lower case (`f`, `l`, `f32`, `u8`, `n`…). Default: every
   * suffix known here; `literalOptionsFor` (./languages) narrows it to the language's own.
   */
  readonly suffixes?: ReadonlySet<string>;
  /** Letters besides `e` that start an exponent: `d` (Fortran), `f` (Julia's Float32). Default `d`. */
  readonly exponentLetters?: string;
  /** Fortran kind parameters after `_` (`1.0_dp`, `2_8`). Default false. */
  readonly kindSuffixes?: boolean;
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

// ---------------------------------------------------------------------------------------------
// Character classes (char codes; no regular expressions on the hot path).

const C_0 = 48, C_9 = 57, C_A = 65, C_Z = 90, C_a = 97, C_z = 122;
const C_UNDERSCORE = 95, C_DOLLAR = 36, C_DOT = 46, C_MINUS = 45, C_PLUS = 43, C_HASH = 35, C_APOS = 39;
const C_UNICODE_MINUS = 0x2212;
const C_ESC = 0x1b, C_LBRACKET = 91, C_SEMICOLON = 59, C_QUOTE = 34, C_COMMA = 44;

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
/** White space, the no-break space included; the one definition the text readers share. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0;
}
function lower(c: number): number {
  return c >= C_A && c <= C_Z ? c + 32 : c;
}

/** Every type suffix known here (C, C++, Java, Kotlin, C#, Rust, JavaScript BigInt, C23): the default. */
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

/**
 * A literal as scanned: its extent and the offsets of its digit runs (separators still in).
 * Nothing is sliced or parsed until {@link finish}, so counting literals beyond a list's
 * limit allocates next to nothing.
 */
interface RawLiteral {
  readonly start: number;
  readonly end: number;
  readonly kind: NumberLiteral['kind'];
  readonly intS: number;
  readonly intE: number;
  readonly fracS: number;
  readonly fracE: number;
  readonly expS: number;
  readonly expE: number;
  readonly expNegative: boolean;
  /** The value of a `word` literal. */
  readonly special: number;
}

function raw(start: number, end: number, kind: NumberLiteral['kind'], intS: number, intE: number, fracS = 0, fracE = 0, expS = 0, expE = 0, expNegative = false, special = NaN): RawLiteral {
  return { start, end, kind, intS, intE, fracS, fracE, expS, expE, expNegative, special };
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

/**
 * True when a literal may start at `i` given what precedes it: not inside a word, not after `#`,
 * not after a dot that follows a word or digit (`v4.40.0`, `python3.10`, `t.0`).
 */
function mayStartNumber(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (p === C_HASH) return false;
  if (p === C_DOT) return !(i >= 2 && isIdentChar(text, i - 2) && !endsAnsiSequence(text, i - 2));
  return !isIdentChar(text, i - 1) || endsAnsiSequence(text, i - 1);
}


/** Whether `text[i]` is the final letter of an ANSI colour/style sequence `ESC [ 0-9;… letter`. */
function endsAnsiSequence(text: string, i: number): boolean {
  if (!isLetter(text.charCodeAt(i))) return false;
  let k = i - 1;
  while (k >= 0 && i - k <= 24) {
    const c = text.charCodeAt(k);
    if (c === C_LBRACKET) return k > 0 && text.charCodeAt(k - 1) === C_ESC;
    if (!isDigit(c) && c !== C_SEMICOLON) return false;
    k--;
  }
  return false;
}

/** After an ESC at `i`: the offset past its `[ 0-9;… letter` sequence, or `i + 1`. */
function skipAnsiSequence(text: string, i: number, end: number): number {
  if (i + 1 >= end || text.charCodeAt(i + 1) !== C_LBRACKET) return i + 1;
  let k = i + 2;
  while (k < end && k - i <= 24 && (isDigit(text.charCodeAt(k)) || text.charCodeAt(k) === C_SEMICOLON)) k++;
  return k < end && isLetter(text.charCodeAt(k)) ? k + 1 : i + 1;
}

function isBinaryDigit(c: number): boolean {
  return c === C_0 || c === C_0 + 1;
}
function isOctalDigit(c: number): boolean {
  return c >= C_0 && c <= C_0 + 7;
}

/**
 * Skips digits (as `ok` accepts them) with separators (`_`, and `'` when allowed) between
 * digits; returns the offset after them.
 */
function readDigits(text: string, i: number, end: number, ok: (c: number) => boolean, apos: boolean): number {
  const start = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (ok(c)) i++;
    else if ((c === C_UNDERSCORE || (apos && c === C_APOS)) && i > start && i + 1 < end && ok(text.charCodeAt(i + 1))) i += 2;
    else break;
  }
  return i;
}

/** The digits of `text[s, e)` without separators (`_`, `'`, and the `,` of a quoted grouped number). */
function digitsIn(text: string, s: number, e: number): string {
  let out = '';
  let from = s;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === C_UNDERSCORE || c === C_APOS || c === C_COMMA) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === s ? text.slice(s, e) : out + text.slice(from, e);
}

/**
 * Reads an optional type suffix at `i` (with Rust's optional `_` before it). Returns the offset
 * after it, or -1 when word characters follow the number that are not a known suffix.
 */
function readSuffix(text: string, i: number, end: number, integer: boolean, o: Required<LiteralOptions>): number {
  if (i >= end) return i;
  // Fortran kind parameters: `1.0_dp`, `2_8`, `1.0_real64`.
  if (o.kindSuffixes && text.charCodeAt(i) === C_UNDERSCORE && i + 1 < end && isIdentChar(text, i + 1)) return skipIdent(text, i + 1, end);
  let j = i;
  if (text.charCodeAt(j) === C_UNDERSCORE && j + 1 < end && isLetter(text.charCodeAt(j + 1))) j++;
  if (!isIdentChar(text, j)) return j === i ? i : -1;
  const wordEnd = skipIdent(text, j, end);
  if (wordEnd - j > 5) return -1;
  let word = '';
  for (let k = j; k < wordEnd; k++) word += String.fromCharCode(lower(text.charCodeAt(k)));
  if (!o.suffixes.has(word)) return -1;
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
    if (words && wordEnd - i <= 8 && wordEnd - i >= 3 && (i === 0 || text.charCodeAt(i - 1) !== C_DOT || numericQualifierBefore(text, i - 1))) {
      const w = text.slice(i, wordEnd).toLowerCase();
      if (w === 'nan' || w === 'inf' || w === 'infinity') {
        return { end: wordEnd, literal: raw(i, wordEnd, 'word', i, wordEnd, 0, 0, 0, 0, false, w === 'nan' ? NaN : Infinity) };
      }
    }
    return { end: wordEnd };
  }
  return { end: i + 1 };
}

/** Modules and types whose `.nan` / `.inf` / `.NaN` / `.Infinity` are the special values. */
const NUMERIC_QUALIFIERS: ReadonlySet<string> = new Set(['np', 'numpy', 'math', 'torch', 'jnp', 'tf', 'cp', 'cupy', 'mx', 'Number', 'Double', 'Float', 'double', 'float']);

/** Whether the word before the `.` at `dot` is one of {@link NUMERIC_QUALIFIERS} (`np.inf`, not `self.nan`). */
function numericQualifierBefore(text: string, dot: number): boolean {
  let q = dot;
  while (q > 0 && dot - q < 8 && isIdentChar(text, q - 1)) q--;
  if (q > 0 && isIdentChar(text, q - 1)) return false;
  return NUMERIC_QUALIFIERS.has(text.slice(q, dot));
}

/** A `.5` may start a number only after something that cannot end an operand. */
function mayStartLeadingDot(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (p === C_DOT || p === 41 /* ) */ || p === 93 /* ] */ || p === 125 /* } */ || p === C_HASH) return false;
  return !isIdentChar(text, i - 1) || endsAnsiSequence(text, i - 1);
}

function scanNumber(text: string, start: number, end: number, o: Required<LiteralOptions>): Token {
  const c0 = text.charCodeAt(start);
  const c1 = start + 1 < end ? lower(text.charCodeAt(start + 1)) : 0;
  if (c0 === C_0 && (c1 === 120 /* x */ || c1 === 98 /* b */ || c1 === 111 /* o */)) {
    return c1 === 120 ? scanHex(text, start, end, o) : scanBinOct(text, start, end, c1 === 98 ? 2 : 8, o);
  }
  const intE = readDigits(text, start, end, isDigit, o.apostropheSeparators);
  let i = intE;
  let fracS = i;
  let fracE = i;
  let hasDot = false;
  if (i < end && text.charCodeAt(i) === C_DOT) {
    const n = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    if (isDigit(n)) {
      fracS = i + 1;
      fracE = readDigits(text, fracS, end, isDigit, o.apostropheSeparators);
      i = fracE;
      hasDot = true;
    } else if (intE > start && n !== C_DOT && dotEndsNumber(text, i, end, o)) {
      // `3.`, `1.e5`, `1.f`; not `3..5` (a range) nor `3.real` (a member).
      i += 1;
      fracS = fracE = i;
      hasDot = true;
    }
  }
  let expS = i;
  let expE = i;
  let expNegative = false;
  if (startsExponent(text, i, end, o.exponentLetters)) {
    let j = i + 1;
    const s = text.charCodeAt(j);
    if (s === C_PLUS || isMinus(s)) {
      expNegative = s !== C_PLUS;
      j++;
    }
    expS = j;
    expE = readDigits(text, j, end, isDigit, false);
    i = expE;
  }
  const isInteger = !hasDot && expE === expS;
  const suffixEnd = readSuffix(text, i, end, isInteger, o);
  if (suffixEnd < 0) return { end: skipJunk(text, i, end) };
  if (followedByDottedDigits(text, suffixEnd, end)) return { end: skipJunk(text, suffixEnd, end) };
  if (isInteger && o.leadingZeroOctal && c0 === C_0 && intE - start > 1 && allOctal(text, start + 1, intE)) {
    return { end: suffixEnd, literal: raw(start, suffixEnd, 'octal', start + 1, intE) };
  }
  return { end: suffixEnd, literal: raw(start, suffixEnd, 'decimal', start, intE, fracS, fracE, expS, expE, expNegative) };
}

/** After digits, whether the `.` at `dot` belongs to the number: not before a member name. */
function dotEndsNumber(text: string, dot: number, end: number, o: Required<LiteralOptions>): boolean {
  const next = dot + 1;
  if (next >= end || !isIdentChar(text, next)) return true;
  if (startsExponent(text, next, end, o.exponentLetters)) return true;
  return readSuffix(text, next, end, false, o) > next;
}

/** `e`/`E` (or one of `letters`, lower case) followed by an optionally signed digit (`+`, `-`, `−`). */
function startsExponent(text: string, i: number, end: number, letters: string): boolean {
  if (i >= end) return false;
  const c = lower(text.charCodeAt(i));
  if (c !== 101 /* e */ && (c > 127 || !letters.includes(String.fromCharCode(c)))) return false;
  let j = i + 1;
  if (j < end && (text.charCodeAt(j) === C_PLUS || isMinus(text.charCodeAt(j)))) j++;
  return j < end && isDigit(text.charCodeAt(j));
}

function allOctal(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (!isOctalDigit(c) && c !== C_APOS && c !== C_UNDERSCORE) return false;
  }
  return true;
}

function hasNonZeroDigit(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c > C_0 && c <= C_9) return true;
  }
  return false;
}

/** Significant digits beyond which the rest only matters as a sticky bit (see parseDecimal). */
const KEEP_DECIMAL_DIGITS = 780;

/**
 * The double nearest to int.frac × 10^exp. Short literals go to `Number()` (correctly rounded).
 * Long ones keep their first 780 significant digits and a sticky nonzero digit for the rest:
 * a halfway point between two doubles has at most 767 significant digits, so the rounding is
 * the same, and a 100,000-digit literal costs no more than a short one.
 */
function parseDecimal(text: string, r: RawLiteral): { value: number; note?: LiteralNote } {
  const nonZero = hasNonZeroDigit(text, r.intS, r.intE) || hasNonZeroDigit(text, r.fracS, r.fracE);
  const exp = digitsIn(text, r.expS, r.expE);
  let value: number;
  if (r.intE - r.intS + r.fracE - r.fracS <= KEEP_DECIMAL_DIGITS) {
    const intDigits = digitsIn(text, r.intS, r.intE);
    const frac = digitsIn(text, r.fracS, r.fracE);
    const mantissa = (intDigits === '' ? '0' : intDigits) + (frac === '' ? '' : `.${frac}`);
    value = Number(exp === '' ? mantissa : `${mantissa}e${r.expNegative ? '-' : ''}${exp}`);
  } else if (!nonZero) {
    value = 0;
  } else {
    // One pass over the digit runs: the first KEEP significant digits, a sticky digit for the
    // rest, and the decimal exponent of the first significant digit.
    let sig = '';
    let sticky = false;
    let seen = false;
    let point = 0; // significant integer digits, minus leading zeros of the fraction
    let kept = 0;
    const take = (s: number, e: number, integer: boolean): void => {
      for (let k = s; k < e; k++) {
        const c = text.charCodeAt(k);
        if (c < C_0 || c > C_9) continue; // separators
        if (!seen) {
          if (c === C_0) {
            if (!integer) point--;
            continue;
          }
          seen = true;
        }
        if (integer) point++;
        if (kept < KEEP_DECIMAL_DIGITS) {
          sig += text.charAt(k);
          kept++;
        } else if (c !== C_0) {
          sticky = true;
          if (!integer) return;
        }
      }
    };
    take(r.intS, r.intE, true);
    take(r.fracS, r.fracE, false);
    const e10 = (exp === '' ? 0 : exponentValue(exp) * (r.expNegative ? -1 : 1)) + point;
    value = Number(`0.${sig}${sticky ? '1' : ''}e${e10}`);
  }
  if (value === Infinity) return { value, note: 'overflow' };
  if (value === 0 && nonZero) return { value, note: 'underflow' };
  return { value };
}

function scanBinOct(text: string, start: number, end: number, base: 2 | 8, o: Required<LiteralOptions>): Token {
  const intS = start + 2;
  const intE = readDigits(text, intS, end, base === 2 ? isBinaryDigit : isOctalDigit, false);
  if (intE === intS) return { end: skipJunk(text, intE, end) };
  const suffixEnd = readSuffix(text, intE, end, true, o);
  if (suffixEnd < 0 || followedByDottedDigits(text, suffixEnd, end)) return { end: skipJunk(text, Math.max(intE, suffixEnd), end) };
  return { end: suffixEnd, literal: raw(start, suffixEnd, base === 2 ? 'binary' : 'octal', intS, intE) };
}

/**
 * Digit counts (leading zeros dropped) at which an integer of the base certainly exceeds the
 * largest double: n digits are at least base^(n−1), and 2^1024 is beyond every double.
 * Binary 2^1024 needs 1025 digits, octal 8^342 = 2^1026 needs 343 (8^341 = 2^1023 is finite),
 * hexadecimal 16^256 = 2^1024 needs 257.
 */
const MAX_INTEGER_DIGITS = { 2: 1025, 8: 343, 16: 257 } as const;

function parseInteger(digits: string, base: 2 | 8 | 16): { value: number; note?: LiteralNote } {
  let k = 0;
  while (k < digits.length - 1 && digits.charCodeAt(k) === C_0) k++;
  const d = digits.slice(k);
  if (d.length >= MAX_INTEGER_DIGITS[base]) return { value: Infinity, note: 'overflow' };
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  // BigInt → Number rounds to nearest, ties to even.
  const value = Number(BigInt(prefix + d));
  return value === Infinity ? { value, note: 'overflow' } : { value };
}

function scanHex(text: string, start: number, end: number, o: Required<LiteralOptions>): Token {
  const intS = start + 2;
  const intE = readDigits(text, intS, end, isHexDigit, o.apostropheSeparators);
  let i = intE;
  let fracS = i;
  let fracE = i;
  let isFloat = false;
  if (i < end && text.charCodeAt(i) === C_DOT && o.hexFloats) {
    fracS = i + 1;
    fracE = readDigits(text, fracS, end, isHexDigit, o.apostropheSeparators);
    i = fracE;
    isFloat = true;
  }
  if (intE === intS && fracE === fracS) return { end: skipJunk(text, i, end) };
  let expS = i;
  let expE = i;
  let expNegative = false;
  if (o.hexFloats && i < end && lower(text.charCodeAt(i)) === 112 /* p */) {
    let j = i + 1;
    const s = j < end ? text.charCodeAt(j) : 0;
    if (s === C_PLUS || isMinus(s)) {
      expNegative = s !== C_PLUS;
      j++;
    }
    if (j < end && isDigit(text.charCodeAt(j))) {
      expS = j;
      expE = readDigits(text, j, end, isDigit, false);
      i = expE;
      isFloat = true;
    }
  }
  // A hexadecimal float needs its binary exponent (C, C++, Java, Go all require the `p`).
  if (isFloat && expE === expS) return { end: skipJunk(text, i, end) };
  const suffixEnd = readSuffix(text, i, end, !isFloat, o);
  if (suffixEnd < 0 || followedByDottedDigits(text, suffixEnd, end)) return { end: skipJunk(text, Math.max(i, suffixEnd), end) };
  return { end: suffixEnd, literal: raw(start, suffixEnd, isFloat ? 'hexFloat' : 'hex', intS, intE, fracS, fracE, expS, expE, expNegative) };
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
 * Whether the minus at `minus` (just before a literal) is unary: at the start of the text, after
 * white space (it touches the digits: `[ 0.5 -0.5]`, `loss -0.25`, `1\t-2`, a column of values),
 * after an operator, an opening bracket, a separator, a quote or a keyword such as `return`; not
 * right after an operand (`a-2`, `f(x)-2`, `2-2`) and not as the second of `--` (decrement).
 */
function minusIsUnary(text: string, minus: number): boolean {
  if (minus > 0 && isMinus(text.charCodeAt(minus - 1))) return false;
  if (minus === 0 || isSpace(text.charCodeAt(minus - 1))) return true;
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

function parseRaw(text: string, r: RawLiteral): { value: number; note?: LiteralNote } {
  switch (r.kind) {
    case 'decimal':
      return parseDecimal(text, r);
    case 'hex':
      return parseInteger(digitsIn(text, r.intS, r.intE), 16);
    case 'binary':
      return parseInteger(digitsIn(text, r.intS, r.intE), 2);
    case 'octal':
      return parseInteger(digitsIn(text, r.intS, r.intE), 8);
    case 'hexFloat':
      return parseHexFloat(digitsIn(text, r.intS, r.intE), digitsIn(text, r.fracS, r.fracE), exponentValue(digitsIn(text, r.expS, r.expE)) * (r.expNegative ? -1 : 1));
    case 'word':
      return { value: r.special };
  }
}

/** Most characters of a qualifier (`np.`, `math.`, `torch.`) before a special-value word. */
const MAX_QUALIFIER = 16;

function finish(text: string, lit: RawLiteral): NumberLiteral {
  let start = lit.start;
  const { value: magnitude, note } = parseRaw(text, lit);
  let value = magnitude;
  // `-np.inf`: for a word, the minus may stand before its qualifier.
  let signAt = start;
  if (lit.kind === 'word') {
    let q = start;
    while (q > 0 && start - q < MAX_QUALIFIER && (text.charCodeAt(q - 1) === C_DOT || isIdentChar(text, q - 1))) q--;
    if (q < start && text.charCodeAt(start - 1) === C_DOT) signAt = q;
  }
  if (signAt > 0 && isMinus(text.charCodeAt(signAt - 1)) && minusIsUnary(text, signAt - 1)) {
    start = signAt - 1;
    value = -magnitude;
  }
  const literal = { start, end: lit.end, text: text.slice(start, lit.end), value, kind: lit.kind };
  return note === undefined ? literal : { ...literal, note };
}

function fullOptions(options: LiteralOptions | undefined): Required<LiteralOptions> {
  return {
    hexFloats: options?.hexFloats ?? true,
    apostropheSeparators: options?.apostropheSeparators ?? false,
    leadingZeroOctal: options?.leadingZeroOctal ?? false,
    suffixes: options?.suffixes ?? SUFFIXES,
    exponentLetters: (options?.exponentLetters ?? 'd').toLowerCase(),
    kindSuffixes: options?.kindSuffixes ?? false,
  };
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
  if (c !== C_PLUS && !isMinus(c)) return false;
  if (i < 2) return false;
  const e = lower(text.charCodeAt(i - 1));
  if (e !== 101 && e !== 100 && e !== 102 && e !== 112) return false;
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
  const grouped = groupedAround(line, anchor);
  if (grouped !== undefined) return finish(line, grouped);
  const atRun = (i: number): boolean => i >= 0 && i < n && (isRunChar(line, i, o.apostropheSeparators) || isExponentSign(line, i));
  if (!atRun(anchor)) {
    const c = anchor < n ? line.charCodeAt(anchor) : 0;
    if (isMinus(c) && anchor + 1 < n && (isDigit(line.charCodeAt(anchor + 1)) || line.charCodeAt(anchor + 1) === C_DOT)) anchor += 1;
    else if (atRun(anchor - 1)) anchor -= 1;
    else return undefined;
  }
  let s = anchor;
  while (s > 0 && atRun(s - 1) && !endsAnsiSequence(line, s - 1)) s--;
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

/** Characters from the opening quote to the closing one that a grouped number may span. */
const MAX_GROUPED = 48;

/**
 * A number with thousands separators that fills a double-quoted field, as spreadsheets export
 * CSV: `"1,234.5"`, `"-1,000"` (the sign is read by {@link finish}). `quote` is the opening
 * quote. Only 1–3 digits then groups of exactly 3, an optional fraction, then the closing quote.
 */
function quotedGroupedNumber(text: string, quote: number, end: number): RawLiteral | undefined {
  let i = quote + 1;
  if (i < end && isMinus(text.charCodeAt(i))) i++;
  const s = i;
  while (i < end && i - s < 4 && isDigit(text.charCodeAt(i))) i++;
  if (i === s || i - s > 3) return undefined;
  let groups = 0;
  while (i + 3 < end && i - quote < MAX_GROUPED && text.charCodeAt(i) === C_COMMA && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) {
    i += 4;
    groups++;
  }
  if (groups === 0 || (i < end && isDigit(text.charCodeAt(i)))) return undefined;
  const intE = i;
  let fracS = i;
  let fracE = i;
  if (i + 1 < end && text.charCodeAt(i) === C_DOT && isDigit(text.charCodeAt(i + 1))) {
    fracS = i + 1;
    fracE = fracS;
    while (fracE < end && fracE - quote < MAX_GROUPED && isDigit(text.charCodeAt(fracE))) fracE++;
    i = fracE;
  }
  if (i >= end || text.charCodeAt(i) !== C_QUOTE) return undefined;
  return raw(s, i, 'decimal', s, intE, fracS, fracE, i, i);
}

/** The quoted grouped number (`"1,234.5"`) that covers offset `at` (its quotes included), if any. */
function groupedAround(line: string, at: number): RawLiteral | undefined {
  let q = Math.min(at, line.length - 1);
  // On the closing quote: look back from the last digit.
  if (q > 0 && line.charCodeAt(q) === C_QUOTE && isDigit(line.charCodeAt(q - 1))) q--;
  while (q >= 0 && at - q < MAX_GROUPED) {
    const c = line.charCodeAt(q);
    if (c === C_QUOTE) break;
    if (!isDigit(c) && c !== C_COMMA && c !== C_DOT && !isMinus(c)) return undefined;
    q--;
  }
  if (q < 0 || line.charCodeAt(q) !== C_QUOTE) return undefined;
  const r = quotedGroupedNumber(line, q, line.length);
  return r !== undefined && at <= r.end ? r : undefined;
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
    if (c === C_ESC) {
      i = skipAnsiSequence(text, i, end);
      continue;
    }
    if (c === C_QUOTE) {
      const grouped = quotedGroupedNumber(text, i, end);
      if (grouped !== undefined) {
        total++;
        if (literals.length < limit) literals.push(finish(text, grouped));
        i = grouped.end + 1;
        continue;
      }
    }
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

/**
 * Whether text looks like binary data rather than writing: among its first 4,096 characters,
 * more than 1 % (and at least 4) are control characters other than tab, newline, carriage
 * return, form feed and the ESC of an ANSI colour sequence, or U+FFFD (what undecodable bytes
 * become).
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === C_ESC && i + 1 < n && text.charCodeAt(i + 1) === C_LBRACKET) continue; // an ANSI colour sequence
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || c === 0x7f) bad++;
  }
  return bad >= 4 && bad * 100 > n;
}
