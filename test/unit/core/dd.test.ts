/**
 * The double-double building blocks: exactness of the error-free transformations (checked in
 * BigInt arithmetic), the 2^(j/64) table, and the exponential kernels.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EXP2_HI, EXP2_LO } from '../../../src/core/coefficients';
import { expKernel, expKernelDD, expm1DD, ldexp, R, twoProd, twoSum } from '../../../src/core/dd';
import { exactDouble, type Exact } from '../../support/reference';

/** An exact binary rational as BigInt numerator and power of two (n·2^e). */
function bin(x: number): { n: bigint; e: number } {
  const v: Exact = exactDouble(x);
  return { n: v.neg ? -v.n : v.n, e: v.p2 };
}

function sumExact(...xs: number[]): { n: bigint; e: number } {
  const parts = xs.map(bin);
  const e = Math.min(...parts.map((p) => p.e));
  return { n: parts.reduce((acc, p) => acc + p.n * 2n ** BigInt(p.e - e), 0n), e };
}

describe('core double-double kernels', function () {
  it('twoSum and twoProd are exact (property, BigInt check)', function () {
    const moderate = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e150, max: 1e150 });
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        twoSum(a, b);
        const s = sumExact(R[0]!, R[1]!);
        const t = sumExact(a, b);
        assert.equal(s.n * 2n ** BigInt(s.e - Math.min(s.e, t.e)), t.n * 2n ** BigInt(t.e - Math.min(s.e, t.e)));
        // Exact while the partial products do not underflow (the documented domain).
        if (Math.abs(a * b) > 1e-290 || a === 0 || b === 0) {
          twoProd(a, b);
          const p = sumExact(R[0]!, R[1]!);
          const A = bin(a);
          const B = bin(b);
          const q = { n: A.n * B.n, e: A.e + B.e };
          const m = Math.min(p.e, q.e);
          assert.equal(p.n * 2n ** BigInt(p.e - m), q.n * 2n ** BigInt(q.e - m));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('holds 2^(j/64) to double-double accuracy: (hi + lo)^64 = 2^j within 2^-100', function () {
    for (let j = 0; j < 64; j++) {
      const v = sumExact(EXP2_HI[j]!, EXP2_LO[j]!);
      // v^64 / 2^j − 1, scaled by 2^100.
      const num = v.n ** 64n;
      const shift = 64 * v.e - j;
      const scaled = shift >= 0 ? num * 2n ** BigInt(shift) : num;
      const one = shift >= 0 ? 1n : 2n ** BigInt(-shift);
      const diff = scaled - one;
      assert.ok((diff < 0n ? -diff : diff) * 2n ** 100n <= one, `j=${j}`);
    }
  });

  it('exp kernels agree with Math.exp and with exp(a)·exp(−a) = 1 (property)', function () {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (a) => {
        expKernel(a, 0);
        const f = ldexp(R[0]! + R[1]!, R[2]!);
        assert.ok(Math.abs(f - Math.exp(a)) <= 2 * 2 ** -52 * Math.exp(a), `exp(${a})`);
        expKernelDD(a, 0);
        const h1 = R[0]!;
        const l1 = R[1]!;
        const m1 = R[2]!;
        expKernelDD(-a, 0);
        // (h1 + l1)·(h2 + l2) must be 2^-(m1 + m2) to about 2^-66: form the difference exactly.
        const target = 2 ** -(m1 + R[2]!);
        const h2 = R[0]!;
        const l2 = R[1]!;
        twoProd(h1, h2);
        const diff = (R[0]! - target) + R[1]! + h1 * l2 + l1 * h2;
        assert.ok(Math.abs(diff) <= 2 ** -62, `exp(${a})·exp(${-a}) = 1 + ${diff}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('expm1 keeps relative accuracy near 0 and tends to −1', function () {
    expm1DD(1e-300);
    assert.equal(R[0], 1e-300);
    expm1DD(-(2 ** -30));
    assert.equal(R[0]! + R[1]!, -(2 ** -30) + 2 ** -61 - 2 ** -91 / 6);
    expm1DD(-800);
    assert.equal(R[0], -1);
    for (const x of [-20, -0.3, -0.1, 0.1, 0.3, 5, 700]) {
      expm1DD(x);
      assert.ok(Math.abs(R[0]! - Math.expm1(x)) <= 2 ** -52 * Math.abs(Math.expm1(x)), `expm1(${x})`);
    }
  });
});
