/**
 * Key points of an activation function on an interval: local extrema (sign changes of f′) and
 * inflection points (sign changes of f″), found numerically from the registry's f, f′, f″ so that
 * they follow any parameter values. Pure: no vscode, no DOM.
 */
import type { Activation, KeyPointKind, Params } from './types';

export interface FoundPoint {
  readonly kind: KeyPointKind;
  /** Where f′ (extrema) or f″ (inflections) changes sign, to within a few ulps of x. */
  readonly x: number;
  readonly f: number;
  readonly df: number;
  readonly d2f: number;
}

export interface KeyPointOptions {
  /**
   * Grid cells scanned for sign changes (default 4096). Two sign changes closer together than
   * one cell, (max − min)/cells, cancel out and are not seen.
   */
  readonly cells?: number;
}

type Scalar = (x: number) => number;

/**
 * The x in (a, b) where `g` changes sign, by bisection on a bracket with g(a)·g(b) < 0.
 * Bisection rather than Newton: it needs no derivative of `g`, cannot leave the bracket, and
 * also converges onto a jump (a kink of f, where f′ changes sign without passing through 0).
 * A bracket around 0 is split at 0 first, and one spanning more than a binade at its geometric
 * mean, so a root at or near 0 is reached in a few dozen steps instead of ~1000 halvings.
 * Ends on adjacent doubles and returns the end where |g| is smaller.
 */
export function bisectSignChange(g: Scalar, a: number, b: number, ga = g(a)): number {
  let lo = a;
  let hi = b;
  let glo = ga;
  for (let i = 0; i < 2200; i++) {
    let mid: number;
    if (lo < 0 && hi > 0) mid = 0;
    else if (lo > 0 && hi > 2 * lo) mid = Math.sqrt(lo) * Math.sqrt(hi);
    else if (hi < 0 && lo < 2 * hi) mid = -Math.sqrt(-lo) * Math.sqrt(-hi);
    else mid = lo + (hi - lo) / 2;
    if (!(mid > lo && mid < hi)) break;
    const gm = g(mid);
    if (gm === 0) return mid;
    if (Number.isNaN(gm)) break;
    if (gm < 0 === glo < 0) {
      lo = mid;
      glo = gm;
    } else {
      hi = mid;
    }
  }
  return Math.abs(g(lo)) <= Math.abs(g(hi)) ? lo : hi;
}

/**
 * Every x in [min, max] where `g` changes sign: sampled on a uniform grid of `cells` cells, each
 * strict sign change refined by {@link bisectSignChange}. A value that is exactly 0 at one grid
 * point with opposite signs around it counts as a root there; a run of two or more zeros is a
 * flat stretch (ReLU's f′ left of 0, an underflowed tail), not a point, and is skipped.
 * Returns roots ascending, each with the direction of the change.
 */
export function signChanges(g: Scalar, min: number, max: number, cells = 4096): { x: number; rising: boolean }[] {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) return [];
  const n = Math.max(2, Math.min(1 << 20, Math.floor(cells)));
  const xs = new Float64Array(n + 1);
  const gs = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const x = i === n ? max : min + ((max - min) * i) / n;
    xs[i] = x;
    gs[i] = g(x);
  }
  return signChangesOnGrid(g, xs, gs);
}

/**
 * {@link signChanges} on samples already taken: `gs[i]` = g(`xs[i]`), `xs` ascending (a plot's
 * grid, whose f′ and f″ the host has computed anyway). `g` refines each bracket.
 */
export function signChangesOnGrid(g: Scalar, xs: Float64Array, gs: Float64Array): { x: number; rising: boolean }[] {
  const roots: { x: number; rising: boolean }[] = [];
  const n = Math.min(xs.length, gs.length) - 1;
  if (n < 1) return roots;
  let prevX = xs[0] as number;
  let prevG = gs[0] as number;
  // The last non-zero value before a run of zeros, and where the run began.
  let zeroRunStart = prevG === 0 ? 0 : -1;
  let beforeRunG = NaN;
  for (let i = 1; i <= n; i++) {
    const x = xs[i] as number;
    const gx = gs[i] as number;
    if (Number.isNaN(gx)) {
      prevX = x;
      prevG = gx;
      zeroRunStart = -1;
      continue;
    }
    if (gx === 0) {
      if (zeroRunStart < 0) {
        zeroRunStart = i;
        beforeRunG = prevG;
      }
    } else if (zeroRunStart >= 0) {
      const runLength = i - zeroRunStart;
      if (runLength === 1 && zeroRunStart > 0 && beforeRunG !== 0 && !Number.isNaN(beforeRunG) && beforeRunG < 0 !== gx < 0) {
        // g vanishes at this grid point; where the stretch it vanishes on holds 0, the root is 0.
        const before = xs[zeroRunStart - 1] as number;
        const root = before < 0 && x > 0 && g(0) === 0 ? 0 : (xs[zeroRunStart] as number);
        roots.push({ x: root, rising: gx > 0 });
      }
      zeroRunStart = -1;
    } else if (prevG !== 0 && !Number.isNaN(prevG) && prevG < 0 !== gx < 0) {
      roots.push({ x: bisectSignChange(g, prevX, x, prevG), rising: gx > 0 });
    }
    prevX = x;
    prevG = gx;
  }
  return roots;
}

/**
 * Local minima and maxima (where f′ changes sign) and inflection points (where f″ changes sign)
 * of `fn` with parameters `p` on [min, max], ascending in x within each kind, extrema first.
 *
 * Exact GELU: minimum at x ≈ −0.751791524693564, f ≈ −0.169971377; inflections at ±√2.
 * Points on a kink count when the derivative's sign flips across it (Leaky ReLU with a negative
 * slope has its minimum at 0). Accuracy: the root of the derivative as computed by the core,
 * to about one ulp of x where the derivative crosses zero with a non-zero slope.
 */
export function findKeyPoints(fn: Activation, p: Params | undefined, min: number, max: number, options: KeyPointOptions = {}): FoundPoint[] {
  const cells = options.cells ?? 4096;
  const df: Scalar = (x) => fn.df(x, p);
  const d2f: Scalar = (x) => fn.d2f(x, p);
  const at = (kind: KeyPointKind, x: number): FoundPoint => ({ kind, x, f: fn.f(x, p), df: fn.df(x, p), d2f: fn.d2f(x, p) });
  const extrema = signChanges(df, min, max, cells).map((r) => at(r.rising ? 'minimum' : 'maximum', r.x));
  const inflections = signChanges(d2f, min, max, cells).map((r) => at('inflection', r.x));
  return [...extrema, ...inflections];
}

/**
 * {@link findKeyPoints} on a grid already sampled: `df[i]` = f′(`xs[i]`), `d2f[i]` = f″(`xs[i]`).
 * Saves evaluating the derivatives twice when the plot shows them.
 */
export function findKeyPointsOnGrid(fn: Activation, p: Params | undefined, xs: Float64Array, df: Float64Array, d2f: Float64Array): FoundPoint[] {
  const at = (kind: KeyPointKind, x: number): FoundPoint => ({ kind, x, f: fn.f(x, p), df: fn.df(x, p), d2f: fn.d2f(x, p) });
  const extrema = signChangesOnGrid((x) => fn.df(x, p), xs, df).map((r) => at(r.rising ? 'minimum' : 'maximum', r.x));
  const inflections = signChangesOnGrid((x) => fn.d2f(x, p), xs, d2f).map((r) => at('inflection', r.x));
  return [...extrema, ...inflections];
}
