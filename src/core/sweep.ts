/**
 * Sweeps of an implementation over every finite value of a narrow format (a stratified sample
 * for float32 and float64), and the tolerance advisor for comparing two implementations.
 */
import { activations } from './activations';
import { implementations, type ImplementationId, type Mode } from './implementations';
import { FORMAT_INFO, floorLog2, roundToFormat, ulpIn, type Format } from './precision';
import type { FunctionId } from './types';

/** What an implementation is measured against: its own function, or exact GELU. */
export type Reference = 'own' | 'gelu';

export interface SweepResult {
  /** Number of inputs. */
  readonly count: number;
  /** Largest |y − r|/ulp(r) in the format's ulps, r the correctly rounded true value, over finite outputs. */
  readonly maxUlp: number;
  /** The input where maxUlp occurs (first on ties); NaN when no output is finite. */
  readonly argMax: number;
  /** Mean of |y − r|/ulp(r) over finite outputs. */
  readonly meanUlp: number;
  /** Outputs that are NaN. */
  readonly nan: number;
  /** Outputs that are ±∞ where the true value rounds to something else. */
  readonly inf: number;
  /** Outputs that are ±0 where the true value rounds to a non-zero value. */
  readonly zeroWhereNonzero: number;
  /** Non-zero outputs whose sign differs from the true value's. */
  readonly wrongSign: number;
}

/** Exponent and fraction widths of the formats that sweeps enumerate exhaustively. */
const ENUMERABLE: Partial<Record<Format, { e: number; m: number; bias: number }>> = {
  bfloat16: { e: 8, m: 7, bias: 127 },
  float16: { e: 5, m: 10, bias: 15 },
  float8_e4m3fn: { e: 4, m: 3, bias: 7 },
  float8_e5m2: { e: 5, m: 2, bias: 15 },
};

/**
 * The value of bit pattern `bits` of a 16- or 8-bit format (NaN for the NaN patterns, ±∞ for the
 * infinities of formats that have them).
 */
export function decode(bits: number, format: 'bfloat16' | 'float16' | 'float8_e4m3fn' | 'float8_e5m2'): number {
  const { e: eBits, m: mBits, bias } = ENUMERABLE[format]!;
  const sign = (bits >>> (eBits + mBits)) & 1 ? -1 : 1;
  const ef = (bits >>> mBits) & ((1 << eBits) - 1);
  const mf = bits & ((1 << mBits) - 1);
  const eMax = (1 << eBits) - 1;
  if (format === 'float8_e4m3fn') {
    if (ef === eMax && mf === (1 << mBits) - 1) return NaN;
  } else if (ef === eMax) {
    return mf === 0 ? sign * Infinity : NaN;
  }
  if (ef === 0) return sign * mf * 2 ** (1 - bias - mBits);
  return sign * (1 + mf / 2 ** mBits) * 2 ** (ef - bias);
}

/** xorshift32, deterministic so sweeps are reproducible. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** Inputs per sign and exponent of the stratified float32 / float64 samples. */
const PER_STRATUM: Readonly<Record<'float32' | 'float64', number>> = { float32: 1961, float64: 245 };

/**
 * The input set of a sweep: every finite value of bfloat16, float16 and the FP8 formats (both
 * zeros included), in bit-pattern order; for float32 and float64 a stratified sample of at least
 * 10⁶: for each sign and each binary exponent (the subnormals as one more stratum) the same
 * number of significands drawn uniformly (xorshift32, fixed seed). Cached per format.
 */
