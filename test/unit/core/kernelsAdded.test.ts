/**
 * Accuracy of the 15 functions added by issue 12 (src/core/kernelsAdded.ts), f, f′ and f″,
 * against EVERY line of ../shared/reference/activations-added.jsonl (default parameters; the
 * metric of the reference README, see reference.ts), with the project's bounds f ≤ 2 ulp,
 * f′ ≤ 4, f″ ≤ 8; prints the worst error per function and order. Then the parameters users
 * vary, against mpmath (Debian's /usr/bin/python3, one process per check) on a few hundred
 * points each. GELU_REFERENCE_DIR=<dir> points at another reference folder.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as k from '../../../src/core/kernelsAdded';
import { PYTHON, skipWithoutMpmath } from '../../support/mpmath';
import { measure, type ReferenceLine, unaryReference } from '../../support/reference';

type Fn = (x: number) => number;
type Triple = readonly [Fn, Fn, Fn];

/** The 15 functions at their default parameters, by reference id. */
const ADDED: Readonly<Record<string, Triple>> = {
  relu2: [k.relu2, k.relu2D1, k.relu2D2],
  xielu: [(x) => k.xielu(x), (x) => k.xieluD1(x), (x) => k.xieluD2(x)],
  snake: [(x) => k.snake(x), (x) => k.snakeD1(x), (x) => k.snakeD2(x)],
  celu: [(x) => k.celu(x), (x) => k.celuD1(x), (x) => k.celuD2(x)],
  softsign: [k.softsign, k.softsignD1, k.softsignD2],
  hardtanh: [(x) => k.hardtanh(x), (x) => k.hardtanhD1(x), (x) => k.hardtanhD2(x)],
  hard_sigmoid: [(x) => k.hardSigmoid(x), (x) => k.hardSigmoidD1(x), (x) => k.hardSigmoidD2(x)],
  log_sigmoid: [k.logSigmoid, k.logSigmoidD1, k.logSigmoidD2],
  tanhshrink: [k.tanhshrink, k.tanhshrinkD1, k.tanhshrinkD2],
  softshrink: [(x) => k.softshrink(x), (x) => k.softshrinkD1(x), (x) => k.softshrinkD2(x)],
  hardshrink: [(x) => k.hardshrink(x), (x) => k.hardshrinkD1(x), (x) => k.hardshrinkD2(x)],
  sparse_plus: [k.sparsePlus, k.sparsePlusD1, k.sparsePlusD2],
  squareplus: [(x) => k.squareplus(x), (x) => k.squareplusD1(x), (x) => k.squareplusD2(x)],
  laplace: [(x) => k.laplace(x), (x) => k.laplaceD1(x), (x) => k.laplaceD2(x)],
  gelu_ibert: [(x) => k.geluIbert(x), (x) => k.geluIbertD1(x), (x) => k.geluIbertD2(x)],
};

const BOUNDS = [2, 4, 8] as const;
const KEYS = ['y', 'dy', 'd2y'] as const;

describe('added activation functions: accuracy against the 120-digit reference', function () {
  this.timeout(120000);
  let lines: readonly ReferenceLine[] = [];

  before(function () {
    const found = unaryReference('activations-added.jsonl');
    if (found === undefined) {
      console.log('    (skipped: activations-added.jsonl not found; set GELU_REFERENCE_DIR or provide ../shared/reference)');
      this.skip();
    }
    lines = found;
  });

  it('covers every function of the reference file and nothing else', function () {
    const ids = new Set(lines.map((l) => l.fn));
    assert.deepEqual([...ids].sort(), Object.keys(ADDED).sort());
  });

  it('keeps f within 2 ulp, f′ within 4 and f″ within 8 on every line, and prints the worst', function () {
    const rows: string[] = [];
    const failures: string[] = [];
    for (const [id, fns] of Object.entries(ADDED)) {
      const mine = lines.filter((l) => l.fn === id);
      const cells: string[] = [];
      for (let order = 0; order < 3; order++) {
        let worst = 0;
        let at = '';
        for (const l of mine) {
          const x = Number(l.x);
          const y = fns[order]!(x);
          const e = measure(y, l[KEYS[order]!]).ulps;
          if (e > worst || Number.isNaN(e)) {
            worst = e;
            at = l.x;
          }
          if (!(e <= BOUNDS[order]!)) failures.push(`${id} order ${order} at x = ${l.x}: got ${y}, want ${l[KEYS[order]!]} (${e} ulp)`);
        }
        cells.push(`${worst.toFixed(3).padStart(7)}${at === '' ? '' : ` @ ${at}`}`.padEnd(36));
      }
      rows.push(`${id.padEnd(13)} ${String(mine.length).padStart(4)}  ${cells.join(' ')}`);
    }
    console.log(`    ${'id'.padEnd(13)} ${'n'.padStart(4)}  ${'worst f (ulp)'.padEnd(36)} ${'worst f′'.padEnd(36)} worst f″`);
    for (const r of rows) console.log(`    ${r}`);
    assert.deepEqual(failures.slice(0, 20), []);
  });
});

