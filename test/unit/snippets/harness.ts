/**
 * Support for the tests that run generated code: the shared reference points, the comparison
 * with src/core in ulps, and running toolchains.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { activations } from '../../../src/core';
import { type FunctionId } from '../../../src/core/types';
// The ids with a snippet algorithm (every registry id since issue 12's snippets).
import { ALGORITHM_IDS as FUNCTION_IDS } from '../../../src/snippets/algorithms';
import { unaryReferenceLines } from '../../support/reference';
import { REPO } from '../../support/repo';

export { REPO };

export interface RefPoint {
  readonly x: number;
  /** The reference strings (30 digits, or "0", "-0", "inf"); absent for sweep points. */
  readonly y?: string;
  readonly dy?: string;
}

let cache: Map<FunctionId, RefPoint[]> | undefined;

/**
 * The points of each function used to run snippets: every finite x with |x| ≤ 50 whose
 * value and derivative do not overflow (about 250 a function).
 */
export function referencePoints(): Map<FunctionId, RefPoint[]> {
  if (cache) return cache;
  const out = new Map<FunctionId, RefPoint[]>();
  const registry = new Set<string>(FUNCTION_IDS);
  for (const row of unaryReferenceLines()) {
    if (!registry.has(row.fn)) continue;
    const x = Number(row.x);
    if (!Number.isFinite(x) || Math.abs(x) > 50) continue;
    if (/inf/.test(row.y) || /inf/.test(row.dy)) continue;
    let list = out.get(row.fn as FunctionId);
    if (!list) out.set(row.fn as FunctionId, (list = []));
    list.push({ x, y: row.y, dy: row.dy });
  }
  cache = out;
  return out;
}

/** Points a function of the sweep: half dense over [−40, 40], half log-uniform in |x|. */
export const SWEEP_POINTS = 5000;

/**
 * The dense sweep (issue 10 §4): {@link SWEEP_POINTS} points a function, the same for every
 * function and run (a fixed-seed generator), half uniform over [−40, 40] and half with |x|
 * log-uniform over [2^-30, 2^9] and either sign.
 */
