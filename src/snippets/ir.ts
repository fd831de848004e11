/**
 * A tiny language-neutral program form. Each activation's algorithm is written once as IR
 * (see `algorithms.ts`) and printed by every target, so the numerics (tail-safe forms,
 * compensated arithmetic, clamps) are identical in all languages.
 *
 * Contract the algorithms keep, so every target can print them:
 * - `select` appears only as the whole right-hand side of a `let` or a `return`, and both of
 *   its arms are finite for every finite input: array targets evaluate both arms everywhere
 *   (`np.where`, `torch.where`, `merge`, `ifelse`) and must not see overflow or NaN there.
 * - `clamp` keeps the same place as `select` (it is printed as selects where a target lacks one).
 * - `ifReturn` (early return) is used only in scalar helper functions (the self-contained erfc),
 *   which array targets never print.
 */

export type MathFn =
  | 'exp'
  | 'expm1'
  | 'log1p'
  | 'erfc'
  /** erfc(z)·e^(z²), only where the target has it (SciPy). */
  | 'erfcx'
  | 'tanh'
  /** sin and cos, argument reduction the library's (Snake). */
  | 'sin'
  | 'cos'
  | 'sqrt'
  | 'abs'
  | 'floor'
  /** fma(a, b, c) = a·b + c with one rounding; only where the target has a correct one. */
  | 'fma'
  /** Φ(x) and φ(x), the standard normal CDF and density (R's pnorm and dnorm). */
  | 'Phi'
  | 'phi'
  /** log Φ(x) (R's pnorm(x, log.p = TRUE)). */
  | 'logPhi';

export type BinOp = '+' | '-' | '*' | '/';
export type CmpOp = '<' | '<=' | '>' | '>=';

export type Expr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'bin'; readonly op: BinOp; readonly a: Expr; readonly b: Expr }
  | { readonly kind: 'neg'; readonly a: Expr }
  | { readonly kind: 'call'; readonly fn: MathFn; readonly args: readonly Expr[] }
  /** Calls a helper function of the same snippet (the self-contained erfc). */
  | { readonly kind: 'helper'; readonly name: HelperName; readonly args: readonly Expr[] }
  /**
   * Calls another function of the same snippet by its printed name (a gated unit's body calls
   * the one-variable activation and its derivative). Printed `name(args)` in every target.
   */
  | { readonly kind: 'fn'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: 'select'; readonly cond: Cond; readonly then: Expr; readonly else: Expr }
  /**
   * `a` limited to [lo, hi] (either bound may be absent; NaN passes through). Like `select`, only
   * the whole value of a `let`. Targets with a clamp call print it (`x.clamp(-40.0, 40.0)`,
   * `np.clip`); the others get selects, for which a two-sided clamp names `below`, a variable
   * already holding the clamp of `a` to `lo` alone.
   */
  | { readonly kind: 'clamp'; readonly a: Expr; readonly lo?: Expr; readonly hi?: Expr; readonly below?: Expr };

export type Cond = { readonly kind: 'cmp'; readonly op: CmpOp; readonly a: Expr; readonly b: Expr };

export type Stmt =
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'let'; readonly name: string; readonly value: Expr }
  | { readonly kind: 'return'; readonly value: Expr }
  | { readonly kind: 'ifReturn'; readonly cond: Cond; readonly value: Expr };

/** Helpers a snippet may define next to its functions. */
export type HelperName = 'erfc';

/** A function of one real argument `x` (or `z` for helpers). */
export interface Fn {
  readonly param: string;
  /** All parameters, for a function of more than one (gated units: `g`, `u`); `param` is the first. */
  readonly params?: readonly string[];
  readonly body: readonly Stmt[];
}

/** The parameters of a function, in order. */
export const fnParams = (f: Fn): readonly string[] => f.params ?? [f.param];

export const num = (value: number): Expr => ({ kind: 'num', value });
export const v = (name: string): Expr => ({ kind: 'var', name });
const toExpr = (e: Expr | number): Expr => (typeof e === 'number' ? num(e) : e);
export const add = (a: Expr | number, b: Expr | number): Expr => ({ kind: 'bin', op: '+', a: toExpr(a), b: toExpr(b) });
export const sub = (a: Expr | number, b: Expr | number): Expr => ({ kind: 'bin', op: '-', a: toExpr(a), b: toExpr(b) });
export const mul = (a: Expr | number, b: Expr | number): Expr => ({ kind: 'bin', op: '*', a: toExpr(a), b: toExpr(b) });
export const div = (a: Expr | number, b: Expr | number): Expr => ({ kind: 'bin', op: '/', a: toExpr(a), b: toExpr(b) });
export const neg = (a: Expr): Expr => ({ kind: 'neg', a });
export const call = (fn: MathFn, ...args: (Expr | number)[]): Expr => ({ kind: 'call', fn, args: args.map(toExpr) });
export const helper = (name: HelperName, ...args: Expr[]): Expr => ({ kind: 'helper', name, args });
export const callFn = (name: string, ...args: Expr[]): Expr => ({ kind: 'fn', name, args });
export const cmp = (op: CmpOp, a: Expr | number, b: Expr | number): Cond => ({ kind: 'cmp', op, a: toExpr(a), b: toExpr(b) });
export const select = (cond: Cond, then: Expr | number, otherwise: Expr | number): Expr => ({
  kind: 'select',
  cond,
  then: toExpr(then),
  else: toExpr(otherwise),
});

