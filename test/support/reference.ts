/**
 * The shared reference values (../shared/reference/*.jsonl, 120-digit arithmetic, 30 digits
 * kept) and exact error measurement against them, as the reference README defines it:
 *
 *     ulp(r) = 2^(⌊log₂|r|⌋ − 52), never below 2^−1074;   err = |y − r| / ulp(r)
 *
 * The error is computed exactly (BigInt rationals), with all 30 digits of r, not with Number(r).
 *
 * Where: `GELU_REFERENCE_DIR` (a folder of *.jsonl files), else `../shared/reference` beside the
 * repository, else beside the working directory. `GELU_REFERENCE` names one file that replaces
 * activations.jsonl (a denser file of the same format, say). When no folder is found, the tests
 * that need it skip with {@link REFERENCE_MISSING}; the rest of the unit run goes on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './repo';

/** A line of a one-variable file (activations.jsonl, activations-added.jsonl). */
export interface ReferenceLine {
  readonly fn: string;
  readonly x: string;
  readonly y: string;
  readonly dy: string;
  readonly d2y: string;
}

/** A line of a two-variable file (gated.jsonl): out = act(g)·u and its partial derivatives. */
export interface GatedReferenceLine {
  readonly fn: string;
  readonly g: string;
  readonly u: string;
  readonly y: string;
  readonly dy_dg: string;
  readonly dy_du: string;
}

export type ReferenceFile =
  | { readonly name: string; readonly path: string; readonly kind: 'unary'; readonly lines: readonly ReferenceLine[] }
  | { readonly name: string; readonly path: string; readonly kind: 'gated'; readonly lines: readonly GatedReferenceLine[] };

/** Candidate folders, in order. */
export function referenceDirCandidates(): string[] {
  const env = process.env['GELU_REFERENCE_DIR'];
  const list = env !== undefined && env !== '' ? [path.resolve(env)] : [];
  list.push(path.resolve(REPO, '../shared/reference'), path.resolve(process.cwd(), '../shared/reference'));
  return list;
}

/** The reference folder, or undefined when none of the candidates holds a *.jsonl file. */
export function referenceDir(): string | undefined {
  return referenceDirCandidates().find((d) => fs.existsSync(d) && fs.readdirSync(d).some((f) => f.endsWith('.jsonl')));
}

/** What a test that needs the reference says when it skips. */
export const REFERENCE_MISSING = `reference values not found (set GELU_REFERENCE_DIR to the folder of *.jsonl files; looked in ${referenceDirCandidates().join(', ')}): skipped`;

/**
 * For a mocha `before` hook: skips the suite, saying why, when the reference is absent.
 * Usage: `before(function () { skipWithoutReference(this); … })`.
 */
export function skipWithoutReference(context: Mocha.Context): void {
  if (referenceDir() !== undefined) return;
  console.log(`      ${REFERENCE_MISSING}`);
  context.skip();
}

const UNARY_KEYS = ['fn', 'x', 'y', 'dy', 'd2y'] as const;
const GATED_KEYS = ['fn', 'g', 'u', 'y', 'dy_dg', 'dy_du'] as const;

function hasStrings(v: unknown, keys: readonly string[]): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return keys.every((k) => typeof o[k] === 'string');
}