export function sweepPoints(): Map<FunctionId, RefPoint[]> {
  let state = 0x9e3779b9;
  const next = (): number => {
    // xorshift32: deterministic, no dependency.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const xs: RefPoint[] = [];
  for (let i = 0; i < SWEEP_POINTS / 2; i++) xs.push({ x: -40 + 80 * next() });
  for (let i = 0; i < SWEEP_POINTS / 2; i++) xs.push({ x: (next() < 0.5 ? -1 : 1) * 2 ** (-30 + 39 * next()) });
  const out = new Map<FunctionId, RefPoint[]>();
  for (const id of FUNCTION_IDS) out.set(id, xs);
  return out;
}

/** The reference points followed by the sweep points, for one program run per target. */
export function referenceAndSweepPoints(): Map<FunctionId, RefPoint[]> {
  const ref = referencePoints();
  const sweep = sweepPoints();
  const out = new Map<FunctionId, RefPoint[]>();
  for (const id of FUNCTION_IDS) out.set(id, [...(ref.get(id) ?? []), ...(sweep.get(id) ?? [])]);
  return out;
}

/** ulp of v in the precision (never below the smallest subnormal). */
export function ulpOf(v: number, precision: 'double' | 'float'): number {
  const a = Math.abs(v);
  const [mant, minExp, tiny] = precision === 'double' ? [52, -1022, 2 ** -1074] : [23, -126, 2 ** -149];
  if (a === 0 || !Number.isFinite(a)) return tiny;
  const e = Math.max(Math.floor(Math.log2(a)), minExp);
  // log2 can be off by one next to powers of two.
  let u = 2 ** (e - mant);
  if (a < 2 ** e) u /= 2;
  else if (a >= 2 ** (e + 1)) u *= 2;
  return Math.max(u, tiny);
}

export interface Tolerance {
  /** Allowed error in ulps of the expected value. */
  readonly ulps: number;
  /**
   * For derivatives: an absolute error this small also passes near a root, where the value is
   * a difference of terms of order 1. The roots lie in |x| < 2, so this applies for |x| ≤ 3
   * only (in the tails the terms are as small as the value), except where {@link rootRegion}
   * says otherwise.
   */
  readonly absNearRoot?: number;
}

/** |x| up to which {@link Tolerance.absNearRoot} applies. */
export const ROOT_REGION = 3;

/**
 * |x| up to which {@link Tolerance.absNearRoot} applies to `id`: {@link ROOT_REGION}, but
 * everywhere for Snake, whose f′ = 1 + sin(2αx) has a double root every π/α and is a sum of
 * terms of order 1 at every x.
 */
export function rootRegion(id: FunctionId): number {
  return id === 'snake' ? Infinity : ROOT_REGION;
}

export const DOUBLE_TOL: Tolerance = { ulps: 4, absNearRoot: 2 ** -53 };
export const FLOAT_TOL: Tolerance = { ulps: 4, absNearRoot: 2 ** -24 };

export interface Mismatch {
  readonly id: FunctionId;
  readonly order: 0 | 1;
  readonly x: number;
  readonly got: number;
  readonly expected: number;
  readonly ulps: number;
}

/**
 * An absolute error this small always passes: it comes from an exp or erfc that underflowed
 * into the subnormal range (rounded to one subnormal step) and was then multiplied by a factor,
 * x/2 for GELU, up to x·t′ ≈ 2100 for the tanh form's derivative near x = −21. It matters only
 * for results below about 1e-305 (double) or 1e-35 (float), where 4 ulps are smaller than this.
 */
export const ABS_FLOOR_UNITS = 4096;

/**
 * The error of `got` against `expected` in ulps of `expected`, with two allowances: near a
 * root of a derivative the absolute error counts ({@link Tolerance.absNearRoot}), and absolute
 * errors below {@link ABS_FLOOR_UNITS} subnormal steps pass.
 */
export function check(got: number, expected: number, x: number, order: 0 | 1, precision: 'double' | 'float', tol: Tolerance, region = ROOT_REGION): { ok: boolean; ulps: number; exempt?: boolean } {
  if (Number.isNaN(expected)) return { ok: Number.isNaN(got), ulps: Number.isNaN(got) ? 0 : Infinity };
  if (!Number.isFinite(expected)) return { ok: got === expected, ulps: got === expected ? 0 : Infinity };
  if (!Number.isFinite(got)) return { ok: false, ulps: Infinity };
  const err = Math.abs(got - expected);
  const ulps = err / ulpOf(expected, precision);
  if (ulps <= tol.ulps) return { ok: true, ulps };
  if (order === 1 && tol.absNearRoot !== undefined && Math.abs(x) <= region && err <= tol.absNearRoot) return { ok: true, ulps, exempt: true };
  const tiny = precision === 'double' ? 2 ** -1074 : 2 ** -149;
  if (err <= ABS_FLOOR_UNITS * tiny) return { ok: true, ulps, exempt: true };
  return { ok: false, ulps };
}

/** The core's f and f′ at x (default parameters), rounded to float for float targets. */
export function coreValues(id: FunctionId, x: number, precision: 'double' | 'float'): [number, number] {
  const a = activations[id];
  if (precision === 'double') return [a.f(x), a.df(x)];
  const x32 = Math.fround(x);
  return [Math.fround(a.f(x32)), Math.fround(a.df(x32))];
}

/** The reference value as a double (its 30 digits rounded once). */
export function refValue(s: string): number {
  return s === '-0' ? -0 : Number(s);
}

export interface Summary {
  readonly mismatches: Mismatch[];
  /** Largest error in ulps against the core, per function and order. */
  readonly maxVsCore: Map<string, number>;
  /** Where {@link maxVsCore} occurs. */
  readonly worstAt: Map<string, number>;
  /** Largest error in ulps against the reference (rounded to double), for the report. */
  readonly maxVsReference: Map<string, number>;
  readonly compared: number;
}

/**
 * Compares the values printed by a program (`f df` per input, in input order) with src/core.
 * `xs` are the inputs as the program received them.
 */
export function compareWithCore(id: FunctionId, points: readonly RefPoint[], got: readonly [number, number][], precision: 'double' | 'float', tol: Tolerance, summary: Summary): void {
  if (got.length !== points.length) throw new Error(`${id}: expected ${points.length} results, got ${got.length}`);
  points.forEach((p, i) => {
    const [gf, gd] = got[i] as [number, number];
    const x = precision === 'float' ? Math.fround(p.x) : p.x;
    const [cf, cd] = coreValues(id, p.x, precision);
    for (const [order, g, c, r] of [
      [0, gf, cf, p.y],
      [1, gd, cd, p.dy],
    ] as const) {
      const res = check(g, c, x, order, precision, tol, rootRegion(id));
      const key = `${id}${order === 1 ? "'" : ''}`;
      // The maxima leave out the points that pass by an allowance (near roots, subnormal results).
      if ((res.exempt !== true || !res.ok) && res.ulps > (summary.maxVsCore.get(key) ?? -1)) {
        summary.maxVsCore.set(key, res.ulps);
        summary.worstAt.set(key, x);
      }
      if (precision === 'double' && r !== undefined) {
        const vr = check(g, refValue(r), x, order, precision, tol, rootRegion(id));
        if (vr.exempt !== true || !vr.ok) summary.maxVsReference.set(key, Math.max(summary.maxVsReference.get(key) ?? 0, vr.ulps));
      }
      if (!res.ok) summary.mismatches.push({ id, order, x, got: g, expected: c, ulps: res.ulps });
    }
  });
}

export function newSummary(): Summary {
  return { mismatches: [], maxVsCore: new Map(), worstAt: new Map(), maxVsReference: new Map(), compared: 0 };
}

/** A readable report of the worst mismatches. */
export function describe(summary: Summary, limit = 12): string {
  const worst = [...summary.mismatches].sort((a, b) => b.ulps - a.ulps).slice(0, limit);
  return worst.map((m) => `${m.id}${m.order === 1 ? "'" : ''}(${m.x}) = ${m.got}, core ${m.expected} (${m.ulps.toFixed(1)} ulp)`).join('\n');
}

/** Parses one printed number (C, Fortran and others spell infinities and NaN differently). */
export function parseNumber(s: string): number {
  const t = s.trim().toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan/.test(t)) return NaN;
  const v = Number(t.replace(/d/, 'e'));
  if (Number.isNaN(v)) throw new Error(`not a number: ${JSON.stringify(s)}`);
  return v;
}