export function sweepInputs(format: Format): Float64Array {
  const cached = INPUTS.get(format);
  if (cached !== undefined) return cached;
  let xs: Float64Array;
  if (format === 'float32' || format === 'float64') {
    const info = FORMAT_INFO[format];
    const fracBits = info.precision - 1;
    const eLo = info.emin;
    const eHi = floorLog2(info.max);
    const per = PER_STRATUM[format];
    const strata = (eHi - eLo + 2) * 2;
    xs = new Float64Array(strata * per);
    const next = xorshift(0x2545f491);
    const frac = (): number =>
      fracBits <= 32 ? next() % 2 ** fracBits : (next() % 2 ** (fracBits - 32)) * 2 ** 32 + next();
    let i = 0;
    for (const sign of [1, -1]) {
      for (let k = 0; k < per; k++) xs[i++] = sign * frac() * 2 ** (eLo - fracBits);
      for (let e = eLo; e <= eHi; e++) {
        for (let k = 0; k < per; k++) xs[i++] = sign * (1 + frac() / 2 ** fracBits) * 2 ** e;
      }
    }
  } else {
    const spec = ENUMERABLE[format]!;
    const total = 2 ** (1 + spec.e + spec.m);
    const all: number[] = [];
    for (let b = 0; b < total; b++) {
      const v = decode(b, format);
      if (Number.isFinite(v)) all.push(v);
    }
    xs = Float64Array.from(all);
  }
  INPUTS.set(format, xs);
  return xs;
}
const INPUTS = new Map<Format, Float64Array>();

const TRUE_VALUES = new Map<string, Float64Array>();
const KEPT_TRUE_VALUES = 8;

/** The true values of registry function `fn` (default parameters) at the sweep inputs, correctly rounded to `format`. Cached. */
function roundedTrueValues(fn: FunctionId, format: Format): Float64Array {
  const key = `${fn}/${format}`;
  let r = TRUE_VALUES.get(key);
  if (r === undefined) {
    const xs = sweepInputs(format);
    r = activations[fn].batch(xs, 0);
    for (let i = 0; i < r.length; i++) r[i] = roundToFormat(r[i]!, format);
    TRUE_VALUES.set(key, r);
    // 8 MB each for float32/float64: keep the most recent few.
    while (TRUE_VALUES.size > KEPT_TRUE_VALUES) TRUE_VALUES.delete(TRUE_VALUES.keys().next().value as string);
  }
  return r;
}

/**
 * Sweep of implementation `id` in `format` and `mode` over {@link sweepInputs}: the error of each
 * output y in ulps of the format, |y − r|/ulp(r), against r = the true value of the
 * implementation's own function (`reference` 'own', the default) or of exact GELU ('gelu'),
 * correctly rounded to the format. Equal values (infinities included) have error 0; NaN and
 * infinite outputs are counted, not measured.
 */
export function sweep(id: ImplementationId, format: Format, mode: Mode, reference: Reference = 'own'): SweepResult {
  const impl = implementations[id];
  const xs = sweepInputs(format);
  const ref = roundedTrueValues(reference === 'gelu' ? 'gelu' : impl.fn, format);
  let maxUlp = 0;
  let argMax = NaN;
  let sum = 0;
  let measured = 0;
  let nan = 0;
  let inf = 0;
  let zeroWhereNonzero = 0;
  let wrongSign = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = impl.evaluate(x, format, mode);
    const r = ref[i]!;
    if (y === r) {
      measured++;
      if (argMax !== argMax) argMax = x;
      continue;
    }
    if (y !== y) {
      nan++;
      continue;
    }
    if (y === Infinity || y === -Infinity) {
      inf++;
      continue;
    }
    if (y === 0) zeroWhereNonzero++;
    else if ((y > 0 && r < 0) || (y < 0 && r > 0)) wrongSign++;
    if (!Number.isFinite(r)) continue;
    const u = Math.abs(y - r) / ulpIn(r, format);
    measured++;
    sum += u;
    if (u > maxUlp) {
      maxUlp = u;
      argMax = x;
    }
  }
  return { count: xs.length, maxUlp, argMax, meanUlp: measured === 0 ? NaN : sum / measured, nan, inf, zeroWhereNonzero, wrongSign };
}

/** One side of a comparison: an implementation, its storage format and its compute mode. */
export interface AdviceSide {
  readonly id: ImplementationId;
  readonly format: Format;
  readonly mode: Mode;
}

