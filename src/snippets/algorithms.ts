/**
 * The algorithm of each activation and its derivative, written once as IR and printed by
 * every target. What makes them accurate (the reason each line is there):
 *
 * - Tail-safe forms only: ½·x·erfc(−x/√2), never ½·x·(1 + erf(x/√2)); x·σ(t) with
 *   σ evaluated from e = exp(−|t|) on both sides of 0, never 1 + tanh(u) or exp(+|t|).
 * - In the deep negative tail f ≈ x·exp(t) with |t| up to ~745, so an error δ in t becomes a
 *   relative error |δ| in f. With `compensated`, t (and −x/√2, and x²) is carried as hi + lo
 *   (an exact product error via fma or Veltkamp/Dekker splitting) and exp(hi + lo) is taken
 *   as exp(hi)·(1 + lo). Constants are exact reals split into hi + lo (`exact.ts`).
 * - Both arms of every select are finite for every finite x (array targets evaluate both),
 *   and x is clamped where ±∞ would otherwise make 0·∞ = NaN.
 *
 * Targets that compute in tensor frameworks (PyTorch, TensorFlow, JAX) use the same forms
 * without compensation: their dtype is not known when the code is written.
 */
import { activations } from '../core/activations';
import { FUNCTION_IDS, type FunctionId, type Params } from '../core/types';
import { expm1DD, R as DD } from '../core/dd';
import { xielu as coreXielu } from '../core/kernelsAdded';
import { add as radd, literal, MATH, type ScalarType, mul as rmul, real, realOfDouble, scale as rscale, split, sub as rsub } from './exact';
import { Block, type Expr, type Fn, add, call, clamp, cmp, div, helper, mul, neg, num, select, sub } from './ir';

/** How erfc is available to the target. */
export type ErfcSource =
  /** The language's erfc, accurate in the tail (C/C++/CUDA libm, Go, Python math, Julia, Fortran). */
  | 'lib'
  /** SciPy: `erfc` loses accuracy for z > 1 (exp(−z²) with z² rounded), so `erfcx` there. */
  | 'scipy'
  /** No erfc in the language: the snippet carries its own (W. J. Cody's approximations). */
  | 'helper'
  /** R: pnorm(x) = Φ(x) and dnorm(x) = φ(x) directly, both accurate in the tails. */
  | 'pnorm';

export interface AlgoEnv {
  readonly precision: ScalarType;
  /** Carry exponent arguments as hi + lo; see the module comment. */
  readonly compensated: boolean;
  /** The target has a correctly rounded fma (otherwise Veltkamp splitting). */
  readonly fma: boolean;
  readonly erfc: ErfcSource;
  /** Parameter values by key (the registry's defaults filled in). */
  readonly params: Params;
}

export interface Algorithm {
  readonly f: Fn;
  readonly df: Fn;
  /** One line per constant worth naming in the header comment. */
  readonly constants: readonly string[];
  /** How the code computes it, for the header comment. */
  readonly method: string;
  /**
   * The result is x·exp(t) in the negative tail (exact GELU and the x·σ(t) forms): the header
   * then says where compensation stops helping, or what tensor code costs there.
   */
  readonly exponentialTail?: true;
}

/** `hi + lo` for a header comment. */
/** A constant as the code's literal would read it (shortest form in the precision). */
const fmt = (v: number, p: ScalarType): string => literal(v, p).replace(/\.0$/, '');
/** `hi + lo` for a header comment. */
const hiLo = (s: { hi: number; lo: number }, p: ScalarType): string => (s.lo === 0 ? fmt(s.hi, p) : `${fmt(s.hi, p)} ${s.lo < 0 ? '−' : '+'} ${fmt(Math.abs(s.lo), p)}`);

const lit = (v: number, precision: ScalarType): Expr => num(precision === 'float' ? Math.fround(v) : v);

/** Splits a constant given as a decimal string (taken as exact) into hi + lo. */
function exactSplit(decimal: string, precision: ScalarType): { hi: number; lo: number } {
  return split(real(decimal), precision);
}

/**
 * Parameter `key` of `id` as a decimal string taken as exact (its shortest round-trip form): the
 * environment's value, or the registry default.
 */
function paramText(env: AlgoEnv, id: FunctionId, key: string): string {
  const given = env.params[key];
  if (given !== undefined) return String(given);
  const spec = activations[id].params.find((p) => p.key === key);
  if (spec === undefined) throw new Error(`${id} has no parameter ${key}`);
  return String(spec.default);
}

/** The slider label of parameter `key` of `id` (`k`, `β`), for header constants. */
function paramLabel(id: FunctionId, key: string): string {
  return activations[id].params.find((p) => p.key === key)?.label ?? key;
}

class Builder {
  readonly b = new Block();
  private explained = false;
  constructor(readonly env: AlgoEnv) {}
  c(v: number): Expr {
    return lit(v, this.env.precision);
  }
  /** The rounding error of `a·b` (= p), exactly: fma(a, b, −p), or Dekker's two-product. */
  prodErr(name: string, a: Expr, b: Expr | number, p: Expr): Expr {
    const bx = typeof b === 'number' ? this.c(b) : b;
    if (this.env.fma) return this.b.let(name, call('fma', a, bx, neg(p)));
    const splitter = this.env.precision === 'float' ? 4097 : 134217729;
    if (!this.explained) {
      this.b.comment("exact rounding error of a product without fma: Veltkamp's split into halves, Dekker's product");
      this.explained = true;
    }
    const [ah, al] = this.splitVar(`${name}_a`, a, splitter);
    let bh: Expr;
    let bl: Expr;
    if (typeof b === 'number') {
      const [h, l] = veltkamp(b, splitter, this.env.precision);
      if (l === 0) return this.b.let(name, add(sub(mul(ah, this.c(h)), p), mul(al, this.c(h))));
      bh = this.c(h);
      bl = this.c(l);
    } else if (b === a) {
      bh = ah;
      bl = al;
    } else {
      [bh, bl] = this.splitVar(`${name}_b`, b, splitter);
    }
    return this.b.let(name, add(add(add(sub(mul(ah, bh), p), mul(ah, bl)), mul(al, bh)), mul(al, bl)));
  }
  private readonly splits = new Map<string, [Expr, Expr]>();
  /** Veltkamp's split of a variable into 26-bit halves (once per variable). */
  private splitVar(base: string, a: Expr, splitter: number): [Expr, Expr] {
    const key = a.kind === 'var' ? a.name : base;
    const cached = this.splits.get(key);
    if (cached) return cached;
    const t = this.b.let(`${key}_sp`, mul(this.c(splitter), a));
    const h = this.b.let(`${key}_hi`, sub(t, sub(t, a)));
    const l = this.b.let(`${key}_lo`, sub(a, h));
    this.splits.set(key, [h, l]);
    return [h, l];
  }
  /** The rounding error of a + b = s, exactly (Knuth's two-sum). */
  sumErr(name: string, a: Expr, b: Expr, s: Expr): Expr {
    const bb = this.b.let(`${name}_v`, sub(s, a));
    return this.b.let(name, add(sub(a, sub(s, bb)), sub(b, bb)));
  }
  /** erfc(z) through the target's source (not for 'pnorm'). */
  erfc(z: Expr): Expr {
    return this.env.erfc === 'helper' ? helper('erfc', z) : call('erfc', z);
  }
  /** x clamped to [−bound, ∞) and to [−bound, bound] (NaN passes through unchanged). */
  clamp(x: Expr, bound: number, lowOnlyName = 'xa', bothName = 'xc'): { xa: Expr; xc: Expr } {
    const xa = this.b.let(lowOnlyName, clamp(x, { lo: this.c(-bound) }));
    const xc = this.b.let(bothName, clamp(x, { lo: this.c(-bound), hi: this.c(bound), below: xa }));
    return { xa, xc };
  }
}

function veltkamp(value: number, splitter: number, precision: ScalarType): [number, number] {
  const r = (v: number): number => (precision === 'float' ? Math.fround(v) : v);
  const t = r(splitter * value);
  const hi = r(t - r(t - value));
  return [hi, r(value - hi)];
}

const X: Expr = { kind: 'var', name: 'x' };

/** exp(−x²/2), with x² = s + sl exact when compensated (its rounding would be amplified x²/2 times). */
function gaussian(bd: Builder, xc: Expr): Expr {
  const b = bd.b;
  if (!bd.env.compensated) return b.let('ex', call('exp', mul(mul(bd.c(-0.5), xc), xc)));
  b.comment('φ(x)·√(2π) = exp(−x²/2) with x² = s + sl exact');
  const s = b.let('s', mul(xc, xc));
  const sl = bd.prodErr('sl', xc, xc, s);
  const g = b.let('g', call('exp', mul(bd.c(-0.5), s)));
  return b.let('ex', sub(g, mul(mul(bd.c(0.5), sl), g)));
}

/**
 * `c` = erfc(zh + zl) for a compensated argument (not for 'pnorm'): erfc(zh) minus the first-order
 * term; with SciPy, erfcx(z)·exp(−z²) with z² exact beyond z = 1 (its erfc rounds z² there).
 */
