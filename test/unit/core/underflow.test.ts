/**
 * Results at the edge of underflow: they keep their bits down into the subnormals, and a result
 * that rounds to zero carries the sign of the true value. Reproductions of the defects of issue
 * 10 §4; the true mish″ values come from mpmath (Debian's /usr/bin/python3), the test skips
 * with a message when it is missing.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { activations } from '../../../src/core';

const show = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));

describe('results that underflow keep their sign and their bits', function () {
  it('mish″ at x = 358.17691768277723 is the true subnormal value, not 4,062 ulp off', function () {
    // mpmath, 420 digits: −2.2256434060102469073e−308 (subnormal: one ulp is 2^-1074).
    const got = activations.mish.d2f(358.17691768277723);
    assert.ok(Math.abs(got - -2.225643406010247e-308) <= 2 ** -1074, `mish″ = ${got}`);
  });

  it('mish″ for x in [300, 750] agrees with mpmath within 1 ulp (subnormal ulps below 2^-1022)', function () {
    this.timeout(60_000);
    const probe = spawnSync('/usr/bin/python3', ['-c', 'import mpmath'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      console.log('      SKIPPED: /usr/bin/python3 cannot import mpmath (Debian: apt-get install python3-mpmath)');
      this.skip();
    }
    const xs: number[] = [];
    for (let i = 0; i <= 200; i++) xs.push(300 + (450 * i) / 200 + (i % 7) * 1e-3);
    const program = [
      'import sys, mpmath as m',
      'm.mp.dps = 420',
      'f = lambda t: t * m.tanh(m.log1p(m.exp(t)))',
      'for line in sys.stdin:',
      "    print(repr(float(m.diff(f, m.mpf(float.fromhex(line.strip())), 2))))",
    ].join('\n');
    const input = xs.map(hexOf).join('\n');
    const r = spawnSync('/usr/bin/python3', ['-c', program], { input, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const expected = r.stdout.trim().split('\n').map(Number);
    assert.equal(expected.length, xs.length);
    let worst = { ulps: 0, x: 0 };
    xs.forEach((x, i) => {
      const e = expected[i]!;
      const got = activations.mish.d2f(x);
      const ulp = Math.max(2 ** (Math.floor(Math.log2(Math.abs(e) || 1e-320)) - 52), 2 ** -1074);
      const ulps = Math.abs(got - e) / ulp;
      if (ulps > worst.ulps) worst = { ulps, x };
      assert.ok(ulps <= 1, `mish″(${x}) = ${got}, mpmath ${e} (${ulps.toFixed(1)} ulp)`);
      if (e === 0) assert.ok(Object.is(got, -0), `mish″(${x}) = ${show(got)}: the true value is negative`);
    });
  });

  it('GELU (tanh form) f and f′ are −0, not +0, where they underflow for x in [−30.13, −22.05]', function () {
    for (let x = -30.13; x <= -22.05; x += 0.01) {
      const f = activations.gelu_tanh.f(x);
      const df = activations.gelu_tanh.df(x);
      assert.ok(f < 0 || Object.is(f, -0), `gelu_tanh(${x}) = ${show(f)}`);
      assert.ok(df < 0 || Object.is(df, -0), `gelu_tanh′(${x}) = ${show(df)}`);
    }
  });

  it('GELU(−5e−324), leaky ReLU(−5e−324) and tanh(−0) are −0', function () {
    assert.ok(Object.is(activations.gelu.f(-5e-324), -0), show(activations.gelu.f(-5e-324)));
    assert.ok(Object.is(activations.leaky_relu.f(-5e-324), -0), show(activations.leaky_relu.f(-5e-324)));
    assert.ok(Object.is(activations.tanh.f(-0), -0), show(activations.tanh.f(-0)));
    // and the positive side stays +0
    assert.ok(Object.is(activations.gelu.f(0), 0));
    assert.ok(Object.is(activations.tanh.f(0), 0));
    assert.ok(Object.is(activations.leaky_relu.f(5e-324), 5e-324));
  });
});

/** x in C99 hexadecimal notation, which Python's float.fromhex reads exactly. */
function hexOf(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn);
  const m = (bits & ((1n << 52n) - 1n)).toString(16).padStart(13, '0');
  return `${x < 0 ? '-' : ''}0x1.${m}p${e - 1023}`;
}