/** Inputs of the advisor: `n` points uniform in [lo, hi], or drawn from N(0, σ²). */
export type InputSet =
  | { readonly kind: 'uniform'; readonly lo: number; readonly hi: number; readonly n?: number }
  | { readonly kind: 'normal'; readonly sigma: number; readonly n?: number };

export interface AdviceRequest {
  /** The implementation under test (`actual`). */
  readonly actual: AdviceSide;
  /** The reference it is compared with (`expected`; rtol scales with |expected|). */
  readonly expected: AdviceSide;
  readonly inputs: InputSet;
}

export interface Advice {
  readonly count: number;
  /** max |a − b| over the inputs where both are finite or equal, and where. */
  readonly maxAbs: number;
  readonly maxAbsAt: number;
  /** max |a − b|/|b| over the inputs with b ≠ 0. */
  readonly maxRel: number;
  readonly maxRelAt: number;
  /** Inputs where one side is NaN or infinite and the other differs: no tolerance covers them. */
  readonly mismatchedNonFinite: number;
  /** The smallest grid pair with |a − b| ≤ atol + rtol·|b| everywhere; undefined when none works. */
  readonly atol: number | undefined;
  readonly rtol: number | undefined;
  /** One-line provenance comment for the generated assertions. */
  readonly provenance: string;
  readonly assertions: { readonly torch: string; readonly numpy: string; readonly jax: string };
}

/** 0, then 1, 2 and 5 × 10^d for d = `from` … −1, then 1 (written as decimal literals, so `2e-3` reads back exactly). */
function grid(from: number): number[] {
  const out = [0];
  for (let d = from; d < 0; d++) for (const m of [1, 2, 5]) out.push(Number(`${m}e${d}`));
  out.push(1);
  return out;
}

/** The tolerance grids: 0, 1·2·5 steps from 10⁻⁸ (atol) or 10⁻⁷ (rtol), up to 1. */
export const ATOL_GRID: readonly number[] = grid(-8);
export const RTOL_GRID: readonly number[] = grid(-7);

/** Default number of advisor inputs. */
const ADVICE_POINTS = 100_000;

function adviceInputs(set: InputSet): Float64Array {
  const n = Math.max(1, Math.min(10_000_000, Math.floor(set.n ?? ADVICE_POINTS)));
  const xs = new Float64Array(n);
  const next = xorshift(0x9e3779b9);
  const u = (): number => (next() + 0.5) / 4294967296;
  if (set.kind === 'uniform') {
    for (let i = 0; i < n; i++) xs[i] = set.lo + (set.hi - set.lo) * u();
  } else {
    for (let i = 0; i < n; i++) xs[i] = set.sigma * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  }
  return xs;
}

/** The narrower of two formats (fewer significand bits; then the smaller range). */
function narrower(a: Format, b: Format): Format {
  const fa = FORMAT_INFO[a];
  const fb = FORMAT_INFO[b];
  if (fa.precision !== fb.precision) return fa.precision < fb.precision ? a : b;
  return fa.max <= fb.max ? a : b;
}

function describe(side: AdviceSide): string {
  return `${side.id} ${side.format} ${side.mode}`;
}

/**
 * Tolerance advisor: both implementations on the same inputs (drawn as `inputs` says, then rounded
 * to the narrower of the two formats, as one tensor fed to both would be), the largest absolute and
 * relative differences, and the pair (atol, rtol) from {@link ATOL_GRID} × {@link RTOL_GRID} with
 * the smallest sum of grid positions (ties: the smaller atol) for which
 * |actual − expected| ≤ atol + rtol·|expected| holds at every input — the test of
 * torch.testing.assert_close, numpy.testing.assert_allclose and jnp.allclose. Equal non-finite
 * values pass; any other NaN or infinity makes every pair fail (atol, rtol undefined).
 * @throws {RangeError} for an empty or non-finite input range or σ ≤ 0.
 */