function erfcHiLo(bd: Builder, zh: Expr, zl: Expr): Expr {
  const b = bd.b;
  const twoOverSqrtPi = bd.c(exactSplit(MATH.twoOverSqrtPi, bd.env.precision).hi);
  if (bd.env.erfc === 'scipy') {
    b.comment('scipy.special.erfc rounds z² inside exp(−z²); for z > 1 use erfcx(z)·exp(−z²) with z² exact');
    const zq = b.let('zq', select(cmp('>', zh, bd.c(1)), zh, bd.c(1)));
    const sh = b.let('sh', mul(zq, zq));
    const sl = bd.prodErr('ql', zq, zq, sh);
    const cx = b.let('cx', call('erfcx', zq));
    const big = b.let(
      'cb',
      mul(
        mul(add(cx, mul(sub(mul(mul(bd.c(2), zq), cx), twoOverSqrtPi), zl)), call('exp', neg(sh))),
        sub(bd.c(1), add(sl, mul(mul(bd.c(2), zq), zl))),
      ),
    );
    const small = b.let('cs', sub(call('erfc', zh), mul(mul(twoOverSqrtPi, call('exp', neg(mul(zh, zh)))), zl)));
    return b.let('c', select(cmp('>', zh, bd.c(1)), big, small));
  }
  b.comment('erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order');
  return b.let('c', sub(bd.erfc(zh), mul(mul(twoOverSqrtPi, call('exp', neg(mul(zh, zh)))), zl)));
}

// ---------------------------------------------------------------------------------------------
// Exact GELU

/** ½·x·erfc(−x/√2) and Φ(x) + x·φ(x). */
function gelu(env: AlgoEnv): Algorithm {
  const p = env.precision;
  const rsqrt2 = exactSplit(MATH.rsqrt2, p);
  const invSqrt2Pi = lit(exactSplit(MATH.invSqrt2Pi, p).hi, p);
  const constants = [`1/√2 = ${env.compensated ? hiLo(rsqrt2, p) : fmt(rsqrt2.hi, p)}`];

  if (env.erfc === 'pnorm') return geluPnorm(env);

  const forward = (bd: Builder): { xa: Expr; xc: Expr; cc: Expr } => {
    const b = bd.b;
    b.comment('x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞');
    const { xa, xc } = bd.clamp(X, 40);
    if (!env.compensated) {
      const cc = b.let('c', bd.erfc(mul(xc, bd.c(-rsqrt2.hi))));
      return { xa, xc, cc };
    }
    b.comment('z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail');
    const zh = b.let('zh', mul(xc, bd.c(-rsqrt2.hi)));
    const zp = bd.prodErr('ze', xc, -rsqrt2.hi, zh);
    const zl = b.let('zl', add(zp, mul(xc, bd.c(-rsqrt2.lo))));
    return { xa, xc, cc: erfcHiLo(bd, zh, zl) };
  };

  const fb = new Builder(env);
  const fr = forward(fb);
  const f = fb.b.ret(mul(mul(fb.c(0.5), fr.xa), fr.cc));

  const db = new Builder(env);
  const dr = forward(db);
  const pdf = gaussian(db, dr.xc);
  const df = db.b.ret(add(mul(db.c(0.5), dr.cc), mul(mul(invSqrt2Pi, dr.xc), pdf)));
  return {
    f,
    df,
    constants: [...constants, `2/√π = ${fmt(exactSplit(MATH.twoOverSqrtPi, p).hi, p)}`, `1/√(2π) = ${fmt(exactSplit(MATH.invSqrt2Pi, p).hi, p)}`],
    method: env.compensated
      ? '½·x·erfc(−x/√2) with −x/√2 carried as hi + lo; f′ = Φ(x) + x·φ(x)'
      : '½·x·erfc(−x/√2) (no cancellation for x ≪ 0); f′ = Φ(x) + x·φ(x)',
  };
}

/**
 * R: x·pnorm(x) and pnorm(x) + x·dnorm(x); pnorm and dnorm split x internally, so the tails
 * are accurate. Below −37.5 pnorm returns 0 instead of a subnormal, so there Φ = exp(log Φ).
 */
function geluPnorm(env: AlgoEnv): Algorithm {
  const cdf = (bd: Builder, xc: Expr): Expr => {
    // Not from −37: exp(log Φ) amplifies the rounding of log Φ ≈ −690 some 700 times.
    bd.b.comment('pnorm(x) is 0 below −37.5193 (its result would be subnormal): exp(log Φ) there only');
    return bd.b.let('cdf', select(cmp('<', xc, bd.c(-37.5192)), call('exp', call('logPhi', xc)), call('Phi', xc)));
  };
  const fb = new Builder(env);
  fb.b.comment('the clamp keeps −∞ from making −∞·0; beyond ±40 pnorm is 0 or 1 anyway');
  const f1 = fb.clamp(X, 40);
  const f = fb.b.ret(mul(f1.xa, cdf(fb, f1.xc)));
  const db = new Builder(env);
  const { xc } = db.clamp(X, 40);
  const c = cdf(db, xc);
  // Not dnorm: below |x| = 5 it rounds x² before exp.
  const pdf = gaussian(db, xc);
  const invSqrt2Pi = db.c(exactSplit(MATH.invSqrt2Pi, env.precision).hi);
  const df = db.b.ret(add(c, mul(mul(invSqrt2Pi, xc), pdf)));
  return { f, df, constants: [`1/√(2π) = ${fmt(exactSplit(MATH.invSqrt2Pi, env.precision).hi, env.precision)}`], method: 'x·pnorm(x); f′ = pnorm(x) + x·φ(x)' };
}

// ---------------------------------------------------------------------------------------------
// x·σ(t) family: tanh approximation (t = 2u), QuickGELU (t = k·x), SiLU/Swish (t = β·x)

interface SigmoidArg {
  th: Expr;
  tl: Expr | undefined;
  xa: Expr;
  xc: Expr;
}

/** e = exp(−|t|) with t = th + tl, then the shared pieces of x·σ(t) and its derivative. */
function sigmoidParts(bd: Builder, t: SigmoidArg): { e: Expr; d1: Expr } {
  const b = bd.b;
  const ee = b.let('ee', call('exp', neg(call('abs', t.th))));
  let e = ee;
  if (t.tl) {
    b.comment('exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)');
    e = b.let('e', select(cmp('<', t.th, bd.c(0)), add(ee, mul(ee, t.tl)), sub(ee, mul(ee, t.tl))));
  }
  const d1 = b.let('d1', add(bd.c(1), e));
  return { e, d1 };
}

function sigmoidForward(bd: Builder, t: SigmoidArg): Fn {
  const { e, d1 } = sigmoidParts(bd, t);
  return bd.b.ret(select(cmp('<', t.th, bd.c(0)), div(mul(t.xa, e), d1), div(X, d1)));
}

/**
 * σ(t) + w·σ(t)σ(−t) with w = t·(dt/dx)·x-factor supplied by the caller, written as
 * q·(1 + w·p) for t < 0 and p·(1 + w·q) otherwise (p = σ(|t|), q = σ(−|t|)): fewer roundings
 * than the sum, and no cancellation away from the derivative's root.
 */
function sigmoidDerivative(bd: Builder, t: SigmoidArg, w: (bd: Builder) => Expr): Fn {
  const { e, d1 } = sigmoidParts(bd, t);
  const b = bd.b;
  b.comment('p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)');
  const pp = b.let('p', div(bd.c(1), d1));
  const q = b.let('q', div(e, d1));
  const ww = b.let('w', w(bd));
  return b.ret(select(cmp('<', t.th, bd.c(0)), mul(q, add(bd.c(1), mul(ww, pp))), mul(pp, add(bd.c(1), mul(ww, q)))));
}