/** Parses `f df` lines. */
export function parsePairs(stdout: string): [number, number][] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const [a, b] = l.split(/\s+/);
      return [parseNumber(a as string), parseNumber(b as string)];
    });
}

/** Whether a command exists on PATH (and answers `--version`-like probes). */
export function has(command: string, args: readonly string[] = ['--version']): boolean {
  const r = spawnSync(command, args, { stdio: 'ignore', timeout: 20000 });
  return r.status === 0;
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

/** Runs a command with input on stdin; rejects on a non-zero exit with its stderr. */
export function run(command: string, args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ stdout, stderr, code });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(0, 4000)}\n${stdout.slice(0, 2000)}`));
    });
    // A command that exits without reading its input (gcc -fsyntax-only on a file) closes the pipe
    // first; its exit status, not the EPIPE, is the result.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

const created: string[] = [];
process.on('exit', () => {
  if (process.env.GELU_KEEP) return;
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test process exits (kept with GELU_KEEP=1). */
export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gelu-snippets-${name}-`));
  created.push(dir);
  return dir;
}

/** C99 hexadecimal floating literal of a double (exact; subnormals as 0x0.…p-1022), for drivers that must read x bit for bit. */
export function hexFloat(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0x0p+0' : '0x0p+0';
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const sign = bits >> 63n ? '-' : '';
  const e = Number((bits >> 52n) & 0x7ffn);
  const m = bits & ((1n << 52n) - 1n);
  if (e === 0) return `${sign}0x0.${m.toString(16).padStart(13, '0')}p-1022`;
  return `${sign}0x1.${m.toString(16).padStart(13, '0')}p${e - 1023 >= 0 ? '+' : ''}${e - 1023}`;
}