/**
 * `a` clamped to [lo, hi] (see the `clamp` expression); a two-sided clamp needs `below`, the
 * variable holding `clamp(a, lo)`, for targets that print selects.
 */
export const clamp = (a: Expr, bounds: { lo?: Expr | number; hi?: Expr | number; below?: Expr }): Expr => ({
  kind: 'clamp',
  a,
  ...(bounds.lo === undefined ? {} : { lo: toExpr(bounds.lo) }),
  ...(bounds.hi === undefined ? {} : { hi: toExpr(bounds.hi) }),
  ...(bounds.below === undefined ? {} : { below: bounds.below }),
});

/** The same clamp as selects (NaN passes through: both comparisons are false for it). */
export function clampAsSelect(e: Extract<Expr, { kind: 'clamp' }>): Expr {
  if (e.lo !== undefined && e.hi !== undefined) {
    if (e.below === undefined) throw new Error('a two-sided clamp printed as selects needs `below`');
    return select(cmp('>', e.below, e.hi), e.hi, e.below);
  }
  if (e.lo !== undefined) return select(cmp('<', e.a, e.lo), e.lo, e.a);
  if (e.hi !== undefined) return select(cmp('>', e.a, e.hi), e.hi, e.a);
  return e.a;
}

/** True when the expression does not depend on any variable (array targets broadcast it). */
export function isConstant(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
      return true;
    case 'var':
      return false;
    case 'neg':
      return isConstant(e.a);
    case 'bin':
      return isConstant(e.a) && isConstant(e.b);
    case 'call':
    case 'helper':
      return e.args.every(isConstant);
    case 'fn':
      return false;
    case 'select':
    case 'clamp':
      return false;
  }
}

/** Accumulates statements; `let` returns a reference to the new variable. */
export class Block {
  readonly stmts: Stmt[] = [];
  let(name: string, value: Expr | number): Expr {
    if (this.stmts.some((s) => s.kind === 'let' && s.name === name)) throw new Error(`duplicate let ${name}`);
    this.stmts.push({ kind: 'let', name, value: toExpr(value) });
    return v(name);
  }
  comment(text: string): void {
    this.stmts.push({ kind: 'comment', text });
  }
  ifReturn(cond: Cond, value: Expr | number): void {
    this.stmts.push({ kind: 'ifReturn', cond, value: toExpr(value) });
  }
  ret(value: Expr | number): Fn {
    this.stmts.push({ kind: 'return', value: toExpr(value) });
    return { param: 'x', body: this.stmts };
  }
}

/** Variables a function body reads, in order of first use (for unused-variable checks). */
export function usedVars(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.kind) {
    case 'var':
      out.add(e.name);
      break;
    case 'neg':
      usedVars(e.a, out);
      break;
    case 'bin':
      usedVars(e.a, out);
      usedVars(e.b, out);
      break;
    case 'call':
    case 'helper':
    case 'fn':
      e.args.forEach((a) => usedVars(a, out));
      break;
    case 'select':
      usedVars(e.cond.a, out);
      usedVars(e.cond.b, out);
      usedVars(e.then, out);
      usedVars(e.else, out);
      break;
    case 'clamp':
      usedVars(e.a, out);
      for (const b of [e.lo, e.hi, e.below]) if (b !== undefined) usedVars(b, out);
      break;
    case 'num':
      break;
  }
  return out;
}

/** Whether any expression of the functions satisfies `test` (searched depth first). */
export function anyExpr(fns: readonly Fn[], test: (e: Expr) => boolean): boolean {
  const inExpr = (e: Expr): boolean => {
    if (test(e)) return true;
    switch (e.kind) {
      case 'helper':
      case 'call':
      case 'fn':
        return e.args.some(inExpr);
      case 'neg':
        return inExpr(e.a);
      case 'bin':
        return inExpr(e.a) || inExpr(e.b);
      case 'select':
        return inExpr(e.cond.a) || inExpr(e.cond.b) || inExpr(e.then) || inExpr(e.else);
      case 'clamp':
        return [e.a, e.lo, e.hi, e.below].some((b) => b !== undefined && inExpr(b));
      default:
        return false;
    }
  };
  return fns.some((f) =>
    f.body.some((s) => {
      if (s.kind === 'let' || s.kind === 'return') return inExpr(s.value);
      if (s.kind === 'ifReturn') return inExpr(s.value) || inExpr(s.cond.a) || inExpr(s.cond.b);
      return false;
    }),
  );
}

/** Whether the functions call the helper `name`. */
export const usesHelper = (fns: readonly Fn[], name: HelperName): boolean => anyExpr(fns, (e) => e.kind === 'helper' && e.name === name);

/** Whether the functions call the math function `fn`. */
export const usesCall = (fns: readonly Fn[], fn: MathFn): boolean => anyExpr(fns, (e) => e.kind === 'call' && e.fn === fn);