function readLines(file: string): unknown[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON: ${l.slice(0, 120)}`);
      }
    });
}

/** Every line of a one-variable reference file, validated. */
export function loadReference(file: string): ReferenceLine[] {
  return readLines(file).map((v, i) => {
    if (!hasStrings(v, UNARY_KEYS)) throw new Error(`${file}:${i + 1}: not a one-variable reference line`);
    return v as ReferenceLine;
  });
}

let cache: ReferenceFile[] | undefined;

/**
 * Every reference file of the folder (empty when there is none), each line validated against
 * its kind, which the first line decides (`x`: one-variable, `g` and `u`: gated).
 */
export function referenceFiles(): readonly ReferenceFile[] {
  if (cache !== undefined) return cache;
  const dir = referenceDir();
  const out: ReferenceFile[] = [];
  if (dir !== undefined) {
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      const override = process.env['GELU_REFERENCE'];
      const file = name === 'activations.jsonl' && override !== undefined && override !== '' ? path.resolve(override) : path.join(dir, name);
      const lines = readLines(file);
      if (hasStrings(lines[0], GATED_KEYS)) {
        const gated = lines.map((v, i) => {
          if (!hasStrings(v, GATED_KEYS)) throw new Error(`${file}:${i + 1}: not a gated reference line`);
          return v as GatedReferenceLine;
        });
        out.push({ name, path: file, kind: 'gated', lines: gated });
      } else {
        out.push({ name, path: file, kind: 'unary', lines: loadReference(file) });
      }
    }
  }
  cache = out;
  return out;
}

/** The one-variable lines of every reference file (activations.jsonl, activations-added.jsonl…). */
export function unaryReferenceLines(): ReferenceLine[] {
  return referenceFiles().flatMap((f) => (f.kind === 'unary' ? f.lines : []));
}

/** The lines of the one-variable reference file `name`, or undefined when the folder lacks it. */
export function unaryReference(name: string): readonly ReferenceLine[] | undefined {
  const file = referenceFiles().find((f) => f.name === name);
  return file?.kind === 'unary' ? file.lines : undefined;
}

/** The lines of the gated reference file `name`, or undefined when the folder lacks it. */
export function gatedReference(name = 'gated.jsonl'): readonly GatedReferenceLine[] | undefined {
  const file = referenceFiles().find((f) => f.name === name);
  return file?.kind === 'gated' ? file.lines : undefined;
}

/** An exact rational ±n·10^p10·2^p2 (n ≥ 0). */
export interface Exact {
  readonly neg: boolean;
  readonly n: bigint;
  readonly p10: number;
  readonly p2: number;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a finite decimal string exactly. */
export function parseDecimal(s: string): Exact {
  const m = DECIMAL.exec(s.trim());
  if (m === null) throw new Error(`Not a decimal number: ${s}`);
  const frac = m[3] ?? '';
  return { neg: m[1] === '-', n: BigInt((m[2] ?? '0') + frac), p10: Number(m[4] ?? '0') - frac.length, p2: 0 };
}

const view = new DataView(new ArrayBuffer(8));

/** A finite double exactly. */
export function exactDouble(y: number): Exact {
  view.setFloat64(0, y);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const be = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  if (be === 0) return { neg, n: frac, p10: 0, p2: -1074 };
  return { neg, n: frac | (1n << 52n), p10: 0, p2: be - 1075 };
}

/** |a − b|·2^q as a double (six significant digits are plenty for an error). */
function scaledDistance(a: Exact, b: Exact, q: number): number {
  // Bring both to integers: multiply by 2^s2·10^s10.
  const s2 = Math.max(0, -(a.p2 + q), -(b.p2 + q));
  const s10 = Math.max(0, -a.p10, -b.p10);
  const int = (e: Exact): bigint => {
    const v = e.n * 2n ** BigInt(e.p2 + q + s2) * 10n ** BigInt(e.p10 + s10);
    return e.neg ? -v : v;
  };
  let d = int(a) - int(b);
  if (d < 0n) d = -d;
  const den = 2n ** BigInt(s2) * 10n ** BigInt(s10);
  const SCALE = 1_000_000n;
  return Number((d * SCALE) / den) / 1e6;
}

/** ⌊log₂|r|⌋ for a non-zero exact r. */
function floorLog2(r: Exact): number {
  let e = r.n.toString(2).length - 1 + r.p2 + Math.floor(r.p10 * Math.log2(10));
  while (compareWithPow2(r, e) < 0) e -= 1;
  while (compareWithPow2(r, e + 1) >= 0) e += 1;
  return e;
}

/** Sign of |r| − 2^k. */
function compareWithPow2(r: Exact, k: number): number {
  const s2 = Math.max(0, -r.p2, -k);
  const s10 = Math.max(0, -r.p10);
  const lhs = r.n * 2n ** BigInt(r.p2 + s2) * 10n ** BigInt(r.p10 + s10);
  const rhs = 2n ** BigInt(k + s2) * 10n ** BigInt(s10);
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

export interface Measured {
  /** Error in ulps of the reference (README metric); Infinity for a wrong special value. */
  readonly ulps: number;
  /** |y − r| in units of 2^−53 (for the near-root rule); Infinity where meaningless. */
  readonly abs53: number;
  /** Whether the README's rule for "0"/"-0"/"inf" references applies and is met. */
  readonly special: 'ok' | 'bad' | 'none';
}

/** The product of two exact rationals. */
export function times(a: Exact, b: Exact): Exact {
  return { neg: a.neg !== b.neg, n: a.n * b.n, p10: a.p10 + b.p10, p2: a.p2 + b.p2 };
}

/** Measures the computed y against the reference string r (the README's rules). */
export function measure(y: number, r: string): Measured {
  if (r === '0' || r === '-0') {
    const ok = Math.abs(y) <= 2 ** -1074;
    return { ulps: ok ? 0 : Infinity, abs53: ok ? 0 : Infinity, special: ok ? 'ok' : 'bad' };
  }
  if (r === 'inf' || r === '-inf') {
    const ok = y === (r === 'inf' ? Infinity : -Infinity);
    return { ulps: ok ? 0 : Infinity, abs53: ok ? 0 : Infinity, special: ok ? 'ok' : 'bad' };
  }
  return measureExact(y, parseDecimal(r));
}

/** Measures the computed y against an exact non-zero value. */
export function measureExact(y: number, re: Exact): Measured {
  if (!Number.isFinite(y)) return { ulps: Infinity, abs53: Infinity, special: 'none' };
  const ulpExp = Math.max(floorLog2(re) - 52, -1074);
  const ye = exactDouble(y);
  return { ulps: scaledDistance(ye, re, -ulpExp), abs53: scaledDistance(ye, re, 53), special: 'none' };
}