function geluTanh(env: AlgoEnv): Algorithm {
  const p = env.precision;
  const cText = paramText(env, 'gelu_tanh', 'c');
  const a = rscale(real(MATH.sqrt2OverPi), 2);
  const bReal = rmul(a, real(cText));
  const A = split(a, p);
  const B = split(bReal, p);
  const B3 = split(rscale(bReal, 3), p);
  const cIsZero = real(cText).mant === 0n;

  const arg = (bd: Builder): SigmoidArg => {
    const b = bd.b;
    b.comment('beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞');
    const { xa, xc } = bd.clamp(X, 30);
    if (!env.compensated) {
      const th = cIsZero
        ? b.let('t', mul(bd.c(A.hi), xc))
        : b.let('t', mul(xc, add(bd.c(A.hi), mul(mul(bd.c(B.hi), xc), xc))));
      return { th, tl: undefined, xa, xc };
    }
    if (cIsZero) {
      b.comment('t = 2·√(2/π)·x as th + tl');
      const th = b.let('th', mul(xc, bd.c(A.hi)));
      const e1 = bd.prodErr('te', xc, A.hi, th);
      const tl = b.let('tl', add(e1, mul(xc, bd.c(A.lo))));
      return { th, tl, xa, xc };
    }
    b.comment('t = 2u = x·(A + B·x²) as th + tl, with A = 2·√(2/π), B = A·c and x² exact');
    const s = b.let('s', mul(xc, xc));
    const sl = bd.prodErr('sl', xc, xc, s);
    const m = b.let('m', mul(bd.c(B.hi), s));
    const me = bd.prodErr('me', bd.c(B.hi), s, m);
    const ml = b.let('ml', add(me, add(mul(bd.c(B.hi), sl), mul(bd.c(B.lo), s))));
    const aa = b.let('a', add(bd.c(A.hi), m));
    const ae = bd.sumErr('ae', bd.c(A.hi), m, aa);
    const al = b.let('al', add(ae, add(bd.c(A.lo), ml)));
    const th = b.let('th', mul(xc, aa));
    const te = bd.prodErr('te', xc, aa, th);
    const tl = b.let('tl', add(te, mul(xc, al)));
    return { th, tl, xa, xc };
  };
  const fb = new Builder(env);
  const f = sigmoidForward(fb, arg(fb));
  const db = new Builder(env);
  const ta = arg(db);
  const df = sigmoidDerivative(db, ta, (bd) => {
    // t′ = A + 3B·x²
    const x2 = env.compensated && !cIsZero ? { kind: 'var' as const, name: 's' } : mul(ta.xc, ta.xc);
    const dt = cIsZero ? bd.c(A.hi) : bd.b.let('dt', add(bd.c(A.hi), mul(bd.c(B3.hi), x2)));
    return mul(ta.xc, dt);
  });
  return {
    f,
    df,
    constants: [`c = ${cText}`, `2·√(2/π) = ${env.compensated ? hiLo(A, p) : fmt(A.hi, p)}`, `2·√(2/π)·c = ${env.compensated ? hiLo(B, p) : fmt(B.hi, p)}`],
    method: env.compensated
      ? 'x·σ(2u), u = √(2/π)·(x + c·x³), the same as ½·x·(1 + tanh(u)) without its cancellation; 2u carried as hi + lo'
      : 'x·σ(2u), u = √(2/π)·(x + c·x³), the same as ½·x·(1 + tanh(u)) without its cancellation',
  };
}