export function advise(req: AdviceRequest): Advice {
  const set = req.inputs;
  if (set.kind === 'uniform' && !(Number.isFinite(set.lo) && Number.isFinite(set.hi) && set.lo < set.hi)) {
    throw new RangeError('The input range needs finite bounds with lo < hi.');
  }
  if (set.kind === 'normal' && !(Number.isFinite(set.sigma) && set.sigma > 0)) throw new RangeError('σ must be a positive number.');
  const inFormat = narrower(req.actual.format, req.expected.format);
  const xs = adviceInputs(set);
  const a = implementations[req.actual.id];
  const b = implementations[req.expected.id];
  const diffs = new Float64Array(xs.length);
  const mags = new Float64Array(xs.length);
  let maxAbs = 0;
  let maxAbsAt = NaN;
  let maxRel = 0;
  let maxRelAt = NaN;
  let mismatched = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = roundToFormat(xs[i]!, inFormat);
    xs[i] = x;
    const ya = a.evaluate(x, req.actual.format, req.actual.mode);
    const yb = b.evaluate(x, req.expected.format, req.expected.mode);
    if (ya === yb || (ya !== ya && yb !== yb)) continue;
    const d = Math.abs(ya - yb);
    if (!Number.isFinite(d)) {
      mismatched++;
      continue;
    }
    diffs[i] = d;
    mags[i] = Math.abs(yb);
    if (d > maxAbs) {
      maxAbs = d;
      maxAbsAt = x;
    }
    if (yb !== 0 && d / Math.abs(yb) > maxRel) {
      maxRel = d / Math.abs(yb);
      maxRelAt = x;
    }
  }
  let best: { atol: number; rtol: number; score: number } | undefined;
  if (mismatched === 0) {
    for (let ri = 0; ri < RTOL_GRID.length; ri++) {
      const rtol = RTOL_GRID[ri]!;
      for (let ai = 0; ai < ATOL_GRID.length; ai++) {
        const atol = ATOL_GRID[ai]!;
        if (best !== undefined && ri + ai >= best.score) break;
        let ok = true;
        for (let i = 0; i < diffs.length && ok; i++) ok = diffs[i]! <= atol + rtol * mags[i]!;
        if (ok) {
          if (best === undefined || ri + ai < best.score || (ri + ai === best.score && atol < best.atol)) best = { atol, rtol, score: ri + ai };
          break;
        }
      }
    }
  }
  const inputsText = set.kind === 'uniform' ? `${xs.length} inputs uniform in [${set.lo}, ${set.hi}]` : `${xs.length} inputs from N(0, ${set.sigma}²)`;
  const provenance = `GELU Lab tolerance advisor: ${describe(req.actual)} vs ${describe(req.expected)}, ${inputsText} in ${inFormat}; max |a−b| = ${maxAbs.toPrecision(3)}, max rel = ${maxRel.toPrecision(3)}`;
  const atol = best?.atol;
  const rtol = best?.rtol;
  const t = (v: number | undefined): string => (v === undefined ? 'None' : String(v));
  const none = best === undefined ? ' (no grid pair holds: non-finite mismatches)' : '';
  return {
    count: xs.length,
    maxAbs,
    maxAbsAt,
    maxRel,
    maxRelAt,
    mismatchedNonFinite: mismatched,
    atol,
    rtol,
    provenance,
    assertions: {
      torch: `# ${provenance}${none}\ntorch.testing.assert_close(actual.float(), expected.float(), atol=${t(atol)}, rtol=${t(rtol)})`,
      numpy: `# ${provenance}${none}\nnp.testing.assert_allclose(np.asarray(actual, np.float64), np.asarray(expected, np.float64), rtol=${t(rtol)}, atol=${t(atol)})`,
      jax: `# ${provenance}${none}\nassert jnp.allclose(actual.astype(jnp.float32), expected.astype(jnp.float32), rtol=${t(rtol)}, atol=${t(atol)})`,
    },
  };
}