// ---------------------------------------------------------------------------------------------
// Parameters against mpmath.
// ---------------------------------------------------------------------------------------------

/** Deterministic points: a seeded xorshift over a few scales, plus fixed ones. */
function points(seed: number, n: number, scale: number, fixed: readonly number[] = []): number[] {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
  const out = [...fixed];
  while (out.length < n) {
    const mag = scale * 10 ** (-3 * next());
    out.push((next() < 0.5 ? -1 : 1) * mag * next());
  }
  return out;
}

/**
 * Runs one mpmath check: `body` is Python defining f(x, *p), df, d2f over mpf arguments (the
 * parameters arrive as decimal strings); returns [y, dy, d2y] as 30-digit strings per point.
 */
function mpmathValues(body: string, params: readonly number[], xs: readonly number[]): string[][] {
  const script = [
    'import json, sys, mpmath as mp',
    'mp.mp.dps = 60',
    body,
    'd = json.load(sys.stdin)',
    'p = [mp.mpf(s) for s in d["p"]]',
    'def s(v):',
    '    v = mp.mpf(v)',
    '    return "0" if v == 0 else mp.nstr(v, 30, min_fixed=1, max_fixed=0)',
    'print(json.dumps([[s(f(mp.mpf(float(x)), *p)), s(df(mp.mpf(float(x)), *p)), s(d2f(mp.mpf(float(x)), *p))] for x in d["x"]]))',
  ].join('\n');
  const input = JSON.stringify({ p: params.map(String), x: xs.map((x) => x.toPrecision(17)) });
  const r = spawnSync(PYTHON, ['-c', script], { input, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`mpmath failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[][];
}

/** Asserts the bounds on every point; kinks (given) are left out, like in the reference. */
function check(name: string, fns: Triple, body: string, params: readonly number[], xs: readonly number[]): void {
  const ref = mpmathValues(body, params, xs);
  const worst = [0, 0, 0];
  const failures: string[] = [];
  xs.forEach((x, i) => {
    for (let order = 0; order < 3; order++) {
      const y = fns[order]!(x);
      const e = measure(y, ref[i]![order]!).ulps;
      worst[order] = Math.max(worst[order]!, e);
      if (!(e <= BOUNDS[order]!)) failures.push(`${name} order ${order} at x = ${x}: got ${y}, want ${ref[i]![order]} (${e} ulp)`);
    }
  });
  console.log(`    ${name.padEnd(44)} worst ${worst.map((w) => w.toFixed(3)).join(' / ')} ulp over ${xs.length} points`);
  assert.deepEqual(failures.slice(0, 10), []);
}

describe('added activation functions: parameters against mpmath', function () {
  this.timeout(120000);
  before(function () {
    skipWithoutMpmath(this);
  });

  const XIELU = [
    'def f(x, ap, an, b, e):',
    '    return ap*x*x + b*x if x > 0 else an*(mp.expm1(min(x, e)) - x) + b*x',
    'def df(x, ap, an, b, e):',
    '    return 2*ap*x + b if x > 0 else (an*mp.expm1(x) + b if x <= e else b - an)',
    'def d2f(x, ap, an, b, e):',
    '    return 2*ap if x > 0 else (an*mp.exp(x) if x <= e else 0)',
  ].join('\n');

  // The last set puts f's root near x ≈ −2β/αₙ = −0.002, where eˣ − 1 − x ≈ x²/2 cancels against βx.
  for (const [ap, an, b, e] of [[0.3, 1.2, 0.25, -1e-6], [2.5, 0.75, 0.125, -0.01], [0.01, 4, 3.5, -1e-9], [0.8, 10, 0.01, -1e-6]] as const) {
    it(`xIELU with αp = ${ap}, αn = ${an}, β = ${b}, ε = ${e} matches mpmath`, function () {
      const nearRoot = Array.from({ length: 21 }, (_, i) => (-2 * b / an) * (0.995 + i * 0.0005));
      const xs = points(ap * 1000, 300, 50, [-3, -1, -0.5, -1e-3, e * 2, e / 2, 1e-7, 0.3, 2, 1e3, -1e3, ...nearRoot]);
      check(`xielu(${ap}, ${an}, ${b}, ${e})`, [(x) => k.xielu(x, ap, an, b, e), (x) => k.xieluD1(x, ap, an, b, e), (x) => k.xieluD2(x, ap, an, b, e)], XIELU, [ap, an, b, e], xs);
    });
  }

  it('hardtanh with min = −2.5, max = 0.75 clamps there', function () {
    const body = 'def f(x, lo, hi): return min(max(x, lo), hi)\ndef df(x, lo, hi): return 1 if lo < x < hi else 0\ndef d2f(x, lo, hi): return 0';
    const xs = points(7, 200, 5).filter((x) => x !== -2.5 && x !== 0.75);
    check('hardtanh(−2.5, 0.75)', [(x) => k.hardtanh(x, -2.5, 0.75), (x) => k.hardtanhD1(x, -2.5, 0.75), (x) => k.hardtanhD2(x, -2.5, 0.75)], body, [-2.5, 0.75], xs);
  });

  for (const alpha of [0.5, 1.7, 12.25]) {
    it(`Snake with α = ${alpha} matches mpmath`, function () {
      const body = 'def f(x, a): return x + mp.sin(a*x)**2/a\ndef df(x, a): return 1 + mp.sin(2*a*x)\ndef d2f(x, a): return 2*a*mp.cos(2*a*x)';
      const xs = points(alpha * 100, 300, 1e4, [-Math.PI / 4 / alpha, Math.PI / 4 / alpha, 1e-9, -1e-300]);
      check(`snake(${alpha})`, [(x) => k.snake(x, alpha), (x) => k.snakeD1(x, alpha), (x) => k.snakeD2(x, alpha)], body, [alpha], xs);
    });
  }

  for (const alpha of [0.3, 2.75]) {
    it(`CELU with α = ${alpha} matches mpmath`, function () {
      const body = 'def f(x, a): return x if x > 0 else a*mp.expm1(x/a)\ndef df(x, a): return 1 if x > 0 else mp.exp(x/a)\ndef d2f(x, a): return 0 if x >= 0 else mp.exp(x/a)/a';
      const xs = points(alpha * 10, 300, 300, [-1e-20, -1e-8, -700, 1e-300]);
      check(`celu(${alpha})`, [(x) => k.celu(x, alpha), (x) => k.celuD1(x, alpha), (x) => k.celuD2(x, alpha)], body, [alpha], xs);
    });
  }

  for (const lambda of [0.3, 1.75]) {
    it(`soft and hard shrinkage with λ = ${lambda} match mpmath`, function () {
      const xs = points(lambda * 77, 200, 5).filter((x) => Math.abs(x) !== lambda);
      const soft = 'def f(x, l): return x - l if x > l else (x + l if x < -l else 0)\ndef df(x, l): return 1 if abs(x) > l else 0\ndef d2f(x, l): return 0';
      check(`softshrink(${lambda})`, [(x) => k.softshrink(x, lambda), (x) => k.softshrinkD1(x, lambda), (x) => k.softshrinkD2(x, lambda)], soft, [lambda], xs);
      const hard = 'def f(x, l): return x if abs(x) > l else 0\ndef df(x, l): return 1 if abs(x) > l else 0\ndef d2f(x, l): return 0';
      check(`hardshrink(${lambda})`, [(x) => k.hardshrink(x, lambda), (x) => k.hardshrinkD1(x, lambda), (x) => k.hardshrinkD2(x, lambda)], hard, [lambda], xs);
    });
  }

  for (const b of [0.01, 1, 7.5]) {
    it(`squareplus with b = ${b} matches mpmath`, function () {
      // x < 0 as b/(2(s − x)): the written form cancels beyond mpmath's 60 digits at x = −1e200.
      const body = 'def f(x, b): return (x + mp.sqrt(x*x + b))/2 if x >= 0 else b/(2*(mp.sqrt(x*x + b) - x))\ndef df(x, b): return (1 + x/mp.sqrt(x*x + b))/2 if x >= 0 else b/(2*mp.sqrt(x*x + b)*(mp.sqrt(x*x + b) - x))\ndef d2f(x, b): return b/(2*(x*x + b)**mp.mpf(1.5))';
      const xs = points(b * 31 + 1, 300, 1e6, [-1e200, 1e200, -1e-200]);
      check(`squareplus(${b})`, [(x) => k.squareplus(x, b), (x) => k.squareplusD1(x, b), (x) => k.squareplusD2(x, b)], body, [b], xs);
    });
  }

  for (const [mu, sigma] of [[0, 1], [-1.5, 0.125], [2.25, 3]] as const) {
    it(`Laplace with μ = ${mu}, σ = ${sigma} matches mpmath, tails included`, function () {
      const body = [
        'def z(x, m, s): return (x - m)/s',
        'def f(x, m, s): return mp.ncdf(z(x, m, s))',
        'def df(x, m, s): return mp.npdf(z(x, m, s))/s',
        'def d2f(x, m, s): return -z(x, m, s)*mp.npdf(z(x, m, s))/s**2',
      ].join('\n');
      const xs = points(sigma * 1000 + 3, 300, 40 * sigma).map((x) => x + mu);
      check(`laplace(${mu}, ${sigma})`, [(x) => k.laplace(x, mu, sigma), (x) => k.laplaceD1(x, mu, sigma), (x) => k.laplaceD2(x, mu, sigma)], body, [mu, sigma], xs);
    });
  }

  it('the Keras 2 / ONNX hard sigmoid clip(0.2x + 0.5, 0, 1) matches mpmath', function () {
    const body = 'def f(x): return min(max(mp.mpf("0.2")*x + mp.mpf("0.5"), 0), 1)\ndef df(x): return mp.mpf("0.2") if -2.5 < x < 2.5 else 0\ndef d2f(x): return 0';
    const xs = points(99, 200, 6).filter((x) => Math.abs(x) !== 2.5);
    check('hard_sigmoid(linear)', [(x) => k.hardSigmoid(x, 'linear'), (x) => k.hardSigmoidD1(x, 'linear'), (x) => k.hardSigmoidD2(x, 'linear')], body, [], xs);
  });

  it('I-BERT GELU with other a, b matches mpmath', function () {
    const body = [
      'def t(x, a, b): return abs(x)/mp.sqrt(2) + b',
      'def f(x, a, b):',
      '    z = x/mp.sqrt(2)',
      '    L = mp.sign(z)*(a*(min(abs(z), -b) + b)**2 + 1)',
      '    return x/2*(1 + L)',
      'def df(x, a, b):',
      '    T = t(x, a, b)',
      '    if T >= 0: return 1 if x > 0 else 0',
      '    P = a/2*T*(3*T - 2*b)',
      '    return 1 + P if x > 0 else -P',
      'def d2f(x, a, b):',
      '    T = t(x, a, b)',
      '    return 0 if T >= 0 else a*(3*T - b)/mp.sqrt(2)',
    ].join('\n');
    const xs = points(5, 300, 6).filter((x) => x !== 0);
    check('gelu_ibert(−0.25, −2)', [(x) => k.geluIbert(x, -0.25, -2), (x) => k.geluIbertD1(x, -0.25, -2), (x) => k.geluIbertD2(x, -0.25, -2)], body, [-0.25, -2], xs);
  });
});

describe('added activation functions: special values', function () {
  it('give the limits at ±∞ and NaN for NaN', function () {
    for (const [id, fns] of Object.entries(ADDED)) {
      for (let order = 0; order < 3; order++) assert.ok(Number.isNaN(fns[order]!(NaN)), `${id} order ${order} at NaN`);
    }
    assert.equal(k.squareplus(-Infinity), 0);
    assert.equal(k.squareplus(Infinity), Infinity);
    assert.equal(k.celu(-Infinity), -1);
    assert.equal(k.softsign(-Infinity), -1);
    assert.equal(k.logSigmoid(-Infinity), -Infinity);
    assert.equal(k.laplace(-Infinity), 0);
    assert.equal(k.laplace(Infinity), 1);
    assert.equal(k.xielu(-Infinity), Infinity);
    assert.equal(k.tanhshrink(-Infinity), -Infinity);
    assert.equal(k.snake(Infinity), Infinity);
    assert.ok(Number.isNaN(k.snakeD1(Infinity)));
  });

  it('take the documented side at kinks and jumps', function () {
    // f(0) = αn·expm1(ε) (the x ≤ 0 branch) = −7.99999600000133…e−7, not f(0⁺) = 0.
    assert.ok(Math.abs(k.xielu(0) + 7.999996000001333e-7) <= 2 ** -73);
    assert.equal(k.xieluD1(0), -0.3); // β − αₙ with the decimals, not 0.5 − 0.8 in doubles
    assert.equal(k.geluIbertD1(0), 0.5);
    assert.equal(k.hardtanhD1(1), 0);
    assert.equal(k.hardSigmoidD1(3), 0);
    assert.equal(k.softshrinkD1(0.5), 0);
    assert.equal(k.hardshrink(0.5), 0);
    assert.equal(k.sparsePlusD1(1), 1);
    assert.equal(k.sparsePlusD1(-1), 0);
    assert.equal(k.celuD2(0), 0);
    assert.equal(k.softsignD2(0), 0);
  });

  it('take the same side as PyTorch autograd at each kink (when /usr/bin/python3 has torch)', function () {
    this.timeout(60000);
    const script = [
      'import json, torch',
      'F = torch.nn.functional',
      'def d(f, x, order):',
      '    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)',
      '    g, = torch.autograd.grad(f(t), t, create_graph=True)',
      '    if order == 1: return g.item()',
      '    try:',
      '        h, = torch.autograd.grad(g, t, allow_unused=True)',
      '    except RuntimeError:',
      '        return None  # torch 1.13 has no double backward for hardsigmoid',
      '    return 0.0 if h is None else h.item()',
      'cases = [("hardtanh", F.hardtanh, x) for x in (-1.0, 1.0)] + [("hard_sigmoid", F.hardsigmoid, x) for x in (-3.0, 3.0)]',
      'cases += [("softshrink", F.softshrink, x) for x in (-0.5, 0.5)] + [("hardshrink", F.hardshrink, x) for x in (-0.5, 0.5)]',
      'cases += [("celu", F.celu, 0.0), ("softsign", F.softsign, 0.0), ("relu2", lambda t: F.relu(t)**2, 0.0)]',
      'print(json.dumps([[n, x, f(torch.tensor(x, dtype=torch.float64)).item(), d(f, x, 1), d(f, x, 2)] for n, f, x in cases]))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', script], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.log(`    (skipped: torch not usable by /usr/bin/python3 (apt-get install -y python3-torch): ${r.stderr.trim().split('\n').pop() ?? ''})`);
      this.skip();
    }
    for (const [id, x, y, dy, d2y] of JSON.parse(r.stdout) as [string, number, number, number, number | null][]) {
      const fns = ADDED[id]!;
      // + 0 folds −0 into 0: the sign of a zero derivative is not a convention.
      assert.deepEqual([fns[0](x), fns[1](x)].map((v) => v + 0), [y, dy].map((v) => v + 0), `${id} at ${x}`);
      if (d2y !== null) assert.equal(fns[2](x) + 0, d2y + 0, `${id}″ at ${x}`);
    }
  });

  it('read a parameter as the decimal it prints as', function () {
    // 0.1 as a decimal is 0.1000000000000000000000000000000…, the double is 5.55e−18 above it.
    assert.equal(k.decimalTail(0.1), -5.551115123125783e-18);
    assert.equal(k.decimalTail(0.5), 0);
    assert.equal(k.decimalTail(4), 0);
  });
});