/** x·σ(k·x): QuickGELU (k = 1.702) and SiLU/Swish (β). */
function scaledSigmoid(env: AlgoEnv, id: 'gelu_sigmoid' | 'silu', key: string): Algorithm {
  const p = env.precision;
  const kText = paramText(env, id, key);
  const name = paramLabel(id, key);
  const kReal = real(kText);
  const K = split(kReal, p);
  const isOne = K.hi === 1 && K.lo === 0;
  const isZero = kReal.mant === 0n;
  if (isZero) {
    const fb = new Builder(env);
    const f = fb.b.ret(mul(fb.c(0.5), X));
    const db = new Builder(env);
    const df = db.b.ret(db.c(0.5));
    return { f, df, constants: [`${name} = 0`], method: 'x·σ(0) = x/2' };
  }
  // Where exp(−|k·x|) is 0 in every precision, for the clamp.
  const bound = Math.ceil(800 / K.hi);
  const arg = (bd: Builder): SigmoidArg => {
    const b = bd.b;
    b.comment(`beyond ±${bound}, σ(${isOne ? 'x' : `${name}·x`}) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞`);
    const { xa, xc } = bd.clamp(X, bound);
    if (!env.compensated) {
      const th = isOne ? xc : b.let('t', mul(bd.c(K.hi), xc));
      return { th, tl: undefined, xa, xc };
    }
    if (isOne) return { th: xc, tl: undefined, xa, xc };
    const th = b.let('th', mul(bd.c(K.hi), xc));
    if (K.lo === 0 && Math.log2(Math.abs(K.hi)) % 1 === 0) return { th, tl: undefined, xa, xc };
    b.comment(K.lo === 0 ? `t = ${name}·x as th + tl (the product's rounding error, exactly)` : `t = ${name}·x as th + tl (${name} itself is not a machine number)`);
    const te = bd.prodErr('te', xc, K.hi, th);
    const tl = K.lo === 0 ? te : b.let('tl', add(te, mul(bd.c(K.lo), xc)));
    return { th, tl, xa, xc };
  };
  const fb = new Builder(env);
  const f = sigmoidForward(fb, arg(fb));
  const db = new Builder(env);
  const ta = arg(db);
  const df = sigmoidDerivative(db, ta, () => ta.th);
  return {
    f,
    df,
    constants: [`${name} = ${kText}${env.compensated && K.lo !== 0 ? ` (= ${hiLo(K, p)})` : ''}`],
    method: isOne ? 'x·σ(x) with σ from exp(−|x|) (no overflow, no cancellation)' : `x·σ(${name}·x) with σ from exp(−|${name}·x|) (no overflow, no cancellation)${env.compensated && !isOne ? `; ${name}·x carried as hi + lo` : ''}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The other relatives

function mish(env: AlgoEnv): Algorithm {
  // tanh(softplus(x)) = n/(n + 2) with n = eˣ(eˣ + 2); in e = exp(−|x|) on each side of 0.
  const parts = (bd: Builder) => {
    const b = bd.b;
    const e = b.let('e', call('exp', neg(call('abs', X))));
    const n = b.let('n', add(bd.c(1), mul(bd.c(2), e)));
    const d = b.let('d', add(n, mul(mul(bd.c(2), e), e)));
    const nn = b.let('nn', mul(e, add(e, bd.c(2))));
    const dn = b.let('dn', add(nn, bd.c(2)));
    return { e, n, d, nn, dn };
  };
  const fb = new Builder(env);
  const xa = fb.b.let('xa', select(cmp('<', X, fb.c(-800)), fb.c(-800), X));
  const fp = parts(fb);
  const f = fb.b.ret(select(cmp('>=', X, fb.c(0)), div(mul(X, fp.n), fp.d), div(mul(xa, fp.nn), fp.dn)));

  const db = new Builder(env);
  const xc = db.clamp(X, 800).xc;
  const dp = parts(db);
  const b = db.b;
  b.comment('f′ = tanh(sp) + x·sech²(sp)·σ(x), sp = softplus(x)');
  const gp = b.let('gp', add(div(dp.n, dp.d), div(mul(mul(mul(mul(db.c(4), xc), dp.e), dp.e), add(db.c(1), dp.e)), mul(dp.d, dp.d))));
  // x < 0: [nn·dn + 4x·e(1 + e)]/dn² = e·P/dn², P = ((e + 4)·e + 6 + 4x)·e + 4(1 + x)
  const pn = db.b.let('pn', add(mul(add(mul(add(dp.e, db.c(4)), dp.e), add(db.c(6), mul(db.c(4), xc))), dp.e), mul(db.c(4), add(db.c(1), xc))));
  const gn = b.let('gn', div(mul(dp.e, pn), mul(dp.dn, dp.dn)));
  const df = b.ret(select(cmp('>=', X, db.c(0)), gp, gn));
  return {
    f,
    df,
    constants: [],
    method: 'tanh(softplus(x)) = n/(n + 2), n = eˣ(eˣ + 2), written in exp(−|x|) on each side of 0 (no overflow, no cancellation)',
  };
}

function softplus(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  const e = fb.b.let('e', call('exp', neg(call('abs', X))));
  const l = fb.b.let('l', call('log1p', e));
  const f = fb.b.ret(select(cmp('>', X, fb.c(0)), add(X, l), l));
  return { f, df: sigmoidFn(env).f, constants: [], method: 'max(x, 0) + log1p(exp(−|x|)); f′ = σ(x)' };
}

function sigmoidFn(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  const e = fb.b.let('e', call('exp', neg(call('abs', X))));
  const d1 = fb.b.let('d1', add(fb.c(1), e));
  const f = fb.b.ret(select(cmp('>=', X, fb.c(0)), div(fb.c(1), d1), div(e, d1)));
  const db = new Builder(env);
  const e2 = db.b.let('e', call('exp', neg(call('abs', X))));
  const d2 = db.b.let('d1', add(db.c(1), e2));
  const df = db.b.ret(div(e2, mul(d2, d2)));
  return { f, df, constants: [], method: 'from e = exp(−|x|): 1/(1 + e) or e/(1 + e); f′ = e/(1 + e)²' };
}

function tanhFn(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  const f = fb.b.ret(call('tanh', X));
  const db = new Builder(env);
  const e = db.b.let('e', call('exp', mul(db.c(-2), call('abs', X))));
  const d1 = db.b.let('d1', add(db.c(1), e));
  const df = db.b.ret(div(mul(db.c(4), e), mul(d1, d1)));
  return { f, df, constants: [], method: 'tanh(x); f′ = sech²(x) = 4e/(1 + e)², e = exp(−2|x|) (1 − tanh² cancels)' };
}

function elu(env: AlgoEnv): Algorithm {
  const aText = paramText(env, 'elu', 'alpha');
  const alpha = split(real(aText), env.precision).hi;
  const scaleBy = (bd: Builder, e: Expr): Expr => (alpha === 1 ? e : mul(bd.c(alpha), e));
  const fb = new Builder(env);
  // xn keeps expm1's argument ≤ 0 in both arms; the x ≤ 0 test lets NaN through as NaN.
  const xn = fb.b.let('xn', select(cmp('>', X, fb.c(0)), fb.c(0), X));
  const f = fb.b.ret(select(cmp('<=', X, fb.c(0)), scaleBy(fb, call('expm1', xn)), X));
  const db = new Builder(env);
  const xn2 = db.b.let('xn', select(cmp('>', X, db.c(0)), db.c(0), X));
  const df = db.b.ret(select(cmp('>', X, db.c(0)), db.c(1), scaleBy(db, call('exp', xn2))));
  return { f, df, constants: [`α = ${aText}`], method: 'x if x > 0, else α·expm1(x); at 0 the derivative takes the x ≤ 0 side' };
}

/** SELU's constants (Klambauer et al. 2017), to 32 digits as in the shared reference. */
const SELU_LAMBDA = '1.0507009873554804934193349852946';
const SELU_ALPHA = '1.6732632423543772848170429916717';

function selu(env: AlgoEnv): Algorithm {
  const lam = split(real(SELU_LAMBDA), env.precision).hi;
  const la = split(rmul(real(SELU_LAMBDA), real(SELU_ALPHA)), env.precision).hi;
  const fb = new Builder(env);
  const xn = fb.b.let('xn', select(cmp('>', X, fb.c(0)), fb.c(0), X));
  const f = fb.b.ret(select(cmp('<=', X, fb.c(0)), mul(fb.c(la), call('expm1', xn)), mul(fb.c(lam), X)));
  const db = new Builder(env);
  const xn2 = db.b.let('xn', select(cmp('>', X, db.c(0)), db.c(0), X));
  const df = db.b.ret(select(cmp('>', X, db.c(0)), db.c(lam), mul(db.c(la), call('exp', xn2))));
  return {
    f,
    df,
    constants: [`λ = ${SELU_LAMBDA}`, `α = ${SELU_ALPHA}`, `λ·α = ${fmt(la, env.precision)} (rounded once)`],
    method: 'λ·x if x > 0, else λα·expm1(x); at 0 the derivative takes the x ≤ 0 side',
  };
}

function relu(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  const f = fb.b.ret(select(cmp('<=', X, fb.c(0)), fb.c(0), X));
  const db = new Builder(env);
  const df = db.b.ret(select(cmp('>', X, db.c(0)), db.c(1), db.c(0)));
  return { f, df, constants: [], method: 'max(0, x); f′(0) = 0' };
}

function leakyRelu(env: AlgoEnv): Algorithm {
  const sText = paramText(env, 'leaky_relu', 'slope');
  const a = split(real(sText), env.precision).hi;
  const fb = new Builder(env);
  const f = fb.b.ret(select(cmp('>', X, fb.c(0)), X, mul(fb.c(a), X)));
  const db = new Builder(env);
  const df = db.b.ret(select(cmp('>', X, db.c(0)), db.c(1), db.c(a)));
  return { f, df, constants: [`a = ${sText}`], method: 'x if x > 0, else a·x; f′(0) = a' };
}

function relu6(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  const u = fb.b.let('u', select(cmp('>=', X, fb.c(6)), fb.c(6), X));
  const f = fb.b.ret(select(cmp('<=', X, fb.c(0)), fb.c(0), u));
  const db = new Builder(env);
  const g = db.b.let('g', select(cmp('<', X, db.c(6)), db.c(1), db.c(0)));
  const df = db.b.ret(select(cmp('>', X, db.c(0)), g, db.c(0)));
  return { f, df, constants: [], method: 'min(max(0, x), 6); f′(0) = f′(6) = 0' };
}

function hardswish(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  const u = fb.b.let('u', select(cmp('>=', X, fb.c(3)), X, div(mul(X, add(X, fb.c(3))), fb.c(6))));
  const f = fb.b.ret(select(cmp('<=', X, fb.c(-3)), fb.c(0), u));
  const db = new Builder(env);
  const g = db.b.let('g', select(cmp('>', X, db.c(3)), db.c(1), add(div(X, db.c(3)), db.c(0.5))));
  const df = db.b.ret(select(cmp('<', X, db.c(-3)), db.c(0), g));
  return { f, df, constants: [], method: 'x·relu6(x + 3)/6; f′(−3) = −½, f′(3) = 3/2 (the inner branch)' };
}

// ---------------------------------------------------------------------------------------------
// Issue 12's one-variable functions (numerics as in src/core/kernelsAdded.ts, in the target's
// own arithmetic: each form below has no cancellation and at most a few roundings)

/** The registry default (or the environment's value) of a parameter, as the target's literal. */
function paramValue(env: AlgoEnv, id: FunctionId, key: string): number {
  return split(real(paramText(env, id, key)), env.precision).hi;
}

function relu2(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  // x ≤ 0 first: NaN fails it and takes x·x (NaN); f′(0) = 0 as relu′(0).
  const f = fb.b.ret(select(cmp('<=', X, fb.c(0)), fb.c(0), mul(X, X)));
  const db = new Builder(env);
  const df = db.b.ret(select(cmp('<=', X, db.c(0)), db.c(0), mul(db.c(2), X)));
  return { f, df, constants: [], method: 'max(0, x)²; f′ = 2·max(0, x) (0 at 0)' };
}

function hardtanh(env: AlgoEnv): Algorithm {
  const lo = paramValue(env, 'hardtanh', 'min');
  const hi = paramValue(env, 'hardtanh', 'max');
  const fb = new Builder(env);
  const xa = fb.b.let('xa', clamp(X, { lo: fb.c(lo) }));
  const f = fb.b.ret(clamp(X, { lo: fb.c(lo), hi: fb.c(hi), below: xa }));
  const db = new Builder(env);
  const g = db.b.let('g', select(cmp('<', X, db.c(hi)), db.c(1), db.c(0)));
  const df = db.b.ret(select(cmp('>', X, db.c(lo)), g, db.c(0)));
  return {
    f,
    df,
    constants: [`min = ${paramText(env, 'hardtanh', 'min')}`, `max = ${paramText(env, 'hardtanh', 'max')}`],
    method: 'clamp(x, min, max); f′ = 1 strictly inside, 0 at min and max (PyTorch)',
  };
}

function hardSigmoid(env: AlgoEnv): Algorithm {
  const hText = paramText(env, 'hard_sigmoid', 'h');
  const h = paramValue(env, 'hard_sigmoid', 'h');
  const twoH = split(rscale(real(hText), 2), env.precision).hi;
  const slope = split(real(hText), env.precision).hi === 0 ? 0 : 1 / twoH;
  const fb = new Builder(env);
  const xa = fb.b.let('xa', clamp(X, { lo: fb.c(-h) }));
  const xc = fb.b.let('xc', clamp(X, { lo: fb.c(-h), hi: fb.c(h), below: xa }));
  // (x + h)/(2h): x + h is exact near −h, so the value keeps its relative accuracy near 0.
  const f = fb.b.ret(div(add(xc, fb.c(h)), fb.c(twoH)));
  const db = new Builder(env);
  const g = db.b.let('g', select(cmp('<', X, db.c(h)), db.c(slope), db.c(0)));
  const df = db.b.ret(select(cmp('>', X, db.c(-h)), g, db.c(0)));
  return {
    f,
    df,
    constants: [`h = ${hText} (3: relu6(x + 3)/6 as PyTorch, Keras 3, JAX; 2.5: clip(0.2x + 0.5, 0, 1) as Keras 2, ONNX)`],
    method: '(clamp(x, −h, h) + h)/(2h); f′ = 1/(2h) strictly inside, 0 at ±h (PyTorch)',
  };
}

function softshrink(env: AlgoEnv): Algorithm {
  const lText = paramText(env, 'softshrink', 'lambda');
  const l = paramValue(env, 'softshrink', 'lambda');
  const fb = new Builder(env);
  const s = fb.b.let('s', select(cmp('<', X, fb.c(0)), add(X, fb.c(l)), sub(X, fb.c(l))));
  // |x| ≤ λ first: NaN fails it and keeps s (NaN).
  const f = fb.b.ret(select(cmp('<=', call('abs', X), fb.c(l)), fb.c(0), s));
  const db = new Builder(env);
  const df = db.b.ret(select(cmp('>', call('abs', X), db.c(l)), db.c(1), db.c(0)));
  return { f, df, constants: [`λ = ${lText}`], method: 'x ∓ λ outside [−λ, λ], 0 inside; f′(±λ) = 0 (PyTorch)' };
}

function hardshrink(env: AlgoEnv): Algorithm {
  const lText = paramText(env, 'hardshrink', 'lambda');
  const l = paramValue(env, 'hardshrink', 'lambda');
  const fb = new Builder(env);
  const f = fb.b.ret(select(cmp('<=', call('abs', X), fb.c(l)), fb.c(0), X));
  const db = new Builder(env);
  const df = db.b.ret(select(cmp('>', call('abs', X), db.c(l)), db.c(1), db.c(0)));
  return { f, df, constants: [`λ = ${lText}`], method: 'x outside [−λ, λ], 0 inside (and at ±λ, as PyTorch)' };
}

function softsign(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  // Beyond ±1e30 the quotient is ±1 in every precision; the clamp keeps ±∞/∞ from making NaN.
  const { xc } = fb.clamp(X, 1e30);
  const d = fb.b.let('d', add(fb.c(1), call('abs', xc)));
  const f = fb.b.ret(div(xc, d));
  const db = new Builder(env);
  const dd = db.b.let('d', add(db.c(1), call('abs', X)));
  // (1/d)/d rather than 1/d²: d² would overflow for |x| > 1e154 (float: 1.8e19).
  const df = db.b.ret(div(div(db.c(1), dd), dd));
  return { f, df, constants: [], method: 'x/(1 + |x|); f′ = 1/(1 + |x|)², as (1/d)/d (no overflow)' };
}

function sparsePlus(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  const xa = fb.b.let('xa', clamp(X, { lo: fb.c(-1) }));
  const xc = fb.b.let('xc', clamp(X, { lo: fb.c(-1), hi: fb.c(1), below: xa }));
  // x + 1 is exact near −1, where the value is smallest.
  const u = fb.b.let('u', add(xc, fb.c(1)));
  const f = fb.b.ret(select(cmp('>=', X, fb.c(1)), X, mul(mul(u, u), fb.c(0.25))));
  const db = new Builder(env);
  const xa2 = db.b.let('xa', clamp(X, { lo: db.c(-1) }));
  const xc2 = db.b.let('xc', clamp(X, { lo: db.c(-1), hi: db.c(1), below: xa2 }));
  const df = db.b.ret(mul(add(xc2, db.c(1)), db.c(0.5)));
  return { f, df, constants: [], method: '0 (x ≤ −1), (x + 1)²/4, x (x ≥ 1), from x clamped to [−1, 1]; f′ = (clamp(x, −1, 1) + 1)/2' };
}

function celu(env: AlgoEnv): Algorithm {
  const aText = paramText(env, 'celu', 'alpha');
  const alpha = paramValue(env, 'celu', 'alpha');
  const isOne = alpha === 1;
  const fb = new Builder(env);
  // xn keeps expm1's argument ≤ 0 in both arms; the x ≤ 0 test lets NaN through as NaN.
  const xn = fb.b.let('xn', select(cmp('>', X, fb.c(0)), fb.c(0), X));
  const inner = isOne ? call('expm1', xn) : mul(fb.c(alpha), call('expm1', div(xn, fb.c(alpha))));
  const f = fb.b.ret(select(cmp('<=', X, fb.c(0)), inner, X));
  const db = new Builder(env);
  const xn2 = db.b.let('xn', select(cmp('>', X, db.c(0)), db.c(0), X));
  const df = db.b.ret(select(cmp('>', X, db.c(0)), db.c(1), call('exp', isOne ? xn2 : div(xn2, db.c(alpha)))));
  return { f, df, constants: [`α = ${aText}`], method: 'x if x > 0, else α·expm1(x/α); at 0 the derivative takes the x ≤ 0 side (1)' };
}

function logSigmoid(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  const e = fb.b.let('e', call('exp', neg(call('abs', X))));
  const l = fb.b.let('l', call('log1p', e));
  // −softplus(−x): x − log1p(e) for x < 0 (both terms negative: no cancellation).
  const f = fb.b.ret(select(cmp('<', X, fb.c(0)), sub(X, l), neg(l)));
  const db = new Builder(env);
  const e2 = db.b.let('e', call('exp', neg(call('abs', X))));
  const d1 = db.b.let('d1', add(db.c(1), e2));
  const df = db.b.ret(select(cmp('<', X, db.c(0)), div(db.c(1), d1), div(e2, d1)));
  return { f, df, constants: [], method: 'min(x, 0) − log1p(exp(−|x|)); f′ = σ(−x) from e = exp(−|x|)' };
}

/** Depth of Lambert's continued fraction for tanh below |x| = 2 (truncation < 2^−59 there). */
const TANHSHRINK_CF_DEPTH = 10;

function tanhshrink(env: AlgoEnv): Algorithm {
  const fb = new Builder(env);
  const b = fb.b;
  b.comment("below |x| = 2: x − tanh x = x³/(K + x²), K = 3 + x²/(5 + x²/(7 + …)) (Lambert's fraction; no cancellation)");
  const xa = b.let('xa', clamp(X, { lo: fb.c(-2) }));
  const xc = b.let('xc', clamp(X, { lo: fb.c(-2), hi: fb.c(2), below: xa }));
  const s = b.let('s', mul(xc, xc));
  let k: Expr = fb.c(2 * TANHSHRINK_CF_DEPTH + 3);
  for (let n = TANHSHRINK_CF_DEPTH; n >= 1; n--) k = add(fb.c(2 * n + 1), div(s, k));
  const kk = b.let('k', k);
  const near = b.let('near', div(mul(xc, s), add(kk, s)));
  const f = b.ret(select(cmp('<', call('abs', X), fb.c(2)), near, sub(X, call('tanh', X))));
  const db = new Builder(env);
  const t = db.b.let('t', call('tanh', X));
  const df = db.b.ret(mul(t, t));
  return { f, df, constants: [], method: "x − tanh x, from Lambert's continued fraction below |x| = 2; f′ = tanh²x (1 − sech²x cancels)" };
}

/** I-BERT's constants (Kim et al. 2021): L(z) = sgn(z)·[a·(min(|z|, −b) + b)² + 1]. */
const IBERT_A = '-0.2888';
const IBERT_B = '-1.769';

function geluIbert(env: AlgoEnv): Algorithm {
  const p = env.precision;
  const K = exactSplit(MATH.rsqrt2, p);
  const K3 = split(rscale(real(MATH.rsqrt2), 3), p);
  const B = exactSplit(IBERT_B, p);
  const halfA = split(rscale(real(IBERT_A), 0.5), p).hi;
  const twoB = split(rscale(real(IBERT_B), 2), p).hi;
  /** t = |x|/√2 + b, inside the polynomial part where t < 0; carried as th + tl when compensated. */
  const arg = (bd: Builder): Expr => {
    const b = bd.b;
    b.comment('beyond ±4 the function is x or 0; the clamp keeps t² finite');
    const { xc } = bd.clamp(X, 4);
    const ax = b.let('ax', call('abs', xc));
    if (!env.compensated) return b.let('t', add(mul(ax, bd.c(K.hi)), bd.c(B.hi)));
    b.comment('t → 0 at the kink |x| = −b·√2: |x|/√2 carried as hi + lo so that t keeps its relative accuracy');
    const ph = b.let('ph', mul(ax, bd.c(K.hi)));
    const pe = bd.prodErr('pe', ax, K.hi, ph);
    const th = b.let('th', add(ph, bd.c(B.hi)));
    return b.let('t', add(th, add(add(pe, mul(ax, bd.c(K.lo))), bd.c(B.lo))));
  };
  const fb = new Builder(env);
  const t = arg(fb);
  const q = fb.b.let('q', mul(mul(fb.c(halfA), t), t));
  const inner = fb.b.let('inner', select(cmp('>', X, fb.c(0)), add(X, mul(q, X)), neg(mul(q, X))));
  // x ≤ 0 first: NaN fails it and stays NaN.
  const outer = fb.b.let('outer', select(cmp('<=', X, fb.c(0)), fb.c(0), X));
  const f = fb.b.ret(select(cmp('<', t, fb.c(0)), inner, outer));
  const db = new Builder(env);
  const td = arg(db);
  let u: Expr;
  if (env.compensated) {
    db.b.comment('3t − 2b = 3|x|/√2 + b vanishes at the root x = b√2/3 of f′: formed as hi + lo there too');
    const ax = { kind: 'var' as const, name: 'ax' };
    const qh = db.b.let('qh', mul(ax, db.c(K3.hi)));
    const qe = db.prodErr('qe', ax, K3.hi, qh);
    const uh = db.b.let('uh', add(qh, db.c(B.hi)));
    const ue = db.sumErr('ue', qh, db.c(B.hi), uh);
    u = db.b.let('u', add(uh, add(add(ue, qe), add(mul(ax, db.c(K3.lo)), db.c(B.lo)))));
  } else {
    u = db.b.let('u', sub(mul(db.c(3), td), db.c(twoB)));
  }
  const r = db.b.let('r', mul(mul(db.c(halfA), td), u));
  const dIn = db.b.let('din', select(cmp('>', X, db.c(0)), add(db.c(1), r), neg(r)));
  const dOut = db.b.let('dout', select(cmp('>', X, db.c(0)), db.c(1), db.c(0)));
  const g = db.b.let('g', select(cmp('<', td, db.c(0)), dIn, dOut));
  // f′ jumps at 0 (from −ab²/2 to 1 + ab²/2): 1/2 there, the mean (autograd with sgn′(0) = 0).
  const df = db.b.ret(select(cmp('<=', call('abs', X), db.c(0)), db.c(0.5), g));
  return {
    f,
    df,
    constants: [`a = ${IBERT_A}`, `b = ${IBERT_B}`, `1/√2 = ${env.compensated ? hiLo(K, p) : fmt(K.hi, p)}`],
    method: '(x/2)(1 + L(x/√2)) as x + (a/2)·x·t² (x > 0) or −(a/2)·x·t² (x < 0), t = |x|/√2 + b < 0; else x or 0; f′(0) = 1/2',
  };
}

function squareplus(env: AlgoEnv): Algorithm {
  const p = env.precision;
  const bText = paramText(env, 'squareplus', 'b');
  const bv = paramValue(env, 'squareplus', 'b');
  const bQuarter = split(rscale(real(bText), 0.25), p).hi;
  const bEighth = split(rscale(real(bText), 0.125), p).hi;
  /**
   * s = √(x² + b) as |x|·w, w = √(1 + b/x²), beyond |x| = 1 (x² would overflow, in float16
   * from 256) and as s0 = √(x² + b) within; only small literals, so tensor dtypes hold them.
   */
  const parts = (bd: Builder) => {
    const b = bd.b;
    const ax = b.let('ax', call('abs', X));
    const alo = b.let('alo', clamp(ax, { hi: bd.c(1) }));
    const ahi = b.let('ahi', clamp(ax, { lo: bd.c(1) }));
    const w = b.let('w', call('sqrt', add(bd.c(1), div(div(bd.c(bv), ahi), ahi))));
    const s0 = b.let('s0', call('sqrt', add(mul(alo, alo), bd.c(bv))));
    const hs = b.let('hs', select(cmp('>', ax, bd.c(1)), mul(mul(ahi, w), bd.c(0.5)), mul(s0, bd.c(0.5))));
    const hd = b.let('hd', add(mul(ax, bd.c(0.5)), hs));
    return { alo, w, s0, hs, hd, ax };
  };
  const fb = new Builder(env);
  const fp = parts(fb);
  fb.b.comment('hd = (|x| + s)/2; x < 0: (x + s)/2 = b/(2(s − x)), the form without cancellation');
  const f = fb.b.ret(select(cmp('<', X, fb.c(0)), div(fb.c(bQuarter), fp.hd), fp.hd));
  const db = new Builder(env);
  const dp = parts(db);
  const r = db.b.let('r', select(cmp('>', dp.ax, db.c(1)), div(db.c(1), dp.w), div(dp.alo, dp.s0)));
  const g = db.b.let('g', mul(add(db.c(1), r), db.c(0.5)));
  const df = db.b.ret(select(cmp('<', X, db.c(0)), div(div(db.c(bEighth), dp.hs), dp.hd), g));
  return {
    f,
    df,
    constants: [`b = ${bText}`],
    method: '(x + √(x² + b))/2, as b/(2(√(x² + b) − x)) for x < 0; f′ = (1 + |x|/s)/2, as b/(2s(s − x)) for x < 0',
  };
}

// ---------------------------------------------------------------------------------------------
// Snake, Laplace, xIELU

function snake(env: AlgoEnv): Algorithm {
  const p = env.precision;
  const aText = paramText(env, 'snake', 'alpha');
  const eText = paramText(env, 'snake', 'eps');
  const A = split(real(aText), p);
  const isOne = A.hi === 1 && A.lo === 0;
  const withEps = real(eText).mant !== 0n;
  // α + ε (BigVGAN's ε = 1e−9), and for f′ = ε/(α + ε) + α/(α + ε)·2sin²(αx + π/4).
  const den = split(radd(real(aText), real(eText)), p).hi;
  const P = exactSplit(MATH.piOver4, p);
  // Beyond |x| = 1e21, sin²(αx)/(α + ε) ≤ 1/α ≤ 20 (α ≥ 0.05) is below half an ulp of x (2^16).
  const bound = 1e21;
  /** θ = αx, as th + tl when compensated and α is not 1. */
  const theta = (bd: Builder, xv: Expr): { th: Expr; tl?: Expr } => {
    if (isOne) return { th: xv };
    const th = bd.b.let('th', mul(bd.c(A.hi), xv));
    if (!env.compensated) return { th };
    const te = bd.prodErr('te', xv, A.hi, th);
    return { th, tl: A.lo === 0 ? te : bd.b.let('tl', add(te, mul(bd.c(A.lo), xv))) };
  };
  const fb = new Builder(env);
  fb.b.comment(`beyond ±${fmt(bound, p)} the sine term is below half an ulp of x; the clamp keeps sin(±∞) out`);
  const fx = fb.clamp(X, bound);
  const ft = theta(fb, fx.xc);
  let f: Fn;
  if (env.compensated) {
    const s = fb.b.let('s', ft.tl ? add(call('sin', ft.th), mul(ft.tl, call('cos', ft.th))) : call('sin', ft.th));
    fb.b.comment('sin² as q + qe exactly, so that x + sin²/α keeps its accuracy where x < 0 cancels part of it');
    const q = fb.b.let('q', mul(s, s));
    const qe = fb.prodErr('qe', s, s, q);
    f = den === 1 ? fb.b.ret(add(add(X, q), qe)) : fb.b.ret(add(add(X, div(q, fb.c(den))), div(qe, fb.c(den))));
  } else {
    const s = fb.b.let('s', call('sin', ft.th));
    f = fb.b.ret(add(X, den === 1 ? mul(s, s) : div(mul(s, s), fb.c(den))));
  }
  const db = new Builder(env);
  const dt = theta(db, X);
  let d: Expr;
  if (env.compensated) {
    db.b.comment('f′ = 1 + sin(2αx) = 2·sin²(αx + π/4), with αx + π/4 as uh + ul: relative accuracy at its double roots');
    const uh = db.b.let('uh', add(dt.th, db.c(P.hi)));
    const ue = db.sumErr('ue', dt.th, db.c(P.hi), uh);
    const ul = db.b.let('ul', add(ue, dt.tl ? add(dt.tl, db.c(P.lo)) : db.c(P.lo)));
    // sin(uh + ul) by the addition theorem, not to first order: beyond |αx| = 2^26, ul (up to an
    // ulp of αx) is too large for sin(ul) ≈ ul.
    const sn = db.b.let('sn', add(mul(call('sin', uh), call('cos', ul)), mul(call('cos', uh), call('sin', ul))));
    d = mul(mul(db.c(2), sn), sn);
  } else {
    db.b.comment('f′ = 1 + sin(2αx) = (sin αx + cos αx)²: no cancellation of 1 + sin near its double roots');
    const sc = db.b.let('sc', add(call('sin', dt.th), call('cos', dt.th)));
    d = mul(sc, sc);
  }
  let df: Fn;
  if (withEps) {
    const aD = Number(aText);
    const eD = Number(eText);
    const d2 = db.b.let('d2', d);
    df = db.b.ret(add(db.c(eD / (aD + eD)), mul(db.c(aD / (aD + eD)), d2)));
  } else df = db.b.ret(d);
  return {
    f,
    df,
    constants: [`α = ${aText}`, ...(withEps ? [`ε = ${eText} (BigVGAN's 1e-9)`] : []), ...(env.compensated ? [`π/4 = ${hiLo(P, p)}`] : [])],
    method: env.compensated
      ? `x + sin²(αx)/(α + ε) with sin² exact as q + qe${isOne ? '' : ' and αx as hi + lo'}; f′ = 2·sin²(αx + π/4) with αx + π/4 as hi + lo; argument reduction the library's`
      : "x + sin²(αx)/(α + ε); f′ = (sin αx + cos αx)² (= 1 + sin 2αx without its cancellation); argument reduction the library's",
  };
}

/** The quotient (dh + dl)/D as qh + ql (D an exact constant split hi + lo): one division and its exact remainder. */
function quotientHiLo(bd: Builder, dh: Expr, dl: Expr, D: { hi: number; lo: number }, name: string): { qh: Expr; ql: Expr } {
  const b = bd.b;
  const qh = b.let(`${name}h`, div(dh, bd.c(D.hi)));
  const pr = b.let(`${name}p`, mul(qh, bd.c(D.hi)));
  const pe = bd.prodErr(`${name}e`, qh, D.hi, pr);
  const ql = b.let(`${name}l`, div(sub(add(sub(sub(dh, pr), pe), dl), mul(qh, bd.c(D.lo))), bd.c(D.hi)));
  return { qh, ql };
}

function laplace(env: AlgoEnv): Algorithm {
  const p = env.precision;
  const muText = paramText(env, 'laplace', 'mu');
  const sText = paramText(env, 'laplace', 'sigma');
  const M = split(real(muText), p);
  const S = split(real(sText), p);
  const pnorm = env.erfc === 'pnorm';
  // f = Φ(z) = ½·erfc(w), z = (x − μ)/σ, w = −z/√2 = (μ − x)/(σ√2); R takes Φ(z) from pnorm.
  const W = split(rmul(real(sText), real(MATH.sqrt2)), p);
  const invSqrt2Pi = Number(MATH.invSqrt2Pi);
  // 1/(σ√(2π)), σ's decimal tail included to first order.
  const dens = (invSqrt2Pi / S.hi) * (1 - S.lo / S.hi);
  const lo = split(rsub(real(muText), rscale(real(sText), 40)), p).hi;
  const hi = split(radd(real(muText), rscale(real(sText), 40)), p).hi;
  /** The argument as ah + al (al absent in tensor code): w, or z for R. */
  const arg = (bd: Builder): { ah: Expr; al?: Expr } => {
    const b = bd.b;
    b.comment('|z| beyond 40 changes nothing (Φ is 0 or 1 there) and keeps ±∞ out of the arithmetic');
    const xa = b.let('xa', clamp(X, { lo: bd.c(lo) }));
    const xc = b.let('xc', clamp(X, { lo: bd.c(lo), hi: bd.c(hi), below: xa }));
    if (!env.compensated) return { ah: pnorm ? b.let('z', div(sub(xc, bd.c(M.hi)), bd.c(S.hi))) : b.let('w', div(sub(bd.c(M.hi), xc), bd.c(W.hi))) };
    b.comment(pnorm ? 'z = (x − μ)/σ as zh + zl, μ and σ with their decimal tails' : 'w = (μ − x)/(σ√2) as wh + wl, μ and σ√2 with their decimal tails: erfc amplifies the rounding of w ~w² times in the tail');
    const dh = b.let('dh', pnorm ? sub(xc, bd.c(M.hi)) : sub(bd.c(M.hi), xc));
    const de = pnorm ? bd.sumErr('de', xc, bd.c(-M.hi), dh) : bd.sumErr('de', bd.c(M.hi), neg(xc), dh);
    const dl = b.let('dl', add(de, bd.c(pnorm ? -M.lo : M.lo)));
    const q = quotientHiLo(bd, dh, dl, pnorm ? S : W, pnorm ? 'z' : 'w');
    return { ah: q.qh, al: q.ql };
  };
  const fb = new Builder(env);
  const fa = arg(fb);
  let f: Fn;
  if (pnorm) {
    const zh = fa.ah;
    fb.b.comment('pnorm(z) is 0 below −37.5193 (its result would be subnormal): exp(log Φ) there only');
    const cdf = fb.b.let('cdf', select(cmp('<', zh, fb.c(-37.5192)), call('exp', call('logPhi', zh)), call('Phi', zh)));
    f = fb.b.ret(fa.al ? add(cdf, mul(fa.al, call('phi', zh))) : cdf);
  } else {
    const cc = fa.al ? erfcHiLo(fb, fa.ah, fa.al) : fb.b.let('c', fb.erfc(fa.ah));
    f = fb.b.ret(mul(fb.c(0.5), cc));
  }
  const db = new Builder(env);
  const da = arg(db);
  let g: Expr;
  if (!da.al) g = db.b.let('g', call('exp', pnorm ? mul(mul(db.c(-0.5), da.ah), da.ah) : neg(mul(da.ah, da.ah))));
  else {
    const half = pnorm ? 0.5 : 1;
    db.b.comment(pnorm ? 'exp(−z²/2) with z² = s + sl exact and zl to first order' : 'exp(−w²) with w² = s + sl exact and wl to first order');
    const s = db.b.let('s', mul(da.ah, da.ah));
    const sl = db.prodErr('sl', da.ah, da.ah, s);
    const e = db.b.let('e', call('exp', half === 1 ? neg(s) : mul(db.c(-0.5), s)));
    const corr = half === 1 ? add(sl, mul(mul(db.c(2), da.ah), da.al)) : add(mul(db.c(0.5), sl), mul(da.ah, da.al));
    g = db.b.let('g', sub(e, mul(e, corr)));
  }
  const df = db.b.ret(mul(g, db.c(dens)));
  return {
    f,
    df,
    constants: [`μ = ${muText}`, `σ = ${sText}`, ...(pnorm ? [] : [`σ√2 = ${env.compensated ? hiLo(W, p) : fmt(W.hi, p)}`]), `1/(σ√(2π)) = ${fmt(roundP(dens, p), p)}`],
    method: pnorm
      ? 'pnorm(z) + zl·φ(z), z = (x − μ)/σ carried as hi + lo; f′ = φ(z)/σ'
      : env.compensated
        ? '½·erfc(w), w = (μ − x)/(σ√2) carried as hi + lo (no 1 + erf cancellation); f′ = exp(−w²)/(σ√(2π))'
        : '½·erfc((μ − x)/(σ√2)) (no 1 + erf cancellation); f′ = exp(−w²)/(σ√(2π))',
  };
}

const roundP = (v: number, p: ScalarType): number => (p === 'float' ? Math.fround(v) : v);

/** The largest number of the precision not above v: `x > floorP(v)` is `x > v` for x of the precision. */
function floorP(v: number, p: ScalarType): number {
  if (p === 'double') return v;
  const f = Math.fround(v);
  if (f <= v) return f;
  const buf = new Float32Array([f]);
  const bits = new Int32Array(buf.buffer);
  bits[0] = (bits[0] as number) + (f > 0 ? -1 : 1);
  return buf[0] as number;
}

/** Taylor coefficients 1/k! of eʰ − 1 − h = h²·Σ h^(k−2)/k!, k = 2..XIELU_TAYLOR_DEGREE (truncation < 2^−56 relative for |h| ≤ 1). */
const XIELU_TAYLOR_DEGREE = 18;
/** The same series for |x| ≤ 1/2 (truncation < 2^−60 relative). */
const XIELU_SMALL_DEGREE = 16;

/**
 * The negative root r of xIELU (f(x) = 0 with x < min(ε, −β/αₙ)) as the double nearest to it
 * by bisection on the core's f, and the expansion f(r + h) = f(r) + A·h + B·(eʰ − 1 − h) with
 * A = αₙ·expm1(r) + β (an exact decimal-free real, split hi + lo) and B = αₙ·eʳ; undefined when
 * there is no such root in the exponential branch (β = 0, or ε too close to it).
 */
function xieluRoot(texts: { aP: string; aN: string; beta: string; eps: string }, p: ScalarType): { r: number; c0: number; A: { hi: number; lo: number }; B: number; w: number } | undefined {
  const [aP, aNv, bv, eps] = [Number(texts.aP), Number(texts.aN), Number(texts.beta), Number(texts.eps)];
  if (!(bv > 0) || !(aNv > bv)) return undefined;
  const f = (x: number): number => coreXielu(x, aP, aNv, bv, eps);
  let hiX = Math.min(-bv / aNv, eps);
  let loX = -(aNv / (aNv - bv) + 2) * 2;
  if (!(f(hiX) < 0) || !(f(loX) > 0)) return undefined;
  for (let i = 0; i < 200 && loX < hiX; i++) {
    const mid = (loX + hiX) / 2;
    if (mid === loX || mid === hiX) break;
    if (f(mid) > 0) loX = mid;
    else hiX = mid;
  }
  const r = roundP(Math.abs(f(loX)) < Math.abs(f(hiX)) ? loX : hiX, p);
  // The window is [r − 1, r + w]: on the left both terms of f have one sign; on the right it
  // stops halfway to 0 (where f = βx + … is accurate again) and below ε (the exp branch).
  const w = Math.min(1, Math.abs(r) / 2, eps - r);
  expm1DD(r);
  const em = radd(realOfDouble(DD[0] as number), realOfDouble(DD[1] as number));
  const A = split(radd(rmul(real(texts.aN), em), real(texts.beta)), p);
  const B = roundP((DD[0] as number) * aNv + aNv, p);
  // f(r) itself from the exact series: near a small root (|r| ≪ 1) eʳ − 1 − r cancels beyond what
  // a double-double expm1 (the core's) keeps.
  const c0 = split(radd(rmul(real(texts.aN), expm1MinusX(r)), rmul(real(texts.beta), realOfDouble(r))), p).hi;
  return { r, c0, A, B, w };
}

function xielu(env: AlgoEnv): Algorithm {
  const p = env.precision;
  const texts = { aP: paramText(env, 'xielu', 'alphaP'), aN: paramText(env, 'xielu', 'alphaN'), beta: paramText(env, 'xielu', 'beta'), eps: paramText(env, 'xielu', 'eps') };
  const aP = split(real(texts.aP), p);
  const aN = split(real(texts.aN), p);
  const be = split(real(texts.beta), p);
  const eps = floorP(Number(texts.eps), p);
  const D = split(rsub(real(texts.beta), real(texts.aN)), p);
  const twoAP = split(rscale(real(texts.aP), 2), p);
  const root = env.compensated ? xieluRoot(texts, p) : undefined;
  const L = 1e30;

  const fb = new Builder(env);
  const b = fb.b;
  const xp = b.let('xp', clamp(X, { lo: fb.c(0) }));
  // x > 0: both terms positive, so αp's and β's decimal tails (≤ 2^−54 relative) need no carrying;
  // a tail·x term would also make ∞ − ∞ at +∞.
  const pos = mul(xp, add(mul(fb.c(aP.hi), xp), fb.c(be.hi)));
  b.comment(`x ≤ 0: x limited to [−${fmt(L, p)}, 0] (beyond, (β − αn)·x − αn; the limit keeps −∞ − −∞ out)`);
  const xma = b.let('xma', clamp(X, { lo: fb.c(-L) }));
  const xm = b.let('xm', clamp(X, { lo: fb.c(-L), hi: fb.c(0), below: xma }));
  const xn = b.let('xn', select(cmp('>', xm, fb.c(eps)), fb.c(eps), xm));
  const em = b.let('em', call('expm1', xn));
  let neg0: Expr;
  if (!env.compensated) neg0 = b.let('fm', add(mul(fb.c(aN.hi), sub(em, xm)), mul(fb.c(be.hi), xm)));
  else {
    b.comment('em − x as eh + ee: with its rounding, or below |x| = 1/2 (where it cancels) as xn²·Σ xnᵏ⁻²/k! + (xn − x)');
    const e1 = b.let('e1', sub(em, xm));
    const e1e = fb.sumErr('e1e', em, neg(xm), e1);
    const xs = b.let('xs', clamp(xn, { lo: fb.c(-0.5) }));
    const sq = b.let('sq', mul(xs, xs));
    const sqe = fb.prodErr('sqe', xs, xs, sq);
    const pz = b.let('pz', expTaylor(fb, xs, XIELU_SMALL_DEGREE));
    const e0 = b.let('e0', mul(sq, pz));
    const e0e = b.let('e0e', add(fb.prodErr('e0p', sq, pz, e0), mul(sqe, pz)));
    const eh = b.let('eh', select(cmp('<', xm, fb.c(-0.5)), e1, add(e0, sub(xn, xm))));
    const ee = b.let('ee', select(cmp('<', xm, fb.c(-0.5)), e1e, e0e));
    b.comment('αn·E + β·x with every rounding kept (two-sums and exact products): the terms cancel near the root');
    const th = b.let('tn', mul(fb.c(aN.hi), eh));
    const te = fb.prodErr('tne', eh, aN.hi, th);
    const bh = b.let('bx', mul(fb.c(be.hi), xm));
    const bxe = fb.prodErr('bxe', xm, be.hi, bh);
    const sh = b.let('sn', add(th, bh));
    const se = fb.sumErr('sne', th, bh, sh);
    const rest = add(add(se, add(te, plusLo(fb, mul(fb.c(aN.hi), ee), aN.lo, eh))), plusLo(fb, bxe, be.lo, xm));
    const plain = b.let('fp', add(sh, rest));
    if (root === undefined) neg0 = plain;
    else {
      b.comment(`near the root r = ${root.r}: f(r + h) = f(r) + A·h + B·(eʰ − 1 − h), h = x − r as h + he, A = f′(r), B = αn·eʳ`);
      const h = b.let('h', add(xm, fb.c(-root.r)));
      const he = fb.sumErr('he', xm, fb.c(-root.r), h);
      const ph = b.let('ah', mul(fb.c(root.A.hi), h));
      const pe = fb.prodErr('ahe', h, root.A.hi, ph);
      const e2 = b.let('e2', mul(mul(h, h), expTaylor(fb, h, XIELU_TAYLOR_DEGREE)));
      const near = b.let('fr', add(ph, add(plusLo(fb, add(pe, mul(fb.c(root.A.hi), he)), root.A.lo, h), plusLo(fb, mul(fb.c(root.B), e2), root.c0))));
      const left = b.let('fl', select(cmp('<', h, fb.c(-1)), plain, near));
      neg0 = b.let('fm', select(cmp('>', h, fb.c(root.w)), plain, left));
    }
  }
  const neg1 = b.let('fneg', select(cmp('<', X, fb.c(-L)), sub(mul(fb.c(D.hi), X), fb.c(aN.hi)), neg0));
  const f = b.ret(select(cmp('>', X, fb.c(0)), pos, neg1));

  const db = new Builder(env);
  const xp2 = db.b.let('xp', clamp(X, { lo: db.c(0) }));
  const dpos = add(mul(db.c(twoAP.hi), xp2), db.c(be.hi));
  const xn2 = db.b.let('xn', select(cmp('>', X, db.c(eps)), db.c(eps), X));
  const em2 = db.b.let('em', call('expm1', xn2));
  let expo: Expr;
  if (env.compensated) {
    db.b.comment('αn·expm1(x) + β with the product exact: its root log(1 − β/αn) cancels');
    const pr = db.b.let('pn', mul(db.c(aN.hi), em2));
    const pe = db.prodErr('pne', em2, aN.hi, pr);
    expo = add(add(pr, db.c(be.hi)), plusLo(db, plusLo(db, pe, aN.lo, em2), be.lo));
  } else expo = add(mul(db.c(aN.hi), em2), db.c(be.hi));
  const dneg = db.b.let('dneg', select(cmp('>', X, db.c(eps)), db.c(D.hi), expo));
  const df = db.b.ret(select(cmp('>', X, db.c(0)), dpos, dneg));
  return {
    f,
    df,
    constants: [`αp = ${texts.aP}`, `αn = ${texts.aN}`, `β = ${texts.beta}`, `ε = ${texts.eps}`, ...(root ? [`root r = ${root.r}, A = f′(r) = ${hiLo(root.A, p)}, B = αn·eʳ = ${root.B}, f(r) = ${root.c0}`] : [])],
    method: env.compensated
      ? `αp·x² + β·x (x > 0); αn·(expm1(min(x, ε)) − x) + β·x with every rounding carried${root ? ', and near its root (from r − 1 to halfway to 0) as a Taylor expansion about it (the terms cancel there)' : ''}; f′ = 2αp·x + β, β − αn (ε < x ≤ 0), αn·expm1(x) + β`
      : 'αp·x² + β·x (x > 0); αn·(expm1(min(x, ε)) − x) + β·x; f′ = 2αp·x + β, β − αn (ε < x ≤ 0), αn·expm1(x) + β',
  };
}

/** eʳ − 1 − r for a double r with |r| < 8, as a real to 2^−200 absolute (fixed-point series). */
function expm1MinusX(r: number): ReturnType<typeof real> {
  const SCALE = 200n;
  const fixed = (v: number): bigint => {
    const exact = realOfDouble(v);
    // v·2^200 is an integer for |v| ≥ 2^−148 (53 bits); smaller r leave a term below 2^−296.
    return exact.exp >= 0 ? exact.mant * 10n ** BigInt(exact.exp) * (1n << SCALE) : (exact.mant * (1n << SCALE)) / 10n ** BigInt(-exact.exp);
  };
  const x = fixed(r);
  let term = (x * x) / (1n << SCALE) / 2n;
  let sum = 0n;
  for (let k = 3n; term !== 0n; k++) {
    sum += term;
    term = (term * x) / (1n << SCALE) / k;
  }
  // sum·2^−200 = sum·5^200·10^−200.
  return { mant: sum * 5n ** SCALE, exp: -200 };
}

/** Σ hᵏ⁻²/k! for k = 2..degree, by Horner: (eʰ − 1 − h)/h² truncated. */
function expTaylor(bd: Builder, h: Expr, degree: number): Expr {
  let poly: Expr = bd.c(1 / factorial(degree));
  for (let k = degree - 1; k >= 2; k--) poly = add(bd.c(1 / factorial(k)), mul(h, poly));
  return poly;
}

/** `e + lo·x` (or `e + lo`), or `e` alone where the low part is 0. */
function plusLo(bd: Builder, e: Expr, lo: number, x?: Expr): Expr {
  if (lo === 0) return e;
  return add(e, x === undefined ? bd.c(lo) : mul(bd.c(lo), x));
}

function factorial(k: number): number {
  let r = 1;
  for (let i = 2; i <= k; i++) r *= i;
  return r;
}

const HAS_ALGORITHM: ReadonlySet<FunctionId> = new Set<FunctionId>([
  ...FUNCTION_IDS.slice(0, FUNCTION_IDS.indexOf('hardswish') + 1),
  'relu2',
  'hardtanh',
  'hard_sigmoid',
  'softshrink',
  'hardshrink',
  'softsign',
  'sparse_plus',
  'celu',
  'log_sigmoid',
  'tanhshrink',
  'gelu_ibert',
  'squareplus',
  'xielu',
  'snake',
  'laplace',
]);
export const ALGORITHM_IDS: readonly FunctionId[] = FUNCTION_IDS.filter((id) => HAS_ALGORITHM.has(id));

/** The algorithm of `id` for the target environment. */
export function algorithm(id: FunctionId, env: AlgoEnv): Algorithm {
  switch (id) {
    case 'gelu':
      return { ...gelu(env), exponentialTail: true };
    case 'gelu_tanh':
      return { ...geluTanh(env), exponentialTail: true };
    case 'gelu_sigmoid':
      return { ...scaledSigmoid(env, 'gelu_sigmoid', 'k'), exponentialTail: true };
    case 'silu':
      return { ...scaledSigmoid(env, 'silu', 'beta'), exponentialTail: true };
    case 'mish':
      return mish(env);
    case 'softplus':
      return softplus(env);
    case 'sigmoid':
      return sigmoidFn(env);
    case 'tanh':
      return tanhFn(env);
    case 'elu':
      return elu(env);
    case 'selu':
      return selu(env);
    case 'relu':
      return relu(env);
    case 'leaky_relu':
      return leakyRelu(env);
    case 'relu6':
      return relu6(env);
    case 'hardswish':
      return hardswish(env);
    case 'relu2':
      return relu2(env);
    case 'hardtanh':
      return hardtanh(env);
    case 'hard_sigmoid':
      return hardSigmoid(env);
    case 'softshrink':
      return softshrink(env);
    case 'hardshrink':
      return hardshrink(env);
    case 'softsign':
      return softsign(env);
    case 'sparse_plus':
      return sparsePlus(env);
    case 'celu':
      return celu(env);
    case 'log_sigmoid':
      return logSigmoid(env);
    case 'tanhshrink':
      return tanhshrink(env);
    case 'gelu_ibert':
      return geluIbert(env);
    case 'squareplus':
      return squareplus(env);
    case 'xielu':
      return xielu(env);
    case 'snake':
      return snake(env);
    case 'laplace':
      return laplace(env);
    default:
      // A registry id added without a case here (ALGORITHM_IDS keeps it out of the quick pick).
      throw new Error(`No snippet algorithm for ${id} yet.`);
  }
}

