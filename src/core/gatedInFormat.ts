/**
 * A gated unit as a fused kernel with tensors in a narrow format computes it, op by op (the
 * Precision view's `per-op` model, `implementations.ts`): g and u rounded to the format, the
 * activation in the form the frameworks write (SiLU x·σ(x), GELU erf or tanh as PyTorch, gpt-oss
 * g′·σ(α·g′)), every operation and the product rounded to the format.
 */
import { GATED_SPECS, gatedParam as param } from './gated';
import { arithmeticOf, implementations } from './implementations';
import type { Format } from './precision';
import type { GatedId, Params } from './types';

/** y(g, u) of `fn` at parameters `p` (checked by the caller) in `format`; float64 gives y to double rounding, not the exact y. */
export function gatedInFormat(fn: GatedId, g: number, u: number, p: Params, format: Format): number {
  const A = arithmeticOf(format);
  const gr = A.r(g);
  const ur = A.r(u);
  const mul = (a: number, b: number): number => A.r(a * b);
  switch (fn) {
    case 'glu':
      return mul(A.sigmoid(gr), ur);
    case 'reglu':
      return mul(gr > 0 ? gr : 0, ur);
    case 'geglu':
      return mul(implementations[param(fn, p, 'tanh') >= 0.5 ? 'gelu_tanh' : 'gelu_erf'].evaluate(gr, format, 'per-op'), ur);
    case 'swiglu':
      return mul(implementations.silu.evaluate(gr, format, 'per-op'), ur);
    case 'swiglu_oai': {
      const alpha = A.r(param(fn, p, 'alpha'));
      const limit = param(fn, p, 'limit');
      const gc = Math.min(gr, limit);
      const uc = Math.min(Math.max(ur, -limit), limit);
      return mul(mul(gc, A.sigmoid(mul(alpha, gc))), A.r(uc + (GATED_SPECS.swiglu_oai.bias ?? 1)));
    }
    default: {
      const never: never = fn;
      throw new Error(`no kernel for ${String(never)}`);
    }
  }
}
